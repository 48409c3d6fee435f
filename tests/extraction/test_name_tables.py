"""The skill matcher's name tables and the fuzzy look-up tables kept between processes: the same
tables, rebuilt when the file is damaged or the taxonomy differs."""

from __future__ import annotations

from skillgap.extraction.components import fuzzy
from skillgap.extraction.components.matcher import SkillMatcher
from skillgap.extraction.pipeline import load_pipeline
from skillgap.taxonomy import load_taxonomy

TEXT = "Senior Data Scientist: Python, scikit learn, Go, SPARK and CI/CD with Tensor Flow."
FUZZY_WORDS = ("Pytorh", "Tensorflow2", "Sci-Kit-Learn", "C#/C++", "kubernets", "Pythonic")


def _fuzzy_files(folder):
    return sorted(folder.glob("fuzzy-tables-*.json"))


def _lookups(nlp) -> list[object]:
    component = nlp.get_pipe("skill_fuzzy")
    return [component.lookup(word) for word in FUZZY_WORDS]


def _files(folder):
    return sorted(folder.glob("name-tables-*.json"))


def _tables(nlp) -> tuple[object, ...]:
    matcher = nlp.get_pipe("skill_matcher")
    return matcher.lower.keys, matcher.cased.keys, matcher.names


def _skills(nlp, text: str = TEXT) -> list[tuple[str, int, int]]:
    doc = nlp(text)
    return [(s.label_, s.start, s.end) for s in doc.spans["skills"]]


def _no_filling(matcher: SkillMatcher, patterns: list[object]) -> None:
    if patterns:  # a component without a taxonomy yet has nothing to read
        raise AssertionError("the tables were derived again although the cache holds them")


def test_a_second_build_reads_the_same_tables(cache, monkeypatch) -> None:
    first = load_pipeline()
    assert len(_files(cache)) == 1
    monkeypatch.setattr(SkillMatcher, "_fill_tables", _no_filling)
    second = load_pipeline()
    assert _tables(second) == _tables(first)
    assert _skills(second) == _skills(first)
    assert ("golang", 9, 10) in _skills(second)


def test_a_damaged_file_is_derived_again(cache) -> None:
    first = load_pipeline()
    for damage in ('{"lower": [[["x"], ["python"]]]}', "[1, 2", '{"lower": 3}'):
        _files(cache)[0].write_text(damage, encoding="utf-8")
        rebuilt = load_pipeline()
        assert _tables(rebuilt) == _tables(first)


def test_another_taxonomy_gets_its_own_file(cache, tmp_path_factory) -> None:
    overlay = tmp_path_factory.mktemp("overlay") / "mine.yaml"
    overlay.write_text(
        "skills:\n  - {id: flax, name: Flax, phase: other, category: library, kind: hard, "
        "hours: 8, description: JAX networks.}\n",
        encoding="utf-8",
    )
    load_pipeline()
    nlp = load_pipeline(load_taxonomy(extra=overlay))
    assert len(_files(cache)) == 2
    assert "flax" in [skill for skill, _, _ in _skills(nlp, "We use Flax.")]


def test_a_second_build_reads_the_same_fuzzy_tables(cache, monkeypatch) -> None:
    first = load_pipeline()
    assert len(_fuzzy_files(cache)) == 1
    found = _lookups(first)
    assert found[0] is not None and "pytorch" in found[0][0]

    derive = fuzzy._derive_tables

    def no_deriving(patterns: list[object]) -> object:
        if patterns:  # a component without a taxonomy yet has nothing to read
            raise AssertionError("the fuzzy tables were derived again although the cache has them")
        return derive(patterns)

    monkeypatch.setattr(fuzzy, "_derive_tables", no_deriving)
    assert _lookups(load_pipeline()) == found


def test_damaged_fuzzy_tables_are_derived_again(cache) -> None:
    found = _lookups(load_pipeline())
    damages = ('{"keys": {"x": "python"}}', "[1, 2", '{"keys": {}, "slash_parts": []}', "null")
    for damage in damages:
        _fuzzy_files(cache)[0].write_text(damage, encoding="utf-8")
        assert _lookups(load_pipeline()) == found
