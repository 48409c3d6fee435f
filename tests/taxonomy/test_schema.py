"""The schema of one taxonomy document: hostile overlays, numbers, resources and outcomes."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from skillgap.taxonomy import TaxonomyError, load_taxonomy, parse_taxonomy_yaml
from skillgap.taxonomy.schema import MAX_FILE_BYTES

SKILL = {
    "id": "widget-tool",
    "name": "Widget tool",
    "phase": "other",
    "category": "tool",
    "kind": "hard",
    "hours": 3,
    "description": "An in-house tool.",
}
RESOURCE = {"title": "Widget handbook", "url": "https://widgets.example.org/docs/", "type": "book"}
OUTCOME = "You're ready when you can build and ship a widget on your own."


def _doc(**change: object) -> str:
    return yaml.safe_dump({"skills": [{**SKILL, **change}]})


def _one_line_error(content: str | bytes, source: str = "mine.yaml") -> str:
    with pytest.raises(TaxonomyError) as error:
        parse_taxonomy_yaml(content, source)
    message = str(error.value)
    assert "\n" not in message and message.startswith(source), message
    return message


def test_deep_nesting_is_a_one_line_error_not_a_recursion_error():
    flow = "skills:\n  - id: widget-tool\n    aliases: " + "[" * 20_000 + "]" * 20_000 + "\n"
    assert "nesting depth" in _one_line_error(flow)
    block = "skills:\n  " + "- " * 20_000 + "x\n"
    assert "nested deeper than" in _one_line_error(block)


def test_a_number_of_5001_digits_is_a_one_line_error():
    message = _one_line_error(_doc().replace("hours: 3", "hours: " + "9" * 5001))
    assert "line " in message and "5001 characters" in message


@pytest.mark.parametrize("hours", [".nan", ".inf", "-.inf", "-3", "0", "1e400", "100000", "true"])
def test_hours_must_be_finite_positive_and_sane(hours):
    message = _one_line_error(_doc().replace("hours: 3", f"hours: {hours}"))
    assert "widget-tool" in message and "'hours'" in message


def test_an_overlay_file_larger_than_the_cap_is_refused(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_text(_doc() + "# " + "x" * MAX_FILE_BYTES + "\n", encoding="utf-8")
    with pytest.raises(TaxonomyError, match=r"big\.yaml: is larger than 1 MB"):
        load_taxonomy(extra=path)


def test_a_fifo_overlay_is_refused_without_opening_it(tmp_path):
    fifo = tmp_path / "pipe.yaml"
    import os

    os.mkfifo(fifo)
    with pytest.raises(TaxonomyError, match="not a regular file"):
        load_taxonomy(extra=fifo)


def test_resources_and_outcome_are_parsed():
    [skill] = parse_taxonomy_yaml(_doc(resources=[RESOURCE], outcome=OUTCOME), "mine.yaml")
    assert skill.resources[0].url == RESOURCE["url"] and skill.resources[0].type == "book"
    assert skill.outcome == OUTCOME
    assert skill.to_dict()["resources"] == [RESOURCE]
    assert skill.to_dict()["outcome"] == OUTCOME


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"resources": []}, "1 to 3"),
        ({"resources": [RESOURCE] * 4}, "1 to 3"),
        ({"resources": [RESOURCE, RESOURCE]}, "same url"),
        ({"resources": [{**RESOURCE, "url": "http://widgets.example.org/"}]}, "https://"),
        ({"resources": [{**RESOURCE, "url": "javascript:alert(1)"}]}, "https://"),
        ({"resources": [{**RESOURCE, "url": "https://"}]}, "https://"),
        ({"resources": [{**RESOURCE, "type": "video"}]}, "official-docs"),
        ({"resources": [{**RESOURCE, "title": ""}]}, "title"),
        ({"resources": [{**RESOURCE, "price": 0}]}, "'price'"),
        ({"resources": "https://widgets.example.org/"}, "1 to 3"),
        ({"outcome": "Knows widgets."}, "You're ready when you can"),
        ({"outcome": OUTCOME + "\nSecond line."}, "one sentence"),
        ({"outcome": OUTCOME.removesuffix(".")}, "full stop"),
        ({"outcome": OUTCOME[:-1] + " and" * 60 + "."}, "at most"),
    ],
)
def test_bad_learning_content_names_skill_and_field(change, expected):
    message = _one_line_error(_doc(**{"resources": [RESOURCE], "outcome": OUTCOME, **change}))
    assert "widget-tool" in message and expected in message, message


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_is_skills_or_a_one_line_taxonomy_error(text):
    try:
        skills = parse_taxonomy_yaml(text, "mine.yaml")
    except TaxonomyError as exc:
        assert "\n" not in str(exc)
    else:
        assert all(skill.id for skill in skills)


@settings(max_examples=40, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
        max_leaves=20,
    )
)
def test_any_value_in_a_field_is_accepted_or_a_one_line_error(value):
    for name in ("hours", "aliases", "context", "resources", "outcome", "related", "track"):
        try:
            parse_taxonomy_yaml(yaml.safe_dump({"skills": [{**SKILL, name: value}]}), "mine.yaml")
        except TaxonomyError as exc:
            assert "\n" not in str(exc) and "widget-tool" in str(exc)
