"""When things go wrong, as HTML (the report's fifth part): the dates to keep, the collection evidence log flagged
against the rules, complaint letters (the lender first, then the regulator), court papers with their deadlines, a
written objection / short defence with the borrower's figures, the agreement-in-writing checklist and a
confirmation letter, a follow-up letter after a refusal, the letters sent, and how to stay safe.

Every rule is cited from data/rules (issuer, title, article, revision year, the address where it was read as plain
text, the date it was read, and "unconfirmed" where only secondary pages say so). Every user text is escaped.
Each letter is an ``article.dp-letter``, so it prints on its own pages like the pack's letters.
"""
from __future__ import annotations

import datetime as _dt
from .safe import escape  # user text cleaned of control characters and bidi overrides, then escaped
from typing import Any, Iterable

from ..calc.agreements import AgreementStatus
from ..calc.assessment import Assessment, DebtAssessment
from ..calc.claims import ClaimCheck
from ..calc.collection import ContactFlags
from ..calc.deadlines import Deadline
from ..calc.keydates import KeyDate, key_dates
from ..calc.tracking import agreement_installments
from ..core.dates import add_months
from ..core.errors import NotFoundError
from ..core.model import Agreement, Contact, CourtEvent, LegalRule, LetterSent, Rules
from ..text.i18n import as_choice, date_text, money_text, option_name, rate_text, t
from .truecost import legal_truecost_html
from . import evidence  # phone evidence, case numbers, paid helpers (their sections and letter sentence)
from .credit import credit_html
from .views import html_table

__all__ = ["legal_html", "dates_html", "collection_log_html", "complaint_letters_html", "complaint_letter_html",
           "court_html", "court_deadlines_html", "court_paper_html", "period_article", "agreement_checklist", "agreement_checklist_html", "agreement_html", "confirmation_letter_html",
           "follow_up_letter_html", "refusals", "letters_sent_html", "safety_html", "letter_for", "REFUSAL_WORDS",
           "COURT_HINTS", "court_rule_cite", "received_html", "next_steps_html"]

#: Words in a contact's outcome that mean the lender said no (the follow-up letter answers these).
REFUSAL_WORDS = ("拒绝", "不同意", "不接受", "驳回", "refus", "declin", "reject", "turned down")

CONTACTED_KEYS = {"borrower": "lg_contacted_borrower", "guarantor": "lg_contacted_guarantor",
                  "family": "lg_contacted_family", "employer": "lg_contacted_employer",
                  "colleague": "lg_contacted_colleague", "friend": "lg_contacted_friend",
                  "contacts": "lg_contacted_contacts", "other": "lg_contacted_other"}
CHANNEL_KEYS = {"phone": "field_phone", "sms": "law_form_sms", "app": "lg_channel_app",
                "chat": "lg_channel_chat", "letter": "law_form_letter", "visit": "lg_channel_visit",
                "other": "lg_channel_other"}
FACT_KEYS = {"third_party": "lg_fact_third_party", "contacts": "lg_fact_contacts", "threats": "lg_fact_threats",
             "insults": "lg_fact_insults", "night": "lg_fact_night"}
KIND_KEYS = {"payment_order": "lg_kind_payment_order", "complaint": "lg_kind_complaint",
             "judgment": "lg_kind_judgment", "ruling": "lg_kind_ruling", "mediation": "lg_kind_mediation",
             "enforcement": "lg_kind_enforcement"}
#: The paper a period belongs to, for the periods named otherwise (data/rules/legal.yaml court_periods).
PAPER_OF = {"preservation": "ruling", "ruling_unknown": "ruling", "small_claims": "complaint", "hearing": "complaint"}
ACT_KEYS = {"payment_order": "lg_act_payment_order", "complaint": "lg_act_complaint",
            "judgment": "lg_act_appeal", "ruling": "lg_act_appeal", "preservation": "ct_act_review",
            "ruling_unknown": "ct_act_ruling_unknown", "small_claims": "ct_act_answer", "hearing": "ct_act_hearing"}
MISSED_KEYS = {"enforce": "lg_missed_enforce", "defence": "lg_missed_defence", "final": "lg_missed_final",
               "review": "ct_missed_review", "absence": "ct_missed_absence"}
#: The hint shown beside each field of a court paper in a form (what to write, and what counts as received).
COURT_HINTS = {"received": "hint_received", "paper_date": "hint_paper_date", "plaintiff": "hint_plaintiff",
               "admits_loan": "hint_admits_loan", "small_claims": "hint_small_claims", "answer_by": "hint_answer_by",
               "hearing": "hint_hearing", "ruling_kind": "hint_ruling_kind"}
LETTER_KEYS = {"proposal": "lg_letter_proposal", "confirmation": "lg_letter_confirmation",
               "complaint": "lg_letter_complaint", "objection": "lg_letter_objection", "defence": "lg_letter_defence",
               "follow_up": "lg_letter_follow_up"}
RULE_KIND_KEYS = {"law": "law_kind_law", "regulation": "law_kind_regulation", "convention": "law_kind_convention"}
STATUS_KEYS = {"recorded": "law_status_recorded", "confirmed": "law_status_confirmed", "kept": "law_status_kept",
               "missed": "law_status_missed"}
WRITTEN_FORM_KEYS = {"letter": "law_form_letter", "email": "law_form_email", "app": "law_form_app",
                     "sms": "law_form_sms", "other": "law_form_other"}
AGREEMENT_ITEMS = (("balance", "lg_item_balance"), ("schedule", "lg_item_schedule"),
                   ("interest", "lg_item_interest"), ("credit", "lg_item_credit"), ("missed", "lg_item_missed"))
BRING_KEYS = ("lg_bring_paper", "lg_bring_id", "lg_bring_contract", "lg_bring_records", "lg_bring_statement",
              "lg_bring_hardship", "lg_bring_letters", "lg_bring_copies")


# ---- small pieces

def _p(text: str, cls: str = "") -> str:
    body = "<br>".join(escape(line) for line in text.split("\n"))
    return f'<p class="{cls}">{body}</p>' if cls else f"<p>{body}</p>"


def _ul(items: Iterable[str], cls: str = "") -> str:
    lis = "".join(f"<li>{escape(x)}</li>" for x in items)
    return f'<ul class="{cls}">{lis}</ul>' if cls else f"<ul>{lis}</ul>"


