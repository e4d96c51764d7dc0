"""Output paths a command may write: never a profile, a link to another file, ``/``, a folder where a file is
meant, or a folder holding files debtplan did not write (report folders carry a marker file).

Used by ``debtplan calendar``, ``report`` and ``batch``; :func:`out_path_problem` says why in the profile's language.
"""
from __future__ import annotations

import os
from pathlib import Path

__all__ = ["REPORT_MARKER", "out_path_problem", "mark_report_folder"]


#: The file debtplan writes into every report folder it makes, so a later run knows the folder is its own.
REPORT_MARKER = ".debtplan-report"
#: What a report folder of an older version holds (no marker then): index.html beside these kinds of files.
_REPORT_SUFFIXES = {".html", ".ipynb", ".pdf", ".csv", ".xlsx", ".json", ".css", ".png", ".svg", ".woff2", ".tmp",
                    ".lock"}

_OUT_MESSAGES = {
    "profile": ("--out {path}: 这是你的资料文件（或指向它的链接），写在这里会覆盖它。请换一个输出路径，例如 {example}。",
                "--out {path}: this is your profile (or a link to it); writing there would replace it. "
                "Choose another output path, e.g. {example}."),
    "link": ("--out {path}: 这是指向另一个文件的链接，写在这里会改掉那个文件。请换一个输出路径，例如 {example}。",
             "--out {path}: this is a link to another file; writing there would change that file. "
             "Choose another output path, e.g. {example}."),
    "root": ("--out {path}: 不能写到系统根目录或主目录。请换一个输出路径，例如 {example}。",
             "--out {path}: cannot write into the root or home folder. Choose another output path, e.g. {example}."),
    "folder": ("--out {path}: 这是一个文件夹，这里需要一个文件名。请写一个文件名，例如 {example}。",
               "--out {path}: this is a folder, but a file name is needed here. Write a file name, e.g. {example}."),
    "not_ours_file": ("--out {path}: 这个文件不是 debtplan 写的，不会覆盖它。请换一个输出路径，例如 {example}。",
                      "--out {path}: this file was not written by debtplan, so it is not replaced. "
                      "Choose another output path, e.g. {example}."),
    "file": ("--out {path}: 这是一个文件，这里需要一个文件夹。请写一个新文件夹的名字，例如 {example}。",
             "--out {path}: this is a file, but a folder is needed here. Write the name of a new folder, "
             "e.g. {example}."),
    "not_ours_folder": ("--out {path}: 这个文件夹里有不是 debtplan 写的文件，不会往里写。请换一个新文件夹，例如 {example}。",
                        "--out {path}: this folder holds files debtplan did not write, so nothing is written "
                        "there. Choose a new folder, e.g. {example}."),
}


def _is_report_folder(folder: Path) -> bool:
    """True when ``folder`` is one debtplan wrote: it has the marker, or the layout of an older version's report
    or batch (an ``index.html`` beside report files and report sub-folders only)."""
    if (folder / REPORT_MARKER).is_file() or (folder / f"{REPORT_MARKER}.json").is_file():
        return True  # the marker, or the build record run/report.py keeps beside a report
    if not (folder / "index.html").is_file():
        return False
    for entry in folder.iterdir():
        if entry.is_symlink():
            return False
        if entry.is_dir():
            if not _is_report_folder(entry):
                return False
        elif entry.suffix.lower() not in _REPORT_SUFFIXES:
            return False
    return True


def out_path_problem(out: str | os.PathLike, kind: str, protect: tuple = (), lang: str = "en",
                     file_start: bytes | None = None) -> str | None:
    """Why writing the output ``out`` would overwrite what is not debtplan's, as a sentence in ``lang``;
    None when it is safe. ``kind`` is ``"file"`` (one file, e.g. a calendar) or ``"folder"`` (a report
    folder). ``protect``: the input files (the profiles) that must never be written over. With
    ``file_start``, an existing file is replaced only when it begins with these bytes (a file of the same kind).

    >>> out_path_problem("/", "folder") is not None
    True
    """
    path = Path(out)
    example = "calendar.ics" if kind == "file" else "reports/me"
    zh = lang == "zh"

    def said(code: str) -> str:
        return _OUT_MESSAGES[code][0 if zh else 1].format(path=os.fspath(out), example=example)

    resolved = path.resolve()
    for source in protect:
        source = Path(source)
        if source.exists() and path.exists() and os.path.samefile(path, source):
            return said("profile")
        if source.exists() and resolved == source.resolve():
            return said("profile")
    if resolved == Path(resolved.anchor) or resolved == Path.home().resolve():
        return said("root")
    if path.is_symlink():
        return said("link")
    if kind == "file":
        if path.is_dir():
            return said("folder")
        if path.exists():
            if not path.is_file():
                return said("not_ours_file")
            if file_start is not None:
                with open(path, "rb") as handle:
                    if not handle.read(len(file_start)).startswith(file_start):
                        return said("not_ours_file")
        return None
    if path.exists() and not path.is_dir():
        return said("file")
    if path.is_dir() and any(path.iterdir()) and not _is_report_folder(path):
        return said("not_ours_folder")
    return None


def mark_report_folder(folder: str | os.PathLike) -> None:
    """Write the marker that tells later runs ``folder`` is a debtplan report folder."""
    marker = Path(folder) / REPORT_MARKER
    if Path(folder).is_dir() and not marker.exists():
        marker.write_text("written by debtplan: a report folder it may replace\n", encoding="utf-8")
