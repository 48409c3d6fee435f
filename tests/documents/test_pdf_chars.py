"""Words rebuilt from character positions: PDFs that draw their letters one by one."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skillgap.documents import read_document

from .builders import letter_by_letter_pdf

LINES = [
    "Skills: Python and SQL, Docker",
    "Built a data pipeline in Spark on AWS",
    "I am a C++ developer",
]


def pdfium_text(data: bytes) -> str:
    pdf = pdfium.PdfDocument(data)
    try:
        return pdf[0].get_textpage().get_text_range()
    finally:
        pdf.close()


def test_the_letter_spaced_pdf_defeats_pdfiums_own_spacing() -> None:
    # the case the rebuild exists for: PDFium alone reads "P y t h o n"
    assert "P y t h o n" in pdfium_text(letter_by_letter_pdf(LINES, tracking=2.0))


@pytest.mark.parametrize("font", ["Helvetica", "Times-Roman", "Courier"])
@pytest.mark.parametrize("tracking", [0.0, 1.0, 1.5, 2.0])
def test_letters_drawn_one_by_one_come_out_as_whole_words(font: str, tracking: float) -> None:
    data = letter_by_letter_pdf(LINES, tracking=tracking, font=font)
    assert read_document(data, "cv.pdf").text == "\n".join(LINES)


def test_space_characters_between_tracked_letters_still_separate_words() -> None:
    data = letter_by_letter_pdf(LINES, tracking=2.0, space_glyphs=True)
    assert read_document(data, "cv.pdf").text == "\n".join(LINES)


def test_a_line_of_single_letters_keeps_its_spaces() -> None:
    # evenly spaced single letters are ambiguous: they stay words, as PDFium reads them
    data = letter_by_letter_pdf(["Grades: A B C", "A B C D"])
    assert read_document(data, "cv.pdf").text == "Grades: A B C\nA B C D"


def test_letter_spaced_skills_are_extracted() -> None:
    from skillgap import extract

    data = letter_by_letter_pdf(LINES, tracking=2.0)
    assert {"python", "sql", "docker", "spark", "aws"} <= extract(read_document(data)).skill_ids


words = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", min_size=3
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    line=st.lists(words.map(lambda w: w[:12]), min_size=1, max_size=8).map(" ".join),
    tracking=st.floats(min_value=0.0, max_value=2.0),
    font_size=st.floats(min_value=8.0, max_value=14.0),
    font=st.sampled_from(["Helvetica", "Times-Roman", "Helvetica-Bold"]),
)
def test_any_words_at_any_small_tracking_are_read_back(
    line: str, tracking: float, font_size: float, font: str
) -> None:
    data = letter_by_letter_pdf(
        [line], tracking=tracking * font_size / 11, font=font, font_size=font_size
    )
    assert read_document(data, "cv.pdf").text == line
