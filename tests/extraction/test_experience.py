from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from skillgap import extract
from skillgap.extraction.experience import _RANGE_RE, date_ranges, experience_entries, years_used
from skillgap.extraction.sections import section_map

RESUME = """Jane Roe

Experience
2018 - 2021 Data Scientist, Acme
Built models in Python and TensorFlow.
Jun 2020 – Present  ML Engineer, Globex
Python services, PyTorch training, Docker.
03/2016 to 06/2016 Intern
Excel reports.

Skills
Kubernetes
"""
TODAY = date(2024, 1, 15)


def entries():
    return experience_entries(RESUME, section_map(RESUME, "resume"), today=TODAY)


def test_entries_follow_the_date_ranges_of_the_experience_section():
    found = entries()
    assert len(found) == 3
    assert RESUME[found[0].start :].startswith("2018 - 2021")
    assert RESUME[found[1].start :].startswith("Jun 2020")
    assert "Skills" not in RESUME[found[2].start : found[2].end]


def at(word: str) -> list[int]:
    return [RESUME.index(word)]


def test_years_are_the_union_of_the_entries_naming_the_skill():
    found = entries()
    assert years_used(at("TensorFlow"), found) == 3.0  # 2018 - 2021 reads as three years
    assert years_used(at("PyTorch"), found) == 3.7  # Jun 2020 - Jan 2024: 44 months
    both = [RESUME.index("Python"), RESUME.rindex("Python")]
    assert years_used(both, found) == 6.1  # Jan 2018 - Jan 2024; Jun-Dec 2020 counted once
    assert years_used(at("Excel"), found) == 0.3
    assert years_used(at("Kubernetes"), found) is None  # listed, not dated


def test_extract_reports_dated_years_for_resumes_only():
    profile = extract(RESUME, kind="resume")
    assert profile.get("tensorflow").years == 3.0
    assert profile.get("kubernetes").years is None
    assert extract(RESUME, kind="job").get("tensorflow").years is None


DATE_PIECES = [
    "Jan", "jan.", "September", "marketing", "ajan", "03/", "12-", "3.", "2019", "2020", "1999",
    "20", "-", " - ", "–", " to ", "until", "Present", "now", " ", "\n", "\t", "x",
]  # fmt: skip


@given(st.lists(st.sampled_from(DATE_PIECES), max_size=14).map("".join))
def test_date_ranges_are_found_as_the_full_expression_finds_them(text: str) -> None:
    expected = [m.span() for m in _RANGE_RE.finditer(text)]
    assert [m.span() for m in date_ranges(text)] == expected
