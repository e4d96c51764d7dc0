"""The embedded font: the fast subset of the pre-cut face gives exactly what fontTools' full subset gives."""
import base64
import io
import re

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

from debtplan.present import webfont

TEXT = "小李的借呗逾期，“停息挂账”——每月可给 1,200 元。国家金融监督管理总局 12378；法释〔2017〕22号"


def _font_of(css: str) -> TTFont:
    data = base64.b64decode(re.search(r"base64,([^)]+)\)", css).group(1))
    return TTFont(io.BytesIO(data))


def _full_subset(chars: str) -> bytes:
    """The same subset through every pass of fontTools (nothing skipped)."""
    font = TTFont(io.BytesIO(webfont._face_bytes()), lazy=True, recalcBBoxes=False, recalcTimestamp=False)
    options = subset.Options()
    options.flavor = "woff"
    options.layout_features = []
    options.hinting = True
    options.desubroutinize = False
    options.name_IDs = ["*"]
    options.notdef_outline = True
    sub = subset.Subsetter(options)
    sub.populate(text=chars)
    sub.subset(font)
    buf = io.BytesIO()
    font.flavor = "woff"
    font.save(buf)
    return buf.getvalue()


def test_fast_subset_is_the_full_subset():
    css = webfont.font_face_css(TEXT, "zh")
    chars = "".join(sorted({ch for ch in TEXT if ord(ch) >= 0x2000}))
    ours = base64.b64decode(re.search(r"base64,([^)]+)\)", css).group(1))
    assert ours == _full_subset(chars)
    cmap = _font_of(css).getBestCmap()
    assert {chr(c) for c in cmap} == set(chars)  # every character kept, no other


def test_passes_skipped_only_on_the_precut_face():
    precut = TTFont(io.BytesIO(webfont._face_bytes()), lazy=True)
    webfont._skip_glyph_passes(precut)
    assert "closure_glyphs" in vars(precut["CFF "])
    path = webfont._source()[0]  # the font collection: its faces have subroutines
    names = [f["name"].getDebugName(1) for f in TTCollection(path, lazy=True).fonts]
    original = TTFont(path, fontNumber=names.index("Noto Sans CJK SC"), lazy=True)
    webfont._skip_glyph_passes(original)
    assert "closure_glyphs" not in vars(original["CFF "])
    assert "remove_unused_subroutines" not in vars(original["CFF "].cff)


def test_english_page_keeps_latin_punctuation():
    css = webfont.font_face_css(TEXT, "en")
    cmap = {chr(c) for c in _font_of(css).getBestCmap()}
    assert "“" not in cmap and "—" not in cmap and "借" in cmap
    assert webfont.font_face_css("Only English here — “quoted”", "en") == ""
