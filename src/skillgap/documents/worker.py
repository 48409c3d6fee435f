"""The worker process of ``read_document_isolated``: ``python -m skillgap.documents.worker PID``.

Once its readers are imported it says ``("ready", None)``; then it reads ``(data, name, limits,
ocr)`` requests from stdin and answers ``(status, value)`` on stdout (pickled, length-prefixed),
one document at a time, under ``RLIMIT_AS`` and at a lower CPU priority (a hostile file's
reading never outbids the server's own work for other users); it dies with its parent
(``PR_SET_PDEATHSIG`` on Linux, else at the closed pipe).
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
from multiprocessing.connection import Connection
from typing import Any

from skillgap.documents.errors import DocumentError
from skillgap.documents.reader import read_bytes

_PR_SET_PDEATHSIG = 1
READER_NICENESS = 10  # added to the parent's; the scheduler then favours the server's threads


def main(parent: int) -> None:
    """Serve documents until the parent goes away."""
    _die_with(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    with contextlib.suppress(OSError, AttributeError):  # AttributeError: no os.nice on Windows
        os.nice(READER_NICENESS)
    receiver = Connection(os.dup(0), writable=False)
    sender = Connection(os.dup(1), readable=False)
    os.dup2(2, 1)  # stray prints go to stderr, not into the channel
    sender.send(("ready", None))
    while True:
        try:
            data, name, limits, ocr = receiver.recv()
        except (EOFError, OSError):
            return
        _cap_memory(limits.max_memory_bytes)
        try:
            reply: tuple[str, Any] = ("ok", read_bytes(data, name, limits, ocr))
        except DocumentError as exc:
            reply = ("error", str(exc))
        except MemoryError:
            reply = ("memory", None)
        except Exception as exc:  # a reader bug must still end in one line
            reply = ("error", f"the file could not be read ({type(exc).__name__})")
        del data
        try:
            sender.send(reply)
        except (OSError, MemoryError):
            return
        if reply[0] == "memory":
            return  # a fragmented heap: the pool starts a fresh worker


def _cap_memory(max_bytes: int) -> None:
    """Set this process's address-space limit (up to the hard limit)."""
    try:
        import resource
    except ImportError:  # Windows: no RLIMIT_AS
        return
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    soft = max_bytes if hard == resource.RLIM_INFINITY else min(max_bytes, hard)
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def _die_with(parent: int) -> None:
    """Ask Linux to kill this process when its parent dies (and exit if it already has)."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        sys.exit(0)


if __name__ == "__main__":
    main(int(sys.argv[1]))
