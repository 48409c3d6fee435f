"""Is a word ordinary English? Typo matching must never turn "transforms" into Transformers.

The word list is pyspellchecker's English frequency dictionary (MIT licence), shipped inside that
package and loaded on first use, so no data is fetched at run time.
"""

from __future__ import annotations

import gzip
import json
from functools import cache
from importlib import resources

MIN_FREQUENCY = 20  # rarer entries include jargon and frequent misspellings


@cache
def _english_words() -> frozenset[str]:
    data = resources.files("spellchecker") / "resources" / "en.json.gz"
    with data.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as text:
        frequencies: dict[str, int] = json.load(text)
    return frozenset(word for word, count in frequencies.items() if count >= MIN_FREQUENCY)


def is_english_word(word: str) -> bool:
    """Whether ``word`` (lower-case) is a common English word."""
    return word in _english_words()
