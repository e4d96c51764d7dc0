"""The app's forms come from the profile's one schema (core/schema.py): each form shows the fields the schema
marks for it, in the schema's order, and a field added to the schema appears in its form with no app code."""
import datetime as dt
from decimal import Decimal

import pytest
import yaml

from debtplan.app.session import open_profile
from debtplan.app.widgets import App
from debtplan.core import schema

from conftest import ROOT

TODAY = dt.date(2026, 11, 29)
#: One record in every list a form edits, so that each form is on the page.
RECORDS = {
    "agreements": [{"creditor": "借呗", "start_date": "2026-12-10", "months": 12, "monthly_payment": 500}],
    "payments": [{"date": "2026-11-10", "creditor": "借呗", "amount": 300}],
    "court_events": [{"kind": "payment_order", "creditor": "借呗", "received": "2026-11-20"}],
    "credit_objections": [{"institution": "借呗", "kind": "wrong_amount"}],
}


def full_app(tmp_path) -> App:
    data = yaml.safe_load((ROOT / "data/examples/xiao-li.yaml").read_text(encoding="utf-8"))
    data.update(RECORDS)
    data["debts"][0]["offers"] = [{"name": "12 期", "months": 12, "monthly_fee_rate": "0.006"}]
    data["debts"][0]["fees"] = [{"kind": "guarantee", "amount": 30}]
    path = tmp_path / "me.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return App(open_profile(str(path)), today=TODAY)


def shown(app: App, record: str) -> list[str]:
    """The keys of the fields the page shows for ``record`` (a path such as ``debts[0]``; "" the top level), in
    the page's order."""
    prefix = f"{record}." if record else ""
    keys = [f.path[len(prefix):] for f in app.all_fields() if f.path.startswith(prefix)]
    return [k for k in keys if k and "." not in k and "[" not in k]


FORMS = [("", ""), ("household", "household"), ("savings", "savings"), ("income[0]", "income"),
         ("fixed_costs[0]", "fixed_costs"), ("flexible_costs[0]", "flexible_costs"), ("debts[0]", "debts"),
         ("debts[0].offers[0]", "offers"), ("debts[0].fees[0]", "fees"), ("borrower", "borrower"),
         ("hardship", "hardship"), ("agreements[0]", "agreements"), ("payments[0]", "payments"),
         ("court_events[0]", "court_events"), ("credit_objections[0]", "credit_objections")]


@pytest.mark.parametrize("record,section", FORMS, ids=[s or "top" for _, s in FORMS])
def test_each_form_shows_what_the_schema_marks_for_it_in_its_order(tmp_path, record, section):
    app = full_app(tmp_path)
    wanted = [f.name for f in schema.fields_of(section) if f.in_form]
    assert wanted and shown(app, record) == wanted


def test_the_forms_that_add_a_record_follow_the_schema_too(tmp_path):
    step = full_app(tmp_path).step("log")
    for form, section in ((step.log_form, "negotiations"), (step.collection_form, "collections"),
                          (step.letter_form, "letters")):
        assert list(form.fields) == [f.name for f in schema.fields_of(section) if f.in_form], section


def test_a_field_added_to_the_schema_appears_in_its_form(tmp_path, monkeypatch):
    """A new debt field and a new agreement amount, written only in the schema (and their labels): the forms
    show them with their labels, and what she types lands in the profile."""
    from debtplan.text import sentences

    monkeypatch.setitem(schema.SECTIONS, "debts", (*schema.SECTIONS["debts"], schema.Field("guarantor", "text")))
    monkeypatch.setitem(schema.SECTIONS, "agreements",
                        (*schema.SECTIONS["agreements"], schema.Field("deposit", "amount", low=Decimal(0))))
    monkeypatch.setitem(sentences.SENTENCES, "field_guarantor", {"zh": "担保人", "en": "guarantor"})
    monkeypatch.setitem(sentences.SENTENCES, "field_deposit", {"zh": "首付", "en": "deposit"})
    app = full_app(tmp_path)
    fields = {f.path: f for f in app.all_fields()}
    guarantor, deposit = fields["debts[0].guarantor"], fields["agreements[0].deposit"]
    assert guarantor.input.description == "担保人" and deposit.input.description == "首付"
    assert type(guarantor.input).__name__ == "Text" and shown(app, "debts[0]")[-1] == "guarantor"
    guarantor.input.value = "王女士"
    deposit.input.value = "1,000"
    assert app.session.get(("debts", 0, "guarantor")) == "王女士"
    assert app.session.get(("agreements", 0, "deposit")) == 1000


