"""``skill_matcher``: exact matching of every spelling variant of every taxonomy form."""

from __future__ import annotations

from collections import defaultdict

import numpy as np
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from skillgap.extraction.components.base import Patterns, TaxonomyComponent
from skillgap.extraction.doc_data import (
    MENTIONS_KEY,
    LineBreaks,
    SkillMention,
    TakenTokens,
    doc_text,
    in_sorted,
    new_mention,
    sorted_hashes,
    token_arrays,
    token_offsets,
)
from skillgap.extraction.forms import spelling_variants
from skillgap.extraction.token_cache import pattern_docs
from skillgap.taxonomy import Taxonomy
from skillgap.taxonomy.phrases import CLAUSE_ENDS, Slots, match_at, parse_phrase

_CAPS_PREFIX = "caps:"
_TITLE_PREFIX = "title:"
_PHRASE_REACH = 24  # tokens a phrase may span, gaps and line breaks included


class SkillMatcher(TaxonomyComponent):
    """Exact matching of taxonomy forms and their spelling variants with PhraseMatchers, of job
    titles (singular only: "Data Scientist" names the role, "data scientists" a team) and of
    verb-and-object phrases ("Collaborated with a team of engineers"); starts
    ``doc._.skillgap_mentions``."""

    def patterns_of(self, taxonomy: Taxonomy) -> Patterns:
        return [
            {
                "id": s.id,
                "forms": list(s.forms),
                "case_sensitive": list(s.case_sensitive),
                "titles": list(s.titles),
                "phrases": list(s.phrases),
            }
            for s in taxonomy
        ]

    def build(self, patterns: Patterns) -> None:
        vocab = self.nlp.vocab
        self.lower = PhraseMatcher(vocab, attr="LOWER")
        self.cased = PhraseMatcher(vocab, attr="ORTH")
        self.names: dict[str, set[str]] = {}
        # per first word's hash, each phrase as (skill id, slots of word hashes)
        self.phrases: dict[int, list[tuple[str, Slots[int]]]] = defaultdict(list)
        strings = vocab.strings
        # (matcher, key, pattern strings), added once every string has its Doc
        additions: list[tuple[PhraseMatcher, str, list[str]]] = []
        for skill in patterns:
            skill_id, forms, cased = skill["id"], skill["forms"], skill["case_sensitive"]
            titles = set().union(*(spelling_variants(t, plurals=False) for t in skill["titles"]))
            if titles:
                additions.append((self.lower, _TITLE_PREFIX + skill_id, sorted(titles)))
            for pattern in skill["phrases"]:
                slots = tuple(
                    None if slot is None else frozenset(strings.add(w) for w in slot)
                    for slot in parse_phrase(skill_id, pattern).slots
                )
                for word in slots[0] or ():
                    self.phrases[word].append((skill_id, slots))
            self.names[skill_id] = spelling_variants(forms[0])
            variants = set().union(*(spelling_variants(f) for f in forms))
            additions.append((self.lower, skill_id, sorted(variants)))
            if cased:
                additions.append((self.cased, skill_id, list(cased)))
                caps_forms = [f.lower() for f in cased if not f.isupper()]
                if caps_forms:  # "GO" and "SPARK" in all-caps lists, checked by skill_context
                    additions.append((self.lower, _CAPS_PREFIX + skill_id, caps_forms))
        docs = pattern_docs(self.nlp, (s for _, _, texts in additions for s in texts))
        for matcher, key, texts in additions:
            matcher.add(key, [docs[t] for t in texts])
        self.phrase_starts = sorted_hashes(self.phrases)
        self.clause_ends = sorted_hashes(strings.add(t) for t in CLAUSE_ENDS)
        self.line_breaks = LineBreaks(vocab)

    def process(self, doc: Doc) -> Doc:
        strings = self.nlp.vocab.strings
        found: dict[tuple[int, int], dict[str, str]] = defaultdict(dict)
        for match_id, start, end in self.cased(doc):
            found[start, end][strings[match_id]] = "cased"
        text = doc_text(doc)
        offsets = token_offsets(doc)
        for match_id, start, end in self.lower(doc):
            key = strings[match_id]
            if key.startswith(_TITLE_PREFIX):
                found[start, end].setdefault(key.removeprefix(_TITLE_PREFIX), "title")
            elif not key.startswith(_CAPS_PREFIX):
                found[start, end][key] = "lower"
            elif text[offsets[0][start] : offsets[1][end - 1]].isupper():
                found[start, end].setdefault(key.removeprefix(_CAPS_PREFIX), "caps")
        mentions: list[SkillMention] = []
        taken = TakenTokens(len(doc))
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
        mentions += self._phrase_mentions(doc, mentions)
        doc.user_data[MENTIONS_KEY] = mentions
        return doc

    def _phrase_mentions(self, doc: Doc, named: list[SkillMention]) -> list[SkillMention]:
        """Mentions of the skills' phrases, where no name of the same skill covers them."""
        if not self.phrases:
            return []
        arrays = token_arrays(doc)
        starts = np.flatnonzero(in_sorted(arrays.lower, self.phrase_starts)).tolist()
        if not starts:
            return []
        covered = {(m.skill_id, i) for m in named for i in range(m.start, m.end)}
        lowers, spaces = arrays.lower, arrays.is_space == 1
        all_words = np.where(spaces, 0, lowers).tolist()  # word hashes, 0 for white space
        all_breaks = in_sorted(lowers, self.clause_ends)
        for i in np.flatnonzero(spaces).tolist():
            all_breaks[i] = self.line_breaks.of(int(lowers[i]))[1] > 1  # a blank line
        breaks_list = all_breaks.tolist()
        out: list[SkillMention] = []
        for start in starts:
            words = all_words[start : start + _PHRASE_REACH]
            breaks = breaks_list[start : start + _PHRASE_REACH]
            present = set(words)
            done: set[str] = set()
            for skill_id, slots in self.phrases[words[0]]:
                if skill_id in done or (skill_id, start) in covered:
                    continue
                if slots[-1] is None or slots[-1].isdisjoint(present):
                    continue  # its last word is not in reach
                end = match_at(slots, words, breaks, 0)
                if end is None:
                    continue
                done.add(skill_id)
                out.append(new_mention(arrays.offsets, start, start + end, skill_id, "alias"))
        return out


@Language.factory("skill_matcher", assigns=["doc._.skillgap_mentions"])
def make_skill_matcher(nlp: Language, name: str) -> SkillMatcher:
    """The ``skill_matcher`` component; its patterns come from ``initialize``."""
    return SkillMatcher(nlp, name)
