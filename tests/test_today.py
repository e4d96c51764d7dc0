"""Dates that must agree with the calendar: a person's own profile is computed to today, old figures say so,
records of things that happened cannot lie in the future, and dated letter copies never collide."""
import datetime as _dt
import json
import subprocess
import uuid

import pytest

from debtplan.core import dates
from debtplan.core.errors import ProfileError
from debtplan.inputs.files import read_mapping
from debtplan.inputs.profile import load_profile, parse_profile
from debtplan.run import cli, report
from debtplan.text import problems
from debtplan.text.problems import problems_text

from conftest import ROOT

XIAO_LI = ROOT / "data" / "examples" / "xiao-li.yaml"
TODAY = _dt.date.today()


def _xiao_li(**records) -> dict:
    data = read_mapping(XIAO_LI)
    data.update(records)
    return data


# ---- a person's own profile is computed to today; examples keep their date

def test_make_profile_copies_the_example_without_its_date():
    me = f"pytest-{uuid.uuid4().hex[:8]}"
    made = ROOT / "data" / "private" / f"{me}.yaml"
    try:
        subprocess.run(["make", "-s", "profile", f"ME={me}"], cwd=ROOT, check=True, capture_output=True)
        text = made.read_text(encoding="utf-8")
        assert not any(line.startswith("as_of:") for line in text.splitlines())
        assert load_profile(made).as_of == TODAY
        assert load_profile(XIAO_LI).as_of == _dt.date(2026, 11, 28)  # the example keeps its pinned date
    finally:
        made.unlink(missing_ok=True)
        made.with_name(made.name + ".tmp").unlink(missing_ok=True)
    dry = subprocess.run(["make", "-n", "app", f"APP_PROFILE=data/private/{me}.yaml", f"ME={me}"], cwd=ROOT,
                         check=True, capture_output=True, text=True).stdout
    assert "s/^as_of:" in dry and "cp data/examples" not in dry  # the app's first copy is made the same way


def test_old_figures_are_called_out_at_the_top_of_every_page():
    profile = load_profile(XIAO_LI)  # pinned to 2026-11-28
    bodies = [("plan", "Plan", "<p>plan</p>"), ("letters", "Letters", "<p>letters</p>")]
    files: dict[str, bytes] = {}
    report._assemble(bodies, files, profile, "zh", "", today=_dt.date(2026, 12, 6))
    for name in ("index.html", "plan.html", "letters.html"):
        page = files[name].decode()
        body = page[page.index("<body>"):]
        assert body.index("dp-stale") < body.index("plan" if name != "letters.html" else "letters")
        assert "2026年11月28日，是 8 天前的" in body and "--today" in body, name
    en: dict[str, bytes] = {}
    report._assemble(bodies, en, profile, "en", "", today=_dt.date(2026, 12, 6))
    assert "as of 28 Nov 2026, 8 days ago" in en["index.html"].decode()
    fresh: dict[str, bytes] = {}
    report._assemble(bodies, fresh, profile, "zh", "", today=_dt.date(2026, 12, 5))  # 7 days: still recent
    assert "dp-stale" not in fresh["index.html"].decode()
    assert dates.days_out_of_date(_dt.date(2026, 11, 28), _dt.date(2026, 12, 4)) == 0
    app = problems.out_of_date_text(profile.as_of, "zh", today=_dt.date(2026, 12, 6), how="app")
    assert "8 天前" in app and "点“按今天计算”" in app and "--today" not in app  # what the app shows, one click


