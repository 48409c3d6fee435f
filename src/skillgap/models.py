"""Plain data types passed between extraction, comparison and rendering.

Every found skill carries the evidence for it: the mentions with their text, character offsets into
the text shown to the user, the section they sit in and how they were matched.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

DocKind = Literal["resume", "job"]
MatchKind = Literal["exact", "alias", "fuzzy"]
Level = Literal["required", "preferred"]

LEVEL_RANK: dict[str | None, int] = {None: 0, "preferred": 1, "required": 2}


@dataclass(frozen=True)
class Mention:
    """One place in a document where a skill is named."""

    text: str
    start: int
    end: int
    section: str
    match: MatchKind
    score: float = 100.0
    level: Level | None = None
    years: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def quote(text: str, start: int, end: int, radius: int = 90) -> str:
    """The line of ``text`` holding ``text[start:end]``, cut to ``radius`` characters either side
    ("…" marks a cut); empty when the offsets fall outside ``text``.

    >>> quote("Intro\\nMust know Docker well.\\nOther", 16, 22)
    'Must know Docker well.'
    """
    if not 0 <= start < end <= len(text):
        return ""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    left, right = max(line_start, start - radius), min(line_end, end + radius)
    prefix = "…" if left > line_start else ""
    suffix = "…" if right < line_end else ""
    return prefix + " ".join(text[left:right].split()) + suffix


@dataclass(frozen=True)
class SkillHit:
    """A skill a document states, with every mention that supports it."""

    id: str
    name: str
    phase: str
    kind: str
    level: Level | None
    years: float | None
    mentions: tuple[Mention, ...]

    @property
    def sections(self) -> frozenset[str]:
        return frozenset(m.section for m in self.mentions)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "phase": self.phase,
            "kind": self.kind,
            "level": self.level,
            "years": self.years,
            "mentions": [m.to_dict() for m in self.mentions],
        }


@dataclass(frozen=True)
class NegatedSkill:
    """A skill the document only mentions to deny it ("Java is not required")."""

    id: str
    name: str
    mentions: tuple[Mention, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "mentions": [m.to_dict() for m in self.mentions],
        }


@dataclass(frozen=True)
class RequirementGroup:
    """Alternatives a posting asks for as one requirement: "PyTorch or TensorFlow", "one of AWS,
    GCP, Azure", "at least 2 of Python, Go, Bash". Satisfied by ``need`` of its ``skill_ids``.
    ``repeats`` are the (start, end) spans of other places the posting states the same list."""

    skill_ids: tuple[str, ...]
    need: int
    level: Level
    text: str
    start: int
    end: int
    repeats: tuple[tuple[int, int], ...] = ()

    @property
    def spans(self) -> tuple[tuple[int, int], ...]:
        """Every place the posting states this group, first first."""
        return ((self.start, self.end), *self.repeats)

    def to_dict(self) -> dict[str, Any]:
        return {
            "skill_ids": list(self.skill_ids),
            "need": self.need,
            "level": self.level,
            "text": self.text,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True)
class DocumentProfile:
    """What one resume or job posting says about skills."""

    source: str
    kind: DocKind
    text: str
    skills: tuple[SkillHit, ...]
    negated: tuple[NegatedSkill, ...] = ()
    title: str | None = None
    warnings: tuple[str, ...] = field(default_factory=tuple)
    groups: tuple[RequirementGroup, ...] = ()
    # the kind the text reads like, kept from extraction so no one tokenizes it again (None: not
    # known, as for a profile read back from JSON); derived data, so equality ignores it
    reads_as: DocKind | None = field(default=None, compare=False)

    @property
    def skill_ids(self) -> frozenset[str]:
        return frozenset(s.id for s in self.skills)

    def get(self, skill_id: str) -> SkillHit | None:
        """The hit for ``skill_id``, or None when the document does not state it."""
        return next((s for s in self.skills if s.id == skill_id), None)

    def to_dict(self, *, include_text: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "source": self.source,
            "kind": self.kind,
            "title": self.title,
            "skills": [s.to_dict() for s in self.skills],
            "negated": [n.to_dict() for n in self.negated],
            "warnings": list(self.warnings),
            "groups": [g.to_dict() for g in self.groups],
        }
        if include_text:
            out["text"] = self.text
        return out
