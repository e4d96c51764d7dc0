"""A batch tells each client's line as that client's report is done, not when the whole batch ends (a counsellor
watching 30 clients sees them come in)."""
import shutil
import time
from pathlib import Path

import pytest

from debtplan.run import batch

from conftest import ROOT


def _paced_build(task):
    """A stand-in for one report's build: the client named "quick" takes a moment, "slow" much longer."""
    time.sleep(0.1 if task["file_name"].startswith("quick") else 2.0)
    return {"ok": False, "error": "paced stand-in"}


@pytest.mark.parametrize("workers", [1, 2])
def test_each_clients_line_is_told_when_its_report_is_done(tmp_path, monkeypatch, workers):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("quick", "slow"):
        shutil.copy(ROOT / "data/examples/sam.yaml", folder / f"{name}.yaml")
    monkeypatch.setattr(batch, "build_remote", _paced_build)  # forked pool workers inherit the stand-in
    told = []
    start = time.monotonic()
    batch.run_batch([str(folder)], tmp_path / "out", workers=workers, progress=False,
                    on_row=lambda item: told.append((time.monotonic() - start, item["profile"], item["error"])))
    end = time.monotonic() - start
    assert len(told) == 2 and {Path(profile).stem for _, profile, _ in told} == {"quick", "slow"}, told
    assert all(error == "paced stand-in" for _, _, error in told), told
    quick = next(at for at, profile, _ in told if "quick" in profile)
    assert quick < end - 1.5, (quick, end)  # told while the slow report was still being built
