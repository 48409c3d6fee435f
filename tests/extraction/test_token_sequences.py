"""``TokenSequences``, the skill matcher's tables: the matches spaCy's PhraseMatcher finds."""

from __future__ import annotations

import pytest
import spacy
from spacy.matcher import PhraseMatcher

from skillgap.extraction.components.matcher import TokenSequences
from skillgap.extraction.doc_data import token_arrays
from skillgap.extraction.token_cache import tokenized

PATTERNS = {
    "ml": ["machine learning", "ML", "machine  learning"],
    "sklearn": ["scikit-learn", "sklearn"],
    "cpp": ["c++", "C++"],
    "node": ["node.js", "Node"],
    "cicd": ["ci/cd", "CI / CD"],
    "learning": ["learning"],
    "odd": ["a \n b", "R&D "],
}
TEXTS = [
    "Machine Learning with scikit-learn, C++ and Node.js; CI/CD or ci / cd.",
    "machine  learning and MACHINE learning\nmachine\nlearning, R&D and a \n b",
    "learning learning machine learning",
    "ends with machine",
    "",
]


@pytest.mark.parametrize("lower", [True, False])
def test_it_finds_what_the_phrase_matcher_finds(tmp_path, monkeypatch, lower: bool) -> None:
    monkeypatch.setenv("SKILLGAP_CACHE_DIR", str(tmp_path))
    nlp = spacy.blank("en")
    reference = PhraseMatcher(nlp.vocab, attr="LOWER" if lower else "ORTH")
    table = TokenSequences(nlp.vocab.strings, lower=lower)
    tokens = tokenized(nlp, (s for forms in PATTERNS.values() for s in forms))
    for key, forms in PATTERNS.items():
        reference.add(key, [nlp.make_doc(s) for s in forms])
        table.add(key, (tokens[s] for s in forms))
    table.freeze()
    for text in TEXTS:
        doc = nlp.make_doc(text)
        expected = {(nlp.vocab.strings[k], s, e) for k, s, e in reference(doc)}
        arrays = token_arrays(doc)
        found = table.find(arrays.lower if lower else arrays.orth)
        assert sorted(found) == sorted(expected), text
        assert len(found) == len(set(found))


def test_nothing_added_finds_nothing() -> None:
    nlp = spacy.blank("en")
    table = TokenSequences(nlp.vocab.strings, lower=True)
    table.freeze()
    assert table.find(token_arrays(nlp.make_doc("machine learning")).lower) == []
