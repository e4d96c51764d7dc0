"""The app is served with a kernel warmed ahead (Voila's preheating), yet reads the profile when the page is
asked for: a change made to the file while the warm kernel waits is on the page."""
import json
import time
from pathlib import Path

import pytest

from debtplan.app.serve import PREHEAT_FLAGS, WAIT_CALLS, voila_args, waits_for_page_request

from conftest import ROOT

APP = ROOT / "notebooks" / "app.ipynb"


def test_app_notebook_waits_before_it_reads_anything():
    """In the app notebook, the cell that waits for the page request (itself or through show_app, which waits
    first: tests/test_app_notebook.py) comes before every cell that reads the profile, the date or makes the
    app, and it holds only imports before the wait."""
    cells = [c for c in json.loads(APP.read_text(encoding="utf-8"))["cells"] if c["cell_type"] == "code"]
    sources = ["\n".join(line.split("#")[0] for line in "".join(c["source"]).splitlines()) for c in cells]
    wait = next(i for i, s in enumerate(sources) if any(call in s for call in WAIT_CALLS))
    reads = [i for i, s in enumerate(sources) if "open_profile(" in s or "App(" in s or "today" in s]
    assert all(i > wait for i in reads)
    call = next(call for call in WAIT_CALLS if call in sources[wait])
    before = sources[wait].split(call)[0]
    code = [line for line in before.splitlines() if line.strip()]
    assert code and all(line.startswith(("import ", "from ")) for line in code), code


def test_preheating_only_for_a_notebook_that_waits(tmp_path):
    assert waits_for_page_request(APP)
    assert set(PREHEAT_FLAGS) <= set(voila_args(APP))
    assert not set(PREHEAT_FLAGS) & set(voila_args(APP, "--no-preheat"))
    assert not set(PREHEAT_FLAGS) & set(voila_args(ROOT / "notebooks"))  # a folder: the others do not wait
    for page in (ROOT / "notebooks").glob("0*.ipynb"):
        assert not waits_for_page_request(page)
        assert not set(PREHEAT_FLAGS) & set(voila_args(page))


def _connections_to(port: int) -> int:
    """Established TCP connections to 127.0.0.1:``port`` (from /proc/net/tcp)."""
    count = 0
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        remote, state = fields[2], fields[3]
        if state == "01" and int(remote.split(":")[1], 16) == port:
            count += 1
    return count


@pytest.mark.slow
def test_a_change_made_while_the_kernel_waits_is_on_the_page(tmp_path, browser):
    from voila_helpers import voila_app

    profile = tmp_path / "xiao-li.yaml"
    text = (ROOT / "data/examples/xiao-li.yaml").read_text(encoding="utf-8")
    assert "amount: 5800" in text and "name: 小李" in text
    profile.write_text(text, encoding="utf-8")
    with voila_app(APP, tmp_path, profile) as base:
        port = int(base.rstrip("/").rsplit(":", 1)[1])
        # The warm kernel waits for the page through a websocket of its own to the server: before any browser
        # connects, a connection to the server's port is that one.
        end = time.time() + 180
        while _connections_to(port) == 0:
            assert time.time() < end, (tmp_path / "voila.log").read_text()[-3000:]
            time.sleep(0.5)
        assert "Kernel pool of app.ipynb is filled" in (tmp_path / "voila.log").read_text()
        time.sleep(1)
        profile.write_text(text.replace("amount: 5800", "amount: 6100").replace("name: 小李", "name: 王晓丽"),
                           encoding="utf-8")
        page = browser.new_page()
        page.goto(base, timeout=120000)
        page.wait_for_selector(".dp-app-step .dp-app-view h2", timeout=120000)
        body = page.inner_text("body")
        page.close()
        log = (tmp_path / "voila.log").read_text()
        assert "Using pre-heated kernel" in log
        assert "over TCP" not in log  # the kernels use local sockets: no warning in the person's terminal
    assert "王晓丽" in body and "小李" not in body
    assert "6,100.00" in body and "5,800.00" not in body