def _name(a: Assessment) -> str:
    return a.profile.borrower.get("name") or a.profile.name


def _lang(lang: str) -> str:
    return "en" if lang == "en" else "zh"


def _when(at: Any, lang: str) -> str:
    if isinstance(at, _dt.datetime):
        return f"{date_text(at.date(), lang)} {at:%H:%M}"
    return date_text(at, lang)


def _reply_by(a: Assessment) -> _dt.date:
    return a.as_of + _dt.timedelta(days=int(a.settings["reply_days"]))


def _debt(a: Assessment, creditor: str) -> DebtAssessment | None:
    return next((d for d in a.debts if d.debt.creditor == creditor), None)


def _sign(a: Assessment, lang: str) -> str:
    phone = a.profile.borrower.get("phone")
    return _p(t("letter_sign", lang, name=_name(a), date=date_text(a.as_of, lang))
              + ("\n" + t("letter_contact", lang, phone=phone) if phone else ""), "dp-sign")


def _kind(rule: LegalRule, lang: str) -> str:
    return t(RULE_KIND_KEYS[rule.kind], lang)


def _quote(rule: LegalRule, lang: str) -> str:
    return rule.quote.get(_lang(lang)) or rule.text.get(_lang(lang), "")


def rule_citation(rule: LegalRule, lang: str) -> str:
    """One rule cited in full: issuer, title, article, revision year, whether it is law, a regulation or a
    convention, a short quote and what it says, where it was read and when."""
    lg = _lang(lang)
    article = rule.article.get(lg, "")
    text = t("lg_rule_cite", lang, issuer=rule.issuer.get(lg, ""), title=rule.title.get(lg, ""),
             article=f", {article}" if article and lg == "en" else article, revision=rule.revision,
             kind=_kind(rule, lang), quote=_quote(rule, lang), text=rule.text.get(lg, ""),
             url=rule.url.get(lg, ""), seen=rule.seen)
    if rule.note:
        text += " " + rule.note.get(lg, "")
    if rule.unconfirmed:
        text += " " + t("lg_unconfirmed", lang)
    return text


def rule_short(rule: LegalRule, lang: str) -> str:
    """The rule named as a letter names it: title (and order number), article, the revision quoted, the revision
    in force when that is a later one, and "unconfirmed" where only secondary sources were found."""
    lg = _lang(lang)
    article = rule.article.get(lg, "")
    text = t("lg_rule_short", lang, title=rule.title.get(lg, ""),
             order=t("law_order", lang, order=rule.order[lg]) if rule.order else "",
             article=f", {article}" if article and lg == "en" else article, revision=rule.revision)
    if rule.in_force:
        text += t("law_in_force", lang, in_force=rule.in_force[lg])
    return text + (" " + t("lg_unconfirmed_short", lang) if rule.unconfirmed else "")


def rule_line(rule: LegalRule, lang: str) -> str:
    """A rule as a letter cites it: its name (:func:`rule_short`), whether it is law, a regulation or an industry
    convention, and a short quote."""
    return t("law_rule_line", lang, rule=rule_short(rule, lang), kind=_kind(rule, lang), quote=_quote(rule, lang))


def _flags(a: Assessment, rules: Rules) -> tuple[ContactFlags, ...]:
    """The assessment's flags (computed once in :func:`debtplan.calc.assessment.assess`)."""
    return a.contact_flags


# ---- 1. the dates to keep

def date_label(k: KeyDate, lang: str) -> str:
    """What a date is, in a line (the calendar's event title too)."""
    if k.kind == "payment":
        return t("lg_cal_payment", lang, creditor=k.creditor, n=k.number, total=k.total,
                 amount=money_text(k.amount, lang))
    if k.kind == "reply":
        return t("lg_cal_reply", lang, creditor=k.creditor, letter=t(LETTER_KEYS[k.record.kind], lang))
    if k.kind == "next_contact":
        return t("lg_cal_next", lang, creditor=k.creditor, step=k.record.next_step or k.record.outcome)
    if k.kind == "hearing":
        return t("ct_cal_hearing", lang, creditor=k.creditor)
    d: Deadline = k.record
    return t("lg_cal_deadline", lang, act=t(ACT_KEYS[d.kind], lang),
             kind=t(KIND_KEYS[PAPER_OF.get(d.kind, d.kind)], lang), creditor=k.creditor)


def dates_html(a: Assessment, rules: Rules, lang: str, limit: int = 12) -> str:
    """The next dates to keep (from the assessment date on)."""
    upcoming = key_dates(a.profile, a.deadlines, since=a.as_of)
    parts = [f'<section class="dp-dates"><h2>{escape(t("lg_dates_title", lang))}</h2>']
    if not upcoming:
        parts.append(_p(t("lg_dates_empty", lang)))
    else:
        rows = [[date_text(k.day, lang), date_label(k, lang)] for k in upcoming[:limit]]
        parts.append(html_table([t("log_date", lang), t("lg_col_what", lang)], rows, "dp-datetable",
                                numeric_from=99, highlight={i for i, k in enumerate(upcoming[:limit])
                                                           if k.kind in ("deadline", "hearing")}))
        if len(upcoming) > limit:
            parts.append(_p(t("lg_dates_more", lang, count=len(upcoming) - limit), "dp-small"))
    parts.append(_p(t("lg_dates_calendar", lang), "dp-small"))
    parts.append("</section>")
    return "".join(parts)


# ---- 2. collection: the evidence log and the complaint letters

