"""The coach workspace page: sign-in, the client list, new clients and posting sets, cohorts.

It is shown only when the workspace is on (``skillgap workspace init`` made its config file);
otherwise it says how to switch it on and stores nothing.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st
from sqlalchemy import Engine

from skillgap.documents import DocumentError
from skillgap.ui.inputs import split_postings
from skillgap.ui.state import read_upload
from skillgap.ui.workspace_auth import signed_in_coach
from skillgap.ui.workspace_client import show_client
from skillgap.ui.workspace_cohort import show_cohort
from skillgap.workspace import Workspace, WorkspaceError
from skillgap.workspace.config import default_config_path, load_config
from skillgap.workspace.database import open_engine, resolve_url

TREND_MARKS = {"up": "↑ up", "down": "↓ down", "flat": "→ flat", "new": "· new"}
POSTING_TYPES = ["pdf", "docx", "txt", "md", "html"]


@st.cache_resource(show_spinner="Opening the workspace…")
def workspace_engine(url: str) -> Engine:
    """The migrated engine of the workspace database, shared by every session."""
    return open_engine(url)


def render() -> None:
    """The whole page."""
    st.title("Coach workspace")
    try:
        config = load_config()
    except WorkspaceError as exc:
        st.error(str(exc))
        return
    if config is None:
        st.info(
            "The coach workspace is off, so nothing is stored. To keep clients and their "
            "progress, run `skillgap workspace init` on this computer "
            f"(it writes {default_config_path()}), then reload this page."
        )
        return
    coach = signed_in_coach(config)
    if coach is None:
        return
    try:
        workspace = Workspace(workspace_engine(resolve_url(configured=config.database_url)), coach)
    except WorkspaceError as exc:
        st.error(str(exc))
        return
    clients, cohort, sets = st.tabs(["Clients", "Cohort", "Posting sets"])
    with clients:
        _client_list(workspace)
        _add_client(workspace)
    with cohort:
        show_cohort(workspace)
    with sets:
        _posting_sets(workspace)


def _client_list(workspace: Workspace) -> None:
    rows = workspace.clients()
    if not rows:
        st.info("No clients yet: add your first one below.")
        return
    frame = pd.DataFrame(
        [
            {
                "Client": row.client.display_name,
                "Latest score": row.latest_score,
                "Trend": TREND_MARKS[row.trend],
                "Last analysis": row.last_analysis,
                "Analyses": row.analyses,
                "Status": row.status,
                "Posting set": row.posting_set or "",
            }
            for row in rows
        ]
    )
    with st.container(key="workspace_clients"):
        st.dataframe(
            frame,
            hide_index=True,
            alt="Your clients: latest score, trend, last analysis and status",
            column_config={
                "Latest score": st.column_config.ProgressColumn(
                    "Latest score", min_value=0, max_value=100, format="%.1f"
                ),
                "Last analysis": st.column_config.DatetimeColumn(format="YYYY-MM-DD HH:mm"),
            },
        )
    names = [row.client.display_name for row in rows]
    chosen = st.selectbox("Open a client", names, index=None, key="workspace_client_pick")
    if chosen:
        show_client(workspace, chosen)


def _show_refusal(key: str) -> None:
    """The message a form's callback left under ``key`` when it refused the entry, shown once."""
    message = st.session_state.pop(key, None)
    if message:
        st.error(message)


_NEW_CLIENT = {
    "workspace_new_name": "", "workspace_new_contact": "", "workspace_new_consent": False
}  # fmt: skip
_ADD_CLIENT_ERROR = "workspace_add_client_error"


def _add_client(workspace: Workspace) -> None:
    with st.expander("Add a client"), st.form("workspace_add_client"):
        st.text_input("Display name", key="workspace_new_name")
        st.text_input("Contact (optional)", key="workspace_new_contact")
        st.checkbox(
            "The client agrees that their resume text is kept (otherwise only the reports are)",
            key="workspace_new_consent",
        )
        st.form_submit_button("Add client", on_click=_save_client, args=(workspace,))
        _show_refusal(_ADD_CLIENT_ERROR)


def _save_client(workspace: Workspace) -> None:
    """The form's callback: add the client, and empty the form only once the client is saved,
    so a refused entry (a name taken) stays there to be corrected."""
    state = st.session_state
    try:
        workspace.add_client(
            state.get("workspace_new_name", ""),
            state.get("workspace_new_contact", ""),
            bool(state.get("workspace_new_consent")),
        )
    except WorkspaceError as exc:
        state[_ADD_CLIENT_ERROR] = str(exc)
        return
    for key, empty in _NEW_CLIENT.items():
        state[key] = empty


_SET_ERROR = "workspace_add_set_error"
_SET_ROUND = "workspace_set_round"  # each saved set starts a round with a new, empty uploader


def _posting_sets(workspace: Workspace) -> None:
    for info in workspace.posting_sets():
        st.markdown(f"- **{info.name}**: {len(info.sources)} posting(s)")
    round_ = st.session_state.get(_SET_ROUND, 0)
    with st.form("workspace_add_set"):
        st.subheader("New posting set")
        st.text_input("Name (a cohort's target jobs)", key="workspace_set_name")
        st.file_uploader(
            "Postings",
            type=POSTING_TYPES,
            accept_multiple_files=True,
            key=f"workspace_set_files_{round_}",
        )
        st.text_area(
            "Or paste postings, separated by lines holding only ---", key="workspace_set_text"
        )
        st.form_submit_button(
            "Save the posting set", on_click=_save_posting_set, args=(workspace, round_)
        )
        _show_refusal(_SET_ERROR)


def _save_posting_set(workspace: Workspace, round_: int) -> None:
    """The form's callback: save the set, and empty the form only once it is saved, so a
    refused set (no name, an unreadable file) keeps what was typed and pasted."""
    state = st.session_state
    postings: list[tuple[str, str]] = []
    for upload in state.get(f"workspace_set_files_{round_}") or ():
        try:
            postings.append((upload.name, read_upload(upload.getvalue(), upload.name).text))
        except DocumentError as exc:
            state[_SET_ERROR] = f"{upload.name}: {exc}"
            return
    pasted = split_postings(state.get("workspace_set_text", ""))
    postings += [(f"pasted posting {i}", t) for i, t in enumerate(pasted, 1)]
    try:
        workspace.add_posting_set(state.get("workspace_set_name", ""), postings)
    except WorkspaceError as exc:
        state[_SET_ERROR] = str(exc)
        return
    state["workspace_set_name"] = state["workspace_set_text"] = ""
    state[_SET_ROUND] = round_ + 1
