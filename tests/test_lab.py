"""The notebooks in a real JupyterLab (started on loopback on a temporary copy, driven by Chromium): opening,
saving and closing a notebook leaves its bytes as committed, so `git status` stays clean; the forms' labels
leave their inputs room."""
import json
import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT
from voila_helpers import free_port

pytestmark = [pytest.mark.slow, pytest.mark.browser]
BIN = Path(sys.executable).parent
TOKEN = "debtplan-lab-test"
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def api(base: str, path: str, method: str = "GET", body: dict | None = None):
    req = urllib.request.Request(f"{base}{path}", method=method, headers={"Authorization": f"token {TOKEN}"},
                                 data=None if body is None else json.dumps(body).encode())
    with urllib.request.urlopen(req, timeout=60) as resp:
        text = resp.read().decode("utf-8")
        return json.loads(text) if text else None


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """JupyterLab serving a copy of the notebooks folder, the app exposed to the page (``window.jupyterapp``)
    so a test can run Lab's own commands (save, run all, close)."""
    root = tmp_path_factory.mktemp("lab")
    folder = root / "notebooks"
    folder.mkdir()
    for path in NOTEBOOKS:
        shutil.copy(path, folder / path.name)
    port = free_port()
    args = [str(BIN / "jupyter"), "lab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
            f"--IdentityProvider.token={TOKEN}", f"--ServerApp.root_dir={folder}",
            "--LabApp.expose_app_in_browser=True", "--LabApp.news_url=", "--LabApp.check_for_updates_class="
            "jupyterlab.NeverCheckForUpdate"]
    if os.geteuid() == 0:
        args.append("--allow-root")
    env = dict(os.environ, DEBTPLAN_PROFILE=str(ROOT / "data/examples/xiao-li.yaml"),
               JUPYTER_RUNTIME_DIR=str(root / "runtime"), JUPYTER_CONFIG_DIR=str(root / "config"),
               JUPYTERLAB_SETTINGS_DIR=str(root / "settings"), JUPYTERLAB_WORKSPACES_DIR=str(root / "workspaces"))
    log = open(root / "lab.log", "w")
    proc = subprocess.Popen(args, cwd=folder, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        end = time.time() + 90
        while True:
            assert proc.poll() is None, (root / "lab.log").read_text()[-3000:]
            try:
                api(base, "/api/status")
                break
            except (urllib.error.URLError, ConnectionError, OSError):
                assert time.time() < end, "jupyter lab did not answer"
                time.sleep(0.3)
        yield base, folder
    finally:
        for kernel in api(base, "/api/kernels") or []:
            api(base, f"/api/kernels/{kernel['id']}", "DELETE")
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def open_in_lab(page, base: str, name: str) -> None:
    """``name`` opened in Lab as a person opens it, waited for until its kernel is idle."""
    page.goto(f"{base}/lab/tree/{name}?token={TOKEN}&reset", wait_until="domcontentloaded", timeout=120_000)
    page.wait_for_function("() => window.jupyterapp && window.jupyterapp.shell.currentWidget"
                           " && window.jupyterapp.shell.currentWidget.sessionContext"
                           " && window.jupyterapp.shell.currentWidget.sessionContext.session"
                           " && window.jupyterapp.shell.currentWidget.sessionContext.session.kernel"
                           " && window.jupyterapp.shell.currentWidget.sessionContext.kernelDisplayStatus === 'idle'",
                           timeout=180_000, polling=500)
    page.wait_for_timeout(1500)  # Lab fills in the kernel's language_info after it answers


def lab_command(page, command: str, wait: bool = True) -> None:
    """Lab's command ``command``; ``wait``: until it is done (closing asks for confirmation: not awaited)."""
    page.evaluate("([c, w]) => { const done = window.jupyterapp.commands.execute(c); return w ? done : null; }",
                  [command, wait])


def test_opening_saving_and_closing_each_notebook_in_lab_changes_no_byte(browser, lab):
    base, folder = lab
    page = browser.new_page()
    page.set_default_timeout(120_000)
    try:
        for path in NOTEBOOKS:
            before = (folder / path.name).stat().st_mtime_ns
            open_in_lab(page, base, path.name)
            lab_command(page, "docmanager:save")  # the worst case: she presses Ctrl+S
            end = time.time() + 30
            while (folder / path.name).stat().st_mtime_ns == before:  # Lab did write the file
                assert time.time() < end, f"Lab did not save {path.name}"
                time.sleep(0.2)
            time.sleep(0.5)
            lab_command(page, "application:close", wait=False)
            page.wait_for_timeout(1000)
            assert (folder / path.name).read_bytes() == path.read_bytes(), path.name
    finally:
        page.close()
