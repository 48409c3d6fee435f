"""Charts of the workspace: a client's score over time, one line per posting set."""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import pandas as pd

from skillgap.workspace import SnapshotInfo


def history_frame(snapshots: Sequence[SnapshotInfo]) -> pd.DataFrame:
    """One row per scored snapshot: when, the posting set and the score."""
    rows = [
        {"date": s.created_at, "posting set": s.posting_set, "score": s.score}
        for s in snapshots
        if s.score is not None
    ]
    return pd.DataFrame(rows, columns=["date", "posting set", "score"])


def history_chart(snapshots: Sequence[SnapshotInfo]) -> alt.Chart:
    """Score by date, a line and points for each posting set (scores of different sets are
    different lines, never one)."""
    return (
        alt.Chart(history_frame(snapshots), title="Score over time")
        .mark_line(point=True)
        .encode(
            x=alt.X("date:T", title="Analysis"),
            y=alt.Y("score:Q", title="Score", scale=alt.Scale(domain=[0, 100])),
            color=alt.Color("posting set:N", title="Posting set"),
            tooltip=["date:T", "posting set:N", "score:Q"],
        )
        .properties(height=260)
    )
