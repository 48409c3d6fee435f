"""``skillgap.batch.tasks``: the work on one chunk, as a worker process runs it."""

from __future__ import annotations

from dataclasses import replace

import jsonschema

import skillgap.batch.tasks as tasks
from skillgap.analysis.report import analyze, report_from_profiles, report_schema
from skillgap.batch.tasks import (
    DocumentItem,
    ExtractTask,
    TaxonomyRef,
    compare_chunk,
    extract_chunk,
    peak_rss_mb,
)
from skillgap.models import RequirementGroup
from skillgap.taxonomy import default_taxonomy, load_taxonomy

BUILTIN = TaxonomyRef.of(default_taxonomy())


def item(index: int, text: str | None = None, path: str | None = None, title: str | None = None):
    return DocumentItem(index, f"d{index}", text, path, title)


def test_extracted_profiles_carry_no_text_but_a_title_and_are_named_by_id():
    posting = item(7, "Data Engineer\nRequirements: Python")
    result = extract_chunk(ExtractTask(0, "job", (posting,), BUILTIN))
    (extracted,) = result.items
    assert extracted.index == 7 and extracted.error is None
    assert extracted.profile.text == "Data Engineer" and extracted.profile.source == "d7"
    assert [s.id for s in extracted.profile.skills] == ["data-engineering", "python"]
    resume = extract_chunk(ExtractTask(0, "resume", (item(8, "Skills\nPython, SQL"),), BUILTIN))
    assert resume.items[0].profile.text == ""
    assert result.peak_rss_mb > 0 and ":" in result.worker


def test_one_failing_document_does_not_spoil_its_chunk(monkeypatch):
    def broken_batch(*args, **kwargs):
        raise RuntimeError("batch broke")

    original = tasks.extract

    def picky(text, *args, **kwargs):
        if "boom" in text:
            raise ValueError("bad document")
        return original(text, *args, **kwargs)

    monkeypatch.setattr(tasks, "extract_many", broken_batch)
    monkeypatch.setattr(tasks, "extract", picky)
    chunk = (item(0, "Python"), item(1, "boom"), item(2, "SQL"))
    items = extract_chunk(ExtractTask(0, "resume", chunk, BUILTIN)).items
    assert [i.error for i in items] == [None, "extraction failed (ValueError)", None]
    assert [s.id for s in items[2].profile.skills] == ["sql"]


def test_files_are_read_in_the_worker_and_titles_lead_the_text(tmp_path):
    (tmp_path / "ad.md").write_text("## Requirements\n- Docker", encoding="utf-8")
    (tmp_path / "blank.txt").write_text("   \n", encoding="utf-8")
    chunk = (
        item(0, path=str(tmp_path / "ad.md"), title="NLP Engineer"),
        item(1, path=str(tmp_path / "blank.txt")),
        item(2, path=str(tmp_path / "missing.pdf")),
    )
    items = extract_chunk(ExtractTask(0, "job", chunk, BUILTIN)).items
    assert {s.id for s in items[0].profile.skills} >= {"docker", "nlp"}
    assert items[1].error.startswith("blank.txt: ")
    assert items[2].error.startswith("missing.pdf: ")


def test_a_custom_taxonomy_travels_with_the_task(tmp_path):
    extra = tmp_path / "extra.yaml"
    extra.write_text(
        "skills:\n"
        "  - {id: zorblax, name: Zorblax, phase: other, category: tool, kind: hard, hours: 5,\n"
        "     description: An in-house tool.}\n",
        encoding="utf-8",
    )
    custom = TaxonomyRef.of(load_taxonomy(extra=extra))
    assert BUILTIN.taxonomy is None and custom.taxonomy is not None
    jobs = extract_chunk(ExtractTask(0, "job", (item(1, "Requirements: Zorblax"),), custom))
    resumes = extract_chunk(ExtractTask(1, "resume", (item(0, "Skills: Python"),), custom))
    profiles = {0: resumes.items[0].profile, 1: jobs.items[0].profile}
    task = tasks.CompareTask(0, ((5, 0, 1),), profiles, custom)
    (outcome,) = compare_chunk(task).items
    assert outcome.index == 5 and outcome.missing_required == ("zorblax",)
    assert outcome.score == 0.0 and outcome.suggested_months >= 1


def test_peak_memory_is_reported_in_megabytes():
    assert 10 < peak_rss_mb() < 100_000


RESUME_TEXT = "Senior Software Engineer\nExperience\n- Built services in Python and GCP, 2019-2024"
JOB_TEXT = "Requirements\n- Python, Docker, Kubernetes\n- Software engineering\n- Communication"


def test_a_pair_scores_as_analyze_does_and_its_report_fits_the_schema():
    resumes = extract_chunk(ExtractTask(0, "resume", (item(0, RESUME_TEXT),), BUILTIN)).items
    jobs = extract_chunk(ExtractTask(1, "job", (item(1, JOB_TEXT),), BUILTIN)).items
    resume, job = resumes[0].profile, jobs[0].profile
    # the role title is read in the worker, before the text is dropped
    assert "software-engineering" in resume.skill_ids and resume.text == ""
    start, end = JOB_TEXT.index("Docker"), JOB_TEXT.index("Kubernetes") + len("Kubernetes")
    group = RequirementGroup(("docker", "kubernetes"), 1, "required", "Docker, K8s", start, end)
    with_groups = replace(job, groups=(group,))
    taxonomy = default_taxonomy()
    report = report_from_profiles(resume, [with_groups], ["d1"], taxonomy)
    jsonschema.validate(report.to_dict(), report_schema())
    outcome = compare_chunk(
        tasks.CompareTask(0, ((3, 0, 1),), {0: resume, 1: with_groups}, BUILTIN)
    ).items[0]
    (match,) = report.matches
    assert outcome.score == match.score
    assert outcome.missing_required == tuple(s.id for s in match.missing_required)
    assert outcome.suggested_months == report.roadmap.total_months
    # the group is one gap, counted once; the soft skill is not a gap
    assert len([s for s in outcome.missing_required if s in ("docker", "kubernetes")]) == 1
    assert "communication" not in outcome.missing_required
    expected = analyze(RESUME_TEXT, [JOB_TEXT]).to_dict()["jobs"][0]
    plain = compare_chunk(tasks.CompareTask(0, ((3, 0, 1),), {0: resume, 1: job}, BUILTIN))
    assert plain.items[0].score == expected["score"]
