"""Sharing the money available for debts among creditors, and paying several debts down month by month.

* **Pro rata** (the debt-advice standard, as StepChange's plans): each creditor gets a floor (default 50),
  the rest in proportion to each debt's contractual payment. Shares are exact to the cent and add up to
  the amount available (largest remainder).
* **Strategies**, simulated month by month until every debt is cleared: ``pro-rata`` (the shares above),
  ``avalanche`` (extra money to the highest rate first), ``snowball`` (to the smallest balance first).
  Every open debt first gets its minimum (its floor, and at least its interest for the month); money
  freed when a debt is cleared rolls over to the others.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, Decimal

from ..core.dates import add_months
from ..core.money import CENT, ZERO, round_money
from ..core.errors import InputError

__all__ = ["split_pro_rata", "DebtState", "StrategyResult", "simulate", "STRATEGIES", "MAX_MONTHS"]

STRATEGIES = ("pro-rata", "avalanche", "snowball")
MAX_MONTHS = 600


def split_pro_rata(available: Decimal, weights: dict[str, Decimal], floor: Decimal = ZERO) -> dict[str, Decimal]:
    """Split ``available`` among keys in proportion to ``weights``, each getting ``floor`` first when there
    is enough for every floor. Exact to the cent; the shares add up to ``available`` (0 when it is negative).

    >>> split_pro_rata(Decimal("1000"), {"a": Decimal(1800), "b": Decimal(450), "c": Decimal(0)}, Decimal(50))
    {'a': Decimal('730.00'), 'b': Decimal('220.00'), 'c': Decimal('50.00')}
    """
    keys = list(weights)
    if not keys:
        return {}
    pot = round_money(max(available, ZERO))
    shares = {k: ZERO for k in keys}
    if floor > 0 and pot >= floor * len(keys):
        for k in keys:
            shares[k] = floor
        pot -= floor * len(keys)
    total_w = sum((max(w, ZERO) for w in weights.values()), ZERO)
    if total_w == 0:
        weights = {k: Decimal(1) for k in keys}
        total_w = Decimal(len(keys))
    exact = {k: pot * max(weights[k], ZERO) / total_w for k in keys}
    floored = {k: exact[k].quantize(CENT, rounding=ROUND_DOWN) for k in keys}
    left = int(((pot - sum(floored.values(), ZERO)) / CENT).to_integral_value())
    order = sorted(keys, key=lambda k: (-(exact[k] - floored[k]), keys.index(k)))
    for k in order[:left]:
        floored[k] += CENT
    return {k: shares[k] + floored[k] for k in keys}


@dataclass(frozen=True)
class DebtState:
    """A debt entering the simulation: its balance, monthly rate, contractual payment and floor."""

    name: str
    balance: Decimal
    monthly_rate: Decimal
    contractual_payment: Decimal
    floor: Decimal = ZERO


@dataclass(frozen=True)
class StrategyResult:
    """The outcome of paying ``monthly`` a month under a strategy.

    Attributes:
        months: months until every debt is cleared (None when not within :data:`MAX_MONTHS`).
        debt_free_date: the month of the last payment, counted from the start date.
        total_paid / total_interest: over the whole simulation.
        payoff_month: per debt, the month it is cleared (None when never).
        balances: per month (index 0 = start), the balance of each debt, for charts.
    """

    strategy: str
    monthly: Decimal
    months: int | None
    debt_free_date: _dt.date | None
    total_paid: Decimal
    total_interest: Decimal
    payoff_month: dict
    balances: tuple = field(default=(), repr=False)

    @property
    def repaid(self) -> bool:
        """False when this amount does not clear the debts: within :data:`MAX_MONTHS`, or at all (the balance
        only grows). The totals then cover only the months simulated and are not shown as a cost."""
        return self.months is not None


def simulate(strategy: str, debts: list[DebtState], monthly: Decimal, start: _dt.date,
             max_months: int = MAX_MONTHS) -> StrategyResult:
    """Pay ``monthly`` each month across ``debts`` under ``strategy`` until all are cleared.

    >>> d = [DebtState("a", Decimal(1000), Decimal("0.01"), Decimal(100)),
    ...      DebtState("b", Decimal(500), Decimal("0.02"), Decimal(50))]
    >>> r = simulate("avalanche", d, Decimal(300), _dt.date(2026, 12, 1))
    >>> r.months, str(r.total_paid), r.payoff_month
    (6, '1554.22', {'a': 6, 'b': 2})
    """
    if strategy not in STRATEGIES:
        raise InputError(f"strategy: {strategy!r} is not one of {', '.join(STRATEGIES)}")
    balance = {d.name: d.balance for d in debts}
    by_name = {d.name: d for d in debts}
    payoff: dict[str, int | None] = {d.name: (0 if d.balance <= 0 else None) for d in debts}
    history = [dict(balance)]
    paid_total = interest_total = ZERO
    month = 0
    budget = round_money(max(monthly, ZERO))
    start_total = sum((max(b, ZERO) for b in balance.values()), ZERO)
    while any(b > 0 for b in balance.values()) and month < max_months:
        month += 1
        open_ = [n for n in balance if balance[n] > 0]
        interest = {n: round_money(balance[n] * by_name[n].monthly_rate) for n in open_}
        due = {n: balance[n] + interest[n] for n in open_}
        minimum = {n: min(due[n], max(by_name[n].floor, interest[n])) for n in open_}
        if sum(minimum.values(), ZERO) >= budget:
            pay = split_pro_rata(budget, minimum)
        else:
            pay = dict(minimum)
            extra = budget - sum(pay.values(), ZERO)
            while extra > 0:
                room = {n: due[n] - pay[n] for n in open_ if due[n] - pay[n] > 0}
                if not room:
                    break
                if strategy == "pro-rata":
                    parts = split_pro_rata(extra, {n: by_name[n].contractual_payment for n in room})
                    for n, part in parts.items():
                        take = min(part, room[n])
                        pay[n] += take
                        extra -= take
                    continue
                key = ((lambda n: (-by_name[n].monthly_rate, balance[n])) if strategy == "avalanche"
                       else (lambda n: (balance[n], -by_name[n].monthly_rate)))
                target = min(room, key=key)
                take = min(extra, room[target])
                pay[target] += take
                extra -= take
        for n in open_:
            balance[n] = due[n] - pay[n]
            paid_total += pay[n]
            interest_total += interest[n]
            if balance[n] <= 0 and payoff[n] is None:
                payoff[n] = month
        history.append(dict(balance))
        # Not repaid at this amount: the interest takes the whole budget and the debt has doubled, so it only
        # grows from here. Stop rather than count interest for 50 years (the figures would reach 1e25).
        if sum(interest.values(), ZERO) >= budget and sum(balance.values(), ZERO) > 2 * start_total:
            break
    done = all(b <= 0 for b in balance.values())
    return StrategyResult(strategy=strategy, monthly=budget, months=month if done else None,
                          debt_free_date=add_months(start, month - 1) if done and month else (start if done else None),
                          total_paid=paid_total, total_interest=interest_total, payoff_month=payoff,
                          balances=tuple(history))
