"""Kind detection on what the document reader returns, not on clean texts."""

from __future__ import annotations

import json
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from tests.documents.builders import letter_by_letter_pdf

from skillgap.documents import read_document
from skillgap.extraction.doc_kind import detect_kind

RESUME = [
    "Jane Roe",
    "Education",
    "MSc Statistics, University of Leeds",
    "Work Experience",
    "Data Scientist, Acme (2019 - 2023)",
    "Projects",
    "Built a churn model in Python",
]


def test_a_letter_spaced_resume_pdf_is_read_as_a_resume() -> None:
    data = letter_by_letter_pdf(RESUME, tracking=2.0)
    pdf = pdfium.PdfDocument(data)
    try:
        letter_spaced = pdf[0].get_textpage().get_text_range()
    finally:
        pdf.close()
    # PDFium's own "E d u c a t i o n" hides every resume cue
    assert detect_kind(letter_spaced) == "job"
    assert detect_kind(read_document(data, "cv.pdf").text) == "resume"


@pytest.mark.slow
def test_every_original_file_of_the_dev_set_is_read_as_its_kind(shared_dir: Path) -> None:
    evaluation = shared_dir / "eval"
    rows = [json.loads(line) for line in (evaluation / "labels-full.jsonl").open()]
    files = [(row["file"], row["kind"]) for row in rows if row.get("file")]
    assert len(files) >= 20
    wrong = [
        name
        for name, kind in files
        if detect_kind(read_document(evaluation / "files" / name).text) != kind
    ]
    assert wrong == []
