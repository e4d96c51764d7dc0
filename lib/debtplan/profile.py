"""The profile: one YAML file per household, validated in one pass.

:func:`load_profile` reads a file and returns a frozen :class:`Profile`, or raises :class:`ProfileError`
listing **every** problem with its path, the value and the fix, e.g.::

    debts[1].daily_rate: 0.5 is not a daily rate (expected 0 < rate <= 0.01; 0.0005 means 0.05% a day)

:func:`save_profile` writes atomically and keeps the previous file as ``<name>.bak``. Records that are
only ever added (``negotiations``, ``payments``) are kept in file order.

>>> p = parse_profile({"name": "demo", "as_of": "2026-11-28", "income": [{"name": "pay", "amount": 5800}],
...                    "debts": [{"creditor": "借呗", "product": "jiebei", "principal": "20000"}]})
>>> p.debts[0].daily_rate, p.debts[0].rule.penalty_multiplier, p.lang
(Decimal('0.0004'), Decimal('1.5'), 'zh')
"""
from __future__ import annotations

import datetime as _dt
import difflib
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable

import yaml

from .dates import parse_date
from .errors import MoneyError, Problem, ProfileError, RuleError, SaveError
from .money import ZERO, money, to_rate
from .rules import PRODUCTS, RULE_FIELDS, ProductRule, advice_data, load_rule, rule_with_overrides
from .conventions import DAYS_PER_YEAR, METHODS

__all__ = ["Profile", "Household", "IncomeItem", "CostItem", "Savings", "Debt", "Offer", "Hardship", "Contact",
           "Agreement", "Payment", "Settings", "CATEGORIES", "CATEGORY_GROUP", "HARDSHIP_REASONS", "CHANNELS",
           "load_profile", "parse_profile", "read_profile_dict", "save_profile",
           "dump_yaml"]

#: Cost categories; each maps to the official benchmark category (国家统计局 居民人均消费支出) it belongs to.
CATEGORY_GROUP = {
    "food": "food", "clothing": "clothing", "housing": "housing", "rent": "housing", "utilities": "housing",
    "household": "household", "transport": "transport", "communication": "transport",
    "education": "education", "childcare": "education", "leisure": "education", "health": "health",
    "insurance": "other", "personal": "other", "other": "other",
}
CATEGORIES = tuple(CATEGORY_GROUP)
HARDSHIP_REASONS = ("job_loss", "income_drop", "illness", "family", "business", "other")
CHANNELS = ("app", "phone", "chat", "letter", "email", "in_person", "other")
LANGS = ("zh", "en")
AREAS = ("urban", "rural", "all")


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
    """A monthly cost. ``category``: one of :data:`CATEGORIES`."""

    category: str
    amount: Decimal
    name: str = ""


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
    """One contact with a lender (a row of the contact log)."""

    date: _dt.date
    creditor: str
    channel: str
    person: str = ""
    offered: str = ""
    asked: str = ""
    outcome: str = ""
    next_step: str = ""


@dataclass(frozen=True)
class Agreement:
    """A plan agreed with a lender. Either ``monthly_payment`` or ``method`` + ``annual_rate``."""

    creditor: str
    start_date: _dt.date
    months: int
    principal: Decimal | None = None
    monthly_payment: Decimal | None = None
    method: str | None = None
    annual_rate: Decimal | None = None
    fees: Decimal = ZERO
    interest_frozen: bool = False


@dataclass(frozen=True)
class Payment:
    date: _dt.date
    creditor: str
    amount: Decimal
    note: str = ""


