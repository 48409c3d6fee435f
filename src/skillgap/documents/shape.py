"""Texts of any shape cost time linear in their length: pathological runs are cut for the tokenizer.

spaCy's tokenizer peels prefixes and suffixes off a token one character at a time, so a run of
thousands of punctuation marks (``<<<<…``, quotes) costs quadratic time, and a megabyte-long
"word" is slow too; and a "sentence" tens of thousands of characters long (a text with no full
stop and no line break: one huge line of words) costs more per character the longer it is.
``tokenizable`` breaks such runs with spaces, and such sentences with line breaks (at a space),
replacing characters rather than inserting them, so every character offset into the result is an
offset into the original text:

>>> tokenizable("a " + "<" * 20 + " b")
'a <<<<<<<<<<<<<<<< <<< b'
>>> len(tokenizable("x" * 1000)) == 1000
True
"""

from __future__ import annotations

import re

MAX_PUNCTUATION_RUN = 16
MAX_WORD_CHARS = 256
MAX_SENTENCE_CHARS = 2000  # no real sentence is this long; an eval text has none near it
_PUNCTUATION_RUN = re.compile(rf"[^\w\s]{{{MAX_PUNCTUATION_RUN + 1},}}")
_LONG_RUN = re.compile(rf"\S{{{MAX_WORD_CHARS + 1},}}")
_QUICK_CHECK_CHARS = 200_000  # longer texts skip the word list the quick check builds
# anchored where a stretch begins, so a failed search is linear rather than a rescan per character
_LONG_SENTENCE = re.compile(rf"(?<![^.!?\n])[^.!?\n]{{{MAX_SENTENCE_CHARS + 1},}}")
_BREAK_AT = re.compile(rf"([^\n]{{{MAX_SENTENCE_CHARS // 2},{MAX_SENTENCE_CHARS - 1}}}) ")


def tokenizable(text: str) -> str:
    """``text`` with every run of more than ``MAX_PUNCTUATION_RUN`` punctuation marks, and every
    run of more than ``MAX_WORD_CHARS`` non-space characters, broken by spaces; and every stretch
    of more than ``MAX_SENTENCE_CHARS`` without a full stop or a line break given a line break
    (for a space) at least every ``MAX_SENTENCE_CHARS`` characters. The length never changes."""
    if (
        len(text) <= _QUICK_CHECK_CHARS
        and not _has_long_runs(text)
        and not _may_have_long_sentence(text)
    ):
        return text
    text = _PUNCTUATION_RUN.sub(lambda m: _break(m.group(), MAX_PUNCTUATION_RUN), text)
    text = _LONG_RUN.sub(lambda m: _break(m.group(), MAX_WORD_CHARS), text)
    return _LONG_SENTENCE.sub(lambda m: _BREAK_AT.sub(r"\1\n", m.group()), text)


def _has_long_runs(text: str) -> bool:
    """Whether ``text`` holds a run ``tokenizable`` breaks: both kinds lie inside one word, so
    only the long words need a look (~4x faster than the substitutions on a typical page)."""
    long_words = [w for w in text.split() if len(w) > MAX_PUNCTUATION_RUN]
    return bool(long_words) and (
        max(map(len, long_words)) > MAX_WORD_CHARS
        or _PUNCTUATION_RUN.search(" ".join(long_words)) is not None
    )


def _may_have_long_sentence(text: str) -> bool:
    """Whether ``text`` holds a stretch ``tokenizable`` breaks: one lies inside a line, so a text
    whose lines are all short has none (a split is ~5x faster than the expression's scan)."""
    if len(text) <= MAX_SENTENCE_CHARS:
        return False
    return max(map(len, text.split("\n"))) > MAX_SENTENCE_CHARS and bool(
        _LONG_SENTENCE.search(text)
    )


def _break(run: str, size: int) -> str:
    """``run`` with every ``size + 1``-th character replaced by a space."""
    step = size + 1
    return "".join(run[i : i + size] + " " for i in range(0, len(run), step))[: len(run)]
