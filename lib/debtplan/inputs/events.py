"""Reading the records of when things go wrong: ``collections:`` (collection contacts, the evidence log),
``court_events:`` (court papers received) and ``letters:`` (letters sent), validated in the same pass as the rest
of the profile (problems are collected by the profile reader, never raised one at a time).

A collection contact's ``at`` is a date and time (``2026-11-20 21:30``) or a plain date when the time was not
noted (then the night rule cannot be checked for it; :func:`~debtplan.inputs.reader.parse_moment` reads it).
"""
from __future__ import annotations

import datetime as _dt
from typing import Any

from ..core.model import CollectionContact, CourtEvent, LetterSent
from ..core.schema import keys_of
from .reader import parse_moment, read_fields, records

__all__ = ["read_events", "parse_moment", "COLLECTION_KEYS", "COURT_KEYS", "LETTER_KEYS"]

COLLECTION_KEYS = keys_of("collections")
COURT_KEYS = keys_of("court_events")
LETTER_KEYS = keys_of("letters")


def read_events(data: dict, r: Any, creditors: set[str], as_of: _dt.date) -> tuple[tuple, tuple, tuple]:
    """The three record lists of ``data`` as (collections, court_events, letters); every problem goes to
    ``r`` (a :class:`~debtplan.inputs.reader.Reader`) with its path and code. Each field is read from its schema
    entry; the rules across fields are here.
    ``creditors``: the debts' names (records must name one). ``as_of`` stands in for a missing date (already
    reported) so that the other problems are still found."""
    collections = []
    for where, d, rid in records(r, data, "collections", COLLECTION_KEYS):
        v = read_fields(r, d, where, "collections")
        collections.append(CollectionContact(**{**v, "at": v["at"] or as_of}, id=rid,
                                             creditor=r.creditor(d, where, creditors)))

    court = []
    for where, d, rid in records(r, data, "court_events", COURT_KEYS):
        v = read_fields(r, d, where, "court_events")
        received = v["received"]
        for key in ("paper_date", "answer_by", "hearing"):
            day = v[key]
            # a paper is printed before it arrives; the dates the court sets on it come after
            if received and day and (day > received if key == "paper_date" else day < received):
                r.problem(f"{where}.{key}", "problem_court_date_order", str(day), received=received)
        court.append(CourtEvent(**{**v, "received": received or as_of}, id=rid,
                                creditor=r.creditor(d, where, creditors)))

    letters = []
    for where, d, rid in records(r, data, "letters", LETTER_KEYS):
        v = read_fields(r, d, where, "letters")
        if v["date"] and v["reply_by"] and v["reply_by"] < v["date"]:
            r.problem(f"{where}.reply_by", "problem_reply_before_sent", str(v["reply_by"]), sent=v["date"])
        letters.append(LetterSent(**{**v, "date": v["date"] or as_of}, id=rid,
                                  creditor=r.creditor(d, where, creditors)))
    return tuple(collections), tuple(court), tuple(letters)
