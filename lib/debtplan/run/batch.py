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
  reports whose inputs changed: the profile's content, the rules data (``Rules.version``), the project
  (version, and the notebooks' cell sources and tags) and the options (reports' language, PDF, notebooks
  kept). Every report a run builds is computed to the run's date (today, or ``as_of``); an unchanged report
  is kept with its own date unless asked (``rebuild``, ``max_age``, or an ``as_of`` other than its date).
* ``OUT/index.html``, ``OUT/index.csv`` (UTF-8 with BOM) and ``OUT/index.xlsx``: every profile with its client,
  status, error, date (marked when more than 7 days old), total owed, surplus, and the proposed monthly
  total or, when no plan fits, the monthly amount needed. A profile that now fails keeps its previous report,
  marked out of date ("stale"); one a stopped run did not reach is named as not built.
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

from .outpaths import mark_report_folder
from ..core.atomic import replace_file
from ..core.errors import DebtplanError
from .report import MANIFEST, NOTEBOOKS

__all__ = ["run_batch", "build_remote", "find_profiles", "BatchRow", "BatchStopped", "INDEX_COLUMNS", "check_scheduler"]

SUFFIXES = (".yaml", ".yml")
RESERVED = {"index.html", "index.csv", "index.xlsx"}
INDEX_COLUMNS = ("profile", "client", "folder", "status", "built_now", "as_of", "age_days", "old", "currency",
                 "surplus", "total_owed", "plan_fits", "proposed_monthly_total", "needed_monthly_total", "report",
                 "error")


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
        digest.update(json.dumps(notebook_essence(NOTEBOOKS_DIR / f"{name}.ipynb"), sort_keys=True).encode())
    return f"{v}+nb.{digest.hexdigest()[:12]}"


