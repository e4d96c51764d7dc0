"""Every command line the README shows runs as written, in a temporary copy of the project.

The commands are read from the README itself (the "Everyday use" table and the indented command blocks), so
a command changed there is tested as changed. Placeholders are filled with an example (``FILE``: a copy of
Xiao Li's profile as data/private/me.yaml; ``DIR``: a new folder); optional ``[...]`` parts are left out. Not run here: the ``make``
targets (each has its own test: a venv is not rebuilt in a copy), commands shown with ``…`` (their full
forms are in "The calculators"), and a Dask cluster on another machine (``tls://``, ``HOST``:
tests/test_batch.py starts one).
"""
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

BIN = Path(sys.executable).parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
PLACEHOLDERS = {"FILE": "data/private/me.yaml", "FILES_OR_FOLDERS": "data/examples", "PROFILE_OR_DIR...":
                "data/examples", "DIR": "out/dir"}


def _commands() -> list[str]:
    table = README[README.index("## Everyday use"):README.index("**The app**")]
    found = [m.strip("`") for m in re.findall(r"`[^`]+`", table)]
    lines = README.splitlines()
    for i, line in enumerate(lines):  # indented blocks, with their continuation lines
        if re.match(r"^    (\.venv/bin/|debtplan )", line):
            command = line.strip()
            j = i
            while command.endswith("\\") or (j + 1 < len(lines) and lines[j + 1].startswith("                   ")
                                             and lines[j + 1].strip().startswith("[")):
                j += 1
                command = command.rstrip("\\").rstrip() + " " + lines[j].strip()
            found.append(command)
    commands = []
    for command in found:
        if not re.match(r"(\.venv/bin/|debtplan )", command) or "…" in command or "tls://" in command \
                or "HOST" in command or "ADDRESS" in command:
            continue
        command = re.sub(r"\s*\[[^\]]*\]", "", command.replace("\\|", "|")).strip()
        command = re.sub(r"^debtplan ", ".venv/bin/debtplan ", command)
        for name, value in PLACEHOLDERS.items():
            command = re.sub(rf"(?<![\w/.-]){re.escape(name)}(?![\w/.-])", value, command)
        if command not in commands:
            commands.append(command)
    return commands


COMMANDS = _commands()


def test_the_readme_commands_are_found():
    """The list below is what the README shows; a README without these would test nothing."""
    assert len(COMMANDS) >= 10
    assert any("papermill notebooks/03-repayment-plans.ipynb" in c and "--cwd notebooks" in c for c in COMMANDS)
    assert any(c.startswith(".venv/bin/debtplan batch data/private") for c in COMMANDS)
    assert any(c.startswith(".venv/bin/debtplan owed") and "--format json" in c for c in COMMANDS)


@pytest.fixture(scope="module")
def copy(tmp_path_factory):
    """The project's data and notebooks in a temporary folder, with this environment as its .venv, and a
    private profile for the commands that read data/private."""
    root = tmp_path_factory.mktemp("project")
    for name in ("data", "notebooks"):
        shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("private"))
    (root / ".venv").symlink_to(BIN.parent)
    (root / "data" / "private").mkdir()
    shutil.copy(ROOT / "data/examples/xiao-li.yaml", root / "data/private/me.yaml")
    return root


@pytest.mark.slow
@pytest.mark.parametrize("command", COMMANDS)
def test_each_readme_command_runs_as_written(copy, command):
    env = {k: v for k, v in os.environ.items() if k not in ("JPY_SESSION_NAME", "DEBTPLAN_PROFILE")}
    env["PWD"] = str(copy)
    proc = subprocess.run(["bash", "-c", command], cwd=copy, capture_output=True, text=True, timeout=600, env=env)
    assert proc.returncode == 0, f"{command}\n{proc.stdout[-1500:]}\n{proc.stderr[-3000:]}"
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
