"""When things go wrong (issue 13): collection contacts flagged against the rules, court deadlines on the official
calendar, the amount claimed checked, the complaint / objection / confirmation / follow-up letters in zh and en
with the borrower's figures and escaped user text, the agreement checklist, letters sent kept once, and the fifth
report part in both languages."""
import datetime as dt
import re
from dataclasses import replace
from decimal import Decimal

import pytest

from debtplan.calc.assessment import assess
from debtplan.calc.claims import check_claim
from debtplan.calc.collection import at_night, flag_contacts
from debtplan.calc.deadlines import court_deadlines, is_rest_day, legal_deadline
from debtplan.core.errors import ProfileError
from debtplan.core.model import CourtEvent, CourtPeriod, HolidayCalendar
from debtplan.inputs.profile import load_profile, parse_profile, read_profile_dict
from debtplan.inputs.rules import load_rules
from debtplan.present import legal
from debtplan.run.cli import main
from debtplan.run.letters import keep_letter_copies

from conftest import FIXTURES, ROOT

RULES = load_rules()
TROUBLE = FIXTURES / "trouble.yaml"
CJK = re.compile(r"[\u3400-\u9fff]")
D = dt.date


@pytest.fixture(scope="module")
def trouble():
    profile = load_profile(TROUBLE)
    return profile, assess(profile, RULES)


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


# ---- the data: every rule cited in full, the calendar dated

def test_every_collection_rule_is_cited_in_full():
    assert {r.id for r in RULES.collection_rules} >= {"card_collection", "civil_code_privacy", "pipl",
                                                      "nifa_convention", "public_security"}
    for rule in RULES.collection_rules:
        for lang in ("zh", "en"):
            assert rule.issuer[lang] and rule.title[lang] and rule.text[lang] and rule.url[lang], (rule.id, lang)
            assert not CJK.search(rule.title["en"] + rule.text["en"] + rule.url["en"] + rule.issuer["en"]), rule.id
        assert re.fullmatch(r"\d{4}", rule.revision) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", rule.seen), rule.id
        assert "http" not in rule.url["zh"], "addresses are plain text, not links"
    # only secondary pages quote the card rule and the internet-finance convention: both say so
    by_id = {r.id: r for r in RULES.collection_rules}
    assert by_id["card_collection"].unconfirmed and by_id["nifa_convention"].unconfirmed
    assert not by_id["civil_code_privacy"].unconfirmed and by_id["card_collection"].applies_to == "credit-card"


def test_court_periods_and_holiday_calendar_are_dated_data():
    periods = RULES.court_periods
    assert {k: p.days for k, p in periods.items()} == {"payment_order": 15, "complaint": 15, "judgment": 15,
                                                        "ruling": 10, "preservation": 5, "ruling_unknown": 5,
                                                        "small_claims": 15, "hearing": 0}
    # the dates the court writes on the paper are taken from it, not counted; the interpretation's articles
    # could not be read in its own text and say so
    assert periods["small_claims"].court_set and periods["hearing"].court_set
    assert not periods["preservation"].verified and periods["ruling"].verified
    assert periods["payment_order"].article["zh"] == "第二百二十七条" and RULES.court_law["revision"] == "2023"
    cal = RULES.holidays
    assert {2025, 2026} <= cal.years and 2027 in cal.missing and 2027 not in cal.years
    assert D(2026, 10, 1) in cal.rest and D(2026, 10, 7) in cal.rest and D(2026, 10, 8) not in cal.rest
    assert D(2026, 2, 28) in cal.workdays and D(2025, 1, 26) in cal.workdays
    for year in cal.years:
        assert cal.notices[year]["url"] and cal.notices[year]["issued"]


# ---- deadlines, computed exactly

def period(kind):
    return RULES.court_periods[kind]


@pytest.mark.parametrize("kind, received, last, due", [
    # a plain case across a month end: 20 Nov + 15 = 5 Dec, a Saturday -> Monday 7 Dec
    ("payment_order", D(2026, 11, 20), D(2026, 12, 5), D(2026, 12, 7)),
    # National Day: the 15th day is 1 Oct 2026, holidays to 7 Oct -> Thursday 8 Oct
    ("payment_order", D(2026, 9, 16), D(2026, 10, 1), D(2026, 10, 8)),
    # a ruling: 10 days across the end of January (31 Jan + 10 = 10 Feb, a Tuesday)
    ("ruling", D(2026, 1, 31), D(2026, 2, 10), D(2026, 2, 10)),
    # Saturday 28 Feb 2026 is a make-up working day: the period ends on it
    ("complaint", D(2026, 2, 13), D(2026, 2, 28), D(2026, 2, 28)),
    # Spring Festival 2026 (15-23 Feb): a judgment received 31 Jan, day 15 = 15 Feb -> Tuesday 24 Feb
    ("judgment", D(2026, 1, 31), D(2026, 2, 15), D(2026, 2, 24)),
    # 2025: the day after Labour Day's five days (1-5 May) -> Tuesday 6 May
    ("ruling", D(2025, 4, 23), D(2025, 5, 3), D(2025, 5, 6)),
    # a 31-day month: 16 Dec + 15 = 31 Dec 2026, a Thursday
    ("complaint", D(2026, 12, 16), D(2026, 12, 31), D(2026, 12, 31)),
])
def test_deadlines_exact(kind, received, last, due):
    d = legal_deadline(received, period(kind), RULES.holidays)
    assert (d.last_day, d.due, d.moved) == (last, due, last != due)
    assert d.calendar_complete and d.missing_years == ()
    assert not is_rest_day(d.due, RULES.holidays)


