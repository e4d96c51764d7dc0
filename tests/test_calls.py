"""Her phone's call log and messages, read locally and counted (synthetic exports only)."""
import datetime as dt

import pytest

from debtplan.calc.calls import matching_numbers, region_of, summarise_calls, threat_suggestions
from debtplan.core.calls import CallFileError, number_key
from debtplan.inputs.calls import parse_phone_export, read_phone_export

CHINA = dt.timezone(dt.timedelta(hours=8))


def ms(local: str) -> int:
    """Milliseconds since 1970 of a local (UTC+8) time, as Android stores them."""
    return int(dt.datetime.fromisoformat(local).replace(tzinfo=CHINA).timestamp() * 1000)


def sbr_xml(calls, smses=()) -> bytes:
    """An "SMS Backup & Restore" export: calls (number, local time, seconds, type code) and messages."""
    rows = "".join(f'<call number="{n}" duration="{s}" date="{ms(t)}" type="{k}" presentation="1" '
                   f'readable_date="{t}" contact_name="(Unknown)" />\n' for n, t, s, k in calls)
    if smses:
        sms = "".join(f'<sms protocol="0" address="{n}" date="{ms(t)}" type="{k}" body="{b}" read="1" '
                      f'contact_name="(Unknown)" />\n' for n, t, b, k in smses)
        return f"<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count='{len(smses)}'>\n{sms}</smses>".encode()
    return (f"<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<calls count=\"{len(calls)}\">\n{rows}</calls>"
            ).encode()


COLLECTOR = "+86 21 5432 1765"  # a Shanghai landline
MOBILE = "13800138000"  # a Beijing mobile block
SISTER = "13912345678"


def test_an_sms_backup_and_restore_call_log_is_read_in_local_time():
    data = sbr_xml([(COLLECTOR, "2026-11-03T22:15:00", 0, 3), (MOBILE, "2026-11-03T09:00:00", 65, 1),
                    (SISTER, "2026-11-04T12:00:00", 30, 2)])
    export = parse_phone_export(data, "calls-20261130.xml")
    assert export.fmt == "sms-backup-restore" and len(export.sha256) == 64
    first = export.calls[0]
    assert (first.number, first.at, first.kind, first.answered) == (MOBILE, dt.datetime(2026, 11, 3, 9), "incoming", True)
    night = export.calls[1]
    assert night.at == dt.datetime(2026, 11, 3, 22, 15) and night.night and night.kind == "missed"
    assert export.calls[2].kind == "outgoing" and export.calls[2].name == ""


def test_a_csv_with_chinese_headers_saved_by_excel_is_read(tmp_path):
    path = tmp_path / "通话记录.csv"
    path.write_bytes("号码,时间,时长,类型\n021-54321765,2026/11/03 23:05,0,未接\n13800138000,2026-11-04 10:00:12,40,呼入\n"
                     .encode("gb18030"))
    export = read_phone_export(path)
    assert [(c.number, c.at, c.kind) for c in export.calls] == [
        ("021-54321765", dt.datetime(2026, 11, 3, 23, 5), "missed"),
        (MOBILE, dt.datetime(2026, 11, 4, 10, 0, 12), "incoming")]


@pytest.mark.parametrize("data, code", [
    (b"\x00\x01encrypted-backup\x00" * 20, "calls_encrypted"),
    (b"<?xml version='1.0'?><!DOCTYPE calls [<!ENTITY a 'aaaa'>]><calls>&a;</calls>", "calls_bad_xml"),
    (b"<calls><call number='1' date='x' duration='0' type='1'/></calls>", "calls_bad_row"),
    (b"<photos/>", "calls_bad_xml"),
    (b"when,who\n2026-11-03,1\n", "calls_csv_columns"),
    (b"number,time,type\n021-54321765,2026-11-03 23:05,shouted\n", "calls_bad_row"),
    (b"   \n", "calls_empty"),
])
def test_files_that_are_not_such_an_export_are_refused_with_a_reason(data, code):
    with pytest.raises(CallFileError) as err:
        parse_phone_export(data, "x")
    assert err.value.code == code


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(CallFileError) as err:
        read_phone_export(tmp_path / "nope.xml")
    assert err.value.code == "calls_no_file" and "nope.xml" in err.value.params["file"]


