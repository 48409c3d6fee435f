"""PDF reading: text, two-column order, links, and every way a PDF can be unreadable."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader, PdfWriter
from reportlab.pdfgen import canvas

from skillgap.documents import DocumentError, Limits, read_document

from .builders import (
    blank_pdf,
    encrypt_pdf,
    pdf_pages,
    scanned_pdf,
    two_column_pdf,
)

HEADER = "Jane Roe - Machine Learning Engineer"
LEFT = [
    "CONTACT",
    "jane.roe@example.org",
    "github.com/janeroe",
    "SKILLS",
    "Python, PyTorch, scikit-learn",
    "SQL, Spark, Airflow",
    "Docker, Kubernetes, AWS",
    "LANGUAGES",
    "English, Spanish",
    "EDUCATION",
    "MSc Statistics, 2018",
]
RIGHT = [
    "EXPERIENCE",
    "Machine Learning Engineer, Acme",
    "Built ranking models in PyTorch",
    "served with FastAPI on Kubernetes.",
    "Data Scientist, Globex",
    "Forecasting with gradient boosting",
    "and time-series models in Python.",
    "PROJECTS",
    "Fine-tuned a BERT classifier",
]


def test_plain_pdf_is_read_line_by_line() -> None:
    doc = read_document(pdf_pages([["Skills", "Python and SQL"], ["Experience"]]), "cv.pdf")
    assert doc.format == "pdf"
    assert doc.pages == 2
    assert doc.text == "Skills\nPython and SQL\nExperience"
    assert [s.heading for s in doc.sections] == ["Skills", "Experience"]


@pytest.mark.parametrize(("left_leading", "right_leading"), [(14, 14), (14, 12.5), (12, 15)])
def test_two_columns_drawn_row_by_row_come_out_column_by_column(
    left_leading: float, right_leading: float
) -> None:
    data = two_column_pdf(
        HEADER, LEFT, RIGHT, left_leading=left_leading, right_leading=right_leading
    )
    lines = read_document(data, "cv.pdf").text.split("\n")
    for line in lines:
        mixes = any(part in line for part in LEFT) and any(part in line for part in RIGHT)
        assert not mixes, line
    assert lines == [HEADER, *LEFT, *RIGHT]


def test_line_end_hyphenation_is_repaired() -> None:
    data = pdf_pages([["Five years of experi-", "ence with deep learning and front-", "end work"]])
    assert (
        read_document(data).text == "Five years of experience with deep learning and front-end work"
    )


def test_link_annotations_and_written_urls_are_collected() -> None:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.drawString(60, 700, "GitHub profile (see linkedin.com/in/janeroe)")
    pdf.linkURL("https://github.com/janeroe", (60, 695, 200, 712))
    pdf.showPage()
    pdf.save()
    doc = read_document(buffer.getvalue())
    assert doc.links == ("https://github.com/janeroe", "https://linkedin.com/in/janeroe")


def test_password_protected_pdf() -> None:
    locked = encrypt_pdf(pdf_pages([["Python"]]), "secret")
    with pytest.raises(DocumentError, match="this PDF is password-protected"):
        read_document(locked)


def test_pdf_with_only_an_owner_password_is_readable() -> None:
    restricted = encrypt_pdf(pdf_pages([["Python and SQL"]]), "")
    assert read_document(restricted).text == "Python and SQL"


def test_scanned_pdf_asks_for_a_text_based_export() -> None:
    with pytest.raises(DocumentError, match=r"no text layer.*scanned.*text-based PDF"):
        read_document(scanned_pdf())


def test_partly_scanned_pdf_warns_about_the_skipped_pages() -> None:
    writer = PdfWriter()
    for data in (pdf_pages([["Python and SQL"]]), scanned_pdf()):
        writer.append(PdfReader(io.BytesIO(data)))
    buffer = io.BytesIO()
    writer.write(buffer)
    doc = read_document(buffer.getvalue())
    assert doc.text == "Python and SQL"
    assert any("page(s) 2" in warning for warning in doc.warnings)


def test_pdf_without_text() -> None:
    with pytest.raises(DocumentError, match="contains no text"):
        read_document(blank_pdf())


@pytest.mark.parametrize("keep", [0.1, 0.5, 0.9])
def test_truncated_pdf(keep: float) -> None:
    data = pdf_pages([["Python"] * 40] * 3)
    try:
        doc = read_document(data[: int(len(data) * keep)])
    except DocumentError as exc:
        assert "damaged or truncated" in str(exc) or "no text" in str(exc)
    else:  # PDFium repairs what it can; whatever it returns must be real text
        assert "Python" in doc.text


def test_garbage_after_a_pdf_header() -> None:
    with pytest.raises(DocumentError, match="damaged or truncated"):
        read_document(b"%PDF-1.7\n" + bytes(range(256)) * 4)


def test_page_cap() -> None:
    with pytest.raises(DocumentError, match=r"3 pages.*limit 2"):
        read_document(pdf_pages([["a"], ["b"], ["c"]]), limits=Limits(max_pages=2))


def test_time_cap() -> None:
    with pytest.raises(DocumentError, match="longer than"):
        read_document(pdf_pages([["Python"]]), limits=Limits(timeout_s=1e-9))
