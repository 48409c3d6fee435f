"""Altair charts of a report: the roadmap as a timeline (months by phase)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import altair as alt
import pandas as pd

from skillgap.analysis.roadmap.curriculum import phase_label
from skillgap.taxonomy import PHASES


def roadmap_frame(report: Mapping[str, Any]) -> pd.DataFrame:
    """One row per (phase, month) of the plan, with the skills studied and their hours.

    A month can hold skills of several phases; each skill counts in its own phase's row.
    """
    roadmap = report["roadmap"]
    phase_of = {skill["id"]: skill["phase"] for skill in roadmap["skills"]}
    cells: dict[tuple[str, int], list[tuple[str, float]]] = {}
    for month in roadmap["months"]:
        for skill in month["skills"]:
            phase = phase_of.get(skill["id"], month["phase"])
            cells.setdefault((phase, month["month"]), []).append((skill["name"], skill["hours"]))
    rows = [
        {
            "phase": phase_label(phase),
            "order": PHASES.index(phase) if phase in PHASES else len(PHASES),
            "month": month,
            "skills": ", ".join(name for name, _ in skills),
            "hours": round(sum(hours for _, hours in skills), 1),
        }
        for (phase, month), skills in sorted(cells.items(), key=lambda item: item[0][1])
    ]
    return pd.DataFrame(rows, columns=["phase", "order", "month", "skills", "hours"])


def roadmap_chart(report: Mapping[str, Any]) -> alt.Chart:
    """A timeline: one row per phase, a bar for each month in which that phase is studied."""
    frame = roadmap_frame(report)
    phases = frame.sort_values("order")["phase"].drop_duplicates().tolist()
    months = int(frame["month"].max()) if not frame.empty else 1
    return (
        alt.Chart(frame, title="Learning plan: months by phase")
        .mark_bar(cornerRadius=3)
        .encode(
            x=alt.X(
                "month:O",
                title="Month",
                scale=alt.Scale(domain=list(range(1, months + 1)), paddingInner=0.08),
                axis=alt.Axis(labelAngle=0),
            ),
            y=alt.Y("phase:N", sort=phases, title=None, axis=alt.Axis(labelLimit=200)),
            color=alt.Color("phase:N", sort=phases, legend=None),
            tooltip=[
                alt.Tooltip("month:Q", title="Month"),
                alt.Tooltip("phase:N", title="Phase"),
                alt.Tooltip("skills:N", title="Skills"),
                alt.Tooltip("hours:Q", title="Hours"),
            ],
        )
        .properties(height=alt.Step(34))
    )
