"""Validation: a profile mapping (as read from YAML or edited in a form) into a :class:`~debtplan.core.model.Profile`.

Every key is checked for type, range and meaning in one pass, and **every** problem is collected as a
:class:`~debtplan.core.errors.Problem` record: where (``debts[1].daily_rate``), what (a sentence key of the
``problem_*`` family with its blanks), the value, and the names of the records on the way (so the place can
be said as "第2笔欠款（花呗）的日利率" or "debt 2 (Huabei), daily rate" by :mod:`debtplan.text.problems`).

Values are read as people write them (:mod:`debtplan.core.terms`, ``data/words.yaml``): ``1.5万``, ``日息万四``,
``年化18%``, ``2026年10月10日``, ``等额本息``, ``学费``. Anything accepted here the calculations can handle:
amounts are at most 1e12, periods at most 600 months, dates between 1970 and 2100, rule overrides within the
ranges of :data:`RULE_LIMITS`.

>>> p = parse_profile({"name": "demo", "as_of": "2026年11月28日", "income": [{"name": "pay", "amount": "5800元"}],
...                    "debts": [{"creditor": "借呗", "product": "蚂蚁借呗", "principal": "2万", "daily_rate": "万四"}]})
>>> p.debts[0].daily_rate, p.debts[0].principal, p.debts[0].rule.penalty_multiplier, p.lang
(Decimal('0.0004'), Decimal('20000'), Decimal('1.5'), 'zh')
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import replace
from decimal import Decimal
from typing import Any

from ..core.dates import add_days, day_of
from ..core.errors import Problem, ProfileError
from ..core.model import (LANGS, PROFILE_VERSION, RECORD_LISTS, RULE_FIELDS,
                          Agreement, Contact, CostItem, Debt, IncomeItem, Offer, Payment, Profile, Rules, Settings)
from ..core.money import ZERO
from ..core.schema import NAME_LIMIT, field, fields_of, happened_dates, keys_of
from .calls import read_call_imports
from .events import read_events
from .reader import EXAMPLES, Reader, parse_moment, read_fields, read_value, record_id, records
from .rules import load_rules, rule_with_overrides
from .words import Words, load_words

__all__ = ["parse_profile", "record_id", "with_record_ids", "RULE_LIMITS", "profile_lang"]


#: The range each rule a debt may override must stay in, from the schema: (kind, low, high, example sentence key).
RULE_LIMITS: dict[str, tuple] = {
    f.name: (f.period, f.low, f.high, EXAMPLES[f.period]) if f.kind == "rate" else (f.kind, f.low, f.high, "")
    for f in fields_of("debts") if f.name in RULE_FIELDS and f.kind in ("rate", "amount", "int")}

#: The range of a debt's daily and annual rate, (period, low, high, example sentence key), for the command line.
DAILY, ANNUAL = ((f.period, f.low, f.high, EXAMPLES[f.period]) for f in (field("debts", "daily_rate"),
                                                                        field("debts", "annual_rate")))
DEBT_KEYS = keys_of("debts")
TOP_KEYS = keys_of("")


def profile_lang(data: Any) -> str:
    """The language a profile asks for, as far as it can be read (English when it cannot)."""
    if isinstance(data, dict):
        code = load_words().lookup("lang", data.get("lang"))
        if code in LANGS:
            return code
        if data.get("lang") is None:
            return "zh"
    return "en"


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
                new = record_id(prefix, {k: v for k, v in item.items() if k != "id"}, taken)
                taken.add(new)
                item["id"] = new
    if data.get("version") != PROFILE_VERSION:
        data["version"] = PROFILE_VERSION
    return data


#: The kinds of letter that ask the lender to reply by a date (a court paper is answered by the court's rules).
ASKS_REPLY = ("proposal", "confirmation", "complaint", "follow_up")


def _not_after_today(r: Reader, data: dict, today: _dt.date | None = None) -> None:
    """A record that says something happened (:func:`~debtplan.core.schema.happened_dates`: a date not marked ``future``) dated after
    ``today`` (the machine's date) is a problem at its place; a date that cannot be read is reported already."""
    today = today or _dt.date.today()
    for key, name in happened_dates():
        items = data.get(key)
        for i, item in enumerate(items if isinstance(items, list) else ()):
            value = item.get(name) if isinstance(item, dict) else None
            try:
                day = day_of(parse_moment(value)) if value not in (None, "") else None
            except (ValueError, TypeError):
                continue
            if day is not None and day > today:
                r.problem(f"{key}[{i}].{name}", "problem_happened_in_future", value, today=today)


def _rule_overrides(r: Reader, data: dict, path: str) -> dict[str, Any]:
    """The rule fields this debt overrides, each read from its schema entry (so within :data:`RULE_LIMITS`)."""
    out: dict[str, Any] = {}
    for name, kind in RULE_FIELDS.items():
        if name not in data:
            continue
        where = r.at(path, name)
        if kind == "fee_table":
            fees = {}
            for months, fee in r.mapping(data[name], where).items():
                entry = f"{where}[{months}]"
                if isinstance(months, bool) or not isinstance(months, int) or not 1 <= months <= 60:
                    r.problem(entry, "problem_fee_table_months", months)
                    continue
                rate = r.rate({"fee": fee}, "fee", entry, "share", Decimal(0), Decimal(1), "example_fee_total")
                if rate is not None:
                    fees[months] = rate
            out[name] = fees
        elif name == "penalty_daily_rate" and data[name] is None:
            out[name] = None  # written empty: this debt has no separate penalty rate
        else:
            got = read_value(r, data, field("debts", name), path)
            if got is not None:
                out[name] = got
    return out


def _read_debt(r: Reader, raw: Any, path: str, as_of: _dt.date, rules: Rules) -> Debt | None:
    """A debt: each field read from its schema entry; here the rules across fields (one rate or a preset, dates
    in order, the overdue part within the principal) and the product's preset the rule overrides start from."""
    data = r.mapping(raw, path)
    if not data:
        if isinstance(raw, dict):
            r.problem(path, "problem_empty_debt")
        return None
    r.keys(data, path, DEBT_KEYS)
    v = read_fields(r, data, path, "debts")
    base_rule = rules.products[v["product"]]
    daily, annual = (read_value(r, data, field("debts", k), path) for k in ("daily_rate", "annual_rate"))
    given_daily = data.get("daily_rate") not in (None, "")
    given_annual = data.get("annual_rate") not in (None, "")
    if given_daily and given_annual:
        r.problem(r.at(path, "annual_rate"), "problem_both_rates", data["annual_rate"])
    if not given_daily and not given_annual:
        if base_rule.default_daily_rate is not None:
            daily = base_rule.default_daily_rate
        else:
            r.problem(r.at(path, "daily_rate"), "problem_missing_rate")
    if daily is None and annual is None:
        annual = ZERO
    method = read_value(r, data, field("debts", "method"), path) or base_rule.default_method
    start, since, principal = v["start_date"], v["overdue_since"], v["principal"]
    if start and start > as_of:
        r.problem(r.at(path, "start_date"), "problem_start_after_as_of", data.get("start_date"), as_of=as_of)
        start = None
    if since and since > as_of:
        r.problem(r.at(path, "overdue_since"), "problem_overdue_after_as_of", data.get("overdue_since"), as_of=as_of)
        since = None
    elif since and start and since < start:
        r.problem(r.at(path, "overdue_since"), "problem_overdue_before_start", data.get("overdue_since"), start=start)
        since = None
    overdue_amount = v["overdue_amount"]
    if overdue_amount is None:
        overdue_amount = principal if (since and principal) else ZERO
    elif principal is not None and overdue_amount > principal:
        r.problem(r.at(path, "overdue_amount"), "problem_overdue_more_than_principal", data["overdue_amount"],
                  principal=principal)
    if overdue_amount and not since and data.get("overdue_since") in (None, ""):
        r.problem(r.at(path, "overdue_since"), "problem_overdue_needs_date")
    overrides = _rule_overrides(r, data, path)
    offers = _read_offers(r, data.get("offers"), r.at(path, "offers"))
    if principal is None or not v["creditor"]:  # already reported; nothing to assess without them
        return None
    return Debt(**{**v, "start_date": start, "overdue_since": since, "overdue_amount": overdue_amount or ZERO},
                daily_rate=daily, annual_rate=annual if daily is None else None, method=method,
                rule=rule_with_overrides(base_rule, overrides), overrides=overrides, offers=offers)


def _read_offers(r: Reader, raw: Any, path: str) -> tuple[Offer, ...]:
    offers = []
    for i, item in enumerate(r.listing(raw, path)):
        where = f"{path}[{i}]"
        d = r.mapping(item, where)
        v = read_fields(r, d, where, "offers", check_keys=True)
        if len([k for k in ("monthly_fee_rate", "annual_rate", "monthly_payment") if d.get(k) not in (None, "")]) != 1:
            r.problem(where, "problem_offer_one_of")
        months = read_value(r, d, field("offers", "months"), where)
        if months is None and d.get("months") is None:
            r.problem(r.at(where, "months"), "problem_missing_months")
        offers.append(Offer(**v, name=r.text(d, "name", where) or f"{i + 1}", months=months or 1,
                            id=str(d.get("id") or "")))
    return tuple(offers)


def _read_costs(r: Reader, raw: Any, section: str) -> tuple[CostItem, ...]:
    """A list of costs; a category that names none of the known ones is kept as written (not an error), with the
    closest known one suggested."""
    items = []
    for i, item in enumerate(r.listing(raw, section)):
        where = f"{section}[{i}]"
        data = r.mapping(item, where)
        r.keys(data, where, keys_of(section))
        written = data.get("category")
        category = r.words.lookup("category", written) if written not in (None, "") else "other"
        given = ""
        if category is None and isinstance(written, (bool, dict, list, set)):
            r.problem(r.at(where, "category"), "problem_not_text", written)
            category = "other"
        elif category is None:
            given, category = str(written).strip()[:NAME_LIMIT], "other"
        amount = read_fields(r, data, where, section)["amount"]
        suggested = (r.words.closest("category", given) or "") if given else ""
        items.append(CostItem(category=category, amount=amount or ZERO, name=r.text(data, "name", where) or given,
                              given_category=given, suggested_category=suggested if suggested != "other" else ""))
    return tuple(items)


def _labels(data: Any) -> dict[str, str]:
    """The names of the records as the person wrote them, by path (``{"debts[1]": "花呗"}``)."""
    labels: dict[str, str] = {}
    if not isinstance(data, dict):
        return labels
    for section, key in (("income", "name"), ("fixed_costs", "name"), ("flexible_costs", "name"),
                         ("debts", "creditor"), ("negotiations", "creditor"), ("agreements", "creditor"),
                         ("payments", "creditor")):
        items = data.get(section)
        if not isinstance(items, list):
            continue
        for i, item in enumerate(items):
            if isinstance(item, dict):
                name = item.get(key) or (item.get("category") if section.endswith("costs") else None)
                if isinstance(name, (str, int)) and not isinstance(name, bool) and str(name).strip():
                    labels[f"{section}[{i}]"] = str(name).strip()[:40]
                if section == "debts" and isinstance(item.get("offers"), list):
                    for j, offer in enumerate(item["offers"]):
                        if isinstance(offer, dict) and isinstance(offer.get("name"), str) and offer["name"].strip():
                            labels[f"{section}[{i}].offers[{j}]"] = offer["name"].strip()[:40]
    return labels


def parse_profile(data: Any, source: str = "", rules: Rules | None = None, words: Words | None = None) -> Profile:
    """Validate a profile given as a mapping (as read from YAML); raise :class:`ProfileError` with every problem.

    ``rules`` gives the product presets and the advice defaults, ``words`` the accepted synonyms (both read from
    ``data/`` when not given)."""
    rules = rules or load_rules()
    r = Reader(source, words or load_words())
    lang_of_file = profile_lang(data)
    if not isinstance(data, dict):
        raise ProfileError([Problem("", "", None, source, "problem_not_a_mapping")], lang_of_file)
    r.keys(data, "", TOP_KEYS)
    top = read_fields(r, data, "", "")  # name, lang, as_of, version and the groups household, savings, hardship
    currency = r.text(data, "currency", "", default="CNY")
    if "currency" in data and isinstance(data["currency"], str) and not data["currency"].strip():
        currency = ""  # written but empty: say so rather than guess CNY
    if not (len(currency) == 3 and currency.isascii() and currency.isalpha() and currency.isupper()):
        r.problem("currency", "problem_currency", data.get("currency"))
    as_of = top["as_of"] = top["as_of"] or _dt.date.today()

    income = []
    for i, item in enumerate(r.listing(data.get("income"), "income")):
        where = f"income[{i}]"
        d = r.mapping(item, where)
        r.keys(d, where, keys_of("income"))
        recent = read_value(r, d, field("income", "recent"), where)
        # Across the fields: with the last months written (and not too many) the amount may be left out, and is
        # then the lowest of them; such an income is irregular unless she says otherwise.
        months = d.get("recent") if isinstance(d.get("recent"), list) else []
        written = 0 < len(months) <= field("income", "recent").high
        amount = read_value(r, d, replace(field("income", "amount"), required=not written), where)
        if amount is None:
            amount = min(recent) if recent else ZERO
        income.append(IncomeItem(name=read_value(r, d, replace(field("income", "name"), default=f"{i + 1}"), where),
                                 amount=amount, recent=recent,
                                 irregular=read_value(r, d, replace(field("income", "irregular"), default=bool(recent)),
                                                      where)))


    debts = []
    seen: dict[str, int] = {}
    raw_debts = r.listing(data.get("debts"), "debts")
    if len(raw_debts) > 50:
        r.problem("debts", "problem_too_many", None, limit=50)
        raw_debts = []
    for i, raw in enumerate(raw_debts):
        debt = _read_debt(r, raw, f"debts[{i}]", as_of, rules)
        if debt is None:
            continue
        if debt.creditor in seen:
            r.problem(f"debts[{i}].creditor", "problem_duplicate_creditor", debt.creditor, other=seen[debt.creditor] + 1)
        seen[debt.creditor] = i
        debts.append(debt)

    borrower = {k: v for k, v in read_fields(r, r.mapping(data.get("borrower"), "borrower"), "borrower", "borrower",
                                             check_keys=True).items() if v}

    known = set(seen)

    contacts = []
    raw_contacts = records(r, data, "negotiations", keys_of("negotiations"))
    contact_ids = [rid for _, _, rid in raw_contacts]
    for i, (where, d, rid) in enumerate(raw_contacts):
        amends = r.text(d, "amends", where)
        if amends and amends not in contact_ids[:i]:  # a correction names an earlier record
            r.problem(f"{where}.amends", "problem_amends_unknown", amends)
        v = read_fields(r, d, where, "negotiations")
        contacts.append(Contact(**{**v, "date": v["date"] or as_of}, creditor=r.creditor(d, where, known),
                                amends=amends, id=rid))

    agreements = []
    for where, d, rid in records(r, data, "agreements", keys_of("agreements")):
        v = read_fields(r, d, where, "agreements")
        if v["monthly_payment"] is None and v["method"] is None:
            r.problem(where, "problem_agreement_needs_payment")
        months = read_value(r, d, field("agreements", "months"), where)
        if d.get("months") is None:
            r.problem(f"{where}.months", "problem_missing_months")
        agreements.append(Agreement(**{**v, "start_date": v["start_date"] or as_of}, months=months or 1,
                                    creditor=r.creditor(d, where, known), id=rid))

    payments = []
    for where, d, rid in records(r, data, "payments", keys_of("payments")):
        v = read_fields(r, d, where, "payments")
        payments.append(Payment(**{**v, "date": v["date"] or as_of, "amount": v["amount"] or ZERO},
                                creditor=r.creditor(d, where, known), id=rid))

    # a setting of 0 is a choice (no buffer, no stress test, no floor), not "use the default"
    given = read_fields(r, r.mapping(data.get("settings"), "settings"), "settings", "settings", check_keys=True)
    settings = Settings(**{k: getattr(rules.advice, k) if x is None else x for k, x in given.items()})

    fixed_costs = _read_costs(r, data.get("fixed_costs"), "fixed_costs")
    flexible_costs = _read_costs(r, data.get("flexible_costs"), "flexible_costs")
    collections, court_events, letters = read_events(data, r, known, as_of)
    call_imports = read_call_imports(data, r, known)
    # A letter that asks for a reply and has no reply-by date written asks for it within the usual days (a
    # complaint: the institutions' own handling period, legal.yaml complaint_reply): the record, the calendar and
    # the letter's dated copy then show the same date.
    handling = rules.complaint_reply.days if rules.complaint_reply is not None else rules.advice.reply_days
    letters = tuple(replace(x, reply_by=add_days(x.date, handling if x.kind == "complaint" else rules.advice.reply_days))
                    if x.reply_by is None and x.kind in ASKS_REPLY else x for x in letters)
    for i, o in enumerate(top["credit_objections"]):  # an answer cannot come before the objection was sent
        if o.sent and o.answered and o.answered < o.sent:
            r.problem(f"credit_objections[{i}].answered", "problem_reply_before_sent", str(o.answered), sent=o.sent)
    _not_after_today(r, data)
    if r.problems:
        labels = _labels(data)
        raise ProfileError([Problem(p.path, p.message, p.value, p.source, p.code, p.params, labels)
                            for p in r.problems], top["lang"] if lang_of_file == top["lang"] else lang_of_file)
    return Profile(**top, currency=currency, income=tuple(income), fixed_costs=fixed_costs,
                   flexible_costs=flexible_costs, debts=tuple(debts), borrower=borrower, negotiations=tuple(contacts),
                   agreements=tuple(agreements), payments=tuple(payments), settings=settings, source=source,
                   collections=collections, court_events=court_events, letters=letters, call_imports=call_imports)
