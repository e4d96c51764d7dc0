"""Her credit record (calc/credit.py, present/credit.py, app/steps/credit.py): the month each plan clears the
debt and the latest month its record could go, objections to a wrong record with their 20-day answer in the
calendar, and an agreed plan about to break with its request to vary drafted first."""
import datetime as dt
import json
from decimal import Decimal as D

import pytest
import yaml

from conftest import ROOT
from debtplan.calc.assessment import assess
from debtplan.calc.credit import income_drop_that_breaks, objection_reply_by
from debtplan.core.errors import ProfileError
from debtplan.inputs.profile import parse_profile
from debtplan.inputs.rules import load_rules

RULES = load_rules()
CREDIT = yaml.safe_load((ROOT / "data/rules/credit.yaml").read_text(encoding="utf-8"))


def xiao_li(**extra):
    data = yaml.safe_load((ROOT / "data/examples/xiao-li.yaml").read_text(encoding="utf-8"))
    data.update(extra)
    return data


def assessed(data):
    return assess(parse_profile(data, "test.yaml", RULES), RULES)


# ---- 1. cleared month and record-gone month per option, worked by hand for the default example

def test_the_rules_carry_the_articles_figures_with_sources():
    assert (CREDIT["record_years"]["value"], CREDIT["objection_days"]["value"], CREDIT["free_reports"]["value"]) == (5, 20, 2)
    assert (RULES.credit.record_years, RULES.credit.objection_days, RULES.credit.free_reports) == (5, 20, 2)
    for key in ("record_years", "free_reports", "channels", "objection_days", "no_answer", "repair_scam",
                "settlement_reporting", "reported_pboc", "reported_baihang", "card_plan_broken"):
        entry = CREDIT[key]
        assert entry["source"] and entry["source_en"] and entry["seen"] and entry["verified"] is False, key


def test_each_option_of_xiao_li_gets_its_cleared_and_record_gone_months_by_hand():
    # as_of 2026-11-28: a new plan's first payment falls a month later, 2026-12-28 (month 1). An n-month plan's
    # last payment is month n: 2026-12 + (n - 1) months; the record is kept 5 years from then (Art. 16).
    a = assessed(xiao_li())
    (rec,) = a.credit.debts
    got = {o.key: (o.cleared.isoformat(), o.record_gone_by.isoformat(), o.settled_for_less) for o in rec.outlooks}
    assert got["installments-12"] == ("2027-11-28", "2032-11-28", False)
    assert got["installments-60"] == ("2031-11-28", "2036-11-28", False)
    assert got["penalty_waiver-24"] == ("2028-11-28", "2033-11-28", False)
    assert got["interest_frozen-48"] == ("2030-11-28", "2035-11-28", False)
    assert got["deferral-27"] == ("2029-02-28", "2034-02-28", False)  # 3 months' pause + 24: month 27
    # the arrears paid at once: the record runs from that first payment (whatever the contract still asks)
    assert got["keep_contract"] == ("2026-12-28", "2031-12-28", False)
    assert got["settlement"] == ("2026-12-28", "2031-12-28", True)  # paid at once, for less than owed
    assert rec.proposed.key == "interest_frozen-48"


def test_the_report_says_it_in_one_sentence_with_sources_in_both_languages():
    from debtplan.present.legal import legal_html

    a = assessed(xiao_li())
    html = legal_html(a, RULES, "zh")
    assert "按建议的方案（停息挂账，分48期），2030年11月还清，不良记录最晚2035年11月消除。" in html
    assert "征信业管理条例第十六条" in html and "每年可以免费查2次" in html and "云闪付" in html
    assert "“征信修复”是骗局" in html and "bkbbs.net/yule/wlrd/579666.html" in html
    assert "百行征信" in html and "未确认" in html  # Baihang: unconfirmed
    assert "协商减免结清" in html  # how a settlement for less is marked (unconfirmed)
    en = legal_html(assessed(xiao_li(lang="en")), RULES, "en")
    assert ("it is cleared in November 2030 and its negative record is removed by November 2035 at the latest"
            in en)
    assert "Paid \"credit repair\" is a scam" in en.replace("&quot;", "\"")


def test_a_debt_not_overdue_has_no_record_to_clear():
    data = xiao_li()
    data["debts"][0].pop("overdue_since")
    data["debts"][0].pop("overdue_amount")
    a = assessed(data)
    (rec,) = a.credit.debts
    assert not rec.overdue and all(o.record_gone_by is None for o in rec.outlooks)
    from debtplan.present.credit import credit_html

    assert "这笔没有逾期" in credit_html(a, RULES, "zh")


# ---- 2. objections: the letter, the 20-day answer in the calendar, what to do when none comes

