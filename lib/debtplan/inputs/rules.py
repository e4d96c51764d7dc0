"""Product rules and legal limits, read from ``data/rules/*.yaml``.

Every value there carries its source and the date it was seen; reports show them as assumptions. A debt
in a profile may override any field by giving the same key (``penalty_multiplier: 2``).

>>> rule = load_rule("jiebei")
>>> rule.penalty_multiplier, rule.grace_days, rule.sources["penalty_multiplier"].date
(Decimal('1.5'), 0, '2024-09-06')
>>> legal_limits().court_cap
Decimal('0.24')
"""
from __future__ import annotations

import datetime as _dt
import functools
import hashlib
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

from ..core.errors import InputError, RuleError
from ..core.model import (PENALTY_BASES, PRODUCTS, RULE_FIELDS, AdviceDefaults, CourtPeriod, CreditRules, HolidayCalendar,
                          LegalLimits, LegalRule, ProductRule, Rules, Source)
from ..core.money import money, to_rate
from ..core.paths import BENCHMARKS_DIR, RULES_DIR
from .yamlsafe import load_data_yaml

__all__ = ["load_rules", "load_rule", "legal_limits", "rule_with_overrides", "advice_defaults", "benchmark_data",
           "PRODUCTS", "RULE_FIELDS", "RULE_KINDS", "collection_rules", "complaint_reply_rule", "legal_rule",
           "court_rules", "holiday_calendar", "help_data", "evidence_rules"]

def _read_value(kind: str, value: Any, what: str) -> Any:
    if kind == "rate":
        return to_rate(value, what)
    if kind == "rate_or_none":
        return None if value is None else to_rate(value, what)
    if kind == "bool":
        if not isinstance(value, bool):
            raise InputError(f"{what}: {value!r} must be true or false")
        return value
    if kind == "int":
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise InputError(f"{what}: {value!r} must be a whole number, 0 or more")
        return value
    if kind == "months":
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 600:
            raise InputError(f"{what}: {value!r} must be a whole number of months from 1 to 600")
        return value
    if kind == "fee_table":
        if not isinstance(value, dict):
            raise InputError(f"{what}: {value!r} must map months to the total fee rate, e.g. {{12: 0.088}}")
        try:
            return {int(k): to_rate(v, f"{what}.{k}") for k, v in value.items()}
        except (TypeError, ValueError) as exc:
            raise InputError(f"{what}: {value!r} must map months to the total fee rate, e.g. {{12: 0.088}}") from exc
    if kind == "choice":
        if value not in PENALTY_BASES:
            raise InputError(f"{what}: {value!r} must be one of {', '.join(PENALTY_BASES)}")
        return value
    raise RuleError(f"unknown rule kind {kind!r}")


@functools.lru_cache(maxsize=None)
def _load_yaml(path: Path) -> dict:
    try:
        with open(path, encoding="utf-8") as fh:
            return load_data_yaml(fh) or {}
    except FileNotFoundError:
        raise RuleError(f"rule file {path} is missing; reinstall the project's data/ folder") from None
    except yaml.YAMLError as exc:
        raise RuleError(f"rule file {path} is not valid YAML: {exc}") from None


def load_rule(product: str, rules_dir: Path | None = None) -> ProductRule:
    """The preset for ``product`` (one of :data:`PRODUCTS`)."""
    if product not in PRODUCTS:
        raise RuleError(f"product: {product!r} is not known; use one of {', '.join(PRODUCTS)}")
    raw = _load_yaml((rules_dir or RULES_DIR) / f"{product}.yaml")
    fields = raw.get("fields", {})
    try:
        values = {k: v["value"] for k, v in fields.items()}
        sources = {k: Source(str(v.get("source", "")), str(v.get("date", "")), v.get("note") or {},
                             source_en=str(v.get("source_en", ""))) for k, v in fields.items()}
        kw = {name: _read_value(kind, values[name], f"{product}.{name}")
              for name, kind in RULE_FIELDS.items() if values.get(name) is not None or kind == "rate_or_none"
              and name in values}
        daily = values.get("daily_rate")
        return ProductRule(
            id=raw["id"], name=raw["name"], interest_basis=raw.get("interest_basis", "annual"),
            default_daily_rate=None if daily is None else to_rate(daily, f"{product}.daily_rate"),
            default_method=values.get("method", "annuity"),
            sources=sources, **kw)
    except (KeyError, ValueError, TypeError) as exc:
        raise RuleError(f"rule file for {product} is malformed: {exc}") from None


