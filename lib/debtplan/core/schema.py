"""The profile's shape, written down once: every key a profile may hold, with its kind, bounds, default, unit,
label key, whether it is evidence (append-only: a merge never alters it) and whether it may lie in the future.

Pure data and functions of it (no files). Derived from it: the keys the validator allows
(:mod:`debtplan.inputs.validate`), the label of each key in problems (:mod:`debtplan.text.problems`), the README's
field table (:func:`markdown_table`), the JSON Schema ``debtplan schema`` prints (:func:`json_schema`), the
property tests' generator and the app's forms (:func:`fields_of`).

>>> [f.name for f in fields_of("payments")]
['id', 'date', 'creditor', 'amount', 'note']
>>> field("debts", "daily_rate").period, field("debts", "daily_rate").widget
('daily', 'text')
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from .conventions import METHOD_NAMES as METHODS
from .errors import NotFoundError

__all__ = ["Field", "SECTIONS", "TOP", "LIST_SECTIONS", "fields_of", "field", "keys_of", "label_key",
           "place_key", "group_key", "evidence_lists", "happened_dates", "json_schema", "markdown_table", "with_table",
           "TABLE_BEGIN", "TABLE_END", "EARLIEST_YEAR",
           "LATEST_YEAR",
           "NAME_LIMIT", "TEXT_LIMIT", "AMOUNT_LIMIT"]

EARLIEST_YEAR, LATEST_YEAR = 1970, 2100
#: Text is kept whole in the file and cut for display; the file's size limit bounds it anyway.
NAME_LIMIT, TEXT_LIMIT = 100_000, 200_000
AMOUNT_LIMIT = Decimal("1e12")

#: Kinds of value, and the form widget each is entered with.
WIDGETS = {"amount": "text", "rate": "text", "date": "date", "moment": "text", "text": "text", "long_text": "textarea",
           "choice": "dropdown", "flag": "checkbox", "int": "int", "list": "list", "group": "group",
           "fee_table": "table", "id": "hidden", "amounts": "text"}


@dataclass(frozen=True)
class Field:
    """One key of a profile section.

    ``kind``: amount, amounts (a list of amounts), rate (with ``period``: daily, monthly, annual, share or number),
    date, moment (date with an optional time), text, long_text, choice (codes ``choices``, words of ``words`` in
    ``data/words.yaml``), flag, int, id, fee_table, list (records of section ``section``) or group (section
    ``section``). ``low``/``high``: bounds (inclusive); ``default``: the value when missing (None: none);
    ``unit``: what the number counts; ``evidence``: a list of records a merge adds to but never alters; ``future``: may lie after
    the profile's date; ``required``: a problem when missing; ``generic``: read by the validator from this entry
    alone (no rule across fields), so a new field of this kind needs no validator code. ``positive``: an amount
    must be above 0; ``other``: the key to use instead when a rate is written for the other period (a daily rate
    in ``annual_rate``); ``example``: the sentence key of the example shown when a rate is out of range (else the
    one of its period). ``form``: the app's form for the section shows it (False: an expert's term, set in the
    file); ``form_label``: the sentence key of its label there when not ``field_<name>``. The app's forms show
    a section's fields in this order."""

    name: str
    kind: str
    period: str = ""
    low: Any = None
    high: Any = None
    default: Any = None
    unit: str = ""
    choices: tuple = ()
    words: str = ""
    section: str = ""
    required: bool = False
    evidence: bool = False
    future: bool = False
    generic: bool = False
    limit: int = NAME_LIMIT
    positive: bool = False
    other: str = ""
    example: str = ""
    form: bool = True
    form_label: str = ""

    @property
    def label(self) -> str:
        """The sentence key of the field's name (text/sentences.py)."""
        return label_key(self.name)

    @property
    def form_key(self) -> str:
        """The sentence key of the field's label in the app's form: ``form_label`` when it says more than the
        name (an example of the value, the unit), else the name's."""
        return self.form_label or self.label

    @property
    def in_form(self) -> bool:
        """Whether the app's form for its section shows it (records, lists and ids never: they have their own
        controls)."""
        return self.form and self.kind not in ("list", "group", "id", "fee_table")

    @property
    def widget(self) -> str:
        """The kind of form control the app enters it with."""
        return WIDGETS[self.kind]


