"""Every problem is told in the reader's language, with a place a person understands."""
import re

import pytest

from debtplan.core.errors import ProfileError
from debtplan.inputs.profile import parse_profile
from debtplan.run.cli import main
from debtplan.text.problems import problem_text, problems_text
from debtplan.text.sentences import SENTENCES

BASE = {"name": "x", "lang": "zh", "as_of": "2026-11-28", "income": [{"name": "工资", "amount": 5000}],
        "debts": [{"creditor": "借呗", "product": "jiebei", "principal": 20000, "overdue_since": "2026-08-15"}]}


def with_(**changes):
    import copy

    data = copy.deepcopy(BASE)
    for path, value in changes.items():
        target = data
        keys = path.split("__")
        for k in keys[:-1]:
            target = target[int(k)] if k.isdigit() else target.setdefault(k, {})
        target[keys[-1]] = value
    return data


#: One profile for each kind of problem the validator reports.
CASES = {
    "problem_unknown_key": with_(colour="red"),
    "problem_unknown_key_close": with_(debts__0__principle=100),
    "problem_not_a_group": with_(household=[1, 2]),
    "problem_not_a_list": with_(income="lots"),
    "problem_missing_amount": with_(income=[{"name": "工资"}]),
    "problem_not_an_amount": with_(income=[{"name": "工资", "amount": "abc"}]),
    "problem_amount_ambiguous": with_(income=[{"name": "工资", "amount": "2.000,50"}]),
    "problem_amount_dot_three": with_(income=[{"name": "工资", "amount": "20.000"}]),
    "problem_amount_too_large": with_(income=[{"name": "工资", "amount": "1e13"}]) | {
        "income": [{"name": "工资", "amount": 10 ** 14}]},
    "problem_amount_above": with_(settings={"creditor_floor": 10 ** 6}),
    "problem_not_positive": with_(debts__0__principal=0),
    "problem_negative": with_(savings={"balance": -5}),
    "problem_not_a_rate": with_(debts__0__daily_rate="很高"),
    "problem_rate_range": with_(debts__0__daily_rate="5%"),
    "problem_rate_use_other_key": with_(debts__0__daily_rate="年化18%"),
    "problem_rate_other_kind": with_(agreements=[{"creditor": "借呗", "start_date": "2026-12-10", "months": 12,
                                                  "principal": 20000, "method": "annuity", "annual_rate": "万四"}]),
    "problem_whole_number": with_(household={"adults": "two"}),
    "problem_missing_date": with_(payments=[{"creditor": "借呗", "amount": 100}]),
    "problem_not_a_date": with_(as_of="2026-13-01"),
    "problem_date_range": with_(as_of="1900-01-01"),
    "problem_missing_text": with_(debts__0__creditor=""),
    "problem_not_text": with_(borrower={"name": ["a", "b"]}),
    "problem_text_too_long": with_(debts__0__creditor="借" * 100_001),
    "problem_not_a_choice": with_(debts__0__product="payday"),
    "problem_not_yes_no": with_(agreements=[{"creditor": "借呗", "start_date": "2026-12-10", "months": 12,
                                             "monthly_payment": 500, "interest_frozen": "maybe"}]),
    "problem_duplicate_creditor": with_(debts=BASE["debts"] * 2),
    "problem_unknown_creditor": with_(payments=[{"date": "2026-11-01", "creditor": "花呗", "amount": 100}]),
    "problem_missing_rate": with_(debts=[{"creditor": "亲戚", "principal": 3000}]),
    "problem_both_rates": with_(debts__0__daily_rate="万四", debts__0__annual_rate="12%"),
    "problem_start_after_as_of": with_(debts__0__start_date="2027-01-01"),
    "problem_overdue_after_as_of": with_(debts__0__overdue_since="2027-01-01"),
    "problem_overdue_before_start": with_(debts__0__start_date="2026-09-01"),
    "problem_overdue_more_than_principal": with_(debts__0__overdue_amount=30000),
    "problem_overdue_needs_date": with_(debts=[{"creditor": "借呗", "principal": 100, "overdue_amount": 100,
                                                "overdue_since": None}]),
    "problem_empty_debt": with_(debts=[{}]),
    "problem_offer_one_of": with_(debts__0__offers=[{"name": "bank", "months": 12}]),
    "problem_missing_months": with_(debts__0__offers=[{"name": "bank", "monthly_payment": 500}]),
    "problem_agreement_needs_payment": with_(agreements=[{"creditor": "借呗", "start_date": "2026-12-10",
                                                          "months": 12}]),
    "problem_amends_unknown": with_(negotiations=[{"date": "2026-11-20", "creditor": "借呗", "channel": "phone",
                                                   "outcome": "x", "amends": "c-nothing"}]),
    "problem_id_not_text": with_(payments=[{"id": ["x"], "date": "2026-11-01", "creditor": "借呗", "amount": 1}]),
    "problem_id_duplicate": with_(payments=[{"id": "p1", "date": "2026-11-01", "creditor": "借呗", "amount": 1},
                                            {"id": "p1", "date": "2026-11-02", "creditor": "借呗", "amount": 2}]),
    "problem_currency": with_(currency="yuan"),
    "problem_fee_table_months": with_(debts__0__installment_fee_rates={-3: 0.1}),
    "problem_too_many_months": with_(income=[{"name": "x", "recent": [100] * 30}]),
    "problem_too_many": with_(debts=[{"creditor": f"d{i}", "principal": 1, "annual_rate": 0} for i in range(51)]),
    # collections, court papers, letters sent (issue 13)
    "problem_missing_choice": with_(collections=[{"at": "2026-11-20 21:30", "creditor": "借呗"}]),
    "problem_missing_moment": with_(collections=[{"creditor": "借呗", "contacted": "family"}]),
    "problem_not_a_moment": with_(collections=[{"at": "昨晚", "creditor": "借呗", "contacted": "family"}]),
    "problem_reply_before_sent": with_(letters=[{"kind": "complaint", "creditor": "借呗", "date": "2026-11-20",
                                                 "reply_by": "2026-11-01"}]),
    "problem_happened_in_future": with_(court_events=[{"kind": "payment_order", "creditor": "借呗",
                                                       "received": "2099-01-01"}]),
    "problem_court_date_order": with_(court_events=[{"kind": "complaint", "creditor": "借呗", "received": "2026-11-20",
                                                     "hearing": "2026-11-01"}]),
    "problem_call_days": with_(call_imports=[{"file": "c.xml", "sha256": "a" * 64, "creditor": "借呗",
                                              "numbers": [{"phone": "13800138000", "days": "11月3日 5次"}]}]),
    "problem_call_hash": with_(call_imports=[{"file": "c.xml", "sha256": "abc", "creditor": "借呗"}]),
    "problem_call_period": with_(call_imports=[{"file": "c.xml", "sha256": "a" * 64, "creditor": "借呗",
                                                "first_day": "2026-11-10", "last_day": "2026-11-01"}]),
}
ALLOWED_LATIN = {"APR", "App", "UTF", "YAML", "CNY", "make", "profile", "true", "false"}


