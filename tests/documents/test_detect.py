"""File types are told from their content, whatever the file is called."""

from __future__ import annotations

import io

import docx
import pytest

from skillgap.documents import DocumentError, read_document
from skillgap.documents.detect import sniff_format

from .builders import docx_bytes, pdf_pages, zip_bytes


def test_wrong_extensions_do_no_harm() -> None:
    document = docx.Document()
    document.add_paragraph("Python")
    assert read_document(docx_bytes(document), "resume.pdf").format == "docx"
    assert read_document(pdf_pages([["Python"]]), "resume.docx").format == "pdf"
    assert read_document(b"Python", "resume.pdf").format == "txt"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(64), r"image \(PNG\).*scanned resume"),
        (b"\xff\xd8\xff\xe0" + bytes(64), r"image \(JPEG\)"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64), r"old Word.*\.doc"),
        (b"{\\rtf1\\ansi hello}", "RTF"),
        (zip_bytes({"notes.txt": b"hi"}), "ZIP archive, not a document"),
        (zip_bytes({"[Content_Types].xml": b"", "xl/workbook.xml": b""}), "Excel"),
        (zip_bytes({"mimetype": b"application/vnd.oasis.opendocument.text"}), "OpenDocument"),
        (b"PK\x03\x04" + bytes(40), "damaged or truncated"),
    ],
)
def test_unsupported_files_get_a_specific_message(data: bytes, message: str) -> None:
    with pytest.raises(DocumentError, match=message):
        read_document(data, "resume.pdf")


def test_text_starting_like_a_bitmap_is_text() -> None:
    assert sniff_format(b"BMW Group, data scientist") == "text"


def test_pdf_header_may_follow_junk() -> None:
    assert sniff_format(b"\r\n\x00junk%PDF-1.4") == "pdf"
    assert sniff_format(io.BytesIO(b"%PDF-2.0").read()) == "pdf"
