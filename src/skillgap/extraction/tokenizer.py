"""The tokenizer: spaCy's English one, less its special cases for single white-space characters and
with a larger cache.

spaCy's tokenizer (3.8) stops caching words for the rest of a text once it has applied a special
case, and " ", "\\n" and "\\t" are special cases: after a text's first line break every word is
split by the prefix, suffix and infix expressions again, so a one-page resume tokenizes about 20
times slower than its words would from the cache. Those three rules give one token holding the
character and nothing else, exactly what the tokenizer makes of a lone white-space character
without a rule, so they are left out and the tokens stay identical (a test compares them with
``spacy.blank("en")``'s on every development document).

The tokenizer also keeps more chunks in its cache. spaCy caches at most 10,000 chunks (the
white-space-separated pieces of a text, such as "Python," or "(e.g."); a thousand postings hold some
34,000 distinct ones, so once the cache is full every chunk not in it goes through the affix
expressions again each time it appears. With room for ``CACHED_CHUNKS``, postings not seen before
tokenize about 1.4 times as fast after the first 2,000 (``extract`` as a whole gains 4-10%); a chunk
costs about 100 bytes, so the cache stays under 25 MB.

Other special cases ("e.g.", "don't", "U.S.") stop the caching too: a chunk first met after one of
them in its text is split by the expressions each time it appears, in every later text as well.
The tokenizer notes the chunks that reach the affix expressions (``find_prefix`` is where they go
first) and, once a chunk has done so twice, tokenizes it as a text of its own, which caches it
unless it holds a special case itself. On 1,000 postings read before, the tokenizer then takes
half the time. Tokens are the same: a chunk's tokens never depend on the text around it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import spacy
from spacy import util
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

TOKENIZER_NAME = "skillgap.english_tokenizer.v1"
CACHED_CHUNKS = 250_000


def _plain_white_space(string: str, tokens: list[dict[Any, Any]]) -> bool:
    """Whether a special case only restates what the tokenizer does anyway: one white-space
    character as one token with no other attribute."""
    return string in (" ", "\n", "\t") and tokens == [{ORTH: string}]


class EnglishTokenizer(Tokenizer):
    """spaCy's tokenizer, caching the chunks its special cases keep it from caching."""

    def __init__(self, *args: Any, **kwargs: Any):
        self._affixed: list[str] = []  # the strings that reached the affix expressions
        self._affixed_before: set[int] = set()  # hashes of those of earlier calls
        self._tried: set[int] = set()  # hashes of those tokenized on their own
        super().__init__(*args, **kwargs)

    def __call__(self, string: str) -> Doc:
        self._affixed.clear()  # loading special cases sends their strings to find_prefix too
        try:
            doc = super().__call__(string)
            if self._affixed:
                self._cache_recurring()
        finally:
            self._affixed.clear()  # a text's words are kept as hashes only
        return doc

    def find_prefix(self, string: str) -> int:
        """The prefix length (spaCy's method): every chunk not in the cache comes here first."""
        self._affixed.append(string)
        return super().find_prefix(string)

    def _cache_recurring(self) -> None:
        """Tokenize on its own each string that missed the cache in an earlier call as well."""
        before, tried = self._affixed_before, self._tried
        again = {h: s for s in self._affixed if (h := hash(s)) in before and h not in tried}
        if len(before) >= CACHED_CHUNKS:
            before.clear()  # the cache itself is full by now
            tried.clear()
        before.update(map(hash, self._affixed))
        tried.update(again)  # a string holding a special case misses the cache all the same
        for string in again.values():
            super().__call__(string)


@spacy.registry.tokenizers(TOKENIZER_NAME)
def create_tokenizer() -> Callable[[Language], EnglishTokenizer]:
    """The tokenizer factory named in the pipeline's config: the language's own prefixes,
    suffixes, infixes and URL and token matches, and its special cases less the white-space
    ones, with a larger cache."""

    def tokenizer_factory(nlp: Language) -> EnglishTokenizer:
        defaults = nlp.Defaults
        rules = {
            string: tokens
            for string, tokens in defaults.tokenizer_exceptions.items()
            if not _plain_white_space(string, tokens)
        }
        prefixes, suffixes, infixes = defaults.prefixes, defaults.suffixes, defaults.infixes
        return EnglishTokenizer(
            nlp.vocab,
            rules=rules,
            prefix_search=util.compile_prefix_regex(prefixes).search if prefixes else None,
            suffix_search=util.compile_suffix_regex(suffixes).search if suffixes else None,
            infix_finditer=util.compile_infix_regex(infixes).finditer if infixes else None,
            token_match=defaults.token_match,
            url_match=defaults.url_match,
            max_cache_size=CACHED_CHUNKS,
        )

    return tokenizer_factory
