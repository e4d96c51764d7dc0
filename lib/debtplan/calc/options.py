"""Negotiation options for one debt, each with its schedule and true cost (docs/conventions.md, "Negotiation practice").

Kinds (shown as possibilities to ask for, never as promises):

=================  ============================================================================
``keep_contract``  pay the arrears and charges now, then the contract's payments
``installments``   everything owed today over N months at the contract rate (N = 12...60)
``penalty_waiver`` penalties and fees waived, principal and unpaid interest over N months at the contract rate
``interest_frozen`` 停息挂账: what is owed today frozen, repaid in equal parts over N months, no more interest
``deferral``       no payments for k months (interest keeps running), then N months at the contract rate
``settlement``     a one-off payment from savings, with part of the interest and penalties waived
``product_installments`` the product's own fee-based installments (花呗分期), fees as the preset lists them
``offer``          a plan the lender has offered (recorded in the profile), costed the same way
=================  ============================================================================

For each: the monthly payment (the largest regular one), anything paid at once (``upfront``), total paid,
cost over the principal, what is paid beyond what is owed today (``beyond``), the rate this plan charges
(``apr``: 12 x the monthly IRR of its payments against what it leaves owing, i.e. owed today - waived - paid
up front; for a debt that is not overdue, the principal - paid up front; fees included; None for a one-off
payment), months to debt-free, and whether it fits this debt's share of the money available
(``feasible``: monthly payment <= share and upfront <= savings available) and still fits with income 20%
lower (``fits_stress``).
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from decimal import Decimal

from ..core.errors import SolverError
from ..core.money import ZERO, round_money
from .overdue import Owed
from ..core.model import Debt, Offer
from .rates import apr as apr_of
from .schedules import Schedule, build_schedule, flat_fee_installment

__all__ = ["Option", "OptionContext", "debt_options", "OPTION_KINDS"]

OPTION_KINDS = ("keep_contract", "installments", "penalty_waiver", "interest_frozen", "deferral", "settlement",
                "product_installments", "offer")


@dataclass(frozen=True)
class OptionContext:
    """What an option is judged against, in money per month (share) and money at hand (savings), and the
    advice settings that shape the options (from data/rules/advice.yaml through the assessment)."""

    share: Decimal
    stress_share: Decimal
    savings_available: Decimal
    start: _dt.date
    terms: tuple[int, ...]
    deferral_months: int
    settlement_discount: Decimal
    frozen_monthly_fee: Decimal = ZERO
    deferral_term: int = 24


@dataclass(frozen=True)
class Option:
    """One plan that could be asked for. Money in the debt's currency; rates as decimal fractions.

    Attributes:
        kind: one of :data:`OPTION_KINDS`.
        months: number of monthly payments (0 for a one-off settlement).
        monthly_payment: the largest regular monthly payment.
        upfront: paid at once before the monthly payments.
        total_paid: upfront + every monthly payment.
        cost: total_paid - the principal still owed (interest, penalties and fees you pay).
        waived: charges the lender would give up under this option.
        apr: the rate this plan charges: 12 x the monthly IRR of its payments against what it leaves owing
            (owed today - waived - upfront; None for a one-off payment). Charges already on the account are
            not a cost of the plan, so a frozen plan is 0 and installments are the contract rate.
        beyond: total_paid - owed today (negative when the plan pays less than is owed today).
        debt_free_months: months until the debt is cleared (deferral included).
        feasible / fits_stress: see the module docstring; shortfall: monthly amount missing (0 when it fits).
        payments: every monthly payment in order (deferral months as 0.00).
    """

    kind: str
    months: int
    monthly_payment: Decimal
    upfront: Decimal
    total_paid: Decimal
    cost: Decimal
    waived: Decimal
    apr: Decimal | None
    debt_free_months: int
    feasible: bool
    fits_stress: bool
    shortfall: Decimal
    payments: tuple = field(default=(), repr=False)
    beyond: Decimal = ZERO
    schedule: Schedule | None = field(default=None, repr=False, compare=False)
    label: str = ""

    @property
    def key(self) -> str:
        base = f"{self.kind}-{self.label}" if self.label else self.kind
        return f"{base}-{self.months}" if self.months else base


def _apr(left_owing: Decimal, payments: list[Decimal]) -> Decimal | None:
    received = left_owing
    if received <= 0 or not any(payments):
        return None
    try:
        return apr_of(received, payments).apr
    except SolverError:
        return None


def _make(kind: str, debt: Debt, ctx: OptionContext, owed_today: Decimal, payments: list[Decimal],
          upfront: Decimal, waived: Decimal, schedule: Schedule | None, months: int, label: str = "") -> Option:
    monthly = max(payments) if payments else ZERO
    total = upfront + sum(payments, ZERO)
    # what the plan's payments repay: a debt that is not overdue keeps its principal as the base, so the
    # rate of a plain loan is its contract rate (the published worked examples)
    base = owed_today if debt.is_overdue else debt.principal
    feasible = monthly <= ctx.share and upfront <= ctx.savings_available
    stress = monthly <= ctx.stress_share and upfront <= ctx.savings_available
    return Option(kind=kind, months=months, monthly_payment=monthly, upfront=upfront, total_paid=total,
                  cost=total - debt.principal, waived=waived, apr=_apr(base - waived - upfront, payments),
                  debt_free_months=len(payments), feasible=feasible, fits_stress=stress,
                  shortfall=max(ZERO, monthly - ctx.share), payments=tuple(payments), beyond=total - owed_today,
                  schedule=schedule,
                  label=label)


def _months_elapsed(debt: Debt, on: _dt.date) -> int:
    if not debt.start_date:
        return 0
    return max(0, (on.year - debt.start_date.year) * 12 + on.month - debt.start_date.month)


def debt_options(debt: Debt, owed: Owed, ctx: OptionContext) -> list[Option]:
    """Every option for ``debt`` given what is ``owed`` today, judged against ``ctx``."""
    rate = debt.annual_equivalent
    options: list[Option] = []
    owed_total = owed.total
    charges = owed.charges

    # Keep the contract: arrears and charges now, the rest on the contract's terms.
    if debt.is_overdue:
        upfront = round_money(debt.overdue_amount + owed.unpaid_interest + charges)
    else:
        upfront = ZERO
    rest = debt.principal - (debt.overdue_amount if debt.is_overdue else ZERO)
    remaining = max(1, debt.term_months - _months_elapsed(debt, ctx.start))
    if rest > 0:
        s = build_schedule(debt.method, rest, remaining, annual_rate=rate)
        options.append(_make("keep_contract", debt, ctx, owed_total, s.payments(), upfront, ZERO, s, remaining))
    else:
        options.append(_make("keep_contract", debt, ctx, owed_total, [], upfront, ZERO, None, 0))

    terms = [n for n in ctx.terms if n <= debt.rule.max_installment_months] or [debt.rule.max_installment_months]
    for n in terms:
        s = build_schedule("annuity", owed_total, n, annual_rate=rate)
        options.append(_make("installments", debt, ctx, owed_total, s.payments(), ZERO, ZERO, s, n))
    if charges > 0:
        for n in terms:
            s = build_schedule("annuity", owed.principal + owed.unpaid_interest, n, annual_rate=rate)
            options.append(_make("penalty_waiver", debt, ctx, owed_total, s.payments(), ZERO, charges, s, n))
    for n in terms:
        s = build_schedule("equal-principal", owed_total, n, annual_rate=0, monthly_fee=ctx.frozen_monthly_fee)
        options.append(_make("interest_frozen", debt, ctx, owed_total, s.payments(), ZERO, ZERO, s, n))

    # Deferral: k months with no payment while contract interest is added, then installments.
    r = rate / 12
    balance = owed_total
    for _ in range(ctx.deferral_months):
        balance = balance + round_money(balance * r)
    s = build_schedule("annuity", balance, ctx.deferral_term, annual_rate=rate)
    options.append(_make("deferral", debt, ctx, owed_total, [ZERO] * ctx.deferral_months + s.payments(), ZERO, ZERO, s,
                         ctx.deferral_months + ctx.deferral_term))

    if debt.is_overdue and (charges + owed.unpaid_interest) > 0:
        discount = round_money((charges + owed.unpaid_interest) * ctx.settlement_discount)
        options.append(_make("settlement", debt, ctx, owed_total, [], owed_total - discount, discount, None, 0))

    # The product's own fee-based installments: the total fee spread evenly over the periods.
    for n, total_fee_rate in sorted(debt.rule.installment_fee_rates.items()):
        s = flat_fee_installment(owed_total, total_fee_rate / n, n)
        options.append(_make("product_installments", debt, ctx, owed_total, s.payments(), ZERO, ZERO, s, n))

    for offer in debt.offers:
        options.append(_offer_option(debt, ctx, owed_total, offer))
    return options


def _offer_option(debt: Debt, ctx: OptionContext, balance: Decimal, offer: Offer) -> Option:
    """Cost a plan the lender offered, on what is owed today."""
    n = offer.months
    if offer.monthly_fee_rate is not None:
        s = flat_fee_installment(balance, offer.monthly_fee_rate, n)
        payments = s.payments()
    elif offer.annual_rate is not None:
        s = build_schedule("annuity", balance, n, annual_rate=offer.annual_rate)
        payments = s.payments()
    else:
        s = None
        payments = [offer.monthly_payment] * n
    return _make("offer", debt, ctx, balance, payments, offer.upfront_fee, ZERO, s, n, label=offer.name)
