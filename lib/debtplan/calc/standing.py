"""Where each debt stands on a date: what is owed today, the contract payment, and the cost of waiting.

Applies a debt's product rule (:mod:`debtplan.inputs.rules`) to :func:`debtplan.calc.overdue.overdue_charges`:

* days overdue = days from the first missed due date (``overdue_since``) to the date;
* the penalty base is the overdue amount, or the whole principal where the rule says ``balance``;
* the daily rate of an annual-rate debt is annual / 365;
* interest on the part not yet due is not counted: it belongs to future installments.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from decimal import Decimal

from ..core.dates import add_days
from ..core.money import ZERO, round_money
from .overdue import OverdueTerms, Owed, overdue_charges
from ..core.model import Debt
from .rates import annual_to_daily
from ..core.conventions import DAYS_PER_YEAR
from .schedules import Schedule, build_schedule

__all__ = ["daily_rate_of", "days_overdue", "owed_on", "contract_schedule", "contractual_payment",
           "ProjectionPoint", "cost_of_waiting", "unpaid_minimum"]


def daily_rate_of(debt: Debt) -> Decimal:
    """The contract's daily rate (annual / 365 for annual-rate debts)."""
    return debt.daily_rate if debt.daily_rate is not None else annual_to_daily(debt.annual_rate)


def days_overdue(debt: Debt, on: _dt.date) -> int:
    return max(0, (on - debt.overdue_since).days) if debt.overdue_since else 0


def unpaid_minimum(debt: Debt) -> Decimal:
    """The missed minimum payment: as stated, or (cards) the rule's share of the balance plus unpaid interest."""
    if debt.unpaid_minimum:
        return debt.unpaid_minimum
    if debt.rule.late_fee_rate and debt.is_overdue:
        return round_money(debt.principal * debt.rule.minimum_payment_rate + debt.unpaid_interest)
    return ZERO


def owed_on(debt: Debt, on: _dt.date, court_cap: Decimal | None, extra_days: int = 0) -> Owed:
    """What ``debt`` costs on date ``on`` (+ ``extra_days`` more days of waiting)."""
    days = days_overdue(debt, on) + (extra_days if debt.is_overdue else 0)
    base = debt.principal if debt.rule.penalty_base == "balance" else debt.overdue_amount
    return overdue_charges(base, daily_rate_of(debt), days, OverdueTerms.from_rule(debt.rule, court_cap),
                           unpaid_interest=debt.unpaid_interest, principal=debt.principal,
                           unpaid_minimum=unpaid_minimum(debt))


def contract_schedule(debt: Debt) -> Schedule:
    """The contract's schedule for the principal still owed, over the contract term (for the payment size).

    A daily-rate debt with a start date counts actual days; without one, its rate as a simple annual rate
    (daily x 365) is used monthly, so no date is made up."""
    if debt.daily_rate is not None and debt.start_date is not None:
        return build_schedule(debt.method, debt.principal, debt.term_months, daily_rate=debt.daily_rate,
                              start=debt.start_date)
    return build_schedule(debt.method, debt.principal, debt.term_months, annual_rate=debt.annual_equivalent)


def contractual_payment(debt: Debt) -> Decimal:
    """The monthly payment the contract asks for: as stated; for cards, the minimum payment; otherwise the
    first payment of the contract schedule (for 先息后本 the interest-only payment)."""
    if debt.contractual_payment is not None:
        return debt.contractual_payment
    if debt.product == "credit-card":
        monthly_interest = debt.principal * daily_rate_of(debt) * DAYS_PER_YEAR / 12
        return round_money(debt.principal * debt.rule.minimum_payment_rate + monthly_interest)
    return contract_schedule(debt).rows[0].payment


@dataclass(frozen=True)
class ProjectionPoint:
    """Day ``day`` after the assessment date if nothing is paid: the total owed, the charges so far, and the
    most a court leaves when she asks it to reduce the charges (principal + unpaid interest + the 24% limit)."""

    day: int
    date: _dt.date
    total: Decimal
    charges: Decimal
    cap_total: Decimal
    court_cap_excess: Decimal


def cost_of_waiting(debt: Debt, on: _dt.date, court_cap: Decimal | None, days: int = 180) -> list[ProjectionPoint]:
    """Day-by-day projection for the next ``days`` days if nothing is paid (day 0 is today)."""
    points = []
    for k in range(days + 1):
        o = owed_on(debt, on, court_cap, k)
        cap_total = o.principal + o.unpaid_interest + min(o.charges, o.court_cap_limit)
        points.append(ProjectionPoint(k, add_days(on, k), o.total, o.charges, cap_total,
                                      o.court_cap_excess))
    return points
