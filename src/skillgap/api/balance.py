"""Keep-alive connections moved off a worker that has more requests in hand than another.

The kernel spreads new connections over the workers' sockets by their addresses, which splits 50
clients 28 to 22 as often as not; clients keep their connection, and each worker serves its
requests one at a time, so the busier worker's clients waited a quarter longer for as long as
they stayed. Here every worker counts the requests it holds in a slot of memory shared with the
others (each writes only its own slot). A worker holding at least ``MARGIN`` more than the least
busy one, not counting the request it is answering, answers with ``Connection: close``: the
client's next connection lands on a socket the kernel picks again, so the split evens out within
seconds. Balanced workers never close a connection, and a worker that died counts as absent
until it is started again (else the survivors, comparing themselves with its empty slot, would
close every connection in the meantime).
"""

from __future__ import annotations

from collections.abc import MutableSequence

from starlette.types import ASGIApp, Message, Receive, Scope, Send

MARGIN = 2  # requests more than the least busy worker before a connection is moved
ABSENT = -1  # the slot of a worker that died and is not started again yet
_CLOSE = (b"connection", b"close")


class WorkerLoads:
    """The requests each worker holds, in shared memory; ``index`` is this worker's slot."""

    def __init__(self, counts: MutableSequence[int], index: int) -> None:
        self.counts = counts
        self.index = index
        counts[index] = 0  # a restarted worker starts empty

    @staticmethod
    def absent(counts: MutableSequence[int], index: int) -> None:
        """Mark worker ``index`` as gone (the supervisor, on finding it dead): a dead worker
        holds no requests, but it can take none either."""
        counts[index] = ABSENT

    def enter(self) -> None:
        self.counts[self.index] += 1

    def leave(self) -> None:
        self.counts[self.index] -= 1

    def busier_than_another(self) -> bool:
        """Whether this worker, the request it is answering aside, holds ``MARGIN`` or more
        requests than the least busy other worker that is running."""
        counts = list(self.counts)
        others = [n for i, n in enumerate(counts) if i != self.index and n != ABSENT]
        return bool(others) and counts[self.index] - 1 - min(others) >= MARGIN


_attached: WorkerLoads | None = None


def attach(loads: WorkerLoads) -> None:
    """Use ``loads`` in the apps this process builds (called by the worker before uvicorn)."""
    global _attached
    _attached = loads


def attached() -> WorkerLoads | None:
    """The loads this worker process was given, if it is one of several."""
    return _attached


class BalanceMiddleware:
    """Counts the HTTP requests in hand and closes the connection of a busier worker's answer."""

    def __init__(self, app: ASGIApp, loads: WorkerLoads) -> None:
        self.app = app
        self.loads = loads

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        loads = self.loads

        async def balanced_send(message: Message) -> None:
            if message["type"] == "http.response.start" and loads.busier_than_another():
                message = {**message, "headers": [*message.get("headers", ()), _CLOSE]}
            await send(message)

        loads.enter()
        try:
            await self.app(scope, receive, balanced_send)
        finally:
            loads.leave()
