"""Parsed taxonomy YAML kept between processes: the same data, and nothing stale or unsafe."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from skillgap.taxonomy import TaxonomyError, load_taxonomy, yaml_parsing
from skillgap.taxonomy.yaml_cache import cached_yaml
from skillgap.user_cache import CACHE_ENV

YAML = b"skills:\n  - {id: flax, name: Flax, hours: 8, fuzzy: false, aliases: [jax-flax]}\n"


def _files(folder):
    return sorted(folder.glob("taxonomy-yaml-*.json"))


def _no_parsing(*args: object) -> None:
    raise AssertionError("parsed again although the cache holds the data")


def test_the_second_read_comes_from_the_cache_with_the_same_data(cache, monkeypatch) -> None:
    first = cached_yaml(YAML, "mine.yaml")
    assert len(_files(cache)) == 1
    monkeypatch.setattr(yaml_parsing, "load_yaml", _no_parsing)
    assert cached_yaml(YAML, "mine.yaml") == first
    assert first["skills"][0]["hours"] == 8 and first["skills"][0]["fuzzy"] is False


def test_other_bytes_are_parsed_again(cache) -> None:
    cached_yaml(YAML, "mine.yaml")
    changed = cached_yaml(YAML.replace(b"hours: 8", b"hours: 9"), "mine.yaml")
    assert changed["skills"][0]["hours"] == 9
    assert len(_files(cache)) == 2


def test_data_json_cannot_hold_is_not_kept(cache) -> None:
    data = cached_yaml(b"when: 2024-01-31\n1: one\n", "dates.yaml")
    assert str(data["when"]) == "2024-01-31" and data[1] == "one"
    assert _files(cache) == []


def test_a_damaged_cache_file_is_parsed_again(cache) -> None:
    cached_yaml(YAML, "mine.yaml")
    _files(cache)[0].write_text("[not json", encoding="utf-8")
    assert cached_yaml(YAML, "mine.yaml")["skills"][0]["id"] == "flax"


def test_bad_yaml_still_fails_in_one_line_and_is_not_kept(cache) -> None:
    with pytest.raises(TaxonomyError, match=r"bad\.yaml"):
        cached_yaml(b"skills: [unclosed", "bad.yaml")
    assert _files(cache) == []


def test_the_built_in_taxonomy_loads_the_same_from_the_cache(cache) -> None:
    parsed = load_taxonomy()
    assert _files(cache)
    assert load_taxonomy() == parsed


def test_a_process_that_finds_the_taxonomy_cached_never_imports_pyyaml(cache) -> None:
    script = (
        "import sys; from skillgap.taxonomy import load_taxonomy; load_taxonomy(); "
        "print('yaml' in sys.modules)"
    )
    environment = {**os.environ, CACHE_ENV: str(cache)}
    runs = [
        subprocess.run([sys.executable, "-c", script], env=environment, capture_output=True)
        for _ in range(2)
    ]
    assert [run.stdout.strip() for run in runs] == [b"True", b"False"]