def test_counts_per_number_and_day_night_calls_and_days_over_the_limit():
    calls = [(COLLECTOR, f"2026-11-10T{h:02d}:00:00", 0, 3) for h in (7, 9, 10, 11, 12, 13, 23)]  # 7 unanswered
    calls += [(MOBILE, "2026-11-10T14:00:00", 50, 1), (MOBILE, "2026-11-11T21:59:00", 0, 5),
              (SISTER, "2026-11-11T23:00:00", 0, 3),  # not a number she marked
              ("021 5432 1765", "2026-11-12T10:00:00", 20, 2)]  # her own call to them: not counted
    export = parse_phone_export(sbr_xml(calls), "c.xml")
    s = summarise_calls(export.calls, [COLLECTOR, MOBILE], limit=6)
    assert (s.calls, s.unanswered, s.night, s.start, s.end) == (9, 8, 2, dt.date(2026, 11, 10), dt.date(2026, 11, 11))
    shanghai, beijing = s.numbers
    assert (shanghai.number, shanghai.calls, shanghai.night, shanghai.region_zh, shanghai.region_en) == (
        "2154321765", 7, 2, "上海市", "Shanghai")
    assert (beijing.calls, beijing.unanswered, beijing.region_zh) == (2, 1, "北京市")
    assert s.days_over_limit == (dt.date(2026, 11, 10),)  # 7 unanswered that day; 1 on the 11th
    assert s.per_day == ((dt.date(2026, 11, 10), 8, 7, 2), (dt.date(2026, 11, 11), 1, 1, 0))
    assert dict(((zh, k) for zh, _, k in s.regions)) == {"上海市": 7, "北京市": 2}
    assert summarise_calls(export.calls, [COLLECTOR], limit=None).days_over_limit == ()


def test_numbers_already_in_her_log_are_found_and_messages_only_suggest_threat_words():
    export = parse_phone_export(sbr_xml([(COLLECTOR, "2026-11-10T10:00:00", 0, 3)]), "c.xml")
    assert matching_numbers(export.calls, ["021-54321765", "10086"]) == [COLLECTOR]
    sms = parse_phone_export(sbr_xml([], smses=[(MOBILE, "2026-11-10T10:00:00", "再不还款就上门找你家人", 1),
                                              (MOBILE, "2026-11-10T11:00:00", "您好，请问方便通话吗", 1),
                                              (SISTER, "2026-11-10T12:00:00", "上门", 1)]), "s.xml")
    found = threat_suggestions(sms.messages, [MOBILE], ["上门", "家人", "坐牢"])
    assert [words for _, words in found] == [("上门", "家人"), ()]


def test_number_keys_and_regions():
    assert number_key("0086 21 5432 1765") == number_key("(021) 54321765") == "2154321765"
    assert region_of("075512345678") == ("广东省深圳市", "Shenzhen, Guangdong")
    assert region_of("not a number") == ("", "")


def test_the_case_number_check_says_the_form_and_always_how_to_check_never_real_or_fake():
    from debtplan.calc.casenumber import check_case_number
    from debtplan.text.evidence import case_number_sentences

    cases = {
        ("（2026）京0105民督123号", "payment_order"): (True, "basic", True, ()),
        ("(2026) 沪01 民终 7 号", "judgment"): (True, "intermediate", True, ()),
        ("（2026）粤执12号", "enforcement"): (True, "high", True, ()),
        ("（2026）京0105民初88号", "payment_order"): (True, "basic", False, ("case_type_not_paper",)),
        ("（2027）京0105民督1号", "payment_order"): (False, "basic", True, ("case_year_future",)),
        ("京0105民督123号", "payment_order"): (False, "", None, ("case_form",)),
        ("法发〔2026〕12号", ""): (False, "", None, ("case_brackets",)),
        ("（2026）京0105催收1号", "payment_order"): (True, "basic", None, ("case_type_unknown",)),
    }
    for (text, paper), (form_ok, level, fits, problems) in cases.items():
        check = check_case_number(text, paper, this_year=2026)
        assert (check.form_ok, check.level, check.fits, check.problems) == (form_ok, level, fits, problems), text
        for lang in ("zh", "en"):
            said = " ".join(case_number_sentences(check, paper, lang))
            assert "12368" in said  # how to check is always said
            assert not any(w in said for w in ("是真的", "是假的", "is genuine.", "is fake", "is real"))


def test_the_helper_checklist_names_a_source_for_every_item():
    import yaml

    from conftest import ROOT
    from debtplan.text.evidence import AGENT_SIGNS, agent_checklist

    signs = yaml.safe_load((ROOT / "data/rules/helpers.yaml").read_text(encoding="utf-8"))["agent_signs"]
    assert {s["key"] for s in signs} == set(AGENT_SIGNS)
    for lang in ("zh", "en"):
        title, items, todo = agent_checklist(signs, lang)
        assert len(items) == len(AGENT_SIGNS) and all(src for _, src in items)
        assert "12378" in todo
        assert all(("原文未见" if lang == "zh" else "original was not seen") in src for _, src in items)


def test_the_call_summary_sentence_states_the_counts_and_marks_the_convention():
    from debtplan.text.evidence import call_summary_sentences

    calls = [(COLLECTOR, f"2026-11-10T{h:02d}:00:00", 0, 3) for h in (7, 9, 10, 11, 12, 13, 23)]
    export = parse_phone_export(sbr_xml(calls), "c.xml")
    s = summarise_calls(export.calls, [COLLECTOR], limit=6)
    zh = call_summary_sentences(s, "借呗", "zh")
    assert zh[0] == "2026年11月10日至2026年11月10日，借呗 用 1 个号码共打来 7 次电话，其中 7 次未接，2 次在晚上10点到早上8点之间。"
    assert "自律公约，不是法律" in zh[1] and "上海市 7" in zh[2]
    en = call_summary_sentences(s, "Jiebei", "en")
    assert "called 7 times" in en[0] and "a convention, not the law" in en[1]
