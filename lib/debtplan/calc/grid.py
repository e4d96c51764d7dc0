"""A fast scenario grid for the affordability heatmap: payment and cost over terms x rates (x surpluses).

Vectorized with numpy in float64, rounded to the cent half up like the exact path. It agrees with the
exact Decimal schedules (:mod:`debtplan.calc.schedules`) on the payment to the cent and on the total within one
cent per row (the tests sample it); use the exact path for anything printed as a plan.

>>> g = scenario_grid(10000, [12, 24], [0.12, 0.0], [900, 500])
>>> g.payment.tolist()
[[888.49, 833.33], [470.73, 416.67]]
>>> g.feasible[:, :, 0].tolist(), g.feasible[:, :, 1].tolist()
([[True, True], [True, True]], [[False, False], [True, True]])
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

__all__ = ["Grid", "scenario_grid", "round_half_up"]


def round_half_up(x: np.ndarray) -> np.ndarray:
    """Round to the cent, half up, tolerant of float noise at exact half cents."""
    return np.floor(np.asarray(x) * 100 + 0.5 + 1e-7) / 100


@dataclass(frozen=True)
class Grid:
    """Arrays indexed [term, rate] (and [term, rate, surplus] for ``feasible``).

    Attributes:
        terms: months; rates: annual rates (decimal fractions); surpluses: money a month.
        payment: the equal installment, rounded to the cent.
        total_paid: the payment x (n - 1) plus the closing payment, within a cent per row of the exact schedule.
        cost: total_paid - principal.
        feasible: payment <= surplus.
    """

    principal: float
    terms: np.ndarray
    rates: np.ndarray
    surpluses: np.ndarray
    payment: np.ndarray
    total_paid: np.ndarray
    cost: np.ndarray
    feasible: np.ndarray

    @property
    def size(self) -> int:
        return int(self.feasible.size)


def scenario_grid(principal: float, terms: Sequence[int], rates: Sequence[float],
                  surpluses: Sequence[float]) -> Grid:
    """Payment, total and feasibility for every term x annual rate x monthly surplus."""
    p = float(principal)
    n = np.asarray(terms, dtype=float)[:, None]
    r = (np.asarray(rates, dtype=float) / 12)[None, :]
    s = np.asarray(surpluses, dtype=float)
    growth = np.power(1 + r, n)
    with np.errstate(divide="ignore", invalid="ignore"):
        raw = np.where(r > 0, p * r * growth / (growth - 1), p / n)
    payment = round_half_up(raw)
    # Balance after n-1 level payments (closed form), then the closing payment pays it with its interest.
    g1 = np.power(1 + r, n - 1)
    with np.errstate(divide="ignore", invalid="ignore"):
        paid_part = np.where(r > 0, payment * (g1 - 1) / r, payment * (n - 1))
    balance = p * g1 - paid_part
    last = round_half_up(balance * (1 + r))
    total = payment * (n - 1) + last
    feasible = payment[:, :, None] <= s[None, None, :]
    return Grid(principal=p, terms=np.asarray(terms), rates=np.asarray(rates), surpluses=s, payment=payment,
                total_paid=total, cost=total - p, feasible=feasible)
