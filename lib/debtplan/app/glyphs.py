"""Every character she types is drawn, in the field and on every step, without reloading the page.

The app's served font holds GB 2312 and the product's sentences (:mod:`debtplan.present.servedfont`); the page
also embeds the rare characters already in her profile when it opens. A name typed during the session may hold
characters beyond both (喆, 玥, 珺, 镕, 堃 from the national list of standard characters, 𠮷 from extension B,
traditional 還錢): on a machine without Chinese system fonts they were drawn as boxes. :class:`TypedGlyphs`
watches every text box of the app and, when a typed value holds such a character, adds its glyph to the page
as one more face of the same font family (an ``@font-face`` rule with a ``unicode-range``), so the browser draws
it at once wherever it appears.
"""
from __future__ import annotations

from typing import Any, Callable

import ipywidgets as widgets

from ..present.webfont import font_face_css

__all__ = ["TypedGlyphs", "CJK_START"]

#: Characters from here on are drawn from the Chinese font (CJK radicals, punctuation, ideographs, extensions).
CJK_START = 0x2E80
_TEXT_KINDS = (widgets.Text, widgets.Textarea, widgets.Combobox)


def _unicode_range(chars: set[str]) -> str:
    return ", ".join(f"U+{ord(ch):X}" for ch in sorted(chars))


class TypedGlyphs:
    """An HTML control holding the glyphs typed so far that the page could not draw (one ``<style>``).

    ``drawn``: the characters the page already has (the served font's and those embedded when it opened).
    :meth:`watch` follows a text box; :meth:`follow_new_text_boxes` follows every text box made from then on
    (the app makes forms as records are added); :meth:`see` takes any text directly."""

    def __init__(self, lang: str, drawn: str = "") -> None:
        self.lang = lang
        self.widget = widgets.HTML("", layout=widgets.Layout(display="none"))
        self._drawn = set(drawn)
        self._rules: list[str] = []

    def see(self, text: Any) -> str:
        """Add the glyphs of the characters in ``text`` that the page cannot draw yet; return them."""
        new = {ch for ch in str(text or "") if ord(ch) >= CJK_START and ch not in self._drawn}
        if not new:
            return ""
        self._drawn |= new
        face = font_face_css("".join(sorted(new)), "zh").strip()
        # each face covers only its own characters, so the faces of one family add up instead of hiding each other
        self._rules.append(face.replace("font-weight:", f"unicode-range: {_unicode_range(new)}; font-weight:", 1))
        self.widget.value = "<style>" + "\n".join(self._rules) + "</style>"
        return "".join(sorted(new))

    def watch(self, box: Any) -> None:
        """Draw what is typed into ``box`` (and what it holds now)."""
        box.observe(lambda change: self.see(change["new"]), names="value")
        self.see(box.value)

    def follow_new_text_boxes(self) -> Callable[[], None]:
        """Watch every text box constructed from now on; returns the function that stops it."""
        previous = widgets.Widget._widget_construction_callback

        def constructed(widget: Any) -> None:
            if previous is not None:
                previous(widget)
            if isinstance(widget, _TEXT_KINDS):
                self.watch(widget)

        widgets.Widget.on_widget_constructed(constructed)

        def stop() -> None:
            widgets.Widget.on_widget_constructed(previous)
        return stop
