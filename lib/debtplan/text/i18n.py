"""Every sentence a user reads, in 中文 and English, and locale formatting of money, rates and dates.

``t(key, lang, **params)`` returns the sentence; ``money_text``/``rate_text``/``date_text`` format numbers
for the reader (``1,234.56 元`` / ``CNY 1,234.56``; ``2026年11月28日`` / ``28 Nov 2026``). Plain, calm words:
the reader may be frightened. Nothing here promises what a lender has not agreed.
"""
from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from typing import Any

from ..core.money import round_money
from .sentences import SENTENCES

__all__ = ["t", "money_text", "rate_text", "date_text", "months_text", "LANGS", "SENTENCES", "category_name",
           "option_name", "reason_text", "warning_text", "product_name", "strategy_name", "status_name", "channel_name",
           "hardship_name", "HARDSHIP_PROOF_KEYS", "cost_line_label", "as_choice"]

LANGS = ("zh", "en")


CATEGORY_NAMES = {
    "food": ("食品", "Food"), "clothing": ("衣着", "Clothing"), "housing": ("居住", "Housing"),
    "rent": ("房租/房贷", "Rent or mortgage"), "utilities": ("水电燃气", "Utilities"),
    "household": ("日用品及服务", "Household goods"), "transport": ("交通", "Transport"),
    "communication": ("通信", "Phone and internet"), "education": ("教育文化娱乐", "Education and leisure"),
    "childcare": ("子女教育/托管", "Childcare and school"), "leisure": ("娱乐", "Leisure"),
    "health": ("医疗保健", "Health"), "insurance": ("保险", "Insurance"), "personal": ("个人开支", "Personal"),
    "other": ("其他", "Other"),
}
GROUP_NAMES = {"transport": ("交通通信", "Transport and communications"),
               "education": ("教育文化娱乐", "Education, culture and leisure"),
               "household": ("生活用品及服务", "Household goods and services"),
               "food": ("食品烟酒", "Food, drink and tobacco"), "other": ("其他用品及服务", "Other goods and services")}

PRODUCT_NAMES = {"jiebei": ("借呗", "Jiebei"), "huabei": ("花呗", "Huabei"), "weilidai": ("微粒贷", "Weilidai"),
                 "credit-card": ("信用卡", "Credit card"), "generic": ("其他贷款", "Other loan")}


def _lang(lang: str) -> str:
    return lang if lang in LANGS else "zh"


def t(key: str, lang: str, **params: Any) -> str:
    """The sentence ``key`` in ``lang``, with ``params`` filled in."""
    entry = SENTENCES[key]
    text = entry.get(_lang(lang)) or entry["zh"]
    return text.format(**params) if params else text


def money_text(value: Decimal | None, lang: str, unit: bool = True, currency: str = "CNY") -> str:
    """``1,234.56 元`` (zh) or ``CNY 1,234.56`` (en).

    >>> money_text(Decimal("21260"), "zh"), money_text(Decimal("-5.5"), "en")
    ('21,260.00 元', '-CNY 5.50')
    """
    if value is None:
        return "—"
    v = round_money(Decimal(value))
    body = f"{abs(v):,.2f}"
    sign = "-" if v < 0 else ""
    if not unit:
        return sign + body
    if _lang(lang) == "zh":
        return f"{sign}{body} {'元' if currency == 'CNY' else currency}"
    return f"{sign}{currency} {body}"


def rate_text(value: Decimal | None, lang: str, places: int | None = 2) -> str:
    """A rate as a percentage: ``13.03%``; ``—`` for None; ``places=None``: as few places as the value needs,
    up to 2 (a ceiling: ``24%``, ``12.4%``).

    >>> rate_text(Decimal("0.130335"), "en"), rate_text(Decimal("0.124"), "en", None), rate_text(Decimal("0.24"), "en", None)
    ('13.03%', '12.4%', '24%')
    """
    if value is None:
        return "—"
    if places is None:
        return f"{Decimal(value) * 100:.2f}".rstrip("0").rstrip(".") + "%"
    return f"{Decimal(value) * 100:.{places}f}%"


