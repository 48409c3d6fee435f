"""OCR of scanned PDFs: opt-in, and a clear message when it is not possible."""

from __future__ import annotations

import pytest

from skillgap.documents import DocumentError, read_document
from skillgap.documents import ocr as ocr_module

from .builders import scanned_text_pdf

LINES = ["Skills: Python, PyTorch, Docker", "Experience with Kubernetes"]


def test_a_scan_without_ocr_says_what_to_do():
    with pytest.raises(DocumentError, match=r"no text layer.*--ocr"):
        read_document(scanned_text_pdf(LINES), "scan.pdf")


def test_ocr_without_tesseract_is_a_one_line_error(monkeypatch):
    monkeypatch.setattr(ocr_module.shutil, "which", lambda name: None)
    with pytest.raises(DocumentError, match="needs the tesseract program"):
        read_document(scanned_text_pdf(LINES), "scan.pdf", ocr=True)


@pytest.mark.slow
@pytest.mark.skipif(not ocr_module.tesseract_installed(), reason="tesseract is not installed")
def test_ocr_reads_the_scanned_text():
    doc = read_document(scanned_text_pdf(LINES), "scan.pdf", ocr=True)
    assert "Python, PyTorch, Docker" in doc.text
    assert "Kubernetes" in doc.text
