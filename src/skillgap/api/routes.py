"""The routes: ``/healthz`` and the ``/v1`` API (extract, analyze, render, taxonomy)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

import anyio
import anyio.to_thread
import orjson
from fastapi import APIRouter, Depends, Request, Security
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from skillgap import __version__
from skillgap.analysis.report import report_schema
from skillgap.api.bodies import FORM_TYPE, analyze_input, extract_input, json_body
from skillgap.api.problems import MEDIA_TYPE, PROBLEMS, Problem
from skillgap.api.schemas import AnalyzeRequest, ExtractRequest, RenderRequest
from skillgap.api.service import Service
from skillgap.taxonomy import TRACKS

_MEDIA_TYPES = {
    "json": "application/json",
    "md": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "ics": "text/calendar; charset=utf-8",
    "checklist": "text/markdown; charset=utf-8",
}
T = TypeVar("T")
_api_key = APIKeyHeader(name="X-API-Key", auto_error=False, description="the API key")
_bearer = HTTPBearer(auto_error=False, description="the API key as a bearer token")


def json_response(data: Any, status: int = 200) -> Response:
    """``data`` as JSON, encoded by orjson (a report encodes several times faster than with
    the standard library)."""
    return Response(orjson.dumps(data), status, media_type="application/json")


async def service(request: Request) -> Service:
    """The worker's Service, built at start-up (async: a plain function would cost a thread
    hand-off per request)."""
    return request.app.state.service


async def run_cpu(request: Request, fn: Callable[..., T], *args: Any) -> T:
    """``fn(*args)`` in a worker thread, one at a time per process and in arrival order: CPU
    work shares one GIL anyway, and a queue keeps latencies fair and the event loop free."""
    limiter: anyio.CapacityLimiter = request.app.state.cpu_limiter
    return await anyio.to_thread.run_sync(functools.partial(fn, *args), limiter=limiter)


async def require_key(
    request: Request,
    api_key: Annotated[str | None, Security(_api_key)],
    bearer: Annotated[HTTPAuthorizationCredentials | None, Security(_bearer)],
) -> None:
    """Check the API key when the server has one configured (always, off localhost)."""
    check = request.app.state.key_check
    if check is None:
        return
    key = api_key or (bearer.credentials if bearer else None)
    accepted = check.known(key)  # a key seen before is answered here, without a thread
    if accepted is None:
        accepted = await run_in_threadpool(check.accepts, key)  # Argon2 is slow: keep the loop free
    if not accepted:
        raise Problem(
            "unauthorized",
            "send the API key in the X-API-Key header or as 'Authorization: Bearer KEY'",
            {"WWW-Authenticate": "Bearer"},
        )


def problem_responses(*slugs: str) -> dict[int | str, dict[str, Any]]:
    """The OpenAPI answers of these problem types (types sharing a status share an entry)."""
    problem = {"$ref": "#/components/schemas/Problem"}
    titles: dict[int, list[str]] = {}
    for slug in slugs:
        status, title = PROBLEMS[slug]
        titles.setdefault(status, []).append(title)
    return {
        status: {"description": "; ".join(names), "content": {MEDIA_TYPE: {"schema": problem}}}
        for status, names in titles.items()
    }


def json_body_spec(model: type) -> dict[str, Any]:
    """The OpenAPI request body of a route taking ``model`` as JSON."""
    schema = {"$ref": f"#/components/schemas/{model.__name__}"}
    return {"requestBody": {"required": True, "content": {"application/json": {"schema": schema}}}}


def document_body(json_model: type, form: dict[str, Any]) -> dict[str, Any]:
    """The OpenAPI request body of a route taking JSON or a multipart form."""
    return {
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {
                    "schema": {"$ref": f"#/components/schemas/{json_model.__name__}"}
                },
                FORM_TYPE: {"schema": {"type": "object", "properties": form}},
            },
        }
    }


FILE_FIELD = {"type": "string", "format": "binary"}
FILES_FIELD = {"type": "array", "items": FILE_FIELD}
TEXT_FIELD = {"type": "string"}
IDS_FIELD = {"type": "array", "items": TEXT_FIELD}
_COMMON_ERRORS = ("bad-request", "unauthorized", "too-large", "unsupported-media-type")

health = APIRouter()
v1 = APIRouter(prefix="/v1", dependencies=[Depends(require_key)])


@health.get("/healthz", tags=["meta"], summary="Liveness: answers while the worker is up")
async def healthz() -> dict[str, str]:
    return {"status": "ok", "version": __version__}


@v1.post(
    "/extract",
    tags=["skills"],
    summary="The skills each document states, with evidence",
    openapi_extra=document_body(
        ExtractRequest, {"documents": FILES_FIELD, "kind": TEXT_FIELD, "taxonomy": TEXT_FIELD}
    ),
    responses=problem_responses(*_COMMON_ERRORS, "unreadable-document", "invalid-input"),
)
async def extract_route(request: Request, svc: Annotated[Service, Depends(service)]) -> Response:
    options, documents = await extract_input(request, svc.settings)
    return json_response(await run_cpu(request, svc.extract, options, documents))


@v1.post(
    "/analyze",
    tags=["skills"],
    summary="A resume against job postings: the gap report (report JSON Schema)",
    openapi_extra=document_body(
        AnalyzeRequest,
        {
            "resume": FILE_FIELD,
            "jobs": FILES_FIELD,
            "hours_per_week": {"type": "number"},
            "track": TEXT_FIELD,
            "start_date": {"type": "string", "format": "date"},
            "learned": IDS_FIELD,
            "taxonomy": TEXT_FIELD,
            "have": IDS_FIELD,
            "skip": IDS_FIELD,
        },
    ),
    responses={
        200: {
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/GapReport"}}}
        },
        **problem_responses(*_COMMON_ERRORS, "unreadable-document", "invalid-input"),
    },
)
async def analyze_route(request: Request, svc: Annotated[Service, Depends(service)]) -> Response:
    options, resume, jobs = await analyze_input(request, svc.settings)
    return json_response(await run_cpu(request, svc.analyze, options, resume, jobs))


@v1.post(
    "/render",
    tags=["reports"],
    summary="A gap report as HTML, Markdown, PDF, JSON, a calendar (ics) or a checklist",
    openapi_extra=json_body_spec(RenderRequest),
    responses={
        200: {"content": {media: {} for media in _MEDIA_TYPES.values()}},
        **problem_responses(*_COMMON_ERRORS, "invalid-input"),
    },
)
async def render_route(request: Request, svc: Annotated[Service, Depends(service)]) -> Response:
    body = await json_body(request, svc.settings, RenderRequest)
    output = await run_cpu(request, svc.render, body.report, body.format)
    return Response(output, media_type=_MEDIA_TYPES[body.format])


@v1.get("/taxonomy", tags=["skills"], summary="The server's skills, phases and tracks")
async def taxonomy_route(svc: Annotated[Service, Depends(service)]) -> dict[str, Any]:
    taxonomy = svc.taxonomies.base
    return {
        "skills": [skill.to_dict() for skill in taxonomy],
        "tracks": list(TRACKS),
        "report_schema_version": report_schema()["properties"]["schema_version"]["const"],
    }
