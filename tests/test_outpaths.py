"""`--out` never overwrites what is not debtplan's, and the calculators check their input as profiles do."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from debtplan.core.paths import EXAMPLES_DIR
from debtplan.run.outpaths import REPORT_MARKER, out_path_problem
from debtplan.run.cli import main


@pytest.fixture
def me(tmp_path: Path) -> Path:
    profile = tmp_path / "me.yaml"
    shutil.copy(EXAMPLES_DIR / "xiao-li.yaml", profile)
    return profile


def _refused(argv: list[str], capsys, word: str = "--out") -> str:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert word in err and "Traceback" not in err
    return err


def test_calendar_out_the_profile_is_refused_and_the_profile_kept(me: Path, capsys) -> None:
    before = me.read_bytes()
    err = _refused(["calendar", "--profile", str(me), "--out", str(me)], capsys)
    assert "资料文件" in err  # the profile's language
    assert me.read_bytes() == before


def test_calendar_out_a_link_to_the_profile_or_another_file_is_refused(me: Path, tmp_path: Path, capsys) -> None:
    (tmp_path / "link.ics").symlink_to(me)
    other = tmp_path / "other.ics"
    other.write_text("BEGIN:VCALENDAR\n", encoding="utf-8")
    (tmp_path / "link2.ics").symlink_to(other)
    before = me.read_bytes()
    _refused(["calendar", "--profile", str(me), "--out", str(tmp_path / "link.ics")], capsys)
    _refused(["calendar", "--profile", str(me), "--out", str(tmp_path / "link2.ics"), "--lang", "en"], capsys)
    assert me.read_bytes() == before and other.read_text(encoding="utf-8") == "BEGIN:VCALENDAR\n"


def test_calendar_out_a_folder_or_a_foreign_file_is_refused(me: Path, tmp_path: Path, capsys) -> None:
    err = _refused(["calendar", "--profile", str(me), "--out", str(tmp_path), "--lang", "en"], capsys)
    assert "folder" in err
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes", encoding="utf-8")
    _refused(["calendar", "--profile", str(me), "--out", str(notes)], capsys)
    assert notes.read_text(encoding="utf-8") == "my notes"


def test_calendar_replaces_its_own_file(me: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "dates.ics"
    assert main(["calendar", "--profile", str(me), "--out", str(out)]) == 0
    assert main(["calendar", "--profile", str(me), "--out", str(out)]) == 0
    assert out.read_bytes().startswith(b"BEGIN:VCALENDAR")


@pytest.mark.parametrize("command", ["report", "batch"])
def test_report_and_batch_refuse_root_a_file_and_a_foreign_folder(command: str, me: Path, tmp_path: Path,
                                                                    capsys) -> None:
    def argv(out: Path | str) -> list[str]:
        return (["report", "--profile", str(me)] if command == "report" else ["batch", str(me)]) + ["--out", str(out)]

    before = me.read_bytes()
    _refused(argv("/"), capsys)
    _refused(argv(me), capsys)
    folder = tmp_path / "stuff"
    folder.mkdir()
    (folder / "thesis.docx").write_text("years of work", encoding="utf-8")
    _refused(argv(folder), capsys)
    assert me.read_bytes() == before and sorted(p.name for p in folder.iterdir()) == ["thesis.docx"]


def test_report_folders_are_recognised_by_marker_or_by_an_older_layout(tmp_path: Path) -> None:
    marked = tmp_path / "marked"
    marked.mkdir()
    (marked / REPORT_MARKER).write_text("", encoding="utf-8")
    (marked / "anything.txt").write_text("", encoding="utf-8")
    assert out_path_problem(marked, "folder") is None
    old = tmp_path / "old"
    (old / "xiao-li").mkdir(parents=True)
    for name in ("index.html", "index.csv", "xiao-li/index.html", "xiao-li/01-budget.ipynb"):
        (old / name).write_text("", encoding="utf-8")
    assert out_path_problem(old, "folder") is None
    (old / "xiao-li" / "diary.docx").write_text("", encoding="utf-8")
    assert out_path_problem(old, "folder") is not None
    assert out_path_problem(tmp_path / "new", "folder") is None


CALC = {
    "owed": ["owed", "--principal", "20000", "--daily-rate", "0.0004", "--days-overdue", "90"],
    "apr": ["apr", "--amount", "10000", "--payment", "900", "--months", "12"],
    "schedule": ["schedule", "--principal", "10000", "--months", "12"],
}


@pytest.mark.parametrize("command, extra, says", [
    ("owed", ["--court-cap", "24"], "24% or 0.24"),
    ("owed", ["--court-cap", "-0.1"], "negative"),
    ("owed", ["--penalty-multiplier", "-1"], "negative"),
    ("owed", ["--penalty-multiplier", "11"], "largest"),
    ("owed", ["--daily-rate", "0.02"], "largest"),
    ("owed", ["--daily-rate", "-0.0004"], "--daily-rate"),
    ("owed", ["--principal", "1e1000000"], "--principal"),
    ("owed", ["--daily-rate", "1e1000000"], "--daily-rate"),
    ("owed", ["--days-overdue", "10000000"], "--days-overdue"),
    ("apr", ["--months", "10000000"], "1 to 600"),
    ("apr", ["--months", "601"], "1 to 600"),
    ("apr", ["--upfront-fee", "-5"], "negative"),
    ("schedule", ["--monthly-fee", "-1"], "negative"),
    ("schedule", ["--annual-rate", "1.5"], "largest"),
    ("schedule", ["--months", "0"], "1 to 600"),
    ("schedule", ["--daily-rate", "0.0004", "--start", "1800-01-01"], "1970"),
    ("schedule", ["--daily-rate", "0.0004", "--start", "2101-01-01"], "2100"),
])
def test_calculators_refuse_what_a_profile_would(command: str, extra: list[str], says: str, capsys) -> None:
    argv = CALC[command] + extra
    if command == "schedule" and "--annual-rate" not in extra and "--daily-rate" not in extra:
        argv += ["--annual-rate", "0.12"]
    with pytest.raises(SystemExit) as stop:
        main(argv)
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert says in err and "Traceback" not in err


def test_court_cap_written_as_a_percentage_or_a_fraction_is_read_alike(capsys) -> None:
    assert main(CALC["owed"] + ["--court-cap", "24%", "--format", "json"]) == 0
    with_percent = capsys.readouterr().out
    assert main(CALC["owed"] + ["--court-cap", "0.24", "--format", "json"]) == 0
    assert capsys.readouterr().out == with_percent
