"""The coach workspace over HTTP: clients, posting sets, snapshots, history, cohort and export.

Each request names its coach by HTTP Basic credentials (the dashboard's sign-in: a user name and
password from the workspace config). A coach sees only their own clients; another coach's client
id is answered with 404, exactly like an id that does not exist, so ids leak nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from datetime import datetime
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Depends, Request, Security
from fastapi.security import HTTPBasic, HTTPBasicCredentials
from sqlalchemy.exc import SQLAlchemyError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.responses import Response

from skillgap.api.bodies import json_body, snapshot_input
from skillgap.api.coaches import Coaches, database_problem, not_signed_in
from skillgap.api.problems import Problem
from skillgap.api.reading import read_upload
from skillgap.api.routes import (
    FILE_FIELD,
    IDS_FIELD,
    TEXT_FIELD,
    document_body,
    json_body_spec,
    json_response,
    problem_responses,
    require_key,
    run_cpu,
    service,
)
from skillgap.api.schemas import NewClient, NewPostingSet, SnapshotRequest
from skillgap.api.service import Service
from skillgap.workspace import ClientInfo, ClientSummary, SnapshotInfo, Workspace, WorkspaceError
from skillgap.workspace.progress import compare

T = TypeVar("T")
_ERRORS = ("unauthorized", "not-signed-in", "workspace-off", "workspace-unavailable")


class _CoachCredentials(HTTPBasic):
    """HTTP Basic credentials; a malformed header is a problem answer like a missing one."""

    async def __call__(self, request: Request) -> HTTPBasicCredentials | None:  # type: ignore[override]
        try:
            return await super().__call__(request)
        except HTTPException:
            raise not_signed_in() from None


_basic = _CoachCredentials(
    auto_error=False, description="a coach's workspace user name and password"
)


async def coach_workspace(
    request: Request, credentials: Annotated[HTTPBasicCredentials | None, Security(_basic)]
) -> Workspace:
    """The signed-in coach's workspace (404 when the workspace is off, 401 without a coach)."""
    coaches: Coaches = request.app.state.coaches
    if credentials is None:
        await run_in_threadpool(coaches.config)  # the workspace being off comes first
        raise not_signed_in()
    return await run_in_threadpool(coaches.workspace, credentials.username, credentials.password)


Coach = Annotated[Workspace, Depends(coach_workspace)]
router = APIRouter(
    prefix="/v1",
    tags=["workspace"],
    dependencies=[Depends(require_key)],
    responses=problem_responses(*_ERRORS),
)


@contextmanager
def _as_problems() -> Iterator[None]:
    """Workspace errors as 422 problems, database failures as 503 ones."""
    try:
        yield
    except WorkspaceError as exc:
        raise Problem("invalid-input", str(exc)) from None
    except SQLAlchemyError as exc:
        raise database_problem(exc) from None


async def _db(fn: Callable[..., T], *args: Any) -> T:
    """A (blocking) workspace call in a thread, its errors as problems."""
    with _as_problems():
        return await run_in_threadpool(fn, *args)


def _time(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat(timespec="seconds") + "Z"


def _client(info: ClientInfo) -> dict[str, Any]:
    return {
        "id": info.id,
        "display_name": info.display_name,
        "contact": info.contact,
        "consent_resume": info.consent_resume,
        "created_at": _time(info.created_at),
    }


def _summary(row: ClientSummary) -> dict[str, Any]:
    return {
        **_client(row.client),
        "latest_score": row.latest_score,
        "trend": row.trend,
        "last_analysis": _time(row.last_analysis),
        "analyses": row.analyses,
        "status": row.status,
        "posting_set": row.posting_set,
    }


def _snapshot(info: SnapshotInfo, *, report: bool) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": info.id,
        "created_at": _time(info.created_at),
        "posting_set": info.posting_set,
        "score": info.score,
        "tool_version": info.tool_version,
        "taxonomy_version": info.taxonomy_version,
        "resume_kept": info.resume_kept,
        "corrections": list(info.corrections),
        "learned": list(info.learned),
    }
    if report:
        out["report"] = info.report
    return out


def _find(workspace: Workspace, client_id: int) -> ClientSummary:
    """The coach's client with this id; 404 for an unknown id and for another coach's client."""
    for row in workspace.clients():  # filtered by the coach
        if row.client.id == client_id:
            return row
    raise Problem("not-found", f"no client {client_id} among yours")


@router.get("/clients", summary="Your clients: latest score, trend, status")
async def list_clients(workspace: Coach) -> Response:
    rows = await _db(workspace.clients)
    return json_response({"clients": [_summary(row) for row in rows]})


@router.post(
    "/clients",
    status_code=201,
    summary="Add a client",
    openapi_extra=json_body_spec(NewClient),
    responses=problem_responses("conflict", "invalid-input", "unsupported-media-type"),
)
async def add_client(
    request: Request, workspace: Coach, svc: Annotated[Service, Depends(service)]
) -> Response:
    body = await json_body(request, svc.settings, NewClient)
    try:
        info = await _db(workspace.add_client, body.display_name, body.contact, body.consent_resume)
    except Problem:
        if await _exists(workspace.client, body.display_name):
            raise Problem("conflict", "you already have a client by that name") from None
        raise
    return json_response(_client(info), 201)


