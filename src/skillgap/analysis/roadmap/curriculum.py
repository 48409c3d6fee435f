"""The curriculum as data: ``curriculum.yaml`` beside this module, validated at load.

It holds the roadmap's blocks, the labels of the taxonomy's phases and tracks (their one home), the
themes that group skills beyond the roadmap, the portfolio projects with their monthly steps, and
the wording of the interview topics.

>>> curriculum().phase_label("ml-foundations")
'ML foundations'
>>> curriculum().theme_of(Skill("kafka", "Kafka", "other", "data", "hard", 20, "x")).label
'Data engineering and analytics'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from typing import Any

import yaml

from skillgap.taxonomy import PHASES, TRACKS, Skill

_ID_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789-")
INTERVIEW_KEYS = (
    "coding", "coding_sql", "ml_knowledge", "system_design", "deep_dive", "track", "behavioural",
)  # fmt: skip


class CurriculumError(ValueError):
    """Curriculum data that does not follow its schema; the message names the entry and field."""


@dataclass(frozen=True)
class Block:
    """Consecutive phases of the 12-month plan and the months they take."""

    phases: tuple[str, ...]
    months: int


@dataclass(frozen=True)
class Theme:
    """A group of skills beyond the roadmap (cloud, data engineering, web...)."""

    id: str
    label: str
    categories: tuple[str, ...]
    skills: tuple[str, ...]
    default: bool


@dataclass(frozen=True)
class Step:
    """One month's worth of a project: what to do and what to show for it."""

    goal: str
    deliverable: str


@dataclass(frozen=True)
class ProjectSpec:
    """A portfolio project: the phase, track or theme it serves, its skills and its steps."""

    id: str
    name: str
    description: str
    group: tuple[str, str]
    skills: tuple[str, ...]
    steps: tuple[Step, ...]


@dataclass(frozen=True)
class Curriculum:
    """Everything the planner and the renderers take from ``curriculum.yaml``."""

    blocks: tuple[Block, ...]
    phase_labels: Mapping[str, str]
    core: Mapping[str, tuple[str, ...]]
    track_labels: Mapping[str, str]
    system_design: Mapping[str, str]
    themes: tuple[Theme, ...]
    projects: tuple[ProjectSpec, ...]
    interview: Mapping[str, str]

    def phase_label(self, phase: str) -> str:
        return self.phase_labels.get(phase, phase)

    def track_label(self, track: str) -> str:
        return self.track_labels.get(track, track)

    def theme_of(self, skill: Skill) -> Theme:
        """The theme of a skill beyond the roadmap: listed by id, else by category, else default."""
        for theme in self.themes:
            if skill.id in theme.skills:
                return theme
        for theme in self.themes:
            if skill.category in theme.categories:
                return theme
        return next(t for t in self.themes if t.default)

    def theme(self, theme_id: str) -> Theme:
        return next(t for t in self.themes if t.id == theme_id)

    def project(self, project_id: str) -> ProjectSpec:
        return next(p for p in self.projects if p.id == project_id)

    @cached_property
    def fallbacks(self) -> Mapping[tuple[str, str], str]:
        """Per phase, track or theme, the project that takes its skills no project lists: the
        first one serving it."""
        first: dict[tuple[str, str], str] = {}
        for project in self.projects:
            first.setdefault(project.group, project.id)
        return first

    @cached_property
    def listing(self) -> Mapping[str, tuple[int, ...]]:
        """Per skill id, the positions of the projects that list it."""
        found: dict[str, list[int]] = {}
        for index, project in enumerate(self.projects):
            for skill_id in project.skills:
                found.setdefault(skill_id, []).append(index)
        return {skill_id: tuple(at) for skill_id, at in found.items()}


