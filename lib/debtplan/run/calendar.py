"""Every date to keep, as one RFC 5545 calendar file that phone calendars import (``debtplan calendar``).

All-day events (``DTSTART;VALUE=DATE``) for each payment of each agreed plan (reminder 3 days before), the
reply-by date of each letter sent and the next contact date of each log entry (reminder 1 day before), and each
legal deadline (reminder 5 days before) and each hearing of a summons (reminder 2 days before), titled in the
profile's language. The deadlines and hearings are the assessment's (:func:`debtplan.calc.assessment.assess`),
so the file holds the same dates as the report and ``assess --format json``. Each event's ``UID`` comes from the
record's id, and ``DTSTAMP`` and ``LAST-MODIFIED`` from the profile's date, with ``SEQUENCE`` growing with that
date, so regenerating gives the same file and importing a corrected one updates the events instead of duplicating
or ignoring them. Reminders ring at 09:00 local time; a deadline's reminder is moved back to a working day when it
would fall in a holiday break; a deadline computed without the year's official holiday notice says "provisional"
in its title.

Payments of an agreed plan are bounded to what a phone calendar holds: those from :data:`PAYMENTS_BEFORE` days
before the profile's date to :data:`PAYMENT_MONTHS` months after it (a 600-month plan would otherwise add 600
events per debt); regenerating the file later brings the next ones. Other dates are all kept.

The app offers the same file for download through :func:`calendar_bytes`.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
from pathlib import Path

from icalendar import Alarm, Calendar, Event

from ..calc.assessment import assess
from ..calc.credit import objection_dates
from ..calc.deadlines import reminder_day
from ..calc.keydates import KeyDate, key_dates
from ..core.model import Profile, Rules
from ..core.usertext import clean_text
from ..inputs.rules import load_rules
from ..present.credit import objection_description, objection_label
from ..present.legal import MISSED_KEYS, date_label, period_article
from ..text.i18n import date_text, t

__all__ = ["calendar_bytes", "write_calendar", "event_uid", "PAYMENT_MONTHS"]

PRODID = "-//debtplan//dates to keep//EN"
#: Agreed payments shown: from this many days before the profile's date to this many months after it.
PAYMENTS_BEFORE, PAYMENT_MONTHS = 31, 24


def _shown(key: KeyDate, as_of: _dt.date) -> bool:
    """Whether a date goes in the file: every date but payments outside the window around ``as_of``."""
    if key.kind != "payment":
        return True
    return as_of - _dt.timedelta(days=PAYMENTS_BEFORE) <= key.day <= as_of + _dt.timedelta(days=PAYMENT_MONTHS * 31)

# SEQUENCE is the number of days from this day to the profile's date: a later, corrected file has a higher one.
_SEQUENCE_FROM = _dt.date(2020, 1, 1)
_REMIND_AT = _dt.timedelta(hours=9)


def event_uid(profile: Profile, key: KeyDate) -> str:
    """A stable UID: the record's id, qualified by the profile's name (so two households never clash)."""
    who = hashlib.sha1(profile.name.encode("utf-8")).hexdigest()[:10]
    return clean_text(f"{key.uid}.{who}@debtplan", None)


def _description(key: KeyDate, lang: str, rules: Rules) -> str:
    if key.kind == "hearing":
        return t("ct_cal_hearing_desc", lang, article=period_article(rules, key.record, lang))
    if key.kind == "deadline":
        d = key.record
        text = t("lg_cal_deadline_desc", lang, received=date_text(d.received, lang),
                 missed=t(MISSED_KEYS[d.period.missed], lang), article=period_article(rules, d, lang))
        if not d.calendar_complete:
            text += " " + t("lg_calendar_missing", lang, years=", ".join(str(y) for y in d.missing_years))
        return text
    if key.kind == "payment":
        return t("lg_cal_payment_desc", lang)
    if key.kind == "objection":
        return objection_description(key, rules.credit.objection_days, lang)
    return date_label(key, lang)


def _summary(key: KeyDate, lang: str) -> str:
    title = objection_label(key, lang) if key.kind == "objection" else date_label(key, lang)
    if key.kind == "deadline" and not key.record.calendar_complete:
        title = t("lg_cal_provisional", lang) + title
    return title


def _trigger(key: KeyDate, rules: Rules) -> _dt.timedelta:
    """From the start of the all-day event (local midnight) to 09:00 of the reminder day."""
    day = key.day - _dt.timedelta(days=key.reminder_days)
    if key.kind in ("deadline", "hearing"):
        day = reminder_day(key.day, key.reminder_days, rules.holidays)
    return (day - key.day) + _REMIND_AT


def calendar_bytes(profile: Profile, rules: Rules | None = None, lang: str | None = None) -> bytes:
    """The calendar file of ``profile`` as bytes: every date (past ones included, so a re-import keeps them) but
    agreed payments, which are those in the window around the profile's date."""
    rules = rules or load_rules()
    lang = lang or profile.lang
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", clean_text(t("lg_cal_name", lang, name=profile.borrower.get("name") or profile.name)))
    stamp = _dt.datetime.combine(profile.as_of, _dt.time(0, 0), tzinfo=_dt.timezone.utc)
    for key in (*key_dates(profile, assess(profile, rules).deadlines),
                *objection_dates(profile, rules.credit.objection_days)):
        if not _shown(key, profile.as_of):
            continue
        event = Event()
        event.add("uid", event_uid(profile, key))
        event.add("dtstamp", stamp)
        event.add("last-modified", stamp)
        event.add("sequence", max(0, (profile.as_of - _SEQUENCE_FROM).days))
        event.add("dtstart", key.day)
        event.add("dtend", key.day + _dt.timedelta(days=1))
        # Names a person typed reach a phone's screen: no control characters or bidirectional overrides.
        event.add("summary", clean_text(_summary(key, lang), None))
        event.add("description", clean_text(_description(key, lang, rules), None))
        event.add("transp", "TRANSPARENT")
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", clean_text(_summary(key, lang), None))
        alarm.add("trigger", _trigger(key, rules))
        event.add_component(alarm)
        cal.add_component(event)
    return cal.to_ical()


def write_calendar(profile: Profile, out: str | Path, rules: Rules | None = None, lang: str | None = None) -> Path:
    """Write the calendar file to ``out`` (replacing it: it is made again from the profile each time)."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(calendar_bytes(profile, rules, lang))
    return out
