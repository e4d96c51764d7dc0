"""Adding to the records kept in a profile: contacts with lenders (never rewritten) and payments.

Each append holds the profile's writers' lock from the read to the save (:func:`debtplan.inputs.files.update_mapping`):
it reads the file, checks the new entry, adds it at the end, validates the whole profile and saves atomically;
a failed save leaves the file as it was, and appends made at the same time by other processes are all kept.
"""
from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..core.errors import Problem, ProfileError
from .files import update_mapping
from .profile import CHANNELS, parse_profile

__all__ = ["append_contact", "append_payment"]


def _debt_names(data: dict) -> list[str]:
    return [str(d.get("creditor")) for d in (data.get("debts") or []) if isinstance(d, dict)]


def append_contact(path: str | Path, *, creditor: str, channel: str, outcome: str, date: _dt.date | None = None,
                   person: str = "", offered: str = "", asked: str = "", next_step: str = "") -> dict[str, Any]:
    """Append one contact to ``negotiations:`` and save; earlier entries are left exactly as they were."""
    def change(data: Any) -> dict[str, Any]:
        return _add_contact(data, path, creditor=creditor, channel=channel, outcome=outcome, date=date,
                            person=person, offered=offered, asked=asked, next_step=next_step)

    return update_mapping(path, change, validate=parse_profile)


def _add_contact(data: Any, path: str | Path, *, creditor: str, channel: str, outcome: str,
                 date: _dt.date | None, person: str, offered: str, asked: str, next_step: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise ProfileError([Problem("(file)", "the file is not a profile (no 'key: value' lines)", None, str(path))])
    problems = []
    if creditor not in _debt_names(data):
        problems.append(Problem("creditor", f"{creditor!r} is not one of the debts ({', '.join(_debt_names(data))})",
                                creditor, str(path)))
    if channel not in CHANNELS:
        problems.append(Problem("channel", f"{channel!r} is not one of {', '.join(CHANNELS)}", channel, str(path)))
    if not outcome.strip():
        problems.append(Problem("outcome", "is empty; say in a sentence what came of the contact", outcome, str(path)))
    if problems:
        raise ProfileError(problems)
    entry = {"date": (date or _dt.date.today()).isoformat(), "creditor": creditor, "channel": channel}
    for key, value in (("person", person), ("offered", offered), ("asked", asked), ("outcome", outcome),
                       ("next_step", next_step)):
        if value:
            entry[key] = value
    log = list(data.get("negotiations") or [])
    log.append(entry)
    data["negotiations"] = log
    return entry


def append_payment(path: str | Path, *, creditor: str, amount: Decimal | str, date: _dt.date | None = None,
                   note: str = "") -> dict[str, Any]:
    """Append one payment to ``payments:`` and save."""
    entry = {"date": (date or _dt.date.today()).isoformat(), "creditor": creditor, "amount": str(amount)}
    if note:
        entry["note"] = note

    def change(data: Any) -> dict[str, Any]:
        if not isinstance(data, dict):
            raise ProfileError([Problem("(file)", "the file is not a profile (no 'key: value' lines)", None,
                                        str(path))])
        data["payments"] = list(data.get("payments") or []) + [entry]
        return entry

    return update_mapping(path, change, validate=parse_profile)
