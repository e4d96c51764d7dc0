"""The profile being worked on in the app: one state shared by every step, and the one way of saving it.

* ``data`` is the mapping as the person is editing it, valid or not (an edit is never thrown away);
  ``problems`` are the loader's problems with it, by field path (``debts[1].daily_rate``);
  ``assessment`` is that of ``data`` when it is valid. While there are problems, ``current`` is False and the
  last assessment is shown only as "not yet including your latest change".
* ``base`` is the file as it was read (or last saved). :meth:`Session.save` holds the writers' lock while it
  reads the file again, merges it
  with the edits (:func:`debtplan.inputs.merge.merge_profiles`) so that an entry written meanwhile by
  ``debtplan log`` or another tab survives, and writes through :func:`debtplan.inputs.profile.save_profile`.
  It refuses, and keeps the edits, while a field is invalid, when the same field changed both here and on
  disk, when the file is read-only, and for the examples tracked by git.
* Listeners (the app's steps) are told after every change, so every step sees every edit at once.
"""
from __future__ import annotations

import copy
import datetime as _dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from ..calc.assessment import Assessment, assess
from ..core.dates import parse_date
from ..core.errors import DebtplanError, Problem, ProfileError, SaveError
from ..core.model import Profile, Rules
from ..core.paths import DEFAULT_PROFILE, EXAMPLES_DIR
from ..inputs.files import profile_lock
from ..inputs.merge import Conflict, merge_profiles
from ..inputs.profile import parse_profile, read_profile_dict, save_profile, with_record_ids
from ..inputs.rules import load_rules

__all__ = ["Session", "SaveResult", "open_profile", "resolve_profile_path", "path_text"]

Key = tuple  # a path into the mapping: ("debts", 1, "daily_rate")


def path_text(keys: Key) -> str:
    """``("debts", 1, "daily_rate")`` -> ``"debts[1].daily_rate"`` (the form of :attr:`Problem.path`)."""
    out = ""
    for k in keys:
        out += f"[{k}]" if isinstance(k, int) else (f".{k}" if out else str(k))
    return out


def resolve_profile_path(profile_path: str = "") -> Path:
    """The profile to open: the argument, else ``$DEBTPLAN_PROFILE``, else the default example."""
    chosen = profile_path or os.environ.get("DEBTPLAN_PROFILE") or str(DEFAULT_PROFILE)
    return Path(chosen).expanduser().resolve()


@dataclass
class SaveResult:
    """What a save did. ``status``: saved, unchanged, invalid, conflict, read_only, example, failed."""

    status: str
    path: Path
    problems: list = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.status in ("saved", "unchanged")


