from decimal import Decimal

import pytest
from hypothesis import given, strategies as st

from debtplan.core.errors import MoneyError
from debtplan.core.money import fmt_money, money, round_money, to_rate


@pytest.mark.parametrize("raw, expected", [
    ("1500", "1500"), (1500, "1500"), ("1,500.50", "1500.50"), (0.1, "0.1"), (Decimal("2.5"), "2.5"),
    ("¥ 20,000", "20000"), ("CNY 12.30", "12.30"), (" 7 ", "7"),
])
def test_money_reads_common_forms(raw, expected):
    assert money(raw) == Decimal(expected)


@pytest.mark.parametrize("raw", ["abc", "", None, True, [1], "nan", "inf", float("nan")])
def test_money_names_the_bad_value(raw):
    with pytest.raises(MoneyError) as err:
        money(raw, "income[0].amount")
    assert "income[0].amount" in str(err.value)


def test_round_half_up_is_the_rule():
    assert round_money(Decimal("0.005")) == Decimal("0.01")
    assert round_money(Decimal("0.015")) == Decimal("0.02")
    assert round_money(Decimal("2.675")) == Decimal("2.68")  # a float would give 2.67
    assert fmt_money(Decimal("3")) == "3.00"


def test_rates_with_percent_sign():
    assert to_rate("0.05%") == Decimal("0.0005")
    assert to_rate("12%") == Decimal("0.12")


@given(st.decimals(min_value=-10**9, max_value=10**9, places=4))
def test_rounding_is_within_half_a_cent(x):
    assert abs(round_money(x) - x) <= Decimal("0.005")
    assert round_money(x) == round_money(round_money(x))


# ---- issue 12: bounded amounts, separators where they belong, no -0 ----

@pytest.mark.parametrize("raw", ["1e308", 1e308, 10 ** 400, int("9" * 400), "9" * 400, "1e16", -10 ** 20])
def test_absurd_amounts_are_a_money_error_never_invalid_operation(raw):
    with pytest.raises(MoneyError, match="too (large|long)"):
        money(raw, "income[0].amount")


@pytest.mark.parametrize("raw", ["1,2,3", "12,34", "1,5000", ",500", "1,500,00", "1.500,50"])
def test_misplaced_thousands_separators_are_refused(raw):
    with pytest.raises(MoneyError, match="comma"):
        money(raw)


@pytest.mark.parametrize("raw, value", [("1,500.50", "1500.50"), ("20,000", "20000"), ("1,234,567", "1234567"),
                                        ("¥ 20,000", "20000"), ("1，500", "1500")])
def test_thousands_separators_in_place_are_read(raw, value):
    assert money(raw) == Decimal(value)


def test_minus_zero_is_zero():
    assert str(money("-0")) == "0" and fmt_money(money("-0")) == "0.00"
    assert fmt_money(Decimal("-0.001")) == "0.00"


def test_round_money_is_exact_for_any_finite_size():
    assert round_money(Decimal("1e40")) == Decimal("1e40")
    assert round_money(Decimal("123456789012345678901234567890.125")) == Decimal("123456789012345678901234567890.13")


def test_dates_near_the_end_of_the_calendar_do_not_crash():
    import datetime as dt
    from debtplan.core.dates import add_days, add_months
    assert add_months(dt.date(9999, 12, 31), 1) == dt.date.max
    assert add_days(dt.date(9999, 12, 31), 7) == dt.date.max and add_days(dt.date(1, 1, 1), -1) == dt.date.min
