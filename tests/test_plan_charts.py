"""A profile with many debts: the plans part draws the charts of its largest debts and gives every other debt
the charts' figures as tables, so a 50-debt report takes seconds, not a minute, and says the same."""
import re
from decimal import Decimal as D

import pytest

from debtplan.calc.assessment import assess
from debtplan.calc.grid import scenario_grid
from debtplan.inputs.profile import parse_profile
from debtplan.inputs.rules import load_rules
from debtplan.present import charts, views
from debtplan.text.i18n import money_text, option_name

RULES = load_rules()


@pytest.fixture(scope="module")
def many():
    """Eight debts of different sizes (the largest not first) on one income."""
    debts = [{"creditor": f"L{i}", "principal": 1000 + 700 * ((i * 5) % 8), "term_months": 12,
              "product": "jiebei", "overdue_since": "2026-06-15",
              "overdue_amount": 1000 + 700 * ((i * 5) % 8)} for i in range(8)]
    return assess(parse_profile({"name": "many", "as_of": "2026-11-28", "lang": "en",
                                 "income": [{"name": "Pay", "amount": 9000}], "debts": debts}), RULES)


def _debt_blocks(html):
    return re.findall(r'<div class="dp-debt">(.*?)(?=<div class="dp-debt">|$)', html, flags=re.S)


def _cells(table_html):
    return [re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<td[^>]*>(.*?)</td>", table_html, flags=re.S)]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_charts_for_the_largest_debts_and_tables_for_the_rest(many, lang, monkeypatch):
    drawn = []  # the charts are counted, not exported (exporting is what takes the time)
    monkeypatch.setattr(charts, "figure_svg", lambda fig: drawn.append(fig) or "<svg></svg>")
    html = views.plans_html(many, lang)
    assert len(drawn) == 4 * views.CHARTED_DEBTS + 1  # four per charted debt, and the strategies chart
    largest = sorted(many.debts, key=lambda d: -d.owed.total)[:views.CHARTED_DEBTS]
    assert views.charted_debts(many) == [d for d in many.debts if d in largest]
    blocks = _debt_blocks(html)[:len(many.debts)]
    for d, block in zip(many.debts, blocks):
        assert d.debt.creditor in block
        if d in largest:
            assert block.count("<svg") == 4 and "dp-balances" not in block
            continue
        assert "<svg" not in block and "dp-balances" in block and "dp-fitting" in block
        # the balance table: each charted option's balance now, at each year shown, and the month it is paid off
        table = re.search(r'<table class="dp-table dp-balances">.*?</table>', block, flags=re.S).group(0)
        cells = _cells(table)
        for o in charts.picked_options(d):
            amounts = charts.balance_amounts(o, d.owed.total)
            i = cells.index(views.escape(option_name(o, lang)))
            assert cells[i + 1] == money_text(amounts[0], lang)
            assert cells[i + 2] == money_text(amounts[12] if len(amounts) > 12 else D(0), lang)
        # the affordability table: the shortest fitting term at each rate, as the chart's green area starts
        grid = scenario_grid(float(d.owed.total), list(range(3, 61)), [i / 1000 for i in range(0, 361, 6)],
                             [float(d.share)])
        fitting = _cells(re.search(r'<table class="dp-table dp-fitting">.*?</table>', block, flags=re.S).group(0))
        for k, j in enumerate(range(0, 61, 10)):
            fits = grid.payment[:, j] <= float(d.share)
            want = int(grid.terms[fits.argmax()]) if fits.any() else 60
            assert re.search(rf"(?<!\d){want}(?!\d)", fitting[k + 1]), (fitting, k)
        assert views.escape(money_text(d.share, lang)) in block


def test_a_few_debts_keep_every_chart(monkeypatch):
    """Up to CHARTED_DEBTS debts, every debt has its four charts, as before."""
    few = assess(parse_profile({"name": "few", "as_of": "2026-11-28", "lang": "en",
                                "income": [{"name": "Pay", "amount": 9000}],
                                "debts": [{"creditor": f"L{i}", "principal": 2000 + i, "term_months": 12,
                                           "product": "huabei", "overdue_since": "2026-06-15", "overdue_amount": 2000 + i}
                                          for i in range(views.CHARTED_DEBTS)]}), RULES)
    monkeypatch.setattr(charts, "figure_svg", lambda fig: "<svg></svg>")
    html = views.plans_html(few, "en")
    assert html.count("<svg") == 4 * views.CHARTED_DEBTS + 1 and "dp-balances" not in html
