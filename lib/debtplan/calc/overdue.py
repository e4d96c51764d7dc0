"""What is owed on an overdue debt, under a product's rules, and how a partial payment is applied.

Conventions (docs/conventions.md):

* **Penalty interest** (罚息) = overdue base x overdue daily rate x days overdue, *simple* (not compounded
  day by day), rounded once at the end. The overdue daily rate is the contract daily rate x the
  multiplier (1.5 for 借呗), or a fixed daily rate where the product has one (0.05% for 花呗).
* **Compound interest** (复利) on unpaid interest only where the rule says so; where charges are
  capitalized (credit cards, monthly), each period's charges join the base, rounded at each period.
* **Grace days**: a debt no more than ``grace_days`` late costs nothing extra; past that, charges run from
  the day after the due date.
* **Late fees** (违约金): a fraction of the unpaid minimum for each month missed, or an amount per day.
* **Court cap**: charges above 24% a year of the unpaid principal, pro rata by day
  (``principal x 0.24 x days / 365``), are not upheld by courts (法发〔2017〕22号); reported, not removed.

The 借呗 worked check: 10,000 at 0.05% a day, overdue one day, costs 7.50.

>>> owed = overdue_charges(10000, "0.0005", 1, OverdueTerms(penalty_multiplier=Decimal("1.5")))
>>> owed.penalty_interest, owed.total
(Decimal('7.50'), Decimal('10007.50'))
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..core.money import ZERO, money, round_money, to_rate
from ..core.conventions import DAYS_PER_YEAR
from ..core.errors import InputError

__all__ = ["OverdueTerms", "Owed", "overdue_charges", "penalty_daily_rate", "allocate_payment", "Allocation",
           "months_missed"]


@dataclass(frozen=True)
class OverdueTerms:
    """The rule fields that drive overdue charges (see :class:`debtplan.inputs.rules.ProductRule`)."""

    penalty_multiplier: Decimal = Decimal("1.5")
    penalty_daily_rate: Decimal | None = None
    compound_unpaid_interest: bool = False
    capitalize_every_days: int = 0
    grace_days: int = 0
    late_fee_rate: Decimal = ZERO
    late_fee_per_day: Decimal = ZERO
    court_cap: Decimal | None = Decimal("0.24")  # None: no fixed figure (credit cards), so no excess is computed

    @classmethod
    def from_rule(cls, rule: Any, court_cap: Decimal | None) -> "OverdueTerms":
        return cls(penalty_multiplier=rule.penalty_multiplier, penalty_daily_rate=rule.penalty_daily_rate,
                   compound_unpaid_interest=rule.compound_unpaid_interest,
                   capitalize_every_days=rule.capitalize_every_days, grace_days=rule.grace_days,
                   late_fee_rate=rule.late_fee_rate, late_fee_per_day=rule.late_fee_per_day, court_cap=court_cap)


@dataclass(frozen=True)
class Owed:
    """What is owed on one debt after ``days`` overdue. Money in the debt's currency.

    Attributes:
        principal: principal still unpaid (all of it, overdue or not).
        unpaid_interest: contractual interest already due and not paid.
        penalty_interest: overdue interest on the overdue base (罚息).
        compound_interest: interest on unpaid interest and on capitalized charges (复利).
        fees: late fees (违约金).
        total: principal + unpaid interest + penalty + compound + fees.
        court_cap_limit: 24% a year of the unpaid principal over the days overdue.
        court_cap_excess: charges (penalty + compound + fees) above that limit: what a court reduces when the borrower asks.
        days: days overdue; daily_penalty_rate: the overdue daily rate used.
    """

    principal: Decimal
    unpaid_interest: Decimal
    penalty_interest: Decimal
    compound_interest: Decimal
    fees: Decimal
    total: Decimal
    court_cap_limit: Decimal
    court_cap_excess: Decimal
    days: int
    daily_penalty_rate: Decimal

    @property
    def charges(self) -> Decimal:
        """Everything the delay itself has added: penalty + compound interest + fees."""
        return self.penalty_interest + self.compound_interest + self.fees

    def as_dict(self) -> dict[str, str]:
        return {"principal": str(self.principal), "unpaid_interest": str(self.unpaid_interest),
                "penalty_interest": str(self.penalty_interest), "compound_interest": str(self.compound_interest),
                "fees": str(self.fees), "total": str(self.total), "court_cap_excess": str(self.court_cap_excess)}


#: Charges stop growing here: ten times the largest amount a profile may hold (1e12). Decades overdue at the top
#: rates would otherwise compound to 1e127 and break every later sum; past this point the figure only says
#: "far beyond what a court leaves when asked to reduce", which the court-cap excess states.
CHARGES_CEILING = Decimal("1e13")


def penalty_daily_rate(daily_rate: Any, terms: OverdueTerms) -> Decimal:
    """The overdue daily rate: the product's fixed rate if it has one, else daily rate x multiplier.

    >>> penalty_daily_rate("0.0004", OverdueTerms())
    Decimal('0.00060')
    """
    if terms.penalty_daily_rate is not None:
        return terms.penalty_daily_rate
    return to_rate(daily_rate, "daily_rate") * terms.penalty_multiplier


def months_missed(days: int) -> int:
    """Missed monthly due dates in ``days`` overdue: the first on day 1, one more every 30 days."""
    return 0 if days <= 0 else 1 + (days - 1) // 30


def overdue_charges(overdue_base: Any, daily_rate: Any, days: int, terms: OverdueTerms | None = None, *,
                    unpaid_interest: Any = 0, principal: Any = None, unpaid_minimum: Any = 0) -> Owed:
    """What is owed after ``days`` overdue.

    Args:
        overdue_base: the amount the penalty runs on (the overdue principal, or the whole balance).
        daily_rate: the contract's daily rate, a decimal fraction (0.0004 = 0.04% a day).
        days: days overdue (0 or more).
        terms: the product's overdue rules; the default is 1.5x with no compounding or fees.
        unpaid_interest: contractual interest due and unpaid; accrues the penalty rate when compounding.
        principal: all principal still unpaid (default: ``overdue_base``); the court cap runs on it.
        unpaid_minimum: the missed minimum payment, for percentage late fees (credit cards).

    The command-line example (20,000 at 0.04% a day, 90 days, 1.5x):

    >>> o = overdue_charges(20000, "0.0004", 90)
    >>> o.penalty_interest, o.total, o.court_cap_excess
    (Decimal('1080.00'), Decimal('21080.00'), Decimal('0.00'))

    花呗, 10,000 overdue 10 days at 0.05% a day: 50.00.

    >>> overdue_charges(10000, 0, 10, OverdueTerms(penalty_daily_rate=Decimal("0.0005"))).penalty_interest
    Decimal('50.00')
    """
    terms = terms or OverdueTerms()
    base = money(overdue_base, "overdue_amount")
    owed_principal = base if principal is None else money(principal, "principal")
    interest_due = money(unpaid_interest, "unpaid_interest")
    if days < 0:
        raise InputError(f"days overdue: {days} is negative; use 0 or more")
    rate = penalty_daily_rate(daily_rate, terms)
    charged_days = days if days > terms.grace_days else 0

    penalty = min(round_money(base * rate * charged_days), CHARGES_CEILING)
    compound_base = interest_due if terms.compound_unpaid_interest else ZERO
    if terms.capitalize_every_days and charged_days:
        # Each period's charges join the base (rounded per period, like a statement).
        accrued = _capitalized(base + compound_base, rate, terms.capitalize_every_days, charged_days)
        compound = max(ZERO, min(accrued, CHARGES_CEILING) - penalty)
    else:
        compound = min(round_money(compound_base * rate * charged_days), CHARGES_CEILING)

    fees = ZERO
    if charged_days:
        fees = round_money(money(unpaid_minimum, "unpaid_minimum") * terms.late_fee_rate * months_missed(days)
                           + terms.late_fee_per_day * charged_days)
        fees = min(fees, CHARGES_CEILING)
    charges = penalty + compound + fees
    limit = charges if terms.court_cap is None else round_money(owed_principal * terms.court_cap * days / DAYS_PER_YEAR)
    excess = max(ZERO, charges - limit)
    total = owed_principal + interest_due + charges
    return Owed(principal=round_money(owed_principal), unpaid_interest=round_money(interest_due),
                penalty_interest=penalty, compound_interest=compound, fees=fees, total=round_money(total),
                court_cap_limit=limit, court_cap_excess=round_money(excess), days=days, daily_penalty_rate=rate)


#: Balances after each whole capitalisation period, by (base, rate, period): the same debt is asked about on many
#: days (the cost of waiting, the grid), and every answer starts with the same periods.
_PERIODS: dict[tuple, list[tuple[Decimal, Decimal]]] = {}


def _capitalized(start: Decimal, rate: Decimal, every: int, days: int) -> Decimal:
    """Charges accrued on ``start`` over ``days`` when each ``every`` days' charges (rounded to the cent) join
    the base; the last, shorter period is charged for its days. Stops growing past :data:`CHARGES_CEILING`.

    >>> _capitalized(Decimal(1000), Decimal("0.001"), 1, 3)
    Decimal('3.00')
    """
    key = (start, rate, every)
    states = _PERIODS.get(key)
    if states is None:
        if len(_PERIODS) > 256:
            _PERIODS.clear()
        states = _PERIODS[key] = [(ZERO, start)]
    full, rest = divmod(days, every)
    while len(states) <= full and states[-1][0] < CHARGES_CEILING:
        accrued, running = states[-1]
        step = round_money(running * rate * every)
        states.append((accrued + step, running + step))
    accrued, running = states[min(full, len(states) - 1)]
    if accrued < CHARGES_CEILING and rest and len(states) > full:
        accrued += round_money(running * rate * rest)
    return accrued


@dataclass(frozen=True)
class Allocation:
    """How a payment was applied: to costs (fees), then interest, then principal, then left over."""

    fees: Decimal
    interest: Decimal
    principal: Decimal
    left_over: Decimal


def allocate_payment(amount: Any, fees: Any, interest: Any, principal: Any,
                     order: tuple[str, ...] = ("fees", "interest", "principal")) -> Allocation:
    """Apply a payment that may fall short: by default costs, then interest, then principal
    (Civil Code Art. 561, unless the contract says otherwise).

    >>> allocate_payment(1000, 50, 1080, 20000)
    Allocation(fees=Decimal('50'), interest=Decimal('950'), principal=Decimal('0'), left_over=Decimal('0'))
    """
    left = money(amount, "payment")
    if left < 0:
        raise InputError(f"payment: {left} is negative; enter what was paid, 0 or more")
    due = {"fees": money(fees, "fees"), "interest": money(interest, "interest"),
           "principal": money(principal, "principal")}
    if sorted(order) != sorted(due):
        raise InputError(f"order: {order!r} must name fees, interest and principal once each")
    paid = {}
    for name in order:
        paid[name] = min(left, due[name])
        left -= paid[name]
    return Allocation(fees=paid["fees"], interest=paid["interest"], principal=paid["principal"], left_over=left)