def _amount(name: str, **kw: Any) -> Field:
    return Field(name, "amount", low=Decimal(0), high=kw.pop("high", AMOUNT_LIMIT), unit="money", **kw)


def _rate(name: str, period: str, low: str, high: str, **kw: Any) -> Field:
    return Field(name, "rate", period=period, low=Decimal(low), high=Decimal(high),
                 unit={"daily": "per day", "monthly": "per month", "annual": "per year"}.get(period, "fraction"),
                 **kw)


def _date(name: str, **kw: Any) -> Field:
    return Field(name, "date", low=EARLIEST_YEAR, high=LATEST_YEAR, **kw)


def _text(name: str, **kw: Any) -> Field:
    return Field(name, "text", **kw)


def _long(name: str, **kw: Any) -> Field:
    return Field(name, "long_text", limit=TEXT_LIMIT, **kw)


def _int(name: str, low: int, high: int, default: Any = None, unit: str = "", **kw: Any) -> Field:
    return Field(name, "int", low=low, high=high, default=default, unit=unit, **kw)


def _choice(name: str, words: str, choices: tuple, default: Any = None, **kw: Any) -> Field:
    return Field(name, "choice", words=words, choices=choices, default=default, **kw)


_ID = Field("id", "id", limit=64)
_CREDITOR = _text("creditor", required=True)

#: Codes of the choices (the words that name them are in data/words.yaml).
#: Cost categories; each maps to the official benchmark category (国家统计局 居民人均消费支出) it belongs to.
CATEGORY_GROUP = {
    "food": "food", "clothing": "clothing", "housing": "housing", "rent": "housing", "utilities": "housing",
    "household": "household", "transport": "transport", "communication": "transport",
    "education": "education", "childcare": "education", "leisure": "education", "health": "health",
    "insurance": "other", "personal": "other", "other": "other",
}
CATEGORIES = tuple(CATEGORY_GROUP)
PRODUCTS = ("jiebei", "huabei", "weilidai", "credit-card", "generic")
HARDSHIP_REASONS = ("job_loss", "income_drop", "illness", "family", "business", "other")
CHANNELS = ("app", "phone", "chat", "letter", "email", "in_person", "other")
LANGS = ("zh", "en")
AREAS = ("urban", "rural", "all")
COLLECTION_CHANNELS = ("phone", "sms", "app", "chat", "letter", "visit", "other")
CONTACTED = ("borrower", "guarantor", "family", "employer", "colleague", "friend", "contacts", "other")
COURT_KINDS = ("payment_order", "complaint", "judgment", "ruling", "mediation", "enforcement")
#: What a ruling (裁定) is about, which decides what can be done against it: a property-preservation ruling is
#: reviewed (复议), one of the three kinds Civil Procedure Law Art. 157 names is appealed, any other is final.
RULING_KINDS = ("unknown", "preservation", "appealable", "other")
LETTER_KINDS = ("proposal", "confirmation", "complaint", "objection", "defence", "follow_up")
#: How a lender confirmed an agreed plan in writing (a call alone is no written confirmation).
WRITTEN_FORMS = ("letter", "email", "app", "sms", "other")
PENALTY_BASES = ("overdue_amount", "balance")
#: Fees charged with a loan besides its interest, and when (as calc/truecost.py counts them).
FEE_KINDS = ("guarantee", "membership", "service", "insurance", "other")
FEE_TIMINGS = ("each_payment", "start")
#: Who lent the money: the kind decides which ceiling applies to what the loan costs (data/rules/lenders.yaml).
LENDER_KINDS = ("bank_card", "bank_loan", "consumer_finance", "micro_lender", "facilitation", "private")
#: What a credit report shows wrongly, and where an objection (异议) goes (征信业管理条例 Art. 25).
OBJECTION_KINDS = ("overdue_after_plan", "wrong_amount", "wrong_date", "not_mine", "other")
OBJECTION_TO = ("institution", "credit_centre")

