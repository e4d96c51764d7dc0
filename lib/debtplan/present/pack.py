"""The negotiation pack as HTML: statement of finances, one letter per creditor, checklist, talking points,
contact log and agreed plans. Every number comes from the assessment; every user text is escaped."""
from __future__ import annotations

from .safe import cell, escape, no_math

from . import charts, truecost
from ..calc.assessment import Assessment, DebtAssessment
from ..core.dates import add_days, add_months
from ..core.model import Contact
from ..text.i18n import (HARDSHIP_PROOF_KEYS, channel_name, cost_line_label, date_text, hardship_name,
                         money_text, option_name, product_name, rate_text, status_name, t)
from .views import benchmarks_html, figure_html, html_table, schedule_html

__all__ = ["statement_html", "letter_html", "checklist_html", "talking_points_html", "rights_html",
           "contact_log_html",
           "agreements_html", "pack_html"]


def _para(text: str, cls: str = "") -> str:
    body = "<br>".join(escape(line) for line in text.split("\n"))
    return f'<p class="{cls}">{body}</p>' if cls else f"<p>{body}</p>"


def _name(a: Assessment) -> str:
    return a.profile.borrower.get("name") or a.profile.name


def _since(a: Assessment, lang: str) -> str:
    h = a.profile.hardship
    return t("since", lang, date=date_text(h.since, lang)) if h.since else ""


#: How each reason reads inside the letter's sentence ("I lost my job since 1 Jul 2026, so I could not pay...").
CAUSE_KEYS = {"job_loss": "cause_job_loss", "income_drop": "cause_income_drop", "illness": "cause_illness",
              "family": "cause_family", "business": "cause_business", "other": "cause_other"}


def _cause(a: Assessment, lang: str) -> str:
    h = a.profile.hardship
    # a job is lost on a day ("I lost my job on 1 September 2026"); the other reasons last since a day
    when = "letter_on" if h.reason == "job_loss" else "letter_since"
    since = t(when, lang, date=date_text(h.since, lang)) if h.since else ""
    return t(CAUSE_KEYS[h.reason], lang, since=since)


def _hardship_text(a: Assessment, d: DebtAssessment) -> str:
    """The borrower's own words, in the letter to ``d``'s lender unless they name another of her lenders (the
    attached statement carries them in full)."""
    text = a.profile.hardship.text or ""
    others = {x.debt.creditor for x in a.debts if x is not d and x.debt.creditor != d.debt.creditor}
    return "" if any(name and name in text for name in others) else text


def _plan_items(a: Assessment, d: DebtAssessment, first, lang: str) -> list[str]:
    """What the proposed plan does, each point said only when the plan does it, with its amount."""
    opt, o = d.proposal.option, d.owed
    if opt.months:
        plan = t("letter_plan_months", lang, months=opt.months, monthly=money_text(opt.monthly_payment, lang),
                 first=date_text(first, lang))
    else:
        plan = t("letter_plan_upfront", lang, upfront=money_text(opt.upfront, lang))
    items = [option_name(opt, lang), plan]
    if opt.months and opt.upfront > 0:  # a lump sum before the monthly payments (arrears and charges)
        items.insert(1, t("letter_plan_upfront_first", lang, upfront=money_text(opt.upfront, lang)))
    if opt.kind == "interest_frozen":
        fees = opt.total_paid - o.total  # the plan's own fees while interest is frozen
        items.append(t("letter_frozen_fee", lang, fees=money_text(fees, lang)) if fees > 0
                     else t("letter_frozen_yes", lang))
    elif opt.kind == "offer":
        items.append(t("letter_offer_terms", lang))
    elif opt.months:
        items.append(t("letter_frozen_no", lang))
    if opt.waived > 0:
        items.append(t("letter_waiver_settle" if opt.kind == "settlement" else "letter_waiver_yes", lang,
                       waived=money_text(opt.waived, lang)))
    elif o.charges > 0:
        items.append(t("letter_waiver_no", lang, charges=money_text(o.charges, lang)))
    return items


def _total_sentence(d: DebtAssessment, lang: str) -> str:
    """The plan's total, and what it becomes once the charges above the court cap the letter asks to remove
    are taken off (when the plan itself does not waive them)."""
    opt, o = d.proposal.option, d.owed
    frozen_plain = opt.kind == "interest_frozen" and opt.total_paid == o.total
    text = t("letter_total_frozen" if frozen_plain else "letter_total", lang,
             total=money_text(opt.total_paid, lang))
    if o.court_cap_excess > 0 and opt.waived < o.court_cap_excess:
        text += " " + t("letter_total_cap", lang, excess=money_text(o.court_cap_excess, lang),
                        less=money_text(opt.total_paid - o.court_cap_excess, lang))
    return text