def problems_of(data):
    with pytest.raises(ProfileError) as err:
        parse_profile(data, "p.yaml")
    return err.value


@pytest.mark.parametrize("code", sorted(CASES))
def test_each_kind_of_problem_is_told_in_both_languages(code):
    error = problems_of(CASES[code])
    found = [p for p in error.problems if p.code == code]
    assert found, [p.code for p in error.problems]
    for p in found:
        zh, en = problem_text(p, "zh"), problem_text(p, "en")
        assert zh and en and zh != en
        # the person's own words (quoted values, record names in brackets) aside:
        en_words = re.sub(r"'[^']*'|\([^)]*\)", "", en)
        zh_words = re.sub(r"“[^”]*”|（[^）]*）", "", zh)
        assert not re.search(r"[\u4e00-\u9fff]", en_words), en
        if code != "problem_unknown_key":  # that one lists the names the file may use
            assert "[" not in zh_words and "[" not in en_words and "_" not in en_words, (zh, en)


def test_every_problem_sentence_has_a_case_or_is_a_file_problem():
    file_level = {"problem_no_file", "problem_is_folder", "problem_not_text_file", "problem_bad_yaml",
                  "problem_not_a_mapping", "problem_missing_outcome", "problem_symlink_loop", "problem_name_too_long",
                  "problem_no_permission", "problem_cannot_read", "problem_not_a_file", "problem_too_big",
                  "problem_control_character", "problem_more_control_lines", "problem_yaml_alias",
                  "problem_yaml_anchor", "problem_yaml_tag", "problem_too_deep", "problem_yaml_merge",
                  "problem_key_not_a_name", "problem_duplicate_key", "problem_save_failed", "problem_save_not_a_file",
                  "problem_save_read_only", "problem_save_folder", "problem_save_folder_read_only",
                  "problem_save_locked", "problem_save_not_faithful"}
    codes = {k for k in SENTENCES if k.startswith("problem_")}
    assert codes - set(CASES) - file_level == set()


