"""The project's exceptions: one root, a few kinds, every message names the field and the fix.

Errors are data where a user can make several at once: :class:`ProfileError` carries a list of
:class:`Problem` records (path, value, message) so a loader reports them all in one pass.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["DebtplanError", "MoneyError", "ScheduleError", "SolverError", "Problem",
           "ProfileError", "RuleError", "SaveError", "TermError", "InputError", "NotFoundError"]


class DebtplanError(Exception):
    """Root of every error debtplan raises on purpose."""


class MoneyError(DebtplanError, ValueError):
    """A value could not be read as an amount of money."""


class ScheduleError(DebtplanError, ValueError):
    """Arguments that no repayment schedule can be built from (negative principal, zero months...)."""


class SolverError(DebtplanError, ArithmeticError):
    """A rate could not be solved for (for example, payments that never repay the amount)."""


class RuleError(DebtplanError, ValueError):
    """A rule preset in data/rules is missing or malformed."""


class InputError(DebtplanError, ValueError):
    """A value given to a library function cannot be used (a negative day count, an unknown strategy...)."""


class NotFoundError(DebtplanError, KeyError):
    """A name asked for is not there (a creditor that is not one of the debts)."""


class SaveError(DebtplanError, OSError):
    """A file could not be written; the previous file is left as it was.

    ``code`` names the sentence that says why in the reader's language (:func:`debtplan.text.problems.error_text`);
    the English message is kept for logs."""

    def __init__(self, message: str, code: str = "", **params: Any):
        super().__init__(message)
        self.code = code
        self.params = params

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class TermError(DebtplanError, ValueError):
    """A value written by a person could not be read (see :mod:`debtplan.core.terms`).

    ``code`` is the sentence key that explains it; ``params`` fill that sentence.
    """

    def __init__(self, code: str, **params: Any):
        super().__init__(code)
        self.code = code
        self.params = params


@dataclass(frozen=True)
class Problem:
    """One thing wrong in an input file.

    Problems are data: ``code`` names the sentence that explains it (``problem_*`` in the sentence table) and
    ``params`` fill it, so :func:`debtplan.text.problems.problem_text` can say it in the reader's language;
    ``message`` is the English sentence, kept for logs and for code that only needs a string.

    Attributes:
        path: where it is, e.g. ``debts[1].daily_rate`` (technical; shown only in JSON output).
        message: what is wrong and how to fix it, in plain English.
        value: the value found (``None`` when the field is missing).
        source: the file it came from, when known.
        code / params: the sentence and its blanks.
        labels: the names of the records on the path as the person wrote them (``{"debts[1]": "花呗"}``),
            so a place can be said as "第2笔欠款（花呗）".
    """

    path: str
    message: str
    value: Any = None
    source: str = ""
    code: str = ""
    params: dict = field(default_factory=dict, compare=False)
    labels: dict = field(default_factory=dict, compare=False)

    def __str__(self) -> str:
        where = f"{self.source}: " if self.source else ""
        params = ", ".join(f"{k}={v}" for k, v in self.params.items())
        what = self.message or (f"{self.code} ({params})" if params else self.code)
        value = f" [{self.value!r}]" if self.value is not None else ""
        return f"{where}{self.path or '(file)'}: {what}{value}"


class ProfileError(DebtplanError, ValueError):
    """A profile has one or more problems; ``problems`` lists every one of them."""

    def __init__(self, problems: list[Problem], lang: str = "en"):
        self.problems = list(problems)
        self.lang = lang  # the language of the profile, when it could be read that far
        count = len(self.problems)
        head = f"the profile has {count} problem{'s' if count != 1 else ''}:"
        super().__init__("\n".join([head] + [f"  {p}" for p in self.problems]))
