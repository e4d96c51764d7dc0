"""Sentences for evidence from her phone, a court paper's case number and paid "helpers", in zh and en.

The figures come from :mod:`debtplan.calc.calls` and :mod:`debtplan.calc.casenumber` (passed in, never computed
here); the checklist's sources from ``data/rules/helpers.yaml`` (passed in as read).
"""
from __future__ import annotations

from typing import Any, Mapping, Sequence

from .i18n import date_text, t

__all__ = ["call_error_text", "call_summary_sentences", "case_number_sentences", "agent_checklist",
           "AGENT_SIGNS", "PAPER_KEYS", "EXPECTED_TYPE"]

#: The checklist's items, in the order she reads them (their sources: data/rules/helpers.yaml ``agent_signs``).
AGENT_SIGNS = ("fee_up_front", "asks_codes_or_cards", "promises_credit_repair", "calls_itself_agency",
               "tells_stop_paying_or_fake", "guarantee_no_fee_if_fail")  # AGENT_KEYS below: their sentences
PAPER_KEYS = {"payment_order": "lg_kind_payment_order", "complaint": "lg_kind_complaint",
              "judgment": "lg_kind_judgment", "ruling": "lg_kind_ruling", "mediation": "lg_kind_mediation",
              "enforcement": "lg_kind_enforcement"}
LEVEL_KEYS = {"supreme": "case_level_supreme", "high": "case_level_high", "intermediate": "case_level_intermediate",
              "basic": "case_level_basic"}
AGENT_KEYS = {"fee_up_front": "agent_fee_up_front", "asks_codes_or_cards": "agent_asks_codes_or_cards",
              "promises_credit_repair": "agent_promises_credit_repair",
              "calls_itself_agency": "agent_calls_itself_agency",
              "tells_stop_paying_or_fake": "agent_tells_stop_paying_or_fake",
              "guarantee_no_fee_if_fail": "agent_guarantee_no_fee_if_fail"}
#: Names on Chinese papers and services, the same in both languages.
CASE_EXAMPLE, COURT_APP, COURT_MAIL, USUAL_TYPES = "（2026）京0105民督123号", "人民法院在线服务", "法院专递", "民督、民初、民终、执、财保"
#: The case type a paper of each kind usually carries at first instance.
EXPECTED_TYPE = {"payment_order": "民督", "complaint": "民初", "judgment": "民初", "mediation": "民初",
                 "enforcement": "执", "ruling": "民初"}


def call_error_text(error: Any, lang: str) -> str:
    """The sentence for a :class:`~debtplan.core.calls.CallFileError`."""
    return t(error.code, lang, **error.params)


def call_summary_sentences(summary: Any, creditor: str, lang: str) -> list[str]:
    """What a complaint states: the period, the calls, the unanswered and night calls, the days over the
    convention's limit (marked as a convention), where the numbers are registered."""
    if not summary.calls:
        return []
    out = [t("calls_summary", lang, start=date_text(summary.start, lang), end=date_text(summary.end, lang),
             creditor=creditor, numbers=len(summary.numbers), calls=summary.calls, unanswered=summary.unanswered,
             night=summary.night)]
    if summary.limit is not None and summary.days_over_limit:
        out.append(t("calls_over_limit", lang, days=len(summary.days_over_limit), limit=summary.limit))
    if summary.regions:
        sep = "、" if lang == "zh" else "; "
        out.append(t("calls_regions", lang, regions=sep.join(
            f"{zh if lang == 'zh' else en} {count}" for zh, en, count in summary.regions)))
    return out


def case_number_sentences(check: Any, paper: str, lang: str) -> list[str]:
    """What the form of a case number says, and always how to check it with the court; never "real" or "fake"."""
    out = []
    if check.year is not None and "case_year_future" not in check.problems:
        out.append(t("case_ok", lang, year=check.year, court=check.court, level=t(LEVEL_KEYS[check.level], lang),
                     kind=check.case_type, number=check.number))
    for code in check.problems:
        params: dict[str, Any] = {"year": check.year, "kind": check.case_type, "example": CASE_EXAMPLE,
                                  "usual": USUAL_TYPES}
        if code == "case_type_not_paper":
            params.update(paper=t(PAPER_KEYS[paper], lang), expected=EXPECTED_TYPE[paper])
        out.append(t(code, lang, **params))
    out.append(t("case_how_to_check", lang, app=COURT_APP, ems=COURT_MAIL))
    return out


def agent_checklist(signs: Sequence[Mapping[str, Any]], lang: str) -> tuple[str, list[tuple[str, str]], str]:
    """(title, [(item, its source)], what to do): ``signs`` as ``agent_signs`` in data/rules/helpers.yaml."""
    by_key = {s["key"]: s for s in signs}
    items = []
    for key in AGENT_SIGNS:
        sign = by_key[key]
        source = sign["source"] if lang == "zh" else sign.get("source_en") or sign["source"]
        said = "agent_source_verified" if sign.get("verified") else "agent_source"
        items.append((t(AGENT_KEYS[key], lang), t(said, lang, source=source, url=sign["url"].split(" ")[0])))
    return t("agent_title", lang), items, t("agent_any", lang)
