"""User text reaches every output clean: no control character, escape sequence or bidi override from a name or a
note gets into the report's parts, the letters, the calendar file or the terminal (cleaned at each output by
core/usertext.py and present/safe.py; the profile file keeps the text as typed)."""
import re
import shutil

import pytest

from debtplan.calc.assessment import assess
from debtplan.inputs.profile import load_profile
from debtplan.inputs.rules import load_rules
from debtplan.present import views
from debtplan.present.legal import legal_html
from debtplan.present.pack import pack_html
from debtplan.run.calendar import calendar_bytes
from debtplan.run.cli import main
from debtplan.run.letters import letter_copies

from conftest import FIXTURES

HOSTILE = FIXTURES / "hostile-text.yaml"
UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
RULES = load_rules()


def assert_clean(text: str, where: str) -> None:
    found = UNSAFE.search(text)
    assert found is None, f"{where}: {text[max(found.start() - 60, 0):found.end() + 10]!r}"


@pytest.fixture(scope="module")
def profile():
    p = load_profile(HOSTILE)
    assert "\x1b" in p.debts[0].creditor and "\u202e" in p.debts[0].creditor  # the fixture does carry them
    return p


@pytest.fixture(scope="module")
def assessment(profile):
    return assess(profile, RULES)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_report_parts_are_clean(assessment, lang):
    assert_clean(legal_html(assessment, RULES, lang), "part 5")
    assert_clean(pack_html(assessment, lang), "negotiation pack")
    for name in ("cash_flow_html", "owed_html", "plans_html", "benchmarks_html", "warnings_html"):
        assert_clean(getattr(views, name)(assessment, lang), name)
    assert "Bank" in legal_html(assessment, RULES, lang)  # the name is shown, only the invisible parts go


def test_letters_are_clean(profile):
    copies = letter_copies(profile)
    assert copies
    for name, data in copies.items():
        assert_clean(name, "letter file name")
        assert_clean(data.decode("utf-8"), name)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_calendar_file_is_clean(profile, lang):
    text = calendar_bytes(profile, RULES, lang).decode("utf-8")
    assert_clean(text.replace("\r\n", ""), "calendar")
    assert "Bank" in text


def test_terminal_output_is_clean(tmp_path, capsys):
    path = tmp_path / "hostile.yaml"
    shutil.copy(HOSTILE, path)
    assert main(["assess", "--profile", str(path)]) == 0
    name = "Bank\x1b]0;pwn\x07\u202e\x00"  # the debt's creditor, as the file spells it
    for kind in ("negotiation", "collection", "court", "letter"):
        assert main(["log", "--profile", str(path), "--kind", kind, "--creditor", name, "--channel", "phone",
                     "--outcome", "x\x1b[2J", "--date", "2026-11-27"]) == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    assert_clean(out, "terminal")
    assert out.count("Bank]0;pwn") >= 4
