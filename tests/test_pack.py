"""The negotiation pack: records, tracking of agreed plans, and the summary's sections."""
import datetime as dt
import os
import re
import subprocess
import sys
from decimal import Decimal

import pytest

from debtplan.calc.assessment import assess
from debtplan.core.errors import SaveError
from debtplan.present.export import assessment_to_dict
from debtplan.present.pack import pack_html
from debtplan.inputs.profile import load_profile, read_profile_dict
from debtplan.inputs.records import append_contact

from conftest import EXAMPLES, FIXTURES
from debtplan.inputs.rules import load_rules

RULES = load_rules()

D = Decimal


def test_two_agreements_one_on_track_one_behind():
    data = assessment_to_dict(assess(load_profile(FIXTURES / "agreements.yaml"), RULES))
    tracking = {t["creditor"]: t for t in data["tracking"]}
    assert tracking["借呗"] == {"creditor": "借呗", "due_to_date": "1040.00", "paid_to_date": "1040.00",
                              "status": "on_track", "next_due_date": "2026-12-10", "next_due_amount": "520.00",
                              "days_late": 0}
    assert tracking["花呗"]["status"] == "behind"
    assert tracking["花呗"]["due_to_date"] == "1000.00" and tracking["花呗"]["paid_to_date"] == "500.00"
    assert tracking["花呗"]["next_due_date"] == "2026-12-10" and tracking["花呗"]["next_due_amount"] == "1000.00"
    assert tracking["花呗"]["days_late"] == 18
    assert any("花呗" in w and "18" in w for w in data["warnings"])


def test_ahead_status():
    from debtplan.core.model import Agreement, Payment
    from debtplan.calc.tracking import track

    a = Agreement("x", dt.date(2026, 11, 1), 6, monthly_payment=D(100))
    t = track(a, [Payment(dt.date(2026, 11, 1), "x", D(250))], dt.date(2026, 11, 28), D(0))
    assert t.status == "ahead" and t.next_due_amount == D(0)
    done = track(a, [Payment(dt.date(2026, 11, 1), "x", D(600))], dt.date(2027, 6, 1), D(0))
    assert done.status == "on_track" and done.next_due_date is None


def test_agreement_from_method_and_rate():
    from debtplan.core.model import Agreement
    from debtplan.calc.tracking import agreement_installments

    a = Agreement("x", dt.date(2026, 12, 5), 12, principal=D(10000), method="annuity", annual_rate=D("0.12"))
    plan = agreement_installments(a, D(0))
    assert plan[0].amount == D("888.49") and plan[-1].amount == D("888.47") and plan[1].due_date == dt.date(2027, 1, 5)


@pytest.mark.parametrize("path", EXAMPLES + [FIXTURES / "agreements.yaml"], ids=lambda p: p.stem)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_summary_sections_present(path, lang):
    a = assess(load_profile(path), RULES)
    html = pack_html(a, lang)
    keys = {"zh": ["个人经济状况说明", "需要准备的材料", "沟通要点", "沟通记录", "已达成的协议"],
            "en": ["Statement of my financial situation", "What to prepare", "Talking points", "Contact log",
                   "Agreed plans"]}[lang]
    for key in keys:
        assert key in html
    assert html.count('class="dp-letter"') == len(a.debts)
    assert html.count("☐") >= 6  # tick boxes for print


def test_hardship_proof_matches_reason():
    a = assess(load_profile(FIXTURES.parent.parent / "data/examples/sam.yaml"), RULES)
    assert "Proof of job loss" in pack_html(a, "en")
    a = assess(load_profile(FIXTURES.parent.parent / "data/examples/xiao-li.yaml"), RULES)
    assert "收入减少的证明" in pack_html(a, "zh")


def test_letter_has_plan_schedule_and_reply_date():
    a = assess(load_profile(FIXTURES.parent.parent / "data/examples/xiao-li.yaml"), RULES)
    html = pack_html(a, "zh")
    assert "442.92" in html and "2026年12月12日" in html  # reply by: 14 days after as_of
    assert "停止计息" in html and "书面" in html


