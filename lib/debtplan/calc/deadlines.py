"""Legal periods that start when a court paper is received, on the official calendar.

A period of N days counts from the day after receipt, so it ends on ``received + N`` days (民事诉讼法 Art. 85:
the day the period starts is not counted); when that last day is a rest day (a public holiday, or a Saturday or
Sunday that is not a make-up working day) the period ends on the next working day. The calendar is passed in
(:class:`debtplan.core.model.HolidayCalendar`, data/rules/holidays-cn.yaml); when it lacks a year the search
crosses, only the days certain to be rest days count for that year (the fixed statutory holidays, and weekends
not near a festival, which may be make-up working days), so the date shown is the earliest the law can give and
the result says the calendar is missing.

>>> from debtplan.core.model import CourtPeriod, HolidayCalendar
>>> cal = HolidayCalendar(years=frozenset({2026}), rest=frozenset(_dt.date(2026, 10, d) for d in range(1, 8)),
...                       workdays=frozenset({_dt.date(2026, 10, 10)}))
>>> period = CourtPeriod("payment_order", 15, {"zh": "第二百二十七条", "en": "Art. 227"}, "enforce")
>>> d = legal_deadline(_dt.date(2026, 9, 16), period, cal)
>>> d.last_day, d.due, d.moved, d.calendar_complete
(datetime.date(2026, 10, 1), datetime.date(2026, 10, 8), True, True)
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from functools import lru_cache

from lunardate import LunarDate

from ..core.model import CourtEvent, CourtPeriod, HolidayCalendar

__all__ = ["Deadline", "is_rest_day", "next_working_day", "statutory_holidays", "reminder_day", "legal_deadline", "court_deadlines",
           "period_key", "court_set_date", "RULING_PERIODS"]


@dataclass(frozen=True)
class Deadline:
    """The end of a legal period.

    Attributes:
        event_id: the court paper's record id ("" when computed on its own). kind: the paper's kind.
        received: the day the paper was received. days: the period's length in days.
        last_day: received + days (the day the period would end on the calendar alone).
        due: the last day to act: ``last_day``, or the next working day when that is a rest day.
        moved: ``due`` is later than ``last_day``.
        calendar_complete: the official calendar covers every year from ``last_day`` to ``due``.
        missing_years: the years it lacks (only weekends were known for them).
        period: the :class:`CourtPeriod` applied (article, what happens if missed).
        court_set: the date is the one the court wrote on the paper (a small claim's answer date, a summons'
            hearing), not counted here.
    """

    event_id: str
    kind: str
    received: _dt.date
    days: int
    last_day: _dt.date
    due: _dt.date
    moved: bool
    calendar_complete: bool
    missing_years: tuple[int, ...]
    period: CourtPeriod
    court_set: bool = False


def is_rest_day(day: _dt.date, calendar: HolidayCalendar) -> bool:
    """A public holiday, or a Saturday or Sunday that is not a make-up working day.

    >>> is_rest_day(_dt.date(2026, 11, 28), HolidayCalendar())   # a Saturday
    True
    """
    if day in calendar.rest:
        return True
    return day.weekday() >= 5 and day not in calendar.workdays


# The holidays the law itself fixes (全国年节及纪念日放假办法 Art. 2, 2024 revision): 元旦 1 Jan, 劳动节 1-2 May,
# 国庆节 1-3 Oct, 春节 除夕 to 初三, and one day each for 清明, 端午 (5th of the 5th lunar month) and 中秋
# (15th of the 8th lunar month).
_FIXED_HOLIDAYS = ((1, 1), (5, 1), (5, 2), (10, 1), (10, 2), (10, 3))
# A make-up working day (调休上班) can fall this many days from a statutory holiday (2025-2026 notices: at most 11,
# 20 Sep 2026 before National Day).
_MAKE_UP_REACH = 12


def _qingming(year: int) -> _dt.date:
    """清明 (the solar term at the sun's longitude 15°): 4 or 5 April in 2000-2099 (the usual 21st-century
    rule, day = int(Y*0.2422 + 4.81) - int(Y/4) with Y the last two digits; 2025 -> 4 Apr, 2026/2027 -> 5 Apr)."""
    y = year % 100
    return _dt.date(year, 4, int(y * 0.2422 + 4.81) - y // 4)


@lru_cache(maxsize=64)
def statutory_holidays(year: int) -> frozenset[_dt.date]:
    """The days of ``year`` that are public holidays by law whatever the year's notice says (the notice adds
    bridging days and make-up working days around them)."""
    days = {_dt.date(year, m, d) for m, d in _FIXED_HOLIDAYS}
    if not 1900 <= year <= 2099:        # beyond the lunar tables (and the 清明 rule): the fixed days only
        return frozenset(days)
    new_year = LunarDate(year, 1, 1).to_solar_date()
    days |= {new_year + _dt.timedelta(days=k) for k in range(-1, 3)}       # 除夕 to 初三
    days |= {_qingming(year), LunarDate(year, 5, 5).to_solar_date(), LunarDate(year, 8, 15).to_solar_date()}
    return frozenset(days)


def _certain_rest_day(day: _dt.date) -> bool:
    """For a year whose official notice is not in the data: a rest day whatever the notice will say.

    A statutory holiday is certain; a weekend is certain only far from any statutory holiday, since one near a
    festival may become a make-up working day. The date found is so the earliest the law can give, never later."""
    near = [h for y in (day.year - 1, day.year, day.year + 1) for h in statutory_holidays(y)
            if abs((day - h).days) <= _MAKE_UP_REACH]
    if day in near:
        return True
    return day.weekday() >= 5 and not near


def next_working_day(day: _dt.date, calendar: HolidayCalendar) -> _dt.date:
    """``day`` itself when it is a working day, else the first working day after it. In a year the calendar does
    not cover, only certain rest days count (the earliest possible date)."""
    while (is_rest_day(day, calendar) if day.year in calendar.years or not calendar.years
           else _certain_rest_day(day)):
        day += _dt.timedelta(days=1)
    return day


def reminder_day(due: _dt.date, days_before: int, calendar: HolidayCalendar) -> _dt.date:
    """The day to remind of a deadline ``due``: ``days_before`` days earlier, moved back to a working day when it
    falls on a rest day, so a reminder never sits inside a holiday break that leaves fewer working days than meant.
    In a year the calendar lacks, a statutory holiday or any weekend counts as rest (the earlier reminder).

    >>> reminder_day(_dt.date(2026, 2, 24), 5, HolidayCalendar())   # 19 Feb 2026 is 初三, in the Spring Festival
    datetime.date(2026, 2, 13)
    """
    day = due - _dt.timedelta(days=days_before)
    while is_rest_day(day, calendar) or (day.year not in calendar.years and day in statutory_holidays(day.year)):
        day -= _dt.timedelta(days=1)
    return day


def legal_deadline(received: _dt.date, period: CourtPeriod, calendar: HolidayCalendar,
                   event_id: str = "") -> Deadline:
    """The last day to act on a paper received on ``received`` (see the module docstring).

    >>> from debtplan.core.model import CourtPeriod, HolidayCalendar
    >>> ruling = CourtPeriod("ruling", 10, {"zh": "", "en": ""}, "final")
    >>> d = legal_deadline(_dt.date(2027, 1, 22), ruling, HolidayCalendar(years=frozenset({2026})))
    >>> d.last_day, d.due, d.calendar_complete, d.missing_years   # 1 Feb 2027 is a Monday
    (datetime.date(2027, 2, 1), datetime.date(2027, 2, 1), False, (2027,))
    """
    last = received + _dt.timedelta(days=period.days)
    due = next_working_day(last, calendar)
    years = range(last.year, due.year + 1)
    missing = tuple(y for y in years if y not in calendar.years)
    return Deadline(event_id=event_id, kind=period.kind, received=received, days=period.days, last_day=last,
                    due=due, moved=due != last, calendar_complete=not missing, missing_years=missing, period=period)


#: The period a ruling starts, by what it is about (schema ``ruling_kind``): a preservation ruling is reviewed
#: (复议), one of the rulings Art. 157 para. 2 names is appealed, any other is final (no period); when the subject
#: was not recorded, the earliest period any ruling can start.
RULING_PERIODS = {"preservation": "preservation", "appealable": "ruling", "other": None, "unknown": "ruling_unknown"}


def period_key(event: CourtEvent) -> str | None:
    """The key of the court period ``event`` starts (data/rules/legal.yaml ``court_periods``), or None when it
    starts none: a small claim's judgment is final (one instance), so is a ruling no article lets her contest;
    a small claim's answer period is the court's (``small_claims``); mediation and enforcement have none here.

    >>> import datetime as dt
    >>> e = CourtEvent("e-1", "ruling", "借呗", dt.date(2026, 11, 20), ruling_kind="preservation")
    >>> period_key(e), period_key(CourtEvent("e-2", "judgment", "借呗", dt.date(2026, 11, 20), small_claims=True))
    ('preservation', None)
    """
    if event.kind == "ruling":
        return RULING_PERIODS.get(event.ruling_kind, "ruling_unknown")
    if event.small_claims and event.kind == "judgment":
        return None
    if event.small_claims and event.kind == "complaint":
        return "small_claims"
    return event.kind


def court_set_date(event: CourtEvent, day: _dt.date, period: CourtPeriod) -> Deadline:
    """A date the court wrote on ``event`` (its answer date, its hearing) as a :class:`Deadline`: not counted,
    never moved."""
    return Deadline(event_id=event.id, kind=period.kind, received=event.received,
                    days=max(0, (day - event.received).days), last_day=day, due=day, moved=False,
                    calendar_complete=True, missing_years=(), period=period, court_set=True)


def court_deadlines(events: tuple[CourtEvent, ...] | list[CourtEvent], periods: dict,
                    calendar: HolidayCalendar) -> tuple[Deadline, ...]:
    """The deadline of every court paper that starts a period (:func:`period_key`), and the hearing of every
    summons, earliest first. A small claim's answer period is the date the court set (none without it)."""
    found = []
    for e in events:
        key = period_key(e)
        period = periods.get(key) if key else None
        if period is not None and period.court_set:
            if e.answer_by is not None:
                found.append(court_set_date(e, e.answer_by, period))
        elif period is not None:
            found.append(legal_deadline(e.received, period, calendar, e.id))
        if e.hearing is not None and "hearing" in periods:
            found.append(court_set_date(e, e.hearing, periods["hearing"]))
    return tuple(sorted(found, key=lambda d: (d.due, d.event_id, d.kind)))
