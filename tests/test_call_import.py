"""A phone's call log imported into a profile as evidence: counts only, the file's hash, never the file; the
report's fifth part and the complaint letters state it; the app's follow-up step does the same from an upload.
Synthetic exports only (tests/fixtures/phone, tests/phone_exports.py)."""
import datetime as dt
import hashlib
import re
import shutil

import pytest
import yaml

from conftest import ROOT
from phone_exports import COLLECTORS, calls_xml, year_of_calls

from debtplan.calc.assessment import assess
from debtplan.inputs.profile import load_profile
from debtplan.inputs.rules import load_rules
from debtplan.run.cli import main

FIXTURES = ROOT / "tests" / "fixtures"
CALLS = FIXTURES / "phone" / "calls-sample.xml"
SMS = FIXTURES / "phone" / "sms-sample.xml"
LENDER = "0571-0000 1111,021-5432 1765,13800138000"


def trouble(tmp_path, lang="zh"):
    path = tmp_path / "trouble.yaml"
    text = (FIXTURES / "trouble.yaml").read_text(encoding="utf-8")
    path.write_text(text if lang == "zh" else text.replace("lang: zh", "lang: en"), encoding="utf-8")
    return path


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_the_command_keeps_counts_per_number_and_day_with_the_files_hash_and_nothing_raw(tmp_path, capsys):
    profile = trouble(tmp_path)
    code, out, err = run(capsys, "import-calls", CALLS, "--profile", profile, "--creditor", "借呗",
                         "--numbers", LENDER, "--keep", "2026-11-10 22:30")
    assert code == 0, err
    assert "借呗 用 3 个号码共打来 11 次电话，其中 9 次未接，3 次在晚上10点到早上8点之间" in out
    data = yaml.safe_load(profile.read_text(encoding="utf-8"))
    [record] = data["call_imports"]
    assert record["sha256"] == hashlib.sha256(CALLS.read_bytes()).hexdigest()
    assert record["file"] == "calls-sample.xml" and record["creditor"] == "借呗"
    assert str(record["first_day"]) == "2026-11-10" and str(record["last_day"]) == "2026-11-12"
    days = {n["phone"]: n["days"] for n in record["numbers"]}
    assert days == {"0571-0000 1111": "2026-11-10 8/7/1", "021-5432 1765": "2026-11-11 1/1/1, 2026-11-12 1/1/1",
                    "13800138000": "2026-11-12 1/0/0"}
    kept = data["collections"][-1]
    assert kept["at"] == "2026-11-10 22:30" and kept["caller"] == "0571-0000 1111" and "7a57997b6b29" in kept["evidence"]
    text = profile.read_text(encoding="utf-8")
    # Nothing of the file itself: no other call's time, no number she did not pick, no raw attribute.
    for raw in ("09:40", "13:30", "13700000001", "readable_date", "duration", "1794272712000"):
        assert raw not in text
    assert not list(tmp_path.glob("*.xml"))  # the export was not copied next to the profile
    profile_read = load_profile(profile)
    assert profile_read.call_imports[0].numbers[0].days[0][1:] == (1, 0, 0)


def test_the_same_file_twice_is_refused_and_nothing_is_written(tmp_path, capsys):
    profile = trouble(tmp_path)
    assert run(capsys, "import-calls", CALLS, "--profile", profile, "--creditor", "借呗", "--numbers", LENDER)[0] == 0
    before = profile.read_bytes()
    code, out, err = run(capsys, "import-calls", CALLS, "--profile", profile, "--creditor", "借呗",
                         "--numbers", "0571-0000 1111")
    assert code == 0 and "已经在" in out and "导入过" in out and "什么都没有写入" in out
    assert profile.read_bytes() == before


def test_without_numbers_the_ones_in_her_log_are_suggested_and_nothing_is_written(tmp_path, capsys):
    profile = trouble(tmp_path, "en")
    before = profile.read_bytes()
    code, out, err = run(capsys, "import-calls", CALLS, "--profile", profile, "--creditor", "借呗")
    assert code == 2 and "Name the numbers" in err
    assert "Numbers already in your collection log that are in the file: 0571-0000 1111" in out  # its k-1 caller
    assert "0571-0000 1111 (8)" in out
    assert profile.read_bytes() == before