def _mapping(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise CurriculumError(f"{where}: must be a mapping")
    return value


def _text(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise CurriculumError(f"{where}: must be non-empty text")
    return value.strip()


def _ids(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(
        isinstance(v, str) and v and set(v) <= _ID_CHARS for v in value
    ):
        raise CurriculumError(f"{where}: must be a list of kebab-case ids")
    return tuple(value)


def _keys(data: dict[str, Any], name: str, expected: tuple[str, ...]) -> dict[str, Any]:
    section = _mapping(data.get(name), name)
    if tuple(section) != expected:
        raise CurriculumError(f"{name}: must list exactly {', '.join(expected)}, in that order")
    return section


def _blocks(raw: Any) -> tuple[Block, ...]:
    if not isinstance(raw, list) or not raw:
        raise CurriculumError("blocks: must be a non-empty list")
    blocks = []
    for i, item in enumerate(raw):
        entry = _mapping(item, f"blocks #{i + 1}")
        phases = _ids(entry.get("phases"), f"blocks #{i + 1}.phases")
        months = entry.get("months")
        if not phases or not set(phases) <= set(PHASES):
            raise CurriculumError(f"blocks #{i + 1}.phases: must name taxonomy phases")
        if not isinstance(months, int) or isinstance(months, bool) or months < 1:
            raise CurriculumError(f"blocks #{i + 1}.months: must be a whole number of months")
        blocks.append(Block(phases, months))
    return tuple(blocks)


def _themes(raw: Any) -> tuple[Theme, ...]:
    if not isinstance(raw, list) or not raw:
        raise CurriculumError("themes: must be a non-empty list")
    themes = []
    for i, item in enumerate(raw):
        entry = _mapping(item, f"themes #{i + 1}")
        theme_id = _ids([entry.get("id")], f"themes #{i + 1}.id")[0]
        default = entry.get("default", False)
        if not isinstance(default, bool):
            raise CurriculumError(f"themes {theme_id}.default: must be true or false")
        themes.append(
            Theme(
                theme_id,
                _text(entry.get("label"), f"themes {theme_id}.label"),
                tuple(_ids(entry.get("categories"), f"themes {theme_id}.categories")),
                _ids(entry.get("skills"), f"themes {theme_id}.skills"),
                default,
            )
        )
    if sum(t.default for t in themes) != 1:
        raise CurriculumError("themes: exactly one theme must be the default")
    return tuple(themes)


def _projects(raw: Any, themes: tuple[Theme, ...]) -> tuple[ProjectSpec, ...]:
    if not isinstance(raw, list):
        raise CurriculumError("projects: must be a list")
    groups = {"phase": set(PHASES), "track": set(TRACKS), "theme": {t.id for t in themes}}
    projects = []
    for i, item in enumerate(raw):
        entry = _mapping(item, f"projects #{i + 1}")
        project_id = _ids([entry.get("id")], f"projects #{i + 1}.id")[0]
        where = f"projects {project_id}"
        serves = _mapping(entry.get("for"), f"{where}.for")
        if len(serves) != 1 or next(iter(serves)) not in groups:
            raise CurriculumError(f"{where}.for: must be one of phase, track or theme")
        kind, value = next(iter(serves.items()))
        if value not in groups[kind]:
            raise CurriculumError(f"{where}.for: unknown {kind} {value!r}")
        steps_raw = entry.get("steps")
        if not isinstance(steps_raw, list) or not steps_raw:
            raise CurriculumError(f"{where}.steps: must be a non-empty list")
        steps = []
        for n, step in enumerate(steps_raw, start=1):
            step = _mapping(step, f"{where}.steps #{n}")
            steps.append(
                Step(
                    _text(step.get("goal"), f"{where}.steps #{n}.goal"),
                    _text(step.get("deliverable"), f"{where}.steps #{n}.deliverable"),
                )
            )
        projects.append(
            ProjectSpec(
                project_id,
                _text(entry.get("name"), f"{where}.name"),
                _text(entry.get("description"), f"{where}.description"),
                (kind, value),
                _ids(entry.get("skills"), f"{where}.skills"),
                tuple(steps),
            )
        )
    if len({p.id for p in projects}) != len(projects):
        raise CurriculumError("projects: ids must be unique")
    served = {p.group for p in projects}
    needed = [("phase", p) for p in PHASES if p not in ("specialization", "other")]
    needed += [("track", t) for t in TRACKS] + [("theme", t.id) for t in themes]
    missing = [f"{kind} {value}" for kind, value in needed if (kind, value) not in served]
    if missing:
        raise CurriculumError(f"projects: no project for {', '.join(missing)}")
    return tuple(projects)


def parse_curriculum(text: str) -> Curriculum:
    """Validate curriculum YAML and build the ``Curriculum``; errors name the entry and field."""
    try:
        data = _mapping(yaml.safe_load(text), "curriculum")
    except yaml.YAMLError:
        raise CurriculumError("curriculum: not valid YAML") from None
    phases = _keys(data, "phases", PHASES)
    tracks = _keys(data, "tracks", TRACKS)
    themes = _themes(data.get("themes"))
    interview = _mapping(data.get("interview"), "interview")
    if set(interview) != set(INTERVIEW_KEYS):
        raise CurriculumError(f"interview: must hold exactly {', '.join(INTERVIEW_KEYS)}")
    blocks = _blocks(data.get("blocks"))
    return Curriculum(
        blocks=blocks,
        phase_labels={
            p: _text(_mapping(v, f"phases {p}").get("label"), f"phases {p}.label")
            for p, v in phases.items()
        },
        core={p: _ids(v.get("core"), f"phases {p}.core") for p, v in phases.items()},
        track_labels={
            t: _text(_mapping(v, f"tracks {t}").get("label"), f"tracks {t}.label")
            for t, v in tracks.items()
        },
        system_design={
            t: _text(v.get("system_design"), f"tracks {t}.system_design") for t, v in tracks.items()
        },
        themes=themes,
        projects=_projects(data.get("projects"), themes),
        interview={k: _text(v, f"interview.{k}") for k, v in interview.items()},
    )


@cache
def curriculum() -> Curriculum:
    """The packaged curriculum, loaded and validated once per process."""
    path = resources.files("skillgap.analysis.roadmap").joinpath("curriculum.yaml")
    return parse_curriculum(path.read_text("utf-8"))


def phase_label(phase: str) -> str:
    """A phase's label ("ML foundations"); the phase itself when unknown."""
    return curriculum().phase_label(phase)


def track_label(track: str) -> str:
    """A track's label ("Computer vision"); the track itself when unknown."""
    return curriculum().track_label(track)
