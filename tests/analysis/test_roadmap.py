"""The learning plan: phases and months, pace, prerequisites, tracks and what is set aside."""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from skillgap.analysis.report import analyze
from skillgap.analysis.roadmap.curriculum import curriculum
from skillgap.analysis.roadmap.months import LEFTOVER_HOURS, default_projects, exercised
from skillgap.analysis.roadmap.planner import (
    build_roadmap,
    choose_track,
    default_hours_per_week,
    full_plan,
)
from skillgap.models import DocumentProfile, Mention, SkillHit
from skillgap.taxonomy import TRACKS, Resource, Skill, Taxonomy, default_taxonomy


def _skill(skill_id, phase, hours=10.0, kind="hard", **extra) -> Skill:
    name = skill_id.replace("-", " ").title()
    return Skill(skill_id, name, phase, "tool", kind, hours, "test skill", **extra)


SMALL = Taxonomy(
    {
        s.id: s
        for s in sorted(
            (
                _skill("python", "python", 60),
                _skill("numpy", "python", 20, prerequisites=("python",)),
                _skill("java", "python", 50),
                _skill("linear-algebra", "math", 30),
                _skill("statistics", "math", 20),
                _skill("machine-learning", "ml-foundations", 40, prerequisites=("python",)),
                _skill("deep-learning", "deep-learning", 60, prerequisites=("machine-learning",)),
                _skill(
                    "pytorch",
                    "deep-learning",
                    60,
                    prerequisites=("deep-learning",),
                    parent="deep-learning",
                    related=("tensorflow",),
                ),
                _skill(
                    "tensorflow",
                    "deep-learning",
                    60,
                    prerequisites=("deep-learning",),
                    parent="deep-learning",
                ),
                _skill("cnn", "specialization", 50, track="cv", prerequisites=("deep-learning",)),
                _skill("opencv", "specialization", 20, track="cv"),
                _skill("transformers", "specialization", 90, track="nlp"),
                _skill("docker", "deployment", 40),
                _skill("fastapi", "deployment", 30, prerequisites=("python",)),
                _skill("kafka", "other", 25),
                _skill("communication", "other", 5, kind="soft"),
            ),
            key=lambda s: s.id,
        )
    }
)


@pytest.fixture(params=["small", "default"])
def taxonomy(request) -> Taxonomy:
    return SMALL if request.param == "small" else default_taxonomy()


def resume(*skill_ids: str, taxonomy: Taxonomy = SMALL) -> DocumentProfile:
    hits = []
    for skill_id in skill_ids:
        s = taxonomy[skill_id]
        mention = Mention(s.name, 0, len(s.name), "experience", "exact")
        hits.append(SkillHit(s.id, s.name, s.phase, s.kind, None, None, (mention,)))
    return DocumentProfile("resume.txt", "resume", "", tuple(hits))


def whole_curriculum(taxonomy: Taxonomy, track: str) -> dict[str, float]:
    return dict.fromkeys(full_plan(taxonomy, track), 1.0)


def test_the_full_plan_is_the_curriculum_the_track_and_their_prerequisites():
    plan = full_plan(SMALL, "cv")
    assert plan == {
        "python", "numpy", "linear-algebra", "statistics", "machine-learning", "deep-learning",
        "pytorch", "cnn", "opencv", "docker", "fastapi",
    }  # fmt: skip
    core = {phase for phase, ids in curriculum().core.items() if ids}
    assert core == {"python", "math", "ml-foundations", "deep-learning", "deployment"}


@pytest.mark.parametrize("track", ["cv", "nlp"])
def test_a_beginner_gets_the_twelve_month_plan_at_the_default_pace(taxonomy, track):
    plan = build_roadmap(whole_curriculum(taxonomy, track), resume(), taxonomy, track=track)
    assert plan.total_months == 12 and plan.months_saved == 0 and plan.full_plan_months == 12
    assert plan.hours_per_week == default_hours_per_week(taxonomy)
    phases = [m.phase for m in plan.months]
    assert phases[:2] == ["python", "python"]
    assert set(phases[2:4]) <= {"math", "ml-foundations"}
    assert phases[4:7] == ["deep-learning"] * 3
    assert phases[7:10] == ["specialization"] * 3
    assert phases[10:] == ["deployment"] * 2
    assert [m.month for m in plan.months] == list(range(1, 13))