#: Every section of a profile: its fields in the order a form shows them. "" is the top level.
SECTIONS: dict[str, tuple[Field, ...]] = {
    "": (
        _text("name", required=True, generic=True, form=False), _choice("lang", "lang", LANGS, "zh", generic=True, form=False),
        _text("currency", default="CNY", form=False), _date("as_of", future=True, generic=True, form_label="app_as_of"),
        _int("version", 1, 2, 1, generic=True, form=False),
        Field("household", "group", section="household", generic=True), Field("income", "list", section="income"),
        Field("fixed_costs", "list", section="fixed_costs"), Field("flexible_costs", "list", section="flexible_costs"),
        Field("savings", "group", section="savings", generic=True), Field("debts", "list", section="debts", high=50),
        Field("hardship", "group", section="hardship", generic=True), Field("borrower", "group", section="borrower"),
        Field("negotiations", "list", section="negotiations", evidence=True),
        Field("agreements", "list", section="agreements"),
        Field("payments", "list", section="payments", evidence=True), Field("settings", "group", section="settings"),
        Field("collections", "list", section="collections", evidence=True),
        Field("court_events", "list", section="court_events"), Field("letters", "list", section="letters", evidence=True),
        Field("call_imports", "list", section="call_imports", evidence=True),
        Field("credit_objections", "list", section="credit_objections", generic=True)),
    "household": (_int("adults", 1, 20, 1, "people", generic=True, form_label="w_adults"),
                  _int("children", 0, 20, 0, "people", generic=True, form_label="w_children"),
                  _choice("area", "area", AREAS, "urban", generic=True, form_label="w_area"),
                  _text("city", generic=True, form_label="app_city")),
    "income": (_text("name"), _amount("amount"),
               Field("recent", "amounts", low=Decimal(0), high=24, unit="money", form_label="app_recent"),
               Field("irregular", "flag", default=False, form_label="app_irregular")),
    "fixed_costs": (_choice("category", "category", CATEGORIES, "other"), _text("name"),
                    _amount("amount", required=True, generic=True)),
    "flexible_costs": (_choice("category", "category", CATEGORIES, "other"), _text("name"),
                       _amount("amount", required=True, generic=True)),
    "savings": (_amount("balance", default=Decimal(0), generic=True, form_label="w_balance"),
                _amount("monthly_contribution", default=Decimal(0), generic=True, form_label="w_monthly_contribution")),
    "debts": (
        _text("creditor", required=True, generic=True), _choice("product", "product", PRODUCTS, "generic", generic=True),
        _amount("principal", required=True, positive=True, generic=True),
        _rate("daily_rate", "daily", "0", "0.01", other="annual_rate", form_label="w_daily_rate"),
        _rate("annual_rate", "annual", "0", "1", other="daily_rate", form_label="w_annual_rate"),
        _int("term_months", 1, 600, 12, "months", generic=True, form_label="app_term_months"),
        _choice("method", "method", METHODS, form_label="app_method"),
        _amount("contractual_payment", generic=True, form_label="app_contractual_payment"),
        _date("overdue_since", generic=True, form_label="w_overdue_since"),
        _amount("overdue_amount", generic=True),
        _amount("unpaid_interest", default=Decimal(0), generic=True),
        _amount("unpaid_minimum", default=Decimal(0), generic=True, form_label="app_unpaid_minimum"),
        _date("start_date", generic=True, form_label="app_start_date"), _text("account", generic=True, form=False),
        _choice("lender_kind", "lender_kind", LENDER_KINDS, generic=True), _text("lender", generic=True),
        _text("funder", generic=True), _date("contract_date", generic=True), _amount("loan_amount", generic=True),
        Field("fees", "list", section="fees", generic=True),
        Field("offers", "list", section="offers"),
        _rate("penalty_multiplier", "number", "0", "10", form_label="w_penalty_multiplier"),
        # the rest are terms of the contract an expert sets in the file (the product's preset holds them)
        _rate("penalty_daily_rate", "daily", "0", "0.01", form=False),
        _choice("penalty_base", "", PENALTY_BASES, form=False), Field("compound_unpaid_interest", "flag", form=False),
        _int("capitalize_every_days", 0, 366, unit="days", form=False),
        _int("grace_days", 0, 90, unit="days", form=False),
        _rate("late_fee_rate", "share", "0", "1", form=False), _amount("late_fee_per_day", high=Decimal(10000), form=False),
        _rate("minimum_payment_rate", "share", "0", "1", form=False),
        Field("installment_fee_rates", "fee_table", period="share", low=1, high=60, unit="months"),
        _int("max_installment_months", 1, 600, unit="months", form=False)),
    "fees": (_choice("kind", "fee_kind", FEE_KINDS, "other", generic=True),
             _amount("amount", required=True, generic=True),
             _choice("timing", "fee_timing", FEE_TIMINGS, "each_payment", generic=True)),
    "offers": (_ID, _text("name"), _int("months", 1, 600, required=True, unit="months", form_label="app_months"),
               _rate("monthly_fee_rate", "monthly", "0", "0.1", other="annual_rate", generic=True,
                     form_label="app_monthly_fee_rate"),
               _rate("annual_rate", "annual", "0", "1", other="monthly_fee_rate", generic=True, form_label="w_annual_rate"),
               _amount("monthly_payment", positive=True, generic=True, form_label="app_monthly_payment"),
               _amount("upfront_fee", default=Decimal(0), generic=True)),
    "hardship": (_choice("reason", "hardship_reason", HARDSHIP_REASONS, "other", generic=True,
                         form_label="app_hardship_reason"),
                 _date("since", generic=True, form_label="app_hardship_since"),
                 _long("text", generic=True, form_label="app_hardship_text")),
    # the letters' sender: her name and the phone the lender can reach her on in the app's form; the rest as she
    # writes it in the file
    "borrower": (_text("name", generic=True, form_label="app_borrower_name"),
                 _text("phone", generic=True, form_label="app_borrower_phone"),
                 _text("id_last4", generic=True, form=False), _text("address", generic=True, form=False)),
    "negotiations": (
        _ID, _date("date", required=True, generic=True, form_label="log_date"), _CREDITOR,
        _choice("channel", "channel", CHANNELS, "other", generic=True, form_label="w_channel"),
        _text("person", generic=True, form_label="w_person"), _long("offered", generic=True, form_label="w_offered"),
        _long("asked", generic=True, form_label="w_asked"), _long("outcome", generic=True, form_label="w_outcome"),
        _long("next_step", generic=True, form_label="w_next_step"),
        _date("next_date", future=True, generic=True, form_label="app_log_next_contact"),
        _text("amends", form_label="app_amends")),
    "agreements": (
        _ID, _CREDITOR, _date("start_date", required=True, future=True, generic=True, form_label="app_first_payment"),
        _int("months", 1, 600, required=True, form_label="app_months"), _amount("principal", generic=True, form=False),
        _amount("monthly_payment", positive=True, generic=True, form_label="app_monthly_payment"),
        _choice("method", "method", METHODS, generic=True, form=False),
        _rate("annual_rate", "annual", "0", "1", generic=True, form=False),
        _amount("fees", default=Decimal(0), generic=True, form=False),
        Field("interest_frozen", "flag", default=False, generic=True, form_label="app_interest_frozen"),
        _long("notes", generic=True, form_label="app_notes"),
        _long("credit_reporting", generic=True, form=False), _long("if_missed", generic=True, form=False),
        _date("confirmed_on", generic=True),
        _choice("confirmed_form", "written_form", WRITTEN_FORMS, "", generic=True)),
    "payments": (_ID, _date("date", required=True, generic=True), _CREDITOR,
                 _amount("amount", required=True, positive=True, generic=True),
                 _long("note", generic=True, form_label="app_notes")),
    # Missing settings take the advice defaults of data/rules (a setting of 0 is a choice, not "use the default").
    "settings": (_rate("buffer_rate", "share", "0", "0.9", example="example_buffer", generic=True),
                 _rate("stress_income_drop", "share", "0", "0.9", example="example_stress", generic=True),
                 _amount("creditor_floor", high=Decimal(100000), generic=True),
                 _amount("frozen_monthly_fee", high=Decimal(100000), generic=True)),
    "collections": (
        _ID, Field("at", "moment", required=True, generic=True, form_label="app_lg_at"), _CREDITOR,
        _choice("channel", "collection_channel", COLLECTION_CHANNELS, "phone", generic=True, form_label="lg_col_channel"),
        _choice("contacted", "contacted", CONTACTED, "borrower", required=True, generic=True,
                form_label="lg_col_contacted"),
        _text("caller", generic=True, form_label="lg_col_caller"), _long("said", generic=True, form_label="lg_col_said"),
        Field("threats", "flag", default=False, generic=True, form_label="app_lg_threats"),
        Field("insults", "flag", default=False, generic=True, form_label="app_lg_insults"),
        _long("evidence", generic=True, form_label="lg_col_evidence")),
    "court_events": (
        _ID, _choice("kind", "court_kind", COURT_KINDS, "complaint", required=True, generic=True, form_label="lg_col_kind"),
        _CREDITOR, _date("received", required=True, generic=True, form_label="lg_col_received"),
        _text("court", generic=True), _text("case_number", generic=True),
        _amount("amount_claimed", positive=True, generic=True, form_label="lg_col_claimed"),
        _long("note", generic=True, form=False),
        _text("plaintiff", generic=True), _date("paper_date", generic=True),
        Field("admits_loan", "flag", default=False, generic=True),
        Field("small_claims", "flag", default=False, generic=True), _date("answer_by", future=True, generic=True),
        _date("hearing", future=True, generic=True),
        _choice("ruling_kind", "ruling_kind", RULING_KINDS, "unknown", generic=True)),
    "letters": (
        _ID, _choice("kind", "letter_kind", LETTER_KINDS, "proposal", required=True, generic=True, form_label="lg_col_letter"),
        _CREDITOR, _date("date", required=True, generic=True, form_label="app_lg_letter_date"),
        _date("reply_by", future=True, generic=True, form_label="lg_col_reply_by"),
        _text("copy", generic=True, form=False)),
    # A phone's call log, imported: counts only (the export itself is never copied), identified by its hash.
    "call_imports": (
        _ID, _text("file", required=True, form=False), _text("sha256", required=True, limit=64, form=False),
        _text("creditor", required=True, form=False), _text("label", form=False),
        _choice("contacted", "contacted", CONTACTED, "borrower", form=False), _date("first_day", form=False),
        _date("last_day", form=False), _date("imported", form=False),
        Field("numbers", "list", section="call_numbers", high=500)),
    # Per number: day, calls, unanswered calls, night calls, as "2026-11-03 5/4/1, 2026-11-04 2/2/0".
    "call_numbers": (_text("phone", required=True, form=False), _text("region", form=False), _long("days", form=False)),
    "credit_objections": (
        _ID, _text("institution", required=True, generic=True),
        _choice("kind", "objection_kind", OBJECTION_KINDS, "overdue_after_plan", required=True, generic=True,
                form_label="cr_obj_col_kind"),
        _long("shows", generic=True), _long("should_show", generic=True),
        _choice("send_to", "objection_to", OBJECTION_TO, "institution", generic=True),
        _date("sent", generic=True), _date("answered", generic=True)),
}
TOP = SECTIONS[""]
LIST_SECTIONS = tuple(f.section for s in SECTIONS.values() for f in s if f.kind == "list")


