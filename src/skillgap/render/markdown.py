"""The report as Markdown: headline first, then postings, gaps, strengths and the month plan."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from skillgap.analysis.roadmap.curriculum import phase_label
from skillgap.render import ReportLike, report_data
from skillgap.render.wording import (
    Evidence,
    gap_evidence,
    headline,
    job_label,
    month_skills,
    month_span,
    month_title,
    outcome_text,
    percent,
    plan_intro,
    project_line,
    resource_lines,
    score_text,
    skill_names,
    strength_evidence,
    why_text,
)

_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_SAFE_URL = re.compile(r"^https://[^\s<>()\[\]`]+$")


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


def link(title: str, url: str, kind: str) -> str:
    """A Markdown link to an https resource; only the title for anything else."""
    if not _SAFE_URL.match(url):
        return md(title)
    return f"[{md(title)}](<{url}>) ({md(kind)})"


def _evidence(
    items: list[Mapping[str, Any]], quotes: Mapping[str, Evidence], title: str
) -> list[str]:
    """Per item, the postings' quotes and the resume's, as nested bullets."""
    if not items:
        return []
    out = ["", f"### {title}", ""]
    for item in items:
        found = quotes.get(item["id"], Evidence())
        out.append(f"- **{md(item['name'])}**")
        out += [
            f"  - posting {md(label)} ({md(section)}): \u201c{md(quote)}\u201d"
            for label, section, quote in found.postings
        ]
        out += [
            f"  - your resume ({md(section)}): \u201c{md(quote)}\u201d"
            for section, quote in found.resume
        ]
    return out


def _roadmap(roadmap: Mapping[str, Any]) -> list[str]:
    out = ["", f"## Learning plan: {roadmap['total_months']} month(s)", "", md(plan_intro(roadmap))]
    for month in roadmap["months"]:
        out += [
            "",
            f"### {md(month_title(month))}",
            "",
            f"- Skills: {md(month_skills(month))}",
            f"- Goal: {md(month['goal'])}",
            f"- Deliverable: {md(month['deliverable'])}",
            f"- Project: {md(project_line(month))}",
        ]
    if roadmap["skills"]:
        out += ["", "### Skills in the plan", ""]
        for skill in roadmap["skills"]:
            out.append(
                f"- **{md(skill['name'])}** ({month_span(skill)}, {skill['hours']:g} h): "
                + md(why_text(skill))
            )
            out.append(f"  - Ready when: {md(outcome_text(skill))}")
            out += [f"  - Learn: {link(*line)}" for line in resource_lines(skill)]
    if roadmap["set_aside"]:
        out += ["", "### Not scheduled", ""]
        out += [f"- {md(s['name'])}: {md(s['reason'])}" for s in roadmap["set_aside"]]
    if roadmap["learned"]:
        out += ["", "### Learned since the resume", ""]
        out += [f"- {md(s['name'])}" for s in roadmap["learned"]]
    if roadmap["projects"]:
        out += ["", "## Portfolio projects", ""]
        out += [
            f"- **{md(p['name'])}** (months {', '.join(map(str, p['months']))}): "
            f"{md(p['description'])}"
            for p in roadmap["projects"]
        ]
    return out


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
                    phase_label(g["phase"]),
                    ", ".join(g["jobs"]),
                ]
                for g in data["gaps"]
            ],
        )
        out += _evidence(data["gaps"], gap_evidence(data), "Evidence for each gap")
    else:
        out.append("None: the resume shows every skill the postings ask for.")
    out += ["", "## Strengths", ""]
    out += [
        f"- {md(s['name'])}: asked by {percent(s['demand'])} of postings"
        + (f"; shown in {md(', '.join(s['sections']))}" if s["sections"] else "")
        for s in data["strengths"]
    ] or ["None of the asked skills was found in the resume."]
    out += _evidence(data["strengths"], strength_evidence(data), "Evidence for each strength")
    out += _roadmap(roadmap)
    out += ["", "## Interview preparation", ""]
    out += [f"- **{md(t['topic'])}**: {md(t['detail'])}" for t in roadmap["interview_topics"]]
    out += ["", "## How the score is computed", "", md(data["score_formula"]), ""]
    return "\n".join(out)
