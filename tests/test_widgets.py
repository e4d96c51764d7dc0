"""The notebooks' forms, driven by setting widget values and checking what updates."""
from decimal import Decimal

import pytest

from debtplan.inputs.profile import load_profile
from debtplan.app.session import open_profile
from debtplan.app.widgets import CashFlowApp, LogApp, OwedApp, PlansApp

from conftest import ROOT

D = Decimal


@pytest.fixture
def session(tmp_path):
    path = tmp_path / "xiao-li.yaml"
    path.write_text((ROOT / "data/examples/xiao-li.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    return open_profile(str(path))


def rendered(app) -> str:
    return "".join(o.get("data", {}).get("text/html", "") for o in app.output.outputs)


def test_cash_flow_fields_update_surplus_and_chart(session):
    app = CashFlowApp(session)
    assert app.surplus == D(1660)
    before = rendered(app)
    income = app.fields[("income", 0, "amount")]
    income.value = "6800"
    assert app.surplus == D(2660) and session.assessment.available == D("2394.00")
    after = rendered(app)
    assert after != before and "2,660.00" in after and "<svg" in after


def test_bad_value_shows_library_message_and_keeps_last_good(session):
    app = CashFlowApp(session)
    app.fields[("fixed_costs", 0, "amount")].value = "lots"
    # the profile is Chinese: the message names the line in Chinese, never a technical path
    assert "第1项固定开支（房租）的金额：“lots”不是金额" in app.message.value and "fixed_costs" not in app.message.value
    assert app.surplus == D(1660)
    app.fields[("fixed_costs", 0, "amount")].value = "1400"
    assert app.message.value == "" and app.surplus == D(1760)


def test_what_if_sliders(session):
    app = CashFlowApp(session)
    app.income_down.value = 20
    assert app.surplus == D(500)
    app.cut_category.value = "food"
    app.cost_cut.value = 300
    assert app.surplus == D(800)
    assert load_profile(session.path).income[0].amount == D(5800)  # what-if never touches the file


def test_save_writes_atomically_with_backup(session):
    original = session.path.read_text(encoding="utf-8")
    app = CashFlowApp(session)
    app.fields[("income", 0, "amount")].value = "6100"
    app.save_button.click()
    assert "已保存" in app.message.value
    assert load_profile(session.path).income[0].amount == D(6100)
    assert session.path.with_name(session.path.name + ".bak").read_text(encoding="utf-8") == original


def test_owed_preset_picker_fills_fields(session):
    app = OwedApp(session)
    assert app.fields["daily_rate"].value == "0.0004"
    total = session.assessment.debts[0].owed.total
    app.fields["penalty_multiplier"].value = "2"
    assert session.assessment.debts[0].owed.penalty_interest == D("1680.00")
    assert session.assessment.debts[0].owed.total > total
    app.fields["daily_rate"].value = ""
    app.product.value = "weilidai"
    assert app.fields["daily_rate"].value == "0.0005" and app.fields["penalty_multiplier"].value == "1.5"
    assert session.assessment.debts[0].debt.product == "weilidai"
    assert "微粒贷" not in app.message.value


def test_plans_picker_redraws(session):
    app = PlansApp(session)
    assert app.option_picker.value == session.assessment.debts[0].proposal.option.key
    first = rendered(app)
    app.option_picker.value = "installments-24"
    assert rendered(app) != first and "分24期" in rendered(app)


def test_log_form_appends(session):
    app = LogApp(session)
    app.channel.value = "phone"
    app.outcome.value = "对方同意考虑停息"
    app.person.value = "工号 1024"
    app.add_button.click()
    assert load_profile(session.path).negotiations[-1].outcome == "对方同意考虑停息"
    assert "工号 1024" in rendered(app)
    app.outcome.value = ""
    app.add_button.click()
    assert "没有填写结果" in app.message.value
    assert len(load_profile(session.path).negotiations) == 1


def test_household_savings_and_new_lines(session):
    app = CashFlowApp(session)
    app.household["children"].value = "2"
    assert session.profile.household.children == 2
    app.household["adults"].value = "two"
    assert "家庭情况的成年人数" in app.message.value and session.profile.household.adults == 1
    app.household["adults"].value = "2"
    app.savings["monthly_contribution"].value = "160"
    assert app.surplus == D(1500) and session.profile.savings.monthly_contribution == D(160)
    app.new_section.value = "flexible_costs"
    app.new_category.value = "health"
    app.new_name.value = "牙医"
    app.new_amount.value = "300"
    app.add_button.click()
    assert app.surplus == D(1200) and ("flexible_costs", 6, "amount") in app.fields
    app.new_amount.value = "lots"
    app.add_button.click()
    assert "第8项日常开支" in app.message.value and app.surplus == D(1200)
    app.save_button.click()
    saved = load_profile(session.path)
    assert saved.flexible_costs[-1].name == "牙医" and saved.household.children == 2


def test_add_a_debt(session):
    app = OwedApp(session)
    app.new_creditor.value = "花呗"
    app.new_product.value = "huabei"
    app.new_principal.value = "4500"
    app.add_button.click()
    assert [d.creditor for d in session.profile.debts] == ["借呗", "花呗"]
    assert app.debt_picker.value == 1 and app.product.value == "huabei"
    app.fields["overdue_since"].value = "2026-10-10"
    assert session.assessment.debt("花呗").owed.penalty_interest == D("110.25")
    app.new_creditor.value = "借呗"
    app.new_principal.value = "100"
    app.add_button.click()
    assert "和第 1 笔欠款同名" in app.message.value and len(session.profile.debts) == 2


def test_add_a_generic_debt_needs_its_rate(session):
    app = OwedApp(session)
    app.new_creditor.value = "亲戚"
    app.new_principal.value = "3000"
    app.add_button.click()
    assert "第2笔欠款（亲戚）的日利率：没有填写利率" in app.message.value and len(session.profile.debts) == 1
    app.new_rate_kind.value = "annual_rate"
    app.new_rate.value = "0.06"
    app.add_button.click()
    assert session.profile.debts[1].annual_rate == D("0.06") and app.message.value == ""


def test_plan_picker_shows_the_payments_with_dates(session):
    app = PlansApp(session)
    app.option_picker.value = "interest_frozen-12"
    html = rendered(app)
    assert "2026年12月28日" in html and "2027年11月28日" in html  # first and 12th payment
    assert "1,771.67 元" in html and "停息挂账，分12期" in html
