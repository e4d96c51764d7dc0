"""Adding to the records kept in a profile: contacts with lenders (never rewritten) and payments.

Each append holds the profile's writers' lock from the read to the save (:func:`debtplan.inputs.files.update_mapping`):
it reads the file, checks the new entry, adds it at the end, validates the whole profile and saves atomically;
a failed save leaves the file as it was, and appends made at the same time by other processes are all kept.
"""
from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Any

from ..core.errors import InputError, Problem, ProfileError
from ..core.model import CHANNELS
from .files import update_mapping
from .profile import parse_profile, profile_lang
from .words import load_words

__all__ = ["append_contact", "append_record"]


def _debt_names(data: dict) -> list[str]:
    return [str(d.get("creditor")) for d in (data.get("debts") or []) if isinstance(d, dict)]


def append_contact(path: str | Path, *, creditor: str, channel: str, outcome: str, date: _dt.date | None = None,
                   person: str = "", offered: str = "", asked: str = "", next_step: str = "",
                   next_date: _dt.date | None = None) -> dict[str, Any]:
    """Append one contact to ``negotiations:`` and save; earlier entries are left exactly as they were.
    ``next_date``: the day of the next contact agreed (a call back promised), kept as the entry's ``next_date``."""
    def change(data: Any) -> dict[str, Any]:
        return _add_contact(data, path, creditor=creditor, channel=channel, outcome=outcome, date=date,
                            person=person, offered=offered, asked=asked, next_step=next_step, next_date=next_date)

    return update_mapping(path, change, validate=parse_profile)


def _add_contact(data: Any, path: str | Path, *, creditor: str, channel: str, outcome: str,
                 date: _dt.date | None, person: str, offered: str, asked: str, next_step: str,
                 next_date: _dt.date | None = None) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise ProfileError([Problem("", "", None, str(path), "problem_not_a_mapping")])
    problems = []
    if creditor not in _debt_names(data):
        problems.append(Problem("creditor", "", creditor, str(path), "problem_unknown_creditor",
                                {"known": "、".join(_debt_names(data))}))
    channel = load_words().lookup("channel", channel) or channel  # 电话 -> phone
    if channel not in CHANNELS:
        problems.append(Problem("channel", "", channel, str(path), "problem_not_a_choice", {"choices_kind": "channel"}))
    if not outcome.strip():
        problems.append(Problem("outcome", "", outcome, str(path), "problem_missing_outcome"))
    if problems:
        raise ProfileError(problems, profile_lang(data))
    entry = {"date": (date or _dt.date.today()).isoformat(), "creditor": creditor, "channel": channel}
    for key, value in (("person", person), ("offered", offered), ("asked", asked), ("outcome", outcome),
                       ("next_step", next_step), ("next_date", next_date.isoformat() if next_date else "")):
        if value:
            entry[key] = value
    log = list(data.get("negotiations") or [])
    log.append(entry)
    data["negotiations"] = log
    return entry


def append_record(path: str | Path, key: str, entry: dict[str, Any]) -> dict[str, Any]:
    """Append one record to the list ``key`` (``collections``, ``court_events`` or ``letters``) and save.

    Empty values are left out; the whole profile is validated before anything is written (a bad entry raises
    :class:`ProfileError` with its problems and leaves the file as it was). The file is locked from the read
    to the save, so records added at the same time by others are kept."""
    if key not in ("collections", "court_events", "letters"):
        raise InputError(f"{key!r} is not a record list; use collections, court_events or letters")
    entry = {k: v for k, v in entry.items() if v not in (None, "", False)}

    def change(data: Any) -> dict[str, Any]:
        if not isinstance(data, dict):
            raise ProfileError([Problem("", "", None, str(path), "problem_not_a_mapping")])
        data[key] = list(data.get(key) or []) + [entry]
        return entry

    return update_mapping(path, change, validate=parse_profile)