@dataclass(frozen=True)
class Settings:
    """Advice settings (rates as decimal fractions, amounts in money); defaults from data/rules/advice.yaml."""

    buffer_rate: Decimal
    stress_income_drop: Decimal
    creditor_floor: Decimal
    frozen_monthly_fee: Decimal


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
    hardship: Hardship = Hardship()
    borrower: dict = field(default_factory=dict)
    negotiations: tuple[Contact, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    payments: tuple[Payment, ...] = ()
    settings: Settings = field(default_factory=lambda: _advice_defaults())
    source: str = ""

    def debt(self, creditor: str) -> Debt:
        for d in self.debts:
            if d.creditor == creditor:
                return d
        raise KeyError(creditor)


# --------------------------------------------------------------------------------------------------
# Validation: a small reader that records problems instead of raising at the first one.

class _Reader:
    def __init__(self, source: str):
        self.source = source
        self.problems: list[Problem] = []

    def problem(self, path: str, message: str, value: Any = None) -> None:
        self.problems.append(Problem(path, message, value, self.source))

    def keys(self, data: dict, path: str, allowed: set[str]) -> None:
        for key in data:
            if key not in allowed:
                close = difflib.get_close_matches(str(key), sorted(allowed), n=1)
                hint = f"; did you mean '{close[0]}'?" if close else f"; known keys: {', '.join(sorted(allowed))}"
                self.problem(f"{path}{'.' if path else ''}{key}", f"is not a known key{hint}", data[key])

    def mapping(self, value: Any, path: str) -> dict:
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.problem(path, f"{value!r} should be a group of keys (key: value lines)", value)
            return {}
        return value

    def listing(self, value: Any, path: str) -> list:
        if value is None:
            return []
        if not isinstance(value, list):
            self.problem(path, f"should be a list (lines starting with '- '), got {type(value).__name__}", value)
            return []
        return value

    def amount(self, data: dict, key: str, path: str, *, default: Any = None, required: bool = False,
               minimum: Decimal = ZERO, positive: bool = False) -> Decimal | None:
        where = f"{path}.{key}" if path else key
        if key not in data or data[key] is None:
            if required:
                self.problem(where, "is missing; write an amount like 1500 or 1500.50")
            return default
        try:
            value = money(data[key], where)
        except MoneyError:
            self.problem(where, f"{data[key]!r} is not a number; write an amount like 1500 or 1500.50", data[key])
            return default
        if positive and value <= 0:
            self.problem(where, f"{data[key]!r} must be more than 0", data[key])
            return default
        if value < minimum:
            self.problem(where, f"{data[key]!r} is negative; amounts are 0 or more", data[key])
            return default
        return value

    def rate(self, data: dict, key: str, path: str, low: Decimal, high: Decimal, explain: str) -> Decimal | None:
        where = f"{path}.{key}" if path else key
        if key not in data or data[key] is None:
            return None
        try:
            value = to_rate(data[key], where)
        except MoneyError:
            self.problem(where, f"{data[key]!r} is not a number ({explain})", data[key])
            return None
        if not (low <= value <= high):
            self.problem(where, f"{data[key]!r} is not a {key.replace('_', ' ')} ({explain})", data[key])
            return None
        return value

    def integer(self, data: dict, key: str, path: str, low: int, high: int, default: int | None) -> int | None:
        where = f"{path}.{key}" if path else key
        value = data.get(key)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int) or not (low <= value <= high):
            self.problem(where, f"{value!r} should be a whole number from {low} to {high}", value)
            return default
        return value

    def date(self, data: dict, key: str, path: str, required: bool = False) -> _dt.date | None:
        where = f"{path}.{key}" if path else key
        value = data.get(key)
        if value is None:
            if required:
                self.problem(where, "is missing; write a date as YYYY-MM-DD, e.g. 2026-11-28")
            return None
        try:
            return parse_date(value, where)
        except ValueError:
            self.problem(where, f"{value!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-11-28", value)
            return None

    def text(self, data: dict, key: str, path: str, required: bool = False, default: str = "") -> str:
        where = f"{path}.{key}" if path else key
        value = data.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.problem(where, "is missing; write a name or a short text")
            return default
        if isinstance(value, (dict, list)):
            self.problem(where, f"{value!r} should be a short text", value)
            return default
        return str(value).strip()

    def choice(self, data: dict, key: str, path: str, choices: tuple, default: str) -> str:
        where = f"{path}.{key}" if path else key
        value = data.get(key)
        if value is None:
            return default
        if value not in choices:
            self.problem(where, f"{value!r} is not one of {', '.join(choices)}", value)
            return default
        return value

    def flag(self, data: dict, key: str, path: str, default: bool = False) -> bool:
        value = data.get(key, default)
        if not isinstance(value, bool):
            self.problem(f"{path}.{key}", f"{value!r} should be true or false", value)
            return default
        return value


DAILY_EXPLAIN = "expected 0 < rate <= 0.01; 0.0005 means 0.05% a day"
ANNUAL_EXPLAIN = "expected 0 <= rate <= 1; 0.12 means 12% a year"
DEBT_KEYS = {"creditor", "product", "principal", "daily_rate", "annual_rate", "term_months", "method",
             "contractual_payment", "overdue_since", "overdue_amount", "unpaid_interest", "unpaid_minimum",
             "start_date", "account", "offers"} | set(RULE_FIELDS)


