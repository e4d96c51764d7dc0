"""A CJK web font for the report, cut down to the characters the report uses and embedded in it.

A fresh machine or phone may have no Chinese font: the browser would draw boxes. The report therefore
carries Noto Sans CJK SC (SIL Open Font License, from the ``noto-cjk-sans-otc`` package) as a WOFF data
URI holding only the glyphs of the page's own text, typically under a hundred kilobytes.

Cutting the face out of the 19 MB font collection on every call took 0.5-1.6 s (the CFF outlines of every
glyph used were decompiled, their hints stripped and their bounds recomputed). So the work that is the same
for every report is done once: a *pre-cut* face — the SC face alone, every character it maps, no hints, no
subroutines, no layout or vertical tables — is built once (about 30 s) and kept, and each report only picks
its glyphs from it (about 0.15 s). It is looked for, in order, beside this module (a wheel built with
``make wheel`` ships it), in ``$DEBTPLAN_FONT_CACHE`` or the user's cache folder (``~/.cache/debtplan``),
and built there when missing (``python -m debtplan.present.webfont`` builds it ahead of time).
"""
from __future__ import annotations

import base64
import functools
import io
import os
import time
from pathlib import Path

from ..core.atomic import replace_file

__all__ = ["FAMILY", "font_face_css", "precut_face"]

FAMILY = "DebtplanCJK"
RECIPE = "1"  # change when the pre-cut recipe changes: the cached face is rebuilt
SHIPPED_DIR = Path(__file__).parent / "fonts"


def _source() -> tuple[str, str]:
    import noto_cjk_sans_otc
    from fontTools import version as ft_version

    path = str(noto_cjk_sans_otc.FONT_PATH)
    st = os.stat(path)
    return path, f"NotoSansCJKsc-r{RECIPE}-ft{ft_version}-{st.st_size}.otf"


def _cache_dir() -> Path:
    env = os.environ.get("DEBTPLAN_FONT_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "debtplan"


def build_precut(target: Path) -> Path:
    """Cut the SC face out of the collection into ``target`` (written whole, then renamed)."""
    from fontTools import subset
    from fontTools.ttLib import TTCollection, TTFont

    path, _ = _source()
    names = [f["name"].getDebugName(1) for f in TTCollection(path, lazy=True).fonts]
    font = TTFont(path, fontNumber=names.index("Noto Sans CJK SC"), lazy=True, recalcTimestamp=False)
    options = subset.Options()
    options.layout_features = []  # plain horizontal text: no GSUB/GPOS needed (half the size)
    options.hinting = False  # print and screens at these sizes ignore CFF hints
    options.desubroutinize = True  # each glyph stands alone: picking glyphs later needs no subroutine closure
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.drop_tables += ["BASE", "VORG", "vhea", "vmtx", "GDEF", "GPOS", "GSUB"]
    sub = subset.Subsetter(options)
    sub.populate(unicodes=font.getBestCmap().keys())
    sub.subset(font)
    target.parent.mkdir(parents=True, exist_ok=True)
    buf = io.BytesIO()
    font.save(buf)
    return replace_file(target, buf.getvalue())


@functools.lru_cache(maxsize=1)
def precut_face() -> Path:
    """The pre-cut SC face: shipped, cached, or built now (once per machine and font version)."""
    _, name = _source()
    shipped = SHIPPED_DIR / name
    if shipped.is_file():
        return shipped
    cached = _cache_dir() / name
    if cached.is_file():
        return cached
    # Several processes (batch workers) may get here at once: one builds, the others wait for its file.
    lock = cached.with_suffix(".lock")
    cached.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + 300
    while True:
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except FileExistsError:
            if cached.is_file():
                return cached
            try:
                if time.time() - lock.stat().st_mtime > 300:  # left by a killed builder
                    lock.unlink()
                    continue
            except FileNotFoundError:
                continue
            if time.monotonic() > deadline:
                break
            time.sleep(0.5)
            continue
        os.close(fd)
        try:
            if not cached.is_file():
                build_precut(cached)
            return cached
        finally:
            lock.unlink(missing_ok=True)
    return build_precut(cached)


@functools.lru_cache(maxsize=1)
def _face_bytes() -> bytes:
    return precut_face().read_bytes()  # read once per process; each call parses only the tables it needs


def _skip_glyph_passes(font) -> None:
    """Two passes of the subsetter that find nothing in the pre-cut face but would decompile every glyph kept
    and compile it again (two thirds of the time of a subset, 0.1 s a report): the search for accented
    glyphs built from two others (``seac``, which a CID-keyed font such as this one cannot use) and the
    removal of unused subroutines (it has none: it was desubroutinized). Skipped on this font object only,
    and only when that holds, so any other font is subset in full."""
    table = font["CFF "]
    cff = table.cff
    for name in cff.keys():
        top = cff[name]
        if not hasattr(top, "ROS"):  # not CID-keyed: it may hold seac glyphs
            return
        privates = [fd.Private for fd in getattr(top, "FDArray", None) or []] or [top.Private]
        if len(top.GlobalSubrs) or any(len(getattr(p, "Subrs", None) or []) for p in privates):
            return
    table.closure_glyphs = lambda subsetter: None  # attributes of these objects, shadowing the methods
    cff.remove_unused_subroutines = lambda: None


def font_face_css(text: str, lang: str = "zh") -> str:
    """An ``@font-face`` rule embedding the glyphs needed for the Chinese characters in ``text``.

    For a Chinese page the general punctuation (“”…—) comes from this font too, as Chinese typesetting wants;
    for an English page only CJK characters do, so English quotes and dashes keep their Latin shapes.
    The same text always gives the same bytes (no time stamp in the font)."""
    first = 0x2000 if lang == "zh" else 0x2E80
    chars = frozenset(ch for ch in set(text) if ord(ch) >= first)
    return _face_rule(chars) if chars else ""


@functools.lru_cache(maxsize=16)
def _face_rule(chars: frozenset) -> str:
    """The rule for exactly these characters, cut once per process: the parts of one report, the notebooks
    run in one kernel and the app's redraws ask again and again for the same characters (0.1-0.2 s a cut)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    # lazy: only the tables and glyphs used are parsed; no bounds recomputed (the outlines are unchanged).
    font = TTFont(io.BytesIO(_face_bytes()), lazy=True, recalcBBoxes=False, recalcTimestamp=False)
    options = subset.Options()
    options.flavor = "woff"
    options.layout_features = []
    options.hinting = True  # nothing left to strip
    options.desubroutinize = False  # none left
    options.name_IDs = ["*"]
    options.notdef_outline = True
    sub = subset.Subsetter(options)
    sub.populate(text="".join(sorted(chars)))
    _skip_glyph_passes(font)
    sub.subset(font)
    buf = io.BytesIO()
    font.flavor = "woff"
    font.save(buf)
    data = base64.b64encode(buf.getvalue()).decode("ascii")
    return (f'@font-face {{ font-family: "{FAMILY}"; src: url(data:font/woff;base64,{data}) format("woff"); '
            "font-weight: 100 900; }\n")


if __name__ == "__main__":  # python -m debtplan.present.webfont [FOLDER]: build the pre-cut face ahead of time
    import sys

    if len(sys.argv) > 1:
        print(build_precut(Path(sys.argv[1]) / _source()[1]))
    else:
        print(precut_face())
