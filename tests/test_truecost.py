"""The all-in annual cost of a loan and the ceiling that applies to its lender (calc.truecost)."""
import datetime as dt
from decimal import Decimal as D

import pytest
import yaml
from hypothesis import given, settings, strategies as st

from conftest import ROOT
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


@settings(max_examples=40, deadline=None)
@given(st.integers(1000, 200000), st.integers(3, 36), st.integers(0, 300), st.integers(0, 2000))
def test_fees_only_ever_raise_the_cost(principal, months, per_payment, at_start):
    payments = [D(principal) / months + D(principal) / 200] * months
    base = all_in_cost(D(principal), payments)
    fees = [LoanFee("service", D(per_payment), "each_payment"), LoanFee("guarantee", D(min(at_start, principal // 2)), "start")]
    assert all_in_cost(D(principal), payments, fees).rate.apr >= base.rate.apr
