"""Charts (matplotlib), drawn from assessment results only, with Chinese text that renders everywhere.

The CJK font comes from the ``noto-cjk-sans-otc`` package (Noto Sans CJK, SIL Open Font License), so a fresh
machine needs no system fonts. ``font.family`` lists DejaVu Sans first and Noto Sans CJK SC second:
matplotlib falls back glyph by glyph. Figures are exported as SVG with glyphs drawn as paths, so they stay
sharp in print and need no font in the browser.
"""
from __future__ import annotations

import functools
import io
import unicodedata
import warnings
from decimal import Decimal
from typing import Any, Sequence

import matplotlib

matplotlib.use("agg", force=False)
from matplotlib import font_manager  # noqa: E402
from matplotlib.colors import ListedColormap  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ft2font import FT2Font  # noqa: E402
from matplotlib.text import Text  # noqa: E402
from matplotlib.ticker import FixedFormatter, FuncFormatter  # noqa: E402

from ..core.usertext import clean_text  # noqa: E402

from ..text.i18n import category_name, money_text, option_name, rate_text, strategy_name, t  # noqa: E402

__all__ = ["setup_fonts", "figure_svg", "budget_chart", "waiting_chart", "balance_chart", "monthly_chart",
           "total_cost_chart", "heatmap_chart", "picked_options", "balance_amounts", "strategies_chart", "tracking_chart", "CJK_FAMILY", "MIN_FONT_PT",
           "amount_tick"]

CJK_FAMILY = "Noto Sans CJK SC"
COLORS = {"fixed": "#4C72B0", "flexible": "#55A868", "saving": "#8172B2", "debts": "#C44E52",
          "line": "#333333", "cap": "#DD8452", "ok": "#55A868", "no": "#E5E5E5"}
_ready = False
#: The smallest text in any chart, in points. Charts are 7 in (504 pt) wide; the app never draws them narrower
#: than 640 px (app.css), so this text is never under 8 x 640 / 504 = 10.2 px on a phone.
MIN_FONT_PT = 8


def setup_fonts() -> str:
    """Register the bundled CJK font with matplotlib (once) and set the font fallback list."""
    global _ready
    if not _ready:
        import noto_cjk_sans_otc

        path = str(noto_cjk_sans_otc.FONT_PATH)
        if path not in {f.fname for f in font_manager.fontManager.ttflist}:
            font_manager.fontManager.addfont(path)
        _ready = True
    matplotlib.rcParams["font.family"] = ["DejaVu Sans", CJK_FAMILY]
    matplotlib.rcParams["svg.fonttype"] = "path"
    matplotlib.rcParams["text.parse_math"] = False  # "$5 ... $10" in a name is text, not a formula
    matplotlib.rcParams["svg.hashsalt"] = "debtplan"
    matplotlib.rcParams["axes.spines.top"] = False
    matplotlib.rcParams["axes.spines.right"] = False
    matplotlib.rcParams["font.size"] = 10
    for key in ("xtick.labelsize", "ytick.labelsize", "legend.fontsize", "axes.labelsize"):
        matplotlib.rcParams[key] = 9
    return CJK_FAMILY


def _fig(width: float = 7.0, height: float = 3.4) -> tuple[Figure, Any]:
    setup_fonts()
    fig = Figure(figsize=(width, height), dpi=100, layout="constrained")
    return fig, fig.add_subplot()


def figure_svg(fig: Figure) -> str:
    """The figure as an SVG string (glyphs as paths, no date stamp: the same input gives the same bytes)."""
    for item in fig.findobj(Text):  # names people typed: shown as text, drawable, not too long
        text = item.get_text()
        if text:
            item.set_text(chart_text(text))
    for ax in fig.axes:  # tick labels given as text (option and creditor names) are made at drawing time
        for axis in (ax.xaxis, ax.yaxis):
            formatter = axis.get_major_formatter()
            if isinstance(formatter, FixedFormatter):
                formatter.seq = [chart_text(str(s)) for s in formatter.seq]
            elif isinstance(formatter, FuncFormatter) and not getattr(formatter.func, "_clean", False):
                def clean(x: Any, pos: Any = None, inner: Any = formatter.func) -> str:
                    return chart_text(str(inner(x, pos)))
                clean._clean = True  # type: ignore[attr-defined]
                formatter.func = clean
    buf = io.StringIO()
    with warnings.catch_warnings():
        # A missing glyph must not pass silently (it would print as an empty box).
        warnings.filterwarnings("error", message=r".*missing from (current )?font", category=UserWarning)
        fig.savefig(buf, format="svg", metadata={"Date": None})
    text = buf.getvalue()
    return text[text.index("<svg"):]


