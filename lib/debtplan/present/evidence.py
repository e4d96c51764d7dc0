"""Evidence from her phone, the case-number check and the paid-helper checklist, as HTML (in the report's fifth
part) and the sentence the complaint letters state.

The counts come from what the profile keeps of each imported call log (``call_imports:``, counts per number and
day; never the calls themselves), summed by :func:`debtplan.calc.calls.imported_summary`. The daily limit of
unanswered calls is a collection convention's, given by a rule of data/rules/legal.yaml (``rules.evidence``);
while no rule gives one, no day is checked against it. Every user text is escaped.
"""
from __future__ import annotations

from typing import Any, Iterable

from ..calc.assessment import Assessment
from ..calc.calls import CallSummary, imported_summary
from ..calc.casenumber import check_case_number
from ..calc.collection import unanswered_call_limit
from ..core.model import LegalRule, Rules
from ..text.evidence import agent_checklist, call_summary_sentences, case_number_sentences
from ..text.i18n import date_text, t
from .safe import escape
from .views import figure_html, html_table

__all__ = ["evidence_html", "calls_html", "calls_chart", "complaint_calls_sentence", "complaint_calls_html", "case_numbers_html",
           "agent_checklist_html", "call_limit", "creditors_with_calls"]

NIGHT_COLOR, DAY_COLOR = "#C44E52", "#4C72B0"


def call_limit(rules: Rules) -> tuple[int | None, LegalRule | None]:
    """The convention's daily limit of unanswered calls to one number and its rule (None, None while
    data/rules/legal.yaml names none)."""
    return unanswered_call_limit(rules.collection_rules)


def creditors_with_calls(a: Assessment) -> list[str]:
    out: list[str] = []
    for imp in a.profile.call_imports:
        if imp.creditor not in out:
            out.append(imp.creditor)
    return out


def _summary(a: Assessment, rules: Rules, creditor: str, contacted: str | None = "borrower") -> CallSummary:
    return imported_summary(a.profile.call_imports, creditor, limit=call_limit(rules)[0], contacted=contacted)


def complaint_calls_sentence(a: Assessment, rules: Rules, creditor: str, lang: str) -> str:
    """What a complaint letter states of the imported call logs: the period and the counts ("" when none)."""
    s = _summary(a, rules, creditor, contacted=None)
    if not s.calls:
        return ""
    key = "ev_letter_counts_over" if s.days_over_limit else "ev_letter_counts"
    return t(key, lang, start=date_text(s.start, lang), end=date_text(s.end, lang), calls=s.calls, creditor=creditor,
             numbers=len(s.numbers), unanswered=s.unanswered, night=s.night, days=len(s.days_over_limit),
             limit=s.limit or 0)


def complaint_calls_html(a: Assessment, rules: Rules, creditor: str, lang: str) -> str:
    """The letter's paragraph stating the counts and the period ("" when no call log was imported)."""
    text = complaint_calls_sentence(a, rules, creditor, lang)
    return f'<p class="dp-call-counts">{escape(text)}</p>' if text else ""


def calls_chart(summary: CallSummary, lang: str) -> Any:
    """Calls per day over the period, the night calls (22:00-08:00) marked in their own colour on top."""
    from .charts import _fig

    fig, ax = _fig(7, 2.8)
    days = [d for d, *_ in summary.per_day]
    night = [n for *_, n in summary.per_day]
    daytime = [c - n for _, c, _, n in summary.per_day]
    ax.bar(days, daytime, width=0.9, color=DAY_COLOR, label=t("ev_chart_day", lang))
    ax.bar(days, night, width=0.9, bottom=daytime, color=NIGHT_COLOR, hatch="///", label=t("ev_chart_night", lang))
    over = set(summary.days_over_limit)
    if over:
        tops = [c + 0.5 for d, c, _, _ in summary.per_day if d in over]
        ax.plot([d for d in days if d in over], tops, "v", color="#333333", markersize=5,
                label=t("ev_chart_over", lang, limit=summary.limit))
    ax.set_ylabel(t("ev_chart_y", lang))
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.legend(loc="upper left", frameon=False)
    fig.autofmt_xdate()
    return fig


def _day_rows(summary: CallSummary, lang: str) -> list[list[str]]:
    over = set(summary.days_over_limit)
    return [[date_text(day, lang) + (" ▼" if day in over else ""), str(calls), str(unanswered), str(night)]
            for day, calls, unanswered, night in summary.per_day if calls]


