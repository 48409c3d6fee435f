"""The career coach page: open several reports, compare candidates, filter, export a CSV."""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

import pandas as pd
import streamlit as st

from skillgap.ui.highlight import md_escape
from skillgap.ui.report_files import ReportFileError, load_report
from skillgap.ui.state import kept_reports
from skillgap.ui.tables import compare_reports, gap_names, safe_csv

SIDE_BY_SIDE = 4
Reports = dict[str, dict[str, Any]]


def _unique(name: str, taken: Reports) -> str:
    label, n = name, 1
    while label in taken:
        n += 1
        label = f"{name} ({n})"
    return label


def _gather() -> Reports:
    """The reports to compare: chosen ones from this session and opened JSON files."""
    reports: Reports = {}
    kept = kept_reports()
    if kept:
        chosen = st.multiselect(
            "Reports analyzed in this session",
            options=list(kept),
            default=list(kept),
            key="coach_session",
        )
        reports.update((name, kept[name]) for name in chosen)
    uploads = st.file_uploader(
        "Open report JSON files (the JSON download of the job seeker page or `skillgap analyze`)",
        type=["json"],
        accept_multiple_files=True,
        key="coach_files",
    )
    for upload in uploads or ():
        try:
            report = load_report(upload.getvalue(), upload.name)
        except ReportFileError as exc:
            st.error(str(exc))
            continue
        reports[_unique(PurePath(upload.name).stem, reports)] = report
    return reports


def _filter(frame: pd.DataFrame, reports: Reports) -> pd.DataFrame:
    """The rows left by the filters the coach sets."""
    left, middle, right = st.columns(3)
    min_score = left.slider("Minimum score", 0, 100, 0, key="coach_min_score")
    longest = max(int(frame["Months needed"].max()), 1)
    max_months = middle.slider("At most months of study", 0, longest, longest)
    all_gaps = sorted({gap for report in reports.values() for gap in gap_names(report)})
    lacking = right.multiselect("Lacking any of these skills", all_gaps, placeholder="Any gaps")
    keep = (frame["Score"].fillna(0) >= min_score) & (frame["Months needed"] <= max_months)
    if lacking:
        wanted = set(lacking)
        keep &= frame["Candidate"].map(lambda name: bool(wanted & set(gap_names(reports[name]))))
    return frame[keep]


def _side_by_side(frame: pd.DataFrame, reports: Reports) -> None:
    """Cards for the first few candidates: score, months and their top gaps."""
    shown = frame.head(SIDE_BY_SIDE)
    for column, row in zip(st.columns(max(len(shown), 1)), shown.itertuples(), strict=False):
        report = reports[row.Candidate]
        with column.container(border=True):
            st.markdown(f"**{md_escape(row.Candidate)}**")
            score = report["summary"]["score"]
            st.metric("Score", "no score" if score is None else f"{score:g}/100")
            st.metric("Months of study", report["summary"]["total_months"])
            gaps = report["summary"]["top_gaps"]
            st.markdown("Top gaps: " + (md_escape(", ".join(gaps)) if gaps else "none"))


def render() -> None:
    """The whole coach page."""
    st.title("Career coach: compare candidates")
    st.caption(
        "Open the JSON reports of several candidates (or use the ones analyzed in this session) "
        "to compare scores, top gaps and months of study. Files stay in memory only."
    )
    reports = _gather()
    if not reports:
        st.info("No reports yet: analyze a resume on the Job seeker page or open JSON reports.")
        return
    frame = _filter(compare_reports(reports), reports)
    st.subheader(f"{len(frame)} of {len(reports)} candidate(s)")
    if frame.empty:
        st.info("No candidate matches these filters.")
        return
    _side_by_side(frame, reports)
    st.dataframe(
        frame,
        hide_index=True,
        alt="Candidates side by side: scores, top gaps and months of study",
        column_config={
            "Score": st.column_config.ProgressColumn(
                "Score", min_value=0, max_value=100, format="%.1f"
            )
        },
    )
    st.download_button(
        "Download the summary (CSV)",
        data=safe_csv(frame),
        file_name="skillgap-candidates.csv",
        mime="text/csv",
        key="coach_csv",
        on_click="ignore",
    )
