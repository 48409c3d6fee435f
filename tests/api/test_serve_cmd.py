"""``skillgap serve``: refusals in one line, the key hash helper, and a real uvicorn server."""

from __future__ import annotations

import io
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx2
import jsonschema
import psutil
import pytest

from skillgap.analysis.report import report_schema
from skillgap.api.security import KeyCheck
from skillgap.cli import main
from skillgap.cli.serve_cmd import is_loopback

from .conftest import API_KEY, POSTING, RESUME

SRC = Path(__file__).resolve().parents[2] / "src"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_two_workers(port: int, env: dict[str, str] | None = None) -> subprocess.Popen:
    """``skillgap serve --workers 2`` on ``port``, this checkout's code, output captured."""
    return subprocess.Popen(
        [sys.executable, "-m", "skillgap", "serve", "--port", str(port), "--workers", "2"],
        env={**os.environ, "PYTHONPATH": str(SRC), **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def wait_healthy(url: str, process: subprocess.Popen, timeout: float = 120) -> None:
    """Poll ``url`` until it answers 200; fail if the process dies or time runs out."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if process.poll() is not None:
            raise AssertionError(f"the server exited with {process.returncode}")
        try:
            if httpx2.get(url, timeout=2).status_code == 200:
                return
        except httpx2.TransportError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{url} did not answer within {timeout} s")


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("localhost", True),
        ("::1", True),
        ("127.0.0.2", True),
        ("0.0.0.0", False),
        ("::", False),
        ("192.168.1.5", False),
        ("example.org", False),
    ],
)
def test_is_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_other_addresses_need_a_key(capsys, monkeypatch) -> None:
    monkeypatch.delenv("SKILLGAP_API_KEY_HASH", raising=False)
    assert main(["serve", "--host", "0.0.0.0"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "needs an API key" in err and "--hash-key" in err


def test_a_bad_hash_is_refused(capsys) -> None:
    assert main(["serve", "--host", "0.0.0.0", "--api-key-hash", "plain-text-key"]) == 2
    assert "not an Argon2 hash" in capsys.readouterr().err


def test_a_busy_port_is_one_line(capsys) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert main(["serve", "--port", str(port)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"skillgap: error: cannot listen on 127.0.0.1:{port}")


def test_hash_key_reads_standard_input(capsys, monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(API_KEY + "\n"))
    assert main(["serve", "--hash-key"]) == 0
    key_hash = capsys.readouterr().out.strip()
    assert key_hash.startswith("$argon2id$")
    assert KeyCheck(key_hash).accepts(API_KEY)
    monkeypatch.setattr(sys, "stdin", io.StringIO("short\n"))
    assert main(["serve", "--hash-key"]) == 2
    assert "at least 16 characters" in capsys.readouterr().err


@pytest.mark.slow
def test_a_real_uvicorn_server_answers_and_stops(key_hash: str) -> None:
    port = free_port()
    process = start_two_workers(port, {"SKILLGAP_API_KEY_HASH": key_hash})
    try:
        base = f"http://127.0.0.1:{port}"
        wait_healthy(f"{base}/healthz", process)
        body = {"resume": {"text": RESUME}, "jobs": [{"text": POSTING}] * 3}
        assert httpx2.post(f"{base}/v1/analyze", json=body, timeout=60).status_code == 401
        response = httpx2.post(
            f"{base}/v1/analyze", json=body, headers={"X-API-Key": API_KEY}, timeout=60
        )
        assert response.status_code == 200
        jsonschema.validate(response.json(), report_schema())
        assert httpx2.get(f"{base}/docs", timeout=10).status_code == 200
    finally:
        process.send_signal(signal.SIGINT)
        output, _ = process.communicate(timeout=60)
    assert process.returncode == 0, output
    assert "Traceback" not in output
    assert RESUME.splitlines()[0] not in output  # nothing of the documents is logged


def _workers_of(parent: psutil.Process) -> list[psutil.Process]:
    """The live uvicorn worker processes under ``parent`` (not multiprocessing's resource
    tracker)."""
    workers = []
    for child in parent.children():
        try:
            command = " ".join(child.cmdline())
        except psutil.Error:  # exited, or a zombie not yet reaped
            continue
        if "spawn_main" in command and "resource_tracker" not in command:
            workers.append(child)
    return workers


def _listening(workers: list[psutil.Process], port: int) -> bool:
    """Whether every worker listens on ``port``: each does once its pipeline is built."""
    return all(
        any(c.status == psutil.CONN_LISTEN and c.laddr.port == port for c in w.net_connections())
        for w in workers
    )


def _connections_by_worker(workers: list[psutil.Process], port: int) -> dict[int, int]:
    counts = {}
    for worker in workers:
        connections = worker.net_connections(kind="tcp")
        counts[worker.pid] = sum(
            1 for c in connections if c.status == psutil.CONN_ESTABLISHED and c.laddr.port == port
        )
    return counts


@pytest.mark.slow
def test_workers_each_get_connections_and_a_dead_worker_is_replaced() -> None:
    port = free_port()
    process = start_two_workers(port)
    clients: list[socket.socket] = []
    try:
        base = f"http://127.0.0.1:{port}"
        wait_healthy(f"{base}/healthz", process)
        parent = psutil.Process(process.pid)
        workers = _workers_of(parent)
        assert len(workers) == 2
        deadline = time.monotonic() + 120
        while not _listening(workers, port):  # /healthz answered: one worker is up, maybe not both
            assert time.monotonic() < deadline, "a worker did not start"
            time.sleep(0.2)
        clients = [socket.create_connection(("127.0.0.1", port)) for _ in range(24)]
        deadline = time.monotonic() + 10
        while sum(_connections_by_worker(workers, port).values()) < 24:
            assert time.monotonic() < deadline, "the workers did not accept the connections"
            time.sleep(0.1)
        assert all(_connections_by_worker(workers, port).values())  # both workers got some
        for client in clients:
            client.close()
        workers[0].kill()
        deadline = time.monotonic() + 60
        while {w.pid for w in _workers_of(parent)} & {workers[0].pid} or len(
            _workers_of(parent)
        ) < 2:
            assert time.monotonic() < deadline, "the dead worker was not replaced"
            time.sleep(0.2)
        wait_healthy(f"{base}/healthz", process)
    finally:
        for client in clients:
            client.close()
        process.send_signal(signal.SIGINT)
        output, _ = process.communicate(timeout=60)
    assert process.returncode == 0, output
