"""skillgap's tokenizer makes exactly the tokens of ``spacy.blank("en")``."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import spacy
from hypothesis import given
from hypothesis import strategies as st
from spacy.attrs import IDX, IS_SPACE, LENGTH, LOWER, NORM, ORTH, SHAPE, SPACY
from spacy.tokenizer import Tokenizer

from skillgap.extraction.pipeline import get_pipeline
from skillgap.extraction.tokenizer import CACHED_CHUNKS, TOKENIZER_NAME

ATTRS = [ORTH, NORM, LOWER, SHAPE, IS_SPACE, SPACY, IDX, LENGTH]
REFERENCE = spacy.blank("en")


def same_tokens(text: str) -> bool:
    ours = get_pipeline().make_doc(text).to_array(ATTRS)
    theirs = REFERENCE.make_doc(text).to_array(ATTRS)
    return ours.shape == theirs.shape and bool(np.array_equal(ours, theirs))


def test_white_space_and_special_cases_tokenize_as_in_spacy() -> None:
    texts = [
        "a\nb", "a \n b", "a  b", "a\tb", " \n\t ", "x\xa0y", "\n", " ", "\t",
        "We're hiring.\nYou'll use Python, e.g. pandas.\n\nDon't worry :)",
        "Skills:\n\n- Python\n\t- SQL  (3+ yrs)\nU.S. only; 9 a.m.\r\n",
    ]  # fmt: skip
    assert all(same_tokens(t) for t in texts)


PIECES = [*"ab .,:'()-\n\t\xa0", "we're", "e.g.", "Python", "U.S."]


@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_any_mix_of_words_white_space_and_specials_tokenizes_as_in_spacy(text: str) -> None:
    assert same_tokens(text)


def test_every_development_document_tokenizes_as_in_spacy(shared_dir: Path) -> None:
    paths = sorted((shared_dir / "eval" / "docs").glob("*.txt"))
    assert paths
    assert all(same_tokens(p.read_text(encoding="utf-8", errors="replace")) for p in paths)


def test_chunks_cached_beyond_spacys_cap_tokenize_as_in_spacy() -> None:
    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER_NAME}}})
    chunks = [f"({i}x-{i}y:" for i in range(12_000)]  # more distinct chunks than spaCy caches
    nlp.make_doc(" ".join(chunks))
    text = " ".join(chunks[-50:]) + " We're (e.g. " + " ".join(chunks[-50:])
    ours = nlp.make_doc(text).to_array(ATTRS)  # the last chunks now come from the cache
    assert np.array_equal(ours, REFERENCE.make_doc(text).to_array(ATTRS))


def test_a_saved_pipeline_loads_with_the_larger_cache(tmp_path: Path) -> None:
    get_pipeline().to_disk(tmp_path / "nlp")
    assert spacy.load(tmp_path / "nlp").tokenizer.max_cache_size == CACHED_CHUNKS > 10_000


def test_words_after_a_special_case_are_cached_once_they_recur() -> None:
    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER_NAME}}})
    tokenizer = nlp.tokenizer
    text = "We're hiring (e.g. for Kubernetes-based work), don't wait."
    for _ in range(2):  # "We're" stops spaCy's caching for the rest of each text
        tokenizer(text)
    reached = []  # the strings that reach the affix rules, read on this instance only
    tokenizer.find_prefix = lambda string: (
        reached.append(string) or Tokenizer.find_prefix(tokenizer, string)
    )
    tokenizer(text)
    assert set(reached) <= {"We're", "(e.g.", "don't."}  # the rest came from the cache
    assert np.array_equal(
        nlp.make_doc(text).to_array(ATTRS), REFERENCE.make_doc(text).to_array(ATTRS)
    )
