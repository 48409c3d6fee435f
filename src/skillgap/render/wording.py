"""Wording shared by the renderers (and the dashboard): headline, month titles, why a skill is in
the plan, where to learn it, and the evidence quotes behind every gap and strength."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from skillgap.analysis.roadmap.curriculum import phase_label

NO_RESOURCE = "no resource listed"
PHASE_COLOURS = {
    "python": "#3b7dd8",
    "math": "#7a5cc9",
    "ml-foundations": "#a24fb5",
    "deep-learning": "#d0624f",
    "specialization": "#d89a2b",
    "deployment": "#2d9a6a",
    "other": "#6b7785",
}
_GAP_GROUPS = ("missing_required", "missing_preferred", "partial")


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


def plan_intro(roadmap: Mapping[str, Any]) -> str:
    """Track, pace and start of the plan in one sentence."""
    text = (
        f"Track: {roadmap['track_reason']}. Pace: {roadmap['hours_per_week']:g} hours a week "
        f"(default {roadmap['default_hours_per_week']:g})"
    )
    return text + (f", starting {roadmap['start_date']}." if roadmap.get("start_date") else ".")


def month_title(month: Mapping[str, Any]) -> str:
    """ "Month 3: Math" or "Month 9: Beyond the roadmap, Cloud and infrastructure", with dates."""
    title = f"Month {month['month']}: {phase_label(month['phase'])}"
    if month.get("theme"):
        title += f", {month['theme']}"
    if month.get("start"):
        title += f" ({month['start']} to {month['end']})"
    return title


def project_line(month: Mapping[str, Any]) -> str:
    return f"{month['project']}, step {month['step']}"


def month_skills(month: Mapping[str, Any]) -> str:
    return ", ".join(f"{s['name']} ({s['hours']:g} h)" for s in month["skills"])


def month_span(skill: Mapping[str, Any]) -> str:
    """ "month 3" or "months 3-5"."""
    first, last = skill["start_month"], skill["end_month"]
    return f"month {first}" if first == last else f"months {first}-{last}"


def why_text(skill: Mapping[str, Any]) -> str:
    """Every reason a skill is in the plan, joined: "asked by 3 of 5 postings; half time: ..."."""
    return "; ".join(skill["why"])


def resource_lines(skill: Mapping[str, Any]) -> list[tuple[str, str, str]]:
    """(title, url, type) of each learning resource, or one line saying there is none."""
    found = [(r["title"], r["url"], r["type"]) for r in skill.get("resources", ())]
    return found or [(NO_RESOURCE, "", "")]


def outcome_text(skill: Mapping[str, Any]) -> str:
    return skill.get("outcome") or "no outcome listed"


@dataclass
class Evidence:
    """The quotes behind one gap or strength: where postings ask for it, where the resume shows it
    (or a related skill)."""

    postings: list[tuple[str, str, str]] = field(default_factory=list)
    resume: list[tuple[str, str]] = field(default_factory=list)

    def add_resume(self, section: str, quote: str) -> None:
        if (section, quote) not in self.resume:
            self.resume.append((section, quote))


def _quote(mention: Mapping[str, Any]) -> str:
    return mention.get("quote") or mention["text"]


def evidence(data: Mapping[str, Any], groups: tuple[str, ...]) -> dict[str, Evidence]:
    """Per skill id, the first quote of each posting that asks for it in ``groups`` (e.g. the gap
    groups, or ``("matched",)``), and the resume's quotes for it."""
    found: dict[str, Evidence] = {}
    for job in data["jobs"]:
        for group in groups:
            for skill in job[group]:
                item = found.setdefault(skill["id"], Evidence())
                if skill["job_evidence"]:
                    mention = skill["job_evidence"][0]
                    item.postings.append((job_label(job), mention["section"], _quote(mention)))
                for mention in skill["resume_evidence"][:2]:
                    item.add_resume(mention["section"], _quote(mention))
                for mention in skill.get("resume_not_held", [])[:1]:
                    item.add_resume(f"{mention['section']}, not held yet", _quote(mention))
    return found


def not_held_quote(jobs: Sequence[Mapping[str, Any]], skill_id: str) -> str | None:
    """The resume's own words that it does not hold a gap's skill yet, if it says so."""
    for job in jobs:
        for group in _GAP_GROUPS:
            for skill in job[group]:
                if skill["id"] == skill_id and skill.get("resume_not_held"):
                    return _quote(skill["resume_not_held"][0])
    return None


def gap_evidence(data: Mapping[str, Any]) -> dict[str, Evidence]:
    """Quotes behind every gap: the postings asking for it, the resume's related skill if any."""
    return evidence(data, _GAP_GROUPS)


def strength_evidence(data: Mapping[str, Any]) -> dict[str, Evidence]:
    """Quotes behind every strength: the postings asking for it and where the resume shows it."""
    return evidence(data, ("matched",))