class Session:
    """One profile in memory, shared by every step of the app (and by the numbered notebooks)."""

    def __init__(self, path: Path, lang: str = "", as_of: str = "", rules: Rules | None = None):
        self.path = Path(path)
        self.rules: Rules = rules or load_rules()
        self.as_of: _dt.date | None = parse_date(as_of, "as_of") if as_of else None
        self.what_if: dict[str, Any] = {}
        self.listeners: list[Callable[[], None]] = []
        self.base: dict = with_record_ids(read_profile_dict(self.path))
        self.data: dict = copy.deepcopy(self.base)
        self.problems: list[Problem] = []
        self.profile: Profile | None = None
        self.assessment: Assessment | None = None
        try:  # a file with problems still opens: the app shows them beside their fields
            self.profile = parse_profile(self.data, str(self.path), self.rules)
            self.assessment = self._assess()
        except ProfileError as exc:
            self.problems = exc.problems
        file_lang = self.data.get("lang") if isinstance(self.data, dict) else None
        self.lang = lang or (self.profile.lang if self.profile else file_lang if file_lang in ("zh", "en") else "zh")

    # ------------------------------------------------------------------ state
    @property
    def current(self) -> bool:
        """True when the figures shown include every edit (the data is valid)."""
        return not self.problems

    @property
    def dirty(self) -> bool:
        """There are edits not yet saved to the file."""
        return self.data != self.base

    def _assess(self, **what_if: Any) -> Assessment:
        return assess(self.profile, self.rules, as_of=self.as_of, **what_if)

    def _changed(self) -> None:
        try:
            self.profile = parse_profile(self.data, str(self.path), self.rules)
            self.problems = []
            self.assessment = self._assess()
        except ProfileError as exc:
            self.problems = exc.problems
        for listener in list(self.listeners):
            listener()

    def get(self, keys: Key, default: Any = None) -> Any:
        target: Any = self.data
        for k in keys:
            try:
                target = target[k]
            except (KeyError, IndexError, TypeError):
                return default
        return target

    def set(self, keys: Key, value: Any) -> None:
        """Set ``data[k1][k2]... = value`` (an empty value removes the key: its default applies), keep it even
        when invalid, re-validate and re-assess, and tell every step."""
        target = self.data
        for k in keys[:-1]:
            if isinstance(target, dict) and target.get(k) is None:
                target[k] = {}
            target = target[k]
        if value is None or value == "":
            if isinstance(target, dict):
                target.pop(keys[-1], None)
            else:
                target[keys[-1]] = None
        else:
            target[keys[-1]] = value
        self._changed()

    def set_many(self, changes: dict[Key, Any]) -> None:
        """Several fields at once, validated once (a product preset filling its rates)."""
        listeners, self.listeners = self.listeners, []
        try:
            for keys, value in changes.items():
                self.set(keys, value)
        finally:
            self.listeners = listeners
        self._changed()

    def add_record(self, list_key: Key, item: dict) -> int:
        """Append ``item`` to the list at ``list_key`` (records get an id); return its index."""
        items = self.get(list_key)
        if not isinstance(items, list):
            items = []
            self.set(list_key, items)
        items.append(dict(item))
        if len(list_key) == 1:
            with_record_ids(self.data)
        self._changed()
        return len(items) - 1

    def remove_record(self, list_key: Key, index: int) -> None:
        del self.get(list_key)[index]
        self._changed()

    def problems_at(self, keys: Key) -> list[Problem]:
        where = path_text(keys)
        return [p for p in self.problems if p.path == where]

    def preview(self, **what_if: Any) -> Assessment | None:
        """The assessment with what-if changes (income_change, cost_cuts, one_off); changes nothing."""
        if self.problems or self.profile is None:
            return None
        return self._assess(**{k: v for k, v in what_if.items() if v})

    # ------------------------------------------------------------------ files
    def read_only_reason(self) -> str:
        """``example`` for a file tracked with the project, ``read_only`` when it cannot be written, else ''."""
        try:
            if self.path.resolve().is_relative_to(EXAMPLES_DIR.resolve()):
                return "example"
        except OSError:
            pass
        if self.path.exists() and (not os.access(self.path, os.W_OK) or not self.path.stat().st_mode & 0o222):
            return "read_only"  # no write permission for anyone: refused even for root, who could write it
        if not self.path.exists() and not os.access(self.path.parent, os.W_OK):
            return "read_only"
        return ""

    def save(self) -> SaveResult:
        """Merge the edits with the file as it is now and write it; see the module docstring."""
        if self.problems:
            return SaveResult("invalid", self.path, problems=list(self.problems))
        reason = self.read_only_reason()
        if reason:
            return SaveResult(reason, self.path)
        try:
            # The read, the merge and the write happen under the writers' lock, so an entry another writer
            # (``debtplan log``, another tab) adds while this save runs waits for it and is never overwritten.
            with profile_lock(self.path):
                result = self._save_locked()
        except SaveError as exc:
            if exc.code in ("problem_save_read_only", "problem_save_folder_read_only"):
                return SaveResult("read_only", self.path, detail=str(exc))
            return SaveResult("failed", self.path, detail=str(exc))
        if result.ok:
            self._changed()  # the steps are told after the lock is let go
        return result

    def _save_locked(self) -> SaveResult:
        try:
            theirs = with_record_ids(read_profile_dict(self.path)) if self.path.exists() else copy.deepcopy(self.base)
        except ProfileError as exc:
            return SaveResult("failed", self.path, problems=exc.problems, detail=str(exc))
        merged = merge_profiles(self.base, self.data, theirs)
        if merged.conflicts:
            return SaveResult("conflict", self.path, conflicts=merged.conflicts)
        try:
            parse_profile(merged.data, str(self.path), self.rules)
        except ProfileError as exc:
            return SaveResult("invalid", self.path, problems=exc.problems)
        if merged.data == theirs and self.path.exists():
            status = "unchanged"
        else:
            try:
                save_profile(merged.data, self.path)
            except PermissionError as exc:
                return SaveResult("read_only", self.path, detail=str(exc))
            except ProfileError as exc:
                return SaveResult("invalid", self.path, problems=exc.problems)
            except (DebtplanError, OSError) as exc:
                if not os.access(self.path, os.W_OK) or "read-only" in str(exc).lower() \
                        or "permission" in str(exc).lower():
                    return SaveResult("read_only", self.path, detail=str(exc))
                return SaveResult("failed", self.path, detail=str(exc))
            status = "saved"
        self.base = merged.data
        self.data = copy.deepcopy(merged.data)
        return SaveResult(status, self.path)

    def resolve(self, keep: str) -> list[Conflict]:
        """After a refused save: settle every field changed both here and in the file, keeping ``"mine"`` (the
        app's values) or ``"theirs"`` (the file's), and take in everything else the file has now. Nothing is
        written; the next Save writes the result. Returns the conflicts settled."""
        theirs = with_record_ids(read_profile_dict(self.path))
        merged = merge_profiles(self.base, self.data, theirs, keep="theirs" if keep == "theirs" else "mine")
        self.base, self.data = theirs, merged.data
        self._changed()
        return merged.conflicts

    def reload(self) -> None:
        """Read the file again, dropping unsaved edits."""
        self.base = with_record_ids(read_profile_dict(self.path))
        self.data = copy.deepcopy(self.base)
        self._changed()



def open_profile(profile_path: str = "", lang: str = "", as_of: str = "") -> Session:
    return Session(resolve_profile_path(profile_path), lang, as_of)
