"""From gaps to a month-by-month learning plan that follows the ML engineer roadmap.

The roadmap's 12-month plan is a sequence of blocks (``curriculum.yaml``: Python 2 months, math and
ML foundations 2, deep learning 3, one specialization track 3, deployment 2). The *full plan* of a
track is the curriculum's core skills, every skill of the track, and all their prerequisites
(``full_plan``).

A learner's plan holds their hard-skill gaps and the prerequisites of those they do not have yet
(skills marked ``learned`` count as held), ordered prerequisites first, then by roadmap phase,
then, beyond the roadmap, by theme (cloud, data, web...), then by importance. Soft skills and other
tracks' skills are set aside with a reason. Every scheduled skill says why it is there.

Durations: a skill's study time is its taxonomy ``hours`` scaled so that, at the default pace, each
block of the full plan fills exactly the block's months. The default pace is the full plan's hours
(averaged over the tracks) spread over 52 weeks, so a resume with nothing, facing postings that ask
for the whole plan, gets exactly the 12-month plan. Skills outside the roadmap (phase ``other``)
keep their taxonomy hours and come after it. A skill takes half the time when the resume shows a
related one (TensorFlow for PyTorch), or, outside the full plan, when a related one is learned
earlier in the plan.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from skillgap.analysis.compare import ResumeEvidence, resume_evidence
from skillgap.analysis.market import Market
from skillgap.analysis.roadmap.curriculum import Curriculum, curriculum
from skillgap.analysis.roadmap.interview import InterviewTopic, interview_topics
from skillgap.analysis.roadmap.months import add_months, assign_work, pack, spans
from skillgap.analysis.roadmap.reasons import asked_text, prerequisite_text
from skillgap.memo import per_object
from skillgap.models import DocumentProfile
from skillgap.taxonomy import PHASES, TRACKS, Resource, Taxonomy

WEEKS_PER_MONTH = 52 / 12
PARTIAL_EFFORT = 0.5
_EPS = 1e-9


@dataclass(frozen=True)
class PlannedSkill:
    """A skill in the plan: why it is there (``reason`` is gap, partial or prerequisite; ``why``
    says it in words), when it is studied, where to learn it and when it is learned."""

    id: str
    name: str
    phase: str
    theme: str | None
    reason: str
    why: tuple[str, ...]
    hours: float
    start_month: int
    end_month: int
    project: str
    outcome: str | None
    resources: tuple[Resource, ...]


@dataclass(frozen=True)
class MonthSkill:
    id: str
    name: str
    hours: float


@dataclass(frozen=True)
class Month:
    """One month of the plan: its skills, the project step it delivers, its dates if known."""

    month: int
    phase: str
    theme: str | None
    skills: tuple[MonthSkill, ...]
    goal: str
    deliverable: str
    project: str
    project_id: str
    step: int
    start: date | None
    end: date | None


@dataclass(frozen=True)
class SetAside:
    """A gap the plan does not schedule (another specialization track, a soft skill), or a skill
    marked as learned."""

    id: str
    name: str
    reason: str


@dataclass(frozen=True)
class Project:
    """A portfolio project the plan advances, in which months and with which skills."""

    id: str
    name: str
    description: str
    months: tuple[int, ...]
    skills: tuple[str, ...]


@dataclass(frozen=True)
class Roadmap:
    """The learning plan: months, the skills in them, projects and interview preparation."""

    track: str
    track_reason: str
    hours_per_week: float
    default_hours_per_week: float
    total_months: int
    full_plan_months: int
    months_saved: int
    start_date: date | None
    months: tuple[Month, ...]
    skills: tuple[PlannedSkill, ...]
    set_aside: tuple[SetAside, ...]
    learned: tuple[SetAside, ...]
    projects: tuple[Project, ...]
    interview_topics: tuple[InterviewTopic, ...]

    def to_dict(self) -> dict[str, Any]:
        """The ``roadmap`` part of the JSON report."""
        return {
            "track": self.track,
            "track_reason": self.track_reason,
            "hours_per_week": self.hours_per_week,
            "default_hours_per_week": self.default_hours_per_week,
            "total_months": self.total_months,
            "full_plan_months": self.full_plan_months,
            "months_saved": self.months_saved,
            "start_date": _iso(self.start_date),
            "months": [
                {
                    "month": m.month,
                    "phase": m.phase,
                    "theme": m.theme,
                    "skills": [{"id": s.id, "name": s.name, "hours": s.hours} for s in m.skills],
                    "goal": m.goal,
                    "deliverable": m.deliverable,
                    "project": m.project,
                    "project_id": m.project_id,
                    "step": m.step,
                    "start": _iso(m.start),
                    "end": _iso(m.end),
                }
                for m in self.months
            ],
            "skills": [
                {
                    "id": s.id,
                    "name": s.name,
                    "phase": s.phase,
                    "theme": s.theme,
                    "reason": s.reason,
                    "why": list(s.why),
                    "hours": s.hours,
                    "start_month": s.start_month,
                    "end_month": s.end_month,
                    "project": s.project,
                    "outcome": s.outcome,
                    "resources": [
                        {"title": r.title, "url": r.url, "type": r.type} for r in s.resources
                    ],
                }
                for s in self.skills
            ],
            "set_aside": [_named(s) for s in self.set_aside],
            "learned": [_named(s) for s in self.learned],
            "projects": [
                {
                    "id": p.id,
                    "name": p.name,
                    "description": p.description,
                    "months": list(p.months),
                    "skills": list(p.skills),
                }
                for p in self.projects
            ],
            "interview_topics": [
                {"topic": t.topic, "detail": t.detail} for t in self.interview_topics
            ],
        }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _named(item: SetAside) -> dict[str, str]:
    return {"id": item.id, "name": item.name, "reason": item.reason}


@dataclass(frozen=True)
class _Calibration:
    """Per taxonomy: the default pace, and per track the full plan and the hour scale per phase."""

    default_pace: float
    plans: Mapping[str, frozenset[str]]
    scales: Mapping[str, Mapping[str, float]]


def full_plan(taxonomy: Taxonomy, track: str) -> frozenset[str]:
    """The skills of the full 12-month plan: the curriculum, the track's skills and every
    prerequisite they need."""
    todo = [i for ids in curriculum().core.values() for i in ids if i in taxonomy]
    todo += [s.id for s in taxonomy if s.phase == "specialization" and s.track == track]
    plan: set[str] = set()
    while todo:
        skill_id = todo.pop()
        if skill_id not in plan:
            plan.add(skill_id)
            todo.extend(p for p in taxonomy[skill_id].prerequisites if p in taxonomy)
    return frozenset(plan)


def _calibrate(taxonomy: Taxonomy) -> _Calibration:
    blocks = curriculum().blocks
    plans = {track: full_plan(taxonomy, track) for track in TRACKS}
    hours = {
        track: [
            sum(taxonomy[i].hours for i in plan if taxonomy[i].phase in b.phases) for b in blocks
        ]
        for track, plan in plans.items()
    }
    with_skills = [t for t in TRACKS if any(s.track == t for s in taxonomy)] or list(TRACKS)
    mean_total = sum(sum(hours[t]) for t in with_skills) / len(with_skills)
    plan_months = sum(b.months for b in blocks)
    pace = round(mean_total / (plan_months * WEEKS_PER_MONTH), 1) or 10.0
    month_hours = pace * WEEKS_PER_MONTH
    scales = {}
    for track in TRACKS:
        per_phase = dict.fromkeys(PHASES, 1.0)
        for block, block_hours in zip(blocks, hours[track], strict=True):
            for phase in block.phases:
                per_phase[phase] = block.months * month_hours / block_hours if block_hours else 1.0
        scales[track] = per_phase
    return _Calibration(pace, plans, scales)


_calibration = per_object(_calibrate)  # computed once per taxonomy object and process


def default_hours_per_week(taxonomy: Taxonomy) -> float:
    """The pace at which the full plan (with an average-sized track) takes 12 months."""
    return _calibration(taxonomy).default_pace


def choose_track(
    weights: Mapping[str, float], taxonomy: Taxonomy, evidence: ResumeEvidence | None = None
) -> tuple[str, str]:
    """The specialization the postings want most (by skill weight), and why it was chosen."""
    label = curriculum().track_label
    by_track: dict[str, float] = {}
    for skill_id, weight in weights.items():
        skill = taxonomy.get(skill_id)
        if skill is not None and skill.track:
            by_track[skill.track] = by_track.get(skill.track, 0.0) + weight
    if by_track and max(by_track.values()) > 0:
        track = max(TRACKS, key=lambda t: (by_track.get(t, 0.0), -TRACKS.index(t)))
        return track, f"{label(track)}: the specialization the postings ask for most"
    held: dict[str, int] = {}
    for hit in evidence.profile.skills if evidence else ():
        skill = taxonomy.get(hit.id)
        if skill is not None and skill.track:
            held[skill.track] = held.get(skill.track, 0) + 1
    if held:
        track = max(TRACKS, key=lambda t: (held.get(t, 0), -TRACKS.index(t)))
        return track, f"{label(track)}: no posting asks for a specialization; closest to you"
    first = TRACKS[0]
    return first, f"{label(first)}: no posting asks for a specialization; the roadmap's first track"


@dataclass
class _Selection:
    priority: dict[str, float]
    reason: dict[str, str]
    needed_by: dict[str, set[str]]
    set_aside: list[SetAside]


def _select(
    gaps: Mapping[str, float],
    evidence: ResumeEvidence,
    taxonomy: Taxonomy,
    track: str,
    learned: Collection[str],
) -> _Selection:
    """The skills to study with their priority and kind of reason (prerequisites included), who
    needs each prerequisite, and the gaps set aside."""
    selection = _Selection({}, {}, {}, [])
    label = curriculum().track_label
    for skill_id, weight in sorted(gaps.items()):
        skill = taxonomy.get(skill_id)
        if skill is None or skill_id in learned:
            continue
        if skill.kind == "soft":
            why = "soft skill: show it in your resume and interviews, do not study it"
            selection.set_aside.append(SetAside(skill.id, skill.name, why))
        elif skill.track and skill.track != track:
            why = f"{label(skill.track)} track: after the plan, if you want a second track"
            selection.set_aside.append(SetAside(skill.id, skill.name, why))
        else:
            selection.priority[skill_id] = weight
            selection.reason[skill_id] = "partial" if evidence.partly_holds(skill_id) else "gap"
    priority = selection.priority
    stack = sorted(priority)
    while stack:
        skill_id = stack.pop()
        for pre in taxonomy[skill_id].prerequisites:
            if pre not in taxonomy or evidence.holds(pre) or pre in learned:
                continue
            if taxonomy[pre].kind == "soft":
                continue
            selection.needed_by.setdefault(pre, set()).add(skill_id)
            if pre not in priority or priority[pre] < priority[skill_id]:
                priority[pre] = max(priority.get(pre, 0.0), priority[skill_id])
                selection.reason.setdefault(pre, "prerequisite")
                stack.append(pre)
    return selection


def _ordered(priority: Mapping[str, float], taxonomy: Taxonomy, plan: Curriculum) -> list[str]:
    """Prerequisites first; otherwise roadmap phase order, theme (beyond the roadmap), priority."""
    theme_rank: dict[str, float] = {}
    for skill_id, weight in priority.items():
        if taxonomy[skill_id].phase == "other":
            theme = plan.theme_of(taxonomy[skill_id]).id
            theme_rank[theme] = max(theme_rank.get(theme, 0.0), weight)
    themes = sorted(
        theme_rank, key=lambda t: (-theme_rank[t], [x.id for x in plan.themes].index(t))
    )
    waiting = {i: {p for p in taxonomy[i].prerequisites if p in priority} for i in priority}
    dependents: dict[str, list[str]] = {}
    for skill_id, pres in waiting.items():
        for pre in pres:
            dependents.setdefault(pre, []).append(skill_id)

    def key(skill_id: str) -> tuple[int, int, float, str]:
        skill = taxonomy[skill_id]
        theme = themes.index(plan.theme_of(skill).id) if skill.phase == "other" else 0
        return (PHASES.index(skill.phase), theme, -priority[skill_id], skill_id)

    ready = [key(i) for i, pres in waiting.items() if not pres]
    heapq.heapify(ready)
    order: list[str] = []
    while ready:
        skill_id = heapq.heappop(ready)[3]
        order.append(skill_id)
        for dep in dependents.get(skill_id, ()):
            waiting[dep].discard(skill_id)
            if not waiting[dep]:
                heapq.heappush(ready, key(dep))
    order += sorted(set(priority) - set(order), key=key)
    return order


def _study_hours(
    order: list[str],
    evidence: ResumeEvidence,
    taxonomy: Taxonomy,
    scales: Mapping[str, float],
    plan: frozenset[str],
) -> tuple[dict[str, float], dict[str, str]]:
    """Scaled taxonomy hours, halved for a skill related to one the resume shows, and for a skill
    outside the curriculum related to one learned earlier in the plan (TensorFlow after PyTorch);
    with the reason for each halving."""
    hours: dict[str, float] = {}
    halved: dict[str, str] = {}
    for skill_id in order:
        skill = taxonomy[skill_id]
        known = [a.hit.name for a in evidence.answers.get(skill_id, ()) if a.status == "partial"]
        if known and not evidence.holds(skill_id):
            halved[skill_id] = f"half time: you know {known[0]}"
        elif skill_id not in plan:
            earlier = [o for o in hours if o in skill.related or skill_id in taxonomy[o].related]
            if earlier:
                halved[skill_id] = (
                    f"half time: builds on {taxonomy[earlier[0]].name}, earlier in the plan"
                )
        factor = PARTIAL_EFFORT if skill_id in halved else 1.0
        hours[skill_id] = skill.hours * scales[skill.phase] * factor
    return hours, halved


def _reasons(
    selection: _Selection, market: Market | None, halved: Mapping[str, str], taxonomy: Taxonomy
) -> dict[str, tuple[str, ...]]:
    """Per planned skill, why it is in the plan, in words."""
    asked = {d.id: (d.jobs, d.required) for d in market.demand} if market else {}
    of = market.scored_jobs if market else 0
    names = {i: taxonomy[i].name for i in selection.priority}
    return {i: _why(i, selection, asked, of, names, halved.get(i)) for i in selection.priority}


def _why(
    skill_id: str,
    selection: _Selection,
    asked: Mapping[str, tuple[int, int]],
    of: int,
    names: Mapping[str, str],
    halved: str | None,
) -> tuple[str, ...]:
    out = []
    if selection.reason[skill_id] == "prerequisite":
        out.append(prerequisite_text(skill_id, selection.needed_by, asked, names, of))
    elif skill_id in asked:
        out.append(asked_text(*asked[skill_id], of))
    else:
        out.append("a gap in the postings")
    if selection.reason[skill_id] != "prerequisite" and skill_id in selection.needed_by:
        first = sorted(names[i] for i in selection.needed_by[skill_id])[0]
        out.append(f"also a prerequisite of {first}")
    if halved:
        out.append(halved)
    return tuple(out)


def build_roadmap(
    gaps: Mapping[str, float],
    resume: DocumentProfile | ResumeEvidence,
    taxonomy: Taxonomy,
    hours_per_week: float | None = None,
    track: str | None = None,
    *,
    asked: Mapping[str, float] | None = None,
    market: Market | None = None,
    learned: Collection[str] = (),
    start_date: date | None = None,
) -> Roadmap:
    """Place ``gaps`` (skill id -> importance) and their missing prerequisites into months.

    ``track`` None or "auto" picks the specialization from ``asked`` (skill id -> demand;
    defaults to ``gaps``). ``hours_per_week`` None uses ``default_hours_per_week``. ``market``
    (the postings' demand) words the reasons; ``learned`` skills count as held, so the plan
    re-flows without them; ``start_date`` dates every month.
    """
    if hours_per_week is not None and not 0 < hours_per_week <= 168:
        raise ValueError("hours per week must be more than 0 and at most 168")
    if track not in (None, "auto", *TRACKS):
        raise ValueError(f"track must be auto or one of {', '.join(TRACKS)}")
    plan_data = curriculum()
    evidence = resume_evidence(resume, taxonomy)
    asked = gaps if asked is None else asked
    if track in (None, "auto"):
        track, track_reason = choose_track(asked, taxonomy, evidence)
    else:
        track_reason = f"{plan_data.track_label(track)}: chosen by you"
    calibration = _calibration(taxonomy)
    pace = hours_per_week or calibration.default_pace
    learned = frozenset(learned)
    selection = _select(gaps, evidence, taxonomy, track, learned)
    order = _ordered(selection.priority, taxonomy, plan_data)
    hours, halved = _study_hours(
        order, evidence, taxonomy, calibration.scales[track], calibration.plans[track]
    )
    packed = pack(order, hours, pace * WEEKS_PER_MONTH)
    work = assign_work(packed, taxonomy, plan_data)
    months = []
    for number, (month, done) in enumerate(zip(packed, work, strict=True), start=1):
        by_phase: dict[str, float] = {}
        for skill_id, h in month.hours.items():
            phase = taxonomy[skill_id].phase
            by_phase[phase] = by_phase.get(phase, 0.0) + h
        # the phase with the most hours; the earlier one on a tie (phases are the taxonomy's)
        phase = max(by_phase, key=lambda p: (round(by_phase[p], 6), -PHASES.index(p)))
        themes = [plan_data.theme_of(taxonomy[i]).label for i in month.hours if phase == "other"]
        months.append(
            Month(
                month=number,
                phase=phase,
                theme=max(themes, key=themes.count) if themes else None,
                skills=tuple(
                    MonthSkill(i, taxonomy[i].name, round(h, 1)) for i, h in month.hours.items()
                ),
                goal=done.goal,
                deliverable=done.deliverable,
                project=done.project.name,
                project_id=done.project.id,
                step=done.step,
                start=add_months(start_date, number - 1) if start_date else None,
                end=add_months(start_date, number) - timedelta(days=1) if start_date else None,
            )
        )
    when = spans(packed)
    why = _reasons(selection, market, halved, taxonomy)
    project_of: dict[str, str] = {}
    for done in work:
        for skill_id in done.exercised:
            project_of.setdefault(skill_id, done.project.id)
    planned = tuple(
        PlannedSkill(
            id=i,
            name=taxonomy[i].name,
            phase=taxonomy[i].phase,
            theme=plan_data.theme_of(taxonomy[i]).label if taxonomy[i].phase == "other" else None,
            reason=selection.reason[i],
            why=why[i],
            hours=round(hours[i], 1),
            start_month=when[i][0],
            end_month=when[i][1],
            project=project_of.get(i, work[when[i][0] - 1].project.id),
            outcome=taxonomy[i].outcome,
            resources=taxonomy[i].resources,
        )
        for i in order
    )
    project_months: dict[str, list[int]] = {}
    project_skills: dict[str, dict[str, None]] = {}
    for number, done in enumerate(work, start=1):
        project_months.setdefault(done.project.id, []).append(number)
        project_skills.setdefault(done.project.id, {}).update(dict.fromkeys(done.exercised))
    projects = [
        Project(
            spec.id,
            spec.name,
            spec.description,
            tuple(project_months[spec.id]),
            tuple(project_skills[spec.id]),
        )
        for spec in plan_data.projects
        if spec.id in project_months
    ]
    by_use = sorted(projects, key=lambda p: (-len(p.months), p.months[0]))
    main_projects = [p.name for p in by_use] or [
        next(p.name for p in plan_data.projects if p.group == ("track", track))
    ]
    plan_months = sum(block.months for block in plan_data.blocks)
    full = math.ceil(plan_months * calibration.default_pace / pace - _EPS)
    return Roadmap(
        track=track,
        track_reason=track_reason,
        hours_per_week=round(pace, 1),
        default_hours_per_week=calibration.default_pace,
        total_months=len(months),
        full_plan_months=full,
        months_saved=max(0, full - len(months)),
        start_date=start_date,
        months=tuple(months),
        skills=planned,
        set_aside=tuple(selection.set_aside),
        learned=tuple(
            SetAside(i, taxonomy[i].name, "marked as learned")
            for i in sorted(learned)
            if i in taxonomy
        ),
        projects=tuple(projects),
        interview_topics=interview_topics(asked, taxonomy, track, main_projects),
    )
