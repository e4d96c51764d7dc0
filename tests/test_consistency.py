"""One consistency check over the whole output: every figure a letter, the statement, the talking points, the
tables, the calendar and the batch index *state* equals the assessment's own, and the identities between them
hold. Figures are read back from the rendered HTML/text (each sentence matched against its own template in
``text/sentences.py``), so a sentence that prints the wrong amount, or parts that do not add up to their total,
fails here even when the calculation is right.

Run on the three examples and on profiles drawn by Hypothesis (the strategies of ``test_property.py``).
"""
from __future__ import annotations

import html as _html
import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings

from debtplan.calc.assessment import assess
from debtplan.calc.tracking import agreement_installments
from debtplan.core.dates import add_days, add_months
from debtplan.inputs.profile import load_profile
from debtplan.inputs.rules import load_rules
from debtplan.inputs.validate import parse_profile
from debtplan.present import pack, views
from debtplan.run.batch import BatchRow, _figures, index_html
from debtplan.run.calendar import calendar_bytes
from debtplan.text.i18n import date_text, money_text, reason_text
from debtplan.text.sentences import SENTENCES

from conftest import EXAMPLES, FIXTURES, examples

RULES = load_rules()
D = Decimal
MONEY_KEYS = {"total", "principal", "charges", "interest", "waived", "monthly", "upfront", "share", "income",
              "costs", "excess", "less", "fees", "needed", "saving", "savings"}
COUNT_KEYS = {"months", "days", "count"}
MONEY = {"zh": r"-?[\d,]+\.\d{2} (?:元|[A-Z]{3})", "en": r"-?[A-Z]{3} [\d,]+\.\d{2}"}


def money(text: str) -> Decimal:
    """The amount a rendered money figure states ("21,260.00 元", "-CNY 5.50")."""
    value = D(re.sub(r"[^\d.]", "", text))
    return -value if text.lstrip().startswith("-") else value


def pattern(key: str, lang: str) -> re.Pattern:
    """The sentence ``key`` as a regular expression: each money placeholder a named group of one amount, each
    other placeholder any text."""
    if key not in SENTENCES:  # a sentence this version does not have is never stated
        return re.compile(r"(?!x)x")
    template = SENTENCES[key][lang]
    out, seen = [], set()
    for literal, name in re.findall(r"([^{]*)(?:\{(\w+)\})?", template):
        out.append(re.escape(literal))
        if name:
            if name in seen:
                out.append(f"(?P={name})")
                continue
            seen.add(name)
            out.append(f"(?P<{name}>{MONEY[lang]})" if name in MONEY_KEYS else
                       rf"(?P<{name}>\d+)" if name in COUNT_KEYS else rf"(?P<{name}>[^\n]*?)")
    return re.compile("".join(out), re.S)


def stated(key: str, text: str, lang: str) -> list[dict[str, str]]:
    """Every place ``text`` says sentence ``key``, with what it put in each blank."""
    return [m.groupdict() for m in pattern(key, lang).finditer(text)]


def segments(html: str) -> list[str]:
    """The visible text of each paragraph, list item and table cell, unescaped ("<br>" kept as a newline)."""
    html = re.sub(r"<br\s*/?>", "\n", html)
    found = re.findall(r"<(p|li|td|th|h[1-6])\b[^>]*>(.*?)</\1>", html, re.S)
    return [_html.unescape(re.sub(r"<[^>]+>", "", body)).strip() for _, body in found]


def table_rows(html: str, cls: str) -> list[list[str]]:
    """The body rows of the first table with class ``cls``, as visible text."""
    m = re.search(rf'<table class="dp-table {cls}">(.*?)</table>', html, re.S)
    assert m, f"no table {cls}"
    body = m.group(1).split("<tbody>", 1)[1]
    return [[_html.unescape(re.sub(r"<[^>]+>", "", c)) for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
            for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S)]


def _articles(html: str, cls: str) -> list[str]:
    return re.findall(rf'<article class="{cls}">.*?</article>', html, re.S)


