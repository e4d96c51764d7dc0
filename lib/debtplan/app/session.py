"""A profile being worked on in a notebook: the raw file data, the validated profile and its assessment.

Edits change the data in memory, are validated by the same loader as files, and re-run the same
assessment; :meth:`Session.save` writes the file atomically, keeping the previous version as ``.bak``.
"""
from __future__ import annotations

import copy
import datetime as _dt
import os
from pathlib import Path
from typing import Any

from ..calc.assessment import Assessment, assess
from ..core.dates import parse_date
from ..core.errors import ProfileError
from ..core.paths import DEFAULT_PROFILE
from ..core.model import Profile, Rules
from ..inputs.profile import parse_profile, read_profile_dict, save_profile
from ..inputs.rules import load_rules

__all__ = ["Session", "open_profile", "resolve_profile_path"]


def resolve_profile_path(profile_path: str = "") -> Path:
    """The profile to open: the argument, else ``$DEBTPLAN_PROFILE``, else the default example."""
    chosen = profile_path or os.environ.get("DEBTPLAN_PROFILE") or str(DEFAULT_PROFILE)
    return Path(chosen).expanduser().resolve()


class Session:
    """One profile in memory. ``assessment`` is always that of the last valid data."""

    def __init__(self, path: Path, lang: str = "", as_of: str = "", rules: Rules | None = None):
        self.path = Path(path)
        self.rules: Rules = rules or load_rules()
        self.data: dict = read_profile_dict(self.path)
        self.as_of: _dt.date | None = parse_date(as_of, "as_of") if as_of else None
        self.what_if: dict[str, Any] = {}
        self.profile: Profile = parse_profile(self.data, str(self.path), self.rules)
        self.lang = lang or self.profile.lang
        self.assessment: Assessment = self._assess()
        self.problems: list = []

    def _assess(self) -> Assessment:
        return assess(self.profile, self.rules, as_of=self.as_of, **self.what_if)

    def set_what_if(self, **kw: Any) -> Assessment:
        """Re-assess with what-if changes (income_change, cost_cuts, one_off); the file is not touched."""
        self.what_if = {k: v for k, v in kw.items() if v}
        self.assessment = self._assess()
        return self.assessment

    def edit(self, keys: tuple, value: Any) -> list:
        """Set ``data[k1][k2]... = value`` and re-validate. Returns the problems (empty when valid); when there
        are problems the last valid assessment stays and nothing is saved."""
        trial = copy.deepcopy(self.data)
        target = trial
        for k in keys[:-1]:
            target = target[k]
        if (value is None or value == "") and isinstance(target, dict):
            target.pop(keys[-1], None)  # an emptied field falls back to its default
        else:
            target[keys[-1]] = value
        try:
            profile = parse_profile(trial, str(self.path), self.rules)
        except ProfileError as exc:
            self.problems = exc.problems
            return self.problems
        self.data, self.profile, self.problems = trial, profile, []
        self.assessment = self._assess()
        return []

    def reload(self) -> None:
        self.data = read_profile_dict(self.path)
        self.profile = parse_profile(self.data, str(self.path), self.rules)
        self.assessment = self._assess()

    def save(self) -> Path:
        return save_profile(self.data, self.path)


def open_profile(profile_path: str = "", lang: str = "", as_of: str = "") -> Session:
    return Session(resolve_profile_path(profile_path), lang, as_of)
