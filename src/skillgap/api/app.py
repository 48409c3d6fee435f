"""The FastAPI application: ``create_app()`` builds one per worker process.

The pipeline is built once per worker, at start-up (lifespan); CPU-bound work runs in a thread
pool so the event loop keeps answering ``/healthz`` meanwhile.
"""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio
from fastapi import FastAPI
from fastapi.telemetry import TelemetryConfig
from starlette.concurrency import run_in_threadpool

from skillgap import __version__
from skillgap.api import balance, openapi, problems, workspace_routes
from skillgap.api.coaches import Coaches
from skillgap.api.routes import health, v1
from skillgap.api.security import KeyCheck
from skillgap.api.service import Service
from skillgap.api.settings import Settings

DESCRIPTION = (
    "Find the skills a resume lacks for machine-learning engineering jobs. Documents are sent as "
    "JSON text or multipart uploads (PDF, DOCX, TXT, MD, HTML); errors are RFC 9457 problem "
    "details. Nothing sent is logged or kept."
)

# FastAPI's own OpenTelemetry traces, metrics and logs stay off, whatever tracing the host has set
# up or its OTEL_* environment asks for: nothing about the requests leaves the server.
NO_TELEMETRY: TelemetryConfig = {
    "tracing": False, "metrics": False, "logs": False, "auto_configure": False
}  # fmt: skip


def create_app(settings: Settings | None = None) -> FastAPI:
    """The API with ``settings`` (default: from the environment, as ``skillgap serve`` sets it)."""
    settings = settings or Settings.from_env()
    key_check = KeyCheck(settings.api_key_hash) if settings.api_key_hash else None

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.service = await run_in_threadpool(Service, settings)
        # The pipeline and taxonomy live as long as the worker: keep their ~200k objects out of
        # the cycle collector, whose full passes would otherwise stall a request ~0.1 s each.
        gc.collect()
        gc.freeze()
        app.state.cpu_limiter = anyio.CapacityLimiter(1)
        app.state.coaches = Coaches(settings.workspace_config)
        yield
        app.state.coaches.close()

    app = FastAPI(
        telemetry=NO_TELEMETRY,
        title="skillgap",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url="/docs",
        redoc_url=None,
    )
    app.state.key_check = key_check
    app.include_router(health)
    app.include_router(v1)
    app.include_router(workspace_routes.router)
    problems.install(app)
    openapi.install(app)
    loads = balance.attached()
    if loads is not None:  # one of several workers (``skillgap serve --workers N``)
        app.add_middleware(balance.BalanceMiddleware, loads=loads)
    return app
