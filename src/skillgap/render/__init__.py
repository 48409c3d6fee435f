"""Renderers of a gap report: JSON, Markdown, a self-contained HTML page and PDF.

Each renderer takes a ``GapReport`` or its ``to_dict()`` (for example a JSON report read back), so
everything a reader sees is what the JSON holds. The first screen of each shows the score, the top
gaps and the months needed. ``ics`` and ``checklist`` hold the learning plan only.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import Any, Protocol

FORMATS = ("json", "md", "html", "pdf", "ics", "checklist")
_MODULES = {
    "json": "json",
    "md": "markdown",
    "html": "html",
    "pdf": "pdf",
    "ics": "ics",
    "checklist": "checklist",
}


class HasToDict(Protocol):
    def to_dict(self) -> dict[str, Any]: ...


ReportLike = HasToDict | Mapping[str, Any]


def report_data(report: ReportLike) -> Mapping[str, Any]:
    """The report as a mapping, whether given as a GapReport or already as a dict."""
    return report if isinstance(report, Mapping) else report.to_dict()


def render(report: ReportLike, fmt: str) -> str | bytes:
    """Render ``report`` as ``fmt`` (json, md, html, ics: the plan as iCalendar, checklist: the
    plan as a Markdown checklist; pdf: bytes)."""
    if fmt not in _MODULES:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}")
    module = importlib.import_module(f"skillgap.render.{_MODULES[fmt]}")
    return module.render(report)
