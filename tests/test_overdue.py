from decimal import Decimal

import pytest
from hypothesis import given, settings, strategies as st

from debtplan.calc.overdue import OverdueTerms, allocate_payment, months_missed, overdue_charges
from debtplan.inputs.rules import legal_limits, load_rule

from conftest import examples

D = Decimal


def test_jiebei_one_day():
    assert overdue_charges(10000, "0.0005", 1, OverdueTerms.from_rule(load_rule("jiebei"), D("0.24"))
                           ).penalty_interest == D("7.50")


def test_huabei_ten_days():
    terms = OverdueTerms.from_rule(load_rule("huabei"), D("0.24"))
    assert overdue_charges(10000, 0, 10, terms).penalty_interest == D("50.00")


def test_cli_example_and_compound():
    o = overdue_charges(20000, "0.0004", 90, OverdueTerms(compound_unpaid_interest=True), unpaid_interest=500)
    assert o.penalty_interest == D("1080.00")
    assert o.compound_interest == D("27.00")  # 500 x 0.0006 x 90
    assert o.total == D("21607.00")


def test_court_cap_excess_is_the_part_above_24_percent():
    # 0.1% a day x 1.5 = 54.75% a year, far above 24%.
    o = overdue_charges(10000, "0.001", 365)
    assert o.penalty_interest == D("5475.00")
    assert o.court_cap_limit == D("2400.00")
    assert o.court_cap_excess == D("3075.00")


def test_grace_days():
    terms = OverdueTerms(grace_days=3)
    assert overdue_charges(1000, "0.0005", 3, terms).penalty_interest == 0
    assert overdue_charges(1000, "0.0005", 4, terms).penalty_interest == D("3.00")


def test_credit_card_compounds_monthly_and_charges_late_fee():
    terms = OverdueTerms.from_rule(load_rule("credit-card"), legal_limits().court_cap)
    o = overdue_charges(15000, "0.0005", 60, terms, unpaid_interest=0, unpaid_minimum=1500)
    # 30 days: 15000 x 0.0005 x 30 = 225.00; next 30 days on 15225.00: 228.38
    assert o.penalty_interest == D("450.00")
    assert o.compound_interest == D("3.38")
    assert o.fees == D("150.00")  # 5% of 1500 for each of the 2 missed months
    assert months_missed(60) == 2 and months_missed(61) == 3 and months_missed(0) == 0


def test_allocation_costs_then_interest_then_principal():
    a = allocate_payment(1000, 50, 1080, 20000)
    assert (a.fees, a.interest, a.principal, a.left_over) == (D(50), D(950), D(0), D(0))
    a = allocate_payment(25000, 50, 1080, 20000)
    assert a.principal == 20000 and a.left_over == D(3870)
    a = allocate_payment(100, 50, 80, 100, order=("principal", "interest", "fees"))
    assert a.principal == 100 and a.interest == 0
    with pytest.raises(ValueError):
        allocate_payment(-1, 0, 0, 0)


@settings(max_examples=examples(200), deadline=None)
@given(st.decimals(min_value=D("0.01"), max_value=D("1e8"), places=2),
       st.decimals(min_value=D("0"), max_value=D("0.01"), places=5), st.integers(0, 2000),
       st.booleans(), st.sampled_from([0, 30]))
def test_owed_parts_add_up(base, rate, days, compound, cap_days):
    o = overdue_charges(base, rate, days, OverdueTerms(compound_unpaid_interest=compound,
                                                       capitalize_every_days=cap_days), unpaid_interest=D("10"))
    assert o.total == o.principal + o.unpaid_interest + o.penalty_interest + o.compound_interest + o.fees
    assert o.court_cap_excess >= 0 and o.court_cap_excess <= o.charges
    assert o.penalty_interest >= 0


@settings(max_examples=examples(100), deadline=None)
@given(st.decimals(min_value=D("0"), max_value=D("1e7"), places=2),
       st.lists(st.decimals(min_value=D("0"), max_value=D("1e6"), places=2), min_size=3, max_size=3))
def test_allocation_never_loses_money(amount, due):
    a = allocate_payment(amount, *due)
    assert a.fees + a.interest + a.principal + a.left_over == amount


def test_charges_stop_at_the_ceiling_decades_overdue():
    """Issue 12 (found by tests/test_property.py): 1e12 overdue for 60 years, capitalized daily at the top
    rates, compounded to 1.8e127 and broke the schedules with a MoneyError. Charges now stop at the ceiling and
    the figures stay usable (and far above what a court would uphold)."""
    from decimal import Decimal

    from debtplan.calc.overdue import CHARGES_CEILING, OverdueTerms, overdue_charges

    terms = OverdueTerms(penalty_multiplier=Decimal(10), capitalize_every_days=1, late_fee_rate=Decimal(1))
    o = overdue_charges("1000000000000", "0.01", 60 * 365, terms, unpaid_minimum="1000000000000")
    assert o.penalty_interest + o.compound_interest <= CHARGES_CEILING
    assert o.fees <= CHARGES_CEILING
    assert o.total < Decimal("1e14") and o.court_cap_excess > 0
