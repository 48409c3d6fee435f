"""Errors as RFC 9457 problem details: ``application/problem+json`` with type, title, status and a
one-line detail; never a stack trace, and nothing of a document in the logs.
"""

from __future__ import annotations

import json
import logging
from http import HTTPStatus

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

MEDIA_TYPE = "application/problem+json"
TYPE_PREFIX = "urn:skillgap:problem:"
_log = logging.getLogger("skillgap.api")

# The problem types the API answers with, by slug: (status, title). docs/api.md lists them.
PROBLEMS: dict[str, tuple[int, str]] = {
    "bad-request": (400, "The request is malformed"),
    "unauthorized": (401, "A valid API key is required"),
    "not-signed-in": (401, "A coach's credentials are required"),
    "not-found": (404, "Not found"),
    "workspace-off": (404, "The coach workspace is off"),
    "method-not-allowed": (405, "Method not allowed"),
    "conflict": (409, "The name is taken"),
    "too-large": (413, "The upload is too large"),
    "unsupported-media-type": (415, "Unsupported media type"),
    "unreadable-document": (422, "The document cannot be read"),
    "invalid-input": (422, "The input is not valid"),
    "internal-error": (500, "Internal error"),
    "workspace-unavailable": (503, "The workspace database cannot be used"),
}
_SLUG_OF_STATUS = {
    400: "bad-request",
    401: "unauthorized",
    404: "not-found",
    405: "method-not-allowed",
}


class Problem(Exception):
    """An error to answer with the problem type ``slug`` and a one-line ``detail``."""

    def __init__(self, slug: str, detail: str, headers: dict[str, str] | None = None) -> None:
        if slug not in PROBLEMS:
            raise ValueError(f"unknown problem type {slug!r}")
        super().__init__(detail)
        self.slug = slug
        self.status, self.title = PROBLEMS[slug]
        self.detail = one_line(detail)
        self.headers = headers or {}

    def body(self) -> bytes:
        return json.dumps(
            {
                "type": TYPE_PREFIX + self.slug,
                "title": self.title,
                "status": self.status,
                "detail": self.detail,
            },
            ensure_ascii=False,
        ).encode()

    def response(self) -> Response:
        return Response(self.body(), self.status, headers=self.headers, media_type=MEDIA_TYPE)


def one_line(text: str, limit: int = 300) -> str:
    """``text`` on one line, at most ``limit`` characters."""
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def validation_detail(exc: ValidationError | RequestValidationError) -> str:
    """The first validation error as ``field: message`` (pydantic's wording, no input echoed)."""
    errors = exc.errors()
    if not errors:
        return "the input is not valid"
    first = errors[0]
    where = ".".join(str(part) for part in first.get("loc", ()) if part != "body")
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return f"{where or 'body'}: {first.get('msg', 'invalid')}{more}"


def install(app: FastAPI) -> None:
    """Answer every error of ``app`` with problem details."""

    async def on_problem(_: Request, exc: Exception) -> Response:
        assert isinstance(exc, Problem)
        return exc.response()

    async def on_http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        slug = _SLUG_OF_STATUS.get(exc.status_code, "bad-request")
        route = f"{request.method} {request.url.path}"
        detail = f"{HTTPStatus(exc.status_code).phrase}: {route}"
        return Problem(slug, detail, dict(exc.headers or {})).response()

    async def on_validation(_: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        return Problem("invalid-input", validation_detail(exc)).response()

    app.add_exception_handler(Problem, on_problem)
    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_middleware(CatchAll)


class CatchAll:
    """ASGI middleware: an unexpected exception becomes a 500 problem; the log gets its class and
    the route, never its message or traceback (which could quote a resume)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception as exc:
            _log.error("internal error (%s) on %s", type(exc).__name__, scope.get("path", "?"))
            if started:
                return
            await Problem(
                "internal-error", "the server failed on this request; please report it"
            ).response()(scope, receive, send)