def test_covered_phases_are_skipped(taxonomy):
    known = [i for i in full_plan(taxonomy, "cv") if taxonomy[i].phase == "python"]
    gaps = {k: v for k, v in whole_curriculum(taxonomy, "cv").items() if k not in known}
    plan = build_roadmap(gaps, resume(*known, taxonomy=taxonomy), taxonomy, track="cv")
    assert plan.total_months == 10 and plan.months_saved == 2
    assert plan.months[0].phase in ("math", "ml-foundations")


def test_prerequisites_come_first_even_when_not_asked(taxonomy):
    plan = build_roadmap({"pytorch": 5.0}, resume(), taxonomy, track="cv")
    order = [s.id for s in plan.skills]
    assert order[-1] == "pytorch" and "python" in order
    for position, planned in enumerate(plan.skills):
        for pre in taxonomy[planned.id].prerequisites:
            if pre in order:
                assert order.index(pre) < position
    reasons = {s.id: s.reason for s in plan.skills}
    assert reasons["pytorch"] == "gap" and reasons["python"] == "prerequisite"


def test_held_prerequisites_are_not_planned():
    plan = build_roadmap({"fastapi": 1.0}, resume("python"), SMALL, track="cv")
    assert [s.id for s in plan.skills] == ["fastapi"]


def test_more_hours_a_week_means_fewer_months_and_the_saving_is_against_the_same_pace():
    gaps = whole_curriculum(SMALL, "cv")
    pace = default_hours_per_week(SMALL)
    fast = build_roadmap(gaps, resume(), SMALL, hours_per_week=pace * 2, track="cv")
    slow = build_roadmap(gaps, resume(), SMALL, hours_per_week=pace / 2, track="cv")
    assert fast.total_months == 6 and slow.total_months == 24
    assert fast.full_plan_months == 6 and slow.full_plan_months == 24
    assert fast.months_saved == slow.months_saved == 0


def test_a_partial_gap_takes_half_the_time():
    full = build_roadmap({"pytorch": 1.0}, resume("deep-learning"), SMALL, track="cv")
    half = build_roadmap({"pytorch": 1.0}, resume("deep-learning", "tensorflow"), SMALL, track="cv")
    assert half.skills[0].reason == "partial"
    assert half.skills[0].hours == pytest.approx(full.skills[0].hours / 2, abs=0.1)


def test_gaps_outside_the_roadmap_get_their_hours_after_it():
    plan = build_roadmap({"kafka": 1.0, "docker": 2.0}, resume("python"), SMALL, track="cv")
    assert [s.id for s in plan.skills] == ["docker", "kafka"]
    kafka = plan.skills[1]
    assert kafka.phase == "other" and kafka.hours == 25.0
    assert plan.months[-1].phase == "other" and plan.months[-1].theme == kafka.theme


def test_soft_skills_and_other_tracks_are_set_aside():
    gaps = {"communication": 3.0, "transformers": 1.0, "cnn": 2.0}
    plan = build_roadmap(gaps, resume("deep-learning"), SMALL, track="cv")
    assert [s.id for s in plan.skills] == ["cnn"]
    assert {s.id for s in plan.set_aside} == {"communication", "transformers"}


def test_track_follows_demand_unless_given():
    assert choose_track({"transformers": 2.0, "cnn": 1.0}, SMALL)[0] == "nlp"
    assert choose_track({"cnn": 1.0, "opencv": 1.5}, SMALL)[0] == "cv"
    assert choose_track({"python": 1.0}, SMALL)[0] == "cv"
    plan = build_roadmap({"transformers": 1.0}, resume(), SMALL, track="cv")
    assert plan.track == "cv" and "chosen by you" in plan.track_reason
    assert plan.set_aside[0].id == "transformers"


