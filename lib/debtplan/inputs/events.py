"""Reading the records of when things go wrong: ``collections:`` (collection contacts, the evidence log),
``court_events:`` (court papers received) and ``letters:`` (letters sent), validated in the same pass as the rest
of the profile (problems are collected by the profile reader, never raised one at a time).

A collection contact's ``at`` is a date and time (``2026-11-20 21:30``) or a plain date when the time was not
noted (then the night rule cannot be checked for it).

>>> import datetime as dt
>>> parse_moment("2026-11-20 21:30"), parse_moment("2026-11-20"), parse_moment("2026年11月20日 7:05")
(datetime.datetime(2026, 11, 20, 21, 30), datetime.date(2026, 11, 20), datetime.datetime(2026, 11, 20, 7, 5))
"""
from __future__ import annotations

import datetime as _dt
import re
from typing import Any

from ..core.errors import InputError, TermError
from ..core.model import (COLLECTION_CHANNELS, CONTACTED, COURT_KINDS, LETTER_KINDS, RULING_KINDS, CollectionContact,
                          CourtEvent, LetterSent)
from ..core.schema import TEXT_LIMIT, keys_of
from ..core.terms import read_date
from .reader import records

__all__ = ["read_events", "parse_moment", "COLLECTION_KEYS", "COURT_KEYS", "LETTER_KEYS"]

COLLECTION_KEYS = keys_of("collections")
COURT_KEYS = keys_of("court_events")
LETTER_KEYS = keys_of("letters")
_TIME = re.compile(r"^\s*(.+?)(?:[ T]+(\d{1,2})[:：](\d{2})(?::(\d{2}))?)?\s*$")


def parse_moment(value: Any) -> _dt.datetime | _dt.date:
    """A date with a time (``2026-11-20 21:30``, ``T`` or a space between, seconds allowed; the date written any
    way the profile accepts, e.g. ``2026年11月20日 21:30``) as a datetime; a date alone as a date.
    Raises :class:`InputError` (a ValueError) otherwise."""
    if isinstance(value, (_dt.datetime, _dt.date)):
        return value
    m = _TIME.match(str(value))
    if not m:
        raise InputError(f"{value!r} is not a date and time")
    try:
        day = read_date(m.group(1))
    except TermError:
        raise InputError(f"{value!r} is not a date and time") from None
    if m.group(2) is None:
        return day
    return _dt.datetime(day.year, day.month, day.day, int(m.group(2)), int(m.group(3)), int(m.group(4) or 0))


def read_events(data: dict, r: Any, creditors: set[str], as_of: _dt.date) -> tuple[tuple, tuple, tuple]:
    """The three record lists of ``data`` as (collections, court_events, letters); every problem goes to
    ``r`` (a :class:`~debtplan.inputs.reader.Reader`) with its path and code.
    ``creditors``: the debts' names (records must name one). ``as_of`` stands in for a missing date (already
    reported) so that the other problems are still found."""
    collections = []
    for where, d, rid in records(r, data, "collections", COLLECTION_KEYS):
        at: Any = None
        if d.get("at") is None or d.get("at") == "":
            r.problem(f"{where}.at", "problem_missing_moment")
        else:
            try:
                at = parse_moment(d["at"])
            except ValueError:
                r.problem(f"{where}.at", "problem_not_a_moment", d["at"])
        collections.append(CollectionContact(
            id=rid, at=at or as_of, creditor=r.creditor(d, where, creditors),
            channel=r.choice(d, "channel", where, "collection_channel", COLLECTION_CHANNELS, "phone"),
            contacted=r.choice(d, "contacted", where, "contacted", CONTACTED, "borrower", required=True),
            caller=r.text(d, "caller", where), said=r.text(d, "said", where, limit=TEXT_LIMIT),
            threats=r.flag(d, "threats", where), insults=r.flag(d, "insults", where),
            evidence=r.text(d, "evidence", where, limit=TEXT_LIMIT)))

    court = []
    for where, d, rid in records(r, data, "court_events", COURT_KEYS):
        received = r.date(d, "received", where, required=True)
        dated, answer_by, hearing = (r.date(d, k, where) for k in ("paper_date", "answer_by", "hearing"))
        for key, day, wrong in (("paper_date", dated, received and dated and dated > received),
                                ("answer_by", answer_by, received and answer_by and answer_by < received),
                                ("hearing", hearing, received and hearing and hearing < received)):
            if wrong:  # a paper is printed before it arrives; the dates the court sets on it come after
                r.problem(f"{where}.{key}", "problem_court_date_order", str(day), received=received)
        court.append(CourtEvent(
            id=rid, kind=r.choice(d, "kind", where, "court_kind", COURT_KINDS, "complaint", required=True),
            creditor=r.creditor(d, where, creditors), received=received or as_of, court=r.text(d, "court", where),
            case_number=r.text(d, "case_number", where),
            amount_claimed=r.amount(d, "amount_claimed", where, positive=True),
            note=r.text(d, "note", where, limit=TEXT_LIMIT), plaintiff=r.text(d, "plaintiff", where),
            paper_date=dated, admits_loan=r.flag(d, "admits_loan", where),
            small_claims=r.flag(d, "small_claims", where), answer_by=answer_by, hearing=hearing,
            ruling_kind=r.choice(d, "ruling_kind", where, "ruling_kind", RULING_KINDS, "unknown")))

    letters = []
    for where, d, rid in records(r, data, "letters", LETTER_KEYS):
        date = r.date(d, "date", where, required=True)
        reply_by = r.date(d, "reply_by", where)
        if date and reply_by and reply_by < date:
            r.problem(f"{where}.reply_by", "problem_reply_before_sent", str(reply_by), sent=date)
        letters.append(LetterSent(
            id=rid, kind=r.choice(d, "kind", where, "letter_kind", LETTER_KINDS, "proposal", required=True),
            creditor=r.creditor(d, where, creditors), date=date or as_of, reply_by=reply_by,
            copy=r.text(d, "copy", where)))
    return tuple(collections), tuple(court), tuple(letters)
