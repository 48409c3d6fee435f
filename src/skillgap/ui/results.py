"""The analysis on screen: scores, skill matrix, ranked gaps with evidence, strengths, roadmap,
downloads. Each section is one small function over the JSON report."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import partial
from typing import Any

import pandas as pd
import streamlit as st

from skillgap.analysis.roadmap.curriculum import phase_label
from skillgap.render import render
from skillgap.render.wording import (
    NO_RESOURCE,
    headline,
    month_skills,
    month_span,
    month_title,
    not_held_quote,
    outcome_text,
    plan_intro,
    project_line,
    resource_lines,
    score_text,
    strength_evidence,
    why_text,
)
from skillgap.ui.charts import roadmap_chart
from skillgap.ui.highlight import excerpt, md_escape
from skillgap.ui.state import Analysis
from skillgap.ui.tables import job_label, skill_matrix
from skillgap.workspace.stamp import download_name

Report = Mapping[str, Any]
SHOWN_GAPS = 12
_GAP_GROUPS = ("missing_required", "missing_preferred", "partial")
_DOWNLOADS = (
    ("html", "HTML report", "text/html", "download_html"),
    ("pdf", "PDF report", "application/pdf", "download_pdf"),
    ("md", "Markdown", "text/markdown", "download_md"),
    ("json", "JSON", "application/json", "download_json"),
    ("ics", "Calendar (iCalendar)", "text/calendar", "download_ics"),
    ("checklist", "Checklist (Markdown)", "text/markdown", "download_checklist"),
)
_FILE_NAMES = {"ics": "skillgap-plan.ics", "checklist": "skillgap-plan-checklist.md"}
OnLearned = Callable[[str, bool], None]
OnCorrect = Callable[[str, str | None], None]
CORRECTIONS = ("have", "skip")
_EVIDENCE_STYLE = (
    "margin:0 0 .6rem 0;padding:.4rem .7rem;border-left:3px solid rgba(128,128,128,.45);"
    "background:transparent;line-height:1.5"
)


def show_analysis(
    analysis: Analysis,
    *,
    stale: bool,
    on_learned: OnLearned | None = None,
    on_correct: OnCorrect | None = None,
) -> None:
    """Every section of the results, top to bottom; ``on_learned(skill_id, learned)`` is called
    when a plan checkbox is ticked or cleared, ``on_correct(skill_id, "have" | "skip")`` when a
    gap is corrected (``on_correct("", None)`` undoes every correction)."""
    report = analysis.report
    if stale:
        st.info("The inputs changed since this analysis: press Analyze to update it.")
    _summary(report, analysis.seconds)
    _job_scores(report)
    _matrix(report)
    _score_explained(report)
    _gaps(report, analysis.job_texts, on_correct)
    _soft_skills(report)
    _strengths(report)
    _roadmap(report, on_learned)
    _score_formula(report)
    _downloads(report)


def _summary(report: Report, seconds: float) -> None:
    st.header("Your results")
    summary = report["summary"]
    score, months, gaps = st.columns(3)
    score.metric("Overall match score", score_text(summary["score"]), border=True)
    months.metric("Months of study", summary["total_months"], border=True)
    gaps.metric("Skills to learn", len(report["roadmap"]["skills"]), border=True)
    for line in headline(report):
        st.markdown(md_escape(line))
    for warning in report["resume"]["warnings"]:
        st.warning(f"Resume: {md_escape(warning)}")
    for job in report["jobs"]:
        for warning in job["warnings"]:
            st.warning(f"Posting: {md_escape(warning)}")
    st.caption(f"Analyzed in {seconds:.2f} s, on this computer.")


def _job_scores(report: Report) -> None:
    st.subheader("Match per posting")
    rows = [
        {
            "Posting": job_label(job, i, width=60),
            "Score": job["score"],
            "Have": len(job["matched"]),
            "Partial": len(job["partial"]),
            "Missing (required)": len(job["missing_required"]),
            "Missing (preferred)": len(job["missing_preferred"]),
            "Note": job["score_reason"] or "",
        }
        for i, job in enumerate(report["jobs"])
    ]
    st.dataframe(
        pd.DataFrame(rows),
        hide_index=True,
        alt="Match score and skill counts for each posting",
        column_config={
            "Score": st.column_config.ProgressColumn(
                "Score", min_value=0, max_value=100, format="%.0f"
            )
        },
    )


def _matrix(report: Report) -> None:
    st.subheader("Skills by posting")
    st.caption("✓ you show it, ◐ a related skill earns part credit, ✗ missing; blank: not asked.")
    st.dataframe(skill_matrix(report), alt="Each asked skill and whether you have it, by posting")


def _gap_spans(job: Mapping[str, Any], skill_id: str) -> list[tuple[int, int]] | None:
    """Where ``job`` asks for the skill (None when the posting does not list it as a gap)."""
    for group in _GAP_GROUPS:
        for skill in job[group]:
            if skill["id"] == skill_id:
                return [(m["start"], m["end"]) for m in skill["job_evidence"]]
    return None


def _gap_title(rank: int, gap: Mapping[str, Any], jobs: int) -> str:
    status = "partial" if gap["status"] == "partial" else "missing"
    asked = f"asked in {len(gap['jobs'])} of {jobs} posting(s)"
    required = f", required in {gap['required_in']}" if gap["required_in"] else ""
    return (
        f"{rank}. {md_escape(gap['name'])}: {status}, {asked}{required} "
        f"(+{gap['importance']:g} points)"
    )


def _gap_evidence(gap: Mapping[str, Any], jobs: Sequence[Report], texts: Sequence[str]) -> None:
    if gap["via"]:
        st.caption(f"Part credit through a related skill you show ({md_escape(gap['via'])}).")
    said = not_held_quote(jobs, gap["id"])
    if said:
        st.caption(f"Your resume says you do not hold it yet: \u201c{md_escape(said)}\u201d")
    by_id = {job["id"]: (i, job) for i, job in enumerate(jobs)}
    for job_id in gap["jobs"]:
        index, job = by_id[job_id]
        spans = _gap_spans(job, gap["id"])
        label = md_escape(job_label(job, index, width=60))
        if not spans:
            st.caption(f"{label}: asked through a broader requirement.")
            continue
        st.caption(label)
        st.html(f"<div style='{_EVIDENCE_STYLE}'>{excerpt(texts[index], spans)}</div>")


def _corrections(report: Report, on_correct: OnCorrect | None) -> None:
    """The corrections in force, with a button that undoes them."""
    corrections = report["corrections"]
    if not (corrections["have"] or corrections["skip"]):
        return
    parts = [
        f"{label}: {', '.join(c['name'] for c in corrections[name])}"
        for name, label in (("have", "you have"), ("skip", "not relevant"))
        if corrections[name]
    ]
    st.info(f"Your corrections ({md_escape('; '.join(parts))}) are counted in every score.")
    if on_correct is not None:
        st.button("Undo my corrections", key="corrections_clear", on_click=on_correct,
                  args=("", None))  # fmt: skip


def _correction_buttons(gap: Mapping[str, Any], on_correct: OnCorrect) -> None:
    """ "I have this" and "not relevant" for one gap: the analysis re-scores at once."""
    held = gap["group"]["pick"] if gap["group"] and gap["group"]["pick"] else gap["id"]
    have, skip = st.columns(2)
    have.button("I have this", key=f"have_{gap['id']}", on_click=on_correct, args=(held, "have"))
    skip.button(
        "Not relevant", key=f"skip_{gap['id']}", on_click=on_correct, args=(gap["id"], "skip")
    )


def _gaps(report: Report, texts: Sequence[str], on_correct: OnCorrect | None = None) -> None:
    st.subheader("Gaps, most costly first")
    _corrections(report, on_correct)
    gaps = report["gaps"]
    if not gaps:
        st.success("No gaps: your resume shows every skill these postings ask for.")
        return
    st.caption("Points: how much closing the gap would add to your average score.")
    for rank, gap in enumerate(gaps[:SHOWN_GAPS], start=1):
        with st.expander(_gap_title(rank, gap, len(report["jobs"])), expanded=rank == 1):
            if gap["group"]:
                names = ", ".join(gap["group"]["names"])
                pick = gap["group"]["pick"]
                st.caption(
                    md_escape(f"Any {gap['group']['need']} of: {names}. ")
                    + (md_escape(f"Cheapest for you to learn: {pick}.") if pick else "")
                )
            if on_correct is not None:
                _correction_buttons(gap, on_correct)
            _gap_evidence(gap, report["jobs"], texts)
    if len(gaps) > SHOWN_GAPS:
        rest = ", ".join(gap["name"] for gap in gaps[SHOWN_GAPS:])
        st.caption(f"Also missing: {md_escape(rest)}.")


def _score_explained(report: Report) -> None:
    """Per posting: what each matched skill earned and what each gap cost, in score points."""
    for i, job in enumerate(report["jobs"]):
        if job["score"] is None:
            continue
        met = job["required_met"]
        title = (
            f"Why {job_label(job, i, width=50)} scores {job['score']:g}: "
            f"{met['met']} of {met['of']} required skills met"
        )
        with st.expander(md_escape(title)):
            lines = [
                s
                for group in ("matched", "partial", "missing_required", "missing_preferred")
                for s in job[group]
            ] + job["soft_skills"]
            rows = [
                {
                    "Skill": s["name"],
                    "Level": s["level"],
                    "Status": s["status"] + (" (your correction)" if s["corrected"] else ""),
                    "Earned": s["earned"],
                    "Lost": s["lost"],
                }
                for s in lines
            ]
            st.dataframe(pd.DataFrame(rows), hide_index=True)


def _soft_skills(report: Report) -> None:
    soft = report["soft_skills"]
    if not soft:
        return
    st.subheader("Soft skills: show, don't study")
    st.caption("Not counted in the skills to learn or the months of study.")
    for s in soft:
        shown = f"shown: “{'”, “'.join(s['evidence'][:2])}”" if s["evidence"] else "not shown yet"
        st.markdown(md_escape(f"- {s['name']} ({shown})"))


def _strengths(report: Report) -> None:
    st.subheader("Strengths")
    strengths = report["strengths"]
    if not strengths:
        st.info("None of the skills asked for was found in the resume.")
        return
    rows = [
        {
            "Skill": s["name"],
            "Asked by": round(s["demand"] * 100),
            "Shown in": ", ".join(s["sections"]) or "resume",
        }
        for s in strengths
    ]
    st.dataframe(
        pd.DataFrame(rows),
        hide_index=True,
        alt="Skills you show that the postings ask for",
        column_config={
            "Asked by": st.column_config.ProgressColumn(
                "Asked by (share of postings)", min_value=0, max_value=100, format="%d%%"
            )
        },
    )
    quotes = strength_evidence(report)
    with st.expander("Evidence for each strength"):
        for strength in strengths:
            found = quotes.get(strength["id"])
            st.markdown(f"**{md_escape(strength['name'])}**")
            for label, section, quote in found.postings if found else ():
                st.caption(f"{md_escape(label)} ({md_escape(section)}): “{md_escape(quote)}”")
            for section, quote in found.resume if found else ():
                st.caption(f"Your resume ({md_escape(section)}): “{md_escape(quote)}”")


def _month_card(month: Mapping[str, Any]) -> None:
    with st.container(border=True):
        st.markdown(f"**{md_escape(month_title(month))}**")
        st.markdown(md_escape(month_skills(month)))
        st.markdown(f"**Goal:** {md_escape(month['goal'])}")
        st.markdown(f"**Deliverable:** {md_escape(month['deliverable'])}")
        st.caption(f"Project: {md_escape(project_line(month))}")


def _timeline_alt(months: Sequence[Mapping[str, Any]]) -> str:
    """The chart in words, for screen readers: each month and its main phase."""
    steps = "; ".join(f"month {m['month']}: {phase_label(m['phase'])}" for m in months)
    return f"Learning plan timeline, {len(months)} month(s): {steps}"


def _learn_text(skill: Mapping[str, Any]) -> str:
    lines = resource_lines(skill)
    if lines[0][0] == NO_RESOURCE and not lines[0][1]:
        return NO_RESOURCE
    return "; ".join(f"{title} ({url})" for title, url, _ in lines)


def _plan_skills(roadmap: Report, on_learned: OnLearned | None) -> None:
    """Every skill of the plan with why it is there, when it is learned and where; a checkbox
    per skill marks it learned (the plan re-flows without it)."""
    st.markdown("**Skills in the plan**")
    rows = [
        {
            "Skill": s["name"],
            "Months": month_span(s),
            "Hours": s["hours"],
            "Why": why_text(s),
            "Ready when": outcome_text(s),
            "Learn": _learn_text(s),
        }
        for s in roadmap["skills"]
    ]
    st.dataframe(
        pd.DataFrame(rows), hide_index=True, alt="Each skill of the plan, why, when and where"
    )
    if on_learned is None:
        return
    with st.expander("Mark skills as learned: the plan re-flows without them"):
        for skill in roadmap["skills"]:
            st.checkbox(
                skill["name"],
                value=False,
                key=f"learn_{skill['id']}",
                on_change=on_learned,
                args=(skill["id"], True),
            )
        for skill in roadmap["learned"]:
            st.checkbox(
                f"{skill['name']} (learned)",
                value=True,
                key=f"unlearn_{skill['id']}",
                on_change=on_learned,
                args=(skill["id"], False),
            )


def _plan_notes(roadmap: Report) -> None:
    """What the downloads show beside the months: projects, skills not scheduled, learned ones."""
    if roadmap["projects"]:
        st.markdown("**Portfolio projects**")
        for project in roadmap["projects"]:
            months = ", ".join(map(str, project["months"]))
            st.markdown(
                f"- **{md_escape(project['name'])}** (months {months}): "
                f"{md_escape(project['description'])}"
            )
    if roadmap["set_aside"]:
        st.markdown("**Not scheduled**")
        for item in roadmap["set_aside"]:
            st.markdown(f"- {md_escape(item['name'])}: {md_escape(item['reason'])}")
    if roadmap["learned"]:
        names = ", ".join(item["name"] for item in roadmap["learned"])
        st.caption(f"Learned since the resume, left out of the plan: {md_escape(names)}.")


def _roadmap(report: Report, on_learned: OnLearned | None = None) -> None:
    st.subheader("Learning roadmap")
    roadmap = report["roadmap"]
    months = roadmap["months"]
    if not months:
        st.success("Nothing to study for these postings.")
    else:
        st.caption(
            f"{roadmap['total_months']} month(s) at {roadmap['hours_per_week']:g} hours a week; "
            f"track: {md_escape(roadmap['track'])} ({md_escape(roadmap['track_reason'])})."
        )
        st.caption(md_escape(plan_intro(roadmap)))
        with st.container(key="roadmap_chart"):
            st.altair_chart(roadmap_chart(report), width="stretch", alt=_timeline_alt(months))
        for row_start in range(0, len(months), 3):
            row = months[row_start : row_start + 3]
            for column, month in zip(st.columns(3), row, strict=False):
                with column:
                    _month_card(month)
    with st.container(key="plan_details"):
        if roadmap["skills"] or roadmap["learned"]:
            _plan_skills(roadmap, on_learned)
        _plan_notes(roadmap)
    if roadmap["interview_topics"]:
        with st.expander("Interview preparation"):
            for topic in roadmap["interview_topics"]:
                st.markdown(f"- **{md_escape(topic['topic'])}**: {md_escape(topic['detail'])}")


def _score_formula(report: Report) -> None:
    with st.expander("How the score is computed"):
        st.markdown(md_escape(report["score_formula"]))


def _downloads(report: Report) -> None:
    st.subheader("Download the report")
    columns = [*st.columns(4), *st.columns(4)]
    for column, (fmt, label, mime, key) in zip(columns, _DOWNLOADS, strict=False):
        column.download_button(
            label,
            data=partial(render, report, fmt),
            file_name=_FILE_NAMES.get(fmt) or download_name(report, fmt),
            mime=mime,
            key=key,
            on_click="ignore",
            width="stretch",
        )
