"""The Chinese web font for the app, as one file the local server serves and the browser caches.

The printed report embeds only the characters it uses (:mod:`webfont`). The app cannot know in advance what
a person will type, so it serves a broad subset once: every character of GB 2312 (the 6,763 common
characters, which hold the 3,500 of the 通用规范汉字表's first level nearly all), the CJK and full-width
punctuation, and every character of the product's own sentences. Noto Sans CJK SC (SIL Open Font License,
from the ``noto-cjk-sans-otc`` package); WOFF (zlib: no extra package), no hints or layout features (plain
horizontal text needs neither), about 1.3 MB, built in about 5 s and then reused.

The same family name as the report's embedded subset (:data:`webfont.FAMILY`), so the parts' style sheet
applies unchanged; a page may also carry the inline subset (the profile's own rare characters), and Chromium
then draws each character from whichever of the two faces has it.
"""
from __future__ import annotations

import functools
import hashlib
import io
from pathlib import Path

from ..core.atomic import replace_file

__all__ = ["FAMILY", "common_characters", "served_font_woff", "write_served_font"]

FAMILY = "DebtplanCJK"
#: Raised whenever the character set or the subsetting changes, so cached files are rebuilt.
VERSION = "1"


@functools.lru_cache(maxsize=1)
def common_characters() -> str:
    """GB 2312's characters (its symbols rows and both levels of hanzi), CJK punctuation (U+3000-303F),
    full-width forms (U+FF00-FFEF), general punctuation (U+2000-206F) and the product's own sentences.

    >>> chars = common_characters()
    >>> all(c in chars for c in "食品烟酒国家统计局法释〔〕号，。：；“”…—璐婧")
    True
    >>> 7000 < len(chars) < 9000
    True
    """
    from ..text.i18n import CATEGORY_NAMES, GROUP_NAMES, PRODUCT_NAMES
    from ..text.sentences import SENTENCES

    chars: set[str] = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    chars.update(chr(c) for c in (*range(0x3000, 0x3040), *range(0xFF00, 0xFFF0), *range(0x2000, 0x2070)))
    words = [entry.get("zh", "") for entry in SENTENCES.values()]
    words += [zh for table in (CATEGORY_NAMES, GROUP_NAMES, PRODUCT_NAMES) for zh, _ in table.values()]
    chars.update("".join(words))
    return "".join(sorted(c for c in chars if ord(c) >= 0x2000))


def served_font_woff() -> bytes:
    """The font file (WOFF) holding :func:`common_characters`."""
    import noto_cjk_sans_otc
    from fontTools import subset
    from fontTools.ttLib import TTCollection, TTFont

    path = str(noto_cjk_sans_otc.FONT_PATH)
    names = [f["name"].getDebugName(1) for f in TTCollection(path, lazy=True).fonts]
    font = TTFont(path, fontNumber=names.index("Noto Sans CJK SC"), lazy=False)
    options = subset.Options()
    options.flavor = "woff"
    options.layout_features = []
    options.hinting = False
    options.name_IDs = ["*"]
    options.notdef_outline = True
    sub = subset.Subsetter(options)
    sub.populate(text=common_characters())
    sub.subset(font)
    buf = io.BytesIO()
    font.flavor = "woff"
    font.save(buf)
    return buf.getvalue()


def write_served_font(folder: Path) -> str:
    """Write ``debtplan-cjk.woff`` and ``font.css`` (its ``@font-face`` rule) into ``folder`` unless they are
    there already for this version; return the CSS. The font's URL carries a hash of the file, so the
    server lets the browser keep it (Tornado's static handlers send a long cache time for ``?v=``)."""
    folder = Path(folder)
    woff, css_file, stamp = folder / "debtplan-cjk.woff", folder / "font.css", folder / "debtplan-cjk.version"
    if not (woff.exists() and css_file.exists() and stamp.exists() and stamp.read_text() == VERSION):
        data = served_font_woff()
        folder.mkdir(parents=True, exist_ok=True)
        replace_file(woff, data)
        digest = hashlib.sha256(data).hexdigest()[:12]
        replace_file(css_file, (f'@font-face {{ font-family: "{FAMILY}"; src: url("debtplan-cjk.woff?v={digest}") '
                                'format("woff"); font-weight: 100 900; font-display: block; }\n').encode("utf-8"))
        replace_file(stamp, VERSION.encode("utf-8"))
    return css_file.read_text(encoding="utf-8")
