"""Characters typed in the app beyond the served font get their glyphs on the page at once (app.glyphs)."""
import base64
import io
import re

import ipywidgets as widgets
from fontTools.ttLib import TTFont

from debtplan.app.glyphs import TypedGlyphs
from debtplan.present.servedfont import common_characters

NAMES = "王喆 刘玥 陈珺 朱镕 李堃 吉𠮷 還錢"  # beyond GB 2312: 通用规范汉字表, extension B, traditional


def faces(glyphs: TypedGlyphs) -> list[tuple[set[str], set[str]]]:
    """Each @font-face of the control: the characters of its unicode-range and those its font maps."""
    out = []
    for rule in re.findall(r"@font-face \{[^}]*\}", glyphs.widget.value):
        declared = re.search(r"unicode-range: ([^;]*);", rule).group(1)
        ranges = {chr(int(h, 16)) for h in re.findall(r"U\+([0-9A-F]+)", declared)}
        data = base64.b64decode(re.search(r"base64,([A-Za-z0-9+/=]+)", rule).group(1))
        mapped = {chr(c) for c in TTFont(io.BytesIO(data)).getBestCmap()}
        out.append((ranges, mapped))
    return out


def test_typed_characters_beyond_the_served_font_get_their_glyphs():
    glyphs = TypedGlyphs("zh", drawn=common_characters())
    city = widgets.Text()
    glyphs.watch(city)
    assert glyphs.widget.value == ""
    city.value = NAMES
    missing = {ch for ch in NAMES if ch != " " and ch not in common_characters()}
    assert missing >= {"喆", "玥", "珺", "镕", "堃", "𠮷", "還", "錢"}
    [(ranges, mapped)] = faces(glyphs)
    assert ranges == missing and missing <= mapped  # only what the page lacked, and every one of them drawn
    assert glyphs.widget.value.count("<style>") == 1  # one style element (app.css hides a style-only control)
    city.value = NAMES + "王"  # nothing new: no new face
    assert len(faces(glyphs)) == 1


def test_text_boxes_made_later_are_followed_until_stopped():
    glyphs = TypedGlyphs("en")
    stop = glyphs.follow_new_text_boxes()
    try:
        note = widgets.Textarea()
        note.value = "催收员说：還錢"
        assert {"還", "錢"} <= faces(glyphs)[-1][0]
    finally:
        stop()
    later = widgets.Text()
    later.value = "堃"
    assert all("堃" not in ranges for ranges, _ in faces(glyphs))
