"""The all-in annual cost of a loan and the ceiling that applies to its lender (calc.truecost)."""
import datetime as dt
from decimal import Decimal as D

import pytest
import yaml
from hypothesis import given, settings, strategies as st

from conftest import ROOT, examples
from debtplan.calc.rates import apr
from debtplan.calc.truecost import LoanFee, all_in_cost, applicable_ceiling, excess_over_ceiling
from debtplan.core.errors import InputError

LENDERS = yaml.safe_load((ROOT / "data/rules/lenders.yaml").read_text(encoding="utf-8"))


def test_the_worked_example_guarantee_fee_with_each_payment():
    """10,000 received; 833.33 principal + 50.00 interest + 200.00 guarantee a month for 12 months."""
    cost = all_in_cost(D("10000"), [D("883.33")] * 12, [LoanFee("guarantee", D("200"), "each_payment")])
    assert cost.flows == (D("1083.33"),) * 12 and cost.fees == D("2400.00")
    assert round(cost.rate.apr, 4) == D("0.5144") and round(cost.rate.monthly_rate, 5) == D("0.04287")
    without = all_in_cost(D("10000"), [D("883.33")] * 12)
    assert round(without.rate.apr, 4) == D("0.1090")  # without the fee: 10.90% a year (0.5% a month flat)


def test_a_fee_at_the_start_lowers_what_she_received():
    cost = all_in_cost(D("10000"), [D("888.49")] * 12, [LoanFee("service", D("500"), "start")])
    assert cost.received == D("9500") and cost.rate == apr(D("10000"), [D("888.49")] * 12, upfront_fee=D("500"))
    assert cost.rate.apr > D("0.21")


@pytest.mark.parametrize("kind, made, lpr, basis, rate", [
    ("consumer_finance", dt.date(2024, 3, 1), None, "reduce_on_request", D("0.24")),
    ("micro_lender", dt.date(2019, 3, 1), None, "reduce_on_request", D("0.24")),
    ("bank_card", dt.date(2024, 3, 1), None, "card_case_by_case", None),
    ("facilitation", dt.date(2025, 9, 30), None, "reduce_on_request", D("0.24")),
    ("facilitation", dt.date(2025, 10, 1), None, "cost_within", D("0.24")),
    ("private", dt.date(2026, 2, 1), D("0.030"), "private_lpr", D("0.12")),
])
def test_which_ceiling_applies_to_which_lender(kind, made, lpr, basis, rate):
    ceiling = applicable_ceiling(kind, made, LENDERS, lpr)
    assert (ceiling.basis, ceiling.rate) == (basis, rate) and ceiling.source and ceiling.source_en


def test_unknown_kinds_fees_and_a_private_loan_without_lpr_are_refused():
    with pytest.raises(InputError):
        applicable_ceiling("loan_shark", None, LENDERS)
    with pytest.raises(InputError):
        applicable_ceiling("private", dt.date(2026, 1, 1), LENDERS)
    with pytest.raises(InputError):
        all_in_cost(D("100"), [D("60")] * 2, [LoanFee("guarantee", D("-1"), "start")])


def test_excess_is_what_she_pays_beyond_the_ceiling_and_none_without_a_figure():
    cost = all_in_cost(D("10000"), [D("883.33")] * 12, [LoanFee("guarantee", D("200"), "each_payment")])
    assert excess_over_ceiling(cost, applicable_ceiling("facilitation", dt.date(2026, 1, 5), LENDERS)) == D("1652.81")
    assert excess_over_ceiling(cost, applicable_ceiling("bank_card", None, LENDERS)) is None
    cheap = all_in_cost(D("10000"), [D("888.49")] * 12)
    assert excess_over_ceiling(cheap, applicable_ceiling("bank_loan", None, LENDERS)) == D("0.00")


