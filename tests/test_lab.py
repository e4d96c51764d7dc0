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
    """``name`` opened in Lab as a person opens it, waited for until its kernel is idle: by its address the
    first time, then from Lab's own file browser command (Lab is not loaded again for each notebook)."""
    if page.evaluate("() => !!(window.jupyterapp && window.jupyterapp.commands)"):
        page.evaluate("n => window.jupyterapp.commands.execute('docmanager:open', {path: n}).then(() => true)", name)
    else:
        page.goto(f"{base}/lab/tree/{name}?token={TOKEN}&reset", wait_until="domcontentloaded", timeout=120_000)
    page.wait_for_function("n => window.jupyterapp && window.jupyterapp.shell.currentWidget"
                           " && window.jupyterapp.shell.currentWidget.context"
                           " && window.jupyterapp.shell.currentWidget.context.path === n"
                           " && window.jupyterapp.shell.currentWidget.sessionContext"
                           " && window.jupyterapp.shell.currentWidget.sessionContext.session"
                           " && window.jupyterapp.shell.currentWidget.sessionContext.session.kernel"
                           " && window.jupyterapp.shell.currentWidget.sessionContext.kernelDisplayStatus === 'idle'",
                           arg=name, timeout=180_000, polling=200)
    # Lab fills in the kernel's language_info once the kernel answers: the save below is the worst case with it
    page.wait_for_function("() => !!window.jupyterapp.shell.currentWidget.model.getMetadata('language_info')",
                           timeout=60_000, polling=100)


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
            page.wait_for_function("n => !window.jupyterapp.shell.currentWidget || "
                                   "window.jupyterapp.shell.currentWidget.context?.path !== n", arg=path.name,
                                   timeout=30_000, polling=100)
            assert (folder / path.name).read_bytes() == path.read_bytes(), path.name
    finally:
        page.close()


def field_boxes(page) -> list[dict]:
    """Each text box and choice of the app's forms in the page: its label's words and the box's width and position."""
    return page.evaluate("""() => [...document.querySelectorAll('.dp-app-field .widget-inline-hbox')]
        .filter(row => row.querySelector(':scope > input, :scope > textarea, :scope > select') && row.offsetParent)
        .map(row => { const box = row.querySelector(':scope > input, :scope > textarea, :scope > select');
                      const label = row.querySelector(':scope > .widget-label');
                      const b = box.getBoundingClientRect(), l = label ? label.getBoundingClientRect() : null;
                      return {label: label ? label.textContent : '', width: b.width, left: b.left, top: b.top,
                              labelRight: l ? l.right : 0, labelBottom: l ? l.bottom : 0,
                              rowRight: row.getBoundingClientRect().right}; })""")


@pytest.mark.parametrize("width", [1280, 800])
def test_the_forms_in_lab_leave_every_box_room(browser, lab, width):
    """In Lab, a long label ("最近几个月的实际收入（用逗号隔开，不固定时填）") goes above its box instead of squeezing the box
    (measured 18 px wide before): every text box of notebook 01's forms is at least 10em wide and no label
    overlaps its box."""
    base, _ = lab
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.set_default_timeout(120_000)
    try:
        open_in_lab(page, base, "01-cash-flow.ipynb")
        lab_command(page, "notebook:run-all-cells")
        page.wait_for_selector(".dp-app-field input", timeout=180_000)
        page.wait_for_timeout(1500)
        boxes = field_boxes(page)
        field = page.locator(".dp-app-field", has_text="最近几个月的实际收入").first
        field.scroll_into_view_if_needed()
        page.screenshot(path=str(Path(lab[1]).parent / f"lab-01-{width}.png"))  # looked at by hand
        recent = [b for b in boxes if "最近几个月的实际收入" in b["label"]]
        assert recent, [b["label"] for b in boxes]
        narrow = [(b["label"], round(b["width"])) for b in boxes if b["width"] < 150]
        assert not narrow, narrow
        overlapping = [b["label"] for b in boxes if b["labelRight"] > b["left"] + 1 and b["labelBottom"] > b["top"] + 1]
        assert not overlapping, overlapping
        lab_command(page, "notebook:close-and-shutdown", wait=False)
    finally:
        page.close()