def date_text(value: _dt.date | None, lang: str) -> str:
    """``2026年11月28日`` or ``28 Nov 2026``.

    >>> date_text(_dt.date(2026, 11, 28), "zh"), date_text(_dt.date(2026, 11, 28), "en")
    ('2026年11月28日', '28 Nov 2026')
    """
    if value is None:
        return "—"
    if _lang(lang) == "zh":
        return f"{value.year}年{value.month}月{value.day}日"
    return value.strftime("%d %b %Y").lstrip("0")


def months_text(n: int | None, lang: str) -> str:
    if n is None:
        return t("never", lang)
    return f"{n} 个月" if _lang(lang) == "zh" else f"{n} month{'s' if n != 1 else ''}"


def category_name(category: str, lang: str, group: bool = False) -> str:
    names = (GROUP_NAMES.get(category) if group else None) or CATEGORY_NAMES.get(category, (category, category))
    return names[0] if _lang(lang) == "zh" else names[1]


def cost_line_label(category: str, name: str | None, lang: str) -> str:
    """A cost line as the reader knows it: the category and the person's own name for it, said once.

    When one contains the other (``Food`` / ``Food``, ``水电燃气`` / ``水电燃气``, ``日用品及服务`` / ``日用品``)
    only the longer is shown.

    >>> cost_line_label("food", "Food", "en"), cost_line_label("transport", "通勤", "zh")
    ('Food', '交通 · 通勤')
    >>> cost_line_label("household", "日用品", "zh"), cost_line_label("other", None, "en")
    ('日用品及服务', 'Other')
    """
    cat = category_name(category, lang)
    own = (name or "").strip()
    if not own:
        return cat
    a, b = cat.casefold(), own.casefold()
    if a in b or b in a:
        return own if len(own) > len(cat) else cat
    return f"{cat} · {own}"


def product_name(product: str, lang: str) -> str:
    names = PRODUCT_NAMES.get(product, (product, product))
    return names[0] if _lang(lang) == "zh" else names[1]


#: The sentence key of each code, written out so that a search for a key finds where it is used.
OPTION_KEYS = {"keep_contract": "opt_keep_contract", "installments": "opt_installments",
               "interest_frozen": "opt_interest_frozen", "penalty_waiver": "opt_penalty_waiver",
               "deferral": "opt_deferral", "settlement": "opt_settlement", "offer": "opt_offer",
               "product_installments": "opt_product_installments"}
WARNING_KEYS = {"agreement_above_share": "warn_agreement_above_share", "apr_above_cap": "warn_apr_above_cap",
                "court_cap_excess": "warn_court_cap_excess", "negative_surplus": "warn_negative_surplus",
                "loan_cost_above_ceiling": "warn_loan_cost_above_ceiling", "private_needs_date": "warn_private_needs_date",
                "no_feasible_option": "warn_no_feasible_option", "no_income": "warn_no_income",
                "not_stress_proof": "warn_not_stress_proof", "payment_late": "warn_payment_late",
                "unknown_category": "warn_unknown_category"}
STRATEGY_KEYS = {"pro-rata": "strategy_pro-rata", "avalanche": "strategy_avalanche", "snowball": "strategy_snowball"}
STATUS_KEYS = {"on_track": "status_on_track", "behind": "status_behind", "ahead": "status_ahead"}
CHANNEL_KEYS = {"app": "channel_app", "phone": "channel_phone", "chat": "channel_chat", "letter": "channel_letter",
                "email": "channel_email", "in_person": "channel_in_person", "other": "channel_other"}
HARDSHIP_KEYS = {"job_loss": "hardship_job_loss", "income_drop": "hardship_income_drop",
                 "illness": "hardship_illness", "family": "hardship_family", "business": "hardship_business",
                 "other": "hardship_other"}
#: What to bring as proof, by the reason payments stopped.
HARDSHIP_PROOF_KEYS = {"job_loss": "check_job_loss", "income_drop": "check_income_drop", "illness": "check_illness",
                       "family": "check_family", "business": "check_business", "other": "check_other"}


def strategy_name(name: str, lang: str) -> str:
    return t(STRATEGY_KEYS[name], lang)


def status_name(status: str, lang: str) -> str:
    return t(STATUS_KEYS[status], lang)


def channel_name(channel: str, lang: str) -> str:
    return t(CHANNEL_KEYS[channel], lang)