@settings(max_examples=examples(40), deadline=None)
@given(st.integers(1000, 200000), st.integers(3, 36), st.integers(0, 300), st.integers(0, 2000))
def test_fees_only_ever_raise_the_cost(principal, months, per_payment, at_start):
    payments = [D(principal) / months + D(principal) / 200] * months
    base = all_in_cost(D(principal), payments)
    fees = [LoanFee("service", D(per_payment), "each_payment"), LoanFee("guarantee", D(min(at_start, principal // 2)), "start")]
    assert all_in_cost(D(principal), payments, fees).rate.apr >= base.rate.apr


# ---- through the profile: schema -> model -> assessment -> report, JSON and letters

import json
import subprocess
import sys
from pathlib import Path

from debtplan.calc.assessment import assess
from debtplan.calc.truecost import lender_of, lpr_on, true_cost
from debtplan.core.schema import LENDER_KINDS
from debtplan.inputs.profile import load_profile, parse_profile, read_profile_dict
from debtplan.inputs.rules import load_rules
from debtplan.present import legal, pack, views
from debtplan.present.textreport import assessment_text

RULES = load_rules()
LIN_NA = ROOT / "data/examples/lin-na.yaml"
EXAMPLE_DIR = ROOT / "data/examples"


def _profile(path, change=None):
    data = read_profile_dict(path)
    if change:
        change(data)
    return parse_profile(data, str(path))


def test_the_worked_example_through_the_profile_json():
    """lin-na.yaml: 10,000 received, 12 x (883.33 + 200.00 guarantee fee): `assess --format json` carries the
    lender, the ceiling with its source, and the all-in cost 51.44% against 24%."""
    out = subprocess.run([str(Path(sys.executable).parent / "debtplan"), "assess", "--profile", str(LIN_NA),
                          "--format", "json"], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    debt = json.loads(out.stdout)["debts"][0]
    tc = debt["true_cost"]
    assert (tc["lender_kind"], tc["lender_kind_from"], tc["funder"]) == ("facilitation", "profile", "某消费金融公司（示例）")
    assert tc["ceiling"]["basis"] == "cost_within" and tc["ceiling"]["rate"] == "0.24" and "金规〔2025〕9号" in tc["ceiling"]["source"]
    assert tc["ceiling"]["verified"] is False
    cost = tc["all_in_cost"]
    assert cost["received"] == "10000.00" and cost["fees"] == "2400.00"
    assert cost["monthly_payment_with_fees"] == ["1083.33"] * 12
    assert round(D(cost["annual_rate"]), 4) == D("0.5144") and round(D(cost["monthly_rate"]), 5) == D("0.04287")
    assert tc["above_ceiling"] is True and tc["excess"] == "1652.81"


@pytest.mark.parametrize("lang, cost, cap", [("zh", "51.44%", "24%"), ("en", "51.44%", "24%")])
def test_the_worked_example_in_the_report_text_and_the_second_part(lang, cost, cap):
    a = assess(load_profile(LIN_NA), RULES)
    text = assessment_text(a, lang)
    line = next(x for x in text.splitlines() if cost in x)
    assert cap in line and "1,652.81" in line
    html = views.owed_html(a, lang)
    assert cost in html and "1,652.81" in html and ("金规〔2025〕9号" if lang == "zh" else "Jingui [2025] No. 9") in html
    assert ("律师的解读" if lang == "zh" else "only secondary sources found") in html  # the unverified source says whose reading
    assert any(w.code == "loan_cost_above_ceiling" for w in a.warnings)


def test_the_refund_letter_and_defence_figures_appear_only_above_the_ceiling():
    a = assess(load_profile(LIN_NA), RULES)
    part5 = legal.legal_html(a, RULES, "zh")
    assert "退还超出年化24%部分费用的申请" in part5 and "12378" in part5 and "1,652.81" in part5
    assert "在法院答辩时可以用的数字" in part5
    en = legal.legal_html(a, RULES, "en")
    assert "Request to refund the charges above 24% a year" in en and "National Financial Regulatory Administration" in en
    talk = pack.talking_points_html(a, "en")
    assert "51.44%" in talk and "1,652.81" in talk
    # the same loan with a 20.00 fee costs less than 24% a year: no letter, no defence figures, no talking point
    cheap = assess(_profile(LIN_NA, lambda d: d["debts"][0]["fees"][0].update(amount=20)), RULES)
    assert not cheap.debts[0].truecost.above and cheap.debts[0].truecost.cost.rate.apr < D("0.24")
    assert "退还超出" not in legal.legal_html(cheap, RULES, "zh")
    assert "Request to refund" not in legal.legal_html(cheap, RULES, "en")
    assert "51.44%" not in pack.talking_points_html(cheap, "en")
    # a debt without fees (Xiao Li's Jiebei) gets none either
    xl = assess(load_profile(EXAMPLE_DIR / "xiao-li.yaml"), RULES)
    assert "退还超出" not in legal.legal_html(xl, RULES, "zh")


def test_a_credit_card_gets_no_24_percent_excess_but_the_reduce_on_request_sentence():
    sam = assess(load_profile(EXAMPLE_DIR / "sam.yaml"), RULES)
    card = sam.debt("ICBC credit card")
    assert card.owed.charges > 0 and card.court_cap is None and card.owed.court_cap_excess == 0
    assert card.truecost.ceiling.basis == "card_case_by_case" and card.truecost.kind == "bank_card"
    assert not any(w.code == "court_cap_excess" and w.params["creditor"] == "ICBC credit card" for w in sam.warnings)
    owed = views.owed_html(sam, "en")
    assert "ask the court to reduce them" in owed and "Fashi [2021] No. 10" in owed
    talk = pack.talking_points_html(sam, "en")
    assert "above 24%" not in talk and "Fashi [2021] No. 10, Art. 2" in talk
    assert all(p.court_cap_excess == 0 for p in card.projection)  # the chart's cap line is the total: none drawn


def test_known_products_fill_in_their_usual_lender():
    lenders = RULES.lenders
    xl = load_profile(EXAMPLE_DIR / "xiao-li.yaml").debts[0]
    assert xl.product == "jiebei" and lender_of(xl, lenders) == ("consumer_finance", "重庆蚂蚁消费金融有限公司", "product")
    old = _profile(EXAMPLE_DIR / "xiao-li.yaml",
                   lambda d: d["debts"][0].update(contract_date="2020-06-01")).debts[0]
    assert lender_of(old, lenders) == ("micro_lender", "重庆市蚂蚁商诚小额贷款有限公司", "product")
    own = _profile(EXAMPLE_DIR / "xiao-li.yaml", lambda d: d["debts"][0].update(lender_kind="bank_loan",
                                                                               lender="某银行")).debts[0]
    assert lender_of(own, lenders) == ("bank_loan", "某银行", "profile")


def test_private_lending_takes_four_times_the_lpr_at_the_contract_date():
    def private(made):
        def change(d):
            d["debts"][0].update(lender_kind="private", product="generic", annual_rate="0.10")
            d["debts"][0].pop("daily_rate", None)
            if made:
                d["debts"][0]["contract_date"] = made
            d["debts"][0].pop("start_date", None)
        return _profile(EXAMPLE_DIR / "xiao-li.yaml", change)
    assert lpr_on(dt.date(2024, 11, 1), RULES.lenders) == D("0.031")
    a = assess(private("2024-11-01"), RULES)
    assert a.debts[0].court_cap == D("0.124") and a.debts[0].truecost.ceiling.basis == "private_lpr"
    undated = assess(private(None), RULES)
    assert undated.debts[0].truecost.needs_date and any(w.code == "private_needs_date" for w in undated.warnings)


def test_every_lender_kind_of_the_schema_has_its_ceiling_and_every_product_entry_is_a_product():
    from debtplan.core.model import PRODUCTS
    assert set(LENDER_KINDS) == set(RULES.lenders["kinds"])
    assert set(RULES.lenders["products"]) <= set(PRODUCTS)
    for kind in LENDER_KINDS:
        assert RULES.lenders["kinds"][kind]["ceiling"] in RULES.lenders["ceilings"]


def test_fees_that_repay_nothing_leave_the_cost_unknown_instead_of_failing():
    debt = _profile(LIN_NA, lambda d: d["debts"][0]["fees"][0].update(amount="20000", timing="start")).debts[0]
    tc = true_cost(debt, RULES.lenders)
    assert tc.cost is None and tc.excess is None and not tc.above


def test_the_app_debts_step_enters_the_lender_and_the_fees_and_saves_them(tmp_path):
    """The debts step has the lender's kind and the fee fields; a fee entered there changes the all-in cost shown
    and is saved to the profile."""
    from debtplan.app.session import open_profile
    from debtplan.app.widgets import App

    path = tmp_path / "lin-na.yaml"
    path.write_bytes(LIN_NA.read_bytes())
    app = App(open_profile(str(path)), today=dt.date(2026, 11, 29))
    app.nav.value = "owed"
    fields = {f.path: f for f in app.all_fields()}
    assert fields["debts[0].lender_kind"].input.value == "facilitation"
    assert fields["debts[0].funder"].input.value == "某消费金融公司（示例）"
    assert "51.44%" in app.current.view.value
    fee = fields["debts[0].fees[0].amount"]
    assert fee.input.value == "200"
    fee.input.value = "20"  # a 20.00 fee a month: within 24% a year
    assert "51.44%" not in app.current.view.value and "退还" not in app.current.view.value
    fields["debts[0].lender_kind"].input.value = "private"
    app.save_button.click()
    saved = load_profile(path).debts[0]
    assert saved.fees[0].amount == D("20") and saved.lender_kind == "private"


def test_a_private_loans_letter_names_the_private_lending_rule_not_the_financial_loans_one():
    from debtplan.present.pack import letter_html

    def change(d):
        d["debts"][0].update(lender_kind="private", product="generic", annual_rate="0.30", contract_date="2024-11-01")
        d["debts"][0].pop("daily_rate", None)
        d["debts"][0].pop("start_date", None)
    a = assess(_profile(EXAMPLE_DIR / "xiao-li.yaml", change), RULES)
    d = a.debts[0]
    assert d.owed.court_cap_excess > 0
    text = letter_html(a, d, "zh")
    assert "第二十五条" in text and "年利率12.4%" in text and "法发〔2017〕22号" not in text
    assert "Art. 25" in letter_html(a, d, "en")
