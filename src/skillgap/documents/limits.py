"""Caps on what a document may cost to read: size, pages, unzipped size and time."""

from __future__ import annotations

import time
from dataclasses import dataclass, fields
from typing import NoReturn

from skillgap.documents.errors import DocumentError

MB = 1024 * 1024


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


class Deadline:
    """The time budget of one document; readers call ``check()`` between units of work."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._end = time.monotonic() + seconds

    def remaining(self) -> float:
        """Seconds left."""
        return self._end - time.monotonic()

    def check(self) -> None:
        if self.remaining() < 0:
            self.expire()

    def expire(self) -> NoReturn:
        raise DocumentError(
            f"reading the document took longer than {self.seconds:g} s and was stopped; "
            "try a smaller or simpler file"
        )
