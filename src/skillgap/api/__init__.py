"""The HTTP API: ``skillgap serve`` runs it with uvicorn; ``create_app()`` builds it.

Routes: ``POST /v1/extract``, ``/v1/analyze`` and ``/v1/render``, ``GET /v1/taxonomy``,
``GET /healthz``, the OpenAPI document at ``/openapi.json`` and its viewer at ``/docs``.
See docs/api.md.
"""

from __future__ import annotations

from skillgap.api.app import create_app
from skillgap.api.settings import Settings

__all__ = ["Settings", "create_app"]
