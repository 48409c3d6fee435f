"""PDF files through pypdfium2 (PDFium, the engine of Chrome's viewer): fast and permissive.

Pages are read one at a time under the document's deadline. A page keeps PDFium's own text order
unless ``columns`` finds a two-column layout on it; its words are rebuilt from the characters'
positions by ``pdf_chars`` (letters drawn one by one would otherwise read "P y t h o n"). Link
annotations (icons pointing to GitHub or LinkedIn) are collected as well as the text.

Before PDFium sees the file, its Flate streams are inflated piece by piece, output discarded, to
refuse decompression bombs; each page's drawing operations are counted before its text is laid
out, and its characters are read up to ``Limits.max_page_chars``. PDFium is not thread-safe, so a
process-wide lock guards it; it is never contended in the worker processes of
``read_document_isolated``, which read one document each.
"""

from __future__ import annotations

import ctypes
import re
import threading
import zlib
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from skillgap.documents.columns import column_lines
from skillgap.documents.errors import DocumentError
from skillgap.documents.limits import Deadline, Limits, format_size
from skillgap.documents.model import Block, Extracted
from skillgap.documents.ocr import ocr_page
from skillgap.documents.pdf_chars import page_lines

# PDFium is not thread-safe; the dashboard may read several uploads at once.
_PDFIUM_LOCK = threading.Lock()
_PASSWORD_ERROR = 4  # FPDF_ERR_PASSWORD
# PDFium marks a hyphen at a line end with \x02, or with U+FFFE where it also joined the lines.
_HYPHEN_MARKS = re.compile(r"\x02|\ufffe(?:\r?\n)?")
_DAMAGED = "the PDF file is damaged or truncated; export it again and retry"
_STREAM_START = re.compile(rb"(?<!end)stream\r?\n")
_INFLATE_STEP = 1024 * 1024
_MAX_COLUMN_SEGMENTS = 2000  # more text runs than any real page: read in PDFium's order
_SCAN_ADVICE = (
    "export a text-based PDF from the program that made it (Save as PDF, not Print/Scan), "
    "or upload a DOCX or TXT version (or try OCR: --ocr, with tesseract installed)"
)


def read_pdf(data: bytes, limits: Limits, deadline: Deadline, *, ocr: bool = False) -> Extracted:
    """Text of every page, in reading order, with the link targets; with ``ocr``, scanned pages
    are read by tesseract."""
    check_inflated_size(data, limits)
    deadline.check()
    with _PDFIUM_LOCK:
        pdf = _open(data)
        try:
            texts, links, scanned, cut = _read_pages(pdf, limits, deadline)
            if ocr:
                for number in scanned:
                    texts[number - 1] = ocr_page(pdf[number - 1], deadline)
                scanned = []
        finally:
            pdf.close()  # also closes its pages, inside the lock rather than in a GC finaliser
    if not any(text.strip() for text in texts):
        if scanned:
            raise DocumentError(
                f"this PDF has no text layer (it looks like a scanned image); {_SCAN_ADVICE}"
            )
        raise DocumentError("the PDF contains no text")
    warnings = []
    if scanned:
        pages = ", ".join(map(str, scanned))
        warnings.append(
            f"page(s) {pages} of the PDF have no text layer (scanned?) and were skipped"
        )
    if cut:
        pages = ", ".join(map(str, cut))
        warnings.append(
            f"page(s) {pages} of the PDF hold more than {limits.max_page_chars:,} characters; "
            "only the first ones were read"
        )
    return Extracted(
        blocks=(Block("text", "\n".join(texts)),),
        pages=len(texts),
        links=tuple(dict.fromkeys(links)),
        warnings=tuple(warnings),
    )


def check_inflated_size(data: bytes, limits: Limits) -> None:
    """Refuse a PDF whose Flate streams inflate beyond ``Limits.max_unzipped_bytes`` in total,
    counting the bytes as they are inflated (never trusting a declared length)."""
    budget = limits.max_unzipped_bytes
    total = 0
    view = memoryview(data)
    for match in _STREAM_START.finditer(data):
        end = data.find(b"endstream", match.end())
        total += _inflated_size(view[match.end() : end if end >= 0 else len(data)], budget - total)
        if total > budget:
            raise DocumentError(
                f"the PDF would unpack to more than {format_size(budget)} (the limit); "
                "it may be a decompression bomb"
            )