def rule_with_overrides(rule: ProductRule, overrides: dict[str, Any]) -> ProductRule:
    """``rule`` with the profile's overrides applied; the sources of changed fields say so."""
    if not overrides:
        return rule
    changes = {name: _read_value(RULE_FIELDS[name], value, name) for name, value in overrides.items()}
    sources = dict(rule.sources)
    for name in changes:
        old = sources.get(name, Source("", ""))
        sources[name] = Source("your profile", "", old.note, overridden=True)
    return replace(rule, sources=sources, **changes)


@functools.lru_cache(maxsize=None)
def legal_limits(rules_dir: Path | None = None) -> LegalLimits:
    raw = _load_yaml((rules_dir or RULES_DIR) / "legal.yaml")
    v = {k: item["value"] for k, item in raw.items()}
    return LegalLimits(
        court_cap=to_rate(v["court_cap"]), lpr_1y=to_rate(v["lpr_1y"]), lpr_5y=to_rate(v["lpr_5y"]),
        private_lending_cap=to_rate(v["lpr_1y"]) * to_rate(v["private_lending_lpr_multiple"]),
        card_max_installment_months=int(v["card_max_installment_months"]),
        credit_record_years=int(v["credit_record_years"]), apr_warning=to_rate(v["apr_warning"]),
        sources={k: Source(str(item.get("source", "")), str(item.get("date", "")),
                           {"en": str(item.get("note", ""))} if item.get("note") else {},
                           source_en=str(item.get("source_en", ""))) for k, item in raw.items()})


