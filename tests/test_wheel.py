"""The wheel is all a machine needs: built from a copy of the project, installed into a fresh virtual
environment outside the checkout, it builds a report and a batch with nothing from the checkout."""
import os
import shutil
import subprocess
import sys
import zipfile

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow


def _run(cmd, **kw):
    proc = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, **kw)
    assert proc.returncode == 0, f"{cmd}\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    return proc


def _project_files():
    """What the wheel must carry: every module, template and style, the notebooks, the public data."""
    wanted = {f"debtplan/{p.relative_to(ROOT / 'lib/debtplan').as_posix()}"
              for p in (ROOT / "lib/debtplan").rglob("*")
              if p.is_file() and "__pycache__" not in p.parts and p.suffix in (".py", ".css", ".j2", ".json")}
    wanted |= {f"debtplan/_notebooks/{p.name}" for p in (ROOT / "notebooks").glob("*.ipynb")}
    wanted |= {f"debtplan/_data/{p.relative_to(ROOT / 'data').as_posix()}" for p in (ROOT / "data").rglob("*")
               if p.is_file() and "private" not in p.relative_to(ROOT / "data").parts}
    return wanted


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    """The wheel as `make wheel` builds it (with the pre-cut font face), from a copy of the project."""
    from debtplan.present.webfont import precut_face

    tmp = tmp_path_factory.mktemp("wheel")
    src = tmp / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md", "requirements.txt"):
        shutil.copy(ROOT / name, src / name)
    shutil.copytree(ROOT / "lib", src / "lib", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    shutil.copytree(ROOT / "notebooks", src / "notebooks", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    shutil.copytree(ROOT / "data", src / "data", ignore=shutil.ignore_patterns("private"))
    (src / "data/private").mkdir()
    (src / "data/private/someone.yaml").write_text("name: a real person\n")  # must never reach a wheel
    fonts = src / "lib/debtplan/present/fonts"
    fonts.mkdir(exist_ok=True)
    shutil.copy(precut_face(), fonts / precut_face().name)
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", tmp / "dist", src], timeout=600)
    (found,) = (tmp / "dist").glob("debtplan-*.whl")
    return found


def test_wheel_carries_everything_and_nothing_private(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = _project_files() - names
    assert not missing, sorted(missing)
    assert not [n for n in names if "private" in n or "someone" in n]
    assert [n for n in names if n.startswith("debtplan/present/fonts/") and n.endswith(".otf")]


def test_fresh_venv_from_the_wheel_builds_a_report_and_a_batch(wheel, tmp_path):
    venv = tmp_path / "venv"
    _run([getattr(sys, "_base_executable", sys.executable), "-m", "venv", venv], timeout=300)
    # --no-compile: the modules it runs are compiled as they are first imported (pip compiling every module of
    # every dependency took a third of this test)
    _run([venv / "bin/python", "-m", "pip", "install", "--quiet", "--no-compile", wheel], timeout=1200)
    work = tmp_path / "work"  # a folder with nothing of the checkout
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "DEBTPLAN_ROOT", "VIRTUAL_ENV")}
    env.update(PATH=f"{venv / 'bin'}:/usr/bin:/bin", DEBTPLAN_FONT_CACHE=str(tmp_path / "font-cache"))
    where = _run([venv / "bin/python", "-c", "import debtplan, debtplan.core.paths as p; "
                  "print(debtplan.__file__, p.INSTALLED, p.NOTEBOOKS_DIR, p.RULES_DIR)"], cwd=work, env=env).stdout
    assert str(ROOT) not in where and " True " in where and str(venv) in where
    profile = work / "client.yaml"
    shutil.copy(ROOT / "data/examples/zhang-family.yaml", profile)
    _run([venv / "bin/debtplan", "report", "--profile", profile, "--out", work / "report"], cwd=work, env=env,
         timeout=600)
    html = (work / "report/index.html").read_text(encoding="utf-8")
    assert "个人经济状况说明" in html and "@font-face" in html and "<svg" in html
    assert not (tmp_path / "font-cache").exists()  # the font came with the wheel
    batch = subprocess.run([venv / "bin/debtplan", "batch", work, "--out", work / "batch", "--workers", "1"],
                           cwd=work, env=env, capture_output=True, text=True, timeout=600)
    assert batch.returncode == 0 and "1 passed, 0 failed" in batch.stdout, batch.stdout + batch.stderr[-2000:]
