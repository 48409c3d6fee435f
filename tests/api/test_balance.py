"""Keep-alive balancing: a busier worker closes connections, a balanced one keeps them."""

from __future__ import annotations

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from starlette.testclient import TestClient

from skillgap.api import balance
from skillgap.api.app import create_app
from skillgap.api.balance import ABSENT, BalanceMiddleware, WorkerLoads
from skillgap.api.settings import Settings


@pytest.mark.parametrize(
    ("counts", "busier"),
    [
        ([5, 2], True),  # four others in hand against two: move one
        ([4, 2], False),  # three against two: moving one would only swap the imbalance
        ([3, 3, 0], True),  # the least busy of the others counts
        ([1, 0], False),
        ([9], False),  # a lone worker has nowhere to send anyone
        ([5, ABSENT], False),  # nor one whose only peer died and waits to be started again
        ([5, ABSENT, 2], True),
    ],
)
def test_a_worker_is_busier_by_the_margin_not_counting_the_request_answered(
    counts: list[int], busier: bool
) -> None:
    loads = WorkerLoads([0] * len(counts), 0)
    loads.counts[:] = counts
    assert loads.busier_than_another() is busier


def test_a_dead_worker_is_absent_until_its_restart_empties_its_slot() -> None:
    counts = [7, 3]
    WorkerLoads.absent(counts, 0)
    assert counts == [ABSENT, 3]
    WorkerLoads(counts, 0)
    assert counts == [0, 3]


def _client(counts: list[int], seen: list[int]) -> TestClient:
    async def echo(request: Request) -> PlainTextResponse:
        seen.append(counts[0])
        if request.query_params.get("fail"):
            raise RuntimeError("the route failed")
        return PlainTextResponse("ok")

    app = Starlette(routes=[Route("/", echo)])
    app.add_middleware(BalanceMiddleware, loads=WorkerLoads(counts, 0))
    return TestClient(app, raise_server_exceptions=False)


def test_a_balanced_worker_keeps_the_connection_and_counts_the_request_while_in_hand() -> None:
    counts, seen = [0, 0], []
    response = _client(counts, seen).get("/")
    assert response.status_code == 200
    assert "close" not in response.headers.get("connection", "")
    assert seen == [1]  # the request counted while the route ran
    assert counts == [0, 0]  # and no longer once answered


def test_a_busier_worker_answers_with_connection_close() -> None:
    counts, seen = [0, 0], []
    client = _client(counts, seen)
    counts[0] = 2  # two requests already in hand here, none on the other worker
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["connection"] == "close"
    assert counts == [2, 0]


def test_a_failing_request_is_still_uncounted() -> None:
    counts, seen = [0, 0], []
    assert _client(counts, seen).get("/?fail=1").status_code == 500
    assert counts == [0, 0]


def test_the_api_balances_only_when_it_is_one_of_several_workers(monkeypatch) -> None:
    monkeypatch.setattr(balance, "_attached", None)
    assert not any(m.cls is BalanceMiddleware for m in create_app(Settings()).user_middleware)
    balance.attach(WorkerLoads([0, 0], 1))
    assert any(m.cls is BalanceMiddleware for m in create_app(Settings()).user_middleware)
