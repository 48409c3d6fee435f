"""The workspace library on SQLite and PostgreSQL: clients, snapshots, privacy and access."""

from __future__ import annotations

import json
import threading
from datetime import datetime, timedelta

import pytest
from jsonschema import Draft202012Validator
from sqlalchemy import func, select
from tests.workspace.reports import (
    OTHER_POSTINGS,
    POSTINGS,
    RESUME_AFTER,
    RESUME_BEFORE,
    RESUME_MARKER,
)

from skillgap.analysis.report import analyze, report_schema
from skillgap.workspace import Workspace, WorkspaceError
from skillgap.workspace.database import open_engine
from skillgap.workspace.models import Posting

TEXTS = [text for _, text in POSTINGS]
T0 = datetime(2026, 3, 1, 9, 0)


@pytest.fixture(scope="module")
def reports():
    """The real reports of the two resumes against POSTINGS (computed once)."""
    return analyze(RESUME_BEFORE, TEXTS), analyze(RESUME_AFTER, TEXTS)


@pytest.fixture
def engine(db_url):
    engine = open_engine(db_url)
    yield engine
    engine.dispose()


@pytest.fixture
def ada(engine) -> Workspace:
    ws = Workspace(engine, "ada")
    ws.add_posting_set("ml jobs", POSTINGS)
    return ws


def _two_snapshots(ws: Workspace, reports, name: str = "Sam Lee", consent: bool = True) -> None:
    ws.add_client(name, contact="sam@example.org", consent_resume=consent)
    before, after = reports
    ws.save_snapshot(name, "ml jobs", before, resume_text=RESUME_BEFORE, when=T0)
    ws.save_snapshot(name, "ml jobs", after, resume_text=RESUME_AFTER, when=T0 + timedelta(days=30))


def test_client_list_shows_the_latest_score_trend_and_status(ada, reports) -> None:
    _two_snapshots(ada, reports)
    ada.add_client("Ann Bell")
    rows = {row.client.display_name: row for row in ada.clients()}
    sam = rows["Sam Lee"]
    before, after = (r.score for r in reports)
    assert after > before
    assert sam.latest_score == after
    assert (sam.trend, sam.analyses, sam.posting_set) == ("up", 2, "ml jobs")
    assert sam.last_analysis == T0 + timedelta(days=30)
    assert sam.status in ("improving", "ready")
    assert (rows["Ann Bell"].status, rows["Ann Bell"].latest_score) == ("not analyzed", None)
    assert [row.client.display_name for row in ada.clients()] == ["Ann Bell", "Sam Lee"]


def test_snapshots_are_stamped_and_valid_reports(ada, reports) -> None:
    _two_snapshots(ada, reports)
    history = ada.history("Sam Lee")
    assert [s.created_at for s in history] == [T0, T0 + timedelta(days=30)]
    meta = history[0].report["meta"]
    assert meta["candidate"] == "Sam Lee"
    assert meta["posting_set"] == "ml jobs"
    assert meta["date"] == "2026-03-01T09:00:00Z"
    assert meta["tool_version"] == history[0].tool_version
    assert meta["taxonomy_version"] == history[0].taxonomy_version
    validator = Draft202012Validator(report_schema())
    for snapshot in history:
        assert list(validator.iter_errors(snapshot.report)) == []


def test_analyze_runs_the_pipeline_and_saves_a_snapshot(ada) -> None:
    ada.add_client("Sam Lee", consent_resume=True)
    snapshot = ada.analyze("Sam Lee", RESUME_AFTER, "ml jobs", learned=["docker"])
    assert snapshot.score == analyze(RESUME_AFTER, TEXTS).score
    assert snapshot.learned == ("docker",)
    assert "docker" not in [skill["id"] for skill in snapshot.report["roadmap"]["skills"]]
    assert ada.history("Sam Lee")[0].id == snapshot.id
    with pytest.raises(WorkspaceError, match="unknown skill"):
        ada.analyze("Sam Lee", RESUME_AFTER, "ml jobs", learned=["not-a-skill"])
    with pytest.raises(WorkspaceError, match="no posting set"):
        ada.analyze("Sam Lee", RESUME_AFTER, "nope")


def test_the_resume_text_is_kept_only_with_consent(ada, reports) -> None:
    _two_snapshots(ada, reports, "Sam Lee", consent=True)
    _two_snapshots(ada, reports, "Ann Bell", consent=False)
    assert [ada.resume_text(s.id) for s in ada.history("Sam Lee")] == [
        RESUME_BEFORE,
        RESUME_AFTER,
    ]
    assert [ada.resume_text(s.id) for s in ada.history("Ann Bell")] == [None, None]
    assert not any(s.resume_kept for s in ada.history("Ann Bell"))


def test_postings_are_stored_once_across_sets(ada, engine) -> None:
    ada.add_posting_set("cohort b", [POSTINGS[0], *OTHER_POSTINGS])
    with engine.connect() as connection:
        assert connection.scalar(select(func.count(Posting.id))) == 3
    assert [text for _, text in ada.posting_texts("cohort b")] == [
        POSTINGS[0][1],
        OTHER_POSTINGS[0][1],
    ]
    with pytest.raises(WorkspaceError, match="already a posting set"):
        ada.add_posting_set("ml jobs", POSTINGS)


def test_names_are_checked(ada) -> None:
    ada.add_client("  Sam   Lee ")
    assert ada.client("Sam Lee").display_name == "Sam Lee"
    with pytest.raises(WorkspaceError, match="already a client"):
        ada.add_client("Sam Lee")
    with pytest.raises(WorkspaceError, match="empty"):
        ada.add_client("   ")
    with pytest.raises(WorkspaceError, match="no client named 'Nobody'"):
        ada.history("Nobody")


