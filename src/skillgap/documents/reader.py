"""``read_document``: the one way every entry point reads a resume or a job posting."""

from __future__ import annotations

import os
from pathlib import Path, PurePath

from skillgap.documents.detect import sniff_format
from skillgap.documents.docx_file import read_docx
from skillgap.documents.errors import DocumentError
from skillgap.documents.html_file import looks_like_html, read_html
from skillgap.documents.language import english_warning
from skillgap.documents.limits import Deadline, Limits, format_size
from skillgap.documents.model import Document, Extracted, Format
from skillgap.documents.pdf_file import read_pdf
from skillgap.documents.structure import assemble, find_links, normalize_tables
from skillgap.documents.text_file import decode_text, read_plain_text

_MARKDOWN_SUFFIXES = frozenset((".md", ".markdown", ".mdown"))
_HTML_SUFFIXES = frozenset((".html", ".htm", ".xhtml"))
_MAX_PATH_CHARS = 4096


def read_document(
    source: str | os.PathLike[str] | bytes,
    filename: str | None = None,
    *,
    limits: Limits | None = None,
    ocr: bool = False,
) -> Document:
    """Read a PDF, DOCX, HTML, Markdown or text file from a path or from its bytes.

    The type is told from the content, so a wrong extension does no harm; ``filename`` becomes
    ``Document.source`` (and tells Markdown from plain text). Every failure is a
    ``DocumentError`` with a one-line message for the user; the message does not name the
    file, so callers can prefix it with the name they show. ``ocr=True`` reads scanned PDF
    pages with the tesseract program (which must be installed).

    >>> doc = read_document(b"Skills\\n\\xe2\\x80\\xa2 Python, SQL", "cv.txt")
    >>> doc.text, doc.format, [s.heading for s in doc.sections], doc.bullets
    ('Skills\\n• Python, SQL', 'txt', ['Skills'], ((7, 20),))
    """
    limits = limits or Limits()
    deadline = Deadline(limits.timeout_s)
    data, name = _load(source, filename, limits)
    return _read(data, name, limits, deadline, ocr)


def _load(
    source: str | os.PathLike[str] | bytes, filename: str | None, limits: Limits
) -> tuple[bytes, str]:
    """The document's bytes (within the size cap) and the name to report it by."""
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
        name = filename or "-"
    else:
        path = Path(_check_path(source))
        name = filename or path.name
        data = _read_file(path, limits)
    if len(data) > limits.max_bytes:
        raise DocumentError(f"the file is larger than {format_size(limits.max_bytes)}, the limit")
    return data, name


def _check_path(source: str | os.PathLike[str]) -> str | os.PathLike[str]:
    if isinstance(source, str) and (len(source) > _MAX_PATH_CHARS or "\n" in source):
        raise DocumentError(
            "read_document expects a file path or the file's bytes, not the text itself; "
            "pass text to skillgap.extract directly"
        )
    if not isinstance(source, str | os.PathLike):
        raise TypeError(f"read_document expects a path or bytes, not {type(source).__name__}")
    return source


def _read_file(path: Path, limits: Limits) -> bytes:
    try:
        if path.is_dir():
            raise DocumentError("this is a folder, not a file")
        with path.open("rb") as handle:
            return handle.read(limits.max_bytes + 1)  # one byte more shows the file is too big
    except FileNotFoundError:
        raise DocumentError("file not found") from None
    except PermissionError:
        raise DocumentError("cannot read the file: permission denied") from None
    except OSError as exc:
        raise DocumentError(f"cannot read the file: {exc.strerror or exc}") from None


def _read(data: bytes, name: str, limits: Limits, deadline: Deadline, ocr: bool) -> Document:
    fmt, extracted = _extract(data, PurePath(name).suffix.lower(), limits, deadline, ocr)
    deadline.check()
    layout = assemble(extracted.blocks, markdown=fmt in ("md", "txt"), deadline=deadline)
    deadline.check()
    if not layout.text.strip():
        raise DocumentError("the document contains no text")
    warnings = list(extracted.warnings)
    if language := english_warning(layout.text):
        warnings.append(language)
    return Document(
        text=layout.text,
        source=name,
        format=fmt,
        pages=extracted.pages,
        sections=layout.sections,
        bullets=layout.bullets,
        tables=normalize_tables(extracted.tables),
        links=find_links(layout.text, extracted.links),
        warnings=tuple(warnings),
    )


def _extract(
    data: bytes, suffix: str, limits: Limits, deadline: Deadline, ocr: bool
) -> tuple[Format, Extracted]:
    """The format of ``data`` and the raw blocks its reader found."""
    sniffed = sniff_format(data)
    if sniffed == "pdf":
        return "pdf", read_pdf(data, limits, deadline, ocr=ocr)
    if sniffed == "docx":
        return "docx", read_docx(data, limits, deadline)
    text = decode_text(data)
    if suffix not in _MARKDOWN_SUFFIXES and looks_like_html(
        text, html_name=suffix in _HTML_SUFFIXES
    ):
        return "html", read_html(text, deadline)
    return ("md" if suffix in _MARKDOWN_SUFFIXES else "txt"), read_plain_text(text)
