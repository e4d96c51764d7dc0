"""Style sheets and the embedded Chinese font, for the report page and for the notebooks.

``PARTS_CSS`` styles only elements with ``dp-`` classes (safe inside JupyterLab and Voila); ``PAGE_CSS`` adds
the page, print and A4 rules of the standalone report.
"""
from __future__ import annotations

from html import escape
from pathlib import Path

from .svgdefs import shared_glyphs
from .webfont import font_face_css

__all__ = ["PARTS_CSS", "PAGE_CSS", "style_block", "page_html"]

_HERE = Path(__file__).parent
PARTS_CSS = (_HERE / "parts.css").read_text(encoding="utf-8")
PAGE_CSS = (_HERE / "page.css").read_text(encoding="utf-8")


def style_block(text: str, lang: str = "zh", page: bool = False) -> str:
    """A ``<style>`` element: the font subset for the characters of ``text``, the parts' rules, and with
    ``page`` the page and print rules."""
    return f"<style>{font_face_css(text, lang)}{PARTS_CSS}{PAGE_CSS if page else ''}</style>"


def page_html(title: str, lang: str, body: str, font_css: str | None = None) -> str:
    """A complete, self-contained page (inline CSS and font, no scripts, no external files): the shell of the
    report and of each letter copy."""
    if font_css is None:
        font_css = font_face_css(title + body, lang)
    body = shared_glyphs(body)
    return (f'<!DOCTYPE html>\n<html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{escape(title)}</title><style>{font_css}{PARTS_CSS}{PAGE_CSS}</style></head>"
            f"<body>{body}</body></html>\n")
