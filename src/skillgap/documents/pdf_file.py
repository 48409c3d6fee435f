"""PDF files through pypdfium2 (PDFium, the engine of Chrome's viewer): fast and permissive.

Pages are read one at a time under the document's deadline. A page keeps PDFium's own text order
unless ``columns`` finds a two-column layout on it. Link annotations (icons pointing to GitHub or
LinkedIn) are collected as well as the text.
"""

from __future__ import annotations

import ctypes
import re
import threading
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from skillgap.documents.columns import Segment, column_lines
from skillgap.documents.errors import DocumentError
from skillgap.documents.limits import Deadline, Limits
from skillgap.documents.model import Block, Extracted
from skillgap.documents.ocr import ocr_page

# PDFium is not thread-safe; the dashboard may read several uploads at once.
_PDFIUM_LOCK = threading.Lock()
_PASSWORD_ERROR = 4  # FPDF_ERR_PASSWORD
# PDFium marks a hyphen at a line end with \x02, or with U+FFFE where it also joined the lines.
_HYPHEN_MARKS = re.compile(r"\x02|\ufffe(?:\r?\n)?")
_DAMAGED = "the PDF file is damaged or truncated; export it again and retry"
_SCAN_ADVICE = (
    "export a text-based PDF from the program that made it (Save as PDF, not Print/Scan), "
    "or upload a DOCX or TXT version (or try OCR: --ocr, with tesseract installed)"
)


def read_pdf(data: bytes, limits: Limits, deadline: Deadline, *, ocr: bool = False) -> Extracted:
    """Text of every page, in reading order, with the link targets; with ``ocr``, scanned pages
    are read by tesseract."""
    with _PDFIUM_LOCK:
        pdf = _open(data)
        try:
            texts, links, scanned = _read_pages(pdf, limits, deadline)
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
    warnings = ()
    if scanned:
        pages = ", ".join(map(str, scanned))
        warnings = (f"page(s) {pages} of the PDF have no text layer (scanned?) and were skipped",)
    return Extracted(
        blocks=(Block("text", "\n".join(texts)),),
        pages=len(texts),
        links=tuple(dict.fromkeys(links)),
        warnings=warnings,
    )


def _read_pages(
    pdf: Any, limits: Limits, deadline: Deadline
) -> tuple[list[str], list[str], list[int]]:
    """Each page's text, the link targets, and the numbers of pages that are only images."""
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
    for index in range(page_count):
        deadline.check()
        try:
            page = pdf[index]
            text = _page_text(page)
            if not text.strip() and _has_images(page):
                scanned.append(index + 1)
            links.extend(_link_targets(pdf, page))
        except pdfium.PdfiumError:
            raise DocumentError(_DAMAGED) from None
        texts.append(text)
    return texts, links, scanned


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


def _page_text(page: Any) -> str:
    """The page's text, column by column when it has two columns."""
    textpage = page.get_textpage()
    if page.get_rotation() == 0:
        segments = [
            Segment(*box, textpage.get_text_bounded(*box))
            for box in (textpage.get_rect(i) for i in range(textpage.count_rects()))
        ]
        left, _, right, _ = page.get_bbox()
        lines = column_lines(segments, left, right)
        if lines is not None:
            return _restore_hyphens("\n".join(lines))
    return _restore_hyphens(textpage.get_text_range())


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
