"""``skill_matcher``: exact matching of every spelling variant of every taxonomy form."""

from __future__ import annotations

from collections import defaultdict

import numpy as np
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from skillgap.extraction.components.base import Patterns, TaxonomyComponent
from skillgap.extraction.doc_data import (
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
from skillgap.taxonomy.phrases import CLAUSE_ENDS, Phrase, match_at, parse_phrase

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
        self.phrases: dict[int, list[Phrase]] = defaultdict(list)
        strings = vocab.strings
        # (matcher, key, pattern strings), added once every string has its Doc
        additions: list[tuple[PhraseMatcher, str, list[str]]] = []
        for skill in patterns:
            skill_id, forms, cased = skill["id"], skill["forms"], skill["case_sensitive"]
            titles = set().union(*(spelling_variants(t, plurals=False) for t in skill["titles"]))
            if titles:
                additions.append((self.lower, _TITLE_PREFIX + skill_id, sorted(titles)))
            for pattern in skill["phrases"]:
                phrase = parse_phrase(skill_id, pattern)
                for word in phrase.slots[0] or ():
                    self.phrases[strings.add(word)].append(phrase)
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
        doc._.skillgap_mentions = mentions
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
        text = doc_text(doc)
        tokens = [text[a:b] for a, b in zip(*arrays.offsets, strict=True)]  # no Token objects
        all_words = ["" if t.isspace() else t.lower() for t in tokens]
        all_breaks = [t in CLAUSE_ENDS or t.count("\n") > 1 for t in tokens]
        out: list[SkillMention] = []
        for start in starts:
            words = all_words[start : start + _PHRASE_REACH]
            breaks = all_breaks[start : start + _PHRASE_REACH]
            done: set[str] = set()
            for phrase in self.phrases[int(arrays.lower[start])]:
                if phrase.skill_id in done or (phrase.skill_id, start) in covered:
                    continue
                end = match_at(phrase, words, breaks, 0)
                if end is None:
                    continue
                done.add(phrase.skill_id)
                out.append(
                    new_mention(arrays.offsets, start, start + end, phrase.skill_id, "alias")
                )
        return out


@Language.factory("skill_matcher", assigns=["doc._.skillgap_mentions"])
def make_skill_matcher(nlp: Language, name: str) -> SkillMatcher:
    """The ``skill_matcher`` component; its patterns come from ``initialize``."""
    return SkillMatcher(nlp, name)
