"""The domain model: every type a calculation takes, with units. No files, no display, no defaults read.

Money is ``Decimal`` in the profile's currency; rates are decimal fractions (``0.0005`` = 0.05% a day,
``0.12`` = 12% a year); dates are :class:`datetime.date`; amounts are monthly unless named otherwise.

Records a person adds over time (contacts, offers, agreements, payments, collection contacts, court papers,
letters sent) carry a stable ``id`` so that saves merge record by record and calendar events keep their ids.
Profiles are read and written by :mod:`debtplan.inputs.profile`; rule presets by :mod:`debtplan.inputs.rules`.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Mapping

from .calls import CallImport
from .conventions import DAYS_PER_YEAR
from .money import ZERO
from .errors import NotFoundError
from .schema import (AREAS, CATEGORIES, CATEGORY_GROUP, CHANNELS, COLLECTION_CHANNELS,  # noqa: F401
                     CONTACTED, COURT_KINDS, FEE_KINDS, FEE_TIMINGS, HARDSHIP_REASONS, LANGS, LETTER_KINDS,
                     PENALTY_BASES, PRODUCTS, RULING_KINDS)

#: The profile format this library writes; older files are read and upgraded on save.
PROFILE_VERSION = 2

#: Record lists that carry ids, and the prefix of each id.
RECORD_LISTS = {"negotiations": "c", "agreements": "a", "payments": "p", "collections": "k",
                "court_events": "e", "letters": "l", "call_imports": "i", "credit_objections": "o"}

#: The fields a debt may override, and how each is read.
RULE_FIELDS: dict[str, str] = {
    "penalty_multiplier": "rate", "penalty_daily_rate": "rate_or_none", "penalty_base": "choice",
    "compound_unpaid_interest": "bool", "capitalize_every_days": "int", "grace_days": "int",
    "late_fee_rate": "rate", "late_fee_per_day": "rate", "minimum_payment_rate": "rate",
    "installment_fee_rates": "fee_table", "max_installment_months": "months",
}


@dataclass(frozen=True)
class Source:
    """Where a rule value comes from. ``note`` holds zh/en explanations for the reader."""

    source: str
    date: str
    note: dict = field(default_factory=dict)
    overridden: bool = False
    source_en: str = ""

    def text(self, lang: str) -> str:
        """The source as cited for a reader of ``lang`` (an English rendering where one is given)."""
        return self.source_en if lang == "en" and self.source_en else self.source


@dataclass(frozen=True)
class ProductRule:
    """How a product charges when a payment is missed.

    Attributes:
        id: preset name (``jiebei``...).
        name: display names ``{"zh": ..., "en": ...}``.
        default_daily_rate: typical contract daily rate (decimal fraction), or None.
        default_method: the usual schedule method.
        penalty_multiplier: overdue daily rate = contract daily rate x this (1.5 for Jiebei).
        penalty_daily_rate: a fixed overdue daily rate that replaces the above when set (0.0005 for Huabei).
        penalty_base: ``overdue_amount`` (the missed part) or ``balance`` (everything outstanding).
        compound_unpaid_interest: unpaid interest also accrues the overdue rate (复利).
        capitalize_every_days: accrued charges join the base every so many days (30 for cards); 0 = never.
        grace_days: a payment this many days late costs nothing extra; later, charges run from the due date.
        late_fee_rate: a late fee (违约金) as a fraction of the unpaid minimum payment, per missed month.
        late_fee_per_day: a late fee in money per day overdue.
        minimum_payment_rate: the card's minimum payment as a fraction of the balance.
        installment_fee_rates: {months: total fee rate} for fee-based installments (Huabei).
        sources: field -> :class:`Source`.
    """

    id: str
    name: dict
    interest_basis: str
    default_daily_rate: Decimal | None
    default_method: str
    penalty_multiplier: Decimal
    penalty_daily_rate: Decimal | None
    penalty_base: str
    compound_unpaid_interest: bool
    capitalize_every_days: int
    grace_days: int
    late_fee_rate: Decimal
    late_fee_per_day: Decimal
    minimum_payment_rate: Decimal = Decimal("0.10")
    installment_fee_rates: dict = field(default_factory=dict)
    max_installment_months: int = 60
    sources: dict = field(default_factory=dict, compare=False)




@dataclass(frozen=True)
class LegalLimits:
    """Legal caps and reference rates (decimal fractions), with sources."""

    court_cap: Decimal
    lpr_1y: Decimal
    lpr_5y: Decimal
    private_lending_cap: Decimal
    card_max_installment_months: int
    credit_record_years: int
    apr_warning: Decimal
    sources: dict = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Household:
    """Who lives on the income. ``area``: urban | rural | all (for the spending benchmarks)."""

    adults: int = 1
    children: int = 0
    area: str = "urban"
    city: str = ""


@dataclass(frozen=True)
class IncomeItem:
    """A monthly income after tax. ``recent``: the last months' amounts, for irregular income."""

    name: str
    amount: Decimal
    recent: tuple[Decimal, ...] = ()
    irregular: bool = False