def advice_defaults(rules_dir: Path | None = None) -> AdviceDefaults:
    """The advice defaults of data/rules/advice.yaml, read into numbers (sources stay in the file)."""
    raw = {k: v["value"] for k, v in _load_yaml((rules_dir or RULES_DIR) / "advice.yaml").items()}
    try:
        return AdviceDefaults(
            buffer_rate=to_rate(raw["buffer_rate"]), stress_income_drop=to_rate(raw["stress_income_drop"]),
            creditor_floor=money(raw["creditor_floor"]), frozen_monthly_fee=money(raw["frozen_monthly_fee"]),
            installment_terms=tuple(int(x) for x in raw["installment_terms"]),
            settlement_discount=to_rate(raw["settlement_discount"]), deferral_months=int(raw["deferral_months"]),
            benchmark_flag_ratio=to_rate(raw["benchmark_flag_ratio"]), reply_days=int(raw["reply_days"]),
            reserve_months=to_rate(raw["reserve_months"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise RuleError(f"rule file advice.yaml is malformed: {exc}") from None


def benchmark_data(benchmarks_dir: Path | None = None) -> dict:
    """The official spending benchmarks of data/benchmarks/nbs-consumption.yaml."""
    return _load_yaml((benchmarks_dir or BENCHMARKS_DIR) / "nbs-consumption.yaml")


@functools.lru_cache(maxsize=None)
def load_rules(rules_dir: Path | None = None, benchmarks_dir: Path | None = None) -> Rules:
    """Every rule the calculations need, read once: presets, legal limits, advice defaults, benchmarks.

    >>> rules = load_rules()
    >>> rules.products["jiebei"].penalty_multiplier, rules.legal.court_cap, rules.advice.creditor_floor
    (Decimal('1.5'), Decimal('0.24'), Decimal('50'))
    """
    rules_dir = rules_dir or RULES_DIR
    benchmarks_dir = benchmarks_dir or BENCHMARKS_DIR
    files = sorted(rules_dir.glob("*.yaml")) + sorted(benchmarks_dir.glob("*.yaml"))
    digest = hashlib.sha256(b"".join(f.name.encode() + f.read_bytes() for f in files)).hexdigest()[:12]
    rules, night = collection_rules(rules_dir)
    periods, law = court_rules(rules_dir)
    return Rules(products={p: load_rule(p, rules_dir) for p in PRODUCTS}, legal=legal_limits(rules_dir),
                 advice=advice_defaults(rules_dir), benchmarks=benchmark_data(benchmarks_dir), version=digest,
                 collection_rules=rules, night=night, court_periods=periods, court_law=law,
                 holidays=holiday_calendar(rules_dir), help=help_data(rules_dir),
                 lenders=_load_yaml(rules_dir / "lenders.yaml"),
                 complaint_reply=complaint_reply_rule(rules_dir), evidence=evidence_rules(rules_dir),
                 credit=credit_rules(rules_dir))


def evidence_rules(rules_dir: Path | None = None) -> dict:
    """data/rules/helpers.yaml: the paid-helper checklist's sources ``agent_signs``, the case-number rule
    ``case_number``, the words a threatening message often holds ``threat_words``. (The daily limit of unanswered
    calls is a collection rule of legal.yaml: :func:`debtplan.calc.collection.unanswered_call_limit`.)"""
    path = (rules_dir or RULES_DIR) / "helpers.yaml"
    return dict(_load_yaml(path)) if path.exists() else {}


# ---- When things go wrong: collection rules, court periods, the holiday calendar, where to get help.

def _both(item: dict, key: str) -> dict:
    """``{"zh": item[key], "en": item[key + "_en"] or item[key]}``, as text."""
    zh = "" if item.get(key) is None else str(item.get(key))
    en = item.get(f"{key}_en")
    return {"zh": zh, "en": zh if en is None else str(en)}


def _time(text: Any, what: str) -> _dt.time:
    try:
        hour, minute = str(text).split(":")
        return _dt.time(int(hour), int(minute))
    except (ValueError, TypeError):
        raise RuleError(f"legal.yaml {what}: {text!r} is not a time like 22:00") from None


RULE_KINDS = ("law", "regulation", "convention")


def legal_rule(r: dict, what: str) -> LegalRule:
    """One cited rule of legal.yaml (a collection rule, or the complaint-handling period). ``verified: false`` and
    ``unconfirmed: true`` say the same: only secondary sources were found."""
    kind = str(r.get("kind") or "law")
    if kind not in RULE_KINDS:
        raise RuleError(f"legal.yaml {what}: kind {kind!r} is not one of {', '.join(RULE_KINDS)}")
    limit = r.get("unanswered_calls_per_day")
    return LegalRule(
        id=str(r.get("id") or what), issuer=_both(r, "issuer"), title=_both(r, "title"), article=_both(r, "article"),
        revision=str(r.get("revision", "")), url=_both(r, "url"), seen=str(r.get("seen", "")),
        flags=tuple(r.get("flags") or ()), text=_both(r, "text"),
        unconfirmed=bool(r.get("unconfirmed", False)) or r.get("verified") is False,
        applies_to=str(r.get("applies_to") or ""), note=_both(r, "note") if r.get("note") else {},
        kind=kind, quote=_both(r, "quote") if r.get("quote") else {},
        in_force=_both(r, "in_force") if r.get("in_force") else {},
        order=_both(r, "order") if r.get("order") else {},
        unanswered_calls_per_day=None if limit is None else int(limit),
        days=int(r["value"]) if what == "complaint_reply" else None)


def complaint_reply_rule(rules_dir: Path | None = None) -> LegalRule | None:
    """The period an institution has to decide on a consumer's complaint (legal.yaml ``complaint_reply``)."""
    raw = (_load_yaml((rules_dir or RULES_DIR) / "legal.yaml")).get("complaint_reply")
    if not raw:
        return None
    try:
        return legal_rule(raw, "complaint_reply")
    except (KeyError, TypeError, ValueError) as exc:
        raise RuleError(f"rule file legal.yaml is malformed in complaint_reply: {exc}") from None


def collection_rules(rules_dir: Path | None = None) -> tuple[tuple[LegalRule, ...], tuple[_dt.time, _dt.time] | tuple]:
    """The rules collection contacts are flagged against, and the night hours (from, until)."""
    raw = _load_yaml((rules_dir or RULES_DIR) / "legal.yaml")
    try:
        rules = tuple(legal_rule(r, f"collection_rules[{i}]")
                      for i, r in enumerate((raw.get("collection_rules") or {}).get("value") or ()))
        night = raw.get("night", {}).get("value")
        hours = (_time(night["from"], "night.from"), _time(night["until"], "night.until")) if night else ()
    except (KeyError, TypeError, AttributeError) as exc:
        raise RuleError(f"rule file legal.yaml is malformed in collection_rules or night: {exc}") from None
    return rules, hours


def court_rules(rules_dir: Path | None = None) -> tuple[dict, dict]:
    """The court periods by kind of paper, and the law they come from (title, revision, url, counting rule)."""
    raw = (_load_yaml((rules_dir or RULES_DIR) / "legal.yaml")).get("court_periods") or {}
    try:
        periods = {kind: CourtPeriod(kind=kind, days=int(p["days"]), article=_both(p, "article"),
                                     missed=str(p["missed"]), court_set=bool(p.get("court_set", False)),
                                     verified=bool(p.get("verified", True)))
                   for kind, p in (raw.get("value") or {}).items()}
        block = _load_yaml((rules_dir or RULES_DIR) / "legal.yaml").get("court_rules") or {}
        laws = {k: {"zh": str(v["zh"]), "en": str(v["en"])} for k, v in (block.get("laws") or {}).items()}
        steps = {str(r["id"]): {"law": laws[r["law"]], "article": _both(r, "article"),
                                "verified": bool(r["verified"]), "seen": str(r["seen"]),
                                "note": _both(r, "note") if r.get("note") else {}}
                 for r in block.get("value") or ()}
    except (KeyError, TypeError, ValueError) as exc:
        raise RuleError(f"rule file legal.yaml is malformed in court_periods or court_rules: {exc}") from None
    law = {key: _both(raw, key) for key in ("title", "issuer", "url", "counting", "objection_rule")}
    law["revision"] = str(raw.get("revision", ""))
    law["date"] = str(raw.get("date", ""))
    law["rules"] = steps  # the court_rules block: id -> law, article, verified, seen, note
    return periods, law


def _day(value: Any, what: str) -> _dt.date:
    if isinstance(value, _dt.date):
        return value
    try:
        return _dt.date.fromisoformat(str(value))
    except ValueError:
        raise RuleError(f"holidays-cn.yaml {what}: {value!r} is not a date YYYY-MM-DD") from None


def holiday_calendar(rules_dir: Path | None = None) -> HolidayCalendar:
    """The official rest days and make-up working days of data/rules/holidays-cn.yaml.

    >>> cal = holiday_calendar()
    >>> _dt.date(2026, 10, 1) in cal.rest, _dt.date(2026, 10, 10) in cal.workdays, 2026 in cal.years
    (True, True, True)
    """
    path = (rules_dir or RULES_DIR) / "holidays-cn.yaml"
    if not path.exists():
        return HolidayCalendar()
    raw = _load_yaml(path)
    rest, work, notices = set(), set(), {}
    for year, entry in (raw.get("years") or {}).items():
        for i, (first, last) in enumerate(entry.get("rest") or ()):
            day, end = _day(first, f"{year}.rest[{i}]"), _day(last, f"{year}.rest[{i}]")
            while day <= end:
                rest.add(day)
                day += _dt.timedelta(days=1)
        work.update(_day(d, f"{year}.workdays") for d in entry.get("workdays") or ())
        notices[int(year)] = {**_both(entry, "notice"), "url": str(entry.get("url", "")),
                              "issued": str(entry.get("issued", "")), "seen": str(entry.get("seen", ""))}
    return HolidayCalendar(years=frozenset(notices), rest=frozenset(rest), workdays=frozenset(work),
                           notices=notices, missing={int(k): str(v) for k, v in (raw.get("missing") or {}).items()})


def help_data(rules_dir: Path | None = None) -> dict:
    """Hotlines and the sources of the safety warnings (data/rules/help.yaml): {"hotlines": {id: {...}},
    "safety": {id: {...}}}, each text given as {"zh":..., "en":...}."""
    path = (rules_dir or RULES_DIR) / "help.yaml"
    if not path.exists():
        return {"hotlines": {}, "safety": {}}
    raw = _load_yaml(path)
    hotlines = {str(h["id"]): {"number": str(h["number"]), "name": _both(h, "name"), "source": _both(h, "source"),
                               "note": _both(h, "note"), "seen": str(h.get("seen", ""))}
                for h in raw.get("hotlines") or ()}
    safety = {str(s["id"]): {"source": _both(s, "source"), "seen": str(s.get("seen", ""))}
              for s in raw.get("safety") or ()}
    return {"hotlines": hotlines, "safety": safety}


def credit_rules(rules_dir: Path | None = None) -> CreditRules:
    """Her credit record's rules and the texts they cite (data/rules/credit.yaml): a missing file gives the
    statutory figures without texts; a malformed one is refused with its name."""
    path = (rules_dir or RULES_DIR) / "credit.yaml"
    if not path.exists():
        return CreditRules()
    raw = _load_yaml(path)
    try:
        texts = {str(k): {"zh": str(v["source"]), "en": str(v.get("source_en") or v["source"]),
                          "url": str(v.get("url") or ""), "seen": str(v.get("seen") or raw.get("checked") or ""),
                          "verified": bool(v.get("verified", False))}
                 for k, v in raw.items() if isinstance(v, dict)}
        return CreditRules(record_years=int(raw["record_years"]["value"]),
                           free_reports=int(raw["free_reports"]["value"]),
                           objection_days=int(raw["objection_days"]["value"]), texts=texts)
    except (KeyError, TypeError, ValueError) as exc:
        raise RuleError(f"rule file credit.yaml is malformed: {exc}") from None
