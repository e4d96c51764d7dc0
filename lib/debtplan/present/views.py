"""The report's sections as HTML: headings, sentences, tables and charts for each step.

Every user-supplied text (names, creditors, notes) goes through :func:`html.escape`. Charts are inline SVG,
so a section needs nothing from the network. Notebooks display these; widgets re-render them.
"""
from __future__ import annotations

from decimal import Decimal
from .safe import NO_MATH, cell, escape, no_math
from typing import Any, Iterable, Sequence

from . import charts
from .truecost import truecost_html
from ..calc.assessment import Assessment, DebtAssessment
from ..core.dates import add_months
from ..calc.grid import scenario_grid
from ..text.i18n import (SENTENCES, strategy_name, category_name, cost_line_label, date_text, money_text, option_name, product_name, rate_text, reason_text,
                   t, warning_text)
from ..core.model import CATEGORY_GROUP
from .styles import style_block

__all__ = ["html_table", "figure_html", "header_html", "cash_flow_html", "owed_html", "plans_html",
           "plan_detail_html", "warnings_html", "not_served"]


#: The introduction under each step's heading.
STEP_INTROS = {"nb1_title": "nb1_intro", "nb2_title": "nb2_intro", "nb3_title": "nb3_intro", "nb4_title": "nb4_intro",
               "nb5_title": "nb5_intro"}


def html_table(headers: Sequence[str], rows: Iterable[Sequence[Any]], cls: str = "", numeric_from: int = 1,
               highlight: set[int] | None = None) -> str:
    """A table with every cell escaped; columns from ``numeric_from`` on are right-aligned."""
    head = "".join(f"<th>{escape(str(h))}</th>" for h in headers)
    labels = [f' data-label="{escape(str(h))}"' if str(h) else "" for h in headers]
    body = []
    for i, row in enumerate(rows):
        # data-label: a narrow screen shows each row as a card, each value under its column's name (app.css)
        cells = "".join(f'<td class="{"num" if j >= numeric_from else ""}"{labels[j] if j < len(labels) else ""}>'
                        f"{cell(c)}</td>" for j, c in enumerate(row))
        mark = ' class="highlight"' if highlight and i in highlight else ""
        body.append(f"<tr{mark}>{cells}</tr>")
    return f'<table class="dp-table {cls}"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'


def figure_html(fig: Any, caption: str = "") -> str:
    svg = charts.figure_svg(fig)
    cap = f"<figcaption>{escape(caption)}</figcaption>" if caption else ""
    return f'<figure class="dp-chart">{svg}{cap}</figure>'


def _p(text: str, cls: str = "") -> str:
    return f'<p class="{cls}">{escape(text)}</p>' if cls else f"<p>{escape(text)}</p>"


def header_html(a: Assessment, lang: str, step: str, standalone: bool = False) -> str:
    """A step's heading. With ``standalone`` (a notebook shown on its own, in JupyterLab or Voila) it also
    carries the parts' style sheet and a Chinese font subset covering every sentence of the product and the
    profile's own text, so the page reads correctly on a machine without Chinese fonts."""
    who = a.profile.borrower.get("name") or a.profile.name
    style = ""
    if standalone:
        words = [entry.get(lang, "") for entry in SENTENCES.values()]
        words += [category_name(c, lang) for c in CATEGORY_GROUP] + [str(a.profile)]
        style = style_block(not_served("".join(words)), lang)
    intro = _p(t(STEP_INTROS[step], lang), "dp-key") if standalone else ""
    return (f'{style}<header class="dp-step {NO_MATH}"><h1>{escape(t(step, lang))}</h1>'
            f'<p class="dp-sub">{escape(t("prepared_for", lang, name=who, date=date_text(a.as_of, lang)))}</p>'
            f"{intro}</header>")


