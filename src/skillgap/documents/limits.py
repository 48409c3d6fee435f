"""Caps on what a document may cost to read: size, pages, unzipped size, time and memory.

Every cap is counted while reading: the operations and characters of each PDF page, the bytes
each DOCX part and PDF stream actually inflate to, the elements of an HTML page. ``timeout_s`` and
``max_memory_bytes`` are hard limits only when the document is read in a worker process
(``skillgap.documents.read_document_isolated``); in-process readers check the time between units
of work.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, fields
from typing import NoReturn

from skillgap.documents.errors import DocumentError

MB = 1024 * 1024
GB = 1024 * MB


@dataclass(frozen=True)
class Limits:
    """Resource caps for one document.

    >>> Limits(max_bytes=2 * MB).max_pages
    50
    """

    max_bytes: int = 10 * MB
    max_pages: int = 50
    timeout_s: float = 20.0
    max_unzipped_bytes: int = 100 * MB
    max_zip_ratio: float = 100.0
    max_zip_members: int = 2000
    max_page_objects: int = 100_000
    max_page_chars: int = 100_000
    max_html_elements: int = 100_000
    max_text_chars: int = 500_000  # about 150 pages; a long resume has 20,000
    max_memory_bytes: int = GB

    def __post_init__(self) -> None:
        for limit in fields(self):
            if getattr(self, limit.name) <= 0:
                raise ValueError(f"Limits.{limit.name} must be positive")


def format_size(n_bytes: float) -> str:
    """A byte count for people: ``format_size(10 * MB) == '10 MB'``."""
    if n_bytes >= 1024 * MB:
        return f"{n_bytes / (1024 * MB):.3g} GB"
    if n_bytes >= MB:
        return f"{n_bytes / MB:.3g} MB"
    if n_bytes >= 1024:
        return f"{n_bytes / 1024:.3g} KB"
    return f"{int(n_bytes)} bytes"


def timeout_message(what: str, seconds: float) -> str:
    """The one line a document gets when reading it took too long."""
    return (
        f"reading {what} took longer than {seconds:g} s and was stopped; "
        "try a smaller or simpler file"
    )


class Deadline:
    """The time budget of one document; readers call ``check()`` between units of work.

    ``what`` names the document in the message ("this PDF").
    """

    def __init__(self, seconds: float, what: str = "the document") -> None:
        self.seconds = seconds
        self.what = what
        self._end = time.monotonic() + seconds

    def remaining(self) -> float:
        """Seconds left."""
        return self._end - time.monotonic()

    def check(self) -> None:
        if self.remaining() < 0:
            self.expire()

    def expire(self) -> NoReturn:
        raise DocumentError(timeout_message(self.what, self.seconds))
