"""The report: run the notebooks on a profile and export one offline, printable HTML file.

How it is fast (benchmarks/bench_report.py measures it against one chart notebook through papermill):

* one kernel, started first thing and in the background (:class:`KernelPool`), warms its imports while this
  process validates the profile and loads its own exporter; it is reused for every notebook and, in a batch,
  for every profile, through one kernel client (a new client costs a 0.2 s wait for each notebook);
* the notebooks are run with nbclient directly, each part exported to HTML while the kernel runs the next;
* the Chinese font is picked from a pre-cut face (:mod:`debtplan.present.webfont`), never parsed per call.

Safe with any input: the parameters go into the notebooks as Python literals (``repr``), so a language, a
date or a path carrying code runs nothing, and paths are never read as templates (papermill would read
``{x}`` in a path as a parameter). The report is built in memory and published whole: into a new folder with
one rename; into an existing one file by file, ``index.html`` last. A profile that fails leaves no files.

Output folder: ``index.html`` (every part in order, with a table of contents), one HTML file per
notebook, the executed notebooks, and ``.debtplan-report.json`` (what the report was built from).
"""
from __future__ import annotations

import asyncio
import concurrent.futures
import copy
import datetime as _dt
import functools
import json
import os
import shutil
import tempfile
import queue
import threading
import time
from html import escape
from pathlib import Path
from typing import Any

from ..core.atomic import replace_file
from ..core.errors import DebtplanError
from ..core.paths import NOTEBOOKS_DIR
from ..present.styles import page_html
from ..present.webfont import font_face_css, precut_face
from ..text.i18n import date_text, t
from ..text.problems import after_as_of_texts, out_of_date_text

__all__ = ["NOTEBOOKS", "LANGS", "build_report", "render_report", "publish", "export_html", "page_html",
           "ReportError", "KernelPool", "MANIFEST"]

# The parts of the report, in order: (notebook file name without .ipynb, title key in text/sentences.py).
NOTEBOOKS = (
    ("01-cash-flow", "nb1_title"),
    ("02-what-i-owe", "nb2_title"),
    ("03-repayment-plans", "nb3_title"),
    ("04-negotiation-summary", "nb4_title"),
    ("05-when-things-go-wrong", "nb5_title"),
)

LANGS = ("zh", "en")
MANIFEST = ".debtplan-report.json"
TEMPLATE_DIR = Path(__file__).parent / "templates"
CELL_TIMEOUT = 600  # seconds; a cell that takes longer has a bug
# Kernels for a report of its own. Two (parts two at a time) measured no faster on 2 shared cores: both
# kernels' start-up imports compete for the same cores. Kept as a setting for machines with more cores.
REPORT_KERNELS = max(1, int(os.environ.get("DEBTPLAN_REPORT_KERNELS", "1")))

# Run in a new kernel while the caller does its own work: the notebooks' imports, the rules, the chart fonts.
# Only what the notebooks import (pandas is not: importing it here cost 0.3 s before the first part ran).
WARM_UP = """\
from IPython.display import HTML, display
from debtplan.app.session import open_profile
from debtplan.present import views, pack, charts
from debtplan.inputs.rules import load_rules
load_rules()
charts.setup_fonts()
"""


class ReportError(DebtplanError):
    """A report could not be built: a notebook failed (the message names it and the error) or an argument
    (language, date) is not valid."""


def _check_lang(lang: str | None) -> None:
    if lang and lang not in LANGS:
        raise ReportError(f"lang: {lang!r} is not one of {', '.join(LANGS)}; give zh for 中文 or en for English")


def _as_of_text(as_of: _dt.date | str | None) -> str:
    if isinstance(as_of, _dt.date):
        return as_of.isoformat()
    if not as_of:
        return ""
    try:
        return _dt.date.fromisoformat(str(as_of)).isoformat()
    except ValueError:
        raise ReportError(f"as_of: {as_of!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-11-28") from None


# ---- the kernel

