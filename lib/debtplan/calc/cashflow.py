"""Cash flow: income, costs, the monthly surplus for debts, ratios, and spending benchmarks.

The surplus follows the UK Standard Financial Statement's order (docs/conventions.md, "The financial statement")::

    surplus = income - fixed costs - flexible costs - savings contribution

Irregular income (a list of recent months) counts **conservatively**: the average of the lower half of the
months given (of 6 months, the 3 lowest), so a plan built on it survives a bad month.

>>> from debtplan.inputs.profile import parse_profile
>>> p = parse_profile({"name": "x", "as_of": "2026-11-28", "income": [{"name": "pay", "amount": 5800},
...     {"name": "gig", "recent": [4200, 2800, 5100, 3600, 3900, 4500]}],
...     "fixed_costs": [{"category": "rent", "amount": 1500}], "flexible_costs": [{"category": "food", "amount": 1400}]})
>>> cf = evaluate_cash_flow(p)
>>> cf.income, cf.surplus
(Decimal('9233.33'), Decimal('6333.33'))
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any, Mapping

from ..core.money import ZERO, money, round_money, to_rate
from ..core.model import CATEGORY_GROUP, CostItem, IncomeItem, Profile

__all__ = ["IncomeLine", "CashFlow", "Ratios", "BenchmarkLine", "evaluate_cash_flow", "counted_income",
           "ratios", "benchmark_comparison", "what_if", "equivalence_scale", "BENCHMARK_GROUPS"]

BENCHMARK_GROUPS = ("food", "clothing", "housing", "household", "transport", "education", "health", "other")


@dataclass(frozen=True)
class IncomeLine:
    """One income as counted. ``method``: ``stated``, ``lower_half_average`` (irregular income with recent
    months), or ``stated_irregular`` (marked irregular but no months given: counted as stated, with a note)."""

    name: str
    amount: Decimal
    method: str
    months_used: int = 0
    months_given: int = 0


@dataclass(frozen=True)
class CashFlow:
    """A month's money, all in the profile's currency.

    Attributes:
        income: counted monthly income after tax.
        fixed_costs / flexible_costs: monthly totals.
        savings_contribution: what goes to savings each month.
        surplus: income - fixed - flexible - savings contribution (negative when costs exceed income).
        income_lines: each income as counted, with its method.
        by_category: total monthly cost per category (fixed and flexible together).
    """

    income: Decimal
    fixed_costs: Decimal
    flexible_costs: Decimal
    savings_contribution: Decimal
    surplus: Decimal
    income_lines: tuple[IncomeLine, ...]
    by_category: dict

    @property
    def essentials(self) -> Decimal:
        return self.fixed_costs + self.flexible_costs

    def shares(self) -> dict[str, Decimal]:
        """Each category's share of all costs (decimal fractions, summing to 1 when there are costs)."""
        total = self.essentials
        return {k: (v / total).quantize(Decimal("0.0001")) for k, v in self.by_category.items()} if total else {}


