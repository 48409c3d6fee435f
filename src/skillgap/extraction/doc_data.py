"""What skillgap's pipeline components share on a Doc: extension attributes, token arrays and the
mention records.

Every extension attribute carries the ``skillgap_`` prefix, so it cannot collide with another
library's ``doc._.sections``:

- ``doc._.skillgap_kind``: "resume" or "job"; set it before running the pipeline to override
  detection (``None`` lets the ``skill_kind`` component decide).
- ``doc._.skillgap_reads_as``: the kind the text reads like, whatever kind it was given as
  (set by ``skill_kind``; a posting given as the resume shows here).
- ``doc._.skillgap_sections``: a :class:`skillgap.extraction.sections.SectionMap`.
- ``doc._.skillgap_mentions``: the :class:`SkillMention` records, in text order once complete.
- ``doc._.skillgap_text``: ``doc.text``, computed once (see :func:`doc_text`).
- ``span._.skillgap_mention``: the record behind a Span of ``doc.spans["skills"]``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
from spacy.attrs import IDX, LENGTH, LOWER, ORTH
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from skillgap.memo import per_object
from skillgap.models import DocKind

SPAN_KEY = "skills"
RECORDS_ONLY_KEY = "skillgap.records_only"  # Doc.user_data: the caller reads the records, not Spans
DEFAULT_KIND: DocKind = "job"
_ARRAYS_KEY = "skillgap.token_arrays"
_SPACES_KEY = "skillgap.space_tokens"
_PAIR_FACTOR = np.uint64(1_000_003)


@dataclass(slots=True)
class SkillMention:
    """One candidate mention of a skill (token and character offsets) and what the components
    learn about it."""

    start: int
    end: int
    start_char: int
    end_char: int
    skill_id: str
    match: str
    score: float = 100.0
    caps_only: bool = False
    section: str = "other"
    level: str | None = None
    years: float | None = None
    negated: bool = False


def _mention_of_span(span: Span) -> SkillMention | None:
    for mention in span.doc.user_data.get(MENTIONS_KEY) or ():
        if (mention.start, mention.end, mention.skill_id) == (span.start, span.end, span.label_):
            return mention
    return None


# Each ``doc._.skillgap_<name>`` is kept in ``doc.user_data["skillgap.<name>"]``: the components
# read and write that key directly, which costs a dict look-up instead of spaCy's per-access
# Underscore object.
KIND_KEY = "skillgap.kind"
READS_AS_KEY = "skillgap.reads_as"
SECTIONS_KEY = "skillgap.sections"
MENTIONS_KEY = "skillgap.mentions"
TEXT_KEY = "skillgap.text"


def _stored_in_user_data(key: str) -> tuple[Callable[[Doc], Any], Callable[[Doc, Any], None]]:
    def getter(doc: Doc) -> Any:
        return doc.user_data.get(key)

    def setter(doc: Doc, value: Any) -> None:
        doc.user_data[key] = value

    return getter, setter


for _key in (KIND_KEY, READS_AS_KEY, SECTIONS_KEY, MENTIONS_KEY, TEXT_KEY):
    _name = _key.replace(".", "_")
    if not Doc.has_extension(_name):
        _getter, _setter = _stored_in_user_data(_key)
        Doc.set_extension(_name, getter=_getter, setter=_setter)
if not Span.has_extension("skillgap_mention"):
    Span.set_extension("skillgap_mention", getter=_mention_of_span)


def doc_kind(doc: Doc) -> DocKind:
    """The Doc's kind; a Doc no ``skill_kind`` component has seen counts as a posting."""
    return doc.user_data.get(KIND_KEY) or DEFAULT_KIND


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc (spaCy rebuilds it from every token on each call)."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


Offsets = tuple[list[int], list[int]]


@dataclass(frozen=True, slots=True)
class TokenArrays:
    """Per-token attributes read from the Doc once, shared by the components."""

    lower: np.ndarray
    orth: np.ndarray
    is_space: np.ndarray
    offsets: Offsets  # character start and end of every token


def token_arrays(doc: Doc) -> TokenArrays:
    """The Doc's token arrays, computed on first use."""
    arrays = doc.user_data.get(_ARRAYS_KEY)
    if arrays is None:
        # one attribute per row, each contiguous: NumPy searches a strided column ~20% slower
        lower, orth, starts, lengths = np.ascontiguousarray(
            doc.to_array([LOWER, ORTH, IDX, LENGTH]).T
        )
        arrays = TokenArrays(
            lower=lower,
            orth=orth,
            is_space=_starts_with_space(doc_text(doc), starts),
            offsets=(starts.tolist(), (starts + lengths).tolist()),
        )
        doc.user_data[_ARRAYS_KEY] = arrays
    return arrays


_LAST_SPACE = 0x3000  # the highest code point that is white space
_IS_SPACE = np.array([chr(c).isspace() for c in range(_LAST_SPACE + 1)] + [False])


def _starts_with_space(text: str, starts: np.ndarray) -> np.ndarray:
    """Whether each token starting at ``starts`` is white space (spaCy's white-space tokens hold
    nothing else and no other token starts with it): read from the text's code points, about a
    third of what spaCy's flag column costs."""
    points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    return _IS_SPACE[np.minimum(points[starts], _LAST_SPACE + 1)]