def _run(coroutine: Any) -> Any:
    """Run a coroutine to the end, also when the caller already runs an event loop in this thread."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


class KernelPool:
    """One Python kernel, started at once in the background and reused for every notebook run through it.

    The kernel and its client live on an event loop in a thread of their own, so starting the kernel and
    warming its imports overlap whatever the caller does next. Thread-safe: runs are serialized."""

    def __init__(self, cwd: str | Path | None = None, warm: bool = True) -> None:
        # Local sockets in a private folder: no TCP port, no "unencrypted TCP" warning, nothing left in the cwd.
        self._dir = tempfile.mkdtemp(prefix="debtplan-kernel-")
        self._cwd = str(cwd or NOTEBOOKS_DIR)
        self._warm = warm
        self._runs: asyncio.Lock | None = None
        self._closing = False
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="debtplan-kernel", daemon=True)
        self._thread.start()
        self.km: Any = None
        self.kc: Any = None
        self._ready = self._submit(self._start())

    def _submit(self, coroutine: Any) -> concurrent.futures.Future:
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop)

    async def _start(self) -> None:
        from jupyter_client.manager import AsyncKernelManager

        self.km = AsyncKernelManager(kernel_name="python3", transport="ipc", ip=os.path.join(self._dir, "k"))
        env = dict(os.environ, PYDEVD_DISABLE_FILE_VALIDATION="1")
        await self.km.start_kernel(cwd=self._cwd, env=env)
        self.kc = self.km.client()
        self.kc.start_channels()
        # Sent at once (ZeroMQ queues it until the kernel listens): the imports start the moment the kernel
        # is up. Then wait for the kernel's answer to a kernel_info request sent after it; not through
        # wait_for_ready, which then also waits 0.2 s for output that never comes.
        if self._warm:
            self.kc.execute(WARM_UP, silent=True, store_history=False)
        msg_id = self.kc.kernel_info()
        deadline = time.monotonic() + 120
        while True:
            try:
                reply = await self.kc.get_shell_msg(timeout=1)
            except queue.Empty:
                if not await self.km.is_alive():
                    raise ReportError("the Python kernel exited while starting") from None
                if time.monotonic() > deadline:
                    raise ReportError("the Python kernel did not start within 120 s") from None
                continue
            if reply.get("parent_header", {}).get("msg_id") == msg_id:
                break

    async def _stop(self) -> None:
        if self.kc is not None:
            self.kc.stop_channels()
            self.kc = None
        if self.km is not None and self.km.has_kernel:
            await self.km.shutdown_kernel(now=True)

    def wait_ready(self) -> None:
        self._ready.result()

    async def _execute(self, nb: Any) -> Any:
        from nbclient import NotebookClient

        client = NotebookClient(nb, km=self.km, kernel_name="python3", timeout=CELL_TIMEOUT, allow_errors=False,
                                record_timing=False, resources={"metadata": {"path": self._cwd}})
        client.kc = self.kc  # the pool's client: no new client (and its 0.2 s wait) per notebook
        return await client.async_execute()

    async def _run_one(self, nb: Any) -> Any:
        from nbclient.exceptions import CellExecutionError

        if self._runs is None:
            self._runs = asyncio.Lock()
        async with self._runs:  # one notebook at a time in this kernel
            await asyncio.wrap_future(self._ready)
            try:
                return await self._execute(nb)
            except CellExecutionError:
                raise
            except BaseException:  # the kernel may be gone (killed, out of memory): the next run gets a new one
                if self._closing:
                    raise
                try:
                    await self._stop()
                except Exception:  # noqa: BLE001 - a dead kernel cannot be stopped twice
                    pass
                self._ready = self._submit(self._start())
                raise

    def execute(self, nb: Any) -> concurrent.futures.Future:
        """Start executing ``nb`` (changed in place); the future gives the notebook or raises."""
        return self._submit(self._run_one(nb))

    async def _cancel_runs(self) -> None:
        """Cancel the notebooks still running or waiting here and wait until they have ended. Left pending, the
        stopped loop printed "Task was destroyed but it is pending!" under a failed report's own clear error."""
        mine = asyncio.current_task()
        runs = [task for task in asyncio.all_tasks() if task is not mine]
        for task in runs:
            task.cancel()
        await asyncio.gather(*runs, return_exceptions=True)

    def close(self) -> None:
        if self._loop.is_closed():
            return
        self._closing = True
        if not self._ready.done():  # still starting: stop that first
            self._ready.cancel()
        try:  # notebooks still running or waiting (another part of the report failed): end them first
            self._submit(self._cancel_runs()).result(timeout=30)
        except Exception:  # noqa: BLE001 - closing must not fail
            pass
        try:
            self._submit(self._stop()).result(timeout=30)
        except Exception:  # noqa: BLE001 - closing must not fail
            pass
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)
        self._loop.close()
        shutil.rmtree(self._dir, ignore_errors=True)

    def __enter__(self) -> "KernelPool":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


