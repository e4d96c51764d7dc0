"""The profile's one schema (core/schema.py) and what is made from it: the validator's keys, the JSON Schema
`debtplan schema` prints, the README's field table, the form API, and a field added through it alone (a debt's
fees)."""
import json
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest
import yaml

from debtplan.core import schema
from debtplan.core.errors import ProfileError
from debtplan.core.model import Fee
from debtplan.inputs.validate import parse_profile
from debtplan.run.cli import main
from debtplan.text.problems import problem_text

from conftest import examples

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "data" / "examples").glob("*.yaml"))


def as_editor_sees(path: Path) -> dict:
    """A YAML profile as a JSON document (dates as the text they are written as), as an editor checks it."""
    return json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))


def printed_schema(capsys) -> dict:
    assert main(["schema"]) == 0
    return json.loads(capsys.readouterr().out)


def test_the_printed_schema_is_a_valid_2020_12_schema(capsys):
    printed = printed_schema(capsys)
    assert printed["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(printed)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_profile_validates_against_the_printed_schema(capsys, path):
    jsonschema.validate(as_editor_sees(path), printed_schema(capsys),
                        cls=jsonschema.Draft202012Validator)


@pytest.mark.parametrize("break_it", ["unknown key", "debt without principal", "debts not a list", "typo in fee"])
def test_a_broken_profile_does_not_validate(capsys, break_it):
    data = as_editor_sees(EXAMPLES[0])
    if break_it == "unknown key":
        data["debtz"] = []
    elif break_it == "debt without principal":
        del data["debts"][0]["principal"]
    elif break_it == "debts not a list":
        data["debts"] = {"creditor": "借呗"}
    else:
        data["debts"][0]["fees"] = [{"amout": 200}]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, printed_schema(capsys), cls=jsonschema.Draft202012Validator)


def test_the_readme_field_table_is_the_generated_one():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme.split(schema.TABLE_BEGIN, 1)[1].split(schema.TABLE_END, 1)[0] == schema.markdown_table()


def test_the_validator_allows_exactly_the_schema_keys():
    from debtplan.inputs.events import COLLECTION_KEYS, COURT_KEYS, LETTER_KEYS
    from debtplan.inputs.validate import DEBT_KEYS, TOP_KEYS
    assert DEBT_KEYS == {f.name for f in schema.fields_of("debts")}
    assert TOP_KEYS == {f.name for f in schema.fields_of("")}
    assert (COLLECTION_KEYS, COURT_KEYS, LETTER_KEYS) == tuple(schema.keys_of(s) for s in
                                                               ("collections", "court_events", "letters"))


def test_the_form_api_gives_fields_in_order_with_labels_and_widgets():
    debt = schema.fields_of("debts")
    assert [f.name for f in debt[:4]] == ["creditor", "product", "principal", "daily_rate"]
    assert {f.name: f.widget for f in debt}["overdue_since"] == "date"
    assert {f.name: f.widget for f in debt}["product"] == "dropdown"
    assert schema.field("debts", "principal").label == "field_principal"
    assert schema.field("", "payments").evidence and not schema.field("", "debts").evidence
    from debtplan.inputs.merge import EVIDENCE_LISTS
    assert EVIDENCE_LISTS == schema.evidence_lists() == {"negotiations", "collections", "letters", "payments",
                                                               "call_imports"}
    assert schema.field("letters", "reply_by").future and not schema.field("payments", "date").future


# ---- a field added through the schema alone: a debt's fees (core/schema.py, core/model.py, text/sentences.py)

def xiao_li(**debt):
    return {"name": "t", "as_of": "2026-11-28", "income": [{"name": "pay", "amount": 5800}],
            "debts": [{"creditor": "借呗", "product": "蚂蚁借呗", "principal": "2万", **debt}]}


def test_a_debt_carries_its_fees():
    p = parse_profile(xiao_li(fees=[{"kind": "guarantee", "amount": "200元"}, {"amount": 300, "timing": "start"}]))
    assert p.debts[0].fees == (Fee("guarantee", Decimal("200"), "each_payment"), Fee("other", Decimal("300"), "start"))
    assert parse_profile(xiao_li()).debts[0].fees == ()