def not_served(text: str) -> str:
    """Under the app's server (``debtplan.app.serve`` sets ``DEBTPLAN_SERVED_FONT``) the broad font file already
    holds the common characters: the page then embeds only the others (a rare character in a name), which
    saves about 0.6 s and 110 kB per page. Elsewhere (JupyterLab) all of ``text``."""
    import os

    if not os.environ.get("DEBTPLAN_SERVED_FONT"):
        return text
    from .servedfont import common_characters

    covered = set(common_characters())
    return "".join(sorted({ch for ch in text if ch not in covered}))


def warnings_html(a: Assessment, lang: str, codes: set[str] | None = None) -> str:
    items = [w for w in a.warnings if codes is None or w.code in codes]
    if not items:
        return ""
    lis = "".join(f"<li>{escape(warning_text(w, lang))}</li>" for w in items)
    return f'<div class="dp-warn"><strong>{escape(t("warnings", lang))}</strong><ul>{lis}</ul></div>'


def cash_flow_html(a: Assessment, lang: str) -> str:
    cf = a.cash_flow
    parts = ['<section class="dp-section" id="cash-flow">']
    if cf.surplus < 0:
        parts.append(_p(t("negative_sentence", lang, gap=money_text(-cf.surplus, lang)), "dp-key"))
    else:
        parts.append(_p(t("surplus_sentence", lang, income=money_text(cf.income, lang),
                          costs=money_text(cf.essentials + cf.savings_contribution, lang),
                          surplus=money_text(cf.surplus, lang), buffer=rate_text(a.settings["buffer_rate"], lang, 0),
                          available=money_text(a.available, lang)), "dp-key"))
    for line in cf.income_lines:
        if line.method == "lower_half_average":
            parts.append(_p(t("irregular_note", lang, name=line.name, given=line.months_given, used=line.months_used,
                              amount=money_text(line.amount, lang))))
        elif line.method == "stated_irregular":
            parts.append(_p(t("irregular_stated", lang, name=line.name, amount=money_text(line.amount, lang))))
    rows = [[i.name, money_text(i.amount, lang)] for i in cf.income_lines]
    rows.append([t("income", lang), money_text(cf.income, lang)])
    for label, items in ((t("fixed_costs", lang), a.profile.fixed_costs),
                         (t("flexible_costs", lang), a.profile.flexible_costs)):
        for c in items:
            rows.append([f"{label} · {cost_line_label(c.category, c.name, lang)}", money_text(-c.amount, lang)])
    if cf.savings_contribution:
        rows.append([t("savings_contribution", lang), money_text(-cf.savings_contribution, lang)])
    rows.append([t("surplus", lang), money_text(cf.surplus, lang)])
    rows.append([t("available", lang, buffer=rate_text(a.settings["buffer_rate"], lang, 0)),
                 money_text(a.available, lang)])
    parts.append(html_table([t("category", lang), t("w_amount", lang)], rows, "dp-budget",
                            highlight={len(rows) - 2, len(rows) - 1}))
    parts.append(figure_html(charts.budget_chart(cf, a.available, lang)))
    r = a.ratios
    parts.append(f"<h3>{escape(t('ratios', lang))}</h3>")
    parts.append(html_table(["", ""], [
        [t("ratio_payments", lang), rate_text(r.payments_to_income, lang, 0)],
        [t("ratio_debt", lang), rate_text(r.debt_to_annual_income, lang, 0)],
        [t("ratio_savings", lang), "—" if r.savings_months is None else str(r.savings_months)]], "dp-ratios"))
    parts.append(benchmarks_html(a, lang))
    parts.append(warnings_html(a, lang, {"negative_surplus", "no_income"}))
    parts.append("</section>")
    return no_math("".join(parts))


