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
    "PROJECTS", "Churn model served with FastAPI", "and deployed to AWS with Docker.", "", "",
    "AWARDS", "Best Hack 2021 for a triage bot", "Kaggle silver in image segmentation", "",
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


@pytest.mark.parametrize(
    "rows",
    [
        [("Python", "5 years"), ("SQL", "3 years"), ("Docker", "2 years"), ("Spark", "2 years")]
        * 2,
        [("Languages", "Python, SQL, R"), ("ML", "PyTorch, scikit-learn"), ("Cloud", "AWS, GCP")]
        * 2,
    ],
    ids=["years", "labels"],
)
def test_a_table_is_not_read_as_two_columns(rows: list[tuple[str, str]]) -> None:
    text = "\n".join(f"{cell:<30}{other}" for cell, other in rows)
    assert column_text(text) == text  # a skill keeps its years, a label its items


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


def test_dates_and_places_at_the_right_stay_beside_their_entries() -> None:
    entries = [
        ("George Mason University", "Jan 2022 - Dec 2023"),
        ("Master of Science in Computer Science", "Fairfax, VA"),
        ("Vels University", "Aug 2016 - May 2020"),
        ("Bachelor of Science in Computer Science", "Chennai, India"),
        ("Data Engineer at Vodafone", "June 2022 - May 2024"),
        ("Built streaming pipelines in Spark", "Pune, India"),
    ]
    text = "\n".join(f"{entry:<80}{aside:>20}" for entry, aside in entries)
    assert column_text(text) == text


def test_pages_are_split_on_their_own_and_kept_apart() -> None:
    page = _two_columns(LEFT, RIGHT)
    text = f"{page}\f{page}"
    assert column_text(text) == f"{column_text(page)}\f{column_text(page)}"
    assert column_text(text) != text


@pytest.mark.slow
def test_a_huge_text_of_two_column_pages_is_read_in_bounded_time() -> None:
    page = _two_columns(LEFT, RIGHT)
    text = "\f".join([page] * 10_000)  # 8 MB: every page searched would take half a minute
    with time_limit(20):
        doc = read_document(text.encode(), "cv.txt")
    assert doc.text.startswith("SUMMARY\nData scientist with strong analytical and communication")
    assert doc.warnings  # the rest is cut at the text limit, as for any long text