def test_log_appends_without_changing_earlier_entries(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text((FIXTURES / "agreements.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    before = read_profile_dict(path)["negotiations"]
    proc = subprocess.run([sys.executable, "-m", "debtplan.run.cli", "log", "--profile", str(path), "--creditor", "借呗",
                           "--channel", "phone", "--outcome", "同意停息", "--date", "2026-11-28", "--person", "工号 77"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    after = read_profile_dict(path)["negotiations"]
    assert after[:-1] == before
    assert after[-1] == {"date": "2026-11-28", "creditor": "借呗", "channel": "phone", "person": "工号 77",
                         "outcome": "同意停息"}
    assert len(load_profile(path).negotiations) == 3


def test_log_rejects_bad_entries_and_writes_nothing(tmp_path):
    path = tmp_path / "p.yaml"
    text = (FIXTURES / "agreements.yaml").read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "debtplan.run.cli", "log", "--profile", str(path), "--creditor",
                           "nobody", "--channel", "fax", "--outcome", "x"], capture_output=True, text=True)
    assert proc.returncode == 2 and "债权人：“nobody”" in proc.stderr and "联系方式：“fax”" in proc.stderr
    assert path.read_text(encoding="utf-8") == text


def test_failed_save_leaves_file_as_it_was(tmp_path, monkeypatch):
    path = tmp_path / "p.yaml"
    text = (FIXTURES / "agreements.yaml").read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")

    def disk_full(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(SaveError):
        append_contact(path, creditor="借呗", channel="app", outcome="x", date=dt.date(2026, 11, 28))
    assert path.read_text(encoding="utf-8") == text
    # the writers' lock (empty, kept beside the file) is all there is besides the unchanged profile
    assert sorted(p.name for p in tmp_path.iterdir()) in (["p.yaml"], [".p.yaml-lock", "p.yaml"])


def test_letters_when_nothing_fits():
    """With some money: offer it as a token payment and name what the closest plan needs; with none: ask for
    a pause."""
    zhang = assess(load_profile(FIXTURES.parent.parent / "data/examples/zhang-family.yaml"), RULES)
    debt = zhang.debt("借呗")
    assert not debt.proposal.fits and debt.share > 0
    from debtplan.present.pack import letter_html

    html = letter_html(zhang, debt, "zh")
    assert "先接受每月 129.68 元 的还款" in html and "202.21" in html
    broke = assess(load_profile(FIXTURES / "negative-surplus.yaml"), RULES)
    html = letter_html(broke, broke.debts[0], "en")
    assert "My income does not yet cover any plan" in html and "pause collection" in html
    # what to confirm fits what is asked: how long the pause lasts, and no plan she promises to keep to
    assert "how long collection pauses" in html and "keep to the plan" not in html
    assert "暂缓多久" in letter_html(broke, broke.debts[0], "zh")


def test_agreement_above_the_budget_is_flagged():
    a = assess(load_profile(FIXTURES / "agreements.yaml"), RULES)
    codes = {(w.code, w.params["creditor"]) for w in a.warnings}
    assert ("agreement_above_share", "借呗") in codes  # 520 a month agreed, 129.68 available for it
    assert "已约定每月还 520.00 元" in pack_html(a, "zh")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_letters_and_statement_read_as_written_by_a_person(lang):
    """Every hardship reason, with and without a date and a text; households of every size; any count of debts.
    Of the 432 combinations a fixed-seed sample of 48 in which every value of every dimension appears (each
    combination a whole assessment); all of them under DEBTPLAN_THOROUGH=1."""
    import itertools
    import re

    from conftest import sample_cases
    from debtplan.core.model import HARDSHIP_REASONS
    from debtplan.inputs.profile import parse_profile
    from debtplan.present.pack import letter_html, statement_html, talking_points_html

    rules = load_rules()
    combinations = list(itertools.product(HARDSHIP_REASONS, (None, "2026-07-01"), ("", "My hours were cut."),
                                          (1, 2), (0, 1, 3), (1, 2, 3)))
    for reason, since, text, adults, children, n_debts in sample_cases(combinations, 48):
        hardship = {"reason": reason, "text": text} | ({"since": since} if since else {})
        debts = [{"creditor": f"L{i}", "principal": 1000, "annual_rate": "0.1", "overdue_since": "2026-09-01"}
                 for i in range(n_debts)]
        a = assess(parse_profile({"name": "x", "lang": lang, "as_of": "2026-11-28", "hardship": hardship,
                                  "household": {"adults": adults, "children": children},
                                  "income": [{"name": "Pay", "amount": 6000}], "debts": debts}), rules)
        html = statement_html(a, lang) + letter_html(a, a.debts[0], lang) + talking_points_html(a, lang)
        prose = re.sub(r"_+ +", "", re.sub(r"<[^>]+>", "\n", html))  # signature lines are blanks to fill
        for bad in ("(s)", "(ren)", " ,", " .", "  ", "Because of other", "，，", "。。", " 。"):
            assert bad not in prose, (bad, reason, since, text, adults, children, n_debts)
        if lang == "en":
            assert "1 adults" not in prose and "1 children" not in prose and "1 other debts" not in prose
            if reason == "job_loss" and since:  # a job is lost on a day, not "since" it
                assert "I lost my job on 1 Jul 2026" in prose and "lost my job since" not in prose
            for line in prose.split("\n"):
                if "Signed:" in line:  # the form line to sign: "Signed: ____  Date: ____"
                    continue
                assert line.count(": ") <= 1, line  # no second colon in a sentence
                assert not re.search(r": (?!CNY |I )[A-Z]", line), line  # no capital after a colon
            for para in re.findall(r"<p[^>]*>(.*?)</p>", html, re.S):  # sentences start with a capital
                words = re.sub(r"<[^>]+>", "", para).strip()
                assert not words or not words[0].islower(), words


def test_statement_debt_table_says_what_the_amount_is():
    from debtplan.present.pack import statement_html

    a = assess(load_profile(FIXTURES.parent.parent / "data/examples/xiao-li.yaml"), RULES)
    assert "每月可给" in statement_html(a, "zh") and "Offered a month" in statement_html(a, "en")
    assert "占比" not in statement_html(a, "zh")


def test_complaints_go_to_the_current_regulator():
    from debtplan.text.sentences import SENTENCES

    every = " ".join(e["zh"] + e["en"] for e in SENTENCES.values())
    assert "银保监" not in every and "12378" in every and "国家金融监督管理总局" in every


def test_rate_column_is_the_rate_the_plan_charges_and_what_it_adds_to_today():
    """Charges already on the account are not the plan's cost: installments at the contract rate show the
    contract rate, a frozen plan 0, the bank's "0.6% a month" its true 13.27%; beside it, what is paid beyond
    what is owed today."""
    from debtplan.present.views import options_table

    xl = assess(load_profile(EXAMPLES[0].parent / "xiao-li.yaml"), RULES).debts[0]
    by = {o.key: o for o in xl.options}
    rates = {k: by[k].apr.quantize(D("0.0001")) if by[k].apr is not None else None
             for k in ("installments-24", "interest_frozen-48", "penalty_waiver-24", "settlement")}
    assert rates == {"installments-24": D("0.1460"), "interest_frozen-48": D("0.0000"),
                     "penalty_waiver-24": D("0.1460"), "settlement": None}
    assert {k: by[k].beyond for k in ("interest_frozen-48", "penalty_waiver-24", "installments-24", "settlement")} \
        == {"interest_frozen-48": D("0.00"), "penalty_waiver-24": D("1922.43"), "installments-24": D("3382.95"),
            "settlement": D("-630.00")}
    sam = assess(load_profile(EXAMPLES[0].parent / "sam.yaml"), RULES).debt("ICBC credit card")
    offer = next(o for o in sam.options if o.kind == "offer")
    assert offer.apr.quantize(D("0.0001")) == D("0.1327")
    table = options_table(xl, "zh", D("0.2"))
    assert "这个方案收的年利率" in table and "比今天欠的多还" in table and "+1,922.43 元" in table
    assert "-630.00 元" in table and "14.60%" in table and "26.44%" not in table
    assert "Rate this plan charges" in options_table(xl, "en", D("0.2"))


def test_rate_of_a_debt_not_overdue_is_its_contract_rate():
    """A loan that is not overdue keeps its principal as the base: the published worked examples stay exact."""
    from debtplan.inputs.profile import parse_profile

    a = assess(parse_profile({"name": "x", "as_of": "2026-11-28", "income": [{"name": "Pay", "amount": 9000}],
                              "debts": [{"creditor": "L", "principal": 12000, "annual_rate": "0.12",
                                         "term_months": 12, "method": "annuity"}]}), RULES)
    for o in a.debts[0].options:
        if o.kind in ("installments", "keep_contract", "penalty_waiver") and o.apr is not None:
            assert o.apr.quantize(D("0.0001")) == D("0.1200"), o.key


def test_the_proposal_says_why_not_a_shorter_plan_and_names_the_next_offer():
    from debtplan.present.pack import talking_points_html
    from debtplan.present.views import plans_html

    a = assess(load_profile(EXAMPLES[0].parent / "xiao-li.yaml"), RULES)
    p = a.debts[0].proposal
    assert p.option.months == 48 and [o.months for o in p.shorter] == [24, 36] and p.next_offer.months == 36
    zh = plans_html(a, "zh")
    assert "24、36 期的方案也在额度之内，但收入减少20%时就还不上，所以建议 48 期" in zh
    assert "下一步可以提出“停息挂账，分36期”，每月 590.56 元" in zh
    en = plans_html(a, "en")
    assert "Plans over 24 and 36 months also fit, but not if your income fell by 20%" in en
    assert "offer next: interest frozen, 36 months, CNY 590.56 a month" in talking_points_html(a, "en")
    # a proposal that is itself the shortest that fits says nothing of shorter plans
    sam = assess(load_profile(EXAMPLES[0].parent / "sam.yaml"), RULES)
    assert all(not d.proposal.shorter for d in sam.debts)


def test_months_in_brackets_say_what_they_are():
    from debtplan.present.views import plans_html

    a = assess(load_profile(EXAMPLES[0].parent / "zhang-family.yaml"), RULES)
    zh, en = plans_html(a, "zh"), plans_html(a, "en")
    assert re.search(r"年\d+月\d+日（\d+ 个月后）", zh) and re.search(r"\d{4} \(in \d+ months\)", en)
    assert not re.search(r"日 \(\d+\)|\d{4} \(\d+\)", zh + en)


def test_letters_state_only_what_the_plan_does():
    """Xiao Li's and Sam's frozen plans waive nothing: the letter says the charges are included and totals them;
    Sam's is a credit card, which has no fixed ceiling: his letter claims no excess above 24% (the court reduces
    a card's clearly excessive charges when asked, SPC bank-card provisions Art. 2)."""
    from debtplan.present.pack import letter_html

    xl = assess(load_profile(EXAMPLES[0].parent / "xiao-li.yaml"), RULES)
    text = letter_html(xl, xl.debts[0], "zh")
    assert "免除已产生的罚息和违约金" not in text and "已产生的罚息和违约金 1,260.00 元 计入欠款" in text
    assert "按此方案总共偿还 21,260.00 元，也就是今天的欠款" in text
    sam = assess(load_profile(EXAMPLES[0].parent / "sam.yaml"), RULES)
    text = letter_html(sam, sam.debt("ICBC credit card"), "en")
    assert "waive" not in text.split("I therefore ask")[1].split("If you agree")[0]
    assert "above the cap" not in text and "24%" not in text and "147.88" not in text
    assert sam.debt("ICBC credit card").owed.charges > 0  # there are charges; none is called an excess
    assert "I lost my job on 1 Sep 2026" in text


def test_hardship_words_about_one_lender_stay_out_of_another_lenders_letter():
    from debtplan.inputs.profile import parse_profile
    from debtplan.present.pack import letter_html, statement_html

    words = "今年春天为家人看病借了借呗。"
    a = assess(parse_profile({"name": "x", "as_of": "2026-11-28", "hardship": {"reason": "illness", "text": words},
                              "income": [{"name": "Pay", "amount": 9000}],
                              "debts": [{"creditor": "借呗", "principal": 5000, "annual_rate": "0.1",
                                         "overdue_since": "2026-09-01"},
                                        {"creditor": "花呗", "principal": 3000, "annual_rate": "0.1",
                                         "overdue_since": "2026-09-01"}]}), RULES)
    assert words in letter_html(a, a.debt("借呗"), "zh") and words in statement_html(a, "zh")
    assert words not in letter_html(a, a.debt("花呗"), "zh")


def test_english_reads_as_a_person_writes_it():
    """The complaint says "I have a loan from", "which I believe break"; the agreement's items have no second
    colon; option names after a colon start in lower case."""
    from debtplan.present import legal
    from debtplan.present.pack import talking_points_html

    a = assess(load_profile(FIXTURES / "agreements.yaml"), RULES)
    creditor = a.debts[0].debt.creditor
    complaint = legal.complaint_letter_html(a, RULES, creditor, "en")
    assert f"I have a loan from {creditor}" in complaint and "which I believe break the rules" in complaint
    assert "I owe" not in complaint.split("I want to repay")[0]
    for ag in a.profile.agreements:
        for line in re.sub(r"<[^>]+>", "\n", legal.confirmation_letter_html(a, ag, "en")).split("\n"):
            assert line.count(": ") <= 1, line
    for line in re.sub(r"<[^>]+>", "\n", talking_points_html(a, "en")).split("\n"):
        assert not re.search(r": (?!CNY |I )[A-Z]", line), line


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_right_cites_its_source_once(lang):
    """The court cap's sentence names its article itself; the list printed it again in brackets after it."""
    import html as _html

    from debtplan.present.pack import rights_html

    a = assess(load_profile(FIXTURES.parent.parent / "data/examples/zhang-family.yaml"), RULES)  # has a card
    text = _html.unescape(re.sub(r"<[^>]+>", "", rights_html(a, lang)))
    cited = [s.text(lang) for s in a.limits.sources.values()]
    assert [c for c in cited if text.count(c) > 1] == []
    assert text.count(a.limits.sources["court_cap"].text(lang)) == 1