OBJECTION = {"id": "o-1", "institution": "借呗", "kind": "按约还款后仍显示逾期", "shows": "2026年12月 逾期 <script>",
             "should_show": "已按协议还款", "send_to": "征信中心", "sent": "2026-11-20"}


def test_an_objection_is_read_with_its_words_and_refused_when_wrong():
    p = parse_profile(xiao_li(credit_objections=[OBJECTION]), "t.yaml", RULES)
    (o,) = p.credit_objections
    assert (o.id, o.kind, o.send_to, o.sent) == ("o-1", "overdue_after_plan", "credit_centre", dt.date(2026, 11, 20))
    bad = dict(OBJECTION, kind="弄错了", answered="2026-11-01", institution="")
    with pytest.raises(ProfileError) as exc:
        parse_profile(xiao_li(credit_objections=[bad]), "t.yaml", RULES)
    paths = {p.path: p.code for p in exc.value.problems}
    assert paths == {"credit_objections[0].kind": "problem_not_a_choice",
                     "credit_objections[0].answered": "problem_reply_before_sent",
                     "credit_objections[0].institution": "problem_missing_text"}


def test_the_objection_letter_asks_for_the_answer_in_20_days_and_escapes_her_words():
    from debtplan.present.credit import objections_html

    a = assessed(xiao_li(credit_objections=[OBJECTION]))
    (o,) = a.credit.objections
    assert o.reply_by == dt.date(2026, 12, 10) and not o.late  # 20 days from sending; as_of 2026-11-28
    html = objections_html(a, RULES, "zh")
    assert "致：中国人民银行征信中心" in html and "借呗报送的信息有错误" in html
    assert "按约还款后仍显示逾期" in html and "已按协议还款" in html
    assert "《征信业管理条例》第二十五条" in html and "20日内核查处理" in html
    assert "&lt;script&gt;" in html and "<script>" not in html
    assert "2026年12月10日" in html and "等待答复" in html
    en = objections_html(assessed(xiao_li(lang="en", credit_objections=[OBJECTION])), RULES, "en")
    assert "within 20 days of receiving this objection" in en and "To: the PBoC Credit Reference Center" in en


def test_no_answer_in_time_says_where_to_complain():
    from debtplan.present.credit import objections_html

    late = dict(OBJECTION, sent="2026-10-01")
    a = assessed(xiao_li(credit_objections=[late]))
    (o,) = a.credit.objections
    assert o.reply_by == dt.date(2026, 10, 21) and o.late
    html = objections_html(a, RULES, "zh")
    assert "12363" in html and "当地人民银行分支机构投诉" in html and "已过期未答复" in html
    answered = assessed(xiao_li(credit_objections=[dict(late, answered="2026-10-15")]))
    assert not answered.credit.objections[0].late and "12363" not in objections_html(answered, RULES, "zh")


def test_the_20_day_answer_goes_into_the_calendar_until_answered():
    from icalendar import Calendar

    from debtplan.run.calendar import calendar_bytes

    p = parse_profile(xiao_li(credit_objections=[OBJECTION]), "t.yaml", RULES)
    events = {str(e["UID"]).split(".")[0]: e for e in Calendar.from_ical(calendar_bytes(p, RULES, "zh")).walk("VEVENT")}
    e = events["o-1-answer"]
    assert e.decoded("DTSTART") == dt.date(2026, 12, 10)
    assert str(e["SUMMARY"]) == "借呗应答复征信异议"
    assert "二十五条" in str(e["DESCRIPTION"]) and "12363" in str(e["DESCRIPTION"])
    done = parse_profile(xiao_li(credit_objections=[dict(OBJECTION, answered="2026-11-27")]), "t.yaml", RULES)
    assert b"o-1-answer" not in calendar_bytes(done, RULES, "zh")


# ---- 3. before a plan breaks

PLAN = {"id": "a-1", "creditor": "借呗", "start_date": "2026-12-28", "months": 48, "monthly_payment": "442.92",
        "interest_frozen": True}


def test_the_income_drop_that_breaks_an_agreed_plan_by_hand():
    a = assessed(xiao_li(agreements=[PLAN]))
    (p,) = a.credit.plans
    # available 1,494.00 (surplus 1,660 less the 10% buffer); (1,494.00 - 442.92) / 5,800 = 0.1812
    assert (p.payment, p.room, p.drop, p.drop_amount, p.vary) == (D("442.92"), D("1494.00"), D("0.1812"),
                                                                  D("1051.08"), False)
    assert p.due == dt.date(2026, 12, 28)
    from debtplan.present.credit import credit_html

    html = credit_html(a, RULES, "zh")
    assert "收入每月再少1,051.08 元（18.12%）以上，这个方案就付不起了" in html
    assert "调整还款方案申请" not in html


