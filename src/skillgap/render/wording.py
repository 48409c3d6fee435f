"""Wording shared by the Markdown, HTML and PDF renderers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

PHASE_LABELS = {
    "python": "Python",
    "math": "Math",
    "ml-foundations": "ML foundations",
    "deep-learning": "Deep learning",
    "specialization": "Specialization",
    "deployment": "Deployment",
    "other": "Beyond the roadmap",
}


def score_text(score: float | None) -> str:
    """ "72/100", or "no score" when a posting had no recognised skills."""
    return "no score" if score is None else f"{score:g}/100"


def percent(share: float) -> str:
    return f"{round(share * 100)}%"


def job_label(job: Mapping[str, Any]) -> str:
    """A posting's title, or its source when it has none."""
    return job.get("title") or job.get("source") or job["id"]


def headline(data: Mapping[str, Any]) -> list[str]:
    """The three lines a reader needs first: score, top gaps, months."""
    summary = data["summary"]
    roadmap = data["roadmap"]
    jobs = summary["jobs"]
    score = summary["score"]
    if score is None:
        first = f"No score: none of the {jobs} posting(s) named a skill we recognise."
    else:
        first = (
            f"Match score {score_text(score)}, the average over {summary['scored_jobs']} of "
            f"{jobs} posting(s)."
        )
    gaps = summary["top_gaps"]
    second = (
        "Top gaps: " + ", ".join(gaps) + "." if gaps else "No gaps: you show every skill asked."
    )
    months = roadmap["total_months"]
    if months == 0:
        third = "Learning plan: nothing to study for these postings."
    else:
        third = (
            f"Learning plan: {months} month(s) at {roadmap['hours_per_week']:g} hours a week, "
            f"{roadmap['months_saved']} month(s) saved against the full "
            f"{roadmap['full_plan_months']}-month plan."
        )
    return [first, second, third]


def skill_names(items: list[Mapping[str, Any]]) -> str:
    return ", ".join(item["name"] for item in items) or "none"
