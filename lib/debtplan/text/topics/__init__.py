"""Sentences of one subject each (the true cost of a loan, the credit record, evidence from a phone, ...),
kept beside the main table in :mod:`debtplan.text.sentences` so a subject's words are found in one file.

Each module here defines ``SENTENCES: dict[str, dict[str, str]]`` in the main table's form. :func:`collect` joins
them; a key defined twice, here or in the main table, is an error at import time, so no subject silently
replaces another's words.
"""
from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType
from typing import Iterable

from ...core.errors import RuleError

__all__ = ["collect"]


def collect(main: dict[str, dict[str, str]], modules: Iterable[ModuleType] | None = None) -> dict[str, dict[str, str]]:
    """The sentences of ``modules`` (every module of this package), checked against ``main`` and each other for
    repeated keys."""
    if modules is None:
        modules = [importlib.import_module(f"{__name__}.{info.name}")
                   for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name)]
    found: dict[str, dict[str, str]] = {}
    for module in modules:
        for key, entry in getattr(module, "SENTENCES", {}).items():
            if key in main or key in found:
                raise RuleError(f"sentence key {key!r} of {module.__name__} is defined twice")
            found[key] = entry
    return found