async def _exists(lookup: Callable[[str], Any], name: str) -> bool:
    try:
        await run_in_threadpool(lookup, name)
    except WorkspaceError:
        return False
    return True


@router.get("/clients/{client_id}", summary="One client", responses=problem_responses("not-found"))
async def get_client(client_id: int, workspace: Coach) -> Response:
    return json_response(_summary(await _db(_find, workspace, client_id)))


@router.delete(
    "/clients/{client_id}",
    status_code=204,
    summary="Erase a client and everything kept about them",
    responses=problem_responses("not-found"),
)
async def delete_client(client_id: int, workspace: Coach) -> Response:
    row = await _db(_find, workspace, client_id)
    await _db(workspace.delete_client, row.client.display_name)
    return Response(status_code=204)


@router.post(
    "/clients/{client_id}/snapshots",
    status_code=201,
    summary="Analyze the client's resume against a posting set and save the snapshot",
    openapi_extra=document_body(
        SnapshotRequest,
        {
            "resume": FILE_FIELD,
            "posting_set": TEXT_FIELD,
            "hours_per_week": {"type": "number"},
            "learned": IDS_FIELD,
            "corrections": IDS_FIELD,
        },
    ),
    responses=problem_responses(
        "not-found", "invalid-input", "unreadable-document", "too-large", "unsupported-media-type"
    ),
)
async def add_snapshot(
    request: Request, client_id: int, workspace: Coach, svc: Annotated[Service, Depends(service)]
) -> Response:
    row = await _db(_find, workspace, client_id)
    options, resume = await snapshot_input(request, svc.settings)

    def work() -> SnapshotInfo:
        document = read_upload(resume, svc.settings.limits)
        return workspace.analyze(
            row.client.display_name,
            document.text,
            options.posting_set,
            taxonomy=svc.taxonomies.base,
            hours_per_week=options.hours_per_week,
            corrections=options.corrections,
            learned=options.learned,
        )

    with _as_problems():
        snapshot = await run_cpu(request, work)
    return json_response(_snapshot(snapshot, report=True), 201)


@router.get(
    "/clients/{client_id}/history",
    summary="The client's snapshots, oldest first, each with its change since the one before",
    responses=problem_responses("not-found"),
)
async def history(client_id: int, workspace: Coach) -> Response:
    row = await _db(_find, workspace, client_id)
    snapshots = await _db(workspace.history, row.client.display_name)
    items = []
    for before, after in zip([None, *snapshots], snapshots, strict=False):
        item = _snapshot(after, report=False)
        item["change"] = None if before is None else asdict(compare(before.report, after.report))
        items.append(item)
    return json_response({"client": _summary(row), "snapshots": items})


@router.get(
    "/clients/{client_id}/snapshots/{snapshot_id}",
    summary="One saved snapshot with its full report",
    responses=problem_responses("not-found"),
)
async def get_snapshot(client_id: int, snapshot_id: int, workspace: Coach) -> Response:
    row = await _db(_find, workspace, client_id)
    for snapshot in await _db(workspace.history, row.client.display_name):
        if snapshot.id == snapshot_id:
            return json_response(_snapshot(snapshot, report=True))
    raise Problem("not-found", f"client {client_id} has no snapshot {snapshot_id}")


@router.get(
    "/clients/{client_id}/export",
    summary="Everything kept about the client (a personal data export)",
    responses=problem_responses("not-found"),
)
async def export_client(client_id: int, workspace: Coach) -> Response:
    row = await _db(_find, workspace, client_id)
    return json_response(await _db(workspace.export_client, row.client.display_name))


@router.get("/posting-sets", summary="Your posting sets")
async def list_posting_sets(workspace: Coach) -> Response:
    sets = await _db(workspace.posting_sets)
    return json_response(
        {
            "posting_sets": [
                {"name": s.name, "postings": list(s.sources), "created_at": _time(s.created_at)}
                for s in sets
            ]
        }
    )


@router.post(
    "/posting-sets",
    status_code=201,
    summary="Save a named set of postings (as JSON text)",
    openapi_extra=json_body_spec(NewPostingSet),
    responses=problem_responses("conflict", "invalid-input", "unsupported-media-type"),
)
async def add_posting_set(
    request: Request, workspace: Coach, svc: Annotated[Service, Depends(service)]
) -> Response:
    body = await json_body(request, svc.settings, NewPostingSet)
    postings = [(doc.name or f"posting {i}", doc.text) for i, doc in enumerate(body.postings, 1)]
    try:
        info = await _db(workspace.add_posting_set, body.name, postings)
    except Problem:
        if await _exists(workspace.posting_texts, body.name):
            raise Problem("conflict", "you already have a posting set by that name") from None
        raise
    return json_response(
        {"name": info.name, "postings": list(info.sources), "created_at": _time(info.created_at)},
        201,
    )


@router.get("/cohort", summary="Each client's latest score per posting set; the commonest gaps")
async def cohort(workspace: Coach) -> Response:
    view = await _db(workspace.cohort)
    return json_response(
        {
            "posting_sets": list(view.sets),
            "scores": view.scores,
            "common_gaps": [{"name": name, "clients": n} for name, n in view.common_gaps],
        }
    )
