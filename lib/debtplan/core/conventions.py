"""Names and constants shared by every layer: schedule method names and the day count."""
from __future__ import annotations

__all__ = ["DAYS_PER_YEAR", "METHODS", "METHOD_NAMES"]

#: The day count used to turn a daily rate into an annual one (and back): 0.05% a day = 18.25% a year.
DAYS_PER_YEAR = 365

#: Schedule method names accepted in profiles and on the command line, with their aliases.
METHODS = {
    "annuity": "annuity", "equal-installment": "annuity", "等额本息": "annuity", "每月等额": "annuity",
    "equal-principal": "equal-principal", "等额本金": "equal-principal",
    "interest-only": "interest-only", "interest-first": "interest-only", "先息后本": "interest-only",
    "interest-only-then-annuity": "interest-only-then-annuity",
}

#: The schedule methods themselves, in the order they are offered.
METHOD_NAMES = tuple(dict.fromkeys(METHODS.values()))
