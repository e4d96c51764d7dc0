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

import functools
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from .errors import RuleError
from .money import to_rate
from .paths import BENCHMARKS_DIR, RULES_DIR

__all__ = ["ProductRule", "Source", "LegalLimits", "PRODUCTS", "RULE_FIELDS", "load_rule", "legal_limits",
           "rule_with_overrides", "advice_data", "benchmark_data"]

PRODUCTS = ("jiebei", "huabei", "weilidai", "credit-card", "generic")

#: The fields a debt may override, and how each is read.
RULE_FIELDS: dict[str, str] = {
    "penalty_multiplier": "rate", "penalty_daily_rate": "rate_or_none", "penalty_base": "choice",
    "compound_unpaid_interest": "bool", "capitalize_every_days": "int", "grace_days": "int",
    "late_fee_rate": "rate", "late_fee_per_day": "rate", "minimum_payment_rate": "rate",
    "installment_fee_rates": "fee_table", "max_installment_months": "months",
}
PENALTY_BASES = ("overdue_amount", "balance")


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


def _read_value(kind: str, value: Any, what: str) -> Any:
    if kind == "rate":
        return to_rate(value, what)
    if kind == "rate_or_none":
        return None if value is None else to_rate(value, what)
    if kind == "bool":
        if not isinstance(value, bool):
            raise ValueError(f"{what}: {value!r} must be true or false")
        return value
    if kind == "int":
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValueError(f"{what}: {value!r} must be a whole number, 0 or more")
        return value
    if kind == "months":
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 600:
            raise ValueError(f"{what}: {value!r} must be a whole number of months from 1 to 600")
        return value
    if kind == "fee_table":
        if not isinstance(value, dict):
            raise ValueError(f"{what}: {value!r} must map months to the total fee rate, e.g. {{12: 0.088}}")
        try:
            return {int(k): to_rate(v, f"{what}.{k}") for k, v in value.items()}
        except (TypeError, ValueError) as exc:
            raise ValueError(f"{what}: {value!r} must map months to the total fee rate, e.g. {{12: 0.088}}") from exc
    if kind == "choice":
        if value not in PENALTY_BASES:
            raise ValueError(f"{what}: {value!r} must be one of {', '.join(PENALTY_BASES)}")
        return value
    raise AssertionError(kind)


@functools.lru_cache(maxsize=None)
def _load_yaml(path: Path) -> dict:
    try:
        with open(path, encoding="utf-8") as fh:
            return yaml.safe_load(fh) or {}
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


def advice_data(rules_dir: Path | None = None) -> dict[str, Any]:
    """The advice defaults of data/rules/advice.yaml as {name: value} (sources stay in the file)."""
    return {k: v["value"] for k, v in _load_yaml((rules_dir or RULES_DIR) / "advice.yaml").items()}


def benchmark_data(benchmarks_dir: Path | None = None) -> dict:
    """The official spending benchmarks of data/benchmarks/nbs-consumption.yaml."""
    return _load_yaml((benchmarks_dir or BENCHMARKS_DIR) / "nbs-consumption.yaml")
