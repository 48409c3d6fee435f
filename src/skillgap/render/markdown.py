"""The report as Markdown: headline first, then postings, gaps, strengths and the month plan."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from skillgap.render import ReportLike, report_data
from skillgap.render.wording import (
    PHASE_LABELS,
    headline,
    job_label,
    percent,
    score_text,
    skill_names,
)

_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def md(text: object) -> str:
    """User or data text made inert: Markdown punctuation escaped, HTML brackets as entities."""
    value = " ".join(str(text).split())
    value = value.replace("<", "&lt;").replace(">", "&gt;")
    return _SPECIAL.sub(r"\\\1", value)


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def _partial_text(items: list[Mapping[str, Any]], names: Mapping[str, str]) -> str:
    parts = [f"{md(i['name'])} (via {md(names.get(i['via'], i['via']))})" for i in items]
    return ", ".join(parts) or "none"


def render(report: ReportLike) -> str:
    """The whole report as a Markdown document."""
    data = report_data(report)
    roadmap = data["roadmap"]
    resume_names = {s["id"]: s["name"] for s in data["resume"]["skills"]}
    out = ["# Skills gap report", ""]
    out += [f"**{md(line)}**  " for line in headline(data)]
    out += ["", "## Postings", ""]
    out += _table(
        ["Posting", "Score", "Missing (required)", "Missing (preferred)", "Partly covered"],
        [
            [
                md(job_label(job)),
                score_text(job["score"]) if job["score"] is not None else md(job["score_reason"]),
                md(skill_names(job["missing_required"])),
                md(skill_names(job["missing_preferred"])),
                _partial_text(job["partial"], resume_names),
            ]
            for job in data["jobs"]
        ],
    )
    out += ["", "## Gaps, most important first", ""]
    if data["gaps"]:
        out.append("Importance: score points closing the gap would add, on average per posting.")
        out.append("")
        out += _table(
            ["Skill", "Importance", "Asked by", "Status", "Phase", "Postings"],
            [
                [
                    md(g["name"]),
                    f"{g['importance']:g}",
                    percent(g["demand"]),
                    "partial (via " + md(resume_names.get(g["via"], g["via"])) + ")"
                    if g["status"] == "partial"
                    else "missing",
                    PHASE_LABELS[g["phase"]],
                    ", ".join(g["jobs"]),
                ]
                for g in data["gaps"]
            ],
        )
    else:
        out.append("None: the resume shows every skill the postings ask for.")
    out += ["", "## Strengths", ""]
    out += [
        f"- {md(s['name'])}: asked by {percent(s['demand'])} of postings"
        + (f"; shown in {md(', '.join(s['sections']))}" if s["sections"] else "")
        for s in data["strengths"]
    ] or ["None of the asked skills was found in the resume."]
    out += ["", f"## Learning plan: {roadmap['total_months']} month(s)", ""]
    out.append(
        f"Track: {md(roadmap['track_reason'])}. Pace: {roadmap['hours_per_week']:g} hours a week "
        f"(default {roadmap['default_hours_per_week']:g})."
    )
    for month in roadmap["months"]:
        skills = ", ".join(f"{md(s['name'])} ({s['hours']:g} h)" for s in month["skills"])
        out += [
            "",
            f"### Month {month['month']}: {PHASE_LABELS[month['phase']]}",
            "",
            f"- Skills: {skills}",
            f"- Goal: {md(month['goal'])}",
            f"- Project: {md(month['project'])}",
        ]
    if roadmap["set_aside"]:
        out += ["", "### Not scheduled", ""]
        out += [f"- {md(s['name'])}: {md(s['reason'])}" for s in roadmap["set_aside"]]
    if roadmap["projects"]:
        out += ["", "## Portfolio projects", ""]
        out += [
            f"- **{md(p['name'])}** (months {', '.join(map(str, p['months']))}): "
            f"{md(p['description'])}"
            for p in roadmap["projects"]
        ]
    out += ["", "## Interview preparation", ""]
    out += [f"- **{md(t['topic'])}**: {md(t['detail'])}" for t in roadmap["interview_topics"]]
    out += ["", "## How the score is computed", "", md(data["score_formula"]), ""]
    return "\n".join(out)
