"""Assembly of blocks into text with offsets; heading guesses; link finding."""

from __future__ import annotations

from skillgap.documents.model import Block
from skillgap.documents.normalize import normalize_text
from skillgap.documents.structure import assemble, find_links, looks_like_heading


def test_offsets_point_into_the_final_text() -> None:
    layout = assemble(
        [
            Block("heading", "  Skills  "),
            Block("bullet", "Python\u00a0and SQL"),
            Block("paragraph", ""),
            Block("text", "EXPERIENCE\n● ML engineer\n\n\n\nAcme"),
        ]
    )
    assert layout.text == "Skills\n• Python and SQL\nEXPERIENCE\n• ML engineer\n\nAcme"
    assert [(s.heading, layout.text[s.start : s.end]) for s in layout.sections] == [
        ("Skills", "Skills\n• Python and SQL"),
        ("EXPERIENCE", "EXPERIENCE\n• ML engineer\n\nAcme"),
    ]
    assert [layout.text[a:b] for a, b in layout.bullets] == ["• Python and SQL", "• ML engineer"]


def test_markdown_hashes_are_headings_only_when_asked() -> None:
    assert [s.heading for s in assemble([Block("text", "# Skills")], markdown=True).sections] == [
        "Skills"
    ]
    assert assemble([Block("text", "# jane@example.org")]).sections == ()


def test_heading_guesses() -> None:
    assert looks_like_heading("Technical Skills:")
    assert looks_like_heading("WORK EXPERIENCE")
    assert looks_like_heading("What you'll do")
    assert not looks_like_heading("SQL")
    assert not looks_like_heading("Skills in Python, SQL and Spark are a must for this role.")
    assert not looks_like_heading("AWS, GCP")


def test_links_in_text() -> None:
    text = (
        "Code: github.com/janeroe, blog https://jane.dev/posts. Mail jane@github.com; "
        "profile www.linkedin.com/in/jane)"
    )
    assert find_links(text, ["https://kaggle.com/jane"]) == (
        "https://kaggle.com/jane",
        "https://jane.dev/posts",
        "https://github.com/janeroe",
        "https://www.linkedin.com/in/jane",
    )


def test_long_text_is_normalised_in_chunks_without_changing_the_result() -> None:
    text = "Skills\n● Python and experi-\nence\n\n\n" * 3000  # about 100 KB: two chunks
    layout = assemble([Block("text", text)])
    assert layout.text == normalize_text(text)
    assert len(layout.sections) == 3000
