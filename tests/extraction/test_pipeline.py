"""skillgap's components as spaCy citizens, in the manner of spaCy's own span_ruler tests:
initialized from a config, saved and loaded (bytes and disk) with equal results, a warning when
uninitialized, extension attributes of their own."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import tomllib
import warnings
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

import skillgap
from skillgap.extraction.extract import profile_from_doc
from skillgap.extraction.pipeline import PIPE_NAMES, get_pipeline, load_pipeline
from skillgap.taxonomy import default_taxonomy, load_taxonomy

REPO = Path(__file__).resolve().parents[2]
TAXONOMY_PIPES = ("skill_matcher", "skill_fuzzy", "skill_context")
POSTING = (
    "Machine Learning Engineer\n\nRequirements:\n- 3+ years of Python and SQL\n"
    "- Pytorh or Tensorflow2, Sci-Kit-Learn\n- Natural\nLanguage Processing\n"
    "Nice to have: Go, Spark, Kubernetes. No Java needed.\nWe offer a salary."
)
RESUME = (
    "Jane Roe\njane@example.org\n\nSKILLS\nPYTHON, GO, DOCKER, R\n\nWork Experience\n"
    "2019 - present: built recommender systems with PyTorch and MLflow.\n\n"
    "Education\nMSc Statistics"
)
CUSTOM_SKILL = (
    "skills:\n"
    "  - id: acme-flow\n    name: AcmeFlow\n    aliases: [Acme Flow]\n    phase: other\n"
    "    category: tool\n    kind: hard\n    hours: 10\n    description: Acme's workflow engine.\n"
)


def found(doc: Doc) -> list[tuple]:
    """Everything the pipeline learnt about each skill mention, in order."""
    return [dataclasses.astuple(span._.skillgap_mention) for span in doc.spans["skills"]]


def results(nlp: spacy.Language, texts: tuple[str, ...] = (POSTING, RESUME)) -> list[list[tuple]]:
    return [found(nlp(text)) for text in texts]


def blank_with_pipes() -> spacy.Language:
    nlp = spacy.blank("en")
    for name in PIPE_NAMES:
        nlp.add_pipe(name)
    return nlp


@pytest.fixture(scope="module")
def nlp() -> spacy.Language:
    return load_pipeline()


@pytest.fixture
def custom_taxonomy_file(tmp_path: Path) -> Path:
    path = tmp_path / "custom.yaml"
    path.write_text(CUSTOM_SKILL)
    return path


def test_the_example_texts_exercise_every_stage(nlp):
    posting, resume = results(nlp)
    how = {m[5] for m in posting}
    assert {"exact", "alias", "fuzzy"} <= how  # matcher and fuzzy both contribute
    assert {m[4] for m in posting} >= {"python", "pytorch", "golang", "nlp"}
    assert "java" in {m[4] for m in posting if m[-1]}  # negated
    assert {m[4] for m in resume} >= {"python", "golang", "docker", "r", "pytorch"}


def test_initialize_from_the_default_config_needs_no_arguments(nlp):
    fresh = blank_with_pipes()
    fresh.initialize()
    assert results(fresh) == results(nlp)


def test_initialize_reads_the_taxonomy_named_in_the_config(custom_taxonomy_file):
    fresh = blank_with_pipes()
    reader = {"@misc": "skillgap.taxonomy.v1", "extra": str(custom_taxonomy_file)}
    for name in TAXONOMY_PIPES:
        fresh.config["initialize"]["components"][name] = {"taxonomy": reader}
    fresh.initialize()
    doc = fresh("We run Acme Flow jobs in Python.")
    assert [s.label_ for s in doc.spans["skills"]] == ["acme-flow", "python"]


def test_the_components_declare_what_they_assign_and_require(nlp):
    analysis = nlp.analyze_pipes(pretty=False)
    assert all(not problems for problems in analysis["problems"].values())
    assert nlp.get_pipe_meta("skill_kind").assigns == [
        "doc._.skillgap_kind",
        "doc._.skillgap_reads_as",
    ]
    assert "doc.spans" in nlp.get_pipe_meta("skill_qualifiers").assigns
    assert nlp.get_pipe_meta("skill_fuzzy").default_config == {"threshold": 80.0, "min_length": 6}


def test_serialize_to_bytes_and_back_gives_the_same_results(nlp):
    loaded = blank_with_pipes().from_bytes(nlp.to_bytes())
    assert results(loaded) == results(nlp)


def test_serialize_to_disk_and_spacy_load_gives_the_same_results(nlp, tmp_path):
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert tuple(loaded.pipe_names) == PIPE_NAMES
    assert results(loaded) == results(nlp)


def test_a_saved_pipeline_keeps_the_taxonomy_it_was_initialized_with(custom_taxonomy_file):
    custom = load_pipeline(load_taxonomy(extra=custom_taxonomy_file))
    loaded = blank_with_pipes().from_bytes(custom.to_bytes())
    text = "We run AcmeFlow and Acme Flow in Python."
    doc = loaded(text)
    assert found(doc) == found(custom(text))
    assert [s.label_ for s in doc.spans["skills"]] == ["acme-flow", "acme-flow", "python"]


def test_component_config_survives_saving(tmp_path):
    strict = spacy.blank("en")
    strict.add_pipe("skill_fuzzy", config={"threshold": 99.0})
    strict.add_pipe("skill_qualifiers")
    strict.initialize()
    strict.to_disk(tmp_path / "strict")
    loaded = spacy.load(tmp_path / "strict")
    assert loaded.get_pipe("skill_fuzzy").threshold == 99.0
    doc = loaded("Pytorh and PyTorch models")
    assert [s.text for s in doc.spans["skills"]] == ["PyTorch"]  # the typo is too far off


def test_an_uninitialized_taxonomy_component_warns_and_survives_saving():
    bare = spacy.blank("en")
    bare.add_pipe("skill_matcher")
    with pytest.warns(UserWarning, match="'skill_matcher' component has no taxonomy"):
        bare("We use PyTorch.")
    reloaded = spacy.blank("en")
    reloaded.add_pipe("skill_matcher")
    reloaded.from_bytes(bare.to_bytes())
    with pytest.warns(UserWarning, match="no taxonomy"):
        reloaded("We use PyTorch.")


def test_an_initialized_pipeline_does_not_warn(nlp):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        nlp("We use PyTorch.")


@pytest.mark.parametrize("text", [POSTING, RESUME])
def test_nlp_of_a_text_agrees_with_extract(text):
    nlp = get_pipeline()
    doc = nlp(text)
    profile = skillgap.extract(text)
    assert doc._.skillgap_kind == profile.kind == ("job" if text is POSTING else "resume")
    assert profile_from_doc(doc, "-", default_taxonomy()) == profile


def test_a_kind_set_before_the_pipeline_runs_wins(nlp):
    assert nlp(RESUME)._.skillgap_kind == "resume"
    doc = nlp.make_doc(RESUME)
    doc._.skillgap_kind = "job"
    assert nlp(doc)._.skillgap_kind == "job"
    assert {m.level for m in doc._.skillgap_mentions} <= {"required", "preferred"}
    assert skillgap.extract(RESUME, kind="job").kind == "job"
    wrong = nlp.make_doc(RESUME)
    wrong._.skillgap_kind = "cv"
    with pytest.raises(ValueError, match="skillgap_kind must be 'resume', 'job' or None"):
        nlp(wrong)


def test_extension_attributes_do_not_collide_with_another_librarys(nlp):
    names = ("sections", "doc_kind", "skill_mentions", "source_text")
    for name in names:
        Doc.set_extension(name, default="theirs")
    try:
        doc = nlp(POSTING)
        assert all(doc._.get(name) == "theirs" for name in names)
        assert doc._.skillgap_sections.at(doc.text.index("Python")) == "requirements"
    finally:
        for name in names:
            Doc.remove_extension(name)
    declared = {
        attr
        for name in PIPE_NAMES
        for attr in (*nlp.get_pipe_meta(name).assigns, *nlp.get_pipe_meta(name).requires)
        if "._." in attr
    }
    assert declared and all(attr.split("._.")[1].startswith("skillgap_") for attr in declared)


def _entry_points() -> dict[str, dict[str, str]]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    return project["entry-points"]


def test_pyproject_advertises_every_component_to_spacy(nlp):
    factories = _entry_points()["spacy_factories"]
    assert set(factories) == set(PIPE_NAMES)
    for name, target in factories.items():
        module, function = target.split(":")
        assert getattr(__import__(module, fromlist=[function]), function).__name__ == (
            f"make_{name}"
        )
    assert set(_entry_points()["spacy_misc"]) == {"skillgap.taxonomy.v1"}
    tokenizer = nlp.config["nlp"]["tokenizer"]["@tokenizers"]
    assert set(_entry_points()["spacy_tokenizers"]) == {tokenizer}  # the one the config names


@pytest.mark.slow
def test_spacy_load_finds_the_components_without_importing_skillgap(nlp, tmp_path):
    """The entry points of pyproject.toml, advertised as an installed package would."""
    site = tmp_path / "site"
    dist = site / "skillgap_entry_points-0.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: skillgap-entry-points\n")
    lines = [
        f"[{group}]\n" + "".join(f"{name} = {target}\n" for name, target in points.items())
        for group, points in _entry_points().items()
    ]
    (dist / "entry_points.txt").write_text("\n".join(lines))
    nlp.to_disk(tmp_path / "pipeline")
    script = (
        "import sys, spacy\n"
        "assert 'skillgap' not in sys.modules\n"
        f"nlp = spacy.load({str(tmp_path / 'pipeline')!r})\n"
        "doc = nlp('We use Pytorh and Docker.')\n"
        "print([s.label_ for s in doc.spans['skills']])\n"
    )
    env_path = f"{site}:{REPO / 'src'}"
    out = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": env_path, "PATH": "/usr/bin:/bin"},
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "['pytorch', 'docker']"


def _dev_texts(shared_dir: Path) -> list[str]:
    docs = sorted((shared_dir / "eval" / "docs").iterdir())
    return [skillgap.read_document(path).text for path in docs]


@pytest.mark.slow
def test_a_saved_and_loaded_pipeline_finds_the_same_skills_on_every_dev_document(
    nlp, shared_dir, tmp_path
):
    texts = _dev_texts(shared_dir)
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    original = [found(nlp(text)) for text in texts]
    assert sum(map(len, original)) > len(texts)  # the dev set has skills to compare
    assert [found(loaded(text)) for text in texts] == original


def test_the_collector_is_paused_while_building_and_restored_after() -> None:
    import gc

    from skillgap.extraction.pipeline import collector_paused

    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner pause leaves the outer one alone
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # a caller's own choice is kept
    finally:
        gc.enable()
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("a failed build")
    assert gc.isenabled()


def test_a_text_with_lone_surrogates_is_a_clear_value_error():
    with pytest.raises(ValueError, match="lone surrogates"):
        skillgap.extract("Python and \ud800 SQL")
    assert "python" in skillgap.extract("Python and \ufffd SQL").skill_ids
