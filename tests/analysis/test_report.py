"""``analyze`` end to end: the JSON report, its schema, determinism and gap-closing properties."""

from __future__ import annotations

import doctest
import re
from types import SimpleNamespace

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import skillgap.analysis.report
from skillgap.analysis.report import analyze, report_schema
from skillgap.models import DocumentProfile, Mention, SkillHit
from skillgap.render import render
from skillgap.taxonomy import default_taxonomy

RESUME = """Priya Natarajan

Skills
Python, SQL, pandas, Git, TensorFlow

Experience
Data scientist, Harbor Analytics (2019-2024)
- Built demand forecasting models in Python and scikit-learn for 5 years
- Wrote SQL for the reporting warehouse

Education
MSc Statistics: linear algebra, probability
"""
JOBS = [
    """Machine Learning Engineer

Requirements
- 3+ years of Python
- Deep learning with PyTorch
- Docker, Kubernetes and AWS

Nice to have
- Kafka
""",
    """NLP Engineer

What you'll need
- Python and PyTorch
- Transformers and fine-tuning of large language models
- SQL

Bonus
- MLflow
""",
    """ML Platform Engineer

Requirements
- Python, Docker, CI/CD
- Model monitoring and ML pipelines
- Statistics and hypothesis testing
""",
]
CHEF = """Alex Moreau

Skills
Menu planning, food safety, inventory, team leadership

Experience
Head chef, Le Petit Bistro (2015-2024)
- Designed seasonal menus and trained a team of eight cooks
"""
BROAD_JOBS = [
    """ML Engineer

Requirements
- Python, object-oriented programming, NumPy, data structures
- Linear algebra, calculus, probability and statistics
- Supervised learning, feature engineering, cross-validation, evaluation metrics
- Deep learning with PyTorch, backpropagation
- Docker, FastAPI, AWS, model monitoring, ML pipelines
""",
    """Computer Vision Engineer

Requirements
- Python and PyTorch
- Convolutional neural networks, object detection, image segmentation
- Model serialization and model versioning
""",
]


@pytest.fixture(scope="module")
def report():
    return analyze(RESUME, JOBS)


def test_report_validates_against_the_packaged_schema(report):
    schema = report_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(report.to_dict(), schema)


def test_report_has_the_fields_the_issue_lists(report):
    data = report.to_dict()
    assert data["schema_version"] == "1.1" and "required 3" in data["score_formula"]
    job = data["jobs"][0]
    assert {"id", "title", "score", "matched", "missing_required", "missing_preferred"} <= set(job)
    assert job["title"] == "Machine Learning Engineer"
    gap = data["gaps"][0]
    assert {"id", "name", "importance", "demand", "phase", "jobs"} <= set(gap)
    roadmap = data["roadmap"]
    assert {"total_months", "months_saved", "months"} <= set(roadmap)
    assert {"month", "phase", "skills", "goal", "project"} <= set(roadmap["months"][0])
    assert data["strengths"] and data["resume"]["skills"]


def test_matched_skills_carry_evidence_from_both_sides(report):
    python = next(s for s in report.to_dict()["jobs"][0]["matched"] if s["id"] == "python")
    assert python["job_evidence"][0]["text"] == "Python"
    sections = {m["section"] for m in python["resume_evidence"]}
    assert "experience" in sections
    assert python["years_asked"] == 3.0


def test_a_skill_the_resume_is_learning_is_a_gap_that_quotes_the_resume():
    resume = RESUME.replace("Experience\n", "Currently learning: Docker\n\nExperience\n")
    report = analyze(resume, JOBS)
    data = report.to_dict()
    jsonschema.validate(data, report_schema())
    docker = next(s for s in data["jobs"][0]["missing_required"] if s["id"] == "docker")
    assert [m["quote"] for m in docker["resume_not_held"]] == ["Currently learning: Docker"]
    kubernetes = next(s for s in data["jobs"][0]["missing_required"] if s["id"] == "kubernetes")
    assert kubernetes["resume_not_held"] == []  # not named in the resume at all
    for fmt in ("md", "html"):
        assert "not held yet" in render(report, fmt)


def test_related_skill_is_partial_credit_not_a_full_gap(report):
    data = report.to_dict()
    (partial,) = [s for s in data["jobs"][0]["partial"] if s["id"] == "pytorch"]
    assert partial["via"] == "tensorflow" and 0 < partial["credit"] < 1
    gap = next(g for g in data["gaps"] if g["id"] == "pytorch")
    assert gap["status"] == "partial"


