"""The roadmap timeline: months by phase."""

from __future__ import annotations

from skillgap.analysis.report import analyze
from skillgap.ui.charts import roadmap_chart, roadmap_frame
from skillgap.ui.examples import EXAMPLE_POSTINGS, EXAMPLE_RESUME


def test_frame_puts_every_planned_skill_in_its_phase_and_month() -> None:
    report = analyze(EXAMPLE_RESUME, list(EXAMPLE_POSTINGS.values())).to_dict()
    frame = roadmap_frame(report)
    roadmap = report["roadmap"]
    assert set(frame["month"]) == {m["month"] for m in roadmap["months"]}
    planned = {s["name"] for m in roadmap["months"] for s in m["skills"]}
    listed = {name for cell in frame["skills"] for name in cell.split(", ")}
    assert listed == planned
    total_hours = sum(s["hours"] for m in roadmap["months"] for s in m["skills"])
    assert abs(frame["hours"].sum() - total_hours) < 0.1 * len(frame)
    assert frame["order"].between(0, 6).all()


def test_chart_is_a_bar_timeline() -> None:
    report = analyze(EXAMPLE_RESUME, [EXAMPLE_POSTINGS["MLOps engineer"]]).to_dict()
    spec = roadmap_chart(report).to_dict()
    assert spec["mark"]["type"] == "bar"
    assert spec["encoding"]["x"]["field"] == "month"
    assert spec["encoding"]["y"]["field"] == "phase"


def test_empty_plan_gives_an_empty_frame() -> None:
    report = {"roadmap": {"months": [], "skills": []}}
    assert roadmap_frame(report).empty
