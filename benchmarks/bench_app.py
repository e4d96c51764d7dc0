"""How quickly the app (Voila) draws its first step and redraws after an edit, and how much each page weighs,
measured in Debian's Chromium through Playwright against a Voila started here on loopback.

    .venv/bin/python benchmarks/bench_app.py [--runs 3]

Configurations, each on the same profile copy (xiao-li, zh; the redraw also as sam, en):
  voila-lab      Voila's own `lab` template, as `make app` served the notebooks before (the baseline: its icon font
                 comes from a public CDN, which fails at once here as there is no network);
  debtplan       `python -m debtplan.app.serve` (debtplan template, served font, app.css);
  debtplan+heat  the same with Voila's kernel preheating (`serve.PREHEAT_FLAGS`) on today's notebooks: measured
                 for the record only, as a preheated kernel runs the notebook before the page is asked for, so it
                 reads the profile and "today" at warm-up, which the app must not do;
  debtplan+wait  preheating on copies of the notebooks with one cell added after the parameters: the imports,
                 then `debtplan.app.serve.wait_for_page_request()`; the profile and "today" are then read when
                 the page is asked for. This is the setting for the app notebook.

Printed: median seconds from navigation to the first step drawn (spinner gone, widgets drawn), its ratio to the
baseline; the redraw after typing an amount (input event to the new surplus on screen); bytes per page (HTTP
bodies as transferred, and the widget messages over the kernel's websocket), first visit and a second visit
with the browser's cache. Targets (issue 10): first step within 2 s, redraw within 0.3 s.
"""
from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "lib"))

from debtplan.app.serve import PREHEAT_FLAGS, prepare, voila_args, voila_env  # noqa: E402

#: The cell the preheated app notebook runs before waiting for the page request.
WAIT_CELL = ("import debtplan.app.widgets, debtplan.present.views, debtplan.present.pack  # the slow imports, warm\n"
             "from debtplan.app.serve import wait_for_page_request\n"
             "wait_for_page_request()  # a preheated kernel waits here for the page to be asked for")


