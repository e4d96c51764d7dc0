"""Schedules: the published oracles of docs/conventions.md and properties over wide ranges."""
import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings, strategies as st

from debtplan.core.errors import ScheduleError
from debtplan.calc.schedules import (build_schedule, equal_installment, equal_principal, flat_fee_installment,
                                interest_first, interest_only_then_equal)

from conftest import examples

D = Decimal


@pytest.mark.parametrize("principal, months, rate, payment, last, total_interest", [
    ("10000", 12, "0.12", "888.49", "888.47", "661.86"),
    ("100000", 12, "0.10", "8791.59", "8791.56", "5499.05"),
    ("300000", 360, "0.049", "1592.18", "1592.10", "273184.72"),
    ("1000000", 360, "0.049", "5307.27", "5305.19", "910615.12"),
])
def test_published_equal_installment_examples(principal, months, rate, payment, last, total_interest):
    s = equal_installment(principal, rate, months)
    assert s.rows[0].payment == D(payment)
    assert all(r.payment == D(payment) for r in s.rows[:-1])
    assert s.rows[-1].payment == D(last)
    assert s.total_interest == D(total_interest)
    assert s.rows[-1].balance == D("0.00")


def test_published_equal_principal_example():
    s = equal_principal("630000", "0.049", 360)
    assert s.rows[0].payment == D("4322.50")
    assert s.rows[-1].payment == D("1757.15")
    assert s.total_interest == D("464336.35")


def test_cli_example_first_row():
    row = equal_installment(20000, "0.1095", 12).rows[0]
    assert (row.payment, row.interest, row.principal, row.balance) == (
        D("1767.17"), D("182.50"), D("1584.67"), D("18415.33"))


def test_weilidai_actual_day_schedule():
    s = build_schedule("equal-principal", 2500, 5, daily_rate="0.0005", start=dt.date(2026, 5, 10))
    assert [r.days for r in s.rows] == [31, 30, 31, 31, 30]
    assert [r.interest for r in s.rows] == [D("38.75"), D("30.00"), D("23.25"), D("15.50"), D("7.50")]
    assert [r.principal for r in s.rows] == [D("500.00")] * 5
    assert s.rows[0].due_date == dt.date(2026, 6, 10)


def test_due_dates_clamp_to_month_end():
    s = build_schedule("annuity", 3000, 3, daily_rate="0.0004", start=dt.date(2026, 1, 31))
    assert [r.due_date for r in s.rows] == [dt.date(2026, 2, 28), dt.date(2026, 3, 31), dt.date(2026, 4, 30)]
    assert [r.days for r in s.rows] == [28, 31, 30]
    assert s.rows[0].interest == D("33.60")  # 3000 x 0.0004 x 28


def test_interest_first_and_six_plus_six():
    s = interest_first(12000, "0.12", 12)
    assert all(r.principal == 0 for r in s.rows[:-1]) and s.rows[-1].principal == D("12000")
    s = interest_only_then_equal(12000, "0.12", 12, 6)
    assert [r.principal for r in s.rows[:6]] == [D("0.00")] * 6
    assert s.rows[6].payment == D("2070.58") and s.rows[-1].balance == 0


def test_zero_rate_is_legal():
    s = equal_installment(1000, 0, 3)
    assert s.payments() == [D("333.33"), D("333.33"), D("333.34")]
    assert s.total_interest == 0


def test_flat_fee_installment_has_fee_column():
    s = flat_fee_installment(12000, "0.006", 12)
    assert all(r.fee == D("72.00") and r.interest == 0 for r in s.rows)
    assert s.total_payment == D("12864.00")


def test_frame_keeps_decimals():
    frame = equal_installment(10000, "0.12", 12).to_frame(exact=True)
    assert list(frame.columns)[:4] == ["due_date", "days", "payment", "interest"]
    assert frame.loc[12, "balance"] == D("0.00") and isinstance(frame.loc[1, "payment"], Decimal)


