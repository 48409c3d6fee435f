"""``word_alternatives`` matches as ``\\b`` and the alternatives, ignoring case, would."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from skillgap.extraction.expressions import word_alternatives

ALTERNATIVES = [r"no\b", r"not\s+required", "skills?", "k8s", r"in\s+(?:python|go)", "i"]
FAST = word_alternatives(ALTERNATIVES)
PLAIN = re.compile(r"\b(?:" + "|".join(ALTERNATIVES) + ")", re.IGNORECASE)
PIECES = ["no", "NOT", "not ", "required", "Skill", "ſkills", "K8S", "\u212a8s", "İ", "ı", "in ",
          "Python", "go", "_", "x", "9", " ", "\n", "-", "é"]  # fmt: skip


@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_matches_equal_those_of_the_plain_expression(text: str) -> None:
    assert [m.span() for m in FAST.finditer(text)] == [m.span() for m in PLAIN.finditer(text)]


def test_a_search_from_an_offset_sees_the_word_before_it() -> None:
    assert FAST.search("piano no", 3).span() == (6, 8)  # "no" inside "piano" is no word


@pytest.mark.parametrize("alternative", [r"\bno", "s?kill", "[ab]c", "9am", ""])
def test_an_alternative_not_led_by_a_plain_letter_is_refused(alternative: str) -> None:
    with pytest.raises(ValueError, match="plain letter"):
        word_alternatives([alternative])