def _advice_defaults() -> Settings:
    raw = advice_data()
    return Settings(buffer_rate=to_rate(raw["buffer_rate"]), stress_income_drop=to_rate(raw["stress_income_drop"]),
                    creditor_floor=money(raw["creditor_floor"]), frozen_monthly_fee=money(raw["frozen_monthly_fee"]))


def _read_debt(r: _Reader, raw: Any, path: str, as_of: _dt.date | None) -> Debt | None:
    data = r.mapping(raw, path)
    if not data:
        if raw is not None and isinstance(raw, dict):
            r.problem(path, "is empty; give at least creditor and principal")
        return None
    r.keys(data, path, DEBT_KEYS)
    creditor = r.text(data, "creditor", path, required=True)
    product = r.choice(data, "product", path, PRODUCTS, "generic")
    try:
        base_rule = load_rule(product)
    except RuleError as exc:
        r.problem(f"{path}.product", str(exc), product)
        return None
    principal = r.amount(data, "principal", path, required=True, positive=True)
    daily = r.rate(data, "daily_rate", path, ZERO, Decimal("0.01"), DAILY_EXPLAIN)
    annual = r.rate(data, "annual_rate", path, ZERO, Decimal("1"), ANNUAL_EXPLAIN)
    if data.get("daily_rate") is not None and data.get("annual_rate") is not None:
        r.problem(f"{path}.annual_rate", "give either daily_rate or annual_rate, not both", data["annual_rate"])
    if data.get("daily_rate") is None and data.get("annual_rate") is None:
        if base_rule.default_daily_rate is not None:
            daily = base_rule.default_daily_rate
        else:
            r.problem(f"{path}.daily_rate", "is missing; give the contract's daily_rate (0.0005 means 0.05% a "
                      "day) or annual_rate (0.12 means 12% a year)")
    if daily is None and annual is None:
        annual = ZERO
    term = r.integer(data, "term_months", path, 1, 600, 12)
    method = data.get("method", base_rule.default_method)
    if method not in METHODS:
        r.problem(f"{path}.method", f"{method!r} is not known; use annuity, equal-principal or interest-only", method)
        method = "annuity"
    contractual = r.amount(data, "contractual_payment", path)
    since = r.date(data, "overdue_since", path)
    if since and as_of and since > as_of:
        r.problem(f"{path}.overdue_since", f"{since} is after as_of ({as_of}); give the first missed due date",
                  str(since))
    unpaid_interest = r.amount(data, "unpaid_interest", path, default=ZERO) or ZERO
    overdue_amount = r.amount(data, "overdue_amount", path)
    if overdue_amount is None:
        overdue_amount = principal if (since and principal) else ZERO
    elif principal is not None and overdue_amount > principal:
        r.problem(f"{path}.overdue_amount", f"{data['overdue_amount']!r} is more than the principal "
                  f"({principal}); the overdue part cannot be more than what is owed", data["overdue_amount"])
    if overdue_amount and not since:
        r.problem(f"{path}.overdue_since", "is missing; an overdue amount needs the date of the first missed "
                  "payment (YYYY-MM-DD)")
    overrides = {k: data[k] for k in RULE_FIELDS if k in data}
    try:
        rule = rule_with_overrides(base_rule, overrides)
    except (ValueError, MoneyError) as exc:
        r.problem(path, str(exc))
        rule = base_rule
    if principal is None or not creditor:  # already reported; nothing to assess without them
        return None
    return Debt(creditor=creditor, product=product, principal=principal or ZERO, daily_rate=daily,
                annual_rate=annual if daily is None else None, term_months=term or 12,
                method=METHODS.get(method, "annuity"), contractual_payment=contractual, overdue_since=since,
                overdue_amount=overdue_amount or ZERO, unpaid_interest=unpaid_interest,
                unpaid_minimum=r.amount(data, "unpaid_minimum", path, default=ZERO) or ZERO,
                start_date=r.date(data, "start_date", path), account=r.text(data, "account", path),
                rule=rule, overrides=overrides, offers=_read_offers(r, data.get("offers"), f"{path}.offers"))