def collection_log_html(a: Assessment, rules: Rules, lang: str, blank_rows: int = 3, in_app: bool = False) -> str:
    """The collection log flagged against the rules, each flag with the numbers of the rules it cites, listed
    below. ``in_app``: for the app's follow-up step, where the form says what to record: no intro (it names the
    command line) and each rule cited short (title, article, revision year, "unconfirmed"); the report cites in
    full, with the address and the date it was read."""
    flagged = _flags(a, rules)
    headers = [t("lg_col_when", lang), t("creditor", lang), t("lg_col_channel", lang), t("lg_col_caller", lang),
               t("lg_col_contacted", lang), t("lg_col_said", lang), t("lg_col_threats", lang),
               t("lg_col_evidence", lang), t("lg_col_flags", lang)]
    cited: list[LegalRule] = []
    rows, marked = [], set()
    for i, f in enumerate(flagged):
        c = f.contact
        for rule in f.rules:
            if rule not in cited:
                cited.append(rule)
        refs = " ".join(f"[{n}]" for n in sorted(cited.index(r) + 1 for r in f.rules))
        facts = "、".join(t(FACT_KEYS[x], lang) for x in f.facts) if lang != "en" else \
            ", ".join(t(FACT_KEYS[x], lang) for x in f.facts)
        abuse = [t("lg_fact_threats", lang)] * c.threats + [t("lg_fact_insults", lang)] * c.insults
        rows.append([_when(c.at, lang), c.creditor, t(CHANNEL_KEYS[c.channel], lang), c.caller,
                     as_choice(t(CONTACTED_KEYS[c.contacted], lang), lang), c.said, " / ".join(abuse) or t("no", lang),
                     c.evidence, f"{facts} {refs}".strip() if f.rules else "—"])
        if f.rules:
            marked.add(i)
    rows += [[""] * len(headers) for _ in range(blank_rows)]
    parts = [f'<section class="dp-collections"><h2>{escape(t("lg_log_title", lang))}</h2>']
    if not in_app:
        parts.append(_p(t("lg_log_intro", lang), "dp-small"))
    if not flagged:
        parts.append(_p(t("lg_log_empty", lang)))
    else:
        parts.append(_p(t("lg_flag_summary", lang, count=len(marked), total=len(flagged)), "dp-key"))
    parts.append(html_table(headers, rows, "dp-logtable dp-collection-log", numeric_from=99, highlight=marked))
    if any("night" in f.facts for f in flagged):  # night calls break a convention; one alone is no tort
        parts.append(_p(t("law_night_note", lang), "dp-small dp-night-note"))
    if any(not isinstance(f.contact.at, _dt.datetime) for f in flagged):
        parts.append(_p(t("lg_no_time_note", lang), "dp-small"))
    if cited:
        parts.append(f"<h3>{escape(t('lg_rules_title', lang))}</h3><ol class='dp-rules'>")
        cite = rule_short if in_app else rule_citation
        parts.extend(f"<li>{escape(cite(r, lang))}</li>" for r in cited)
        parts.append("</ol>")
    parts.append("</section>")
    return "".join(parts)


def complaint_letter_html(a: Assessment, rules: Rules, creditor: str, lang: str, to: str = "lender") -> str:
    """A complaint about the flagged contacts of ``creditor``: ``to`` the lender's own complaint channel (first)
    or the regulator (国家金融监督管理总局, 12378)."""
    flagged = [f for f in _flags(a, rules) if f.rules and f.contact.creditor == creditor]
    d = _debt(a, creditor)
    if to == "lender":
        title = t("lg_complaint_lender_title", lang, creditor=creditor)
        greeting = t("lg_complaint_greeting_lender", lang, creditor=creditor)
        intro = t("lg_complaint_intro", lang, name=_name(a), creditor=creditor)
    else:
        title = t("lg_complaint_regulator_title", lang, creditor=creditor)
        greeting = t("lg_complaint_greeting_regulator", lang)
        intro = t("lg_complaint_intro_regulator", lang, name=_name(a), creditor=creditor)
    items = []
    for f in flagged:
        c = f.contact
        items.append(t("lg_complaint_item", lang, when=_when(c.at, lang), channel=t(CHANNEL_KEYS[c.channel], lang),
                       caller=c.caller or "—", contacted=t(CONTACTED_KEYS[c.contacted], lang), said=c.said or "—",
                       evidence=c.evidence or t("lg_no_evidence", lang)))
    cited = []
    for f in flagged:
        cited += [r for r in f.rules if r not in cited]
    asks = [t("lg_ask_stop_third", lang), t("lg_ask_stop_abuse", lang), t("lg_ask_record", lang),
            t("lg_ask_contact_me", lang)]
    parts = [f'<article class="dp-letter dp-complaint"><h2>{escape(title)}</h2>', _p(greeting), _p(intro),
             "<ol>" + "".join(f"<li>{escape(x)}</li>" for x in items) + "</ol>",
             evidence.complaint_calls_html(a, rules, creditor, lang),
             _p(t("lg_complaint_rules", lang)), _ul(rule_line(r, lang) for r in cited),
             _p(t("lg_complaint_ask", lang)), "<ol>" + "".join(f"<li>{escape(x)}</li>" for x in asks) + "</ol>"]
    if d is not None:
        parts.append(_p(t("lg_complaint_willing", lang, share=money_text(d.share, lang),
                          total=money_text(d.owed.total, lang), date=date_text(a.as_of, lang))))
    handling = rules.complaint_reply
    if handling is not None:  # the institutions' own handling period, with the rule that sets it
        # counted from the letter's date (a dated copy: the reply-by date recorded with it)
        reply_by = a.as_of + _dt.timedelta(days=int(a.settings.get("complaint_reply_days", handling.days)))
        parts.append(_p(t("law_complaint_reply" if to == "lender" else "law_complaint_reply_regulator", lang,
                          rule=rule_short(handling, lang), quote=_quote(handling, lang), days=handling.days,
                          creditor=creditor, reply_by=date_text(reply_by, lang))))
    parts.append(_sign(a, lang))
    parts.append("</article>")
    return "".join(parts)


def complaint_letters_html(a: Assessment, rules: Rules, lang: str) -> str:
    creditors = []
    for f in _flags(a, rules):
        if f.rules and f.contact.creditor not in creditors:
            creditors.append(f.contact.creditor)
    if not creditors:
        return ""
    parts = [f'<section class="dp-complaints"><h2>{escape(t("lg_complaints_title", lang))}</h2>',
             _p(t("lg_complaints_intro", lang), "dp-small")]
    for c in creditors:
        parts.append(complaint_letter_html(a, rules, c, lang, "lender"))
        parts.append(complaint_letter_html(a, rules, c, lang, "regulator"))
    parts.append("</section>")
    return "".join(parts)


# ---- 3. court papers: deadlines, the amount claimed, the objection or defence

