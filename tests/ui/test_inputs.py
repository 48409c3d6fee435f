"""Postings pasted in one box are split on lines holding only ---."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from skillgap.ui.inputs import split_postings


def test_split_on_dash_lines_only() -> None:
    text = "ML Engineer\nPython - required\n---\nData Scientist\n-----\n\n---\nMLOps\n"
    assert split_postings(text) == [
        "ML Engineer\nPython - required",
        "Data Scientist",
        "MLOps",
    ]


def test_dashes_inside_a_line_do_not_split() -> None:
    assert split_postings("Python --- and SQL\nfoo---bar") == ["Python --- and SQL\nfoo---bar"]


def test_blank_input_gives_no_postings() -> None:
    assert split_postings("  \n---\n \t\n") == []


@given(st.lists(st.text(alphabet="abc xyz\n", min_size=1).filter(str.strip), max_size=5))
def test_joined_postings_split_back(parts: list[str]) -> None:
    cleaned = [p.strip() for p in parts]
    assert split_postings("\n---\n".join(cleaned)) == cleaned