def test_nothing_to_learn_gives_an_empty_plan():
    plan = build_roadmap({}, resume("python"), SMALL)
    assert plan.total_months == 0 and plan.months == () and plan.months_saved == 12


def test_every_month_has_skills_a_goal_and_a_project_that_exercises_them(taxonomy):
    plan = build_roadmap(whole_curriculum(taxonomy, "nlp"), resume(), taxonomy)
    for month in plan.months:
        project = curriculum().project(month.project_id)
        ids = [s.id for s in month.skills]
        listed, default = exercised(project, ids, default_projects(ids, taxonomy, curriculum()))
        assert listed or default, f"month {month.month}: {project.name} exercises none of {ids}"
        assert any(taxonomy[i].name in month.goal for i in listed + default)
        assert month.deliverable and month.project == project.name
    assert len({p.id for p in plan.projects}) >= 5
    topics = {t.topic: t.detail for t in plan.interview_topics}
    assert "ML system design" in topics and "Coding" in topics and "Project deep-dive" in topics


@pytest.mark.parametrize("bad", [{"hours_per_week": 0}, {"hours_per_week": 200}, {"track": "x"}])
def test_bad_settings_are_refused(bad):
    with pytest.raises(ValueError):
        build_roadmap({"python": 1.0}, resume(), SMALL, **bad)


# --- months worth following --------------------------------------------------------------------


@pytest.mark.parametrize("track", TRACKS)
@pytest.mark.parametrize("hours", [2.0, 5.0, None, 30.0])
def test_no_two_consecutive_months_share_a_goal(track, hours):
    tax = default_taxonomy()
    gaps = whole_curriculum(tax, track) | {s.id: 0.5 for s in tax if s.phase == "other"}
    plan = build_roadmap(gaps, resume(taxonomy=tax), tax, hours_per_week=hours, track=track)
    goals = [m.goal for m in plan.months]
    assert all(a != b for a, b in itertools.pairwise(goals))
    assert len({m.project_id for m in plan.months}) >= 6, "not one project for the whole plan"


@pytest.mark.parametrize("hours", [3.0, 5.0, None])
def test_leftovers_are_merged_into_a_neighbour(taxonomy, hours):
    plan = build_roadmap(whole_curriculum(taxonomy, "cv"), resume(), taxonomy, hours_per_week=hours)
    for month in plan.months:
        assert sum(s.hours for s in month.skills) >= LEFTOVER_HOURS
    for skill in plan.skills:
        if skill.start_month == skill.end_month:
            continue
        parts = [
            s.hours for m in plan.months for s in m.skills if s.id == skill.id
        ]  # a skill studied over several months has no sliver of it left at either end
        assert parts[0] >= LEFTOVER_HOURS - 0.05 and parts[-1] >= LEFTOVER_HOURS - 0.05


def test_one_hour_skill_does_not_get_a_month_of_its_own():
    tiny = Taxonomy({**SMALL.skills, "mesh": _skill("mesh", "other", 1)})
    docker = build_roadmap({"docker": 2.0}, resume("python"), tiny).skills[0].hours
    pace = docker / (52 / 12)  # Docker fills the first month exactly
    plan = build_roadmap({"docker": 2.0, "mesh": 1.0}, resume("python"), tiny, hours_per_week=pace)
    assert plan.total_months == 1
    assert [s.id for s in plan.months[0].skills] == ["docker", "mesh"]


def test_skills_beyond_the_roadmap_are_grouped_by_theme():
    tax = default_taxonomy()
    gaps = {"terraform": 1.0, "react": 3.0, "kafka": 2.0, "ansible": 0.5, "vue": 0.4, "dbt": 0.3}
    plan = build_roadmap(gaps, resume("python", taxonomy=tax), tax, track="cv")
    themes = [s.theme for s in plan.skills if s.phase == "other"]
    asked = [s.theme for s in plan.skills if s.id in gaps]
    assert asked[0] == "Web and apps", "the theme with the most important gap comes first"
    runs = [t for i, t in enumerate(themes) if i == 0 or themes[i - 1] != t]
    assert len(runs) == len(set(themes)) >= 3, "each theme studied in one stretch"