@dataclass(frozen=True)
class CostItem:
    """A monthly cost. ``category``: one of :data:`CATEGORIES`.

    ``given_category``: the category as the person wrote it when it is not one we know; the line then counts
    under ``other`` for the benchmarks and keeps its own name everywhere; ``suggested_category`` is the known
    category it most likely belongs to ("" when none is close).
    """

    category: str
    amount: Decimal
    name: str = ""
    given_category: str = ""
    suggested_category: str = ""


@dataclass(frozen=True)
class Savings:
    balance: Decimal = ZERO
    monthly_contribution: Decimal = ZERO


@dataclass(frozen=True)
class Offer:
    """A plan a lender has offered, to be costed like the others (e.g. the bank's "0.6% a month" installments).

    Attributes:
        name: how the borrower calls it ("the bank's phone offer").
        months: number of monthly payments.
        monthly_fee_rate: a fee of this fraction of the amount each month (0.006 = 0.6% a month); or
        annual_rate: an interest rate on equal installments; or
        monthly_payment: the payment quoted, when that is all that is known.
        upfront_fee: a fee taken at the start.
    """

    name: str
    months: int
    monthly_fee_rate: Decimal | None = None
    annual_rate: Decimal | None = None
    monthly_payment: Decimal | None = None
    upfront_fee: Decimal = ZERO
    id: str = ""


@dataclass(frozen=True)
class Fee:
    """A fee charged with a loan besides its interest (``kind``: guarantee, membership, service, insurance or
    other): ``amount`` with each payment (``timing="each_payment"``) or once when the loan was made
    (``timing="start"``)."""

    kind: str
    amount: Decimal
    timing: str = "each_payment"


@dataclass(frozen=True)
class Debt:
    """One debt as the profile states it, with its product rule (overrides applied).

    Attributes:
        creditor: who is owed (unique within a profile).
        product: preset id (jiebei, huabei, weilidai, credit-card, generic).
        principal: principal still unpaid, in money.
        daily_rate / annual_rate: the contract rate (exactly one is set after loading; decimal fractions).
        term_months: the contract's term; method: the contract's schedule method.
        contractual_payment: the monthly payment under the contract (computed when not given).
        overdue_since: the first missed due date, or None when current.
        overdue_amount: the overdue part (the penalty base when the rule says so).
        unpaid_interest: contractual interest due and unpaid.
        unpaid_minimum: the missed minimum payment (cards), for late fees.
        start_date: the loan date, for schedules by actual days.
        fees: the guarantee, membership, service or insurance fees the lender charges with the loan
            (:class:`Fee`), one-off at the start or with each payment.
        lender_kind: who lent it (bank_card, bank_loan, consumer_finance, micro_lender, facilitation, private;
            None: filled in from the product, data/rules/lenders.yaml); lender: the lender named on the contract;
            funder: for a facilitation loan, the institution that funds it; contract_date: when the contract was
            made (default: start_date); loan_amount: the amount lent at the start (default: principal).
    """

    creditor: str
    product: str
    principal: Decimal
    daily_rate: Decimal | None
    annual_rate: Decimal | None
    term_months: int
    method: str
    contractual_payment: Decimal | None
    overdue_since: _dt.date | None
    overdue_amount: Decimal
    unpaid_interest: Decimal
    unpaid_minimum: Decimal
    start_date: _dt.date | None
    account: str
    rule: ProductRule
    overrides: dict = field(default_factory=dict, compare=False)
    offers: tuple = ()
    fees: tuple = ()
    lender_kind: str | None = None
    lender: str = ""
    funder: str = ""
    contract_date: _dt.date | None = None
    loan_amount: Decimal | None = None

    @property
    def is_overdue(self) -> bool:
        return self.overdue_since is not None

    @property
    def annual_equivalent(self) -> Decimal:
        """The contract rate as a simple annual rate (daily x 365)."""
        return self.annual_rate if self.annual_rate is not None else self.daily_rate * DAYS_PER_YEAR