#: The widest text drawn in a chart, in columns (a Chinese character is two); the page beside it shows the rest.
CHART_TEXT_LIMIT = 80


@functools.lru_cache(maxsize=4096)
def _drawable(ch: str) -> bool:
    return any(font.get_char_index(ord(ch)) for font in _chart_fonts())


@functools.lru_cache(maxsize=1)
def _chart_fonts() -> tuple:
    setup_fonts()
    names = [font_manager.findfont(font_manager.FontProperties(family=f), fallback_to_default=True)
             for f in matplotlib.rcParams["font.family"]]
    return tuple(FT2Font(path) for path in dict.fromkeys(names))


def chart_text(text: str) -> str:
    """Text for a chart: control characters removed, cut at :data:`CHART_TEXT_LIMIT`, and a character that no
    chart font can draw (an emoji) shown as ``□`` rather than stopping the chart (the HTML shows it as typed).

    >>> chart_text("借呗🙏 $$")
    '借呗□ $$'
    """
    text = clean_text(text, None, newlines=True)
    out, width = [], 0
    for ch in text:  # cut by width: a Chinese character takes two columns
        width += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        if width > CHART_TEXT_LIMIT:
            out[-1:] = ["…"]
            break
        out.append(ch if ch in "\n " or _drawable(ch) else "□")
    return "".join(out)


def _f(x: Decimal | float) -> float:
    return float(x)


def amount_tick(value: float, lang: str) -> str:
    """An axis number as the language writes amounts: thousands grouped, no decimals on round values.

    >>> amount_tick(23500, "zh"), amount_tick(-1200.0, "en"), amount_tick(0.5, "en")
    ('23,500', '-1,200', '0.5')
    """
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _amount_axis(ax: Any, which: str, lang: str, label: bool = True) -> None:
    """Amounts on the ``x`` or ``y`` axis: grouped digits; the unit (元 / CNY) written level, at the axis end."""
    from matplotlib.ticker import FuncFormatter

    axis = ax.xaxis if which == "x" else ax.yaxis
    axis.set_major_formatter(FuncFormatter(lambda v, _pos: amount_tick(v, lang)))
    if not label:
        return
    if which == "x":
        ax.set_xlabel(t("currency_unit", lang), loc="right")
    else:
        # Above the axis, level with the text: a turned 元 reads as a different sign.
        ax.set_ylabel(t("currency_unit", lang), rotation=0, ha="right", va="bottom")
        ax.yaxis.set_label_coords(0, 1.02)


def budget_chart(cash_flow: Any, available: Decimal, lang: str) -> Figure:
    """Where each month's income goes: cost categories, saving, and the money left for debts."""
    fig, ax = _fig(7, 3.6)
    items = sorted(cash_flow.by_category.items(), key=lambda kv: -kv[1])
    labels = [category_name(k, lang) for k, _ in items]
    values = [_f(v) for _, v in items]
    colors = [COLORS["fixed"]] * len(values)
    if cash_flow.savings_contribution:
        labels.append(t("savings_contribution", lang))
        values.append(_f(cash_flow.savings_contribution))
        colors.append(COLORS["saving"])
    labels.append(t("surplus", lang))
    values.append(_f(cash_flow.surplus))
    colors.append(COLORS["debts"] if cash_flow.surplus >= 0 else "#999999")
    y = range(len(values))
    ax.barh(list(y), values, color=colors)
    ax.set_yticks(list(y), labels)
    ax.invert_yaxis()
    for i, v in enumerate(values):
        ax.text(v, i, " " + money_text(Decimal(str(v)), lang, unit=False), va="center", fontsize=MIN_FONT_PT)
    colon = "：" if lang == "zh" else ": "
    ax.set_title(f"{t('chart_budget', lang)}\n{t('income', lang)}{colon}{money_text(cash_flow.income, lang)}", fontsize=10)
    ax.axvline(0, color=COLORS["line"], lw=0.6)
    _amount_axis(ax, "x", lang)
    return fig


