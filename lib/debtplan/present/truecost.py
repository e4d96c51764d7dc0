"""The true cost of each loan, as HTML: who lent it, which ceiling applies to that kind of lender and its source,
and the loan's all-in annual cost against it (the report's second part); and, for a loan above its ceiling, the
figures for a court defence and a letter asking the lender to refund the excess (the fifth part).

The figures come from the assessment (:class:`debtplan.calc.truecost.TrueCost` on each debt); every user text is
escaped. The letter is an ``article.dp-letter``, so it prints on its own pages like the other letters.
"""
from __future__ import annotations

from typing import Any, Callable

from ..calc.assessment import Assessment, DebtAssessment
from ..text.i18n import date_text, money_text, rate_text, t
from .safe import escape

__all__ = ["KIND_KEYS", "kind_text", "ceiling_sentence", "cost_sentence", "truecost_html", "refund_letter_html",
           "above_ceiling", "legal_truecost_html", "talking_points", "cap_letter_key"]

#: The sentence naming each kind of lender (core/schema.py LENDER_KINDS).
KIND_KEYS = {"bank_card": "tc_kind_bank_card", "bank_loan": "tc_kind_bank_loan",
             "consumer_finance": "tc_kind_consumer_finance", "micro_lender": "tc_kind_micro_lender",
             "facilitation": "tc_kind_facilitation", "private": "tc_kind_private"}
#: The sentence stating each ceiling (data/rules/lenders.yaml ``ceilings``).
CEILING_KEYS = {"reduce_on_request": "tc_ceiling_reduce", "card_case_by_case": "tc_ceiling_card",
                "cost_within": "tc_ceiling_within", "private_lpr": "tc_ceiling_private"}


def _p(text: str, cls: str = "") -> str:
    body = "<br>".join(escape(line) for line in text.split("\n"))
    return f'<p class="{cls}">{body}</p>' if cls else f"<p>{body}</p>"


def _source(tc: Any, lang: str) -> str:
    c = tc.ceiling
    text = c.source if lang == "zh" else c.source_en
    return text + ("" if c.verified else t("tc_unverified", lang))


def _cap(tc: Any, lang: str) -> str:
    return rate_text(tc.ceiling.rate, lang, None) if tc.ceiling.rate is not None else t("tc_no_figure", lang)


def kind_text(tc: Any, lang: str) -> str:
    """The kind of lender, its name and funder, and whether it came from the product's usual lender."""
    if not tc.kind:
        return t("tc_kind_assumed", lang)
    text = t(KIND_KEYS[tc.kind], lang)
    if tc.lender:
        text += f"：{tc.lender}" if lang == "zh" else f": {tc.lender_en or tc.lender}"
    if tc.funder:
        text += t("tc_funder", lang, funder=tc.funder)
    if tc.kind_from == "product":
        text += t("tc_kind_product", lang)
    return text


def ceiling_sentence(d: DebtAssessment, lang: str) -> str:
    """Which ceiling applies to this debt's lender, and its source."""
    tc = d.truecost
    key = "tc_ceiling_private_date" if tc.needs_date else CEILING_KEYS[tc.ceiling.basis]
    return t(key, lang, creditor=d.debt.creditor, cap=_cap(tc, lang), source=_source(tc, lang))


def cost_sentence(d: DebtAssessment, lang: str) -> str:
    """The all-in cost of the loan and how it stands against the ceiling ("" without fees)."""
    tc = d.truecost
    if tc.cost is None:
        return ""
    c = tc.cost
    text = t("tc_cost", lang, creditor=d.debt.creditor, apr=rate_text(c.rate.apr, lang),
             monthly=rate_text(c.rate.monthly_rate, lang, 3), received=money_text(c.received, lang),
             payment=money_text(c.flows[0], lang) if c.flows else "", fees=money_text(c.fees, lang))
    if tc.above:
        text += " " + t("tc_above", lang, cap=_cap(tc, lang), excess=money_text(tc.excess, lang))
    elif tc.ceiling.rate is not None:
        text += " " + t("tc_within", lang, cap=_cap(tc, lang))
    return text


