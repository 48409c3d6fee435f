"""FastAPI's built-in OpenTelemetry stays off: a tracing set-up on the host learns nothing."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from opentelemetry import trace

from skillgap.api.app import create_app
from skillgap.api.settings import Settings


class RecordingTracerProvider(trace.TracerProvider):
    """A host's tracing set-up: notes every tracer asked of it."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def get_tracer(self, instrumenting_module_name: str, *args: Any, **kwargs: Any) -> Any:
        self.asked.append(instrumenting_module_name)
        return trace.NoOpTracer()


@pytest.fixture
def host_tracing(monkeypatch) -> RecordingTracerProvider:
    provider = RecordingTracerProvider()
    monkeypatch.setattr(trace, "get_tracer_provider", lambda: provider)
    monkeypatch.setenv("FASTAPI_OTEL_AUTO_CONFIGURE", "true")
    return provider


def test_a_plain_fastapi_app_would_trace_its_requests(host_tracing) -> None:
    app = FastAPI()
    app.get("/ping")(lambda: {"ok": True})
    with TestClient(app) as client:
        assert client.get("/ping").status_code == 200
    assert host_tracing.asked  # the check below would see tracing if it were on


def test_the_api_asks_no_tracer_whatever_the_host_set_up(host_tracing) -> None:
    with TestClient(create_app(Settings())) as client:
        assert client.get("/healthz").status_code == 200
    assert host_tracing.asked == []
