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
import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable

import yaml

from ..core.conventions import METHODS
from ..core.dates import parse_date
from ..core.errors import MoneyError, Problem, ProfileError, SaveError
from ..core.model import (AREAS, CATEGORIES, CATEGORY_GROUP, CHANNELS, HARDSHIP_REASONS, LANGS, PRODUCTS,
                          PROFILE_VERSION, RECORD_LISTS, RULE_FIELDS, Agreement, Contact, CostItem, Debt, Hardship,
                          Household, IncomeItem, Offer, Payment, Profile, Rules, Savings, Settings)
from ..core.money import ZERO, money, to_rate
from . import files as _files
from .rules import load_rules, rule_with_overrides

__all__ = ["load_profile", "parse_profile", "read_profile_dict", "save_profile", "dump_yaml", "record_id",
           "with_record_ids"]

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


def record_id(prefix: str, entry: Any, taken: set[str]) -> str:
    """A stable id for a record written without one: the same content always gets the same id, so a file
    read twice gives the same ids until it is saved with them.

    >>> record_id("c", {"date": "2026-11-20", "creditor": "借呗"}, set())
    'c-e5a2fe3a'
    """
    canonical = json.dumps(entry, sort_keys=True, ensure_ascii=False, default=str)
    base = f"{prefix}-{hashlib.sha1(canonical.encode('utf-8')).hexdigest()[:8]}"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def with_record_ids(data: dict) -> dict:
    """``data`` with an ``id`` on every record that lacks one and ``version`` set (what a save writes).
    Records that have an id keep it; the mapping is changed in place and returned."""
    for key, prefix in RECORD_LISTS.items():
        items = data.get(key)
        if not isinstance(items, list):
            continue
        taken = {str(x["id"]) for x in items if isinstance(x, dict) and x.get("id")}
        for item in items:
            if isinstance(item, dict) and not item.get("id"):
                content = {k: v for k, v in item.items() if k != "id"}
                new = record_id(prefix, content, taken)
                taken.add(new)
                item["id"] = new
    if data.get("version") != PROFILE_VERSION:
        data["version"] = PROFILE_VERSION
    return data


def _ids(r: _Reader, items: list, key: str) -> list[str]:
    """The id of each record of ``items`` (given, or derived from its content); a repeated id is a problem."""
    prefix = RECORD_LISTS[key]
    given = {}
    for i, item in enumerate(items):
        if isinstance(item, dict) and item.get("id") is not None:
            value = item["id"]
            if not isinstance(value, (str, int)) or isinstance(value, bool) or not str(value).strip():
                r.problem(f"{key}[{i}].id", f"{value!r} should be a short text", value)
            elif str(value) in given:
                r.problem(f"{key}[{i}].id", f"{value!r} is also {key}[{given[str(value)]}]; each record needs its "
                          "own id (or remove the id and one is made)", value)
            else:
                given[str(value)] = i
    taken, out = set(given), []
    for item in items:
        if isinstance(item, dict) and item.get("id") is not None and str(item["id"]) in given:
            out.append(str(item["id"]))
        else:
            content = {k: v for k, v in item.items() if k != "id"} if isinstance(item, dict) else item
            new = record_id(prefix, content, taken)
            taken.add(new)
            out.append(new)
    return out


def _read_debt(r: _Reader, raw: Any, path: str, as_of: _dt.date | None, rules: Rules) -> Debt | None:
    data = r.mapping(raw, path)
    if not data:
        if raw is not None and isinstance(raw, dict):
            r.problem(path, "is empty; give at least creditor and principal")
        return None
    r.keys(data, path, DEBT_KEYS)
    creditor = r.text(data, "creditor", path, required=True)
    product = r.choice(data, "product", path, PRODUCTS, "generic")
    base_rule = rules.products[product]
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


