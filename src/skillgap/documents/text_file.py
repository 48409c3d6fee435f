"""Plain-text and Markdown files: find the character set, refuse binary data."""

from __future__ import annotations

import re

from skillgap.documents.charset import detect_encoding
from skillgap.documents.errors import DocumentError
from skillgap.documents.model import Block, Extracted
from skillgap.documents.text_columns import column_text

_SAMPLE = 64 * 1024
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ufffd]")
_MAX_CONTROL_SHARE = 0.02
_INLINE_TAG = re.compile(
    r"</?(?:a|abbr|b|big|cite|code|del|em|font|i|ins|kbd|mark|q|s|samp|small|span|strike|strong"
    r"|sub|sup|tt|u|var)(?:\s[^<>]{0,500})?\s*>",
    re.IGNORECASE,
)
_LINE_BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)
_BINARY = (
    "the file is neither a PDF, a DOCX, HTML nor text (it looks like binary data); "
    "check that you picked the right file"
)


def decode_text(data: bytes) -> str:
    """Decode ``data`` by the charset policy of ``skillgap.documents.charset``; undecodable
    bytes become U+FFFD, and too many of them (or of control characters) mean binary data."""
    found = detect_encoding(data)
    if found is None:
        raise DocumentError(_BINARY)
    encoding, bom = found
    try:
        return _checked(data[bom:].decode(encoding, errors="replace"))
    except LookupError:
        raise DocumentError(_BINARY) from None


def _checked(text: str) -> str:
    """``text``, unless control characters show it is binary data decoded by force."""
    sample = text[:_SAMPLE]
    if sample and len(_CONTROL.findall(sample)) > _MAX_CONTROL_SHARE * len(sample):
        raise DocumentError(_BINARY)
    return text


def read_plain_text(text: str) -> Extracted:
    """A text or Markdown file: one unstructured block; its structure is guessed from lines.

    Inline HTML tags (``<b>Python</b>``, as Markdown allows) are dropped and ``<br>`` ends a line;
    text laid out in two columns is read one column after the other.

    >>> read_plain_text("Skills: <b>Python</b>,<br/><em class='x'>SQL</em>").blocks[0].text
    'Skills: Python,\\nSQL'
    """
    text = column_text(_INLINE_TAG.sub("", _LINE_BREAK_TAG.sub("\n", text)))
    return Extracted(blocks=(Block("text", text),))
