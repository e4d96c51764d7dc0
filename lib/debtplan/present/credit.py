"""Her credit record, as HTML and as plain data: for each debt where it is reported and, for each plan, the month
it is cleared and the latest month its negative record is removed; her own free report; the warning about paid
"credit repair"; each objection to a wrong record with its letter and answer date; and each agreed plan against
this month's money, with a request to vary it drafted before a payment is missed.

The figures come from the assessment (:class:`debtplan.calc.credit.CreditOutlook`); the rules' texts and their
sources from data/rules/credit.yaml (``rules.credit.texts``), each cited with the date it was read and marked
unconfirmed where only secondary pages were found. Every user text is escaped.
"""
from __future__ import annotations

import datetime as _dt
from typing import Any

from ..calc.assessment import Assessment
from ..calc.credit import ObjectionCheck, PlanCheck
from ..core.model import Rules
from ..core.money import ZERO, fmt_money, fmt_rate
from ..text.i18n import date_text, money_text, option_name, rate_text, t
from .safe import escape
from .views import html_table

__all__ = ["credit_html", "record_html", "objections_html", "objection_letter_html", "plans_html",
           "vary_letter_html", "credit_to_dict", "month_text", "objection_label", "objection_description",
           "KIND_KEYS", "TO_KEYS"]

KIND_KEYS = {"overdue_after_plan": "cr_kind_overdue_after_plan", "wrong_amount": "cr_kind_wrong_amount",
             "wrong_date": "cr_kind_wrong_date", "not_mine": "cr_kind_not_mine", "other": "cr_kind_other"}
TO_KEYS = {"institution": "cr_to_institution", "credit_centre": "cr_to_credit_centre"}


def _p(text: str, cls: str = "") -> str:
    return f'<p class="{cls}">{escape(text)}</p>' if cls else f"<p>{escape(text)}</p>"


def month_text(day: _dt.date | None, lang: str) -> str:
    """``2030年11月`` or ``November 2030``.

    >>> month_text(_dt.date(2030, 11, 28), "zh"), month_text(_dt.date(2030, 11, 28), "en")
    ('2030年11月', 'November 2030')
    """
    if day is None:
        return "—"
    return day.strftime("%B %Y") if lang == "en" else f"{day.year}年{day.month}月"


def _source(rules: Rules, key: str, lang: str) -> str:
    """A rule's source as cited: its text's address and the date it was read, "unconfirmed" when not verified."""
    entry = rules.credit.texts.get(key)
    if not entry:
        return ""
    where = entry["url"] or ("no reliable source found" if lang == "en" else "未找到可靠来源")
    text = t("lg_source", lang, source=where, seen=entry["seen"])
    if not entry["verified"]:
        text += " " + t("lg_unconfirmed_short", lang)
    return text


def _cite(rules: Rules, key: str, lang: str) -> str:
    source = _source(rules, key, lang)
    return f'<p class="dp-small dp-source">{escape(source)}</p>' if source else ""


def _name(a: Assessment) -> str:
    return a.profile.borrower.get("name") or a.profile.name


# ---- where it is reported, and each plan's months