def hardship_name(reason: str, lang: str) -> str:
    return t(HARDSHIP_KEYS[reason], lang)


def as_choice(words: str, lang: str) -> str:
    """Words as one choice of a list (a dropdown's option, a cell of a table) rather than inside a sentence:
    in English they start with a capital, the rest kept as written ("my family" -> "My family", "PBoC" stays).

    >>> as_choice("my family", "en"), as_choice("the PBoC Credit Reference Center", "en"), as_choice("家人", "zh")
    ('My family', 'The PBoC Credit Reference Center', '家人')
    """
    return words[:1].upper() + words[1:] if lang == "en" else words


def option_name(option: Any, lang: str, in_text: bool = False) -> str:
    """A plain name for an option (:class:`debtplan.calc.options.Option`); ``in_text``: as it reads inside a
    sentence, after a colon ("Ask for: interest frozen, 48 months")."""
    kind = option.kind
    if kind == "deferral":
        defer = sum(1 for p in option.payments if p == 0)
        name = t("opt_deferral", lang, defer=defer, term=option.months - defer)
    else:
        name = t(OPTION_KEYS[kind], lang, months=option.months, label=getattr(option, "label", ""))
    return name[:1].lower() + name[1:] if in_text and _lang(lang) == "en" else name


def months_list(months: list[int], lang: str) -> str:
    """"24 and 36" / "24、36" (a list of plan lengths in months)."""
    if lang == "zh":
        return "、".join(str(m) for m in months)
    return str(months[0]) if len(months) == 1 else ", ".join(str(m) for m in months[:-1]) + f" and {months[-1]}"


def reason_text(debt_assessment: Any, assessment: Any, lang: str) -> str:
    """Why this proposal, in one or two plain sentences."""
    p = debt_assessment.proposal
    o = p.option
    creditor = debt_assessment.debt.creditor
    share = money_text(debt_assessment.share, lang)
    buffer = rate_text(assessment.settings["buffer_rate"], lang, 0)
    drop = rate_text(assessment.settings["stress_income_drop"], lang, 0)
    if not p.fits:
        return t("reason_none", lang, creditor=creditor, share=share, option=option_name(o, lang),
                 needed=money_text(p.needed_monthly, lang))
    if o.months:
        text = t("reason_fits", lang, option=option_name(o, lang, in_text=True),
                 monthly=money_text(o.monthly_payment, lang), creditor=creditor, share=share, buffer=buffer)
    else:  # a single payment is paid from savings, not from the monthly share
        text = t("reason_fits_once", lang, option=option_name(o, lang, in_text=True),
                 upfront=money_text(o.upfront, lang), savings=money_text(assessment.savings_available, lang))
    text += t("reason_stress_ok" if p.survives_stress else "reason_stress_no", lang, drop=drop)
    if p.alternative is not None and p.saving and p.saving > 0:
        text += t("reason_saving", lang, saving=money_text(p.saving, lang), alt=option_name(p.alternative, lang))
    if p.shorter:
        nxt = p.next_offer
        text += t("reason_shorter", lang, terms=months_list([x.months for x in p.shorter], lang), drop=drop,
                  months=o.months, next=option_name(nxt, lang, in_text=True), monthly=money_text(nxt.monthly_payment, lang))
    text += t("reason_end", lang, total=money_text(o.total_paid, lang))
    if p.apr_above_cap:
        text += " " + t("apr_warning", lang, apr=rate_text(o.apr, lang),
                        cap=rate_text(assessment.limits.apr_warning, lang, 0))
    return text


def warning_text(warning: Any, lang: str) -> str:
    params = {}
    for k, v in warning.params.items():
        if k in ("amount", "needed", "share"):
            params[k] = money_text(v, lang)
        elif k in ("apr", "drop", "cap"):
            params[k] = rate_text(v, lang, 2 if k == "apr" else None)
        elif k == "suggest":
            params[k] = category_name(v, lang) if v else ""
        else:
            params[k] = v
    if warning.code == "unknown_category" and not params.get("suggest"):
        return t("warn_unknown_category_plain", lang, given=params["given"])
    return t(WARNING_KEYS[warning.code], lang, **params)