def test_each_coach_sees_only_their_own_clients(engine, ada, reports) -> None:
    _two_snapshots(ada, reports)
    ada.add_note("Sam Lee", "Wants a remote job.")
    bob = Workspace(engine, "bob")
    assert bob.clients() == []
    assert bob.cohort().scores == {}
    assert bob.posting_sets() == []
    sam_snapshot = ada.history("Sam Lee")[0].id
    assert bob.resume_text(sam_snapshot) is None
    for attempt in (
        lambda: bob.client("Sam Lee"),
        lambda: bob.history("Sam Lee"),
        lambda: bob.notes("Sam Lee"),
        lambda: bob.export_client("Sam Lee"),
        lambda: bob.delete_client("Sam Lee"),
        lambda: bob.add_note("Sam Lee", "mine now"),
        lambda: bob.posting_texts("ml jobs"),
    ):
        with pytest.raises(WorkspaceError, match=r"no (client|posting set) named"):
            attempt()
    bob.add_client("Sam Lee")  # another coach's client of the same name is a different person
    assert ada.counts() == {"clients": 1, "snapshots": 2, "notes": 1}
    assert bob.counts() == {"clients": 1, "snapshots": 0, "notes": 0}


def test_export_holds_everything_about_the_client(ada, reports) -> None:
    _two_snapshots(ada, reports)
    ada.add_note("Sam Lee", "Practise system design.")
    exported = json.loads(json.dumps(ada.export_client("Sam Lee")))
    assert exported["client"]["display_name"] == "Sam Lee"
    assert exported["client"]["contact"] == "sam@example.org"
    assert [s["resume_text"] for s in exported["snapshots"]] == [RESUME_BEFORE, RESUME_AFTER]
    assert [s["score"] for s in exported["snapshots"]] == [r.score for r in reports]
    assert exported["snapshots"][1]["report"]["meta"]["candidate"] == "Sam Lee"
    assert [n["text"] for n in exported["notes"]] == ["Practise system design."]


def test_delete_erases_every_row(ada, reports) -> None:
    _two_snapshots(ada, reports)
    _two_snapshots(ada, reports, "Ann Bell")
    ada.add_note("Sam Lee", "Call back in May.")
    ada.delete_client("Sam Lee")
    assert [row.client.display_name for row in ada.clients()] == ["Ann Bell"]
    assert ada.counts() == {"clients": 1, "snapshots": 2, "notes": 0}
    with pytest.raises(WorkspaceError):
        ada.history("Sam Lee")


def test_delete_leaves_nothing_in_the_sqlite_file(sqlite_file, reports) -> None:
    from skillgap.workspace.database import sqlite_url

    ws = Workspace.open(sqlite_url(sqlite_file), "ada")
    ws.add_posting_set("ml jobs", POSTINGS)
    _two_snapshots(ws, reports, "Quentin Quarrington")
    ws.add_note("Quentin Quarrington", "Nightingale-Umbrella plans")
    data = sqlite_file.read_bytes()
    assert RESUME_MARKER.encode() in data and b"Quentin Quarrington" in data
    ws.delete_client("Quentin Quarrington")
    ws.engine.dispose()
    leftovers = b"".join(
        path.read_bytes() for path in sqlite_file.parent.iterdir() if path.is_file()
    )
    for secret in (RESUME_MARKER, "Quentin Quarrington", "Nightingale-Umbrella", "sam@example"):
        assert secret.encode() not in leftovers


def test_cohort_counts_each_clients_latest_gaps(ada, reports) -> None:
    _two_snapshots(ada, reports, "Sam Lee")
    ada.add_client("Ann Bell")
    ada.save_snapshot("Ann Bell", "ml jobs", reports[0], resume_text=None, when=T0)
    cohort = ada.cohort()
    assert cohort.sets == ("ml jobs",)
    before, after = reports
    assert cohort.scores == {
        "Ann Bell": {"ml jobs": before.score},
        "Sam Lee": {"ml jobs": after.score},
    }
    counts = dict(cohort.common_gaps)
    both = {g.name for g in before.market.gaps} & {g.name for g in after.market.gaps}
    only_before = {g.name for g in before.market.gaps} - {g.name for g in after.market.gaps}
    assert both and only_before
    assert all(counts[name] == 2 for name in both)
    assert all(counts[name] == 1 for name in only_before)
    assert cohort.common_gaps[0][1] == 2


def test_two_coaches_saving_at_once_lose_nothing(db_url, reports) -> None:
    setup = Workspace.open(db_url, "setup")
    setup.engine.dispose()
    errors: list[BaseException] = []
    per_coach = 12

    def save(coach: str) -> None:
        try:
            ws = Workspace(open_engine(db_url), coach)
            ws.add_posting_set("shared", POSTINGS)  # the same postings, stored once
            for i in range(per_coach):
                ws.add_client(f"client {i}")
                ws.save_snapshot(f"client {i}", "shared", reports[i % 2], resume_text=None)
            ws.engine.dispose()
        except BaseException as exc:  # reported below, with the thread's error
            errors.append(exc)

    threads = [threading.Thread(target=save, args=(coach,)) for coach in ("ada", "bob", "cy")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    engine = open_engine(db_url)
    for coach in ("ada", "bob", "cy"):
        ws = Workspace(engine, coach)
        assert ws.counts()["clients"] == per_coach
        assert ws.counts()["snapshots"] == per_coach
    with engine.connect() as connection:
        assert connection.scalar(select(func.count(Posting.id))) == len(POSTINGS)
    engine.dispose()