def claim_check(a: Assessment, event: CourtEvent) -> ClaimCheck | None:
    """The assessment's check of ``event``'s claimed amount (counted to the paper's date), or None."""
    return next((c for c in a.claim_checks if c.event_id == event.id), None)


def _claim_points(a: Assessment, event: CourtEvent, lang: str) -> list[str]:
    check = claim_check(a, event)
    if check is None:
        return []
    points = []
    if check.unexplained > 0:
        points.append(t("lg_claim_unexplained", lang, amount=money_text(check.unexplained, lang)))
    if check.above_cap > 0:
        points.append(t("lg_claim_cap", lang, amount=money_text(check.above_cap, lang),
                        cap=rate_text(_debt(a, event.creditor).court_cap, lang, None)))
    return points


def period_article(rules: Rules, d: Deadline, lang: str) -> str:
    """The law and article a deadline comes from: 《民事诉讼法》第二百二十七条 / Civil Procedure Law, Art. 227."""
    lg = _lang(lang)
    title, article = rules.court_law.get("title", {}).get(lg, ""), d.period.article.get(lg, "")
    return f"{title}, {article}" if lg == "en" else f"《{title}》{article}"


def court_rule_cite(rules: Rules, rule_id: str, lang: str) -> str:
    """One rule of the ``court_rules`` block cited: the law and its article, and "as quoted" when the article
    could not be read in the law's own text (``verified: false``)."""
    lg = _lang(lang)
    rule = rules.court_law.get("rules", {}).get(rule_id)
    if rule is None:
        return ""
    law, article = rule["law"][lg], rule["article"][lg]
    text = f"{law}, {article}" if lg == "en" else f"{law}{article}"
    return text + ("" if rule["verified"] else t("ct_cite_unverified", lang))


def _deadline_lines(d: Deadline, rules: Rules, lang: str) -> list[str]:
    if d.kind == "hearing":
        return [t("ct_hearing_line", lang, due=date_text(d.due, lang), article=period_article(rules, d, lang))]
    if d.court_set:
        lines = [t("ct_due_court_set", lang, act=t(ACT_KEYS[d.kind], lang), due=date_text(d.due, lang),
                   article=period_article(rules, d, lang))]
    else:
        lines = [t("lg_due_line", lang, act=t(ACT_KEYS[d.kind], lang), due=date_text(d.due, lang), days=d.days,
                   received=date_text(d.received, lang), article=period_article(rules, d, lang))]
    if d.moved:
        lines.append(t("lg_due_moved", lang, days=d.days, last=date_text(d.last_day, lang),
                       due=date_text(d.due, lang)))
    if not d.calendar_complete:
        lines.append(t("lg_calendar_missing", lang, years=", ".join(str(y) for y in d.missing_years)))
    if d.kind == "ruling_unknown":
        lines.append(t("ct_ruling_unknown", lang, article=court_rule_cite(rules, "ruling_appeal", lang)))
    lines.append(t(MISSED_KEYS[d.period.missed], lang))
    if not d.period.verified:
        lines.append(t("ct_unverified", lang))
    return lines


def _court_table(events: tuple, by_id: dict, lang: str) -> str:
    rows = []
    for e in events:
        d = next((x for x in by_id.get(e.id, ()) if x.kind != "hearing"), None)
        rows.append([t(KIND_KEYS[e.kind], lang), e.creditor, e.court, e.case_number,
                     date_text(e.received, lang),
                     money_text(e.amount_claimed, lang) if e.amount_claimed is not None else "—",
                     date_text(d.due, lang) if d else "—"])
    return html_table([t("lg_col_kind", lang), t("creditor", lang), t("lg_col_court", lang),
                       t("lg_col_case", lang), t("lg_col_received", lang), t("lg_col_claimed", lang),
                       t("lg_col_due", lang)], rows, "dp-courttable", numeric_from=99,
                      highlight={i for i, e in enumerate(events) if by_id.get(e.id)})


def _no_period(e: CourtEvent, rules: Rules, lang: str) -> str:
    """Why a paper starts no period here, and what that means."""
    if e.small_claims and e.kind == "judgment":
        return t("ct_none_small_claims_judgment", lang, article=court_rule_cite(rules, "small_claims_final", lang))
    if e.small_claims and e.kind == "complaint":
        return t("ct_none_small_claims_no_date", lang)
    if e.kind == "ruling":
        return t("ct_none_ruling_other", lang, article=court_rule_cite(rules, "ruling_appeal", lang))
    return t("lg_no_period", lang)


def _court_deadline(e: CourtEvent, found: list, rules: Rules, lang: str,
                    as_of: _dt.date | None = None) -> str:
    """One paper's heading and its deadline and hearing (or that no period follows from it), with what happens if
    one is missed; a date before ``as_of`` is said to have passed first, with what can still be done."""
    kind = t(KIND_KEYS[e.kind], lang)
    head = f"<h3>{escape(kind[:1].upper() + kind[1:])} · {escape(e.creditor)}</h3>"
    lines = []
    if e.small_claims and e.kind == "complaint":
        lines.append(t("ct_small_claims", lang, article=court_rule_cite(rules, "small_claims_final", lang)))
    if not any(d.kind != "hearing" for d in found):
        lines.append(_no_period(e, rules, lang))
    for d in found:
        if as_of and d.due < as_of:
            lines.append(t("lg_due_passed", lang, due=date_text(d.due, lang)))
        lines.extend(_deadline_lines(d, rules, lang))
    if not found:
        return head + _p(" ".join(lines))
    return head + '<div class="dp-warn">' + _ul(lines) + "</div>"


def _by_event(a: Assessment) -> dict[str, list[Deadline]]:
    """The assessment's deadlines and hearings of each court paper."""
    out: dict[str, list[Deadline]] = {}
    for d in a.deadlines:
        out.setdefault(d.event_id, []).append(d)
    return out


def court_deadlines_html(a: Assessment, rules: Rules, lang: str) -> str:
    """The court papers received and the deadline each one starts, with what happens if it is missed, without
    the objection / defence templates (the app's follow-up step; the report has them in :func:`court_html`)."""
    events = a.profile.court_events
    parts = [f'<section class="dp-court dp-court-deadlines"><h2>{escape(t("lg_court_title", lang))}</h2>']
    if not events:
        parts.append(_p(t("lg_court_empty", lang)))
    else:
        by_id = _by_event(a)
        parts.append(_court_table(events, by_id, lang))
        parts.extend(_court_deadline(e, by_id.get(e.id, []), rules, lang, a.as_of) for e in events)
        parts.append(_p(t("lg_not_advice", lang), "dp-key"))
    parts.append("</section>")
    return "".join(parts)


