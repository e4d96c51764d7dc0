"""The project's exceptions: one root, a few kinds, every message names the field and the fix.

Errors are data where a user can make several at once: :class:`ProfileError` carries a list of
:class:`Problem` records (path, value, message) so a loader reports them all in one pass.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["DebtplanError", "MoneyError", "ScheduleError", "SolverError", "Problem",
           "ProfileError", "RuleError", "SaveError"]


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


class SaveError(DebtplanError, OSError):
    """A file could not be written; the previous file is left as it was."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong in an input file.

    Attributes:
        path: where it is, e.g. ``debts[1].daily_rate``.
        message: what is wrong and how to fix it, in plain words.
        value: the value found (``None`` when the field is missing).
        source: the file it came from, when known.
    """

    path: str
    message: str
    value: Any = None
    source: str = ""

    def __str__(self) -> str:
        where = f"{self.source}: " if self.source else ""
        return f"{where}{self.path}: {self.message}"


class ProfileError(DebtplanError, ValueError):
    """A profile has one or more problems; ``problems`` lists every one of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        count = len(self.problems)
        head = f"the profile has {count} problem{'s' if count != 1 else ''}:"
        super().__init__("\n".join([head] + [f"  {p}" for p in self.problems]))
