"""Dated copies of the letters sent: ``<report folder>/letters/<date>-<kind>-<creditor>.html``.

Each letter recorded under ``letters:`` in the profile gets one copy, made with the figures as of the day it was
sent; a copy that exists is never replaced, so what was sent stays as it was whatever the profile becomes.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..calc.assessment import assess
from ..core.model import Profile, Rules
from ..inputs.rules import load_rules
from ..present.legal import letter_copy_name, letter_for
from ..text.i18n import t

__all__ = ["keep_letter_copies"]


def _write_once(path: Path, text: str) -> bool:
    """Write ``text`` to ``path`` unless it exists (atomically: a new name, then a hard link that fails if
    something is already there). Returns whether it was written."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        try:
            os.link(tmp, path)
        except FileExistsError:
            return False
        return True
    finally:
        os.unlink(tmp)


def keep_letter_copies(profile: Profile, out_dir: str | Path, *, lang: str | None = None,
                       rules: Rules | None = None) -> list[Path]:
    """Write the dated copy of every letter of ``profile`` that has none yet; returns the copies written."""
    if not profile.letters:
        return []
    from .report import page_html

    rules = rules or load_rules()
    lang = lang or profile.lang
    folder = Path(out_dir) / "letters"
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for letter in profile.letters:
        path = folder / letter_copy_name(letter)
        if path.exists():
            continue
        a = assess(profile, rules, as_of=letter.date)
        body = letter_for(a, rules, letter, lang)
        if body and _write_once(path, page_html(t("lg_letters_title", lang), lang, body)):
            written.append(path)
    return written