def test_a_year_missing_from_the_calendar_is_said():
    # 17 Dec 2026 + 15 = 1 Jan 2027: New Year's Day is a holiday by law even without the 2027 notice; Saturday
    # 2 Jan may become a make-up working day, so the earliest possible date is 2 Jan
    d = legal_deadline(D(2026, 12, 17), period("payment_order"), RULES.holidays)
    assert (d.last_day, d.due) == (D(2027, 1, 1), D(2027, 1, 2))
    assert not d.calendar_complete and d.missing_years == (2027,)
    # 30 Dec 2026 + 10 = 9 Jan 2027, a Saturday 8 days after New Year's Day: the unpublished notice may make it a
    # make-up working day (4 Jan 2026 was one), so the earliest possible date is 9 Jan itself, not Monday 11 Jan
    d = legal_deadline(D(2026, 12, 30), period("ruling"), RULES.holidays)
    assert (d.due, d.missing_years) == (D(2027, 1, 9), (2027,))
    # a paper received after today is refused when a profile is read, so the record is made here directly
    paper = CourtEvent(id="e-9", kind="payment_order", creditor="借呗", received=D(2026, 12, 17))
    html = legal.court_html(assess(replace(load_profile(TROUBLE), court_events=(paper,)), RULES), RULES, "en")
    assert "the official holiday calendar for 2027 is not in the data yet" in text_of(html)
    assert "earliest date the law could give" in text_of(html) and "data/rules/holidays-cn.yaml" in text_of(html)


def test_statutory_holidays_match_the_published_notices():
    """The computed statutory days (lunar festivals included) are rest days in every published notice, and every
    published make-up working day is within the reach the unpublished years assume."""
    from debtplan.calc.deadlines import _MAKE_UP_REACH, statutory_holidays
    cal = RULES.holidays
    for year in sorted(cal.years):
        assert statutory_holidays(year) <= cal.rest, year
        for w in (w for w in cal.workdays if w.year == year):
            assert min(abs((w - h).days) for y in (year - 1, year, year + 1)
                       for h in statutory_holidays(y)) <= _MAKE_UP_REACH, w


@pytest.mark.parametrize("kind, received, due", [
    # National Day 2027 (unpublished): 16 Sep + 15 = 1 Oct, a statutory holiday (1-3 Oct by law) -> 4 Oct, a Monday;
    # the notice may add days after it, which would only make the law's date later
    ("payment_order", D(2027, 9, 16), D(2027, 10, 4)),
    # Labour Day 2027: 21 Apr + 10 = 1 May (Sat, statutory), 2 May (Sun, statutory) -> Monday 3 May
    ("ruling", D(2027, 4, 21), D(2027, 5, 3)),
    # a Saturday far from any festival stays a rest day: 2 Jul + 15 = Sat 17 Jul 2027 -> Monday 19 Jul
    ("complaint", D(2027, 7, 2), D(2027, 7, 19)),
    # Spring Festival 2027 (春节 6 Feb by the lunar calendar; 除夕 5 Feb to 初三 8 Feb are holidays by law):
    # 22 Jan + 15 = Sat 6 Feb, 初一 -> 7, 8 Feb are holidays too -> Tuesday 9 Feb (the notice may add days after)
    ("judgment", D(2027, 1, 22), D(2027, 2, 6 + 3)),
    # the case: 29 Jan + 15 = Sat 13 Feb, 5 days after 初三: may be a make-up working day -> 13 Feb itself
    ("judgment", D(2027, 1, 29), D(2027, 2, 13)),
    # 清明 2027 is 5 Apr (Mon): 21 Mar + 15 = 5 Apr -> Tuesday 6 Apr
    ("complaint", D(2027, 3, 21), D(2027, 4, 6)),
    # 端午 2027 is 9 Jun (Wed, 5th of the 5th lunar month): 25 May + 15 = 9 Jun -> Thursday 10 Jun
    ("complaint", D(2027, 5, 25), D(2027, 6, 10)),
    # 中秋 2027 is 15 Sep (Wed): 5 Sep + 10 = 15 Sep -> Thursday 16 Sep
    ("ruling", D(2027, 9, 5), D(2027, 9, 16)),
])
def test_unpublished_year_gives_the_earliest_possible_date(kind, received, due):
    d = legal_deadline(received, period(kind), RULES.holidays)
    assert d.due == due and d.missing_years == (2027,) and not d.calendar_complete


def test_control_without_the_calendar_the_holiday_is_missed():
    """The holiday case above fails without the calendar: the rule really is what moves the date."""
    d = legal_deadline(D(2026, 9, 16), period("payment_order"), HolidayCalendar())
    assert d.due == D(2026, 10, 1) and not d.calendar_complete


