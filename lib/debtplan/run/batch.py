"""Reports for many profiles: on this machine (processes) or on a Dask cluster, resumable, with an index.

Work travels with its data: this machine reads and validates each profile (so a bad one gets exactly the
message a single ``debtplan report`` gives), then sends its *content* with the options, the rules version
and the project version to a worker; the worker (which needs only the debtplan wheel installed) builds the
report in a private temporary folder and sends the files back as bytes; this machine writes them. No shared
file system is assumed.

Output, in ``OUT``:

* ``OUT/<name>/``: one folder per profile, named after its file (``me``), or, when two profiles of the run
  have the same file name, after the file name and a short hash of its full path (``me-3f2a9c1d``), so no two
  ever collide; each written whole (into a hidden folder, then renamed), so a killed run leaves no half report.
* ``OUT/<name>/.debtplan-report.json``: what the report was built from. A later run rebuilds only the
  reports whose inputs changed: the profile's content, the effective "as of" date, the rules data
  (``Rules.version``), the project (version and notebooks) and the options (language, PDF).
* ``OUT/index.csv`` and ``OUT/index.html``: every profile with its status, the error when it failed, the
  monthly surplus, the total owed, the proposed monthly total and a link to its report. A profile that now
  fails keeps its previous report, marked out of date ("stale").
"""
from __future__ import annotations

import atexit
import csv
import datetime as _dt
import functools
import hashlib
import io
import json
import os
import re
import shutil
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from decimal import Decimal
from html import escape
from pathlib import Path
from typing import Any, Callable

from ..core.atomic import replace_file
from ..core.errors import DebtplanError
from .report import MANIFEST, NOTEBOOKS

__all__ = ["run_batch", "build_remote", "find_profiles", "BatchRow", "INDEX_COLUMNS"]

SUFFIXES = (".yaml", ".yml")
RESERVED = {"index.html", "index.csv"}
INDEX_COLUMNS = ("profile", "folder", "status", "built_now", "as_of", "currency", "surplus", "total_owed",
                 "proposed_monthly_total", "report", "error")


@dataclass
class BatchRow:
    """One profile of a batch: where it came from, what happened, its key figures."""

    profile: str  # as given (or as found in a given folder)
    path: Path
    folder: str = ""  # the report's folder in OUT
    status: str = "failed"  # ok | failed | stale
    built_now: bool = False
    error: str = ""
    as_of: str = ""
    figures: dict = field(default_factory=dict)
    key: str = ""
    task: dict | None = None

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    def report(self, out: Path) -> str:
        return str(out / self.folder / "index.html") if self.status in ("ok", "stale") else ""

    def as_dict(self, out: Path) -> dict[str, Any]:
        return {"profile": self.profile, "ok": self.ok, "status": self.status, "folder": self.folder,
                "built_now": self.built_now, "error": self.error, "as_of": self.as_of,
                "report": self.report(out), **self.figures}


# ---- finding profiles and naming their folders

def find_profiles(inputs: list[str]) -> list[tuple[str, Path]]:
    """Every profile named or inside a named folder (searched recursively, hidden entries skipped), once each,
    in the order given (a folder's files sorted)."""
    found: list[tuple[str, Path]] = []
    seen: set[Path] = set()
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            inside = sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file()
                            and not any(part.startswith(".") for part in p.relative_to(path).parts))
            candidates = [(str(p), p) for p in inside]
        else:
            candidates = [(item, path)]
        for shown, p in candidates:
            real = p.resolve()
            if real not in seen:
                seen.add(real)
                found.append((shown, real))
    return found


def _safe_name(stem: str) -> str:
    name = re.sub(r"[^\w.-]+", "_", stem).lstrip(".") or "profile"
    return name + "_" if name.lower() in RESERVED else name


