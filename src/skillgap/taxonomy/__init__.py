"""The skill taxonomy: YAML data validated at load, plus consistency checks.

A taxonomy is a folder (or a single file) of YAML documents, each holding ``skills: [...]``. The
built-in one lives in ``skill_taxonomy/``; ``load_taxonomy(extra=...)`` lays a user's own file
over it, adding skills and replacing those with the same id.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

PHASES = (
    "python", "math", "ml-foundations", "deep-learning", "specialization", "deployment", "other",
)  # fmt: skip
TRACKS = ("cv", "nlp", "rl", "recsys", "time-series")
KINDS = ("hard", "soft")
_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_FIELDS = {
    "id", "name", "phase", "category", "kind", "aliases", "case_sensitive", "context", "parent",
    "related", "prerequisites", "hours", "description", "track", "fuzzy",
}  # fmt: skip
_CONTEXT_FIELDS = {"forms", "any_of", "window", "in_skill_list", "not_before", "not_after"}


class TaxonomyError(ValueError):
    """A taxonomy file that does not follow the schema; the message names file, skill and field."""


@dataclass(frozen=True)
class ContextRule:
    """When an ambiguous form (``R``, ``Go``, ``Spark``) counts as the skill.

    A mention of one of ``forms`` is kept only if a word of ``any_of`` occurs within ``window``
    tokens, or (with ``in_skill_list``) it stands in a list beside another skill; it is dropped when
    the next word is in ``not_before`` or the previous word in ``not_after``.
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


RESOURCE_TYPES = ("docs", "course", "book", "tutorial")


@dataclass(frozen=True)
class Resource:
    """A free place to learn a skill: linked, never copied."""

    title: str
    url: str
    type: str


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
        }
        if self.context:
            out["context"] = {
                "forms": list(self.context.forms),
                "any_of": list(self.context.any_of),
                "window": self.context.window,
                "in_skill_list": self.context.in_skill_list,
                "not_before": list(self.context.not_before),
                "not_after": list(self.context.not_after),
            }
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

    def __iter__(self):
        return iter(self.skills.values())

    def __len__(self) -> int:
        return len(self.skills)

    def get(self, skill_id: str) -> Skill | None:
        return self.skills.get(skill_id)

    def in_phase(self, phase: str) -> list[Skill]:
        return [s for s in self.skills.values() if s.phase == phase]

    def fingerprint(self) -> str:
        """A short hash of the content, for caches keyed by taxonomy."""
        import hashlib
        import json

        payload = json.dumps([s.to_dict() for s in self], sort_keys=True).encode()
        return hashlib.sha256(payload).hexdigest()[:16]


def normalize_form(form: str) -> str:
    """Lower-case a surface form and collapse its white space."""
    return " ".join(form.lower().split())


def default_taxonomy_dir() -> Path:
    """The built-in taxonomy: packaged data in a wheel, ``skill_taxonomy/`` in a source checkout."""
    package = Path(__file__).resolve().parents[1]
    packaged = package / "_taxonomy_data"
    if packaged.is_dir():
        return packaged
    return package.parents[1] / "skill_taxonomy"


def _yaml_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix in {".yaml", ".yml"})
    if path.is_file():
        return [path]
    raise TaxonomyError(f"{path}: no such taxonomy file or folder")


