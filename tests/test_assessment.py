"""The assessment engine end to end, and the invariants the issue names."""
import json
import subprocess
import sys
from decimal import Decimal

import pytest
from hypothesis import given, settings, strategies as st

from debtplan.calc.allocation import DebtState, simulate, split_pro_rata
from debtplan.calc.assessment import assess
from debtplan.present.export import assessment_to_dict
from debtplan.calc.grid import scenario_grid
from debtplan.calc.options import OPTION_KINDS
from debtplan.inputs.profile import load_profile, parse_profile
from debtplan.calc.schedules import equal_installment

from conftest import EXAMPLES, FIXTURES, ROOT, examples
from debtplan.inputs.rules import load_rules

RULES = load_rules()

D = Decimal
ALL = EXAMPLES + [FIXTURES / "negative-surplus.yaml", FIXTURES / "five-debts.yaml"]


def check_invariants(data):
    available = D(data["allocation"]["available"])
    surplus = D(data["cash_flow"]["surplus"])
    shares = {k: D(v) for k, v in data["allocation"]["shares"].items()}
    assert sum(shares.values()) == available
    assert available <= max(surplus, D(0))
    savings = D(data["cash_flow"]["savings_available"])
    for debt in data["debts"]:
        share = shares[debt["creditor"]]
        assert D(debt["share"]) == share
        for o in debt["options"]:
            assert o["feasible"] == (D(o["monthly_payment"]) <= share and D(o["upfront"]) <= savings), o
            for key in ("monthly_payment", "total_paid"):
                assert len(o[key].split(".")[1]) == 2
        assert debt["proposal"]["reason"]


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_assess_cli_end_to_end(path):
    proc = subprocess.run([sys.executable, "-m", "debtplan.run.cli", "assess", "--profile", str(path), "--format",
                           "json"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    for key in ("as_of", "currency", "cash_flow", "debts", "allocation", "strategies", "warnings", "tracking"):
        assert key in data
    assert set(data["strategies"]) == {"pro-rata", "avalanche", "snowball"}
    check_invariants(data)
    again = subprocess.run([sys.executable, "-m", "debtplan.run.cli", "assess", "--profile", str(path), "--format",
                            "json"], capture_output=True, text=True)
    assert again.stdout == proc.stdout  # the same profile always gives the same output


def test_negative_surplus_gives_full_assessment():
    a = assess(load_profile(FIXTURES / "negative-surplus.yaml"), RULES)
    data = assessment_to_dict(a)
    assert D(data["cash_flow"]["surplus"]) < 0 and data["allocation"]["available"] == "0.00"
    assert all(not o["feasible"] for d in data["debts"] for o in d["options"])
    for d in data["debts"]:
        assert d["proposal"]["needed_monthly"] is not None and D(d["proposal"]["needed_monthly"]) > 0
        assert d["proposal"]["closest"] and d["proposal"]["closest"][0]["monthly_payment"] == d["proposal"]["needed_monthly"]
    shares = data["cash_flow"]["category_shares"]
    assert abs(sum(D(v) for v in shares.values()) - 1) <= D("0.0001") * len(shares)  # each rounded to 0.01%
    assert any("more than you earn" in w for w in data["warnings"])
    assert any("no plan fits" in w for w in data["warnings"])


def test_five_debts():
    a = assess(load_profile(FIXTURES / "five-debts.yaml"), RULES)
    assert len(a.debts) == 5
    assert {o.kind for d in a.debts for o in d.options} == set(OPTION_KINDS) - {"offer"}  # no offers recorded
    for s in a.strategies.values():
        assert s.months is not None and all(m is not None for m in s.payoff_month.values())
    assert a.strategies["avalanche"].total_paid <= a.strategies["snowball"].total_paid


def test_xiao_li_proposal_and_reason():
    a = assess(load_profile(ROOT / "data/examples/xiao-li.yaml"), RULES)
    d = a.debts[0]
    assert d.owed.penalty_interest == D("1260.00")  # 20000 x 0.0004 x 1.5 x 105 days
    assert d.owed.total == D("21260.00")
    p = d.proposal
    assert p.fits and p.survives_stress
    candidates = [o for o in d.options if o.feasible and o.fits_stress]
    assert p.option.total_paid == min(o.total_paid for o in candidates)
    data = assessment_to_dict(a)
    assert "442.92" in data["debts"][0]["proposal"]["reason"].replace(",", "")


def test_what_if_through_assess():
    p = load_profile(ROOT / "data/examples/xiao-li.yaml")
    assert assess(p, RULES, income_change="-0.5").available < assess(p, RULES).available
    assert assess(p, RULES, one_off=30000).savings_available > 0


def test_nothing_fits_names_amount_and_closest():
    p = parse_profile({"name": "x", "as_of": "2026-11-28", "income": [{"name": "a", "amount": 1000}],
                       "fixed_costs": [{"category": "rent", "amount": 950}],
                       "debts": [{"creditor": "c", "product": "jiebei", "principal": 50000,
                                  "overdue_since": "2026-10-01", "overdue_amount": 50000}]})
    d = assess(p, RULES).debts[0]
    assert not d.proposal.fits and d.proposal.needed_monthly > d.share
    assert len(d.proposal.closest) == 3
    assert d.proposal.closest[0].monthly_payment == min(o.monthly_payment for o in d.options if o.months)


@settings(max_examples=examples(60), deadline=None)
@given(st.integers(min_value=0, max_value=20000), st.lists(st.integers(min_value=100, max_value=60000),
                                                          min_size=1, max_size=5),
       st.integers(min_value=0, max_value=10000))
def test_assessment_invariants_hold(income, principals, rent):
    p = parse_profile({"name": "x", "as_of": "2026-11-28", "income": [{"name": "a", "amount": income}],
                       "fixed_costs": [{"category": "rent", "amount": rent}],
                       "debts": [{"creditor": f"d{i}", "product": "generic", "annual_rate": "0.18",
                                  "principal": v, "overdue_since": "2026-10-01", "overdue_amount": v}
                                 for i, v in enumerate(principals)]})
    check_invariants(assessment_to_dict(assess(p, RULES)))


@settings(max_examples=examples(200), deadline=None)
@given(st.decimals(min_value=-1000, max_value=10**7, places=2),
       st.lists(st.decimals(min_value=0, max_value=10**5, places=2), min_size=1, max_size=8),
       st.decimals(min_value=0, max_value=100, places=0))
def test_pro_rata_shares_sum_exactly(available, weights, floor):
    shares = split_pro_rata(available, {f"k{i}": w for i, w in enumerate(weights)}, floor)
    assert sum(shares.values()) == max(available, D(0))
    assert all(s >= 0 for s in shares.values())
    if available >= floor * len(weights):
        assert all(s >= floor for s in shares.values())


@settings(max_examples=examples(60), deadline=None)
@given(st.lists(st.tuples(st.integers(100, 50000), st.integers(0, 30), st.integers(10, 3000)), min_size=1,
                max_size=5), st.integers(0, 5000), st.sampled_from(["pro-rata", "avalanche", "snowball"]))
def test_strategies_never_starve_a_debt(specs, budget, strategy):
    """Each month every open debt gets at least its minimum (its floor, and at least its interest) whenever
    the money covers all the minimums; the money paid never exceeds the budget; payoffs are recorded."""
    import datetime as dt
    from debtplan.core.money import round_money

    debts = [DebtState(f"d{i}", D(b), D(r) / 1000, D(c), D(50)) for i, (b, r, c) in enumerate(specs)]
    rates = {d.name: d.monthly_rate for d in debts}
    result = simulate(strategy, debts, D(budget), dt.date(2026, 12, 28), max_months=120)
    for before, after in zip(result.balances, result.balances[1:]):
        open_ = [n for n in before if before[n] > 0]
        interest = {n: round_money(before[n] * rates[n]) for n in open_}
        paid = {n: before[n] + interest[n] - after[n] for n in open_}
        minimum = {n: min(before[n] + interest[n], max(D(50), interest[n])) for n in open_}
        assert sum(paid.values()) <= D(budget)
        assert all(p >= 0 for p in paid.values())
        if sum(minimum.values()) < D(budget):
            assert all(paid[n] >= minimum[n] for n in open_)
    if result.months is not None:
        assert all(m is not None for m in result.payoff_month.values())


def test_grid_agrees_with_exact_schedules():
    import random

    rng = random.Random(7)
    terms = list(range(1, 61))
    rates = [i / 1000 for i in range(0, 361, 2)]
    surpluses = [100 * k for k in range(1, 11)]
    g = scenario_grid(20000, terms, rates, surpluses)
    assert g.size >= 10000
    for _ in range(60):
        i, j = rng.randrange(len(terms)), rng.randrange(len(rates))
        s = equal_installment(20000, D(str(rates[j])), terms[i])
        assert D(f"{g.payment[i, j]:.2f}") == s.rows[0].payment
        assert abs(D(f"{g.total_paid[i, j]:.2f}") - s.total_payment) <= D("0.01") * terms[i]


def test_a_lenders_offer_is_costed_with_its_true_apr():
    """Sam's bank offered "only 0.6% a month" over 24 months: a flat fee on the original balance."""
    a = assess(load_profile(ROOT / "data/examples/sam.yaml"), RULES)
    card = a.debt("ICBC credit card")
    offer = next(o for o in card.options if o.kind == "offer")
    assert offer.label == "the bank's phone offer" and offer.months == 24
    from debtplan.core.money import round_money

    assert offer.total_paid == card.owed.total + 24 * round_money(card.owed.total * D("0.006"))
    # the rate it charges on what is owed today (13.27%), not 7.2% and not 17.50% (charges counted as its cost)
    assert D("0.1326") < offer.apr < D("0.1328")
    data = assessment_to_dict(a)
    labels = [o["label"] for o in data["debts"][0]["options"]]
    assert "Their offer, “the bank's phone offer” (24 months)" in labels


def test_huabei_own_installments_cost_about_15_percent():
    p = parse_profile({"name": "x", "as_of": "2026-11-28", "income": [{"name": "a", "amount": 9000}],
                       "debts": [{"creditor": "花呗", "product": "huabei", "principal": 3000, "term_months": 1}]})
    fees = {o.months: o for o in assess(p, RULES).debts[0].options if o.kind == "product_installments"}
    assert sorted(fees) == [3, 6, 9, 12]
    assert fees[12].total_paid == D("3264.00")  # 8.8% of 3,000 over 12 periods
    assert all(D("0.14") < o.apr < D("0.17") for o in fees.values())


def test_offer_needs_exactly_one_price():
    from debtplan.core.errors import ProfileError

    with pytest.raises(ProfileError, match="problem_offer_one_of"):
        parse_profile({"name": "x", "as_of": "2026-11-28", "debts": [{"creditor": "c", "annual_rate": "0.1",
                       "principal": 100, "offers": [{"months": 12, "monthly_fee_rate": "0.006",
                                                     "annual_rate": "0.1"}]}]})


def test_settings_and_rule_overrides_reach_the_options():
    p = parse_profile({"name": "x", "as_of": "2026-11-28", "income": [{"name": "a", "amount": 9000}],
                       "settings": {"frozen_monthly_fee": 20},
                       "debts": [{"creditor": "card", "product": "credit-card", "principal": 12000,
                                  "overdue_since": "2026-11-01", "max_installment_months": 24,
                                  "installment_fee_rates": {6: "0.04"}}]})
    options = assess(p, RULES).debts[0].options
    assert max(o.months for o in options if o.kind == "installments") == 24
    frozen = next(o for o in options if o.kind == "interest_frozen")
    assert frozen.schedule.rows[0].fee == D("20.00")
    assert [o.months for o in options if o.kind == "product_installments"] == [6]


def test_irregular_flag_without_months_is_noted():
    from debtplan.present.views import cash_flow_html

    p = parse_profile({"name": "x", "as_of": "2026-11-28", "lang": "en",
                       "income": [{"name": "Gig work", "amount": 800, "irregular": True}]})
    a = assess(p, RULES)
    assert a.cash_flow.income_lines[0].method == "stated_irregular"
    assert "Gig work varies: we used the CNY 800.00 you gave" in cash_flow_html(a, "en")


def test_priority_puts_the_fastest_growing_debt_first():
    a = assess(load_profile(ROOT / "data/examples/zhang-family.yaml"), RULES)
    weekly = [d.projection[7].total - d.projection[0].total for d in a.priority]
    assert weekly == sorted(weekly, reverse=True)
    assert a.priority[0].debt.creditor == "招商银行信用卡" and a.priority[-1].debt.creditor == "微粒贷"
    assert assessment_to_dict(a)["priority"][0] == "招商银行信用卡"


def test_cost_of_waiting_in_json():
    data = assessment_to_dict(assess(load_profile(ROOT / "data/examples/xiao-li.yaml"), RULES))
    waiting = data["debts"][0]["cost_of_waiting"]
    assert waiting["7"] == "84.00"  # 20,000 x 0.0004 x 1.5 x 7 days
    assert waiting["180"] == "2160.00" and D(data["debts"][0]["owed_in_180_days"]) == D("23420.00")


# ---- issue 12: every rate and amount the validator accepts computes ----

from debtplan.inputs.profile import read_profile_dict  # noqa: E402


def _debt(**kw):
    return lambda d: d["debts"][0].update(kw)


EXTREMES = {
    "daily_rate at the top of its range": _debt(daily_rate="0.01"),
    "daily_rate 0.0029": _debt(daily_rate="0.0029"),
    "daily_rate 0.005": _debt(daily_rate="0.005"),
    "daily_rate 1e-30": _debt(daily_rate="1e-30"),
    "principal 10, unpaid interest 5,000": _debt(principal=10, overdue_amount=10, unpaid_interest=5000),
    "overdue since 0001-01-01": _debt(overdue_since="0001-01-01", start_date="0001-01-01"),
    "as_of 9999-12-31": lambda d: d.update(as_of="9999-12-31"),
    "penalty multiplier 1e10": _debt(penalty_multiplier="1e10"),
    "penalty daily rate 5": _debt(penalty_daily_rate=5),
    "frozen fee 1e9": lambda d: d.update(settings={"frozen_monthly_fee": "1e9"}),
    "principal 1e12 at 1% a day": _debt(principal="1e12", overdue_amount="1e12", daily_rate="0.01"),
    "an offer of 1e12 a month": _debt(offers=[{"name": "o", "months": 24, "monthly_payment": "1e12"}]),
}


@pytest.mark.parametrize("case", sorted(EXTREMES))
def test_extreme_but_accepted_values_compute(case):
    data = read_profile_dict(ROOT / "data" / "examples" / "xiao-li.yaml")
    EXTREMES[case](data)
    try:
        profile = parse_profile(data, "x", RULES)
    except Exception as exc:  # the validator may refuse it (its range checks): then that is the answer
        from debtplan.core.errors import ProfileError
        assert isinstance(exc, ProfileError), exc
        return
    result = assess(profile, RULES)
    out = json.dumps(assessment_to_dict(result), ensure_ascii=False)
    from debtplan.present.textreport import assessment_text
    assessment_text(result, "en")
    for number in __import__("re").findall(r'"(-?\d+\.\d\d)"', out):
        assert len(number) < 25, (case, number)  # no 1e25 of interest printed
    for s in result.strategies.values():
        assert s.months is None or s.months <= 600


def test_a_payment_below_the_interest_is_not_repaid_and_says_so():
    d = [DebtState("a", Decimal(20000), Decimal("0.30"), Decimal(100))]
    r = simulate("avalanche", d, Decimal(100), __import__("datetime").date(2026, 12, 1))
    assert not r.repaid and r.months is None and len(r.balances) < 600
    assert r.total_interest < Decimal(20000) * 10
    from debtplan.text.i18n import t
    assert t("not_repaid", "en") == "not repaid at this amount" and t("not_repaid", "zh")
