"""Every notebook executed through papermill on every example profile in both languages, and the report."""
import json
import os
import re
import subprocess
import sys
import warnings
from collections.abc import Mapping
from pathlib import Path

import nbformat
import pytest

from debtplan.run.report import NOTEBOOKS, build_report

from conftest import EXAMPLES, ROOT
from debtplan.inputs.rules import load_rules

RULES = load_rules()

pytestmark = pytest.mark.slow
NB_DIR = ROOT / "notebooks"
CJK = re.compile(r"[\u3400-\u9fff]")


def test_notebooks_are_committed_without_outputs():
    for path in sorted(NB_DIR.glob("*.ipynb")):
        nb = json.loads(path.read_text(encoding="utf-8"))
        for cell in nb["cells"]:
            assert not cell.get("outputs") and not cell.get("execution_count"), path.name


def test_notebooks_are_thin_and_parameterized():
    for name, _ in NOTEBOOKS:
        nb = nbformat.read(NB_DIR / f"{name}.ipynb", as_version=4)
        params = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
        assert len(params) == 1
        for key in ("profile_path: str", "lang: str", "as_of: str", "interactive: bool"):
            assert key in params[0].source
        code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
        assert not re.search(r"^\s*(def|class|for|while) ", code, re.M), f"{name}: logic belongs in lib/"


def test_help_notebook_describes_parameters():
    proc = subprocess.run([str(Path(sys.executable).parent / "papermill"), "--help-notebook",
                           str(NB_DIR / "03-repayment-plans.ipynb")], capture_output=True, text=True)
    assert proc.returncode == 0
    for name in ("profile_path: str", "lang: str", "as_of: str", "interactive: bool"):
        assert name in proc.stdout


def test_papermill_cli_interactive_run(tmp_path):
    """The command from the README, with the widgets on (as in JupyterLab)."""
    out = tmp_path / "out.ipynb"
    proc = subprocess.run([str(Path(sys.executable).parent / "papermill"), str(NB_DIR / "03-repayment-plans.ipynb"),
                           str(out), "-p", "profile_path", str(ROOT / "data/examples/zhang-family.yaml"),
                           "-p", "lang", "en", "-p", "interactive", "True", "--cwd", str(NB_DIR)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-2000:]
    nb = nbformat.read(out, as_version=4)
    mimes = {m for c in nb.cells for o in c.get("outputs", []) for m in o.get("data", {})}
    assert "text/html" in mimes and "application/vnd.jupyter.widget-view+json" in mimes


def _papermill(*args, cwd=ROOT):
    return subprocess.run([str(Path(sys.executable).parent / "papermill"), *map(str, args)], capture_output=True,
                          text=True, cwd=cwd, env={k: v for k, v in os.environ.items() if k != "JPY_SESSION_NAME"}
                          | {"PWD": str(cwd)})


def test_headless_run_is_the_static_report_and_its_export_loads_nothing(tmp_path):
    """The README's papermill line (a path relative to where it is typed, --cwd notebooks) draws the static
    report by default; `jupyter nbconvert --to html` of it asks no CDN for anything, and Chromium with every
    request sent to a closed port shows the report."""
    from conftest import chromium_path

    out = tmp_path / "out.ipynb"
    proc = _papermill("notebooks/03-repayment-plans.ipynb", out, "-p", "profile_path", "data/examples/sam.yaml",
                      "-p", "lang", "en", "--cwd", "notebooks")
    assert proc.returncode == 0, proc.stderr[-2000:]
    nb = nbformat.read(out, as_version=4)
    mimes = {m for c in nb.cells for o in c.get("outputs", []) for m in o.get("data", {})}
    assert "text/html" in mimes and not any("widget" in m for m in mimes)
    export = subprocess.run([str(Path(sys.executable).parent / "jupyter"), "nbconvert", "--to", "html", str(out)],
                            capture_output=True, text=True, cwd=ROOT)
    assert export.returncode == 0, export.stderr[-2000:]
    page = out.with_suffix(".html").read_text(encoding="utf-8")
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=[\"']?(https?:)?//", page)
    assert "mathjax/" not in page.lower() and "require.min.js" not in page and 'class="jp-Mermaid' not in page
    browser = chromium_path()
    dom = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--proxy-server=127.0.0.1:9",
                          "--proxy-bypass-list=<-loopback>", "--virtual-time-budget=5000", "--dump-dom",
                          out.with_suffix(".html").as_uri()], capture_output=True, text=True, timeout=120)
    assert "Sam Taylor" in dom.stdout and "CNY" in dom.stdout


@pytest.mark.parametrize("param, value, said", [
    ("lang", "fr", "The parameter lang = 'fr' cannot be used: write zh or en"),
    ("lang", "5", "The parameter lang = 5 cannot be used: write zh or en"),
    ("as_of", "soon", "The parameter as_of = 'soon' cannot be used: write a date"),
])
def test_notebook_parameters_are_checked_as_the_cli_checks_them(tmp_path, param, value, said):
    proc = _papermill(NB_DIR / "01-cash-flow.ipynb", tmp_path / "o.ipynb", "-p", "profile_path",
                      ROOT / "data/examples/sam.yaml", "-p", param, value)
    assert proc.returncode != 0 and said in proc.stderr, proc.stderr[-2000:]
    assert "参数 " + param in proc.stderr


