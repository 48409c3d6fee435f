"""Uploaded or posted documents to ``skillgap.Document``s, with the API's status codes.

A type skillgap does not read (an image, a spreadsheet, an old .doc) is a 415 problem, a file too
big a 413, and one that cannot be read (damaged, no text, too many pages) a 422; the detail is the
reader's own one-line message, prefixed with the document's name.
"""

from __future__ import annotations

from skillgap.api.problems import Problem
from skillgap.documents import Document, DocumentError, Limits, read_document_isolated
from skillgap.documents.detect import sniff_format
from skillgap.documents.limits import format_size


def read_upload(data: bytes, name: str, limits: Limits) -> Document:
    """Read one document from its bytes in a worker process, killed past ``limits.timeout_s``
    and capped at ``limits.max_memory_bytes`` (``read_document_isolated``)."""
    if len(data) > limits.max_bytes:
        raise Problem(
            "too-large",
            f"{name}: the file is larger than {format_size(limits.max_bytes)}, the limit",
        )
    if data.strip():
        try:
            sniff_format(data)
        except DocumentError as exc:
            raise Problem("unsupported-media-type", f"{name}: {exc}") from None
    try:
        return read_document_isolated(data, name, limits=limits)
    except DocumentError as exc:
        raise Problem("unreadable-document", f"{name}: {exc}") from None
