"""The built-in taxonomy data and the loader's validation, consistency checks and overlays."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from skillgap.taxonomy import (
    TRACKS,
    TaxonomyError,
    check_taxonomy,
    default_taxonomy,
    default_taxonomy_dir,
    load_taxonomy,
    normalize_form,
)

CORE_BY_PHASE = {
    "python": (
        "python oop design-patterns data-structures algorithms numpy pandas debugging "
        "virtual-environments unit-testing git sql linux r java cpp scala golang"
    ),
    "math": (
        "linear-algebra calculus probability statistics hypothesis-testing bayesian-methods "
        "dimensionality-reduction optimization"
    ),
    "ml-foundations": (
        "machine-learning supervised-learning unsupervised-learning regularization "
        "cross-validation evaluation-metrics feature-engineering data-preprocessing "
        "model-selection hyperparameter-tuning scikit-learn gradient-boosting"
    ),
    "deep-learning": (
        "deep-learning pytorch tensorflow keras jax backpropagation distributed-training"
    ),
    "specialization": (
        "computer-vision cnn object-detection image-segmentation opencv nlp transformers "
        "fine-tuning hugging-face llm reinforcement-learning policy-gradients "
        "recommender-systems time-series lstm"
    ),
    "deployment": (
        "model-serialization model-versioning mlflow api-design fastapi flask docker kubernetes "
        "aws gcp azure model-monitoring ml-pipelines airflow ci-cd mlops ab-testing spark "
        "ml-system-design"
    ),
}
CORE_PHASES = {i: phase for phase, ids in CORE_BY_PHASE.items() for i in ids.split()}

# Mentions the labelling guide names, and the skill each must belong to.
MENTION_EXAMPLES = {
    "XGBoost": "gradient-boosting", "LightGBM": "gradient-boosting", "SageMaker": "aws",
    "EC2": "aws", "BigQuery": "gcp", "Vertex AI": "gcp", "BERT": "transformers",
    "ResNet": "cnn", "random forest": "supervised-learning", "SVM": "supervised-learning",
    "logistic regression": "supervised-learning", "k-means": "unsupervised-learning",
    "clustering": "unsupervised-learning", "PCA": "dimensionality-reduction",
    "t-SNE": "dimensionality-reduction", "PySpark": "spark", "Databricks": "spark",
    "PostgreSQL": "sql", "T-SQL": "sql", "GitHub": "git", "version control": "git",
    "Jenkins": "ci-cd", "GitHub Actions": "ci-cd", "continuous integration": "ci-cd",
    "LoRA": "fine-tuning", "transfer learning": "fine-tuning", "GPT-4": "llm", "RAG": "llm",
    "prompt engineering": "llm", "large language models": "llm", "pytest": "unit-testing",
    "TDD": "unit-testing", "RESTful": "api-design", "gRPC": "api-design",
    "microservices": "api-design", "containerization": "docker", "K8s": "kubernetes",
    "EKS": "kubernetes", "sklearn": "scikit-learn", "Golang": "golang", "ML": "machine-learning",
    "Apache Airflow": "airflow", "gradient descent": "optimization", "ONNX": "model-serialization",
}  # fmt: skip
AMBIGUOUS_SHORT_FORMS = {
    "r": "R", "golang": "Go", "c-lang": "C", "spark": "Spark", "flask": "Flask", "excel": "Excel",
    "computer-vision": "CV", "reinforcement-learning": "RL",
}  # fmt: skip

VALID_SKILL = {
    "id": "widget-tool",
    "name": "Widget tool",
    "phase": "other",
    "category": "tool",
    "kind": "hard",
    "hours": 3,
    "description": "An in-house tool.",
    "outcome": "You're ready when you can use the widget tool unaided.",
    "resources": [
        {"title": "Widget docs", "url": "https://widgets.example.org/", "type": "official-docs"}
    ],
}


@pytest.fixture(scope="module")
def taxonomy():
    return default_taxonomy()


def _write(path: Path, *skills: dict) -> Path:
    path.write_text(yaml.safe_dump({"skills": list(skills)}), encoding="utf-8")
    return path


def _form_index(taxonomy) -> dict[str, set[str]]:
    index: dict[str, set[str]] = {}
    for skill in taxonomy:
        for form in skill.forms:
            index.setdefault(normalize_form(form), set()).add(skill.id)
        for form in skill.case_sensitive:
            index.setdefault(form, set()).add(skill.id)
    return index


def test_builtin_taxonomy_is_large_and_consistent(taxonomy):
    assert len(taxonomy) >= 250
    assert check_taxonomy(taxonomy) == []


def test_every_core_id_is_present_in_its_roadmap_phase(taxonomy):
    listed = (default_taxonomy_dir() / "core_ids.txt").read_text(encoding="utf-8").split()
    assert sorted(listed) == sorted(CORE_PHASES)
    assert {i: taxonomy[i].phase for i in CORE_PHASES if i in taxonomy} == CORE_PHASES


def test_specialization_skills_have_tracks_of_three_or_more(taxonomy):
    tracks = Counter(s.track for s in taxonomy.in_phase("specialization"))
    assert None not in tracks
    assert all(tracks[t] >= 3 for t in TRACKS), tracks


def test_every_skill_is_described_and_estimated(taxonomy):
    for skill in taxonomy:
        assert 0 < skill.hours <= 100, skill.id
        assert "\n" not in skill.description, skill.id
    soft = [s for s in taxonomy if s.kind == "soft"]
    assert len(soft) >= 20
    assert {s.category for s in soft} == {"soft-skill"}


@pytest.mark.parametrize(("mention", "skill_id"), sorted(MENTION_EXAMPLES.items()))
def test_labelling_guide_mentions_belong_to_their_skill(taxonomy, mention, skill_id):
    index = _form_index(taxonomy)
    owners = index.get(normalize_form(mention), set()) | index.get(mention, set())
    assert owners == {skill_id}


@pytest.mark.parametrize(("skill_id", "form"), sorted(AMBIGUOUS_SHORT_FORMS.items()))
def test_ambiguous_short_forms_are_case_sensitive_and_need_context(taxonomy, skill_id, form):
    skill = taxonomy[skill_id]
    assert form in skill.case_sensitive
    assert skill.context is not None and skill.context.applies_to(form)
    assert normalize_form(form) not in _form_index(taxonomy)


def test_ai_alone_is_not_a_skill(taxonomy):
    index = _form_index(taxonomy)
    assert "ai" not in index and "AI" not in index and "artificial intelligence" not in index


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"id": "Bad_Id"}, ["skill #1", "'id'"]),
        ({"hours": None}, ["widget-tool", "'hours'"]),
        ({"phase": "month-13"}, ["widget-tool", "'phase'"]),
        ({"colour": "red"}, ["widget-tool", "'colour'"]),
        ({"context": {"forms": ["Widget"], "near": ["x"]}}, ["widget-tool", "context", "'near'"]),
        ({"aliases": "widgets"}, ["widget-tool", "'aliases'"]),
        ({"track": "cv"}, ["widget-tool", "'track'"]),
    ],
)
def test_schema_errors_name_file_skill_and_field(tmp_path, change, expected):
    skill = {k: v for k, v in {**VALID_SKILL, **change}.items() if v is not None}
    path = _write(tmp_path / "broken.yaml", skill)
    with pytest.raises(TaxonomyError) as error:
        load_taxonomy(base=path)
    message = str(error.value)
    assert str(path) in message
    assert all(part in message for part in expected), message


def test_invalid_yaml_names_the_line(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("skills:\n  - id: [unclosed\n", encoding="utf-8")
    with pytest.raises(TaxonomyError, match=r"broken\.yaml: line \d+"):
        load_taxonomy(base=path)


def test_an_id_used_twice_in_the_base_is_rejected(tmp_path):
    _write(tmp_path / "a.yaml", VALID_SKILL)
    _write(tmp_path / "b.yaml", VALID_SKILL)
    with pytest.raises(TaxonomyError, match="already used"):
        load_taxonomy(base=tmp_path)


def test_a_user_file_adds_and_replaces_skills(tmp_path, taxonomy):
    python = {**taxonomy["python"].to_dict(), "hours": 1.0, "context": None, "track": None}
    path = _write(tmp_path / "mine.yaml", VALID_SKILL, {k: v for k, v in python.items() if v})
    merged = load_taxonomy(extra=path)
    assert len(merged) == len(taxonomy) + 1
    assert merged["widget-tool"].name == "Widget tool"
    assert merged["python"].hours == 1.0
    assert taxonomy["python"].hours != 1.0
    assert check_taxonomy(merged) == []


def test_check_reports_cycles_double_claims_and_unknown_references(tmp_path):
    path = _write(
        tmp_path / "bad.yaml",
        {**VALID_SKILL, "id": "first", "prerequisites": ["second"], "aliases": ["gizmo"]},
        {**VALID_SKILL, "id": "second", "prerequisites": ["first"], "aliases": ["Gizmo"]},
        {**VALID_SKILL, "id": "third", "related": ["missing"]},
    )
    problems = check_taxonomy(load_taxonomy(base=path))
    assert any("prerequisites cycle" in p for p in problems)
    assert any("'gizmo'" in p and "first" in p and "second" in p for p in problems)
    assert any("third" in p and "'missing'" in p for p in problems)


def test_a_context_rule_lets_two_skills_share_a_form(tmp_path):
    ruled = {**VALID_SKILL, "id": "ruled", "name": "Ruled tool", "case_sensitive": ["Gizmo"]}
    ruled["context"] = {"forms": ["Gizmo"], "any_of": ["widgets"]}
    path = _write(tmp_path / "ok.yaml", {**VALID_SKILL, "case_sensitive": ["Gizmo"]}, ruled)
    assert check_taxonomy(load_taxonomy(base=path)) == []
