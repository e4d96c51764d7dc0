"""JupyterLab and the Voila app, started on loopback: the notebooks open and a kernel starts."""
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow
BIN = Path(sys.executable).parent
TOKEN = "debtplan-test"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str, method: str = "GET", timeout: float = 60):
    req = urllib.request.Request(url, method=method, headers={"Authorization": f"token {TOKEN}"},
                                 data=b"{}" if method == "POST" else None)
    with urllib.request.urlopen(req, timeout=timeout) as resp:
        return resp.status, resp.read().decode("utf-8", "replace")


def wait_up(url: str, proc: subprocess.Popen, seconds: float = 60) -> None:
    end = time.time() + seconds
    while time.time() < end:
        if proc.poll() is not None:
            raise AssertionError(f"server exited: {proc.stdout.read()[-3000:]}")
        try:
            get(url, timeout=5)
            return
        except (urllib.error.URLError, ConnectionError, OSError):
            time.sleep(0.3)
    raise AssertionError(f"{url} did not answer in {seconds}s")


def start(args, tmp_path):
    env = dict(os.environ, DEBTPLAN_PROFILE=str(ROOT / "data/examples/xiao-li.yaml"),
               JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"), JUPYTER_CONFIG_DIR=str(tmp_path / "config"))
    return subprocess.Popen(args, cwd=ROOT / "notebooks", env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True)


def run_in_kernel(port: int, kernel: str, code: str, seconds: float = 90) -> str:
    """Run ``code`` in a server kernel over its websocket; return what it printed."""
    import asyncio
    import uuid

    from tornado.websocket import websocket_connect

    async def go() -> str:
        ws = await websocket_connect(f"ws://127.0.0.1:{port}/api/kernels/{kernel}/channels?token={TOKEN}")
        msg_id = uuid.uuid4().hex
        await ws.write_message(json.dumps({
            "header": {"msg_id": msg_id, "msg_type": "execute_request", "username": "test", "session": msg_id,
                       "version": "5.3"}, "parent_header": {}, "metadata": {}, "channel": "shell",
            "content": {"code": code, "silent": False, "store_history": False, "user_expressions": {},
                        "allow_stdin": False}}))
        printed = ""
        while True:
            raw = await asyncio.wait_for(ws.read_message(), seconds)
            msg = json.loads(raw)
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "stream":
                printed += msg["content"]["text"]
            if msg["msg_type"] == "error":
                raise AssertionError(msg["content"]["evalue"])
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                ws.close()
                return printed.strip()

    # in a thread of its own: a browser test's Playwright (one per run, tests/conftest.py) keeps an event loop
    # running in this thread
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, go()).result()


def stop(proc):
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()


def test_jupyterlab_opens_notebooks_and_starts_a_kernel(tmp_path):
    port = free_port()
    args = [str(BIN / "jupyter"), "lab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
            f"--IdentityProvider.token={TOKEN}", "--ServerApp.open_browser=False"]
    if os.geteuid() == 0:
        args.append("--allow-root")
    proc = start(args, tmp_path)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_up(f"{base}/api/status", proc)
        for name in ("01-cash-flow", "02-what-i-owe", "03-repayment-plans", "04-negotiation-summary"):
            status, _ = get(f"{base}/lab/tree/{name}.ipynb")
            assert status == 200
            status, body = get(f"{base}/api/contents/{name}.ipynb")
            assert status == 200 and json.loads(body)["type"] == "notebook"
        status, body = get(f"{base}/api/kernels", method="POST")
        assert status == 201
        kernel = json.loads(body)["id"]
        assert run_in_kernel(port, kernel, "import debtplan; print(debtplan.money('0.1') + debtplan.money('0.2'))") \
            == "0.3"
        get(f"{base}/api/kernels/{kernel}", method="DELETE")
    finally:
        stop(proc)


def test_voila_app_renders_a_notebook(tmp_path):
    """`make app`: Voila serves the one app notebook at the root address (no file listing)."""
    port = free_port()
    proc = start([str(BIN / "voila"), str(ROOT / "notebooks/app.ipynb"), "--no-browser", f"--port={port}",
                  "--Voila.ip=127.0.0.1", "--strip_sources=True", f"--token={TOKEN}"], tmp_path)
    base = f"http://127.0.0.1:{port}"
    try:
        end = time.time() + 60
        while time.time() < end:  # the server accepts connections (every GET of / starts a kernel)
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            assert proc.poll() is None, proc.stdout.read()[-3000:]
            time.sleep(0.3)
        status, body = get(f"{base}/", timeout=120)
        assert status == 200
        title = "债务协商助手"  # the tab title, set by the notebook's own code in the profile's language
        escaped = json.dumps(title)[1:-1]  # inside the script's JSON string, written once more as JSON
        assert title in body or escaped in body or escaped.replace("\\", "\\\\") in body
        assert "Traceback" not in body and "Select items to open" not in body
        assert "open_profile" not in body  # no code cells shown
    finally:
        stop(proc)
