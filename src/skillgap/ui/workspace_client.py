"""One client's page: score history, changes between snapshots, the full report, notes,
re-analysis against a posting set, export and deletion."""

from __future__ import annotations

import json
from functools import partial

import streamlit as st

from skillgap.documents import DocumentError
from skillgap.ui.highlight import md_escape
from skillgap.ui.results import show_analysis
from skillgap.ui.state import Analysis, base_taxonomy, pipeline_for, read_upload
from skillgap.ui.workspace_charts import history_chart
from skillgap.workspace import SnapshotInfo, Workspace, WorkspaceError
from skillgap.workspace.progress import compare
from skillgap.workspace.stamp import slug

RESUME_TYPES = ["pdf", "docx", "txt", "md"]


def _label(snapshot: SnapshotInfo) -> str:
    score = "no score" if snapshot.score is None else f"{snapshot.score:g}"
    return f"{snapshot.created_at:%Y-%m-%d %H:%M} · {snapshot.posting_set} · {score}"


def show_client(workspace: Workspace, name: str) -> None:
    """Everything about one client, top to bottom."""
    try:
        client = workspace.client(name)
        history = workspace.history(name)
    except WorkspaceError as exc:
        st.error(str(exc))
        return
    with st.container(key="workspace_client"):
        st.header(client.display_name)
        kept = "kept" if client.consent_resume else "not kept (no consent)"
        contact = f"{md_escape(client.contact)} · " if client.contact else ""
        st.caption(f"{contact}client since {client.created_at:%Y-%m-%d} · resume text {kept}")
        if history:
            _progress(history)
            _report(workspace, history)
        else:
            st.info("No analysis yet: analyze a resume below.")
        _reanalyze(workspace, client.display_name, history)
        _notes(workspace, client.display_name)
        _export_and_delete(workspace, client.display_name)


def _progress(history: list[SnapshotInfo]) -> None:
    st.subheader("Progress")
    st.markdown(f"**{len(history)} analyses**")
    st.altair_chart(
        history_chart(history),
        width="stretch",
        alt="Score over time: " + "; ".join(_label(s) for s in history),
    )
    if len(history) < 2:
        return
    labels = [_label(s) for s in history]
    left, right = st.columns(2)
    pick = partial(st.selectbox, options=range(len(history)), format_func=labels.__getitem__)
    with left:
        first = pick("Compare", index=len(history) - 2, key="workspace_cmp_from")
    with right:
        second = pick("with", index=len(history) - 1, key="workspace_cmp_to")
    if first is None or second is None:
        return
    change = compare(history[first].report, history[second].report)
    with st.container(key="workspace_change"):
        if change.warning:
            st.warning(f"Not comparable: {md_escape(change.warning)}.")
        elif change.score_change is not None:
            st.metric("Score change", f"{history[second].score:g}", f"{change.score_change:+g}")
        st.markdown("**Skills gained:** " + (md_escape(", ".join(change.gained)) or "none"))
        if not change.warning:
            st.markdown("**Gaps closed:** " + (md_escape(", ".join(change.closed)) or "none"))
            if change.opened:
                st.markdown("**New gaps:** " + md_escape(", ".join(change.opened)))


def _report(workspace: Workspace, history: list[SnapshotInfo]) -> None:
    st.subheader("Full report")
    labels = [_label(s) for s in history]
    index = st.selectbox(
        "Snapshot",
        range(len(history)),
        len(history) - 1,
        format_func=labels.__getitem__,
        key="workspace_snapshot",
    )
    snapshot = history[index]
    if snapshot.learned or snapshot.corrections:
        st.caption(
            f"Learned since: {', '.join(snapshot.learned) or 'none'} · "
            f"flagged by the client: {', '.join(snapshot.corrections) or 'none'}"
        )
    try:
        texts = tuple(text for _, text in workspace.posting_texts(snapshot.posting_set))
    except WorkspaceError as exc:
        st.error(str(exc))
        return
    with st.expander("The report with its evidence and downloads", expanded=False):
        show_analysis(Analysis(snapshot.report, texts, "resume", 0.0), stale=False)


def _reanalyze(workspace: Workspace, name: str, history: list[SnapshotInfo]) -> None:
    st.subheader("Analyze a resume")
    sets = [info.name for info in workspace.posting_sets()]
    if not sets:
        st.info("Add a posting set first (the Posting sets tab).")
        return
    latest = history[-1].posting_set if history else None
    chosen = st.selectbox(
        "Against the posting set",
        sets,
        sets.index(latest) if latest in sets else 0,
        key="workspace_analyze_set",
    )
    upload = st.file_uploader("The updated resume", type=RESUME_TYPES, key="workspace_resume_file")
    pasted = st.text_area("Or paste it", key="workspace_resume_text", height=120)
    if not st.button("Analyze and save", key="workspace_analyze", type="primary"):
        return
    try:
        text = read_upload(upload.getvalue(), upload.name).text if upload else pasted
    except DocumentError as exc:
        st.error(f"{upload.name if upload else 'resume'}: {exc}")
        return
    if not text.strip():
        st.error("Give the resume: upload a file or paste its text.")
        return
    pipeline_for(None)
    try:
        with st.spinner("Analyzing…"):
            workspace.analyze(name, text, chosen, taxonomy=base_taxonomy())
    except WorkspaceError as exc:
        st.error(str(exc))
        return
    st.rerun()


def _notes(workspace: Workspace, name: str) -> None:
    st.subheader("Notes")
    for note in workspace.notes(name):
        st.markdown(f"**{note.created_at:%Y-%m-%d}**: {md_escape(note.text)}")
    with st.form("workspace_note", clear_on_submit=True):
        text = st.text_area("New note", key="workspace_note_text", height=80)
        if st.form_submit_button("Add note"):
            try:
                workspace.add_note(name, text)
            except WorkspaceError as exc:
                st.error(str(exc))
            else:
                st.rerun()


def _export(workspace: Workspace, name: str) -> str:
    return json.dumps(workspace.export_client(name), indent=2, ensure_ascii=False)


def _export_and_delete(workspace: Workspace, name: str) -> None:
    st.subheader("The client's data")
    st.download_button(
        "Export everything (JSON)",
        data=partial(_export, workspace, name),
        file_name=f"skillgap-{slug(name) or 'client'}-export.json",
        mime="application/json",
        key="workspace_export",
        on_click="ignore",
    )
    sure = st.checkbox(f"Erase {name} and everything kept about them", key="workspace_erase_ok")
    if st.button("Delete the client", key="workspace_delete", disabled=not sure):
        workspace.delete_client(name)
        st.session_state.pop("workspace_client_pick", None)
        st.rerun()
