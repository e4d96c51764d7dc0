"""Her credit record: when each plan clears the debt, when its negative record could be gone, and how far her
income may fall before an agreed plan breaks.

A negative record is kept for a number of years from the day the bad behaviour ends (the years come from
data/rules/credit.yaml, passed in: 5 under 征信业管理条例 Art. 16); for an overdue debt that is the day it is
repaid, so each plan's last payment sets the latest month its record could still show.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from decimal import Decimal

from ..core.dates import add_months
from ..core.money import to_rate

__all__ = ["RecordOutlook", "record_outlook", "income_drop_that_breaks", "objection_reply_by"]


@dataclass(frozen=True)
class RecordOutlook:
    kind: str  # the option's kind
    cleared: _dt.date  # the month the debt is repaid under this plan
    record_gone_by: _dt.date  # the latest day its negative record is kept to
    settled_for_less: bool  # a one-off settlement for less than owed (reported as such: see credit.yaml)


def record_outlook(option: object, first_payment: _dt.date, years: int) -> RecordOutlook:
    """For an option (``debt_free_months``, ``months``, ``kind``, ``waived``) whose first payment falls on
    ``first_payment``: the day the debt is cleared and the day its record could be gone.

    >>> from types import SimpleNamespace as O
    >>> r = record_outlook(O(kind="installments", months=48, debt_free_months=48, waived=0), _dt.date(2026, 12, 28), 5)
    >>> r.cleared, r.record_gone_by
    (datetime.date(2030, 11, 28), datetime.date(2035, 11, 28))
    """
    months = max(int(getattr(option, "debt_free_months", 0) or 0), 1)
    cleared = add_months(first_payment, months - 1)  # the first payment is month 1
    settlement = getattr(option, "months", 0) == 0
    return RecordOutlook(option.kind, cleared, add_months(cleared, 12 * years),
                         settlement and Decimal(getattr(option, "waived", 0) or 0) > 0)


def income_drop_that_breaks(income: Decimal, available: Decimal, payment: Decimal) -> Decimal | None:
    """The share of her monthly income she can lose (every cost unchanged) before ``payment`` is more than
    she has ``available`` for debts: ``(available - payment) / income``. Negative: it already does not fit;
    None without income.

    >>> income_drop_that_breaks(Decimal("5800"), Decimal("1494"), Decimal("442.92"))
    Decimal('0.1812')
    """
    if income <= 0:
        return None
    return to_rate(round((available - payment) / income, 4))


def objection_reply_by(sent: _dt.date, days: int) -> _dt.date:
    """The day an answer to an objection is due, counted from the day she sent it (the rule counts from the
    day it is received, which is that day or later: this date is never later than the law's)."""
    return sent + _dt.timedelta(days=days)

