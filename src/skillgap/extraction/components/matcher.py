"""``skill_matcher``: exact matching of every spelling variant of every taxonomy form."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np
import spacy
from spacy.language import Language
from spacy.strings import StringStore
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from skillgap.extraction import forms
from skillgap.extraction.components.base import Patterns, TaxonomyComponent
from skillgap.extraction.doc_data import (
    MENTIONS_KEY,
    HashKeys,
    SkillMention,
    TakenTokens,
    doc_text,
    new_mention,
    pair_hashes,
    space_tokens,
    token_arrays,
)
from skillgap.extraction.forms import spelling_variants
from skillgap.extraction.token_cache import Tokens, tokenized
from skillgap.taxonomy import Taxonomy
from skillgap.taxonomy.phrases import CLAUSE_ENDS, Slots, match_at, parse_phrase
from skillgap.user_cache import all_strings, cache_file, read_json, write_json

_CAPS_PREFIX = "caps:"
_TITLE_PREFIX = "title:"
_PHRASE_REACH = 24  # tokens a phrase may span, gaps and line breaks included
_TABLES_PREFIX = "name-tables-"
_COORDINATORS = (",", "and", "or", "/", "&", "and/or", "nor")
_MAX_SHARED = 4  # "supervised, unsupervised and reinforcement learning": words sharing one head


class TokenSequences:
    """Token sequences by the string hashes of their words (lower-cased or as written), each with
    the keys it stands for: spaCy's PhraseMatcher without a pattern ``Doc`` per sequence, which
    made up most of the start-up."""

    def __init__(self, strings: StringStore, lower: bool):
        self.strings = strings
        self.lower = lower
        self.keys: dict[tuple[int, ...], list[str]] = defaultdict(list)
        self._hashes: dict[str, int] = {}  # per word, while adding: most words recur
        self.singles = HashKeys(())  # the one-word sequences
        self.pairs = HashKeys(())  # the first two words of the longer ones (pair_hashes)
        self.lengths: dict[int, list[int]] = {}  # per such pair, the lengths of its sequences

    def add(self, key: str, sequences: Iterable[Tokens]) -> None:
        """Add ``sequences`` (tokens with their trailing white space) under ``key``."""
        for tokens in sequences:
            words = [t if t.isspace() or not t.endswith(" ") else t[:-1] for t in tokens]
            hashes = tuple(self._hash(w.lower() if self.lower else w) for w in words)
            keys = self.keys[hashes]
            if key not in keys:
                keys.append(key)

    def entries(self) -> list[list[Any]]:
        """Every sequence and its keys, as JSON can hold them (for ``add_entries``)."""
        return [[list(hashes), keys] for hashes, keys in self.keys.items()]

    def add_entries(self, entries: list[list[Any]]) -> None:
        """Add what ``entries`` gave; ``ValueError`` if they are not of its shape."""
        for hashes, keys in entries:
            if not (hashes and keys and all_strings(keys)):
                raise ValueError("not a token-sequence entry")
            self.keys[tuple(map(int, hashes))] = list(keys)

    def _hash(self, word: str) -> int:
        found = self._hashes.get(word)
        if found is None:
            found = self._hashes[word] = self.strings[word]
        return found

    def freeze(self) -> None:
        """Ready the tables for ``find`` once everything is added."""
        self._hashes.clear()
        self.keys = dict(self.keys)
        self.singles = HashKeys(h[0] for h in self.keys if len(h) == 1)
        longer = [h for h in self.keys if len(h) > 1]
        pairs = pair_hashes(
            np.array([h[0] for h in longer], dtype=np.uint64),
            np.array([h[1] for h in longer], dtype=np.uint64),
        ).tolist()
        lengths: dict[int, set[int]] = defaultdict(set)
        for pair, sequence in zip(pairs, longer, strict=True):
            lengths[pair].add(len(sequence))
        self.lengths = {pair: sorted(n) for pair, n in lengths.items()}
        self.pairs = HashKeys(self.lengths)

    def find(self, hashes: np.ndarray) -> list[tuple[str, int, int]]:
        """(key, start, end) of every sequence in the token hashes ``hashes``, overlaps included:
        one-word sequences straight from a vectorised look-up, longer ones where a sequence's
        first two words stand."""
        found: list[tuple[str, int, int]] = []
        keys = self.keys
        at = self.singles.where(hashes)
        for start, word in zip(at.tolist(), hashes[at].tolist(), strict=True):
            found += [(key, start, start + 1) for key in keys[(word,)]]
        size = len(hashes)
        if size < 2:
            return found
        pairs = pair_hashes(hashes[:-1], hashes[1:])
        at = self.pairs.where(pairs)
        words = hashes.tolist() if len(at) else []  # one list: slicing it beats slicing NumPy
        for start, pair in zip(at.tolist(), pairs[at].tolist(), strict=True):
            for length in self.lengths[pair]:
                if start + length > size:
                    break
                sequence = tuple(words[start : start + length])
                found += [(key, start, start + length) for key in keys.get(sequence, ())]
        return found


class SkillMatcher(TaxonomyComponent):
    """Exact matching of taxonomy forms and their spelling variants by token hashes, of job
    titles (singular only: "Data Scientist" names the role, "data scientists" a team), of
    names whose head word is shared ("supervised and unsupervised learning") and of
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
        self.lower = TokenSequences(vocab.strings, lower=True)
        self.cased = TokenSequences(vocab.strings, lower=False)
        self.names: dict[str, frozenset[str]] = {}
        # per first word's hash, each phrase as (skill id, slots of word hashes)
        self.phrases: dict[int, list[tuple[str, Slots[int]]]] = defaultdict(list)
        strings = vocab.strings
        for skill in patterns:
            for pattern in skill["phrases"]:
                slots = tuple(
                    None if slot is None else frozenset(strings.add(w) for w in slot)
                    for slot in parse_phrase(skill["id"], pattern).slots
                )
                for word in slots[0] or ():
                    self.phrases[word].append((skill["id"], slots))
        path = self._tables_file(patterns) if patterns else None
        if not (path and self._read_tables(path)):
            self._fill_tables(patterns)
            if path:
                write_json(path, self._tables(), _TABLES_PREFIX)
        self.lower.freeze()
        self.cased.freeze()
        self.phrase_starts = HashKeys(self.phrases)
        self.coordinators = frozenset(strings.add(w) for w in _COORDINATORS)
        self.comma = strings.add(",")
        self.clause_ends = HashKeys(strings.add(t) for t in CLAUSE_ENDS)

    def _fill_tables(self, patterns: Patterns) -> None:
        """The name tables from the spelling variants of every form, title and cased form."""
        # (table, key, pattern strings), added once every string is tokenized
        additions: list[tuple[TokenSequences, str, list[str]]] = []
        for skill in patterns:
            skill_id, forms, cased = skill["id"], skill["forms"], skill["case_sensitive"]
            titles = set().union(*(spelling_variants(t, plurals=False) for t in skill["titles"]))
            if titles:
                additions.append((self.lower, _TITLE_PREFIX + skill_id, sorted(titles)))
            self.names[skill_id] = spelling_variants(forms[0])
            variants = set().union(*(spelling_variants(f) for f in forms))
            additions.append((self.lower, skill_id, sorted(variants)))
            if cased:
                additions.append((self.cased, skill_id, list(cased)))
                caps_forms = [f.lower() for f in cased if not f.isupper()]
                if caps_forms:  # "GO" and "SPARK" in all-caps lists, checked by skill_context
                    additions.append((self.lower, _CAPS_PREFIX + skill_id, caps_forms))
        tokens = tokenized(self.nlp, (s for _, _, texts in additions for s in texts))
        for table, key, texts in additions:
            table.add(key, (tokens[t] for t in texts))

    def _tables(self) -> dict[str, Any]:
        return {
            "lower": self.lower.entries(),
            "cased": self.cased.entries(),
            "names": {skill_id: sorted(names) for skill_id, names in self.names.items()},
        }

    def _read_tables(self, path: Path) -> bool:
        """Fill the name tables from a cache file; False (and nothing filled) if it is unusable."""
        stored = read_json(path)
        try:
            self.lower.add_entries(stored["lower"])
            self.cased.add_entries(stored["cased"])
            self.names = {k: frozenset(map(str, v)) for k, v in stored["names"].items()}
        except (TypeError, KeyError, ValueError, AttributeError):
            strings = self.nlp.vocab.strings
            self.lower = TokenSequences(strings, lower=True)
            self.cased = TokenSequences(strings, lower=False)
            self.names = {}
            return False
        return True

    def _tables_file(self, patterns: Patterns) -> Path | None:
        """The cache file of the name tables: named by the patterns, the tokenizer's settings and
        the code that derives the tables (this module and the spelling rules)."""
        tokenizer = self.nlp.tokenizer
        if not isinstance(tokenizer, Tokenizer):
            return None
        names = [[p["id"], p["forms"], p["case_sensitive"], p["titles"]] for p in patterns]
        return cache_file(
            _TABLES_PREFIX,
            spacy.__version__,
            tokenizer.to_bytes(exclude=["vocab"]),
            json.dumps(names, ensure_ascii=False),
            Path(__file__),
            Path(forms.__file__),
        )

    def process(self, doc: Doc) -> Doc:
        found: dict[tuple[int, int], dict[str, str]] = defaultdict(dict)
        arrays = token_arrays(doc)
        for key, start, end in self.cased.find(arrays.orth):
            found[start, end][key] = "cased"
        text = doc_text(doc)
        offsets = arrays.offsets
        for key, start, end in self.lower.find(arrays.lower):
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
        mentions += self._shared_head_mentions(doc, mentions)
        mentions += self._phrase_mentions(doc, mentions)
        doc.user_data[MENTIONS_KEY] = mentions
        return doc

    def _shared_head_mentions(self, doc: Doc, named: list[SkillMention]) -> list[SkillMention]:
        """Names whose last words stand only once, after the last of the words that modify them:
        "supervised and unsupervised learning" names supervised learning too, and so do
        "supervised, unsupervised or reinforcement learning"; not so "deployment, data pipelines"
        (a list) or "AWS and Google Cloud" (a word that names a skill by itself). Each such
        mention spans from its own first word to the shared head."""
        arrays = token_arrays(doc)
        lowers = arrays.lower.tolist() if named else []
        keys = self.lower.keys
        starts = {m.start for m in named}
        out: list[SkillMention] = []
        for mention in named:
            if mention.end - mention.start < 2:
                continue
            head = tuple(lowers[mention.start + 1 : mention.end])
            at = mention.start - 1
            for link in range(_MAX_SHARED):
                first = at
                while at >= 0 and lowers[at] in self.coordinators and first - at < 2:
                    at -= 1
                if at == first or at < 0 or at in starts:
                    break  # "AWS and Google Cloud": two names, no shared head
                if link == 0 and lowers[at + 1 : first + 1] == [self.comma]:
                    break  # a comma alone next to the name separates items of a list
                found = [
                    k
                    for k in keys.get((lowers[at], *head), ())
                    if k != mention.skill_id and ":" not in k
                ]
                if not found:
                    break
                out += [new_mention(arrays.offsets, at, mention.end, k, "alias") for k in found]
                at -= 1
        return out

    def _phrase_mentions(self, doc: Doc, named: list[SkillMention]) -> list[SkillMention]:
        """Mentions of the skills' phrases, where no name of the same skill covers them."""
        if not self.phrases:
            return []
        arrays = token_arrays(doc)
        starts = self.phrase_starts.where(arrays.lower).tolist()
        if not starts:
            return []
        covered: set[tuple[str, int]] | None = None  # (skill id, token) named: built when asked
        lowers, spaces = arrays.lower, arrays.is_space == 1
        all_words = np.where(spaces, 0, lowers).tolist()  # word hashes, 0 for white space
        all_breaks = self.clause_ends.contains(lowers)
        all_breaks[space_tokens(doc).blank] = True  # no phrase runs across a blank line
        breaks_list = all_breaks.tolist()
        out: list[SkillMention] = []
        size = len(all_words)
        for start in starts:
            reach = min(size, start + _PHRASE_REACH)
            following = start + 1  # the next word, past a line break
            while following < reach and not all_words[following] and not breaks_list[following]:
                following += 1
            second = all_words[following] if following < reach and not breaks_list[following] else 0
            window: tuple[list[int], list[bool]] | None = None
            done: set[str] = set()
            for skill_id, slots in self.phrases[all_words[start]]:
                if skill_id in done:
                    continue
                if slots[1] is not None and second not in slots[1]:
                    continue  # its second word does not follow (most phrases end here)
                if window is None:
                    window = (all_words[start:reach], breaks_list[start:reach])
                words, breaks = window
                if slots[-1] is None or slots[-1].isdisjoint(words):
                    continue  # its last word is not in reach
                if covered is None:
                    covered = {(m.skill_id, i) for m in named for i in range(m.start, m.end)}
                if (skill_id, start) in covered:
                    continue
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
