"""The true cost of a loan: every fee counted, over what she actually received, and the ceiling that applies.

Loan-facilitation platforms (助贷) add guarantee, membership, service and insurance fees to a modest-looking
"interest". The **all-in annual cost** is the project's APR convention (12 x the monthly IRR; PBoC announcement
[2021] No. 3) of what she received at the start (less any fee kept back or paid then) against every payment with
the fees charged alongside it. It is a property of the loan; the rate a proposed *plan* charges is a different
figure (calc.options).

Worked example (the tests hold it): 10,000.00 received; 12 monthly payments of 833.33 principal + 50.00 "interest"
(0.5% a month on the original 10,000) + a 200.00 guarantee fee = 1,083.33 a month:

>>> cost = all_in_cost(10000, ["883.33"] * 12, [LoanFee("guarantee", Decimal("200"), "each_payment")])
>>> fmt_rate(cost.rate.apr, 4), fmt_rate(cost.rate.monthly_rate, 5), cost.fees
('0.5144', '0.04287', Decimal('2400.00'))

Which ceiling applies depends on who lent it (``lender kinds`` in data/rules/lenders.yaml, passed in here): a
licensed lender's charges above 24% a year are reduced when she asks the court; a credit card's clearly excessive
charges can be reduced on request, with no fixed figure; private lending is capped at 4 x the one-year LPR at the
contract date; a facilitated loan made from 2025-10-01 must cost within 24% a year in total (lawyers' reading).
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Mapping, Sequence

from ..core.errors import InputError
from ..core.money import fmt_rate, money, round_money, to_rate  # noqa: F401 (fmt_rate: the doctests)
from .rates import AprResult, apr
from .schedules import equal_installment

__all__ = ["FEE_KINDS", "FEE_TIMINGS", "LoanFee", "AllInCost", "Ceiling", "all_in_cost", "applicable_ceiling",
           "excess_over_ceiling"]

FEE_KINDS = ("guarantee", "membership", "service", "insurance", "other")
FEE_TIMINGS = ("start", "each_payment")


@dataclass(frozen=True)
class LoanFee:
    kind: str  # one of FEE_KINDS
    amount: Decimal
    timing: str  # "start" (kept back or paid when the loan was made) or "each_payment"


@dataclass(frozen=True)
class AllInCost:
    received: Decimal  # what she actually had to use
    flows: tuple[Decimal, ...]  # what she pays each month, fees included
    fees: Decimal  # all fees together
    rate: AprResult  # rate.apr: the all-in annual cost


@dataclass(frozen=True)
class Ceiling:
    """The ceiling for a loan: ``rate`` (None: no fixed figure), ``basis`` (the key in lenders.yaml
    ``ceilings``), the source, and whether the source was read in the original."""
    basis: str
    rate: Decimal | None
    source: str
    source_en: str
    verified: bool


def all_in_cost(received: Any, payments: Sequence[Any], fees: Sequence[LoanFee] = ()) -> AllInCost:
    """The all-in annual cost of a loan paying out ``received`` and repaid by ``payments`` (principal and
    interest, months 1..n), with ``fees`` charged at the start or with each payment."""
    got = money(received, "received")
    for fee in fees:
        if fee.kind not in FEE_KINDS or fee.timing not in FEE_TIMINGS or fee.amount < 0:
            raise InputError(f"fee: {fee!r} must be one of {FEE_KINDS}, {FEE_TIMINGS}, 0 or more")
    at_start = sum((f.amount for f in fees if f.timing == "start"), Decimal(0))
    each = sum((f.amount for f in fees if f.timing == "each_payment"), Decimal(0))
    flows = tuple(money(p, "payment") + each for p in payments)
    total_fees = round_money(at_start + each * len(flows))
    return AllInCost(got - at_start, flows, total_fees, apr(got, flows, upfront_fee=at_start))


def applicable_ceiling(kind: str, contract_date: _dt.date | None, lenders: Mapping[str, Any],
                       lpr_1y: Decimal | None = None) -> Ceiling:
    """The ceiling for a lender of ``kind`` on a loan made on ``contract_date``, from ``lenders`` (the parsed
    data/rules/lenders.yaml) and, for private lending, the one-year LPR at that date."""
    try:
        spec = lenders["kinds"][kind]
    except KeyError:
        raise InputError(f"lender kind: {kind!r} is not one of {sorted(lenders['kinds'])}") from None
    basis = spec["ceiling"]
    later = spec.get("from_2025_10_01")
    if later and contract_date is not None and contract_date >= _dt.date(2025, 10, 1):
        basis = later
    rule = lenders["ceilings"][basis]
    if basis == "private_lpr":
        if lpr_1y is None:
            raise InputError("lpr_1y: the one-year LPR at the contract date is needed for a private loan")
        rate = to_rate(Decimal(str(rule["multiple"])) * lpr_1y)
    else:
        rate = None if rule.get("rate") is None else to_rate(rule["rate"])
    return Ceiling(basis, rate, str(rule["source"]), str(rule.get("source_en") or rule["source"]),
                   bool(rule.get("verified")))


def excess_over_ceiling(cost: AllInCost, ceiling: Ceiling) -> Decimal | None:
    """What she pays beyond a loan of the same amount and months at the ceiling rate (an equal-installment
    loan, the usual form): the figure to ask back. ``None`` when the ceiling has no fixed figure; 0.00 when the
    loan is within it.

    >>> c = all_in_cost(10000, ["883.33"] * 12, [LoanFee("guarantee", Decimal("200"), "each_payment")])
    >>> excess_over_ceiling(c, Ceiling("reduce_on_request", Decimal("0.24"), "", "", True))
    Decimal('1652.81')
    """
    if ceiling.rate is None:
        return None
    if cost.rate.apr <= ceiling.rate:
        return Decimal("0.00")
    at_ceiling = equal_installment(cost.received, ceiling.rate, len(cost.flows)).payments()
    return round_money(max(sum(cost.flows, Decimal(0)) - sum(at_ceiling, Decimal(0)), Decimal(0)))
