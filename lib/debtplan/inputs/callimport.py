"""Saving an imported phone call log into a profile: the counts (``call_imports:``) and the entries she picked
(``collections:``), under the profile's lock, validated, atomically; the same file (same SHA-256) never twice,
and never past the profile's size limit."""
from __future__ import annotations

from pathlib import Path

from ..core.calls import CallFileError
from ..core.errors import Problem, ProfileError
from .files import MAX_BYTES as PROFILE_BYTES, dump_yaml, update_mapping
from .profile import parse_profile

__all__ = ["save_call_import"]


class _Already(Exception):
    def __init__(self, record: dict):
        self.record = record


def save_call_import(path: str | Path, record: dict, entries: list[dict] = ()) -> dict:
    """Add ``record`` (from :func:`debtplan.calc.calls.import_record`) to ``call_imports:`` and the picked
    ``entries`` to ``collections:``, under the profile's lock, validated, saved atomically; returns ``record``.
    When a file with the same hash was imported before, nothing is written and ``{"already": <the earlier
    record>}`` is returned. A profile that would pass its size limit raises ``calls_profile_full``."""
    def change(data: object) -> dict:
        if not isinstance(data, dict):
            raise ProfileError([Problem("", "", None, str(path), "problem_not_a_mapping")])
        for old in data.get("call_imports") or []:
            if isinstance(old, dict) and old.get("sha256") == record["sha256"]:
                raise _Already(old)
        data["call_imports"] = list(data.get("call_imports") or []) + [record]
        if entries:
            data["collections"] = list(data.get("collections") or []) + list(entries)
        if len(dump_yaml(data).encode("utf-8")) > PROFILE_BYTES:  # it could not be read back
            raise CallFileError("calls_profile_full", kb=PROFILE_BYTES // 1024)
        return record

    try:
        return update_mapping(path, change, validate=parse_profile)
    except _Already as done:
        return {"already": done.record}