def record_html(a: Assessment, rules: Rules, lang: str) -> str:
    """Each debt: where it is reported, the proposed plan's sentence and every plan's months."""
    c = a.credit
    parts = [_p(t("cr_intro", lang, years=c.years)), _p(t("cr_latest_note", lang), "dp-small")]
    options = {d.debt.creditor: d for d in a.debts}
    cited = False
    for rec in c.debts:
        d = options[rec.creditor]
        parts.append(f"<h3>{escape(rec.creditor)}</h3>")
        parts.append(_p(t("cr_reported_card" if rec.product == "credit-card" else "cr_reported", lang)))
        if not cited:  # the sources of where debts are reported, once
            parts.append(_cite(rules, "reported_pboc", lang) + _cite(rules, "reported_baihang", lang))
            cited = True
        proposal = d.proposal.option
        if not rec.overdue:
            parts.append(_p(t("cr_not_overdue", lang)))
            parts.append(_p(t("cr_proposed_current", lang, option=option_name(proposal, lang),
                              cleared=month_text(rec.proposed.cleared, lang))))
        else:
            parts.append(_p(t("cr_proposed", lang, option=option_name(proposal, lang),
                              cleared=month_text(rec.proposed.cleared, lang),
                              gone=month_text(rec.proposed.record_gone_by, lang)), "dp-credit-proposed"))
        rows, mark = [], set()
        for i, (o, r) in enumerate(zip(d.options, rec.outlooks)):
            arrears_first = rec.overdue and o.kind == "keep_contract" and o.upfront > 0
            note = (t("cr_settled_mark", lang) if r.settled_for_less
                    else t("cr_arrears_first", lang) if arrears_first else "")
            rows.append([option_name(o, lang), month_text(r.cleared, lang),
                         month_text(r.record_gone_by, lang) if r.record_gone_by else t("cr_no_record", lang), note])
            if o.key == proposal.key:
                mark.add(i)
        parts.append(html_table([t("cr_col_option", lang), t("cr_col_cleared", lang), t("cr_col_gone", lang),
                                 t("cr_col_note", lang)], rows, "dp-credit-table", numeric_from=99, highlight=mark))
        if any(r.settled_for_less for r in rec.outlooks):
            parts.append(_cite(rules, "settlement_reporting", lang))
    parts.append(_cite(rules, "record_years", lang))
    parts.append(_p(t("cr_statement", lang)))
    return "".join(parts)


def _free_html(a: Assessment, rules: Rules, lang: str) -> str:
    channels = (rules.credit.texts.get("channels") or {}).get("en" if lang == "en" else "zh", "")
    return (f'<h3>{escape(t("cr_free_title", lang))}</h3>'
            + _p(t("cr_free", lang, n=rules.credit.free_reports) + " " + channels)
            + _cite(rules, "free_reports", lang) + _cite(rules, "channels", lang))


def _scam_html(a: Assessment, rules: Rules, lang: str) -> str:
    return (f'<div class="dp-warn dp-credit-scam"><h3>{escape(t("cr_scam_title", lang))}</h3>'
            + _p(t("cr_scam", lang, years=a.credit.years)) + _cite(rules, "repair_scam", lang) + "</div>")


# ---- objections

def _status(o: ObjectionCheck, lang: str) -> str:
    if o.objection.sent is None:
        return t("cr_obj_draft", lang)
    if o.objection.answered is not None:
        return t("cr_obj_answered", lang, date=date_text(o.objection.answered, lang))
    return t("cr_obj_late", lang) if o.late else t("cr_obj_waiting", lang)


def objection_letter_html(a: Assessment, o: ObjectionCheck, lang: str) -> str:
    """The objection (异议) to send, with her words and the 20-day answer the article asks for."""
    x = o.objection
    blank = t("cr_letter_blank", lang)
    return "".join([
        f'<article class="dp-letter dp-credit-objection"><h2>{escape(t("cr_letter_title", lang))}</h2>',
        _p(t("cr_letter_to", lang, to=x.institution if x.send_to == "institution" else t(TO_KEYS[x.send_to], lang))),
        _p(t("cr_letter_body", lang, name=_name(a), id4=a.profile.borrower.get("id_last4") or blank,
             institution=x.institution, kind=t(KIND_KEYS[x.kind], lang), shows=x.shows or blank,
             should_show=x.should_show or blank)),
        _p(t("cr_letter_ask", lang, days=a.credit.objection_days)),
        _p(t("cr_letter_attach", lang)),
        _p(t("letter_sign", lang, name=_name(a), date=date_text(x.sent or a.as_of, lang)), "dp-sign"),
        "</article>"])