def test_messages_are_in_the_profiles_language_and_errors_name_the_fix(tmp_path, capsys):
    profile = trouble(tmp_path, "en")
    code, out, _ = run(capsys, "import-calls", CALLS, "--profile", profile, "--creditor", "借呗", "--numbers", LENDER)
    assert code == 0 and "called 11 times from 3 numbers" in out and "was not copied" in out
    bad = tmp_path / "backup.bak"
    bad.write_bytes(b"\x00\x01encrypted" * 50)
    code, _, err = run(capsys, "import-calls", bad, "--profile", profile, "--creditor", "借呗", "--numbers", LENDER)
    assert code == 2 and "encrypted" in err and "CSV" in err
    code, _, err = run(capsys, "import-calls", SMS, "--profile", profile, "--creditor", "借呗", "--numbers",
                       "13800138000", "--keep", "2026-11-12 09:99")
    assert code == 2 and "2026-11-03 22:15" in err


def test_a_relatives_export_is_kept_with_her_label_and_a_message_is_a_threat_only_when_she_says(tmp_path, capsys):
    profile = trouble(tmp_path)
    code, out, _ = run(capsys, "import-calls", SMS, "--profile", profile, "--creditor", "借呗", "--numbers",
                       "13800138000", "--list")
    assert code == 0 and "可能是威胁，请您自己判断：上门、家人、后果自负" in out  # a suggestion only
    assert "call_imports" not in profile.read_text(encoding="utf-8")  # --list writes nothing
    code, _, err = run(capsys, "import-calls", SMS, "--profile", profile, "--creditor", "借呗", "--numbers",
                       "13800138000,0571-0000 1111", "--label", "姐姐", "--keep", "2026-11-10 09:06",
                       "--threat", "2026-11-12 21:00")
    assert code == 0, err
    data = yaml.safe_load(profile.read_text(encoding="utf-8"))
    assert data["call_imports"][0]["label"] == "姐姐" and data["call_imports"][0]["contacted"] == "family"
    kept = {str(c["at"]): c for c in data["collections"] if "sms-sample.xml" in str(c.get("evidence", ""))}
    assert set(kept) == {"2026-11-10 09:06", "2026-11-12 21:00"}
    assert kept["2026-11-12 21:00"].get("threats") is True and "threats" not in kept["2026-11-10 09:06"]
    assert kept["2026-11-10 09:06"]["contacted"] == "family" and kept["2026-11-10 09:06"]["channel"] == "sms"


def test_a_year_of_3000_calls_stays_far_inside_the_profiles_size_limit(tmp_path, capsys):
    export = tmp_path / "year.xml"
    calls = year_of_calls(3000)
    export.write_bytes(calls_xml(calls))
    profile = trouble(tmp_path)
    before = profile.stat().st_size
    code, out, err = run(capsys, "import-calls", export, "--profile", profile, "--creditor", "借呗",
                         "--numbers", ",".join(COLLECTORS))
    assert code == 0, err
    added = profile.stat().st_size - before
    print(f"3000 calls over a year, {export.stat().st_size} bytes exported: the profile grew by {added} bytes")
    assert added < 64 * 1024  # a quarter of the 256 kB limit
    p = load_profile(profile)  # reads back
    from debtplan.calc.calls import imported_summary, summarise_calls

    direct = summarise_calls(load_export(export).calls, COLLECTORS)
    kept = imported_summary(p.call_imports, "借呗")
    assert (kept.calls, kept.unanswered, kept.night) == (direct.calls, direct.unanswered, direct.night)
    assert kept.per_day == direct.per_day and direct.calls > 2000  # her own calls out are not counted


def load_export(path):
    from debtplan.inputs.calls import read_phone_export

    return read_phone_export(path)


