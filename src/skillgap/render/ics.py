"""The learning plan as an iCalendar file: one all-day event per month block, holding its skills,
goal, deliverable and where to learn each skill.

A plan without a start date starts today. Events carry no personal data beyond the plan itself.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta
from typing import Any

from icalendar import Calendar, Event

from skillgap.analysis.roadmap.months import add_months
from skillgap.render import ReportLike, report_data
from skillgap.render.wording import month_skills, month_title, project_line, resource_lines


def _description(month: Mapping[str, Any], skills: Mapping[str, Mapping[str, Any]]) -> str:
    lines = [
        f"Skills: {month_skills(month)}",
        f"Goal: {month['goal']}",
        f"Deliverable: {month['deliverable']}",
        f"Project: {project_line(month)}",
        "",
        "Where to learn:",
    ]
    for item in month["skills"]:
        skill = skills.get(item["id"], {})
        for title, url, _ in resource_lines(skill):
            lines.append(f"- {item['name']}: {title}" + (f" <{url}>" if url else ""))
    return "\n".join(lines)


def render(report: ReportLike, today: date | None = None) -> str:
    """The plan's months as iCalendar text (``today`` starts an undated plan; default: today)."""
    data = report_data(report)
    roadmap = data["roadmap"]
    start = date.fromisoformat(roadmap["start_date"]) if roadmap.get("start_date") else None
    start = start or today or date.today()
    skills = {s["id"]: s for s in roadmap["skills"]}
    stamp = datetime.now(UTC).replace(microsecond=0)
    seed = hashlib.sha256(repr(sorted(skills)).encode()).hexdigest()[:12]
    calendar = Calendar()
    calendar.add("prodid", "-//skillgap//learning plan//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Learning plan")
    for month in roadmap["months"]:
        first = add_months(start, month["month"] - 1)
        following = add_months(start, month["month"])
        event = Event()
        event.add("uid", f"skillgap-{seed}-{first.isoformat()}-{month['month']}@skillgap")
        event.add("dtstamp", stamp)
        event.add("dtstart", first)
        event.add("dtend", following if following > first else first + timedelta(days=1))
        event.add("summary", f"{month_title({**month, 'start': None})}: {month['project']}")
        event.add("description", _description(month, skills))
        calendar.add_component(event)
    return calendar.to_ical().decode("utf-8")
