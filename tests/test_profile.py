import os
from decimal import Decimal
from pathlib import Path

import pytest

from debtplan.core.errors import ProfileError, SaveError
from debtplan.inputs.profile import load_profile, parse_profile, read_profile_dict, save_profile
from debtplan.text.problems import problems_text

from conftest import EXAMPLES, FIXTURES

D = Decimal


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_examples_load(path):
    p = load_profile(path)
    assert p.debts and p.income
    assert p.lang in ("zh", "en")


def test_default_example_is_the_article_case():
    p = load_profile(Path(__file__).parents[1] / "data/examples/xiao-li.yaml")
    assert p.lang == "zh" and p.debts[0].product == "jiebei" and p.debts[0].principal == D(20000)


def test_every_problem_reported_at_once():
    with pytest.raises(ProfileError) as err:
        load_profile(FIXTURES / "many-problems.yaml")
    paths = [p.path for p in err.value.problems]
    for expected in ["lang", "as_of", "household.adults", "income[0].amount", "debts[1].principal",
                     "debts[1].daily_rate", "debts[1].colour", "debts[1].overdue_since", "debts[2].creditor",
                     "debts[2].daily_rate"]:
        assert expected in paths, (expected, paths)
    assert "fixed_costs[0].category" not in paths  # an unknown category is not an error
    assert "debts[0]" not in paths and not any(p.startswith("debts[0].") for p in paths)
    assert err.value.lang == "en"  # lang: fr cannot be read, so the problems are told in English
    text = problems_text(err.value)
    assert "debt 2 (B), daily rate: '0.5' is outside the possible range. Write a daily rate as 0.0004 or 0.04%" \
        in text
    assert "debt 2 (B): 'colour' is not a name we know here" in text
    assert "[" not in text  # no technical paths for a person
    zh = problems_text(err.value, "zh")
    assert "第2笔欠款（B）的日利率：“0.5”超出了合理范围。" in zh


def test_unknown_category_is_a_warning_with_a_suggestion():
    from debtplan.calc.assessment import assess
    from debtplan.inputs.rules import load_rules
    from debtplan.text.i18n import warning_text

    p = parse_profile({"name": "x", "as_of": "2026-11-28", "income": [{"name": "pay", "amount": 5000}],
                       "flexible_costs": [{"category": "孩子学费", "amount": 300}, {"category": "水果", "amount": 100},
                                          {"category": "水果", "amount": 50}]})
    assert [c.category for c in p.flexible_costs] == ["other", "other", "other"]
    assert [c.name for c in p.flexible_costs] == ["孩子学费", "水果", "水果"]  # each line keeps its own name
    a = assess(p, load_rules())
    said = [warning_text(w, "zh") for w in a.warnings if w.code == "unknown_category"]
    assert len(said) == 2  # once per word
    assert "“孩子学费”" in said[0] and "教育" in said[0] and "“水果”" in said[1] and "如果它属于" not in said[1]


def test_amounts_as_strings_or_numbers_are_exact():
    p = parse_profile({"name": "x", "as_of": "2026-11-28", "income": [{"name": "a", "amount": "5800.10"},
                                                                     {"name": "b", "amount": 0.1}],
                       "debts": [{"creditor": "c", "principal": "1,000.05", "annual_rate": "12%"}]})
    assert p.income[0].amount == D("5800.10") and p.income[1].amount == D("0.1")
    assert p.debts[0].principal == D("1000.05") and p.debts[0].annual_rate == D("0.12")


def test_overrides_in_profile():
    p = parse_profile({"name": "x", "as_of": "2026-11-28", "debts": [
        {"creditor": "c", "product": "jiebei", "principal": 100, "penalty_multiplier": 2}]})
    assert p.debts[0].rule.penalty_multiplier == 2


def test_missing_and_bad_files():
    with pytest.raises(ProfileError) as err:
        load_profile("/nonexistent/x.yaml")
    assert err.value.problems[0].code == "problem_no_file"
    assert "There is no profile at /nonexistent/x.yaml" in problems_text(err.value)