def _one_log(creditor: str, summary: CallSummary, lang: str, title: str) -> str:
    parts = [f"<h3>{escape(title)}</h3>"]
    parts += [f"<p>{escape(x)}</p>" for x in call_summary_sentences(summary, creditor, lang)]
    parts.append(figure_html(calls_chart(summary, lang), t("ev_chart_caption", lang)))
    parts.append(html_table([t("ev_col_number", lang), t("ev_col_region", lang), t("ev_col_calls", lang),
                             t("ev_col_unanswered", lang), t("ev_col_night", lang), t("ev_col_first", lang),
                             t("ev_col_last", lang)],
                            [[n.shown, n.region_zh if lang == "zh" else n.region_en, str(n.calls), str(n.unanswered),
                              str(n.night), date_text(n.first, lang), date_text(n.last, lang)]
                             for n in summary.numbers], "dp-call-numbers", numeric_from=2))
    mark = f" {t('ev_days_mark', lang, limit=summary.limit)}" if summary.days_over_limit else ""
    parts.append(f"<h4>{escape(t('ev_days_title', lang) + mark)}</h4>"
                 + html_table([t("ev_col_day", lang), t("ev_col_calls", lang), t("ev_col_unanswered", lang),
                               t("ev_col_night", lang)], _day_rows(summary, lang), "dp-call-days"))
    return "".join(parts)


def calls_html(a: Assessment, rules: Rules, lang: str) -> str:
    """Per lender: the counts from her own phone, then those from a relative's or employer's export, each with
    a chart and tables; the files they were counted from (name, fingerprint, day imported); the convention's
    limit as a convention."""
    creditors = creditors_with_calls(a)
    if not creditors:
        return ""
    limit, rule = call_limit(rules)
    parts = [f'<section class="dp-call-evidence"><h2>{escape(t("ev_calls_title", lang))}</h2>',
             f'<p class="dp-small">{escape(t("ev_calls_intro", lang))}</p>']
    for creditor in creditors:
        mine = _summary(a, rules, creditor)
        if mine.calls:
            parts.append(_one_log(creditor, mine, lang, t("ev_calls_mine", lang, creditor=creditor)))
        others = {(i.label, i.contacted) for i in a.profile.call_imports
                  if i.creditor == creditor and i.contacted != "borrower"}
        for label, contacted in sorted(others):
            s = imported_summary([i for i in a.profile.call_imports if i.label == label], creditor, limit=limit,
                                 contacted=contacted)
            if s.calls:
                parts.append(_one_log(creditor, s, lang,
                                      t("ev_calls_other", lang, creditor=creditor, label=label or "—")))
    files = [[i.file, i.sha256[:16], i.label or "—", i.creditor, date_text(i.imported, lang) if i.imported else "—"]
             for i in a.profile.call_imports]
    parts.append(html_table([t("ev_col_file", lang), t("ev_col_sha", lang), t("field_label", lang),
                             t("creditor", lang), t("ev_col_imported", lang)], files, "dp-call-files", numeric_from=9))
    if rule is not None:
        lg = "en" if lang == "en" else "zh"
        said = t("ev_limit_rule", lang, limit=limit, issuer=rule.issuer.get(lg, ""), title=rule.title.get(lg, ""),
                 revision=rule.revision) + (" " + t("lg_unconfirmed_short", lang) if rule.unconfirmed else "")
        parts.append(f'<p class="dp-small">{escape(said)}</p>')
    else:
        parts.append(f'<p class="dp-small">{escape(t("calls_no_limit", lang))}</p>')
    parts.append(f'<p class="dp-small">{escape(t("ev_night_note", lang))}</p></section>')
    return "".join(parts)


def case_numbers_html(a: Assessment, lang: str) -> str:
    """For each court paper with a case number: whether its form is right and fits the paper, and always how to
    check it with the court (never "real" or "fake")."""
    parts = [f'<section class="dp-case-check"><h2>{escape(t("ev_case_title", lang))}</h2>']
    checked = [e for e in a.profile.court_events if e.case_number]
    for e in checked:
        check = check_case_number(e.case_number, e.kind, a.as_of.year)
        parts.append(f"<h3>{escape(e.case_number)}</h3>")
        parts.append("<ul>" + "".join(f"<li>{escape(x)}</li>" for x in case_number_sentences(check, e.kind, lang))
                     + "</ul>")
    if not checked:
        parts.append(f"<p>{escape(t('ev_case_none', lang))}</p>")
    parts.append("</section>")
    return "".join(parts)


def agent_checklist_html(rules: Rules, lang: str, ticked: Iterable[str] = ()) -> str:
    """The paid-helper checklist: boxes to tick on paper, each item with the regulator's warning as source."""
    title, items, advice = agent_checklist((rules.evidence or {}).get("agent_signs", ()), lang)
    ticked = set(ticked)
    lis = "".join(f'<li><span class="dp-box" aria-hidden="true">{"☒" if i in ticked else "☐"}</span> '
                  f'{escape(text)} <span class="dp-small">{escape(source)}</span></li>'
                  for i, (text, source) in enumerate(items))
    return (f'<section class="dp-agent-check"><h2>{escape(title)}</h2><ul class="dp-checklist">{lis}</ul>'
            f"<p>{escape(advice)}</p></section>")


def evidence_html(a: Assessment, rules: Rules, lang: str) -> str:
    """The report's fifth part's evidence sections, in reading order."""
    return calls_html(a, rules, lang) + case_numbers_html(a, lang) + agent_checklist_html(rules, lang)
