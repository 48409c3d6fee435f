"""Ordered skills into months: hours laid end to end, small leftovers merged into a neighbour,
then each month given the portfolio project it advances and that project's next step as its goal.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from skillgap.analysis.roadmap.curriculum import Curriculum, ProjectSpec
from skillgap.taxonomy import Skill, Taxonomy

LEFTOVER_HOURS = 4.0
GOAL_SKILLS = 4
_EPS = 1e-9


@dataclass(frozen=True)
class MonthPlan:
    """One month before wording: the study hours of each skill, in plan order."""

    hours: Mapping[str, float]


@dataclass(frozen=True)
class MonthWork:
    """What a month advances: its project, the step of it, and the skills the project exercises."""

    project: ProjectSpec
    step: int
    exercised: tuple[str, ...]
    goal: str
    deliverable: str


def pack(order: Sequence[str], hours: Mapping[str, float], month_hours: float) -> list[MonthPlan]:
    """Lay the skills end to end in months of ``month_hours``; a skill's part of under
    ``LEFTOVER_HOURS`` goes to the month holding more of it, and a month left with under that many
    hours joins the one before it."""
    months: dict[int, dict[str, float]] = {}
    position = 0.0
    for skill_id in order:
        start, end = position, position + hours[skill_id] / month_hours
        first = int(start + _EPS) + 1
        last = max(first, math.ceil(end - _EPS))
        for month in range(first, last + 1):
            overlap = min(end, month) - max(start, month - 1)
            if overlap > _EPS or month == first:
                months.setdefault(month, {})[skill_id] = max(overlap, 0.0) * month_hours
        position = end
    for skill_id in order:
        held = sorted(m for m in months if skill_id in months[m])
        while len(held) > 1 and months[held[0]][skill_id] < LEFTOVER_HOURS:
            months[held[1]][skill_id] += months[held[0]].pop(skill_id)
            held.pop(0)
        while len(held) > 1 and months[held[-1]][skill_id] < LEFTOVER_HOURS:
            months[held[-2]][skill_id] += months[held[-1]].pop(skill_id)
            held.pop()
    merged: list[dict[str, float]] = []
    for _, share in sorted(months.items()):
        if not share:
            continue
        if merged and sum(share.values()) < LEFTOVER_HOURS:
            for skill_id, h in share.items():
                merged[-1][skill_id] = merged[-1].get(skill_id, 0.0) + h
        else:
            merged.append(dict(share))
    if len(merged) > 1 and sum(merged[0].values()) < LEFTOVER_HOURS:
        opening = merged.pop(0)
        merged[0] = {**opening, **{k: v + opening.get(k, 0.0) for k, v in merged[0].items()}}
    rank = {skill_id: i for i, skill_id in enumerate(order)}
    return [MonthPlan(dict(sorted(m.items(), key=lambda kv: rank[kv[0]]))) for m in merged]


def spans(months: Sequence[MonthPlan]) -> dict[str, tuple[int, int]]:
    """Each skill's first and last month (1-based)."""
    out: dict[str, tuple[int, int]] = {}
    for number, month in enumerate(months, start=1):
        for skill_id in month.hours:
            out[skill_id] = (out.get(skill_id, (number, number))[0], number)
    return out


def group_of(skill: Skill, curriculum: Curriculum) -> tuple[str, str]:
    """The phase, track or theme whose projects take a skill by default."""
    if skill.phase == "specialization" and skill.track:
        return ("track", skill.track)
    if skill.phase == "other":
        return ("theme", curriculum.theme_of(skill).id)
    return ("phase", skill.phase)


def default_projects(
    skill_ids: Iterable[str], taxonomy: Taxonomy, curriculum: Curriculum
) -> dict[str, str]:
    """Per skill id, the project that takes the skills of its group that no project lists."""
    return {i: curriculum.fallbacks[group_of(taxonomy[i], curriculum)] for i in skill_ids}


def exercised(
    project: ProjectSpec, skill_ids: Sequence[str], default_project: Mapping[str, str]
) -> tuple[list[str], list[str]]:
    """The skills of ``skill_ids`` a project lists, and those it takes as its group's default
    (``default_project``: per skill id, as ``default_projects`` gives it)."""
    listed, default = [], []
    for skill_id in skill_ids:
        if skill_id in project.skills:
            listed.append(skill_id)
        elif default_project[skill_id] == project.id:
            default.append(skill_id)
    return listed, default


def _listing(names: Sequence[str]) -> str:
    shown = list(names[:GOAL_SKILLS])
    if len(names) > GOAL_SKILLS:
        shown.append(f"{len(names) - GOAL_SKILLS} more")
    return ", ".join(shown[:-1]) + f" and {shown[-1]}" if len(shown) > 1 else shown[0]


def assign_work(
    months: Sequence[MonthPlan], taxonomy: Taxonomy, curriculum: Curriculum
) -> list[MonthWork]:
    """For each month, the project that exercises most of its hours (a project's own skills count
    fully, its group's other skills half), the project's next step, and the goal in words: the
    step, the skills it exercises, then the month's other skills."""
    done: dict[str, int] = {}
    work: list[MonthWork] = []
    previous: str | None = None
    by_id = {p.id: i for i, p in enumerate(curriculum.projects)}
    ids_in_plan = (skill_id for month in months for skill_id in month.hours)
    default_project = default_projects(ids_in_plan, taxonomy, curriculum)
    for month in months:
        ids = list(month.hours)
        best: tuple[float, int, int, ProjectSpec] | None = None
        candidates = {i for skill_id in ids for i in curriculum.listing.get(skill_id, ())}
        candidates.update(by_id[default_project[skill_id]] for skill_id in ids)
        for index in sorted(candidates):
            project = curriculum.projects[index]
            listed, default = exercised(project, ids, default_project)
            score = sum(month.hours[i] for i in listed) + 0.5 * sum(month.hours[i] for i in default)
            if score <= 0:
                continue
            candidate = (round(score, 6), int(project.id == previous), -index, project)
            if best is None or candidate[:3] > best[:3]:
                best = candidate
        if best is None:
            raise ValueError(f"no project exercises {', '.join(ids)}")
        project = best[3]
        listed, default = exercised(project, ids, default_project)
        used = sorted(listed + default, key=lambda i: (-month.hours[i], ids.index(i)))
        count = done.get(project.id, 0)
        done[project.id] = count + 1
        step = project.steps[min(count, len(project.steps) - 1)]
        goal = step.goal
        if count >= len(project.steps):
            goal += f" (continued, part {count - len(project.steps) + 2})"
        names = [taxonomy[i].name for i in used]
        goal = f"{goal}, using {_listing(names)}"
        others = [taxonomy[i].name for i in ids if i not in used]
        if others:
            goal += f"; also study {_listing(others)}"
        work.append(MonthWork(project, count + 1, tuple(used), goal, step.deliverable))
        previous = project.id
    return work


def add_months(start: date, months: int) -> date:
    """``start`` moved by whole calendar months, clamped to the month's last day.

    >>> add_months(date(2027, 1, 31), 1)
    datetime.date(2027, 2, 28)
    """
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    following = date(year + month // 12, month % 12 + 1, 1)
    return date(year, month, min(start.day, (following - timedelta(days=1)).day))