# ---- the checks, one function per place the figures are shown

def check_letter(a, d, html: str, lang: str) -> None:
    o, prop, opt = d.owed, d.proposal, d.proposal.option
    text = "\n".join(segments(html))
    where = f"letter to {d.debt.creditor} ({lang})"
    [intro] = stated("letter_intro", text, lang)
    assert money(intro["total"]) == o.total and money(intro["principal"]) == o.principal, where
    assert intro["date"] == date_text(a.as_of, lang), where
    [confirm] = stated("letter_confirm", text, lang) + stated("letter_confirm_pause", text, lang)
    assert confirm["reply_by"] == date_text(add_days(a.as_of, int(a.settings["reply_days"])), lang), where
    waived = [money(x["waived"]) for key in ("letter_waiver_yes", "letter_waiver_settle")
              for x in stated(key, text, lang)]
    # no sentence of ours speaks of a waiver the plan does not ask for (her own account of what happened aside):
    # the request for written confirmation asked "whether penalties are waived" under "penalties ... repaid"
    ours = text.replace(a.profile.hardship.text or "", "")
    assert waived or ("免" if lang == "zh" else "waive") not in ours.lower(), (where, "waiver not asked for")
    if not prop.fits:
        assert not waived, where
        if d.share <= 0:  # only a pause is asked for: no plan to promise to keep to
            assert ("按计划还款" if lang == "zh" else "keep to the plan") not in text, where
        return
    # the plan: its months, monthly amount and first date, or its single payment
    if opt.months:
        firsts = [money(x["upfront"]) for x in stated("letter_plan_upfront_first", text, lang)]
        assert firsts == ([opt.upfront] if opt.upfront > 0 else []), where
        [plan] = stated("letter_plan_months", text, lang)
        assert int(plan["months"]) == opt.months and money(plan["monthly"]) == opt.monthly_payment, where
        assert plan["first"] == date_text(add_months(a.as_of, 1), lang), where
    else:
        [plan] = stated("letter_plan_upfront", text, lang)
        assert money(plan["upfront"]) == opt.upfront, where
    # a waiver is asked for only when the plan waives, and for what it waives; never more than the charges
    assert waived == ([opt.waived] if opt.waived > 0 else []), (where, waived, opt.waived)
    assert all(w <= o.charges + o.unpaid_interest for w in waived), where
    if opt.kind != "settlement":
        assert all(w <= o.charges for w in waived), where
    kept = stated("letter_waiver_no", text, lang)
    assert [money(x["charges"]) for x in kept] == ([o.charges] if not waived and o.charges > 0 else []), where
    frozen = bool(stated("letter_frozen_yes", text, lang) or stated("letter_frozen_fee", text, lang))
    assert frozen == (opt.kind == "interest_frozen"), where
    totals = stated("letter_total", text, lang) + stated("letter_total_frozen", text, lang)
    assert [money(x["total"]) for x in totals] == [opt.total_paid], where
    total = money(totals[0]["total"])
    # interest stopped: what is paid is what is owed today, less what is waived, plus the plan's own fees
    if frozen:
        fees = [money(x["fees"]) for x in stated("letter_frozen_fee", text, lang)] or [D(0)]
        assert total == o.total - sum(waived, D(0)) + fees[0], (where, total, o.total, waived, fees)
    # the court-cap excess the letter asks to remove is taken off the total the letter states
    for cap in stated("letter_total_cap", text, lang):
        assert money(cap["excess"]) == o.court_cap_excess, where
        assert money(cap["less"]) == total - money(cap["excess"]), where
    # the schedule attached sums to the total, month by month from the first date
    if opt.months and opt.schedule is not None:
        rows = table_rows(html, "dp-schedule")
        # laid out in side-by-side column groups: period number, date, amount
        cells = [(r[i + 1], r[i + 2]) for _, r, i in sorted((int(r[i]), r, i) for r in rows
                                                           for i in range(0, len(r), 3) if r[i])]
        assert [n for n, _, _ in sorted((int(r[i]), 0, 0) for r in rows for i in range(0, len(r), 3) if r[i])] \
            == list(range(1, len(cells) + 1)), where
        assert len(cells) == len(opt.payments), where
        assert sum((money(x) for _, x in cells), D(0)) + opt.upfront == total, where
        assert [day for day, _ in cells] == [date_text(add_months(add_months(a.as_of, 1), k), lang)
                                             for k in range(len(cells))], where
    # the borrower's own words about another lender are not in this lender's letter
    others = [x.debt.creditor for x in a.debts if x.debt.creditor != d.debt.creditor]
    words = a.profile.hardship.text or ""
    if words and any(n in words for n in others):
        assert words not in text, where


