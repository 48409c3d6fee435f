"""Plain-text and Markdown files: find the character set, refuse binary data."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from skillgap.documents.errors import DocumentError
from skillgap.documents.model import Block, Extracted

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SAMPLE = 64 * 1024
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ufffd]")
_MAX_CONTROL_SHARE = 0.02
_PREFERRED_LEGACY = "cp1252"
_BINARY = (
    "the file is neither a PDF, a DOCX, HTML nor text (it looks like binary data); "
    "check that you picked the right file"
)


def decode_text(data: bytes) -> str:
    """Decode ``data`` with its BOM, as UTF-8, or with the detected legacy charset."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(data[len(bom) :].decode(encoding, errors="replace"))
    if b"\x00" in data[:_SAMPLE]:
        raise DocumentError(_BINARY)
    try:
        return _checked(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    encoding = _legacy_encoding(data[:_SAMPLE])
    try:
        return _checked(data.decode(encoding, errors="replace"))
    except LookupError:
        raise DocumentError(_BINARY) from None


def _legacy_encoding(sample: bytes) -> str:
    """charset-normalizer's best guess; among equally good guesses, Windows-1252 (the usual
    legacy encoding of English text)."""
    matches = list(from_bytes(sample))
    if not matches:
        raise DocumentError(_BINARY)
    best = matches[0]
    tied = {m.encoding for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)}
    return _PREFERRED_LEGACY if _PREFERRED_LEGACY in tied else best.encoding


def _checked(text: str) -> str:
    """``text``, unless control characters show it is binary data decoded by force."""
    sample = text[:_SAMPLE]
    if sample and len(_CONTROL.findall(sample)) > _MAX_CONTROL_SHARE * len(sample):
        raise DocumentError(_BINARY)
    return text


def read_plain_text(text: str) -> Extracted:
    """A text or Markdown file: one unstructured block; its structure is guessed from lines."""
    return Extracted(blocks=(Block("text", text),))