def test_outside_a_preheated_kernel_it_returns_at_once(monkeypatch):
    from debtplan.app import serve

    monkeypatch.delenv("VOILA_PREHEAT", raising=False)
    called = []
    monkeypatch.setattr(serve, "_warm_up", lambda: called.append(1))
    serve.wait_for_page_request()  # JupyterLab, papermill, Voila without preheating: no wait, no warm-up
    monkeypatch.setenv("VOILA_PREHEAT", "False")
    serve.wait_for_page_request()
    assert called == []


def test_the_warm_up_is_only_a_head_start(monkeypatch, tmp_path):
    from debtplan.app import serve
    from debtplan.core import paths

    serve._warm_up()  # on the example
    monkeypatch.setattr(paths, "DEFAULT_PROFILE", tmp_path / "missing.yaml")
    serve._warm_up()  # no example (a broken install): no error, the page is made without the head start
    (tmp_path / "bad.yaml").write_text("debts: [[[", encoding="utf-8")
    monkeypatch.setattr(paths, "DEFAULT_PROFILE", tmp_path / "bad.yaml")
    serve._warm_up()


def test_the_server_keeps_every_message_of_its_kernels():
    """The app's server is Voila started through debtplan.app.voilaproc, whose listening sockets drop nothing:
    under load, ZeroMQ's default limit of 1,000 waiting messages dropped part of the ~800 widgets of Sam's app
    and the page stayed blank (tests/test_app_walk.py failed 3 times in 4 with two busy loops beside it)."""
    import subprocess
    import sys

    args = voila_args(APP)
    assert args[:3] == [sys.executable, "-m", "debtplan.app.voilaproc"] and str(APP) in args
    probe = ("import zmq, zmq.asyncio, debtplan.app.voilaproc as v; v.keep_every_message(); "
             "c = zmq.asyncio.Context(); s = c.socket(zmq.SUB); d = c.socket(zmq.DEALER); "
             "print(s.rcvhwm, d.rcvhwm); s.close(); d.close(); c.term()")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["0", "1000"]
    help_text = subprocess.run([*args[:3], "--help"], capture_output=True, text=True, timeout=120)
    assert help_text.returncode == 0 and "voila" in help_text.stdout.lower()


@pytest.mark.slow
def test_the_kernel_keeps_every_message_it_sends_to_the_page(tmp_path):
    """The kernel's side of the channel (debtplan.app.channel): the Zhang family's app built six times in a
    kernel whose listener reads nothing meanwhile (as a server far behind) reaches the listener whole, the
    kernel's "idle" with it. With ZeroMQ's default limit 4,992 of the 6,201 messages came and "idle" was lost."""
    from jupyter_client.manager import start_new_kernel

    km, kc = start_new_kernel(kernel_name="python3", cwd=str(tmp_path))
    try:
        code = ("from debtplan.app.session import open_profile\nfrom debtplan.app.widgets import App\n"
                f"for _ in range(6): App(open_profile({str(ROOT / 'data/examples/zhang-family.yaml')!r}, '', ''))\n")
        kc.execute(code)
        reply = kc.get_shell_msg(timeout=300)
        assert reply["content"]["status"] == "ok", reply["content"]
        time.sleep(1)
        kinds: dict = {}
        while True:
            try:
                msg = kc.get_iopub_msg(timeout=5)
            except Exception:  # queue.Empty: everything sent has been read
                break
            kind = msg["msg_type"] if msg["msg_type"] != "status" else msg["content"]["execution_state"]
            kinds[kind] = kinds.get(kind, 0) + 1
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    assert kinds.get("idle") == 1 and kinds.get("busy") == 1, kinds
    assert kinds.get("comm_open", 0) > 5000 and kinds["comm_open"] % 6 == 0, kinds
