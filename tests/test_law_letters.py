"""What the letters claim, held to the rules: an agreement agreed on the phone is recorded, not confirmed in writing,
until the lender's written confirmation is recorded (its status computed once and carried in the JSON); the
complaint letters ask for the institutions' 15-day handling period and name the rule; every rule a letter cites
names its law and article or says it is a convention; a night call is a convention's matter, not by itself an
infringement of Civil Code Art. 1033."""
import datetime as dt
import json
import re

import pytest
import yaml

from debtplan.calc.assessment import assess
from debtplan.core.errors import ProfileError
from debtplan.core.paths import RULES_DIR
from debtplan.inputs.profile import parse_profile, read_profile_dict
from debtplan.inputs.rules import load_rules
from debtplan.present import legal
from debtplan.present.export import assessment_to_dict
from debtplan.run.cli import main
from debtplan.text.i18n import t

from conftest import FIXTURES

RULES = load_rules()
TROUBLE = FIXTURES / "trouble.yaml"
RAW_LEGAL = yaml.safe_load((RULES_DIR / "legal.yaml").read_text(encoding="utf-8"))


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("&quot;", '"').replace("&#x27;", "'")


def profile_with(**agreement):
    data = read_profile_dict(TROUBLE)
    data["agreements"][0].update(agreement)
    p = parse_profile(data)
    return p, assess(p, RULES)


# ---- the agreement: recorded is not confirmed in writing

@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_plan_agreed_on_the_phone_is_not_confirmed_and_the_letter_is_offered(lang):
    p, a = profile_with()  # the fixture's plan: "电话确认停息；书面协议未收到"
    html = legal.agreement_html(a, lang)
    text = text_of(html)
    assert t("law_status_recorded", lang) in text
    assert ("还没有书面确认" if lang == "zh" else "not confirmed in writing yet") in text
    assert 'class="dp-letter dp-confirmation"' in html  # the confirmation letter is there to send
    row = re.search(r"<tr[^>]*>\s*<td[^>]*>([^<]*)</td>\s*<td[^>]*>([^<]*)</td>", html[html.index("dp-agreecheck"):])
    assert row and row.group(1) == t("law_item_written", lang).replace("'", "&#x27;")
    assert row.group(2) == t("lg_missing", lang)
    # the app's checklist (no letters) says the same
    assert t("law_status_recorded", lang) in text_of(legal.agreement_checklist_html(a, lang))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_plan_confirmed_in_writing_shows_it_and_offers_no_letter(lang):
    p, a = profile_with(confirmed_on="2026-11-25", confirmed_form="短信")
    assert p.agreements[0].confirmed_on == dt.date(2026, 11, 25) and p.agreements[0].confirmed_form == "sms"
    html = legal.agreement_html(a, lang)
    text = text_of(html)
    assert "dp-confirmation" not in html
    assert t("law_status_confirmed", lang) in text
    assert ("2026年11月25日" if lang == "zh" else "25 Nov 2026") in text and t("law_form_sms", lang) in text
    assert ("还没有书面确认" if lang == "zh" else "not confirmed in writing yet") not in text


