"""The app's server process: Voila itself, listening to its kernels without ever dropping what they say.

A kernel sends the page everything the app is made of on one channel (IOPub: about 800 widgets, each opened and
then styled, for a profile with a few debts and records). ZeroMQ keeps at most 1,000 messages waiting on each
side of that channel and silently drops the rest; on a busy machine (a counsellor's laptop building reports,
two test workers on two cores) the server reads too slowly, the kernel's "done" message is among those dropped,
and the page stays blank for good. Here the server's listening sockets keep every message until read (memory
grows only while the server is behind: a few MB for the whole app).

``python -m debtplan.app.voilaproc TARGET [voila options]`` is the ``voila`` command with that one change;
:func:`debtplan.app.serve.voila_args` starts it.
"""
from __future__ import annotations

import sys

import zmq

__all__ = ["keep_every_message", "main"]


def keep_every_message() -> None:
    """From now on every subscribing socket this process makes (a kernel's IOPub channel, as the server
    listens to it) has no limit on the messages waiting to be read. Set before the socket connects, as
    ZeroMQ requires; other kinds of socket are left as they are. Calling it again changes nothing. It changes
    the whole process, so only the server calls it (``tests/test_app_preheat.py`` checks it in a process of its
    own).
    """
    if getattr(zmq.Context.socket, "keeps_every_message", False):
        return
    make = zmq.Context.socket

    def socket(self, socket_type, *args, **kwargs):
        sock = make(self, socket_type, *args, **kwargs)
        if socket_type == zmq.SUB:
            sock.rcvhwm = 0  # 0: no limit
        return sock

    socket.keeps_every_message = True  # type: ignore[attr-defined]
    zmq.Context.socket = socket  # type: ignore[method-assign]


def main() -> None:
    keep_every_message()
    from voila.app import main as voila_main

    sys.argv[0] = "voila"
    sys.exit(voila_main())


if __name__ == "__main__":
    main()
