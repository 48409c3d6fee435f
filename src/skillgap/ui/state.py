"""Caches and session state: the pipeline loaded once, documents and analyses cached by content.

Everything lives in memory (Streamlit's caches and the session); nothing is written to disk.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from datetime import date
from typing import Any

import streamlit as st
from spacy.language import Language

from skillgap.analysis.report import analyze
from skillgap.documents import DocumentError, Limits, read_document_isolated
from skillgap.extraction.pipeline import get_pipeline
from skillgap.taxonomy import Taxonomy, default_taxonomy, load_taxonomy
from skillgap.ui import READ_TIMEOUT_ENV, TAXONOMY_ENV, read_timeout
from skillgap.ui.custom_taxonomy import taxonomy_from_yaml
from skillgap.ui.inputs import Input

MAX_KEPT_REPORTS = 20
_KEPT = "kept_reports"


@dataclass(frozen=True)
class CustomTaxonomy:
    """An uploaded taxonomy file: its name and bytes (the cache key)."""

    name: str
    data: bytes


@dataclass(frozen=True)
class Analysis:
    """One analysis: the JSON report plus the posting texts its evidence offsets point into."""

    report: dict[str, Any]
    job_texts: tuple[str, ...]
    resume_source: str
    seconds: float


@st.cache_resource(show_spinner=False)
def base_taxonomy() -> Taxonomy:
    """The built-in taxonomy, with the file given to ``skillgap app --taxonomy`` laid over it."""
    extra = os.environ.get(TAXONOMY_ENV)
    return load_taxonomy(extra=extra) if extra else default_taxonomy()


@st.cache_resource(show_spinner=False, max_entries=8)
def taxonomy_for(custom: CustomTaxonomy | None) -> Taxonomy:
    """The base taxonomy, or it with an uploaded file laid over it; one object per content."""
    if custom is None:
        return base_taxonomy()
    return taxonomy_from_yaml(custom.data, custom.name, base=base_taxonomy())


@st.cache_resource(show_spinner="Loading the skill pipeline…", max_entries=8)
def pipeline_for(custom: CustomTaxonomy | None) -> Language:
    """The spaCy pipeline of a taxonomy, built once and kept for every session."""
    return get_pipeline(taxonomy_for(custom))


def read_upload(data: bytes, name: str, ocr: bool = False) -> Input:
    """Read an uploaded or pasted document (raises ``DocumentError`` with a one-line message);
    ``ocr`` reads scanned PDF pages with tesseract. Failures are cached too: a hostile file
    costs its time limit once, not again on every rerun of the page."""
    read = _read_cached(data, name, ocr)
    if isinstance(read, str):
        raise DocumentError(read)
    return read


def upload_limits() -> Limits:
    """The caps of one uploaded file: the defaults, with the time limit given to
    ``skillgap app --read-timeout`` (a value it would refuse is ignored)."""
    try:
        return Limits(timeout_s=read_timeout(os.environ.get(READ_TIMEOUT_ENV, "")))
    except ValueError:
        return Limits()


@st.cache_data(show_spinner=False, max_entries=64)
def _read_cached(data: bytes, name: str, ocr: bool) -> Input | str:
    """The document read, or the one-line reason it cannot be."""
    try:
        document = read_document_isolated(data, filename=name, ocr=ocr, limits=upload_limits())
    except DocumentError as exc:
        return str(exc)
    return Input(source=name, text=document.text, warnings=document.warnings)


@st.cache_data(show_spinner=False, max_entries=32)
def run_analysis(
    resume: Input,
    jobs: tuple[Input, ...],
    hours_per_week: float | None,
    track: str,
    custom: CustomTaxonomy | None,
    start: date | None = None,
    learned: tuple[str, ...] = (),
    have: tuple[str, ...] = (),
    skip: tuple[str, ...] = (),
) -> Analysis:
    """Analyze a resume against postings; cached by the content of every argument. ``start``
    dates the plan; ``learned`` skills are left out of it; ``have`` and ``skip`` are the user's
    corrections (skills held, skills not relevant)."""
    started = time.perf_counter()
    taxonomy = taxonomy_for(custom)
    pipeline_for(custom)
    report = analyze(
        resume,
        jobs,
        hours_per_week=hours_per_week,
        track=track,
        taxonomy=taxonomy,
        start_date=start,
        learned=learned,
        have=have,
        skip=skip,
    )
    return Analysis(
        report=report.to_dict(),
        job_texts=tuple(job.text for job in report.jobs),
        resume_source=resume.source,
        seconds=round(time.perf_counter() - started, 2),
    )


def keep_report(name: str, report: dict[str, Any]) -> None:
    """Keep a report in this session for the coach page (the oldest goes beyond the limit)."""
    kept: dict[str, dict[str, Any]] = st.session_state.setdefault(_KEPT, {})
    if any(existing == report for existing in kept.values()):
        return
    label, n = name, 1
    while label in kept:
        n += 1
        label = f"{name} ({n})"
    kept[label] = report
    while len(kept) > MAX_KEPT_REPORTS:
        kept.pop(next(iter(kept)))


def kept_reports() -> dict[str, dict[str, Any]]:
    """The reports analyzed in this session, by name, oldest first."""
    return dict(st.session_state.get(_KEPT, {}))