def received_html(rules: Rules, lang: str) -> str:
    """Which day counts as received: a family member's signature, electronic service, not the printed date."""
    items = [t("ct_received_family", lang, cite=court_rule_cite(rules, "received_family", lang)),
             t("ct_received_electronic", lang, cite=court_rule_cite(rules, "received_electronic", lang),
               cite2=court_rule_cite(rules, "received_electronic_sent", lang)),
             t("ct_received_not_printed", lang)]
    return f"<h3>{escape(t('ct_received_title', lang))}</h3>" + _ul(items, "dp-received")


def next_steps_html(rules: Rules, lang: str) -> str:
    """What can happen next, in plain words, each with its article."""
    steps = (("ct_next_late_objection", "late_objection"), ("ct_next_objection_lawsuit", "objection_lawsuit"),
             ("ct_next_freeze", "freeze_deduct"), ("ct_next_report", "report_assets"),
             ("ct_next_limits", "exit_limits"), ("ct_next_exit", "exit_limits"),
             ("ct_next_extension", "extension"))
    items = [t(key, lang, cite=court_rule_cite(rules, rid, lang)) for key, rid in steps]
    # Art. 266 is read; the conditions of the spending limits and the defaulter list are the SPC's, not read here
    if not rules.court_law.get("rules", {}).get("consumption_limits", {}).get("verified", False):
        items[4] += " " + t("ct_next_limits_unchecked", lang)
    return f"<h3>{escape(t('ct_next_title', lang))}</h3>" + _ul(items, "dp-next-steps")


def court_html(a: Assessment, rules: Rules, lang: str) -> str:
    events = a.profile.court_events
    parts = [f'<section class="dp-court"><h2>{escape(t("lg_court_title", lang))}</h2>']
    if not events:
        parts.append(_p(t("lg_court_empty", lang)))
        parts.append(received_html(rules, lang))
        parts.append(_counting_note(rules, lang))
        parts.append("</section>")
        return "".join(parts)
    by_id = _by_event(a)
    parts.append(_court_table(events, by_id, lang))
    for e in events:
        parts.append(_court_deadline(e, by_id.get(e.id, []), rules, lang, a.as_of))
        check = claim_check(a, e)
        if check is not None:
            parts.append(_p(t("lg_claim_line", lang, kind=t(KIND_KEYS[e.kind], lang),
                              claimed=money_text(check.claimed, lang), date=date_text(check.on, lang),
                              computed=money_text(check.computed_total, lang),
                              principal=money_text(check.principal, lang))))
            points = _claim_points(a, e, lang)
            parts.append(_ul(points) if points else _p(t("lg_claim_none", lang)))
        parts.append(_p(t("lg_not_advice", lang), "dp-key"))
    parts.append(received_html(rules, lang))
    parts.append(next_steps_html(rules, lang))
    parts.append(_counting_note(rules, lang))
    for e in events:
        if e.kind in ("payment_order", "complaint"):
            parts.append(court_paper_html(a, rules, e, lang))
    parts.append("</section>")
    return "".join(parts)


def _counting_note(rules: Rules, lang: str) -> str:
    lg = _lang(lang)
    law = rules.court_law
    cal = rules.holidays
    notices = "; ".join(f"{y}: {cal.notices[y][lg]} ({cal.notices[y]['url']})" for y in sorted(cal.notices))
    text = t("lg_counting", lang, law=law.get("title", {}).get(lg, ""), revision=law.get("revision", ""),
             counting=law.get("counting", {}).get(lg, ""), url=law.get("url", {}).get(lg, ""),
             notices=notices or "—", seen=law.get("date", ""))
    missing = sorted(cal.missing)
    if missing:
        text += " " + t("lg_calendar_years_missing", lang, years=", ".join(str(y) for y in missing))
    return _p(text, "dp-small")


def _claim_body(check: ClaimCheck | None, event: CourtEvent, objection: bool, lang: str) -> str:
    """What she says about the amount: she disputes the part above our figure counted to the paper's date, and
    only that; no figure of ours, no dispute."""
    side = t("ct_side_applicant" if objection else "ct_side_claimant", lang)
    claimed = money_text(event.amount_claimed, lang) if event.amount_claimed is not None else "—"
    if check is None:
        return t("ct_tpl_no_figures", lang, side=side, claimed=claimed)
    figures = {"side": side, "claimed": claimed, "date": date_text(check.on, lang),
               "principal": money_text(check.principal, lang), "computed": money_text(check.computed_total, lang)}
    if check.unexplained > 0:
        return t("ct_tpl_dispute", lang, me=t("ct_me_objector" if objection else "ct_me_defendant", lang),
                 excess=money_text(check.unexplained, lang), **figures)
    return t("ct_tpl_no_excess", lang, side=side, claimed=claimed, date=figures["date"],
             computed=figures["computed"])


def _attachment(check: ClaimCheck, lang: str) -> str:
    """The figures the answer relies on, counted to the paper's date."""
    o = check.owed
    rows = [[t("ct_att_principal", lang), money_text(o.principal, lang)],
            [t("ct_att_interest", lang), money_text(o.unpaid_interest, lang)],
            [t("ct_att_penalty", lang), money_text(o.penalty_interest, lang)],
            [t("ct_att_compound", lang), money_text(o.compound_interest, lang)],
            [t("ct_att_fees", lang), money_text(o.fees, lang)],
            [t("ct_att_total", lang), money_text(o.total, lang)],
            [t("ct_att_claimed", lang), money_text(check.claimed, lang)]]
    return (f"<h3>{escape(t('ct_att_title', lang, date=date_text(check.on, lang)))}</h3>"
            + html_table(["", ""], rows, "dp-attachment", numeric_from=1, highlight={5})
            + _p(t("ct_att_days", lang, days=o.days), "dp-small"))