def fields_of(section: str) -> tuple[Field, ...]:
    """The fields of ``section`` ("" for the top level, "debts", "payments", ...) in form order."""
    return SECTIONS[section]


def field(section: str, name: str) -> Field:
    """The field ``name`` of ``section``."""
    for f in SECTIONS[section]:
        if f.name == name:
            return f
    raise NotFoundError(f"{section}.{name} is not a field of the profile")


def keys_of(section: str) -> set[str]:
    """The keys a record of ``section`` may hold."""
    return {f.name for f in SECTIONS[section]}


def evidence_lists() -> frozenset[str]:
    """The record lists that are evidence of what happened: a merge adds to them but never changes or removes a
    record by itself."""
    return frozenset(f.name for f in TOP if f.kind == "list" and f.evidence)


def happened_dates() -> tuple[tuple[str, str], ...]:
    """(record list, date key) of every date in the profile's record lists that says when something happened, so
    cannot lie after today: each date or moment field not marked ``future`` (an agreement's start, a next contact,
    a reply-by date are). The same names in a profile file and in the model.

    >>> ("payments", "date") in happened_dates(), ("agreements", "start_date") in happened_dates()
    (True, False)
    """
    return tuple((f.name, g.name) for f in TOP if f.kind == "list" for g in SECTIONS[f.section]
                 if g.kind in ("date", "moment") and not g.future)