def test_gaps_are_ranked_by_importance_and_name_the_postings_they_block(report):
    gaps = report.to_dict()["gaps"]
    assert [g["importance"] for g in gaps] == sorted((g["importance"] for g in gaps), reverse=True)
    docker = next(g for g in gaps if g["id"] == "docker")
    assert docker["jobs"] == ["job-1", "job-3"] and docker["demand"] == pytest.approx(2 / 3, 0.01)


def test_same_input_gives_byte_identical_json():
    first = render(analyze(RESUME, JOBS), "json")
    assert render(analyze(RESUME, JOBS), "json") == first
    assert not re.search(r"\d\.\d{5,}", first)


def test_documents_and_profiles_are_accepted_and_warnings_kept():
    document = SimpleNamespace(text=RESUME, source="cv.pdf", warnings=("not English?",))
    profile = skillgap.extract(JOBS[0], "job", source="ad.txt")
    data = analyze(document, [profile]).to_dict()
    assert data["resume"]["source"] == "cv.pdf" and data["resume"]["warnings"] == ["not English?"]
    assert data["jobs"][0]["source"] == "ad.txt"


def test_a_posting_without_skills_has_no_score_and_no_crash():
    report = analyze(RESUME, ["We are a friendly bakery in Lyon. Apply today!", JOBS[0]])
    data = report.to_dict()
    assert data["jobs"][0]["score"] is None and data["jobs"][0]["score_reason"]
    assert data["summary"]["scored_jobs"] == 1 and data["summary"]["score"] is not None
    jsonschema.validate(data, report_schema())
    only_empty = analyze(RESUME, ["Nothing to see here."]).to_dict()
    assert only_empty["summary"]["score"] is None and only_empty["gaps"] == []


def test_settings_reach_the_roadmap():
    data = analyze(RESUME, JOBS, hours_per_week=25, track="cv").to_dict()
    assert data["roadmap"]["hours_per_week"] == 25 and data["roadmap"]["track"] == "cv"
    assert analyze(RESUME, JOBS).to_dict()["roadmap"]["track"] == "nlp"


def test_bad_arguments_are_refused():
    with pytest.raises(ValueError):
        analyze(RESUME, [])
    with pytest.raises(ValueError):
        analyze(RESUME, "just one string")
    with pytest.raises(TypeError):
        analyze(RESUME, [42])


def test_adding_the_top_gaps_removes_them_and_never_lowers_a_score(report):
    before = report.to_dict()
    top = [g for g in before["gaps"] if g["kind"] == "hard"][:4]
    names = ", ".join(g["name"] for g in top)
    extra = f"\nProjects\n- Built a model-serving platform with {names}\n"
    after = analyze(RESUME + extra, JOBS).to_dict()
    assert not {g["id"] for g in top} & {g["id"] for g in after["gaps"]}
    for old, new in zip(before["jobs"], after["jobs"], strict=True):
        assert new["score"] >= old["score"]
    assert after["roadmap"]["total_months"] <= before["roadmap"]["total_months"]


def test_a_resume_without_relevant_skills_gets_nearly_the_whole_plan():
    data = analyze(CHEF, BROAD_JOBS).to_dict()
    assert data["summary"]["score"] == 0
    roadmap = data["roadmap"]
    assert roadmap["total_months"] >= 10 and roadmap["months_saved"] <= 2
    phases = {m["phase"] for m in roadmap["months"]}
    assert {"python", "deep-learning", "specialization", "deployment"} <= phases
    assert phases & {"math", "ml-foundations"}
    assert roadmap["track"] == "cv"


def test_a_resume_with_every_asked_skill_scores_100_and_needs_nothing():
    profiles = [skillgap.extract(text, "job") for text in JOBS]
    forms = sorted({hit.mentions[0].text for p in profiles for hit in p.skills})
    bullets = [", ".join(forms[i : i + 3]) for i in range(0, len(forms), 3)]
    resume = "Experience\n" + "".join(f"- Built models with {b} for 6 years.\n" for b in bullets)
    data = analyze(resume, profiles).to_dict()
    assert [job["score"] for job in data["jobs"]] == [100.0] * len(JOBS)
    assert data["gaps"] == [] and data["roadmap"]["total_months"] == 0
    assert data["roadmap"]["months_saved"] == data["roadmap"]["full_plan_months"]


def test_module_example_runs():
    assert doctest.testmod(skillgap.analysis.report).failed == 0


