"""``skill_fuzzy``: what exact matching misses (version suffixes, other separators, line-wrapped
phrases, typos)."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TypeGuard

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA
from spacy.language import Language
from spacy.tokens import Doc

from skillgap.extraction import forms
from skillgap.extraction.components.base import Patterns, TaxonomyComponent
from skillgap.extraction.doc_data import (
    MENTIONS_KEY,
    HashKeys,
    Offsets,
    SkillMention,
    TakenTokens,
    TokenArrays,
    doc_text,
    in_sorted,
    new_mention,
    sorted_hashes,
    token_arrays,
)
from skillgap.extraction.english import is_english_word
from skillgap.extraction.forms import compact_key, spelling_variants, strip_version
from skillgap.taxonomy import Taxonomy
from skillgap.user_cache import all_strings, cache_file, read_json, write_json

FUZZY_THRESHOLD = 80.0
FUZZY_MIN_LENGTH = 6
LONG_WORD = 11  # words this long may carry two typos, shorter ones one
SHORT_WORD = 8  # in shorter words only a missing, extra or swapped letter counts as a typo
_MAX_CACHED_WORDS = 500_000
_TABLES_PREFIX = "fuzzy-tables-"
_WORD_LISTS = ("joins_left", "joins_right", "single_words")
_MERGE_MISSES = 2048  # new non-skill words gathered before they join the sorted array
_WORD_RE = re.compile(r"[\w.+#-]+")
_CAMEL_PARTS_RE = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")

WordHit = tuple[tuple[str, ...], str, float]  # skill ids, how the word matched, score


def _derive_tables(patterns: Patterns) -> dict[str, Any]:
    """The JSON-ready look-up tables of the fuzzy patterns: skill ids by compact key and by exact
    spelling, the words that start or continue a multi-word form, and the one-word keys."""
    keys: dict[str, set[str]] = defaultdict(set)
    parts: dict[str, set[str]] = defaultdict(set)
    single_words: set[str] = set()
    joins_left: set[str] = set()
    joins_right: set[str] = set()
    for skill in patterns:
        for form in skill["forms"]:
            one_word = len(form.split()) == 1
            for variant in spelling_variants(form):
                parts[variant].add(skill["id"])
                key = compact_key(variant)
                if len(key) < 3:
                    continue
                keys[key].add(skill["id"])
                words = variant.split()
                if len(words) > 1:
                    joins_left.update(words[:-1])
                    joins_right.update(words[1:])
                elif one_word:
                    single_words.add(key)
    return {
        "keys": {k: sorted(v) for k, v in keys.items()},
        "slash_parts": {k: sorted(v) for k, v in parts.items()},
        "joins_left": sorted(joins_left),
        "joins_right": sorted(joins_right),
        "single_words": sorted(single_words),
    }


def _usable(tables: Any) -> TypeGuard[dict[str, Any]]:
    """Whether cached tables have the shape ``_derive_tables`` gives."""
    return (
        isinstance(tables, dict)
        and all(isinstance(tables.get(k), dict) for k in ("keys", "slash_parts"))
        and all(isinstance(tables.get(k), list) for k in _WORD_LISTS)
        and all(all_strings(tables[k]) for k in _WORD_LISTS)
        and all(
            isinstance(v, list) and all_strings(v)
            for k in ("keys", "slash_parts")
            for v in tables[k].values()
        )
    )


class SkillFuzzy(TaxonomyComponent):
    """Finds what exact matching misses: version suffixes ("Tensorflow2"), compounds written with
    other separators ("Sci-Kit-Learn"), phrases broken by a line break, and typos ("Pytorh").

    Word look-ups are cached per distinct lower-cased token, so after warm-up a document costs one
    dict look-up per distinct word.
    """

    cache: dict[int, WordHit]  # skill words seen, by hash
    misses: np.ndarray  # sorted hashes of words known to be no skill
    recent_misses: set[int]  # such words not yet merged into ``misses``

    def __init__(self, nlp: Language, name: str, threshold: float, min_length: int) -> None:
        self.threshold = threshold
        self.min_length = min_length
        super().__init__(nlp, name)

    def patterns_of(self, taxonomy: Taxonomy) -> Patterns:
        return [{"id": s.id, "forms": list(s.forms)} for s in taxonomy if s.fuzzy]

    def build(self, patterns: Patterns) -> None:
        path = self._tables_file(patterns) if patterns else None
        tables = read_json(path) if path else None
        if not _usable(tables):
            tables = _derive_tables(patterns)
            if path:
                write_json(path, tables, _TABLES_PREFIX)
        self.keys = {k: tuple(v) for k, v in tables["keys"].items()}
        self.slash_parts = {  # exact spellings, for names joined by slashes ("C#/C++")
            k: tuple(v) for k, v in tables["slash_parts"].items()
        }
        strings = self.nlp.vocab.strings
        self.join_left_hashes = HashKeys(strings.add(w) for w in tables["joins_left"])
        self.join_right_hashes = HashKeys(strings.add(w) for w in tables["joins_right"])
        self.hyphen = np.uint64(strings.add("-"))
        buckets: dict[tuple[str, int], list[str]] = defaultdict(list)  # by first letter, length
        for key in tables["single_words"]:
            if len(key) >= self.min_length and key.isalpha():
                buckets[key[0], len(key)].append(key)
        self.buckets = dict(buckets)
        self._reset_cache()

    @staticmethod
    def _tables_file(patterns: Patterns) -> Path | None:
        """The cache file of the look-up tables: named by the patterns and the code deriving the
        tables (this module and the spelling rules)."""
        return cache_file(
            _TABLES_PREFIX,
            json.dumps(patterns, ensure_ascii=False, sort_keys=True),
            Path(__file__),
            Path(forms.__file__),
        )

    def lookup(self, word: str) -> WordHit | None:
        """Skill ids a single word stands for, how it matched and the score."""
        if "/" in word:
            return self._slashed(word)
        if not _WORD_RE.fullmatch(word):
            return None  # markup or punctuation glued to a name ("MLflow</b") is not a variant
        key = compact_key(word)
        if len(key) < 4 or not key[0].isalpha():
            return None
        if key in self.keys:
            return self.keys[key], "alias", 100.0
        bare = strip_version(key)
        if bare != key and len(bare) >= 4 and bare in self.keys:
            return self.keys[bare], "alias", 100.0
        if len(key) < self.min_length or not key.isalpha():
            return None
        if is_english_word(key):
            return None
        max_edits = 2 if len(key) >= LONG_WORD else 1
        choices = sorted(  # in alphabetical order, as ties go to the first
            c
            for size in range(len(key) - max_edits, len(key) + max_edits + 1)
            for c in self.buckets.get((key[0], size), ())
        )
        best = process.extractOne(key, choices, scorer=OSA.distance, score_cutoff=max_edits)
        if best is None or _glued_words(word):
            return None
        if len(key) < SHORT_WORD and len(key) == len(best[0]) and sorted(key) != sorted(best[0]):
            return None  # a short word one letter off is another name ("Dexian"), not a typo
        score = fuzz.ratio(key, best[0])
        if score < self.threshold:
            return None
        return self.keys[best[0]], "fuzzy", round(score, 1)

    def _slashed(self, word: str) -> WordHit | None:
        """Names joined by slashes in one token ("C#/C++", "C#/.NET"): only when every part is
        a form, so "and/or" or "Python/whatever" give nothing."""
        parts = word.lower().split("/")
        if len(parts) > 4 or not all(parts):
            return None
        found: set[str] = set()
        for part in parts:
            ids = self.slash_parts.get(part)
            if ids is None:
                return None
            found.update(ids)
        return tuple(sorted(found)), "alias", 100.0

    def process(self, doc: Doc) -> Doc:
        mentions: list[SkillMention] | None = doc.user_data.get(MENTIONS_KEY)
        if mentions is None:
            mentions = doc.user_data[MENTIONS_KEY] = []
        arrays = token_arrays(doc)
        offsets = arrays.offsets
        text = doc_text(doc)
        taken = TakenTokens(len(doc))
        for m in mentions:
            taken.mark(m.start, m.end)

        def add(start: int, end: int, skill_ids: Iterable[str], how: str, score: float = 100.0):
            if not taken.any(start, end):
                taken.mark(start, end)
                mentions.extend(new_mention(offsets, start, end, s, how, score) for s in skill_ids)

        for start, end, skill_ids in self._wrapped_phrases(doc, arrays):
            add(start, end, skill_ids, "alias")
        orths = arrays.orth
        for start, end, skill_ids in self._hyphen_chains(text, offsets, orths):
            add(start, end, skill_ids, "alias")
        hits = self._word_hits(orths)
        at = in_sorted(orths, sorted_hashes(hits)).nonzero()[0]  # every place of every hit
        for i, orth in zip(at.tolist(), orths[at].tolist(), strict=True):
            skill_ids, how, score = hits[orth]
            add(i, i + 1, skill_ids, how, score)
        return doc

    def _word_hits(self, orths: np.ndarray) -> dict[int, WordHit]:
        """Look-up results for the distinct words of a Doc, cached by their exact spelling.

        Words known to be no skill sit in a sorted array, so one vectorised search skips them;
        only skill words and words not seen before reach Python.
        """
        if len(self.misses) + len(self.recent_misses) >= _MAX_CACHED_WORDS:
            self._reset_cache()
        unknown = set(orths[~in_sorted(orths, self.misses)].tolist())  # before any sorting
        strings = self.nlp.vocab.strings
        hits = {}
        for orth in unknown:
            if orth in self.recent_misses:
                continue
            result = self.cache.get(orth)  # misses are never cached here
            if result is None:
                result = self.lookup(strings[orth])
                if result is None:
                    self.recent_misses.add(orth)
                    continue
                self.cache[orth] = result
            hits[orth] = result
        if len(self.recent_misses) > _MERGE_MISSES:
            recent = np.fromiter(self.recent_misses, dtype=np.uint64)
            self.misses = np.union1d(self.misses, recent)
            self.recent_misses.clear()
        return hits

    def _reset_cache(self) -> None:
        self.cache = {}
        self.misses = sorted_hashes(())
        self.recent_misses = set()

    def _wrapped_phrases(
        self, doc: Doc, arrays: TokenArrays
    ) -> Iterable[tuple[int, int, tuple[str, ...]]]:
        """Multi-word forms split by a line break ("Natural\\nLanguage Processing")."""
        spaces = arrays.is_space.nonzero()[0]
        spaces = spaces[(spaces > 0) & (spaces < len(doc) - 1)]
        joinable = self.join_left_hashes.contains(
            arrays.lower[spaces - 1]
        ) & self.join_right_hashes.contains(arrays.lower[spaces + 1])
        candidates = spaces[joinable].tolist()
        if not candidates:
            return
        text, (starts, ends) = doc_text(doc), arrays.offsets
        is_space = arrays.is_space.tolist()
        for i in candidates:
            for left in range(1, 4):
                for right in range(3, 0, -1):
                    start, end = i - left, i + 1 + right
                    if start < 0 or end > len(doc) or is_space[start] or is_space[end - 1]:
                        continue
                    # white space between the words drops out of the key
                    skill_ids = self.keys.get(compact_key(text[starts[start] : ends[end - 1]]))
                    if skill_ids:
                        yield start, end, skill_ids
                        break

    def _hyphen_chains(
        self, text: str, offsets: Offsets, orths: np.ndarray
    ) -> Iterable[tuple[int, int, tuple[str, ...]]]:
        """Words joined by hyphens that are a form once the hyphens go ("Sci-Kit-Learn")."""
        starts, ends = offsets
        n = len(starts)

        def joins(i: int) -> bool:  # token i is a hyphen with a word glued on either side
            return 0 < i < n - 1 and ends[i - 1] == starts[i] and ends[i] == starts[i + 1]

        done = -1
        for i in (orths == self.hyphen).nonzero()[0].tolist():
            if i <= done or not joins(i):
                continue
            last = i + 1
            while last + 2 < n and orths[last + 1] == self.hyphen and joins(last + 1):
                last += 2
            done = last
            skill_ids = self.keys.get(text[starts[i - 1] : ends[last]].lower().replace("-", ""))
            if skill_ids:
                yield i - 1, last + 1, skill_ids


def _glued_words(word: str) -> bool:
    """Whether ``word`` is English words run together, as scraped text often has them
    ("RequirementsThe", "adaptProficiency"): not a typo of a skill name."""
    parts = [p.lower() for p in _CAMEL_PARTS_RE.findall(word)]
    return len(parts) > 1 and all(is_english_word(p) for p in parts)


@Language.factory(
    "skill_fuzzy",
    assigns=["doc._.skillgap_mentions"],
    requires=["doc._.skillgap_mentions"],
    default_config={"threshold": FUZZY_THRESHOLD, "min_length": FUZZY_MIN_LENGTH},
)
def make_skill_fuzzy(nlp: Language, name: str, threshold: float, min_length: int) -> SkillFuzzy:
    """The ``skill_fuzzy`` component: ``threshold`` is the lowest similarity (0-100) a typo may
    have, ``min_length`` the shortest word checked for typos."""
    return SkillFuzzy(nlp, name, threshold, min_length)
