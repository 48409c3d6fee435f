"""The taxonomy's types: skills, their context rules and learning resources, the taxonomy itself."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

PHASES = (
    "python", "math", "ml-foundations", "deep-learning", "specialization", "deployment", "other",
)  # fmt: skip
TRACKS = ("cv", "nlp", "rl", "recsys", "time-series")
KINDS = ("hard", "soft")
RESOURCE_TYPES = ("official-docs", "free-course", "book", "tutorial")


class TaxonomyError(ValueError):
    """A taxonomy file that does not follow the schema; the message names file, skill and field."""


def normalize_form(form: str) -> str:
    """Lower-case a surface form and collapse its white space.

    >>> normalize_form("  Scikit   Learn ")
    'scikit learn'
    """
    return " ".join(form.lower().split())


@dataclass(frozen=True)
class ContextRule:
    """When an ambiguous form (``R``, ``Go``, ``Spark``) counts as the skill.

    A mention of one of ``forms`` (in any spelling the matcher gives it, plurals included:
    "communications" for ``communication``) is kept only if a word of ``any_of`` occurs within
    ``window`` tokens, or (with ``in_skill_list``) it stands in a list beside another skill; it is
    dropped when the next word is in ``not_before`` or the previous word in ``not_after``.
    """

    forms: tuple[str, ...] = ()
    any_of: tuple[str, ...] = ()
    window: int = 8
    in_skill_list: bool = True
    not_before: tuple[str, ...] = ()
    not_after: tuple[str, ...] = ()

    def applies_to(self, form: str) -> bool:
        """Whether ``form`` (as written in the text) is one this rule governs."""
        if not self.forms:
            return True
        return normalize_form(form) in {normalize_form(f) for f in self.forms}

    def to_dict(self) -> dict[str, Any]:
        return {
            "forms": list(self.forms),
            "any_of": list(self.any_of),
            "window": self.window,
            "in_skill_list": self.in_skill_list,
            "not_before": list(self.not_before),
            "not_after": list(self.not_after),
        }


@dataclass(frozen=True)
class Resource:
    """A free place to learn a skill: linked, never copied. ``type`` is one of RESOURCE_TYPES."""

    title: str
    url: str
    type: str

    def to_dict(self) -> dict[str, str]:
        return {"title": self.title, "url": self.url, "type": self.type}


@dataclass(frozen=True)
class Skill:
    """One entry of the taxonomy."""

    id: str
    name: str
    phase: str
    category: str
    kind: str
    hours: float
    description: str
    aliases: tuple[str, ...] = ()
    case_sensitive: tuple[str, ...] = ()
    context: ContextRule | None = None
    parent: str | None = None
    related: tuple[str, ...] = ()
    prerequisites: tuple[str, ...] = ()
    track: str | None = None
    fuzzy: bool = True
    phrases: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    resources: tuple[Resource, ...] = ()
    outcome: str | None = None
    source: str = ""

    @property
    def forms(self) -> tuple[str, ...]:
        """Case-insensitive surface forms: the name and every alias."""
        return (self.name, *self.aliases)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "name": self.name,
            "phase": self.phase,
            "category": self.category,
            "kind": self.kind,
            "hours": self.hours,
            "description": self.description,
            "aliases": list(self.aliases),
            "case_sensitive": list(self.case_sensitive),
            "parent": self.parent,
            "related": list(self.related),
            "prerequisites": list(self.prerequisites),
            "track": self.track,
            "fuzzy": self.fuzzy,
            "phrases": list(self.phrases),
            "titles": list(self.titles),
            "outcome": self.outcome,
            "resources": [r.to_dict() for r in self.resources],
        }
        if self.context:
            out["context"] = self.context.to_dict()
        return out


@dataclass(frozen=True)
class Taxonomy:
    """All skills by id, in a stable order."""

    skills: Mapping[str, Skill]
    sources: tuple[str, ...] = field(default_factory=tuple)

    def __contains__(self, skill_id: object) -> bool:
        return skill_id in self.skills

    def __getitem__(self, skill_id: str) -> Skill:
        return self.skills[skill_id]

    def __iter__(self) -> Iterator[Skill]:
        return iter(self.skills.values())

    def __len__(self) -> int:
        return len(self.skills)

    def get(self, skill_id: str) -> Skill | None:
        return self.skills.get(skill_id)

    def in_phase(self, phase: str) -> list[Skill]:
        return [s for s in self.skills.values() if s.phase == phase]

    def fingerprint(self) -> str:
        """A short hash of the content, for caches keyed by taxonomy."""
        payload = json.dumps([s.to_dict() for s in self], sort_keys=True).encode()
        return hashlib.sha256(payload).hexdigest()[:16]