def _inflated_size(stream: memoryview, budget: int) -> int:
    """How many bytes a Flate ``stream`` inflates to, counting at most just past ``budget``;
    0 when it is not Flate data."""
    inflater = zlib.decompressobj()
    size = 0
    pending: bytes | memoryview = stream
    try:
        while pending and size <= budget and not inflater.eof:
            size += len(inflater.decompress(pending, _INFLATE_STEP))
            pending = inflater.unconsumed_tail
    except zlib.error:
        pass  # another filter, or damaged data: PDFium decides
    return size


def _read_pages(
    pdf: Any, limits: Limits, deadline: Deadline
) -> tuple[list[str], list[str], list[int], list[int]]:
    """Each page's text, the link targets, the numbers of pages that are only images, and those
    of the pages whose text was cut at ``Limits.max_page_chars``."""
    page_count = len(pdf)
    if page_count == 0:
        raise DocumentError("the PDF has no pages")
    if page_count > limits.max_pages:
        raise DocumentError(
            f"the PDF has {page_count} pages (limit {limits.max_pages}); "
            "upload only the resume or the job posting"
        )
    texts: list[str] = []
    links: list[str] = []
    scanned: list[int] = []
    cut: list[int] = []
    for index in range(page_count):
        deadline.check()
        try:
            page = pdf[index]
            _check_objects(page, index + 1, limits)
            text, complete = _page_text(page, limits.max_page_chars)
            if not complete:
                cut.append(index + 1)
            if not text.strip() and _has_images(page):
                scanned.append(index + 1)
            links.extend(_link_targets(pdf, page))
        except pdfium.PdfiumError:
            raise DocumentError(_DAMAGED) from None
        texts.append(text)
    return texts, links, scanned, cut


def _check_objects(page: Any, number: int, limits: Limits) -> None:
    """Refuse a page drawn with more operations than any real document needs."""
    count = pdfium_c.FPDFPage_CountObjects(page)
    if count > limits.max_page_objects:
        raise DocumentError(
            f"page {number} of the PDF is drawn with {count:,} operations "
            f"(limit {limits.max_page_objects:,}); it does not look like a normal document"
        )


def _open(data: bytes) -> Any:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == _PASSWORD_ERROR:
            raise DocumentError(
                "this PDF is password-protected; remove the password (e.g. print it to a new "
                "PDF) and try again"
            ) from None
        raise DocumentError(_DAMAGED) from None


def _page_text(page: Any, max_chars: int) -> tuple[str, bool]:
    """The page's text, column by column when it has two columns, at most ``max_chars`` of it;
    and whether that is all of it. Words are rebuilt from the characters' positions."""
    textpage = page.get_textpage()
    if textpage.count_chars() > max_chars:
        return _restore_hyphens(textpage.get_text_range(0, max_chars)), False
    lines = page_lines(textpage)
    if page.get_rotation() == 0:
        runs = [segment for line in lines for segment in line]
        if len(runs) <= _MAX_COLUMN_SEGMENTS:
            left, _, right, _ = page.get_bbox()
            ordered = column_lines(runs, left, right)
            if ordered is not None:
                return "\n".join(ordered), True
    return "\n".join(" ".join(segment.text for segment in line) for line in lines), True


def _restore_hyphens(text: str) -> str:
    """Put back PDFium's hyphen marks as "-" at the end of their line."""
    return _HYPHEN_MARKS.sub(lambda m: "-" if m.group() == "\x02" else "-\n", text)


def _has_images(page: Any) -> bool:
    return any(True for _ in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,)))


def _link_targets(pdf: Any, page: Any) -> list[str]:
    """Web addresses of the page's link annotations."""
    targets = []
    position = ctypes.c_int(0)
    link = pdfium_c.FPDF_LINK()
    while pdfium_c.FPDFLink_Enumerate(page, ctypes.byref(position), ctypes.byref(link)):
        action = pdfium_c.FPDFLink_GetAction(link)
        if not action or pdfium_c.FPDFAction_GetType(action) != pdfium_c.PDFACTION_URI:
            continue
        size = pdfium_c.FPDFAction_GetURIPath(pdf, action, None, 0)
        if size <= 1:
            continue
        buffer = ctypes.create_string_buffer(size)
        pdfium_c.FPDFAction_GetURIPath(pdf, action, buffer, size)
        target = buffer.value.decode("utf-8", errors="replace").strip()
        if target.lower().startswith(("http://", "https://")):
            targets.append(target)
    return targets
