"""Calendar helpers: due dates on the same day each month, clamped to the month's end.

>>> from datetime import date
>>> add_months(date(2026, 1, 31), 1)
datetime.date(2026, 2, 28)
>>> due_dates(date(2026, 1, 31), 3)
[datetime.date(2026, 2, 28), datetime.date(2026, 3, 31), datetime.date(2026, 4, 30)]
"""
from __future__ import annotations

import calendar
import datetime as _dt
from typing import Any

from .errors import InputError, TermError
from .terms import read_date

__all__ = ["add_months", "add_days", "due_dates", "parse_date", "STALE_AFTER_DAYS", "days_out_of_date",
           "HAPPENED_DATES", "day_of"]

#: The dates of records that say something has happened, as (record list, date key): the same names in a profile
#: file and in the model. None of them can lie after today. (Planned dates - an agreement's start, a next contact,
#: a reply-by date - may.)
HAPPENED_DATES = (("negotiations", "date"), ("payments", "date"), ("collections", "at"), ("court_events", "received"),
                  ("letters", "date"), ("credit_objections", "sent"), ("credit_objections", "answered"))

#: Figures computed to a date more than this many days before today are called out of date.
STALE_AFTER_DAYS = 7


def add_months(start: _dt.date, months: int, day: int | None = None) -> _dt.date:
    """``start`` moved by ``months`` calendar months, keeping the day of month (``day`` if given),
    clamped to the last day of the target month."""
    index = start.year * 12 + (start.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    if year > _dt.MAXYEAR:  # the calendar ends in 9999: later dates stay on its last day, never an error
        return _dt.date.max
    if year < _dt.MINYEAR:
        return _dt.date.min
    wanted = day if day is not None else start.day
    return _dt.date(year, month, min(wanted, calendar.monthrange(year, month)[1]))


def add_days(start: _dt.date, days: int) -> _dt.date:
    """``start`` plus ``days`` days, kept within the calendar (year 1 to 9999) instead of an error.

    >>> add_days(_dt.date(9999, 12, 30), 7)
    datetime.date(9999, 12, 31)
    """
    try:
        return start + _dt.timedelta(days=days)
    except OverflowError:
        return _dt.date.max if days > 0 else _dt.date.min


def due_dates(start: _dt.date, count: int) -> list[_dt.date]:
    """The ``count`` monthly due dates after ``start`` (the loan date), on ``start``'s day of month."""
    return [add_months(start, k, start.day) for k in range(1, count + 1)]


def parse_date(value: Any, what: str = "date") -> _dt.date:
    """Read a date written as ``2026-11-28``, ``2026/11/28``, ``2026.11.28`` or ``2026年11月28日`` (or a ``date``);
    raise ``ValueError`` naming ``what``."""
    try:
        return read_date(value)
    except TermError:
        raise InputError(f"{what}: {value!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-11-28") from None


def days_out_of_date(as_of: _dt.date, today: _dt.date | None = None) -> int:
    """How many days ``as_of`` lies before ``today`` (default: the machine's date) when that is more than
    :data:`STALE_AFTER_DAYS`; 0 when the figures are recent enough (or dated later).

    >>> days_out_of_date(_dt.date(2026, 11, 28), _dt.date(2026, 12, 5)), days_out_of_date(_dt.date(2026, 11, 28), _dt.date(2026, 12, 6))
    (0, 8)
    """
    days = ((today or _dt.date.today()) - as_of).days
    return days if days > STALE_AFTER_DAYS else 0


def day_of(value: _dt.date) -> _dt.date:
    """The calendar day of a date or a date and time."""
    return value.date() if isinstance(value, _dt.datetime) else value