def _read_offers(r: _Reader, raw: Any, path: str) -> tuple[Offer, ...]:
    offers = []
    for i, item in enumerate(r.listing(raw, path)):
        where = f"{path}[{i}]"
        d = r.mapping(item, where)
        r.keys(d, where, {"name", "months", "monthly_fee_rate", "annual_rate", "monthly_payment", "upfront_fee"})
        fee = r.rate(d, "monthly_fee_rate", where, ZERO, Decimal("0.1"), "expected 0 to 0.1; 0.006 means 0.6% a month")
        annual = r.rate(d, "annual_rate", where, ZERO, Decimal("1"), ANNUAL_EXPLAIN)
        payment = r.amount(d, "monthly_payment", where, positive=True)
        given = [k for k in ("monthly_fee_rate", "annual_rate", "monthly_payment") if d.get(k) is not None]
        if len(given) != 1:
            r.problem(where, "give exactly one of monthly_fee_rate (0.006 = 0.6% a month), annual_rate or "
                      "monthly_payment", None)
        months = r.integer(d, "months", where, 1, 600, None)
        if months is None:
            r.problem(f"{where}.months", "is missing; give the number of monthly payments offered")
        offers.append(Offer(name=r.text(d, "name", where, default=f"offer {i + 1}"), months=months or 1,
                            monthly_fee_rate=fee, annual_rate=annual, monthly_payment=payment,
                            upfront_fee=r.amount(d, "upfront_fee", where, default=ZERO) or ZERO))
    return tuple(offers)


def _read_costs(r: _Reader, raw: Any, path: str) -> tuple[CostItem, ...]:
    items = []
    for i, item in enumerate(r.listing(raw, path)):
        where = f"{path}[{i}]"
        data = r.mapping(item, where)
        r.keys(data, where, {"category", "name", "amount"})
        category = data.get("category")
        if category not in CATEGORY_GROUP:
            close = difflib.get_close_matches(str(category), CATEGORIES, n=1)
            hint = f"did you mean '{close[0]}'? " if close else ""
            r.problem(f"{where}.category", f"{category!r} is not a known category; {hint}use one of "
                      f"{', '.join(CATEGORIES)}", category)
            category = "other"
        amount = r.amount(data, "amount", where, required=True)
        items.append(CostItem(category=category, amount=amount or ZERO, name=r.text(data, "name", where)))
    return tuple(items)


