"""normalize_text: each repair on its own, and properties that hold for any text."""

from __future__ import annotations

import ftfy
import pytest
from hypothesis import given
from hypothesis import strategies as st

from skillgap.documents import normalize_text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ﬁne-tuning with ﬂoat16", "fine-tuning with float16"),
        ("NaÃ¯ve Bayes", "Naïve Bayes"),
        ("“Smart” ‘quotes’", "\"Smart\" 'quotes'"),
        ("Py\u200bTorch\ufeff and\u00a0SQL", "PyTorch and SQL"),
        ("Python\t \u2003 SQL  ", "Python SQL"),
        ("a\r\nb\rc\x0cd", "a\nb\nc\nd"),
        ("soft\u00adware", "software"),
        ("bio\u00ad\ninformatics", "bioinformatics"),
        ("one\n\n\n\n\ntwo\n\n", "one\n\ntwo"),
        ("bell\x07 and del\x7f gone", "bell and del gone"),
    ],
)
def test_repairs(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("5 years of experi-\nence", "5 years of experience"),
        ("front-\nend and back-\nend", "front-end and back-end"),
        ("state-of-the-\nart models", "state-of-the-art models"),
        ("high-\nly skilled", "highly skilled"),
        ("non-\nEnglish", "non-English"),
        ("uses scikit-learn; scikit-\nlearn again", "uses scikit-learn; scikit-learn again"),
        ("COVID-\n19", "COVID-\n19"),
        ("Skills -\nPython", "Skills -\nPython"),
    ],
)
def test_line_end_hyphenation(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("● Python\n▪ SQL\n\uf0b7Docker\n➢ Git", "• Python\n• SQL\n• Docker\n• Git"),
        ("- Python\n* SQL\n– Spark", "• Python\n• SQL\n• Spark"),
        ("•\nPython", "• Python"),
        ("-5 degrees\n--- rule", "-5 degrees\n--- rule"),
        ("Python • SQL", "Python • SQL"),
    ],
)
def test_bullets_unified(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


def test_keeps_one_line_per_visual_line() -> None:
    text = "Jane Roe\nMachine Learning Engineer\n\nSkills\nPython, SQL"
    assert normalize_text(text) == text


@given(st.text())
def test_normalisation_is_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_output_is_clean(text: str) -> None:
    result = normalize_text(text)
    assert "\r" not in result
    assert "\n\n\n" not in result
    assert not any(ch in result for ch in "\u200b\u00a0\ufeff\u00ad\t")
    assert all(line == line.strip() for line in result.split("\n"))


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=300))
def test_ascii_text_has_nothing_left_for_ftfy(text: str) -> None:
    # ASCII text skips ftfy: what comes out must be what ftfy would leave as it is
    result = normalize_text(text)
    assert ftfy.fix_text(result, unescape_html=False) == result
