"""The assessment as plain text for the terminal (``debtplan assess`` without ``--format json``)."""
from __future__ import annotations

from ..calc.assessment import Assessment
from .views import owed_sentence
from .truecost import ceiling_sentence, cost_sentence, kind_text
from ..text.i18n import (date_text, money_text, option_name, rate_text, reason_text, status_name, strategy_name, t,
                         warning_text)

__all__ = ["assessment_text"]


def assessment_text(a: Assessment, lang: str) -> str:
    cf = a.cash_flow
    lines = [t("report_title", lang), t("prepared_for", lang, name=a.profile.borrower.get("name", a.profile.name),
                                        date=date_text(a.as_of, lang)), ""]
    if cf.surplus < 0:
        lines.append(t("negative_sentence", lang, gap=money_text(-cf.surplus, lang)))
    else:
        lines.append(t("surplus_sentence", lang, income=money_text(cf.income, lang),
                       costs=money_text(cf.essentials + cf.savings_contribution, lang),
                       surplus=money_text(cf.surplus, lang), buffer=rate_text(a.settings["buffer_rate"], lang, 0),
                       available=money_text(a.available, lang)))
    for d in a.debts:
        o = d.owed
        lines += ["", f"== {d.debt.creditor} =="]
        lines.append(owed_sentence(a, d, lang))
        if o.court_cap_excess > 0:
            lines.append(t("cap_sentence", lang, excess=money_text(o.court_cap_excess, lang),
                           cap=rate_text(d.court_cap, lang, None)))
        if d.truecost is not None:
            lines.append(f"{t('tc_col_kind', lang)}: {kind_text(d.truecost, lang)}")
            lines.append(ceiling_sentence(d, lang))
            lines += [x for x in [cost_sentence(d, lang)] if x]
        lines.append(f"{t('options_title', lang, creditor=d.debt.creditor)}:")
        for x in d.options:
            mark = "✓" if x.feasible else " "
            label, amount = ((t("upfront", lang), x.upfront) if not x.months else
                             (t("monthly_payment", lang), x.monthly_payment))
            lines.append(f"  {mark} {option_name(x, lang):<28} {label} "
                         f"{money_text(amount, lang):>14}  {t('total_paid', lang)} "
                         f"{money_text(x.total_paid, lang):>14}  {t('apr', lang)} {rate_text(x.apr, lang)}")
        lines.append(f"{t('proposal_title', lang)}: {reason_text(d, a, lang)}")
    if len(a.debts) > 1:
        lines += ["", t("priority_title", lang) + ":"]
        lines += [f"  {i}. " + t("priority_line", lang, creditor=d.debt.creditor,
                                 week=money_text(d.projection[7].total - d.projection[0].total, lang))
                  for i, d in enumerate(a.priority, 1)]
        lines += ["", t("strategies_title", lang) + ":"]
        for name, s in a.strategies.items():
            when = date_text(s.debt_free_date, lang) if s.months is not None else t("never", lang)
            lines.append(f"  {strategy_name(name, lang)}: {t('debt_free', lang)} {when}, "
                         f"{t('total_paid', lang)} "
                         f"{money_text(s.total_paid, lang) if s.repaid else t('not_repaid', lang)}")
    if a.tracking:
        lines += ["", t("agreements_title", lang) + ":"]
    for tr in a.tracking:
        nxt = f"{date_text(tr.next_due_date, lang)} {money_text(tr.next_due_amount, lang)}" if tr.next_due_date else "—"
        lines.append(f"  {tr.creditor}: {status_name(tr.status, lang)}, {t('paid_to_date', lang)} "
                     f"{money_text(tr.paid_to_date, lang)} / {t('due_to_date', lang)} "
                     f"{money_text(tr.due_to_date, lang)}; {t('next_due', lang)} {nxt}")
    if a.warnings:
        lines += ["", t("warnings", lang) + ":"] + [f"  - {warning_text(w, lang)}" for w in a.warnings]
    return "\n".join(lines)