def parse_profile(data: Any, source: str = "") -> Profile:
    """Validate a profile given as a dict (as read from YAML); raise :class:`ProfileError` with every problem."""
    r = _Reader(source)
    if not isinstance(data, dict):
        raise ProfileError([Problem("(file)", "the file should hold key: value lines (a YAML mapping)", None,
                                    source)])
    r.keys(data, "", {"name", "lang", "currency", "as_of", "household", "income", "fixed_costs",
                      "flexible_costs", "savings", "debts", "hardship", "borrower", "negotiations",
                      "agreements", "payments", "settings"})
    name = r.text(data, "name", "", required=True)
    lang = r.choice(data, "lang", "", LANGS, "zh")
    currency = r.text(data, "currency", "", default="CNY")
    if not (len(currency) == 3 and currency.isalpha() and currency.isupper()):
        r.problem("currency", f"{currency!r} should be a three-letter code such as CNY", currency)
    as_of = r.date(data, "as_of", "") or _dt.date.today()

    hh = r.mapping(data.get("household"), "household")
    r.keys(hh, "household", {"adults", "children", "area", "city"})
    household = Household(adults=r.integer(hh, "adults", "household", 1, 20, 1) or 1,
                          children=r.integer(hh, "children", "household", 0, 20, 0) or 0,
                          area=r.choice(hh, "area", "household", AREAS, "urban"), city=r.text(hh, "city", "household"))

    income = []
    for i, item in enumerate(r.listing(data.get("income"), "income")):
        where = f"income[{i}]"
        d = r.mapping(item, where)
        r.keys(d, where, {"name", "amount", "recent", "irregular"})
        recent = []
        for j, v in enumerate(r.listing(d.get("recent"), f"{where}.recent")):
            try:
                value = money(v, f"{where}.recent[{j}]")
                if value < 0:
                    raise MoneyError("negative")
                recent.append(value)
            except MoneyError:
                r.problem(f"{where}.recent[{j}]", f"{v!r} should be an amount, 0 or more", v)
        amount = r.amount(d, "amount", where, required=not recent)
        if amount is None:
            amount = min(recent) if recent else ZERO
        income.append(IncomeItem(name=r.text(d, "name", where, default=f"income {i + 1}"), amount=amount,
                                 recent=tuple(recent), irregular=r.flag(d, "irregular", where, bool(recent))))

    sv = r.mapping(data.get("savings"), "savings")
    r.keys(sv, "savings", {"balance", "monthly_contribution"})
    savings = Savings(balance=r.amount(sv, "balance", "savings", default=ZERO) or ZERO,
                      monthly_contribution=r.amount(sv, "monthly_contribution", "savings", default=ZERO) or ZERO)

    debts = []
    seen: dict[str, int] = {}
    for i, raw in enumerate(r.listing(data.get("debts"), "debts")):
        debt = _read_debt(r, raw, f"debts[{i}]", as_of)
        if debt is None:
            continue
        if debt.creditor in seen:
            r.problem(f"debts[{i}].creditor", f"{debt.creditor!r} is also debts[{seen[debt.creditor]}]; give "
                      "each debt its own name, e.g. '招商银行信用卡' and '招商银行贷款'", debt.creditor)
        seen[debt.creditor] = i
        debts.append(debt)

    hd = r.mapping(data.get("hardship"), "hardship")
    r.keys(hd, "hardship", {"reason", "since", "text"})
    hardship = Hardship(reason=r.choice(hd, "reason", "hardship", HARDSHIP_REASONS, "other"),
                        since=r.date(hd, "since", "hardship"), text=r.text(hd, "text", "hardship"))
    borrower = r.mapping(data.get("borrower"), "borrower")
    r.keys(borrower, "borrower", {"name", "phone", "id_last4", "address"})
    borrower = {k: str(v) for k, v in borrower.items() if v is not None}

    known = set(seen)

    def creditor_of(d: dict, where: str) -> str:
        c = r.text(d, "creditor", where, required=True)
        if c and known and c not in known:
            r.problem(f"{where}.creditor", f"{c!r} is not one of the debts ({', '.join(sorted(known))})", c)
        return c

    contacts = []
    for i, item in enumerate(r.listing(data.get("negotiations"), "negotiations")):
        where = f"negotiations[{i}]"
        d = r.mapping(item, where)
        r.keys(d, where, {"date", "creditor", "channel", "person", "offered", "asked", "outcome", "next_step"})
        contacts.append(Contact(date=r.date(d, "date", where, required=True) or as_of,
                                creditor=creditor_of(d, where), channel=r.choice(d, "channel", where, CHANNELS, "other"),
                                person=r.text(d, "person", where), offered=r.text(d, "offered", where),
                                asked=r.text(d, "asked", where), outcome=r.text(d, "outcome", where),
                                next_step=r.text(d, "next_step", where)))

    agreements = []
    for i, item in enumerate(r.listing(data.get("agreements"), "agreements")):
        where = f"agreements[{i}]"
        d = r.mapping(item, where)
        r.keys(d, where, {"creditor", "start_date", "months", "principal", "monthly_payment", "method",
                          "annual_rate", "fees", "interest_frozen"})
        monthly = r.amount(d, "monthly_payment", where, positive=True)
        method = d.get("method")
        if method is not None and method not in METHODS:
            r.problem(f"{where}.method", f"{method!r} is not known; use annuity, equal-principal or interest-only",
                      method)
            method = None
        if monthly is None and method is None:
            r.problem(where, "give monthly_payment (the agreed amount each month) or method and annual_rate")
        agreements.append(Agreement(
            creditor=creditor_of(d, where), start_date=r.date(d, "start_date", where, required=True) or as_of,
            months=r.integer(d, "months", where, 1, 600, None) or 1, principal=r.amount(d, "principal", where),
            monthly_payment=monthly, method=METHODS.get(method) if method else None,
            annual_rate=r.rate(d, "annual_rate", where, ZERO, Decimal(1), ANNUAL_EXPLAIN),
            fees=r.amount(d, "fees", where, default=ZERO) or ZERO,
            interest_frozen=r.flag(d, "interest_frozen", where)))
        if d.get("months") is None:
            r.problem(f"{where}.months", "is missing; give the number of monthly payments agreed")

    payments = []
    for i, item in enumerate(r.listing(data.get("payments"), "payments")):
        where = f"payments[{i}]"
        d = r.mapping(item, where)
        r.keys(d, where, {"date", "creditor", "amount", "note"})
        payments.append(Payment(date=r.date(d, "date", where, required=True) or as_of,
                                creditor=creditor_of(d, where),
                                amount=r.amount(d, "amount", where, required=True, positive=True) or ZERO,
                                note=r.text(d, "note", where)))

    defaults = _advice_defaults()
    st = r.mapping(data.get("settings"), "settings")
    r.keys(st, "settings", {"buffer_rate", "stress_income_drop", "creditor_floor", "frozen_monthly_fee"})
    settings = Settings(
        buffer_rate=r.rate(st, "buffer_rate", "settings", ZERO, Decimal("0.9"),
                           "expected 0 to 0.9; 0.10 keeps 10% of the surplus back") or
        (ZERO if st.get("buffer_rate") in (0, "0") else defaults.buffer_rate),
        stress_income_drop=r.rate(st, "stress_income_drop", "settings", ZERO, Decimal("0.9"),
                                  "expected 0 to 0.9; 0.20 tests income 20% lower") or defaults.stress_income_drop,
        creditor_floor=r.amount(st, "creditor_floor", "settings", default=defaults.creditor_floor)
        or defaults.creditor_floor,
        frozen_monthly_fee=r.amount(st, "frozen_monthly_fee", "settings", default=defaults.frozen_monthly_fee)
        or defaults.frozen_monthly_fee)

    fixed_costs = _read_costs(r, data.get("fixed_costs"), "fixed_costs")
    flexible_costs = _read_costs(r, data.get("flexible_costs"), "flexible_costs")
    if r.problems:
        raise ProfileError(r.problems)
    return Profile(name=name, lang=lang, currency=currency, as_of=as_of, household=household,
                   income=tuple(income), fixed_costs=fixed_costs, flexible_costs=flexible_costs, savings=savings,
                   debts=tuple(debts), hardship=hardship, borrower=borrower, negotiations=tuple(contacts),
                   agreements=tuple(agreements), payments=tuple(payments), settings=settings, source=source)


