"""The assessment: from one profile, the answers to the borrower's four questions.

1. What do I owe today, and how fast does it grow?  (:mod:`standing`)
2. What can I really pay each month?                (:mod:`cashflow`)
3. What do I ask each lender for, and what does it cost?  (:mod:`options`, :mod:`proposal`)
4. How do I share the money among several lenders?  (:mod:`allocation`)

:func:`assess` is pure: the same profile and date always give the same result. The money available for
debts is ``surplus x (1 - buffer)`` (buffer 10% by default), never below 0, split pro rata to the
contractual payments with a floor per creditor; each debt's options are judged against its share.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from .agreements import AgreementStatus, agreement_statuses
from .allocation import STRATEGIES, DebtState, StrategyResult, simulate, split_pro_rata
from .claims import ClaimCheck, court_claim_checks
from .collection import ContactFlags, flag_contacts
from .credit import CreditOutlook, credit_outlook
from .deadlines import Deadline, court_deadlines
from .cashflow import BenchmarkLine, CashFlow, Ratios, benchmark_comparison, evaluate_cash_flow, ratios, what_if
from ..core.dates import add_months
from ..core.money import ZERO, round_money
from .options import Option, OptionContext, debt_options
from .overdue import Owed
from ..core.model import Debt, LegalLimits, Profile, Rules
from .proposal import Proposal, choose_proposal
from .standing import ProjectionPoint, contractual_payment, cost_of_waiting, owed_on
from .tracking import Tracking, track
from .truecost import TrueCost, true_cost
from ..core.errors import NotFoundError

__all__ = ["Warning", "DebtAssessment", "Assessment", "assess"]


@dataclass(frozen=True)
class Warning:
    """Something the borrower must know. ``code`` names it; ``params`` fill its sentence (see i18n)."""

    code: str
    params: dict = field(default_factory=dict)


@dataclass(frozen=True)
class DebtAssessment:
    """One debt, assessed.

    Attributes:
        debt: the debt as in the profile; owed: what is owed today.
        contractual_payment: the contract's monthly payment.
        share / stress_share: this debt's part of the money available now / with income 20% lower.
        options: every option; proposal: the one to propose.
        projection: the next 180 days if nothing is paid.
        truecost: who lent it, the ceiling that applies to its kind and, with fees, the loan's all-in annual cost
            (:class:`debtplan.calc.truecost.TrueCost`; None when the rules hold no lender kinds).
        court_cap: the yearly rate above which a court reduces the charges when she asks, for this debt's kind of
            lender (None: no fixed figure, as for credit cards).
    """

    debt: Debt
    owed: Owed
    contractual_payment: Decimal
    share: Decimal
    stress_share: Decimal
    options: tuple[Option, ...]
    proposal: Proposal
    projection: tuple[ProjectionPoint, ...] = field(repr=False)
    truecost: TrueCost | None = None
    court_cap: Decimal | None = Decimal("0.24")

    def __repr__(self) -> str:
        p = self.proposal
        plan = (f"proposed {p.option.key} at {p.option.monthly_payment} a month" if p.fits
                else f"no plan fits ({p.needed_monthly} a month needed)")
        return (f"<DebtAssessment {self.debt.creditor}: owes {self.owed.total} ({self.owed.days} days overdue), "
                f"{len(self.options)} options, {plan}>")


@dataclass(frozen=True)
class Assessment:
    """Everything computed from a profile on a date (money in ``profile.currency``)."""

    profile: Profile
    as_of: _dt.date
    cash_flow: CashFlow
    stressed_cash_flow: CashFlow
    available: Decimal
    stress_available: Decimal
    savings_available: Decimal
    ratios: Ratios
    benchmarks: tuple[BenchmarkLine, ...]
    benchmark_meta: dict
    debts: tuple[DebtAssessment, ...]
    shares: dict
    strategies: dict
    tracking: tuple[Tracking, ...]
    warnings: tuple[Warning, ...]
    limits: LegalLimits
    settings: dict
    # the last day of each court paper's period (earliest first) and each collection contact flagged against the
    # rules: computed here once, read by the report, the letters and ``assess --format json``
    deadlines: tuple[Deadline, ...] = ()
    contact_flags: tuple[ContactFlags, ...] = ()
    # each court paper's claimed amount against our figures counted to the paper's own date
    claim_checks: tuple[ClaimCheck, ...] = ()
    # each agreed plan: recorded / confirmed in writing / kept / missed payment, and the terms still to confirm
    agreement_status: tuple[AgreementStatus, ...] = ()
    # her credit record: each option's cleared and record-gone months, agreed plans against this month, objections
    credit: CreditOutlook | None = None

    def __repr__(self) -> str:
        return (f"<Assessment of {self.profile.name} as of {self.as_of}: {len(self.debts)} debts, owes "
                f"{self.total_owed} {self.profile.currency}, monthly surplus {self.cash_flow.surplus}, available "
                f"{self.available}, {len(self.warnings)} warnings; .debts[i] for each debt>")

    @property
    def priority(self) -> list[DebtAssessment]:
        """The debts in the order to contact the lenders: the one that grows fastest while you wait first
        (charges over the next 7 days), then the larger balance."""
        return sorted(self.debts, key=lambda d: (-(d.projection[7].total - d.projection[0].total), -d.owed.total))

    @property
    def total_owed(self) -> Decimal:
        return sum((d.owed.total for d in self.debts), ZERO)

    def debt(self, creditor: str) -> DebtAssessment:
        for d in self.debts:
            if d.debt.creditor == creditor:
                return d
        raise NotFoundError(creditor)


def _available(surplus: Decimal, buffer_rate: Decimal) -> Decimal:
    return round_money(max(ZERO, surplus) * (1 - buffer_rate))


def assess(profile: Profile, rules: Rules, as_of: _dt.date | None = None, *, income_change: Any = 0,
           cost_cuts: dict | None = None, one_off: Any = 0) -> Assessment:
    """Assess ``profile`` on ``as_of`` (default: the profile's date) under ``rules`` (legal limits, advice
    defaults, benchmarks: :func:`debtplan.inputs.rules.load_rules`); what-if arguments as in
    :func:`debtplan.calc.cashflow.what_if`. Reads nothing: the same arguments always give the same result."""
    on = as_of or profile.as_of
    if income_change or cost_cuts or one_off:
        profile = what_if(profile, income_change=income_change, cost_cuts=cost_cuts, one_off=one_off)
    profile = replace(profile, as_of=on)
    limits = rules.legal
    advice = {"terms": rules.advice.installment_terms, "settlement_discount": rules.advice.settlement_discount,
              "deferral_months": rules.advice.deferral_months, "reply_days": rules.advice.reply_days,
              "reserve_months": rules.advice.reserve_months}
    settings = profile.settings

    cash = evaluate_cash_flow(profile)
    stressed = evaluate_cash_flow(what_if(profile, income_change=-settings.stress_income_drop))
    available = _available(cash.surplus, settings.buffer_rate)
    stress_available = _available(stressed.surplus, settings.buffer_rate)
    reserve = round_money(cash.essentials * advice["reserve_months"])
    savings_available = ZERO if cash.surplus < 0 else max(ZERO, profile.savings.balance - reserve)

    payments = {d.creditor: contractual_payment(d) for d in profile.debts}
    shares = split_pro_rata(available, payments, settings.creditor_floor)
    stress_shares = split_pro_rata(stress_available, payments, settings.creditor_floor)
    start = add_months(on, 1)

    warnings: list[Warning] = []
    debts = []
    for d in profile.debts:
        cost = true_cost(d, rules.lenders) if rules.lenders else None
        cap = cost.ceiling.rate if cost is not None else limits.court_cap
        owed = owed_on(d, on, cap)
        ctx = OptionContext(share=shares[d.creditor], stress_share=stress_shares[d.creditor],
                            savings_available=savings_available, start=start,
                            terms=tuple(t for t in advice["terms"]), deferral_months=advice["deferral_months"],
                            settlement_discount=advice["settlement_discount"],
                            frozen_monthly_fee=settings.frozen_monthly_fee)
        options = debt_options(d, owed, ctx)
        proposal = choose_proposal(options, limits.apr_warning)
        debts.append(DebtAssessment(debt=d, owed=owed, contractual_payment=payments[d.creditor],
                                    share=shares[d.creditor], stress_share=stress_shares[d.creditor],
                                    options=tuple(options), proposal=proposal,
                                    projection=tuple(cost_of_waiting(d, on, cap)), truecost=cost,
                                    court_cap=cap))
        if owed.court_cap_excess > 0:
            warnings.append(Warning("court_cap_excess", {"creditor": d.creditor, "amount": owed.court_cap_excess,
                                                         "cap": cap}))
        if cost is not None and cost.above:
            warnings.append(Warning("loan_cost_above_ceiling", {"creditor": d.creditor, "apr": cost.cost.rate.apr,
                                                                "cap": cost.ceiling.rate, "amount": cost.excess}))
        elif cost is not None and cost.needs_date:
            warnings.append(Warning("private_needs_date", {"creditor": d.creditor}))
        if not proposal.fits:
            warnings.append(Warning("no_feasible_option", {"creditor": d.creditor, "needed": proposal.needed_monthly,
                                                           "share": shares[d.creditor]}))
        elif not proposal.survives_stress:
            warnings.append(Warning("not_stress_proof", {"creditor": d.creditor,
                                                         "drop": settings.stress_income_drop}))
        if proposal.apr_above_cap:
            warnings.append(Warning("apr_above_cap", {"creditor": d.creditor, "apr": proposal.option.apr,
                                                        "cap": limits.apr_warning}))

    unknown = {c.given_category: c for c in profile.fixed_costs + profile.flexible_costs if c.given_category}
    for given in unknown:  # said once per word: the line is compared under "other" and keeps its own name
        warnings.append(Warning("unknown_category", {"given": given, "suggest": unknown[given].suggested_category}))
    if cash.income == 0:
        warnings.insert(0, Warning("no_income", {}))
    if cash.surplus < 0:
        warnings.insert(0, Warning("negative_surplus", {"amount": -cash.surplus}))

    states = [DebtState(d.debt.creditor, d.owed.total, d.debt.annual_equivalent / 12, d.contractual_payment,
                        settings.creditor_floor) for d in debts]
    strategies: dict[str, StrategyResult] = {s: simulate(s, states, available, start) for s in STRATEGIES} \
        if states else {}

    total_owed = sum((d.owed.total for d in debts), ZERO)
    bench, meta = benchmark_comparison(profile, rules.benchmarks, rules.advice.benchmark_flag_ratio)
    tracking = []
    for agreement in profile.agreements:
        debt = next((d for d in profile.debts if d.creditor == agreement.creditor), None)
        t = track(agreement, list(profile.payments), on, debt.principal if debt else ZERO)
        tracking.append(t)
        if t.status == "behind":
            warnings.append(Warning("payment_late", {"creditor": t.creditor, "days": t.days_late,
                                                     "amount": t.due_to_date - t.paid_to_date}))
        upcoming = [i.amount for i in t.installments if i.due_date > on]
        if upcoming and agreement.creditor in shares and max(upcoming) > shares[agreement.creditor]:
            warnings.append(Warning("agreement_above_share", {"creditor": t.creditor, "amount": max(upcoming),
                                                              "share": shares[agreement.creditor]}))
    return Assessment(profile=profile, as_of=on, cash_flow=cash, stressed_cash_flow=stressed, available=available,
                      stress_available=stress_available, savings_available=savings_available,
                      ratios=ratios(cash, profile.savings.balance, sum(payments.values(), ZERO), total_owed),
                      benchmarks=tuple(bench), benchmark_meta=meta, debts=tuple(debts), shares=shares,
                      strategies=strategies, tracking=tuple(tracking), warnings=tuple(warnings), limits=limits,
                      agreement_status=agreement_statuses(profile.agreements, tracking),
                      deadlines=court_deadlines(profile.court_events, dict(rules.court_periods), rules.holidays),
                      claim_checks=court_claim_checks(profile.court_events, profile.debts, limits.court_cap),
                      contact_flags=flag_contacts(profile.collections, rules.collection_rules, rules.night,
                                                  {d.creditor: d.product for d in profile.debts}),
                      credit=credit_outlook(profile, debts, tracking, available, cash.income, start, on,
                                            rules.credit.record_years, rules.credit.objection_days),
                      settings={"buffer_rate": settings.buffer_rate,
                                "stress_income_drop": settings.stress_income_drop,
                                "creditor_floor": settings.creditor_floor, "reserve": reserve, **advice})
