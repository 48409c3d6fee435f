"""The cohort view: every client's latest score per posting set and the gaps they share."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from skillgap.workspace import Workspace


def show_cohort(workspace: Workspace) -> None:
    """Clients by posting set, then the most common gaps across the cohort."""
    cohort = workspace.cohort()
    if not cohort.scores:
        st.info("No analyses yet: the cohort view fills in as you analyze clients.")
        return
    st.subheader("Latest score by posting set")
    st.caption("Scores in different columns were made against different postings.")
    frame = pd.DataFrame.from_dict(cohort.scores, orient="index", columns=list(cohort.sets))
    st.dataframe(
        frame.rename_axis("Client").reset_index(),
        hide_index=True,
        alt="Each client's latest score for each posting set",
    )
    st.subheader("Most common gaps")
    gaps = pd.DataFrame(cohort.common_gaps, columns=["Skill", "Clients lacking it"])
    st.dataframe(gaps, hide_index=True, alt="The skills most of your clients lack")