def _household(hh, lang: str) -> str:
    adults = t("adults_one", lang) if hh.adults == 1 else t("adults_many", lang, n=hh.adults)
    children = (t("children_none", lang) if hh.children == 0 else t("children_one", lang) if hh.children == 1
                else t("children_many", lang, n=hh.children))
    return t("household_city" if hh.city else "household_line", lang, adults=adults, children=children, city=hh.city)


def statement_html(a: Assessment, lang: str) -> str:
    prof, cf = a.profile, a.cash_flow
    hh = prof.household
    parts = [f'<article class="dp-statement"><h2>{escape(t("statement_title", lang))}</h2>',
             _para(t("prepared_for", lang, name=_name(a), date=date_text(a.as_of, lang)), "dp-sub"),
             f"<h3>{escape(t('household', lang))}</h3>",
             _para(_household(hh, lang))]
    h = prof.hardship
    parts.append(f"<h3>{escape(t('hardship_title', lang))}</h3>")
    parts.append(_para(f"{hardship_name(h.reason, lang)} {_since(a, lang)}".strip()))
    if h.text:
        parts.append(_para(h.text))
    rows = [[i.name, money_text(i.amount, lang)] for i in cf.income_lines]
    rows.append([t("income", lang), money_text(cf.income, lang)])
    for label, items, total in ((t("fixed_costs", lang), prof.fixed_costs, cf.fixed_costs),
                                (t("flexible_costs", lang), prof.flexible_costs, cf.flexible_costs)):
        for c in items:
            rows.append([f"{label} · {cost_line_label(c.category, c.name, lang)}", money_text(c.amount, lang)])
        rows.append([label, money_text(total, lang)])
    rows.append([t("savings_contribution", lang), money_text(cf.savings_contribution, lang)])
    rows.append([t("surplus", lang), money_text(cf.surplus, lang)])
    parts.append(html_table([t("category", lang), t("w_amount", lang)], rows, "dp-budget", highlight={len(rows) - 1}))
    parts.append(_para(t("savings_line", lang, amount=money_text(prof.savings.balance, lang))))
    parts.append(benchmarks_html(a, lang))
    parts.append(f"<h3>{escape(t('debts_title', lang))}</h3>")
    debt_rows = [[d.debt.creditor, product_name(d.debt.product, lang), money_text(d.owed.principal, lang),
                  money_text(d.owed.total, lang), money_text(d.contractual_payment, lang), money_text(d.share, lang)]
                 for d in a.debts]
    debt_rows.append([t("total_owed", lang), "", "", money_text(a.total_owed, lang), "", money_text(a.available, lang)])
    parts.append(html_table([t("creditor", lang), t("product", lang), t("principal", lang), t("total_owed", lang),
                             t("monthly_payment", lang), t("offered_monthly", lang)], debt_rows, "dp-owed", numeric_from=2))
    parts.append(_para(t("signature", lang), "dp-sign"))
    parts.append("</article>")
    return "".join(parts)


def _others(count: int, lang: str) -> str:
    if count <= 0:
        return ""
    return t("letter_others_one", lang) if count == 1 else t("letter_others", lang, count=count)


