"""The OpenAPI document: FastAPI's, plus the schemas of bodies the routes parse themselves
(JSON or multipart), the problem details and the gap report's own JSON Schema."""

from __future__ import annotations

import copy
import json
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from skillgap.analysis.report import report_schema
from skillgap.api.problems import TYPE_PREFIX
from skillgap.api.schemas import (
    AnalyzeRequest,
    ExtractRequest,
    NewClient,
    NewPostingSet,
    RenderRequest,
    SnapshotRequest,
)

_REF = "#/components/schemas/{model}"
PROBLEM_SCHEMA = {
    "type": "object",
    "description": "RFC 9457 problem details",
    "required": ["type", "title", "status", "detail"],
    "properties": {
        "type": {"type": "string", "description": f"{TYPE_PREFIX}<slug>"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string", "description": "what went wrong, in one line"},
    },
}


def _report_components() -> dict[str, Any]:
    """The report schema as ``GapReport`` and its ``$defs`` as ``GapReport_<name>``."""
    schema = copy.deepcopy(report_schema())
    defs = schema.pop("$defs", {})
    for key in ("$schema", "$id"):
        schema.pop(key, None)
    text = json.dumps({"GapReport": schema, **{f"GapReport_{k}": v for k, v in defs.items()}})
    return json.loads(text.replace('"#/$defs/', '"#/components/schemas/GapReport_'))


def install(app: FastAPI) -> None:
    """Make ``app.openapi()`` return the completed document (built once)."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = get_openapi(
                title=app.title,
                version=app.version,
                description=app.description,
                routes=app.routes,
            )
            schemas = document.setdefault("components", {}).setdefault("schemas", {})
            for model in (
                ExtractRequest,
                AnalyzeRequest,
                RenderRequest,
                NewClient,
                NewPostingSet,
                SnapshotRequest,
            ):
                model_schema = model.model_json_schema(ref_template=_REF)
                schemas.update(model_schema.pop("$defs", {}))
                schemas[model.__name__] = model_schema
            schemas["Problem"] = PROBLEM_SCHEMA
            schemas.update(_report_components())
            app.openapi_schema = document
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
