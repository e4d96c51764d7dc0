"""Batches: folders, failures named in the index, resume, stale reports, kills, and Dask clusters whose workers
cannot see the client's files."""
import csv
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import pytest

from debtplan.inputs.profile import load_profile
from debtplan.run.batch import run_batch

from conftest import FIXTURES, ROOT

BIN = Path(sys.executable).parent
EXAMPLES = ROOT / "data/examples"


def _cli(*args, timeout=600, **kw):
    return subprocess.run([str(BIN / "debtplan"), *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, **kw)


def _index(out):
    with open(out / "index.csv", encoding="utf-8-sig", newline="") as fh:
        return {row["profile"]: row for row in csv.DictReader(fh)}


def _snapshot(out):
    """Every file of every report with its inode and modification time: equal means nothing was rewritten."""
    return {str(p.relative_to(out)): (p.stat().st_ino, p.stat().st_mtime_ns)
            for p in out.rglob("*") if p.is_file() and p.parent != out}


@pytest.fixture
def clients(tmp_path):
    """Two good profiles with the same file name in different folders, one more, and a broken one."""
    folder = tmp_path / "clients"
    (folder / "north").mkdir(parents=True)
    (folder / "south").mkdir()
    shutil.copy(EXAMPLES / "sam.yaml", folder / "north" / "me.yaml")
    shutil.copy(EXAMPLES / "xiao-li.yaml", folder / "south" / "me.yaml")
    shutil.copy(EXAMPLES / "zhang-family.yaml", folder / "south" / "zhang.yaml")
    shutil.copy(FIXTURES / "many-problems.yaml", folder / "south" / "broken.yaml")
    (folder / ".hidden").mkdir()
    (folder / ".hidden" / "skip.yaml").write_text("not: a profile\n")
    return folder


@pytest.mark.slow
def test_folder_with_a_broken_profile_then_resume(clients, tmp_path):
    out = tmp_path / "out"
    import datetime as dt

    rows = run_batch([str(clients)], out, workers=2, index_lang="en", progress=False, as_of=dt.date(2026, 11, 28))
    by_name = {Path(r["profile"]).relative_to(clients).as_posix(): r for r in rows}
    assert sorted(by_name) == ["north/me.yaml", "south/broken.yaml", "south/me.yaml", "south/zhang.yaml"]
    assert [by_name[k]["status"] for k in sorted(by_name)] == ["ok", "failed", "ok", "ok"]
    # Two me.yaml never share a folder; the broken profile leaves only its line in the index.
    folders = {r["folder"] for r in rows if r["ok"]}
    assert len(folders) == 3 and "zhang" in folders
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == sorted(
        folders | {"index.csv", "index.html", "index.xlsx"})
    assert "Sam" in (out / by_name["north/me.yaml"]["folder"] / "index.html").read_text(encoding="utf-8")
    # The index names the failure with the same message a single run prints.
    broken = clients / "south" / "broken.yaml"
    with pytest.raises(Exception) as caught:
        load_profile(broken.resolve())
    single = _cli("report", "--profile", broken, "--out", tmp_path / "single")
    assert single.returncode == 2 and not (tmp_path / "single").exists()
    from debtplan.text.problems import problems_text

    said = problems_text(caught.value)  # in the profile's language (English here: its lang cannot be read)
    assert single.stderr.strip() == f"debtplan report: {said}"
    index = _index(out)
    assert index[str(broken)]["error"] == said and index[str(broken)]["status"] == "failed"
    zhang = index[str(clients / "south" / "zhang.yaml")]
    assert zhang["surplus"] == "883.33" and zhang["total_owed"] == "40199.31" and zhang["report"] == "zhang/index.html"
    assert zhang["plan_fits"] == "no" and zhang["proposed_monthly_total"] == "" and zhang["built_now"] == "yes"
    assert zhang["needed_monthly_total"] == "968.80" and zhang["client"] == "张伟、王芳"
    html = (out / "index.html").read_text(encoding="utf-8")
    assert "debt 2 (B), daily rate" in html and "Failed" in html and 'href="zhang/index.html"' in html
    assert html.lower().count("<script") == 1 and not re.search(r"https?:", html)

    # A second run (another day, no --as-of) does no work and says so; exit status 1 as one profile failed.
    before = _snapshot(out)
    again = _cli("batch", clients, "--out", out, "--lang", "en")
    assert again.returncode == 1, again.stderr
    assert "3 passed, 1 failed (0 built now, 3 up to date)" in again.stdout
    assert _snapshot(out) == before

    # A changed profile is redone, and only it.
    zhang_path = clients / "south" / "zhang.yaml"
    zhang_path.write_text(zhang_path.read_text(encoding="utf-8").replace("amount: 6500", "amount: 6600", 1),
                          encoding="utf-8")
    third = _cli("batch", clients, "--out", out, "--lang", "en")
    assert "(1 built now, 2 up to date)" in third.stdout, third.stdout
    after = _snapshot(out)
    assert {k for k in after if after[k] != before.get(k)} == {k for k in after if k.startswith("zhang/")}
    assert _index(out)[str(zhang_path)]["surplus"] != "883.33"

    # Other options (here the reports' language) are other inputs: everything is redone.
    fourth = _cli("batch", clients, "--out", out, "--lang", "zh", "--report-lang", "zh")
    assert "(3 built now, 0 up to date)" in fourth.stdout, fourth.stdout
    assert "批量报告" in (out / "index.html").read_text(encoding="utf-8")

    # A profile that now fails keeps its previous report, marked stale.
    old_report = (out / "zhang" / "index.html").read_bytes()
    zhang_path.write_text(zhang_path.read_text(encoding="utf-8") + "\ncolour: blue\n", encoding="utf-8")
    fifth = _cli("batch", clients, "--out", out, "--lang", "zh", "--report-lang", "zh")
    assert fifth.returncode == 1 and "2 passed, 2 failed" in fifth.stdout
    row = _index(out)[str(zhang_path)]
    assert row["status"] == "stale" and "colour" in row["error"] and row["report"] == "zhang/index.html"
    assert (out / "zhang" / "index.html").read_bytes() == old_report
    assert "保留上次的报告" in (out / "index.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_a_killed_run_leaves_no_half_report(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(4):
        shutil.copy(EXAMPLES / "sam.yaml", folder / f"c{i}.yaml")
    out = tmp_path / "out"
    proc = subprocess.Popen([str(BIN / "debtplan"), "batch", str(folder), "--out", str(out), "--workers", "1"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and not (out / "c0").exists():
        time.sleep(0.05)
    time.sleep(0.4)  # into the next report
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    done = [p for p in out.iterdir() if p.is_dir() and not p.name.startswith(".")]
    assert done and len(done) < 4
    for folder_done in done:  # every visible report is whole
        names = {p.name for p in folder_done.iterdir()}
        assert {"index.html", ".debtplan-report.json"} <= names
        assert (folder_done / "index.html").read_text(encoding="utf-8").rstrip().endswith("</html>")
    rerun = _cli("batch", folder, "--out", out, "--workers", "1")
    assert rerun.returncode == 0, rerun.stderr
    assert f"4 passed, 0 failed ({4 - len(done)} built now, {len(done)} up to date)" in rerun.stdout
    assert not [p for p in out.iterdir() if p.name.startswith(".") and p.is_dir()]  # leftovers cleared


@pytest.mark.slow
def test_pdf_is_an_option_of_the_report(tmp_path):
    from conftest import chromium_path

    chromium_path()
    out = tmp_path / "out"
    profile = EXAMPLES / "xiao-li.yaml"
    assert run_batch([str(profile)], out, workers=1, progress=False)[0]["built_now"]
    assert not (out / "xiao-li" / "index.pdf").exists()
    row = run_batch([str(profile)], out, workers=1, pdf=True, progress=False)[0]
    assert row["built_now"] and (out / "xiao-li" / "index.pdf").read_bytes().startswith(b"%PDF")



@pytest.mark.slow
def test_letter_copies_travel_back_and_are_never_replaced(tmp_path):
    """The worker makes the dated copies of the letters sent; the client keeps the ones it has, as they are,
    when the report is rebuilt, and adds only those it lacks."""
    profile = tmp_path / "in" / "trouble.yaml"
    profile.parent.mkdir()
    shutil.copy(FIXTURES / "trouble.yaml", profile)
    out = tmp_path / "out"
    assert run_batch([str(profile)], out, workers=1, progress=False)[0]["status"] == "ok"
    letters = out / "trouble" / "letters"
    names = sorted(p.name for p in letters.iterdir())
    assert names == ["2026-11-05-proposal-借呗.html", "2026-11-20-confirmation-招商银行信用卡.html"]
    assert "还款协商申请" in (letters / names[0]).read_text(encoding="utf-8")
    (letters / names[0]).write_text("as sent", encoding="utf-8")
    (letters / names[1]).unlink()
    profile.write_text(profile.read_text(encoding="utf-8") + "# changed\n", encoding="utf-8")
    row = run_batch([str(profile)], out, workers=1, progress=False)[0]
    assert row["built_now"] and row["status"] == "ok"
    assert (letters / names[0]).read_text(encoding="utf-8") == "as sent"  # what was sent stays as it was
    assert "招商银行信用卡" in (letters / names[1]).read_text(encoding="utf-8")  # the missing one made again

# ---- Dask: a LocalCluster, and a scheduler with two workers that cannot see the client's folder

def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _can_hide_folders():
    if os.geteuid() != 0 or not shutil.which("unshare"):
        return False
    probe = subprocess.run(["unshare", "-m", "sh", "-c", "mount -t tmpfs none /mnt"], capture_output=True)
    return probe.returncode == 0


@pytest.fixture
def hidden_cluster(tmp_path):
    """``dask scheduler`` and two ``dask worker`` processes; the workers run in their own mount namespace
    with ``tmp_path`` (the client's folder: profiles and output) covered by an empty tmpfs."""
    if not _can_hide_folders():
        if os.environ.get("CI") == "true":
            pytest.fail("this test needs root and unshare(1) to hide the client's folder from the workers")
        pytest.skip("needs root and unshare(1) (a private mount namespace) to hide folders from the workers")
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    elsewhere = Path(__import__("tempfile").mkdtemp(prefix="debtplan-worker-"))
    procs = [subprocess.Popen([str(BIN / "dask"), "scheduler", "--host", "127.0.0.1", "--port", str(port),
                               "--no-dashboard"], cwd=elsewhere, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)]
    worker = (f"mount -t tmpfs none '{tmp_path}' && exec '{BIN / 'dask'}' worker {address} --nthreads 1 "
              f"--no-dashboard --no-nanny --local-directory '{elsewhere}'")
    for _ in range(2):
        procs.append(subprocess.Popen(["unshare", "-m", "sh", "-c", worker], cwd=elsewhere,
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    try:
        from dask.distributed import Client

        deadline = time.monotonic() + 120
        while True:
            try:
                client = Client(address, timeout=5)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.5)
        with client:
            client.wait_for_workers(2, timeout=120)
            yield address, client
    finally:
        # Nothing of these processes is kept (a worker asked to stop waits for its scheduler for seconds).
        for p in procs:
            p.kill()
        for p in procs:
            p.wait()
        shutil.rmtree(elsewhere, ignore_errors=True)


@pytest.mark.slow
def test_dask_local_and_a_cluster_that_cannot_see_our_files_agree(tmp_path, hidden_cluster):
    address, client = hidden_cluster
    folder = tmp_path / "in"
    (folder / "x").mkdir(parents=True)
    shutil.copy(EXAMPLES / "sam.yaml", folder / "sam.yaml")
    shutil.copy(EXAMPLES / "zhang-family.yaml", folder / "zhang.yaml")
    shutil.copy(EXAMPLES / "xiao-li.yaml", folder / "x" / "sam.yaml")  # the same file name, elsewhere
    shutil.copy(FIXTURES / "many-problems.yaml", folder / "broken.yaml")
    # The workers really cannot see the profiles (nor, so, the output folder beside them).
    seen = client.run(os.path.exists, str(folder / "sam.yaml"))
    assert len(seen) == 2 and not any(seen.values()) and (folder / "sam.yaml").exists()

    runs = {}
    for scheduler in ("dask-local", address):
        out = tmp_path / ("local" if scheduler == "dask-local" else "cluster")
        proc = _cli("batch", folder, "--out", out, "--workers", "2", "--scheduler", scheduler, cwd=tmp_path)
        assert proc.returncode == 1, proc.stderr[-3000:]  # the broken profile
        assert "3 passed, 1 failed (3 built now, 0 up to date)" in proc.stdout, proc.stdout + proc.stderr[-3000:]
        runs[scheduler] = out
    local, cluster = runs["dask-local"], runs[address]
    assert (local / "index.csv").read_bytes() == (cluster / "index.csv").read_bytes()
    assert (local / "index.html").read_bytes() == (cluster / "index.html").read_bytes()
    reports = sorted(p.relative_to(local) for p in local.glob("*/*.html"))
    assert len(reports) == 3  # each report is one page (the parts' own pages only with --keep-notebooks)
    for rel in reports:
        assert (local / rel).read_bytes() == (cluster / rel).read_bytes(), rel
    # ...and the same as one process on this machine.
    mine = tmp_path / "mine"
    assert _cli("batch", folder, "--out", mine, "--workers", "1", cwd=tmp_path).returncode == 1
    assert (mine / "index.csv").read_bytes() == (local / "index.csv").read_bytes()
    for rel in reports:
        assert (mine / rel).read_bytes() == (local / rel).read_bytes(), rel


# ---- the report runner: parameters are data, paths are not templates, failures write nothing

@pytest.mark.slow
def test_parameters_are_injected_as_literals():
    import ast

    from debtplan.run.report import _parameterized

    evil = "x\\\"'; import os; os.system('touch PWNED') #{x}\n\"\"\""
    nb = _parameterized("01-cash-flow", {"profile_path": evil, "lang": evil, "as_of": "", "interactive": False})
    (cell,) = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    tree = ast.parse(cell.source)
    assert all(isinstance(s, ast.Assign) and isinstance(s.value, ast.Constant) for s in tree.body)
    values = {s.targets[0].id: s.value.value for s in tree.body}
    assert values == {"profile_path": evil, "lang": evil, "as_of": "", "interactive": False}


@pytest.mark.slow
def test_lang_and_dates_carrying_code_are_clear_errors(tmp_path):
    from debtplan.run.report import ReportError, build_report

    code = "zh'; import os; os.system('touch PWNED'); '"
    with pytest.raises(ReportError, match="lang: .* is not one of zh, en"):
        build_report(EXAMPLES / "sam.yaml", tmp_path / "out", lang=code)
    with pytest.raises(ReportError, match="as_of: .* is not a date"):
        build_report(EXAMPLES / "sam.yaml", tmp_path / "out", as_of=code)
    with pytest.raises(ReportError, match="lang: 'fr'"):
        build_report(EXAMPLES / "sam.yaml", tmp_path / "out", lang="fr")
    assert not (tmp_path / "out").exists() and not list(tmp_path.rglob("PWNED"))


@pytest.mark.slow
def test_paths_with_braces_and_quotes_are_just_paths(tmp_path):
    folder = tmp_path / "a{b}"
    folder.mkdir()
    profile = folder / "x{y}'; import os; os.system('touch PWNED') #.yaml"
    shutil.copy(EXAMPLES / "sam.yaml", profile)
    out = tmp_path / "r{x}"
    proc = _cli("report", "--profile", profile, "--out", out, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (out / "index.html").exists() and "Sam Taylor" in (out / "index.html").read_text(encoding="utf-8")
    batch = _cli("batch", folder, "--out", tmp_path / "b{0}", "--workers", "1", cwd=tmp_path)
    assert batch.returncode == 0 and "1 passed, 0 failed" in batch.stdout, batch.stdout + batch.stderr
    assert not list(tmp_path.rglob("PWNED")) and not Path("PWNED").exists()


@pytest.fixture
def failing_third_part(tmp_path, monkeypatch):
    """The notebooks, with the third one failing after its first cells (as a bug in a view would)."""
    import nbformat

    from debtplan.run import report

    nbs = tmp_path / "notebooks"
    shutil.copytree(ROOT / "notebooks", nbs)
    path = nbs / "03-repayment-plans.ipynb"
    nb = nbformat.read(path, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell("raise RuntimeError('a view failed')"))
    nbformat.write(nb, path)
    monkeypatch.setattr(report, "NOTEBOOKS_DIR", nbs)
    report._notebook.cache_clear()
    yield
    report._notebook.cache_clear()


@pytest.mark.slow
def test_a_failing_notebook_leaves_no_files(tmp_path, failing_third_part):
    from debtplan.run import report

    # `debtplan report` as she runs it (in its own process, with the fixture's notebooks): the one clear error,
    # and nothing after it (the other parts, still running, printed "Task was destroyed but it is pending!")
    run = ("import sys; from pathlib import Path; from debtplan.run import report; from debtplan.run.cli import main; "
           "report.NOTEBOOKS_DIR = Path(sys.argv[1]); sys.exit(main(sys.argv[2:]))")
    proc = subprocess.run([sys.executable, "-c", run, str(report.NOTEBOOKS_DIR), "report", "--profile",
                           str(EXAMPLES / "sam.yaml"), "--out", str(tmp_path / "single")],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 2, proc.stderr
    assert re.fullmatch(r"debtplan report: error: 03-repayment-plans.ipynb failed in cell \d+: RuntimeError: a view "
                        r"failed\n", proc.stderr), proc.stderr
    assert not (tmp_path / "single").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".single")]
    rows = run_batch([str(EXAMPLES / "sam.yaml")], tmp_path / "batch", workers=1, progress=False)
    assert rows[0]["status"] == "failed" and "a view failed" in rows[0]["error"]
    assert sorted(p.name for p in (tmp_path / "batch").iterdir()) == [".debtplan-batch.lock", ".debtplan-report", "index.csv",
                                                                       "index.html", "index.xlsx"]
    assert "a view failed" in (tmp_path / "batch" / "index.csv").read_text(encoding="utf-8")


@pytest.mark.slow
def test_one_progress_bar_on_a_terminal(tmp_path):
    """On a terminal: one bar for the run, counting reports, and no per-notebook bars; in a pipe: none."""
    import pty

    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(EXAMPLES / "sam.yaml", folder / "a.yaml")
    shutil.copy(EXAMPLES / "xiao-li.yaml", folder / "b.yaml")
    import fcntl
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # a terminal 100 columns wide
    proc = subprocess.Popen([str(BIN / "debtplan"), "batch", str(folder), "--out", str(tmp_path / "out"),
                             "--workers", "1"], stdout=subprocess.PIPE, stderr=slave)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 4096)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=600)
    screen = b"".join(chunks).decode("utf-8", "replace")
    assert proc.returncode == 0
    assert "debtplan batch" in screen and "2/2" in screen
    assert "Executing" not in screen and "cell/s" not in screen  # papermill's own bars
    piped = _cli("batch", folder, "--out", tmp_path / "out2", "--workers", "1")
    assert "debtplan batch:" not in piped.stderr and "2/2" not in piped.stderr


def test_the_inputs_key_covers_every_input(monkeypatch):
    """Profile content (tested above), rules version, project version and options; not the date, which the
    run weighs on its own (see test_one_date_per_run_and_resume_by_date)."""
    import datetime as dt

    from debtplan.run import batch
    from debtplan.run.batch import BatchRow, _prepare

    def key(lang=None, as_of=dt.date(2026, 12, 4), pdf=False, rules="r1", keep=False):
        row = BatchRow(profile="p", path=EXAMPLES / "sam.yaml")
        _prepare(row, lang, as_of, pdf, rules, keep)
        return row.key

    base = key()
    assert key() == base and len(base) == 64
    assert key(as_of=dt.date(2027, 1, 1)) == base
    variants = {key(lang="zh"), key(pdf=True), key(rules="r2"), key(keep=True)}
    monkeypatch.setattr(batch, "project_version", lambda: "9.9.9+nb.x")
    variants.add(key())
    assert len(variants) == 5 and base not in variants


# ---- the index a counsellor works from

def _row(profile, status="ok", as_of="2026-12-04", error="", **figures):
    from debtplan.run.batch import BatchRow

    row = BatchRow(profile=profile, path=Path(profile), folder=Path(profile).stem, status=status, as_of=as_of,
                   error=error)
    row.figures = {"currency": "CNY", "plan_fits": "yes", **figures}
    return row


def _sample_rows():
    return [
        _row("a/li.yaml", client="小李", surplus="1660.00", total_owed="21332.00", proposed_monthly_total="444.42"),
        _row("b/short.yaml", client="=HYPERLINK(\"http://x\")", as_of="2026-11-20", surplus="-798.67",
             total_owed="30000.00", plan_fits="no", needed_monthly_total="737.66"),
        _row("c/bad.yaml", status="failed", as_of="", error="+cmd|' /C calc'!A0"),
    ]


def test_no_plan_fits_shows_the_amount_needed_never_a_proposed_total():
    """A client whose report says no plan fits: the index's figures carry the amount needed, not a total."""
    from debtplan.calc.assessment import assess
    from debtplan.inputs.rules import load_rules
    from debtplan.run.batch import _figures

    a = assess(load_profile(EXAMPLES / "zhang-family.yaml"), load_rules())
    assert not all(d.proposal.fits for d in a.debts)  # the example this test relies on
    f = _figures(a)
    assert f["plan_fits"] == "no" and f["proposed_monthly_total"] == ""
    assert Decimal(f["needed_monthly_total"]) > 0 and f["client"] == "张伟、王芳"
    fits = _figures(assess(load_profile(EXAMPLES / "sam.yaml"), load_rules()))
    assert fits["plan_fits"] == "yes" and Decimal(fits["proposed_monthly_total"]) > 0
    assert fits["needed_monthly_total"] == "" and fits["client"] == "Sam Taylor"


def test_index_html_a_counsellor_can_work_from():
    import base64
    import datetime as dt
    import hashlib
    import re

    from debtplan.run.batch import index_html

    page = index_html(_sample_rows(), "zh", dt.date(2026, 12, 4))
    assert "<th>客户</th>" in page and "<td>小李</td>" in page and "&lt;" not in page.split("<body>")[0]
    assert "=HYPERLINK(&quot;http://x&quot;)" in page  # user text escaped
    short = page[page.index("b/short.yaml"):page.index("c/bad.yaml")]
    assert "没有方案负担得起，每月需要 737.66 元" in short and "737.66 元</td>" not in short.replace(
        "每月需要 737.66 元</td>", "")
    assert "已过 14 天" in short and "已过" not in page[page.index("a/li.yaml"):page.index("b/short.yaml")]
    foot = page[page.index("<tfoot>"):page.index("</tfoot>")]
    assert "合计" in foot and "51,332.00 元" in foot and "861.33 元" in foot and "444.42 元" in foot
    # sortable and filterable by its own inline script, the only one the page lets run; nothing from the network
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    assert len(scripts) == 1 and "addEventListener('click'" in scripts[0] and 'id="dp-filter"' in page
    digest = base64.b64encode(hashlib.sha256(scripts[0].encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in page and "default-src 'none'" in page
    assert not re.search(r"(src|href)=\"?(https?:)?//", page)
    assert 'data-v="-798.67"' in page and 'data-v="21332.00"' in page  # sorted as numbers
    # its Chinese is drawn with the embedded font (client names included)
    assert "@font-face" in page and 'font-family:"DebtplanCJK"' in page


def test_index_csv_and_xlsx_open_in_excel_with_no_formulas(tmp_path):
    import datetime as dt
    import io

    from openpyxl import load_workbook

    from debtplan.run.batch import INDEX_COLUMNS, index_csv, index_xlsx

    text = index_csv(_sample_rows(), dt.date(2026, 12, 4))
    assert text.startswith("\ufeffprofile,client,")
    table = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert table[0]["client"] == "小李" and table[1]["client"].startswith("'=HYPERLINK")
    assert table[2]["error"].startswith("'+cmd") and table[1]["surplus"] == "-798.67"  # a number stays a number
    assert table[1]["proposed_monthly_total"] == "" and table[1]["needed_monthly_total"] == "737.66"
    assert table[1]["old"] == "yes" and table[1]["age_days"] == "14" and table[0]["old"] == "no"
    ws = load_workbook(io.BytesIO(index_xlsx(_sample_rows(), dt.date(2026, 12, 4)))).active
    assert [c.value for c in ws[1]] == list(INDEX_COLUMNS)
    assert ws.cell(3, 2).value.startswith("'=HYPERLINK") and ws.cell(3, 2).data_type == "s"
    assert ws.cell(2, INDEX_COLUMNS.index("total_owed") + 1).value == 21332.0
    assert ws.cell(2, 2).value == "小李"


@pytest.mark.slow
def test_one_date_per_run_reports_keep_their_language_and_resume_by_date(tmp_path):
    """Every report built is computed to the run's date (not the date a profile pins); --lang is the index's
    language only; an unchanged report is kept from night to night, its date shown and marked when old, and
    rebuilt when asked (--rebuild, --max-age, or another --as-of)."""
    import datetime as dt

    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(EXAMPLES / "sam.yaml", folder / "sam.yaml")  # English, pins 2026-11-28
    out = tmp_path / "out"
    first = _cli("batch", folder, "--out", out, "--workers", "1", "--lang", "zh", "--as-of", "2026-11-20")
    assert first.returncode == 0, first.stderr
    page = (out / "sam" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in page and "figures as of 20 Nov 2026" in page  # the profile's language, the run's date
    assert '<html lang="zh-CN"' in (out / "index.html").read_text(encoding="utf-8")
    assert not list((out / "sam").glob("*.ipynb"))  # executed notebooks only when asked
    assert sum(p.stat().st_size for p in (out / "sam").rglob("*") if p.is_file()) <= 1_000_000
    import json

    built_from = json.loads((out / "sam" / ".debtplan-report.json").read_text(encoding="utf-8"))["inputs"]
    kept = run_batch([str(folder)], out, workers=1, progress=False)[0]  # a later night, nothing changed
    rebuilt_from = json.loads((out / "sam" / ".debtplan-report.json").read_text(encoding="utf-8"))["inputs"]
    assert not kept["built_now"] and kept["as_of"] == "2026-11-20", (built_from, rebuilt_from)
    row = _index(out)[str(folder / "sam.yaml")]
    assert row["old"] == "yes" and int(row["age_days"]) == (dt.date.today() - dt.date(2026, 11, 20)).days
    assert run_batch([str(folder)], out, workers=1, progress=False, max_age=7)[0]["built_now"]
    assert _index(out)[str(folder / "sam.yaml")]["as_of"] == dt.date.today().isoformat()
    assert not run_batch([str(folder)], out, workers=1, progress=False)[0]["built_now"]
    assert run_batch([str(folder)], out, workers=1, progress=False, rebuild=True)[0]["built_now"]
    assert run_batch([str(folder)], out, workers=1, progress=False, as_of=dt.date(2026, 11, 30))[0]["built_now"]
    again = _cli("batch", folder, "--out", out, "--workers", "1", "--report-lang", "zh", "--keep-notebooks",
                 "--as-of", "2026-11-30")
    assert again.returncode == 0 and "1 built now" in again.stdout
    assert '<html lang="zh-CN"' in (out / "sam" / "index.html").read_text(encoding="utf-8")
    assert list((out / "sam").glob("*.ipynb"))


@pytest.mark.slow
@pytest.mark.parametrize("how", ["SIGTERM", "Ctrl-C"])
def test_a_batch_stops_when_asked(tmp_path, how):
    """SIGTERM, or Ctrl-C (SIGINT to the terminal's process group), ends the run, its workers and their kernels
    within 5 s; the reports finished stay whole, no half report, the index names those not built."""
    import psutil

    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(6):
        shutil.copy(EXAMPLES / "sam.yaml", folder / f"c{i}.yaml")
    out = tmp_path / "out"
    # Started as a terminal starts it, Ctrl-C not ignored: a run launched in the background by a shell without
    # job control (`make test &`, `nohup`) inherits SIGINT ignored, as every program it starts does, and a
    # batch started so rightly goes on through Ctrl-C (seen: a CI run started with & failed here)
    proc = subprocess.Popen([str(BIN / "debtplan"), "batch", str(folder), "--out", str(out), "--workers", "2",
                             "--no-progress"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    first = proc.stdout.readline()  # each client's line comes as its report is done, not at the end
    assert first.startswith("ok ") and proc.poll() is None, first
    time.sleep(0.3)
    family = psutil.Process(proc.pid).children(recursive=True)
    kernels = [p for p in family if "ipykernel" in " ".join(p.cmdline())]
    assert len(family) >= 4 and kernels  # two workers and their kernels are running
    started = time.monotonic()
    if how == "SIGTERM":
        proc.send_signal(signal.SIGTERM)
    else:
        os.killpg(proc.pid, signal.SIGINT)
    try:
        stdout, stderr = proc.communicate(timeout=30)
        gone, alive = psutil.wait_procs(family, timeout=max(0.1, 5 - (time.monotonic() - started)))
        assert time.monotonic() - started <= 5.5 and not alive, alive
    finally:  # a failing run must not leave its processes behind
        for p in [*family, psutil.Process(proc.pid)] if proc.poll() is None else family:
            try:
                p.kill()
            except psutil.Error:
                pass
    assert proc.returncode == 128 + (signal.SIGTERM if how == "SIGTERM" else signal.SIGINT), stderr
    assert "stopped" in stderr and "Traceback" not in stderr
    done = [p for p in out.iterdir() if p.is_dir() and not p.name.startswith(".")]
    for folder_done in done:
        assert (folder_done / "index.html").read_text(encoding="utf-8").rstrip().endswith("</html>")
    index = _index(out)
    not_built = [r for r in index.values() if r["status"] != "ok"]
    assert len(done) + len(not_built) == 6 and not_built
    assert all("not built: the run stopped" in r["error"] for r in not_built)


@pytest.mark.slow
def test_lean_report_folders(tmp_path):
    """The family with many debts and charts: its folder without PDF is at most 1 MB; notebooks and part pages
    are kept only when asked; each glyph outline is defined once on the page (the charts share them)."""
    import re
    from collections import Counter

    out = tmp_path / "out"
    run_batch([str(EXAMPLES / "zhang-family.yaml")], out, workers=1, progress=False)
    folder = out / "zhang-family"
    assert sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) <= 1_000_000
    assert {p.name for p in folder.iterdir() if p.is_file()} == {"index.html", ".debtplan-report.json"}
    page = (folder / "index.html").read_text(encoding="utf-8")
    ids = Counter(re.findall(r'<path id="([^"]+)"', page))
    assert ids and max(ids.values()) == 1
    assert page.count("<svg") > 10 and page.count("<use ") > 100


def test_dask_addresses_are_checked_before_connecting(tmp_path, monkeypatch):
    """A TLS address without this machine's TLS settings: one clear line; a missing certificate file: named;
    a plain address off this machine: a warning that client data crosses the network in clear."""
    import dask.config

    from debtplan.core.errors import DebtplanError
    from debtplan.run.batch import check_scheduler

    tls = "distributed.comm.tls"
    with dask.config.set({f"{tls}.ca-file": None, f"{tls}.client.cert": None, f"{tls}.client.key": None}):
        with pytest.raises(DebtplanError, match=r"no TLS ca-file set: set DASK_DISTRIBUTED__COMM__TLS__CA_FILE"):
            check_scheduler("tls://10.0.0.5:8786")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ca.pem").write_text("x")
    with dask.config.set({f"{tls}.ca-file": "ca.pem", f"{tls}.client.cert": "node.pem", f"{tls}.client.key": "k"}):
        with pytest.raises(DebtplanError) as caught:
            check_scheduler("tls://10.0.0.5:8786")
    assert "node.pem" in str(caught.value) and str(tmp_path / "node.pem") in str(caught.value)
    assert "\n" not in str(caught.value)
    assert "in clear" in check_scheduler("tcp://10.0.0.5:8786") and "in clear" in check_scheduler("10.0.0.5:8786")
    assert check_scheduler("tcp://127.0.0.1:8786") == "" and check_scheduler("tcp://localhost:8786") == ""
    cli = _cli("batch", EXAMPLES / "sam.yaml", "--out", tmp_path / "o", "--scheduler", "tls://10.0.0.5:8786",
               env={k: v for k, v in os.environ.items() if not k.startswith("DASK_")}, cwd=tmp_path / "..")
    assert cli.returncode == 2 and len(cli.stderr.strip().splitlines()) == 1 and "TLS" in cli.stderr


def test_project_version_ignores_what_lab_rewrites(tmp_path, monkeypatch, request):
    """Opening and saving a notebook in Lab rewrites its metadata, ids and layout: the version stays; a changed
    cell source or parameter changes it."""
    import json

    from debtplan.core import paths
    from debtplan.run import batch

    for name, _ in batch.NOTEBOOKS:
        shutil.copy(paths.NOTEBOOKS_DIR / f"{name}.ipynb", tmp_path / f"{name}.ipynb")
    monkeypatch.setattr(paths, "NOTEBOOKS_DIR", tmp_path)
    request.addfinalizer(batch.project_version.cache_clear)

    def version():
        batch.project_version.cache_clear()
        return batch.project_version()

    base = version()
    first = tmp_path / f"{batch.NOTEBOOKS[0][0]}.ipynb"
    nb = json.loads(first.read_text(encoding="utf-8"))
    nb["metadata"]["widgets"] = {"state": {}}
    nb["metadata"].setdefault("language_info", {})["version"] = "3.99"
    for i, cell in enumerate(nb["cells"]):
        cell["id"] = f"lab-{i}"
        cell.setdefault("metadata", {})["collapsed"] = True
        if isinstance(cell["source"], str):
            cell["source"] = cell["source"].splitlines(keepends=True)
    first.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    assert version() == base
    nb["cells"][-1]["source"] = ["print('changed')\n"]
    first.write_text(json.dumps(nb, indent=1), encoding="utf-8")
    assert version() != base


@pytest.mark.slow
@pytest.mark.browser
def test_index_sorts_filters_and_draws_its_chinese_in_chromium(tmp_path, browser):
    """In a real Chromium with no network: a click on a heading sorts (numbers as numbers, again to reverse),
    typing in the box filters, and every Chinese line is drawn with the embedded font."""
    import datetime as dt

    import re

    from debtplan.run.batch import index_html
    from test_in_browser import fallback_text

    rows = _sample_rows() + [_row("d/big.yaml", client="王五", surplus="300.00", total_owed="100000.00",
                                  proposed_monthly_total="99.00")]
    page_file = tmp_path / "index.html"
    page_file.write_text(index_html(rows, "zh", dt.date(2026, 12, 4)), encoding="utf-8")
    context = browser.new_context()  # the run's one Chromium (conftest), with no network for this page
    context.route(re.compile(r"^(https?|wss?)://"), lambda route: route.abort())
    if context:
        try:
            page = context.new_page()
            errors = []
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.goto(page_file.as_uri())

            def clients():
                return page.eval_on_selector_all("#dp-index tbody tr:not([hidden])",
                                                 "rs => rs.map(r => r.cells[0].textContent)")

            assert clients() == ["小李", '=HYPERLINK("http://x")', "", "王五"]
            page.click("#dp-index thead th:nth-child(5)")  # total owed, ascending; the failed row (no figure) last
            assert clients() == ["小李", '=HYPERLINK("http://x")', "王五", ""]
            page.click("#dp-index thead th:nth-child(5)")
            assert clients()[:3] == ["王五", '=HYPERLINK("http://x")', "小李"]
            page.fill("#dp-filter", "小李")
            assert clients() == ["小李"]
            page.fill("#dp-filter", "")
            assert len(clients()) == 4
            checked, bad = fallback_text(page)
            assert checked >= 5 and bad == []
            assert errors == []
        finally:
            context.close()
