"""read_document: sources, limits, and robustness against any input (property-based)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skillgap.documents import Document, DocumentError, Limits, read_document

from .builders import docx_bytes, pdf_pages, two_column_pdf


def sample_docx() -> bytes:
    document = docx.Document()
    document.add_heading("Skills", 1)
    document.add_paragraph("Python and SQL", style="List Bullet")
    return docx_bytes(document)


SAMPLES = {
    "pdf": pdf_pages([["Skills", "• Python and SQL"], ["Experience", "Acme"]]),
    "two_columns": two_column_pdf("Jane", [f"left {i}" for i in range(6)], ["right"] * 6),
    "docx": sample_docx(),
    "html": b"<html><body><h1>Skills</h1><ul><li>Python</li></ul></body></html>",
}


def test_paths_and_bytes_give_the_same_document(tmp_path: Path) -> None:
    path = tmp_path / "resume.pdf"
    path.write_bytes(SAMPLES["pdf"])
    from_path = read_document(path)
    from_str = read_document(str(path))
    from_bytes = read_document(SAMPLES["pdf"], "resume.pdf")
    assert from_path == from_str == from_bytes
    assert from_path.source == "resume.pdf"
    assert read_document(SAMPLES["pdf"]).source == "-"


def test_filename_overrides_the_path_name(tmp_path: Path) -> None:
    path = tmp_path / "upload-123"
    path.write_bytes(b"Python")
    assert read_document(path, "cv.md").source == "cv.md"


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="file not found"):
        read_document(tmp_path / "nope.pdf")
    with pytest.raises(DocumentError, match="folder"):
        read_document(tmp_path)


def test_text_passed_as_a_path_is_explained() -> None:
    with pytest.raises(DocumentError, match="not the text itself"):
        read_document("Skills:\nPython, SQL")


def test_size_cap_for_bytes_and_files(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"Python " * 400)
    limits = Limits(max_bytes=1000)
    with pytest.raises(DocumentError, match=r"larger than 1000 bytes"):
        read_document(path, limits=limits)
    with pytest.raises(DocumentError, match="larger than"):
        read_document(b"Python " * 400, limits=limits)


def test_default_size_cap_is_ten_megabytes() -> None:
    with pytest.raises(DocumentError, match="larger than 10 MB"):
        read_document(b"a" * (10 * 1024 * 1024 + 1))


@pytest.mark.parametrize("name", [*sorted(SAMPLES), "text"])
def test_time_cap_applies_to_every_format(name: str) -> None:
    data = SAMPLES.get(name, b"Python " * 100)
    with pytest.raises(DocumentError, match="took longer than"):
        read_document(data, limits=Limits(timeout_s=1e-9))


def test_limits_must_be_positive() -> None:
    with pytest.raises(ValueError, match="max_pages"):
        Limits(max_pages=0)


def test_document_to_dict_is_plain_data() -> None:
    data = read_document(SAMPLES["docx"]).to_dict()
    assert data["text"] == "Skills\n• Python and SQL"
    assert data["sections"] == [{"heading": "Skills", "start": 0, "end": 23}]
    assert data["bullets"] == [[7, 23]]


def assert_document_or_error(data: bytes, filename: str | None = None) -> None:
    try:
        doc = read_document(data, filename, limits=Limits(timeout_s=30))
    except DocumentError as exc:
        message = str(exc)
        assert message and "\n" not in message
    else:
        assert isinstance(doc, Document)
        assert doc.text.strip()
        for start, end in doc.bullets:
            assert 0 <= start < end <= len(doc.text)
        for section in doc.sections:
            assert 0 <= section.start <= section.end <= len(doc.text)


fuzz = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@fuzz
@given(st.binary(max_size=4096), st.sampled_from([None, "cv.pdf", "cv.docx", "cv.md", "x.html"]))
def test_random_bytes(data: bytes, filename: str | None) -> None:
    assert_document_or_error(data, filename)


@fuzz
@given(st.text(max_size=2000), st.sampled_from(["utf-8", "utf-16", "cp1252"]))
def test_random_text(text: str, encoding: str) -> None:
    assert_document_or_error(text.encode(encoding, errors="replace"), "notes.txt")


@fuzz
@given(
    st.sampled_from([b"%PDF-1.4\n", b"PK\x03\x04", b"<html><body>", b"\xef\xbb\xbf"]),
    st.binary(max_size=2048),
)
def test_random_bytes_behind_a_magic_number(magic: bytes, tail: bytes) -> None:
    assert_document_or_error(magic + tail)


@fuzz
@given(
    st.sampled_from(sorted(SAMPLES)),
    st.floats(min_value=0.0, max_value=1.0),
    st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), max_size=8),
)
def test_truncated_and_corrupted_documents(name: str, keep: float, flips) -> None:
    data = bytearray(SAMPLES[name])
    for where, value in flips:
        data[int(where * (len(data) - 1))] = value
    assert_document_or_error(bytes(data[: max(1, int(len(data) * keep))]))
