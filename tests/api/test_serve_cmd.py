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

import httpx
import jsonschema
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


def wait_healthy(url: str, process: subprocess.Popen, timeout: float = 120) -> None:
    """Poll ``url`` until it answers 200; fail if the process dies or time runs out."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if process.poll() is not None:
            raise AssertionError(f"the server exited with {process.returncode}")
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.TransportError:
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
    env = {**os.environ, "PYTHONPATH": str(SRC), "SKILLGAP_API_KEY_HASH": key_hash}
    process = subprocess.Popen(
        [sys.executable, "-m", "skillgap", "serve", "--port", str(port), "--workers", "2"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_healthy(f"{base}/healthz", process)
        body = {"resume": {"text": RESUME}, "jobs": [{"text": POSTING}] * 3}
        assert httpx.post(f"{base}/v1/analyze", json=body, timeout=60).status_code == 401
        response = httpx.post(
            f"{base}/v1/analyze", json=body, headers={"X-API-Key": API_KEY}, timeout=60
        )
        assert response.status_code == 200
        jsonschema.validate(response.json(), report_schema())
        assert httpx.get(f"{base}/docs", timeout=10).status_code == 200
    finally:
        process.send_signal(signal.SIGINT)
        output, _ = process.communicate(timeout=60)
    assert process.returncode == 0, output
    assert "Traceback" not in output
    assert RESUME.splitlines()[0] not in output  # nothing of the documents is logged
