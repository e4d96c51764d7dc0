"""The amount a court paper claims, checked against debtplan's own figures for the same debt.

Two points can be raised (never legal advice: the borrower should ask 12348 legal aid or a lawyer):

* ``above_cap``: charges above the court cap (24% a year of the unpaid principal over the days overdue, 法发
  〔2017〕22号 §2), which courts do not support; computed by :mod:`debtplan.calc.overdue` as ``court_cap_excess``.
* ``unexplained``: the part of the claim above everything debtplan computes from the contract terms it assumed
  (principal + interest + charges): charges the contract, as recorded, does not support; ask for the breakdown.

>>> from decimal import Decimal as D
>>> c = check_claim(D("23500"), principal=D("20000"), computed_total=D("21260.00"), cap_excess=D("0"))
>>> c.unexplained, c.above_cap, c.claimed_charges
(Decimal('2240.00'), Decimal('0'), Decimal('3500.00'))
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..core.money import ZERO, round_money

__all__ = ["ClaimCheck", "check_claim"]


@dataclass(frozen=True)
class ClaimCheck:
    """A claimed amount against debtplan's figures (money in the profile's currency).

    Attributes:
        claimed: what the paper claims. principal: the unpaid principal as recorded.
        computed_total: what debtplan computes is owed under the assumed contract terms.
        claimed_charges: claimed - principal (interest, penalties and fees claimed; 0 when not more).
        unexplained: claimed - computed_total when positive: more than the contract, as recorded, supports.
        above_cap: charges above the court cap.
    """

    claimed: Decimal
    principal: Decimal
    computed_total: Decimal
    claimed_charges: Decimal
    unexplained: Decimal
    above_cap: Decimal

    @property
    def has_points(self) -> bool:
        return self.unexplained > 0 or self.above_cap > 0


def check_claim(claimed: Decimal, *, principal: Decimal, computed_total: Decimal, cap_excess: Decimal) -> ClaimCheck:
    """Compare ``claimed`` with debtplan's figures for the debt (see the module docstring)."""
    claimed = round_money(claimed)
    return ClaimCheck(claimed=claimed, principal=principal, computed_total=computed_total,
                      claimed_charges=max(round_money(claimed - principal), ZERO),
                      unexplained=max(round_money(claimed - computed_total), ZERO), above_cap=cap_excess)
