"""Tell the file type from its first bytes (magic numbers), never from the extension alone.

>>> sniff_format(b"%PDF-1.7 ...")
'pdf'
>>> sniff_format(b"Skills: Python")
'text'
"""

from __future__ import annotations

import io
import zipfile
from typing import Literal

from skillgap.documents.errors import DocumentError

Sniffed = Literal["pdf", "docx", "text"]

_CONVERT = "save it as PDF, DOCX or plain text and try again"

# Formats we recognise but do not read, each with the advice we give.
_UNSUPPORTED_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", f"an old Word/Office 97-2003 file (.doc); {_CONVERT}"),
    (b"{\\rtf", f"an RTF file; {_CONVERT}"),
    (b"\x89PNG\r\n\x1a\n", "an image (PNG), not a document"),
    (b"\xff\xd8\xff", "an image (JPEG), not a document"),
    (b"GIF8", "an image (GIF), not a document"),
    (b"II*\x00", "an image (TIFF), not a document"),
    (b"MM\x00*", "an image (TIFF), not a document"),
    (b"BM", "an image (BMP), not a document"),
    (b"\x1f\x8b", "a gzip archive, not a document"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive, not a document"),
    (b"Rar!", "a RAR archive, not a document"),
)
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_IMAGE_HINT = "; if it is a scanned resume, export a text-based PDF or DOCX instead"


def describe(data: bytes) -> str:
    """How messages name a document by its first bytes: "this PDF", "this DOCX file" or
    "this document".

    >>> describe(b"%PDF-1.4"), describe(b"Python")
    ('this PDF', 'this document')
    """
    if b"%PDF-" in data[:1024]:
        return "this PDF"
    return "this DOCX file" if data.startswith(_ZIP_MAGIC) else "this document"


def sniff_format(data: bytes) -> Sniffed:
    """``pdf``, ``docx`` or ``text`` (decoded and classified later), else a DocumentError."""
    if not data.strip():
        raise DocumentError("the file is empty")
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(_ZIP_MAGIC):
        return _sniff_zip(data)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        raise DocumentError(f"this is an image (WebP), not a document{_IMAGE_HINT}")
    for magic, what in _UNSUPPORTED_MAGIC:
        if data.startswith(magic) and not (magic == b"BM" and _is_text_like(data)):
            hint = _IMAGE_HINT if what.startswith("an image") else ""
            raise DocumentError(f"this is {what}{hint}")
    return "text"


def _sniff_zip(data: bytes) -> Sniffed:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise DocumentError(
            "the file is a damaged or truncated ZIP/DOCX archive; save it again and retry"
        ) from None
    if "word/document.xml" in names:
        return "docx"
    if any(name.startswith("xl/") for name in names):
        raise DocumentError(f"this is an Excel workbook, not a document; {_CONVERT}")
    if any(name.startswith("ppt/") for name in names):
        raise DocumentError(f"this is a PowerPoint presentation, not a document; {_CONVERT}")
    if "mimetype" in names or "content.xml" in names:
        raise DocumentError(f"this is an OpenDocument file (.odt); {_CONVERT}")
    raise DocumentError("this is a ZIP archive, not a document; upload the resume file itself")


def _is_text_like(data: bytes) -> bool:
    """Whether ``data`` starting with a short magic such as "BM" is probably just text."""
    return all(byte >= 0x20 or byte in b"\t\r\n" for byte in data[:64])
