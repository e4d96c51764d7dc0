"""The one module that knows where things are (cookiecutter-data-science style)."""
from __future__ import annotations

import os
from pathlib import Path

__all__ = ["PROJ_ROOT", "DATA_DIR", "RULES_DIR", "EXAMPLES_DIR", "BENCHMARKS_DIR", "NOTEBOOKS_DIR",
           "REPORTS_DIR", "PRIVATE_DIR", "DEFAULT_PROFILE"]

PROJ_ROOT = Path(os.environ.get("DEBTPLAN_ROOT", Path(__file__).resolve().parents[3]))
DATA_DIR = PROJ_ROOT / "data"
RULES_DIR = DATA_DIR / "rules"
EXAMPLES_DIR = DATA_DIR / "examples"
BENCHMARKS_DIR = DATA_DIR / "benchmarks"
PRIVATE_DIR = DATA_DIR / "private"
NOTEBOOKS_DIR = PROJ_ROOT / "notebooks"
REPORTS_DIR = PROJ_ROOT / "reports"
DEFAULT_PROFILE = EXAMPLES_DIR / "xiao-li.yaml"
