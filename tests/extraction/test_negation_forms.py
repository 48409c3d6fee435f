"""First-person denials and plans in resumes: a skill the writer has not used or is only about to
learn is never reported as held."""

from __future__ import annotations

import pytest

import skillgap
from skillgap.extraction.qualifiers import ClauseIndex


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("I have not used Docker.", "docker"),
        ("I haven't worked with Kafka in production.", "kafka"),
        ("Not yet familiar with Terraform.", "terraform"),
        ("Kafka: learning next", "kafka"),
        ("Learning next: Airflow", "airflow"),
        ("Planning to learn Scala this year.", "scala"),
        ("I would like to learn Kubernetes.", "kubernetes"),
        ("Want to learn PyTorch soon.", "pytorch"),
        ("Taught myself Python, now learning Docker.", "docker"),
        ("Docker (in progress)", "docker"),
        ("Currently studying Kubernetes.", "kubernetes"),
        ("I am learning Docker at the moment.", "docker"),
        ("I'm currently learning Terraform.", "terraform"),
        ("Learning: Rust, Scala", "scala"),
        ("Skills: Python. Not yet: Docker.", "docker"),
    ],
)
def test_a_denied_or_planned_skill_is_not_held(text: str, skill: str) -> None:
    profile = skillgap.extract(text, kind="resume")
    assert skill not in profile.skill_ids
    assert skill in {hit.id for hit in profile.negated}


def test_a_plan_line_does_not_reach_the_skills_line_above() -> None:
    profile = skillgap.extract(
        "Skills: Python, SQL\nCurrently learning: Docker, Kafka", kind="resume"
    )
    assert {"python", "sql"} <= profile.skill_ids
    assert not {"docker", "kafka"} & profile.skill_ids


@pytest.mark.parametrize(
    "text",
    ["Machine learning with PyTorch", "Deep learning, PyTorch", "Next, we moved to PyTorch."],
)
def test_learning_as_a_field_or_next_as_a_word_denies_nothing(text: str) -> None:
    assert "pytorch" in skillgap.extract(text, kind="resume").skill_ids


def test_a_section_of_skills_being_learnt_holds_none_of_them() -> None:
    resume = (
        "Skills\nPython, SQL\n\nCurrently Learning\nRust\nKubernetes\n\n"
        "Experience\nBuilt Kafka pipelines"
    )
    profile = skillgap.extract(resume, kind="resume")
    assert {"python", "sql", "kafka"} <= profile.skill_ids
    assert not {"rust", "kubernetes"} & profile.skill_ids
    assert {"rust", "kubernetes"} <= {hit.id for hit in profile.negated}


def test_a_plan_label_inside_a_skills_section_holds_for_its_own_line() -> None:
    resume = "Skills\nLearning: Rust\nPython, SQL"
    profile = skillgap.extract(resume, kind="resume")
    assert {"python", "sql"} <= profile.skill_ids
    assert "rust" not in profile.skill_ids


def test_a_field_named_learning_is_no_plan_label() -> None:
    line = (
        "Machine Learning: Classification models, Regression, NLP, Deep-Learning, TensorFlow, Keras"
    )
    assert "tensorflow" in skillgap.extract(line, kind="resume").skill_ids


def test_a_broken_line_ending_in_learning_opens_no_plan_section() -> None:
    resume = "Interests\n    Machine\n    Learning\n\nBuilt models in Python and TensorFlow."
    assert {"python", "tensorflow"} <= skillgap.extract(resume, kind="resume").skill_ids


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Skills: Python. Learning goals: Kubernetes", "Kubernetes"),
        ("Skills: SQL. Learning plan: Go, Kafka", "Kafka"),
        ("Skills: SQL. Learning: Kafka", "Kafka"),
        ("What I'm learning: Docker", "Docker"),
        ("Skills to learn: Terraform", "Terraform"),
        ("Docker (learning)", "Docker"),
        ("Docker - currently learning", "Docker"),
        ("Still learning Terraform", "Terraform"),
        ("Machine learning with PyTorch and other tools", "PyTorch"),
        ("Transfer learning, TensorFlow", "TensorFlow"),
        ("Eager to learn Kafka quickly", "Kafka"),
    ],
)
def test_the_pipelines_cue_words_judge_negation_as_the_text_does(text: str, name: str) -> None:
    """The pipeline finds cue words from tokens, skipping "learning" and "learn" where no word
    beside them makes a cue; the text path reads every such word, and both must agree."""
    start = text.index(name)
    from_text = ClauseIndex(text).is_negated(start, start + len(name))
    profile = skillgap.extract(text, kind="resume")
    negated = {hit.id for hit in profile.negated} - profile.skill_ids
    hits = (*profile.skills, *profile.negated)
    found = [hit.id for hit in hits if hit.mentions[0].start == start]
    assert found, f"{name} not found in {text!r}"
    assert (found[0] in negated) == from_text
