"""The option to propose to each creditor.

Rule: among the options that fit this debt's share of the money available (with the buffer kept back)
**and** still fit with income 20% lower, propose the cheapest (least paid in total; on a tie, the sooner
debt-free). If none survives the stress test, the cheapest that fits, with a warning. If none fits, the
option with the lowest monthly payment, with the monthly amount that would be needed, never just
"not feasible".

When shorter plans of the proposed kind also fit the share but fail the stress test (``shorter``), the
proposal says so, and the longest of them (``next_offer``) is what to offer next if the lender asks for a
shorter plan.

The fallback is the cheapest plan that asks no concession (``keep_contract``, ``installments``,
``deferral``, the product's own installments, or the lender's own offer) and fits: what to accept if the
lender refuses the proposal.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..core.money import ZERO
from .options import Option
from ..core.errors import InputError

__all__ = ["Proposal", "choose_proposal", "NO_CONCESSION"]

NO_CONCESSION = ("keep_contract", "installments", "deferral", "product_installments", "offer")


@dataclass(frozen=True)
class Proposal:
    """The recommended option and why.

    Attributes:
        option: the option to propose.
        fits: it fits the share; survives_stress: it still fits with income 20% lower.
        alternative: the option it is compared with in the reason (a longer plan of the same kind, or
            the next cheapest that fits); saving: what the proposal saves against it.
        fallback: the no-concession plan to accept if the proposal is refused (None if the proposal is one).
        needed_monthly: when nothing fits, the monthly amount the closest option needs.
        closest: when nothing fits, up to three options with the lowest monthly payments.
        apr_above_cap: the proposal's APR is above the 24% line.
        shorter: shorter plans of the same kind that fit the share but not with income 20% lower, shortest
            first (why the proposal is not one of them).
    """

    option: Option
    fits: bool
    survives_stress: bool
    alternative: Option | None
    saving: Decimal | None
    fallback: Option | None
    needed_monthly: Decimal | None
    closest: tuple[Option, ...]
    apr_above_cap: bool
    shorter: tuple[Option, ...] = ()

    @property
    def next_offer(self) -> Option | None:
        """The plan to offer next if the lender wants it shorter: the longest of ``shorter``."""
        return self.shorter[-1] if self.shorter else None


def _rank(o: Option) -> tuple:
    return (o.total_paid, o.debt_free_months, o.monthly_payment)


def choose_proposal(options: list[Option], apr_cap: Decimal) -> Proposal:
    """Pick the option to propose from ``options`` (see the module docstring)."""
    if not options:
        raise InputError("options: there are no options to choose from")
    safe = [o for o in options if o.feasible and o.fits_stress]
    fitting = [o for o in options if o.feasible]
    pool = safe or fitting
    if pool:
        chosen = min(pool, key=_rank)
        longer = sorted((o for o in fitting if o.kind == chosen.kind and o.months > chosen.months
                         and o.total_paid > chosen.total_paid), key=lambda o: o.months)
        dearer = sorted((o for o in pool if o.kind != chosen.kind and o.total_paid > chosen.total_paid),
                        key=_rank)
        alternative = longer[0] if longer else (dearer[0] if dearer else None)
        plain = ([o for o in pool if o.kind in NO_CONCESSION]
                 or [o for o in fitting if o.kind in NO_CONCESSION])
        fallback = None if chosen.kind in NO_CONCESSION or not plain else min(plain, key=_rank)
        shorter = tuple(sorted((o for o in fitting if o.kind == chosen.kind and o.label == chosen.label
                                and 0 < o.months < chosen.months and not o.fits_stress), key=lambda o: o.months))
        return Proposal(option=chosen, fits=True, survives_stress=chosen.fits_stress, alternative=alternative,
                        saving=(alternative.total_paid - chosen.total_paid) if alternative else None,
                        fallback=fallback, needed_monthly=None, closest=(),
                        apr_above_cap=bool(chosen.apr is not None and chosen.apr > apr_cap),
                        shorter=shorter if chosen.fits_stress else ())
    reachable = [o for o in options if o.months > 0 and o.upfront == ZERO] or list(options)
    closest = tuple(sorted(reachable, key=lambda o: (o.monthly_payment, o.total_paid))[:3])
    chosen = closest[0]
    return Proposal(option=chosen, fits=False, survives_stress=False, alternative=None, saving=None,
                    fallback=None, needed_monthly=chosen.monthly_payment, closest=closest,
                    apr_above_cap=bool(chosen.apr is not None and chosen.apr > apr_cap))
