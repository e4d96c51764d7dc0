"""Calls and text messages from a phone's own export (the evidence of a flood of collection calls).

Only the types and the way a phone number is compared live here; reading the files is
:mod:`debtplan.inputs.calls`, the counting :mod:`debtplan.calc.calls`.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

__all__ = ["CALL_KINDS", "UNANSWERED", "PhoneCall", "TextMessage", "PhoneExport", "number_key", "CallFileError",
           "CallNumber", "CallImport", "day_counts_text", "parse_day_counts"]

from .errors import InputError, TermError

#: What a call was, from her phone's point of view.
CALL_KINDS = ("incoming", "outgoing", "missed", "voicemail", "rejected", "blocked")
#: Calls she did not take: what the collection conventions' "unanswered calls a day" counts.
UNANSWERED = frozenset({"missed", "voicemail", "rejected", "blocked"})


class CallFileError(TermError):
    """A phone export that cannot be read; ``code`` names the sentence that says why and what to do."""


@dataclass(frozen=True)
class PhoneCall:
    number: str  # as the phone wrote it
    at: _dt.datetime  # local time of the phone (China: UTC+8)
    seconds: int
    kind: str  # one of CALL_KINDS
    name: str = ""  # the contact name the phone showed, if any

    @property
    def answered(self) -> bool:
        return self.kind in ("incoming", "outgoing") and self.seconds > 0

    @property
    def night(self) -> bool:
        """Between 22:00 and 08:00, the hours the collection conventions keep free."""
        return self.at.hour >= 22 or self.at.hour < 8


@dataclass(frozen=True)
class TextMessage:
    number: str
    at: _dt.datetime
    body: str
    kind: str  # "received" or "sent"
    name: str = ""


@dataclass(frozen=True)
class PhoneExport:
    """What one export file holds. ``sha256`` and ``file_name`` identify it in the evidence; the file itself is
    never copied."""
    file_name: str
    sha256: str
    fmt: str  # "sms-backup-restore" or "csv"
    calls: tuple[PhoneCall, ...]
    messages: tuple[TextMessage, ...]


def number_key(number: str) -> str:
    """A phone number reduced to what identifies it: digits only, China's country code and a trunk 0 after it
    dropped, so ``+86 21 5432 1765``, ``0086-21-54321765`` and ``021 5432 1765`` compare equal.

    >>> number_key("+86 21 5432 1765"), number_key("0086-21-54321765"), number_key("021 5432 1765")
    ('2154321765', '2154321765', '2154321765')
    >>> number_key("138 0013 8000"), number_key("+8613800138000"), number_key("95188")
    ('13800138000', '13800138000', '95188')
    """
    digits = re.sub(r"\D", "", str(number))
    for prefix in ("0086", "86"):
        if digits.startswith(prefix) and len(digits) - len(prefix) >= 10:
            digits = digits[len(prefix):]
            break
    return digits[1:] if digits.startswith("0") and len(digits) >= 10 else digits


@dataclass(frozen=True)
class CallNumber:
    """One lender's number in an imported call log: what the profile keeps instead of the calls themselves.
    ``days``: (day, calls, unanswered, night calls) for each day the number called."""
    number: str  # as her phone wrote it
    region: str = ""  # where it is registered, in the profile's language when imported
    days: tuple[tuple[_dt.date, int, int, int], ...] = ()


@dataclass(frozen=True)
class CallImport:
    """One imported phone export (``call_imports:`` in the profile, evidence: never changed once saved).

    ``file`` and ``sha256`` identify the export (the file itself is never copied); ``label``: whose phone it
    is when not hers (e.g. "sister"), with ``contacted`` the kind of person (family, employer...);
    ``start``..``end``: the period read; ``imported``: the day it was imported."""
    id: str
    file: str
    sha256: str
    creditor: str
    start: _dt.date | None
    end: _dt.date | None
    numbers: tuple[CallNumber, ...] = ()
    label: str = ""
    contacted: str = "borrower"
    imported: _dt.date | None = None


_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2}) (\d{1,5})/(\d{1,5})/(\d{1,5})$")


def day_counts_text(days: "tuple | list") -> str:
    """Counts per day written compactly, so a year of calls stays small in the profile:
    ``"2026-11-03 5/4/1, 2026-11-04 2/2/0"`` is day, calls, unanswered calls, night calls.

    >>> day_counts_text([(_dt.date(2026, 11, 3), 5, 4, 1), (_dt.date(2026, 11, 4), 2, 2, 0)])
    '2026-11-03 5/4/1, 2026-11-04 2/2/0'
    """
    return ", ".join(f"{d.isoformat()} {calls}/{unanswered}/{night}" for d, calls, unanswered, night in days)


def parse_day_counts(text: str) -> tuple[tuple[_dt.date, int, int, int], ...]:
    """The counts :func:`day_counts_text` writes; an InputError (a ValueError) names the part that cannot be
    read (a date that is not one, a day given twice, more unanswered or night calls than calls).

    >>> parse_day_counts("2026-11-03 5/4/1, 2026-11-04 2/2/0")[1]
    (datetime.date(2026, 11, 4), 2, 2, 0)
    """
    out, seen = [], set()
    for part in str(text or "").split(","):
        part = part.strip()
        if not part:
            continue
        m = _DAY.match(part)
        if not m:
            raise InputError(part)
        try:
            day = _dt.date.fromisoformat(m.group(1))
        except ValueError:
            raise InputError(part) from None
        calls, unanswered, night = int(m.group(2)), int(m.group(3)), int(m.group(4))
        if day in seen or unanswered > calls or night > calls:
            raise InputError(part)
        seen.add(day)
        out.append((day, calls, unanswered, night))
    return tuple(sorted(out))
