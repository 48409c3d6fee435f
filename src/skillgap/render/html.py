"""The report as one self-contained HTML page: inline CSS, no scripts, nothing fetched.

Every piece of text from the documents or the report is escaped, and a Content-Security-Policy
forbids scripts and outside resources even if something slipped through.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from typing import Any

from skillgap.analysis.roadmap.curriculum import phase_label
from skillgap.render import ReportLike, report_data
from skillgap.render.wording import (
    PHASE_COLOURS,
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

_CSS = """
:root { color-scheme: light dark; --fg: #1d232b; --bg: #ffffff; --muted: #5b6470;
  --card: #f4f6f8; --line: #d8dde3; --accent: #2f6fdb; --bad: #c2412d; --ok: #2d8a4e; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6e9ed; --bg: #14181d; --muted: #a2abb6; --card: #1f252c; --line: #343c46;
    --accent: #79a6f2; --bad: #f08a76; --ok: #6cc58f; } }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--fg); background: var(--bg); }
main { max-width: 960px; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.6rem; margin: 0 0 1rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .75rem; border-bottom: 1px solid var(--line); }
.summary { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 1rem; }
.tile { background: var(--card); border-radius: 10px; padding: 1rem; }
.tile .big { font-size: 2.4rem; font-weight: 700; line-height: 1.1; }
.tile .label { color: var(--muted); font-size: .9rem; }
.chip { display: inline-block; padding: .1rem .55rem; margin: .15rem .2rem 0 0;
  border-radius: 999px; background: var(--bad); color: var(--bg); font-size: .9rem; }
.headline { margin: 1rem 0 0; padding-left: 1.2rem; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
th, td { text-align: left; vertical-align: top; padding: .4rem .5rem;
  border-bottom: 1px solid var(--line); }
th { color: var(--muted); font-weight: 600; }
.bar { display: inline-block; height: .6rem; background: var(--accent); border-radius: 3px; }
.timeline { display: flex; gap: 2px; margin: .5rem 0 1rem; }
.timeline span { flex: 1; min-width: 0; padding: .3rem 0; text-align: center; font-size: .8rem;
  color: #fff; border-radius: 3px; overflow: hidden; }
q { font-style: italic; } .quotes { margin: 0; padding-left: 1rem; font-size: .9rem; }
.months { display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr));
  gap: .75rem; }
.month { background: var(--card); border-radius: 10px; padding: .75rem 1rem; }
.month h3 { margin: 0 0 .3rem; font-size: 1rem; }
.muted { color: var(--muted); }
.formula { color: var(--muted); font-size: .9rem; }
""" + "".join(
    f".ph-{phase} {{ background: {colour}; }}\n" for phase, colour in PHASE_COLOURS.items()
)


def e(value: object) -> str:
    """Escape text for HTML element content and attribute values."""
    return html.escape("" if value is None else str(value), quote=True)


def _table(header: Iterable[str], rows: Iterable[Iterable[str]]) -> str:
    head = "".join(f"<th scope='col'>{e(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    table = f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    return f"<div class='table-wrap'>{table}</div>"


def _summary(data: Mapping[str, Any]) -> str:
    summary, roadmap = data["summary"], data["roadmap"]
    chips = "".join(f"<span class='chip'>{e(name)}</span>" for name in summary["top_gaps"])
    lines = "".join(f"<li>{e(line)}</li>" for line in headline(data))
    return (
        "<section class='summary' aria-label='Summary'>"
        f"<div class='tile'><div class='label'>Match score</div>"
        f"<div class='big'>{e(score_text(summary['score']))}</div>"
        f"<div class='label'>average over {summary['scored_jobs']} of {summary['jobs']} posting(s)"
        "</div></div>"
        "<div class='tile'><div class='label'>Top gaps</div>"
        f"<div>{chips or e('none')}</div></div>"
        f"<div class='tile'><div class='label'>Learning plan</div>"
        f"<div class='big'>{roadmap['total_months']} mo</div>"
        f"<div class='label'>{roadmap['months_saved']} saved of {roadmap['full_plan_months']}, "
        f"at {roadmap['hours_per_week']:g} h/week</div></div>"
        f"</section><ul class='headline'>{lines}</ul>"
    )


def _jobs(data: Mapping[str, Any], names: Mapping[str, str]) -> str:
    rows = []
    for job in data["jobs"]:
        partial = ", ".join(
            f"{e(s['name'])} <span class='muted'>(via {e(names.get(s['via'], s['via']))})</span>"
            for s in job["partial"]
        )
        score = score_text(job["score"]) if job["score"] is not None else job["score_reason"]
        rows.append(
            [
                e(job_label(job)),
                e(score),
                e(skill_names(job["matched"])),
                partial or "none",
                e(skill_names(job["missing_required"])),
                e(skill_names(job["missing_preferred"])),
            ]
        )
    header = [
        "Posting",
        "Score",
        "Matched",
        "Partly covered",
        "Missing (required)",
        "Missing (preferred)",
    ]
    return "<h2>Postings</h2>" + _table(header, rows)


def _gaps(data: Mapping[str, Any], names: Mapping[str, str]) -> str:
    quotes = gap_evidence(data)
    if not data["gaps"]:
        return "<h2>Gaps</h2><p>None: the resume shows every skill the postings ask for.</p>"
    top = max(g["importance"] for g in data["gaps"]) or 1
    rows = [
        [
            e(g["name"]),
            f"<span class='bar' style='width:{round(60 * g['importance'] / top)}px'></span> "
            f"{g['importance']:g}",
            e(percent(g["demand"])),
            e("partial (via " + names.get(g["via"], g["via"]) + ")")
            if g["status"] == "partial"
            else "missing",
            e(phase_label(g["phase"])),
            _quotes(quotes.get(g["id"], Evidence())),
        ]
        for g in data["gaps"]
    ]
    return (
        "<h2>Gaps, most important first</h2><p class='muted'>Importance: score points closing the "
        "gap would add, on average per posting.</p>"
        + _table(["Skill", "Importance", "Asked by", "Status", "Phase", "Evidence"], rows)
    )


def _quotes(found: Evidence) -> str:
    """The postings' and the resume's quotes for one skill, as a list."""
    items = [
        f"<li>{e(label)} <span class='muted'>({e(section)})</span>: <q>{e(quote)}</q></li>"
        for label, section, quote in found.postings
    ]
    items += [
        f"<li>Your resume <span class='muted'>({e(section)})</span>: <q>{e(quote)}</q></li>"
        for section, quote in found.resume
    ]
    return f"<ul class='quotes'>{''.join(items)}</ul>" if items else "none"


def _strengths(data: Mapping[str, Any]) -> str:
    if not data["strengths"]:
        return "<h2>Strengths</h2><p>None found.</p>"
    quotes = strength_evidence(data)
    rows = [
        [
            e(s["name"]),
            e(percent(s["demand"])),
            e(", ".join(s["sections"]) or "resume"),
            _quotes(quotes.get(s["id"], Evidence())),
        ]
        for s in data["strengths"]
    ]
    return "<h2>Strengths</h2>" + _table(["Skill", "Asked by", "Shown in", "Evidence"], rows)


def _resources(skill: Mapping[str, Any]) -> str:
    links = []
    for title, url, kind in resource_lines(skill):
        if url.startswith("https://"):
            links.append(
                f"<a href='{e(url)}' rel='noopener noreferrer'>{e(title)}</a> "
                f"<span class='muted'>({e(kind)})</span>"
            )
        else:
            links.append(e(title))
    return "<br>".join(links)


def _roadmap(roadmap: Mapping[str, Any]) -> str:
    months = roadmap["months"]
    parts = [f"<h2>Learning plan: {roadmap['total_months']} month(s)</h2>"]
    parts.append(f"<p>{e(plan_intro(roadmap))}</p>")
    if months:
        cells = "".join(
            f"<span class='ph-{e(m['phase'])}' title='{e(phase_label(m['phase']))}'>"
            f"{m['month']}</span>"
            for m in months
        )
        parts.append(f"<div class='timeline' aria-label='Months by phase'>{cells}</div>")
    cards = [
        f"<article class='month'><h3>{e(month_title(m))}</h3>"
        f"<div>{e(month_skills(m))}</div><div><strong>Goal:</strong> {e(m['goal'])}</div>"
        f"<div><strong>Deliverable:</strong> {e(m['deliverable'])}</div>"
        f"<div class='muted'>Project: {e(project_line(m))}</div></article>"
        for m in months
    ]
    parts.append(f"<div class='months'>{''.join(cards)}</div>")
    if roadmap["skills"]:
        rows = [
            [
                e(s["name"]),
                e(month_span(s)),
                e(f"{s['hours']:g}"),
                e(why_text(s)),
                e(outcome_text(s)),
                _resources(s),
            ]
            for s in roadmap["skills"]
        ]
        parts.append("<h3>Skills in the plan</h3>")
        parts.append(_table(["Skill", "Months", "Hours", "Why", "Ready when", "Learn"], rows))
    if roadmap["set_aside"]:
        items = "".join(f"<li>{e(s['name'])}: {e(s['reason'])}</li>" for s in roadmap["set_aside"])
        parts.append(f"<h3>Not scheduled</h3><ul>{items}</ul>")
    if roadmap["learned"]:
        items = "".join(f"<li>{e(s['name'])}</li>" for s in roadmap["learned"])
        parts.append(f"<h3>Learned since the resume</h3><ul>{items}</ul>")
    if roadmap["projects"]:
        items = "".join(
            f"<li><strong>{e(p['name'])}</strong> "
            f"<span class='muted'>(months {e(', '.join(map(str, p['months'])))})</span>: "
            f"{e(p['description'])}</li>"
            for p in roadmap["projects"]
        )
        parts.append(f"<h2>Portfolio projects</h2><ul>{items}</ul>")
    topics = "".join(
        f"<li><strong>{e(t['topic'])}</strong>: {e(t['detail'])}</li>"
        for t in roadmap["interview_topics"]
    )
    parts.append(f"<h2>Interview preparation</h2><ul>{topics}</ul>")
    return "".join(parts)


def render(report: ReportLike) -> str:
    """The whole report as a standalone HTML document."""
    data = report_data(report)
    names = {s["id"]: s["name"] for s in data["resume"]["skills"]}
    body = (
        "<h1>Skills gap report</h1>"
        + _summary(data)
        + _jobs(data, names)
        + _gaps(data, names)
        + _strengths(data)
        + _roadmap(data["roadmap"])
        + f"<h2>How the score is computed</h2><p class='formula'>{e(data['score_formula'])}</p>"
    )
    return (
        "<!doctype html>\n<html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        "<meta http-equiv='Content-Security-Policy' "
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        f"<title>Skills gap report</title><style>{_CSS}</style></head>"
        f"<body><main>{body}</main></body></html>\n"
    )