def truecost_html(a: Assessment, lang: str, html_table: Callable[..., str]) -> str:
    """Per debt: the kind of lender, the ceiling and its source, the all-in cost of the loan against it, its
    table made by ``html_table`` (present/views.py, which calls this)."""
    debts = [d for d in a.debts if d.truecost is not None]
    if not debts:
        return ""
    rows = []
    for d in debts:
        tc = d.truecost
        cost = t("tc_no_fees", lang) if tc.cost is None else rate_text(tc.cost.rate.apr, lang)
        ceiling = t("tc_unknown", lang) if tc.needs_date else _cap(tc, lang)
        excess = money_text(tc.excess, lang) if tc.excess is not None and tc.cost is not None else "—"
        rows.append([d.debt.creditor, kind_text(tc, lang), ceiling, cost, excess])
    parts = ['<div class="dp-truecost">', f"<h3>{escape(t('tc_title', lang))}</h3>", _p(t("tc_intro", lang), "dp-small"),
             html_table([t("creditor", lang), t("tc_col_kind", lang), t("tc_col_ceiling", lang),
                         t("tc_col_cost", lang), t("tc_col_excess", lang)], rows, "dp-truecost-table", numeric_from=2)]
    for d in debts:
        parts.append(_p(ceiling_sentence(d, lang), "dp-small"))
        sentence = cost_sentence(d, lang)
        if sentence:
            parts.append(_p(sentence, "dp-key" if d.truecost.above else ""))
    parts.append("</div>")
    return "".join(parts)


def above_ceiling(a: Assessment) -> list[DebtAssessment]:
    """The debts whose all-in cost is above a fixed ceiling."""
    return [d for d in a.debts if d.truecost is not None and d.truecost.above]


def refund_letter_html(a: Assessment, d: DebtAssessment, lang: str) -> str:
    """The letter asking the lender to refund what it charged above the ceiling and to stop charging it."""
    tc, c = d.truecost, d.truecost.cost
    cap = _cap(tc, lang)
    name = str(a.profile.borrower.get("name") or a.profile.name)
    account = t("tc_letter_account", lang, account=d.debt.account) if d.debt.account else ""
    lender = (tc.lender if lang == "zh" else tc.lender_en or tc.lender) or d.debt.creditor
    return "".join([
        f'<article class="dp-letter dp-refund"><h2>{escape(t("tc_letter_title", lang, cap=cap, creditor=d.debt.creditor))}</h2>',
        _p(t("tc_letter_to", lang, lender=lender)),
        _p(t("tc_letter_facts", lang, account=account, received=money_text(c.received, lang), months=len(c.flows),
             payment=money_text(c.flows[0], lang), fees=money_text(c.fees, lang), apr=rate_text(c.rate.apr, lang))),
        _p(t("tc_letter_rule", lang, cap=cap, source=_source(tc, lang))),
        _p(t("tc_letter_ask", lang, cap=cap, excess=money_text(tc.excess, lang))),
        _p(t("tc_letter_then", lang)),
        _p(t("tc_letter_sign", lang, name=name, date=date_text(a.as_of, lang)), "dp-sign"),
        "</article>"])


def legal_truecost_html(a: Assessment, lang: str) -> str:
    """For the fifth part: the court-defence figures and the refund letter of each loan above its ceiling."""
    above = above_ceiling(a)
    if not above:
        return ""
    lines = [t("tc_defence_line", lang, creditor=d.debt.creditor, apr=rate_text(d.truecost.cost.rate.apr, lang),
               cap=_cap(d.truecost, lang), source=_source(d.truecost, lang), excess=money_text(d.truecost.excess, lang))
             for d in above]
    parts = ['<section class="dp-truecost-legal">', f"<h2>{escape(t('tc_letter_section', lang))}</h2>",
             f"<h3>{escape(t('tc_defence_title', lang))}</h3>",
             "<ul>" + "".join(f"<li>{escape(x)}</li>" for x in lines) + "</ul>"]
    parts += [refund_letter_html(a, d, lang) for d in above]
    parts.append("</section>")
    return "".join(parts)


def talking_points(d: DebtAssessment, lang: str) -> list[str]:
    """What to say on the phone about the loan's cost: above the ceiling, or (a card) excessive charges."""
    tc = d.truecost
    if tc is None:
        return []
    if tc.above:
        return [t("talk_loan_cost", lang, apr=rate_text(tc.cost.rate.apr, lang), cap=_cap(tc, lang),
                  excess=money_text(tc.excess, lang))]
    if tc.ceiling.basis == "card_case_by_case" and d.owed.charges > 0:
        return [t("talk_card_reduce", lang)]
    return []


def cap_letter_key(d: DebtAssessment) -> str:
    """The proposal letter's sentence on the charges above the ceiling, naming the rule of the lender's kind."""
    private = d.truecost is not None and d.truecost.ceiling.basis == "private_lpr"
    return "letter_cap_excess_private" if private else "letter_cap_excess"
