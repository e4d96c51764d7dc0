"""Start the app (Voila) with debtplan's template: nothing from the network, the served Chinese font, the
narrow-screen style sheet; listening on 127.0.0.1 only.

    python -m debtplan.app.serve notebooks/app.ipynb [--no-preheat] [more voila options, e.g. --port=8866]

is the same as running ``voila`` with :func:`voila_env` as the environment and :func:`voila_args`.
The template lives in ``jupyter/voila/templates/debtplan`` beside this file; Voila finds templates through
``JUPYTER_PATH``. The font file is built there the first time (about 5 s) and reused.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

__all__ = ["JUPYTER_DIR", "TEMPLATE", "TEMPLATE_DIR", "VOILA_FLAGS", "PREHEAT_FLAGS", "prepare", "voila_args",
           "voila_env", "wait_for_page_request", "waits_for_page_request", "WAIT_CALLS"]

JUPYTER_DIR = Path(__file__).resolve().parent / "jupyter"
TEMPLATE = "debtplan"
TEMPLATE_DIR = JUPYTER_DIR / "voila" / "templates" / TEMPLATE

#: Voila's options for the app (kernel preheating is added for a notebook that waits for the page request).
VOILA_FLAGS = (
    f"--template={TEMPLATE}",
    "--Voila.ip=127.0.0.1",
    "--no-browser",
    "--strip_sources=True",
    "--theme=light",
    "--show_tracebacks=False",
    # The kernels talk to the server over local sockets in Voila's private temporary folder, not TCP ports
    # (no "running over TCP without encryption" warning in the person's terminal; nothing else can connect).
    "--KernelManager.transport=ipc",
    # On a busy machine (a counsellor's laptop running reports) a kernel can take more than nbclient's default
    # 4 s to deliver a cell's output after the cell has finished; Voila then drops the output and the page
    # stays blank. Waiting longer costs nothing when the output comes at once.
    "--VoilaExecutor.iopub_timeout=60",
    # The start page of a folder (voila/tree) as plain HTML made by the server: its list is in the page itself.
    # Voila's default start page is a JupyterLab program (its own 2 MB of script) that fetches the list after
    # loading, and on a busy machine it was seen still empty after 60 s.
    "--VoilaConfiguration.classic_tree=True",
)


#: Voila's kernel preheating: a kernel started, and the notebook run, before anyone asks for the page. Used for
#: a notebook that calls :func:`wait_for_page_request` after its imports and before it reads the profile or the
#: date (``notebooks/app.ipynb`` does), and for no other: a preheated kernel would read them at warm-up.
PREHEAT_FLAGS = ("--preheat_kernel=True", "--pool_size=1")


#: The calls by which a notebook waits for the page request: this module's, or the app notebook's one call
#: (:func:`debtplan.run.app_notebook.show_app`, which waits before it reads anything).
WAIT_CALLS = ("wait_for_page_request()", "show_app(")


def waits_for_page_request(target: str | Path) -> bool:
    """Whether ``target`` is a notebook with a code cell making one of the :data:`WAIT_CALLS`."""
    import json

    path = Path(target)
    if path.suffix != ".ipynb" or not path.is_file():
        return False
    try:
        cells = json.loads(path.read_text(encoding="utf-8")).get("cells", [])
    except (OSError, ValueError):
        return False
    return any(c.get("cell_type") == "code" and any(call in "".join(c.get("source", "")) for call in WAIT_CALLS)
               for c in cells)


def wait_for_page_request() -> None:
    """In a kernel Voila preheated, warm what the first page draws and wait here until the page is really
    asked for (so the profile and "today" are read then, not when the kernel was warmed). Anywhere else
    (JupyterLab, papermill, Voila without preheating) it returns at once."""
    if os.environ.get("VOILA_PREHEAT", "False") != "False":
        _warm_up()
        from voila.utils import wait_for_request

        wait_for_request()


def _warm_up() -> None:
    """Run, on the synthetic example profile, the code paths the first step runs on the person's own: the rules
    read, a profile checked and assessed, the cash-flow view with its chart (matplotlib's first figure costs
    0.15 s more than later ones) and the characters the served font holds. Nothing of the example is kept, and
    no widget is made (it would be sent to the page)."""
    from ..core.errors import DebtplanError
    from ..core.paths import DEFAULT_PROFILE
    from ..present import views
    from .session import open_profile

    views.not_served("")
    try:  # only a head start: without the example (or with a problem in it) the page is made as without it
        session = open_profile(str(DEFAULT_PROFILE), "", "")
        if session.assessment is not None:
            views.cash_flow_html(session.assessment, session.lang)
    except (DebtplanError, OSError):
        pass


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
    """The whole command: ``voila TARGET`` with :data:`VOILA_FLAGS`, :data:`PREHEAT_FLAGS` when the notebook
    waits for the page request (``--no-preheat`` among ``extra`` leaves them out, ``--preheat`` adds them),
    and ``extra`` (later options win)."""
    preheat = waits_for_page_request(target)
    if "--no-preheat" in extra:
        preheat = False
    elif "--preheat" in extra:
        preheat = True
    rest = [a for a in extra if a not in ("--preheat", "--no-preheat")]
    # Voila through debtplan.app.voilaproc: the same server, which never drops what a kernel sends the page
    return [sys.executable, "-m", "debtplan.app.voilaproc", str(target), *VOILA_FLAGS,
            *(PREHEAT_FLAGS if preheat else ()), *rest]


def main(argv: list[str] | None = None) -> None:
    """``python -m debtplan.app.serve TARGET [--preheat | --no-preheat] [voila options]``."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0].startswith("-"):
        raise SystemExit("usage: python -m debtplan.app.serve NOTEBOOK_OR_FOLDER [--preheat | --no-preheat] "
                         "[voila options]")
    prepare()
    args = voila_args(argv[0], *argv[1:])
    os.execve(args[0], args, voila_env())


if __name__ == "__main__":
    main()
