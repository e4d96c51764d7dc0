"""How quickly the app (Voila) draws its first step and redraws after an edit, and how much its page weighs,
measured in Debian's Chromium through Playwright against a Voila started here on loopback.

    .venv/bin/python benchmarks/bench_app.py [--runs 5]

Configurations, each on its own copy of the profile (xiao-li, zh; the redraw also as sam, en), all serving
``notebooks/app.ipynb``:
  voila-lab      Voila's own `lab` template, as `make app` served the notebooks before this work (the baseline:
                 its icon font comes from a public CDN, which fails at once here as there is no network);
  cold           `python -m debtplan.app.serve notebooks/app.ipynb --no-preheat`: the kernel is started, the
                 imports made and the notebook run when the page is asked for;
  app            `python -m debtplan.app.serve notebooks/app.ipynb`, as `make app` serves it: Voila keeps one
                 kernel warm with the imports made (kernel preheating); the notebook waits there for the page
                 request (`wait_for_page_request`), then reads the profile and today's date.

Printed: median seconds from navigation to the first step drawn (its heading on screen, the spinner gone) and the
ratio to the baseline; the redraw after typing an amount, zh and en: keystrokes only (no Tab, no Enter), timed
from the last keystroke to the new figure on screen, and with the page's 0.3 s typing pause taken off, beside
the same edit ended with Tab (the box left: the baseline, as before typing redrew); kernels left running after
opening and closing the page five times with one tab still open, for the app and for the stock `lab` template
(the baseline); bytes per page (HTTP bodies as transferred, and the widget messages over the kernel's
websocket), first visit and a second visit with the browser's cache. Targets: first step within 2 s, redraw
within 0.3 s after the pause, at most one kernel per open tab (plus the one Voila keeps warm).
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
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "lib"))

from debtplan.app.serve import prepare, voila_args, voila_env  # noqa: E402

APP = ROOT / "notebooks" / "app.ipynb"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, config: str, profile: Path, tmp: Path):
        self.port = free_port()
        self.config = config
        env = dict(os.environ, DEBTPLAN_PROFILE=str(profile), JUPYTER_RUNTIME_DIR=str(tmp / f"rt-{config}"),
                   DEBTPLAN_REPORT_DIR=str(tmp / "report"))
        if config == "voila-lab":
            args = [str(Path(sys.executable).parent / "voila"), str(APP), "--no-browser",
                    f"--port={self.port}", "--Voila.ip=127.0.0.1", "--strip_sources=True"]
        else:
            prepare()
            env = voila_env(env)
            args = voila_args(APP, f"--port={self.port}", *(["--no-preheat"] if config == "cold" else []))
        self.proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.base = f"http://127.0.0.1:{self.port}/"
        end = time.time() + 60
        while True:  # the port answers (a page request would take the warm kernel)
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", self.port)) == 0:
                    break
            if time.time() > end or self.proc.poll() is not None:
                raise RuntimeError(f"voila ({config}) did not start")
            time.sleep(0.3)
        self.settle()

    def settle(self) -> None:
        """Before a page: let a preheating server warm its kernel (as it has while a person reads the page)."""
        time.sleep(15 if self.config == "app" else 1)

    def close(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()


DRAWN = "!document.getElementById('loading') && !!document.querySelector('.dp-app-step .dp-app-view h2')"


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


REDRAW = r"""async ([value, expected, leave]) => {
  const inputs = [...document.querySelectorAll('.widget-text input')];
  const field = inputs.find(i => /^\d{4,}$/.test(i.value));
  field.focus();
  for (let n = 1; n <= value.length; n++) {  // one input event a keystroke, as typing makes them
    field.value = value.slice(0, n);
    field.dispatchEvent(new InputEvent('input', {bubbles: true, inputType: 'insertText', data: value[n - 1]}));
    await new Promise(resolve => setTimeout(resolve, 40));
  }
  const t0 = performance.now();
  if (leave) field.dispatchEvent(new Event('change', {bubbles: true}));  // Tab: the box is left
  await new Promise(resolve => {
    const check = () => document.body.innerText.includes(expected) ? resolve() : requestAnimationFrame(check);
    check();
  });
  return (performance.now() - t0) / 1000;
}"""
TYPING_PAUSE = 0.3  # app.js: TYPING_PAUSE_MS


def redraws(context, url: str, runs: int, leave: bool = False) -> list[float]:
    """Type a new first amount (the salary) and wait for the new figure on screen: ``leave``, then Tab (the box
    left at once); else keystrokes only."""
    page = context.new_page()
    page.goto(url, timeout=120000)
    page.wait_for_function(DRAWN, timeout=120000)
    first = int(page.evaluate("[...document.querySelectorAll('.widget-text input')]"
                              ".map(i => i.value).find(v => /^\\d{4,}$/.test(v))"))
    times = []
    for i in range(runs + 1):
        value = first + 111 * (i + 1)
        expected = f"{value:,}"
        times.append(page.evaluate(REDRAW, [str(value), expected, leave]))
    page.close()
    return times[1:]  # the first edit also loads the chart code paths once


def kernels(server: "Server") -> int:
    """Kernels the server has started and not yet ended."""
    import psutil

    count = 0
    for child in psutil.Process(server.proc.pid).children(recursive=True):
        try:
            count += child.status() != psutil.STATUS_ZOMBIE and any("ipykernel" in a for a in child.cmdline())
        except psutil.Error:  # ended meanwhile
            pass
    return count


def kernels_left(browser, server: "Server", opens: int = 5) -> int:
    """Kernels running once the page was opened and closed ``opens`` times (closing as a tab is closed) and
    opened once more, that tab still open."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    for _ in range(opens):
        page = context.new_page()
        page.goto(server.base, timeout=120000)
        page.wait_for_function(DRAWN, timeout=120000)
        page.close(run_before_unload=True)
    page = context.new_page()
    page.goto(server.base, timeout=120000)
    page.wait_for_function(DRAWN, timeout=120000)
    end = time.time() + 20
    while (n := kernels(server)) > 2 and time.time() < end:  # a kernel takes a moment to end
        time.sleep(0.5)
    context.close()
    return n


