"""Profile files: read, load (read + validate) and save.

:func:`load_profile` reads a file and returns a frozen :class:`~debtplan.core.model.Profile`, or raises
:class:`~debtplan.core.errors.ProfileError` listing **every** problem (see :mod:`debtplan.inputs.validate`,
said in the reader's language by :mod:`debtplan.text.problems`).

:func:`save_profile` writes atomically and keeps the previous file as ``<name>.bak``. Records that are
only ever added (``negotiations``, ``payments``) are kept in file order.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable

import yaml

from ..core.errors import Problem, ProfileError, SaveError
from .validate import parse_profile, profile_lang, record_id, with_record_ids

__all__ = ["load_profile", "parse_profile", "read_profile_dict", "save_profile", "dump_yaml", "record_id",
           "with_record_ids", "profile_lang"]


class _Loader(yaml.SafeLoader):
    """YAML without implicit dates: ``2026-13-01`` reaches validation as text and gets a clear message."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def read_profile_dict(path: str | Path) -> dict:
    """The raw mapping of a profile file (for editing and saving back); raises ProfileError when unreadable."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ProfileError([Problem("", "", None, str(path), "problem_no_file", {"file": str(path)})]) from None
    except IsADirectoryError:
        raise ProfileError([Problem("", "", None, str(path), "problem_is_folder", {"file": str(path)})]) from None
    # UTF-8 (with or without the BOM Windows Notepad adds), or GB18030/GBK as Chinese Windows saves it.
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes any byte string that is text at all
        raise ProfileError([Problem("", "", None, str(path), "problem_not_text_file")])
    try:
        data = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise ProfileError([Problem("", "", None, str(path), "problem_bad_yaml",
                                    {"line": line, "column": column})]) from None
    return data if data is not None else {}


def load_profile(path: str | Path) -> "Profile":
    """Read and validate a profile file (see the README for its keys)."""
    return parse_profile(read_profile_dict(path), str(path))


def _represent_decimal(dumper: yaml.SafeDumper, value: Decimal):
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(value))


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(Decimal, _represent_decimal)


def dump_yaml(data: Any) -> str:
    """YAML text for a profile mapping: Chinese kept readable, key order kept, Decimals as strings."""
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, default_flow_style=False)


def save_profile(data: dict, path: str | Path, *, validate: Callable[[dict], Any] | None = parse_profile,
                 backup: bool = True) -> Path:
    """Write a profile mapping to ``path`` atomically.

    The mapping is validated first (nothing is written when it has problems); the previous file is kept
    as ``<path>.bak``; the new text goes to a temporary file in the same folder, is flushed to disk, and
    replaces the old file in one step, so a crash leaves either the old file or the new one, never half.
    """
    path = Path(path)
    if validate is not None:
        validate(data)
    text = dump_yaml(data)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        bak_tmp = None
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
                fh.flush()
                os.fsync(fh.fileno())
            if backup and path.exists():
                bak_tmp = f"{tmp}.bak"
                shutil.copy2(path, bak_tmp)
            os.replace(tmp, path)
            if bak_tmp:  # the old .bak is replaced only once the new file is in place
                os.replace(bak_tmp, path.with_name(path.name + ".bak"))
        except BaseException:
            for leftover in (tmp, bak_tmp):
                if leftover and os.path.exists(leftover):
                    os.unlink(leftover)
            raise
    except OSError as exc:
        raise SaveError(f"could not save {path}: {exc.strerror or exc}; the previous file is unchanged") from exc
    return path
