"""The app leaves nothing running: closing, reloading or leaving the page ends its kernel (each one holds about
160 MB), so after many opens the server holds one kernel per open tab, plus the one Voila keeps warm for the next
page (its preheated pool of one)."""
import time

import pytest

from conftest import ROOT, THOROUGH
from voila_helpers import voila_app

pytestmark = [pytest.mark.slow, pytest.mark.browser]
WARM = 1  # serve.PREHEAT_FLAGS: --pool_size=1
#: Pages opened: each way of leaving a page (closed, reloaded then closed, left for another page then closed,
#: kept open) twice by default; five times each under DEBTPLAN_THOROUGH=1.
OPENS = 20 if THOROUGH else 8


def kernels(port: int) -> int:
    """Kernels the Voila server listening on ``port`` has started and not yet ended."""
    import psutil

    server = next(p for p in psutil.process_iter(["cmdline"])
                  if f"--port={port}" in (p.info["cmdline"] or []) and any("voila" in a for a in p.info["cmdline"]))
    count = 0
    for child in server.children(recursive=True):
        try:
            count += child.status() != psutil.STATUS_ZOMBIE and any("ipykernel" in a for a in child.cmdline())
        except psutil.Error:  # ended meanwhile
            pass
    return count


def settle(port: int, at_most: int, seconds: float = 20) -> int:
    """The kernel count, once it is at most ``at_most`` or ``seconds`` have passed (a kernel takes a moment to
    end after its page has gone)."""
    end = time.time() + seconds
    while (n := kernels(port)) > at_most and time.time() < end:
        time.sleep(0.5)
    return n


def test_many_opens_and_closes_leave_one_kernel_per_open_tab(tmp_path, browser):
    profile = tmp_path / "me.yaml"
    profile.write_bytes((ROOT / "data/examples/xiao-li.yaml").read_bytes())
    with voila_app(ROOT / "notebooks/app.ipynb", tmp_path, profile) as base:
        port = int(base.rstrip("/").rsplit(":", 1)[1])
        context = browser.new_context()
        kept = []
        for i in range(OPENS):
            page = context.new_page()
            page.goto(base)
            page.wait_for_selector(".widget-button", timeout=120_000)
            if i % 4 == 1:  # reloaded, then closed
                page.reload()
                page.wait_for_selector(".widget-button", timeout=120_000)
                page.close(run_before_unload=True)
            elif i % 4 == 2:  # left for another page, then closed
                page.goto("about:blank")
                page.close()
            elif i in (3, 7):  # two tabs stay open (each way of leaving is seen before and after them)
                kept.append(page)
                continue
            else:
                page.close(run_before_unload=True)
            assert settle(port, len(kept) + WARM) <= len(kept) + WARM, f"after open {i + 1}"
        assert len(kept) == 2 and settle(port, 2 + WARM) == 2 + WARM
        for page in kept:
            page.close(run_before_unload=True)
        assert settle(port, WARM) == WARM
        context.close()
    log = (tmp_path / "voila.log").read_text()
    assert "_xsrf' argument missing" not in log and "403 POST" not in log, log[-2000:]
