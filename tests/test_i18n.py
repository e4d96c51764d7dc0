"""Every sentence exists in both languages with the same blanks, and numbers and dates read naturally."""
import datetime as dt
import re
import string
from decimal import Decimal

from pathlib import Path

import pytest

from debtplan.text.i18n import date_text, money_text, rate_text
from debtplan.text.sentences import SENTENCES

ROOT = Path(__file__).resolve().parents[1]

CJK = re.compile(r"[\u3400-\u9fff]")


def fields(text):
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_both_languages_with_the_same_blanks():
    for key, entry in SENTENCES.items():
        assert set(entry) == {"zh", "en"}, key
        assert fields(entry["zh"]) == fields(entry["en"]), key
        assert not CJK.search(entry["en"]), key
        assert entry["zh"].strip() and entry["en"].strip(), key


def test_locale_formats():
    assert money_text(Decimal("1234567.5"), "zh") == "1,234,567.50 元"
    assert money_text(Decimal("1234567.5"), "en") == "CNY 1,234,567.50"
    assert money_text(Decimal("-0.004"), "en") == "CNY 0.00"
    assert rate_text(Decimal("0.1825"), "zh") == "18.25%"
    assert date_text(dt.date(2027, 1, 5), "zh") == "2027年1月5日"
    assert date_text(dt.date(2027, 1, 5), "en") == "5 Jan 2027"


def test_every_sentence_key_is_written_out_where_it_is_used():
    """Searching for a key leads to its caller: no key is only ever assembled at run time."""
    sources = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "lib" / "debtplan").rglob("*.py")
                      if p.name != "sentences.py" and p.parent.name != "topics")
    sources += "".join(p.read_text(encoding="utf-8") for p in (ROOT / "notebooks").glob("*.ipynb"))
    unused = [k for k in SENTENCES if f'"{k}"' not in sources and f"'{k}'" not in sources
              and k not in schema_keys()]
    assert unused == []


def schema_keys() -> set[str]:
    """The sentence keys that name a field, a list's entries, a group or a choice of the profile's schema: found
    by searching core/schema.py for the field's name (``field_<name>``, ``place_<name>``, ``group_<name>``,
    ``choices_<words>``)."""
    from debtplan.text.problems import CHOICE_KEYS, FIELD_KEYS, GROUP_KEYS, PLACE_KEYS
    return {*FIELD_KEYS.values(), *PLACE_KEYS.values(), *GROUP_KEYS.values(), *CHOICE_KEYS.values()}


def test_every_field_of_the_schema_has_its_sentences():
    """A field added to the schema without its label (or a list without its numbering, a choice without its
    list of choices) fails here, not when a problem is first shown."""
    missing = sorted(k for k in schema_keys() if k not in SENTENCES or set(SENTENCES[k]) != {"zh", "en"})
    assert missing == []


def test_a_topic_key_defined_twice_is_refused():
    import types

    from debtplan.core.errors import RuleError
    from debtplan.text.topics import collect
    one, two = types.ModuleType("one"), types.ModuleType("two")
    one.SENTENCES = {"own_key": {"zh": "甲", "en": "a"}}
    two.SENTENCES = {"own_key": {"zh": "乙", "en": "b"}}
    assert collect({}, [one]) == one.SENTENCES
    with pytest.raises(RuleError, match="own_key"):
        collect({}, [one, two])
    with pytest.raises(RuleError, match="report_title"):
        collect({"report_title": {"zh": "", "en": ""}}, [types.SimpleNamespace(__name__="x", SENTENCES={"report_title": {}})])
