"""Replacing a file whole: a reader sees the old content or the new, never half of it."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

__all__ = ["replace_file"]


def replace_file(path: str | Path, data: bytes, mode: int = 0o644) -> Path:
    """Write ``data`` to a temporary file beside ``path`` and rename it over ``path`` (``mode`` as given, less
    the umask). A failure leaves ``path`` as it was and no temporary file. (Profiles are saved with more care:
    lock, fsync and backup, in :mod:`debtplan.inputs.files`.)"""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, mode & ~mask)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return path
