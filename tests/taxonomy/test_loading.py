"""Loading folders: learning files beside the skill files, merged at load with one home per fact."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from skillgap.taxonomy import TaxonomyError, load_taxonomy

SKILL = {
    "id": "widget-tool",
    "name": "Widget tool",
    "phase": "other",
    "category": "tool",
    "kind": "hard",
    "hours": 3,
    "description": "An in-house tool.",
}
ENTRY = {
    "outcome": "You're ready when you can build a widget.",
    "resources": [{"title": "Widget book", "url": "https://example.org/book/", "type": "book"}],
}


def _folder(tmp_path: Path, skill: dict, learning: dict | None) -> Path:
    (tmp_path / "tools.yaml").write_text(yaml.safe_dump({"skills": [skill]}), encoding="utf-8")
    if learning is not None:
        (tmp_path / "learning").mkdir()
        text = yaml.safe_dump({"learning": learning})
        (tmp_path / "learning" / "tools.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def test_a_learning_file_is_merged_into_its_skills(tmp_path):
    skill = load_taxonomy(base=_folder(tmp_path, SKILL, {"widget-tool": ENTRY}))["widget-tool"]
    assert skill.outcome == ENTRY["outcome"]
    assert [r.title for r in skill.resources] == ["Widget book"]


def test_a_learning_entry_for_an_unknown_skill_is_an_error(tmp_path):
    folder = _folder(tmp_path, SKILL, {"widget-tool": ENTRY, "gadget": ENTRY})
    with pytest.raises(TaxonomyError, match=r"learning/tools\.yaml: skill 'gadget' is not in"):
        load_taxonomy(base=folder)


def test_learning_content_in_two_places_is_an_error(tmp_path):
    folder = _folder(tmp_path, {**SKILL, **ENTRY}, {"widget-tool": ENTRY})
    with pytest.raises(TaxonomyError, match="'outcome' is also in"):
        load_taxonomy(base=folder)


def test_errors_in_a_learning_file_name_that_file_skill_and_field(tmp_path):
    bad = {**ENTRY, "resources": [{**ENTRY["resources"][0], "url": "ftp://example.org/"}]}
    with pytest.raises(TaxonomyError) as error:
        load_taxonomy(base=_folder(tmp_path, SKILL, {"widget-tool": bad}))
    message = str(error.value)
    assert "learning/tools.yaml: skill 'widget-tool'" in message and "url" in message


def test_an_id_used_twice_in_one_overlay_is_an_error(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(yaml.safe_dump({"skills": [SKILL, SKILL]}), encoding="utf-8")
    with pytest.raises(TaxonomyError, match="already used"):
        load_taxonomy(extra=path)
