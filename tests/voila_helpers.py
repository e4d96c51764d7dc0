"""The app's browser tests' common parts: Voila started as `make app` starts it (debtplan.app.serve's template,
flags and environment) on a free loopback port, and Debian's Chromium launched with the project's flags."""
import contextlib
import os
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

from conftest import chromium_path

BROWSER_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def voila_app(target: Path, tmp: Path, profile: Path, ready: str | None = None, **env: str):
    """Voila serving ``target`` (one notebook, or the notebooks folder) for ``profile``, its kernels' runtime
    files in ``tmp/rt`` and its output in ``tmp/voila.log``; ``env``: more environment variables. Yields the
    base URL once the server answers: over HTTP at the path ``ready`` or, without it, by accepting connections
    (a GET of a one-notebook app starts a kernel). Fails if Voila exits or does not answer within a minute;
    stopped on leaving."""
    from debtplan.app.serve import prepare, voila_args, voila_env

    prepare()
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    log_path = tmp / "voila.log"
    env = voila_env(dict(os.environ, DEBTPLAN_PROFILE=str(profile), JUPYTER_RUNTIME_DIR=str(tmp / "rt"), **env))
    with open(log_path, "w") as log:
        proc = subprocess.Popen(voila_args(target, f"--port={port}"), env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            end = time.time() + 60
            while not _answers(base, port, ready):
                assert proc.poll() is None, log_path.read_text()[-3000:]
                assert time.time() < end, "voila did not answer"
                time.sleep(0.3)
            yield base
        finally:
            stop(proc, log_path)


def stop(proc: subprocess.Popen, log_path: Path) -> None:
    """End a test's Voila server and its kernels at once, and remove the folder of its kernels' sockets.
    Nothing of a test's server is kept, so it is killed rather than asked to shut its kernels down one by one
    (which takes seconds each time); what a test checks about ending kernels it checks while the server runs."""
    import re
    import shutil

    import psutil

    try:
        family = [psutil.Process(proc.pid), *psutil.Process(proc.pid).children(recursive=True)]
    except psutil.NoSuchProcess:
        family = []
    for p in family:
        with contextlib.suppress(psutil.Error):
            p.kill()
    proc.wait()
    sockets = re.search(r"Storing connection files in (\S+?)\.?$", log_path.read_text(errors="replace"), re.M)
    if sockets and Path(sockets.group(1)).name.startswith("voila_"):
        shutil.rmtree(sockets.group(1), ignore_errors=True)


def _answers(base: str, port: int, ready: str | None) -> bool:
    if ready is None:
        with socket.socket() as s:
            return s.connect_ex(("127.0.0.1", port)) == 0
    try:
        with urllib.request.urlopen(base + ready, timeout=5):
            return True
    except OSError:
        return False


@contextlib.contextmanager
def chromium():
    """Debian's Chromium under Playwright with :data:`BROWSER_ARGS`."""
    from playwright.sync_api import sync_playwright

    path = chromium_path()
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=BROWSER_ARGS)
        yield b
        b.close()
