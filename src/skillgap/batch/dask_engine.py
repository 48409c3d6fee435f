"""The Dask engine: the same chunk tasks on a dask.distributed cluster.

Without a scheduler address it starts a ``LocalCluster`` of ``workers`` processes (one thread
each) on this machine; with one (``tcp://host:8786``) it uses that cluster, whose workers must
have skillgap installed and, for ``path`` inputs, see the same files.
"""

from __future__ import annotations

import contextlib
import logging
import re
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from skillgap.batch.engine import IN_FLIGHT_PER_WORKER, BatchError

T = TypeVar("T")
R = TypeVar("R")
CONNECT_TIMEOUT = "15s"
_ADDRESS = re.compile(
    r"(?:(?:tcp|tls|ucx|ws|wss)://)?(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._-]+):(?P<port>\d{1,5})"
    r"|inproc://\S+"
)
_ADDRESS_FORMS = "tcp://host:port, tls://host:port, ucx://host:port, inproc://... or host:port"


def check_scheduler_address(address: str) -> None:
    """Raise ``BatchError`` unless ``address`` has the form of a Dask scheduler address.

    >>> check_scheduler_address("tcp://10.0.0.5:8786")
    >>> check_scheduler_address("notaurl")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    skillgap.batch.engine.BatchError: 'notaurl' is not a Dask scheduler address (use tcp://...)
    """
    match = _ADDRESS.fullmatch(address)
    port = match["port"] if match else None
    if match is None or (port is not None and not 0 < int(port) < 65536):
        raise BatchError(f"{address!r} is not a Dask scheduler address (use {_ADDRESS_FORMS})")


def _check_protocol(address: str) -> None:
    """Raise if this machine cannot use the address's protocol. Checked before ``Client``, as a
    client whose start fails this way makes Python wait 30 s when it is garbage collected."""
    from distributed.comm.addressing import parse_address
    from distributed.comm.registry import get_backend
    from distributed.security import Security

    scheme, _ = parse_address(address)
    try:
        get_backend(scheme).get_connector()
    except Exception:  # an unknown scheme, or a stub whose package is missing (ucx)
        raise ValueError(f"this Dask installation cannot use {scheme}:// addresses") from None
    if scheme in ("tls", "wss") and Security().get_connection_args("client")["ssl_context"] is None:
        raise ValueError(f"{scheme}:// needs TLS certificates in the Dask configuration")


@contextlib.contextmanager
def _interrupts_ignored() -> Iterator[None]:
    """Ignore SIGINT while local workers start, so they inherit it: on Ctrl-C this process
    stops the cluster, instead of every worker printing its own KeyboardInterrupt traceback."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


class DaskEngine:
    """Submit chunk tasks to a Dask cluster, a bounded number at a time."""

    def __init__(self, workers: int, scheduler: str | None = None) -> None:
        from distributed import Client, LocalCluster

        self._cluster: Any = None
        try:
            if scheduler:
                _check_protocol(scheduler)
                self._client = Client(scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False)
            else:
                with _interrupts_ignored():  # inherited: Ctrl-C is this process's to handle
                    self._cluster = LocalCluster(
                        n_workers=workers,
                        threads_per_worker=1,
                        processes=True,
                        host="127.0.0.1",
                        dashboard_address=None,
                        silence_logs=logging.ERROR,
                    )
                self._client = Client(self._cluster, set_as_default=False)
        except Exception as exc:  # refused, timed out, malformed, unsupported protocol...
            self.close()
            reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            failure = (
                f"cannot reach the Dask scheduler at {scheduler}"
                if scheduler
                else "cannot start a local Dask cluster"
            )
            raise BatchError(f"{failure} ({reason})") from None
        self.workers = max(1, sum(self._client.nthreads().values()))

    def imap_unordered(self, fn: Callable[[T], R], tasks: Iterable[T]) -> Iterator[R]:
        from distributed import as_completed

        queue = iter(tasks)
        window = as_completed(loop=self._client.loop)
        for task in queue:
            window.add(self._client.submit(fn, task, pure=False))
            if window.count() >= self.workers * IN_FLIGHT_PER_WORKER:
                break
        for future in window:
            try:
                result = future.result()
            except ModuleNotFoundError as exc:
                raise BatchError(
                    f"a Dask worker cannot import {exc.name}: install skillgap on every worker"
                ) from None
            except Exception as exc:  # killed workers, lost connections
                raise BatchError(f"a Dask task failed ({type(exc).__name__}: {exc})") from None
            finally:
                future.release()
            following = next(queue, None)
            if following is not None:
                window.add(self._client.submit(fn, following, pure=False))
            yield result

    def close(self) -> None:
        client = getattr(self, "_client", None)
        if client is not None:
            client.close()
        if self._cluster is not None:
            self._cluster.close()
