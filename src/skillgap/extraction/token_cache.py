"""Pattern strings tokenized once per tokenizer and taxonomy, kept in the user's cache folder.

The skill matcher's name tables hold every spelling variant of every taxonomy form (about 12,000
strings) as tokens; when its own cache file of the tables is missing, it asks for them here. The
tokens (text and trailing white space) are stored in a JSON file named by a hash of everything
they depend on: the strings themselves (so a user overlay gets its own file), the spaCy version
and the tokenizer's settings. A later process reads the file instead of running the tokenizer.

The file is kept by ``skillgap.user_cache`` (``SKILLGAP_CACHE_DIR`` or the user's cache folder);
when it cannot be read or written the strings are simply tokenized again.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer

from skillgap.user_cache import cache_file, read_json, write_json

_FORMAT = 2
_PREFIX = "pattern-tokens-"

Tokens = tuple[str, ...]  # each token's text with its trailing white space


def tokenized(nlp: Language, strings: Iterable[str]) -> dict[str, Tokens]:
    """The tokens of each string as ``nlp``'s tokenizer splits it, each with its trailing white
    space (a token of white space has none: spaCy keeps it in the token)."""
    ordered = sorted(set(strings))
    tokenizer = nlp.tokenizer
    if not ordered:
        return {}
    if not isinstance(tokenizer, Tokenizer):  # a custom tokenizer: nothing to name a file by
        return _tokenize(nlp, ordered)
    path = _cache_file(tokenizer, ordered)
    cached = _read(path, ordered) if path else None
    if cached is not None:
        return dict(zip(ordered, cached, strict=True))
    found = _tokenize(nlp, ordered)
    # Tokenizing thousands of pattern strings fills the tokenizer's cache with entries that make
    # later look-ups ~50% slower (measured); re-setting its rules empties it.
    tokenizer.rules = tokenizer.rules
    if path:
        write_json(path, [list(found[s]) for s in ordered], _PREFIX)
    return found


def _tokenize(nlp: Language, ordered: list[str]) -> dict[str, Tokens]:
    return {s: tuple(t.text_with_ws for t in nlp.make_doc(s)) for s in ordered}


def _cache_file(tokenizer: Tokenizer, ordered: list[str]) -> Path | None:
    return cache_file(
        _PREFIX,
        f"{_FORMAT}\0{spacy.__version__}",
        tokenizer.to_bytes(exclude=["vocab"]),
        json.dumps(ordered, ensure_ascii=False),
    )


def _read(path: Path, ordered: list[str]) -> list[Tokens] | None:
    """The stored tokenizations, if the file is whole and spells the same strings."""
    data = read_json(path)
    if not isinstance(data, list) or len(data) != len(ordered):
        return None
    tokens = []
    for string, parts in zip(ordered, data, strict=True):
        if not isinstance(parts, list) or not all(isinstance(p, str) and p for p in parts):
            return None
        if "".join(parts) != string:  # the tokens must spell the string
            return None
        tokens.append(tuple(parts))
    return tokens