def _read_manifest(folder: Path) -> dict | None:
    try:
        return json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def assign_folders(rows: list[BatchRow], out: Path) -> None:
    """A folder per profile: its file name when that is unique in the run and the folder is free or already
    this profile's; otherwise the file name and a hash of the full path. Stable from run to run."""
    groups: dict[str, list[BatchRow]] = {}
    for row in rows:
        groups.setdefault(_safe_name(row.path.stem).lower(), []).append(row)
    for group in groups.values():
        plain = _safe_name(group[0].path.stem)
        owner_source = (_read_manifest(out / plain) or {}).get("source")
        folder_taken = (out / plain).exists() and owner_source is not None
        owner = next((r for r in group if str(r.path) == owner_source), None)
        if owner is None and len(group) == 1 and not folder_taken:
            owner = group[0]
        for row in group:
            digest = hashlib.sha256(str(row.path).encode("utf-8")).hexdigest()[:8]
            row.folder = plain if row is owner else f"{plain}-{digest}"


# ---- what a report depends on

@functools.lru_cache(maxsize=1)
def project_version() -> str:
    """The installed debtplan's version and a digest of its notebooks (which a checkout changes without a
    version change)."""
    from importlib.metadata import PackageNotFoundError, version

    from ..core.paths import NOTEBOOKS_DIR

    try:
        v = version("debtplan")
    except PackageNotFoundError:  # pragma: no cover - running from an uninstalled tree
        v = "0"
    digest = hashlib.sha256()
    for name, _ in NOTEBOOKS:
        digest.update((NOTEBOOKS_DIR / f"{name}.ipynb").read_bytes())
    return f"{v}+nb.{digest.hexdigest()[:12]}"


def _inputs_key(content: bytes, as_of: str, lang: str, pdf: bool, rules_version: str) -> tuple[str, dict]:
    inputs = {"profile_sha256": hashlib.sha256(content).hexdigest(), "as_of": as_of, "lang": lang, "pdf": pdf,
              "rules": rules_version, "debtplan": project_version(), "parts": [n for n, _ in NOTEBOOKS]}
    return hashlib.sha256(json.dumps(inputs, sort_keys=True).encode()).hexdigest(), inputs


# ---- the worker's side

_local = threading.local()
_pools: list = []


def _kernel_pool():
    pool = getattr(_local, "pool", None)
    if pool is None:
        from .report import KernelPool

        pool = _local.pool = KernelPool()
        if not _pools:
            atexit.register(_close_pools)
            # multiprocessing children (process pools, Dask's nannies) end with os._exit, skipping atexit.
            from multiprocessing import util

            util.Finalize(None, _close_pools, exitpriority=10)
        _pools.append(pool)
    return pool


def _close_pools() -> None:
    while _pools:
        _pools.pop().close()
    _local.__dict__.clear()


def _init_worker() -> None:
    _kernel_pool()  # the kernel boots while the first task travels


def _figures(a: Any) -> dict[str, str]:
    proposed = sum((d.proposal.option.monthly_payment or Decimal(0) for d in a.debts), Decimal(0))
    return {"currency": a.profile.currency, "surplus": str(a.cash_flow.surplus), "total_owed": str(a.total_owed),
            "proposed_monthly_total": str(proposed)}


def build_remote(task: dict[str, Any]) -> dict[str, Any]:
    """Build one report from a task's data (run on a worker); returns the files as bytes. Never raises."""
    try:
        from ..calc.assessment import assess
        from ..inputs.profile import load_profile
        from ..inputs.rules import load_rules
        from .report import render_report

        rules = load_rules()
        mine = {"debtplan": project_version(), "rules": rules.version}
        theirs = {"debtplan": task["debtplan"], "rules": task["rules"]}
        if mine != theirs:
            return {"ok": False, "error": f"this worker has debtplan {mine['debtplan']} with rules {mine['rules']}, "
                    f"the client {theirs['debtplan']} with rules {theirs['rules']}; install the same debtplan "
                    "wheel on every machine of the cluster"}
        with tempfile.TemporaryDirectory(prefix="debtplan-task-") as tmp:
            path = Path(tmp) / task["file_name"]
            path.write_bytes(task["content"])
            profile = load_profile(path)
            files = render_report(path, lang=task["lang"] or None, as_of=task["as_of"], pool=_kernel_pool(),
                                  profile=profile)
            if task["pdf"]:
                from .printing import print_pdf

                page = Path(tmp) / "index.html"
                page.write_bytes(files["index.html"])
                files["index.pdf"] = print_pdf(page, Path(tmp) / "index.pdf").read_bytes()
            figures = _figures(assess(profile, rules, as_of=_dt.date.fromisoformat(task["as_of"])))
            from .letters import letter_copies  # the client keeps the copies it has and writes only new ones

            letters = letter_copies(profile, lang=task["lang"] or None, rules=rules)
        return {"ok": True, "files": files, "figures": figures, "letters": letters}
    except DebtplanError as exc:
        from ..text.problems import error_text

        return {"ok": False, "error": error_text(exc, task.get("lang") or getattr(exc, "lang", "") or "en")}
    except Exception as exc:  # noqa: BLE001 - one report must not take the batch down; say what happened
        return {"ok": False, "error": f"{type(exc).__name__}: {exc}"}