# --- reasons, resources, outcomes ----------------------------------------------------------------


RESOURCE = Resource("Official tutorial", "https://example.org/learn", "tutorial")
RICH = Taxonomy(
    {
        s.id: s
        for s in (
            *SMALL,
            Skill(
                "cuda", "CUDA", "other", "tool", "hard", 20, "GPU programming",
                prerequisites=("cpp",), resources=(RESOURCE,),
                outcome="you can write and profile a simple CUDA kernel",
            ),
            Skill("cpp", "C++", "python", "language", "hard", 35, "C++", resources=(RESOURCE,)),
        )
    }
)  # fmt: skip


def test_every_scheduled_skill_has_a_reason_and_its_resources_and_outcome():
    gaps = {"cuda": 1.0, "pytorch": 2.0, "docker": 1.0, "communication": 1.0}
    plan = build_roadmap(gaps, resume("tensorflow", taxonomy=RICH), RICH, track="cv")
    assert "communication" not in {s.id for s in plan.skills}
    for skill in plan.skills:
        assert skill.why and all(skill.why)
        assert skill.resources == RICH[skill.id].resources
        assert skill.outcome == RICH[skill.id].outcome
        assert skill.project in {m.project_id for m in plan.months}
    why = {s.id: s.why for s in plan.skills}
    assert why["cpp"][0].startswith("prerequisite of CUDA")
    assert "half time: you know Tensorflow" in why["pytorch"]
    assert all(s.id not in ("communication",) for m in plan.months for s in m.skills)


def test_reasons_count_the_postings():
    report = analyze(
        "Experience: built TensorFlow models in Python.",
        [
            "Requirements: PyTorch, Docker. Nice to have: CUDA.",
            "Requirements: PyTorch. Kubernetes is a plus.",
            "Must have: Docker.",
        ],
    )
    why = {s.id: s.why for s in report.roadmap.skills}
    assert why["pytorch"][0] == "asked by 2 of 3 postings (required in 2)"
    assert "half time: you know TensorFlow" in why["pytorch"]
    assert why["cuda"][0] == "asked by 1 of 3 postings (preferred only)"
    assert why["cpp"][0] == "prerequisite of CUDA, which 1 of 3 postings asks for"


# --- your pace, your calendar, your progress -----------------------------------------------------


def test_a_start_date_dates_every_month():
    plan = build_roadmap(
        whole_curriculum(SMALL, "cv"), resume(), SMALL, start_date=date(2027, 1, 31)
    )
    assert plan.months[0].start == date(2027, 1, 31) and plan.months[0].end == date(2027, 2, 27)
    assert plan.months[1].start == date(2027, 2, 28)
    for before, after in zip(plan.months, plan.months[1:], strict=False):
        assert (after.start - before.end).days == 1
    assert build_roadmap({"docker": 1.0}, resume(), SMALL).months[0].start is None


def test_learned_skills_leave_the_plan_and_it_reflows():
    gaps = whole_curriculum(SMALL, "cv")
    before = build_roadmap(gaps, resume(), SMALL, track="cv")
    learned = ["python", "numpy", "deep-learning"]
    after = build_roadmap(gaps, resume(), SMALL, track="cv", learned=learned)
    assert {s.id for s in after.skills} == {s.id for s in before.skills} - set(learned)
    assert [s.id for s in after.learned] == sorted(learned)
    assert after.total_months < before.total_months
    assert after.months[0].skills[0].id == after.skills[0].id
    assert sum(s.hours for s in after.skills) == pytest.approx(
        sum(s.hours for s in before.skills if s.id not in learned), abs=0.2
    )
