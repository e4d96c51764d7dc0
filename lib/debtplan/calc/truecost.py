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

from ..core.errors import InputError, SolverError
from ..core.money import fmt_rate, money, round_money, to_rate  # noqa: F401 (fmt_rate: the doctests)
from ..core.model import Debt
from .rates import AprResult, apr
from .schedules import build_schedule, equal_installment

__all__ = ["FEE_KINDS", "FEE_TIMINGS", "LoanFee", "AllInCost", "Ceiling", "TrueCost", "all_in_cost",
           "applicable_ceiling", "excess_over_ceiling", "lpr_on", "lender_of", "loan_payments", "true_cost"]

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
    return _ceiling(basis, lenders, lpr_1y)


def _ceiling(basis: str, lenders: Mapping[str, Any], lpr_1y: Decimal | None = None) -> Ceiling:
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


def lpr_on(day: _dt.date | None, lenders: Mapping[str, Any]) -> Decimal | None:
    """The one-year LPR in force on ``day`` (lenders.yaml ``lpr_1y``); None before the first one or without a day.

    >>> lenders = {"lpr_1y": {"from": {_dt.date(2024, 10, 21): "0.031", _dt.date(2025, 5, 20): "0.030"}}}
    >>> lpr_on(_dt.date(2025, 5, 19), lenders), lpr_on(_dt.date(2025, 5, 20), lenders), lpr_on(_dt.date(2024, 1, 1), lenders)
    (Decimal('0.031'), Decimal('0.030'), None)
    """
    if day is None:
        return None
    found = None
    for start, rate in sorted((lenders.get("lpr_1y") or {}).get("from", {}).items()):
        if start <= day:
            found = to_rate(rate)
    return found


def lender_of(debt: Debt, lenders: Mapping[str, Any]) -> tuple[str, str, str]:
    """``(kind, lender, where from)``: as the profile gives them ("profile"), else the product's usual lender
    at the contract date ("product"), else ("", "", "assumed")."""
    made = debt.contract_date or debt.start_date
    usual = dict((lenders.get("products") or {}).get(debt.product) or {})
    older = usual.get("older")
    if older and made is not None and made < older["before"]:
        usual.update(kind=older["kind"], lender=older["lender"], lender_en=older.get("lender_en"))
    if debt.lender_kind:
        return debt.lender_kind, debt.lender or (usual.get("lender", "") if usual.get("kind") == debt.lender_kind
                                                 else ""), "profile"
    if usual.get("kind"):
        return usual["kind"], debt.lender or str(usual.get("lender") or ""), "product"
    return "", debt.lender, "assumed"


def loan_payments(debt: Debt) -> list[Decimal]:
    """The contract's payments (principal and interest, months 1..n) on the amount lent: the stated monthly
    payment each month when given, else the schedule of its method and rate."""
    amount = debt.loan_amount if debt.loan_amount is not None else debt.principal
    if debt.contractual_payment is not None:
        return [debt.contractual_payment] * debt.term_months
    return build_schedule(debt.method, amount, debt.term_months, annual_rate=debt.annual_equivalent).payments()


@dataclass(frozen=True)
class TrueCost:
    """Who lent a debt, the ceiling that applies and, when fees are charged with it, its all-in annual cost.

    ``kind_from``: "profile", "product" (its usual lender) or "assumed" (no kind given: the licensed lenders'
    ceiling); ``cost``/``excess``: None without fees; ``excess`` also None when the ceiling has no fixed figure."""
    kind: str
    kind_from: str
    lender: str
    funder: str
    contract_date: _dt.date | None
    ceiling: Ceiling
    cost: AllInCost | None
    excess: Decimal | None
    lender_en: str = ""  # the lender's name in English, where the rules know it (a product's usual lender)

    @property
    def above(self) -> bool:
        """The all-in cost is above a fixed ceiling."""
        return bool(self.excess)

    @property
    def needs_date(self) -> bool:
        """A private loan whose ceiling cannot be known without the contract date (or made before the LPR)."""
        return self.ceiling.basis == "private_lpr" and self.ceiling.rate is None

    def to_dict(self) -> dict:
        c = self.cost
        return {"lender_kind": self.kind or None, "lender_kind_from": self.kind_from, "lender": self.lender,
                "lender_en": self.lender_en,
                "funder": self.funder, "contract_date": self.contract_date.isoformat() if self.contract_date else None,
                "ceiling": {"basis": self.ceiling.basis, "rate": None if self.ceiling.rate is None
                            else str(self.ceiling.rate), "source": self.ceiling.source,
                            "source_en": self.ceiling.source_en, "verified": self.ceiling.verified},
                "all_in_cost": None if c is None else {
                    "received": str(round_money(c.received)), "monthly_payment_with_fees": [str(x) for x in c.flows],
                    "fees": str(c.fees), "annual_rate": str(round(c.rate.apr, 6)),
                    "monthly_rate": str(round(c.rate.monthly_rate, 6)),
                    "effective_rate": str(round(c.rate.effective_annual_rate, 6))},
                "above_ceiling": self.above, "excess": None if self.excess is None else str(self.excess)}


def true_cost(debt: Debt, lenders: Mapping[str, Any]) -> TrueCost:
    """``debt``'s lender, ceiling and (with fees) all-in cost under ``lenders`` (data/rules/lenders.yaml)."""
    kind, lender, kind_from = lender_of(debt, lenders)
    made = debt.contract_date or debt.start_date
    if not kind:
        ceiling = _ceiling("reduce_on_request", lenders)
    elif lenders["kinds"].get(kind, {}).get("ceiling") == "private_lpr" and lpr_on(made, lenders) is None:
        rule = lenders["ceilings"]["private_lpr"]
        ceiling = Ceiling("private_lpr", None, str(rule["source"]), str(rule.get("source_en") or rule["source"]),
                          bool(rule.get("verified")))
    else:
        ceiling = applicable_ceiling(kind, made, lenders, lpr_on(made, lenders))
    cost = excess = None
    if debt.fees:
        amount = debt.loan_amount if debt.loan_amount is not None else debt.principal
        try:
            cost = all_in_cost(amount, loan_payments(debt), [LoanFee(f.kind, f.amount, f.timing) for f in debt.fees])
            excess = excess_over_ceiling(cost, ceiling)
        except (InputError, SolverError):  # payments that repay less than was received, fees above the loan: no rate
            cost = excess = None
    usual = (lenders.get("products") or {}).get(debt.product) or {}
    names = {usual.get("lender"): usual.get("lender_en"),
             (usual.get("older") or {}).get("lender"): (usual.get("older") or {}).get("lender_en")}
    return TrueCost(kind, kind_from, lender, debt.funder, made, ceiling, cost, excess,
                    lender_en=str(names.get(lender) or lender))
