"""Control characters and bidirectional overrides a person typed never reach the terminal or the .ics file."""
from __future__ import annotations

from pathlib import Path

import pytest

from debtplan.inputs.profile import load_profile
from debtplan.run.calendar import calendar_bytes
from debtplan.run.cli import main

HOSTILE = "借呗\x1b[31m\x00\u202eevil\x07"
BAD = ("\x1b", "\x00", "\u202e", "\x07")


@pytest.fixture
def me(tmp_path: Path) -> Path:
    """The Zhangs' profile with 借呗 renamed to a name holding ESC, NUL, U+202E and BEL (as YAML escapes)."""
    profile = tmp_path / "me.yaml"
    text = (Path(__file__).parent / "fixtures" / "agreements.yaml").read_text(encoding="utf-8")
    text = text.replace("creditor: 借呗", 'creditor: "借呗\\e[31m\\0\\u202Eevil\\a"')
    profile.write_text(text.replace("name: zhang-agreements", 'name: "zhang\\e]0;x\\a"'), encoding="utf-8")
    return profile


@pytest.mark.parametrize("kind", ["negotiation", "collection", "court", "letter"])
def test_log_prints_no_escape_sequence_from_a_creditor_name(kind: str, me: Path, capsys) -> None:
    extra = ["--channel", "app", "--outcome", "ok"] if kind == "negotiation" else []
    assert main(["log", "--profile", str(me), "--kind", kind, "--creditor", HOSTILE, "--date", "2026-11-20",
                 *extra]) == 0
    out = capsys.readouterr().out
    assert "借呗" in out and not any(c in out for c in BAD)


def test_calendar_file_holds_no_control_or_bidi_character(me: Path) -> None:
    profile = load_profile(me)
    assert any("\x1b" in d.creditor for d in profile.debts)  # the hostile name is in the profile
    ics = calendar_bytes(profile).decode("utf-8")
    assert "借呗" in ics and "evil" in ics
    assert not any(c in ics for c in BAD)