@dataclass(frozen=True)
class Hardship:
    reason: str = "other"
    since: _dt.date | None = None
    text: str = ""


@dataclass(frozen=True)
class Contact:
    """One contact with a lender (a row of the contact log, which is only ever added to).

    ``amends``: the id of an earlier entry this one corrects (the earlier entry is kept as written).
    """

    date: _dt.date
    creditor: str
    channel: str
    person: str = ""
    offered: str = ""
    asked: str = ""
    outcome: str = ""
    next_step: str = ""
    next_date: _dt.date | None = None
    amends: str = ""
    id: str = ""


@dataclass(frozen=True)
class Agreement:
    """A plan agreed with a lender. Either ``monthly_payment`` or ``method`` + ``annual_rate``.

    ``credit_reporting``: what the lender says it reports to the credit bureau under the plan;
    ``if_missed``: what happens if a payment is missed (both as the written agreement states them).
    ``confirmed_on`` / ``confirmed_form``: the day the lender's written confirmation arrived and its form (letter,
    email, app, sms, other); None while the plan was only agreed by phone or recorded by the borrower."""

    creditor: str
    start_date: _dt.date
    months: int
    principal: Decimal | None = None
    monthly_payment: Decimal | None = None
    method: str | None = None
    annual_rate: Decimal | None = None
    fees: Decimal = ZERO
    interest_frozen: bool = False
    notes: str = ""
    id: str = ""
    credit_reporting: str = ""
    if_missed: str = ""
    confirmed_on: _dt.date | None = None
    confirmed_form: str = ""


@dataclass(frozen=True)
class Payment:
    date: _dt.date
    creditor: str
    amount: Decimal
    note: str = ""
    id: str = ""


@dataclass(frozen=True)
class Settings:
    """Advice settings (rates as decimal fractions, amounts in money); defaults from data/rules/advice.yaml."""

    buffer_rate: Decimal
    stress_income_drop: Decimal
    creditor_floor: Decimal
    frozen_monthly_fee: Decimal


@dataclass(frozen=True)
class CollectionContact:
    """One contact by a collector, as the borrower recorded it (evidence for a complaint).

    Attributes:
        id: stable record id. at: when: a datetime, or a date alone when the time was not noted.
        creditor: for which debt.
        channel: phone, sms, app, chat, letter, visit, other. caller: the number or name that called.
        contacted: who was contacted: ``borrower``, ``guarantor``, or a third party: ``family``,
            ``employer``, ``colleague``, ``friend``, ``contacts`` (many people in the phone book), ``other``.
        said: what was said, in the borrower's words. threats / insults: were there any.
        evidence: the file kept (recording, screenshot).
    """

    id: str
    at: _dt.datetime | _dt.date
    creditor: str
    channel: str
    contacted: str
    caller: str = ""
    said: str = ""
    threats: bool = False
    insults: bool = False
    evidence: str = ""

    @property
    def third_party(self) -> bool:
        return self.contacted not in ("borrower", "guarantor")


@dataclass(frozen=True)
class CourtEvent:
    """A court paper the borrower received.

    Attributes:
        kind: ``payment_order`` (支付令), ``complaint`` (起诉状副本/应诉通知), ``judgment`` (判决),
            ``ruling`` (裁定), ``mediation`` (调解), ``enforcement`` (执行).
        received: the day it was received (periods count from the next day).
        amount_claimed: what the creditor claims, or None when not stated.
        plaintiff: the company the paper names as claimant (not the product's name), "" when not recorded.
        paper_date: the date printed on the paper, the day its claim is counted to (None: the day received).
        admits_loan: the borrower chose to state in her answer that she does not deny the loan.
        small_claims: the paper says the case is heard as a small claim (小额诉讼: one instance, no appeal).
        answer_by: the answer date the court set (small claims), None when not recorded.
        hearing: the hearing date of a summons (传票), None when none.
        ruling_kind: for a ruling, what it is about: ``preservation``, ``appealable``, ``other`` or ``unknown``.
    """

    id: str
    kind: str
    creditor: str
    received: _dt.date
    court: str = ""
    case_number: str = ""
    amount_claimed: Decimal | None = None
    note: str = ""
    plaintiff: str = ""
    paper_date: _dt.date | None = None
    admits_loan: bool = False
    small_claims: bool = False
    answer_by: _dt.date | None = None
    hearing: _dt.date | None = None
    ruling_kind: str = "unknown"