def objections_html(a: Assessment, rules: Rules, lang: str, letters: bool = True) -> str:
    """The objections recorded, their answer dates and what to do when none came; ``letters``: each letter."""
    c = a.credit
    parts = [f'<section class="dp-credit-objections"><h3>{escape(t("cr_obj_title", lang))}</h3>',
             _p(t("cr_obj_intro", lang, days=c.objection_days)), _cite(rules, "objection_days", lang)]
    if not c.objections:
        parts.append(_p(t("cr_obj_empty", lang), "dp-small"))
    else:
        rows = [[o.objection.institution, t(KIND_KEYS[o.objection.kind], lang), date_text(o.objection.sent, lang),
                 date_text(o.reply_by, lang), _status(o, lang)] for o in c.objections]
        parts.append(html_table([t("field_institution", lang), t("cr_obj_col_kind", lang),
                                 t("cr_obj_col_sent", lang), t("cr_obj_col_due", lang), t("cr_obj_col_status", lang)],
                                rows, "dp-credit-objections-table", numeric_from=99))
        for o in c.objections:
            if o.late:
                parts.append(_p(t("cr_obj_no_answer", lang, institution=o.objection.institution,
                                  date=date_text(o.reply_by, lang)), "dp-warn"))
        for o in c.objections:
            if o.reply_by and not o.late and o.objection.answered is None:
                parts.append(_p(t("cr_obj_when", lang, institution=o.objection.institution,
                                  date=date_text(o.reply_by, lang)), "dp-small"))
        if any(o.reply_by and o.objection.answered is None for o in c.objections):  # where to complain: its source
            parts.append(_cite(rules, "no_answer", lang))
        if letters:
            parts.extend(objection_letter_html(a, o, lang) for o in c.objections if o.objection.answered is None)
    parts.append("</section>")
    return "".join(parts)


# ---- agreed plans against this month

def vary_letter_html(a: Assessment, p: PlanCheck, lang: str) -> str:
    """A request to vary an agreed plan, to send before ``p.due``."""
    ag = next(x for x in a.profile.agreements if x.id == p.agreement_id)
    ask = (t("cr_vary_ask", lang, suggested=money_text(p.suggested, lang), months=p.suggested_months,
             left=money_text(p.left, lang)) if p.suggested_months
           else t("cr_vary_pause", lang, left=money_text(p.left, lang)))
    return "".join([
        f'<article class="dp-letter dp-credit-vary"><h2>{escape(t("cr_vary_title", lang))}</h2>',
        _p(t("letter_greeting", lang, creditor=p.creditor)),
        _p(t("cr_vary_body", lang, name=_name(a), start=date_text(ag.start_date, lang), date=date_text(p.due, lang),
             payment=money_text(p.payment, lang), room=money_text(max(p.room, ZERO), lang))),
        _p(ask), _p(t("cr_vary_close", lang, date=date_text(p.due, lang))),
        _p(t("letter_thanks", lang)),
        _p(t("letter_sign", lang, name=_name(a), date=date_text(a.as_of, lang)), "dp-sign"),
        "</article>"])


def _rule_line(a: Assessment, rules: Rules, p: PlanCheck, lang: str) -> str:
    card = any(d.debt.product == "credit-card" for d in a.debts if d.debt.creditor == p.creditor)
    if card:
        return _p(t("cr_vary_card", lang), "dp-small") + _cite(rules, "card_plan_broken", lang)
    return _p(t("cr_vary_other", lang), "dp-small")


def vary_html(a: Assessment, rules: Rules, lang: str) -> str:
    """The plans that no longer fit this month, each with its request to vary (empty when all fit): what the
    follow-up step shows first."""
    c = a.credit
    if c is None or not c.vary_requests:
        return ""
    parts = ['<section class="dp-credit-vary-now">']
    for p in c.vary_requests:
        warn = t("cr_vary_warn", lang, date=date_text(p.due, lang), creditor=p.creditor,
                 payment=money_text(p.payment, lang), room=money_text(max(p.room, ZERO), lang))
        parts.append(f'<div class="dp-warn" role="alert">{escape(warn)}</div>')
        parts.append(_rule_line(a, rules, p, lang))
        parts.append(vary_letter_html(a, p, lang))
    parts.append("</section>")
    return "".join(parts)