def court_paper_html(a: Assessment, rules: Rules, event: CourtEvent, lang: str) -> str:
    """The written objection to a payment order, or a short defence statement: it admits nothing unless she
    ticked ``admits_loan``, names the claimant as on the paper, disputes the amount only where the claim is more
    than our figure counted to the paper's date, attaches that figure, and warns when an objection gives no
    ground against the debt itself. With the checklist of what to bring. Marked: not legal advice."""
    lg = _lang(lang)
    d = _debt(a, event.creditor)
    deadline = next((x for x in a.deadlines if x.event_id == event.id and x.kind != "hearing"), None)
    check = claim_check(a, event)
    objection = event.kind == "payment_order"
    title = t("lg_objection_title" if objection else "lg_defence_title", lang)
    claimant = event.plaintiff or t("ct_tpl_claimant_blank", lang)
    parts = [f'<article class="dp-letter dp-court-paper"><h2>{escape(title)}</h2>',
             _p(t("lg_not_advice", lang), "dp-key"),
             _p(t("lg_tpl_translation_aid", lang), "dp-key") if lg == "en" else "",
             _p(t("lg_tpl_to", lang, court=event.court or t("lg_tpl_court_blank", lang))),
             _p(t("lg_tpl_parties_objection" if objection else "lg_tpl_parties_defence", lang, name=_name(a),
                  phone=a.profile.borrower.get("phone") or "", creditor=claimant,
                  case=event.case_number or "—"))]
    received = date_text(event.received, lang)
    body = [t("ct_tpl_objection_received" if objection else "ct_tpl_defence_received", lang, received=received)]
    if event.admits_loan and not objection:
        body.append(t("ct_tpl_admit", lang))
    body.append(_claim_body(check, event, objection, lang))
    parts.append(_p(("" if lg == "zh" else " ").join(body)))
    points = _claim_points(a, event, lang)
    reasons = points + [t("lg_tpl_ask_breakdown", lang)]
    parts.append(_p(t("lg_tpl_reasons", lang)))
    parts.append("<ol>" + "".join(f"<li>{escape(x)}</li>" for x in reasons) + "</ol>")
    if d is not None:  # an offer to repay admits the debt: only as she chose to, else on condition
        parts.append(_p(t("lg_tpl_willing" if event.admits_loan and not objection else "ct_tpl_willing_if_owed",
                          lang, share=money_text(d.share, lang),
                          hardship=a.profile.hardship.text.rstrip("。.") or t("lg_tpl_hardship_blank", lang))))
    parts.append(_p(t("lg_tpl_request_objection" if objection else "lg_tpl_request_defence", lang)))
    if objection:
        if check is not None and not points:
            parts.append(_p(t("ct_tpl_hardship_only", lang, cite=court_rule_cite(rules, "hardship_only", lang)),
                            "dp-warn"))
        parts.append(_p(t("lg_tpl_objection_note", lang, rule=rules.court_law.get("objection_rule", {}).get(lg, "")),
                        "dp-small"))
    parts.append(_p(t("lg_tpl_sign", lang, name=_name(a)), "dp-sign"))
    if check is not None and check.owed is not None:
        parts.append(_attachment(check, lang))
    parts.append(f"<h3>{escape(t('lg_bring_title', lang))}</h3>")
    lis = "".join(f'<li><span class="box">☐</span> {escape(t(k, lang))}</li>' for k in BRING_KEYS)
    parts.append(f'<ul class="dp-checks">{lis}</ul>')
    if deadline is not None:
        parts.append(_p(t("lg_deliver", lang, due=date_text(deadline.due, lang),
                          court=event.court or t("lg_tpl_court_blank", lang)), "dp-key"))
    if check is None and event.amount_claimed is not None:
        parts.append(_p(t("lg_claim_no_debt", lang), "dp-small"))
    parts.append("</article>")
    return "".join(parts)


# ---- 4. the agreement in writing

def agreement_state(a: Assessment, ag: Agreement) -> AgreementStatus:
    """The standing of ``ag`` as the assessment computed it (:mod:`debtplan.calc.agreements`)."""
    found = next((s for s in a.agreement_status if s.agreement is ag), None) or \
        next((s for s in a.agreement_status if s.agreement == ag), None)
    if found is None:
        raise NotFoundError(f"the agreement with {ag.creditor} is not in this assessment: assess the profile it belongs to")
    return found


def agreement_checklist(a: Assessment, ag: Agreement, lang: str) -> list[tuple[str, bool, str]]:
    """What the written confirmation of ``ag`` must state: (item, stated in the record, what the record says).
    Which items the record states is computed once in :func:`debtplan.calc.agreements.agreement_status`."""
    state = agreement_state(a, ag)
    d = _debt(a, ag.creditor)
    rows = agreement_installments(ag, d.debt.principal if d else ag.principal or 0)
    first = rows[0] if rows else None
    schedule = t("lg_val_schedule", lang, months=len(rows), monthly=money_text(first.amount if first else None, lang),
                 first=date_text(ag.start_date, lang), last=date_text(rows[-1].due_date if rows else None, lang))
    interest = t("lg_val_frozen", lang) if ag.interest_frozen else \
        t("lg_val_rate", lang, rate=rate_text(ag.annual_rate, lang)) if ag.annual_rate is not None else ""
    values = {"balance": money_text(ag.principal, lang) if ag.principal is not None else "", "schedule": schedule,
              "interest": interest, "credit": ag.credit_reporting, "missed": ag.if_missed}
    return [(t(key, lang), item in state.recorded_terms, values[item] if item in state.recorded_terms else "")
            for item, key in AGREEMENT_ITEMS]


def written_form_text(form: str, lang: str) -> str:
    return t(WRITTEN_FORM_KEYS.get(form, "law_form_unknown"), lang)