@dataclass(frozen=True)
class LetterSent:
    """A letter the borrower sent (its dated copy is kept beside the report).

    ``kind``: proposal, confirmation, complaint, objection, defence, follow_up. ``reply_by``: the date asked for.
    """

    id: str
    kind: str
    creditor: str
    date: _dt.date
    reply_by: _dt.date | None = None
    copy: str = ""


@dataclass(frozen=True)
class CreditObjection:
    """Something her credit report shows wrongly, and the objection (异议) she sends about it.

    Attributes:
        institution: who reported it (the lender as named on the report).
        kind: ``overdue_after_plan`` (an overdue mark while an agreed plan was kept), ``wrong_amount``,
            ``wrong_date``, ``not_mine`` (a debt that is not hers), ``other``.
        shows / should_show: what the report shows, and what is right (her words).
        send_to: ``institution`` (the reporting institution) or ``credit_centre`` (the credit reference centre).
        sent: the day she sent it (None: not sent yet); answered: the day the written answer came.
    """

    id: str = ""
    institution: str = ""
    kind: str = "overdue_after_plan"
    shows: str = ""
    should_show: str = ""
    send_to: str = "institution"
    sent: _dt.date | None = None
    answered: _dt.date | None = None

    @property
    def creditor(self) -> str:
        """Whom the record is about, as the other records name it (the reporting institution)."""
        return self.institution


