"""Stamps on a saved report: who, when, which tool and taxonomy, which postings; file names.

>>> download_name({"meta": {"candidate": "Zoë O'Neil", "date": "2026-03-01T10:00:00Z"}}, "pdf")
'skillgap-zoe-o-neil-2026-03-01.pdf'
>>> download_name({}, "json")
'skillgap-report.json'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from skillgap import __version__
from skillgap.taxonomy import Taxonomy

_NOT_SLUG = re.compile(r"[^a-z0-9]+")
SLUG_LENGTH = 60


def report_meta(
    taxonomy: Taxonomy,
    when: datetime,
    candidate: str | None = None,
    posting_set: str | None = None,
) -> dict[str, Any]:
    """The ``meta`` object of a report (see ``schemas/report.schema.json``); ``when`` is UTC."""
    return {
        "candidate": candidate,
        "date": when.replace(microsecond=0, tzinfo=None).isoformat() + "Z",
        "tool_version": __version__,
        "taxonomy_version": taxonomy.fingerprint(),
        "posting_set": posting_set,
    }


def slug(text: str) -> str:
    """``text`` as lower-case ASCII words joined by hyphens, safe in any file name."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")[:SLUG_LENGTH].strip("-")


def download_name(report: Mapping[str, Any], fmt: str) -> str:
    """``skillgap-<candidate>-<date>.<fmt>`` from the report's stamp (``skillgap-report`` when
    it has none)."""
    meta = report.get("meta") or {}
    parts = [slug(meta.get("candidate") or "") or "report"]
    if meta.get("date"):
        parts.append(str(meta["date"])[:10])
    return f"skillgap-{'-'.join(parts)}.{fmt}"
