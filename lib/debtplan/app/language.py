"""One language per page, and one switch to change it.

:func:`language_switch` is the one control that changes the app's language: two buttons, each language
named in itself (中文 / English, as language menus do), labelled in the page's language for screen
readers. The app calls it and places it; on a change it calls ``on_change(new_lang)``, and the app redraws
everything in that language (its labels included).

:func:`page_language_html` marks a page's language (and, if given, its tab title) for the app's script
(``jupyter/voila/templates/debtplan/static/app.js``), which sets ``<html lang>`` so screen readers use the
right voice and Chromium the right fonts.
"""
from __future__ import annotations

from html import escape
from typing import Callable

from ..text.i18n import LANGS, t

__all__ = ["LANGUAGE_NAMES", "language_switch", "page_language_html"]

#: Each language named in itself.
LANGUAGE_NAMES = {"zh": "中文", "en": "English"}


def language_switch(lang: str, on_change: Callable[[str], None]):
    """A two-button switch showing ``lang`` chosen; choosing the other calls ``on_change(other)``.

    >>> calls = []
    >>> switch = language_switch("zh", calls.append)
    >>> switch.options, switch.value, switch.description
    (('中文', 'English'), '中文', '语言')
    >>> switch.value = "English"
    >>> calls
    ['en']
    """
    import ipywidgets as W

    by_name = {LANGUAGE_NAMES[code]: code for code in LANGS}
    switch = W.ToggleButtons(options=[LANGUAGE_NAMES[code] for code in LANGS], value=LANGUAGE_NAMES[lang],
                             description=t("w_language", lang), tooltips=[LANGUAGE_NAMES[code] for code in LANGS],
                             style={"description_width": "initial", "button_width": "auto"})
    switch.add_class("dp-language")
    switch.observe(lambda ch: on_change(by_name[ch["new"]]), names="value")
    return switch


def page_language_html(lang: str, title: str = "") -> str:
    """A hidden marker: the page is in ``lang`` (and its tab is titled ``title``).

    >>> page_language_html("zh", "债务协商助手")
    '<span hidden data-dp-lang="zh" data-dp-title="债务协商助手"></span>'
    """
    attr = f' data-dp-title="{escape(title)}"' if title else ""
    return f'<span hidden data-dp-lang="{escape(lang)}"{attr}></span>'