def test_income_entered_lower_drafts_the_request_to_vary_before_the_payment_is_missed():
    data = xiao_li(agreements=[PLAN])
    data["income"][0]["amount"] = 4500  # costs 4,140: surplus 360, available 324.00
    a = assessed(data)
    (p,) = a.credit.plans
    assert p.vary and p.room == D("324.00") and p.drop == D("-0.0264")  # -118.92 / 4,500
    assert (p.left, p.suggested, p.suggested_months) == (D("21260.16"), D("324"), 66)  # 21,260.16 / 324 = 65.6
    from debtplan.present.credit import vary_html

    html = vary_html(a, RULES, "zh")
    assert "2026年12月28日应还借呗442.92 元，但您这个月只有324.00 元" in html
    assert "请求把每月还款调整为324.00 元，共66期还清剩余的21,260.16 元" in html
    assert "不是法律规定" in html  # a lender's plan: the usual practice, not a rule of law
    # an expense up has the same effect
    data = xiao_li(agreements=[PLAN])
    data["fixed_costs"][0]["amount"] = 2900
    assert assessed(data).credit.plans[0].vary


def test_a_card_plan_cites_article_70():
    from debtplan.present.credit import vary_html

    data = xiao_li(agreements=[PLAN])
    data["debts"][0]["product"] = "credit-card"
    data["income"][0]["amount"] = 4500
    html = vary_html(assessed(data), RULES, "zh")
    assert "第七十条" in html and "恢复催收" in html


def test_income_drop_and_reply_dates():
    assert income_drop_that_breaks(D("5800"), D("1494"), D("1494")) == D("0")
    assert income_drop_that_breaks(D("5800"), D("1000"), D("1494")) < 0
    assert income_drop_that_breaks(D("0"), D("1000"), D("10")) is None
    assert objection_reply_by(dt.date(2026, 12, 20), 20) == dt.date(2027, 1, 9)


# ---- 4. JSON

def test_assess_json_has_the_credit_keys(capsys, tmp_path):
    from debtplan.run.cli import main

    path = tmp_path / "p.yaml"
    path.write_text(yaml.safe_dump(xiao_li(agreements=[PLAN], credit_objections=[OBJECTION]), allow_unicode=True),
                    encoding="utf-8")
    assert main(["assess", "--profile", str(path), "--format", "json"]) == 0
    credit = json.loads(capsys.readouterr().out)["credit"]
    assert set(credit) == {"record_years", "objection_days", "debts", "plans", "objections"}
    (debt,) = credit["debts"]
    assert debt["proposed"] == {"key": "interest_frozen-48", "cleared": "2030-11", "record_gone_by": "2035-11"}
    assert set(debt["options"][0]) == {"key", "kind", "cleared", "record_gone_by", "settled_for_less"}
    (plan,) = credit["plans"]
    assert (plan["income_drop_that_breaks"], plan["income_drop_amount"], plan["vary_request"]) == ("0.181200",
                                                                                                   "1051.08", False)
    (obj,) = credit["objections"]
    assert (obj["reply_by"], obj["late"], obj["send_to"]) == ("2026-12-10", False, "credit_centre")


# ---- the app: the objection form, and the request to vary first on the follow-up step

def test_the_follow_up_step_shows_the_vary_request_first_and_takes_an_objection(tmp_path):
    from debtplan.app.session import open_profile
    from debtplan.app.widgets import App

    data = xiao_li(agreements=[PLAN])
    data["income"][0]["amount"] = 4500
    path = tmp_path / "me.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    app = App(open_profile(str(path)), today=dt.date(2026, 11, 29))
    app.nav.value = "log"
    step = app.step("log")
    view = step.view.value
    assert "调整还款方案申请" in view
    assert view.index("调整还款方案申请") < view.index("沟通记录")  # first, before the contact log
    credit_list = next(r for r in app.kit.lists if r.keys == ("credit_objections",))
    credit_list.add_button.click()
    fields = {f.path: f for f in credit_list.all_fields()}
    fields["credit_objections[0].shows"].input.value = "2026年12月显示逾期"
    fields["credit_objections[0].sent"].input.value = "2026-11-20"
    summary = next(w for w in step.forms.children if "dp-app-credit-summary" in w._dom_classes)
    assert "征信异议申请" in summary.value and "2026年12月10日" in summary.value
    assert "付不起：先请求调整" in summary.value  # each agreed plan against this month, under the objections
    assert summary.value.count("调整还款方案申请") == 0  # the request itself is shown once, atop the step
    fields["credit_objections[0].sent"].input.value = "2027-01-01"  # after today: refused beside the field
    assert fields["credit_objections[0].sent"].error.value
    fields["credit_objections[0].sent"].input.value = "2026-11-20"
    app.save_button.click()
    saved = yaml.safe_load(path.read_text(encoding="utf-8"))["credit_objections"][0]
    assert saved["sent"] in ("2026-11-20", dt.date(2026, 11, 20)) and saved["id"].startswith("o-")
