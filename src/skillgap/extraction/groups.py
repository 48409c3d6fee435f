"""Requirement groups: alternatives a posting asks for as one requirement.

"PyTorch or TensorFlow", "AWS, GCP or Azure", "Python/Go", "one of Java, Scala, Kotlin", "at
least 2 of Python, Go, Bash", "Python, Node, Golang, or bash (At least 2)" and "Python, SQL or
similar" each become one :class:`skillgap.models.RequirementGroup`, satisfied by ``need`` of its
members. A list is a group only when its words say so: "or", "/", "and/or", a trailing "or
similar", a count ("at least 2", "4 of these") or a "one of" / "any of" / "either" before it.
"Python and SQL" and "Python, SQL, etc." are plain lists: every item is asked for. A skill with
bracketed examples after it ("Python (including NumPy, pandas)", "ML fundamentals (gradient
descent, cross-validation)") is one requirement too, met by the skill or any example.

Members are the mentions standing next to each other with only separators between them
(commas, slashes, "or", "and", brackets, white space); a list never runs over a clause end.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from itertools import pairwise
from typing import NamedTuple

from skillgap.models import LEVEL_RANK, Level, RequirementGroup

_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_COUNT = r"(\d|" + "|".join(_NUMBERS) + r")"
_SEPARATOR_RE = re.compile(
    r"[^\S\n]*(?:(?:,|/|\||&|\band/or\b|\bor\b|\band\b|\([a-z ]{1,20}\)|\(|\))"
    r"[^\S\n]*\n?[^\S\n]*)*",
    re.IGNORECASE,
)
# a kind word a member may carry ("Machine Learning Technologies or Deep Learning")
_KIND_WORD_RE = re.compile(
    r"[^\S\n]+(?:technolog(?:y|ies)|tools?|frameworks?|libraries|concepts|methods|techniques)\b",
    re.IGNORECASE,
)
_OR_RE = re.compile(r"/|\||\bor\b", re.IGNORECASE)
_AND_RE = re.compile(r"\band\b(?!/)|&", re.IGNORECASE)
_MAX_JOIN = 24  # characters of separators between two members: ", or ", " (preferred), "
_ITEM = r"[A-Za-z][\w.+#-]*(?:[^\S\n][A-Za-z][\w.+#-]*)?"
_ITEMS_RE = re.compile(
    r"[^\S\n]*,[^\S\n]*(?:" + _ITEM + r"[^\S\n]*,[^\S\n]*){1,3}(?:(?:or|and)\s+)?"
)
_MAX_ITEMS_JOIN = 60
_INTRO_REACH = 60  # characters before a list in which "one of", "at least 2 of" may stand
_TAIL_REACH = 40  # characters after a list in which "or similar", "(at least 2)" may stand
_INTRO_TAIL_WORDS = ("these", "the following", "the below", "them")  # "one of these:"
_INTRO_RE = re.compile(
    r"\b(?:(?:at\s+least|a\s+minimum\s+of|minimum\s+of)\s+" + _COUNT + r"(?:\s+\w+)?\s+of"
    r"|(?P<count>" + _COUNT[1:-1] + r")\s+(?:or\s+more\s+)?of\s+(?:these|the\s+following|them)"
    r"|(?:at\s+least\s+)?one\s+(?:or\s+more\s+)?of|any\s+(?:one\s+)?of|either"
    r"|such\s+as)"  # examples of a kind ("languages such as Python, Java, PHP")
    r"(?:\s+(?:" + "|".join(w.replace(" ", r"\s+") for w in _INTRO_TAIL_WORDS) + r"))?\s*:?\s*$",
    re.IGNORECASE,
)
# the last word an intro cue can end with: its own ("one of", "either", "such as") or a tail word's
_INTRO_ENDS = ("of", "either", "as", *(words.split()[-1] for words in _INTRO_TAIL_WORDS))
_TAIL_RE = re.compile(  # matched right after the list
    r"[^.;\n]{0,30}?\(\s*(?:at\s+least\s+" + _COUNT + r"|(?P<count>" + _COUNT[1:-1] + r")"
    r"\s+(?:or\s+more\s+)?of\s+(?:these|them|the\s+above))\s*\)"
    r"|\W{0,3}(?:or|and/or)\s+(?:similar|equivalent|comparable|other|another|alternatives?"
    r"|related|any\s+other)\b",
    re.IGNORECASE,
)
# between a skill and the bracketed examples that follow it ("Python (including NumPy, pandas)",
# "machine learning fundamentals (gradient descent, cross-validation)")
_EXAMPLES_RE = re.compile(
    r"[^\S\n]*(?:[A-Za-z][\w-]*[^\S\n]+){0,6}?(?:[A-Za-z][\w-]*)?[^\S\n]*\([^\S\n]*"
    r"(?:(?:including|incl\.|e\.\s?g\.|eg|i\.\s?e\.|such\s+as|like|especially|for\s+example)"
    r"[,:]?[^\S\n]*)?",
    re.IGNORECASE,
)
_EXAMPLES_REACH = 80
_OPENS_EXAMPLES_RE = re.compile(r"[^\S\n]*\([^\S\n]*")
_CLAUSE_END_RE = re.compile(r"[.;!?\n•]\s")


class Member(NamedTuple):
    """One positive mention of a posting: the skill id, its character span and its level (a
    tuple: a posting has dozens, made for each extraction)."""

    skill_id: str
    start: int
    end: int
    level: str | None


def requirement_groups(
    text: str,
    members: Iterable[Member],
    prerequisites: Callable[[str], Iterable[str]] = lambda skill_id: (),
) -> tuple[RequirementGroup, ...]:
    """The alternatives among a posting's mentions, in text order.

    ``prerequisites`` (the ids a skill id builds on) tells a stack written with a slash
    ("JavaScript/Node.js", "Java/Spring": one builds on the other) from alternatives
    ("Python/Go").

    >>> text = "Experience with PyTorch or TensorFlow. Python and SQL."
    >>> spans = [("pytorch", "PyTorch"), ("tensorflow", "TensorFlow"), ("python", "Python"),
    ...          ("sql", "SQL")]
    >>> found = [Member(i, text.index(s), text.index(s) + len(s), "required") for i, s in spans]
    >>> [(g.skill_ids, g.need, g.text) for g in requirement_groups(text, found)]
    [(('pytorch', 'tensorflow'), 1, 'PyTorch or TensorFlow')]
    """
    spans = _spans(members)
    groups: list[RequirementGroup] = []
    i = 0
    while i < len(spans):
        j = i
        while j + 1 < len(spans) and _joined(text, spans[j][1], spans[j + 1][0]):
            if _OPENS_EXAMPLES_RE.fullmatch(text, spans[j][1], spans[j + 1][0]):
                break  # "machine learning (gradient descent, ...)": examples of the skill
            j += 1
        run = spans[i : j + 1]
        head = _head_of_examples(text, spans, i)
        if head is not None:
            examples, run = _bracketed(text, head, run)
            groups += _examples(text, [head, *examples])
        if len(run) > 1 or (run and len(run[0][2]) > 1):  # a lone name of one skill: no group
            groups += _group(text, run, prerequisites)
        i = j + 1
    return tuple(_distinct(groups))


def _head_of_examples(text: str, spans: Sequence[_Span], i: int) -> _Span | None:
    """The skill a bracketed list starting at ``spans[i]`` gives examples of, if any."""
    if i == 0:
        return None
    head = spans[i - 1]
    start = spans[i][0]
    if start - head[1] > _EXAMPLES_REACH or text.find("(", head[1], start) < 0:
        return None  # too far, or no bracket opens between them
    return head if _EXAMPLES_RE.fullmatch(text, head[1], start) else None


def _bracketed(text: str, head: _Span, run: Sequence[_Span]) -> tuple[list[_Span], list[_Span]]:
    """The examples of ``head`` at the start of ``run`` (up to the closing bracket) and the
    rest of the run; none when the bracket only spells the head out ("Large language models
    (LLM), LangChain": LangChain is no example of LLMs)."""
    close = text.find(")", head[1])
    close = len(text) if close < 0 else close
    inside = [span for span in run if span[1] <= close]
    if all(set(span[2]) <= set(head[2]) for span in inside):
        return [], list(run)
    return inside, list(run[len(inside) :])


def _examples(text: str, spans: Sequence[_Span]) -> list[RequirementGroup]:
    """A skill and the examples after it, one requirement met by any of them: the examples
    detail the skill rather than add to it."""
    group = _make(text, spans, 1)
    if group is None:
        return []
    close = text.find(")", group.end, group.end + _TAIL_REACH)
    return [_widen(text, group, group.start, close + 1 if close >= 0 else group.end)]


def _distinct(groups: list[RequirementGroup]) -> list[RequirementGroup]:
    """One group per set of alternatives (a posting may repeat a list): the first, with the
    largest count and the firmest level any repetition states, and the places it repeats."""
    kept: dict[frozenset[str], RequirementGroup] = {}
    for g in groups:
        key = frozenset(g.skill_ids)
        first = kept.get(key)
        if first is None:
            kept[key] = g
            continue
        level: Level = "required" if "required" in (first.level, g.level) else "preferred"
        need = max(first.need, g.need)
        kept[key] = replace(first, need=need, level=level, repeats=(*first.repeats, g.spans[0]))
    return list(kept.values())


_Span = tuple[int, int, tuple[str, ...], str | None]  # start, end, skill ids, level


def _spans(members: Iterable[Member]) -> list[_Span]:
    """Mentions merged by span (one span may stand for two ids), in text order, overlaps dropped."""
    out: list[_Span] = []
    for m in sorted(members, key=lambda m: (m.start, m.end)):
        if out and (m.start, m.end) == out[-1][:2]:
            start, end, ids, level = out[-1]
            ids = ids if m.skill_id in ids else (*ids, m.skill_id)
            out[-1] = (start, end, ids, max(level, m.level, key=LEVEL_RANK.__getitem__))
        elif not out or m.start >= out[-1][1]:
            out.append((m.start, m.end, (m.skill_id,), m.level))
    return out


def _joined(text: str, left_end: int, right_start: int) -> bool:
    """Whether only list separators, or a few list items that name no skill ("Jaeger,
    Ambassador"), stand between two mentions."""
    kind_word = _KIND_WORD_RE.match(text, left_end, right_start)
    left_end = kind_word.end() if kind_word else left_end
    gap = right_start - left_end
    if gap <= _MAX_JOIN and _SEPARATOR_RE.fullmatch(text, left_end, right_start):
        return True
    return gap <= _MAX_ITEMS_JOIN and _ITEMS_RE.fullmatch(text, left_end, right_start) is not None


def _is_slash(join: str) -> bool:
    return join.strip() == "/"


def _group(
    text: str, spans: Sequence[_Span], prerequisites: Callable[[str], Iterable[str]]
) -> list[RequirementGroup]:
    """The groups one run of joined mentions makes: the whole run, or its slash pairs."""
    if len({i for span in spans for i in span[2]}) < 2:
        return []  # one id (a lone mention, or a repetition) makes no group in any case
    joins = [text[a[1] : b[0]] for a, b in pairwise(spans)]
    listed = [j for j in joins if not _is_slash(j)]
    has_or = any(_OR_RE.search(j) for j in listed)
    has_and = any(_AND_RE.search(j) for j in listed)
    start, end = spans[0][0], spans[-1][1]
    intro = _intro(text, start)
    tail = _TAIL_RE.match(text, end, min(len(text), end + _TAIL_REACH))
    if not listed and _stack(spans, prerequisites):
        return []
    if intro is not None or tail is not None or (has_or and not has_and) or not listed:
        counts = [n for n in (intro and intro[1], tail and _count(tail)) if n]
        whole = _make(text, spans, max(counts, default=1))
        if whole is None:
            return []
        if intro is not None or tail is not None:
            whole = _widen(
                text, whole, intro[0] if intro else whole.start, tail.end() if tail else whole.end
            )
        return [whole]
    groups = []
    unit: list[_Span] = [spans[0]]
    for join, span in zip([*joins, ""], [*spans[1:], None], strict=True):
        if span is not None and _is_slash(join):
            unit.append(span)
            continue
        stack = len(unit) < 2 or _stack(unit, prerequisites)
        group = None if stack else _make(text, unit, 1)
        groups += [group] if group else []
        unit = [span] if span is not None else []
    return groups


def _stack(spans: Sequence[_Span], prerequisites: Callable[[str], Iterable[str]]) -> bool:
    """Whether one member builds on another: a stack asked for whole, not alternatives."""
    ids = {i for span in spans for i in span[2]}
    return any(ids.intersection(prerequisites(i)) for i in ids)


def _make(text: str, spans: Sequence[_Span], need: int) -> RequirementGroup | None:
    ids = tuple(dict.fromkeys(i for span in spans for i in span[2]))
    if len(ids) < 2:
        return None
    levels = [span[3] for span in spans]
    level: Level = "required" if "required" in levels or None in levels else "preferred"
    start, end = spans[0][0], spans[-1][1]
    return RequirementGroup(ids, min(need, len(ids)), level, text[start:end], start, end)


def _widen(text: str, group: RequirementGroup, start: int, end: int) -> RequirementGroup:
    """The group quoted with the words that make it one ("one of ...", "... (at least 2)")."""
    return replace(group, text=text[start:end], start=start, end=end)


def _intro(text: str, start: int) -> tuple[int, int | None] | None:
    """Where a "one of" / "at least 2 of" before the list starts, and the count it states."""
    low = start - _INTRO_REACH
    before = text[max(0, low) : start].rstrip().removesuffix(":").rstrip()
    if not before.lower().endswith(_INTRO_ENDS):
        return None  # no cue can end here (most lists have none): spare the search
    clause_ends = list(_CLAUSE_END_RE.finditer(text, max(0, low), start))
    low = clause_ends[-1].end() if clause_ends else max(0, low)
    m = _INTRO_RE.search(text, low, start)
    return None if m is None else (m.start(), _count(m))


def _count(match: re.Match[str]) -> int | None:
    """The number a cue states ("at least 2", "four of these"), if any."""
    for value in match.groups():
        if value:
            return int(value) if value.isdigit() else _NUMBERS[value.lower()]
    return None
