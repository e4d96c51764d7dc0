"""The report: run the four notebooks on a profile and export one offline, printable HTML file.

One process executes and exports; one kernel is started once and reused for all four notebooks (the fastest
choice measured in docs/conventions.md); the HTML export uses debtplan's own template, which writes the
outputs only (no code, prompts or widgets) and loads nothing from the network.

Output folder: ``index.html`` (the four parts in order, with a table of contents), one HTML file per
notebook, and the executed notebooks.
"""
from __future__ import annotations

import asyncio
import datetime as _dt
import os
import shutil
import tempfile
from html import escape
from pathlib import Path
from typing import Any

from ..core.errors import DebtplanError
from ..text.i18n import date_text, t
from ..core.paths import NOTEBOOKS_DIR
from ..inputs.profile import load_profile
from ..present.styles import PAGE_CSS, PARTS_CSS
from ..present.webfont import font_face_css

__all__ = ["NOTEBOOKS", "build_report", "export_html", "page_html", "ReportError", "KernelPool"]

NOTEBOOKS = (("01-cash-flow", "nb1_title"), ("02-what-i-owe", "nb2_title"), ("03-repayment-plans", "nb3_title"),
             ("04-negotiation-summary", "nb4_title"), ("05-when-things-go-wrong", "nb5_title"))
TEMPLATE_DIR = Path(__file__).parent / "templates"


class ReportError(DebtplanError):
    """A notebook failed while building a report; the message names the notebook and the error."""


def _write_atomic(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _exporter():
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="debtplan", extra_template_basedirs=[str(TEMPLATE_DIR)])
    exporter.exclude_input = True
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    return exporter


def export_html(nb: Any) -> str:
    """The body of an executed notebook: its outputs as HTML."""
    body, _ = _exporter().from_notebook_node(nb)
    return body


def page_html(title: str, lang: str, body: str, font_css: str | None = None) -> str:
    """A complete, self-contained page (inline CSS and font, no scripts, no external files)."""
    if font_css is None:
        font_css = font_face_css(title + body, lang)
    return (f'<!DOCTYPE html>\n<html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{escape(title)}</title><style>{font_css}{PARTS_CSS}{PAGE_CSS}</style></head>"
            f"<body>{body}</body></html>\n")


def _run(coroutine: Any) -> Any:
    """Run a coroutine to the end, also when the caller already runs an event loop in this thread."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


class KernelPool:
    """One Python kernel, started once and reused for every notebook run through it."""

    def __init__(self) -> None:
        from jupyter_client.manager import AsyncKernelManager

        # Local sockets in a private folder: no TCP port, no "unencrypted TCP" warning, nothing left in the cwd.
        self._dir = tempfile.mkdtemp(prefix="debtplan-kernel-")
        self.km = AsyncKernelManager(kernel_name="python3", transport="ipc", ip=os.path.join(self._dir, "k"))

    def close(self) -> None:
        if self.km.has_kernel:
            _run(self.km.shutdown_kernel(now=True))
        shutil.rmtree(self._dir, ignore_errors=True)

    def __enter__(self) -> "KernelPool":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


def build_report(profile_path: str | Path, out_dir: str | Path, *, lang: str | None = None,
                 as_of: _dt.date | str | None = None, pool: KernelPool | None = None) -> Path:
    """Execute the four notebooks on ``profile_path`` and write the report into ``out_dir``.

    The profile is validated first: with problems, nothing is written and :class:`ProfileError` lists them.
    Returns the path of ``index.html``.
    """
    import papermill as pm

    profile_path = Path(profile_path).resolve()
    profile = load_profile(profile_path)
    lang = lang or profile.lang
    as_of_text = as_of.isoformat() if isinstance(as_of, _dt.date) else (as_of or "")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    params = {"profile_path": str(profile_path), "lang": lang, "as_of": as_of_text, "interactive": False}
    own_pool = pool is None
    pool = pool or KernelPool()
    bodies = []
    try:
        for name, title_key in NOTEBOOKS:
            target = out / f"{name}.ipynb"
            try:
                nb = pm.execute_notebook(str(NOTEBOOKS_DIR / f"{name}.ipynb"), str(target), parameters=params,
                                         cwd=str(NOTEBOOKS_DIR), kernel_name="python3", km=pool.km,
                                         progress_bar=False, request_save_on_cell_execute=False, log_output=False)
            except pm.PapermillExecutionError as exc:
                raise ReportError(f"{name}.ipynb failed in cell {exc.exec_count}: {exc.ename}: {exc.evalue}") from exc
            bodies.append((name, t(title_key, lang), export_html(nb)))
    finally:
        if own_pool:
            pool.close()
    who = profile.borrower.get("name") or profile.name
    when = as_of_text and _dt.date.fromisoformat(as_of_text) or profile.as_of
    toc = "".join(f'<li><a href="#{name}">{escape(title)}</a></li>' for name, title, _ in bodies)
    cover = (f'<header class="dp-cover"><h1>{escape(t("report_title", lang))}</h1>'
             f'<p class="dp-sub">{escape(t("prepared_for", lang, name=who, date=date_text(when, lang)))}</p>'
             f'<p class="dp-small">{escape(t("offline_note", lang))}</p>'
             f'<nav class="dp-toc"><h2>{escape(t("contents", lang))}</h2><ol>{toc}</ol></nav></header>')
    parts = "".join(f'<div class="dp-part" id="{name}">{body}</div>' for name, _, body in bodies)
    title = t("report_title", lang)
    font_css = font_face_css(title + cover + parts, lang)  # one subset serves every page of this report
    for name, part_title, body in bodies:
        _write_atomic(out / f"{name}.html", page_html(part_title, lang, body, font_css))
    index = out / "index.html"
    _write_atomic(index, page_html(title, lang, cover + parts, font_css))
    from .letters import keep_letter_copies  # dated copies of the letters sent, written once (issue 13)
    keep_letter_copies(profile, out, lang=lang)
    return index