def check_statement(a, html: str, lang: str) -> None:
    rows = table_rows(html, "dp-owed")
    for d, row in zip(a.debts, rows):
        assert money(row[2]) == d.owed.principal and money(row[3]) == d.owed.total, ("statement", row)
        assert money(row[5]) == d.share, ("statement", row)
    assert money(rows[-1][3]) == a.total_owed and money(rows[-1][5]) == a.available, "statement total"
    budget = table_rows(html, "dp-budget")
    assert money(budget[-1][1]) == a.cash_flow.surplus, "statement surplus"


def check_talking_points(a, html: str, lang: str) -> None:
    text = "\n".join(segments(html))
    facts = stated("talk_facts", text, lang)
    assert [(money(x["total"]), money(x["principal"]), int(x["days"])) for x in facts] == \
        [(d.owed.total, d.owed.principal, d.owed.days) for d in a.debts], "talking points: facts"
    asks = [money(x["monthly"]) for x in stated("talk_ask", text, lang)]
    assert asks == [d.proposal.option.monthly_payment for d in a.debts if d.proposal.fits], "talking points: ask"
    nexts = [money(x["monthly"]) for x in stated("talk_next", text, lang)]
    assert nexts == [d.proposal.next_offer.monthly_payment for d in a.debts
                     if d.proposal.fits and getattr(d.proposal, "next_offer", None) is not None], "talking points"
    limits = [money(x["share"]) for x in stated("talk_limit", text, lang)]
    assert limits == [d.share for d in a.debts], "talking points: limit"


def check_owed(a, html: str, lang: str) -> None:
    text = "\n".join(segments(html))
    found = stated("owed_sentence", text, lang) + stated("owed_sentence_interest", text, lang)
    overdue = [d for d in a.debts if d.debt.is_overdue]
    assert len(found) == len(overdue), "step 2: one sentence per overdue debt"
    for x in found:
        d = next(d for d in overdue if money(x["total"]) == d.owed.total and money(x["principal"]) == d.owed.principal)
        parts = money(x["principal"]) + money(x["charges"]) + (money(x["interest"]) if "interest" in x else D(0))
        assert parts == money(x["total"]), ("step 2: the parts add up to the total", x)
        assert money(x["charges"]) == d.owed.charges, x
    rows = table_rows(html, "dp-owed")
    for d, row in zip(a.debts, rows):
        principal, interest, penalty, fees, total = (money(c) for c in row[2:7])
        assert (principal, total) == (d.owed.principal, d.owed.total), ("step 2 table", row)
        assert principal + interest + penalty + fees == total, ("step 2 table adds up", row)


