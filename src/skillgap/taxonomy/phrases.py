"""Skills stated as verbs and their objects rather than names: a taxonomy skill's ``phrases``.

A phrase is a short pattern of words, each slot one word with ``|`` between alternatives and
``...`` for a gap of up to ``MAX_GAP`` words inside one clause (a hyphenated word, "multi-team",
matches as the tokens it is split into)::

    collaborate|partner with ... team|stakeholder|engineer

Every word also matches its inflections, made by rule (``collaborate`` finds "collaborates",
"collaborated", "collaborating"; ``team`` finds "teams"; ``lead`` finds "led"), so the taxonomy
names a lemma once. Words are compared lower-cased, token by token; a line break inside a phrase
is allowed ("Collaborating with\\nback-end developers"), a blank line or sentence punctuation is
not.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

GAP = "..."
MAX_GAP = 8
# the irregular forms the built-in phrases need; a rule-made form that is no word never matches
_IRREGULAR = {
    "lead": ("led",), "build": ("built",), "write": ("wrote", "written"),
    "take": ("took", "taken"), "teach": ("taught",), "make": ("made",), "bring": ("brought",),
    "drive": ("drove", "driven"), "speak": ("spoke", "spoken"), "think": ("thought",),
    "run": ("ran",), "grow": ("grew", "grown"), "give": ("gave", "given"),
}  # fmt: skip
# tokens a phrase never runs across
CLAUSE_ENDS = frozenset((".", "!", "?", ";", "•", "·", "|"))


class PhraseError(ValueError):
    """A phrase pattern that cannot be used (empty slot, a gap at an end or twice in a row)."""


def inflections(word: str) -> frozenset[str]:
    """A lower-case word and the inflected forms rules make of it (nouns and verbs alike).

    >>> sorted(inflections("collaborate"))
    ['collaborate', 'collaborated', 'collaborates', 'collaborating']
    >>> sorted(inflections("plan"))
    ['plan', 'planed', 'planing', 'planned', 'planning', 'plans']
    """
    w = word.lower()
    out = {w, *_IRREGULAR.get(w, ())}
    if not w.isalpha() or len(w) < 3:
        return frozenset(out)
    if w.endswith("e"):
        out |= {w + "s", w + "d", w[:-1] + "ing"}
    elif w.endswith("y") and w[-2] not in "aeiou":
        out |= {w[:-1] + "ies", w[:-1] + "ied", w + "ing"}
    elif w.endswith(("s", "x", "z", "ch", "sh")):
        out |= {w + "es", w + "ed", w + "ing"}
    else:
        out |= {w + "s", w + "ed", w + "ing"}
        if w[-1] not in "aeiouwxy" and w[-2] in "aeiou" and w[-3] not in "aeiou":
            out |= {w + w[-1] + "ed", w + w[-1] + "ing"}  # "planned", "mapping"
    return frozenset(out)


@dataclass(frozen=True)
class Phrase:
    """A compiled phrase: per slot the set of lower-case words it accepts (None: a gap)."""

    skill_id: str
    slots: tuple[frozenset[str] | None, ...]


def parse_phrase(skill_id: str, pattern: str) -> Phrase:
    """Compile ``pattern`` for ``skill_id``; :class:`PhraseError` says what is wrong with it."""
    slots: list[frozenset[str] | None] = []
    for part in pattern.split():
        if part == GAP:
            if not slots or slots[-1] is None:
                raise PhraseError(f"phrase {pattern!r}: '...' must stand between two words")
            slots.append(None)
            continue
        words = [w for w in part.split("|") if w]
        if not words:
            raise PhraseError(f"phrase {pattern!r}: an empty word")
        slots += _word_slots(pattern, words)
    if len([s for s in slots if s is not None]) < 2 or slots[-1] is None:
        raise PhraseError(f"phrase {pattern!r}: needs two words or more and must end with a word")
    return Phrase(skill_id, tuple(slots))


def _word_slots(pattern: str, words: list[str]) -> list[frozenset[str]]:
    """The slots of one pattern word: one, or one per part of hyphenated words, since the
    tokenizer splits "multi-team" into "multi", "-", "team" (only the last part inflects)."""
    split = [w.split("-") for w in words]
    pieces = [parts if all(parts) else [w] for w, parts in zip(words, split, strict=True)]
    if len({len(p) for p in pieces}) > 1:
        raise PhraseError(f"phrase {pattern!r}: {'|'.join(words)!r} mixes hyphenated words")
    slots: list[frozenset[str]] = []
    for i, column in enumerate(zip(*pieces, strict=True)):
        if i:
            slots.append(frozenset({"-"}))
        last = i == len(pieces[0]) - 1
        slots.append(frozenset().union(*(inflections(w) if last else {w.lower()} for w in column)))
    return slots


W = TypeVar("W", str, int)
Slots = tuple[frozenset[W] | None, ...]


def match_at(slots: Slots[W], words: Sequence[W], breaks: Sequence[bool], start: int) -> int | None:
    """The end (exclusive) of the phrase with these ``slots`` matched at word ``start``, or None.

    ``words`` holds each token's lower-case text (or its string hash, with slots of hashes) and
    a false value for white space; ``breaks`` flags the tokens no phrase runs across (blank
    lines, sentence punctuation)."""
    return _match(slots, 0, words, breaks, start)


def _match(
    slots: Slots[W],
    k: int,
    words: Sequence[W],
    breaks: Sequence[bool],
    i: int,
) -> int | None:
    if k == len(slots):
        return i
    slot = slots[k]
    if slot is None:  # try the shortest gap first
        skipped = 0
        while i < len(words) and not breaks[i] and skipped <= MAX_GAP:
            end = _match(slots, k + 1, words, breaks, i)
            if end is not None:
                return end
            if words[i]:
                skipped += 1
            i += 1
        return None
    if k > 0:
        while i < len(words) and not words[i] and not breaks[i]:
            i += 1  # a line break between two words
    if i < len(words) and not breaks[i] and words[i] in slot:
        return _match(slots, k + 1, words, breaks, i + 1)
    return None
