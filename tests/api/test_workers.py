"""Worker supervision: a worker takes connections only once started; one dying soon after its
start is restarted after longer and longer pauses, one that ran steadily at once."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest
import uvicorn
from fastapi import FastAPI

from skillgap.api.workers import MAX_RESTART_DELAY, STEADY_SECONDS, Restarts, shared_port_socket

from .test_serve_cmd import SRC, free_port


def _refused(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=2).close()
    except ConnectionRefusedError:
        return True
    return False


def test_a_starting_worker_takes_no_connection_until_its_start_up_is_done() -> None:
    starting, go_on = threading.Event(), threading.Event()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        starting.set()
        go_on.wait(timeout=20)  # the pipeline being built
        yield

    port = free_port()
    config = uvicorn.Config(
        FastAPI(lifespan=lifespan), host="127.0.0.1", port=port, log_level="critical"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, args=([shared_port_socket("127.0.0.1", port)],))
    thread.start()
    try:
        assert starting.wait(timeout=20)
        assert _refused(port)  # a client goes to a worker that is ready, not into this backlog
        go_on.set()
        for _ in range(100):
            if server.started:
                break
            threading.Event().wait(0.1)
        assert server.started and not _refused(port)
    finally:
        go_on.set()
        server.should_exit = True
        thread.join(timeout=30)


def test_quick_deaths_back_off_and_a_steady_run_resets_the_pause() -> None:
    restarts = Restarts(2, now=0.0)
    delays = []
    now = 0.0
    for _ in range(8):
        now += 1.0  # each worker dies a second after its start
        due = restarts.died(0, now)
        delays.append(due - now)
        now = due
        restarts.started(0, now)
    assert delays == [0.0, 1.0, 2.0, 4.0, 8.0, 16.0, MAX_RESTART_DELAY, MAX_RESTART_DELAY]
    now += STEADY_SECONDS  # this one ran for a minute: its death is no start-up trouble
    assert restarts.died(0, now) == now
    assert restarts.quick_exits == [0, 0]  # the other slot kept its own count


_CRASH_LOOP = """
import sys
import threading
sys.path.insert(0, {src!r})
from skillgap.api.workers import run_workers
run_workers(1, {{"app": "no_such_module:app", "factory": True, "host": "127.0.0.1",
                "port": {port}, "log_level": "critical"}})
"""


@pytest.mark.slow
def test_a_worker_that_cannot_start_is_retried_with_pauses_not_in_a_tight_loop() -> None:
    code = _CRASH_LOOP.format(src=str(SRC), port=free_port())
    process = subprocess.Popen(
        [sys.executable, "-c", code], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True
    )
    assert process.stderr is not None
    notices: list[str] = []
    watchdog = threading.Timer(120, process.kill)  # a worker that never stops ends the test
    watchdog.start()
    try:
        for line in process.stderr:  # each start imports the app and fails: a few seconds
            if "soon after starting" in line:
                notices.append(line.strip())
            if len(notices) == 2:
                break
    finally:
        watchdog.cancel()
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=60)
    assert process.returncode == 0
    assert notices == [
        "skillgap: worker 1 stopped 2 times soon after starting; next start in 1 s",
        "skillgap: worker 1 stopped 3 times soon after starting; next start in 2 s",
    ]