def test_court_deadlines_of_a_profile(trouble):
    profile, _ = trouble
    found = court_deadlines(profile.court_events, dict(RULES.court_periods), RULES.holidays)
    assert [(x.event_id, x.due) for x in found] == [("e-1", D(2026, 12, 7))]
    extra = CourtPeriod("mediation", 0, {}, "final")  # mediation and enforcement have no period here
    assert "mediation" not in RULES.court_periods and extra.days == 0


# ---- collection contacts flagged

def test_flags_of_the_fixture(trouble):
    profile, _ = trouble
    products = {d.creditor: d.product for d in profile.debts}
    flagged = {f.contact.id: f for f in flag_contacts(profile.collections, RULES.collection_rules, RULES.night,
                                                      products)}
    assert flagged["k-1"].facts == () and not flagged["k-1"].flagged          # the borrower, by day
    assert flagged["k-2"].facts == ("third_party", "night")                  # her sister at 22:40
    assert flagged["k-3"].facts == ("third_party", "threats")                # the employer, threats
    assert flagged["k-4"].facts == ("third_party",)                          # a date only: no night check
    ids = {k: {r.id for r in f.rules} for k, f in flagged.items()}
    assert "public_security" in ids["k-3"] and "public_security" not in ids["k-2"]
    assert "nifa_convention" in ids["k-2"]
    # the card rule speaks only to the credit card's collector
    assert "card_collection" in ids["k-4"] and "card_collection" not in ids["k-2"] | ids["k-3"]


@pytest.mark.parametrize("time, night", [((21, 59), False), ((22, 0), True), ((23, 59), True), ((0, 0), True),
                                         ((7, 59), True), ((8, 0), False), ((12, 0), False)])
def test_night_hours(time, night):
    assert at_night(dt.datetime(2026, 11, 20, *time), RULES.night) is night


# ---- the amount claimed

def test_claim_checked_against_our_figures(trouble):
    profile, a = trouble
    jiebei = a.debts[0]
    check = legal.claim_check(a, profile.court_events[0])
    # counted to the paper's date (no date printed recorded: the day received, 20 Nov), not to as_of (28 Nov):
    # 20,000 overdue x 0.04% a day x 1.5 = 12.00 a day; 97 days overdue on 20 Nov -> 1,164.00 of penalty interest,
    # 21,164.00 in all (105 days on 28 Nov -> 21,260.00); the claim of 23,500.00 is 2,336.00 more
    assert (check.claimed, check.computed_total, check.unexplained, check.above_cap, check.on) == (
        Decimal("23500.00"), Decimal("21164.00"), Decimal("2336.00"), Decimal("0.00"), D(2026, 11, 20))
    assert jiebei.owed.total == Decimal("21260.00") and check.owed.days == 97
    card = a.debts[1]  # a credit card has no fixed ceiling (SPC bank-card provisions Art. 2): no excess over 24%
    assert card.court_cap is None and card.owed.court_cap_excess == 0
    c = check_claim(Decimal("17000"), principal=card.owed.principal, computed_total=card.owed.total,
                    cap_excess=Decimal("147.88"))
    assert c.unexplained == Decimal("17000") - card.owed.total and c.above_cap == Decimal("147.88")
    assert not check_claim(Decimal("100"), principal=Decimal("100"), computed_total=Decimal("120"),
                           cap_excess=Decimal("0")).has_points


# ---- the letters, in both languages, with the figures and escaped user text

@pytest.fixture(scope="module")
def evil():
    data = read_profile_dict(TROUBLE)
    data["borrower"]["name"] = "<script>alert(1)</script>陈静"
    data["collections"][1]["said"] = '<img src=x onerror="alert(2)">打给我姐姐'
    data["court_events"][0]["court"] = "<b>法院</b>"
    data["negotiations"][0]["outcome"] = "拒绝<script>x</script>"
    data["agreements"][0]["notes"] = "<i>notes</i>"
    profile = parse_profile(data)
    return profile, assess(profile, RULES)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_complaint_letters_carry_the_figures_and_escape_user_text(evil, lang):
    _, a = evil
    html = legal.complaint_letters_html(a, RULES, lang)
    assert html.count('class="dp-letter dp-complaint"') == 4  # two lenders, each: lender first, then regulator
    first, second = html.split('<article class="dp-letter dp-complaint">')[1:3]
    assert ("12378" not in text_of(first).split("reply")[0]) and "12378" in second
    text = text_of(html)
    assert ("21,260.00 元" if lang == "zh" else "CNY 21,260.00") in text
    assert ("550.17 元" if lang == "zh" else "CNY 550.17") in text
    assert "22:40" in text and "姐姐的通话截图.png" in text
    assert "<script>" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;陈静" in html and "&lt;img src=x" in html
    assert ("第一千零三十二条" if lang == "zh" else "Art. 1032 and 1033") in text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_objection_template_with_figures_checklist_and_warning(evil, lang):
    profile, a = evil
    html = legal.court_paper_html(a, RULES, profile.court_events[0], lang)
    text = text_of(html)
    money = (lambda x: f"{x} 元") if lang == "zh" else (lambda x: f"CNY {x}")
    for figure in ("23,500.00", "20,000.00", "21,164.00", "2,336.00", "1,164.00", "550.17"):
        assert money(figure) in text, figure
    assert "12348" in text and ("不是法律意见" if lang == "zh" else "not legal advice") in text
    # papers are filed in Chinese: the English one says it is a translation aid, the Chinese one needs no such note
    assert ("filed in Chinese" in text) == (lang == "en") and "请提交中文版" not in text
    assert ("2026年12月7日" if lang == "zh" else "7 Dec 2026") in text
    assert text.count("☐") == len(legal.BRING_KEYS)
    assert "<b>" not in html and "&lt;b&gt;法院&lt;/b&gt;" in html and "<script>" not in html
    defence = legal.court_paper_html(a, RULES, profile.court_events[0].__class__(
        "e-2", "complaint", "借呗", D(2026, 11, 25), amount_claimed=Decimal("23500")), lang)
    assert ("答辩状" if lang == "zh" else "Defence statement") in defence