@dataclass(frozen=True)
class Profile:
    """One household's situation: the input to every calculation.

    Money is ``Decimal`` in ``currency``; rates are decimal fractions; all amounts are monthly unless named.
    """

    name: str
    lang: str
    currency: str
    as_of: _dt.date
    household: Household
    income: tuple[IncomeItem, ...]
    fixed_costs: tuple[CostItem, ...]
    flexible_costs: tuple[CostItem, ...]
    savings: Savings
    debts: tuple[Debt, ...]
    settings: Settings
    hardship: Hardship = Hardship()
    borrower: dict = field(default_factory=dict)
    negotiations: tuple[Contact, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    payments: tuple[Payment, ...] = ()
    collections: tuple[CollectionContact, ...] = ()
    court_events: tuple[CourtEvent, ...] = ()
    letters: tuple[LetterSent, ...] = ()
    call_imports: tuple[CallImport, ...] = ()
    credit_objections: tuple[CreditObjection, ...] = ()
    version: int = PROFILE_VERSION
    source: str = ""

    def debt(self, creditor: str) -> Debt:
        for d in self.debts:
            if d.creditor == creditor:
                return d
        raise NotFoundError(creditor)




@dataclass(frozen=True)
class AdviceDefaults:
    """The advice settings and their defaults (data/rules/advice.yaml).

    Attributes:
        buffer_rate: share of the surplus kept back; stress_income_drop: the income drop plans must survive;
        creditor_floor: the least a lender gets a month; frozen_monthly_fee: fee on an interest-frozen plan;
        installment_terms: the terms offered; settlement_discount: share of charges a settlement may waive;
        deferral_months; benchmark_flag_ratio: spending above this times the benchmark is flagged;
        reply_days: days a lender is asked to reply within; reserve_months: essential costs kept as reserve.
    """

    buffer_rate: Decimal
    stress_income_drop: Decimal
    creditor_floor: Decimal
    frozen_monthly_fee: Decimal
    installment_terms: tuple[int, ...]
    settlement_discount: Decimal
    deferral_months: int
    benchmark_flag_ratio: Decimal
    reply_days: int
    reserve_months: Decimal


@dataclass(frozen=True)
class LegalRule:
    """A rule a collection contact can be held against (data/rules/legal.yaml ``collection_rules``).

    Attributes:
        id; issuer, title, article (with ``_en`` renderings); revision: the year of the revision the article
        number belongs to; url: where the text was read (plain text, never a link); seen: the date it was read;
        unconfirmed: only secondary sources say so; applies_to: a product id the rule is limited to ("" = all);
        flags: the facts it speaks to (third_party, contacts, threats, insults, night); text: what it says.
        kind: ``law``, ``regulation`` or ``convention`` (an industry's self-regulation: not law); quote: a short
        passage word for word as read (zh) and its translation (en); in_force: the revision in force when the
        one quoted is older; order: the regulator's order number; unanswered_calls_per_day: the unanswered calls
        a day to one number a convention allows; days: a period the rule sets (the complaint-handling period).
    """

    id: str
    issuer: dict
    title: dict
    article: dict
    revision: str
    url: dict
    seen: str
    flags: tuple[str, ...]
    text: dict
    unconfirmed: bool = False
    applies_to: str = ""
    note: dict = field(default_factory=dict)
    kind: str = "law"
    quote: dict = field(default_factory=dict)
    in_force: dict = field(default_factory=dict)
    order: dict = field(default_factory=dict)
    unanswered_calls_per_day: int | None = None
    days: int | None = None


@dataclass(frozen=True)
class CourtPeriod:
    """A legal period that starts when a court paper is received. ``missed``: what happens if it passes
    (enforce, defence, final, review, absence); article: {"zh":..., "en":...}. ``court_set``: the date is the one
    the court wrote on the paper (a small claim's answer date, a hearing), ``days`` only its longest.
    ``verified``: the article was read in the law's own text (data/rules/legal.yaml)."""

    kind: str
    days: int
    article: dict
    missed: str
    court_set: bool = False
    verified: bool = True


@dataclass(frozen=True)
class HolidayCalendar:
    """The official rest days: ``rest`` (public holidays), ``workdays`` (weekend days that are working days),
    ``years`` the calendar covers, ``notices`` {year: {"zh":..., "en":..., "url":..., "issued":...}} and
    ``missing`` {year: why}. Saturdays and Sundays not in ``workdays`` are rest days."""

    years: frozenset = frozenset()
    rest: frozenset = frozenset()
    workdays: frozenset = frozenset()
    notices: Mapping = field(default_factory=dict)
    missing: Mapping = field(default_factory=dict)


@dataclass(frozen=True)
class CreditRules:
    """Her credit record's rules (data/rules/credit.yaml): ``record_years`` a negative record is kept after the
    bad behaviour ends (Art. 16), ``free_reports`` a year (Art. 17), ``objection_days`` to answer an objection
    (Art. 25); ``texts``: id -> {"zh", "en", "url", "seen", "verified"} for each rule and fact cited."""

    record_years: int = 5
    free_reports: int = 2
    objection_days: int = 20
    texts: Mapping = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Rules:
    """Everything a calculation needs besides the profile, loaded once by the caller
    (:func:`debtplan.inputs.rules.load_rules`).

    Attributes:
        products: preset id -> :class:`ProductRule`. legal: :class:`LegalLimits`.
        advice: :class:`AdviceDefaults`. benchmarks: the official spending benchmarks (data/benchmarks).
        version: a digest of the rule files, so that results can say which rules made them.
        collection_rules: :class:`LegalRule` tuple; night: (from, until) as times; court_periods: kind ->
        :class:`CourtPeriod`; court_law: the law's title, revision, url, counting rule (zh/en);
        holidays: :class:`HolidayCalendar`; help: hotlines and safety sources (data/rules/help.yaml);
        lenders: kinds of lender, the ceiling of each, products' usual lenders and the LPR by date
        (data/rules/lenders.yaml, as parsed);
        complaint_reply: the period an institution has to decide on a consumer's complaint, as a
        :class:`LegalRule` with ``days`` (None when the rule file has none).
    """

    products: Mapping[str, ProductRule]
    legal: LegalLimits
    advice: AdviceDefaults
    benchmarks: Mapping
    version: str = ""
    collection_rules: tuple = ()
    night: tuple = ()
    court_periods: Mapping = field(default_factory=dict)
    court_law: Mapping = field(default_factory=dict)
    holidays: HolidayCalendar = HolidayCalendar()
    help: Mapping = field(default_factory=dict)
    lenders: Mapping = field(default_factory=dict)
    complaint_reply: "LegalRule | None" = None
    #: data/rules/helpers.yaml: the paid-helper checklist, case numbers, threat words.
    evidence: Mapping = field(default_factory=dict)
    credit: CreditRules = CreditRules()


#: The record type of each list the validator reads from the schema alone (core/schema.py, ``generic``).
RECORD_TYPES = {"fees": Fee, "household": Household, "savings": Savings, "hardship": Hardship,
                "credit_objections": CreditObjection}
