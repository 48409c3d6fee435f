"""spaCy pipeline components that find skills and qualify each mention.

The components run in this order on a Doc whose ``doc._.doc_kind`` is set ("resume" or "job"):

1. ``skill_sections``: maps characters to sections (``doc._.sections``).
2. ``skill_matcher``: phrase matching of every spelling variant of every taxonomy form.
3. ``skill_fuzzy``: version suffixes, joined compounds and typos, by compact keys and rapidfuzz.
4. ``skill_context``: keeps ambiguous forms (``R``, ``Go``, ``Spark``) only where the context
   supports them.
5. ``skill_qualifiers``: section, negation, requirement level and years for each mention.

Mentions are Spans in ``doc.spans["skills"]``, labelled with the skill id; their extension
attributes (``span._.skill_match`` and friends) hold the evidence. Components get the taxonomy
through ``initialize(..., taxonomy=...)``, as spaCy's own rule-based components get patterns.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable

import numpy as np
from rapidfuzz import fuzz, process
from spacy.attrs import LOWER
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from skillgap.forms import compact_key, spelling_variants, strip_version
from skillgap.qualifiers import is_negated, preferred_cue, years_near
from skillgap.sections import section_map
from skillgap.taxonomy import Skill, Taxonomy

SPAN_KEY = "skills"
FUZZY_THRESHOLD = 90.0
FUZZY_MIN_LENGTH = 6
_LIST_GLUE = {",", "/", "|", "&", "(", ")", ";", ":", "and", "or", "•", "-", "+", "·", "*"}
_COMPOUND_RE = re.compile(r"[A-Za-z][A-Za-z0-9+#]*(?:[-.][A-Za-z0-9+#]+)+")

for _name, _default in (
    ("skill_match", None),
    ("skill_score", 100.0),
    ("skill_section", "other"),
    ("skill_level", None),
    ("skill_years", None),
    ("skill_negated", False),
    ("skill_caps_only", False),
):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=_default)
for _name, _default in (("doc_kind", "job"), ("sections", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


def _add_span(doc: Doc, start: int, end: int, skill_id: str, match: str, score: float = 100.0):
    span = Span(doc, start, end, label=skill_id)
    span._.skill_match = match
    span._.skill_score = score
    doc.spans[SPAN_KEY].append(span)
    return span


class SkillSections:
    """Sets ``doc._.sections``, a :class:`skillgap.sections.SectionMap`."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.sections = section_map(doc.text, doc._.doc_kind)
        return doc


