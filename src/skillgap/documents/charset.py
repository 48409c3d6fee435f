"""The one charset policy for every file skillgap reads (documents and batch tables).

In order: a byte-order mark; UTF-16 without one (every other byte zero, as Windows tools write
it); UTF-8; else the legacy charset charset-normalizer finds around the first non-ASCII bytes,
Windows-1252 when it fits as well (the usual legacy encoding of English text, and what Excel's
"CSV" saves on Western Windows).

>>> detect_encoding("naïve".encode("cp1252")), detect_encoding("Python".encode("utf-16-le"))
(('cp1252', 0), ('utf-16-le', 0))
>>> detect_encoding(b"\\xef\\xbb\\xbfPython")
('utf-8', 3)
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

PREFERRED_LEGACY = "cp1252"
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_UTF16_SAMPLE = 4096
_MIN_ZERO_SHARE = 0.4  # of the high bytes: mostly ASCII text in UTF-16
_MAX_ZERO_SHARE_OTHER = 0.05
_LEGACY_BEFORE = 1024
_LEGACY_SAMPLE = 64 * 1024
_NON_ASCII = re.compile(rb"[\x80-\xff]")


def detect_encoding(data: bytes) -> tuple[str, int] | None:
    """The encoding of ``data`` and the length of its byte-order mark, or None when no
    encoding explains it (binary data)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    if (utf16 := _utf16_without_bom(data[:_UTF16_SAMPLE])) is not None:
        return utf16, 0
    if b"\x00" in data[:_LEGACY_SAMPLE]:
        return None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return "utf-8", 0
    legacy = legacy_encoding(_legacy_sample(data))
    return (legacy, 0) if legacy is not None else None


def _utf16_without_bom(sample: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when one byte of every pair is mostly zero."""
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even = sample[0 : pairs * 2 : 2].count(0) / pairs
    odd = sample[1 : pairs * 2 : 2].count(0) / pairs
    if odd >= _MIN_ZERO_SHARE and even <= _MAX_ZERO_SHARE_OTHER:
        return "utf-16-le"
    if even >= _MIN_ZERO_SHARE and odd <= _MAX_ZERO_SHARE_OTHER:
        return "utf-16-be"
    return None


def _legacy_sample(data: bytes) -> bytes:
    """A bounded stretch of ``data`` around its first non-ASCII byte (the evidence)."""
    first = _NON_ASCII.search(data)
    start = max(0, (first.start() if first else 0) - _LEGACY_BEFORE)
    return data[start : start + _LEGACY_SAMPLE]


def legacy_encoding(sample: bytes) -> str | None:
    """charset-normalizer's best guess for ``sample``, Windows-1252 when it does as well; None
    when nothing fits."""
    candidates = [*from_bytes(sample), *from_bytes(sample, cp_isolation=[PREFERRED_LEGACY])]
    if not candidates:
        return None
    best = min(candidates, key=lambda m: (m.chaos, -m.coherence, m.encoding != PREFERRED_LEGACY))
    return best.encoding