def check_plans(a, html: str, lang: str) -> None:
    text = "\n".join(segments(html))
    for d in a.debts:
        reason = reason_text(d, a, lang)
        assert reason in text, d.debt.creditor
        p = d.proposal
        if p.fits:
            [end] = stated("reason_end", reason, lang)
            said = [(money(x["monthly"]), "monthly") for x in stated("reason_fits", reason, lang)] + \
                [(money(x["upfront"]), "once") for x in stated("reason_fits_once", reason, lang)]
            assert said == [(p.option.monthly_payment, "monthly") if p.option.months else (p.option.upfront, "once")]
            assert money(end["total"]) == p.option.total_paid
            for x in stated("reason_shorter", reason, lang):
                assert int(x["months"]) == p.option.months and money(x["monthly"]) == p.next_offer.monthly_payment
    tables = re.findall(r'<table class="dp-table dp-options">.*?</table>', html, re.S)
    assert len(tables) == len(a.debts)
    for d, table in zip(a.debts, tables):
        rows = table_rows(table, "dp-options")
        assert len(rows) == len(d.options)
        for o, row in zip(d.options, rows):
            if o.months:
                assert money(row[1]) == o.monthly_payment, (d.debt.creditor, o.key, row)
            assert money(row[3]) == o.total_paid, (d.debt.creditor, o.key, row)
            assert money(row[4].lstrip("+")) == o.total_paid - d.owed.total, (d.debt.creditor, o.key, row)


def check_identities(a) -> None:
    for d in a.debts:
        o = d.owed
        for opt in d.options:
            assert opt.upfront + sum(opt.payments, D(0)) == opt.total_paid, opt.key
            if opt.schedule is not None and opt.kind != "deferral":
                assert sum(opt.schedule.payments(), D(0)) == sum(opt.payments, D(0)), opt.key
            assert opt.waived <= (o.charges + o.unpaid_interest if opt.kind == "settlement" else o.charges), opt.key
            if opt.kind == "interest_frozen":
                fees = a.profile.settings.frozen_monthly_fee * opt.months
                assert opt.total_paid == o.total - opt.waived + fees, opt.key


def check_calendar(a, lang: str) -> None:
    """Every payment of an agreed plan within the calendar's window (a phone calendar holds a bounded number of
    events: run/calendar.py) is an event on its day, with its amount."""
    from debtplan.run.calendar import PAYMENT_MONTHS, PAYMENTS_BEFORE

    first = a.as_of - dt.timedelta(days=PAYMENTS_BEFORE)
    last = a.as_of + dt.timedelta(days=PAYMENT_MONTHS * 31)
    ics = calendar_bytes(a.profile, RULES, lang).decode("utf-8")
    unfolded = re.sub(r"\r\n[ \t]", "", ics)
    events = re.findall(r"BEGIN:VEVENT(.*?)END:VEVENT", unfolded, re.S)
    days = {}
    for e in events:
        start = re.search(r"DTSTART(?:;VALUE=DATE)?:(\d{8})", e).group(1)
        summary = re.search(r"\nSUMMARY:(.*)", e).group(1).replace("\\,", ",").replace("\\;", ";")
        days.setdefault(start, []).append(summary)
    principal_of = {d.debt.creditor: d.debt.principal for d in a.debts}
    for ag in a.profile.agreements:
        for row in agreement_installments(ag, principal_of.get(ag.creditor, D(0))):
            if not first <= row.due_date <= last:
                continue
            summaries = days.get(row.due_date.strftime("%Y%m%d"), [])
            assert any(money_text(row.amount, lang) in s for s in summaries), (ag.creditor, row.due_date, summaries)


def check_index(a, statement: str, plans: str, lang: str) -> None:
    """The counsellor's index states the report's own figures."""
    row = BatchRow(profile="p.yaml", path=Path("p.yaml"), folder="p", status="ok", as_of=a.as_of.isoformat(),
                   figures=_figures(a))
    page = index_html([row], lang, run_date=a.as_of)
    cells = table_rows(page.replace('<table id="dp-index">', '<table class="dp-table idx">'), "idx")[0]
    # client, file, status, figures' date, owed, surplus, proposed (or needed) monthly, message
    assert cells[3] == a.as_of.isoformat()
    budget = table_rows(statement, "dp-budget")
    owed = table_rows(statement, "dp-owed")
    assert money(cells[5]) == money(budget[-1][1]), "index surplus = report surplus"
    assert money(cells[4]) == money(owed[-1][3]), "index owed = report owed"
    if all(d.proposal.fits for d in a.debts):  # a client with no plan that fits: issue 18 point 7
        text = "\n".join(segments(plans))
        proposed = sum((money(x["monthly"]) for d in a.debts for x in
                        stated("reason_fits", reason_text(d, a, lang), lang)), D(0))
        assert money(cells[6]) == proposed, "index proposed monthly = the report's proposals"
        assert all(reason_text(d, a, lang) in text for d in a.debts)
    else:  # no proposed total: the monthly amount the plans need, as the report says it
        needed = sum((d.proposal.option.monthly_payment if d.proposal.fits else d.proposal.needed_monthly or D(0)
                      for d in a.debts), D(0))
        assert re.sub(MONEY[lang], "{amount}", cells[6]) == SENTENCES["batch_needed"][lang], cells[6]
        assert money(re.search(MONEY[lang], cells[6]).group(0)) == needed, "index amount needed = the report's plans"