@pytest.mark.parametrize("fee, code, zh", [
    ({"amount": "-5"}, "problem_negative", "第1笔欠款（借呗）的第1项费用的金额"),
    ({"amount": 5, "timing": "sometimes"}, "problem_not_a_choice", "第1笔欠款（借呗）的第1项费用的收取时间"),
    ({"amount": 5, "kind": "tip"}, "problem_not_a_choice", "第1笔欠款（借呗）的第1项费用的类型"),
    ({}, "problem_missing_amount", "第1笔欠款（借呗）的第1项费用的金额"),
    ({"amount": 5, "every": 1}, "problem_unknown_key", "第1笔欠款（借呗）的第1项费用"),
])
def test_a_wrong_fee_is_reported_where_it_is(fee, code, zh):
    with pytest.raises(ProfileError) as info:
        parse_profile(xiao_li(fees=[fee]))
    [problem] = info.value.problems
    assert problem.code == code
    assert problem_text(problem, "zh").startswith(zh)
    assert "fee 1" in problem_text(problem, "en")


def test_the_property_generator_draws_the_schema_fields():
    """The Hypothesis generator takes a debt's fees from the schema: every drawn fee record is accepted."""
    from hypothesis import given, settings
    from test_property import from_schema

    @settings(max_examples=examples(30), deadline=None)
    @given(from_schema("fees"))
    def check(fee):
        assert set(fee) <= schema.keys_of("fees") and "amount" in fee
        assert len(parse_profile(xiao_li(fees=[fee])).debts[0].fees) == 1
    check()


def test_every_choice_of_the_schema_is_the_word_tables_codes():
    """A code added to data/words.yaml but not to the schema (or the other way round) fails here, not as a
    KeyError in a calculation (a cost category the benchmark mapping lacks)."""
    from debtplan.inputs.words import load_words
    words = load_words()
    for section, fields in schema.SECTIONS.items():
        for f in fields:
            if f.kind == "choice" and f.words in words.index:
                assert set(words.index[f.words].values()) == set(f.choices), (section, f.name)


#: The fields the validator reads by hand, because a rule across fields or records decides their value: the rate
#: a preset supplies, the method a product defaults to, the overrides of a product's rule (kept only when written),
#: a record's id and creditor (one of the debts), an offer's numbered name and its missing months, a cost's
#: free-text category, a correction naming an earlier contact.
READ_BY_HAND = {
    "debts": {"daily_rate", "annual_rate", "method", "offers"},
    "offers": {"id", "name", "months"},
    "fixed_costs": {"category", "name"}, "flexible_costs": {"category", "name"},
    "negotiations": {"id", "creditor", "amends"}, "agreements": {"id", "creditor", "months"},
    "payments": {"id", "creditor"}, "collections": {"id", "creditor"}, "court_events": {"id", "creditor"},
    "letters": {"id", "creditor"}, "settings": set(), "borrower": set(), "household": set(), "savings": set(),
    "hardship": set(), "fees": set()}


@pytest.mark.parametrize("section", sorted(READ_BY_HAND))
def test_the_validator_reads_every_other_field_from_its_schema_entry(section):
    """Every field of these sections is marked generic (read by inputs/reader.py from its schema entry alone)
    except the few a rule across fields decides; a debt's product-rule overrides are read from their entries too,
    only when written."""
    from debtplan.core.model import RULE_FIELDS
    from debtplan.core.schema import fields_of

    by_hand = {f.name for f in fields_of(section) if not f.generic}
    if section == "debts":
        by_hand -= set(RULE_FIELDS)
    assert by_hand == READ_BY_HAND[section]