class SkillMatcher:
    """Exact matching of taxonomy forms and their spelling variants with PhraseMatchers."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.vocab = nlp.vocab
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.cased = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.caps = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.names: dict[str, set[str]] = {}

    def initialize(
        self,
        get_examples: Callable[[], Iterable] | None = None,
        *,
        nlp: Language,
        taxonomy: Taxonomy,
    ) -> None:
        self.names = {s.id: spelling_variants(s.name) for s in taxonomy}
        for skill in taxonomy:
            variants = set().union(*(spelling_variants(f) for f in skill.forms))
            self.lower.add(skill.id, [nlp.make_doc(v) for v in sorted(variants)])
            if skill.case_sensitive:
                self.cased.add(skill.id, [nlp.make_doc(f) for f in skill.case_sensitive])
                caps_forms = [f for f in skill.case_sensitive if not f.isupper()]
                if caps_forms:
                    self.caps.add(skill.id, [nlp.make_doc(f.lower()) for f in caps_forms])

    def __call__(self, doc: Doc) -> Doc:
        strings = self.vocab.strings
        found: dict[tuple[int, int], dict[str, str]] = defaultdict(dict)
        for match_id, start, end in self.cased(doc):
            found[start, end][strings[match_id]] = "cased"
        for match_id, start, end in self.lower(doc):
            found[start, end][strings[match_id]] = "lower"
        for match_id, start, end in self.caps(doc):
            if doc[start:end].text.isupper():
                found[start, end].setdefault(strings[match_id], "caps")
        doc.spans[SPAN_KEY] = []
        taken = np.zeros(len(doc) + 1, dtype=bool)
        for start, end in sorted(found, key=lambda r: (r[0] - r[1], r[0])):
            if taken[start:end].any():
                continue
            taken[start:end] = True
            text = doc[start:end].text
            for skill_id, how in sorted(found[start, end].items()):
                exact = text.lower() in self.names.get(skill_id, ())
                span = _add_span(doc, start, end, skill_id, "exact" if exact else "alias")
                span._.skill_caps_only = how == "caps"
        return doc


class SkillFuzzy:
    """Finds what exact matching misses: version suffixes ("Tensorflow2"), compounds written with
    other separators ("Sci-Kit-Learn") and typos ("Pytorh"), by compact keys and rapidfuzz.

    Results are cached per distinct lower-cased token, so after warm-up a document costs one dict
    look-up per distinct word.
    """

    def __init__(self, nlp: Language, name: str, threshold: float, min_length: int) -> None:
        self.name = name
        self.vocab = nlp.vocab
        self.threshold = threshold
        self.min_length = min_length
        self.keys: dict[str, tuple[str, ...]] = {}
        self.buckets: dict[str, list[str]] = {}
        self.cache: dict[int, tuple[tuple[str, ...], str, float] | None] = {}

    def initialize(
        self,
        get_examples: Callable[[], Iterable] | None = None,
        *,
        nlp: Language,
        taxonomy: Taxonomy,
    ) -> None:
        keys: dict[str, set[str]] = defaultdict(set)
        for skill in taxonomy:
            if not skill.fuzzy:
                continue
            for form in skill.forms:
                for variant in spelling_variants(form):
                    key = compact_key(variant)
                    if len(key) >= 3:
                        keys[key].add(skill.id)
        self.keys = {k: tuple(sorted(v)) for k, v in keys.items()}
        buckets: dict[str, list[str]] = defaultdict(list)
        for key in self.keys:
            if len(key) >= self.min_length and key.isalpha():
                buckets[key[0]].append(key)
        self.buckets = dict(buckets)
        self.cache = {}

    def lookup(self, word: str) -> tuple[tuple[str, ...], str, float] | None:
        """Skill ids a single word stands for, how it matched and the score."""
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
        choices = [c for c in self.buckets.get(key[0], ()) if abs(len(c) - len(key)) <= 2]
        best = process.extractOne(key, choices, scorer=fuzz.ratio, score_cutoff=self.threshold)
        if best is None:
            return None
        return self.keys[best[0]], "fuzzy", round(float(best[1]), 1)

    def __call__(self, doc: Doc) -> Doc:
        strings = self.vocab.strings
        hits: dict[int, tuple[tuple[str, ...], str, float]] = {}
        for lower_hash in doc.count_by(LOWER):
            result = self.cache.get(lower_hash, False)
            if result is False:
                result = self.lookup(strings[lower_hash])
                self.cache[lower_hash] = result
            if result is not None:
                hits[lower_hash] = result
        taken = np.zeros(len(doc), dtype=bool)
        for span in doc.spans[SPAN_KEY]:
            taken[span.start : span.end] = True
        for start_char, end_char in self._compounds(doc.text):
            span = doc.char_span(start_char, end_char, alignment_mode="expand")
            if span is None or taken[span.start : span.end].any():
                continue
            found = self.keys.get(compact_key(span.text))
            if found:
                taken[span.start : span.end] = True
                for skill_id in found:
                    _add_span(doc, span.start, span.end, skill_id, "alias")
        if hits:
            lowers = doc.to_array(LOWER)
            for lower_hash, (skill_ids, how, score) in hits.items():
                for i in np.flatnonzero(lowers == np.uint64(lower_hash)):
                    if taken[i]:
                        continue
                    taken[i] = True
                    for skill_id in skill_ids:
                        _add_span(doc, int(i), int(i) + 1, skill_id, how, score)
        return doc

    def _compounds(self, text: str) -> Iterable[tuple[int, int]]:
        for m in _COMPOUND_RE.finditer(text):
            if len(m.group()) >= 4 and compact_key(m.group()) in self.keys:
                yield m.start(), m.end()


class SkillContext:
    """Drops mentions of ambiguous forms that their context does not support."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.rules: dict[str, Skill] = {}

    def initialize(
        self,
        get_examples: Callable[[], Iterable] | None = None,
        *,
        nlp: Language,
        taxonomy: Taxonomy,
    ) -> None:
        self.rules = {s.id: s for s in taxonomy if s.context is not None}

    def _needs_check(self, span: Span) -> bool:
        skill = self.rules.get(span.label_)
        if span._.skill_caps_only:
            return True
        return skill is not None and skill.context.applies_to(span.text)

    def __call__(self, doc: Doc) -> Doc:
        spans = list(doc.spans[SPAN_KEY])
        if not spans:
            return doc
        pending = [s for s in spans if self._needs_check(s)]
        if not pending:
            return doc
        anchored = np.zeros(len(doc), dtype=bool)
        for span in spans:
            if not self._needs_check(span):
                anchored[span.start : span.end] = True
        kept: set[int] = set()
        for _ in range(2):  # a second pass lets "R, Go" lean on each other once one is kept
            for span in pending:
                if id(span) not in kept and self._supported(doc, span, anchored):
                    kept.add(id(span))
                    anchored[span.start : span.end] = True
        doc.spans[SPAN_KEY] = [s for s in spans if s not in pending or id(s) in kept]
        return doc

    def _supported(self, doc: Doc, span: Span, anchored: np.ndarray) -> bool:
        skill = self.rules.get(span.label_)
        rule = skill.context if skill else None
        if span._.skill_caps_only and not _caps_line(doc, span):
            return False
        if rule is None:
            return True
        prev = doc[span.start - 1].lower_ if span.start > 0 else ""
        nxt = doc[span.end].lower_ if span.end < len(doc) else ""
        if prev in rule.not_after or nxt in rule.not_before:
            return False
        window = doc[max(0, span.start - rule.window) : min(len(doc), span.end + rule.window)]
        if rule.any_of and any(_word_in(t.lower_, rule.any_of) for t in window):
            return True
        return rule.in_skill_list and _beside_listed_skill(doc, span, anchored)