def test_agreement_checklist(trouble):
    profile, a = trouble
    items = legal.agreement_checklist(a, profile.agreements[0], "en")
    assert [(label.split(" ")[1], ok) for label, ok, _ in items] == [
        ("balance", False), ("schedule", True), ("interest", True), ("is", False), ("happens", False)]
    assert "24 payments of CNY 625.00, 15 Dec 2026 to 15 Nov 2028" == items[1][2]
    data = read_profile_dict(TROUBLE)
    data["agreements"][0].update({"principal": 15000, "interest_frozen": False})
    p2 = parse_profile(data)
    items2 = legal.agreement_checklist(assess(p2, RULES), p2.agreements[0], "zh")
    assert [ok for _, ok, _ in items2] == [True, True, False, False, False]
    assert items2[0][2] == "15,000.00 元"
    data["agreements"][0].update({"credit_reporting": "按正常还款报送", "if_missed": "逾期一期恢复原合同"})
    p3 = parse_profile(data)
    items3 = legal.agreement_checklist(assess(p3, RULES), p3.agreements[0], "zh")
    assert [ok for _, ok, _ in items3] == [True, True, False, True, True] and items3[3][2] == "按正常还款报送"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_confirmation_and_follow_up_letters(evil, lang):
    profile, a = evil
    conf = legal.confirmation_letter_html(a, profile.agreements[0], lang)
    text = text_of(conf)
    assert ("625.00 元" if lang == "zh" else "CNY 625.00") in text
    assert ("征信怎样上报" if lang == "zh" else "what is reported to the credit bureau") in text
    assert "<i>" not in conf and "&lt;i&gt;notes&lt;/i&gt;" in conf
    refused = legal.refusals(a)
    assert [c.creditor for c in refused] == ["借呗"]  # the card issuer agreed
    follow = legal.follow_up_letter_html(a, refused[0], lang)
    text = text_of(follow)
    assert "拒绝&lt;script&gt;x&lt;/script&gt;" in follow and "<script>" not in follow
    assert ("442.92 元" if lang == "zh" else "CNY 442.92") in text and "12378" in text
    assert ("2026年12月12日" if lang == "zh" else "12 Dec 2026") in text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_fifth_part_in_both_languages(trouble, lang):
    _, a = trouble
    html = legal.legal_html(a, RULES, lang)
    headings = {"zh": ["要记住的日期", "催收记录（证据）", "催收投诉信", "法院文书和期限", "协议要落到纸面上",
                       "被拒绝后", "已寄出的信", "保护好自己", "求助电话"],
                "en": ["Dates to keep", "Collection log (evidence)", "Complaint letters about collection",
                       "Court papers and deadlines", "The agreement in writing", "After a refusal",
                       "Letters sent", "Staying safe", "Numbers to call"]}[lang]
    for h in headings:
        assert f">{h}<" in html, h
    for number in ("12378", "12348", "110", "12356"):
        assert number in html
    assert "http" not in html and "<a " not in html  # sources as plain text, no links
    # every letter prints on its own pages (styled like the pack's letters)
    assert html.count('<article class="dp-letter') == 4 + 1 + 1 + 1  # complaints, objection, confirmation, follow-up


def test_english_part_has_no_chinese_for_an_english_profile():
    a = assess(load_profile(ROOT / "data/examples/sam.yaml"), RULES)
    text = text_of(legal.legal_html(a, RULES, "en"))
    assert not CJK.search(text), CJK.findall(text)[:10]
    assert "No court papers recorded" in text and "Staying safe" in text


# ---- reading the records: every problem at once