class _Loader(yaml.SafeLoader):
    """YAML without implicit dates: ``2026-13-01`` reaches validation as text and gets a clear message."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def read_profile_dict(path: str | Path) -> dict:
    """The raw mapping of a profile file (for editing and saving back); raises ProfileError when unreadable."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ProfileError([Problem("(file)", f"no profile at {path}; check the path, or copy one from "
                                    "data/examples/ into data/private/ (make profile)", None, str(path))]) from None
    except IsADirectoryError:
        raise ProfileError([Problem("(file)", f"{path} is a folder; give the profile file inside it", None,
                                    str(path))]) from None
    # UTF-8 (with or without the BOM Windows Notepad adds), or GB18030/GBK as Chinese Windows saves it.
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes any byte string that is text at all
        raise ProfileError([Problem("(file)", "the file is not text; save it as UTF-8", None, str(path))])
    try:
        data = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "(file)"
        raise ProfileError([Problem(where, f"the file is not valid YAML ({getattr(exc, 'problem', exc)}); check "
                                    "the indentation and the ':' after each key", None, str(path))]) from None
    return data if data is not None else {}


def load_profile(path: str | Path) -> Profile:
    """Read and validate a profile file (see the README for its keys)."""
    return parse_profile(read_profile_dict(path), str(path))


def _represent_decimal(dumper: yaml.SafeDumper, value: Decimal):
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(value))


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(Decimal, _represent_decimal)


def dump_yaml(data: Any) -> str:
    """YAML text for a profile mapping: Chinese kept readable, key order kept, Decimals as strings."""
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, default_flow_style=False)


def save_profile(data: dict, path: str | Path, *, validate: Callable[[dict], Any] | None = parse_profile,
                 backup: bool = True) -> Path:
    """Write a profile mapping to ``path`` atomically.

    The mapping is validated first (nothing is written when it has problems); the previous file is kept
    as ``<path>.bak``; the new text goes to a temporary file in the same folder, is flushed to disk, and
    replaces the old file in one step, so a crash leaves either the old file or the new one, never half.
    """
    path = Path(path)
    if validate is not None:
        validate(data)
    text = dump_yaml(data)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        bak_tmp = None
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
                fh.flush()
                os.fsync(fh.fileno())
            if backup and path.exists():
                bak_tmp = f"{tmp}.bak"
                shutil.copy2(path, bak_tmp)
            os.replace(tmp, path)
            if bak_tmp:  # the old .bak is replaced only once the new file is in place
                os.replace(bak_tmp, path.with_name(path.name + ".bak"))
        except BaseException:
            for leftover in (tmp, bak_tmp):
                if leftover and os.path.exists(leftover):
                    os.unlink(leftover)
            raise
    except OSError as exc:
        raise SaveError(f"could not save {path}: {exc.strerror or exc}; the previous file is unchanged") from exc
    return path