def widget_count() -> tuple[int, int, int]:
    """Widgets the app makes for Xiao Li, and the bytes of their state as sent to the page: with debtplan's shared
    layouts and styles, and (for comparison) as plain ipywidgets would make them (a layout and a style each)."""
    code = r"""
import json, os, sys
os.environ["DEBTPLAN_SERVED_FONT"] = "1"
import ipywidgets
from ipywidgets.widgets import widget as wmod
from debtplan.app.session import open_profile
from debtplan.app.widgets import App
App(open_profile(sys.argv[1], "", ""))
states = [w.get_state() for w in list(wmod._instances.values())]
controls = [w for w in wmod._instances.values() if isinstance(w, ipywidgets.DOMWidget)]
own = sum(("layout" in w.keys) + ("style" in w.keys) for w in controls)  # a layout and a style each, unshared
looks = sum(1 for w in wmod._instances.values()
            if isinstance(w, (ipywidgets.Layout, ipywidgets.widgets.widget_style.Style)))
print(len(states), sum(len(json.dumps(s, default=str)) for s in states), looks, own)
"""
    out = subprocess.run([sys.executable, "-c", code, str(ROOT / "data/examples/xiao-li.yaml")], capture_output=True,
                         text=True, check=True).stdout.split()
    made, size, looks, own = (int(x) for x in out)
    return made, size, made - looks + own


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    opts = parser.parse_args()
    from playwright.sync_api import sync_playwright

    tmp = Path(tempfile.mkdtemp(prefix="bench-app-"))
    profiles = {}
    for name in ("xiao-li", "sam"):
        profiles[name] = tmp / f"{name}.yaml"
        shutil.copy(ROOT / "data/examples" / f"{name}.yaml", profiles[name])
    results: dict = {}
    viewport = {"width": 390, "height": 844}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium", args=ARGS)
        for config in ("voila-lab", "cold", "app"):
            server = Server(config, profiles["xiao-li"], tmp)
            try:
                opens = []
                for run in range(opts.runs):
                    context = browser.new_context(viewport=viewport)  # a fresh browser cache each time
                    opens.append(open_once(context, server.base)[0])
                    context.close()
                    server.settle()
                results[config] = {"open": opens}
                if config in ("voila-lab", "app"):
                    results[config]["kernels"] = kernels_left(browser, server)
                if config != "voila-lab":
                    context = browser.new_context(viewport=viewport)
                    first = open_once(context, server.base)
                    server.settle()
                    results[config]["weight"] = (first, open_once(context, server.base))
                    context.close()
                if config == "app":
                    server.settle()
                    context = browser.new_context(viewport=viewport)
                    results[config]["redraw-zh"] = redraws(context, server.base, opts.runs)
                    results[config]["tab-zh"] = redraws(context, server.base, opts.runs, leave=True)
                    context.close()
            finally:
                server.close()
        server = Server("app", profiles["sam"], tmp)
        try:
            context = browser.new_context(viewport=viewport)
            results["app"]["redraw-en"] = redraws(context, server.base, opts.runs)
            results["app"]["tab-en"] = redraws(context, server.base, opts.runs, leave=True)
            context.close()
        finally:
            server.close()
        browser.close()
    shutil.rmtree(tmp, ignore_errors=True)

    base = statistics.median(results["voila-lab"]["open"])
    print(f"first step drawn (notebooks/app.ipynb, 390x844, fresh browser cache, median of {opts.runs}; "
          "target 2 s):")
    for config, r in results.items():
        m = statistics.median(r["open"])
        print(f"  {config:10s} {m:6.2f} s   ratio {m / base:5.2f}   runs {', '.join(f'{x:.2f}' for x in r['open'])}")
    for lang in ("zh", "en"):
        typed, tab = results["app"][f"redraw-{lang}"], results["app"][f"tab-{lang}"]
        m, b = statistics.median(typed), statistics.median(tab)
        print(f"redraw after typing, {lang} (keystrokes only; target 0.3 s after the {TYPING_PAUSE} s pause): "
              f"median {m:.3f} s from the last keystroke, {m - TYPING_PAUSE:.3f} s after the pause; "
              f"after Tab (baseline) {b:.3f} s; ratio {(m - TYPING_PAUSE) / b:.2f}"
              f"   runs {', '.join(f'{x:.3f}' for x in typed)}")
    print(f"kernels running after 5 opens and closes, 1 tab open (target: 1 per open tab + 1 kept warm): "
          f"app {results['app']['kernels']}, voila-lab (baseline) {results['voila-lab']['kernels']}")
    made, size, plain = widget_count()
    print(f"widgets the app makes (xiao-li): {made}, state {size / 1024:.0f} kB (each control with a layout and a "
          f"style of its own: about {plain})")
    print("page weight, kB (HTTP as transferred + websocket messages), first visit / second visit (cached):")
    for config in ("cold", "app"):
        first, second = results[config]["weight"]
        print(f"  {config:10s} {first[1] / 1024:8.0f} + {first[2] / 1024:5.0f}   / {second[1] / 1024:8.0f} + "
              f"{second[2] / 1024:5.0f}   (drawn in {first[0]:.2f} s, then {second[0]:.2f} s)")


if __name__ == "__main__":
    main()
