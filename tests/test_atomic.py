"""Replacing a file whole (debtplan.core.atomic), as reports, indexes and fonts are written."""
import os

import pytest

from debtplan.core.atomic import replace_file


def test_replaces_whole_with_the_mode_less_the_umask(tmp_path):
    target = tmp_path / "index.html"
    target.write_text("old", encoding="utf-8")
    mask = os.umask(0o022)
    try:
        replace_file(target, "新的".encode("utf-8"), 0o666)
    finally:
        os.umask(mask)
    assert target.read_text(encoding="utf-8") == "新的"
    assert oct(target.stat().st_mode & 0o777) == oct(0o644)
    assert [p.name for p in tmp_path.iterdir()] == ["index.html"]


def test_a_failure_leaves_the_old_file_and_no_temporary_one(tmp_path):
    target = tmp_path / "index.html"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(TypeError):
        replace_file(target, "not bytes")  # the write fails after the temporary file was made
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["index.html"]