def confirmation_letter_html(a: Assessment, ag: Agreement, lang: str) -> str:
    items = agreement_checklist(a, ag, lang)
    d = _debt(a, ag.creditor)
    stated = [f"{label}: {value}" if lang == "en" else f"{label}：{value}" for label, ok, value in items if ok]
    if not items[0][1] and d is not None:
        stated.insert(0, t("lg_confirm_balance_ours", lang, total=money_text(d.owed.total, lang),
                           principal=money_text(d.owed.principal, lang), date=date_text(a.as_of, lang)))
    missing = [label for label, ok, _ in items if not ok]
    parts = [f'<article class="dp-letter dp-confirmation"><h2>{escape(t("lg_confirm_title", lang, creditor=ag.creditor))}</h2>',
             _p(t("letter_greeting", lang, creditor=ag.creditor)),
             _p(t("lg_confirm_intro", lang, name=_name(a))), _ul(stated)]
    if ag.notes:
        parts.append(_p(t("lg_confirm_notes", lang, notes=ag.notes)))
    if missing:
        parts.append(_p(t("lg_confirm_ask_missing", lang)))
        parts.append(_ul(missing))
    parts.append(_p(t("lg_confirm_reply", lang, reply_by=date_text(_reply_by(a), lang))))
    parts.append(_p(t("letter_thanks", lang)))
    parts.append(_sign(a, lang))
    parts.append("</article>")
    return "".join(parts)


def _agreement_table(a: Assessment, ag: Agreement, lang: str) -> str:
    state = agreement_state(a, ag)
    written = (t("law_written_yes", lang, date=date_text(state.confirmed_on, lang),
                 form=written_form_text(state.confirmed_form, lang)) if state.in_writing else t("law_written_no", lang))
    rows = [[t("law_item_written", lang), t("law_status_confirmed" if state.in_writing else "lg_missing", lang),
             written]]
    rows += [[label, t("law_term_recorded" if ok else "lg_missing", lang), value or "—"]
             for label, ok, value in agreement_checklist(a, ag, lang)]
    parts = [f"<h3>{escape(t('lg_agree_title', lang, creditor=ag.creditor))}</h3>",
             _p(t("law_status_line", lang, status=t(STATUS_KEYS[state.status], lang)), "dp-key")]
    if state.needs_letter:
        parts.append(_p(t("law_not_confirmed", lang, creditor=ag.creditor), "dp-warn dp-not-written"))
    else:
        parts.append(_p(t("law_confirmed_note", lang, creditor=ag.creditor, date=date_text(state.confirmed_on, lang),
                          form=written_form_text(state.confirmed_form, lang)), "dp-small dp-written"))
    parts.append(html_table([t("lg_col_item", lang), t("status", lang), t("lg_col_record", lang)], rows,
                            "dp-agreecheck", numeric_from=99,
                            highlight={i for i, r in enumerate(rows) if r[1] == t("lg_missing", lang)}))
    return "".join(parts)


def agreement_checklist_html(a: Assessment, lang: str) -> str:
    """The checklist of each agreed plan (in writing or not; each term recorded or missing), without the
    confirmation letters (the app's follow-up step; the report has them in :func:`agreement_html`)."""
    if not a.profile.agreements:
        return ""
    parts = [f'<section class="dp-agreement-written"><h2>{escape(t("lg_agree_section", lang))}</h2>',
             _p(t("lg_agree_intro", lang), "dp-small")]
    parts.extend(_agreement_table(a, ag, lang) for ag in a.profile.agreements)
    parts.append("</section>")
    return "".join(parts)


def agreement_html(a: Assessment, lang: str) -> str:
    """Each agreed plan's checklist, and the confirmation letter for each plan not yet confirmed in writing."""
    if not a.profile.agreements:
        return ""
    parts = [f'<section class="dp-agreement-written"><h2>{escape(t("lg_agree_section", lang))}</h2>',
             _p(t("lg_agree_intro", lang), "dp-small")]
    for ag in a.profile.agreements:
        parts.append(_agreement_table(a, ag, lang))
        if agreement_state(a, ag).needs_letter:
            parts.append(confirmation_letter_html(a, ag, lang))
    parts.append("</section>")
    return "".join(parts)


# ---- 5. after a refusal

def refusals(a: Assessment) -> list[Contact]:
    """The last log entry of each lender without an agreed plan whose outcome reads as a refusal."""
    agreed = {ag.creditor for ag in a.profile.agreements}
    last: dict[str, Contact] = {}
    for c in a.profile.negotiations:
        last[c.creditor] = c
    return [c for c in last.values() if c.creditor not in agreed
            and any(w in c.outcome.lower() for w in REFUSAL_WORDS)]


def follow_up_letter_html(a: Assessment, contact: Contact, lang: str) -> str:
    d = _debt(a, contact.creditor)
    reply_by = _reply_by(a)
    parts = [f'<article class="dp-letter dp-follow-up"><h2>{escape(t("lg_follow_title", lang, creditor=contact.creditor))}</h2>',
             _p(t("letter_greeting", lang, creditor=contact.creditor)),
             _p(t("lg_follow_intro", lang, date=date_text(contact.date, lang), offered=contact.offered or "—",
                  reason=contact.outcome))]
    if d is not None:
        parts.append(_p(t("lg_follow_answer", lang, total=money_text(d.owed.total, lang),
                          principal=money_text(d.owed.principal, lang), date=date_text(a.as_of, lang),
                          income=money_text(a.cash_flow.income, lang), costs=money_text(a.cash_flow.essentials, lang),
                          share=money_text(d.share, lang))))
        prop = d.proposal
        if prop.fits and prop.option.months:
            parts.append(_p(t("lg_follow_offer", lang, option=option_name(prop.option, lang),
                              monthly=money_text(prop.option.monthly_payment, lang),
                              first=date_text(add_months(a.as_of, 1), lang),
                              total=money_text(prop.option.total_paid, lang))))
        else:
            parts.append(_p(t("lg_follow_offer_share", lang, share=money_text(d.share, lang))))
    parts.append(_p(t("lg_follow_again", lang, reply_by=date_text(reply_by, lang))))
    parts.append(_p(t("letter_thanks", lang)))
    parts.append(_sign(a, lang))
    parts.append("</article>")
    return "".join(parts)


def follow_ups_html(a: Assessment, lang: str) -> str:
    refused = refusals(a)
    if not refused:
        return ""
    parts = [f'<section class="dp-follow-ups"><h2>{escape(t("lg_follow_section", lang))}</h2>']
    for c in refused:
        parts.append(_p(t("lg_follow_when", lang, creditor=c.creditor, date=date_text(_reply_by(a), lang)), "dp-small"))
        parts.append(follow_up_letter_html(a, c, lang))
    parts.append("</section>")
    return "".join(parts)


