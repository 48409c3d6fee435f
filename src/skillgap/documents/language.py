"""A cheap "is this English?" check: the script of the letters and common function words.

Skill lists have few function words in any language, so the check only warns when another
language's function words clearly outnumber English ones, or when most letters are not Latin.

>>> english_warning("Wir suchen eine Entwicklerin mit Erfahrung in der Datenanalyse und mit "
...     "Python, die gerne im Team arbeitet und Freude an neuen Aufgaben hat.") is not None
True
>>> english_warning("We are looking for an engineer with experience in Python and SQL.") is None
True
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

WARNING = (
    "the text does not look like English; skills are matched by their English names, "
    "so some may be missed"
)
_SAMPLE = 20_000
_MIN_WORDS = 15
_MIN_FOREIGN_HITS = 4
_FOREIGN_FACTOR = 1.5
_MAX_NON_LATIN_SHARE = 0.3
_WORD = re.compile(r"[^\W\d_]+")

_ENGLISH = frozenset((
    "the", "and", "of", "to", "with", "for", "is", "are", "you", "we", "our", "will", "be",
    "an", "this", "that", "who", "have", "has", "from", "as", "on", "at", "your", "or", "in",
    "it", "by",
))  # fmt: skip
_OTHERS = {
    "french": "le la les des et est pour avec une dans vous nous sur du au aux qui être ou",
    "german": "der die das und ist mit für sie wir ein eine nicht von zu auf den dem bei oder sind",
    "spanish": "el los las del y con para una por que es se su sus como más",
    "portuguese": "os da do das dos com uma em não você são ao pelo",
    "italian": "il gli della delle dei con per una che di sono nella degli",
    "dutch": "het een en van met voor zijn wij je niet op bij naar ook",
}
_FOREIGN = {name: frozenset(words.split(" ")) - _ENGLISH for name, words in _OTHERS.items()}


@lru_cache(maxsize=4096)
def _is_latin(letter: str) -> bool:
    return unicodedata.name(letter, "").startswith("LATIN")


def english_warning(text: str) -> str | None:
    """``WARNING`` when ``text`` does not look like English, else None."""
    sample = text[:_SAMPLE]
    letters = sum(map(str.isalpha, sample))
    if letters:
        others = [ch for ch in set(sample) if not ch.isascii() and ch.isalpha()]  # a-z are Latin
        non_latin = sum(sample.count(ch) for ch in others if not _is_latin(ch))
        if non_latin > _MAX_NON_LATIN_SHARE * letters:
            return WARNING
    words = _WORD.findall(sample)
    if len(words) < _MIN_WORDS:
        return None
    counts = Counter(map(str.lower, words))
    english = sum(counts[word] for word in _ENGLISH)
    foreign = max(sum(counts[word] for word in vocab) for vocab in _FOREIGN.values())
    if foreign >= _MIN_FOREIGN_HITS and foreign > _FOREIGN_FACTOR * english:
        return WARNING
    return None
