"""Profile files: read, load (read + validate) and save.

:func:`load_profile` reads a file and returns a frozen :class:`~debtplan.core.model.Profile`, or raises
:class:`~debtplan.core.errors.ProfileError` listing **every** problem (see :mod:`debtplan.inputs.validate`,
said in the reader's language by :mod:`debtplan.text.problems`). Reading is bounded and safe and saving keeps
the person's comments and layout (:mod:`debtplan.inputs.files`).

:func:`save_profile` writes atomically under a lock and keeps the previous file as ``<name>.bak``; records
that have no id yet get one, and the file its format ``version``, so later saves can merge record by record.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from ..core.model import Profile
from . import files as _files
from .validate import parse_profile, profile_lang, record_id, with_record_ids

__all__ = ["load_profile", "parse_profile", "read_profile_dict", "save_profile", "dump_yaml", "record_id",
           "with_record_ids", "profile_lang"]


def read_profile_dict(path: str | Path) -> dict:
    """The raw mapping of a profile file (for editing and saving back); raises ProfileError when unreadable.
    Bounded and safe: see :mod:`debtplan.inputs.files`."""
    return _files.read_mapping(path)


def load_profile(path: str | Path) -> Profile:
    """Read and validate a profile file (see the README for its keys)."""
    return parse_profile(read_profile_dict(path), str(path))


def dump_yaml(data: Any) -> str:
    """YAML text for a profile mapping: Chinese kept readable, key order kept, amounts as numbers."""
    return _files.dump_yaml(data)


def save_profile(data: dict, path: str | Path, *, validate: Callable[[dict], Any] | None = parse_profile,
                 backup: bool = True) -> Path:
    """Write a profile mapping to ``path``: validated first, under a lock, only the changes applied to the
    file as written (comments and layout kept), atomically, the previous version kept as ``<path>.bak``.
    See :func:`debtplan.inputs.files.save_mapping`."""
    with_record_ids(data)  # older files are upgraded: every record gets its id, the file its version
    return _files.save_mapping(data, path, validate=validate, backup=backup)
