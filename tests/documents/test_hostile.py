"""Hostile documents end within their caps with one line, in this process."""

from __future__ import annotations

import io
import os
import tracemalloc
from pathlib import Path

import docx
import pytest

from skillgap.documents import DocumentError, Limits, read_document

from .hostile import (
    flate_bomb_pdf,
    lying_docx,
    many_operations_pdf,
    scattered_words_pdf,
    text_pdf,
    time_limit,
)


def test_a_normal_raw_pdf_reads() -> None:
    assert read_document(text_pdf(["Skills", "Python, SQL"]), "cv.pdf").text == (
        "Skills\nPython, SQL"
    )


def test_a_page_with_a_million_operations_is_refused_at_once() -> None:
    with time_limit(20), pytest.raises(DocumentError, match=r"1,000,000 operations") as caught:
        read_document(many_operations_pdf(1_000_000), "x.pdf")
    assert "\n" not in str(caught.value)


def test_scattered_words_are_read_in_bounded_time_and_cut_at_the_page_cap() -> None:
    with time_limit(20):
        doc = read_document(
            scattered_words_pdf(30_000), "x.pdf", limits=Limits(max_page_chars=50_000)
        )
    assert len(doc.text) <= 60_000
    assert any("50,000 characters" in warning for warning in doc.warnings)


def test_a_flate_bomb_is_refused_without_inflating_it_whole() -> None:
    data = flate_bomb_pdf(512 * 1024 * 1024)
    tracemalloc.start()
    try:
        with time_limit(20), pytest.raises(DocumentError, match="decompression bomb"):
            read_document(data, "x.pdf")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 50 * 1024 * 1024


def _docx() -> bytes:
    document = docx.Document()
    document.add_paragraph("Python and SQL")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_docx_part_that_inflates_beyond_its_header_is_refused_within_memory() -> None:
    data = lying_docx(_docx(), 100 * 1024 * 1024)
    tracemalloc.start()
    try:
        with time_limit(20), pytest.raises(DocumentError, match="zip bomb"):
            read_document(data, "x.docx")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 20 * 1024 * 1024


def test_an_html_page_with_too_many_elements_is_refused_before_parsing() -> None:
    page = b"<html><ul>" + b"<li>x</li>" * 200_000 + b"</ul></html>"
    with time_limit(10), pytest.raises(DocumentError, match=r"200,00\d elements"):
        read_document(page, "x.html")


def test_text_hidden_by_size_or_opacity_does_not_count() -> None:
    page = (
        b"<html><body><p>Python</p><span style='font-size: 0px'>Java</span>"
        b"<p style='opacity:0'>Rust</p><p style='font-size:0.9em'>SQL</p></body></html>"
    )
    assert read_document(page, "x.html").text.split() == ["Python", "SQL"]


def test_a_long_text_is_cut_with_a_warning() -> None:
    doc = read_document(
        b"Skills\n" + b"Python SQL\n" * 100, "cv.txt", limits=Limits(max_text_chars=50)
    )
    assert len(doc.text) == 50
    assert all(section.end <= 50 for section in doc.sections)
    assert "longer than 50 characters" in doc.warnings[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "cv.pdf"
    os.mkfifo(fifo)
    with time_limit(5), pytest.raises(DocumentError, match="named pipe"):
        read_document(fifo)


def test_a_device_is_refused() -> None:
    with time_limit(5), pytest.raises(DocumentError, match="device"):
        read_document(Path("/dev/zero"))


def test_inline_markup_in_text_files_is_dropped() -> None:
    doc = read_document(b"Skills\n<b>Python</b> and <strong class='x'>SQL</strong>", "cv.md")
    assert doc.text == "Skills\nPython and SQL"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_decoded(codec: str) -> None:
    text = "Skills: Python, SQL, café\n" * 20
    assert read_document(text.encode(codec), "cv.txt").text.startswith("Skills: Python, SQL, café")
