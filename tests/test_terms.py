"""Values as people write them: amounts, rates, dates and names in Chinese or English, and what is refused."""
import datetime as dt
from decimal import Decimal

import pytest
import yaml

from debtplan.calc.assessment import assess
from debtplan.core.errors import TermError
from debtplan.core.terms import read_amount, read_date, read_rate
from debtplan.inputs.profile import load_profile, parse_profile
from debtplan.inputs.rules import load_rules
from debtplan.inputs.words import load_words
from debtplan.present.export import assessment_to_dict

from conftest import ROOT

D = Decimal


@pytest.mark.parametrize("written, expected", [
    ("1.5万", "15000"), ("5千", "5000"), ("5000元", "5000"), ("¥5,000", "5000"), ("￥1,234.50", "1234.50"),
    ("５０００", "5000"), ("1，800", "1800"), ("2万元", "20000"), ("20,000", "20000"), ("1,500.50", "1500.50"),
    ("CNY 300", "300"), ("800块", "800"), (20000, "20000"), (0.1, "0.1"), ("-0", "0"), ("1.55万", "15500"),
])
def test_amounts_as_written(written, expected):
    value = read_amount(written)
    assert value == D(expected) and str(value) == expected


@pytest.mark.parametrize("written, code", [
    ("2.000,50", "problem_amount_ambiguous"), ("12,34", "problem_amount_ambiguous"), ("1,2,3", "problem_not_an_amount"),
    ("abc", "problem_not_an_amount"), ("1e308", "problem_not_an_amount"), (10 ** 400, "problem_amount_too_large"),
    ("2万亿", "problem_not_an_amount"), (True, "problem_not_an_amount"), ("", "problem_not_an_amount"),
    ("9999999999999", "problem_amount_too_large"),
])
def test_amounts_refused_not_guessed(written, code):
    with pytest.raises(TermError) as err:
        read_amount(written)
    assert err.value.code == code


@pytest.mark.parametrize("written, kind, expected", [
    ("万四", "daily", "0.0004"), ("日息万四", "daily", "0.0004"), ("万分之五", "daily", "0.0005"),
    ("万2.5", "daily", "0.00025"), ("万三点五", "daily", "0.00035"), ("0.04%/天", "daily", "0.0004"),
    ("日利率0.05%", "daily", "0.0005"), ("0.0004", "daily", "0.0004"), ("0.05%", "daily", "0.0005"),
    ("年化18%", "annual", "0.18"), ("18%", "annual", "0.18"), ("年利率 7.2%", "annual", "0.072"),
    ("APR 18%", "annual", "0.18"), ("月息0.6%", "monthly", "0.006"), ("0.6%", "monthly", "0.006"),
    ("１８％", "annual", "0.18"),
])
def test_rates_as_written(written, kind, expected):
    assert read_rate(written, kind) == D(expected)


@pytest.mark.parametrize("written, kind, named", [
    ("年化18%", "daily", "annual"), ("日息万四", "annual", "daily"), ("万五", "annual", "daily"),
    ("月息1%", "daily", "monthly"),
])
def test_a_rate_for_another_period_is_named_not_converted(written, kind, named):
    with pytest.raises(TermError) as err:
        read_rate(written, kind)
    assert err.value.code == "problem_rate_other_kind" and err.value.params["written"] == named


@pytest.mark.parametrize("written", ["2026-10-10", "2026/10/10", "2026.10.10", "2026年10月10日", "2026-10-10 ",
                                     "２０２６年１０月１０日", "2026年10月10号", dt.date(2026, 10, 10)])
def test_dates_as_written(written):
    assert read_date(written) == dt.date(2026, 10, 10)


@pytest.mark.parametrize("written", ["2026-13-01", "2026-02-30", "10/10/2026", "昨天", 20261010])
def test_impossible_dates_refused(written):
    with pytest.raises(TermError):
        read_date(written)


@pytest.mark.parametrize("kind, written, code", [
    ("product", "借呗", "jiebei"), ("product", "京东白条", "generic"), ("product", "信用卡", "credit-card"),
    ("product", "Credit Card", "credit-card"), ("product", "微粒贷", "weilidai"), ("method", "等额本金", "equal-principal"),
    ("method", "先息后本", "interest-only"), ("area", "农村", "rural"), ("category", "学费", "education"),
    ("category", "话费", "communication"), ("category", "房贷", "housing"), ("category", "吃饭", "food"),
    ("category", "school", "education"), ("category", "communications", "communication"), ("channel", "电话", "phone"),
    ("channel", "短信", "chat"), ("channel", "APP", "app"), ("hardship_reason", "失业", "job_loss"),
])
def test_words_people_write(kind, written, code):
    assert load_words().lookup(kind, written) == code


def test_every_word_in_the_table_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = load_words().table
    missing = [w for kind in table for words in table[kind].values() for w in words if w not in readme]
    assert missing == []