def test_the_status_is_computed_once_and_carried_in_the_json(capsys):
    _, phone = profile_with()
    (s,) = phone.agreement_status
    assert (s.status, s.in_writing, s.missing_terms) == ("recorded", False, ("balance", "credit", "missed"))
    out = assessment_to_dict(phone, "en")["agreements"]
    assert out == [{"creditor": "招商银行信用卡", "id": "a-1", "status": "recorded", "in_writing": False,
                    "confirmed_on": None, "confirmed_form": None, "missing_terms": ["balance", "credit", "missed"]}]
    _, written = profile_with(confirmed_on="2026-11-25", confirmed_form="letter")
    assert assessment_to_dict(written, "en")["agreements"][0]["status"] == "confirmed"
    assert assessment_to_dict(written, "en")["agreements"][0]["confirmed_form"] == "letter"
    # payments due: kept while paid, missed when not; a kept plan still says whether it is in writing
    data = read_profile_dict(TROUBLE)
    data["agreements"][0]["start_date"] = "2026-10-15"
    data["payments"] = [{"date": "2026-10-15", "creditor": "招商银行信用卡", "amount": 625},
                        {"date": "2026-11-14", "creditor": "招商银行信用卡", "amount": 625}]
    kept = assess(parse_profile(data), RULES)
    assert [(x.status, x.in_writing) for x in kept.agreement_status] == [("kept", False)]
    data["payments"].pop()  # the 15 Nov payment was not made
    missed = assess(parse_profile(data), RULES)
    assert [x.status for x in missed.agreement_status] == ["missed"]
    assert t("law_status_missed", "en") in text_of(legal.agreement_html(missed, "en"))
    # and the command line's JSON carries it
    assert main(["assess", "--profile", str(TROUBLE), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["agreements"][0]["status"] == "recorded"


def test_a_written_form_that_is_not_one_of_the_choices_is_a_problem_naming_the_field():
    data = read_profile_dict(TROUBLE)
    data["agreements"][0].update({"confirmed_on": "2026-11-25", "confirmed_form": "电话"})
    with pytest.raises(ProfileError) as e:
        parse_profile(data)
    assert [(pr.path, pr.code) for pr in e.value.problems] == [("agreements[0].confirmed_form",
                                                                "problem_not_a_choice")]


# ---- complaint letters: the institutions' handling period, with its rule

@pytest.mark.parametrize("lang", ["zh", "en"])
def test_complaint_letters_ask_for_the_15_day_handling_period_and_name_the_rule(lang):
    _, a = profile_with()
    rule = RULES.complaint_reply
    assert rule.days == 15 and RAW_LEGAL["complaint_reply"]["value"] == 15
    assert RULES.advice.reply_days == 14  # the other letters' window stays its own
    for to in ("lender", "regulator"):
        text = text_of(legal.complaint_letter_html(a, RULES, "借呗", lang, to))
        assert ("15日内" if lang == "zh" else "within 15 days") in text
        assert ("《银行业保险业消费投诉处理管理办法》" if lang == "zh"
                else "Measures for the handling of consumer complaints in banking and insurance") in text
        assert ("银保监会令2020年第3号" if lang == "zh" else "CBIRC Order No. 3 of 2020") in text
        assert ("第十八条" if lang == "zh" else "Art. 18") in text
        assert rule.quote[lang] in text
        assert ("14日内" if lang == "zh" else "14 days") not in text
        assert ("2026年12月13日" if lang == "zh" else "13 Dec 2026") in text  # 28 Nov + 15 days
    # the confirmation letter still asks for a reply within the advice's 14 days
    conf = text_of(legal.confirmation_letter_html(a, a.profile.agreements[0], lang))
    assert ("2026年12月12日" if lang == "zh" else "12 Dec 2026") in conf


def test_a_complaint_sent_without_a_reply_date_is_answered_within_the_handling_period():
    data = read_profile_dict(TROUBLE)
    data["letters"] = [{"kind": "complaint", "creditor": "借呗", "date": "2026-11-12"},
                       {"kind": "proposal", "creditor": "借呗", "date": "2026-11-12"}]
    p = parse_profile(data)
    assert [x.reply_by for x in p.letters] == [dt.date(2026, 11, 27), dt.date(2026, 11, 26)]  # 15 and 14 days


def test_the_handling_period_comes_from_the_rule_file(tmp_path):
    import shutil

    rules_dir = tmp_path / "rules"
    shutil.copytree(RULES_DIR, rules_dir)
    raw = yaml.safe_load((rules_dir / "legal.yaml").read_text(encoding="utf-8"))
    raw["complaint_reply"]["value"] = 30
    (rules_dir / "legal.yaml").write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    rules = load_rules(rules_dir)
    p, _ = profile_with()
    text = text_of(legal.complaint_letter_html(assess(p, rules), rules, "借呗", "zh"))
    assert "收到本投诉之日起30日内" in text and "收到本投诉之日起15日内" not in text


# ---- sources: law or convention, with the article and a quote

KINDS = {"law", "regulation", "convention"}


def test_every_rule_in_the_file_says_what_binds_and_quotes_its_text():
    for r in RAW_LEGAL["collection_rules"]["value"] + [RAW_LEGAL["complaint_reply"]]:
        name = r.get("id", "complaint_reply")
        assert r.get("kind") in KINDS, name
        assert r.get("title") and r.get("title_en") and r.get("quote") and r.get("quote_en"), name
        assert r.get("url") and r.get("seen"), name  # where the text was read stays in the data
        if r["kind"] != "convention":
            assert r.get("article") and r.get("article_en"), f"{name}: law or regulation without its article"
        if r.get("unconfirmed") or r.get("verified") is False:
            assert r.get("note"), f"{name}: unverified without saying what was not seen"
    by_id = {r.id: r for r in RULES.collection_rules}
    assert by_id["nifa_convention"].kind == by_id["cba_collection_guideline"].kind == "convention"
    assert by_id["cba_collection_guideline"].unconfirmed  # its text was not found: verified: false
    public_order = by_id["public_security"]
    assert public_order.kind == "law" and "2025" in public_order.in_force["zh"]
    assert "2026" in public_order.in_force["en"] and public_order.unconfirmed


def test_the_unanswered_call_limit_follows_the_banking_guideline():
    from debtplan.calc.collection import unanswered_call_limit

    limit, rule = unanswered_call_limit(RULES.collection_rules)
    assert limit == 6 and rule.id == "cba_collection_guideline" and rule.kind == "convention"
    assert RULES.night and [x.isoformat(timespec="minutes") for x in RULES.night] == ["22:00", "08:00"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_rule_a_letter_cites_names_its_law_and_article_or_says_it_is_a_convention(lang):
    _, a = profile_with()
    html = legal.complaint_letters_html(a, RULES, lang)
    lists = re.findall(r"<p>(?:相关规定：|The rules concerned:)</p><ul>(.*?)</ul>", html)
    assert len(lists) == 4  # two lenders, two letters each
    marker = t("law_kind_convention", lang)
    rules = [(r.title[lang], r) for r in RULES.collection_rules]
    for items in lists:
        lines = [text_of(x) for x in re.findall(r"<li>(.*?)</li>", items)]
        assert lines
        for line in lines:
            named = [r for title, r in rules if title in line]
            assert named, line
            cited = [r for r in named if (r.kind == "convention" and marker in line)
                     or (r.kind != "convention" and r.article[lang] in line
                         and t(f"law_kind_{r.kind}", lang) in line)]
            assert cited, line  # a law with its article, or a convention said to be one
            assert any(r.quote[lang] in line for r in cited), line
    regulator = [m for m in re.findall(r'<article class="dp-letter dp-complaint">.*?</article>', html, re.S)
                 if "12378" in m]
    assert regulator
    for letter in regulator:  # a letter to an authority names laws, never only a web page
        assert not re.search(r"\.(com|cn|html|md)\b|github|reportify|sinotf", letter), letter


# ---- night calls: a convention's matter

def night_only_profile():
    data = read_profile_dict(TROUBLE)
    data["collections"] = [{"id": "k-9", "at": "2026-11-14 22:40", "creditor": "借呗", "channel": "phone",
                            "contacted": "borrower", "caller": "0571-0000 2222", "said": "催我还款"}]
    return assess(parse_profile(data), RULES)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_night_call_is_a_convention_breach_and_not_by_itself_an_infringement(lang):
    a = night_only_profile()
    (flag,) = a.contact_flags
    assert flag.facts == ("night",)
    assert {r.kind for r in flag.rules} == {"convention"}  # not the Civil Code's peace-of-life article
    assert "civil_code_privacy" not in {r.id for r in flag.rules}
    log = text_of(legal.collection_log_html(a, RULES, lang))
    note = t("law_night_note", lang)
    assert note in log.replace("'", "'")
    assert ("并不构成" if lang == "zh" else "not by itself an infringement") in note
    letter = text_of(legal.complaint_letter_html(a, RULES, "借呗", lang))
    assert ("第一千零三十三条" if lang == "zh" else "1033") not in letter
    assert t("law_kind_convention", lang) in letter


def test_no_sentence_says_a_night_call_infringes_the_civil_code():
    """The night note and the rule file's own note say "not by itself"; no sentence pairs night with an
    infringement of Art. 1033 without it."""
    from debtplan.text.sentences import SENTENCES

    for key, entry in SENTENCES.items():
        for lang, text in entry.items():
            if ("1033" in text or "一千零三十三" in text) and ("night" in text.lower() or "夜间" in text):
                assert "not by itself" in text or "并不构成" in text, key
    privacy = next(r for r in RAW_LEGAL["collection_rules"]["value"] if r["id"] == "civil_code_privacy")
    assert "night" not in privacy["flags"]


def test_the_police_advice_names_the_public_order_law_in_force():
    html = legal.safety_html(RULES, "zh")
    assert "治安管理处罚法" in html and "2026年1月1日起施行" in html and "未核实" in html


def test_the_app_records_the_written_confirmation_and_the_checklist_follows(tmp_path):
    from debtplan.app.session import open_profile
    from debtplan.app.widgets import App

    from conftest import ROOT

    path = tmp_path / "xiao-li.yaml"
    path.write_bytes((ROOT / "data/examples/xiao-li.yaml").read_bytes())
    app = App(open_profile(str(path)), today=dt.date(2026, 11, 29))
    app.nav.value = "log"
    app.step("log").agreements.add_button.click()

    def field(name):
        (found,) = [f for f in app.all_fields() if f.path == f"agreements[0].{name}"]
        return found

    field("monthly_payment").input.value = "900"
    assert t("law_status_recorded", "zh") in text_of(app.current.view.value)
    field("confirmed_on").input.value = "2026-11-25"
    field("confirmed_form").input.value = "app"
    assert app.session.data["agreements"][0]["confirmed_form"] == "app"
    view = text_of(app.current.view.value)
    assert t("law_status_confirmed", "zh") in view and t("law_status_recorded", "zh") not in view
    assert "App消息" in view