def waiting_chart(debt_assessment: Any, lang: str, court_cap: Decimal | None) -> Figure:
    """Total owed day by day for 180 days if nothing is paid, with the line above which a court reduces the charges when she asks (no such line
    where the ceiling has no fixed figure, ``court_cap`` None: credit cards)."""
    fig, ax = _fig(7, 3.0)
    pts = debt_assessment.projection
    days = [p.day for p in pts]
    ax.plot(days, [_f(p.total) for p in pts], color=COLORS["debts"], lw=2, label=t("total_owed", lang))
    if court_cap is not None:
        ax.plot(days, [_f(p.cap_total) for p in pts], color=COLORS["cap"], lw=1.2, ls="--",
                label=t("chart_cap_line", lang, cap=rate_text(court_cap, lang, None)))
    ax.set_title(f"{debt_assessment.debt.creditor}: {t('chart_waiting', lang)}", fontsize=10)
    ax.set_xlabel(t("chart_days", lang))
    _amount_axis(ax, "y", lang)
    ax.legend(fontsize=MIN_FONT_PT, frameon=False)
    return fig


def _picked(debt_assessment: Any, keys: Sequence[str] | None) -> list:
    if keys:
        return [o for o in debt_assessment.options if o.key in keys]
    p = debt_assessment.proposal
    chosen = [p.option] + ([p.fallback] if p.fallback else []) + ([p.alternative] if p.alternative else [])
    for o in debt_assessment.options:
        if o.key == "installments-36" and o not in chosen:
            chosen.append(o)
    return [o for o in chosen if o.months]


def picked_options(debt_assessment: Any, keys: Sequence[str] | None = None) -> list:
    """The options the balance chart draws: those named by ``keys``, else the proposal, its fallback, the
    alternative and 36 months."""
    return _picked(debt_assessment, keys)


def balance_amounts(option: Any, owed_total: Decimal) -> list[Decimal]:
    """Balance at the start and after each month of an option (deferral months keep the balance)."""
    start = owed_total - option.upfront
    if option.schedule is None:
        return [start, Decimal(0)]
    lead = len(option.payments) - len(option.schedule.rows)
    return [start] + [option.schedule.principal] * lead + [r.balance for r in option.schedule.rows]


def _balance_series(option: Any, owed_total: Decimal) -> list[float]:
    return [_f(v) for v in balance_amounts(option, owed_total)]


def balance_chart(debt_assessment: Any, lang: str, keys: Sequence[str] | None = None) -> Figure:
    """Balance left month by month under a few options (the proposal, the fallback, 36 months...)."""
    fig, ax = _fig(7, 3.0)
    for o in _picked(debt_assessment, keys):
        series = _balance_series(o, debt_assessment.owed.total)
        ax.plot(range(len(series)), series, lw=2 if o is debt_assessment.proposal.option else 1.2,
                label=option_name(o, lang))
    ax.set_title(f"{debt_assessment.debt.creditor}: {t('chart_balance', lang)}", fontsize=10)
    ax.set_xlabel(t("app_month", lang))
    _amount_axis(ax, "y", lang)
    ax.legend(fontsize=MIN_FONT_PT, frameon=False)
    return fig


