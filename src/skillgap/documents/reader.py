"""``read_document``: the one way every entry point reads a resume or a job posting."""

from __future__ import annotations

import os
import stat
from dataclasses import replace
from pathlib import Path, PurePath

from skillgap.documents.detect import describe, sniff_format
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
    data, name = load(source, filename, limits)
    return read_bytes(data, name, limits, ocr)


def read_bytes(data: bytes, name: str, limits: Limits, ocr: bool = False) -> Document:
    """``read_document`` on bytes already loaded (and size-checked) by ``load``."""
    return _read(data, name, limits, Deadline(limits.timeout_s, describe(data)), ocr)


def load(
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


_NOT_REGULAR = (
    (stat.S_ISDIR, "this is a folder, not a file"),
    (stat.S_ISFIFO, "this is a named pipe (FIFO), not a file"),
    (stat.S_ISSOCK, "this is a socket, not a file"),
    (stat.S_ISCHR, "this is a device, not a file"),
    (stat.S_ISBLK, "this is a device, not a file"),
)


def _read_file(path: Path, limits: Limits) -> bytes:
    """The file's first ``max_bytes + 1`` bytes; anything but a regular file is refused before
    a byte is read (opening a FIFO without O_NONBLOCK would wait for a writer forever)."""
    try:
        refuse_special(os.stat(path).st_mode)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            refuse_special(os.fstat(handle.fileno()).st_mode)  # swapped since the stat
            return handle.read(limits.max_bytes + 1)  # one byte more shows the file is too big
    except FileNotFoundError:
        raise DocumentError("file not found") from None
    except PermissionError:
        raise DocumentError("cannot read the file: permission denied") from None
    except OSError as exc:
        raise DocumentError(f"cannot read the file: {exc.strerror or exc}") from None


def refuse_special(mode: int) -> None:
    """Raise ``DocumentError`` unless ``mode`` (``st_mode``) is that of a regular file."""
    for test, message in _NOT_REGULAR:
        if test(mode):
            raise DocumentError(message)
    if not stat.S_ISREG(mode):
        raise DocumentError("this is not a regular file")


def _read(data: bytes, name: str, limits: Limits, deadline: Deadline, ocr: bool) -> Document:
    fmt, extracted = _extract(data, PurePath(name).suffix.lower(), limits, deadline, ocr)
    deadline.check()
    layout = assemble(extracted.blocks, markdown=fmt in ("md", "txt"), deadline=deadline)
    deadline.check()
    if not layout.text.strip():
        raise DocumentError("the document contains no text")
    warnings = list(extracted.warnings)
    text = layout.text
    if len(text) > limits.max_text_chars:
        text = text[: limits.max_text_chars]
        warnings.append(
            f"the document's text is longer than {limits.max_text_chars:,} characters; "
            "only the first ones were read"
        )
    if language := english_warning(text):
        warnings.append(language)
    return Document(
        text=text,
        source=name,
        format=fmt,
        pages=extracted.pages,
        sections=tuple(
            replace(section, end=min(section.end, len(text)))
            for section in layout.sections
            if section.start < len(text)
        ),
        bullets=tuple(
            (start, min(end, len(text))) for start, end in layout.bullets if start < len(text)
        ),
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
        return "html", read_html(text, limits, deadline)
    return ("md" if suffix in _MARKDOWN_SUFFIXES else "txt"), read_plain_text(text)
