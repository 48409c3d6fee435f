"""The learning plan as a Markdown checklist to tick off: per month, each skill with its outcome
and resources, then the month's deliverable."""

from __future__ import annotations

from skillgap.render import ReportLike, report_data
from skillgap.render.markdown import link, md
from skillgap.render.wording import (
    month_title,
    outcome_text,
    plan_intro,
    project_line,
    resource_lines,
    why_text,
)


def render(report: ReportLike) -> str:
    """Checkboxes for every skill and deliverable of the plan, month by month."""
    roadmap = report_data(report)["roadmap"]
    skills = {s["id"]: s for s in roadmap["skills"]}
    out = ["# Learning plan checklist", "", md(plan_intro(roadmap))]
    if not roadmap["months"]:
        out += ["", "Nothing to study for these postings."]
    for month in roadmap["months"]:
        out += ["", f"## {md(month_title(month))}", "", f"Goal: {md(month['goal'])}", ""]
        for item in month["skills"]:
            skill = skills.get(item["id"], {"why": [], "resources": []})
            out.append(f"- [ ] {md(item['name'])} ({item['hours']:g} h): {md(why_text(skill))}")
            out.append(f"  - ready when: {md(outcome_text(skill))}")
            out += [f"  - learn: {link(*line)}" for line in resource_lines(skill)]
        out.append(f"- [ ] Deliverable ({md(project_line(month))}): {md(month['deliverable'])}")
    return "\n".join(out) + "\n"
