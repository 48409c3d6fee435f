"""Request bodies to options and named documents: JSON or a multipart form, one code path after.

JSON sends documents as text (``{"text": ..., "name": ...}``); a form sends them as files
(``resume``, ``jobs``, ``documents``) and the options as fields, repeated fields for lists.
"""

from __future__ import annotations

import json
from pathlib import PurePath
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from starlette.requests import Request

from skillgap.api.problems import Problem, validation_detail
from skillgap.api.reading import Upload
from skillgap.api.schemas import (
    AnalyzeOptions,
    AnalyzeRequest,
    ExtractOptions,
    ExtractRequest,
    SnapshotOptions,
    SnapshotRequest,
    TextDocument,
)
from skillgap.api.settings import Settings
from skillgap.api.uploads import Part, media_type, parse_form, read_body
from skillgap.documents.limits import format_size

M = TypeVar("M", bound=BaseModel)
_LIST_FIELDS = frozenset({"have", "skip", "learned", "corrections"})
JSON_TYPES = ("application/json",)
FORM_TYPE = "multipart/form-data"


async def extract_input(
    request: Request, settings: Settings
) -> tuple[ExtractOptions, list[Upload]]:
    """The options and documents of ``POST /v1/extract``."""
    if _is_json(request):
        body = _validate(ExtractRequest, await _json(request, settings))
        documents = [_named(doc, f"document-{i}") for i, doc in enumerate(body.documents, 1)]
        options: ExtractOptions = body
    else:
        files, fields = await _form(request, settings, {"documents"})
        documents = files.get("documents", [])
        if not documents:
            raise Problem("invalid-input", "documents: upload at least one file")
        options = _validate(ExtractOptions, fields)
    _check_taxonomy(options.taxonomy, settings)
    if len(documents) > settings.max_jobs + 1:
        raise Problem("too-large", f"documents: at most {settings.max_jobs + 1} per request")
    return options, documents


async def analyze_input(
    request: Request, settings: Settings
) -> tuple[AnalyzeOptions, Upload, list[Upload]]:
    """The options, the resume and the postings of ``POST /v1/analyze``."""
    if _is_json(request):
        body = _validate(AnalyzeRequest, await _json(request, settings))
        resume = _named(body.resume, "resume")
        jobs = [_named(job, f"job-{i}") for i, job in enumerate(body.jobs, 1)]
        options: AnalyzeOptions = body
    else:
        files, fields = await _form(request, settings, {"resume", "jobs"})
        resumes, jobs = files.get("resume", []), files.get("jobs", [])
        if len(resumes) != 1:
            raise Problem("invalid-input", "resume: upload exactly one resume file")
        if not jobs:
            raise Problem("invalid-input", "jobs: upload at least one job posting")
        resume = resumes[0]
        options = _validate(AnalyzeOptions, fields)
    _check_taxonomy(options.taxonomy, settings)
    if len(jobs) > settings.max_jobs:
        raise Problem("too-large", f"jobs: at most {settings.max_jobs} postings per request")
    return options, resume, jobs


async def snapshot_input(request: Request, settings: Settings) -> tuple[SnapshotOptions, Upload]:
    """The options and the resume of ``POST /v1/clients/{id}/snapshots``."""
    if _is_json(request):
        body = _validate(SnapshotRequest, await _json(request, settings))
        return body, _named(body.resume, "resume")
    files, fields = await _form(request, settings, {"resume"})
    resumes = files.get("resume", [])
    if len(resumes) != 1:
        raise Problem("invalid-input", "resume: upload exactly one resume file")
    return _validate(SnapshotOptions, fields), resumes[0]


async def json_body(request: Request, settings: Settings, model: type[M]) -> M:
    """A JSON-only body validated as ``model``."""
    if not _is_json(request):
        raise Problem("unsupported-media-type", "send the body as application/json")
    return _validate(model, await _json(request, settings))


def _is_json(request: Request) -> bool:
    kind = media_type(request)
    if kind in JSON_TYPES:
        return True
    if kind == FORM_TYPE:
        return False
    raise Problem(
        "unsupported-media-type",
        f"send the body as application/json or {FORM_TYPE}, not {kind or 'no content type'}",
    )


async def _json(request: Request, settings: Settings) -> Any:
    body = await read_body(request, settings.max_request_bytes)
    try:
        return json.loads(body)
    except UnicodeDecodeError:
        raise Problem("bad-request", "the body is not UTF-8 JSON") from None
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}"
        raise Problem("bad-request", f"the body is not valid JSON ({where})") from None


def _validate(model: type[M], data: Any) -> M:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise Problem("invalid-input", validation_detail(exc)) from None


def _named(document: TextDocument, default: str) -> Upload:
    data = document.text.encode("utf-8", "replace")
    return Upload(_safe_name(document.name, default), data, posted_text=True)


def _safe_name(name: str | None, default: str) -> str:
    """The file name without any folder, at most 255 characters."""
    base = PurePath((name or "").replace("\\", "/")).name.strip()
    return base[:255] or default


async def _form(
    request: Request, settings: Settings, file_fields: set[str]
) -> tuple[dict[str, list[Upload]], dict[str, Any]]:
    """The uploaded files by field name, and the other fields ready for validation."""
    body = await read_body(request, settings.max_request_bytes)
    parts = parse_form(body, request.headers["content-type"], settings.limits.max_bytes)
    files: dict[str, list[Upload]] = {}
    fields: dict[str, Any] = {}
    for part in parts:
        if part.name in file_fields:
            number = sum(map(len, files.values())) + 1
            files.setdefault(part.name, []).append(
                Upload(_safe_name(part.filename, f"{part.name}-{number}"), bytes(part.data))
            )
        elif part.name in _LIST_FIELDS:
            values = _text(part).split(",")
            fields.setdefault(part.name, []).extend(v.strip() for v in values if v.strip())
        elif part.name in fields:
            raise Problem("invalid-input", f"{part.name}: give this field once")
        else:
            fields[part.name] = _text(part)
    return files, fields


def _text(part: Part) -> str:
    try:
        return part.data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Problem("invalid-input", f"{part.name}: is not UTF-8 text") from None


def _check_taxonomy(taxonomy: str | None, settings: Settings) -> None:
    if taxonomy and len(taxonomy.encode("utf-8", "surrogatepass")) > settings.max_taxonomy_bytes:
        limit = format_size(settings.max_taxonomy_bytes)
        raise Problem("too-large", f"taxonomy: the YAML is larger than {limit}, the limit")
