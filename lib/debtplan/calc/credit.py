"""Her credit record: when each plan clears the debt, when its negative record could be gone, how far her
income may fall before an agreed plan breaks, and when an objection to a wrong record must be answered.

A negative record is kept for a number of years from the day the bad behaviour ends (the years come from
data/rules/credit.yaml, passed in: 5 under 征信业管理条例 Art. 16); for an overdue debt that is the day the
arrears are repaid, so each plan's last payment sets the latest month its record could still show (keeping the
contract pays the arrears at once, so its record runs from the first payment). A debt that is not overdue has no
negative record to clear.

An agreed plan breaks when its payment is more than she has for it this month: what is available for debts
(the assessment's ``available``) less the other agreed plans' payments. The income drop that breaks it is that
room less the payment, as a share of her income (every cost unchanged); when the payment is already above the
room, a request to vary the plan is due before the payment is missed.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_DOWN, Decimal
from typing import Any, Iterable

from ..core.dates import add_months
from ..core.model import CreditObjection, Profile
from ..core.money import ZERO, round_money, to_rate
from .keydates import KeyDate
from .tracking import Tracking

__all__ = ["RecordOutlook", "DebtRecord", "PlanCheck", "ObjectionCheck", "CreditOutlook", "record_outlook",
           "income_drop_that_breaks", "objection_reply_by", "plan_checks", "objection_checks", "credit_outlook",
           "objection_dates", "OBJECTION_REMINDER_DAYS"]

#: Days before an objection's answer is due that the calendar reminds her.
OBJECTION_REMINDER_DAYS = 2


@dataclass(frozen=True)
class RecordOutlook:
    """One option's effect on her record.

    Attributes:
        kind / key: the option's kind and key (``interest_frozen-48``).
        cleared: the day of the plan's last payment (the first payment is month 1).
        record_gone_by: the latest day its negative record is kept to (None: the debt is not overdue).
        settled_for_less: a one-off settlement for less than owed (reported as such: see credit.yaml).
    """

    kind: str
    cleared: _dt.date
    record_gone_by: _dt.date | None
    settled_for_less: bool
    key: str = ""


def record_outlook(option: Any, first_payment: _dt.date, years: int, overdue: bool = True) -> RecordOutlook:
    """For an option (``debt_free_months``, ``months``, ``kind``, ``waived``, ``upfront``) whose first payment
    falls on ``first_payment``: the day the debt is cleared and the day its record could be gone.

    >>> from types import SimpleNamespace as O
    >>> r = record_outlook(O(kind="installments", months=48, debt_free_months=48, waived=0), _dt.date(2026, 12, 28), 5)
    >>> r.cleared, r.record_gone_by
    (datetime.date(2030, 11, 28), datetime.date(2035, 11, 28))

    Keeping the contract pays the arrears at once: the record runs from then, the contract goes on.

    >>> r = record_outlook(O(kind="keep_contract", months=6, debt_free_months=6, waived=0, upfront=900),
    ...                    _dt.date(2026, 12, 28), 5)
    >>> r.cleared, r.record_gone_by
    (datetime.date(2027, 5, 28), datetime.date(2031, 12, 28))
    """
    months = max(int(getattr(option, "debt_free_months", 0) or 0), 1)
    cleared = add_months(first_payment, months - 1)
    arrears_at_once = option.kind == "keep_contract" and Decimal(getattr(option, "upfront", 0) or 0) > 0
    ends = first_payment if arrears_at_once else cleared
    settlement = getattr(option, "months", 0) == 0 and option.kind == "settlement"
    return RecordOutlook(option.kind, cleared, add_months(ends, 12 * years) if overdue else None,
                         settlement and Decimal(getattr(option, "waived", 0) or 0) > 0,
                         getattr(option, "key", option.kind))


def income_drop_that_breaks(income: Decimal, available: Decimal, payment: Decimal) -> Decimal | None:
    """The share of her monthly income she can lose (every cost unchanged) before ``payment`` is more than
    she has ``available`` for it: ``(available - payment) / income``. Negative: it already does not fit;
    None without income.

    >>> income_drop_that_breaks(Decimal("5800"), Decimal("1494"), Decimal("442.92"))
    Decimal('0.1812')
    """
    if income <= 0:
        return None
    return to_rate(round((available - payment) / income, 4))


def objection_reply_by(sent: _dt.date, days: int) -> _dt.date:
    """The day an answer to an objection is due, counted from the day she sent it (the rule counts from the
    day it is received, which is that day or later: this date is never later than the law's).

    >>> objection_reply_by(_dt.date(2026, 12, 1), 20)
    datetime.date(2026, 12, 21)
    """
    return sent + _dt.timedelta(days=days)


@dataclass(frozen=True)
class DebtRecord:
    """One debt's record: whether it is overdue now, and each option's outlook (``proposed``: the proposal's)."""

    creditor: str
    product: str
    overdue: bool
    outlooks: tuple[RecordOutlook, ...]
    proposed: RecordOutlook


@dataclass(frozen=True)
class PlanCheck:
    """An agreed plan against what she has this month.

    Attributes:
        agreement_id / creditor: the plan. due / payment: its next payment (arrears included).
        room: what she has for it this month (available for debts less the other plans' payments).
        drop / drop_amount: how far her monthly income may fall (share, money) before the payment is more than
            the room (None without income); negative: it already is.
        vary: the payment is above the room: ask to vary the plan before it is missed.
        left: what the plan still asks for (its total less what was paid).
        suggested / suggested_months: a payment that fits (the room, down to whole yuan) and the months it
            takes to pay ``left``; 0 / 0 when nothing fits (then ask for a pause).
    """

    agreement_id: str
    creditor: str
    due: _dt.date | None
    payment: Decimal
    room: Decimal
    drop: Decimal | None
    drop_amount: Decimal
    vary: bool
    left: Decimal
    suggested: Decimal
    suggested_months: int


def plan_checks(tracking: Iterable[Tracking], agreement_ids: Iterable[str], available: Decimal,
                income: Decimal) -> tuple[PlanCheck, ...]:
    """Each agreed plan still running (``tracking``, in the order of ``agreement_ids``) checked against
    ``available`` this month and her monthly ``income``.

    >>> from debtplan.calc.tracking import track
    >>> from debtplan.core.model import Agreement
    >>> ag = Agreement("借呗", _dt.date(2027, 1, 10), 48, monthly_payment=Decimal("442.92"), id="a-1")
    >>> c, = plan_checks([track(ag, [], _dt.date(2026, 12, 1), ZERO)], ["a-1"], Decimal("1494"), Decimal("5800"))
    >>> c.drop, c.drop_amount, c.vary
    (Decimal('0.1812'), Decimal('1051.08'), False)
    >>> c, = plan_checks([track(ag, [], _dt.date(2026, 12, 1), ZERO)], ["a-1"], Decimal("400"), Decimal("4000"))
    >>> c.vary, c.suggested, c.suggested_months
    (True, Decimal('400'), 54)
    """
    tracks = list(zip(agreement_ids, tracking))
    due = {aid: (t.next_due_amount or ZERO) for aid, t in tracks}
    out = []
    for aid, t in tracks:
        if t.next_due_amount is None:
            continue
        payment = t.next_due_amount
        room = available - sum((v for k, v in due.items() if k != aid), ZERO)
        left = max(ZERO, t.total - t.paid_to_date)
        vary = payment > room
        suggested, months = ZERO, 0
        if vary and room >= 1:
            suggested = room.quantize(Decimal(1), rounding=ROUND_DOWN)
            months = int((left / suggested).to_integral_value(rounding=ROUND_CEILING))
        out.append(PlanCheck(aid, t.creditor, t.next_due_date, payment, round_money(room),
                             income_drop_that_breaks(income, room, payment), round_money(room - payment), vary,
                             left, suggested, months))
    return tuple(out)


@dataclass(frozen=True)
class ObjectionCheck:
    """An objection and its answer: ``reply_by`` (None until sent), ``late`` (no answer recorded and the day
    has passed: complain, see credit.yaml ``no_answer``)."""

    objection: CreditObjection
    reply_by: _dt.date | None
    late: bool


def objection_checks(objections: Iterable[CreditObjection], on: _dt.date, days: int) -> tuple[ObjectionCheck, ...]:
    """Each objection with the day its answer is due and whether it is late on ``on``."""
    out = []
    for o in objections:
        reply_by = objection_reply_by(o.sent, days) if o.sent else None
        out.append(ObjectionCheck(o, reply_by, bool(reply_by and o.answered is None and reply_by < on)))
    return tuple(out)


def objection_dates(profile: Profile, days: int) -> tuple[KeyDate, ...]:
    """The day each objection sent and not yet answered should have its answer, as dates to keep (kind
    ``objection``; the record is the :class:`~debtplan.core.model.CreditObjection`)."""
    return tuple(KeyDate("objection", objection_reply_by(o.sent, days), o.institution, f"{o.id}-answer",
                         OBJECTION_REMINDER_DAYS, record=o)
                 for o in profile.credit_objections if o.sent and o.answered is None)


@dataclass(frozen=True)
class CreditOutlook:
    """Her credit record, computed once by the assessment: ``years`` a negative record is kept, each debt's
    record (:class:`DebtRecord`), each agreed plan checked (:class:`PlanCheck`), each objection
    (:class:`ObjectionCheck`)."""

    years: int
    objection_days: int
    debts: tuple[DebtRecord, ...] = ()
    plans: tuple[PlanCheck, ...] = ()
    objections: tuple[ObjectionCheck, ...] = ()

    @property
    def vary_requests(self) -> tuple[PlanCheck, ...]:
        """The plans to ask to vary now, before a payment is missed."""
        return tuple(p for p in self.plans if p.vary)


def credit_outlook(profile: Profile, debts: Iterable[Any], tracking: Iterable[Tracking], available: Decimal,
                   income: Decimal, first_payment: _dt.date, on: _dt.date, years: int,
                   objection_days: int) -> CreditOutlook:
    """The outlook of ``profile`` on ``on``: ``debts`` are the assessment's (``debt``, ``options``,
    ``proposal``), ``tracking`` its agreed plans, ``first_payment`` the day a new plan's first payment falls."""
    records = []
    for d in debts:
        overdue = bool(d.debt.is_overdue)
        outlooks = tuple(record_outlook(o, first_payment, years, overdue) for o in d.options)
        proposed = next((x for x, o in zip(outlooks, d.options) if o.key == d.proposal.option.key), outlooks[0])
        records.append(DebtRecord(d.debt.creditor, d.debt.product, overdue, outlooks, proposed))
    plans = plan_checks(tracking, [a.id for a in profile.agreements], available, income)
    return CreditOutlook(years, objection_days, tuple(records), plans,
                         objection_checks(profile.credit_objections, on, objection_days))

