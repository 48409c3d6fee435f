"""Map every character of a resume or posting to the section it belongs to.

Headings come from the text ("Technical Skills", "What you'll need:", "PREFERRED QUALIFICATIONS",
named by :mod:`skillgap.headings`) and, when the document was read from a file with markup (DOCX,
HTML), from the headings its reader recovered. A line such as "Nice to have: Spark, Kafka" is a
heading with its content on the same line; it changes that line only.

In postings a section holds until the next heading, known or not: a heading the table does not
name ("Our Stack", a bold line in a DOCX) ends a nice-to-have or benefits part. A permissive
framing at the end of a line ("You don't need all of these, but you might have some of them")
makes what follows it, up to the next heading, nice-to-have. A known heading glued to the end of a
long line of flattened text ("... and risk. Key Responsibilities:") opens its section on the next
line. Text that no heading sorts is read sentence by sentence
(:mod:`skillgap.extraction.posting`): the company's description of itself belongs to "about", and
a sentence that states what the role asks ("The ideal candidate should have experience with X")
to "requirements".
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field

from skillgap.extraction.expressions import word_alternatives
from skillgap.extraction.posting import ContextSentences
from skillgap.headings import PLANNED_SECTIONS, looks_like_heading, section_of_heading
from skillgap.memo import per_text

# Lines short enough to be a heading are read; a longer one only if it opens with a "Label:".
_HEADING_LINE_CHARS = 64
_LABEL_LINE_RE = re.compile(r"[^\S\n]*[*#•·\-]*[^\S\n]*[A-Za-z][A-Za-z '’&/-]{1,40}?[^\S\n]*[:–—]")
_INLINE_LABEL_RE = re.compile(r"^\s*[*#•·\-]*\s*([A-Za-z][A-Za-z '’&/-]{1,40}?)\s*[:–—]\s+\S")
_NEED_ALL = (
    r"\s+(?:need|have)\s+to\s+(?:satisfy|meet|have|check|tick|know|match)\s+(?:all|every|each)\b"
)
_PERMISSIVE_RE = word_alternatives(
    [
        *(
            denial + _NEED_ALL
            for denial in (r"do\s*n[o'’]?t", "don['’]t", "doesn['’]t", "won['’]t")
        ),
        r"not\s+(?:all|every\s+one)\s+of\s+(?:these|the\s+following)\s+(?:are|is)\s+required\b",
        r"none\s+of\s+(?:these|the\s+following)\s+(?:are|is)\s+required\b",
        r"some\s+of\s+(?:these|the\s+following|the\s+below|the\s+items)\b",
        r"bonus\s+points\b",
        r"not\s+required,?\s+but\b",
    ]
)
# a heading glued to the end of a long line of flattened text ("... and risk. Key
# Responsibilities:"): the last sentence of the line, ending in a colon
_TRAILING_HEADING_RE = re.compile(
    r"(?:[.!?]|\s[*•·]|[^\S\n]-)[^\S\n]+([A-Z][^\n.!?:•*]{2,60}?)[^\S\n]*:[^\S\n\w]*$",
    re.MULTILINE,
)
_COLON_LINE_END_RE = re.compile(r":[^\S\n\w]*$", re.MULTILINE)  # where such a heading can end
_PERMISSIVE_TAIL = 60  # characters a framing may stand from the end of its line to introduce a list
_NEUTRAL = "other"
HEADINGS_KEY = "skillgap.headings"  # Doc.user_data key: (offset, heading) pairs from markup
_SENTENCE_READ = frozenset({"other", "responsibilities"})
_METADATA = "about"  # the section of a job board's fields ("Industry:", "Company size:")


@dataclass(frozen=True)
class SectionMap:
    """Section names by character offset: ``starts[i]`` begins section ``names[i]``.

    For postings, ``context`` reads the sentences no heading sorts, so that ``at`` names a
    company paragraph "about" even without an "About us" heading.
    """

    starts: tuple[int, ...]
    names: tuple[str, ...]
    headings: tuple[tuple[int, int, str], ...]
    context: ContextSentences | None = field(default=None, compare=False)

    def at(self, offset: int) -> str:
        """The section a character offset falls in."""
        i = bisect_right(self.starts, offset) - 1
        name = self.names[i] if i >= 0 else _NEUTRAL
        if self.context is None or name not in _SENTENCE_READ:
            return name
        if self.context.is_context(offset):
            return "about"
        if name == _NEUTRAL and self.context.asks(offset):
            return "requirements"
        return name


@per_text
def line_role(stripped: str, kind: str) -> tuple[str | None, bool] | None:
    """What a stripped line of a ``kind`` document is: (its section, False) for a heading ("OUR
    STACK" in a posting: a heading of no known section, None), (the section, True) for a
    "Label: content" line, None for any other line."""
    if not stripped:
        return None
    name = heading_name(stripped, kind)
    if name is not None:
        return name, False
    label = inline_label(stripped, kind)
    if label is not None:
        return label, True
    if kind == "job" and looks_like_heading(stripped):  # "OUR STACK", "## Life at Acme"
        return None, False
    return None


def heading_name(line: str, kind: str) -> str | None:
    """The section a line opens, if the whole line is a heading."""
    if len(line) > 60:
        return None
    return section_of_heading(line, kind)


def inline_label(line: str, kind: str) -> str | None:
    """The section named by a ``Label: content`` line ("Nice to have: Spark")."""
    m = _INLINE_LABEL_RE.match(line)
    if not m:
        return None
    return section_of_heading(m.group(1), kind)


def section_map(
    text: str, kind: str, headings: Iterable[tuple[int, str]] | None = None
) -> SectionMap:
    """Split ``text`` into sections by its headings; text before the first heading is "other"
    (for postings: "responsibilities" is not assumed, the default is "other").

    ``headings`` are (offset, heading text) pairs a document reader found from markup; in
    postings one the table does not name still ends the section before it.
    """
    is_job = kind == "job"
    found: dict[int, tuple[int, str | None]] = {}  # start -> (end, name; None: an unknown heading)
    labels: list[tuple[int, int, str]] = []  # "Label: content" lines: (start, end of line, name)
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if len(line) <= _HEADING_LINE_CHARS or _LABEL_LINE_RE.match(line):
            role = line_role(line.strip(), kind)
            if role is not None:
                name, is_label = role
                if is_label and name is not None:
                    labels.append((start, end, name))
                elif not is_label:
                    found[start] = (start + len(line.rstrip()), name)
        start = end + 1
    for offset, heading in headings or ():
        name = section_of_heading(heading, kind) if len(heading) <= 80 else None
        if name is not None or is_job:
            found.setdefault(offset, (offset + len(heading), name))
    if is_job:
        _add_trailing_headings(text, found)
        _add_permissive_framings(text, found)
        _mark_metadata_fields(text, found)
    return _build(text, kind, found, labels)


def _add_trailing_headings(text: str, found: dict[int, tuple[int, str | None]]) -> None:
    """A known heading that ends a long line opens its section on the next line."""
    for colon in _COLON_LINE_END_RE.finditer(text):  # a line's match lies in it (and the break
        line_start = text.rfind("\n", 0, colon.start())  # before it): search only those lines
        m = _TRAILING_HEADING_RE.search(text, max(line_start, 0), colon.end())
        if m is None:
            continue
        name = heading_name(m.group(1), "job")
        if name is not None and m.end() < len(text):
            found.setdefault(m.end() + 1, (m.end() + 1, name))


def _add_permissive_framings(text: str, found: dict[int, tuple[int, str | None]]) -> None:
    """A framing that ends its line opens a nice-to-have part on the next line."""
    for m in _PERMISSIVE_RE.finditer(text):
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        if line_end - m.end() <= _PERMISSIVE_TAIL and line_end < len(text):
            found.setdefault(line_end + 1, (line_end + 1, "preferred"))


def _mark_metadata_fields(text: str, found: dict[int, tuple[int, str | None]]) -> None:
    """A job board's field between two of its metadata fields ("Experience level:" / "Senior" /
    "Role:" / "Backend Developer" / "Industry:" / "Software") is metadata too: "Role" there files
    the posting under categories, it does not describe the work."""
    starts = sorted(found)
    for before, here, after in zip(starts, starts[1:], starts[2:], strict=False):
        if (
            found[before][1] == _METADATA
            and found[after][1] == _METADATA
            and found[here][1] != _METADATA
            and _one_line_between(text, found[before][0], here)
            and _one_line_between(text, found[here][0], after)
        ):
            found[here] = (found[here][0], _METADATA)


def _one_line_between(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds exactly one non-empty line."""
    return len([line for line in text[start:end].split("\n") if line.strip()]) == 1


def _build(
    text: str,
    kind: str,
    found: dict[int, tuple[int, str | None]],
    labels: list[tuple[int, int, str]],
) -> SectionMap:
    starts: list[int] = [0]
    names: list[str] = [_NEUTRAL]
    headings: list[tuple[int, int, str]] = []
    events = sorted(
        [(s, 0, e, n) for s, (e, n) in found.items()] + [(s, 1, e, n) for s, e, n in labels],
        key=lambda event: event[:2],
    )
    current = _NEUTRAL
    for start, is_label, end, name in events:
        if not is_label:
            current = name or _NEUTRAL
            if name is not None:
                headings.append((start, end, name))
            starts.append(start)
            names.append(current)
        elif name is not None and name != current:
            if name == _NEUTRAL and kind != "job":
                continue  # a resume's "Languages: Python, SQL" stays in the section it is in
            starts.append(start)
            names.append(name)
            # a labelled line changes only its own line: "Nice to have: X", "Currently learning: X"
            if kind == "job" or name in PLANNED_SECTIONS:
                starts.append(end + 1)
                names.append(current)
            else:
                current = name
    context = ContextSentences(text) if kind == "job" else None
    return SectionMap(tuple(starts), tuple(names), tuple(headings), context)
