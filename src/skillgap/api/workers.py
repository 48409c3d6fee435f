"""Several uvicorn worker processes, each with its own listening socket on the same port.

uvicorn's own supervisor shares one socket among its workers, and a worker that wakes accepts
every connection waiting: 50 clients connecting at once were split 38 to 12 between two workers
(measured), so the busier worker's clients waited three times as long. Here each worker binds the
port itself with ``SO_REUSEPORT`` and the kernel spreads new connections over the sockets by their
addresses. A worker that dies is started again; SIGINT or SIGTERM stops them all, each finishing
its requests as uvicorn does. The workers share a count of the requests each holds
(``skillgap.api.balance``), so a busier worker's clients are moved to another. Linux only
(``reuse_port_supported``); elsewhere the CLI uses uvicorn's supervisor.
"""

from __future__ import annotations

import multiprocessing
import signal
import socket
import sys
import threading
import time
from collections.abc import Callable, MutableSequence
from multiprocessing.process import BaseProcess
from types import FrameType
from typing import Any

from skillgap.api.balance import WorkerLoads, attach

_STOP_SECONDS = 30  # how long a worker may take to finish its requests when stopping
STEADY_SECONDS = 60.0  # a worker that ran this long before dying did start up well
MAX_RESTART_DELAY = 30.0


class Restarts:
    """When to start each worker slot again: at once after a worker that ran steadily, then
    after 1, 2, 4 ... up to 30 s while its workers keep dying soon after they start (a broken
    setting, a port trouble), so a crash loop does not spin building pipelines."""

    def __init__(self, slots: int, now: float) -> None:
        self.started_at = [now] * slots
        self.quick_exits = [0] * slots

    def started(self, slot: int, now: float) -> None:
        self.started_at[slot] = now

    def died(self, slot: int, now: float) -> float:
        """The time at which to start ``slot`` again, its worker found dead at ``now``."""
        steady = now - self.started_at[slot] >= STEADY_SECONDS
        self.quick_exits[slot] = 0 if steady else self.quick_exits[slot] + 1
        exits = self.quick_exits[slot]
        return now + (0.0 if exits <= 1 else min(MAX_RESTART_DELAY, 2.0 ** (exits - 2)))


def reuse_port_supported() -> bool:
    """Whether the kernel spreads connections over sockets sharing a port (Linux)."""
    return sys.platform.startswith("linux") and hasattr(socket, "SO_REUSEPORT")


def shared_port_socket(host: str, port: int) -> socket.socket:
    """A socket bound to ``host:port`` that other sockets of this user may bind too. It does not
    listen yet: uvicorn's event loop makes it listen once the app's start-up (the pipeline) is
    done, so no connection waits on a worker that is still starting."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host.strip("[]"), port))
    return sock


def _serve(options: dict[str, Any], counts: MutableSequence[int], index: int) -> None:
    """Worker ``index``: uvicorn on its own socket (runs in a child process)."""
    import uvicorn

    attach(WorkerLoads(counts, index))
    config = uvicorn.Config(**options)
    uvicorn.Server(config).run(sockets=[shared_port_socket(config.host, config.port)])


def run_workers(workers: int, options: dict[str, Any]) -> None:
    """Run ``workers`` uvicorn processes with ``uvicorn.Config(**options)`` until a signal."""
    context = multiprocessing.get_context("spawn")
    stopping = threading.Event()
    counts = context.RawArray("i", workers)  # requests in hand per worker, each writes its own

    def start(index: int) -> BaseProcess:
        process = context.Process(target=_serve, args=(options, counts, index))
        process.start()
        return process

    def stop(signum: int, frame: FrameType | None) -> None:
        stopping.set()

    previous: dict[int, Callable[..., Any] | int | None] = {
        s: signal.signal(s, stop) for s in (signal.SIGINT, signal.SIGTERM)
    }
    processes = [start(i) for i in range(workers)]
    restarts = Restarts(workers, time.monotonic())
    due: list[float | None] = [None] * workers  # when a dead worker's slot starts again
    try:
        while not stopping.wait(0.5):
            now = time.monotonic()
            for i, process in enumerate(processes):
                if process.is_alive():
                    continue
                when = due[i]
                if when is None:  # a crashed worker is replaced, soon or after a pause
                    WorkerLoads.absent(counts, i)  # the others stop moving clients to it
                    when = due[i] = restarts.died(i, now)
                    if restarts.quick_exits[i] > 1:
                        print(
                            f"skillgap: worker {i + 1} stopped {restarts.quick_exits[i]} times "
                            f"soon after starting; next start in {when - now:.0f} s",
                            file=sys.stderr,
                            flush=True,
                        )
                if now >= when:
                    processes[i] = start(i)
                    restarts.started(i, now)
                    due[i] = None
    finally:
        for process in processes:
            if process.is_alive():
                process.terminate()  # SIGTERM: uvicorn finishes its requests, then exits
        for process in processes:
            process.join(_STOP_SECONDS)
            if process.is_alive():
                process.kill()
        for number, handler in previous.items():
            signal.signal(number, handler)
