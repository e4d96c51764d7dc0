"""Reading the records of when things go wrong: ``collections:`` (collection contacts, the evidence log),
``court_events:`` (court papers received) and ``letters:`` (letters sent), validated in the same pass as the rest
of the profile (problems are collected by the profile reader, never raised one at a time).

A collection contact's ``at`` is a date and time (``2026-11-20 21:30``) or a plain date when the time was not
noted (then the night rule cannot be checked for it).

>>> import datetime as dt
>>> parse_moment("2026-11-20 21:30"), parse_moment("2026-11-20")
(datetime.datetime(2026, 11, 20, 21, 30), datetime.date(2026, 11, 20))
"""
from __future__ import annotations

import datetime as _dt
import re
from typing import Any

from ..core.model import (COLLECTION_CHANNELS, CONTACTED, COURT_KINDS, LETTER_KINDS, CollectionContact, CourtEvent,
                          LetterSent)

__all__ = ["read_events", "parse_moment", "COLLECTION_KEYS", "COURT_KEYS", "LETTER_KEYS"]

COLLECTION_KEYS = {"id", "at", "creditor", "channel", "contacted", "caller", "said", "threats", "insults", "evidence"}
COURT_KEYS = {"id", "kind", "creditor", "received", "court", "case_number", "amount_claimed", "note"}
LETTER_KEYS = {"id", "kind", "creditor", "date", "reply_by", "copy"}
_MOMENT = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*$")


def parse_moment(value: Any) -> _dt.datetime | _dt.date:
    """``YYYY-MM-DD HH:MM`` (or ``T`` between, seconds allowed) as a datetime; ``YYYY-MM-DD`` as a date.
    Raises ValueError otherwise."""
    if isinstance(value, (_dt.datetime, _dt.date)):
        return value
    m = _MOMENT.match(str(value))
    if not m:
        raise ValueError(value)
    day = _dt.date.fromisoformat(m.group(1))
    if m.group(2) is None:
        return day
    return _dt.datetime(day.year, day.month, day.day, int(m.group(2)), int(m.group(3)), int(m.group(4) or 0))


def read_events(data: dict, r: Any, creditors: set[str], as_of: _dt.date) -> tuple[tuple, tuple, tuple]:
    """The three record lists of ``data`` as (collections, court_events, letters); every problem goes to
    ``r`` (the profile reader) with its path. ``creditors``: the debts' names (records must name one).
    ``as_of`` stands in for a missing date (already reported) so that the other problems are still found."""
    from .profile import _ids  # the profile module imports this one

    def creditor_of(d: dict, where: str) -> str:
        c = r.text(d, "creditor", where, required=True)
        if c and creditors and c not in creditors:
            r.problem(f"{where}.creditor", f"{c!r} is not one of the debts ({', '.join(sorted(creditors))})", c)
        return c

    collections = []
    raw = r.listing(data.get("collections"), "collections")
    ids = _ids(r, raw, "collections")
    for i, item in enumerate(raw):
        where = f"collections[{i}]"
        d = r.mapping(item, where)
        r.keys(d, where, COLLECTION_KEYS)
        at: Any = None
        if d.get("at") is None:
            r.problem(f"{where}.at", "is missing; write the date and time, e.g. 2026-11-20 21:30 (or just the date)")
        else:
            try:
                at = parse_moment(d["at"])
            except ValueError:
                r.problem(f"{where}.at", f"{d['at']!r} is not a date and time; write e.g. 2026-11-20 21:30 or "
                          "2026-11-20", d["at"])
        if d.get("contacted") is None:
            r.problem(f"{where}.contacted", f"is missing; who was contacted: {', '.join(CONTACTED)}")
        collections.append(CollectionContact(
            id=ids[i], at=at or as_of, creditor=creditor_of(d, where),
            channel=r.choice(d, "channel", where, COLLECTION_CHANNELS, "phone"),
            contacted=r.choice(d, "contacted", where, CONTACTED, "borrower"), caller=r.text(d, "caller", where),
            said=r.text(d, "said", where), threats=r.flag(d, "threats", where), insults=r.flag(d, "insults", where),
            evidence=r.text(d, "evidence", where)))

    court = []
    raw = r.listing(data.get("court_events"), "court_events")
    ids = _ids(r, raw, "court_events")
    for i, item in enumerate(raw):
        where = f"court_events[{i}]"
        d = r.mapping(item, where)
        r.keys(d, where, COURT_KEYS)
        if d.get("kind") is None:
            r.problem(f"{where}.kind", f"is missing; what arrived: {', '.join(COURT_KINDS)}")
        received = r.date(d, "received", where, required=True)
        court.append(CourtEvent(
            id=ids[i], kind=r.choice(d, "kind", where, COURT_KINDS, "complaint"), creditor=creditor_of(d, where),
            received=received or as_of, court=r.text(d, "court", where), case_number=r.text(d, "case_number", where),
            amount_claimed=r.amount(d, "amount_claimed", where, positive=True), note=r.text(d, "note", where)))

    letters = []
    raw = r.listing(data.get("letters"), "letters")
    ids = _ids(r, raw, "letters")
    for i, item in enumerate(raw):
        where = f"letters[{i}]"
        d = r.mapping(item, where)
        r.keys(d, where, LETTER_KEYS)
        if d.get("kind") is None:
            r.problem(f"{where}.kind", f"is missing; which letter: {', '.join(LETTER_KINDS)}")
        date = r.date(d, "date", where, required=True)
        reply_by = r.date(d, "reply_by", where)
        if date and reply_by and reply_by < date:
            r.problem(f"{where}.reply_by", f"{reply_by} is before the letter's date ({date})", str(reply_by))
        letters.append(LetterSent(id=ids[i], kind=r.choice(d, "kind", where, LETTER_KINDS, "proposal"),
                                  creditor=creditor_of(d, where), date=date or as_of, reply_by=reply_by,
                                  copy=r.text(d, "copy", where)))
    return tuple(collections), tuple(court), tuple(letters)
