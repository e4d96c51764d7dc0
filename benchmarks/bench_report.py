"""How long a report takes, against the baseline of running each notebook through the command-line tools.

Both are measured in this run (the machines are noisy: read the ratios). Baseline: for each of the four
notebooks, `papermill` then `jupyter nbconvert --to html --no-input`, as separate commands. Ours:
`debtplan.run.report.build_report`, one process with one kernel reused for the four notebooks. Then a batch of
the example profiles, one after another against two workers with a warm kernel each.
"""
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PROFILE = ROOT / "data/examples/xiao-li.yaml"
NOTEBOOKS = ["01-cash-flow", "02-what-i-owe", "03-repayment-plans", "04-negotiation-summary"]


def baseline(out: Path) -> float:
    start = time.perf_counter()
    for name in NOTEBOOKS:
        executed = out / f"{name}.ipynb"
        subprocess.run([str(BIN / "papermill"), str(ROOT / "notebooks" / f"{name}.ipynb"), str(executed), "-p",
                        "profile_path", str(PROFILE), "-p", "interactive", "False", "--cwd", str(ROOT / "notebooks"),
                        "--no-progress-bar"], check=True, capture_output=True)
        subprocess.run([str(BIN / "jupyter"), "nbconvert", "--to", "html", "--no-input", str(executed)], check=True,
                       capture_output=True)
    return time.perf_counter() - start


def ours(out: Path) -> float:
    start = time.perf_counter()
    subprocess.run([str(BIN / "debtplan"), "report", "--profile", str(PROFILE), "--out", str(out)], check=True,
                   capture_output=True)
    return time.perf_counter() - start


def batch(out: Path, workers: int) -> float:
    profiles = sorted(str(p) for p in (ROOT / "data/examples").glob("*.yaml"))
    start = time.perf_counter()
    subprocess.run([str(BIN / "debtplan"), "batch", *profiles, "--out", str(out), "--workers", str(workers)],
                   check=True, capture_output=True)
    return time.perf_counter() - start


if __name__ == "__main__":
    tmp = Path(tempfile.mkdtemp(prefix="debtplan-bench-"))
    try:
        (tmp / "baseline").mkdir()
        b = baseline(tmp / "baseline")
        o = ours(tmp / "ours")
        print(f"report, 4 x (papermill CLI + nbconvert CLI): {b:6.1f} s")
        print(f"report, debtplan report (one process, one kernel): {o:6.1f} s  -> {b / o:.1f}x faster")
        s1 = batch(tmp / "b1", 1)
        s2 = batch(tmp / "b2", 2)
        print(f"batch of 3 profiles, 1 worker: {s1:6.1f} s; 2 workers: {s2:6.1f} s  -> {s1 / s2:.2f}x")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