def label_key(name: str) -> str:
    """The sentence key naming a field: ``field_<name>``."""
    return f"field_{name}"


def place_key(name: str) -> str:
    """The sentence key numbering an entry of a list: ``place_<name>`` ("第{n}笔欠款" / "debt {n}")."""
    return f"place_{name}"


def group_key(name: str) -> str:
    """The sentence key naming a group of keys: ``group_<name>``."""
    return f"group_{name}"


_PERIOD_EXAMPLES = {"daily": ["0.0005", "0.05%", "万五"], "annual": ["0.18", "18%", "年化18%"],
                    "monthly": ["0.006", "0.6%"], "share": ["0.1", "10%"], "number": ["1.5"]}


def _json_field(f: Field) -> dict[str, Any]:
    if f.kind in ("list", "group"):
        inner = _json_section(f.section)
        if f.kind == "group":
            return inner
        out: dict[str, Any] = {"type": "array", "items": inner}
        if f.high is not None:
            out["maxItems"] = f.high
        return out
    number = {"type": ["number", "string"]}
    if f.kind == "amount":
        return {**number, "description": "amount, e.g. 20000, 2万, 1.5万元", "examples": [20000, "2万"]}
    if f.kind == "amounts":
        return {"type": "array", "items": number, "maxItems": f.high}
    if f.kind == "rate":
        return {**number, "description": f"{f.period} rate, e.g. " + ", ".join(_PERIOD_EXAMPLES[f.period]),
                "examples": _PERIOD_EXAMPLES[f.period]}
    if f.kind == "date":
        return {"type": "string", "description": "date, e.g. 2026-10-10 or 2026年10月10日",
                "examples": ["2026-10-10"]}
    if f.kind == "moment":
        return {"type": "string", "description": "date and time, e.g. 2026-11-20 21:30"}
    if f.kind == "choice":
        desc = "one of " + ", ".join(f.choices) if f.choices else "a word of data/words.yaml"
        return {"type": "string", "description": desc, **({"examples": list(f.choices)} if f.choices else {})}
    if f.kind == "flag":
        return {"type": ["boolean", "string"], "description": "yes/no (是/否)"}
    if f.kind == "int":
        return {"type": ["integer", "string"], "description": f"whole number from {f.low} to {f.high}"}
    if f.kind == "id":
        return {"type": ["string", "integer"], "description": "the record's id (written by debtplan on save)"}
    if f.kind == "fee_table":
        return {"type": "object", "description": "months -> total fee as a share, e.g. {12: 0.075}",
                "additionalProperties": number}
    return {"type": ["string", "number"], "maxLength": f.limit}