def notebook_essence(path: Path) -> list:
    """What of a notebook makes a report: each cell's type, source and tags (the ``parameters`` cell is
    tagged). Not metadata, outputs, ids or layout, which opening and saving in JupyterLab may rewrite."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    essence = []
    for cell in nb.get("cells", []):
        source = cell.get("source", "")
        essence.append([cell.get("cell_type", ""), "".join(source) if isinstance(source, list) else source,
                        sorted(cell.get("metadata", {}).get("tags", []))])
    return essence


def _inputs_key(content: bytes, lang: str, pdf: bool, rules_version: str,
                keep_notebooks: bool = False) -> tuple[str, dict]:
    """What a report is built from, but its date: a report of unchanged inputs is kept from night to night
    (its date shown in the index, marked when old); the run decides by date whether to rebuild it."""
    inputs = {"profile_sha256": hashlib.sha256(content).hexdigest(), "lang": lang, "pdf": pdf,
              "rules": rules_version, "debtplan": project_version(), "parts": [n for n, _ in NOTEBOOKS],
              "notebooks_kept": keep_notebooks}
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
    import signal

    # The run's own process decides when to stop (Ctrl-C reaches the whole terminal's process group): it then
    # ends this worker and its kernel itself, so a worker never dies half-way by itself on Ctrl-C.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _kernel_pool()  # the kernel boots while the first task travels


class BatchStopped(KeyboardInterrupt):
    """The run was asked to stop (Ctrl-C or SIGTERM)."""

    def __init__(self, signum: int = 2):
        super().__init__(signum)
        self.signum = signum


def _end_children(grace: float = 2.0) -> None:
    """End every process this one started (pool workers, Dask nannies, and their kernels): all are listed
    first, so a kernel is still found after its worker has gone; asked to end, then killed after ``grace``."""
    import psutil

    try:
        children = psutil.Process().children(recursive=True)
    except psutil.Error:  # pragma: no cover - this process is going away
        return
    for child in children:
        try:
            child.terminate()
        except psutil.Error:
            pass
    _, alive = psutil.wait_procs(children, timeout=grace)
    for child in alive:
        try:
            child.kill()
        except psutil.Error:
            pass
    psutil.wait_procs(alive, timeout=grace)


class _StopOnSignal:
    """While a batch runs in the main thread: SIGTERM stops it as Ctrl-C does (raises :class:`BatchStopped`)."""

    def __enter__(self) -> "_StopOnSignal":
        import signal

        self.previous = None
        if threading.current_thread() is threading.main_thread():
            def stop(signum: int, frame: Any) -> None:
                raise BatchStopped(signum)

            self.previous = signal.signal(signal.SIGTERM, stop)
        return self

    def __exit__(self, *exc: Any) -> None:
        import signal

        if self.previous is not None:
            signal.signal(signal.SIGTERM, self.previous)


def _figures(a: Any) -> dict[str, str]:
    """The index's figures of one report. A proposed monthly total only when every debt has a plan that fits
    (as the report proposes); otherwise the monthly amount the plans need, as the report says it."""
    fits = all(d.proposal.fits for d in a.debts)
    monthly = sum((d.proposal.option.monthly_payment or Decimal(0) if d.proposal.fits
                   else d.proposal.needed_monthly or Decimal(0) for d in a.debts), Decimal(0))
    client = str((a.profile.borrower or {}).get("name") or a.profile.name or "")
    return {"client": client, "currency": a.profile.currency, "surplus": str(a.cash_flow.surplus),
            "total_owed": str(a.total_owed), "plan_fits": "yes" if fits else "no",
            "proposed_monthly_total": str(monthly) if fits else "",
            "needed_monthly_total": "" if fits else str(monthly)}


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
            if not task.get("keep_notebooks"):  # index.html is the whole report; the executed notebooks and
                # each part's own page (the same content again) only when asked: they were most of the size
                files = {name: data for name, data in files.items() if name == "index.html"}
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

def _prepare(row: BatchRow, lang: str | None, as_of: _dt.date, pdf: bool, rules_version: str,
             keep_notebooks: bool = False) -> None:
    """Validate the profile here (the same message as a single run) and make its task, computed to ``as_of``
    (the run's date: every client of a run is computed to the same day, whatever date a profile pins)."""
    from ..inputs.profile import load_profile

    try:
        content = row.path.read_bytes()
        load_profile(row.path)
    except DebtplanError as exc:  # said as a single run says it: in the run's language, else the profile's
        from ..text.problems import error_text

        row.error = error_text(exc, lang or getattr(exc, "lang", "") or "en")
        return
    except OSError as exc:
        row.error = f"{row.path}: {exc.strerror or exc}"
        return
    row.as_of = as_of.isoformat()
    effective_lang = lang or ""
    row.key, inputs = _inputs_key(content, effective_lang, pdf, rules_version, keep_notebooks)
    row.task = {"file_name": row.path.name, "content": content, "lang": effective_lang, "as_of": row.as_of,
                "pdf": pdf, "rules": rules_version, "debtplan": project_version(), "inputs": inputs,
                "keep_notebooks": keep_notebooks}


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
            except BaseException:
                _end_children()  # this process's kernels, at once
                raise
            finally:
                _close_pools()
            return
        if scheduler == "local":
            from concurrent.futures import ProcessPoolExecutor, as_completed

            ex = ProcessPoolExecutor(max_workers=min(workers, len(tasks)), initializer=_init_worker)
            try:
                futures = {ex.submit(build_remote, row.task): row for row in tasks}
                for future in as_completed(futures):
                    on_result(futures[future], _outcome(future))
                    bar.update()
            except BaseException:  # stopped: end the workers and their kernels now, not after their reports
                _end_children()
                ex.shutdown(wait=False, cancel_futures=True)
                raise
            ex.shutdown()
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
                try:
                    run(client)
                except BaseException:
                    _end_children()
                    raise
        else:
            warning = check_scheduler(scheduler)
            if warning:
                print(f"debtplan batch: {warning}", file=sys.stderr, flush=True)
            try:
                client = Client(scheduler, timeout=30)
            except Exception as exc:  # noqa: BLE001 - one line, not Dask's traceback
                first = (str(exc).strip().splitlines() or [""])[0][:300]
                raise DebtplanError(f"could not reach the Dask scheduler at {scheduler}: {type(exc).__name__}: "
                                    f"{first}") from None
            with client:
                run(client)
    finally:
        bar.close()


_TLS_SETTINGS = (("ca-file", "DASK_DISTRIBUTED__COMM__TLS__CA_FILE"),
                 ("client.cert", "DASK_DISTRIBUTED__COMM__TLS__CLIENT__CERT"),
                 ("client.key", "DASK_DISTRIBUTED__COMM__TLS__CLIENT__KEY"))


def check_scheduler(address: str) -> str:
    """Before connecting to a Dask scheduler: a ``tls://`` address needs this client's TLS settings, and every
    file they name must exist (named when missing, relative paths read from the current folder); a ``tcp://``
    address off this machine sends client data in clear, which the returned warning says ("" when none)."""
    import ipaddress
    from urllib.parse import urlsplit

    import dask.config
    import distributed  # noqa: F401 - loads the distributed.* settings from files and the environment

    scheme, _, rest = address.partition("://")
    if not rest:
        scheme, rest = "tcp", address
    scheme = scheme.lower()
    host = urlsplit(f"//{rest}").hostname or ""
    if scheme == "tls":
        for name, env in _TLS_SETTINGS:
            value = dask.config.get(f"distributed.comm.tls.{name}", None)
            if not value:
                raise DebtplanError(f"{address} is a TLS address but this machine has no TLS {name} set: set {env} "
                                    "(see the README, section Privacy), or use the address the cluster gives")
            path = Path(value).expanduser()
            if not path.is_file():
                raise DebtplanError(f"the TLS {name} file {value} ({env}) does not exist"
                                    f"{f' (looked for {path.resolve()})' if not path.is_absolute() else ''}; "
                                    "give its full path")
        return ""
    if scheme in ("tcp", "ws"):
        try:
            loopback = ipaddress.ip_address(host).is_loopback
        except ValueError:
            loopback = host.lower() == "localhost"
        if not loopback:
            return (f"warning: {address} is not encrypted: client profiles and reports will cross the network in "
                    "clear; use a tls:// scheduler (README, section Privacy)")
    return ""


def _outcome(future: Any) -> dict:
    """A task's result; a worker that died or vanished is that profile's failure, not the batch's."""
    try:
        return future.result()
    except Exception as exc:  # noqa: BLE001 - named in the index
        return {"ok": False, "error": f"the worker building this report failed: {type(exc).__name__}: {exc}"}


def _up_to_date(row: BatchRow, previous: dict | None, out: Path, run_date: _dt.date, *, date_given: bool,
                rebuild: bool, max_age: int | None) -> bool:
    """Whether the report already in ``out`` can stay: same inputs, all its files there, and its date
    acceptable: the date asked for (``--as-of``) when one was given, otherwise at most ``max_age`` days
    before the run's date (any age when no limit is set: the index shows the date and marks old ones)."""
    if rebuild or not previous or previous.get("key") != row.key:
        return False
    if not all((out / row.folder / f).is_file() for f in previous.get("files", [])):
        return False
    try:
        built_for = _dt.date.fromisoformat(previous.get("as_of", ""))
    except ValueError:
        return False
    if date_given:
        return built_for == run_date
    return max_age is None or (run_date - built_for).days <= max_age


def run_batch(profiles: list[str], out_root: str | Path, *, workers: int = 2, scheduler: str = "local",
              lang: str | None = None, as_of: _dt.date | None = None, pdf: bool = False, progress: bool = True,
              index_lang: str | None = None, rebuild: bool = False, max_age: int | None = None,
              keep_notebooks: bool = False, on_row: Callable[[dict], None] | None = None) -> list[dict[str, Any]]:
    """Build the report of every profile (files, or folders searched for ``*.yaml``) into ``out_root``.

    ``scheduler``: ``local`` (a process pool of ``workers``; one process when 1), ``dask-local`` (a Dask
    LocalCluster of ``workers`` processes) or the address of a Dask scheduler (``tcp://`` or ``tls://``).
    ``lang``: the language of every report (default: each profile's own); ``index_lang``: of the index.
    Every report built is computed to ``as_of`` (default: today). A report whose inputs did not change is
    kept, whatever its date, unless ``rebuild``, or ``as_of`` was given and differs from its date, or it is
    more than ``max_age`` days older than the run's date. ``on_row`` is called with each profile's dict as
    soon as it is known (built, failed or kept).
    Returns one dict per profile, in order (``ok``, ``status``, ``error``, ``report``, figures); writes
    ``index.csv``, ``index.xlsx`` and ``index.html``."""
    from ..inputs.rules import load_rules
    from .report import _check_lang

    _check_lang(lang)
    _check_lang(index_lang)
    run_date = as_of or _dt.date.today()
    out = Path(out_root)
    out.mkdir(parents=True, exist_ok=True)
    mark_report_folder(out)  # the batch's folder: later runs (resume) may write into it
    rows = [BatchRow(profile=shown, path=path) for shown, path in find_profiles(list(profiles))]
    if not rows:
        raise DebtplanError(f"no profiles (*.yaml) in {', '.join(profiles)}")
    rules_version = load_rules().version
    index_language = index_lang or "en"

    def tell(row: BatchRow) -> None:
        if on_row is not None:
            on_row(row.as_dict(out))

    with _OutLock(out):
        _clean_leftovers(out)
        assign_folders(rows, out)
        todo = []
        for row in rows:
            _prepare(row, lang, run_date, pdf, rules_version, keep_notebooks)
            previous = _read_manifest(out / row.folder)
            if row.task is None:
                row.status = "stale" if previous else "failed"
                if previous:
                    row.figures, row.as_of = previous.get("figures", {}), previous.get("as_of", "")
                tell(row)
                continue
            if _up_to_date(row, previous, out, run_date, date_given=as_of is not None, rebuild=rebuild,
                           max_age=max_age):
                row.status, row.figures, row.as_of = "ok", previous.get("figures", {}), previous["as_of"]
                row.task = None
                tell(row)
                continue
            todo.append(row)

        def on_result(row: BatchRow, result: dict) -> None:
            row.error = ""
            if result["ok"]:
                row.as_of = row.task["as_of"]  # shown as the previous report's until this one is built
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
            tell(row)

        for row in todo:  # what the index says of a profile the run did not reach (stopped half-way)
            row.error = t_batch("batch_not_built", index_language)
            previous = _read_manifest(out / row.folder)
            row.status = "stale" if previous else "failed"
            if previous:
                row.figures, row.as_of = previous.get("figures", {}), previous.get("as_of", "")
        try:
            with _StopOnSignal():
                _execute(todo, on_result, workers=workers, scheduler=scheduler, progress=progress)
        finally:
            write_index(rows, out, index_language, run_date)
    return [row.as_dict(out) for row in rows]


def t_batch(key: str, lang: str, **params: Any) -> str:
    from ..text.i18n import t

    return t(key, lang, **params)


# ---- the index

_NUMBER = re.compile(r"-?\d+(\.\d+)?")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: str) -> str:
    """A spreadsheet cell that no spreadsheet reads as a formula: text starting with = + - @ (or a tab or
    carriage return) gets a leading apostrophe; a plain number (a negative surplus) stays a number."""
    if value.startswith(_FORMULA_START) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def _age_days(row: BatchRow, run_date: _dt.date) -> int | None:
    try:
        return (run_date - _dt.date.fromisoformat(row.as_of)).days
    except ValueError:
        return None


