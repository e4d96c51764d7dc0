import os
from decimal import Decimal
from pathlib import Path

import pytest

from debtplan.core.errors import ProfileError, SaveError
from debtplan.inputs.profile import load_profile, parse_profile, read_profile_dict, save_profile

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
    text = str(err.value)
    for expected in ["lang", "as_of", "household.adults", "income[0].amount", "fixed_costs[0].category",
                     "debts[1].principal", "debts[1].daily_rate", "debts[1].colour", "debts[1].overdue_since",
                     "debts[2].creditor", "debts[2].daily_rate"]:
        assert expected in paths, (expected, paths)
    assert "debts[1].daily_rate: 0.5 is not a daily rate (expected 0 < rate <= 0.01; 0.0005 means 0.05% a day)" \
        in text
    assert "did you mean 'rent'?" in text
    assert "many-problems.yaml" in text
    assert "debts[0]" not in paths and not any(p.startswith("debts[0].") for p in paths)


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
    with pytest.raises(ProfileError, match="no profile at"):
        load_profile("/nonexistent/x.yaml")


def test_bad_yaml_gives_line(tmp_path):
    f = tmp_path / "p.yaml"
    f.write_text("name: x\ndebts:\n  - creditor: a\n principal: 1\n", encoding="utf-8")
    with pytest.raises(ProfileError, match="line"):
        load_profile(f)


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
    with pytest.raises(ProfileError, match="is a folder"):
        load_profile(tmp_path)