def _json_section(section: str) -> dict[str, Any]:
    fields = SECTIONS[section]
    out: dict[str, Any] = {"type": "object", "properties": {f.name: _json_field(f) for f in fields},
                           "additionalProperties": False}
    required = [f.name for f in fields if f.required and f.kind not in ("moment",) and section != ""]
    if required:
        out["required"] = required
    return out


def json_schema() -> dict[str, Any]:
    """A JSON Schema (2020-12) of a profile, for editors that validate and complete YAML. It checks the shape
    (keys, lists, groups, required keys); values written as people write them (``2万``, ``万四``) are strings, so
    their meaning is checked by debtplan itself."""
    top = _json_section("")
    top["required"] = ["name"]
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": "https://debtplan.invalid/profile.schema.json",
            "title": "debtplan profile", **top}


def _describe(f: Field) -> str:
    if f.kind == "rate":
        return f"rate ({f.period}) {f.low}–{f.high}"
    if f.kind == "amount":
        return "amount" + (f" ≤ {f.high:,}" if f.high is not None and f.high != AMOUNT_LIMIT else "")
    if f.kind == "int":
        return f"whole number {f.low}–{f.high}" + (f" {f.unit}" if f.unit else "")
    if f.kind == "choice":
        return "choice: " + ", ".join(f"`{c}`" for c in f.choices) if f.choices else "choice (see the word table)"
    if f.kind == "list":
        return f"list of `{f.section}` records"
    if f.kind == "group":
        return f"group `{f.section}`"
    return {"long_text": "text", "amounts": "list of amounts", "moment": "date and time",
            "fee_table": "months → fee share"}.get(f.kind, f.kind)


