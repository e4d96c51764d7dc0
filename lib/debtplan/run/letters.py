"""Dated copies of the letters sent: ``<report folder>/letters/<date>-<kind>-<creditor>.html``.

Each letter recorded under ``letters:`` in the profile gets one copy, made with the figures as of the day it was
sent and asking for a reply by the date recorded (the one the calendar shows); a copy that exists is never replaced, so what was sent stays as it was whatever the profile becomes.
"""
from __future__ import annotations

import os
import tempfile
from dataclasses import replace
from pathlib import Path

from ..calc.assessment import assess
from ..core.model import Profile, Rules
from ..inputs.rules import load_rules
from ..present.legal import letter_copy_name, letter_for
from ..present.styles import page_html
from ..text.i18n import t

__all__ = ["keep_letter_copies", "letter_copies", "write_letter_copies"]


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


def letter_copies(profile: Profile, *, lang: str | None = None, rules: Rules | None = None,
                  skip: set[str] | frozenset[str] = frozenset()) -> dict[str, bytes]:
    """The dated copy of every letter of ``profile`` whose file name is not in ``skip``: name -> the page."""
    if not profile.letters:
        return {}
    rules = rules or load_rules()
    lang = lang or profile.lang
    copies = {}
    for letter in profile.letters:
        name = letter_copy_name(letter)
        if name in skip or name in copies:
            continue
        a = assess(profile, rules, as_of=letter.date)
        if letter.reply_by is not None:  # the copy asks for the reply by the date recorded, as the calendar does
            days = (letter.reply_by - letter.date).days
            a = replace(a, settings={**a.settings, "reply_days": days, "complaint_reply_days": days})
        body = letter_for(a, rules, letter, lang)
        if body:
            copies[name] = page_html(t("lg_letters_title", lang), lang, body).encode("utf-8")
    return copies


def write_letter_copies(copies: dict[str, bytes], out_dir: str | Path) -> list[Path]:
    """Write each copy into ``out_dir/letters`` unless a copy of that name is there; returns those written."""
    if not copies:
        return []
    folder = Path(out_dir) / "letters"
    folder.mkdir(parents=True, exist_ok=True)
    return [folder / name for name, data in copies.items() if _write_once(folder / name, data.decode("utf-8"))]


def keep_letter_copies(profile: Profile, out_dir: str | Path, *, lang: str | None = None,
                       rules: Rules | None = None) -> list[Path]:
    """Write the dated copy of every letter of ``profile`` that has none yet; returns the copies written."""
    folder = Path(out_dir) / "letters"
    have = {p.name for p in folder.iterdir()} if folder.is_dir() else set()
    return write_letter_copies(letter_copies(profile, lang=lang, rules=rules, skip=have), out_dir)
