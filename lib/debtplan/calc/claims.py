"""The amount a court paper claims, checked against debtplan's own figures for the same debt, counted to the
paper's own date (the date printed on it, else the day it was received): a claim counted to 1 November is compared
with what was owed on 1 November, not with what is owed weeks later on the profile's date.

Two points can be raised (never legal advice: the borrower should ask 12348 legal aid or a lawyer):

* ``above_cap``: charges above the court cap (24% a year of the unpaid principal over the days overdue, 法发
  〔2017〕22号 §2), which she can ask the court to reduce; computed by :mod:`debtplan.calc.overdue` as
  ``court_cap_excess``.
* ``unexplained``: the part of the claim above everything debtplan computes from the contract terms it assumed
  (principal + interest + charges): charges the contract, as recorded, does not support; ask for the breakdown.

>>> from decimal import Decimal as D
>>> c = check_claim(D("23500"), principal=D("20000"), computed_total=D("21260.00"), cap_excess=D("0"))
>>> c.unexplained, c.above_cap, c.claimed_charges
(Decimal('2240.00'), Decimal('0'), Decimal('3500.00'))
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Iterable

from ..core.model import CourtEvent, Debt
from ..core.money import ZERO, round_money
from .overdue import Owed
from .standing import owed_on

__all__ = ["ClaimCheck", "check_claim", "court_claim_checks"]


@dataclass(frozen=True)
class ClaimCheck:
    """A claimed amount against debtplan's figures (money in the profile's currency).

    Attributes:
        claimed: what the paper claims. principal: the unpaid principal as recorded.
        computed_total: what debtplan computes is owed under the assumed contract terms on ``on``.
        claimed_charges: claimed - principal (interest, penalties and fees claimed; 0 when not more).
        unexplained: claimed - computed_total when positive: more than the contract, as recorded, supports.
        above_cap: charges above the court cap.
        event_id: the court paper's record id. on: the date the figures are counted to (the paper's date).
        owed: the figures themselves (principal, interest, penalty, compound interest, fees), for the attachment.
    """

    claimed: Decimal
    principal: Decimal
    computed_total: Decimal
    claimed_charges: Decimal
    unexplained: Decimal
    above_cap: Decimal
    event_id: str = ""
    on: _dt.date | None = None
    owed: Owed | None = None

    @property
    def has_points(self) -> bool:
        return self.unexplained > 0 or self.above_cap > 0


def check_claim(claimed: Decimal, *, principal: Decimal, computed_total: Decimal, cap_excess: Decimal,
                event_id: str = "", on: _dt.date | None = None, owed: Owed | None = None) -> ClaimCheck:
    """Compare ``claimed`` with debtplan's figures for the debt (see the module docstring)."""
    claimed = round_money(claimed)
    return ClaimCheck(claimed=claimed, principal=principal, computed_total=computed_total,
                      claimed_charges=max(round_money(claimed - principal), ZERO),
                      unexplained=max(round_money(claimed - computed_total), ZERO), above_cap=cap_excess,
                      event_id=event_id, on=on, owed=owed)


def court_claim_checks(events: Iterable[CourtEvent], debts: Iterable[Debt], court_cap: Decimal) -> tuple[ClaimCheck, ...]:
    """The check of every court paper that states an amount and names a recorded debt, each against what was
    owed on the paper's date (``paper_date``, else the day received)."""
    by_creditor = {d.creditor: d for d in debts}
    found = []
    for e in events:
        debt = by_creditor.get(e.creditor)
        if debt is None or e.amount_claimed is None:
            continue
        on = e.paper_date or e.received
        owed = owed_on(debt, on, court_cap)
        found.append(check_claim(e.amount_claimed, principal=owed.principal, computed_total=owed.total,
                                 cap_excess=owed.court_cap_excess, event_id=e.id, on=on, owed=owed))
    return tuple(found)