def _is_old(row: BatchRow, run_date: _dt.date) -> bool:
    age = _age_days(row, run_date)
    return age is not None and age > MAX_FRESH_DAYS


MAX_FRESH_DAYS = 7


def _csv_rows(rows: list[BatchRow], run_date: _dt.date) -> list[list[str]]:
    table = [list(INDEX_COLUMNS)]
    for r in rows:
        f = r.figures
        age = _age_days(r, run_date)
        table.append([r.profile, f.get("client", ""), r.folder, r.status, "yes" if r.built_now else "no", r.as_of,
                      "" if age is None else str(age), "yes" if _is_old(r, run_date) else "no",
                      f.get("currency", ""), f.get("surplus", ""), f.get("total_owed", ""), f.get("plan_fits", ""),
                      f.get("proposed_monthly_total", ""), f.get("needed_monthly_total", ""),
                      f"{r.folder}/index.html" if r.status in ("ok", "stale") else "", r.error])
    return [[_cell(c) for c in line] for line in table]


def index_csv(rows: list[BatchRow], run_date: _dt.date | None = None) -> str:
    """The index as CSV for Excel: UTF-8 with a byte-order mark (Excel then reads the Chinese right)."""
    buf = io.StringIO()
    buf.write("\ufeff")
    csv.writer(buf, lineterminator="\r\n").writerows(_csv_rows(rows, run_date or _dt.date.today()))
    return buf.getvalue()