def test_a_missing_profile_gives_the_cli_sentence(tmp_path):
    proc = _papermill(NB_DIR / "01-cash-flow.ipynb", tmp_path / "o.ipynb", "-p", "profile_path", tmp_path / "no.yaml")
    cli = subprocess.run([str(Path(sys.executable).parent / "debtplan"), "report", "--profile", tmp_path / "no.yaml",
                          "--out", tmp_path / "r"], capture_output=True, text=True)
    sentence = cli.stderr.strip().removeprefix("debtplan report: ")
    assert cli.returncode == 2 and sentence and sentence in proc.stderr, proc.stderr[-2000:]
    assert "problem_no_file" not in proc.stderr


@pytest.fixture(scope="module")
def pool(kernel_pool):
    return kernel_pool


class _Reports(Mapping):
    """Every example's report in both languages, by (profile, lang); each built when first read (once a run,
    shared with the other tests that read the examples' reports)."""

    def __init__(self, get):
        self._get = get
        self._keys = [(path.stem, lang) for path in EXAMPLES for lang in ("zh", "en")]

    def __getitem__(self, key):
        if key not in self._keys:
            raise KeyError(key)
        return self._get(*key)

    def __iter__(self):
        return iter(self._keys)

    def __len__(self):
        return len(self._keys)


@pytest.fixture(scope="module")
def reports(example_report):
    return _Reports(example_report)


@pytest.mark.parametrize("profile", [p.stem for p in EXAMPLES])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_report_for_every_profile_and_language(reports, profile, lang):
    index = reports[(profile, lang)]
    folder = index.parent
    for name, _ in NOTEBOOKS:
        assert (folder / f"{name}.ipynb").exists() and (folder / f"{name}.html").exists()
        nb = nbformat.read(folder / f"{name}.ipynb", as_version=4)
        assert not any(o.get("output_type") == "error" for c in nb.cells for o in c.get("outputs", []))
    html = index.read_text(encoding="utf-8")
    for name, _ in NOTEBOOKS:
        assert f'id="{name}"' in html and f'href="#{name}"' in html
    # No code, no prompts, nothing from the network.
    assert "<script" not in html.lower()
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html, re.I)
    assert "@import" not in html and "url(http" not in html
    assert "open_profile" not in html and "In&nbsp;[" not in html and "Traceback" not in html
    assert "<svg" in html


def test_report_is_entirely_in_its_language(reports):
    en = reports[("sam", "en")].read_text(encoding="utf-8")
    text = re.sub(r"<style>.*?</style>|<svg.*?</svg>", "", en, flags=re.S)
    assert not CJK.search(text), CJK.findall(text)[:20]
    assert "Statement of my financial situation" in en and "Repayment proposal" in en
    zh = reports[("xiao-li", "zh")].read_text(encoding="utf-8")
    assert "个人经济状况说明" in zh and "还款协商申请" in zh
    for english in ("Monthly income", "Owed today", "Talking points", "What to prepare"):
        assert english not in zh


def test_pack_sections_in_every_report(reports):
    needed = {"zh": ["个人经济状况说明", "还款协商申请", "需要准备的材料", "沟通要点", "沟通记录", "已达成的协议"],
              "en": ["Statement of my financial situation", "Repayment proposal", "What to prepare",
                     "Talking points", "Contact log", "Agreed plans"]}
    for (profile, lang), index in reports.items():
        html = index.read_text(encoding="utf-8")
        for heading in needed[lang]:
            assert heading in html, (profile, lang, heading)
        assert html.count('class="dp-letter"') == len(__import__("debtplan").load_profile(
            ROOT / f"data/examples/{profile}.yaml").debts)


def test_fifth_part_in_every_report(reports):
    """Step 5 (when things go wrong) is the report's fifth part, in its language; xiao-li's collector called her
    sister, so her report carries the complaint letters."""
    needed = {"zh": ["第五步：遇到麻烦时", "要记住的日期", "催收记录（证据）", "法院文书和期限", "保护好自己", "12356"],
              "en": ["Step 5: when things go wrong", "Dates to keep", "Collection log (evidence)",
                     "Court papers and deadlines", "Staying safe", "12356"]}
    for (profile, lang), index in reports.items():
        html = index.read_text(encoding="utf-8")
        assert 'href="#05-when-things-go-wrong"' in html
        for text in needed[lang]:
            assert text in html, (profile, lang, text)
    assert "催收投诉信" in reports[("xiao-li", "zh")].read_text(encoding="utf-8")
    assert "Complaint letters about collection" in reports[("xiao-li", "en")].read_text(encoding="utf-8")


