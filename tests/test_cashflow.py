from decimal import Decimal

from hypothesis import given, settings, strategies as st

from debtplan.calc.cashflow import (benchmark_comparison, counted_income, equivalence_scale, evaluate_cash_flow,
                               ratios, what_if)
from debtplan.core.model import IncomeItem
from debtplan.inputs.profile import load_profile, parse_profile
from debtplan.inputs.rules import load_rules

from conftest import ROOT, examples

D = Decimal


def test_xiao_li_surplus():
    cf = evaluate_cash_flow(load_profile(ROOT / "data/examples/xiao-li.yaml"))
    assert (cf.income, cf.fixed_costs, cf.flexible_costs, cf.surplus) == (D(5800), D(2020), D(2120), D(1660))
    assert sum(cf.shares().values()) == D(1)


def test_irregular_income_is_conservative_and_says_how():
    line = counted_income(IncomeItem("gig", D(0), tuple(D(x) for x in (4200, 2800, 5100, 3600, 3900, 4500)), True))
    assert line.amount == D("3433.33") and line.method == "lower_half_average"
    assert (line.months_used, line.months_given) == (3, 6)
    assert line.amount < sum((D(x) for x in (4200, 2800, 5100, 3600, 3900, 4500))) / 6


def test_ratios_with_zero_income():
    p = parse_profile({"name": "x", "as_of": "2026-11-28"})
    r = ratios(evaluate_cash_flow(p), D(0), D(0), D(0))
    assert r.payments_to_income is None and r.savings_months is None


def test_benchmarks_scaled_and_flagged():
    p = parse_profile({"name": "x", "as_of": "2026-11-28", "household": {"adults": 1, "area": "all"},
                       "flexible_costs": [{"category": "food", "amount": 2000}, {"category": "clothing", "amount": 50}]})
    rules = load_rules()
    lines, meta = benchmark_comparison(p, rules.benchmarks, rules.advice.benchmark_flag_ratio, 2025)
    food = next(l for l in lines if l.group == "food")
    assert food.benchmark == D("719.25")  # 8631 / 12
    assert food.flagged and not food.approximate
    assert not next(l for l in lines if l.group == "clothing").flagged
    assert meta["year"] == 2025 and "stats.gov.cn" in meta["source"]
    assert equivalence_scale(2, 1, load_rules().benchmarks["equivalence_scale"]) == D("1.8")


def test_benchmark_years_add_up_to_totals():
    import yaml

    data = yaml.safe_load((ROOT / "data/benchmarks/nbs-consumption.yaml").read_text(encoding="utf-8"))
    for year, entry in data["years"].items():
        assert sum(entry["categories"].values()) == entry["total"]["all"], year
        assert entry["source"]


def test_what_if_reuses_the_same_functions():
    p = load_profile(ROOT / "data/examples/xiao-li.yaml")
    lower = evaluate_cash_flow(what_if(p, income_change="-0.2"))
    assert lower.income == D(4640) and lower.surplus == D(500)
    cut = evaluate_cash_flow(what_if(p, cost_cuts={"food": 200, "leisure": 1000}))
    assert cut.flexible_costs == D(2120 - 200 - 200)
    assert what_if(p, one_off=5000).savings.balance == D(8000)
    assert p.income[0].amount == D(5800)  # the original is unchanged


@settings(max_examples=examples(100), deadline=None)
@given(st.lists(st.decimals(min_value=0, max_value=10**6, places=2), min_size=1, max_size=4),
       st.lists(st.decimals(min_value=0, max_value=10**6, places=2), max_size=4))
def test_surplus_identity(incomes, costs):
    p = parse_profile({"name": "x", "as_of": "2026-11-28", "income": [{"name": f"i{k}", "amount": str(v)}
                                                                     for k, v in enumerate(incomes)],
                       "fixed_costs": [{"category": "rent", "amount": str(v)} for v in costs]})
    cf = evaluate_cash_flow(p)
    assert cf.surplus == cf.income - cf.fixed_costs - cf.flexible_costs - cf.savings_contribution
