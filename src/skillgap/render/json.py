"""The JSON report: sorted keys and rounded numbers, so the same input gives the same bytes."""

from __future__ import annotations

import json

from skillgap.render import ReportLike, report_data


def render(report: ReportLike) -> str:
    """The report as indented JSON text ending with a newline."""
    return json.dumps(report_data(report), sort_keys=True, ensure_ascii=False, indent=2) + "\n"