def test_bad_yaml_gives_line(tmp_path):
    f = tmp_path / "p.yaml"
    f.write_text("name: x\ndebts:\n  - creditor: a\n principal: 1\n", encoding="utf-8")
    with pytest.raises(ProfileError) as err:
        load_profile(f)
    assert "line 4, column 2" in problems_text(err.value, "en") and "第 4 行第 2 列" in problems_text(err.value, "zh")


def test_save_is_atomic_and_keeps_backup(tmp_path):
    src = Path(__file__).parents[1] / "data/examples/xiao-li.yaml"
    f = tmp_path / "p.yaml"
    f.write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    data = read_profile_dict(f)
    data["income"][0]["amount"] = D("6000.00")
    save_profile(data, f)
    assert load_profile(f).income[0].amount == D("6000.00")
    assert (tmp_path / "p.yaml.bak").read_text(encoding="utf-8") == src.read_text(encoding="utf-8")
    assert "工资" in f.read_text(encoding="utf-8")  # Chinese kept readable


def test_invalid_data_is_not_written(tmp_path):
    f = tmp_path / "p.yaml"
    f.write_text("name: x\n", encoding="utf-8")
    with pytest.raises(ProfileError):
        save_profile({"name": "x", "debts": [{"creditor": "a"}]}, f)
    assert f.read_text(encoding="utf-8") == "name: x\n"
    assert not list(tmp_path.glob(".p.yaml.*"))


def test_failed_write_leaves_file_as_it_was(tmp_path, monkeypatch):
    f = tmp_path / "p.yaml"
    f.write_text("name: x\n", encoding="utf-8")

    def broken_replace(a, b):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(SaveError, match="previous file is unchanged"):
        save_profile({"name": "y"}, f)
    assert f.read_text(encoding="utf-8") == "name: x\n"
    assert not list(tmp_path.glob(".p.yaml.*"))


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030"])
def test_windows_encodings_are_read(tmp_path, encoding):
    src = (Path(__file__).parents[1] / "data/examples/xiao-li.yaml").read_text(encoding="utf-8")
    f = tmp_path / "p.yaml"
    f.write_bytes(src.replace("\n", "\r\n").encode(encoding))
    p = load_profile(f)
    assert p.debts[0].creditor == "借呗" and p.income[0].name == "工资（税后）"


def test_folder_instead_of_file(tmp_path):
    with pytest.raises(ProfileError) as err:
        load_profile(tmp_path)
    assert "is a folder" in problems_text(err.value)


def test_settings_of_zero_are_kept():
    p = parse_profile({"name": "x", "as_of": "2026-11-28", "settings": {"stress_income_drop": 0, "creditor_floor": 0,
                                                                       "buffer_rate": "0%", "frozen_monthly_fee": 0}})
    s = p.settings
    assert (s.stress_income_drop, s.creditor_floor, s.buffer_rate, s.frozen_monthly_fee) == (0, 0, 0, 0)
    default = parse_profile({"name": "x", "as_of": "2026-11-28"}).settings
    assert default.stress_income_drop == D("0.20") and default.creditor_floor == D(50)


def test_an_older_file_is_upgraded_on_save_and_its_ids_are_stable(tmp_path):
    f = tmp_path / "p.yaml"
    f.write_text("# mine\nname: x\nas_of: 2026-11-28\ndebts:\n  - {creditor: 借呗, principal: 100, annual_rate: 0.1}\n"
                 "payments:\n  - {date: 2026-11-01, creditor: 借呗, amount: 50}   # first\n", encoding="utf-8")
    before = load_profile(f).payments[0].id
    assert before == load_profile(f).payments[0].id  # the same content gives the same id on every read
    save_profile(read_profile_dict(f), f)
    text = f.read_text(encoding="utf-8")
    assert "version: 2" in text and f"id: {before}" in text and "# mine" in text and "# first" in text
    assert load_profile(f).payments[0].id == before and load_profile(f).version == 2
