"""Hostile documents built on the fly: PDFs with huge content streams, zip and flate bombs."""

from __future__ import annotations

import contextlib
import io
import random
import signal
import zipfile
import zlib
from collections.abc import Iterator


def raw_pdf(content: bytes, *, compress: bool = True) -> bytes:
    """A one-page PDF (Helvetica as F1) whose page content stream is ``content``."""
    stream = zlib.compress(content, 9) if compress else content
    filters = b"/Filter /FlateDecode " if compress else b""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< " + filters + b"/Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    return _assemble(objects)


def repeated_page_pdf(content: bytes, pages: int) -> bytes:
    """A PDF of ``pages`` pages that all draw one (compressed) content stream."""
    stream = zlib.compress(content, 9)
    kids = b" ".join(b"%d 0 R" % (5 + n) for n in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
        b"<< /Filter /FlateDecode /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    objects += [
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R "
        b"/Resources << /Font << /F1 4 0 R >> >> >>"
    ] * pages
    return _assemble(objects)


def _assemble(objects: list[bytes]) -> bytes:
    """A PDF file of ``objects`` (numbered from 1, the catalog first) with its xref table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def text_pdf(lines: list[str]) -> bytes:
    """A plain one-page PDF with ``lines`` of text."""
    ops = [b"BT /F1 11 Tf 60 740 Td 14 TL"]
    ops += [b"(" + line.encode("latin-1") + b") '" for line in lines]
    ops.append(b"ET")
    return raw_pdf(b"\n".join(ops))


def many_operations_pdf(count: int) -> bytes:
    """``count`` one-letter text-show operations on one page (a tiny file, a huge page)."""
    return raw_pdf(b"BT /F1 1 Tf " + b"(a) Tj " * count + b"ET")


def scattered_words_pdf(count: int, seed: int = 0) -> bytes:
    """``count`` short words at random positions on one page."""
    return raw_pdf(_scattered(count, seed))


def _scattered(count: int, seed: int) -> bytes:
    rng = random.Random(seed)
    ops = [b"BT /F1 4 Tf"]
    for _ in range(count):
        x, y = rng.uniform(0, 600), rng.uniform(0, 780)
        ops.append(b"1 0 0 1 %.1f %.1f Tm (w%d) Tj" % (x, y, rng.randrange(100)))
    ops.append(b"ET")
    return b"\n".join(ops)


def slow_pdf(pages: int = 50) -> bytes:
    """A PDF within every count cap that takes a reader about half a second a page (some 25 s
    on a 2-core machine): ``pages`` pages of 90,000 scattered words each."""
    return repeated_page_pdf(_scattered(90_000, 0), pages)


def flate_bomb_pdf(inflated_bytes: int) -> bytes:
    """A page whose content stream inflates to ``inflated_bytes`` of spaces."""
    compressor = zlib.compressobj(9)
    chunk = b" " * (1024 * 1024)
    parts = [compressor.compress(b"BT /F1 11 Tf 60 740 Td (Python) Tj ET\n")]
    for _ in range(inflated_bytes // len(chunk)):
        parts.append(compressor.compress(chunk))
    parts.append(compressor.flush())
    return _with_raw_stream(b"".join(parts))


def _with_raw_stream(compressed: bytes) -> bytes:
    """``raw_pdf`` with an already-compressed content stream."""
    marker = b"@@STREAM@@"
    pdf = raw_pdf(marker, compress=False)
    head, tail = pdf.split(marker)
    head = head.replace(
        b"/Length %d" % len(marker), b"/Filter /FlateDecode /Length %d" % len(compressed)
    )
    return _fix_xref(head + compressed + tail)


def _fix_xref(pdf: bytes) -> bytes:
    """Rebuild the xref table of a ``raw_pdf`` whose objects moved."""
    body = pdf[: pdf.index(b"xref\n")]
    offsets = []
    number = 1
    while (at := body.find(b"%d 0 obj\n" % number)) >= 0:
        offsets.append(at)
        number += 1
    out = io.BytesIO(body)
    out.seek(0, io.SEEK_END)
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(offsets) + 1, xref)
    )
    return out.getvalue()


def lying_docx(document: bytes, inflated_bytes: int) -> bytes:
    """``document`` (a DOCX) whose word/document.xml inflates to ``inflated_bytes`` while its
    headers claim the original size."""
    source = zipfile.ZipFile(io.BytesIO(document))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                data = data + b" " * inflated_bytes
            target.writestr(info.filename, data)
    packed = bytearray(out.getvalue())
    real = zipfile.ZipFile(io.BytesIO(bytes(packed))).getinfo("word/document.xml")
    claimed = 1024
    for signature, size_at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (at := packed.find(signature, start)) >= 0:
            name_len = int.from_bytes(
                packed[at + (26 if signature == b"PK\x03\x04" else 28) :][:2], "little"
            )
            name_at = at + (30 if signature == b"PK\x03\x04" else 46)
            if bytes(packed[name_at : name_at + name_len]) == b"word/document.xml":
                packed[at + size_at : at + size_at + 4] = claimed.to_bytes(4, "little")
            start = at + 4
    assert real.file_size > claimed
    return bytes(packed)


@contextlib.contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    """Fail (rather than hang) when the block runs longer than ``seconds``."""

    def expired(signum: int, frame: object) -> None:
        raise TimeoutError(f"took longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
