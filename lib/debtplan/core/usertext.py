"""Text a person typed, made safe to show: in a report, a chart or a terminal.

Any character a person can type is kept as typed (Chinese, emoji 🙏, ``$$``, quotes); what cannot be seen
and could break or fool a display is removed: control characters (NUL, ESC and the ANSI sequences it starts,
DEL, the C1 range) and the invisible bidirectional overrides that reorder text. Line breaks and tabs become
spaces (or stay, for multi-line text). Long text is cut for display with an ellipsis; the profile file keeps
the whole. Escaping for HTML is the caller's job (``html.escape`` after this).

>>> clean_text("借呗\\x1b[31m🙏\\r\\n$$")
'借呗[31m🙏 $$'
>>> clean_text("x" * 300, 10)
'xxxxxxxxx…'
"""
from __future__ import annotations

import re
from typing import Any

__all__ = ["clean_text", "terminal_text", "DISPLAY_LIMIT"]

#: How many characters of one piece of user text a report or table shows.
DISPLAY_LIMIT = 200

_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufff9-\ufffb"
                        "\ud800-\udfff]")
_BREAKS = re.compile(r"\r\n|[\r\n\t\x0b\x0c\x85\u2028\u2029]")
_BREAKS_BUT_NEWLINE = re.compile(r"\r\n?|[\x0b\x0c\x85\u2028\u2029]")


def clean_text(value: Any, limit: int | None = DISPLAY_LIMIT, *, newlines: bool = False) -> str:
    """``value`` as text to show: invisible control characters removed, line breaks as spaces (kept as ``\\n``
    when ``newlines``), cut to ``limit`` characters with ``…`` (no cut when ``limit`` is None).

    >>> clean_text(None), clean_text(1500), clean_text("a\\tb\\x00c")
    ('', '1500', 'a bc')
    >>> clean_text("第一行\\r\\n第二行", newlines=True)
    '第一行\\n第二行'
    """
    text = "" if value is None else str(value)
    if newlines:
        text = _BREAKS_BUT_NEWLINE.sub("\n", text).replace("\t", " ")
    else:
        text = _BREAKS.sub(" ", text)
    text = _INVISIBLE.sub("", text)
    if limit is not None and len(text) > limit:
        text = text[:max(limit - 1, 0)].rstrip() + "…"
    return text


def terminal_text(text: str) -> str:
    """Whole output for a terminal: every line cleaned (no escape sequence reaches the terminal), lines kept.

    >>> terminal_text("ok\\n\\x1b]0;title\\x07bad\\n")
    'ok\\n]0;titlebad\\n'
    """
    return "\n".join(clean_text(line, None) for line in text.split("\n"))