def test_the_daily_limit_comes_from_a_collection_rule_in_legal_yaml_and_is_said_as_a_convention(tmp_path):
    from debtplan.present.evidence import call_limit

    limit, rule = call_limit(load_rules())
    assert limit is None or rule.kind == "convention"
    rules_dir = tmp_path / "rules"
    shutil.copytree(ROOT / "data" / "rules", rules_dir)
    legal = rules_dir / "legal.yaml"
    text = legal.read_text(encoding="utf-8")
    legal.write_text(text.replace("    - id: nifa_convention\n",
                                  "    - id: nifa_convention\n      unanswered_calls_per_day: 6\n"), encoding="utf-8")
    rules = load_rules(rules_dir)
    limit, rule = call_limit(rules)
    assert (limit, rule.id) == (6, "nifa_convention")
    profile = load_profile(imported_profile(tmp_path))
    a = assess(profile, rules)
    from debtplan.present import evidence

    sentence = evidence.complaint_calls_sentence(a, rules, "借呗", "en")
    assert "on 1 days one number's unanswered calls passed the industry convention's 6 a day" in sentence
    assert "not a law" in sentence
    html = evidence.calls_html(a, rules, "zh")
    assert "出自中国互联网金融协会《互联网金融逾期债务催收自律公约（试行）》（2018）：这是行业自律规范，不是法律" in html
    assert "▼" in html and "（未证实）" in html  # the rule was read only through secondary pages


def imported_profile(tmp_path):
    """trouble.yaml with the sample export imported for 借呗 (7 unanswered calls from one number on 10 Nov)."""
    folder = tmp_path / "imported"
    folder.mkdir(exist_ok=True)
    profile = trouble(folder)
    assert main(["import-calls", str(CALLS), "--profile", str(profile), "--creditor", "借呗", "--numbers", LENDER]) == 0
    return profile


def test_part_5_has_the_table_and_the_chart_with_night_calls_marked_and_the_letters_state_the_counts(tmp_path):
    from debtplan.present import legal

    rules = load_rules()
    a = assess(load_profile(imported_profile(tmp_path)), rules)
    for lang, counts, night in (("zh", "借呗 的催收用 3 个号码打来 11 次电话，其中 9 次未接，3 次在晚上10点到早上8点之间",
                                 "晚上10点到早上8点的来电"),
                                ("en", "collectors called me 11 times from 3 numbers: 9 calls unanswered, 3 between "
                                 "22:00 and 08:00", "calls 22:00-08:00")):
        html = legal.legal_html(a, rules, lang)
        section = html.split('<section class="dp-call-evidence">', 1)[1].split("</section>", 1)[0]
        assert '<table class="dp-table dp-call-days">' in section and '<table class="dp-table dp-call-numbers">' in section
        assert re.search(r"<figure class=\"dp-chart\"><svg", section)
        assert section.count("<tr>") >= 3 + 3 + 1  # 3 days with calls, 3 numbers, the file
        assert night in section or night in html  # the night calls' legend (drawn as paths) and caption
        letters = html.split('<section class="dp-complaints">', 1)[1]
        assert letters.count(counts) == 2  # the letter to the lender and the one to the regulator
        assert '<section class="dp-case-check">' in html and '<section class="dp-agent-check">' in html
    from debtplan.present.evidence import calls_chart
    from debtplan.calc.calls import imported_summary

    fig = calls_chart(imported_summary(a.profile.call_imports, "借呗"), "en")
    bars = fig.axes[0].containers
    assert [round(r.get_height()) for r in bars[1]] == [1, 1, 1]  # night calls on each of the 3 days, stacked
    assert [round(r.get_height()) for r in bars[0]] == [7, 0, 1]


def test_the_case_number_check_in_part_5_never_says_real_or_fake(tmp_path):
    from debtplan.present.evidence import case_numbers_html

    rules = load_rules()
    a = assess(load_profile(trouble(tmp_path, "en")), rules)
    html = case_numbers_html(a, "en")
    assert "（2026）川0107民督123号" in html and "12368" in html
    assert not re.search(r"\b(real|fake|genuine)\b", html.split("</h2>", 1)[1], re.I)


