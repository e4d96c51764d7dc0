"""Batches: one bad profile is reported and the others are built, locally and on a Dask cluster."""
import subprocess
import sys
from pathlib import Path

import pytest

from debtplan.run.batch import run_batch

from conftest import FIXTURES, ROOT

pytestmark = pytest.mark.slow


def test_local_pool_survives_a_bad_file(tmp_path):
    profiles = [str(ROOT / "data/examples/sam.yaml"), str(FIXTURES / "many-problems.yaml"),
                str(ROOT / "data/examples/xiao-li.yaml")]
    from conftest import chromium_path

    chromium_path()
    results = run_batch(profiles, str(tmp_path), workers=2, pdf=True)
    assert [r["profile"] for r in results] == profiles
    assert [r["ok"] for r in results] == [True, False, True]
    assert "debts[1].daily_rate" in results[1]["error"] and "lang" in results[1]["error"]
    assert (tmp_path / "sam" / "index.html").exists() and (tmp_path / "xiao-li" / "index.html").exists()
    assert (tmp_path / "sam" / "index.pdf").exists() and (tmp_path / "xiao-li" / "index.pdf").exists()
    assert not (tmp_path / "many-problems").exists()


def test_batch_cli_on_a_dask_cluster(tmp_path):
    proc = subprocess.run([str(Path(sys.executable).parent / "debtplan"), "batch", str(ROOT / "data/examples/sam.yaml"),
                           str(FIXTURES / "many-problems.yaml"), "--out", str(tmp_path), "--workers", "1",
                           "--scheduler", "dask-local"], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1  # one profile failed, and says so
    assert "1 passed, 1 failed" in proc.stdout
    assert (tmp_path / "sam" / "index.html").exists()
