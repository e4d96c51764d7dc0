"""Style sheets and the embedded Chinese font, for the report page and for the notebooks.

``PARTS_CSS`` styles only elements with ``dp-`` classes (safe inside JupyterLab and Voila); ``PAGE_CSS`` adds
the page, print and A4 rules of the standalone report.
"""
from __future__ import annotations

from pathlib import Path

from .webfont import font_face_css

__all__ = ["PARTS_CSS", "PAGE_CSS", "style_block"]

_HERE = Path(__file__).parent
PARTS_CSS = (_HERE / "parts.css").read_text(encoding="utf-8")
PAGE_CSS = (_HERE / "page.css").read_text(encoding="utf-8")


def style_block(text: str, lang: str = "zh", page: bool = False) -> str:
    """A ``<style>`` element: the font subset for the characters of ``text``, the parts' rules, and with
    ``page`` the page and print rules."""
    return f"<style>{font_face_css(text, lang)}{PARTS_CSS}{PAGE_CSS if page else ''}</style>"
