"""``skill_qualifiers``: section, negation, requirement level and years for each mention, and the
final ``doc.spans["skills"]``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from skillgap.extraction.doc_data import (
    MENTIONS_KEY,
    RECORDS_ONLY_KEY,
    SECTIONS_KEY,
    SPAN_KEY,
    HashKeys,
    SkillMention,
    TokenArrays,
    doc_kind,
    doc_text,
    space_tokens,
    token_arrays,
)
from skillgap.extraction.qualifiers import (
    CLAUSE_END_TOKENS,
    DEGREE_LINK_HINTS,
    NEGATION_HINTS,
    PREFERRED_HINTS,
    STUDY_HINT_NEIGHBOURS,
    YEAR_HINTS,
    ClauseIndex,
)
from skillgap.extraction.sections import section_map
from skillgap.headings import PLANNED_SECTIONS

DEGREE_SECTION = "education"  # a posting's mention that names a degree subject


class SkillQualifiers:
    """Sets section, negation, requirement level and years on every mention, and publishes the
    mentions as ``doc.spans["skills"]`` (unless the Doc's ``RECORDS_ONLY_KEY`` user data says
    its caller reads the records only, as ``extract`` does)."""

    def __init__(self, nlp: Language):
        strings = nlp.vocab.strings
        self.kinds: dict[int, str] = {}
        for kind, words in (
            ("negation_hints", NEGATION_HINTS),
            ("preferred_hints", PREFERRED_HINTS),
            ("year_hints", YEAR_HINTS),
            ("degree_link_hints", DEGREE_LINK_HINTS),
            ("bounds", CLAUSE_END_TOKENS),
        ):
            self.kinds.update((strings.add(w), kind) for w in words)
        self.hashes = HashKeys(self.kinds)
        self.study_neighbours = {
            strings.add(word): tuple(frozenset(map(strings.add, side)) for side in sides)
            for word, sides in STUDY_HINT_NEIGHBOURS.items()
        }

    def _clause_index(self, doc: Doc, text: str) -> ClauseIndex:
        """Clause ends and cue words found from the token arrays, not by scanning the text."""
        arrays = token_arrays(doc)
        starts = arrays.offsets[0]
        found: dict[str, list[int]] = {
            "bounds": [], "negation_hints": [], "preferred_hints": [], "year_hints": [],
            "degree_link_hints": [],
        }  # fmt: skip
        lowers = arrays.lower
        hits = self.hashes.where(lowers)
        for i, lower in zip(hits.tolist(), lowers[hits].tolist(), strict=True):
            if lower not in self.study_neighbours or self._cues_study(arrays, i, lower):
                found[self.kinds[lower]].append(starts[i])
        found["bounds"] = sorted(found["bounds"] + space_tokens(doc).breaks)  # and line breaks
        return ClauseIndex(text, **found)

    def _cues_study(self, arrays: TokenArrays, i: int, word: int) -> bool:
        """Whether the study word at token ``i`` stands beside a word that makes it a cue (the
        nearest tokens either side, white space skipped)."""
        before, after = self.study_neighbours[word]
        return _word_at(arrays, i, -1) in before or _word_at(arrays, i, 1) in after

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        kind = doc_kind(doc)
        sections = doc.user_data.get(SECTIONS_KEY) or section_map(text, kind)
        clauses = self._clause_index(doc, text)
        mentions: list[SkillMention] = sorted(
            doc.user_data.get(MENTIONS_KEY) or (), key=lambda m: (m.start, m.skill_id)
        )
        doc.user_data[MENTIONS_KEY] = mentions
        for m in mentions:
            start, end = m.start_char, m.end_char
            clause = clauses.clause(start, end)
            m.section = sections.at(start)
            m.negated = m.section in PLANNED_SECTIONS or clauses.is_negated(start, end, clause)
            m.years = clauses.years_near(start, end, clause)
            if m.years is None:
                m.years = clauses.list_years(start)
            if kind == "job":
                m.level = clauses.level(m.section, start, end, clause)
                if clauses.degree_subject(start, clause):
                    m.section = DEGREE_SECTION
        if not doc.user_data.get(RECORDS_ONLY_KEY):
            doc.spans[SPAN_KEY] = [Span(doc, m.start, m.end, label=m.skill_id) for m in mentions]
        return doc


def _word_at(arrays: TokenArrays, i: int, step: int) -> int:
    """The lower-case hash of the nearest token that is not white space from token ``i`` in the
    direction ``step`` (0 past either end)."""
    i += step
    while 0 <= i < len(arrays.lower) and arrays.is_space[i]:
        i += step
    return int(arrays.lower[i]) if 0 <= i < len(arrays.lower) else 0


@Language.factory(
    "skill_qualifiers",
    assigns=["doc.spans", "doc._.skillgap_mentions", "span._.skillgap_mention"],
    requires=["doc._.skillgap_kind", "doc._.skillgap_sections", "doc._.skillgap_mentions"],
)
def make_skill_qualifiers(nlp: Language, name: str) -> SkillQualifiers:
    """The ``skill_qualifiers`` component; put it last."""
    return SkillQualifiers(nlp)