def test_five_problems_in_a_chinese_profile_give_five_chinese_messages():
    data = with_(income=[{"name": "工资", "amount": "很多"}], household={"adults": "两个"}, as_of="2026-13-01",
                 debts__0__daily_rate="年化18%",
                 payments=[{"date": "2026-11-01", "creditor": "花呗", "amount": 100}])
    error = problems_of(data)
    assert error.lang == "zh" and len(error.problems) == 5
    text = problems_text(error)
    lines = text.splitlines()
    assert lines[0] == "资料里有 5 处需要改正：" and len(lines) == 6
    for line in lines[1:]:
        written = re.sub(r"“[^”]*”", "", line)  # the person's own values, quoted as written
        words = set(re.findall(r"[A-Za-z]{2,}", written))
        assert words <= ALLOWED_LATIN, (line, words)


def test_cli_tells_problems_in_the_profile_language_and_paths_only_in_json(tmp_path, capsys):
    import json

    import yaml

    f = tmp_path / "p.yaml"
    f.write_text(yaml.safe_dump(CASES["problem_rate_range"], allow_unicode=True), encoding="utf-8")
    assert main(["assess", "--profile", str(f)]) == 2
    err = capsys.readouterr().err
    assert "第1笔欠款（借呗）的日利率：“5%”超出了合理范围" in err and "daily_rate" not in err
    assert main(["assess", "--profile", str(f), "--format", "json"]) == 2
    out = json.loads(capsys.readouterr().out)
    assert out["problems"][0]["path"] == "debts[0].daily_rate" and out["problems"][0]["code"] == "problem_rate_range"
    assert main(["assess", "--profile", str(f), "--lang", "en"]) == 2
    assert "debt 1 (借呗), daily rate: '5%' is outside the possible range" in capsys.readouterr().err


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_file_and_save_problems_are_told_in_both_languages(lang):
    from debtplan.core.errors import Problem, SaveError
    from debtplan.text.problems import error_text

    blanks = {"file": "/home/li/me.yaml", "detail": "No space left on device", "line": 12, "column": 3,
              "names": "NUL", "count": 2, "name": "amount", "tag": "!!set", "limit": 256, "folder": "/home/li",
              "seconds": "20"}
    for code in sorted(k for k in SENTENCES if k.startswith("problem_save_") or k.startswith("problem_yaml_")
                       or k in ("problem_too_big", "problem_control_character", "problem_duplicate_key",
                                "problem_not_a_file", "problem_symlink_loop", "problem_cannot_read")):
        said = problem_text(Problem("", "", 300000, "p.yaml", code, blanks), lang)
        assert said and "{" not in said, code
        assert bool(re.search(r"[\u4e00-\u9fff]", said)) == (lang == "zh"), said
    read_only = SaveError("English for the log", "problem_save_read_only", file="/home/li/me.yaml")
    assert error_text(read_only, lang).startswith("/home/li/me.yaml " if lang == "zh" else "/home/li/me.yaml is")


def _date_fields():
    from debtplan.core.schema import SECTIONS, TOP
    return [(f.name, g.name, g.future) for f in TOP if f.kind == "list" for g in SECTIONS[f.section]
            if g.kind in ("date", "moment")]


@pytest.mark.parametrize("key,name,future", _date_fields())
def test_a_date_is_checked_against_today_exactly_when_the_schema_says_it_cannot_lie_ahead(key, name, future):
    """Each date of a record list, set far ahead: refused at its place when the schema does not mark it ``future``,
    and never refused for lying ahead when it does (the validator reads the schema, not a list of its own)."""
    import copy
    record = {"debts": copy.deepcopy(BASE["debts"][0]), "negotiations": {"creditor": "借呗", "date": "2026-11-01"},
              "payments": {"creditor": "借呗", "date": "2026-11-01", "amount": 100},
              "collections": {"creditor": "借呗", "at": "2026-11-01 10:00", "contacted": "borrower"},
              "court_events": {"kind": "payment_order", "creditor": "借呗", "received": "2026-11-01"},
              "letters": {"kind": "complaint", "creditor": "借呗", "date": "2026-11-01"},
              "agreements": {"creditor": "借呗", "start_date": "2026-12-01", "months": 12, "monthly": 100},
              "call_imports": {"file": "c.xml", "sha256": "a" * 64, "creditor": "借呗", "first_day": "2026-11-01",
                               "last_day": "2026-11-02", "imported": "2026-11-03"},
              "credit_objections": {"institution": "借呗", "kind": "wrong_amount", "sent": "2026-11-01",
                                    "answered": "2026-11-02"}}
    assert key in record, f"add a sample {key} record to this test"
    data = copy.deepcopy(BASE)
    item = copy.deepcopy(record[key])
    item[name] = "2099-01-01"
    data[key] = [item]
    try:
        parse_profile(data, "p.yaml")
        found = []
    except ProfileError as err:
        found = [p for p in err.problems if p.code == "problem_happened_in_future"]
    places = [p.path for p in found]
    assert places == ([] if future else [f"{key}[0].{name}"])
