"""How long a report takes, as a ratio of the floor measured in the same run.

The floor: one notebook with a pandas table and a matplotlib chart, run through papermill and exported to HTML
with nbconvert, in one fresh process (what any notebook report costs at the least). Runs alternate (floor,
ours, floor, ours...) so that the machine's load falls on both alike; medians are printed.

    python benchmarks/bench_report.py                 # report, library work, and the batch curve
    python benchmarks/bench_report.py --only report   # one part: report | assess | batch
    python benchmarks/bench_report.py --only timeline # where one report's time goes (no floor, no ratio)
    python benchmarks/bench_report.py --runs 7 --profiles 20 --workers 1,2,4 --schedulers local,dask-local

Targets: report <= 1.2x the floor; a batch of 20 with 2 workers <= 0.5x the floor per profile (measured on an
idle machine: the ratio assumes the two cores are the batch's); assess on a five-debt profile <= 5% of the floor.
The batch is timed as a counsellor runs it each night: every report rebuilt (``--rebuild``), its lines printed
as each report finishes.
"""
from __future__ import annotations

import argparse
import datetime as _dt
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PROFILE = ROOT / "data/examples/xiao-li.yaml"
FIVE = ROOT / "tests/fixtures/five-debts.yaml"

FLOOR_NOTEBOOK = {
    "cells": [
        {"cell_type": "code", "metadata": {"tags": ["parameters"]}, "source": "n = 12", "outputs": [],
         "execution_count": None},
        {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
         "source": "import pandas as pd\nimport matplotlib.pyplot as plt\n"
                   "df = pd.DataFrame({'month': range(1, n + 1), 'balance': [1000 - 40 * i for i in range(n)]})\ndf"},
        {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
         "source": "fig, ax = plt.subplots()\nax.plot(df['month'], df['balance'])\nplt.show()"},
    ],
    "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
    "nbformat": 4, "nbformat_minor": 4,
}
FLOOR_SCRIPT = """\
import sys
import papermill as pm
from nbconvert import HTMLExporter
nb = pm.execute_notebook(sys.argv[1], sys.argv[2], parameters={"n": 24}, progress_bar=False)
body, _ = HTMLExporter().from_notebook_node(nb)
open(sys.argv[3], "w", encoding="utf-8").write(body)
"""


def timed(cmd: list[str], ok: tuple[int, ...] = (0,), **kw) -> float:
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, **kw)
    took = time.perf_counter() - start
    if proc.returncode not in ok:
        sys.exit(f"failed: {' '.join(cmd)}\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}")
    return took


class Floor:
    def __init__(self, tmp: Path):
        import json

        self.dir = tmp / "floor"
        self.dir.mkdir()
        (self.dir / "floor.ipynb").write_text(json.dumps(FLOOR_NOTEBOOK), encoding="utf-8")
        (self.dir / "run.py").write_text(FLOOR_SCRIPT, encoding="utf-8")
        self.times: list[float] = []

    def __call__(self) -> float:
        d = self.dir
        took = timed([sys.executable, str(d / "run.py"), str(d / "floor.ipynb"), str(d / "out.ipynb"),
                      str(d / "out.html")], cwd=d)
        self.times.append(took)
        return took

    @property
    def median(self) -> float:
        return statistics.median(self.times)


def bench_report(floor: Floor, tmp: Path, runs: int) -> None:
    cmd = [str(BIN / "debtplan"), "report", "--profile", str(PROFILE), "--out", str(tmp / "report")]
    timed(cmd)  # once first: the pre-cut font face is built on a machine's first report
    ours = []
    for _ in range(runs):
        floor()
        ours.append(timed(cmd))
    f, o = statistics.median(floor.times), statistics.median(ours)
    print(f"floor (one chart notebook, papermill + HTML export, one process): median {f:.2f} s "
          f"of {[round(x, 2) for x in floor.times]}")
    print(f"debtplan report --profile data/examples/xiao-li.yaml: median {o:.2f} s of {[round(x, 2) for x in ours]}"
          f"  -> {o / f:.2f}x the floor (target <= 1.2x)")


def bench_assess(floor: Floor) -> None:
    code = ("import time, statistics\n"
            "from debtplan.calc.assessment import assess\n"
            "from debtplan.inputs.profile import load_profile\n"
            "from debtplan.inputs.rules import load_rules\n"
            "t0 = time.perf_counter(); rules = load_rules(); p = load_profile(%r); a = assess(p, rules)\n"
            "first = time.perf_counter() - t0\n"
            "runs = []\n"
            "for i in range(20):\n"
            "    t = time.perf_counter(); assess(p, rules); assess(p, rules, income_change=-500, one_off=1000)\n"
            "    runs.append((time.perf_counter() - t) / 2)\n"
            "print(first, statistics.median(runs), len(a.debts), sum(len(d.options) for d in a.debts), "
            "len(a.strategies))\n") % str(FIVE)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    first, warm, debts, options, strategies = proc.stdout.split()
    if not floor.times:
        floor()
    f = floor.median
    print(f"assess on tests/fixtures/five-debts.yaml ({debts} debts, {options} options, {strategies} strategies): "
          f"{float(warm) * 1000:.1f} ms a call ({float(warm) / f * 100:.1f}% of the floor; target <= 5%); "
          f"first call with the rules read {float(first) * 1000:.0f} ms ({float(first) / f * 100:.1f}%)")


