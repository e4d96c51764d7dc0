"""House-keeping the code keeps: one sentence key per wording, comments that say what the code does, one list of
repayment methods."""
from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

LIB = Path(__file__).resolve().parents[1] / "lib" / "debtplan"


def test_no_two_sentence_keys_say_the_same_thing_in_both_languages():
    """A wording said under two keys drifts apart when one is corrected: the same zh and en text is one key."""
    from debtplan.text.sentences import SENTENCES

    by_text = defaultdict(list)
    for key, entry in SENTENCES.items():
        by_text[(entry.get("zh"), entry.get("en"))].append(key)
    assert [keys for keys in by_text.values() if len(keys) > 1] == []


def test_no_comment_names_an_issue_number():
    """Comments and docstrings describe behaviour; the tracker's numbers mean nothing to a reader of the code."""
    found = [f"{path.relative_to(LIB)}:{n}" for path in sorted(LIB.rglob("*.py"))
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if re.search(r"\bissues? ?#?\d{1,3}\b", line, re.IGNORECASE)]
    assert found == []


def test_the_debt_form_offers_every_schedule_method_by_name():
    """The debt form's method dropdown lists the methods calc/schedules.py computes (core/conventions.py), each
    with a sentence in both languages."""
    from debtplan.app.choices import METHOD_KEYS, options
    from debtplan.core.conventions import METHOD_NAMES
    from debtplan.core.schema import field
    from debtplan.text.sentences import SENTENCES

    assert [code for _, code in options(field("debts", "method"), "en")] == list(METHOD_NAMES)
    assert all(SENTENCES[METHOD_KEYS[m]]["zh"] and SENTENCES[METHOD_KEYS[m]]["en"] for m in METHOD_NAMES)


def test_every_choice_of_every_form_has_words_in_both_languages():
    """Each choice field the app's forms show (core/schema.py) has words for each code in zh and en
    (app/choices.py), so a field added to the schema cannot show a bare code."""
    from debtplan.app.choices import options
    from debtplan.core.schema import SECTIONS

    for section, fields in SECTIONS.items():
        for f in fields:
            if f.in_form and f.kind == "choice" and f.name != "creditor":
                for lang in ("zh", "en"):
                    words = options(f, lang)
                    assert [code for _, code in words if code] == list(f.choices), (section, f.name)
                    assert all(w for w, _ in words), (section, f.name, lang)
                    if lang == "zh":
                        assert all(w != code for w, code in words if code), (section, f.name)
