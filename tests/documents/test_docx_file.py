"""DOCX reading: body order, styles, tables, links, text boxes, and zip-bomb refusal."""

from __future__ import annotations

import docx
import pytest

from skillgap.documents import DocumentError, Limits, read_document

from .builders import (
    add_content_control,
    add_hyperlink,
    add_text_box,
    declare_size,
    docx_bytes,
    set_cell_paragraphs,
    unzip,
    zip_bytes,
)


def resume_docx() -> bytes:
    document = docx.Document()
    document.add_paragraph("Jane Roe", style="Title")
    contact = document.add_paragraph("Code: ")
    add_hyperlink(contact, "https://github.com/janeroe", "my GitHub")
    document.add_heading("Skills", level=1)
    document.add_paragraph("Python and PyTorch", style="List Bullet")
    document.add_paragraph("SQL", style="List Bullet")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Tool", "Years"
    table.cell(1, 0).text, table.cell(1, 1).text = "Docker", "3"
    document.add_heading("Experience", level=1)
    document.add_paragraph("Data scientist at Acme.")
    return docx_bytes(document)


def test_body_order_headings_bullets_tables_and_links() -> None:
    doc = read_document(resume_docx(), "cv.docx")
    assert doc.format == "docx"
    assert doc.text == (
        "Jane Roe\nCode: my GitHub\nSkills\n• Python and PyTorch\n• SQL\n"
        "Tool | Years\nDocker | 3\nExperience\nData scientist at Acme."
    )
    assert [s.heading for s in doc.sections] == ["Jane Roe", "Skills", "Experience"]
    assert [doc.text[a:b] for a, b in doc.bullets] == ["• Python and PyTorch", "• SQL"]
    assert doc.tables == ((("Tool", "Years"), ("Docker", "3")),)
    assert doc.links == ("https://github.com/janeroe",)
    assert doc.section_at(doc.text.index("Docker")) == "Skills"


def test_layout_table_is_read_cell_by_cell() -> None:
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    set_cell_paragraphs(table.cell(0, 0), ["SKILLS", "Python", "SQL"])
    set_cell_paragraphs(table.cell(0, 1), ["EXPERIENCE", "ML engineer at Acme"])
    doc = read_document(docx_bytes(document))
    assert doc.text == "SKILLS\nPython\nSQL\nEXPERIENCE\nML engineer at Acme"
    assert doc.tables == ((("SKILLS\nPython\nSQL", "EXPERIENCE\nML engineer at Acme"),),)


def test_content_controls_text_boxes_and_headers_are_read() -> None:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "jane@example.org"
    anchor = document.add_paragraph("Profile")
    add_text_box(anchor, "Kubernetes in a box")
    add_content_control(document, "Spark inside a content control")
    doc = read_document(docx_bytes(document))
    assert doc.text == (
        "jane@example.org\nProfile\nKubernetes in a box\nSpark inside a content control"
    )


def test_line_breaks_inside_a_paragraph_are_kept() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("first line")
    paragraph.add_run().add_break()
    paragraph.add_run("second line")
    assert read_document(docx_bytes(document)).text == "first line\nsecond line"


def test_empty_docx() -> None:
    with pytest.raises(DocumentError, match="contains no text"):
        read_document(docx_bytes(docx.Document()))


def test_truncated_docx() -> None:
    data = resume_docx()
    with pytest.raises(DocumentError, match="damaged or truncated"):
        read_document(data[: len(data) // 2], "cv.docx")


def test_docx_with_broken_xml() -> None:
    members = unzip(resume_docx())
    members["word/document.xml"] = b"<w:document><w:body><w:p>"
    with pytest.raises(DocumentError, match="damaged"):
        read_document(zip_bytes(members))


def test_zip_bomb_declaring_gigabytes_is_refused_before_opening() -> None:
    bomb = declare_size(resume_docx(), "word/document.xml", 4_000_000_000)
    with pytest.raises(DocumentError, match=r"would unpack to 3\.73 GB.*zip bomb"):
        read_document(bomb)


def test_highly_compressed_member_is_refused() -> None:
    members = unzip(resume_docx())
    members["word/media/padding.bin"] = bytes(5 * 1024 * 1024)
    with pytest.raises(DocumentError, match=r"compressed \d+:1.*zip bomb"):
        read_document(zip_bytes(members))


def test_unzipped_size_limit_is_configurable() -> None:
    with pytest.raises(DocumentError, match="would unpack"):
        read_document(resume_docx(), limits=Limits(max_unzipped_bytes=10_000))
