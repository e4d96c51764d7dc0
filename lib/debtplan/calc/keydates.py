"""Every date to keep, from a profile: each payment of each agreed plan, the reply-by date of each letter sent,
the next contact date of each log entry, and the legal deadline and hearing of each court paper, taken from the
assessment (:attr:`debtplan.calc.assessment.Assessment.deadlines`, computed once there). The report lists them
and the calendar file (:mod:`debtplan.run.calendar`) turns each into an all-day event.

Each date has a ``uid`` made from the record's id (and the payment's number), so the same records always give
the same ids: importing a regenerated calendar updates its events instead of duplicating them.

>>> import datetime as dt
>>> from decimal import Decimal as D
>>> from debtplan.core.model import Agreement
>>> a = Agreement("借呗", dt.date(2026, 12, 10), 2, monthly_payment=D("500"), id="a-1")
>>> [(k.kind, str(k.day), k.uid, k.reminder_days) for k in agreement_dates([a], {})]
[('payment', '2026-12-10', 'a-1-1', 3), ('payment', '2027-01-10', 'a-1-2', 3)]
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Iterable, Mapping

from ..core.model import Agreement, Profile
from ..core.money import ZERO
from .deadlines import Deadline
from .tracking import agreement_installments

__all__ = ["KeyDate", "REMINDER_DAYS", "agreement_dates", "key_dates"]

#: Days before each kind of date that a reminder goes off: 3 for payments, 5 for legal deadlines, 2 for a hearing.
REMINDER_DAYS = {"payment": 3, "deadline": 5, "hearing": 2, "reply": 1, "next_contact": 1}


@dataclass(frozen=True)
class KeyDate:
    """One date to keep.

    Attributes:
        kind: ``payment``, ``reply`` (a lender should have answered a letter by then), ``next_contact``
            (from the contact log), ``deadline`` (a legal period ends), ``hearing`` (a summons' hearing).
        day: the date. creditor: whose. uid: stable id from the record id. reminder_days: days before to remind.
        amount: the payment (payments only). number / total: which payment of how many.
        record: the record behind it (an Agreement, a LetterSent, a Contact of the log) or the
            :class:`debtplan.calc.deadlines.Deadline`.
    """

    kind: str
    day: _dt.date
    creditor: str
    uid: str
    reminder_days: int
    amount: Decimal | None = None
    number: int = 0
    total: int = 0
    record: Any = None


def agreement_dates(agreements: Iterable[Agreement], principal_of: Mapping[str, Decimal]) -> list[KeyDate]:
    """Every payment of every agreed plan (``principal_of``: creditor -> principal, for plans given by rate)."""
    out = []
    for ag in agreements:
        rows = agreement_installments(ag, principal_of.get(ag.creditor, ZERO))
        for n, row in enumerate(rows, start=1):
            out.append(KeyDate("payment", row.due_date, ag.creditor, f"{ag.id}-{n}", REMINDER_DAYS["payment"],
                               amount=row.amount, number=n, total=len(rows), record=ag))
    return out


def key_dates(profile: Profile, deadlines: Iterable[Deadline], *,
              since: _dt.date | None = None) -> tuple[KeyDate, ...]:
    """All the dates of ``profile``, earliest first; with ``since``, only those on or after it.

    ``deadlines``: the court papers' deadlines and hearings as the assessment computed them
    (``Assessment.deadlines``): they are read here, never counted again."""
    principal_of = {d.creditor: d.principal for d in profile.debts}
    found = agreement_dates(profile.agreements, principal_of)
    for letter in profile.letters:
        if letter.reply_by:
            found.append(KeyDate("reply", letter.reply_by, letter.creditor, f"{letter.id}-reply",
                                 REMINDER_DAYS["reply"], record=letter))
    for contact in profile.negotiations:
        if contact.next_date:
            found.append(KeyDate("next_contact", contact.next_date, contact.creditor, f"{contact.id}-next",
                                 REMINDER_DAYS["next_contact"], record=contact))
    creditor_of = {e.id: e.creditor for e in profile.court_events}
    for deadline in deadlines:
        kind = "hearing" if deadline.kind == "hearing" else "deadline"
        found.append(KeyDate(kind, deadline.due, creditor_of.get(deadline.event_id, ""),
                             f"{deadline.event_id}-{'hearing' if kind == 'hearing' else 'due'}",
                             REMINDER_DAYS[kind], record=deadline))
    if since is not None:
        found = [k for k in found if k.day >= since]
    order = {"deadline": 0, "hearing": 0, "payment": 1, "reply": 2, "next_contact": 3}
    return tuple(sorted(found, key=lambda k: (k.day, order[k.kind], k.uid)))
