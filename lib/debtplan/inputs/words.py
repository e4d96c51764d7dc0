"""The words people write for products, methods, areas, cost categories, channels and reasons (data/words.yaml).

>>> words = load_words()
>>> words.lookup("product", "蚂蚁借呗"), words.lookup("category", "学费"), words.lookup("category", "School")
('jiebei', 'education', 'education')
>>> words.lookup("category", "水果") is None
True
"""
from __future__ import annotations

import difflib
import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..core.errors import RuleError
from ..core.paths import DATA_DIR
from ..core.terms import normalize_word
from .yamlsafe import load_data_yaml

__all__ = ["Words", "load_words", "WORD_KINDS"]

WORD_KINDS = ("product", "method", "area", "category", "channel", "hardship_reason", "lang", "collection_channel",
              "contacted", "court_kind", "letter_kind", "ruling_kind", "written_form", "objection_kind",
              "objection_to")


@dataclass(frozen=True)
class Words:
    """``table[kind][canonical]`` = the words accepted for it; ``index[kind][normalized word]`` = canonical."""

    table: dict
    index: dict

    def lookup(self, kind: str, value: Any) -> str | None:
        """The canonical code ``value`` stands for in ``kind``, or None when it is not a known word."""
        if value is None or isinstance(value, (bool, dict, list)):
            return None
        return self.index[kind].get(normalize_word(value))

    def closest(self, kind: str, value: Any) -> str | None:
        """The code a word not in the table most likely means: a known word inside it ("孩子学费" -> education),
        else the nearest spelling ("comunication" -> communication); None when nothing is close."""
        word = normalize_word(value)
        inside = [(len(w), code) for w, code in self.index[kind].items() if len(w) >= 2 and w in word]
        if inside:
            return max(inside)[1]
        close = difflib.get_close_matches(word, list(self.index[kind]), n=1, cutoff=0.75)
        return self.index[kind][close[0]] if close else None


@functools.lru_cache(maxsize=None)
def load_words(path: Path | None = None) -> Words:
    """Read the synonym table; a word listed twice in one kind is an error in the data file."""
    path = path or DATA_DIR / "words.yaml"
    try:
        raw = load_data_yaml(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise RuleError(f"the word table {path} could not be read: {exc}") from None
    table, index = {}, {}
    for kind in WORD_KINDS:
        entries = raw.get(kind) or {}
        table[kind] = {str(code): tuple(str(w) for w in words) for code, words in entries.items()}
        index[kind] = {}
        for code, words in table[kind].items():
            for word in (code,) + table[kind][code]:
                key = normalize_word(word)
                if index[kind].get(key, code) != code:
                    raise RuleError(f"{path}: '{word}' means both {index[kind][key]} and {code} under {kind}")
                index[kind][key] = code
    return Words(table=table, index=index)
