"""Uploaded or posted documents to ``skillgap.Document``s, with the API's status codes.

Files are read in a worker process (``read_document_isolated``): time- and memory-capped, as the
dashboard reads them. Text posted in a JSON body is read in this process unless it is HTML: it is
already decoded text, so there is no file format to parse, and the plain-text reader is a few
linear passes under the same size caps and deadline.

A type skillgap does not read (an image, a spreadsheet, an old .doc) is a 415 problem, a file too
big a 413, and one that cannot be read (damaged, no text, too many pages) a 422; the detail is the
reader's own one-line message, prefixed with the document's name.
"""

from __future__ import annotations

from dataclasses import dataclass

from skillgap.api.problems import Problem
from skillgap.documents import Document, DocumentError, Limits, read_document_isolated
from skillgap.documents.detect import sniff_format
from skillgap.documents.html_file import looks_like_html
from skillgap.documents.limits import format_size
from skillgap.documents.reader import read_bytes


@dataclass(frozen=True)
class Upload:
    """A document as received: its name, its bytes, and whether it came as JSON text."""

    name: str
    data: bytes
    posted_text: bool = False


def read_upload(upload: Upload, limits: Limits) -> Document:
    """Read one document: in a worker process, or in this one for posted plain text."""
    data, name = upload.data, upload.name
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
        if upload.posted_text and not _may_be_html(data):
            return read_bytes(data, name, limits)
        return read_document_isolated(data, name, limits=limits)
    except DocumentError as exc:
        raise Problem("unreadable-document", f"{name}: {exc}") from None


def _may_be_html(data: bytes) -> bool:
    """Whether the reader could take ``data`` for HTML under any name (one tag is enough)."""
    return looks_like_html(data.decode("utf-8", "replace"), html_name=True)