def test_a_field_the_schema_keeps_out_of_the_form_is_not_shown(tmp_path):
    """The expert's terms of a debt (penalty daily rate, grace days...) stay in the file."""
    keys = shown(full_app(tmp_path), "debts[0]")
    hidden = [f.name for f in schema.fields_of("debts") if not f.form]
    assert "grace_days" in hidden and not set(hidden) & set(keys)


def test_a_choice_left_out_of_the_file_shows_what_it_means(tmp_path):
    """A debt without ``lender_kind`` is costed as its product's usual lender: the dropdown says so instead of
    showing an empty box."""
    app = full_app(tmp_path)
    box = {f.path: f for f in app.all_fields()}["debts[0].lender_kind"].input
    assert app.session.get(("debts", 0, "lender_kind")) is None
    assert box.value == "" and box.label == "按产品通常的出借方"


@pytest.mark.parametrize("name", ["xiao-li", "sam", "lin-na", "zhang-family"])
def test_no_choice_of_the_examples_shows_an_empty_box(tmp_path, name):
    """Every dropdown says what the figures use, also for a choice the file leaves out: Sam's credit card has no
    repayment method written, and its box was empty while the plans assumed equal principal."""
    path = tmp_path / f"{name}.yaml"
    path.write_bytes((ROOT / f"data/examples/{name}.yaml").read_bytes())
    app = App(open_profile(str(path)), today=TODAY)
    empty = [f.path for f in app.all_fields() if f.kind == "choice" and not (f.input.label or "").strip()]
    assert empty == []
    if name == "sam":
        method = {f.path: f for f in app.all_fields()}["debts[0].method"].input
        assert app.session.get(("debts", 0, "method")) is None and method.value == ""
        assert method.label == "The product's usual method (Equal principal)"
        assert app.session.assessment.debts[0].debt.method == "equal-principal"  # what the label says is used


def test_english_labels_of_every_form_start_with_a_capital(tmp_path):
    """The schema's field names are lower-case (they stand inside a problem's sentence); a form's label starts
    with a capital, in the forms that add a record too."""
    data = yaml.safe_load((ROOT / "data/examples/sam.yaml").read_text(encoding="utf-8"))
    path = tmp_path / "sam.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    app = App(open_profile(str(path)), today=TODAY)
    step = app.step("log")
    labels = [f.input.description for f in app.all_fields()]
    labels += [f.input.description for form in (step.log_form, step.collection_form, step.letter_form)
               for f in form.fields.values()]
    assert labels and [x for x in labels if not x[:1].isupper()] == []


def test_the_usual_method_is_named_for_a_product_in_her_own_words(tmp_path):
    """"信用卡" in the file is the credit card (data/words.yaml): its usual method is named as for the code."""
    path = tmp_path / "sam.yaml"
    text = (ROOT / "data/examples/sam.yaml").read_text(encoding="utf-8")
    path.write_text(text.replace("product: credit-card", "product: 信用卡", 1), encoding="utf-8")
    app = App(open_profile(str(path)), today=TODAY)
    method = {f.path: f for f in app.all_fields()}["debts[0].method"].input
    assert method.options[0] == ("The product's usual method (Equal principal)", "")