def parse_profile(data: Any, source: str = "", rules: Rules | None = None) -> Profile:
    """Validate a profile given as a dict (as read from YAML); raise :class:`ProfileError` with every problem.

    ``rules`` gives the product presets and the advice defaults (read from data/rules when not given)."""
    rules = rules or load_rules()
    r = _Reader(source)
    if not isinstance(data, dict):
        raise ProfileError([Problem("(file)", "the file should hold key: value lines (a YAML mapping)", None,
                                    source)])
    r.keys(data, "", {"name", "lang", "currency", "as_of", "household", "income", "fixed_costs",
                      "flexible_costs", "savings", "debts", "hardship", "borrower", "negotiations",
                      "agreements", "payments", "settings", "version", "collections", "court_events",
                      "letters"})
    version = r.integer(data, "version", "", 1, PROFILE_VERSION, 1)
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
        debt = _read_debt(r, raw, f"debts[{i}]", as_of, rules)
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
    raw_contacts = r.listing(data.get("negotiations"), "negotiations")
    contact_ids = _ids(r, raw_contacts, "negotiations")
    for i, item in enumerate(raw_contacts):
        where = f"negotiations[{i}]"
        d = r.mapping(item, where)
        r.keys(d, where, {"id", "date", "creditor", "channel", "person", "offered", "asked", "outcome", "next_step",
                          "next_date", "amends"})
        amends = r.text(d, "amends", where)
        if amends and amends not in contact_ids[:i]:
            r.problem(f"{where}.amends", f"{amends!r} is not the id of an earlier entry of the log", amends)
        contacts.append(Contact(date=r.date(d, "date", where, required=True) or as_of,
                                creditor=creditor_of(d, where), channel=r.choice(d, "channel", where, CHANNELS, "other"),
                                person=r.text(d, "person", where), offered=r.text(d, "offered", where),
                                asked=r.text(d, "asked", where), outcome=r.text(d, "outcome", where),
                                next_step=r.text(d, "next_step", where), next_date=r.date(d, "next_date", where),
                                amends=amends, id=contact_ids[i]))

    agreements = []
    raw_agreements = r.listing(data.get("agreements"), "agreements")
    agreement_ids = _ids(r, raw_agreements, "agreements")
    for i, item in enumerate(raw_agreements):
        where = f"agreements[{i}]"
        d = r.mapping(item, where)
        r.keys(d, where, {"id", "creditor", "start_date", "months", "principal", "monthly_payment", "method",
                          "annual_rate", "fees", "interest_frozen", "notes"})
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
            interest_frozen=r.flag(d, "interest_frozen", where), notes=r.text(d, "notes", where),
            id=agreement_ids[i]))
        if d.get("months") is None:
            r.problem(f"{where}.months", "is missing; give the number of monthly payments agreed")

    payments = []
    raw_payments = r.listing(data.get("payments"), "payments")
    payment_ids = _ids(r, raw_payments, "payments")
    for i, item in enumerate(raw_payments):
        where = f"payments[{i}]"
        d = r.mapping(item, where)
        r.keys(d, where, {"id", "date", "creditor", "amount", "note"})
        payments.append(Payment(date=r.date(d, "date", where, required=True) or as_of,
                                creditor=creditor_of(d, where),
                                amount=r.amount(d, "amount", where, required=True, positive=True) or ZERO,
                                note=r.text(d, "note", where), id=payment_ids[i]))

    defaults = rules.advice
    st = r.mapping(data.get("settings"), "settings")
    r.keys(st, "settings", {"buffer_rate", "stress_income_drop", "creditor_floor", "frozen_monthly_fee"})
    buffer = r.rate(st, "buffer_rate", "settings", ZERO, Decimal("0.9"),
                    "expected 0 to 0.9; 0.10 keeps 10% of the surplus back")
    drop = r.rate(st, "stress_income_drop", "settings", ZERO, Decimal("0.9"),
                  "expected 0 to 0.9; 0.20 tests income 20% lower")
    floor = r.amount(st, "creditor_floor", "settings")
    fee = r.amount(st, "frozen_monthly_fee", "settings")
    settings = Settings(  # a setting of 0 is a choice (no buffer, no stress test, no floor), not "use the default"
        buffer_rate=defaults.buffer_rate if buffer is None else buffer,
        stress_income_drop=defaults.stress_income_drop if drop is None else drop,
        creditor_floor=defaults.creditor_floor if floor is None else floor,
        frozen_monthly_fee=defaults.frozen_monthly_fee if fee is None else fee)

    fixed_costs = _read_costs(r, data.get("fixed_costs"), "fixed_costs")
    flexible_costs = _read_costs(r, data.get("flexible_costs"), "flexible_costs")
    if r.problems:
        raise ProfileError(r.problems)
    return Profile(name=name, lang=lang, currency=currency, as_of=as_of, household=household,
                   income=tuple(income), fixed_costs=fixed_costs, flexible_costs=flexible_costs, savings=savings,
                   debts=tuple(debts), hardship=hardship, borrower=borrower, negotiations=tuple(contacts),
                   agreements=tuple(agreements), payments=tuple(payments), settings=settings, version=version or 1,
                   source=source)


def read_profile_dict(path: str | Path) -> dict:
    """The raw mapping of a profile file (for editing and saving back); raises ProfileError when unreadable.
    Bounded and safe: see :mod:`debtplan.inputs.files`."""
    return _files.read_mapping(path)


def load_profile(path: str | Path) -> Profile:
    """Read and validate a profile file (see the README for its keys)."""
    return parse_profile(read_profile_dict(path), str(path))


def dump_yaml(data: Any) -> str:
    """YAML text for a profile mapping: Chinese kept readable, key order kept, amounts as numbers."""
    return _files.dump_yaml(data)


def save_profile(data: dict, path: str | Path, *, validate: Callable[[dict], Any] | None = parse_profile,
                 backup: bool = True) -> Path:
    """Write a profile mapping to ``path``: validated first, under a lock, only the changes applied to the
    file as written (comments and layout kept), atomically, the previous version kept as ``<path>.bak``.
    See :func:`debtplan.inputs.files.save_mapping`."""
    return _files.save_mapping(data, path, validate=validate, backup=backup)
