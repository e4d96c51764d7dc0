"""User text into HTML: cleaned (:func:`debtplan.core.usertext.clean_text`), cut, then escaped.

Every piece of HTML the views and the pack build goes through :func:`escape` (a whole sentence, cut at
:data:`SENTENCE_LIMIT`) or :func:`cell` (one name or note, cut at 200 characters with an ellipsis); the profile
keeps the whole text. :data:`NO_MATH` is the class that tells MathJax (JupyterLab, Voila) to leave a part
alone, so ``$5 … $10`` in a name stays text.

>>> escape("<b>借呗</b> $$ \\x1b[2J")
'&lt;b&gt;借呗&lt;/b&gt; $$ [2J'
"""
from __future__ import annotations

from html import escape as _html_escape
from typing import Any

from ..core.usertext import DISPLAY_LIMIT, clean_text

__all__ = ["escape", "cell", "NO_MATH", "SENTENCE_LIMIT", "no_math"]

#: The longest sentence or paragraph shown (a person's own account of their hardship fits many times over).
SENTENCE_LIMIT = 5000
#: MathJax 2 and 3 skip everything inside an element with one of these classes.
NO_MATH = "tex2jax_ignore mathjax_ignore"


def escape(text: Any, limit: int | None = SENTENCE_LIMIT) -> str:
    """``text`` cleaned of control characters, cut at ``limit`` and escaped for HTML (quotes included)."""
    return _html_escape(clean_text(text, limit))


def cell(text: Any) -> str:
    """One piece of user text (a name, a note) for a table cell or heading: cut at 200 characters."""
    return escape(text, DISPLAY_LIMIT)


def no_math(html: str) -> str:
    """``html`` in a block MathJax leaves alone (no ``$...$`` typeset as formulas)."""
    return f'<div class="{NO_MATH}">{html}</div>'
