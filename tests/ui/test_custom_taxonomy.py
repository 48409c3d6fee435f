"""An uploaded taxonomy file laid over the built-in one, without touching the disk."""

from __future__ import annotations

import pytest

from skillgap.taxonomy import TaxonomyError, default_taxonomy
from skillgap.ui.custom_taxonomy import taxonomy_from_yaml

SKILL = b"""skills:
  - id: flax-nn
    name: Flax
    phase: deep-learning
    category: frameworks
    kind: hard
    hours: 20
    description: Neural networks in JAX.
  - id: docker
    name: Docker
    phase: deployment
    category: containers
    kind: hard
    hours: 3
    description: Replaced by the user.
"""


def test_adds_and_replaces_skills() -> None:
    taxonomy = taxonomy_from_yaml(SKILL, "mine.yaml")
    assert taxonomy["flax-nn"].source == "mine.yaml"
    assert taxonomy["docker"].hours == 3
    assert len(taxonomy) == len(default_taxonomy()) + 1
    assert taxonomy.sources[-1] == "mine.yaml"
    assert default_taxonomy()["docker"].hours != 3, "the built-in taxonomy is untouched"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"skills: [", "mine.yaml: line 1 is not valid YAML (did not find expected node content)"),
        (b"\xff\xfe\x00", "mine.yaml: is not UTF-8 text"),
        (b"skills: 3", "mine.yaml: must be a mapping with a list under 'skills'"),
        (b"skills: []", "mine.yaml: the list under 'skills' is empty"),
        (b"skills: [{id: x}]", "mine.yaml: skill 'x': field 'phase' is required and must be text"),
    ],
)
def test_bad_files_raise_one_line(data: bytes, message: str) -> None:
    with pytest.raises(TaxonomyError) as info:
        taxonomy_from_yaml(data, "mine.yaml")
    assert str(info.value) == message
