"""Report JSON files opened on the coach page, checked against the report schema."""

from __future__ import annotations

import json
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match

from skillgap.analysis.report import report_schema

MAX_REPORT_BYTES = 20 * 1024 * 1024


class ReportFileError(ValueError):
    """A file that is not a skillgap JSON report; the message is one line for the user."""


def load_report(data: bytes, name: str) -> dict[str, Any]:
    """The report in ``data`` (a ``skillgap analyze --format json`` file), validated.

    Raises ``ReportFileError`` naming ``name`` and, for a schema mismatch, the first wrong field.
    """
    if len(data) > MAX_REPORT_BYTES:
        raise ReportFileError(f"{name}: larger than {MAX_REPORT_BYTES // (1024 * 1024)} MB")
    try:
        report = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ReportFileError(f"{name}: not a JSON file") from None
    error = best_match(Draft202012Validator(report_schema()).iter_errors(report))
    if error is not None:
        where = error.json_path
        message = error.message if len(error.message) <= 120 else error.message[:117] + "..."
        raise ReportFileError(f"{name}: not a skillgap report ({where}: {message})")
    return report
