from decimal import Decimal

import pytest
from hypothesis import given, settings, strategies as st

from debtplan.core.errors import SolverError
from debtplan.calc.rates import annual_to_daily, apr, daily_to_annual, effective_annual_rate, flat_fee_apr, monthly_irr
from debtplan.core.money import fmt_rate

from conftest import examples

D = Decimal


def test_cli_apr_example():
    r = apr(10000, ["893.33"] * 12)
    assert fmt_rate(r.apr) == "0.130335"
    assert abs(r.effective_annual_rate - ((1 + r.monthly_rate) ** 12 - 1)) < D("1e-9")


def test_flat_fee_offer_is_about_13_percent():
    assert abs(flat_fee_apr(12000, "0.006", 12).apr - D("0.1303")) < D("0.0001")


def test_upfront_fee_raises_the_apr():
    plain = apr(10000, ["888.49"] * 11 + ["888.47"])
    with_fee = apr(10000, ["888.49"] * 11 + ["888.47"], upfront_fee=300)
    assert abs(plain.apr - D("0.12")) < D("1e-5")
    assert with_fee.apr > D("0.17")


def test_conversions():
    assert daily_to_annual("0.0005") == D("0.1825")
    assert annual_to_daily("0.1825") == D("0.0005")
    assert fmt_rate(effective_annual_rate("0.01")) == "0.126825"


@pytest.mark.parametrize("received, payments, fragment", [
    (0, [100], "amount received"), (100, [], "no payments"), (100, [0, 0], "no payments"),
    (100, [-5, 200], "negative"), (1000, [1], "far less"),
])
def test_solver_raises_instead_of_nan(received, payments, fragment):
    with pytest.raises(SolverError, match=fragment):
        monthly_irr(received, payments)


def test_zero_and_negative_rates_are_found():
    assert abs(monthly_irr(1200, [100] * 12)) < D("1e-9")
    assert monthly_irr(1200, [90] * 12) < 0


@settings(max_examples=examples(200), deadline=None)
@given(st.decimals(min_value=D("1"), max_value=D("1e9"), places=2),
       st.lists(st.decimals(min_value=D("0"), max_value=D("1e8"), places=2), min_size=1, max_size=120))
def test_solver_always_converges_or_raises(received, payments):
    try:
        i = monthly_irr(received, payments)
    except SolverError:
        return
    assert i.is_finite() and i > D("-0.99")


# ---- issue 12: rates beyond any meaning never raise InvalidOperation or OverflowError ----

@pytest.mark.parametrize("monthly", ["50", "1e6", "1e15", D("999999")])
def test_effective_rate_above_the_cap_is_a_solver_error(monthly):
    with pytest.raises(SolverError):
        effective_annual_rate(monthly)


def test_apr_of_a_tiny_loan_with_huge_payments_is_capped_and_flagged():
    r = apr(10, ["500"] * 12)  # principal 10 with unpaid interest 5,000 spread over a year
    assert r.capped and r.effective_annual_rate == D("1e9") and r.apr > 100


@pytest.mark.parametrize("received, payments", [(D("0.01"), [D("1e12")] * 600), (D("1e12"), [D("0.01")] * 600),
                                                (D("1e-30"), [D(1)])])
def test_apr_solver_never_raises_anything_but_solver_error(received, payments):
    try:
        apr(received, payments)
    except SolverError:
        pass
