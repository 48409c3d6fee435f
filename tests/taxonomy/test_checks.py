"""Whole-taxonomy checks: related both ways, aliases, prerequisites, learning content."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import yaml

from skillgap.taxonomy import RESOURCE_TYPES, check_taxonomy, default_taxonomy, load_taxonomy
from skillgap.taxonomy.schema import MAX_RESOURCES, OUTCOME_PREFIX

LEARNING = {
    "outcome": "You're ready when you can use it unaided.",
    "resources": [{"title": "Docs", "url": "https://example.org/docs/", "type": "official-docs"}],
}


def _skill(skill_id: str, **fields: object) -> dict:
    base = {"id": skill_id, "name": skill_id.title(), "phase": "other", "category": "tool"}
    return {**base, "kind": "hard", "hours": 3, "description": "A tool.", **LEARNING, **fields}


def _problems(tmp_path: Path, *skills: dict) -> list[str]:
    path = tmp_path / "mine.yaml"
    path.write_text(yaml.safe_dump({"skills": list(skills)}), encoding="utf-8")
    return check_taxonomy(load_taxonomy(base=path))


def test_a_sound_small_taxonomy_has_no_problems(tmp_path):
    assert _problems(tmp_path, _skill("one", related=["two"]), _skill("two", related=["one"])) == []


def test_a_one_way_related_link_is_flagged(tmp_path):
    problems = _problems(tmp_path, _skill("one", related=["two"]), _skill("two"))
    assert problems == ["one: related names 'two', whose related lacks 'one'"]


def test_an_alias_repeating_the_name_is_flagged(tmp_path):
    problems = _problems(tmp_path, _skill("one", name="Widget", aliases=["widget ", "gadget"]))
    assert problems == ["one: alias 'widget' repeats the name"]


def test_a_pair_both_related_and_prerequisite_is_flagged_once(tmp_path):
    problems = _problems(
        tmp_path, _skill("one"), _skill("two", prerequisites=["one"], related=["one"])
    )
    assert [p for p in problems if "both related" in p] == [
        "two: 'one' is both related and a prerequisite"
    ]
    symmetric = _problems(
        tmp_path,
        _skill("one", related=["two"]),
        _skill("two", prerequisites=["one"], related=["one"]),
    )
    assert symmetric == ["two: 'one' is both related and a prerequisite"]


def test_hard_skills_need_resources_and_an_outcome_soft_ones_do_not(tmp_path):
    bare = {k: v for k, v in _skill("bare").items() if k not in LEARNING}
    soft = {**bare, "id": "calm", "name": "Calm", "kind": "soft"}
    problems = _problems(tmp_path, bare, soft)
    assert len(problems) == 2 and all(p.startswith("bare: a hard skill needs") for p in problems)


def test_builtin_learning_content_is_complete_and_well_formed():
    hard = [s for s in default_taxonomy() if s.kind == "hard"]
    assert len(hard) >= 250
    for skill in hard:
        assert 1 <= len(skill.resources) <= MAX_RESOURCES, skill.id
        assert skill.outcome and skill.outcome.startswith(OUTCOME_PREFIX), skill.id
        for resource in skill.resources:
            assert urlsplit(resource.url).scheme == "https" and resource.type in RESOURCE_TYPES
    types = {r.type for s in hard for r in s.resources}
    assert types == set(RESOURCE_TYPES)