def _str_list(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str) or not isinstance(value, list):
        raise TaxonomyError(f"{where}: must be a list of strings")
    if not all(isinstance(v, str) and v.strip() for v in value):
        raise TaxonomyError(f"{where}: must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


def _lower_list(value: Any, where: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in _str_list(value, where))


def _parse_context(raw: Any, where: str) -> ContextRule:
    if not isinstance(raw, dict):
        raise TaxonomyError(f"{where}: must be a mapping")
    unknown = set(raw) - _CONTEXT_FIELDS
    if unknown:
        raise TaxonomyError(f"{where}: unknown field '{sorted(unknown)[0]}'")
    window = raw.get("window", 8)
    if not isinstance(window, int) or isinstance(window, bool) or not 1 <= window <= 50:
        raise TaxonomyError(f"{where}.window: must be a whole number from 1 to 50")
    in_list = raw.get("in_skill_list", True)
    if not isinstance(in_list, bool):
        raise TaxonomyError(f"{where}.in_skill_list: must be true or false")
    return ContextRule(
        forms=_str_list(raw.get("forms"), f"{where}.forms"),
        any_of=_lower_list(raw.get("any_of"), f"{where}.any_of"),
        window=window,
        in_skill_list=in_list,
        not_before=_lower_list(raw.get("not_before"), f"{where}.not_before"),
        not_after=_lower_list(raw.get("not_after"), f"{where}.not_after"),
    )


def parse_skill(raw: Any, source: str, index: int) -> Skill:
    """Validate one YAML mapping and turn it into a Skill."""
    if not isinstance(raw, dict):
        raise TaxonomyError(f"{source}: skill #{index + 1}: must be a mapping")
    skill_id = raw.get("id")
    if not isinstance(skill_id, str) or not _ID_RE.match(skill_id):
        raise TaxonomyError(
            f"{source}: skill #{index + 1}: field 'id' must be kebab-case (got {skill_id!r})"
        )
    where = f"{source}: skill '{skill_id}'"
    unknown = set(raw) - _FIELDS
    if unknown:
        raise TaxonomyError(f"{where}: unknown field '{sorted(unknown)[0]}'")

    def text_field(name: str) -> str:
        value = raw.get(name)
        if not isinstance(value, str) or not value.strip():
            raise TaxonomyError(f"{where}: field '{name}' is required and must be text")
        return value.strip()

    def choice(name: str, options: Iterable[str]) -> str:
        value = text_field(name)
        if value not in options:
            raise TaxonomyError(f"{where}: field '{name}' must be one of {', '.join(options)}")
        return value

    phase = choice("phase", PHASES)
    hours = raw.get("hours")
    if isinstance(hours, bool) or not isinstance(hours, int | float) or hours <= 0:
        raise TaxonomyError(f"{where}: field 'hours' must be a positive number")
    track = raw.get("track")
    if phase == "specialization":
        if track not in TRACKS:
            raise TaxonomyError(
                f"{where}: field 'track' must be one of {', '.join(TRACKS)} for specialization"
            )
    elif track is not None:
        raise TaxonomyError(f"{where}: field 'track' is only for specialization skills")
    parent = raw.get("parent")
    if parent is not None and not isinstance(parent, str):
        raise TaxonomyError(f"{where}: field 'parent' must be a skill id")
    fuzzy = raw.get("fuzzy", True)
    if not isinstance(fuzzy, bool):
        raise TaxonomyError(f"{where}: field 'fuzzy' must be true or false")
    context = raw.get("context")
    return Skill(
        id=skill_id,
        name=text_field("name"),
        phase=phase,
        category=text_field("category"),
        kind=choice("kind", KINDS),
        hours=float(hours),
        description=text_field("description"),
        aliases=_str_list(raw.get("aliases"), f"{where}: field 'aliases'"),
        case_sensitive=_str_list(raw.get("case_sensitive"), f"{where}: field 'case_sensitive'"),
        context=None if context is None else _parse_context(context, f"{where}: field 'context'"),
        parent=parent,
        related=_str_list(raw.get("related"), f"{where}: field 'related'"),
        prerequisites=_str_list(raw.get("prerequisites"), f"{where}: field 'prerequisites'"),
        track=track,
        fuzzy=fuzzy,
        source=source,
    )


def parse_taxonomy_yaml(content: str | bytes, source: str) -> list[Skill]:
    """The skills of one taxonomy YAML document; errors name ``source``, skill and field."""
    try:
        text = content.decode("utf-8-sig") if isinstance(content, bytes) else content
        data = yaml.safe_load(text)
    except UnicodeDecodeError:
        raise TaxonomyError(f"{source}: is not UTF-8 text") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" line {mark.line + 1}" if mark else ""
        raise TaxonomyError(f"{source}:{line} is not valid YAML") from None
    if not isinstance(data, dict) or not isinstance(data.get("skills"), list):
        raise TaxonomyError(f"{source}: must be a mapping with a list under 'skills'")
    return [parse_skill(raw, source, i) for i, raw in enumerate(data["skills"])]


def overlay(base: Taxonomy, skills: Iterable[Skill], source: str) -> Taxonomy:
    """``base`` with ``skills`` added, replacing those with the same id."""
    merged = dict(base.skills)
    merged.update((skill.id, skill) for skill in skills)
    return Taxonomy(skills=dict(sorted(merged.items())), sources=(*base.sources, source))


def _read_file(path: Path) -> list[Skill]:
    try:
        content = path.read_bytes()
    except OSError as exc:
        raise TaxonomyError(f"{path}: cannot be read ({exc.__class__.__name__})") from None
    return parse_taxonomy_yaml(content, str(path))


def _collect(path: Path, *, allow_replace: bool, into: dict[str, Skill]) -> None:
    for file in _yaml_files(path):
        for skill in _read_file(file):
            if skill.id in into and not allow_replace:
                raise TaxonomyError(
                    f"{file}: skill '{skill.id}': field 'id' is already used in "
                    f"{into[skill.id].source}"
                )
            into[skill.id] = skill


def load_taxonomy(extra: str | Path | None = None, base: str | Path | None = None) -> Taxonomy:
    """Load the built-in taxonomy (or ``base``) and lay ``extra`` over it.

    >>> tax = load_taxonomy()
    >>> tax["pytorch"].phase
    'deep-learning'
    """
    base_path = Path(base) if base else default_taxonomy_dir()
    skills: dict[str, Skill] = {}
    _collect(base_path, allow_replace=False, into=skills)
    sources = [str(base_path)]
    if extra:
        _collect(Path(extra), allow_replace=True, into=skills)
        sources.append(str(extra))
    return Taxonomy(skills=dict(sorted(skills.items())), sources=tuple(sources))


@cache
def default_taxonomy() -> Taxonomy:
    """The built-in taxonomy, loaded once per process."""
    return load_taxonomy()


def check_taxonomy(taxonomy: Taxonomy) -> list[str]:
    """Consistency problems: dangling references, forms claimed twice, prerequisite cycles."""
    problems: list[str] = []
    owners: dict[str, list[Skill]] = {}
    for skill in taxonomy:
        forms = {normalize_form(f) for f in skill.forms}
        forms |= {f"={f}" for f in skill.case_sensitive}
        for form in forms:
            owners.setdefault(form, []).append(skill)
        for ref_field in ("related", "prerequisites"):
            for ref in getattr(skill, ref_field):
                if ref not in taxonomy:
                    problems.append(f"{skill.id}: {ref_field} names unknown skill '{ref}'")
                elif ref == skill.id:
                    problems.append(f"{skill.id}: {ref_field} names the skill itself")
        if skill.parent and skill.parent not in taxonomy:
            problems.append(f"{skill.id}: parent names unknown skill '{skill.parent}'")
    for form, skills in sorted(owners.items()):
        if len(skills) < 2:
            continue
        text = form.removeprefix("=")
        undisambiguated = [s.id for s in skills if not (s.context and s.context.applies_to(text))]
        if len(undisambiguated) > 1 or len(undisambiguated) == len(skills):
            ids = ", ".join(s.id for s in skills)
            problems.append(f"form '{text}' is claimed by {ids} without a context rule")
    problems.extend(_cycles(taxonomy, "prerequisites"))
    problems.extend(_cycles(taxonomy, "parent"))
    return problems


def _cycles(taxonomy: Taxonomy, attr: str) -> list[str]:
    """Cycles along ``prerequisites`` (or the ``parent`` chain), each reported once."""
    state: dict[str, int] = {}
    found: list[str] = []

    def edges(skill_id: str) -> tuple[str, ...]:
        skill = taxonomy.get(skill_id)
        if skill is None:
            return ()
        value = getattr(skill, attr)
        if attr == "parent":
            return (value,) if value else ()
        return value

    def visit(skill_id: str, path: list[str]) -> None:
        state[skill_id] = 1
        for nxt in edges(skill_id):
            if state.get(nxt) == 1:
                cycle = [*path[path.index(nxt) :], nxt] if nxt in path else [skill_id, nxt]
                found.append(f"{attr} cycle: {' -> '.join(cycle)}")
            elif nxt not in state:
                visit(nxt, [*path, nxt])
        state[skill_id] = 2

    for skill_id in taxonomy.skills:
        if skill_id not in state:
            visit(skill_id, [skill_id])
    return found
