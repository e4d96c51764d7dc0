"""Large but valid profiles stay quick: assess, calendar and report of the slow fixtures, each against a baseline.

The baseline, measured in the same run, is the same command on the reference profile (data/examples/xiao-li.yaml),
so the ratio says how much more a large profile costs than Xiao Li's; each time is also held against its target.
Runs alternate (baseline, case, baseline, case...) so the machine's load falls on both alike; medians are printed.

    python benchmarks/bench_limits.py                  # assess and calendar of every case, then the reports
    python benchmarks/bench_limits.py --skip-report    # without the reports (they take a while)
    python benchmarks/bench_limits.py --runs 5

Cases (tests/fixtures/slow/): daily-decades (charges capitalised every day since 1976), long-agreement (a
600-month agreed plan), fifty-debts (50 debts, a third capitalising daily for decades, 25 plans of 600 months).
Targets: assess <= 2 s, report <= 30 s, calendar <= 5 s.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
BASELINE = ROOT / "data/examples/xiao-li.yaml"
CASES = {name: ROOT / "tests/fixtures/slow" / f"{name}.yaml"
         for name in ("daily-decades", "long-agreement", "fifty-debts")}
TARGETS = {"assess": 2.0, "calendar": 5.0, "report": 30.0}


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    took = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    return took


def command(what: str, profile: Path, work: Path) -> list[str]:
    cmd = [str(BIN / "debtplan"), what, "--profile", str(profile)]
    if what == "calendar":
        return cmd + ["--out", str(work / f"{profile.stem}.ics")]
    if what == "report":
        return cmd + ["--out", str(work / f"report-{profile.stem}")]
    return cmd + ["--format", "json"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-report", action="store_true")
    args = parser.parse_args()
    kinds = ["assess", "calendar"] + ([] if args.skip_report else ["report"])
    over = 0
    print(f"{'case':16} {'command':9} {'baseline':>9} {'case':>9} {'ratio':>7} {'target':>7}")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for what in kinds:
            runs = 1 if what == "report" else args.runs
            for name, profile in CASES.items():
                base, case = [], []
                for _ in range(runs):
                    base.append(timed(command(what, BASELINE, work)))
                    case.append(timed(command(what, profile, work)))
                b, c = statistics.median(base), statistics.median(case)
                ok = c <= TARGETS[what]
                over += not ok
                print(f"{name:16} {what:9} {b:8.2f}s {c:8.2f}s {c / b:6.1f}x {TARGETS[what]:6.1f}s"
                      f"  {'ok' if ok else 'OVER TARGET'}", flush=True)
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