def monthly_chart(debt_assessment: Any, lang: str) -> Figure:
    """Each option's monthly payment against this debt's share of the money available."""
    opts = [o for o in debt_assessment.options if o.months]
    fig, ax = _fig(7, 0.22 * len(opts) + 1.2)
    y = list(range(len(opts)))
    ax.barh(y, [_f(o.monthly_payment) for o in opts],
            color=[COLORS["ok"] if o.feasible else "#BBBBBB" for o in opts])
    ax.set_yticks(y, [option_name(o, lang) for o in opts], fontsize=MIN_FONT_PT)
    ax.invert_yaxis()
    _amount_axis(ax, "x", lang)
    ax.axvline(_f(debt_assessment.share), color=COLORS["debts"], lw=1.5, ls="--",
               label=t("share_sentence", lang, creditor="", share=money_text(debt_assessment.share, lang)).strip())
    ax.set_title(f"{debt_assessment.debt.creditor}: {t('chart_monthly', lang)}", fontsize=10)
    ax.legend(fontsize=MIN_FONT_PT, frameon=False, loc="lower right")
    return fig


def total_cost_chart(debt_assessment: Any, lang: str) -> Figure:
    """Total paid under each option, with the principal for reference."""
    opts = list(debt_assessment.options)
    fig, ax = _fig(7, 0.22 * len(opts) + 1.2)
    y = list(range(len(opts)))
    ax.barh(y, [_f(o.total_paid) for o in opts], color=COLORS["fixed"])
    ax.axvline(_f(debt_assessment.owed.principal), color=COLORS["line"], lw=1, ls=":",
               label=t("principal", lang))
    ax.set_yticks(y, [option_name(o, lang) for o in opts], fontsize=MIN_FONT_PT)
    ax.invert_yaxis()
    _amount_axis(ax, "x", lang)
    ax.set_title(f"{debt_assessment.debt.creditor}: {t('total_paid', lang)}", fontsize=10)
    ax.legend(fontsize=MIN_FONT_PT, frameon=False, loc="lower right")
    return fig


def heatmap_chart(grid: Any, share: Decimal, lang: str) -> Figure:
    """Term x rate: green where the monthly payment fits ``share``."""
    import numpy as np

    fig, ax = _fig(7, 3.0)
    fits = grid.payment <= float(share)
    ax.imshow(np.where(fits, 1, 0).T, origin="lower", aspect="auto", cmap=ListedColormap(
        [COLORS["no"], COLORS["ok"]]), vmin=0, vmax=1,
        extent=[grid.terms[0] - 0.5, grid.terms[-1] + 0.5, float(grid.rates[0]) * 100, float(grid.rates[-1]) * 100])
    ax.set_xlabel(t("chart_term", lang))
    ax.set_ylabel(t("chart_rate", lang) + " (%)")
    ax.set_title(t("chart_heatmap", lang) + f" — {money_text(share, lang)}", fontsize=10)
    return fig


def strategies_chart(strategies: dict, lang: str) -> Figure:
    """Total owed month by month under each way of sharing the money."""
    fig, ax = _fig(7, 3.0)
    for name, result in strategies.items():
        totals = [sum(_f(max(v, 0)) for v in month.values()) for month in result.balances]
        ax.plot(range(len(totals)), totals, lw=1.6, label=strategy_name(name, lang))
    ax.set_title(t("chart_strategies", lang), fontsize=10)
    ax.set_xlabel(t("app_month", lang))
    _amount_axis(ax, "y", lang)
    ax.legend(fontsize=MIN_FONT_PT, frameon=False)
    return fig


def tracking_chart(tracking: Any, lang: str) -> Figure:
    """An agreement's planned payments against the payments made (both cumulative)."""
    fig, ax = _fig(7, 2.8)
    planned, running = [], 0.0
    for i in tracking.installments:
        running += _f(i.amount)
        planned.append((i.due_date, running))
    ax.step([d for d, _ in planned], [v for _, v in planned], where="post", color=COLORS["fixed"],
            label=t("planned", lang))
    paid, running = [], 0.0
    for p in sorted(tracking.payments, key=lambda p: p.date):
        running += _f(p.amount)
        paid.append((p.date, running))
    if paid:
        ax.plot([d for d, _ in paid], [v for _, v in paid], "o-", color=COLORS["debts"], label=t("paid", lang))
    ax.set_title(f"{tracking.creditor}: {t('chart_tracking', lang)}", fontsize=10)
    _amount_axis(ax, "y", lang)
    ax.legend(fontsize=MIN_FONT_PT, frameon=False)
    fig.autofmt_xdate()
    return fig