def letter_html(a: Assessment, d: DebtAssessment, lang: str) -> str:
    """One proposal letter, on its own pages when printed."""
    o, prop = d.owed, d.proposal
    opt = prop.option
    creditor = d.debt.creditor
    reply_by = add_days(a.as_of, int(a.settings["reply_days"]))
    first = add_months(a.as_of, 1)
    account = t("letter_account", lang, account=d.debt.account) if d.debt.account else ""
    parts = [f'<article class="dp-letter"><h2>{escape(t("letter_title", lang, creditor=creditor))}</h2>',
             _para(t("letter_greeting", lang, creditor=creditor)),
             _para(t("letter_intro", lang, name=_name(a), account=account, total=money_text(o.total, lang),
                     date=date_text(a.as_of, lang), principal=money_text(o.principal, lang))),
             # a predatory loan's charges above the court cap are named in the letter itself
             _para(t(truecost.cap_letter_key(d), lang, excess=money_text(o.court_cap_excess, lang),
                     cap=rate_text(d.court_cap, lang, None))) if o.court_cap_excess > 0 else "",
             _para(t("letter_hardship", lang, cause=_cause(a, lang), text=_hardship_text(a, d)).strip()),
             _para(t("letter_capacity", lang, income=money_text(a.cash_flow.income, lang),
                     costs=money_text(a.cash_flow.essentials, lang), share=money_text(d.share, lang),
                     others=_others(len(a.debts) - 1, lang)))]
    confirm = "letter_confirm"
    if prop.fits:
        parts.append(_para(t("letter_ask", lang)))
        items = _plan_items(a, d, first, lang)
        parts.append("<ul>" + "".join(f"<li>{escape(x)}</li>" for x in items) + "</ul>")
        parts.append(_para(_total_sentence(d, lang)))
    elif d.share > 0:
        parts.append(_para(t("letter_token", lang, share=money_text(d.share, lang),
                             months=a.settings["deferral_months"],
                             needed=money_text(prop.needed_monthly, lang), option=option_name(prop.option, lang))))
    else:
        parts.append(_para(t("letter_not_fit", lang, months=a.settings["deferral_months"])))
        confirm = "letter_confirm_pause"  # only a pause asked for: no plan to "keep to"
    parts.append(_para(t(confirm, lang, reply_by=date_text(reply_by, lang))))
    parts.append(_para(t("letter_thanks", lang)))
    phone = a.profile.borrower.get("phone")
    parts.append(_para(t("letter_sign", lang, name=_name(a), date=date_text(a.as_of, lang))
                       + ("\n" + t("letter_contact", lang, phone=phone) if phone else ""), "dp-sign"))
    if prop.fits and opt.schedule is not None and opt.months:
        parts.append(f"<h3>{escape(t('letter_schedule', lang))}</h3>")
        parts.append(schedule_html([(date_text(add_months(first, k), lang), money_text(pay, lang))
                                    for k, pay in enumerate(opt.payments)], lang))
    parts.append("</article>")
    return "".join(parts)


def checklist_html(a: Assessment, lang: str) -> str:
    items = [t("check_id", lang)]
    for d in a.debts:
        items.append(t("check_contract", lang, creditor=d.debt.creditor))
        items.append(t("check_records", lang, creditor=d.debt.creditor))
    items += [t("check_income", lang), t("check_bank", lang), t("check_statement", lang),
              t(HARDSHIP_PROOF_KEYS[a.profile.hardship.reason], lang), t("check_log", lang)]
    lis = "".join(f'<li><span class="box">☐</span> {escape(x)}</li>' for x in items)
    return f'<section class="dp-checklist"><h2>{escape(t("checklist_title", lang))}</h2><ul class="dp-checks">{lis}</ul></section>'


def talking_points_html(a: Assessment, lang: str) -> str:
    parts = [f'<section class="dp-talk"><h2>{escape(t("talk_title", lang))}</h2>']
    for d in a.debts:
        prop = d.proposal
        parts.append(f"<h3>{cell(d.debt.creditor)}</h3><ol>")
        points = [t("talk_facts", lang, creditor=d.debt.creditor, total=money_text(d.owed.total, lang),
                    principal=money_text(d.owed.principal, lang), days=d.owed.days)]
        if prop.fits:
            points.append(t("talk_ask", lang, option=option_name(prop.option, lang, in_text=True),
                            monthly=money_text(prop.option.monthly_payment, lang)))
            if prop.next_offer is not None:
                points.append(t("talk_next", lang, option=option_name(prop.next_offer, lang, in_text=True),
                                monthly=money_text(prop.next_offer.monthly_payment, lang)))
            if prop.fallback:
                points.append(t("talk_accept", lang, option=option_name(prop.fallback, lang, in_text=True),
                                monthly=money_text(prop.fallback.monthly_payment, lang)))
        elif d.share > 0:
            points.append(t("letter_token", lang, share=money_text(d.share, lang),
                            months=a.settings["deferral_months"],
                            needed=money_text(prop.needed_monthly, lang), option=option_name(prop.option, lang)))
        else:
            points.append(t("letter_not_fit", lang, months=a.settings["deferral_months"]))
        points.append(t("talk_limit", lang, share=money_text(d.share, lang)))
        if d.owed.court_cap_excess > 0:
            points.append(t("talk_cap", lang, excess=money_text(d.owed.court_cap_excess, lang),
                            cap=rate_text(d.court_cap, lang, None)))
        points += truecost.talking_points(d, lang)
        points += [t("talk_questions", lang), t("talk_record", lang)]
        parts.append("".join(f"<li>{escape(x)}</li>" for x in points) + "</ol>")
    parts.append(_para(t("talk_calm", lang), "dp-small"))
    parts.append("</section>")
    return "".join(parts)