#: Where the README holds the table (between these lines, kept by ``make schema-table``).
TABLE_BEGIN, TABLE_END = "<!-- schema table: begin -->\n", "\n<!-- schema table: end -->"


def with_table(readme: str) -> str | None:
    r"""``readme`` with :func:`markdown_table` between its :data:`TABLE_BEGIN` and :data:`TABLE_END` lines, or
    None when it does not hold exactly one of each.

    >>> new = with_table("# x\n" + TABLE_BEGIN + "old" + TABLE_END + "\nend\n")
    >>> new.startswith("# x\n" + TABLE_BEGIN + "| section | key |"), new.endswith(TABLE_END + "\nend\n")
    (True, True)
    >>> with_table("no markers") is None
    True
    """
    if readme.count(TABLE_BEGIN) != 1 or readme.count(TABLE_END) != 1:
        return None
    head, rest = readme.split(TABLE_BEGIN)
    return head + TABLE_BEGIN + markdown_table() + TABLE_END + rest.split(TABLE_END, 1)[1]


def markdown_table() -> str:
    """The README's table of every profile key (generated; a test keeps the README equal to it)."""
    rows = ["| section | key | kind | default | required | evidence | may be future |", "|---|---|---|---|---|---|---|"]
    for section, fields in SECTIONS.items():
        for f in fields:
            default = "" if f.default in (None, "") else f"`{f.default}`"
            rows.append(f"| {section or '(top)'} | `{f.name}` | {_describe(f)} | {default} | "
                        f"{'yes' if f.required else ''} | {'yes' if f.evidence else ''} | {'yes' if f.future else ''} |")
    return "\n".join(rows)