def test_frame_plots_and_reprs_are_short():
    """A notebook user's frame: numeric money and real dates, so df.plot() and sums work; the exact Decimals
    stay one argument away; a schedule shows itself in a line (and as a table in a notebook)."""
    import matplotlib

    matplotlib.use("Agg")
    s = equal_installment(10000, "0.12", 12)
    frame = s.to_frame()
    assert all(str(frame[c].dtype) == "float64" for c in ("payment", "interest", "principal", "fee", "balance"))
    assert str(frame["due_date"].dtype).startswith("datetime64") or frame["due_date"].isna().all()
    ax = frame.plot(y=["balance", "interest"])
    assert len(ax.get_lines()) == 2
    assert round(frame["payment"].sum(), 2) == float(s.total_payment)
    assert len(repr(s)) < 200 and "12 months" in repr(s)
    html = s._repr_html_()
    assert "<table" in html and "888.49" in html


@pytest.mark.parametrize("kwargs, fragment", [
    (dict(principal=-1, months=12, annual_rate="0.1"), "principal"),
    (dict(principal=100, months=0, annual_rate="0.1"), "months"),
    (dict(principal=100, months=601, annual_rate="0.1"), "months"),
    (dict(principal=100, months=12, annual_rate="-0.1"), "annual_rate"),
    (dict(principal=100, months=12), "annual_rate"),
    (dict(principal=100, months=12, daily_rate="0.0005"), "start date"),
])
def test_bad_arguments_are_named(kwargs, fragment):
    with pytest.raises(ScheduleError) as err:
        build_schedule("annuity", **kwargs)
    assert fragment in str(err.value)


def test_unknown_method():
    with pytest.raises(ScheduleError, match="method"):
        build_schedule("balloon", 100, 12, annual_rate="0.1")


money_st = st.decimals(min_value=D("0.01"), max_value=D("1000000000"), places=2)
rate_st = st.one_of(st.just(D(0)), st.decimals(min_value=D("0"), max_value=D("0.36"), places=4))
months_st = st.integers(min_value=1, max_value=600)
method_st = st.sampled_from(["annuity", "equal-principal", "interest-only", "interest-only-then-annuity"])


def check_closes(s, principal):
    assert s.rows[-1].balance == D("0.00")
    assert sum(r.principal for r in s.rows) == principal
    previous = principal
    for r in s.rows:
        assert r.interest + r.principal + r.fee == r.payment
        assert r.balance >= 0 and r.principal >= 0 or r.balance >= 0
        assert previous - r.principal == r.balance
        assert r.payment.as_tuple().exponent == -2
        previous = r.balance


@settings(max_examples=examples(150), deadline=None)
@given(money_st, rate_st, months_st, method_st, st.integers(min_value=0, max_value=599))
def test_every_monthly_schedule_closes(principal, rate, months, method, io):
    io = min(io, months - 1)
    s = build_schedule(method, principal, months, annual_rate=rate, interest_only_months=io)
    assert len(s.rows) == months
    check_closes(s, principal)


@settings(max_examples=examples(80), deadline=None)
@given(money_st, st.decimals(min_value=D(0), max_value=D("0.001"), places=5), st.integers(1, 60), method_st,
       st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 12, 31)))
def test_every_daily_schedule_closes(principal, daily, months, method, start):
    s = build_schedule(method, principal, months, daily_rate=daily, start=start,
                       interest_only_months=months // 2)
    check_closes(s, principal)
    assert sum(r.days for r in s.rows) == (s.rows[-1].due_date - start).days


@settings(max_examples=examples(100), deadline=None)
@given(st.decimals(min_value=D("1000000"), max_value=D("1000000000"), places=2),
       st.decimals(min_value=D("0.001"), max_value=D("0.36"), places=4), months_st)
def test_apr_of_equal_installment_equals_its_rate(principal, rate, months):
    from debtplan.calc.rates import apr

    s = equal_installment(principal, rate, months)
    assert abs(apr(principal, s.payments()).apr - rate) < D("1e-6")


def test_a_vanishing_rate_is_no_interest_not_a_division_by_zero():
    from debtplan.calc.schedules import level_payment
    assert level_payment(Decimal("20000"), Decimal("1e-30"), 12) == Decimal("1666.67")