def _word_in(word: str, words: tuple[str, ...]) -> bool:
    return word in words or (word.endswith("s") and word[:-1] in words)


def _caps_line(doc: Doc, span: Span) -> bool:
    text = doc.text
    start = text.rfind("\n", 0, span.start_char) + 1
    end = text.find("\n", span.end_char)
    letters = [c for c in text[start : end if end >= 0 else len(text)] if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _beside_listed_skill(doc: Doc, span: Span, anchored: np.ndarray) -> bool:
    """Whether the span stands in a list next to another (accepted) skill mention."""
    for step, edge in ((-1, span.start - 1), (1, span.end)):
        i, glue = edge, 0
        while 0 <= i < len(doc) and glue <= 2:
            token = doc[i]
            if anchored[i]:
                return True
            if token.lower_ in _LIST_GLUE or token.is_space:
                glue += 1
                i += step
                continue
            break
    return False


class SkillQualifiers:
    """Sets section, negation, requirement level and years on every mention."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        sections = doc._.sections or section_map(text, doc._.doc_kind)
        is_job = doc._.doc_kind == "job"
        for span in doc.spans[SPAN_KEY]:
            start, end = span.start_char, span.end_char
            span._.skill_section = sections.at(start)
            span._.skill_negated = is_negated(text, start, end)
            span._.skill_years = years_near(text, start, end)
            if is_job:
                preferred = span._.skill_section == "preferred" or preferred_cue(text, start, end)
                span._.skill_level = "preferred" if preferred else "required"
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
