"""The token arrays the components share agree with spaCy's own token attributes."""

from __future__ import annotations

import pytest

from skillgap.documents.shape import tokenizable
from skillgap.extraction.doc_data import TEXT_KEY, token_arrays
from skillgap.extraction.pipeline import get_pipeline

TEXTS = [
    "  Python\n\n\tSQL  Docker\u00a0Kafka\u3000Go\u2028Rust\r\nend ",
    "\n",
    "",
    "a " + "<" * 40 + " b " + "x" * 600 + " c",  # runs tokenizable breaks with spaces
    "word " * 600,  # a sentence tokenizable breaks with line breaks
    "emoji 🧠 and an astral 𝔸 letter",
]


@pytest.mark.parametrize("text", TEXTS)
def test_white_space_flags_and_offsets_match_spacys_tokens(text: str) -> None:
    nlp = get_pipeline()
    doc = nlp.make_doc(tokenizable(text))
    doc.user_data[TEXT_KEY] = text  # as extract() keeps the original text
    arrays = token_arrays(doc)
    assert arrays.is_space.tolist() == [token.is_space for token in doc]
    assert arrays.lower.tolist() == [token.lower for token in doc]
    assert arrays.offsets == ([t.idx for t in doc], [t.idx + len(t) for t in doc])