def rights_html(a: Assessment, lang: str) -> str:
    """The legal limits that protect the borrower, each with its source (data/rules/legal.yaml)."""
    lim = a.limits
    items = [("rights_cap", {"cap": rate_text(lim.court_cap, lang, 0)}, "court_cap"),
             ("rights_apr", {}, "apr_disclosure"),
             ("rights_record", {"years": lim.credit_record_years}, "credit_record_years")]
    if any(d.debt.product == "credit-card" for d in a.debts):
        items.append(("rights_card", {"months": lim.card_max_installment_months}, "card_max_installment_months"))
    if any(d.debt.product == "generic" for d in a.debts):
        items.append(("rights_private", {"cap": rate_text(lim.private_lending_cap, lang, 0)},
                      "private_lending_lpr_multiple"))
    items += [("rights_collect", {}, None), ("rights_borrow", {}, None)]
    lis = []
    for key, params, source_key in items:
        source = lim.sources.get(source_key) if source_key else None
        sentence = t(key, lang, **params)
        # cited after the sentence unless the sentence names it already (rights_cap does, with its article)
        cite = (f' <span class="dp-small">({escape(source.text(lang))})</span>'
                if source and source.text(lang) not in sentence else "")
        lis.append(f"<li>{escape(sentence)}{cite}</li>")
    return f'<section class="dp-rights"><h2>{escape(t("rights_title", lang))}</h2><ul>{"".join(lis)}</ul></section>'


def _next_step(contact: Contact, lang: str) -> str:
    """What comes next after a contact, with the day agreed for it ("等回电 · 2026年12月7日")."""
    when = date_text(contact.next_date, lang) if contact.next_date else ""
    return " · ".join(x for x in (contact.next_step, when) if x)


def contact_log_html(a: Assessment, lang: str, blank_rows: int = 4) -> str:
    headers = [t("log_date", lang), t("creditor", lang), t("log_channel", lang), t("log_person", lang),
               t("w_offered", lang), t("w_asked", lang), t("w_outcome", lang), t("w_next_step", lang)]
    rows = [[date_text(c.date, lang), c.creditor, channel_name(c.channel, lang), c.person, c.offered, c.asked,
             c.outcome, _next_step(c, lang)] for c in a.profile.negotiations]
    rows += [[""] * len(headers) for _ in range(blank_rows)]
    note = "" if a.profile.negotiations else _para(t("log_empty", lang), "dp-small")
    return (f'<section class="dp-log"><h2>{escape(t("log_title", lang))}</h2>{note}'
            f'{html_table(headers, rows, "dp-logtable", numeric_from=99)}</section>')


def agreements_html(a: Assessment, lang: str) -> str:
    parts = [f'<section class="dp-agreements"><h2>{escape(t("agreements_title", lang))}</h2>']
    if not a.tracking:
        parts.append(_para(t("agreements_empty", lang)))
    else:
        rows = [[tr.creditor, status_name(tr.status, lang), money_text(tr.due_to_date, lang),
                 money_text(tr.paid_to_date, lang),
                 f"{date_text(tr.next_due_date, lang)} · {money_text(tr.next_due_amount, lang)}"
                 if tr.next_due_date else "—"] for tr in a.tracking]
        parts.append(html_table([t("creditor", lang), t("status", lang), t("due_to_date", lang),
                                 t("paid_to_date", lang), t("next_due", lang)], rows, "dp-tracking"))
        for w in a.warnings:
            if w.code in ("payment_late", "agreement_above_share"):
                from ..text.i18n import warning_text

                parts.append(f'<div class="dp-warn">{escape(warning_text(w, lang))}</div>')
        for tr in a.tracking:
            parts.append(figure_html(charts.tracking_chart(tr, lang)))
    parts.append("</section>")
    return "".join(parts)


def pack_html(a: Assessment, lang: str) -> str:
    """The whole printable pack, in reading order."""
    return no_math("".join([statement_html(a, lang)] + [letter_html(a, d, lang) for d in a.debts] +
                           [checklist_html(a, lang), talking_points_html(a, lang), rights_html(a, lang),
                            contact_log_html(a, lang),
                            agreements_html(a, lang)]))
