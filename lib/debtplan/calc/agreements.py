"""Where each agreed plan stands: recorded, confirmed in writing, kept, or a payment missed.

A plan the borrower noted after a phone call is *recorded*; it is *confirmed in writing* only once the lender's
letter, e-mail, app message or text arrived (``confirmed_on``). A plan with payments due is *kept* while every
payment due was made, and has a *missed payment* when less was paid than was due (:func:`debtplan.calc.tracking.track`).
Whether it was confirmed in writing is carried apart from that (``in_writing``), so a plan kept on the strength
of a call still shows that its written confirmation is missing.

The terms the written confirmation should state (the balance, the schedule, interest and penalties, credit
reporting, a missed payment) are checked against the record here once; the report and the app only show them.

>>> import datetime as dt
>>> from decimal import Decimal as D
>>> from debtplan.core.model import Agreement
>>> from debtplan.calc.tracking import track
>>> ag = Agreement("借呗", dt.date(2026, 12, 10), 12, monthly_payment=D("500"))
>>> s = agreement_status(ag, track(ag, [], dt.date(2026, 12, 4), D(0)))
>>> s.status, s.in_writing, s.missing_terms
('recorded', False, ('balance', 'interest', 'credit', 'missed'))
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Iterable

from ..core.model import Agreement
from .tracking import Tracking

__all__ = ["STATUSES", "TERMS", "AgreementStatus", "agreement_status", "agreement_statuses"]

#: Where a plan stands, from the least to the most settled; ``missed`` overrides the rest.
STATUSES = ("recorded", "confirmed", "kept", "missed")
#: What a written confirmation should state, in the order the checklist lists them.
TERMS = ("balance", "schedule", "interest", "credit", "missed")


@dataclass(frozen=True)
class AgreementStatus:
    """One agreement's standing on the assessment date.

    Attributes:
        agreement: the plan as recorded.
        status: ``recorded`` (noted by the borrower, nothing in writing yet), ``confirmed`` (the lender confirmed
            it in writing), ``kept`` (payments were due and all were made), ``missed`` (less was paid than was due).
        in_writing: the lender's written confirmation is recorded (``confirmed_on``), whatever the status.
        confirmed_on / confirmed_form: when and how it was confirmed (None / "" when not).
        recorded_terms / missing_terms: which of :data:`TERMS` the record states, and which it does not yet.
    """

    agreement: Agreement
    status: str
    in_writing: bool
    confirmed_on: _dt.date | None
    confirmed_form: str
    recorded_terms: tuple[str, ...]
    missing_terms: tuple[str, ...]

    @property
    def creditor(self) -> str:
        return self.agreement.creditor

    @property
    def needs_letter(self) -> bool:
        """The confirmation letter is to be sent: nothing from the lender in writing yet."""
        return not self.in_writing


def _terms(ag: Agreement) -> dict[str, bool]:
    """Which terms the record states: the balance when the agreed principal is recorded; the schedule always (the
    record has the dates and amounts); interest when the plan is interest-frozen or has its rate; credit reporting
    and a missed payment when the lender's words on them are recorded."""
    return {"balance": ag.principal is not None, "schedule": True,
            "interest": ag.interest_frozen or ag.annual_rate is not None,
            "credit": bool(ag.credit_reporting), "missed": bool(ag.if_missed)}


def agreement_status(ag: Agreement, tracking: Tracking) -> AgreementStatus:
    """The standing of ``ag`` given its ``tracking`` on the assessment date."""
    in_writing = ag.confirmed_on is not None
    due_yet = tracking.due_to_date > 0
    if tracking.status == "behind":
        status = "missed"
    elif due_yet:
        status = "kept"
    else:
        status = "confirmed" if in_writing else "recorded"
    terms = _terms(ag)
    return AgreementStatus(agreement=ag, status=status, in_writing=in_writing, confirmed_on=ag.confirmed_on,
                           confirmed_form=ag.confirmed_form if in_writing else "",
                           recorded_terms=tuple(t for t in TERMS if terms[t]),
                           missing_terms=tuple(t for t in TERMS if not terms[t]))


def agreement_statuses(agreements: Iterable[Agreement], tracking: Iterable[Tracking]) -> tuple[AgreementStatus, ...]:
    """Every agreement's standing, in the order recorded (``tracking`` in the same order)."""
    return tuple(agreement_status(ag, tr) for ag, tr in zip(agreements, tracking))
