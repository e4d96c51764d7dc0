"""Calls and text messages from a phone's own export (the evidence of a flood of collection calls).

Only the types and the way a phone number is compared live here; reading the files is
:mod:`debtplan.inputs.calls`, the counting :mod:`debtplan.calc.calls`.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

__all__ = ["CALL_KINDS", "UNANSWERED", "PhoneCall", "TextMessage", "PhoneExport", "number_key", "CallFileError"]

from .errors import TermError

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