def token_offsets(doc: Doc) -> Offsets:
    """Character start and end of every token."""
    return token_arrays(doc).offsets


def in_sorted(values: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """Mask of the ``values`` found in the sorted array ``keys`` (for a few keys this binary
    search is quicker than ``np.isin``)."""
    if not len(keys):
        return np.zeros(len(values), dtype=bool)
    return keys.take(keys.searchsorted(values), mode="clip") == values


def pair_hashes(first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """One number per pair of hashes (arrays wrap around silently: a hash, not a value)."""
    return first * _PAIR_FACTOR + second


def sorted_hashes(hashes: Iterable[int]) -> np.ndarray:
    """Distinct string hashes as a sorted array, for :func:`in_sorted`."""
    return np.array(sorted(set(hashes)), dtype=np.uint64)


class HashKeys:
    """A fixed set of string hashes, tested a whole array of values at a time: a bitmap of the
    hashes' low bits turns most values away, and only the rest are looked for in the sorted
    hashes (a binary search of every token took about six times as long)."""

    BITS_PER_KEY = 32  # the bitmap's size per hash: about one value in 32 passes it by chance

    def __init__(self, hashes: Iterable[int]):
        self.sorted = sorted_hashes(hashes)
        size = max(1024, 1 << (len(self.sorted) * self.BITS_PER_KEY).bit_length())
        self.mask = size - 1
        self.bitmap = np.zeros(size, dtype=bool)
        self.bitmap[self._low_bits(self.sorted)] = True

    def _low_bits(self, values: np.ndarray) -> np.ndarray:
        return values.view(np.int64) & self.mask  # signed: NumPy indexes with it as it is

    def find(self, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Indices of the ``values`` that are among the hashes, in order, and the place of each
        in ``sorted``."""
        at = self.bitmap[self._low_bits(values)].nonzero()[0]
        candidates = values[at]
        ranks = self.sorted.searchsorted(candidates)
        hit = self.sorted.take(ranks, mode="clip") == candidates
        return at[hit], ranks[hit]

    def where(self, values: np.ndarray) -> np.ndarray:
        """Indices of the ``values`` that are among the hashes, in order."""
        return self.find(values)[0]

    def contains(self, values: np.ndarray) -> np.ndarray:
        """Mask of the ``values`` that are among the hashes."""
        mask = np.zeros(len(values), dtype=bool)
        mask[self.where(values)] = True
        return mask


def new_mention(
    offsets: Offsets, start: int, end: int, skill_id: str, match: str, score: float = 100.0
) -> SkillMention:
    """A mention of tokens ``start:end`` with its character offsets filled in."""
    return SkillMention(start, end, offsets[0][start], offsets[1][end - 1], skill_id, match, score)


class LineBreaks:
    """Where white-space tokens break lines, by the token's string hash: the offset of the first
    line break in it (-1: none) and how many it holds, worked out once per string and vocabulary."""

    MAX_CACHED = 10_000  # distinct runs of white space are many only in odd texts

    def __init__(self, vocab: Vocab):
        self.strings = vocab.strings
        self.cache: dict[int, tuple[int, int]] = {}

    def of(self, space: int) -> tuple[int, int]:
        """(offset of the first line break or -1, number of line breaks) of ``space``."""
        found = self.cache.get(space)
        if found is None:
            if len(self.cache) >= self.MAX_CACHED:
                self.cache.clear()
            string = self.strings[space]
            found = self.cache[space] = (string.find("\n"), string.count("\n"))
        return found


_line_breaks_of = per_object(LineBreaks)


@dataclass(frozen=True, slots=True)
class SpaceTokens:
    """A Doc's white-space tokens as the components read them."""

    breaks: list[int]  # character offset of the first line break in each token holding one
    blank: list[int]  # index of each token holding a blank line (two line breaks or more)


def space_tokens(doc: Doc) -> SpaceTokens:
    """The Doc's line breaks and blank lines, computed on first use."""
    found = doc.user_data.get(_SPACES_KEY)
    if found is None:
        arrays = token_arrays(doc)
        at = arrays.is_space.nonzero()[0]
        hashes = arrays.lower[at].tolist()
        line_breaks = _line_breaks_of(doc.vocab)
        of = {space: line_breaks.of(space) for space in set(hashes)}
        starts = arrays.offsets[0]
        breaks, blank = [], []
        for i, space in zip(at.tolist(), hashes, strict=True):
            first, count = of[space]
            if first >= 0:
                breaks.append(starts[i] + first)
                if count > 1:
                    blank.append(i)
        found = doc.user_data[_SPACES_KEY] = SpaceTokens(breaks, blank)
    return found


class TakenTokens:
    """Which tokens a mention already covers."""

    def __init__(self, size: int):
        self.flags = bytearray(size + 1)

    def any(self, start: int, end: int) -> bool:
        return any(self.flags[start:end])

    def mark(self, start: int, end: int) -> None:
        self.flags[start:end] = b"\x01" * (end - start)