def counted_income(item: IncomeItem) -> IncomeLine:
    """An income as counted: stated, or for irregular income the average of the lower half of recent months.

    >>> counted_income(IncomeItem("gig", Decimal(0), tuple(Decimal(x) for x in (4200, 2800, 5100, 3600)), True))
    IncomeLine(name='gig', amount=Decimal('3200.00'), method='lower_half_average', months_used=2, months_given=4)
    """
    if item.recent:
        months = sorted(item.recent)
        used = max(1, len(months) // 2)
        return IncomeLine(item.name, round_money(sum(months[:used], ZERO) / used), "lower_half_average", used,
                          len(months))
    return IncomeLine(item.name, round_money(item.amount), "stated_irregular" if item.irregular else "stated")


def _sum(items: tuple[CostItem, ...]) -> Decimal:
    return sum((c.amount for c in items), ZERO)


def evaluate_cash_flow(profile: Profile) -> CashFlow:
    """The monthly cash flow of a profile (see the module docstring for the formula)."""
    lines = tuple(counted_income(i) for i in profile.income)
    income = sum((line.amount for line in lines), ZERO)
    fixed = _sum(profile.fixed_costs)
    flexible = _sum(profile.flexible_costs)
    saving = profile.savings.monthly_contribution
    by_category: dict[str, Decimal] = {}
    for c in profile.fixed_costs + profile.flexible_costs:
        by_category[c.category] = by_category.get(c.category, ZERO) + c.amount
    return CashFlow(income=round_money(income), fixed_costs=round_money(fixed), flexible_costs=round_money(flexible),
                    savings_contribution=round_money(saving),
                    surplus=round_money(income - fixed - flexible - saving), income_lines=lines,
                    by_category=by_category)


@dataclass(frozen=True)
class Ratios:
    """Ratios lenders and advisers use (decimal fractions; None when the divisor is 0).

    Attributes:
        payments_to_income: contractual debt payments due each month / monthly income.
        debt_to_annual_income: everything owed / a year's income.
        savings_months: months the savings would cover fixed + flexible costs.
        surplus_to_income: surplus / income.
    """

    payments_to_income: Decimal | None
    debt_to_annual_income: Decimal | None
    savings_months: Decimal | None
    surplus_to_income: Decimal | None


def ratios(cash_flow: CashFlow, savings_balance: Decimal, payments_due: Decimal, total_owed: Decimal) -> Ratios:
    """Ratios from a cash flow and the debts' totals.

    >>> cf = CashFlow(Decimal(5800), Decimal(2020), Decimal(2120), Decimal(0), Decimal(1660), (), {})
    >>> r = ratios(cf, Decimal(3000), Decimal(1800), Decimal(21260))
    >>> r.payments_to_income, r.debt_to_annual_income, r.savings_months
    (Decimal('0.3103'), Decimal('0.3055'), Decimal('0.72'))
    """
    q4, q2 = Decimal("0.0001"), Decimal("0.01")
    inc = cash_flow.income
    return Ratios(
        payments_to_income=(payments_due / inc).quantize(q4) if inc else None,
        debt_to_annual_income=(total_owed / (inc * 12)).quantize(q4) if inc else None,
        savings_months=(savings_balance / cash_flow.essentials).quantize(q2) if cash_flow.essentials else None,
        surplus_to_income=(cash_flow.surplus / inc).quantize(q4) if inc else None)


# ------------------------------------------------------------------ benchmarks

def equivalence_scale(adults: int, children: int, scale: Mapping[str, Any]) -> Decimal:
    """The household's size in "first adults" on an equivalence scale given as
    ``{"first_adult": 1, "other_adult": 0.5, "child": 0.3}`` (the OECD-modified scale of the benchmark data).

    >>> equivalence_scale(2, 1, {"first_adult": 1, "other_adult": "0.5", "child": "0.3"})
    Decimal('1.8')
    """
    return (to_rate(scale["first_adult"]) + to_rate(scale["other_adult"]) * (adults - 1)
            + to_rate(scale["child"]) * children)


@dataclass(frozen=True)
class BenchmarkLine:
    """Monthly spending in one official category against the benchmark for a household like this one.

    ``benchmark`` = national per-person spending / 12 x the household's equivalence scale, scaled to the
    urban or rural total when the household is urban or rural (``approximate`` is then True).
    """

    group: str
    spent: Decimal
    benchmark: Decimal
    ratio: Decimal | None
    flagged: bool
    approximate: bool


def benchmark_comparison(profile: Profile, benchmarks: Mapping[str, Any], flag_ratio: Decimal,
                         year: int | None = None) -> tuple[list[BenchmarkLine], dict]:
    """Flexible spending per official category against the 国家统计局 benchmark (``benchmarks``, as in
    data/benchmarks/nbs-consumption.yaml); flags lines above ``flag_ratio`` times the benchmark.
    Returns the lines and the benchmark's metadata."""
    data = benchmarks
    year = year or int(data["default_year"])
    entry = data["years"][year]
    area = profile.household.area
    factor = Decimal(entry["total"][area]) / Decimal(entry["total"]["all"])
    scale = equivalence_scale(profile.household.adults, profile.household.children, data["equivalence_scale"])
    threshold = flag_ratio
    spent: dict[str, Decimal] = {}
    for c in profile.flexible_costs:
        group = CATEGORY_GROUP[c.category]
        spent[group] = spent.get(group, ZERO) + c.amount
    lines = []
    for group in BENCHMARK_GROUPS:
        if group not in spent:
            continue
        bench = round_money(Decimal(entry["categories"][group]) * factor / 12 * scale)
        ratio = (spent[group] / bench).quantize(Decimal("0.01")) if bench else None
        lines.append(BenchmarkLine(group, round_money(spent[group]), bench, ratio,
                                   bool(ratio is not None and ratio > threshold), area != "all"))
    meta = {"year": year, "source": entry["source"], "release": entry["release"], "area": area, "scale": scale, "threshold": threshold,
            "title": data["title"]}
    return lines, meta


# ------------------------------------------------------------------ what-if

def what_if(profile: Profile, *, income_change: Any = 0, cost_cuts: dict[str, Any] | None = None,
            one_off: Any = 0) -> Profile:
    """A copy of ``profile`` with income scaled by ``1 + income_change`` (``-0.2`` = 20% less), flexible
    costs of some categories cut by an amount (``{"food": 200}``), and a one-off amount added to savings.
    Evaluate it with the same functions as the original.

    >>> from debtplan.inputs.profile import parse_profile
    >>> p = parse_profile({"name": "x", "as_of": "2026-11-28", "income": [{"name": "pay", "amount": 5000}],
    ...                    "flexible_costs": [{"category": "food", "amount": 1500}]})
    >>> evaluate_cash_flow(what_if(p, income_change="-0.2", cost_cuts={"food": 300})).surplus
    Decimal('2800.00')
    """
    change = 1 + to_rate(income_change, "income_change")
    income = tuple(replace(i, amount=round_money(i.amount * change),
                           recent=tuple(round_money(x * change) for x in i.recent)) for i in profile.income)
    cuts = {k: money(v, f"cost_cuts.{k}") for k, v in (cost_cuts or {}).items()}
    flexible = []
    for c in profile.flexible_costs:
        cut = min(cuts.get(c.category, ZERO), c.amount)
        cuts[c.category] = cuts.get(c.category, ZERO) - cut
        flexible.append(replace(c, amount=c.amount - cut))
    savings = replace(profile.savings, balance=profile.savings.balance + money(one_off, "one_off"))
    return replace(profile, income=income, flexible_costs=tuple(flexible), savings=savings)
