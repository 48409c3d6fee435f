"""The Dask engine: the same chunk tasks on a dask.distributed cluster.

Without a scheduler address it starts a ``LocalCluster`` of ``workers`` processes (one thread
each) on this machine; with one (``tcp://host:8786``) it uses that cluster, whose workers must
have skillgap installed and, for ``path`` inputs, see the same files.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from skillgap.batch.engine import IN_FLIGHT_PER_WORKER, BatchError

T = TypeVar("T")
R = TypeVar("R")
CONNECT_TIMEOUT = "15s"


class DaskEngine:
    """Submit chunk tasks to a Dask cluster, a bounded number at a time."""

    def __init__(self, workers: int, scheduler: str | None = None) -> None:
        from distributed import Client, LocalCluster

        self._cluster: Any = None
        try:
            if scheduler:
                self._client = Client(scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False)
            else:
                self._cluster = LocalCluster(
                    n_workers=workers,
                    threads_per_worker=1,
                    processes=True,
                    host="127.0.0.1",
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
                self._client = Client(self._cluster, set_as_default=False)
        except (OSError, TimeoutError) as exc:
            self.close()
            where = scheduler or "a local cluster"
            raise BatchError(f"cannot reach the Dask scheduler at {where} ({exc})") from None
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
            task = next(queue, None)
            if task is not None:
                window.add(self._client.submit(fn, task, pure=False))
            yield result

    def close(self) -> None:
        client = getattr(self, "_client", None)
        if client is not None:
            client.close()
        if self._cluster is not None:
            self._cluster.close()
