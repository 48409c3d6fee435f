"""Documents named by batch rows (a ``path`` column) are read as uploads are: each in an isolated
worker process with the hard time and memory limits of ``read_document_isolated``, so one hostile
file costs its own row an error and holds up nobody else's.
"""

from __future__ import annotations

from pathlib import Path

from skillgap.documents import Document, Limits, read_document_isolated

LIMITS = Limits()


def read_row_document(path: Path) -> Document:
    """The document at ``path``, read under ``LIMITS``; failures are one-line ``DocumentError``."""
    return read_document_isolated(path, limits=LIMITS)
