"""Tables the dashboard shows and exports, built from JSON reports (``GapReport.to_dict()``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from skillgap.tables import neutralize

Report = Mapping[str, Any]
SUMMARY_COLUMNS = (
    "Candidate", "Score", "Best posting", "Best score", "Postings", "Gaps", "Top gaps",
    "Months needed", "Track", "Strengths",
)  # fmt: skip
_CELL_BY_GROUP = {
    "matched": "✓ have",
    "partial": "◐ partial",
    "missing_required": "✗ missing (required)",
    "missing_preferred": "✗ missing (preferred)",
}


def job_label(job: Mapping[str, Any], index: int, width: int = 40) -> str:
    """A short name for a posting: its number and its title (or source).

    >>> job_label({"title": None, "source": "ad.pdf"}, 0)
    '1. ad.pdf'
    """
    name = job.get("title") or job.get("source") or job.get("id") or "posting"
    name = name if len(name) <= width else name[: width - 1].rstrip() + "…"
    return f"{index + 1}. {name}"


def skill_matrix(report: Report) -> pd.DataFrame:
    """One row per skill a posting asks for, one column per posting; gaps first, by importance.

    A cell says whether the resume has the skill for that posting; empty when it is not asked.
    """
    labels = [job_label(job, i) for i, job in enumerate(report["jobs"])]
    cells: dict[str, dict[str, str]] = {}
    names: dict[str, str] = {}
    for job, label in zip(report["jobs"], labels, strict=True):
        for group, cell in _CELL_BY_GROUP.items():
            for skill in job[group]:
                names[skill["id"]] = skill["name"]
                cells.setdefault(skill["id"], {})[label] = cell
    rank = {gap["id"]: i for i, gap in enumerate(report["gaps"])}
    order = sorted(cells, key=lambda sid: (rank.get(sid, len(rank)), names[sid].lower()))
    frame = pd.DataFrame(
        [[cells[sid].get(label, "") for label in labels] for sid in order],
        index=pd.Index([names[sid] for sid in order], name="Skill"),
        columns=labels,
    )
    return frame


def report_summary(report: Report, candidate: str) -> dict[str, Any]:
    """One comparable row for a report: scores, top gaps and months needed."""
    summary = report["summary"]
    best = next((j for j in report["jobs"] if j["id"] == summary["best_job"]), None)
    return {
        "Candidate": candidate,
        "Score": summary["score"],
        "Best posting": best and (best.get("title") or best["source"]),
        "Best score": best and best["score"],
        "Postings": summary["jobs"],
        "Gaps": len(report["gaps"]),
        "Top gaps": ", ".join(summary["top_gaps"]),
        "Months needed": summary["total_months"],
        "Track": summary["track"],
        "Strengths": len(report["strengths"]),
    }


def compare_reports(reports: Mapping[str, Report]) -> pd.DataFrame:
    """The summary rows of several reports, keyed by candidate name, best score first."""
    rows = [report_summary(report, name) for name, report in reports.items()]
    frame = pd.DataFrame(rows, columns=list(SUMMARY_COLUMNS))
    return frame.sort_values("Score", ascending=False, na_position="last", ignore_index=True)


def gap_names(report: Report) -> list[str]:
    """Every gap of a report by name, most important first."""
    return [gap["name"] for gap in report["gaps"]]


def safe_csv(frame: pd.DataFrame, columns: Sequence[str] | None = None) -> bytes:
    """``frame`` as UTF-8 CSV with formula-like text cells (and headers) neutralised."""
    out = frame if columns is None else frame[list(columns)]
    out = out.map(neutralize).rename(columns=neutralize)
    return out.to_csv(index=False).encode("utf-8")