def test_cli_today_computes_to_today(capsys):
    assert cli.main(["assess", "--profile", str(XIAO_LI), "--today", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["as_of"] == TODAY.isoformat()
    assert cli.main(["assess", "--profile", str(XIAO_LI), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["as_of"] == "2026-11-28"
    with pytest.raises(SystemExit):
        cli.main(["assess", "--profile", str(XIAO_LI), "--today", "--as-of", "2026-11-01"])


# ---- records of things that happened cannot lie after today

@pytest.mark.parametrize("key, record, place", [
    ("court_events", {"kind": "payment_order", "creditor": "借呗"}, "第1份法院文书的收到日期"),
    ("collections", {"creditor": "借呗", "contacted": "borrower"}, "第1条催收记录"),
    ("letters", {"kind": "proposal", "creditor": "借呗"}, "第1封信"),
    ("payments", {"creditor": "借呗", "amount": 100}, "第1笔还款记录"),
    ("negotiations", {"creditor": "借呗", "channel": "phone"}, "联系记录"),
])
def test_a_record_dated_after_today_is_refused_at_its_place(key, record, place):
    field = {"court_events": "received", "collections": "at"}.get(key, "date")
    ahead = (TODAY + _dt.timedelta(days=365)).isoformat()
    with pytest.raises(ProfileError) as err:
        parse_profile(_xiao_li(**{key: [{**record, field: ahead}]}), "me.yaml")
    assert [p.path for p in err.value.problems] == [f"{key}[0].{field}"]
    text = problems_text(err.value, "zh")
    assert place in text and "晚于今天" in text
    assert "is after today" in problems_text(err.value, "en")
    parse_profile(_xiao_li(**{key: [{**record, field: TODAY.isoformat()}]}), "me.yaml")  # today is fine


def test_planned_dates_may_lie_ahead():
    ahead = (TODAY + _dt.timedelta(days=60)).isoformat()
    p = parse_profile(_xiao_li(
        agreements=[{"creditor": "借呗", "start_date": ahead, "months": 12, "monthly_payment": 1800}],
        letters=[{"kind": "proposal", "creditor": "借呗", "date": TODAY.isoformat(), "reply_by": ahead}],
        negotiations=[{"creditor": "借呗", "date": TODAY.isoformat(), "next_date": ahead}]), "me.yaml")
    assert p.agreements and p.letters[0].reply_by.isoformat() == ahead


def test_a_record_after_the_pinned_date_is_accepted_with_a_notice():
    p = parse_profile(_xiao_li(payments=[{"date": "2026-12-01", "creditor": "借呗", "amount": 100}]), "me.yaml")
    assert p.as_of == _dt.date(2026, 11, 28) and p.payments
    zh = problems.after_as_of_texts(p, p.as_of, "zh")
    assert len(zh) == 1 and zh[0].startswith("第1笔还款记录（借呗）的日期") and "as_of 改成今天" in zh[0]
    assert "Move the profile's as_of on to today" in problems.after_as_of_texts(p, p.as_of, "en")[0]
    assert problems.after_as_of_texts(p, _dt.date(2026, 12, 1), "zh") == []
    files: dict[str, bytes] = {}
    report._assemble([("plan", "Plan", "<p>x</p>")], files, p, "zh", "", today=_dt.date(2026, 12, 1))
    assert "第1笔还款记录（借呗）的日期" in files["index.html"].decode()


# ---- a letter's reply-by date is the same in the record, the calendar and the dated copy

def _with_letters(tmp_path, letters, debts=None):
    data = _xiao_li(letters=letters)
    if debts:
        data["debts"] = [{**data["debts"][0], "creditor": c} for c in debts]
        data["collections"] = []
    return parse_profile(data, str(tmp_path / "me.yaml"))


def test_a_letter_copy_asks_for_the_reply_by_the_date_recorded(tmp_path):
    from debtplan.calc.keydates import key_dates
    from debtplan.run.letters import keep_letter_copies

    p = _with_letters(tmp_path, [{"kind": "proposal", "creditor": "借呗", "date": "2026-11-10", "reply_by": "2026-11-25"},
                                 {"kind": "complaint", "creditor": "借呗", "date": "2026-11-12"}])
    assert [x.reply_by for x in p.letters] == [_dt.date(2026, 11, 25), _dt.date(2026, 11, 27)]  # none: 14 days, a complaint 15
    calendar = {k.day for k in key_dates(p, ()) if k.kind == "reply"}
    assert calendar == {_dt.date(2026, 11, 25), _dt.date(2026, 11, 27)}
    copies = sorted(keep_letter_copies(p, tmp_path, lang="zh"))
    assert len(copies) == 2
    proposal = next(c for c in copies if "proposal" in c.name).read_text(encoding="utf-8")
    complaint = next(c for c in copies if "complaint" in c.name).read_text(encoding="utf-8")
    assert "2026年11月25日" in proposal and "2026年11月24日" not in proposal
    assert "2026年11月27日" in complaint


# ---- dated copies never collide

def test_lenders_whose_names_differ_only_in_punctuation_get_a_copy_each(tmp_path):
    from debtplan.run.letters import keep_letter_copies

    names = ["招商银行/信用卡", "招商银行 信用卡", "招商银行_信用卡", "CMB", "cmb"]
    p = _with_letters(tmp_path, [{"kind": "proposal", "creditor": c, "date": "2026-11-20"} for c in names], names)
    copies = keep_letter_copies(p, tmp_path, lang="zh")
    assert len({c.name.lower() for c in copies}) == len(names)  # also on a file system that ignores case
    texts = [x.read_text(encoding="utf-8") for x in copies]
    assert all(any(c in text for text in texts) for c in names)


# ---- a date already past is said to have passed, with what can still be done

def test_past_reply_by_and_court_deadline_are_shown_as_passed():
    from debtplan.calc.assessment import assess
    from debtplan.inputs.rules import load_rules
    from debtplan.present import legal

    rules = load_rules()
    profile = load_profile(ROOT / "tests" / "fixtures" / "trouble.yaml")  # letters reply by 19 Nov and 4 Dec
    a = assess(profile, rules)  # 28 Nov 2026: the first reply-by date has passed, the court deadline (7 Dec) not
    letters = legal.letters_sent_html(a, "zh")
    assert "2026年11月19日（已过）" in letters and "2026年12月4日（已过）" not in letters
    assert "借呗 应在 2026年11月19日 前答复您的还款协商申请，这个日期已经过了" in letters and "12378" in letters
    assert "已在" not in legal.court_html(a, rules, "zh")
    later = assess(profile, rules, as_of=_dt.date(2026, 12, 10))
    court = legal.court_html(later, rules, "zh")
    assert "这个期限已在 2026年12月7日 过了。现在仍然可以做的" in court and "12348" in court
    assert "This time limit passed on 7 Dec 2026" in legal.court_html(later, rules, "en")
    assert "4 Dec 2026 (passed)" in legal.letters_sent_html(later, "en")
