"""The phrase patterns a skill may list: inflection rules, compiling, matching words."""

from __future__ import annotations

import pytest

from skillgap.taxonomy import TaxonomyError, parse_taxonomy_yaml
from skillgap.taxonomy.phrases import PhraseError, inflections, match_at, parse_phrase


def _words(text: str) -> tuple[list[str], list[bool]]:
    tokens = text.lower().replace(".", " .").split(" ")
    return tokens, [t == "." for t in tokens]


@pytest.mark.parametrize(
    ("lemma", "form"),
    [
        ("collaborate", "collaborated"),
        ("collaborate", "collaborating"),
        ("team", "teams"),
        ("lead", "led"),
        ("analyze", "analyzes"),
        ("study", "studied"),
        ("plan", "planning"),
        ("coach", "coaches"),
    ],
)
def test_a_lemma_finds_its_inflected_forms(lemma: str, form: str) -> None:
    assert form in inflections(lemma)


def test_short_words_are_not_inflected() -> None:
    assert inflections("to") == frozenset({"to"})


def test_a_phrase_matches_across_a_short_gap_but_not_past_the_clause() -> None:
    phrase = parse_phrase("collaboration", "collaborate with ... team|stakeholder")
    words, breaks = _words("collaborated with the product and design teams")
    assert match_at(phrase.slots, words, breaks, 0) == len(words)
    words, breaks = _words("collaborated with them . our teams are great")
    assert match_at(phrase.slots, words, breaks, 0) is None


def test_a_gap_is_bounded() -> None:
    phrase = parse_phrase("collaboration", "collaborate ... team")
    far = "collaborate " + "x " * 12 + "team"
    words, breaks = _words(far)
    assert match_at(phrase.slots, words, breaks, 0) is None


def test_white_space_tokens_between_words_are_skipped() -> None:
    phrase = parse_phrase("leadership", "lead a team")
    words, breaks = ["led", "", "a", "team"], [False] * 4
    assert match_at(phrase.slots, words, breaks, 0) == 4


def test_a_hyphenated_word_matches_the_tokens_it_is_split_into() -> None:
    phrase = parse_phrase("leadership", "lead multi-team|cross-team ... effort")
    words = ["led", "", "cross", "-", "teams", "effort"]
    assert match_at(phrase.slots, words, [False] * len(words), 0) == len(words)
    assert match_at(phrase.slots, ["led", "multi-team", "effort"], [False] * 3, 0) is None


@pytest.mark.parametrize(
    "bad", ["... team", "lead ...", "lead ... ... team", "lead", "lead |", "keep date|up-to-date"]
)
def test_malformed_phrases_are_refused(bad: str) -> None:
    with pytest.raises(PhraseError):
        parse_phrase("x", bad)


def test_a_taxonomy_file_with_a_bad_phrase_names_the_skill_and_field() -> None:
    yaml_text = (
        "skills: [{id: flax, name: Flax, phase: other, category: library, kind: hard, hours: 8, "
        "description: JAX networks., phrases: ['train ...']}]"
    )
    with pytest.raises(TaxonomyError, match=r"flax.*phrases"):
        parse_taxonomy_yaml(yaml_text, "mine.yaml")