@pytest.mark.parametrize("section,name,record", [
    ("negotiations", "person", {"creditor": "借呗", "date": "2026-11-01"}),
    ("agreements", "notes", {"creditor": "借呗", "start_date": "2026-12-01", "months": 12, "monthly_payment": 900}),
    ("payments", "note", {"creditor": "借呗", "date": "2026-11-01", "amount": 100}),
    ("collections", "caller", {"creditor": "借呗", "at": "2026-11-01 10:00", "contacted": "borrower"}),
    ("court_events", "court", {"kind": "complaint", "creditor": "借呗", "received": "2026-11-01"}),
    ("letters", "copy", {"kind": "proposal", "creditor": "借呗", "date": "2026-11-01"}),
    ("fixed_costs", "amount", {"category": "rent", "amount": 100}),
])
def test_a_bound_changed_in_the_schema_changes_what_the_validator_accepts(monkeypatch, section, name, record):
    """The validator has no bounds of its own for these fields: tightening the schema entry alone makes a value
    that was fine a problem at its place."""
    import dataclasses

    from debtplan.core import schema
    from debtplan.core.errors import ProfileError
    from debtplan.inputs.validate import parse_profile

    tight = {"limit": 3} if name != "amount" else {"high": Decimal(50)}
    monkeypatch.setitem(schema.SECTIONS, section, tuple(dataclasses.replace(f, **tight) if f.name == name else f
                                                         for f in schema.SECTIONS[section]))
    data = {"name": "x", "as_of": "2026-11-28", "income": [{"name": "pay", "amount": 5000}],
            "debts": [{"creditor": "借呗", "product": "jiebei", "principal": 20000}],
            section: [{**record, name: "four" if name != "amount" else 100}]}
    with pytest.raises(ProfileError) as err:
        parse_profile(data, "p.yaml")
    code = "problem_text_too_long" if name != "amount" else "problem_amount_above"
    assert [(p.path, p.code) for p in err.value.problems] == [(f"{section}[0].{name}", code)]


def test_income_lines_are_read_through_the_schema():
    """An income line's fields are read by their schema entries (only which one may be left out, and the
    defaults the last months give, are rules of their own): a month that is not an amount is named as that month
    (it was named "month 2, 'm'"), and the schema's ceiling on an amount holds for income too."""
    from debtplan.core.errors import ProfileError
    from debtplan.inputs.profile import parse_profile
    from debtplan.text.problems import problem_text

    with pytest.raises(ProfileError) as caught:
        parse_profile({"name": "x", "as_of": "2026-11-28",
                       "income": [{"name": "pay", "recent": [5000, "abc"]}, {"name": "side", "amount": 20000000000000}]})
    problems = {p.path: problem_text(p, "en") for p in caught.value.problems}
    assert set(problems) == {"income[0].recent[1]", "income[1].amount"}, problems
    assert problems["income[0].recent[1]"].startswith("income 1 (pay), month 2: 'abc' is not an amount")
    lines = parse_profile({"name": "x", "as_of": "2026-11-28",
                           "income": [{"recent": [5000, 4000]}, {"amount": "5800元", "irregular": "是"}]}).income
    assert [(x.name, x.amount, x.irregular) for x in lines] == [("1", 4000, True), ("2", 5800, True)]


def test_the_readme_table_is_rewritten_from_the_schema(tmp_path):
    """`make schema-table` (`debtplan schema --readme README.md`) writes the table: a new field needs no hand
    edit of the README; a README without its markers is refused and left alone."""
    from debtplan.run.cli import main

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    begin, end = schema.TABLE_BEGIN, schema.TABLE_END
    head, rest = readme.split(begin)
    copy = tmp_path / "README.md"
    copy.write_text(head + begin + "| an old table |" + end + rest.split(end, 1)[1], encoding="utf-8")
    assert main(["schema", "--readme", str(copy)]) == 0
    assert copy.read_text(encoding="utf-8") == readme
    bare = tmp_path / "bare.md"
    bare.write_text("no markers here\n", encoding="utf-8")
    assert main(["schema", "--readme", str(bare)]) == 2 and bare.read_text(encoding="utf-8") == "no markers here\n"
