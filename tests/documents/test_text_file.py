"""Plain text and Markdown: character sets, Markdown structure, binary refusal."""

from __future__ import annotations

import codecs

import pytest

from skillgap.documents import DocumentError, read_document

SAMPLE = "Café résumé – naïve Bayes, “NLP” and 5 years of Python experience in Zürich"


@pytest.mark.parametrize(
    "data",
    [
        SAMPLE.encode("utf-8"),
        codecs.BOM_UTF8 + SAMPLE.encode("utf-8"),
        SAMPLE.encode("utf-16"),
        codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"),
        SAMPLE.encode("cp1252"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16", "utf-16-be", "cp1252"],
)
def test_character_sets_are_detected(data: bytes) -> None:
    text = read_document(data, "cv.txt").text
    assert text == SAMPLE.replace("“", '"').replace("”", '"')


def test_markdown_structure() -> None:
    data = b"# Jane Roe\n\n## Skills\n- Python\n* SQL\n\n## Experience\nAcme, 2020-2024\n"
    doc = read_document(data, "cv.md")
    assert doc.format == "md"
    assert doc.text == "# Jane Roe\n\n## Skills\n• Python\n• SQL\n\n## Experience\nAcme, 2020-2024"
    assert [s.heading for s in doc.sections] == ["Jane Roe", "Skills", "Experience"]
    assert doc.section_at(doc.text.index("SQL")) == "Skills"


def test_bullet_continuation_lines_belong_to_the_bullet() -> None:
    doc = read_document("• Built models in PyTorch\nand served them\n• SQL\nSkills".encode())
    spans = [doc.text[a:b] for a, b in doc.bullets]
    assert spans == ["• Built models in PyTorch\nand served them", "• SQL"]


@pytest.mark.parametrize(
    "data",
    [bytes(range(256)) * 8, b"text\x00with\x00nulls", b"\x01\x02\x03\x04\x05\x06\x07\x08" * 50],
)
def test_binary_data_is_refused(data: bytes) -> None:
    with pytest.raises(DocumentError, match="binary data"):
        read_document(data, "cv.txt")


@pytest.mark.parametrize("data", [b"", b"   \n\t\n"])
def test_empty_text(data: bytes) -> None:
    with pytest.raises(DocumentError, match="empty"):
        read_document(data, "cv.txt")


def test_text_that_normalises_to_nothing() -> None:
    with pytest.raises(DocumentError, match="contains no text"):
        read_document("\u200b\u200b\ufeff".encode(), "cv.txt")
