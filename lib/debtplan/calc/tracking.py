"""Keeping an agreed plan: the agreed schedule, what was due and paid to date, and what comes next.

An agreement becomes a list of due dates and amounts: the first payment on ``start_date``, then monthly on
the same day (clamped to the month's end). Amounts are ``monthly_payment`` (+ ``fees``) each month, or the
rows of a schedule built from ``method`` and ``annual_rate`` on ``principal``.

Status on a date: ``behind`` when less has been paid than was due, ``ahead`` when more, else ``on_track``.
The next amount due includes any arrears and is reduced by any payment made in advance.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from decimal import Decimal

from ..core.dates import add_days, add_months
from ..core.money import ZERO
from ..core.model import Agreement, Payment
from .schedules import build_schedule

__all__ = ["Installment", "Tracking", "agreement_installments", "track"]


@dataclass(frozen=True)
class Installment:
    due_date: _dt.date
    amount: Decimal


@dataclass(frozen=True)
class Tracking:
    """An agreement's standing on a date.

    Attributes:
        due_to_date / paid_to_date: totals up to and including the date.
        status: ``on_track``, ``behind`` or ``ahead``.
        next_due_date / next_due_amount: the next date and what to pay then (arrears included);
            None when the plan is complete.
        days_late: days since the earliest installment not fully paid (0 when not behind).
        installments: the agreed schedule; payments: the payments counted.
    """

    creditor: str
    due_to_date: Decimal
    paid_to_date: Decimal
    status: str
    next_due_date: _dt.date | None
    next_due_amount: Decimal | None
    days_late: int
    installments: tuple[Installment, ...]
    payments: tuple[Payment, ...]

    @property
    def total(self) -> Decimal:
        return sum((i.amount for i in self.installments), ZERO)


def agreement_installments(agreement: Agreement, default_principal: Decimal) -> list[Installment]:
    """The agreed schedule as due dates and amounts.

    >>> a = Agreement("x", _dt.date(2026, 1, 31), 3, monthly_payment=Decimal("500"))
    >>> [(str(i.due_date), str(i.amount)) for i in agreement_installments(a, Decimal(0))]
    [('2026-01-31', '500.00'), ('2026-02-28', '500.00'), ('2026-03-31', '500.00')]
    """
    dates = [add_months(agreement.start_date, k, agreement.start_date.day) for k in range(agreement.months)]
    if agreement.monthly_payment is not None:
        amounts = [agreement.monthly_payment + agreement.fees] * agreement.months
    else:
        principal = agreement.principal if agreement.principal is not None else default_principal
        rate = ZERO if agreement.interest_frozen else (agreement.annual_rate or ZERO)
        s = build_schedule(agreement.method or "annuity", principal, agreement.months, annual_rate=rate,
                           monthly_fee=agreement.fees)
        amounts = s.payments()
    return [Installment(d, a) for d, a in zip(dates, amounts)]


def track(agreement: Agreement, payments: list[Payment], on: _dt.date, default_principal: Decimal) -> Tracking:
    """Where ``agreement`` stands on date ``on`` given the ``payments`` made to its creditor.

    >>> a = Agreement("x", _dt.date(2026, 9, 10), 12, monthly_payment=Decimal("500"))
    >>> pays = [Payment(_dt.date(2026, 9, 10), "x", Decimal(500)), Payment(_dt.date(2026, 10, 9), "x", Decimal(500))]
    >>> t = track(a, pays, _dt.date(2026, 11, 28), Decimal(0))
    >>> t.status, str(t.due_to_date), str(t.paid_to_date), t.next_due_date, str(t.next_due_amount), t.days_late
    ('behind', '1500.00', '1000.00', datetime.date(2026, 12, 10), '1000.00', 18)
    """
    plan = agreement_installments(agreement, default_principal)
    counted = tuple(p for p in payments if p.creditor == agreement.creditor
                    and add_days(agreement.start_date, -31) <= p.date <= on)
    paid = sum((p.amount for p in counted), ZERO)
    due = sum((i.amount for i in plan if i.due_date <= on), ZERO)
    status = "behind" if paid < due else ("ahead" if paid > due else "on_track")
    upcoming = [i for i in plan if i.due_date > on]
    if upcoming:
        through_next = due + upcoming[0].amount
        next_date, next_amount = upcoming[0].due_date, max(ZERO, through_next - paid)
    elif paid < due:
        next_date, next_amount = on, due - paid
    else:
        next_date, next_amount = None, None
    days_late = 0
    if status == "behind":
        running = ZERO
        for i in plan:
            running += i.amount
            if running > paid:
                days_late = (on - i.due_date).days
                break
    return Tracking(creditor=agreement.creditor, due_to_date=due, paid_to_date=paid, status=status,
                    next_due_date=next_date, next_due_amount=next_amount, days_late=max(0, days_late),
                    installments=tuple(plan), payments=counted)