def test_the_app_step_imports_an_upload_in_memory_ticks_her_numbers_and_keeps_counts(tmp_path):
    from debtplan.app.kit import Kit
    from debtplan.app.session import open_profile
    from debtplan.app.steps.followup import FollowUpStep

    path = trouble(tmp_path)
    session = open_profile(str(path))
    step = FollowUpStep(Kit(session, today=dt.date(2026, 12, 4)))
    ev = step.evidence

    def upload(file):
        data = file.read_bytes()
        ev.upload.value = ({"name": file.name, "type": "text/xml", "size": len(data), "content": memoryview(data),
                            "last_modified": dt.datetime(2026, 12, 1)},)

    upload(CALLS)
    assert ev.upload.value == ()  # the bytes are not kept in the widget
    assert {n: b.value for n, b in ev.number_checks.items()} == {
        "0571-0000 1111": True, "021-5432 1765": False, "13700000001": False, "13800138000": False}
    ev.number_checks["021-5432 1765"].value = True
    assert "用 2 个号码共打来 10 次电话" in ev.summary.value
    assert ev.save() and not session.problems and session.dirty
    record = session.data["call_imports"][-1]
    assert record["sha256"] == hashlib.sha256(CALLS.read_bytes()).hexdigest()
    assert [n["phone"] for n in record["numbers"]] == ["021-5432 1765", "0571-0000 1111"]
    upload(CALLS)
    ev.number_checks["0571-0000 1111"].value = True
    assert not ev.save() and "已经在 2026年12月4日 导入过" in ev.status.value
    upload(SMS)
    ev.number_checks["13800138000"].value = True
    [(message, keep, threat)] = [x for x in ev.message_checks if "上门" in x[0].body]
    assert "可能是威胁" in ev.messages_box.children[-1].children[0].value and not threat.value  # suggested only
    threat.value = True
    assert ev.save()
    assert session.data["collections"][-1]["threats"] is True and session.data["collections"][-1]["channel"] == "sms"
    session.save()
    text = path.read_text(encoding="utf-8")
    assert "后果自负" in text and "您好" not in text and "09:40" not in text  # only what she ticked
    session.add_record(("debts",), {"creditor": "花呗", "principal": 3000, "annual_rate": "0.18"})
    assert "花呗" in ev.creditor.options
    ev.case_number.value = "（2026）川0107民初123号"
    assert "不相符" in ev.case_result.value and "12368" in ev.case_result.value
    assert ev.agent_advice.value == ""
    ev.agent_boxes[1].value = True
    assert "12378" in ev.agent_advice.value


@pytest.mark.parametrize("days, fine", [("2026-11-03 5/4/1, 2026-11-04 2/2/0", True), ("2026-11-03 5/6/1", False),
                                        ("2026-11-03 5/4/1, 2026-11-03 1/1/0", False), ("2026-13-01 1/1/0", False),
                                        ("3 calls", False)])
def test_counts_written_by_hand_are_checked_with_a_clear_problem(tmp_path, days, fine):
    from debtplan.core.errors import ProfileError
    from debtplan.inputs.profile import parse_profile
    from debtplan.text.problems import problems_text

    data = yaml.safe_load((FIXTURES / "trouble.yaml").read_text(encoding="utf-8"))
    data["call_imports"] = [{"file": "x.xml", "sha256": "a" * 64, "creditor": "借呗",
                             "numbers": [{"phone": "13800138000", "days": days}]}]
    if fine:
        assert parse_profile(data).call_imports[0].numbers[0].days[0][1] == 5
    else:
        with pytest.raises(ProfileError) as exc:
            parse_profile(data)
        assert "2026-11-03 5/4/1" in problems_text(exc.value, "zh")


def test_names_she_typed_are_escaped_in_part_5(tmp_path):
    from debtplan.inputs.profile import parse_profile
    from debtplan.present.evidence import calls_html

    data = yaml.safe_load((FIXTURES / "trouble.yaml").read_text(encoding="utf-8"))
    data["call_imports"] = [{"file": "<img src=x onerror=alert(1)>.xml", "sha256": "b" * 64, "creditor": "借呗",
                             "label": "<b>姐姐</b>", "contacted": "family",
                             "numbers": [{"phone": "<i>138</i>", "days": "2026-11-03 2/1/1"}]}]
    rules = load_rules()
    html = calls_html(assess(parse_profile(data), rules), rules, "zh")
    assert "&lt;img src=x" in html and "&lt;b&gt;姐姐&lt;/b&gt;" in html and "&lt;i&gt;138&lt;/i&gt;" in html
    assert "<img" not in html and "<b>" not in html and "<i>" not in html
