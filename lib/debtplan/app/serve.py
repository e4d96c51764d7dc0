"""Start the app (Voila) with debtplan's template: nothing from the network, the served Chinese font, the
narrow-screen style sheet; listening on 127.0.0.1 only.

    python -m debtplan.app.serve notebooks/app.ipynb [more voila options, e.g. --port=8866]

is the same as running ``voila`` with :func:`voila_env` as the environment and :func:`voila_args`.
The template lives in ``jupyter/voila/templates/debtplan`` beside this file; Voila finds templates through
``JUPYTER_PATH``. The font file is built there the first time (about 5 s) and reused.
"""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

__all__ = ["JUPYTER_DIR", "TEMPLATE", "TEMPLATE_DIR", "VOILA_FLAGS", "PREHEAT_FLAGS", "prepare", "voila_args",
           "voila_env", "wait_for_page_request"]

JUPYTER_DIR = Path(__file__).resolve().parent / "jupyter"
TEMPLATE = "debtplan"
TEMPLATE_DIR = JUPYTER_DIR / "voila" / "templates" / TEMPLATE

#: Voila's options for the app. Kernel preheating was measured (benchmarks/bench_app.py) and is not used: the
#: notebooks read the profile and "today" when they run, which with a preheated kernel would be at warm-up.
VOILA_FLAGS = (
    f"--template={TEMPLATE}",
    "--Voila.ip=127.0.0.1",
    "--no-browser",
    "--strip_sources=True",
    "--theme=light",
    "--show_tracebacks=False",
)


#: Voila's kernel preheating: a kernel per notebook started, and the notebook run, before anyone asks for it.
#: Only for a notebook that calls :func:`wait_for_page_request` after its imports and before it reads the
#: profile or the date (measured: the first step drawn in about 2 s instead of 3.4-10 s; bench_app.py).
PREHEAT_FLAGS = ("--preheat_kernel=True", "--pool_size=1")


def wait_for_page_request() -> None:
    """In a kernel Voila preheated, wait here until the page is really asked for (so the profile and "today"
    are read then, not when the kernel was warmed). Anywhere else (JupyterLab, papermill, Voila without
    preheating) it returns at once."""
    if os.environ.get("VOILA_PREHEAT", "False") != "False":
        from voila.utils import wait_for_request

        wait_for_request()


def prepare() -> Path:
    """Make sure the served font exists beside the template's style sheet; return the template folder."""
    from ..present.servedfont import write_served_font

    write_served_font(TEMPLATE_DIR / "static")
    return TEMPLATE_DIR


def voila_env(env: dict | None = None) -> dict:
    """The environment for ``voila`` (and so its kernels): ``JUPYTER_PATH`` led by this package's template
    folder, and ``DEBTPLAN_SERVED_FONT`` set."""
    env = dict(os.environ if env is None else env)
    rest = env.get("JUPYTER_PATH", "")
    env["JUPYTER_PATH"] = str(JUPYTER_DIR) + (os.pathsep + rest if rest else "")
    env["DEBTPLAN_SERVED_FONT"] = "1"  # pages embed only the characters the served font lacks (views.header_html)
    return env


def voila_args(target: str | Path, *extra: str) -> list[str]:
    """The whole command: ``voila TARGET`` with :data:`VOILA_FLAGS` and ``extra`` (later options win)."""
    voila = Path(sys.executable).parent / "voila"
    return [str(voila) if voila.exists() else (shutil.which("voila") or "voila"), str(target), *VOILA_FLAGS,
            *extra]


def main(argv: list[str] | None = None) -> None:
    """``python -m debtplan.app.serve TARGET [--preheat] [voila options]``; ``--preheat`` adds
    :data:`PREHEAT_FLAGS` (only for a notebook that calls :func:`wait_for_page_request`)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0].startswith("-"):
        raise SystemExit("usage: python -m debtplan.app.serve NOTEBOOK_OR_FOLDER [--preheat] [voila options]")
    extra = [a for a in argv[1:] if a != "--preheat"]
    if "--preheat" in argv[1:]:
        extra = [*PREHEAT_FLAGS, *extra]
    prepare()
    args = voila_args(argv[0], *extra)
    os.execve(args[0], args, voila_env())


if __name__ == "__main__":
    main()
