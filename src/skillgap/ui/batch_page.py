"""The batch page: a resumes CSV against a postings CSV, with progress, a table and downloads."""

from __future__ import annotations

import io
from functools import partial

import pandas as pd
import streamlit as st

from skillgap.batch import BatchResult, run_batch
from skillgap.tables import read_csv
from skillgap.ui.tables import safe_csv

_RESULT = "batch_result"
_TABLES = {
    "pairs": "Scores per pair",
    "skills": "Skills per document",
    "summary": "Summary across the batch",
}
MAX_CSV_MB = 25


def read_upload(data: bytes, name: str) -> pd.DataFrame:
    """An uploaded CSV as a table of text cells; ``ValueError`` with one line when unusable.

    It is read as ``skillgap batch`` reads a CSV (any usual encoding and separator). A ``path``
    column is refused: the dashboard analyzes the texts it is given and never opens files named
    in a table (the ``skillgap batch`` command does).
    """
    frame = read_csv(data, name)
    if frame.empty:
        raise ValueError(f"{name}: the table has no rows")
    if "path" in frame.columns:
        raise ValueError(
            f"{name}: the dashboard reads a `text` column, not files named in a `path` column; "
            "use `skillgap batch` for those"
        )
    return frame


def _upload(label: str, key: str) -> pd.DataFrame | None:
    upload = st.file_uploader(label, type=["csv"], key=key, max_upload_size=MAX_CSV_MB)
    if upload is None:
        return None
    try:
        frame = read_upload(upload.getvalue(), upload.name)
    except ValueError as exc:
        st.error(str(exc))
        return None
    st.caption(f"{upload.name}: {len(frame)} row(s), columns {', '.join(map(str, frame.columns))}")
    return frame


def _run(resumes: pd.DataFrame, jobs: pd.DataFrame) -> None:
    bar = st.progress(0.0, text="Starting…")

    def progress(done: int, total: int) -> None:
        bar.progress(done / total if total else 1.0, text=f"{done} of {total} done")

    try:
        result = run_batch(resumes, jobs, progress=progress)
    except (ValueError, RuntimeError) as exc:
        bar.empty()
        st.error(f"The batch failed: {str(exc).splitlines()[0]}")
        return
    except Exception as exc:  # shown as one line, never as a traceback
        bar.empty()
        st.error(f"The batch failed unexpectedly ({type(exc).__name__}); please report it.")
        return
    bar.progress(1.0, text="Done")
    st.session_state[_RESULT] = result


def _parquet(frame: pd.DataFrame) -> bytes:
    buffer = io.BytesIO()
    frame.to_parquet(buffer, index=False, engine="pyarrow")
    return buffer.getvalue()


def _results(result: BatchResult) -> None:
    st.subheader(f"Results: {len(result.pairs)} resume-posting pair(s)")
    choice = st.radio(
        "Table to show and download",
        options=list(_TABLES),
        format_func=_TABLES.get,
        horizontal=True,
        key="batch_table",
    )
    frame: pd.DataFrame = getattr(result, choice)
    st.caption("Click a column header to sort.")
    st.dataframe(frame, hide_index=True, alt=f"Batch results: {_TABLES[choice].lower()}")
    csv_column, parquet_column = st.columns(2)
    csv_column.download_button(
        "Download CSV",
        data=safe_csv(frame),
        file_name=f"skillgap-batch-{choice}.csv",
        mime="text/csv",
        key="batch_csv",
        on_click="ignore",
    )
    parquet_column.download_button(
        "Download Parquet",
        data=partial(_parquet, frame),
        file_name=f"skillgap-batch-{choice}.parquet",
        mime="application/vnd.apache.parquet",
        key="batch_parquet",
        on_click="ignore",
    )


def render() -> None:
    """The whole batch page."""
    st.title("Batch: many resumes against many postings")
    st.caption(
        "Two CSV files, each with an `id` column and a `text` column (postings may add a "
        "`title`). Every resume is compared with every posting, in memory: nothing is stored. "
        "For thousands of documents, `skillgap batch` on the command line runs in parallel."
    )
    resumes = _upload("Resumes CSV", "batch_resumes")
    jobs = _upload("Postings CSV", "batch_jobs")
    if st.button("Run the batch", key="batch_run", type="primary"):
        if resumes is None or jobs is None:
            st.error("Upload both tables first: a resumes CSV and a postings CSV.")
        else:
            _run(resumes, jobs)
    result = st.session_state.get(_RESULT)
    if result is not None:
        _results(result)