# ---- notebooks and HTML

@functools.lru_cache(maxsize=None)
def _notebook(name: str) -> Any:
    import nbformat

    return nbformat.read(NOTEBOOKS_DIR / f"{name}.ipynb", as_version=4)


def _parameterized(name: str, params: dict[str, Any]) -> Any:
    """The notebook with a cell setting ``params`` after its ``parameters`` cell, each value a Python literal."""
    import nbformat

    nb = copy.deepcopy(_notebook(name))
    for value in params.values():
        assert isinstance(value, (str, bool)), value  # repr() of these is a literal and nothing else
    source = "# Parameters\n" + "".join(f"{key} = {value!r}\n" for key, value in params.items())
    cell = nbformat.v4.new_code_cell(source, metadata={"tags": ["injected-parameters"]})
    if nb.nbformat_minor >= 5:
        cell.id = "debtplan-parameters"  # fixed: the same inputs give the same notebook
    else:
        cell.pop("id", None)
    where = next((i + 1 for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", [])), 0)
    nb.cells.insert(where, cell)
    return nb


_local = threading.local()


def _exporter_class() -> type:
    from nbconvert import HTMLExporter
    from nbconvert.exporters.templateexporter import TemplateExporter
    from nbconvert.filters.highlight import Highlight2HTML
    from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter

    class Exporter(HTMLExporter):
        """HTMLExporter without its final pass through BeautifulSoup, which only adds alt texts to images and
        tab stops to code cells (this template has neither) and took a third of the export time (0.1 s a part)."""

        def from_notebook_node(self, nb: Any, resources: Any = None, **kw: Any) -> Any:
            langinfo = nb.metadata.get("language_info", {})
            lexer = langinfo.get("pygments_lexer", langinfo.get("name", None))
            resources = self._init_resources(resources)
            self.register_filter("highlight_code", self.filters.get(
                "highlight_code", Highlight2HTML(pygments_lexer=lexer, parent=self)))
            self.register_filter("filter_data_type", WidgetsDataTypeFilter(
                notebook_metadata=getattr(self, "_nb_metadata", {}), parent=self, resources=resources))
            return TemplateExporter.from_notebook_node(self, nb, resources, **kw)

    return Exporter


def _exporter():
    exporter = getattr(_local, "exporter", None)
    if exporter is None:
        exporter = _exporter_class()(template_name="debtplan", extra_template_basedirs=[str(TEMPLATE_DIR)])
        exporter.exclude_input = True
        exporter.exclude_input_prompt = True
        exporter.exclude_output_prompt = True
        _local.exporter = exporter
    return exporter


def export_html(nb: Any) -> str:
    """The body of an executed notebook: its outputs as HTML."""
    body, _ = _exporter().from_notebook_node(nb)
    return body


def _warm_parent() -> None:
    """While the kernel starts: what this process needs after the notebooks have run, so that none of it
    waits for them (exporter templates compiled, the font subsetter and face, the letter copies' modules)."""
    import nbformat

    export_html(nbformat.v4.new_notebook())
    from fontTools import subset  # noqa: F401 - used at the end (0.06 s to import)

    from . import letters  # noqa: F401 - used by build_report after publishing (0.3 s to import)

    precut_face()


def _failure(name: str, nb: Any, exc: BaseException) -> ReportError:
    from nbclient.exceptions import CellExecutionError

    if isinstance(exc, CellExecutionError):
        code_cells = [c for c in nb.cells if c.cell_type == "code"
                      and "injected-parameters" not in c.metadata.get("tags", [])]
        number = next((i for i, c in enumerate(code_cells, 1)
                       if any(o.get("output_type") == "error" for o in c.get("outputs", []))), "?")
        return ReportError(f"{name}.ipynb failed in cell {number}: {exc.ename}: {exc.evalue}")
    return ReportError(f"{name}.ipynb could not be run: {type(exc).__name__}: {exc}")


# ---- building

def render_report(profile_path: str | Path, *, lang: str | None = None, as_of: _dt.date | str | None = None,
                  pool: KernelPool | None = None, profile: Any = None,
                  today: _dt.date | None = None) -> dict[str, bytes]:
    """Run the notebooks on ``profile_path`` and return the report's files (name -> bytes), writing nothing.

    The profile is validated first (:class:`ProfileError` lists its problems), and ``lang`` and ``as_of``
    are checked (:class:`ReportError`). Figures computed to a date more than a week before ``today`` (default:
    the machine's date) are called out at the top of every page, with the way to use today."""
    from ..inputs.profile import load_profile

    _check_lang(lang)
    as_of_text = _as_of_text(as_of)
    profile_path = Path(profile_path).resolve()
    if profile is None:
        profile = load_profile(profile_path)  # first: a bad profile starts no kernel
    lang = lang or profile.lang
    _check_lang(lang)
    own_pool = pool is None
    # A report of its own gets REPORT_KERNELS kernels; a caller's pool is one.
    pools = [KernelPool() for _ in range(REPORT_KERNELS)] if own_pool else [pool]
    try:
        params = {"profile_path": str(profile_path), "lang": lang, "as_of": as_of_text, "interactive": False}
        _warm_parent()  # while the kernels boot
        files: dict[str, bytes] = {}
        running = []
        n = len(pools)
        for i, (name, title_key) in enumerate(NOTEBOOKS):
            lane = i % (2 * n)  # A B B A A B ...: the heavy first parts spread over the kernels
            nb = _parameterized(name, params)
            running.append((name, title_key, nb, pools[lane if lane < n else 2 * n - 1 - lane].execute(nb)))
        bodies = [_finish(item, files, lang) for item in running]  # each exported while later parts run
    except BaseException:
        if own_pool:
            for p in pools:
                p.close()
        raise
    # Our kernels are shut down in the background while the page and its font are made (0.1 s).
    closing = _close_in_background(pools) if own_pool else None
    try:
        _assemble(bodies, files, profile, lang, as_of_text, today)
    finally:
        if closing is not None:
            closing.join()
    return files


def _assemble(bodies: list[tuple[str, str, str]], files: dict[str, bytes], profile: Any, lang: str,
              as_of_text: str, today: _dt.date | None = None) -> None:
    """The cover, the pages of the parts and ``index.html``, with one font subset for them all."""
    who = profile.borrower.get("name") or profile.name
    when = _dt.date.fromisoformat(as_of_text) if as_of_text else profile.as_of
    notes = [x for x in [out_of_date_text(when, lang, today=today)] + after_as_of_texts(profile, when, lang) if x]
    banner = "".join(f'<div class="dp-warn dp-stale" role="alert">{escape(x)}</div>' for x in notes)
    toc = "".join(f'<li><a href="#{name}">{escape(title)}</a></li>' for name, title, _ in bodies)
    cover = (f'<header class="dp-cover"><h1>{escape(t("report_title", lang))}</h1>'
             f'<p class="dp-sub">{escape(t("prepared_for", lang, name=who, date=date_text(when, lang)))}</p>'
             f'<p class="dp-small">{escape(t("offline_note", lang))}</p>'
             f'<nav class="dp-toc"><h2>{escape(t("contents", lang))}</h2><ol>{toc}</ol></nav></header>')
    parts = "".join(f'<div class="dp-part" id="{name}">{body}</div>' for name, _, body in bodies)
    title = t("report_title", lang)
    font_css = font_face_css(title + banner + cover + parts, lang)  # one subset serves every page of this report
    for name, part_title, body in bodies:
        files[f"{name}.html"] = page_html(part_title, lang, banner + body, font_css).encode("utf-8")
    files["index.html"] = page_html(title, lang, banner + cover + parts, font_css).encode("utf-8")


def _close_in_background(pools: list[KernelPool]) -> threading.Thread:
    thread = threading.Thread(target=lambda: [p.close() for p in pools], name="debtplan-kernel-close")
    thread.start()
    return thread


def _finish(running: tuple, files: dict[str, bytes], lang: str) -> tuple[str, str, str]:
    import nbformat

    name, title_key, nb, future = running
    try:
        future.result()
    except Exception as exc:  # noqa: BLE001 - named in the report error
        raise _failure(name, nb, exc) from exc
    files[f"{name}.ipynb"] = nbformat.writes(nb).encode("utf-8")
    return name, t(title_key, lang), export_html(nb)


def _write_file(path: Path, data: bytes) -> None:
    with open(path, "wb") as fh:
        fh.write(data)


def publish(files: dict[str, bytes], out_dir: str | Path, manifest: dict | None = None) -> Path:
    """Put a report's files into ``out_dir`` so that no reader ever sees half of it.

    A new folder is written beside it under a hidden name and renamed into place; an existing folder gets
    each file renamed into it (``index.html`` last) and loses the files of its previous report that this one
    does not have (other files are left alone). Returns the path of ``index.html``."""
    out = Path(out_dir)
    out.parent.mkdir(parents=True, exist_ok=True)
    record = dict(manifest or {})
    record["files"] = sorted(files)
    payload = dict(files)
    payload[MANIFEST] = (json.dumps(record, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")
    if not out.exists():
        tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.partial-", dir=out.parent))
        try:
            for name, data in payload.items():
                _write_file(tmp / name, data)
            os.chmod(tmp, 0o755 & ~_umask())
            os.rename(tmp, out)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        return out / "index.html"
    previous = _read_manifest(out)
    order = sorted(payload, key=lambda n: n == "index.html")  # index.html last
    for name in order:
        replace_file(out / name, payload[name], 0o666)
    for old in (previous or {}).get("files", []):
        if old not in payload and "/" not in old and not old.startswith("."):
            (out / old).unlink(missing_ok=True)
    return out / "index.html"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _read_manifest(folder: Path) -> dict | None:
    try:
        return json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def build_report(profile_path: str | Path, out_dir: str | Path, *, lang: str | None = None,
                 as_of: _dt.date | str | None = None, pool: KernelPool | None = None,
                 today: _dt.date | None = None) -> Path:
    """Execute the notebooks on ``profile_path`` and write the report into ``out_dir``.

    The profile is validated first: with problems, nothing is written and :class:`ProfileError` lists them;
    a notebook that fails raises :class:`ReportError` and writes nothing either. Returns ``index.html``."""
    from ..inputs.profile import load_profile

    profile = load_profile(profile_path)
    files = render_report(profile_path, lang=lang, as_of=as_of, pool=pool, profile=profile, today=today)
    index = publish(files, out_dir)
    # Imported after the kernel has started (in _warm_parent): its imports would delay the start by 0.3 s.
    from .letters import keep_letter_copies  # dated copies of the letters sent, written once, never replaced

    keep_letter_copies(profile, index.parent, lang=lang)
    return index
