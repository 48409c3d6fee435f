"""Sign-in for the coach pages: a user name and password checked against the workspace config.

The signed-in coach lives in this browser session only; a reload or a new tab signs in again.
"""

from __future__ import annotations

import streamlit as st

from skillgap.workspace.config import WorkspaceConfig

_COACH = "workspace_coach"


def signed_in_coach(config: WorkspaceConfig) -> str | None:
    """The coach signed in this session, or None after showing the sign-in form."""
    coach = st.session_state.get(_COACH)
    if coach in config.coaches:
        with st.sidebar:
            st.caption(f"Signed in as **{coach}**")
            st.button("Sign out", key="workspace_sign_out", on_click=sign_out)
        return coach
    with st.form("workspace_sign_in"):
        st.subheader("Sign in")
        username = st.text_input("User name", key="workspace_user")
        password = st.text_input("Password", type="password", key="workspace_password")
        submitted = st.form_submit_button("Sign in")
    if submitted:
        if config.verify(username, password):
            st.session_state[_COACH] = username.strip()
            st.rerun()
        st.error("Wrong user name or password.")
    return None


def sign_out() -> None:
    """Forget the signed-in coach (and what their pages kept in this session)."""
    for key in list(st.session_state):
        if str(key).startswith("workspace_"):
            del st.session_state[key]
