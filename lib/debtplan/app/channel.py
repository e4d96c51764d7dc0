"""The kernel's side of the one channel to the page: nothing the app sends is dropped.

A kernel sends the page every control it makes on one ZeroMQ channel (IOPub). ZeroMQ keeps at most 1,000
messages waiting on each side of it and silently drops the rest; the kernel's "done" message can be among them,
and the page then stays blank. The server's side keeps every message (:mod:`debtplan.app.voilaproc`); this is
the kernel's side, called by the app before it makes its controls. Messages wait here only while the server is
behind (a few MB for the whole app). The app sends each control once (made with its classes): about 800 to
1,000 messages for the example profiles, so only a larger profile reached the limit.
"""
from __future__ import annotations

import contextlib

__all__ = ["keep_every_message_sent"]


def keep_every_message_sent() -> bool:
    """In a Jupyter kernel (JupyterLab, Voila, papermill), lift the limit on the messages its IOPub channel keeps
    waiting; returns whether there was a kernel to change. Anywhere else (plain Python, the tests' own
    processes) it changes nothing. Calling it again changes nothing more."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with ipywidgets
        return False
    thread = getattr(getattr(get_ipython(), "kernel", None), "iopub_thread", None)
    socket = getattr(thread, "socket", None)
    if socket is None:
        return False

    def lift() -> None:  # 0: no limit; taken by the connections already open (libzmq 4.2 and later)
        with contextlib.suppress(Exception):  # a kernel of another make: its limit stays, the app works as before
            socket.sndhwm = 0

    # The socket belongs to the kernel's IOPub thread: changed there, in turn with the messages sent before it.
    schedule = getattr(thread, "schedule", None)
    (schedule or (lambda f: f()))(lift)
    return True