def benchmarks_html(a: Assessment, lang: str) -> str:
    meta = a.benchmark_meta
    parts = [f"<h3>{escape(t('benchmark_title', lang))}</h3>"]
    rows = [[category_name(b.group, lang, group=True), money_text(b.spent, lang), money_text(b.benchmark, lang),
             "—" if b.ratio is None else f"{b.ratio}×"] for b in a.benchmarks]
    parts.append(html_table([t("category", lang), t("w_amount", lang), t("benchmark", lang), ""], rows, "dp-bench",
                            highlight={i for i, b in enumerate(a.benchmarks) if b.flagged}))
    flags = [b for b in a.benchmarks if b.flagged]
    for b in flags:
        parts.append(_p(t("flag_high", lang, category=category_name(b.group, lang, group=True),
                          spent=money_text(b.spent, lang), benchmark=money_text(b.benchmark, lang), ratio=b.ratio)))
    if not flags:
        parts.append(_p(t("no_flags", lang)))
    approx = t("benchmark_approx", lang) if any(b.approximate for b in a.benchmarks) else ""
    parts.append(_p(t("benchmark_note", lang, title=meta["title"][lang if lang in ("zh", "en") else "zh"],
                      year=meta["year"], scale=meta["scale"], approx=approx, threshold=meta["threshold"]), "dp-small"))
    parts.append(_p(f'{meta["release"][lang if lang in ("zh", "en") else "zh"]}: {meta["source"]}', "dp-small"))
    return "".join(parts)


def assumptions(d: DebtAssessment, lang: str) -> list[str]:
    """The rule values used for a debt, stated plainly with their sources."""
    rule, debt = d.debt.rule, d.debt
    c = debt.creditor
    lines = []
    if rule.penalty_daily_rate is not None:
        key, src = "assume_penalty_fixed", "penalty_daily_rate"
        lines.append(t(key, lang, creditor=c, rate=rate_text(rule.penalty_daily_rate, lang, 3)))
    else:
        src = "penalty_multiplier"
        lines.append(t("assume_penalty_mult", lang, creditor=c, mult=rule.penalty_multiplier,
                       rate=rate_text(d.owed.daily_penalty_rate, lang, 3)))
    if rule.penalty_base == "balance":
        lines.append(t("assume_base_balance", lang, creditor=c))
    elif debt.is_overdue:
        lines.append(t("assume_base_overdue", lang, creditor=c, amount=money_text(debt.overdue_amount, lang)))
    if rule.compound_unpaid_interest or rule.capitalize_every_days:
        lines.append(t("assume_compound", lang, creditor=c, days=rule.capitalize_every_days or "—"))
    if rule.late_fee_rate:
        lines.append(t("assume_late_fee", lang, creditor=c, rate=rate_text(rule.late_fee_rate, lang, 0)))
    if rule.grace_days:
        lines.append(t("assume_grace", lang, creditor=c, days=rule.grace_days))
    source = rule.sources.get(src)
    if source is not None:
        lines.append(t("assume_yours", lang) if source.overridden
                     else t("assume_source", lang, source=source.text(lang), date=source.date))
    return lines


