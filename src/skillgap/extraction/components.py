"""spaCy pipeline components that find skills and qualify each mention.

The components run in this order on a Doc whose ``doc._.doc_kind`` is set ("resume" or "job"):

1. ``skill_sections``: maps characters to sections (``doc._.sections``).
2. ``skill_matcher``: phrase matching of every spelling variant of every taxonomy form.
3. ``skill_fuzzy``: version suffixes, joined compounds, line-wrapped phrases and typos.
4. ``skill_context``: keeps ambiguous forms (``R``, ``Go``, ``Spark``) only where the context
   supports them.
5. ``skill_qualifiers``: section, negation, requirement level and years for each mention, and
   the final ``doc.spans["skills"]``.

Each mention is a :class:`SkillMention` in ``doc._.skill_mentions``; ``doc.spans["skills"]`` holds
their Spans, labelled with the skill id, and ``span._.skill`` gives a Span's mention record.
Components get the taxonomy through ``initialize(..., taxonomy=...)``, as spaCy's own rule-based
components get their patterns.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA
from spacy.attrs import IDX, IS_SPACE, LENGTH, LIKE_EMAIL, LOWER, ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from skillgap.extraction.english import is_english_word
from skillgap.extraction.forms import compact_key, spelling_variants, strip_version
from skillgap.extraction.qualifiers import NEGATION_HINTS, PREFERRED_HINTS, YEAR_HINTS, ClauseIndex
from skillgap.extraction.sections import section_map
from skillgap.taxonomy import Skill, Taxonomy, normalize_form

SPAN_KEY = "skills"
_CLAUSE_END_TOKENS = (".", "!", "?", ";", "•")
FUZZY_THRESHOLD = 80.0
FUZZY_MIN_LENGTH = 6
_MAX_CACHED_WORDS = 500_000
_MERGE_MISSES = 2048  # new non-skill words gathered before they join the sorted array
LONG_WORD = 11  # words this long may carry two typos, shorter ones one
SHORT_WORD = 8  # in shorter words only a missing, extra or swapped letter counts as a typo
_LIST_WORDS = {"and", "or", "&"}
_ARRAYS_KEY = "skillgap.token_arrays"
_WORD_RE = re.compile(r"[\w.+#-]+")
_CAMEL_PARTS_RE = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
_CAPS_PREFIX = "caps:"


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
    for mention in span.doc._.skill_mentions:
        if (mention.start, mention.end, mention.skill_id) == (span.start, span.end, span.label_):
            return mention
    return None


if not Doc.has_extension("doc_kind"):
    Doc.set_extension("doc_kind", default="job")
    Doc.set_extension("sections", default=None)
    Doc.set_extension("skill_mentions", default=None)
    Doc.set_extension("source_text", default=None)
    Span.set_extension("skill", getter=_mention_of_span)


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc (spaCy rebuilds it from every token on each call)."""
    text = doc._.source_text
    if text is None:
        text = doc.text
        doc._.source_text = text
    return text


Offsets = tuple[list[int], list[int]]
WordHit = tuple[tuple[str, ...], str, float]  # skill ids, how the word matched, score


@dataclass(frozen=True, slots=True)
class TokenArrays:
    """Per-token attributes read from the Doc once, shared by the components."""

    lower: np.ndarray
    orth: np.ndarray
    is_space: np.ndarray
    like_email: np.ndarray
    offsets: Offsets  # character start and end of every token


def token_arrays(doc: Doc) -> TokenArrays:
    """The Doc's token arrays, computed on first use."""
    arrays = doc.user_data.get(_ARRAYS_KEY)
    if arrays is None:
        table = doc.to_array([LOWER, ORTH, IS_SPACE, LIKE_EMAIL, IDX, LENGTH])
        starts = table[:, 4]
        arrays = TokenArrays(
            lower=table[:, 0],
            orth=table[:, 1],
            is_space=table[:, 2],
            like_email=table[:, 3],
            offsets=(starts.tolist(), (starts + table[:, 5]).tolist()),
        )
        doc.user_data[_ARRAYS_KEY] = arrays
    return arrays