CHINESE_TWIN = """
name: xiao-li
lang: 中文
as_of: 2026年11月28日
household: {adults: 1, children: 0, area: 城镇, city: 成都}
borrower: {name: 小李}
hardship:
  reason: 收入减少
  since: 2026/07/01
  text: 今年春天为家人看病借了借呗。7月起公司取消加班，每月收入少了约1500元，8月和9月没能按时还款。
income:
  - {name: 工资（税后）, amount: 5800元}
fixed_costs:
  - {category: 房租, name: 房租, amount: "¥1,500"}
  - {category: 水电燃气, name: 水电燃气, amount: 180元}
  - {category: 交通, name: 通勤, amount: 260}
  - {category: 话费, name: 手机话费, amount: 80块}
flexible_costs:
  - {category: 吃饭, name: 吃饭, amount: 1，400}
  - {category: 衣服, name: 衣服, amount: 150}
  - {category: 日用品, name: 日用品, amount: 120}
  - {category: 娱乐, name: 娱乐, amount: 200}
  - {category: 医疗, name: 药品, amount: 150}
  - {category: 个人, name: 其他个人开支, amount: 100}
savings: {balance: 3千, monthly_contribution: 0}
debts:
  - creditor: 借呗
    product: 蚂蚁借呗
    principal: 2万
    daily_rate: 日息万四
    term_months: 12
    method: 等额本息
    start_date: 2026.03.15
    overdue_since: 2026年8月15日
    overdue_amount: 2万元
    unpaid_interest: 0
"""


def test_a_profile_in_chinese_terms_gives_the_same_assessment_as_its_canonical_twin():
    rules = load_rules()
    canonical = assess(load_profile(ROOT / "data/examples/xiao-li.yaml"), rules)
    chinese = assess(parse_profile(yaml.safe_load(CHINESE_TWIN), "twin.yaml", rules), rules)
    # the twin leaves out the contact log (terms do not touch it), so its collection flags are not compared
    twin, original = assessment_to_dict(chinese), assessment_to_dict(canonical)
    assert twin.pop("collection_flags") == [] and original.pop("collection_flags")
    assert twin == original
    assert not [w for w in chinese.warnings if w.code == "unknown_category"]


def test_synonyms_in_forms_and_records(tmp_path):
    from debtplan.inputs.records import append_contact

    f = tmp_path / "p.yaml"
    f.write_text((ROOT / "data/examples/xiao-li.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    entry = append_contact(f, creditor="借呗", channel="电话", outcome="对方考虑")
    assert entry["channel"] == "phone" and load_profile(f).negotiations[-1].channel == "phone"


@pytest.mark.parametrize("kind, written, code", [
    ("contacted", "姐姐", "family"), ("contacted", "单位", "employer"), ("contacted", "爆通讯录", "contacts"),
    ("court_kind", "支付令", "payment_order"), ("court_kind", "应诉通知书", "complaint"),
    ("letter_kind", "异议书", "objection"), ("collection_channel", "短信", "sms"),
])
def test_words_for_collection_and_court_records(kind, written, code):
    assert load_words().lookup(kind, written) == code


# ---- a point followed by exactly three digits: one rule for the file, the app and the command line ----

@pytest.mark.parametrize("written, small, large", [
    ("20.000", "20", "20000"), ("9.500", "9.5", "9500"), ("1.250", "1.25", "1250"), ("-20.000", "-20", "-20000"),
    ("¥20.000", "20", "20000"), ("２０.０００元", "20", "20000"), (" 400.001 ", "400.001", "400001"),
])
def test_a_point_with_three_digits_is_refused_naming_both_readings(written, small, large):
    with pytest.raises(TermError) as err:
        read_amount(written)
    assert err.value.code == "problem_amount_dot_three"
    assert (err.value.params["small"], err.value.params["large"]) == (small, large)
    from debtplan.text.problems import error_text
    assert f"write {small} or {large}" in error_text(err.value, "en").lower()
    assert f"{small} 或 {large}" in error_text(err.value, "zh")


@pytest.mark.parametrize("written, expected", [
    ("1,234.565", "1234.565"), ("0.500", "0.500"), ("1234.565", "1234.565"), ("20.00", "20.00"), ("20.0000", "20.0000"),
    ("1.500万", "15000"),
])
def test_a_point_with_three_digits_that_cannot_be_thousands_is_read(written, expected):
    assert str(read_amount(written)) == expected


def test_money_uses_the_same_reader_for_text():
    from debtplan.core.errors import MoneyError
    from debtplan.core.money import money

    with pytest.raises(MoneyError, match="could mean 20 or 20,000; write 20 or 20000"):
        money("20.000", "income[0].amount")
    assert money("1.5万") == D(15000) and money("¥5,000") == D(5000) and money("1e3") == D(1000)
    assert money(20.0) == D("20.0")  # a number already read is not text: no reading to choose between


def test_the_command_line_refuses_a_point_with_three_digits_naming_both_readings(capsys):
    from debtplan.run.cli import main

    with pytest.raises(SystemExit) as exit_:
        main(["schedule", "--principal", "20.000", "--annual-rate", "0.12", "--months", "12"])
    assert exit_.value.code == 2
    assert "could mean 20 or 20,000" in capsys.readouterr().err