def waiting_copies(folder: Path) -> Path:
    """Copies of the notebooks with :data:`WAIT_CELL` after the parameters cell."""
    import nbformat

    folder.mkdir(parents=True, exist_ok=True)
    for page in PAGES:
        nb = nbformat.read(ROOT / "notebooks" / f"{page}.ipynb", as_version=4)
        at = next(i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", [])) + 1
        nb.cells.insert(at, nbformat.v4.new_code_cell(WAIT_CELL))
        nbformat.write(nb, folder / f"{page}.ipynb")
    return folder

PAGES = ("01-cash-flow", "02-what-i-owe", "03-repayment-plans", "04-negotiation-summary")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, config: str, profile: Path, tmp: Path):
        self.port = free_port()
        env = dict(os.environ, DEBTPLAN_PROFILE=str(profile), JUPYTER_RUNTIME_DIR=str(tmp / f"rt-{config}"))
        if config == "voila-lab":
            args = [str(Path(sys.executable).parent / "voila"), str(ROOT / "notebooks"), "--no-browser",
                    f"--port={self.port}", "--Voila.ip=127.0.0.1", "--strip_sources=True"]
        else:
            prepare()
            env = voila_env(env)
            extra = list(PREHEAT_FLAGS) if "+" in config else []
            folder = waiting_copies(tmp / "nb-wait") if config == "debtplan+wait" else ROOT / "notebooks"
            args = voila_args(folder, f"--port={self.port}", *extra)
        self.proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.base = f"http://127.0.0.1:{self.port}/"
        end = time.time() + 60
        while True:
            try:
                urllib.request.urlopen(self.base + "voila/tree", timeout=5)
                break
            except OSError:
                if time.time() > end or self.proc.poll() is not None:
                    raise RuntimeError(f"voila ({config}) did not start")
                time.sleep(0.3)
        if "+" in config:
            time.sleep(20)  # let the pool warm a kernel for each notebook

    def close(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()


DRAWN = ("!document.getElementById('loading') && !!document.querySelector('#rendered_cells .jupyter-widgets')")


def open_once(context, url: str) -> tuple[float, int, int]:
    """Seconds to the first step drawn, HTTP bytes and websocket bytes received."""
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    sizes = {"http": 0, "ws": 0}
    cdp.on("Network.loadingFinished", lambda e: sizes.__setitem__("http", sizes["http"] + e["encodedDataLength"]))
    cdp.on("Network.webSocketFrameReceived",
           lambda e: sizes.__setitem__("ws", sizes["ws"] + len(e["response"]["payloadData"])))
    start = time.perf_counter()
    page.goto(url, timeout=120000)
    page.wait_for_function(DRAWN, timeout=120000, polling=20)
    took = time.perf_counter() - start
    page.wait_for_load_state("networkidle")
    page.close()
    return took, sizes["http"], sizes["ws"]


REDRAW = r"""async ([value, expected]) => {
  const inputs = [...document.querySelectorAll('.widget-text input')];
  const field = inputs.find(i => /^\d{4,}$/.test(i.value));
  const t0 = performance.now();
  field.value = value;
  field.dispatchEvent(new Event('input', {bubbles: true}));
  field.dispatchEvent(new Event('change', {bubbles: true}));
  await new Promise(resolve => {
    const check = () => document.body.innerText.includes(expected) ? resolve() : requestAnimationFrame(check);
    check();
  });
  return (performance.now() - t0) / 1000;
}"""


def redraws(context, url: str, runs: int) -> list[float]:
    """Type a new first amount (the salary) and wait for the surplus on screen to change."""
    page = context.new_page()
    page.goto(url, timeout=120000)
    page.wait_for_function(DRAWN, timeout=120000)
    first = int(page.evaluate("[...document.querySelectorAll('.widget-text input')]"
                              ".map(i => i.value).find(v => /^\\d{4,}$/.test(v))"))
    times = []
    for i in range(runs + 1):
        value = first + 111 * (i + 1)
        expected = f"{value:,}"
        times.append(page.evaluate(REDRAW, [str(value), expected]))
    page.close()
    return times[1:]  # the first edit also loads the chart code paths once


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    opts = parser.parse_args()
    from playwright.sync_api import sync_playwright

    tmp = Path(tempfile.mkdtemp(prefix="bench-app-"))
    profiles = {}
    for name in ("xiao-li", "sam"):
        profiles[name] = tmp / f"{name}.yaml"
        shutil.copy(ROOT / "data/examples" / f"{name}.yaml", profiles[name])
    results: dict = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium", args=ARGS)
        for config in ("voila-lab", "debtplan", "debtplan+heat", "debtplan+wait"):
            server = Server(config, profiles["xiao-li"], tmp)
            try:
                opens, weights = [], {}
                for run in range(opts.runs):
                    context = browser.new_context(viewport={"width": 390, "height": 844})
                    opens.append(open_once(context, server.base + "voila/render/01-cash-flow.ipynb")[0])
                    context.close()
                    if "+" in config:
                        time.sleep(10)  # the pool replaces the kernel it handed out
                if "+heat" not in config:
                    context = browser.new_context(viewport={"width": 390, "height": 844})
                    for page in PAGES:
                        url = server.base + f"voila/render/{page}.ipynb"
                        weights[page] = (open_once(context, url), open_once(context, url))
                    context.close()
                results[config] = {"open": opens, "weights": weights}
                if config in ("debtplan", "debtplan+wait"):
                    context = browser.new_context(viewport={"width": 390, "height": 844})
                    results[config]["redraw-zh"] = redraws(context, server.base + "voila/render/01-cash-flow.ipynb",
                                                           opts.runs)
                    context.close()
            finally:
                server.close()
        server = Server("debtplan", profiles["sam"], tmp)
        try:
            context = browser.new_context(viewport={"width": 390, "height": 844})
            results["debtplan"]["redraw-en"] = redraws(context, server.base + "voila/render/01-cash-flow.ipynb",
                                                       opts.runs)
            context.close()
        finally:
            server.close()
        browser.close()
    shutil.rmtree(tmp, ignore_errors=True)

    base = statistics.median(results["voila-lab"]["open"])
    print(f"first step drawn (01-cash-flow, 390x844, median of {opts.runs}; target 2 s):")
    for config, r in results.items():
        m = statistics.median(r["open"])
        print(f"  {config:14s} {m:6.2f} s   ratio {m / base:5.2f}   runs {', '.join(f'{x:.2f}' for x in r['open'])}")
    for config, key in (("debtplan", "redraw-zh"), ("debtplan", "redraw-en"), ("debtplan+wait", "redraw-zh")):
        times = results[config][key]
        print(f"redraw after an edit, {config}, {key[-2:]} (target 0.3 s): median {statistics.median(times):.3f} s"
              f"   runs {', '.join(f'{x:.3f}' for x in times)}")
    print("page weight, kB (HTTP as transferred + websocket messages), first visit / second visit (cached):")
    for config in ("voila-lab", "debtplan", "debtplan+wait"):
        for page, (first, second) in results[config]["weights"].items():
            print(f"  {config:10s} {page:24s} {first[1] / 1024:8.0f} + {first[2] / 1024:5.0f}   /"
                  f" {second[1] / 1024:8.0f} + {second[2] / 1024:5.0f}   (opened in {first[0]:.2f} s, then {second[0]:.2f} s)")


if __name__ == "__main__":
    main()
