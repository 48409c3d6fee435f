"""Plain text laid out in two columns is read one column after the other."""

from __future__ import annotations

import pytest

import skillgap
from skillgap.documents import read_document
from skillgap.documents.text_columns import column_text

from .hostile import time_limit

LEFT = [
    "SUMMARY",
    "Data scientist with strong analytical and com-",
    "munication skills, moving into machine-learn-",
    "ing engineering with a focus on deployment.",
    "",
    "EXPERIENCE",
    "Data Scientist, Acme (2019 - 2023)",
    "- Built churn models in Python and SQL.",
    "- Served them with FastAPI.",
]
RIGHT = [
    "SKILLS", "Docker, Kubernetes", "PyTorch, pandas", "Airflow, Spark", "", "AWARDS",
    "Best Hack 2021", "Kaggle silver", "",
]  # fmt: skip


def _two_columns(left: list[str], right: list[str]) -> str:
    return "\n".join(f"{a:<52}{b}".rstrip() for a, b in zip(left, right, strict=True))


def test_each_column_is_read_on_its_own() -> None:
    lines = column_text(_two_columns(LEFT, RIGHT)).split("\n")
    assert lines[: len(LEFT)] == LEFT
    assert [line for line in lines[len(LEFT) :] if line] == [r for r in RIGHT if r]


def test_a_word_hyphenated_across_lines_of_the_left_column_is_whole_again() -> None:
    doc = read_document(_two_columns(LEFT, RIGHT).encode(), "cv.txt")
    assert "analytical and communication skills" in doc.text
    assert "communication" in skillgap.extract(doc, kind="resume").skill_ids


def test_one_column_text_with_aligned_dates_is_left_as_it_is() -> None:
    rows = [
        f"{title:<60}{dates}"
        for title, dates in [
            ("Data Scientist, Acme Analytics", "2019 - 2023"),
            ("- Built churn models in Python and SQL across three product lines", ""),
            ("ML Engineer, Initech", "2023 - present"),
            ("- Deployed FastAPI services in Docker on AWS for the payments team", ""),
            ("Analyst, Globex", "2017 - 2019"),
            ("- Dashboards in Tableau for the sales and marketing departments", ""),
        ]
    ]
    text = "\n".join(row.rstrip() for row in rows)
    assert column_text(text) == text


def test_pages_are_split_on_their_own_and_kept_apart() -> None:
    page = _two_columns(LEFT, RIGHT)
    text = f"{page}\f{page}"
    assert column_text(text) == f"{column_text(page)}\f{column_text(page)}"
    assert column_text(text) != text


@pytest.mark.slow
def test_a_huge_text_of_two_column_pages_is_read_in_bounded_time() -> None:
    page = _two_columns(LEFT, RIGHT)
    text = "\f".join([page] * 20_000)  # 9 MB: every page searched would take over a minute
    with time_limit(20):
        doc = read_document(text.encode(), "cv.txt")
    assert doc.text.startswith("SUMMARY\nData scientist with strong analytical and communication")
    assert doc.warnings  # the rest is cut at the text limit, as for any long text