# ---- the client's side

def _prepare(row: BatchRow, lang: str | None, as_of: _dt.date | None, pdf: bool, rules_version: str) -> None:
    """Validate the profile here (the same message as a single run) and make its task."""
    from ..inputs.profile import load_profile

    try:
        content = row.path.read_bytes()
        profile = load_profile(row.path)
    except DebtplanError as exc:  # said as a single run says it: in the run's language, else the profile's
        from ..text.problems import error_text

        row.error = error_text(exc, lang or getattr(exc, "lang", "") or "en")
        return
    except OSError as exc:
        row.error = f"{row.path}: {exc.strerror or exc}"
        return
    row.as_of = (as_of or profile.as_of).isoformat()
    effective_lang = lang or ""
    row.key, inputs = _inputs_key(content, row.as_of, effective_lang, pdf, rules_version)
    row.task = {"file_name": row.path.name, "content": content, "lang": effective_lang, "as_of": row.as_of,
                "pdf": pdf, "rules": rules_version, "debtplan": project_version(), "inputs": inputs}


def _write_folder(out: Path, folder: str, files: dict[str, bytes], manifest: dict,
                  letters: dict[str, bytes] | None = None) -> None:
    """Write a report's folder whole: into a hidden folder, renamed into place (the old one moved aside first).
    The dated letter copies of the old folder are carried over as they are (never replaced); of ``letters``
    only those it did not have are added."""
    from .letters import write_letter_copies

    target = out / folder
    tmp = Path(tempfile.mkdtemp(prefix=f".{folder}.partial-", dir=out))
    try:
        for name, data in files.items():
            with open(tmp / name, "wb") as fh:
                fh.write(data)
        if (target / "letters").is_dir():
            shutil.copytree(target / "letters", tmp / "letters", symlinks=True)
        write_letter_copies(letters or {}, tmp)
        with open(tmp / MANIFEST, "w", encoding="utf-8") as fh:
            json.dump(manifest, fh, ensure_ascii=False, indent=1, sort_keys=True)
            fh.write("\n")
        os.chmod(tmp, 0o755)
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{folder}.old-", dir=out))
            os.rename(target, old / "r")
            os.rename(tmp, target)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.rename(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _clean_leftovers(out: Path) -> None:
    """Hidden folders a killed run left behind (never a report: those are renamed into place whole)."""
    for entry in out.iterdir():
        if entry.is_dir() and entry.name.startswith(".") and re.search(r"\.(partial|old)-[^/]+$", entry.name):
            shutil.rmtree(entry, ignore_errors=True)


class _OutLock:
    """Only one batch writes into a folder at a time."""

    def __init__(self, out: Path):
        self.path = out / ".debtplan-batch.lock"
        self.fh: Any = None

    def __enter__(self) -> "_OutLock":
        self.fh = open(self.path, "a")
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows: no lock
            return self
        try:
            fcntl.flock(self.fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            self.fh.close()
            raise DebtplanError(f"another debtplan batch is writing into {self.path.parent}; "
                                "wait for it to finish or choose another --out folder") from None
        return self

    def __exit__(self, *exc: Any) -> None:
        self.fh.close()


def _progress(total: int, enabled: bool):
    from tqdm import tqdm

    # disable=None: shown on a terminal only (not in logs or pipes)
    return tqdm(total=total, unit="report", desc="debtplan batch", disable=None if enabled and total else True,
                file=sys.stderr, dynamic_ncols=True)


def _execute(tasks: list[BatchRow], on_result: Callable[[BatchRow, dict], None], *, workers: int,
             scheduler: str, progress: bool) -> None:
    bar = _progress(len(tasks), progress)
    try:
        if not tasks:
            return
        if scheduler == "local" and (workers <= 1 or len(tasks) == 1):
            try:
                for row in tasks:
                    on_result(row, build_remote(row.task))
                    bar.update()
            finally:
                _close_pools()
            return
        if scheduler == "local":
            from concurrent.futures import ProcessPoolExecutor, as_completed

            with ProcessPoolExecutor(max_workers=min(workers, len(tasks)), initializer=_init_worker) as ex:
                futures = {ex.submit(build_remote, row.task): row for row in tasks}
                for future in as_completed(futures):
                    on_result(futures[future], _outcome(future))
                    bar.update()
            return
        from dask.distributed import Client, LocalCluster, as_completed as dask_completed

        def run(client: Any) -> None:
            futures = client.map(build_remote, [row.task for row in tasks], pure=False)
            rows = {f.key: row for f, row in zip(futures, tasks)}
            for future in dask_completed(futures):
                on_result(rows[future.key], _outcome(future))
                bar.update()
                future.release()

        if scheduler == "dask-local":
            with LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                              dashboard_address=None) as cluster, Client(cluster) as client:
                run(client)
        else:
            try:
                client = Client(scheduler, timeout=30)
            except (OSError, RuntimeError, ValueError) as exc:
                raise DebtplanError(f"could not reach the Dask scheduler at {scheduler}: {exc}") from None
            with client:
                run(client)
    finally:
        bar.close()


def _outcome(future: Any) -> dict:
    """A task's result; a worker that died or vanished is that profile's failure, not the batch's."""
    try:
        return future.result()
    except Exception as exc:  # noqa: BLE001 - named in the index
        return {"ok": False, "error": f"the worker building this report failed: {type(exc).__name__}: {exc}"}


def run_batch(profiles: list[str], out_root: str | Path, *, workers: int = 2, scheduler: str = "local",
              lang: str | None = None, as_of: _dt.date | None = None, pdf: bool = False, progress: bool = True,
              index_lang: str | None = None) -> list[dict[str, Any]]:
    """Build the report of every profile (files, or folders searched for ``*.yaml``) into ``out_root``.

    ``scheduler``: ``local`` (a process pool of ``workers``; one process when 1), ``dask-local`` (a Dask
    LocalCluster of ``workers`` processes) or the address of a Dask scheduler (``tcp://`` or ``tls://``).
    Returns one dict per profile, in order (``ok``, ``status``, ``error``, ``report``, figures); writes
    ``index.csv`` and ``index.html``."""
    from ..inputs.rules import load_rules
    from .report import _check_lang

    _check_lang(lang)
    out = Path(out_root)
    out.mkdir(parents=True, exist_ok=True)
    rows = [BatchRow(profile=shown, path=path) for shown, path in find_profiles(list(profiles))]
    if not rows:
        raise DebtplanError(f"no profiles (*.yaml) in {', '.join(profiles)}")
    rules_version = load_rules().version
    with _OutLock(out):
        _clean_leftovers(out)
        assign_folders(rows, out)
        todo = []
        for row in rows:
            _prepare(row, lang, as_of, pdf, rules_version)
            previous = _read_manifest(out / row.folder)
            if row.task is None:
                row.status = "stale" if previous else "failed"
                if previous:
                    row.figures, row.as_of = previous.get("figures", {}), previous.get("as_of", "")
                continue
            if previous and previous.get("key") == row.key and all(
                    (out / row.folder / f).is_file() for f in previous.get("files", [])):
                row.status, row.figures = "ok", previous.get("figures", {})
                continue
            todo.append(row)

        def on_result(row: BatchRow, result: dict) -> None:
            row.error = ""
            if result["ok"]:
                manifest = {"key": row.key, "inputs": row.task["inputs"], "source": str(row.path),
                            "profile": row.profile, "as_of": row.as_of, "figures": result["figures"],
                            "files": sorted(result["files"])}
                _write_folder(out, row.folder, result["files"], manifest, result.get("letters"))
                row.status, row.built_now, row.figures = "ok", True, result["figures"]
            else:
                row.error = result["error"]
                previous = _read_manifest(out / row.folder)
                row.status = "stale" if previous else "failed"
                if previous:
                    row.figures, row.as_of = previous.get("figures", {}), previous.get("as_of", row.as_of)
            row.task = None  # the content is no longer needed

        for row in todo:  # what the index says of a profile the run did not reach (stopped half-way)
            row.error = "not built: the run stopped before this profile"
            row.status = "stale" if _read_manifest(out / row.folder) else "failed"
        try:
            _execute(todo, on_result, workers=workers, scheduler=scheduler, progress=progress)
        finally:
            write_index(rows, out, index_lang or lang or "en")
    return [row.as_dict(out) for row in rows]


# ---- the index

def _csv_rows(rows: list[BatchRow]) -> list[list[str]]:
    table = [list(INDEX_COLUMNS)]
    for r in rows:
        f = r.figures
        table.append([r.profile, r.folder, r.status, "yes" if r.built_now else "no", r.as_of, f.get("currency", ""),
                      f.get("surplus", ""), f.get("total_owed", ""), f.get("proposed_monthly_total", ""),
                      f"{r.folder}/index.html" if r.status in ("ok", "stale") else "", r.error])
    return table


def index_csv(rows: list[BatchRow]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(_csv_rows(rows))
    return buf.getvalue()


def index_html(rows: list[BatchRow], lang: str) -> str:
    """The index page: escaped, offline, no scripts."""
    from urllib.parse import quote

    from ..text.i18n import money_text, t

    def money(value: str, currency: str) -> str:
        return money_text(Decimal(value), lang, currency=currency or "CNY") if value else ""

    status_text = {"ok": t("batch_ok", lang), "failed": t("batch_failed", lang), "stale": t("batch_stale", lang)}
    failed = sum(1 for r in rows if r.status != "ok")
    head = [t("batch_profile", lang), t("batch_status", lang), t("batch_as_of", lang), t("batch_surplus", lang),
            t("batch_owed", lang), t("batch_proposed", lang), t("batch_report", lang), t("batch_message", lang)]
    lines = []
    for r in rows:
        f, cur = r.figures, r.figures.get("currency", "")
        link = (f'<a href="{escape(quote(r.folder))}/index.html">{escape(t("batch_open", lang))}</a>'
                if r.status in ("ok", "stale") else "")
        cells = [escape(r.profile), escape(status_text[r.status]), escape(r.as_of),
                 escape(money(f.get("surplus", ""), cur)), escape(money(f.get("total_owed", ""), cur)),
                 escape(money(f.get("proposed_monthly_total", ""), cur)), link, escape(r.error)]
        lines.append(f'<tr class="{r.status}">' + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    title = t("batch_title", lang)
    style = ("body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse}"
             "th,td{border:1px solid #ccc;padding:.3em .6em;vertical-align:top;text-align:left}"
             "td:nth-child(3){white-space:nowrap}td:nth-child(4),td:nth-child(5),td:nth-child(6){text-align:right;white-space:nowrap}"
             "td:last-child{white-space:pre-wrap;font-size:.85em;max-width:50em}"
             "tr.failed td:nth-child(2),tr.stale td:nth-child(2){color:#a00;font-weight:bold}")
    return (f'<!DOCTYPE html>\n<html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{escape(title)}</title>'
            f"<style>{style}</style></head><body><h1>{escape(title)}</h1>"
            f"<p>{escape(t('batch_summary', lang, total=len(rows), ok=len(rows) - failed, failed=failed))}</p>"
            "<table><thead><tr>" + "".join(f"<th>{escape(h)}</th>" for h in head) + "</tr></thead><tbody>"
            + "".join(lines) + "</tbody></table></body></html>\n")


def write_index(rows: list[BatchRow], out: Path, lang: str) -> None:
    replace_file(out / "index.csv", index_csv(rows).encode("utf-8"))
    replace_file(out / "index.html", index_html(rows, lang if lang in ("zh", "en") else "en").encode("utf-8"))
