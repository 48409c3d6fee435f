"""``skill_context``: keeps ambiguous forms (``R``, ``Go``, ``Spark``) only where the context
supports them."""

from __future__ import annotations

import re

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc

from skillgap.extraction.components.base import Patterns, TaxonomyComponent
from skillgap.extraction.doc_data import (
    MENTIONS_KEY,
    SECTIONS_KEY,
    SkillMention,
    doc_kind,
    doc_text,
    token_arrays,
)
from skillgap.extraction.english import is_english_word
from skillgap.extraction.forms import spelling_variants
from skillgap.taxonomy import ContextRule, Taxonomy, normalize_form

_LIST_WORDS = {"and", "or", "&"}
_WORD_LISTS = ("forms", "any_of", "not_before", "not_after")


class SkillContext(TaxonomyComponent):
    """Drops mentions of ambiguous forms that their context does not support."""

    def patterns_of(self, taxonomy: Taxonomy) -> Patterns:
        return [
            {
                "id": skill.id,
                "window": skill.context.window,
                "in_skill_list": skill.context.in_skill_list,
                **{field: list(getattr(skill.context, field)) for field in _WORD_LISTS},
            }
            for skill in taxonomy
            if skill.context is not None
        ]

    def build(self, patterns: Patterns) -> None:
        self.rules: dict[str, ContextRule] = {
            p["id"]: ContextRule(
                window=p["window"],
                in_skill_list=p["in_skill_list"],
                **{field: tuple(p[field]) for field in _WORD_LISTS},
            )
            for p in patterns
        }
        self.governed: dict[str, frozenset[str] | None] = {  # a form's plurals too
            skill_id: frozenset().union(*map(spelling_variants, rule.forms)) or None
            for skill_id, rule in self.rules.items()
        }
        strings = self.nlp.vocab.strings
        self.support_words: dict[str, frozenset[int]] = {  # each word of any_of, or it plus "s"
            skill_id: frozenset(strings.add(w + s) for w in rule.any_of for s in ("", "s"))
            for skill_id, rule in self.rules.items()
        }
        self.list_words = frozenset(strings.add(w) for w in _LIST_WORDS)

    def _needs_check(self, text: str, mention: SkillMention) -> bool:
        if mention.caps_only:
            return True
        if mention.skill_id not in self.governed:
            return False
        forms = self.governed[mention.skill_id]
        return forms is None or (
            normalize_form(text[mention.start_char : mention.end_char]) in forms
        )

    def process(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        mentions = [
            m
            for m in doc.user_data.get(MENTIONS_KEY) or ()
            if not (_inside_hyphenated_name(doc, text, m) or _inside_compound(text, m))
        ]
        pending = [m for m in mentions if self._needs_check(text, m)]
        if pending:
            anchored = np.zeros(len(doc), dtype=bool)
            for m in mentions:
                anchored[m.start : m.end] = True
            for m in pending:
                anchored[m.start : m.end] = False
            nested = {id(m) for m in pending if _inside_other_mention(m, mentions)}
            kept: set[int] = set()
            for _ in range(2):  # a second pass lets "R, Go" lean on each other once one is kept
                for m in pending:
                    listed = id(m) not in nested
                    if id(m) not in kept and self._supported(doc, m, anchored, listed):
                        kept.add(id(m))
                        anchored[m.start : m.end] = True
            rejected = {id(m) for m in pending} - kept
            mentions = [m for m in mentions if id(m) not in rejected]
        doc.user_data[MENTIONS_KEY] = mentions
        return doc

    def _supported(
        self, doc: Doc, mention: SkillMention, anchored: np.ndarray, listed: bool
    ) -> bool:
        """Whether the context keeps ``mention``; ``listed``: it may lean on the skills listed
        beside it (not so inside another skill's mention, whose own words would be its list)."""
        rule = self.rules.get(mention.skill_id)
        if mention.caps_only and not _caps_line(doc_text(doc), mention):
            return False
        if rule is None:
            return True
        in_list = listed and rule.in_skill_list
        if in_list and _beside_listed_skill(doc, mention, anchored, self.list_words):
            return True  # "Python/Perl/Go for tooling": the list settles the meaning
        prev = doc[mention.start - 1].lower_ if mention.start > 0 else ""
        nxt = doc[mention.end].lower_ if mention.end < len(doc) else ""
        if prev in rule.not_after or nxt in rule.not_before:
            return False
        if _in_skills_section(doc, mention):
            return True  # a resume's skills section names skills ("Bootstrap inference" aside)
        lowers = token_arrays(doc).lower
        window = lowers[max(0, mention.start - rule.window) : mention.end + rule.window].tolist()
        return not self.support_words[mention.skill_id].isdisjoint(window)


def _inside_other_mention(mention: SkillMention, mentions: list[SkillMention]) -> bool:
    """Whether another skill's mention covers some of the mention's tokens: "Partner with the
    leadership team" (collaboration) or "design analytical databases" (data modeling) holds a
    word, not a list of skills."""
    return any(
        other.skill_id != mention.skill_id
        and other.start < mention.end
        and mention.start < other.end
        for other in mentions
    )


def _in_skills_section(doc: Doc, mention: SkillMention) -> bool:
    """Whether the mention stands in a resume's skills section, where a list names tools only
    ("Tools: Excel, R Studio")."""
    sections = doc.user_data.get(SECTIONS_KEY)
    return (
        doc_kind(doc) == "resume"
        and sections is not None
        and sections.at(mention.start_char) == "skills"
    )


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


_COMPOUND_PREFIX_RE = re.compile(r"([a-z]{4,})-$")


def _inside_compound(text: str, mention: SkillMention) -> bool:
    """Whether a lower-case name of several words starts inside a compound of English words:
    "cutting-edge AI" is no edge AI (while "non-linear regression", "Developer-PL/SQL" and
    "Scientist-Machine Learning" keep their names)."""
    start = mention.start_char
    if text[start - 1 : start] != "-" or mention.end - mention.start < 2:
        return False
    if not text[start : start + 1].islower():
        return False
    prefix = _COMPOUND_PREFIX_RE.search(text, max(0, start - 30), start)
    return prefix is not None and is_english_word(prefix.group(1))


def _caps_line(text: str, mention: SkillMention) -> bool:
    start = text.rfind("\n", 0, mention.start_char) + 1
    end = text.find("\n", mention.end_char)
    letters = [c for c in text[start : end if end >= 0 else len(text)] if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _beside_listed_skill(
    doc: Doc, mention: SkillMention, anchored: np.ndarray, list_words: frozenset[int]
) -> bool:
    """Whether the mention stands in a list next to another (accepted) skill mention: only
    list words (hashes in ``list_words``) and punctuation between them."""
    arrays = token_arrays(doc)
    lowers, (starts, ends), text = arrays.lower, arrays.offsets, doc_text(doc)
    for step, edge in ((-1, mention.start - 1), (1, mention.end)):
        i, glue = edge, 0
        while 0 <= i < len(lowers) and glue <= 2:
            if anchored[i]:
                return True
            if int(lowers[i]) in list_words or not any(
                c.isalnum() for c in text[starts[i] : ends[i]]
            ):
                glue += 1
                i += step
                continue
            break
    return False


@Language.factory(
    "skill_context",
    assigns=["doc._.skillgap_mentions"],
    requires=["doc._.skillgap_mentions"],
)
def make_skill_context(nlp: Language, name: str) -> SkillContext:
    """The ``skill_context`` component; its rules come from ``initialize``."""
    return SkillContext(nlp, name)
