"""Read untrusted documents in worker processes with hard time and memory limits.

``read_document_isolated`` takes the same arguments as ``read_document``. The file is loaded and
size-checked here; the parsing runs in a worker process from a small pool shared by every caller
of this process (dashboard sessions, the CLI, the API). A worker that passes
``Limits.timeout_s`` is killed; each worker's address space is capped at
``Limits.max_memory_bytes`` (``RLIMIT_AS``); no lock is held while a document is parsed, so a
caller never waits behind another caller's file (up to ``MAX_WORKERS`` documents are read at
once; a further caller waits for a free worker). Idle workers stay warm for the next document;
a server can keep one ready at all times (``keep_warm``). They are stopped when this process
exits, and die with it if it is killed. A process forked from this one (a batch worker) starts
with an empty pool of its own.

>>> from skillgap.documents import read_document_isolated
>>> read_document_isolated(b"Skills: Python, SQL", "cv.txt").text
'Skills: Python, SQL'
"""

from __future__ import annotations

import atexit
import contextlib
import os
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from multiprocessing.connection import Connection

from skillgap.documents.detect import describe
from skillgap.documents.errors import DocumentError
from skillgap.documents.limits import Limits, format_size, timeout_message
from skillgap.documents.model import Document
from skillgap.documents.reader import load

MAX_WORKERS = 8
MAX_IDLE = 2
MAX_READS_PER_WORKER = 100
GRACE_S = 1.0  # after the reader's own deadline, before the worker is killed
START_TIMEOUT_S = 60.0  # for a new worker to import its readers (not counted in a document's time)


def read_document_isolated(
    source: str | os.PathLike[str] | bytes,
    filename: str | None = None,
    *,
    limits: Limits | None = None,
    ocr: bool = False,
) -> Document:
    """``read_document`` in a worker process, killed past ``limits.timeout_s`` and capped at
    ``limits.max_memory_bytes``; every failure is a one-line ``DocumentError``."""
    limits = limits or Limits()
    data, name = load(source, filename, limits)
    return _POOL.read(data, name, limits, ocr)


def warm_up() -> None:
    """Start one worker now, so the first document does not wait for it."""
    _POOL.warm_up()


def keep_warm(spares: int = 1) -> None:
    """Keep ``spares`` idle workers ready at all times, started in the background: for servers,
    so that a caller never waits for a worker to start, even while others are reading."""
    _POOL.keep_warm(spares)


@dataclass
class _Worker:
    process: subprocess.Popen[bytes]
    sender: Connection
    receiver: Connection
    reads: int = 0


@dataclass
class _Pool:
    """Worker processes: idle ones kept warm, at most ``MAX_WORKERS`` busy at once."""

    idle: list[_Worker] = field(default_factory=list)
    spares: int = 0
    starting: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    starter: ThreadPoolExecutor = field(default_factory=lambda: _starter())
    slots: threading.BoundedSemaphore = field(
        default_factory=lambda: threading.BoundedSemaphore(MAX_WORKERS)
    )

    def warm_up(self) -> None:
        with self.lock:
            if self.idle:
                return
        worker = self.start()
        self._release(worker)

    def keep_warm(self, spares: int) -> None:
        self.spares = max(0, min(spares, MAX_IDLE))
        self._top_up()

    def _top_up(self) -> None:
        """Start (in the background) the workers missing from ``spares`` idle ones."""
        with self.lock:
            missing = self.spares - len(self.idle) - self.starting
            if missing <= 0:
                return
            self.starting += missing
        for _ in range(missing):
            self.starter.submit(self._start_spare)

    def start(self) -> _Worker:
        """A new worker, started from one of the pool's long-lived threads: Linux sends the
        parent-death signal when the *thread* that started a worker ends, and callers' threads
        (a Streamlit script run, a request) end all the time."""
        return self.starter.submit(_start).result()

    def _start_spare(self) -> None:
        try:
            worker = _start()
        except (DocumentError, OSError):
            return
        finally:
            with self.lock:
                self.starting -= 1
        self._release(worker)

    def read(self, data: bytes, name: str, limits: Limits, ocr: bool) -> Document:
        with self.slots:
            worker = self._acquire()
            self._top_up()
            try:
                worker.sender.send((data, name, limits, ocr))
                worker.reads += 1
                if not worker.receiver.poll(limits.timeout_s + GRACE_S):
                    _stop(worker)
                    raise DocumentError(timeout_message(describe(data), limits.timeout_s))
                status, value = worker.receiver.recv()
            except (EOFError, OSError):
                _stop(worker)
                raise DocumentError(_died(data, limits)) from None
            except BaseException:
                _stop(worker)
                raise
            if status == "memory":
                _stop(worker)
                raise DocumentError(_died(data, limits))
            self._release(worker)
            if status == "error":
                raise DocumentError(value)
            return value

    def shutdown(self) -> None:
        """Stop the idle workers (and reap them)."""
        with self.lock:
            idle, self.idle = self.idle, []
        for worker in idle:
            _stop(worker)

    def forget(self) -> None:
        """In a forked child: drop the parent's workers (their pipes are the parent's to use)
        and its locks, which another thread may have held at the fork."""
        for worker in self.idle:
            for end in (worker.sender, worker.receiver):
                with contextlib.suppress(OSError):
                    end.close()
        self.idle = []
        self.spares = self.starting = 0
        self.lock = threading.Lock()
        self.starter = _starter()
        self.slots = threading.BoundedSemaphore(MAX_WORKERS)

    def _acquire(self) -> _Worker:
        with self.lock:
            while self.idle:
                worker = self.idle.pop()
                if worker.process.poll() is None:
                    return worker
                _stop(worker)
        return self.start()

    def _release(self, worker: _Worker) -> None:
        with self.lock:
            if len(self.idle) < MAX_IDLE and worker.reads < MAX_READS_PER_WORKER:
                self.idle.append(worker)
                return
        _stop(worker)


def _died(data: bytes, limits: Limits) -> str:
    return (
        f"reading {describe(data)} needed more than {format_size(limits.max_memory_bytes)} "
        "of memory (or crashed the reader) and was stopped; try a smaller or simpler file"
    )


def _starter() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(MAX_WORKERS, thread_name_prefix="skillgap-reader-start")


def _start() -> _Worker:
    """A new worker: ``python -m skillgap.documents.worker``, talking over its stdin/stdout;
    returned once it says it is ready, so its start-up is not counted in a document's time."""
    process = subprocess.Popen(
        [sys.executable, "-m", "skillgap.documents.worker", str(os.getpid())],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        close_fds=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)},
    )
    assert process.stdin is not None and process.stdout is not None
    sender = Connection(os.dup(process.stdin.fileno()), readable=False)
    receiver = Connection(os.dup(process.stdout.fileno()), writable=False)
    process.stdin.close()
    process.stdout.close()
    worker = _Worker(process, sender, receiver)
    try:
        ready = receiver.poll(START_TIMEOUT_S) and receiver.recv() == ("ready", None)
    except (EOFError, OSError):
        ready = False
    if not ready:
        _stop(worker)
        raise DocumentError("the document reader could not be started; try again")
    return worker


def _stop(worker: _Worker) -> None:
    for end in (worker.sender, worker.receiver):
        with contextlib.suppress(OSError):
            end.close()
    if worker.process.poll() is None:
        worker.process.kill()
    with contextlib.suppress(subprocess.TimeoutExpired):
        worker.process.wait(timeout=5)


_POOL = _Pool()
atexit.register(_POOL.shutdown)
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_POOL.forget)