def owed_html(a: Assessment, lang: str) -> str:
    parts = ['<section class="dp-section" id="owed">']
    rows = []
    for d in a.debts:
        o = d.owed
        rows.append([d.debt.creditor, product_name(d.debt.product, lang), money_text(o.principal, lang),
                     money_text(o.unpaid_interest, lang), money_text(o.penalty_interest + o.compound_interest, lang),
                     money_text(o.fees, lang), money_text(o.total, lang),
                     "—" if d.court_cap is None else money_text(o.court_cap_excess, lang)])
    parts.append(html_table([t("creditor", lang), t("product", lang), t("principal", lang),
                             t("unpaid_interest", lang), t("penalty_interest", lang), t("fees", lang),
                             t("total_owed", lang), t("court_cap_excess", lang)], rows, "dp-owed", numeric_from=2))
    for d in a.debts:
        o = d.owed
        parts.append(f'<div class="dp-debt"><h2>{cell(d.debt.creditor)}</h2>')
        if d.debt.is_overdue:
            parts.append(_p(owed_sentence(a, d, lang), "dp-key"))
            week = d.projection[7].total - d.projection[0].total
            parts.append(_p(t("growth_sentence", lang, week=money_text(week, lang), days=len(d.projection) - 1,
                              later=money_text(d.projection[-1].total, lang))))
            if o.court_cap_excess > 0:
                parts.append(_p(t("cap_sentence", lang, excess=money_text(o.court_cap_excess, lang),
                                  cap=rate_text(d.court_cap, lang, None))))
            elif d.court_cap is None and o.charges > 0:  # a credit card: no fixed figure, excessive charges reduced
                parts.append(_p(t("tc_card_charges", lang)))
            parts.append(figure_html(charts.waiting_chart(d, lang, d.court_cap)))
        else:
            parts.append(_p(t("current_sentence", lang, creditor=d.debt.creditor,
                              principal=money_text(o.principal, lang)), "dp-key"))
        parts.append("</div>")
    parts.append(truecost_html(a, lang, html_table))
    parts.append(f"<h3>{escape(t('assumptions', lang))}</h3><ul class='dp-assume'>")
    for d in a.debts:
        parts.extend(f"<li>{escape(line)}</li>" for line in assumptions(d, lang))
    parts.append(f"<li>{escape(t('assume_not_due', lang))}</li></ul>")
    parts.append(warnings_html(a, lang, {"court_cap_excess"}))
    parts.append("</section>")
    return no_math("".join(parts))


def owed_sentence(a: Assessment, d: DebtAssessment, lang: str) -> str:
    """What is owed today and every part of it (principal, unpaid interest when there is any, charges)."""
    o = d.owed
    key = "owed_sentence_interest" if o.unpaid_interest else "owed_sentence"
    return t(key, lang, date=date_text(a.as_of, lang), creditor=d.debt.creditor, total=money_text(o.total, lang),
             principal=money_text(o.principal, lang), interest=money_text(o.unpaid_interest, lang),
             charges=money_text(o.charges, lang))


def signed_money(amount: Decimal, lang: str) -> str:
    """An amount paid beyond what is owed today: "+1,922.43" more, "-630.00" less, "0.00" the same."""
    return ("+" if amount > 0 else "") + money_text(amount, lang)


def options_table(d: DebtAssessment, lang: str, drop: Decimal, options: Sequence[Any] | None = None) -> str:
    """The options (all of the debt's by default) with their figures; the proposal is highlighted."""
    rows = []
    chosen = None
    for i, o in enumerate(options if options is not None else d.options):
        if o is d.proposal.option:
            chosen = i
        rows.append([option_name(o, lang), money_text(o.monthly_payment, lang) if o.months else "—",
                     money_text(o.upfront, lang) if o.upfront else "—", money_text(o.total_paid, lang),
                     signed_money(o.beyond, lang), rate_text(o.apr, lang), t("yes" if o.feasible else "no", lang),
                     t("yes" if o.fits_stress else "no", lang)])
    return html_table(["", t("monthly_payment", lang), t("upfront", lang), t("total_paid", lang), t("beyond", lang),
                       t("apr", lang), t("fits", lang), t("fits_stress", lang, drop=rate_text(drop, lang, 0))],
                      rows, "dp-options",
                      highlight={chosen} if chosen is not None else None)


