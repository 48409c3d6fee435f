"""Turn a reader's blocks into the final text with section, bullet and link information.

Blocks are normalised one by one and joined with newlines, so every offset is computed on the text
the user sees. Headings and bullets come from the file's markup when it has any (DOCX, HTML) and
are guessed from the lines otherwise (PDF, plain text, Markdown).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from skillgap.documents.limits import Deadline
from skillgap.documents.model import Block, BlockKind, Section, Span, Table
from skillgap.documents.normalize import BULLET, normalize_text
from skillgap.headings import HEADING_TRIM, MARKDOWN_HEADING, looks_like_heading

_CHUNK_CHARS = 64 * 1024
_URL = re.compile(r"\bhttps?://[^\s<>\"'`]+", re.I)
_BARE_URL = re.compile(
    r"(?<![\w@./])(?:www\.[\w-]+(?:\.[\w-]+)+|"
    r"(?:github\.com|gitlab\.com|linkedin\.com|kaggle\.com|huggingface\.co|bitbucket\.org)"
    r")(?:/[^\s<>\"'`]*)?",
    re.I,
)
_URL_TRAIL = ".,;:!?)]}>'\""


@dataclass(frozen=True)
class Layout:
    """The assembled text and the structure found in it."""

    text: str = ""
    sections: tuple[Section, ...] = ()
    bullets: tuple[Span, ...] = ()


@dataclass
class _Builder:
    parts: list[str] = field(default_factory=list)
    length: int = 0
    headings: list[tuple[str, int]] = field(default_factory=list)
    bullets: list[Span] = field(default_factory=list)

    def add(self, line: str, kind: BlockKind) -> None:
        """Append ``line`` (possibly several lines for a block) on a new line."""
        if self.parts:
            self.parts.append("\n")
            self.length += 1
        start = self.length
        self.parts.append(line)
        self.length += len(line)
        if kind == "heading":
            self.headings.append((heading_title(line), start))
        elif kind == "bullet":
            self.bullets.append((start, self.length))

    def extend_bullet(self, line: str) -> None:
        """Append a continuation line to the last bullet."""
        self.add(line, "paragraph")
        self.bullets[-1] = (self.bullets[-1][0], self.length)

    def layout(self) -> Layout:
        text = "".join(self.parts)
        sections = []
        for index, (title, start) in enumerate(self.headings):
            following = self.headings[index + 1][1] if index + 1 < len(self.headings) else len(text)
            end = following
            while end > start and text[end - 1].isspace():
                end -= 1
            sections.append(Section(title, start, end))
        return Layout(text, tuple(sections), tuple(self.bullets))


def assemble(
    blocks: Iterable[Block], *, markdown: bool = False, deadline: Deadline | None = None
) -> Layout:
    """Normalise ``blocks`` and join them into the final text with its sections and bullets.

    ``markdown``: "# Title" lines of unstructured text are headings (not so in PDFs, where "#"
    is often an icon). ``deadline`` is checked between blocks and between chunks of long text.
    """
    builder = _Builder()
    for block in blocks:
        if block.kind == "text":
            for chunk, blank_before in _chunks(block.text):
                if deadline is not None:
                    deadline.check()
                text = normalize_text(chunk)
                if text and blank_before and builder.parts:
                    builder.add("", "paragraph")
                _add_lines(builder, text, markdown)
            continue
        if deadline is not None:
            deadline.check()
        text = normalize_text(block.text)
        if not text:
            continue
        if block.kind in ("bullet", "heading", "row"):
            _add_marked(builder, text, block.kind)
        else:
            _add_marked(builder, text, _guess_kind(text, markdown=False))
    return builder.layout()


def _chunks(text: str) -> Iterator[tuple[str, bool]]:
    """``text`` in pieces of about ``_CHUNK_CHARS`` lines, preferably cut at blank lines, so
    that normalising a long text can be interrupted by the deadline. Yields (piece, whether a
    blank line preceded it)."""
    if len(text) <= _CHUNK_CHARS:
        yield text, False
        return
    pending: list[str] = []
    size = 0
    blank_before = False
    for line in text.split("\n"):
        at_blank = not line.strip()
        if pending and (size >= 2 * _CHUNK_CHARS or (size >= _CHUNK_CHARS and at_blank)):
            yield "\n".join(pending), blank_before
            pending, size, blank_before = [], 0, at_blank
        pending.append(line)
        size += len(line) + 1
    yield "\n".join(pending), blank_before


def _add_marked(builder: _Builder, text: str, kind: BlockKind) -> None:
    if kind == "heading" and not heading_title(text):
        kind = "paragraph"  # a "heading" made of dashes or colons names nothing
    if kind == "bullet" and not text.startswith(BULLET):
        text = f"{BULLET} {text}"
    builder.add(text, kind)


def _add_lines(builder: _Builder, text: str, markdown: bool) -> None:
    """Unstructured text: headings and bullets guessed line by line."""
    if not text:
        return
    in_bullet = False
    for line in text.split("\n"):
        if in_bullet and line[:1].islower():
            builder.extend_bullet(line)
            continue
        kind = _guess_kind(line, markdown=markdown)
        builder.add(line, kind)
        in_bullet = kind == "bullet"


def _guess_kind(line: str, *, markdown: bool) -> BlockKind:
    if line.startswith(BULLET):
        return "bullet"
    return "heading" if looks_like_heading(line, markdown=markdown) else "paragraph"


def heading_title(line: str) -> str:
    """The heading's words without Markdown hashes or a trailing colon."""
    match = MARKDOWN_HEADING.match(line)
    return " ".join((match.group(1) if match else line).split()).strip(HEADING_TRIM)


def find_links(text: str, known: Iterable[str] = ()) -> tuple[str, ...]:
    """``known`` link targets plus the web addresses written in ``text``, without duplicates."""
    found = list(known)
    for match in _URL.finditer(text):
        found.append(match.group().rstrip(_URL_TRAIL))
    for match in _BARE_URL.finditer(text):
        found.append("https://" + match.group().rstrip(_URL_TRAIL))
    return tuple(dict.fromkeys(link for link in found if "." in link))


def normalize_tables(tables: Iterable[Table]) -> tuple[Table, ...]:
    return tuple(
        tuple(tuple(normalize_text(cell) for cell in row) for row in table) for table in tables
    )
