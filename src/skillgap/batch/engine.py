"""Local engines: run chunk tasks in this process (one worker) or in a pool of worker processes.

Every engine offers ``imap_unordered(fn, tasks)``: results come back as chunks finish, and only a
few tasks are in flight at a time, so memory stays bounded however large the input.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R")
IN_FLIGHT_PER_WORKER = 2
_PR_SET_PDEATHSIG = 1


class BatchError(RuntimeError):
    """A run that cannot go on (a worker died, the cluster is unreachable), in one line."""


class Engine(Protocol):
    """Where chunk tasks run."""

    workers: int

    def imap_unordered(self, fn: Callable[[T], R], tasks: Iterable[T]) -> Iterator[R]: ...

    def close(self) -> None: ...


class InlineEngine:
    """Run every task here, one after the other."""

    workers = 1

    def imap_unordered(self, fn: Callable[[T], R], tasks: Iterable[T]) -> Iterator[R]:
        for task in tasks:
            yield fn(task)

    def close(self) -> None:
        pass


def _ignore_interrupts() -> None:
    """Worker initializer: Ctrl-C is the parent's to handle (it stops the pool), and on Linux
    the worker is killed when the parent dies (rather than living on for minutes)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)


def start_method() -> str:
    """How to start workers: ``fork`` on Linux when this process runs no other thread (workers
    inherit the loaded modules, so they start at once), else ``forkserver`` (safe in threaded
    programs), else ``spawn``."""
    methods = multiprocessing.get_all_start_methods()
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


class ProcessEngine:
    """A pool of ``workers`` processes. Each one imports skillgap once and keeps its pipeline.

    As with any multiprocessing code, a script calling it needs an ``if __name__ == "__main__":``
    guard where workers are spawned rather than forked (macOS, Windows, threaded programs).
    """

    def __init__(self, workers: int) -> None:
        context = multiprocessing.get_context(start_method())
        if context.get_start_method() == "forkserver":
            context.set_forkserver_preload(["skillgap.batch.tasks"])
        self.workers = workers
        self._pool = ProcessPoolExecutor(
            max_workers=workers, mp_context=context, initializer=_ignore_interrupts
        )
        self._pool.submit(int)  # start the workers now, before other threads (progress bars)
        self._failed = False

    def imap_unordered(self, fn: Callable[[T], R], tasks: Iterable[T]) -> Iterator[R]:
        pending: set[Future[R]] = set()
        queue = iter(tasks)
        exhausted = False
        try:
            while True:
                while not exhausted and len(pending) < self.workers * IN_FLIGHT_PER_WORKER:
                    task = next(queue, None)
                    if task is None:
                        exhausted = True
                    else:
                        pending.add(self._pool.submit(fn, task))
                if not pending:
                    return
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    yield future.result()
        except BrokenProcessPool:
            self._failed = True
            raise BatchError(
                "a worker process stopped unexpectedly (out of memory?); "
                "run again to resume from the finished chunks"
            ) from None
        except BaseException:
            self._failed = True
            raise

    def close(self) -> None:
        self._pool.shutdown(wait=not self._failed, cancel_futures=True)
