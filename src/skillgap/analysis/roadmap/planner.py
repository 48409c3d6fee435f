"""From gaps to a month-by-month learning plan that follows the ML engineer roadmap.

The roadmap's 12-month plan has five blocks: Python (2 months), math and ML foundations (2),
deep learning (3), one specialization track (3) and deployment (2). The *full plan* of a track is
``CURRICULUM`` (what the roadmap names for each block), every skill of the track, and all the
prerequisites of those (``full_plan``).

A learner's plan holds their gaps and the prerequisites of those they do not have yet, ordered
prerequisites first and otherwise by roadmap phase and importance; covered phases simply drop out.

Durations: a skill's study time is its taxonomy ``hours`` scaled so that, at the default pace, each
block of the full plan fills exactly the block's months. The default pace is the full plan's hours
(averaged over the tracks) spread over 52 weeks, so a resume with nothing, facing postings that ask
for the whole plan, gets exactly the 12-month plan. Skills outside the roadmap (phase ``other``,
e.g. Kafka) keep their taxonomy hours and come after it. A skill takes half the time when the
resume shows a related one (TensorFlow for PyTorch), or, outside the full plan, when a related
one is learned earlier in the plan.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from skillgap.analysis.compare import ResumeEvidence, resume_evidence
from skillgap.memo import per_object
from skillgap.models import DocumentProfile
from skillgap.taxonomy import TRACKS, Skill, Taxonomy

PLAN_MONTHS = 12
WEEKS_PER_MONTH = 52 / 12
PARTIAL_EFFORT = 0.5
PHASE_ORDER = (
    "python", "math", "ml-foundations", "deep-learning", "specialization", "deployment", "other",
)  # fmt: skip
BLOCK_MONTHS = {
    ("python",): 2,
    ("math", "ml-foundations"): 2,
    ("deep-learning",): 3,
    ("specialization",): 3,
    ("deployment",): 2,
}
CURRICULUM: dict[str, tuple[str, ...]] = {
    "python": (
        "python", "oop", "design-patterns", "data-structures", "numpy", "debugging",
        "virtual-environments",
    ),
    "math": (
        "linear-algebra", "calculus", "probability", "statistics", "hypothesis-testing",
        "bayesian-methods", "dimensionality-reduction", "optimization",
    ),
    "ml-foundations": (
        "machine-learning", "supervised-learning", "unsupervised-learning", "regularization",
        "cross-validation", "evaluation-metrics", "feature-engineering", "data-preprocessing",
        "model-selection", "hyperparameter-tuning",
    ),
    "deep-learning": ("deep-learning", "pytorch", "backpropagation", "distributed-training"),
    "deployment": (
        "model-serialization", "model-versioning", "api-design", "fastapi", "docker", "aws",
        "model-monitoring", "ml-pipelines",
    ),
}  # fmt: skip

PROJECTS: dict[str, tuple[str, str]] = {
    "image-classifier": (
        "Image classifier",
        "A CNN trained and tuned on a real image dataset, deployed as an API.",
    ),
    "nlp-project": (
        "NLP project",
        "A transformer fine-tuned on a custom dataset, evaluated on a test set and shipped.",
    ),
    "time-series-forecasting": (
        "Time-series forecasting",
        "An LSTM or Transformer forecasting a real series such as energy demand or prices.",
    ),
    "recommendation-engine": (
        "Recommendation engine",
        "Collaborative filtering or content-based recommendations on real data.",
    ),
    "mlops-project": (
        "MLOps project",
        "A containerized model with a retraining pipeline, monitoring and A/B testing.",
    ),
}
# Reinforcement learning has no project of its own in the roadmap; bandit-style recommendation is
# the closest one.
TRACK_PROJECT = {
    "cv": "image-classifier",
    "nlp": "nlp-project",
    "rl": "recommendation-engine",
    "recsys": "recommendation-engine",
    "time-series": "time-series-forecasting",
}
TRACK_NAMES = {
    "cv": "computer vision",
    "nlp": "NLP",
    "rl": "reinforcement learning",
    "recsys": "recommender systems",
    "time-series": "time series",
}
_GOALS = {
    "python": "Write a small, tested Python tool on GitHub that exercises {skills}",
    "math": "Work through exercises on {skills} and implement the key results in NumPy",
    "ml-foundations": "Train, cross-validate and compare baseline models using {skills} on a real "
    "dataset",
    "deep-learning": "Train a neural network with {skills}, from MNIST up to a real dataset, and "
    "debug its convergence",
    "deployment": "Serve a trained model behind an API using {skills}, containerized and monitored",
    "other": "Use {skills} in a small end-to-end exercise connected to your portfolio",
}
_TRACK_GOALS = {
    "cv": "Train and tune a convolutional model on a real image dataset using {skills}",
    "nlp": "Fine-tune a transformer on a custom text dataset using {skills} and evaluate it on a "
    "held-out test set",
    "rl": "Train an agent in a simulated environment using {skills} and plot its learning curve",
    "recsys": "Build and evaluate a recommender on real interaction data using {skills}",
    "time-series": "Forecast a real series using {skills} and beat a naive baseline",
}
_SYSTEM_DESIGN = {
    "cv": "an image-classification service",
    "nlp": "a text-classification or semantic-search service",
    "rl": "a personalisation system that learns online",
    "recsys": "a recommendation engine at scale",
    "time-series": "a demand-forecasting service",
}
_EPS = 1e-9


@dataclass(frozen=True)
class PlannedSkill:
    """A skill in the plan, why it is there and when it is studied."""

    id: str
    name: str
    phase: str
    reason: str
    hours: float
    start_month: int
    end_month: int


@dataclass(frozen=True)
class MonthSkill:
    id: str
    name: str
    hours: float


@dataclass(frozen=True)
class Month:
    """One month of the plan."""

    month: int
    phase: str
    skills: tuple[MonthSkill, ...]
    goal: str
    project: str


@dataclass(frozen=True)
class SetAside:
    """A gap the plan does not schedule (another specialization track, or a soft skill)."""

    id: str
    name: str
    reason: str


@dataclass(frozen=True)
class Project:
    id: str
    name: str
    description: str
    months: tuple[int, ...]


@dataclass(frozen=True)
class InterviewTopic:
    topic: str
    detail: str


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
    months: tuple[Month, ...]
    skills: tuple[PlannedSkill, ...]
    set_aside: tuple[SetAside, ...]
    projects: tuple[Project, ...]
    interview_topics: tuple[InterviewTopic, ...]


@dataclass(frozen=True)
class _Calibration:
    """Per taxonomy: the default pace, and per track the full plan and the hour scale per phase."""

    default_pace: float
    plans: Mapping[str, frozenset[str]]
    scales: Mapping[str, Mapping[str, float]]


def full_plan(taxonomy: Taxonomy, track: str) -> frozenset[str]:
    """The skills of the full 12-month plan: the curriculum, the track's skills and every
    prerequisite they need."""
    todo = [i for ids in CURRICULUM.values() for i in ids if i in taxonomy]
    todo += [s.id for s in taxonomy if s.phase == "specialization" and s.track == track]
    plan: set[str] = set()
    while todo:
        skill_id = todo.pop()
        if skill_id not in plan:
            plan.add(skill_id)
            todo.extend(p for p in taxonomy[skill_id].prerequisites if p in taxonomy)
    return frozenset(plan)


def _block_hours(taxonomy: Taxonomy, plan: frozenset[str]) -> dict[tuple[str, ...], float]:
    return {
        block: sum(taxonomy[i].hours for i in plan if taxonomy[i].phase in block)
        for block in BLOCK_MONTHS
    }


def _calibrate(taxonomy: Taxonomy) -> _Calibration:
    plans = {track: full_plan(taxonomy, track) for track in TRACKS}
    hours = {track: _block_hours(taxonomy, plan) for track, plan in plans.items()}
    with_skills = [t for t in TRACKS if any(s.track == t for s in taxonomy)] or list(TRACKS)
    mean_total = sum(sum(hours[t].values()) for t in with_skills) / len(with_skills)
    pace = round(mean_total / (PLAN_MONTHS * WEEKS_PER_MONTH), 1) or 10.0
    month_hours = pace * WEEKS_PER_MONTH
    scales = {}
    for track in TRACKS:
        per_phase = {"other": 1.0}
        for block, months in BLOCK_MONTHS.items():
            block_hours = hours[track][block]
            for phase in block:
                per_phase[phase] = months * month_hours / block_hours if block_hours else 1.0
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
    by_track: dict[str, float] = {}
    for skill_id, weight in weights.items():
        skill = taxonomy.get(skill_id)
        if skill is not None and skill.track:
            by_track[skill.track] = by_track.get(skill.track, 0.0) + weight
    if by_track and max(by_track.values()) > 0:
        track = max(TRACKS, key=lambda t: (by_track.get(t, 0.0), -TRACKS.index(t)))
        return track, f"{TRACK_NAMES[track]}: the specialization the postings ask for most"
    held: dict[str, int] = {}
    for hit in evidence.profile.skills if evidence else ():
        skill = taxonomy.get(hit.id)
        if skill is not None and skill.track:
            held[skill.track] = held.get(skill.track, 0) + 1
    if held:
        track = max(TRACKS, key=lambda t: (held.get(t, 0), -TRACKS.index(t)))
        return track, f"{TRACK_NAMES[track]}: no posting asks for a specialization; closest to you"
    return "cv", "computer vision: no posting asks for a specialization; the roadmap's first track"


def _select(
    gaps: Mapping[str, float], evidence: ResumeEvidence, taxonomy: Taxonomy, track: str
) -> tuple[dict[str, float], dict[str, str], list[SetAside]]:
    """The skills to study with their priority and reason (prerequisites included), and those
    set aside."""
    priority: dict[str, float] = {}
    reason: dict[str, str] = {}
    set_aside: list[SetAside] = []
    for skill_id, weight in sorted(gaps.items()):
        skill = taxonomy.get(skill_id)
        if skill is None:
            continue
        if skill.kind == "soft":
            set_aside.append(SetAside(skill.id, skill.name, "soft skill: show it, do not study it"))
        elif skill.track and skill.track != track:
            why = f"{TRACK_NAMES[skill.track]} track: after the plan, if you want a second track"
            set_aside.append(SetAside(skill.id, skill.name, why))
        else:
            priority[skill_id] = weight
            reason[skill_id] = "partial" if evidence.partly_holds(skill_id) else "gap"
    stack = sorted(priority)
    while stack:
        skill_id = stack.pop()
        for pre in taxonomy[skill_id].prerequisites:
            if pre not in taxonomy or evidence.holds(pre):
                continue
            if pre not in priority or priority[pre] < priority[skill_id]:
                priority[pre] = max(priority.get(pre, 0.0), priority[skill_id])
                reason.setdefault(pre, "prerequisite")
                stack.append(pre)
    return priority, reason, set_aside


def _ordered(priority: Mapping[str, float], taxonomy: Taxonomy) -> list[str]:
    """Prerequisites first; otherwise roadmap phase order, then priority, then id."""
    waiting = {i: {p for p in taxonomy[i].prerequisites if p in priority} for i in priority}
    dependents: dict[str, list[str]] = {}
    for skill_id, pres in waiting.items():
        for pre in pres:
            dependents.setdefault(pre, []).append(skill_id)

    def key(skill_id: str) -> tuple[int, float, str]:
        return (PHASE_ORDER.index(taxonomy[skill_id].phase), -priority[skill_id], skill_id)

    ready = [key(i) for i, pres in waiting.items() if not pres]
    heapq.heapify(ready)
    order: list[str] = []
    while ready:
        skill_id = heapq.heappop(ready)[2]
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
) -> dict[str, float]:
    """Scaled taxonomy hours, halved for a skill related to one the resume shows, and for a skill
    outside the curriculum related to one learned earlier in the plan (TensorFlow after PyTorch).
    """
    hours: dict[str, float] = {}
    for skill_id in order:
        skill = taxonomy[skill_id]
        helped = evidence.partly_holds(skill_id) or (
            skill_id not in plan
            and (
                any(other in hours for other in skill.related)
                or any(skill_id in taxonomy[other].related for other in hours)
            )
        )
        hours[skill_id] = skill.hours * scales[skill.phase] * (PARTIAL_EFFORT if helped else 1.0)
    return hours


def _month_goal(phase: str, track: str, names: list[str]) -> str:
    listed = ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else names[0]
    template = _TRACK_GOALS[track] if phase == "specialization" else _GOALS[phase]
    return template.format(skills=listed)


def _month_project(phase: str, track: str) -> str:
    return "mlops-project" if phase in ("deployment", "other") else TRACK_PROJECT[track]


def _pack(
    order: list[str],
    hours: Mapping[str, float],
    taxonomy: Taxonomy,
    month_hours: float,
    track: str,
) -> tuple[list[Month], dict[str, tuple[int, int]]]:
    """Lay the skills end to end in months of ``month_hours`` study hours."""
    per_month: dict[int, dict[str, float]] = {}
    spans: dict[str, tuple[int, int]] = {}
    position = 0.0
    for skill_id in order:
        start, end = position, position + hours[skill_id] / month_hours
        first = int(start + _EPS) + 1
        last = max(first, math.ceil(end - _EPS))
        for month in range(first, last + 1):
            overlap = min(end, month) - max(start, month - 1)
            if overlap > _EPS or month == first:
                per_month.setdefault(month, {})[skill_id] = max(overlap, 0.0) * month_hours
        spans[skill_id] = (first, last)
        position = end
    months = []
    for month, share in sorted(per_month.items()):
        by_phase: dict[str, float] = {}
        for skill_id, h in share.items():
            phase = taxonomy[skill_id].phase
            by_phase[phase] = by_phase.get(phase, 0.0) + h
        phase = max(
            PHASE_ORDER, key=lambda p: (round(by_phase.get(p, -1.0), 6), -PHASE_ORDER.index(p))
        )
        ids = sorted(share, key=order.index)
        skills = tuple(MonthSkill(i, taxonomy[i].name, round(share[i], 1)) for i in ids)
        focus = [taxonomy[i].name for i in ids if taxonomy[i].phase == phase][:3]
        goal = _month_goal(phase, track, focus)
        months.append(Month(month, phase, skills, goal, PROJECTS[_month_project(phase, track)][0]))
    return months, spans


def interview_topics(
    asked: Mapping[str, float], taxonomy: Taxonomy, track: str
) -> tuple[InterviewTopic, ...]:
    """What to prepare for interviews, from the roadmap's advice and what the postings ask."""

    def top(skills: Iterable[Skill], n: int) -> list[str]:
        ranked = sorted(skills, key=lambda s: (-asked[s.id], s.id))
        return [s.name for s in ranked[:n]]

    known = [taxonomy[i] for i in asked if i in taxonomy]
    hard = [s for s in known if s.kind == "hard"]
    foundations = top((s for s in hard if s.phase in ("math", "ml-foundations")), 4)
    most_asked = top(hard, 6)
    track_skills = top((s for s in hard if s.track == track), 4)
    soft = top((s for s in known if s.kind == "soft"), 4)
    coding = "Algorithmic problems in Python: data structures, complexity, clean code"
    if "sql" in asked:
        coding += "; SQL queries"
    topics = [
        InterviewTopic("Coding", coding),
        InterviewTopic(
            "ML knowledge",
            "Algorithms and their trade-offs, when to use what"
            + (f"; expect {', '.join(foundations)}" if foundations else ""),
        ),
        InterviewTopic(
            "ML system design",
            f"Design {_SYSTEM_DESIGN[track]} end to end: data, training, serving, monitoring",
        ),
        InterviewTopic(
            "Project deep-dive",
            f"Walk through your {PROJECTS[TRACK_PROJECT[track]][0]} and MLOps project: data, "
            "experiments, results, what you would change",
        ),
        InterviewTopic(
            f"{TRACK_NAMES[track][0].upper()}{TRACK_NAMES[track][1:]}",
            "Core methods and recent papers"
            + (f": {', '.join(track_skills)}" if track_skills else ""),
        ),
    ]
    if most_asked:
        topics.append(InterviewTopic("What the postings ask most", ", ".join(most_asked)))
    if soft:
        topics.append(InterviewTopic("Behavioural", "Stories that show " + ", ".join(soft)))
    return tuple(topics)


