"""The learning plan: phases and months, pace, prerequisites, tracks and what is set aside."""

from __future__ import annotations

import pytest

from skillgap.analysis.roadmap.planner import (
    CURRICULUM,
    PROJECTS,
    build_roadmap,
    choose_track,
    default_hours_per_week,
    full_plan,
)
from skillgap.models import DocumentProfile, Mention, SkillHit
from skillgap.taxonomy import Skill, Taxonomy, default_taxonomy


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
                    related=("tensorflow",),
                ),
                _skill("tensorflow", "deep-learning", 60, prerequisites=("deep-learning",)),
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
    assert set(CURRICULUM) == {"python", "math", "ml-foundations", "deep-learning", "deployment"}


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
    assert plan.months[-1].phase == "other" and plan.months[-1].project == "MLOps project"


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


def test_every_month_has_skills_a_goal_and_one_of_the_five_projects(taxonomy):
    plan = build_roadmap(whole_curriculum(taxonomy, "nlp"), resume(), taxonomy)
    names = {name for name, _ in PROJECTS.values()}
    for month in plan.months:
        assert month.skills and month.project in names
        assert any(s.name in month.goal for s in month.skills)
    assert {p.id for p in plan.projects} == {"nlp-project", "mlops-project"}
    topics = {t.topic: t.detail for t in plan.interview_topics}
    assert "ML system design" in topics and "Coding" in topics and "Project deep-dive" in topics


@pytest.mark.parametrize("bad", [{"hours_per_week": 0}, {"hours_per_week": 200}, {"track": "x"}])
def test_bad_settings_are_refused(bad):
    with pytest.raises(ValueError):
        build_roadmap({"python": 1.0}, resume(), SMALL, **bad)