def schedule_html(rows: list[tuple[str, str]], lang: str, columns: int = 3) -> str:
    """A payment schedule laid out in side-by-side column groups, so 60 payments fit on one printed page;
    a phone's screen shows the same rows in one group instead (``dp-schedule-narrow``, parts.css), where three
    groups would leave each column a few characters wide."""
    height = -(-len(rows) // columns)
    headers = [t("period", lang), t("due_date", lang), t("monthly_payment", lang)]
    table_rows = []
    for r in range(height):
        cells: list[str] = []
        for c in range(columns):
            k = c * height + r
            cells += [str(k + 1), *rows[k]] if k < len(rows) else ["", "", ""]
        table_rows.append(cells)
    one_group = [[str(k + 1), *row] for k, row in enumerate(rows)]
    return (html_table(headers * columns, table_rows, "dp-schedule", numeric_from=99)
            + html_table(headers, one_group, "dp-schedule-narrow", numeric_from=2))


def plan_detail_html(a: Assessment, d: DebtAssessment, lang: str, key: str | None = None) -> str:
    """One option in detail (the proposal when ``key`` is None): its figures, its balance over time and its
    payments with their dates."""
    option = next((o for o in d.options if o.key == key), d.proposal.option)
    parts = [f"<h3>{escape(option_name(option, lang))}</h3>",
             options_table(d, lang, a.settings["stress_income_drop"], [option])]
    if option.schedule is not None:
        parts.append(figure_html(charts.balance_chart(d, lang, [option.key])))
    if option.payments:
        first = add_months(a.as_of, 1)
        parts.append(schedule_html([(date_text(add_months(first, k), lang), money_text(x, lang))
                                    for k, x in enumerate(option.payments)], lang))
    return no_math("".join(parts))


#: The most debts whose plans are drawn as charts. A profile with more (a counsellor's client with 50 debts) has
#: the charts of its largest debts only; each other debt shows the charts' figures as tables (a chart costs a
#: fifth of a second to draw, and fifty debts' charts made a report take a minute).
CHARTED_DEBTS = 5


def charted_debts(a: Assessment) -> list[DebtAssessment]:
    """The debts whose plans are drawn: all of them up to :data:`CHARTED_DEBTS`, else the largest by total owed
    (in the report's order)."""
    if len(a.debts) <= CHARTED_DEBTS:
        return list(a.debts)
    largest = sorted(range(len(a.debts)), key=lambda i: (-a.debts[i].owed.total, i))[:CHARTED_DEBTS]
    return [a.debts[i] for i in sorted(largest)]


def balance_table(d: DebtAssessment, lang: str, columns: int = 6) -> str:
    """The balance chart as a table: what is left under each charted option now, at whole years (at most
    ``columns`` of them, spaced evenly), and the month it is paid off."""
    series = [(o, charts.balance_amounts(o, d.owed.total)) for o in charts.picked_options(d)]
    longest = max((len(s) - 1 for _, s in series), default=0)
    step = 12 * max(1, -(-longest // (12 * columns)))
    months = list(range(step, longest, step))
    rows = [[option_name(o, lang), money_text(s[0], lang)]
            + [money_text(s[m] if m < len(s) else Decimal(0), lang) for m in months]
            + [t("in_months", lang, months=len(s) - 1)] for o, s in series]
    headers = ["", t("balance_now", lang)] + [t("balance_after", lang, months=m) for m in months]
    return (_p(t("chart_balance", lang), "dp-small")
            + html_table(headers + [t("paid_off_after", lang)], rows, "dp-balances"))


def fitting_terms_table(grid: Any, share: Decimal, lang: str, every: int = 10) -> str:
    """The affordability map as a table: for every ``every``-th rate of ``grid`` (0%, 6%, ... 36% a year), the
    shortest term whose monthly payment fits ``share``, or none up to the longest term."""
    headers, cells = [t("chart_rate", lang)], [t("shortest_term", lang)]
    for j in range(0, len(grid.rates), every):
        fits = [int(n) for n, pay in zip(grid.terms, grid.payment[:, j]) if pay <= float(share)]
        headers.append(rate_text(Decimal(str(grid.rates[j])), lang, 0))
        cells.append(t("in_months", lang, months=fits[0]) if fits
                     else t("no_term_fits", lang, months=int(grid.terms[-1])))
    return (_p(t("fitting_terms_title", lang, share=money_text(share, lang)), "dp-small")
            + html_table(headers, [cells], "dp-fitting"))


def plans_html(a: Assessment, lang: str) -> str:
    parts = ['<section class="dp-section" id="plans">']
    if len(a.debts) > 1:
        items = "".join(f"<li>{escape(t('priority_line', lang, creditor=d.debt.creditor, week=money_text(d.projection[7].total - d.projection[0].total, lang)))}</li>"
                        for d in a.priority)
        parts.append(f'<div class="dp-proposal"><strong>{escape(t("priority_title", lang))}</strong>'
                     f"<ol>{items}</ol>{_p(t('priority_note', lang), 'dp-small')}</div>")
    drawn = {id(d) for d in charted_debts(a)}
    for d in a.debts:
        parts.append(f'<div class="dp-debt"><h2>{escape(t("options_title", lang, creditor=d.debt.creditor))}</h2>')
        parts.append(_p(t("share_sentence", lang, creditor=d.debt.creditor, share=money_text(d.share, lang))))
        parts.append(f'<div class="dp-proposal"><strong>{escape(t("proposal_title", lang))}</strong>'
                     f"{_p(reason_text(d, a, lang))}")
        if d.proposal.fallback is not None:
            fb = d.proposal.fallback
            parts.append(_p(t("fallback", lang, option=option_name(fb, lang), monthly=money_text(fb.monthly_payment, lang),
                              share=money_text(d.share, lang))))
        parts.append("</div>")
        parts.extend(_p(offer_sentence(d, o, lang)) for o in d.options if o.kind == "offer")
        parts.append(options_table(d, lang, a.settings["stress_income_drop"]))
        grid = scenario_grid(float(d.owed.total), list(range(3, 61)), [i / 1000 for i in range(0, 361, 6)],
                             [float(d.share)])
        if id(d) in drawn:
            parts.append(figure_html(charts.balance_chart(d, lang)))
            parts.append(figure_html(charts.monthly_chart(d, lang)))
            parts.append(figure_html(charts.total_cost_chart(d, lang)))
            parts.append(figure_html(charts.heatmap_chart(grid, d.share, lang)))
        else:
            # The monthly payments, whether they fit and the totals are the options table's own columns.
            parts.append(_p(t("charts_for_largest", lang, count=CHARTED_DEBTS), "dp-small"))
            parts.append(balance_table(d, lang))
            parts.append(fitting_terms_table(grid, d.share, lang))
        parts.append("</div>")
    if len(a.debts) > 1 and a.strategies:
        parts.append(f'<div class="dp-debt"><h2>{escape(t("strategies_title", lang))}</h2>')
        rows = [[strategy_name(name, lang), months_or_never(s, lang),
                 money_text(s.total_paid, lang) if s.repaid else t("not_repaid", lang)]
                for name, s in a.strategies.items()]
        parts.append(html_table(["", t("debt_free", lang), t("total_paid", lang)], rows, "dp-strategies"))
        parts.append(_p(t("strategy_assumption", lang, monthly=money_text(a.available, lang)), "dp-small"))
        parts.append(figure_html(charts.strategies_chart(a.strategies, lang)))
        parts.append("</div>")
    parts.append(warnings_html(a, lang, {"no_feasible_option", "not_stress_proof", "apr_above_cap"}))
    parts.append("</section>")
    return no_math("".join(parts))


def offer_sentence(d: DebtAssessment, option: Any, lang: str) -> str:
    """What a lender's offer really costs, in one sentence (the "0.6% a month" that is ~13-17% a year)."""
    offer = next((x for x in d.debt.offers if x.name == option.label), None)
    fee = ""
    if offer is not None and offer.monthly_fee_rate is not None:
        fee = t("offer_fee_note", lang, fee=rate_text(offer.monthly_fee_rate, lang, 2),
                simple=rate_text(offer.monthly_fee_rate * 12, lang, 1))
    return t("offer_sentence", lang, label=option.label, monthly=money_text(option.monthly_payment, lang),
             months=option.months, total=money_text(option.total_paid, lang), apr=rate_text(option.apr, lang), fee=fee)


def months_or_never(s: Any, lang: str) -> str:
    if s.months is None:
        return t("never", lang)
    return t("debt_free_in", lang, date=date_text(s.debt_free_date, lang), months=s.months)