def build_roadmap(
    gaps: Mapping[str, float],
    resume: DocumentProfile | ResumeEvidence,
    taxonomy: Taxonomy,
    hours_per_week: float | None = None,
    track: str | None = None,
    *,
    asked: Mapping[str, float] | None = None,
) -> Roadmap:
    """Place ``gaps`` (skill id -> importance) and their missing prerequisites into months.

    ``track`` None or "auto" picks the specialization from ``asked`` (skill id -> demand;
    defaults to ``gaps``). ``hours_per_week`` None uses ``default_hours_per_week``.
    """
    if hours_per_week is not None and not 0 < hours_per_week <= 168:
        raise ValueError("hours per week must be more than 0 and at most 168")
    if track not in (None, "auto", *TRACKS):
        raise ValueError(f"track must be auto or one of {', '.join(TRACKS)}")
    evidence = resume_evidence(resume, taxonomy)
    asked = gaps if asked is None else asked
    if track in (None, "auto"):
        track, track_reason = choose_track(asked, taxonomy, evidence)
    else:
        track_reason = f"{TRACK_NAMES[track]}: chosen by you"
    calibration = _calibration(taxonomy)
    default_pace = calibration.default_pace
    pace = hours_per_week or default_pace
    priority, reason, set_aside = _select(gaps, evidence, taxonomy, track)
    order = _ordered(priority, taxonomy)
    hours = _study_hours(
        order, evidence, taxonomy, calibration.scales[track], calibration.plans[track]
    )
    months, spans = _pack(order, hours, taxonomy, pace * WEEKS_PER_MONTH, track)
    planned = tuple(
        PlannedSkill(
            i, taxonomy[i].name, taxonomy[i].phase, reason[i], round(hours[i], 1), *spans[i]
        )
        for i in order
    )
    projects = []
    for project_id, (name, description) in PROJECTS.items():
        used = tuple(m.month for m in months if m.project == name)
        if used:
            projects.append(Project(project_id, name, description, used))
    full = math.ceil(PLAN_MONTHS * default_pace / pace - _EPS)
    return Roadmap(
        track=track,
        track_reason=track_reason,
        hours_per_week=round(pace, 1),
        default_hours_per_week=default_pace,
        total_months=len(months),
        full_plan_months=full,
        months_saved=max(0, full - len(months)),
        months=tuple(months),
        skills=planned,
        set_aside=tuple(set_aside),
        projects=tuple(projects),
        interview_topics=interview_topics(asked, taxonomy, track),
    )
