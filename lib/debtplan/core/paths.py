"""The one module that knows where things are (cookiecutter-data-science style).

Two layouts, found without configuration:

* a checkout (``lib/debtplan`` beside ``data/`` and ``notebooks/``): everything is read from the checkout;
* an installed wheel: the wheel carries the rules, examples and benchmarks as ``debtplan/_data`` and the
  notebooks as ``debtplan/_notebooks`` (see ``pyproject.toml``), so a machine that only ran
  ``pip install debtplan-*.whl`` (a batch worker) has all it needs. Private profiles and reports then live
  under the current folder.

``DEBTPLAN_ROOT`` points at a checkout explicitly.
"""
from __future__ import annotations

import os
from pathlib import Path

__all__ = ["PROJ_ROOT", "DATA_DIR", "RULES_DIR", "EXAMPLES_DIR", "BENCHMARKS_DIR", "NOTEBOOKS_DIR",
           "REPORTS_DIR", "PRIVATE_DIR", "DEFAULT_PROFILE", "INSTALLED"]

_PACKAGE = Path(__file__).resolve().parents[1]
INSTALLED = "DEBTPLAN_ROOT" not in os.environ and (_PACKAGE / "_data").is_dir()

if INSTALLED:
    PROJ_ROOT = Path.cwd()
    DATA_DIR = _PACKAGE / "_data"
    NOTEBOOKS_DIR = _PACKAGE / "_notebooks"
    PRIVATE_DIR = PROJ_ROOT / "data" / "private"
else:
    PROJ_ROOT = Path(os.environ.get("DEBTPLAN_ROOT", _PACKAGE.parents[1]))
    DATA_DIR = PROJ_ROOT / "data"
    NOTEBOOKS_DIR = PROJ_ROOT / "notebooks"
    PRIVATE_DIR = DATA_DIR / "private"
RULES_DIR = DATA_DIR / "rules"
EXAMPLES_DIR = DATA_DIR / "examples"
BENCHMARKS_DIR = DATA_DIR / "benchmarks"
REPORTS_DIR = PROJ_ROOT / "reports"
DEFAULT_PROFILE = EXAMPLES_DIR / "xiao-li.yaml"
