"""tokenizable: same length, no pathological runs; extraction of any shape ends quickly."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from skillgap import extract
from skillgap.documents.shape import (
    MAX_PUNCTUATION_RUN,
    MAX_SENTENCE_CHARS,
    MAX_WORD_CHARS,
    tokenizable,
)

from .hostile import time_limit

_TEXT = st.text(alphabet=st.sampled_from("ab<\"'.-_ \n\t1é"), max_size=2000)


@given(_TEXT)
def test_offsets_and_ordinary_text_are_kept(text: str) -> None:
    result = tokenizable(text)
    assert len(result) == len(text)
    assert all(
        a == b or b == " " or (a, b) == (" ", "\n") for a, b in zip(text, result, strict=True)
    )
    assert not re.search(rf"[^\w\s]{{{MAX_PUNCTUATION_RUN + 1}}}", result)
    assert not re.search(rf"\S{{{MAX_WORD_CHARS + 1}}}", result)


def test_normal_text_is_untouched() -> None:
    text = "Skills: Python, SQL -- see https://github.com/example/project (2019-2024)..."
    assert tokenizable(text) == text


def test_a_long_run_of_angle_brackets_is_extracted_quickly() -> None:
    text = "Requirements: Python\n" + "<" * 50_000 + "\nDocker"
    with time_limit(20):
        profile = extract(text, kind="job")
    assert {s.id for s in profile.skills} >= {"python", "docker"}
    assert profile.text == text


def test_skills_keep_their_offsets_beside_broken_runs() -> None:
    text = '"' * 40 + " Python"
    profile = extract(text, kind="job")
    mention = profile.skills[0].mentions[0]
    assert text[mention.start : mention.end] == "Python"


@given(st.text(alphabet=st.sampled_from("abc .\n"), min_size=2500, max_size=9000))
def test_no_stretch_without_a_full_stop_or_line_break_stays_longer_than_the_cap(text: str) -> None:
    result = tokenizable(text)
    assert len(result) == len(text)
    assert all(a == b or b in " \n" for a, b in zip(text, result, strict=True))
    assert max(len(run) for run in re.split(r"[.!?\n]", result)) <= MAX_SENTENCE_CHARS


def test_one_huge_line_of_words_is_extracted_with_its_skills() -> None:
    words = " ".join(f"w{i % 97}x" for i in range(60_000))
    text = f"Python {words} Docker"
    with time_limit(120):
        profile = extract(text, kind="job")
    assert {s.id for s in profile.skills} >= {"python", "docker"}
    assert profile.text == text


def test_a_resume_with_a_long_run_of_angle_brackets_is_analyzed() -> None:
    from skillgap import analyze, read_document

    resume = read_document(b"Skills: Python " + b"<" * 50_000 + b" SQL\n", "cv.txt")
    job = read_document(b"Requirements: Python, SQL and Docker.\n", "job.txt")
    with time_limit(90):
        report = analyze(resume, [job])
    assert [s.id for s in report.matches[0].missing_required] == ["docker"]