POOL = sorted(
    [
        "python", "sql", "numpy", "statistics", "machine-learning", "deep-learning", "pytorch",
        "tensorflow", "transformers", "cnn", "docker", "kubernetes", "aws", "mlflow", "kafka",
    ]
)  # fmt: skip


def _hit(skill_id: str, section: str, level=None) -> SkillHit:
    skill = default_taxonomy()[skill_id]
    mention = Mention(skill.name, 0, len(skill.name), section, "exact", level=level)
    return SkillHit(skill.id, skill.name, skill.phase, skill.kind, level, None, (mention,))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    held=st.sets(st.sampled_from(POOL), max_size=6),
    jobs=st.lists(
        st.dictionaries(st.sampled_from(POOL), st.sampled_from(["required", "preferred"])),
        min_size=1,
        max_size=4,
    ),
)
def test_properties_on_random_profiles(held, jobs):
    resume = DocumentProfile("r", "resume", "", tuple(_hit(i, "experience") for i in sorted(held)))
    postings = [
        DocumentProfile(f"j{n}", "job", "", tuple(_hit(i, "requirements", lv) for i, lv in sorted(
            asked.items())))
        for n, asked in enumerate(jobs)
    ]  # fmt: skip
    before = analyze(resume, postings).to_dict()
    jsonschema.validate(before, report_schema())
    top = {g["id"] for g in before["gaps"][:3]}
    fuller = DocumentProfile(
        "r", "resume", "", tuple(_hit(i, "experience") for i in sorted(held | top))
    )
    after = analyze(fuller, postings).to_dict()
    assert not top & {g["id"] for g in after["gaps"]}
    for old, new in zip(before["jobs"], after["jobs"], strict=True):
        assert (old["score"] is None) == (new["score"] is None)
        assert old["score"] is None or new["score"] >= old["score"]
    if all(set(asked) <= held for asked in jobs):
        assert before["gaps"] == [] and before["roadmap"]["total_months"] == 0


SOFT_JOB = "Requirements\n- Python and Docker\n- Excellent communication and teamwork"


def test_soft_skills_are_reported_apart_and_not_planned():
    data = analyze(RESUME, [SOFT_JOB]).to_dict()
    jsonschema.validate(data, report_schema())
    soft = {s["id"] for s in data["soft_skills"]}
    assert "communication" in soft
    assert not soft & {g["id"] for g in data["gaps"]}
    assert not soft & {s["id"] for s in data["roadmap"]["skills"]}
    job = data["jobs"][0]
    assert not soft & {s["id"] for s in job["missing_required"]}
    assert {s["id"] for s in job["soft_skills"]} == soft
    assert "soft 0.5" in data["score_formula"]


def test_corrections_rescore_and_are_listed():
    before = analyze(RESUME, JOBS).to_dict()
    after = analyze(RESUME, JOBS, have=["docker"], skip=["kubernetes"]).to_dict()
    jsonschema.validate(after, report_schema())
    assert after["corrections"] == {
        "have": [{"id": "docker", "name": "Docker"}],
        "skip": [{"id": "kubernetes", "name": "Kubernetes"}],
    }
    assert not {"docker", "kubernetes"} & {g["id"] for g in after["gaps"]}
    assert after["summary"]["score"] > before["summary"]["score"]
    docker = next(s for s in after["jobs"][0]["matched"] if s["id"] == "docker")
    assert docker["corrected"] and docker["resume_evidence"] == []
    with pytest.raises(ValueError, match="unknown skill id: dokker"):
        analyze(RESUME, JOBS, have=["dokker"])


def test_each_line_states_what_it_earned_and_cost():
    job = analyze(RESUME, JOBS).to_dict()["jobs"][0]
    lines = [s for k in ("matched", "partial", "missing_required", "missing_preferred")
             for s in job[k]] + job["soft_skills"]  # fmt: skip
    assert sum(s["earned"] for s in lines) == pytest.approx(job["score"], abs=0.1)
    assert all(s["lost"] > 0 for s in job["missing_required"])
    assert job["required_met"]["of"] >= job["required_met"]["met"] > 0


def test_swapped_inputs_are_warned_about():
    data = analyze(JOBS[0], [RESUME]).to_dict()
    assert any("reads like a job posting" in w for w in data["resume"]["warnings"])
    assert any("reads like a resume" in w for w in data["jobs"][0]["warnings"])
    assert not analyze(RESUME, JOBS).to_dict()["resume"]["warnings"]
