"""Inline charts of one page share one id space: each glyph outline is defined once a page.

Matplotlib writes every glyph of a chart's text as a ``<path id="DejaVuSans-31" …/>`` in that chart's
``<defs>``, drawn through ``<use xlink:href="#DejaVuSans-31">``; the ids are the same from chart to chart
(the same glyph, the same id). On a page with many charts the same outlines were written again and again:
about 40% of a report's bytes, and duplicate ids are invalid HTML.
"""
from __future__ import annotations

import re

__all__ = ["shared_glyphs"]

_PATH_DEF = re.compile(r'<path id="([^"]+)"[^>]*/>')


def shared_glyphs(html: str) -> str:
    """``html`` with each ``<path id=…/>`` that an earlier one of the page already defines (same id, same
    markup) left out; the later charts' ``<use>`` then draw the first. A same id with other markup is kept.

    >>> shared_glyphs('<svg><path id="g" d="M 0 0"/></svg><svg><path id="g" d="M 0 0"/><use xlink:href="#g"/></svg>')
    '<svg><path id="g" d="M 0 0"/></svg><svg><use xlink:href="#g"/></svg>'
    """
    seen: dict[str, str] = {}
    out, pos = [], 0
    for m in _PATH_DEF.finditer(html):
        ident, text = m.group(1), m.group()
        if seen.get(ident) == text:
            out.append(html[pos:m.start()])
            pos = m.end()
        else:
            seen.setdefault(ident, text)
    out.append(html[pos:])
    return "".join(out)