def in_sorted(values: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """Mask of the ``values`` found in the sorted array ``keys`` (for a few keys this binary
    search is quicker than ``np.isin``)."""
    if not len(keys):
        return np.zeros(len(values), dtype=bool)
    at = np.searchsorted(keys, values).clip(max=len(keys) - 1)
    return keys[at] == values


def token_offsets(doc: Doc) -> Offsets:
    """Character start and end of every token."""
    return token_arrays(doc).offsets


def _sorted_hashes(hashes: Iterable[int]) -> np.ndarray:
    return np.array(sorted(set(hashes)), dtype=np.uint64)


def new_mention(
    offsets: Offsets, start: int, end: int, skill_id: str, match: str, score: float = 100.0
) -> SkillMention:
    """A mention of tokens ``start:end`` with its character offsets filled in."""
    return SkillMention(start, end, offsets[0][start], offsets[1][end - 1], skill_id, match, score)


class _Taken:
    """Which tokens a mention already covers."""

    def __init__(self, size: int):
        self.flags = bytearray(size + 1)

    def any(self, start: int, end: int) -> bool:
        return any(self.flags[start:end])

    def mark(self, start: int, end: int) -> None:
        self.flags[start:end] = b"\x01" * (end - start)


class SkillSections:
    """Sets ``doc._.sections``, a :class:`skillgap.extraction.sections.SectionMap`."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.sections = section_map(doc_text(doc), doc._.doc_kind)
        return doc


class TaxonomyComponent:
    """A component whose patterns come from the taxonomy, given at ``initialize`` as spaCy's
    rule-based components get theirs."""

    def initialize(
        self,
        get_examples: Callable[[], Iterable] | None = None,
        *,
        nlp: Language,
        taxonomy: Taxonomy,
    ) -> None:
        self.load_taxonomy(nlp, taxonomy)

    def load_taxonomy(self, nlp: Language, taxonomy: Taxonomy) -> None:
        raise NotImplementedError


class SkillMatcher(TaxonomyComponent):
    """Exact matching of taxonomy forms and their spelling variants with PhraseMatchers."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.vocab = nlp.vocab
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.cased = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.names: dict[str, set[str]] = {}

    def load_taxonomy(self, nlp: Language, taxonomy: Taxonomy) -> None:
        self.names = {s.id: spelling_variants(s.name) for s in taxonomy}
        for skill in taxonomy:
            variants = set().union(*(spelling_variants(f) for f in skill.forms))
            self.lower.add(skill.id, [nlp.make_doc(v) for v in sorted(variants)])
            if skill.case_sensitive:
                self.cased.add(skill.id, [nlp.make_doc(f) for f in skill.case_sensitive])
                caps_forms = [f for f in skill.case_sensitive if not f.isupper()]
                if caps_forms:  # "GO" and "SPARK" in all-caps lists, checked by skill_context
                    patterns = [nlp.make_doc(f.lower()) for f in caps_forms]
                    self.lower.add(_CAPS_PREFIX + skill.id, patterns)

    def __call__(self, doc: Doc) -> Doc:
        strings = self.vocab.strings
        found: dict[tuple[int, int], dict[str, str]] = defaultdict(dict)
        for match_id, start, end in self.cased(doc):
            found[start, end][strings[match_id]] = "cased"
        text = doc_text(doc)
        offsets = token_offsets(doc)
        for match_id, start, end in self.lower(doc):
            key = strings[match_id]
            if not key.startswith(_CAPS_PREFIX):
                found[start, end][key] = "lower"
            elif text[offsets[0][start] : offsets[1][end - 1]].isupper():
                found[start, end].setdefault(key.removeprefix(_CAPS_PREFIX), "caps")
        mentions: list[SkillMention] = []
        taken = _Taken(len(doc))
        for start, end in sorted(found, key=lambda r: (r[0] - r[1], r[0])):
            if taken.any(start, end):
                continue
            taken.mark(start, end)
            for skill_id, how in sorted(found[start, end].items()):
                mention = new_mention(offsets, start, end, skill_id, "alias")
                if text[mention.start_char : mention.end_char].lower() in self.names[skill_id]:
                    mention.match = "exact"
                mention.caps_only = how == "caps"
                mentions.append(mention)
        doc._.skill_mentions = mentions
        return doc


class SkillFuzzy(TaxonomyComponent):
    """Finds what exact matching misses: version suffixes ("Tensorflow2"), compounds written with
    other separators ("Sci-Kit-Learn"), phrases broken by a line break, and typos ("Pytorh").

    Word look-ups are cached per distinct lower-cased token, so after warm-up a document costs one
    dict look-up per distinct word.
    """

    def __init__(self, nlp: Language, name: str, threshold: float, min_length: int) -> None:
        self.name = name
        self.vocab = nlp.vocab
        self.threshold = threshold
        self.min_length = min_length
        self.keys: dict[str, tuple[str, ...]] = {}
        self.buckets: dict[str, list[str]] = {}
        self.joins_left: set[str] = set()
        self.joins_right: set[str] = set()
        self.join_left_hashes = _sorted_hashes(())
        self.join_right_hashes = _sorted_hashes(())
        self.hyphen = np.uint64(0)
        self._reset_cache()

    def load_taxonomy(self, nlp: Language, taxonomy: Taxonomy) -> None:
        keys: dict[str, set[str]] = defaultdict(set)
        single_words: set[str] = set()
        for skill in taxonomy:
            if not skill.fuzzy:
                continue
            for form in skill.forms:
                one_word = len(form.split()) == 1
                for variant in spelling_variants(form):
                    key = compact_key(variant)
                    if len(key) < 3:
                        continue
                    keys[key].add(skill.id)
                    words = variant.split()
                    if len(words) > 1:
                        self.joins_left.update(words[:-1])
                        self.joins_right.update(words[1:])
                    elif one_word:
                        single_words.add(key)
        self.keys = {k: tuple(sorted(v)) for k, v in keys.items()}
        strings = nlp.vocab.strings
        self.join_left_hashes = _sorted_hashes(strings.add(w) for w in self.joins_left)
        self.join_right_hashes = _sorted_hashes(strings.add(w) for w in self.joins_right)
        self.hyphen = np.uint64(strings.add("-"))
        buckets: dict[str, list[str]] = defaultdict(list)
        for key in sorted(single_words):
            if len(key) >= self.min_length and key.isalpha():
                buckets[key[0]].append(key)
        self.buckets = dict(buckets)
        self._reset_cache()

    def lookup(self, word: str) -> WordHit | None:
        """Skill ids a single word stands for, how it matched and the score."""
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
        max_edits = 2 if len(key) >= LONG_WORD else 1
        choices = [c for c in self.buckets.get(key[0], ()) if abs(len(c) - len(key)) <= max_edits]
        best = process.extractOne(key, choices, scorer=OSA.distance, score_cutoff=max_edits)
        if best is None or is_english_word(key) or _glued_words(word):
            return None
        if len(key) < SHORT_WORD and len(key) == len(best[0]) and sorted(key) != sorted(best[0]):
            return None  # a short word one letter off is another name ("Dexian"), not a typo
        score = fuzz.ratio(key, best[0])
        if score < self.threshold:
            return None
        return self.keys[best[0]], "fuzzy", round(score, 1)

    def __call__(self, doc: Doc) -> Doc:
        mentions: list[SkillMention] = doc._.skill_mentions
        offsets = token_offsets(doc)
        text = doc_text(doc)
        taken = _Taken(len(doc))
        for m in mentions:
            taken.mark(m.start, m.end)

        def add(start: int, end: int, skill_ids: Iterable[str], how: str, score: float = 100.0):
            if not taken.any(start, end):
                taken.mark(start, end)
                mentions.extend(new_mention(offsets, start, end, s, how, score) for s in skill_ids)

        arrays = token_arrays(doc)
        for start, end, skill_ids in self._wrapped_phrases(doc, arrays):
            add(start, end, skill_ids, "alias")
        orths = arrays.orth
        for start, end, skill_ids in self._hyphen_chains(text, offsets, orths):
            add(start, end, skill_ids, "alias")
        for orth, (skill_ids, how, score) in self._word_hits(orths).items():
            for i in np.flatnonzero(orths == np.uint64(orth)):
                add(int(i), int(i) + 1, skill_ids, how, score)
        return doc

    def _word_hits(self, orths: np.ndarray) -> dict[int, WordHit]:
        """Look-up results for the distinct words of a Doc, cached by their exact spelling.

        Words known to be no skill sit in a sorted array, so one vectorised search skips them;
        only skill words and words not seen before reach Python.
        """
        if len(self.misses) + len(self.recent_misses) >= _MAX_CACHED_WORDS:
            self._reset_cache()
        distinct = np.unique(orths)
        strings = self.vocab.strings
        hits = {}
        for orth in distinct[~in_sorted(distinct, self.misses)].tolist():
            if orth in self.recent_misses:
                continue
            result = self.cache.get(orth, False)
            if result is False:
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
        self.cache: dict[int, WordHit] = {}
        self.misses = _sorted_hashes(())
        self.recent_misses: set[int] = set()

    def _wrapped_phrases(
        self, doc: Doc, arrays: TokenArrays
    ) -> Iterable[tuple[int, int, tuple[str, ...]]]:
        """Multi-word forms split by a line break ("Natural\\nLanguage Processing")."""
        spaces = np.flatnonzero(arrays.is_space)
        spaces = spaces[(spaces > 0) & (spaces < len(doc) - 1)]
        joinable = in_sorted(arrays.lower[spaces - 1], self.join_left_hashes) & in_sorted(
            arrays.lower[spaces + 1], self.join_right_hashes
        )
        for i in spaces[joinable].tolist():
            for left in range(1, 4):
                for right in range(3, 0, -1):
                    start, end = i - left, i + 1 + right
                    if start < 0 or end > len(doc) or doc[start].is_space or doc[end - 1].is_space:
                        continue
                    words = [t.text for t in doc[start:end] if not t.is_space]
                    skill_ids = self.keys.get(compact_key("".join(words)))
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
        for i in np.flatnonzero(orths == self.hyphen).tolist():
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


class SkillContext(TaxonomyComponent):
    """Drops mentions of ambiguous forms that their context does not support."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.rules: dict[str, Skill] = {}
        self.governed: dict[str, frozenset[str] | None] = {}

    def load_taxonomy(self, nlp: Language, taxonomy: Taxonomy) -> None:
        self.rules = {s.id: s for s in taxonomy if s.context is not None}
        self.governed = {
            s.id: frozenset(normalize_form(f) for f in s.context.forms) or None
            for s in self.rules.values()
        }

    def _needs_check(self, text: str, mention: SkillMention) -> bool:
        if mention.caps_only:
            return True
        if mention.skill_id not in self.governed:
            return False
        forms = self.governed[mention.skill_id]
        return forms is None or (
            normalize_form(text[mention.start_char : mention.end_char]) in forms
        )

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        mentions = [m for m in doc._.skill_mentions if not _inside_hyphenated_name(doc, text, m)]
        pending = [m for m in mentions if self._needs_check(text, m)]
        if pending:
            anchored = np.zeros(len(doc), dtype=bool)
            for m in mentions:
                anchored[m.start : m.end] = True
            for m in pending:
                anchored[m.start : m.end] = False
            kept: set[int] = set()
            for _ in range(2):  # a second pass lets "R, Go" lean on each other once one is kept
                for m in pending:
                    if id(m) not in kept and self._supported(doc, m, anchored):
                        kept.add(id(m))
                        anchored[m.start : m.end] = True
            rejected = {id(m) for m in pending} - kept
            mentions = [m for m in mentions if id(m) not in rejected]
        doc._.skill_mentions = mentions
        return doc

    def _supported(self, doc: Doc, mention: SkillMention, anchored: np.ndarray) -> bool:
        skill = self.rules.get(mention.skill_id)
        rule = skill.context if skill else None
        if mention.caps_only and not _caps_line(doc_text(doc), mention):
            return False
        if rule is None:
            return True
        if rule.in_skill_list and _beside_listed_skill(doc, mention, anchored):
            return True  # "Python/Perl/Go for tooling": the list settles the meaning
        prev = doc[mention.start - 1].lower_ if mention.start > 0 else ""
        nxt = doc[mention.end].lower_ if mention.end < len(doc) else ""
        if prev in rule.not_after or nxt in rule.not_before:
            return False
        window = doc[max(0, mention.start - rule.window) : min(len(doc), mention.end + rule.window)]
        return bool(rule.any_of) and any(_word_in(t.lower_, rule.any_of) for t in window)


def _inside_hyphenated_name(doc: Doc, text: str, mention: SkillMention) -> bool:
    """Whether a short form starts a hyphenated name: "R-CNN", "JAX-RS", "Go-to"."""
    end = mention.end
    if (
        mention.end_char - mention.start_char > 3
        or text[mention.end_char : mention.end_char + 1] != "-"
    ):
        return False
    if end + 1 >= len(doc):
        return False
    after = doc[end + 1].text
    return after.isupper() or after.lower() == "to"


def _word_in(word: str, words: tuple[str, ...]) -> bool:
    return word in words or (word.endswith("s") and word[:-1] in words)


def _caps_line(text: str, mention: SkillMention) -> bool:
    start = text.rfind("\n", 0, mention.start_char) + 1
    end = text.find("\n", mention.end_char)
    letters = [c for c in text[start : end if end >= 0 else len(text)] if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _beside_listed_skill(doc: Doc, mention: SkillMention, anchored: np.ndarray) -> bool:
    """Whether the mention stands in a list next to another (accepted) skill mention."""
    for step, edge in ((-1, mention.start - 1), (1, mention.end)):
        i, glue = edge, 0
        while 0 <= i < len(doc) and glue <= 2:
            if anchored[i]:
                return True
            token = doc[i]
            if token.lower_ in _LIST_WORDS or not any(c.isalnum() for c in token.text):
                glue += 1
                i += step
                continue
            break
    return False


class SkillQualifiers:
    """Sets section, negation, requirement level and years on every mention, and publishes the
    mentions as ``doc.spans["skills"]``."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        strings = nlp.vocab.strings
        self.kinds: dict[int, str] = {}
        for kind, words in (
            ("negation_hints", NEGATION_HINTS),
            ("preferred_hints", PREFERRED_HINTS),
            ("year_hints", YEAR_HINTS),
            ("bounds", _CLAUSE_END_TOKENS),
        ):
            self.kinds.update((strings.add(w), kind) for w in words)
        self.hashes = _sorted_hashes(self.kinds)
        self.newline_hashes: dict[int, bool] = {}

    def _clause_index(self, doc: Doc, text: str) -> ClauseIndex:
        """Clause ends and cue words found from the token arrays, not by scanning the text."""
        arrays = token_arrays(doc)
        starts = arrays.offsets[0]
        found: dict[str, list[int]] = {
            "bounds": [], "negation_hints": [], "preferred_hints": [], "year_hints": []
        }  # fmt: skip
        lowers = arrays.lower
        hits = np.flatnonzero(in_sorted(lowers, self.hashes) | (arrays.is_space == 1))
        for i, lower in zip(hits.tolist(), lowers[hits].tolist(), strict=True):
            kind = self.kinds.get(lower)
            if kind is None:  # white space: a clause ends at a line break
                if lower not in self.newline_hashes:
                    self.newline_hashes[lower] = "\n" in doc.vocab.strings[lower]
                if self.newline_hashes[lower]:
                    found["bounds"].append(starts[i] + doc.vocab.strings[lower].index("\n"))
            else:
                found[kind].append(starts[i])
        return ClauseIndex(text, **found)

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        sections = doc._.sections or section_map(text, doc._.doc_kind)
        clauses = self._clause_index(doc, text)
        is_job = doc._.doc_kind == "job"
        mentions: list[SkillMention] = sorted(
            doc._.skill_mentions or (), key=lambda m: (m.start, m.skill_id)
        )
        doc._.skill_mentions = mentions
        for m in mentions:
            start, end = m.start_char, m.end_char
            clause = clauses.clause(start, end)
            m.section = sections.at(start)
            m.negated = clauses.is_negated(start, end, clause)
            m.years = clauses.years_near(start, end, clause)
            if is_job:
                preferred = m.section == "preferred" or clauses.preferred_cue(start, end, clause)
                m.level = "preferred" if preferred else "required"
        doc.spans[SPAN_KEY] = [Span(doc, m.start, m.end, label=m.skill_id) for m in mentions]
        return doc


@Language.factory("skill_sections")
def make_skill_sections(nlp: Language, name: str) -> SkillSections:
    return SkillSections()


@Language.factory("skill_matcher")
def make_skill_matcher(nlp: Language, name: str) -> SkillMatcher:
    return SkillMatcher(nlp, name)


@Language.factory(
    "skill_fuzzy",
    default_config={"threshold": FUZZY_THRESHOLD, "min_length": FUZZY_MIN_LENGTH},
)
def make_skill_fuzzy(nlp: Language, name: str, threshold: float, min_length: int) -> SkillFuzzy:
    return SkillFuzzy(nlp, name, threshold, min_length)


@Language.factory("skill_context")
def make_skill_context(nlp: Language, name: str) -> SkillContext:
    return SkillContext(nlp, name)


@Language.factory("skill_qualifiers")
def make_skill_qualifiers(nlp: Language, name: str) -> SkillQualifiers:
    return SkillQualifiers(nlp, name)
