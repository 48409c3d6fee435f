"""The dashboard through Streamlit's AppTest: every page and every error path, no browser."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from tests.documents.builders import scanned_text_pdf
from tests.ui.pdfs import encrypted, pdf_from_lines, two_page_resume

from skillgap.analysis.report import analyze
from skillgap.documents import DocumentError, read_document
from skillgap.documents.ocr import tesseract_installed
from skillgap.ui import state
from skillgap.ui.examples import EXAMPLE_POSTINGS, EXAMPLE_RESUME

APP = Path(__file__).resolve().parents[2] / "app.py"
PAGES = "src/skillgap/ui/app_pages"
RESUME = "Experience\nBuilt PyTorch models in Python at Acme (2019-2023).\nSkills: Docker, SQL"
POSTINGS = (
    "ML Engineer <blink>Vision</blink>\nRequirements: Python, PyTorch, Kubernetes & MLflow "
    "<marquee>now</marquee>.\n"
    "---\n"
    "Data Scientist\nMust have: SQL, pandas, statistics."
)
CUSTOM_TAXONOMY = b"""skills:
  - id: flax-nn
    name: Flax
    phase: deep-learning
    category: frameworks
    kind: hard
    hours: 20
    description: Neural networks in JAX with Flax.
"""


@pytest.fixture
def app() -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.run()
    assert not at.exception
    return at


def keyed_block(at: AppTest, key: str):
    """The container created with ``st.container(key=key)``."""
    found = []

    def walk(block) -> None:
        for child in getattr(block, "children", {}).values():
            if str(getattr(getattr(child, "proto", None), "id", "")).endswith(f"-{key}"):
                found.append(child)
            walk(child)

    walk(at.main)
    assert found, f"no container with key {key!r}"
    return found[0]


def errors(at: AppTest) -> list[str]:
    return [e.value for e in at.error]


def analyze_click(at: AppTest) -> AppTest:
    at.button(key="analyze").click().run()
    assert not at.exception
    return at


def read_error(data: bytes, name: str) -> str:
    """The message the documents module gives for a bad file."""
    with pytest.raises(DocumentError) as info:
        read_document(data, filename=name)
    return str(info.value)


# --- job seeker page -------------------------------------------------------------------------


def test_seeker_page_has_its_stable_widgets(app: AppTest) -> None:
    assert app.title[0].value == "Skills gap for ML engineering"
    assert app.text_area(key="resume_text").label
    assert app.text_area(key="jobs_text").label
    assert app.button(key="analyze").label == "Analyze"
    assert app.get("file_uploader")[0].label.startswith("Upload your resume")
    assert all(w.label for w in app.text_area) and all(w.label for w in app.get("file_uploader"))
    assert not app.metric, "no results before Analyze"


def test_pasted_resume_and_two_postings_give_a_full_report(app: AppTest) -> None:
    app.text_area(key="resume_text").set_value(RESUME)
    app.text_area(key="jobs_text").set_value(POSTINGS)
    analyze_click(app)
    assert not errors(app)
    report = keyed_block(app, "report")
    expected = analyze(RESUME, [p for p in POSTINGS.split("\n---\n")]).to_dict()
    score = report.metric[0]
    assert score.label == "Overall match score"
    assert score.value == f"{expected['summary']['score']:g}/100"
    matrix = report.dataframe[1].value
    assert list(matrix.columns) == ["1. ML Engineer <blink>Vision</blink>", "2. Data Scientist"]
    assert "✗ missing (required)" in matrix.loc["MLflow"].tolist()
    gap_labels = [e.label for e in report.expander]
    assert any("MLflow" in label for label in gap_labels)
    evidence = " ".join(h.value for h in report.get("html"))
    assert "<mark>MLflow</mark>" in evidence
    assert "&lt;marquee&gt;" in evidence and "<marquee>" not in evidence
    keys = {b.key for b in report.get("download_button")}
    assert {"download_html", "download_pdf", "download_md", "download_json"} <= keys


def test_a_gap_the_resume_is_learning_quotes_the_resume(app: AppTest) -> None:
    app.text_area(key="resume_text").set_value(RESUME + "\nCurrently learning: MLflow")
    app.text_area(key="jobs_text").set_value(POSTINGS)
    analyze_click(app)
    assert not errors(app)
    captions = " ".join(c.value for c in keyed_block(app, "report").caption)
    said = "Your resume says you do not hold it yet: \u201cCurrently learning: MLflow\u201d"
    assert said in captions.replace("\\", "")  # Markdown escapes taken out


def test_examples_and_settings_shape_the_plan(app: AppTest) -> None:
    app.button(key="example_resume").click().run()
    assert app.text_area(key="resume_text").value == EXAMPLE_RESUME
    app.multiselect(key="examples").set_value(list(EXAMPLE_POSTINGS))
    app.number_input(key="hours_per_week").set_value(20.0)
    app.selectbox(key="track").set_value("rl")
    analyze_click(app)
    assert not errors(app)
    report = keyed_block(app, "report")
    captions = " ".join(c.value for c in report.caption)
    assert "at 20 hours a week; track: rl" in captions
    assert len(report.get("dataframe")[0].value) == len(EXAMPLE_POSTINGS)


def test_the_plan_on_screen_shows_what_the_downloads_show(app: AppTest) -> None:
    app.text_area(key="resume_text").set_value(RESUME)
    app.text_area(key="jobs_text").set_value(POSTINGS)
    app.date_input(key="start_date").set_value(date(2027, 1, 1))
    analyze_click(app)
    assert not errors(app)
    expected = analyze(RESUME, POSTINGS.split("\n---\n"), start_date=date(2027, 1, 1)).to_dict()
    roadmap = expected["roadmap"]
    report = keyed_block(app, "report")
    shown = " ".join(m.value for m in report.markdown) + " ".join(c.value for c in report.caption)
    plain = shown.replace("\\", "")
    for month in roadmap["months"]:
        assert month["deliverable"] in plain and f"({month['start']} to {month['end']})" in plain
    for project in roadmap["projects"]:
        assert project["description"] in plain
    for item in roadmap["set_aside"]:
        assert item["reason"] in plain
    table = keyed_block(app, "plan_details").dataframe[0].value
    assert table["Why"].tolist() == ["; ".join(s["why"]) for s in roadmap["skills"]]
    for shown_resources, skill in zip(table["Learn"], roadmap["skills"], strict=True):
        assert all(r["url"] in shown_resources for r in skill["resources"])
    assert report.metric[2].value == str(len(roadmap["skills"]))
    labels = [e.label for e in report.expander]
    assert "How the score is computed" in labels and "Evidence for each strength" in labels
    keys = {b.key for b in report.get("download_button")}
    assert {"download_ics", "download_checklist"} <= keys


def test_marking_a_skill_learned_reflows_the_plan(app: AppTest) -> None:
    app.text_area(key="resume_text").set_value(RESUME)
    app.text_area(key="jobs_text").set_value(POSTINGS)
    analyze_click(app)
    table = keyed_block(app, "plan_details").dataframe[0].value
    first = table["Skill"].iloc[0]
    box = next(b for b in app.checkbox if b.label == first)
    box.check().run()
    assert not app.exception
    after = keyed_block(app, "plan_details").dataframe[0].value
    assert first not in after["Skill"].tolist() and len(after) == len(table) - 1
    undo = next(b for b in app.checkbox if b.label == f"{first} (learned)")
    assert undo.value
    undo.uncheck().run()
    assert (
        keyed_block(app, "plan_details").dataframe[0].value["Skill"].tolist()
        == table["Skill"].tolist()
    )


def test_gap_buttons_correct_and_rescore_at_once(app: AppTest) -> None:
    app.text_area(key="resume_text").set_value(RESUME)
    app.text_area(key="jobs_text").set_value(POSTINGS)
    analyze_click(app)
    before = keyed_block(app, "report").metric[0].value
    gaps = analyze(RESUME, POSTINGS.split("\n---\n")).to_dict()["gaps"]
    assert app.button(key=f"have_{gaps[0]['id']}").label == "I have this"
    app.button(key=f"have_{gaps[0]['id']}").click().run()
    assert not app.exception
    report = keyed_block(app, "report")
    assert report.metric[0].value != before
    assert any("Your corrections" in i.value and gaps[0]["name"] in i.value for i in report.info)
    assert not any(b.key == f"have_{gaps[0]['id']}" for b in report.button)
    app.button(key=f"skip_{gaps[1]['id']}").click().run()
    assert not any(b.key == f"skip_{gaps[1]['id']}" for b in keyed_block(app, "report").button)
    app.button(key="corrections_clear").click().run()
    assert keyed_block(app, "report").metric[0].value == before
    explained = [e.label for e in keyed_block(app, "report").expander if e.label.startswith("Why")]
    assert len(explained) == 2 and "required skills met" in explained[0]


def test_uploaded_pdf_resume_is_analyzed(app: AppTest) -> None:
    app.get("file_uploader")[0].upload("cv.pdf", pdf_from_lines(two_page_resume()))
    app.multiselect(key="examples").set_value(["MLOps engineer"])
    analyze_click(app)
    assert not errors(app)
    assert keyed_block(app, "report").metric[0].label == "Overall match score"


def test_changed_inputs_mark_the_results_stale(app: AppTest) -> None:
    app.text_area(key="resume_text").set_value(RESUME)
    app.text_area(key="jobs_text").set_value(POSTINGS)
    analyze_click(app)
    app.text_area(key="jobs_text").set_value("Requirements: Rust").run()
    assert any("inputs changed" in i.value for i in keyed_block(app, "report").info)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("locked.pdf", encrypted(pdf_from_lines(["Experience", "Python"]))),
        ("scan.pdf", pdf_from_lines([])),
        ("broken.pdf", b"%PDF-1.7\n" + b"\x00garbage" * 20),
        ("broken.docx", b"PK\x03\x04" + b"\x00" * 40),
        ("huge.txt", b"a" * (10 * 1024 * 1024 + 1)),
        ("empty.txt", b""),
    ],
    ids=["encrypted", "scanned", "corrupt-pdf", "corrupt-docx", "too-large", "empty-file"],
)
def test_unreadable_resume_shows_one_clear_line(app: AppTest, name: str, data: bytes) -> None:
    message = f"{name}: {read_error(data, name)}"
    app.get("file_uploader")[0].upload(name, data)
    app.run()
    assert not app.exception
    assert message in errors(app)
    app.multiselect(key="examples").set_value(["MLOps engineer"])
    analyze_click(app)
    assert f"Nothing analyzed: {message}" in errors(app)
    assert not keyed_block(app, "report").metric
    assert all("\n" not in e for e in errors(app))


def test_an_unreadable_upload_is_read_once_however_often_the_page_reruns(
    app: AppTest, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads: list[str] = []
    real = state.read_document_isolated

    def counted(data: bytes, filename: str, **kwargs: object) -> object:
        reads.append(filename)
        return real(data, filename, **kwargs)

    monkeypatch.setattr(state, "read_document_isolated", counted)
    data = b"%PDF-1.4 truncated, read once " + str(id(reads)).encode()
    app.get("file_uploader")[0].upload("slow.pdf", data)
    app.run()
    app.multiselect(key="examples").set_value(["MLOps engineer"])
    analyze_click(app)
    app.run()
    assert any(e.startswith("slow.pdf: ") for e in errors(app))
    assert reads == ["slow.pdf"]  # a file that takes its whole time limit costs it once


def test_encrypted_message_names_the_password(app: AppTest) -> None:
    app.get("file_uploader")[0].upload("locked.pdf", encrypted(pdf_from_lines(["Python"])))
    app.run()
    assert any("password-protected" in e for e in errors(app))


def test_unreadable_posting_file_is_reported(app: AppTest) -> None:
    app.text_area(key="resume_text").set_value(RESUME)
    app.get("file_uploader")[1].upload("ad.pdf", b"%PDF-1.4 truncated")
    app.run()
    assert any(e.startswith("ad.pdf: ") for e in errors(app))


def test_empty_inputs_ask_for_a_resume_then_for_postings(app: AppTest) -> None:
    analyze_click(app)
    assert errors(app) == ["Add your resume first: upload a file or paste its text."]
    app.text_area(key="resume_text").set_value(RESUME)
    app.text_area(key="jobs_text").set_value("  \n---\n  ")
    analyze_click(app)
    assert errors(app) == ["Add at least one job posting: paste it, upload it or pick an example."]


def test_whitespace_only_resume_counts_as_empty(app: AppTest) -> None:
    app.text_area(key="resume_text").set_value("   \n\t ")
    analyze_click(app)
    assert errors(app) == ["Add your resume first: upload a file or paste its text."]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"skills: [unclosed", "mine.yaml: line 1 is not valid YAML"),
        (b"- just a list", "mine.yaml: must be a mapping with a list under 'skills'"),
        (b"skills:\n  - id: Bad Id\n", "mine.yaml: skill #1: field 'id' must be kebab-case"),
        (
            CUSTOM_TAXONOMY.replace(b"hours: 20", b"hours: -1"),
            "skill 'flax-nn': field 'hours': must be a number of hours above 0",
        ),
    ],
    ids=["bad-yaml", "not-a-mapping", "bad-id", "bad-field"],
)
def test_bad_custom_taxonomy_shows_one_line(app: AppTest, data: bytes, expected: str) -> None:
    app.get("file_uploader")[2].upload("mine.yaml", data)
    app.run()
    assert not app.exception
    assert any(expected in e for e in errors(app)), errors(app)
    app.text_area(key="resume_text").set_value(RESUME)
    app.text_area(key="jobs_text").set_value(POSTINGS)
    analyze_click(app)
    assert errors(app)[-1].startswith("Nothing analyzed: mine.yaml")


def test_custom_taxonomy_adds_skills(app: AppTest) -> None:
    app.get("file_uploader")[2].upload("mine.yaml", CUSTOM_TAXONOMY)
    app.text_area(key="resume_text").set_value(RESUME)
    app.text_area(key="jobs_text").set_value("ML Engineer\nRequirements: Flax and Python.")
    analyze_click(app)
    assert not errors(app)
    gap_labels = [e.label for e in keyed_block(app, "report").expander]
    assert any("Flax" in label for label in gap_labels)


# --- career coach page -----------------------------------------------------------------------


def report_json(resume: str, postings: list[str]) -> bytes:
    return json.dumps(analyze(resume, postings).to_dict()).encode()


def test_coach_page_without_reports_explains_what_to_do(app: AppTest) -> None:
    app.switch_page(f"{PAGES}/career_coach.py").run()
    assert not app.exception
    assert app.title[0].value == "Career coach: compare candidates"
    assert "No reports yet" in app.info[0].value


def test_coach_compares_session_and_uploaded_reports(app: AppTest) -> None:
    app.text_area(key="resume_text").set_value(RESUME)
    app.text_area(key="jobs_text").set_value(POSTINGS)
    analyze_click(app)
    app.switch_page(f"{PAGES}/career_coach.py").run()
    uploader = app.get("file_uploader")[0]
    uploader.upload("ana.json", report_json(EXAMPLE_RESUME, list(EXAMPLE_POSTINGS.values())))
    uploader.upload("notes.json", b"{not json")
    uploader.upload("other.json", b'{"schema_version": "1.0"}')
    app.run()
    assert not app.exception
    assert "notes.json: not a JSON file" in errors(app)
    assert any(e.startswith("other.json: not a skillgap report") for e in errors(app))
    table = app.dataframe[0].value
    assert set(table["Candidate"]) == {"pasted resume", "ana"}
    assert table["Score"].is_monotonic_decreasing
    assert app.get("download_button")[0].key == "coach_csv"
    app.slider(key="coach_min_score").set_value(100).run()
    assert "No candidate matches these filters." in [i.value for i in app.info]


# --- batch page ------------------------------------------------------------------------------


RESUMES_CSV = b"id,text\nr1,Experience: Python and PyTorch at Acme.\nr2,Skills: Excel\n"
JOBS_CSV = b'id,title,text\nj1,ML Engineer,"Requirements: Python, Docker."\n'


def open_batch(app: AppTest) -> AppTest:
    app.switch_page(f"{PAGES}/batch.py").run()
    assert not app.exception
    return app


def test_batch_page_runs_both_tables(app: AppTest) -> None:
    open_batch(app)
    assert app.title[0].value == "Batch: many resumes against many postings"
    app.get("file_uploader")[0].upload("resumes.csv", RESUMES_CSV, "text/csv")
    app.get("file_uploader")[1].upload("jobs.csv", JOBS_CSV, "text/csv")
    app.button(key="batch_run").click().run()
    assert not app.exception and not errors(app)
    assert app.get("progress")[0].value == 100
    pairs = app.dataframe[0].value
    assert pairs[["resume_id", "job_id"]].values.tolist() == [["r1", "j1"], ["r2", "j1"]]
    assert pairs.loc[0, "missing_required"] == "docker"
    assert {b.key for b in app.get("download_button")} == {"batch_csv", "batch_parquet"}
    app.radio(key="batch_table").set_value("skills").run()
    assert "skill_id" in app.dataframe[0].value.columns


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "resumes.csv: the file is empty"),
        (b"id,text\n", "resumes.csv: the table has no rows"),
        (b"id,path\nr1,/etc/passwd\n", "resumes.csv: the dashboard reads a `text` column"),
    ],
    ids=["empty", "no-rows", "path-column"],
)
def test_batch_refuses_unusable_tables(app: AppTest, data: bytes, message: str) -> None:
    open_batch(app)
    app.get("file_uploader")[0].upload("resumes.csv", data, "text/csv")
    app.run()
    assert any(e.startswith(message) for e in errors(app)), errors(app)
    app.button(key="batch_run").click().run()
    assert "Upload both tables first: a resumes CSV and a postings CSV." in errors(app)


def test_batch_reads_an_excel_csv_as_the_command_does(app: AppTest) -> None:
    open_batch(app)
    excel = "id;text\ncafé;Expérience: Python and PyTorch\n".encode("cp1252")
    app.get("file_uploader")[0].upload("resumes.csv", excel, "text/csv")
    app.get("file_uploader")[1].upload("jobs.csv", JOBS_CSV, "text/csv")
    app.button(key="batch_run").click().run()
    assert not app.exception and not errors(app)
    assert app.dataframe[0].value[["resume_id", "job_id"]].values.tolist() == [["café", "j1"]]


def test_batch_reports_a_table_without_its_columns(app: AppTest) -> None:
    open_batch(app)
    app.get("file_uploader")[0].upload("resumes.csv", b"name,cv\nx,Python\n", "text/csv")
    app.get("file_uploader")[1].upload("jobs.csv", JOBS_CSV, "text/csv")
    app.button(key="batch_run").click().run()
    assert not app.exception
    assert any(e.startswith("The batch failed: ") for e in errors(app)), errors(app)


@pytest.mark.slow
@pytest.mark.skipif(not tesseract_installed(), reason="tesseract is not installed")
def test_a_scanned_resume_is_read_with_ocr_when_asked(app: AppTest) -> None:
    scan = scanned_text_pdf(["Skills: Python, PyTorch, Docker", "Experience with Kubernetes"])
    app.get("file_uploader")[0].upload("scan.pdf", scan)
    app.run()
    assert any("no text layer" in e for e in errors(app))
    app.checkbox(key="ocr").check().run()
    assert not errors(app)
    app.multiselect(key="examples").set_value(["MLOps engineer"])
    analyze_click(app)
    assert not errors(app)
    assert keyed_block(app, "report").metric[0].label == "Overall match score"