def test_problems_in_the_new_sections_are_all_reported():
    data = read_profile_dict(TROUBLE)
    data["collections"].append({"at": "20/11/2026", "creditor": "某某贷", "contacted": "路人", "threats": "maybe"})
    data["collections"].append({"creditor": "借呗"})
    data["court_events"].append({"kind": "letter", "creditor": "借呗", "received": "2026-13-01",
                                 "amount_claimed": "abc"})
    data["letters"].append({"kind": "complaint", "creditor": "借呗", "date": "2026-11-20", "reply_by": "2026-11-01",
                            "colour": "red"})
    with pytest.raises(ProfileError) as exc:
        parse_profile(data)
    paths = {p.path for p in exc.value.problems}
    assert {"collections[4].at", "collections[4].creditor", "collections[4].contacted", "collections[4].threats",
            "collections[5].at", "collections[5].contacted", "court_events[1].kind", "court_events[1].received",
            "court_events[1].amount_claimed", "letters[2].reply_by", "letters[2].colour"} <= paths
    # every problem is said in both languages, with the choices spelled out
    from debtplan.text.problems import problems_text

    zh, en = problems_text(exc.value, "zh"), problems_text(exc.value, "en")
    assert "家人" in zh and "payment order" in en and "2026-11-01" in en
    assert not CJK.search(en.replace("某某贷", "").replace("路人", "").replace("借呗", "").replace("招商银行信用卡", "").replace("、", ""))


def test_time_and_plain_date_are_both_accepted(trouble):
    profile, _ = trouble
    at = {c.id: c.at for c in profile.collections}
    assert at["k-2"] == dt.datetime(2026, 11, 14, 22, 40) and at["k-4"] == D(2026, 11, 20)


# ---- letters sent: a dated copy, written once

def test_letter_copies_are_kept_and_never_replaced(tmp_path, trouble):
    profile, _ = trouble
    written = keep_letter_copies(profile, tmp_path)
    names = sorted(p.name for p in written)
    assert names == ["2026-11-05-proposal-借呗.html", "2026-11-20-confirmation-招商银行信用卡.html"]
    first = tmp_path / "letters" / names[0]
    assert "还款协商申请" in first.read_text(encoding="utf-8")
    first.write_text("as sent", encoding="utf-8")
    assert keep_letter_copies(profile, tmp_path) == []
    assert first.read_text(encoding="utf-8") == "as sent"


# ---- the command line

def test_log_collection_court_and_letter(tmp_path, capsys):
    path = tmp_path / "me.yaml"
    path.write_text(TROUBLE.read_text(encoding="utf-8"), encoding="utf-8")
    before = read_profile_dict(path)
    assert main(["log", "--profile", str(path), "--kind", "collection", "--creditor", "借呗", "--at",
                 "2026-11-26 23:15", "--contacted", "friend", "--said", "群发消息", "--threats",
                 "--evidence", "shot.png"]) == 0
    assert main(["log", "--profile", str(path), "--kind", "court", "--court-kind", "complaint", "--creditor",
                 "招商银行信用卡", "--date", "2026-11-25", "--amount-claimed", "17000",
                 "--plaintiff", "招商银行股份有限公司信用卡中心", "--paper-date", "2026-11-18", "--hearing", "2027-01-12",
                 "--small-claims", "--answer-by", "2026-12-05"]) == 0
    assert main(["log", "--profile", str(path), "--kind", "letter", "--letter-kind", "complaint", "--creditor",
                 "借呗", "--date", "2026-11-27", "--reply-by", "2026-12-11"]) == 0
    after = read_profile_dict(path)
    for key in ("collections", "court_events", "letters", "negotiations"):
        assert after[key][:len(before[key])] == before[key], key  # earlier entries untouched
    p = load_profile(path)
    assert p.collections[-1].at == dt.datetime(2026, 11, 26, 23, 15) and p.collections[-1].threats
    assert p.court_events[-1].kind == "complaint" and p.court_events[-1].amount_claimed == Decimal("17000")
    paper = p.court_events[-1]  # what the paper says, as the command line takes it; nothing admitted unless asked
    assert (paper.plaintiff, paper.paper_date, paper.hearing, paper.small_claims, paper.answer_by, paper.admits_loan,
            paper.ruling_kind) == ("招商银行股份有限公司信用卡中心", D(2026, 11, 18), D(2027, 1, 12), True,
                                   D(2026, 12, 5), False, "unknown")
    assert p.letters[-1].reply_by == D(2026, 12, 11)
    # a bad entry is refused and the file is left as it was
    text = path.read_text(encoding="utf-8")
    assert main(["log", "--profile", str(path), "--kind", "collection", "--creditor", "借呗",
                 "--contacted", "nobody"]) == 2
    assert path.read_text(encoding="utf-8") == text
    assert "nobody" in capsys.readouterr().err


def test_charges_above_the_cap_are_for_the_court_to_reduce_on_request():
    """法发〔2017〕22号 s. 2 supports a borrower's request to reduce charges above 24% a year: the sentence says she
    can ask, and names the source, rather than promising the court will refuse them on its own."""
    from debtplan.text.i18n import t
    en, zh = t("lg_claim_cap", "en", amount="100.00", cap="24%"), t("lg_claim_cap", "zh", amount="100.00", cap="24%")
    assert "ask the court to reduce" in en and "Fafa [2017] No. 22" in en
    assert "请求法院" in zh and "法发〔2017〕22号" in zh and "不予支持" not in zh


