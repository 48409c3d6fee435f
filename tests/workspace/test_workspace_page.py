"""The workspace page through Streamlit's AppTest: off by default, sign-in, one coach's clients."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from tests.workspace.reports import POSTINGS, RESUME_AFTER, RESUME_BEFORE

from skillgap.analysis.report import analyze
from skillgap.workspace import Workspace
from skillgap.workspace.config import CONFIG_ENV, WorkspaceConfig, save_config
from skillgap.workspace.database import DATABASE_URL_ENV, sqlite_url

APP = Path(__file__).resolve().parents[2] / "app.py"
PAGE = "src/skillgap/ui/app_pages/workspace.py"
T0 = datetime(2026, 3, 1, 9, 0)


@pytest.fixture(scope="module")
def reports():
    texts = [text for _, text in POSTINGS]
    return analyze(RESUME_BEFORE, texts), analyze(RESUME_AFTER, texts)


@pytest.fixture
def workspace_on(tmp_path, monkeypatch, reports) -> str:
    """A workspace with coaches ada (client Sam Lee, two snapshots) and bob (client Bo Ng)."""
    monkeypatch.delenv(DATABASE_URL_ENV, raising=False)
    config = WorkspaceConfig(database_url=sqlite_url(tmp_path / "ws.sqlite3"))
    config.add_coach("ada", "ada password")
    config.add_coach("bob", "bob password")
    monkeypatch.setenv(CONFIG_ENV, str(save_config(config, tmp_path / "ws.json")))
    ada = Workspace.open(config.database_url or "", "ada")
    ada.add_posting_set("ml jobs", POSTINGS)
    ada.add_client("Sam Lee")
    ada.save_snapshot("Sam Lee", "ml jobs", reports[0], resume_text=None, when=T0)
    later = T0 + timedelta(days=30)
    ada.save_snapshot("Sam Lee", "ml jobs", reports[1], resume_text=None, when=later)
    ada.add_note("Sam Lee", "Wants a remote role.")
    Workspace(ada.engine, "bob").add_client("Bo Ng")
    return config.database_url or ""


def _page() -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception
    return at


def _sign_in(at: AppTest, user: str, password: str) -> None:
    at.text_input(key="workspace_user").input(user)
    at.text_input(key="workspace_password").input(password)
    at.button[0].click().run()
    assert not at.exception


def _texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [h.value for h in at.header]
    parts += [str(d.value.to_dict()) for d in at.dataframe]
    return "\n".join(parts).replace("\\", "")  # markdown escapes removed


def test_the_workspace_is_off_without_its_config(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv(CONFIG_ENV, str(tmp_path / "missing.json"))
    at = _page()
    assert "workspace is off" in at.info[0].value
    assert "skillgap workspace init" in at.info[0].value
    assert not list(tmp_path.iterdir())  # nothing written


def test_a_wrong_password_shows_nothing(workspace_on) -> None:
    at = _page()
    assert "Sam Lee" not in _texts(at)
    _sign_in(at, "ada", "not ada's password")
    assert at.error[0].value == "Wrong user name or password."
    assert "Sam Lee" not in _texts(at)
    _sign_in(at, "mallory", "ada password")
    assert at.error[0].value == "Wrong user name or password."


def test_each_coach_sees_only_their_own_clients(workspace_on) -> None:
    at = _page()
    _sign_in(at, "ada", "ada password")
    assert "Sam Lee" in _texts(at) and "Bo Ng" not in _texts(at)
    assert at.selectbox(key="workspace_client_pick").options == ["Sam Lee"]
    other = _page()
    _sign_in(other, "bob", "bob password")
    assert "Bo Ng" in _texts(other) and "Sam Lee" not in _texts(other)
    assert other.selectbox(key="workspace_client_pick").options == ["Bo Ng"]


def test_the_client_page_shows_progress_notes_and_the_report(workspace_on, reports) -> None:
    at = _page()
    _sign_in(at, "ada", "ada password")
    at.selectbox(key="workspace_client_pick").select("Sam Lee").run()
    assert not at.exception
    before, after = reports
    change = next(m for m in at.metric if m.label == "Score change")
    assert change.value == f"{after.score:g}"
    assert change.delta == f"{after.score - before.score:+g}"
    text = _texts(at)
    assert "**2 analyses**" in text
    assert "Wants a remote role." in text
    closed = {g.name for g in before.market.gaps} - {g.name for g in after.market.gaps}
    assert closed and all(name in text for name in closed)
    assert at.get("download_button")  # the report's downloads and the export


def test_re_analyze_adds_a_snapshot_and_notes_are_saved(workspace_on) -> None:
    at = _page()
    _sign_in(at, "ada", "ada password")
    at.selectbox(key="workspace_client_pick").select("Sam Lee").run()
    at.text_area(key="workspace_resume_text").input(RESUME_AFTER + "\nKubernetes").run()
    at.button(key="workspace_analyze").click().run()
    assert not at.exception
    assert "**3 analyses**" in _texts(at)
    at.text_area(key="workspace_note_text").input("Mock interview on Friday.")
    next(b for b in at.button if b.label == "Add note").click().run()
    assert "Mock interview on Friday." in _texts(at)
    assert len(Workspace.open(workspace_on, "ada").history("Sam Lee")) == 3


def _add_client_button(at: AppTest):
    return next(b for b in at.button if b.label == "Add client")


def test_a_refused_client_keeps_the_form_and_a_saved_one_empties_it(workspace_on) -> None:
    at = _page()
    _sign_in(at, "ada", "ada password")
    at.text_input(key="workspace_new_name").input("Sam Lee")  # taken
    at.text_input(key="workspace_new_contact").input("sam@example.org")
    _add_client_button(at).click().run()
    assert not at.exception
    assert "already a client named 'Sam Lee'" in at.error[0].value
    assert at.text_input(key="workspace_new_name").value == "Sam Lee"  # there to be corrected
    assert at.text_input(key="workspace_new_contact").value == "sam@example.org"
    at.text_input(key="workspace_new_name").input("Sam Lee-Ortiz")
    _add_client_button(at).click().run()
    assert not at.exception and not at.error
    assert "Sam Lee-Ortiz" in at.selectbox(key="workspace_client_pick").options
    assert at.text_input(key="workspace_new_name").value == ""
    assert at.text_input(key="workspace_new_contact").value == ""


def test_a_refused_posting_set_keeps_the_pasted_postings(workspace_on) -> None:
    at = _page()
    _sign_in(at, "ada", "ada password")
    pasted = "Requirements: Python, Docker.\n---\nRequirements: SQL and Spark."
    at.text_area(key="workspace_set_text").input(pasted)
    next(b for b in at.button if b.label == "Save the posting set").click().run()
    assert not at.exception
    assert at.error  # no name given
    assert at.text_area(key="workspace_set_text").value == pasted
    at.text_input(key="workspace_set_name").input("data jobs")
    next(b for b in at.button if b.label == "Save the posting set").click().run()
    assert not at.exception and not at.error
    assert "**data jobs**: 2 posting(s)" in _texts(at)
    assert at.text_area(key="workspace_set_text").value == ""