def plans_html(a: Assessment, rules: Rules, lang: str, vary: bool = True) -> str:
    """Each agreed plan: the next payment, the money for it this month, how far income may fall; ``vary``: with
    the requests to vary (the app's follow-up step shows those first, on their own)."""
    c = a.credit
    parts = [f'<section class="dp-credit-plans"><h3>{escape(t("cr_plans_title", lang))}</h3>']
    if not c.plans:
        parts.append(_p(t("cr_plans_none", lang), "dp-small"))
        parts.append("</section>")
        return "".join(parts)
    parts.append(_p(t("cr_plans_intro", lang)))
    rows = [[p.creditor, f"{date_text(p.due, lang)} {money_text(p.payment, lang)}", money_text(p.room, lang),
             "—" if p.drop is None or p.drop < 0 else f"{money_text(p.drop_amount, lang)} ({rate_text(p.drop, lang)})",
             t("cr_plans_breaks", lang) if p.vary else t("cr_plans_fits", lang)] for p in c.plans]
    parts.append(html_table([t("creditor", lang), t("cr_plans_col_next", lang), t("cr_plans_col_room", lang),
                             t("cr_plans_col_drop", lang), t("cr_obj_col_status", lang)], rows, "dp-credit-plans-table",
                            numeric_from=2, highlight={i for i, p in enumerate(c.plans) if p.vary}))
    for p in c.plans:
        if not p.vary and p.drop is not None:
            parts.append(_p(t("cr_plan_drop", lang, creditor=p.creditor, amount=money_text(p.drop_amount, lang),
                              share=rate_text(p.drop, lang))))
    if vary:
        parts.append(vary_html(a, rules, lang))
    parts.append("</section>")
    return "".join(parts)


def credit_html(a: Assessment, rules: Rules, lang: str) -> str:
    """The report's section on her credit record, in reading order."""
    if a.credit is None:
        return ""
    return "".join([f'<section class="dp-credit"><h2>{escape(t("cr_title", lang))}</h2>',
                    plans_html(a, rules, lang) if a.credit.vary_requests else "",
                    record_html(a, rules, lang), _free_html(a, rules, lang), _scam_html(a, rules, lang),
                    objections_html(a, rules, lang),
                    "" if a.credit.vary_requests else plans_html(a, rules, lang), "</section>"])


# ---- the calendar's words

def objection_label(key: Any, lang: str) -> str:
    """The calendar title of an objection's answer date."""
    return t("cr_cal_answer", lang, institution=key.creditor)


def objection_description(key: Any, days: int, lang: str) -> str:
    return t("cr_cal_answer_desc", lang, days=days)


# ---- plain data (``debtplan assess --format json``)

def _d(day: _dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def _m(value: Any) -> str | None:
    return None if value is None else fmt_money(value)


def credit_to_dict(a: Assessment) -> dict | None:
    """The credit outlook as JSON-ready data: months as YYYY-MM, days as YYYY-MM-DD, money with two decimals,
    the income drop as a decimal fraction with six (as the rest of ``assess --format json``)."""
    c = a.credit
    if c is None:
        return None
    return {
        "record_years": c.years, "objection_days": c.objection_days,
        "debts": [{"creditor": r.creditor, "overdue": r.overdue,
                   "proposed": {"key": r.proposed.key, "cleared": r.proposed.cleared.strftime("%Y-%m"),
                                "record_gone_by": r.proposed.record_gone_by.strftime("%Y-%m")
                                if r.proposed.record_gone_by else None},
                   "options": [{"key": o.key, "kind": o.kind, "cleared": o.cleared.strftime("%Y-%m"),
                                "record_gone_by": o.record_gone_by.strftime("%Y-%m") if o.record_gone_by else None,
                                "settled_for_less": o.settled_for_less} for o in r.outlooks]}
                  for r in c.debts],
        "plans": [{"agreement_id": p.agreement_id, "creditor": p.creditor, "next_due": _d(p.due),
                   "payment": _m(p.payment), "room": _m(p.room), "income_drop_that_breaks": None if p.drop is None
                   else fmt_rate(p.drop), "income_drop_amount": _m(p.drop_amount), "vary_request": p.vary,
                   "left": _m(p.left), "suggested_payment": _m(p.suggested) if p.vary else None,
                   "suggested_months": p.suggested_months if p.vary else None} for p in c.plans],
        "objections": [{"id": o.objection.id, "institution": o.objection.institution, "kind": o.objection.kind,
                        "send_to": o.objection.send_to, "sent": _d(o.objection.sent), "reply_by": _d(o.reply_by),
                        "answered": _d(o.objection.answered), "late": o.late} for o in c.objections],
    }
