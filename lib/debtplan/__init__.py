"""debtplan: what you owe, what you can pay, and which plan to propose, exact to the cent.

The library is in layers, one folder each; a layer imports only the layers its ``__init__`` names
(``tests/test_layers.py`` holds this, indirect imports included):

1. ``core``: money, dates, errors, paths, the domain model (``core.model``)
2. ``inputs``: read, validate and save profiles; load rules and benchmarks
3. ``calc``: pure calculations (schedules, rates, overdue, standing, cashflow, options, proposal, allocation,
   tracking, grid, assessment): everything arrives as arguments, nothing is read
4. ``text``: every sentence in zh and en
5. ``present``: tables, charts, the negotiation pack, JSON and text output
6. ``app``: the forms and the profile being edited
7. ``run``: the report, batch, printing and the command line

Typical use::

    from debtplan import load_profile, load_rules, assess
    result = assess(load_profile("data/examples/xiao-li.yaml"), load_rules())
"""
from .core.errors import DebtplanError, MoneyError, ProfileError, Problem, SaveError, ScheduleError, SolverError
from .core.money import money, round_money
from .calc.overdue import OverdueTerms, allocate_payment, overdue_charges
from .core.model import Profile, Rules
from .inputs.profile import load_profile, parse_profile, save_profile
from .calc.rates import apr, daily_to_annual, annual_to_daily, effective_annual_rate, flat_fee_apr
from .inputs.rules import legal_limits, load_rule, load_rules
from .calc.assessment import Assessment, assess
from .calc.schedules import (Schedule, ScheduleRow, build_schedule, equal_installment, equal_principal,
                        flat_fee_installment, interest_first, interest_only_then_equal)

__version__ = "0.1.0"

__all__ = [
    "Assessment", "assess", "Rules", "load_rules", "DebtplanError", "MoneyError", "ProfileError", "Problem", "SaveError", "ScheduleError", "SolverError",
    "money", "round_money", "OverdueTerms", "allocate_payment", "overdue_charges", "Profile", "load_profile",
    "parse_profile", "save_profile", "apr", "daily_to_annual", "annual_to_daily", "effective_annual_rate",
    "flat_fee_apr", "legal_limits", "load_rule", "Schedule", "ScheduleRow", "build_schedule",
    "equal_installment", "equal_principal", "flat_fee_installment", "interest_first", "interest_only_then_equal",
]