# ---- 6. letters sent

def letter_copy_name(letter: LetterSent) -> str:
    """The file name of a letter's dated copy: ``<date>-<kind>-<creditor>.html``. A name whose characters had to
    be replaced, or cut, or that has capitals (a file system may ignore case) gets a short hash of the name as
    written, so two lenders never share a copy ("招商银行/信用卡" and "招商银行 信用卡").

    >>> letter_copy_name(LetterSent("l-1", "complaint", "借呗/花呗 <x>", _dt.date(2026, 11, 20)))
    '2026-11-20-complaint-借呗_花呗__x_-fb8c893.html'
    >>> letter_copy_name(LetterSent("l-1", "proposal", "借呗", _dt.date(2026, 11, 20)))
    '2026-11-20-proposal-借呗.html'
    """
    safe = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in letter.creditor)
    if safe != letter.creditor.lower() or len(safe) > 40:  # a file name has a length limit, too
        import hashlib

        safe = f"{safe[:32]}-{hashlib.sha1(letter.creditor.encode('utf-8')).hexdigest()[:7]}"
    return f"{letter.date.isoformat()}-{letter.kind}-{safe}.html"


def letters_sent_html(a: Assessment, lang: str, note: bool = True) -> str:
    """The letters sent; ``note``: how they are recorded and kept (the report; the app's form says it itself)."""
    letters = a.profile.letters
    parts = [f'<section class="dp-letters-sent"><h2>{escape(t("lg_letters_title", lang))}</h2>']
    if not letters:
        parts.append(_p(t("lg_letters_empty", lang)))
    else:
        passed = [x for x in letters if x.reply_by and x.reply_by < a.as_of]
        rows = [[t(LETTER_KEYS[x.kind], lang), x.creditor, date_text(x.date, lang),
                 date_text(x.reply_by, lang) + (t("lg_reply_passed_mark", lang) if x in passed else ""),
                 x.copy or f"letters/{letter_copy_name(x)}"] for x in letters]
        parts.append(html_table([t("lg_col_letter", lang), t("creditor", lang), t("log_date", lang),
                                 t("lg_col_reply_by", lang), t("lg_col_copy", lang)], rows, "dp-letterstable",
                                numeric_from=99))
        parts.extend(_p(t("lg_reply_passed", lang, creditor=x.creditor, letter=t(LETTER_KEYS[x.kind], lang),
                          date=date_text(x.reply_by, lang)), "dp-warn") for x in passed)
    if note:
        parts.append(_p(t("lg_letters_note", lang), "dp-small"))
    parts.append("</section>")
    return "".join(parts)


def letter_for(a: Assessment, rules: Rules, letter: LetterSent, lang: str) -> str:
    """The HTML of the letter a :class:`LetterSent` record stands for (for its dated copy)."""
    from .pack import letter_html

    d = _debt(a, letter.creditor)
    if letter.kind == "complaint":
        return complaint_letter_html(a, rules, letter.creditor, lang, "lender")
    if letter.kind in ("objection", "defence"):
        kind = "payment_order" if letter.kind == "objection" else "complaint"
        event = next((e for e in a.profile.court_events if e.creditor == letter.creditor and e.kind == kind), None)
        if event is not None:
            return court_paper_html(a, rules, event, lang)
    if letter.kind == "confirmation":
        ag = next((x for x in a.profile.agreements if x.creditor == letter.creditor), None)
        if ag is not None:
            return confirmation_letter_html(a, ag, lang)
    if letter.kind == "follow_up":
        contact = next((c for c in reversed(a.profile.negotiations) if c.creditor == letter.creditor), None)
        if contact is not None:
            return follow_up_letter_html(a, contact, lang)
    return letter_html(a, d, lang) if d is not None else ""


# ---- 7. staying safe

def safety_html(rules: Rules, lang: str) -> str:
    lg = _lang(lang)
    safety = rules.help.get("safety", {})
    items = [("personal_account", "lg_safe_account"), ("agents", "lg_safe_agents"),
             ("borrow_to_repay", "lg_safe_borrow"), ("police", "lg_safe_police"), ("mental_health", "lg_safe_mind")]
    # the police item names the public-order law as the rule file cites it (the revision in force, verified or not)
    public_order = next((r for r in rules.collection_rules if r.id == "public_security"), None)
    lis = []
    for sid, key in items:
        src = safety.get(sid)
        source = t("lg_source", lang, source=src["source"][lg], seen=src["seen"]) if src else ""
        if sid == "police" and public_order is not None:
            src = src or {"seen": public_order.seen}
            source = t("lg_source", lang, source=rule_short(public_order, lang), seen=public_order.seen)
        cite = (f' <span class="dp-small">{escape(f"({source})" if lg == "en" else f"（{source}）")}</span>'
                if src else "")
        lis.append(f"<li>{escape(t(key, lang))}{cite}</li>")
    parts = [f'<section class="dp-safety"><h2>{escape(t("lg_safe_title", lang))}</h2><ul>{"".join(lis)}</ul>',
             f"<h3>{escape(t('lg_hotlines_title', lang))}</h3>"]
    rows = []
    for h in rules.help.get("hotlines", {}).values():
        note = h["note"][lg] if h["note"][lg] else ""
        rows.append([h["number"], h["name"][lg] + (f" ({note})" if note and lang == "en" else f"（{note}）" if note else ""),
                     t("lg_source", lang, source=h["source"][lg], seen=h["seen"])])
    parts.append(html_table([t("lg_col_number", lang), t("lg_col_who", lang), t("lg_col_source", lang)], rows,
                            "dp-hotlines", numeric_from=99))
    parts.append("</section>")
    return "".join(parts)


def legal_html(a: Assessment, rules: Rules, lang: str) -> str:
    """The whole fifth part, in reading order."""
    return "".join([dates_html(a, rules, lang), collection_log_html(a, rules, lang),
                    complaint_letters_html(a, rules, lang), legal_truecost_html(a, lang), court_html(a, rules, lang),
                    agreement_html(a, lang),
                    follow_ups_html(a, lang), letters_sent_html(a, lang), credit_html(a, rules, lang),
                    evidence.evidence_html(a, rules, lang),
                    safety_html(rules, lang)])