_MONEY_COLUMNS = {"surplus", "total_owed", "proposed_monthly_total", "needed_monthly_total"}


def index_xlsx(rows: list[BatchRow], run_date: _dt.date | None = None) -> bytes:
    """The index as an Excel workbook: money as numbers (two decimals), every other cell as text (never a
    formula), the heading row frozen and filterable."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    table = _csv_rows(rows, run_date or _dt.date.today())
    wb = Workbook()
    ws = wb.active
    ws.title = "index"
    for r, line in enumerate(table, start=1):
        for c, value in enumerate(line, start=1):
            cell = ws.cell(row=r, column=c)
            if r > 1 and INDEX_COLUMNS[c - 1] in _MONEY_COLUMNS and _NUMBER.fullmatch(value):
                cell.value = float(Decimal(value))
                cell.number_format = "#,##0.00"
            else:
                cell.value = value
                cell.data_type = "s"  # openpyxl would take "=..." for a formula
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(INDEX_COLUMNS))}{len(table)}"
    fixed = _dt.datetime(2000, 1, 1)  # the same rows give the same bytes
    wb.properties.created = wb.properties.modified = fixed
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


# Sorting (click a heading; again to reverse) and filtering (a text box), offline, by this script only.
_SCRIPT = """(function(){var t=document.getElementById('dp-index'),b=t.tBodies[0],f=document.getElementById('dp-filter');
function key(r,i){var c=r.cells[i],v=c.getAttribute('data-v');if(v===null)return c.textContent.toLowerCase();
var n=v===''?NaN:Number(v);return isNaN(n)?v:n;}
Array.prototype.forEach.call(t.tHead.rows[0].cells,function(h,i){h.addEventListener('click',function(){
var d=h.getAttribute('aria-sort')==='ascending'?-1:1;Array.prototype.forEach.call(t.tHead.rows[0].cells,
function(o){o.removeAttribute('aria-sort');});h.setAttribute('aria-sort',d>0?'ascending':'descending');
var rs=Array.prototype.slice.call(b.rows);rs.sort(function(x,y){var a=key(x,i),c=key(y,i);
if(typeof a!==typeof c)return typeof a==='number'?-1:1;return a<c?-d:a>c?d:0;});
rs.forEach(function(r){b.appendChild(r);});});});
f.addEventListener('input',function(){var q=f.value.toLowerCase();Array.prototype.forEach.call(b.rows,
function(r){r.hidden=q!==''&&r.textContent.toLowerCase().indexOf(q)<0;});});})();"""


def index_html(rows: list[BatchRow], lang: str, run_date: _dt.date | None = None) -> str:
    """The index page: one row a client, sortable and filterable offline by a small inline script (the only
    script the page's content policy lets run), user text escaped, its Chinese drawn with an embedded font."""
    import base64
    from urllib.parse import quote

    from ..present.webfont import FAMILY, font_face_css
    from ..text.i18n import money_text, t

    run_date = run_date or _dt.date.today()

    def money(value: str, currency: str) -> str:
        return money_text(Decimal(value), lang, currency=currency or "CNY") if value else ""

    def td(text: str, sort: str | None = None, cls: str = "") -> str:
        attrs = (f' data-v="{escape(sort)}"' if sort is not None else "") + (f' class="{cls}"' if cls else "")
        return f"<td{attrs}>{text}</td>"

    status_text = {"ok": t("batch_ok", lang), "failed": t("batch_failed", lang), "stale": t("batch_stale", lang)}
    failed = sum(1 for r in rows if r.status != "ok")
    head = [t("batch_client", lang), t("batch_file", lang), t("status", lang), t("batch_as_of", lang),
            t("batch_owed", lang), t("batch_surplus", lang), t("batch_plan", lang), t("batch_message", lang)]
    lines = []
    totals: dict[str, dict[str, Decimal]] = {}
    for r in rows:
        f, cur = r.figures, r.figures.get("currency", "")
        file_cell = escape(r.profile)
        if r.status in ("ok", "stale"):
            file_cell = f'<a href="{escape(quote(r.folder))}/index.html">{file_cell}</a>'
        date_cell, date_cls = escape(r.as_of), ""
        if _is_old(r, run_date):
            date_cell += f'<br><span class="old">{escape(t("batch_old", lang, days=_age_days(r, run_date)))}</span>'
            date_cls = "old"
        if f.get("plan_fits") == "no" and f.get("needed_monthly_total"):
            plan_cell = escape(t("batch_needed", lang, amount=money(f["needed_monthly_total"], cur)))
            plan_sort, plan_cls = f["needed_monthly_total"], "nofit"
        else:
            plan_cell, plan_sort, plan_cls = escape(money(f.get("proposed_monthly_total", ""), cur)), \
                f.get("proposed_monthly_total", ""), "num"
        sums = totals.setdefault(cur or "CNY", {"total_owed": Decimal(0), "surplus": Decimal(0),
                                               "proposed_monthly_total": Decimal(0),
                                               "needed_monthly_total": Decimal(0)})
        for name in sums:
            if _NUMBER.fullmatch(f.get(name, "") or ""):
                sums[name] += Decimal(f[name])
        cells = [td(escape(f.get("client", ""))), td(file_cell, r.profile), td(escape(status_text[r.status]), r.status),
                 td(date_cell, r.as_of, date_cls),
                 td(escape(money(f.get("total_owed", ""), cur)), f.get("total_owed", ""), "num"),
                 td(escape(money(f.get("surplus", ""), cur)), f.get("surplus", ""), "num"),
                 td(plan_cell, plan_sort, plan_cls), td(escape(r.error), cls="msg")]
        lines.append(f'<tr class="{r.status}">' + "".join(cells) + "</tr>")
    foot = []
    for cur, sums in sorted(totals.items()):
        plan = escape(money(str(sums["proposed_monthly_total"]), cur))
        if sums["needed_monthly_total"]:
            plan += "<br>" + escape(t("batch_needed", lang, amount=money(str(sums["needed_monthly_total"]), cur)))
        foot.append(f"<tr><th>{escape(t('batch_total', lang))} ({escape(cur)})</th><td></td><td></td><td></td>"
                    f'<td class="num">{escape(money(str(sums["total_owed"]), cur))}</td>'
                    f'<td class="num">{escape(money(str(sums["surplus"]), cur))}</td><td class="num">{plan}</td><td></td></tr>')
    title = t("batch_title", lang)
    summary = t("batch_summary", lang, total=len(rows), ok=len(rows) - failed, failed=failed)
    note = t("batch_old_note", lang, date=run_date.isoformat())
    body = (f"<h1>{escape(title)}</h1><p>{escape(summary)}</p><p>{escape(note)}</p>"
            f'<p><label>{escape(t("batch_filter", lang))} <input id="dp-filter" type="search"></label> '
            f'{escape(t("batch_sort_hint", lang))}</p>'
            '<table id="dp-index"><thead><tr>' + "".join(f"<th>{escape(h)}</th>" for h in head)
            + "</tr></thead><tbody>" + "".join(lines) + "</tbody><tfoot>" + "".join(foot) + "</tfoot></table>")
    font_css = font_face_css(title + body, lang)  # every Chinese character on the page, client names too
    style = (f'body{{font-family:"{FAMILY}","Helvetica Neue",Arial,"Liberation Sans","DejaVu Sans",sans-serif;'
             "margin:2em;color:#222}"
             "table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:.3em .6em;vertical-align:top;"
             "text-align:left}thead th{cursor:pointer;background:#f3f3f3}thead th[aria-sort=ascending]::after{content:' ▲'}"
             "thead th[aria-sort=descending]::after{content:' ▼'}td.num,tfoot td{text-align:right;white-space:nowrap}"
             "td.nofit{color:#a00;text-align:right}td.old .old{color:#a00;font-size:.85em}tfoot{font-weight:bold}"
             "td.msg{white-space:pre-wrap;font-size:.85em;max-width:40em}"
             "tr.failed td:nth-child(3),tr.stale td:nth-child(3){color:#a00;font-weight:bold}")
    digest = base64.b64encode(hashlib.sha256(_SCRIPT.encode("utf-8")).digest()).decode("ascii")
    policy = (f"default-src 'none'; script-src 'sha256-{digest}'; style-src 'unsafe-inline'; font-src data:; "
              "img-src data:")
    return (f'<!DOCTYPE html>\n<html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{escape(title)}</title>'
            f"<style>{font_css}{style}</style></head><body>{body}<script>{_SCRIPT}</script></body></html>\n")


def write_index(rows: list[BatchRow], out: Path, lang: str, run_date: _dt.date | None = None) -> None:
    run_date = run_date or _dt.date.today()
    lang = lang if lang in ("zh", "en") else "en"
    replace_file(out / "index.csv", index_csv(rows, run_date).encode("utf-8"))
    replace_file(out / "index.xlsx", index_xlsx(rows, run_date))
    replace_file(out / "index.html", index_html(rows, lang, run_date).encode("utf-8"))