def test_charts_have_every_glyph():
    """Chinese chart text must not fall back to missing-glyph boxes (matplotlib warns 'missing from font')."""
    from debtplan.present import charts, views
    from debtplan.calc.assessment import assess
    from debtplan.inputs.profile import load_profile

    a = assess(load_profile(ROOT / "data/examples/zhang-family.yaml"), RULES)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for lang in ("zh", "en"):
            views.figure_html(charts.budget_chart(a.cash_flow, a.available, lang))
            views.figure_html(charts.waiting_chart(a.debts[0], lang, a.limits.court_cap))
            views.figure_html(charts.strategies_chart(a.strategies, lang))
            views.figure_html(charts.monthly_chart(a.debts[0], lang))
    assert not [w for w in caught if "missing from font" in str(w.message)]


def test_bad_profile_writes_nothing(tmp_path, pool):
    from debtplan.core.errors import ProfileError

    with pytest.raises(ProfileError):
        build_report(ROOT / "tests/fixtures/many-problems.yaml", tmp_path / "out", pool=pool)
    assert not (tmp_path / "out").exists()


def test_user_text_is_escaped(tmp_path, pool):
    src = (ROOT / "data/examples/xiao-li.yaml").read_text(encoding="utf-8")
    evil = src.replace("name: 小李", 'name: "<script>alert(1)</script>小李"').replace(
        "creditor: 借呗", 'creditor: "借呗<img src=x onerror=alert(1)>"')
    path = tmp_path / "evil.yaml"
    path.write_text(evil, encoding="utf-8")
    index = build_report(path, tmp_path / "out", pool=pool)
    html = index.read_text(encoding="utf-8")
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_missing_glyph_check_can_fail():
    """Control for the test above: with only a Latin font, Chinese chart text is refused, not printed as boxes."""
    import matplotlib
    from matplotlib.figure import Figure

    from debtplan.present import charts

    charts.setup_fonts()
    try:
        matplotlib.rcParams["font.family"] = ["DejaVu Sans"]
        fig = Figure()
        fig.add_subplot().set_title("还款方案")
        with pytest.raises(UserWarning, match="missing from font"):
            charts.figure_svg(fig)
    finally:
        charts.setup_fonts()


def test_notebooks_are_committed_as_jupyter_saves_them(tmp_path):
    """Opening a notebook and saving it through the Jupyter server (the path JupyterLab's save takes) writes
    the same bytes: the committed form is the saved form, so `git status` stays clean."""
    from jupyter_server.services.contents.filemanager import FileContentsManager

    for path in NB_DIR.glob("*.ipynb"):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    cm = FileContentsManager(root_dir=str(tmp_path))
    for path in sorted(tmp_path.glob("*.ipynb")):
        model = cm.get(path.name)
        cm.save({"type": "notebook", "format": "json", "content": model["content"]}, path.name)
        assert path.read_bytes() == (NB_DIR / path.name).read_bytes(), path.name
    nb = nbformat.read(NB_DIR / "01-cash-flow.ipynb", as_version=4)
    assert nb.metadata.language_info.get("pygments_lexer") == "ipython3"  # as a running kernel fills it in


def test_options_frame_per_debt_sorts_and_plots():
    from debtplan.calc.assessment import assess
    from debtplan.inputs.profile import load_profile
    from debtplan.present.export import options_frame

    a = assess(load_profile(ROOT / "data/examples/xiao-li.yaml"), RULES)
    d = a.debts[0]
    frame = options_frame(d, "zh")
    assert len(frame) == len(d.options) and frame["proposed"].sum() == 1
    assert all(str(frame[c].dtype) == "float64" for c in ("monthly_payment", "total_paid", "cost", "apr"))
    assert frame.loc[frame["proposed"]].index[0] and frame.sort_values("total_paid")["total_paid"].is_monotonic_increasing
    exact = options_frame(d, "en", exact=True)
    assert exact.loc[exact["proposed"], "total_paid"].iloc[0] == d.proposal.option.total_paid


def test_main_results_have_short_reprs():
    from debtplan.calc.assessment import assess
    from debtplan.inputs.profile import load_profile

    a = assess(load_profile(ROOT / "data/examples/zhang-family.yaml"), RULES)
    assert len(repr(a)) < 300 and "as of" in repr(a)
    assert all(len(repr(d)) < 300 and d.debt.creditor in repr(d) for d in a.debts)
    assert any("no plan fits" in repr(d) for d in a.debts)


def test_an_assessment_shows_as_the_reports_tables_in_a_notebook():
    from IPython.core.interactiveshell import InteractiveShell

    from debtplan.app.notebook import register_html_reprs
    from debtplan.calc.assessment import assess
    from debtplan.inputs.profile import load_profile

    a = assess(load_profile(ROOT / "data/examples/sam.yaml"), RULES)
    shell = InteractiveShell.instance()
    try:
        assert register_html_reprs("en")
        data, _ = shell.display_formatter.format(a)
        assert "<table" in data["text/html"] and "Total" in data["text/html"]
        assert len(data["text/plain"]) < 300
    finally:
        InteractiveShell.clear_instance()
