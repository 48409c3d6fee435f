"""Data types: the ``Document`` users get, and the ``Extracted`` blocks readers hand over.

All offsets (sections, bullets) are character offsets into ``Document.text``, the normalised text
shown to the user, so ``doc.text[start:end]`` is exactly the quoted span.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Format = Literal["pdf", "docx", "txt", "md", "html"]
BlockKind = Literal["text", "paragraph", "heading", "bullet", "row"]
Span = tuple[int, int]
Table = tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Section:
    """A heading and the stretch of text it governs: ``text[start:end]`` starts with the heading."""

    heading: str
    start: int
    end: int


@dataclass(frozen=True)
class Document:
    """The normalised text of one document and the structure found in it."""

    text: str
    source: str
    format: Format
    pages: int = 1
    sections: tuple[Section, ...] = ()
    bullets: tuple[Span, ...] = ()
    tables: tuple[Table, ...] = ()
    links: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()

    def section_at(self, offset: int) -> str | None:
        """The heading of the section holding character ``offset``, or None before any heading.

        >>> skills = Section("Skills", 6, 19)
        >>> doc = Document("Intro\\nSkills\\nPython", "-", "txt", sections=(skills,))
        >>> doc.section_at(14), doc.section_at(2)
        ('Skills', None)
        """
        index = bisect_right([s.start for s in self.sections], offset) - 1
        if index < 0 or offset >= self.sections[index].end:
            return None
        return self.sections[index].heading

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["sections"] = [asdict(section) for section in self.sections]
        out["bullets"] = [list(span) for span in self.bullets]
        out["tables"] = [[list(row) for row in table] for table in self.tables]
        out["links"] = list(self.links)
        out["warnings"] = list(self.warnings)
        return out


@dataclass(frozen=True)
class Block:
    """A piece of raw text a reader found.

    ``kind`` "text" is unstructured (PDF pages, plain text): headings and bullets are guessed from
    its lines. The other kinds come from the file's own markup (DOCX styles, HTML tags).
    """

    kind: BlockKind
    text: str


@dataclass(frozen=True)
class Extracted:
    """What a format reader returns, before normalisation and structure detection."""

    blocks: tuple[Block, ...]
    pages: int = 1
    tables: tuple[Table, ...] = ()
    links: tuple[str, ...] = ()
    warnings: tuple[str, ...] = field(default_factory=tuple)