def check_everything(a, lang: str) -> None:
    check_identities(a)
    whole = pack.pack_html(a, lang)
    statement = _articles(whole, "dp-statement")[0]
    check_statement(a, statement, lang)
    letters = _articles(whole, "dp-letter")
    assert len(letters) == len(a.debts)
    for d, letter in zip(a.debts, letters):
        check_letter(a, d, letter, lang)
    check_talking_points(a, pack.talking_points_html(a, lang), lang)
    check_owed(a, views.owed_html(a, lang), lang)
    plans = views.plans_html(a, lang)
    check_plans(a, plans, lang)
    check_calendar(a, lang)
    check_index(a, statement, plans, lang)


@pytest.mark.parametrize("path", EXAMPLES + [FIXTURES / "agreements.yaml"], ids=lambda p: p.stem)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_figure_agrees_on_the_examples(path, lang):
    check_everything(assess(load_profile(path), RULES), lang)


def test_the_checks_catch_a_letter_that_asks_to_waive_what_it_then_totals():
    """The checks read the words: the letter main printed for Xiao Li (waives 1,260.00, totals 21,260.00)."""
    a = assess(load_profile(EXAMPLES[0].parent / "xiao-li.yaml"), RULES)
    d = a.debts[0]
    letter = pack.letter_html(a, d, "zh")
    bad = letter.replace("已产生的罚息和违约金 1,260.00 元 计入欠款，一并偿还", "免除已产生的罚息和违约金 1,260.00 元")
    assert bad != letter
    with pytest.raises(AssertionError):
        check_letter(a, d, bad, "zh")
    check_letter(a, d, letter, "zh")


# ---- profiles the examples do not cover

def _plain_names(data: dict) -> dict:
    """The drawn profile with names that cannot be mistaken for figures (the escaping of hostile names is
    test_property's job): lenders "Lender A", "Lender B"..., in every record that names them."""
    names = {x["creditor"]: f"Lender {chr(65 + i)}" for i, x in enumerate(data["debts"])}
    data = dict(data, debts=[{k: v for k, v in x.items() if k != "account"}
                             | ({"offers": [dict(o, name=f"offer {j}") for j, o in enumerate(x["offers"])]}
                                if x.get("offers") else {}) for x in data["debts"]])
    out = {k: ([dict(x, creditor=names.get(x["creditor"], x["creditor"])) if isinstance(x, dict) and "creditor" in x
                else x for x in v] if isinstance(v, list) else v) for k, v in data.items()}
    out["borrower"] = {"name": "Borrower"}
    return out


def _profiles():
    from test_property import profiles

    return profiles().map(_plain_names)


# no shrinking: a failure is reported as drawn (with its seed) instead of after minutes of shrinking
@settings(max_examples=examples(6), deadline=None,
          suppress_health_check=list(HealthCheck),
          phases=(Phase.explicit, Phase.reuse, Phase.generate))
@given(data=_profiles())
def test_every_figure_agrees_on_drawn_profiles(data):
    a = assess(parse_profile(data, rules=RULES), RULES)
    for lang in ("zh", "en"):
        check_everything(a, lang)