TIMELINE = r"""
import sys, time
T0 = time.perf_counter()
def lap(what):
    print(f"{time.perf_counter() - T0:6.2f} s  {what}", flush=True)
import debtplan.run.report as R
lap("report module imported")
start = R.KernelPool._start
async def started(self):
    lap("kernel start asked"); await start(self); lap("kernel ready, notebooks' imports made")
R.KernelPool._start = started
finish = R._finish
def finished(item, files, lang):
    item[3].result(); lap(f"part {item[0]} run")
    return finish(item, files, lang)
R._finish = finished
font = R.font_face_css
def cut(*a):
    lap("font subset starts"); css = font(*a); lap("font subset made"); return css
R.font_face_css = cut
R.build_report(sys.argv[1], sys.argv[2])
lap("report written")
"""


def bench_timeline(tmp: Path) -> None:
    """Where one report's time goes, seconds from the start of the process's own work (in process)."""
    code = [sys.executable, "-c", TIMELINE, str(PROFILE), str(tmp / "timeline")]
    subprocess.run(code, capture_output=True, check=True)  # once first: caches warm
    print("one report, in process (python -c ... build_report):")
    print(subprocess.run(code, capture_output=True, text=True, check=True).stdout.rstrip())


def make_profiles(folder: Path, count: int) -> list[Path]:
    """``count`` profiles from the examples, each different (name and one amount), in two folders."""
    examples = sorted((ROOT / "data/examples").glob("*.yaml"))
    made = []
    for i in range(count):
        src = examples[i % len(examples)]
        text = src.read_text(encoding="utf-8")
        text = re.sub(r"^name: .*$", f"name: client-{i:02d}", text, count=1, flags=re.M)
        text = re.sub(r"(balance: )(\d+)", lambda m: f"{m.group(1)}{int(m.group(2)) + i}", text, count=1)
        sub = folder / ("a" if i % 2 else "b")
        sub.mkdir(parents=True, exist_ok=True)
        path = sub / f"client-{i:02d}.yaml"
        path.write_text(text, encoding="utf-8")
        made.append(path)
    return made


def bench_batch(floor: Floor, tmp: Path, count: int, workers: list[int], schedulers: list[str]) -> None:
    """Each batch between two floor runs: its ratio is against the mean of those two (the load of the moment)."""
    folder = tmp / "clients"
    make_profiles(folder, count)
    results = {}
    for scheduler in schedulers:
        for n in workers:
            before = floor()
            out = tmp / f"batch-{scheduler}-{n}"
            took = timed([str(BIN / "debtplan"), "batch", str(folder), "--out", str(out), "--workers", str(n),
                          "--scheduler", scheduler, "--rebuild", "--no-progress"], ok=(0,))
            after = floor()
            shutil.rmtree(out, ignore_errors=True)
            results[(scheduler, n)] = (took, (before + after) / 2)
    print(f"batch of {count} profiles in two folders (debtplan batch DIR --out OUT --workers N --scheduler S); "
          "each against the floor measured just before and after it:")
    print("  scheduler    workers   total s   s/profile   floor s   x floor per profile (target <= 0.5 with 2)")
    for (scheduler, n), (took, f) in results.items():
        print(f"  {scheduler:11}  {n:7d}  {took:8.1f}  {took / count:10.2f}  {f:8.2f}  {took / count / f:10.2f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", choices=["report", "assess", "batch", "timeline"])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--profiles", type=int, default=20)
    ap.add_argument("--workers", default="1,2,4")
    ap.add_argument("--schedulers", default="local,dask-local")
    args = ap.parse_args()
    print(f"{_dt.datetime.now(_dt.timezone.utc):%Y-%m-%d %H:%M} UTC, {sys.platform}, python {sys.version.split()[0]}")
    tmp = Path(tempfile.mkdtemp(prefix="debtplan-bench-"))
    try:
        if args.only == "timeline":
            bench_timeline(tmp)
            return
        floor = Floor(tmp)
        floor()  # once first: caches warm for both
        floor.times.clear()
        if args.only in (None, "report"):
            bench_report(floor, tmp, args.runs)
        if args.only in (None, "assess"):
            bench_assess(floor)
        if args.only in (None, "batch"):
            bench_batch(floor, tmp, args.profiles, [int(w) for w in args.workers.split(",")],
                        args.schedulers.split(","))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
