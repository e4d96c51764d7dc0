"""User text never breaks a report, a chart or the terminal (issue 12): any Unicode a person can type is shown
as typed, control characters never pass, `$` stays text, long text is cut for display, the file keeps it all."""
from __future__ import annotations

import copy
import os
import subprocess
import sys

import pytest

from debtplan.calc.assessment import assess
from debtplan.core.usertext import clean_text, terminal_text
from debtplan.inputs.profile import parse_profile, read_profile_dict
from debtplan.inputs.rules import load_rules
from debtplan.present import charts, pack, views
from debtplan.present.safe import NO_MATH

from conftest import ROOT

RULES = load_rules()
NAMES = {"emoji": "借呗🙏", "dollars": "a $x^2$ b $$", "cr": "借\r呗", "esc": "借\x1b[31m呗", "nul": "借\x00呗",
         "bidi": "借\u202e呗", "long": "长" * 100000, "html": "<script>alert(1)</script>"}


def assessment_with(name: str):
    data = read_profile_dict(ROOT / "data" / "examples" / "sam.yaml")
    data["debts"][0]["creditor"] = name
    data["debts"][0]["offers"] = [{"name": name, "months": 12, "monthly_payment": 100}]
    data.setdefault("borrower", {})["name"] = name
    data["negotiations"] = [{"date": "2026-11-20", "creditor": name, "channel": "phone", "outcome": name}]
    return assess(parse_profile(copy.deepcopy(data), "x", RULES), RULES)


def all_html(a, lang):
    return "".join([views.header_html(a, lang, "nb1_title", standalone=True), views.cash_flow_html(a, lang),
                    views.owed_html(a, lang), views.plans_html(a, lang), pack.pack_html(a, lang)])


@pytest.mark.slow
@pytest.mark.parametrize("case", sorted(NAMES))
def test_any_name_renders_every_part_and_chart(case):
    a = assessment_with(NAMES[case])
    for lang in (("zh", "en")[sorted(NAMES).index(case) % 2],):  # each language for half the cases
        html = all_html(a, lang)
        assert "<script>" not in html and "\x1b" not in html and "\x00" not in html and "\r" not in html
        assert "\u202e" not in html
        if case == "emoji":
            assert "借呗🙏" in html  # as typed in the page (the browser's own fonts draw it)
        if case == "dollars":
            assert "a $x^2$ b $$" in html and NO_MATH in html
        if case == "long":
            assert "长" * 199 + "…" in html and "长" * 5001 not in html and len(html) < 3_000_000


def test_chart_text_is_drawable_text():
    assert charts.chart_text("借呗🙏 $$\x1b") == "借呗□ $$"
    assert charts.chart_text("长" * 1000) == "长" * (charts.CHART_TEXT_LIMIT // 2 - 1) + "…"
    assert len(charts.chart_text("x" * 1000)) == charts.CHART_TEXT_LIMIT


def test_clean_text_keeps_what_people_type():
    assert clean_text("小李 🙏 $$ “引号” 1,500.50") == "小李 🙏 $$ “引号” 1,500.50"
    assert clean_text("a\x00b\x1b[0mc\x9bd\u2066e") == "ab[0mcde"
    assert clean_text("x" * 201) == "x" * 199 + "…" and clean_text("x" * 200) == "x" * 200
    assert terminal_text("a\x1b[2Jb\nc") == "a[2Jb\nc"


def cli(*args, **kw):
    env = dict(os.environ, PYTHONPATH=str(ROOT / "lib"))
    return subprocess.run([sys.executable, "-m", "debtplan.run.cli", *args], capture_output=True, text=True, env=env,
                          **kw)


def test_ansi_escapes_in_names_never_reach_the_terminal(tmp_path):
    f = tmp_path / "p.yaml"
    f.write_text((ROOT / "data/examples/xiao-li.yaml").read_text(encoding="utf-8")
                 .replace("name: 小李", 'name: "小\\e[31m李\\e]0;title\\a"')
                 .replace("creditor: 借呗", 'creditor: "借呗\\e[2J\\x9b"'), encoding="utf-8")
    for fmt in ("table", "json"):
        proc = cli("assess", "--profile", str(f), "--format", fmt)
        assert proc.returncode == 0, proc.stderr
        assert "\x1b" not in proc.stdout and "\x9b" not in proc.stdout and "\x07" not in proc.stdout
    proc = cli("log", "--profile", str(f), "--creditor", "nobody\x1b[2J", "--channel", "phone", "--outcome", "x")
    assert proc.returncode == 2 and "\x1b" not in proc.stderr


def test_assess_into_head_ends_quietly():
    env = dict(os.environ, PYTHONPATH=str(ROOT / "lib"))
    proc = subprocess.run(f"{sys.executable} -m debtplan.run.cli assess --profile data/examples/sam.yaml --format json"
                          " | head -1", shell=True, capture_output=True, text=True, env=env, cwd=ROOT)
    assert proc.stdout == "{\n" and "Traceback" not in proc.stderr and "BrokenPipe" not in proc.stderr


def test_minus_zero_income_never_prints_minus_zero(tmp_path):
    f = tmp_path / "p.yaml"
    f.write_text((ROOT / "data/examples/xiao-li.yaml").read_text(encoding="utf-8")
                 .replace("amount: 5800", 'amount: "-0"'), encoding="utf-8")
    for fmt in ("table", "json"):
        proc = cli("assess", "--profile", str(f), "--format", fmt)
        assert proc.returncode == 0 and "-0.00" not in proc.stdout and "-CNY 0.00" not in proc.stdout


def test_misplaced_separators_are_a_named_problem(tmp_path):
    f = tmp_path / "p.yaml"
    f.write_text((ROOT / "data/examples/xiao-li.yaml").read_text(encoding="utf-8")
                 .replace("amount: 5800", 'amount: "1,2,3"'), encoding="utf-8")
    proc = cli("assess", "--profile", str(f))
    assert proc.returncode == 2 and "第1项收入（工资（税后））的金额：“1,2,3”不是金额" in proc.stderr
    assert "Traceback" not in proc.stderr
