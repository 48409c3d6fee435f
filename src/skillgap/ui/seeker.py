"""The job seeker page: a resume and postings in, Analyze, the results below."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import date

import streamlit as st

from skillgap.analysis.roadmap.curriculum import track_label
from skillgap.documents import DocumentError
from skillgap.documents.ocr import tesseract_installed
from skillgap.taxonomy import TRACKS, TaxonomyError
from skillgap.ui.examples import EXAMPLE_POSTINGS, EXAMPLE_RESUME
from skillgap.ui.inputs import Input, split_postings
from skillgap.ui.results import CORRECTIONS, show_analysis
from skillgap.ui.state import (
    Analysis,
    CustomTaxonomy,
    keep_report,
    pipeline_for,
    read_upload,
    run_analysis,
    taxonomy_for,
)

DOCUMENT_TYPES = ["pdf", "docx", "txt", "md"]
UPLOAD_LIMIT_MB = 25
_RESULT = "seeker_result"
_RESULT_INPUTS = "seeker_result_inputs"
_LEARNED = "plan_learned"


InputsKey = tuple[
    Input | None, tuple[Input, ...], float | None, str, CustomTaxonomy | None, date | None
]


@dataclass
class Inputs:
    """What the page collected this run, and the problems found reading it."""

    resume: Input | None = None
    jobs: list[Input] = field(default_factory=list)
    hours_per_week: float | None = None
    track: str = "auto"
    taxonomy: CustomTaxonomy | None = None
    start: date | None = None
    problems: list[str] = field(default_factory=list)

    def key(self) -> InputsKey:
        return (
            self.resume,
            tuple(self.jobs),
            self.hours_per_week,
            self.track,
            self.taxonomy,
            self.start,
        )


def _read(data: bytes, name: str, inputs: Inputs) -> Input | None:
    """Read one document, showing a one-line error under its input when it cannot be read."""
    try:
        return read_upload(data, name, ocr=st.session_state.get("ocr", False))
    except DocumentError as exc:
        message = f"{name}: {exc}"
        st.error(message)
        inputs.problems.append(message)
        return None


def _track_name(track: str) -> str:
    return "Automatic: what the postings ask for most" if track == "auto" else track_label(track)


def _use_example_resume() -> None:
    st.session_state["resume_text"] = EXAMPLE_RESUME


def _resume_input(inputs: Inputs) -> None:
    st.subheader("1. Your resume")
    upload = st.file_uploader(
        "Upload your resume (PDF, DOCX, TXT or Markdown)",
        type=DOCUMENT_TYPES,
        key="resume_file",
        max_upload_size=UPLOAD_LIMIT_MB,
    )
    if upload is not None:
        inputs.resume = _read(upload.getvalue(), upload.name, inputs)
    text = st.text_area(
        "Or paste your resume here",
        key="resume_text",
        height=180,
        placeholder="Experience, projects, education, skills…",
    )
    st.button("Use the example resume", key="example_resume", on_click=_use_example_resume)
    if upload is not None and text.strip():
        st.caption("The uploaded file is used; the pasted text is ignored.")
    elif text.strip():
        inputs.resume = _read(text.encode("utf-8"), "pasted resume", inputs)


def _postings_input(inputs: Inputs) -> None:
    st.subheader("2. Job postings")
    text = st.text_area(
        "Paste job postings; separate several with a line holding only ---",
        key="jobs_text",
        height=180,
        placeholder="Machine Learning Engineer\nRequirements: Python, PyTorch…\n---\nNext posting…",
    )
    for i, posting in enumerate(split_postings(text), start=1):
        if job := _read(posting.encode("utf-8"), f"pasted posting {i}", inputs):
            inputs.jobs.append(job)
    uploads = st.file_uploader(
        "Or upload posting files",
        type=[*DOCUMENT_TYPES, "html"],
        accept_multiple_files=True,
        key="jobs_files",
        max_upload_size=UPLOAD_LIMIT_MB,
    )
    for upload in uploads or ():
        if job := _read(upload.getvalue(), upload.name, inputs):
            inputs.jobs.append(job)
    examples = st.multiselect(
        "Or add built-in example postings",
        options=list(EXAMPLE_POSTINGS),
        key="examples",
        placeholder="Choose examples",
    )
    inputs.jobs.extend(Input(source=title, text=EXAMPLE_POSTINGS[title]) for title in examples)


def _settings(inputs: Inputs) -> None:
    with st.expander("Settings: study time, track, your own taxonomy"):
        inputs.hours_per_week = st.number_input(
            "Study hours per week (empty: the pace of the 12-month plan)",
            min_value=1.0,
            max_value=168.0,
            value=None,
            step=1.0,
            key="hours_per_week",
        )
        inputs.track = st.selectbox(
            "Specialization track",
            options=["auto", *TRACKS],
            format_func=_track_name,
            key="track",
        )
        inputs.start = st.date_input(
            "Plan start date (empty: an undated plan; the calendar download then starts today)",
            value=None,
            key="start_date",
        )
        if tesseract_installed():
            st.checkbox(
                "Read scanned PDFs with OCR (slower, and less exact than a text-based PDF)",
                key="ocr",
            )
        upload = st.file_uploader(
            "Custom taxonomy (YAML): skills added to, or replacing, the built-in ones",
            type=["yaml", "yml"],
            key="taxonomy_file",
        )
        if upload is None:
            return
        custom = CustomTaxonomy(upload.name, upload.getvalue())
        try:
            skills = len(taxonomy_for(custom))
        except TaxonomyError as exc:
            st.error(str(exc))
            inputs.problems.append(str(exc))
            return
        st.caption(f"Using {skills} skills, including those of {upload.name}.")
        inputs.taxonomy = custom


def _analyze(inputs: Inputs) -> None:
    """Run the analysis for the Analyze button; problems become one-line errors."""
    if inputs.problems:
        st.error(f"Nothing analyzed: {inputs.problems[0]}")
        return
    if inputs.resume is None:
        st.error("Add your resume first: upload a file or paste its text.")
        return
    if not inputs.jobs:
        st.error("Add at least one job posting: paste it, upload it or pick an example.")
        return
    started = time.perf_counter()
    try:
        with st.spinner("Analyzing…"):
            analysis = _run(inputs.key(), _learned())
    except (DocumentError, TaxonomyError, ValueError) as exc:
        st.error(f"The analysis failed: {str(exc).splitlines()[0]}")
        return
    except Exception as exc:  # shown as one line, never as a traceback
        st.error(f"The analysis failed unexpectedly ({type(exc).__name__}); please report it.")
        return
    seconds = round(time.perf_counter() - started, 2)
    st.session_state[_RESULT] = Analysis(
        analysis.report, analysis.job_texts, analysis.resume_source, seconds
    )
    st.session_state[_RESULT_INPUTS] = inputs.key()
    keep_report(analysis.resume_source, analysis.report)


def _run(key: InputsKey, learned: tuple[str, ...]) -> Analysis:
    resume, jobs, hours, track, custom, start = key
    if resume is None:
        raise ValueError("add your resume first")
    have, skip = (_marked(name) for name in CORRECTIONS)
    return run_analysis(resume, jobs, hours, track, custom, start, learned, have, skip)


def _marked(name: str) -> tuple[str, ...]:
    return tuple(sorted(st.session_state.get(f"corrections_{name}", ())))


def _rerun_shown() -> None:
    """Analyze the shown inputs again (with the current corrections and learned skills)."""
    key = st.session_state.get(_RESULT_INPUTS)
    if st.session_state.get(_RESULT) is None or key is None:
        return
    analysis = _run(key, _learned())
    st.session_state[_RESULT] = Analysis(
        analysis.report, analysis.job_texts, analysis.resume_source, analysis.seconds
    )


def _correct(skill_id: str, correction: str | None) -> None:
    """Record "I have this" / "not relevant" for a skill (None clears every correction) and
    re-score the shown analysis at once."""
    if correction is None:
        for name in CORRECTIONS:
            st.session_state[f"corrections_{name}"] = []
    else:
        marked = set(st.session_state.get(f"corrections_{correction}", ()))
        st.session_state[f"corrections_{correction}"] = sorted(marked | {skill_id})
    _rerun_shown()


def _learned() -> tuple[str, ...]:
    return tuple(sorted(st.session_state.get(_LEARNED, ())))


def _mark_learned(skill_id: str, learned: bool) -> None:
    """Mark a skill as learned (or not) and re-plan the shown analysis without it."""
    marked = set(st.session_state.get(_LEARNED, ()))
    marked = marked | {skill_id} if learned else marked - {skill_id}
    st.session_state[_LEARNED] = sorted(marked)
    _rerun_shown()


def render() -> None:
    """The whole job seeker page."""
    st.title("Skills gap for ML engineering")
    st.caption(
        "Compare your resume with the postings you aim at: match scores, the gaps that cost you "
        "most and a month-by-month plan. Everything runs on this computer; nothing is stored."
    )
    pipeline_for(None)
    inputs = Inputs()
    _resume_input(inputs)
    _postings_input(inputs)
    _settings(inputs)
    if st.button("Analyze", key="analyze", type="primary"):
        _analyze(inputs)
    result: Analysis | None = st.session_state.get(_RESULT)
    with st.container(key="report"):
        if result is not None:
            stale = st.session_state.get(_RESULT_INPUTS) != inputs.key()
            show_analysis(result, stale=stale, on_learned=_mark_learned, on_correct=_correct)
