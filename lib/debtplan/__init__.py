"""debtplan: what you owe, what you can pay, and which plan to propose, exact to the cent.

Layers (a module only imports from its own layer or the ones above it in this list):

1. foundation: ``money``, ``dates``, ``errors``, ``paths``
2. rules and input: ``rules``, ``profile``, ``records``
3. assessment (pure math): ``schedules``, ``rates``, ``overdue``, ``cashflow``, ``options``, ``allocation``,
   ``proposal``, ``tracking``, ``grid``, ``assessment``
4. presentation: ``i18n``, ``fmt``, ``charts``, ``tables``, ``textreport``, ``pack``, ``widgets``
5. running: ``report``, ``batch``, ``cli``
"""
from .errors import DebtplanError, MoneyError, ProfileError, Problem, SaveError, ScheduleError, SolverError
from .money import money, round_money
from .overdue import OverdueTerms, allocate_payment, overdue_charges
from .profile import Profile, load_profile, parse_profile, save_profile
from .rates import apr, daily_to_annual, annual_to_daily, effective_annual_rate, flat_fee_apr
from .rules import legal_limits, load_rule
from .schedules import (Schedule, ScheduleRow, build_schedule, equal_installment, equal_principal,
                        flat_fee_installment, interest_first, interest_only_then_equal)

__version__ = "0.1.0"

__all__ = [
    "DebtplanError", "MoneyError", "ProfileError", "Problem", "SaveError", "ScheduleError", "SolverError",
    "money", "round_money", "OverdueTerms", "allocate_payment", "overdue_charges", "Profile", "load_profile",
    "parse_profile", "save_profile", "apr", "daily_to_annual", "annual_to_daily", "effective_annual_rate",
    "flat_fee_apr", "legal_limits", "load_rule", "Schedule", "ScheduleRow", "build_schedule",
    "equal_installment", "equal_principal", "flat_fee_installment", "interest_first", "interest_only_then_equal",
]
