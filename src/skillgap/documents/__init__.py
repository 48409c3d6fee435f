"""Documents in: PDF, DOCX, HTML, Markdown and text files become normalised text with structure.

``read_document`` reads in this process (for trusted files); ``read_document_isolated`` reads
untrusted files (uploads, batch rows) in a worker process with hard limits.

>>> from skillgap.documents import read_document
>>> doc = read_document(b"<h2>Requirements</h2><ul><li>PyTorch</li></ul>", "job.html")
>>> doc.text, doc.format, doc.section_at(15)
('Requirements\\n• PyTorch', 'html', 'Requirements')
"""

from __future__ import annotations

from skillgap.documents.errors import DocumentError
from skillgap.documents.isolation import read_document_isolated
from skillgap.documents.limits import Limits
from skillgap.documents.model import Document, Section
from skillgap.documents.normalize import normalize_text
from skillgap.documents.reader import read_document

__all__ = [
    "Document",
    "DocumentError",
    "Limits",
    "Section",
    "normalize_text",
    "read_document",
    "read_document_isolated",
]
