"""``run_batch``: pairs, skills and summary tables, bad rows, progress and written outputs."""

from __future__ import annotations

import pandas as pd
import pytest

import skillgap.batch.tasks as tasks
from skillgap.analysis.report import analyze
from skillgap.batch import BatchError, BatchInputError, OutputError, run_batch
from skillgap.batch.run import plan_pairs

RESUMES = pd.DataFrame(
    {
        "id": ["ana", "ben"],
        "text": [
            "Experience\n- Built PyTorch models in Python for 4 years\n- Deployed them with Docker",
            "Skills\nSQL, Tableau, Excel\n\nExperience\n- Reporting in SQL",
        ],
    }
)
JOBS = pd.DataFrame(
    {
        "id": ["ml", "data", "empty"],
        "title": ["ML Engineer", "", ""],
        "text": [
            "Requirements\n- 3+ years of Python\n- PyTorch\n- Java\n\nNice to have\n- Kafka",
            "Requirements\n- SQL and Python\n- Airflow",
            "We are a friendly team in a sunny office.",
        ],
    }
)


def test_every_resume_meets_every_posting_with_the_documented_columns():
    result = run_batch(RESUMES, JOBS)
    pairs = result.pairs
    assert list(pairs.columns) == [
        "resume_id", "job_id", "score", "missing_required", "missing_preferred",
        "suggested_months", "error",
    ]  # fmt: skip
    assert list(zip(pairs.resume_id, pairs.job_id, strict=True)) == [
        ("ana", "ml"), ("ana", "data"), ("ana", "empty"),
        ("ben", "ml"), ("ben", "data"), ("ben", "empty"),
    ]  # fmt: skip
    ana_ml = pairs.iloc[0]
    assert "java" in ana_ml.missing_required.split("; ")
    assert ana_ml.missing_preferred == "kafka"
    assert pd.isna(ana_ml.error)
    empty = pairs[pairs.job_id == "empty"]
    assert empty.score.isna().all() and empty.suggested_months.isna().all()
    assert set(empty.error) == {"no skills recognised in this posting"}


def test_scores_and_months_agree_with_analyze_for_one_posting():
    pairs = run_batch(RESUMES, JOBS).pairs
    for row in pairs[pairs.job_id != "empty"].itertuples():
        resume = RESUMES.set_index("id").text[row.resume_id]
        job = JOBS.set_index("id").loc[row.job_id]
        text = f"{job.title}\n\n{job.text}" if job.title else job.text
        report = analyze(resume, [text])
        assert row.score == report.matches[0].score
        assert row.suggested_months == report.roadmap.total_months
        missing = [s.id for s in report.matches[0].missing_required]
        assert row.missing_required == "; ".join(missing)


def _count_extracted(monkeypatch) -> list[str]:
    """Record every document handed to extraction."""
    seen: list[str] = []
    original = tasks.extract_many

    def counting(documents, *args, **kwargs):
        documents = list(documents)
        seen.extend(documents)
        return original(documents, *args, **kwargs)

    monkeypatch.setattr(tasks, "extract_many", counting)
    return seen


def test_each_document_is_extracted_once_however_many_pairs_it_is_in(monkeypatch):
    seen = _count_extracted(monkeypatch)
    run_batch(RESUMES, JOBS)
    assert len(seen) == len(RESUMES) + len(JOBS)


def test_the_posting_title_counts_as_part_of_the_posting():
    skills = run_batch(RESUMES, JOBS).skills
    ml = skills[(skills.document_id == "ml") & (skills.kind == "job")]
    assert "machine-learning" in set(ml.skill_id)


def test_the_skills_table_is_long_with_evidence():
    skills = run_batch(RESUMES, JOBS).skills
    assert list(skills.columns) == [
        "document_id", "kind", "skill_id", "skill_name", "level", "years", "sections", "evidence",
    ]  # fmt: skip
    pytorch = skills[(skills.document_id == "ana") & (skills.skill_id == "pytorch")].iloc[0]
    assert (pytorch.kind, pytorch.sections, pytorch.evidence) == ("resume", "experience", "PyTorch")
    python_ml = skills[(skills.document_id == "ml") & (skills.skill_id == "python")].iloc[0]
    assert (python_ml.level, python_ml.years) == ("required", 3.0)
    kafka = skills[(skills.document_id == "ml") & (skills.skill_id == "kafka")].iloc[0]
    assert kafka.level == "preferred"


def test_the_summary_counts_demand_gaps_and_errors():
    resumes = pd.concat(
        [RESUMES, pd.DataFrame({"id": ["", "cat"], "text": ["Python", ""]})], ignore_index=True
    )
    result = run_batch(resumes, JOBS)
    summary = result.summary.set_index(["measure", "key"])
    assert summary.loc[("postings_asking", "python")][["count", "total"]].tolist() == [2, 3]
    assert "kafka" not in summary.loc["postings_requiring"].index
    airflow = summary.loc[("resumes_missing", "airflow")]
    assert (airflow["count"], airflow["total"], airflow["share"]) == (2, 2, 1.0)
    assert summary.loc[("errors", "resumes")][["count", "total"]].tolist() == [2, 4]
    assert summary.loc[("errors", "jobs"), "count"] == 0
    errors = result.pairs.error.dropna()
    assert summary.loc[("errors", "pairs"), "count"] == len(errors) == 3 + 3 + 2
    assert "resume at row 3: missing id" in set(errors)
    assert "resume cat: empty text" in set(errors)