def test_deadlines_and_flags_are_computed_once_and_carried_by_json(capsys):
    """The assessment holds the deadlines and the collection flags; the report reads them from there, and
    ``assess --format json`` prints them."""
    import dataclasses
    import json
    a = assess(load_profile(TROUBLE), RULES)
    assert [(d.event_id, d.due) for d in a.deadlines] == [("e-1", D(2026, 12, 7))]
    assert any(f.flagged and "night" in f.facts for f in a.contact_flags)
    # the report shows the assessment's date, not one it computes again
    moved = dataclasses.replace(a, deadlines=(dataclasses.replace(a.deadlines[0], due=D(2026, 12, 9)),))
    assert "by 9 Dec 2026" in text_of(legal.court_html(moved, RULES, "en"))
    assert main(["assess", "--profile", str(TROUBLE), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["deadlines"][0]["due"] == "2026-12-07" and data["deadlines"][0]["provisional"] is False
    assert data["deadlines"][0]["article"] == "第二百二十七条"
    night = [f for f in data["collection_flags"] if f["at"] == "2026-11-14T22:40:00"]
    assert night and "night" in night[0]["facts"] and "nifa_convention" in night[0]["rules"]


def test_the_cap_is_stated_as_the_law_states_it():
    """Charges above 24% are reduced when she asks the court (法发〔2017〕22号 §2), and cards have no fixed figure."""
    from debtplan.text.i18n import t
    en, zh = t("rights_cap", "en", cap="24%"), t("rights_cap", "zh", cap="24%")
    assert "you can ask the court to reduce" in en and "not upheld" not in en and "Art. 2" in en
    assert "请求法院调减" in zh and "不予支持" not in zh and "银行卡" in zh
    claim = t("lg_claim_cap", "en", amount="1,000.00", cap="24%")
    assert "you can ask the court to reduce" in claim and "do not uphold" not in claim


def test_the_english_court_paper_says_it_is_a_translation_aid():
    a = assess(load_profile(TROUBLE), RULES)
    event = a.profile.court_events[0]
    en = text_of(legal.court_paper_html(a, RULES, event, "en"))
    assert "filed in Chinese" in en and "translation aid" in en
    assert "翻译" not in text_of(legal.court_paper_html(a, RULES, event, "zh"))   # the Chinese paper is the one filed


def test_a_year_beyond_the_lunar_tables_still_gives_a_date():
    # the lunar tables end in 2099: a paper received 31 Dec 2100 (drawn by the property tests) gets the fixed
    # holidays only: + 15 = Sat 15 Jan 2101, 14 days from New Year's Day -> a certain weekend -> Monday 17 Jan
    d = legal_deadline(D(2100, 12, 31), period("payment_order"), RULES.holidays)
    assert d.due == D(2101, 1, 17) and not d.calendar_complete


def test_no_sentence_says_a_court_will_not_uphold_the_charges():
    """法发〔2017〕22号 s. 2 has the court reduce charges above 24% when the borrower asks: no sentence promises more
    (that a court would refuse them on its own)."""
    from debtplan.text.sentences import SENTENCES

    said = {k: v for k, v in SENTENCES.items() if "uphold" in v["en"] or "不会支持" in v["zh"] or "一般不支持" in v["zh"]
            or "法院支持的上限" in v["zh"]}
    assert said == {}


def test_the_overdue_calculator_says_a_court_reduces_charges_on_request(capsys):
    assert main(["owed", "--principal", "20000", "--daily-rate", "0.0005", "--days", "400"]) == 0
    out = capsys.readouterr().out
    assert "reduced by a court when the borrower asks" in out and "uphold" not in out


# ---- court papers: small claims, summons, rulings; the answer admits nothing unless she says so

def _with_papers(*papers, profile=None):
    """The fixture's profile with these court papers instead of its own (a paper dated after the profile's date
    is refused when a profile is read, so the records are made here directly)."""
    return assess(replace(profile or load_profile(TROUBLE), court_events=tuple(papers)), RULES)


@pytest.mark.parametrize("paper, due, kind", [
    # a small claim: the court set the answer date (interpretation Art. 275, at most 15 days); the date on the
    # paper is used as written, not counted from receipt: received Fri 20 Nov, court's date Fri 27 Nov
    (CourtEvent("s-1", "complaint", "借呗", D(2026, 11, 20), small_claims=True, answer_by=D(2026, 11, 27)),
     D(2026, 11, 27), "small_claims"),
    # a summons with a hearing on Tue 15 Dec 2026, with the copy of the complaint received 20 Nov: two dates, the
    # answer (20 Nov + 15 = Sat 5 Dec -> Mon 7 Dec) and the hearing itself
    (CourtEvent("h-1", "complaint", "借呗", D(2026, 11, 20), hearing=D(2026, 12, 15)),
     D(2026, 12, 15), "hearing"),
    # a property-preservation ruling received Mon 23 Nov: review within 5 days (Art. 111, interpretation Art.
    # 171): 23 Nov + 5 = Sat 28 Nov, a rest day -> Mon 30 Nov
    (CourtEvent("p-1", "ruling", "借呗", D(2026, 11, 23), ruling_kind="preservation"), D(2026, 11, 30),
     "preservation"),
    # a ruling Art. 157 lets her appeal (dismissing the claim, say) received Mon 23 Nov: 10 days (Art. 171
    # para. 2): 23 Nov + 10 = Thu 3 Dec, a working day
    (CourtEvent("r-1", "ruling", "借呗", D(2026, 11, 23), ruling_kind="appealable"), D(2026, 12, 3), "ruling"),
    # a ruling whose subject was not recorded: the earliest period any ruling starts (5 days), Mon 30 Nov
    (CourtEvent("u-1", "ruling", "借呗", D(2026, 11, 23)), D(2026, 11, 30), "ruling_unknown"),
    # a preservation ruling received Fri 25 Sep 2026: 25 Sep + 5 = 30 Sep, a Wednesday before National Day
    (CourtEvent("p-2", "ruling", "借呗", D(2026, 9, 25), ruling_kind="preservation"), D(2026, 9, 30),
     "preservation"),
    # received Sun 27 Sep 2026: + 5 = 2 Oct, in the National Day break (1-7 Oct) -> Thu 8 Oct
    (CourtEvent("p-3", "ruling", "借呗", D(2026, 9, 27), ruling_kind="preservation"), D(2026, 10, 8),
     "preservation"),
])
def test_small_claims_summons_and_rulings_by_hand(paper, due, kind):
    a = _with_papers(paper)
    found = {d.kind: d for d in a.deadlines}
    assert found[kind].due == due
    if paper.hearing:
        assert found["complaint"].due == D(2026, 12, 7) and found["hearing"].court_set


@pytest.mark.parametrize("paper, said", [
    # a small claim's judgment is final (Art. 165): no appeal is offered and no period is counted
    (CourtEvent("s-2", "judgment", "借呗", D(2026, 11, 20), small_claims=True), "cannot be appealed"),
    # a ruling no article lets her contest (Art. 157 para. 2 names only three kinds)
    (CourtEvent("o-1", "ruling", "借呗", D(2026, 11, 20), ruling_kind="other"), "cannot be appealed"),
    # a small claim without the court's date: no date is made up
    (CourtEvent("s-3", "complaint", "借呗", D(2026, 11, 20), small_claims=True), "the court sets the answer period"),
])
def test_papers_that_start_no_period_say_why(paper, said):
    a = _with_papers(paper)
    assert a.deadlines == ()
    text = text_of(legal.court_html(a, RULES, "en"))
    assert said in text and "appeal: by" not in text


def test_summons_hearing_and_absence_are_in_the_report():
    paper = CourtEvent("h-1", "complaint", "借呗", D(2026, 11, 20), hearing=D(2026, 12, 15))
    a = _with_papers(paper)
    en = text_of(legal.legal_html(a, RULES, "en"))
    assert "Hearing: 15 Dec 2026" in en and "Art. 147" in en and "decide without you" in en
    zh = text_of(legal.court_html(a, RULES, "zh"))
    assert "开庭：2026年12月15日" in zh and "缺席判决" in zh and "第一百四十七条" in zh


def test_preservation_ruling_is_reviewed_not_appealed():
    a = _with_papers(CourtEvent("p-1", "ruling", "借呗", D(2026, 11, 23), ruling_kind="preservation"))
    text = text_of(legal.court_html(a, RULES, "en"))
    assert "ask the court that made it for a review (not an appeal): by 30 Nov 2026" in text
    assert "Art. 111" in text and "appeal: by" not in text
    assert "could not be checked in its text" in text   # the 5 days are the interpretation's, not read here


def _defence(a, paper, lang):
    import html
    return html.unescape(text_of(legal.court_paper_html(a, RULES, paper, lang)))


def test_the_answer_admits_the_loan_only_when_ticked():
    paper = CourtEvent("c-1", "complaint", "借呗", D(2026, 11, 20), amount_claimed=Decimal("23500"))
    a = _with_papers(paper)
    assert "确认借款" not in _defence(a, paper, "zh") and "do not deny the loan" not in _defence(a, paper, "en")
    # the offer to repay is made on condition, so it admits nothing either
    assert "If a debt is shown to be owed" in _defence(a, paper, "en") and "I want to repay" not in _defence(a, paper, "en")
    ticked = replace(paper, admits_loan=True)
    a2 = _with_papers(ticked)
    assert "答辩人确认借款。" in _defence(a2, ticked, "zh") and "I do not deny the loan." in _defence(a2, ticked, "en")
    assert "I want to repay" in _defence(a2, ticked, "en")
    # an objection to a payment order never admits the loan
    order = CourtEvent("e-1", "payment_order", "借呗", D(2026, 11, 20), amount_claimed=Decimal("23500"),
                       admits_loan=True)
    assert "确认借款" not in _defence(_with_papers(order), order, "zh")


def test_the_amount_is_disputed_against_the_figure_at_the_papers_date():
    """A claim counted to 30 Oct is compared with what was owed on 30 Oct, four weeks before the profile's date
    (28 Nov). By hand: 12.00 of penalty interest a day (20,000 x 0.04% x 1.5); 76 days overdue on 30 Oct ->
    912.00, 20,912.00 in all; on 28 Nov (105 days) 21,260.00. A claim of 21,000.00 is 88.00 more than the
    figure on its date, though less than the figure on 28 Nov."""
    paper = CourtEvent("c-2", "complaint", "借呗", D(2026, 11, 20), amount_claimed=Decimal("21000"),
                       paper_date=D(2026, 10, 30))
    a = _with_papers(paper)
    check = legal.claim_check(a, paper)
    assert (check.on, check.computed_total, check.unexplained) == (D(2026, 10, 30), Decimal("20912.00"),
                                                                   Decimal("88.00"))
    en = _defence(a, paper, "en")
    assert "I dispute CNY 88.00 of it" in en and "on 30 Oct 2026 (the paper's date)" in en
    assert "Attachment: what is owed (on the contract terms, on 30 Oct 2026)" in en and "CNY 912.00" in en
    # the same claim dated 28 Nov is not more than the figure on that day: nothing is disputed
    same_day = replace(paper, paper_date=D(2026, 11, 28))
    a2 = _with_papers(same_day)
    en2 = _defence(a2, same_day, "en")
    assert "dispute" not in en2.split("Grounds:")[0] and "the claim is not more than that" in en2


def test_the_claimant_is_the_company_on_the_paper():
    paper = CourtEvent("c-1", "complaint", "借呗", D(2026, 11, 20), amount_claimed=Decimal("23500"),
                       plaintiff="重庆蚂蚁消费金融有限公司")
    a = _with_papers(paper)
    zh = _defence(a, paper, "zh")
    assert "原告：重庆蚂蚁消费金融有限公司" in zh and "原告：借呗" not in zh
    blank = replace(paper, plaintiff="")
    zh2 = _defence(_with_papers(blank), blank, "zh")
    assert "原告：__________（照抄文书上的公司全称）" in zh2 and "原告：借呗" not in zh2


def test_an_objection_with_nothing_to_dispute_warns_that_hardship_alone_does_not_stop_the_order():
    # 21,000.00 claimed on 20 Nov, when 21,164.00 was owed: no excess, no charge above the cap
    paper = CourtEvent("e-1", "payment_order", "借呗", D(2026, 11, 20), amount_claimed=Decimal("21000"))
    a = _with_papers(paper)
    en = _defence(a, paper, "en")
    assert "does not stop the order" in en and "Art. 436, as quoted, not checked in its text" in en
    zh = _defence(a, paper, "zh")
    assert "不影响支付令的效力" in zh and "第四百三十六条，据转引" in zh
    # with an amount to dispute, the objection has its ground and the warning is not given
    disputed = replace(paper, amount_claimed=Decimal("23500"))
    assert "does not stop the order (" not in _defence(_with_papers(disputed), disputed, "en")


def test_what_counts_as_received_and_what_happens_next():
    from debtplan.text.i18n import t
    import html
    a = assess(load_profile(TROUBLE), RULES)
    en = html.unescape(text_of(legal.court_html(a, RULES, "en")))
    assert "Which day counts as \"received\"" in en
    assert "Civil Procedure Law (2023 revision), Art. 88" in en and "Art. 90 para. 2" in en
    assert "Art. 135 para. 2, as quoted" in en and "not the day you received it" in en
    for article in ("Art. 431, as quoted", "Art. 228", "Art. 253 and 254", "Art. 252", "Art. 266", "Art. 86"):
        assert article in en, article
    assert "list of defaulters" in en and "Court provisions whose text was not checked here" in en
    # the form's hint where she records the date says the same
    assert legal.COURT_HINTS["received"] == "hint_received"
    hint = t("hint_received", "en")
    assert "Art. 88" in hint and "Art. 90 para. 2" in hint and "not the date printed" in hint
    for field, key in legal.COURT_HINTS.items():
        assert t(key, "zh") and t(key, "en"), field


def test_new_court_fields_are_read_and_bad_ones_refused():
    data = read_profile_dict(TROUBLE)
    data["court_events"][0].update({"plaintiff": "重庆蚂蚁消费金融有限公司", "paper_date": "2026-11-10",
                                    "admits_loan": "否", "small_claims": True, "ruling_kind": "财产保全"})
    e = parse_profile(data).court_events[0]
    assert (e.plaintiff, e.paper_date, e.admits_loan, e.small_claims, e.ruling_kind) == (
        "重庆蚂蚁消费金融有限公司", D(2026, 11, 10), False, True, "preservation")
    data["court_events"][0].update({"small_claims": "maybe", "ruling_kind": "whatever", "hearing": "2026-13-40"})
    with pytest.raises(ProfileError) as exc:
        parse_profile(data)
    assert {"court_events[0].small_claims", "court_events[0].ruling_kind", "court_events[0].hearing"} <= {
        p.path for p in exc.value.problems}
    # dates that contradict the day received: printed after it, or a hearing before it
    data["court_events"][0].update({"small_claims": True, "ruling_kind": "other", "hearing": "2026-11-02",
                                    "paper_date": "2026-11-25"})
    with pytest.raises(ProfileError) as exc:
        parse_profile(data)
    assert {(p.path, p.code) for p in exc.value.problems} == {
        ("court_events[0].hearing", "problem_court_date_order"), ("court_events[0].paper_date", "problem_court_date_order")}

