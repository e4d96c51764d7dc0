"""Reports for many profiles: in parallel on one machine (processes) or on a Dask cluster.

Each worker keeps one warm kernel and reuses it for every profile it gets (docs/conventions.md: a pool
of 2 with one warm kernel per worker is about twice as fast as one after another). One bad profile is
reported and skipped; the others go on. Results come back in the order the profiles were given.
"""
from __future__ import annotations

import datetime as _dt
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

__all__ = ["run_one", "run_batch"]

_pool = None


def _kernel_pool():
    global _pool
    if _pool is None:
        import atexit

        from .report import KernelPool

        _pool = KernelPool()
        atexit.register(_pool.close)
    return _pool


def run_one(profile: str, out_root: str, lang: str | None = None, as_of: str | None = None,
            pdf: bool = False) -> dict[str, Any]:
    """Build one profile's report into ``out_root/<file name>/`` (and ``index.pdf`` with ``pdf``); never raises."""
    from ..core.errors import DebtplanError
    from .report import build_report

    out = Path(out_root) / Path(profile).stem
    try:
        index = build_report(profile, out, lang=lang, as_of=as_of, pool=_kernel_pool())
        if pdf:
            from .printing import print_pdf

            print_pdf(index, index.with_suffix(".pdf"))
        return {"profile": profile, "ok": True, "report": str(index)}
    except DebtplanError as exc:
        return {"profile": profile, "ok": False, "error": str(exc).replace("\n", " ")}
    except Exception as exc:  # a report must not take the batch down; say what happened
        return {"profile": profile, "ok": False, "error": f"{type(exc).__name__}: {exc}".replace("\n", " ")}


def _init_worker() -> None:
    _kernel_pool()


def run_batch(profiles: list[str], out_root: str, *, workers: int = 2, scheduler: str = "local",
              lang: str | None = None, as_of: _dt.date | None = None, pdf: bool = False) -> list[dict[str, Any]]:
    """Build every profile's report. ``scheduler``: ``local`` (a process pool of ``workers``),
    ``dask-local`` (a Dask LocalCluster of ``workers`` processes) or a Dask scheduler address."""
    day = as_of.isoformat() if as_of else None
    Path(out_root).mkdir(parents=True, exist_ok=True)
    if scheduler == "local":
        if workers <= 1 or len(profiles) == 1:
            return [run_one(p, out_root, lang, day, pdf) for p in profiles]
        n = len(profiles)
        with ProcessPoolExecutor(max_workers=min(workers, n), initializer=_init_worker) as ex:
            return list(ex.map(run_one, profiles, [out_root] * n, [lang] * n, [day] * n, [pdf] * n))
    from dask.distributed import Client, LocalCluster

    if scheduler == "dask-local":
        with LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster, Client(cluster) as client:
            futures = client.map(run_one, profiles, out_root=out_root, lang=lang, as_of=day, pdf=pdf, pure=False)
            return client.gather(futures)
    with Client(scheduler) as client:
        futures = client.map(run_one, profiles, out_root=out_root, lang=lang, as_of=day, pdf=pdf, pure=False)
        return client.gather(futures)
