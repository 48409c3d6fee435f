"""The curriculum data: valid, consistent with the taxonomy, and refused when malformed."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

from skillgap.analysis.roadmap.curriculum import CurriculumError, curriculum, parse_curriculum
from skillgap.taxonomy import PHASES, TRACKS, default_taxonomy


def raw() -> dict:
    path = resources.files("skillgap.analysis.roadmap").joinpath("curriculum.yaml")
    return yaml.safe_load(path.read_text("utf-8"))


def test_labels_cover_exactly_the_taxonomy_phases_and_tracks():
    plan = curriculum()
    assert tuple(plan.phase_labels) == PHASES and tuple(plan.track_labels) == TRACKS
    assert plan.track_label("cv") == "Computer vision"


def test_every_id_the_curriculum_names_is_a_hard_skill_of_the_taxonomy():
    taxonomy = default_taxonomy()
    plan = curriculum()
    named = [i for ids in plan.core.values() for i in ids]
    named += [i for p in plan.projects for i in p.skills]
    named += [i for t in plan.themes for i in t.skills]
    unknown = sorted({i for i in named if i not in taxonomy or taxonomy[i].kind != "hard"})
    assert not unknown
    for theme in plan.themes:
        for skill_id in theme.skills:
            assert taxonomy[skill_id].phase == "other", f"{theme.id}: {skill_id} is in the roadmap"


def test_every_group_has_several_steps_of_work():
    plan = curriculum()
    for track in TRACKS:
        projects = [p for p in plan.projects if p.group == ("track", track)]
        assert len(projects) >= 2, track
        assert len(projects[0].steps) >= 4, f"{track}: its main project carries 3 months and more"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["phases"].pop("math"), "phases: must list exactly"),
        (lambda d: d["tracks"]["cv"].pop("label"), "tracks cv.label: must be non-empty text"),
        (lambda d: d["projects"][0].update({"for": {"track": "chess"}}), "unknown track 'chess'"),
        (lambda d: d["projects"][0]["steps"][0].pop("deliverable"), "steps #1.deliverable"),
        (
            lambda d: d.update(projects=[p for p in d["projects"] if p["for"] != {"theme": "web"}]),
            "no project for theme web",
        ),
        (lambda d: d["themes"][-1].pop("default"), "exactly one theme must be the default"),
        (lambda d: d["blocks"][0].update(months=0), "blocks #1.months"),
        (lambda d: d["interview"].pop("coding"), "interview: must hold exactly"),
    ],
    ids=["phase", "label", "track", "deliverable", "theme-project", "default", "months", "words"],
)
def test_malformed_curriculum_is_refused_with_the_entry_and_field(change, message):
    data = raw()
    change(data)
    with pytest.raises(CurriculumError, match=message):
        parse_curriculum(yaml.safe_dump(data, sort_keys=False))
