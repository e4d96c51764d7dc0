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