def test_unreadable_and_undecodable_files_are_row_errors(tmp_path):
    (tmp_path / "good.txt").write_text("Experience: Python and Docker", encoding="utf-8")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 this is not really a pdf")
    (tmp_path / "r.csv").write_text(
        "id,path\ngood,good.txt\nbroken,broken.pdf\ngone,gone.docx\n", encoding="utf-8"
    )
    result = run_batch(tmp_path / "r.csv", JOBS.iloc[:1])
    errors = dict(zip(result.pairs.resume_id, result.pairs.error, strict=True))
    assert pd.isna(errors["good"])
    assert errors["broken"].startswith("resume broken: broken.pdf: ")
    assert errors["gone"].startswith("resume gone: gone.docx: ")
    assert "Traceback" not in "".join(result.pairs.error.dropna())


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_undecodable_ids_in_a_parquet_table_are_row_errors_and_outputs_are_written(
    tmp_path, suffix
):
    table = tmp_path / "r.parquet"
    pd.DataFrame({"id": [b"caf\xe9", b"ok"], "text": [b"Python", b"SQL"]}).to_parquet(table)
    result = run_batch(table, JOBS.iloc[:1], output=tmp_path / f"out{suffix}")
    assert result.pairs[["resume_id", "error"]].values.tolist() == [
        ["caf\\xe9", "resume caf\\xe9: id holds bytes that are not text in the table's encoding "
         "(save the table as UTF-8)"],
        ["ok", None],
    ]  # fmt: skip
    assert all(path.is_file() for path in result.outputs) and len(result.outputs) == 3
    assert not (tmp_path / f"out{suffix}.checkpoint").exists()


def test_pairs_tables_choose_the_pairs_and_their_order():
    wanted = pd.DataFrame(
        {"resume_id": ["ben", "ana", "zoe", "ana"], "job_id": ["data", "ml", "ml", "nope"]}
    )
    pairs = run_batch(RESUMES, JOBS, wanted).pairs
    assert pairs[["resume_id", "job_id"]].values.tolist() == wanted.values.tolist()
    assert pairs.error.tolist()[2:] == ["unknown resume id 'zoe'", "unknown job id 'nope'"]
    assert pairs.score.notna().tolist() == [True, True, False, False]


def test_with_pairs_only_the_named_documents_are_extracted(monkeypatch):
    seen = _count_extracted(monkeypatch)
    run_batch(RESUMES, JOBS, pd.DataFrame({"resume_id": ["ana"], "job_id": ["data"]}))
    assert len(seen) == 2


def test_progress_callback_counts_documents_and_pairs_to_the_end():
    calls: list[tuple[int, int]] = []
    run_batch(RESUMES, JOBS, progress=lambda done, total: calls.append((done, total)))
    assert calls[-1] == (5 + 6, 5 + 6)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


def test_columns_can_be_renamed():
    jobs = JOBS.rename(columns={"id": "doc_id", "text": "body"})
    result = run_batch(RESUMES, jobs, columns={"jobs.id": "doc_id", "jobs.text": "body"})
    pd.testing.assert_frame_equal(result.pairs, run_batch(RESUMES, JOBS).pairs)


def test_outputs_are_written_only_when_asked_and_in_both_formats(tmp_path):
    assert run_batch(RESUMES, JOBS).outputs == ()
    assert list(tmp_path.iterdir()) == []
    csv = run_batch(RESUMES, JOBS, output=tmp_path / "out.csv")
    parquet = run_batch(RESUMES, JOBS, output=tmp_path / "out.parquet")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "out.csv", "out.parquet", "out.skills.csv", "out.skills.parquet",
        "out.summary.csv", "out.summary.parquet",
    ]  # fmt: skip
    assert csv.outputs[0] == tmp_path / "out.csv"
    from_csv = pd.read_csv(tmp_path / "out.csv", keep_default_na=False, na_values=[""])
    from_parquet = pd.read_parquet(tmp_path / "out.parquet")
    assert from_csv.score.tolist()[:2] == from_parquet.score.tolist()[:2]
    pd.testing.assert_frame_equal(from_parquet, parquet.pairs)


def test_csv_output_neutralises_ids_a_spreadsheet_would_run(tmp_path):
    jobs = JOBS.assign(id=["=HYPERLINK(1)", "@data", "-x"])
    run_batch(RESUMES, jobs, output=tmp_path / "out.csv")
    job_ids = pd.read_csv(tmp_path / "out.csv").job_id.unique().tolist()
    assert job_ids == ["'=HYPERLINK(1)", "'@data", "'-x"]


def test_bad_usage_raises_one_line_errors(tmp_path):
    with pytest.raises(ValueError, match="at least 1"):
        run_batch(RESUMES, JOBS, workers=0)
    with pytest.raises(ValueError, match="engine='dask'"):
        run_batch(RESUMES, JOBS, scheduler="tcp://x:8786")
    with pytest.raises(BatchError, match="'notaurl' is not a Dask scheduler address"):
        run_batch(RESUMES, JOBS, engine="dask", scheduler="notaurl", output=tmp_path / "o.csv")
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(OutputError):
        run_batch(RESUMES, JOBS, output=tmp_path / "out.json")
    with pytest.raises(BatchInputError, match="columns found: id, text"):
        run_batch(RESUMES, JOBS, pd.DataFrame({"id": [1], "text": ["x"]}))


def test_plan_pairs_keeps_errored_documents_in_the_cross_product():
    from skillgap.batch.inputs import SourceDocument

    documents = [
        SourceDocument("resume", "a", 1, text="x"),
        SourceDocument("resume", "", 2, error="missing id"),
        SourceDocument("job", "j", 1, text="y"),
    ]
    planned = plan_pairs(documents, None)
    assert [(p.resume, p.job) for p in planned] == [(0, 2), (1, 2)]
