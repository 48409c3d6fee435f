"""``skillgap workspace``: the coach's flow from init to delete, and its one-line errors."""

from __future__ import annotations

import io
import json

import pytest
from tests.workspace.reports import POSTINGS, RESUME_AFTER, RESUME_BEFORE, RESUME_MARKER

from skillgap.cli import main


@pytest.fixture
def ws(tmp_path, monkeypatch):
    """Run ``skillgap workspace ...`` against a config and SQLite file in ``tmp_path``."""
    monkeypatch.delenv("SKILLGAP_DATABASE_URL", raising=False)
    monkeypatch.delenv("SKILLGAP_COACH", raising=False)
    config = tmp_path / "ws.json"
    database = tmp_path / "ws.sqlite3"

    def run(*args: str, password: str | None = None, where: bool = True) -> int:
        if password is not None:
            monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
        options = ["--config", str(config)] + (["--workspace", str(database)] if where else [])
        return main(["workspace", *args, *options])

    run.tmp = tmp_path  # type: ignore[attr-defined]
    run.database = database  # type: ignore[attr-defined]
    return run


def _files(tmp_path):
    paths = []
    for name, text in [*POSTINGS, ("before.txt", RESUME_BEFORE), ("after.txt", RESUME_AFTER)]:
        path = tmp_path / name
        path.write_text(text)
        paths.append(str(path))
    return paths


def test_the_coach_flow(ws, capsys) -> None:
    ml, ds, before, after = _files(ws.tmp)
    assert ws("init", "--coach", "ada", "--password-stdin", password="long password") == 0
    assert ws("postings", "add", "ml jobs", ml, ds) == 0
    assert ws("client", "add", "Sam Lee", "--consent-resume", "--contact", "sam@x.org") == 0
    assert ws("analyze", "Sam Lee", "--resume", before, "--postings", "ml jobs") == 0
    assert ws("analyze", "Sam Lee", "--resume", after, "--postings", "ml jobs") == 0
    capsys.readouterr()
    assert ws("client", "list") == 0
    fields = capsys.readouterr().out.splitlines()[1].split()
    assert fields[:2] == ["Sam", "Lee"] and float(fields[2]) > 0
    assert fields[3] == "up" and fields[-2:] == ["ml", "jobs"]
    assert ws("history", "Sam Lee") == 0
    history = capsys.readouterr().out.splitlines()
    assert len(history) == 2 and "change +" in history[1] and "gaps closed:" in history[1]
    export = ws.tmp / "sam.json"
    assert ws("export", "Sam Lee", "-o", str(export)) == 0
    data = json.loads(export.read_text())
    assert [s["resume_text"] for s in data["snapshots"]] == [RESUME_BEFORE, RESUME_AFTER]
    assert data["snapshots"][1]["score"] > data["snapshots"][0]["score"]
    assert ws("delete", "Sam Lee", "--yes") == 0
    capsys.readouterr()
    assert ws("client", "list") == 0
    assert "no clients yet" in capsys.readouterr().out
    assert RESUME_MARKER.encode() not in ws.database.read_bytes()


def test_init_remembers_the_database(ws, capsys) -> None:
    assert ws("init", "--coach", "ada", "--password-stdin", password="long password") == 0
    assert ws("client", "add", "Ann", where=False) == 0
    capsys.readouterr()
    assert ws("client", "list", where=False) == 0
    assert "Ann" in capsys.readouterr().out
    assert ws.database.is_file()


def _one_line_error(capsys, *fragments: str) -> None:
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("skillgap: error: ")
    for fragment in fragments:
        assert fragment in err


def test_errors_are_one_line_with_exit_code_2(ws, capsys, monkeypatch) -> None:
    ml, _, before, _ = _files(ws.tmp)
    assert ws("client", "list") == 2
    _one_line_error(capsys, "workspace is off", "skillgap workspace init")
    assert ws("init", "--coach", "ada", "--password-stdin", password="short") == 2
    _one_line_error(capsys, "at least 8")
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert ws("init", "--coach", "ada", "--password-stdin", password="long password") == 0
    assert ws("init", "--coach", "bob", "--password-stdin", password="other password") == 0
    assert ws("client", "list") == 2
    _one_line_error(capsys, "several coaches", "--coach")
    assert main(["workspace", "client", "list", "--config", str(ws.tmp / "ws.json"),
                 "--workspace", str(ws.database), "--coach", "eve"]) == 2  # fmt: skip
    _one_line_error(capsys, "no coach named 'eve'")
    monkeypatch.setenv("SKILLGAP_COACH", "ada")
    assert ws("analyze", "Nobody", "--resume", before, "--postings", "x") == 2
    _one_line_error(capsys, "no client named 'Nobody'")
    assert ws("client", "add", "Sam") == 0
    assert ws("analyze", "Sam", "--resume", before, "--postings", "x") == 2
    _one_line_error(capsys, "no posting set named 'x'")
    assert ws("analyze", "Sam", "--resume", str(ws.tmp / "missing.pdf"), "--postings", "x") == 2
    _one_line_error(capsys, "missing.pdf")
    assert ws("postings", "add", "set", ml, str(ws.tmp / "nope.txt")) == 2
    _one_line_error(capsys, "nope.txt")
    assert ws("client", "add", "Sam") == 2
    _one_line_error(capsys, "already a client named 'Sam'")
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert ws("delete", "Sam") == 2
    _one_line_error(capsys, "add --yes")
    bad = main(["workspace", "client", "list", "--config", str(ws.tmp / "ws.json"),
                "--database-url", "nosuchdb://x"])  # fmt: skip
    assert bad == 2
    _one_line_error(capsys, "nosuchdb")


def test_another_coach_cannot_reach_a_client_from_the_cli(ws, capsys, monkeypatch) -> None:
    assert ws("init", "--coach", "ada", "--password-stdin", password="long password") == 0
    assert ws("init", "--coach", "bob", "--password-stdin", password="other password") == 0
    monkeypatch.setenv("SKILLGAP_COACH", "ada")
    assert ws("client", "add", "Sam Lee") == 0
    monkeypatch.setenv("SKILLGAP_COACH", "bob")
    capsys.readouterr()
    assert ws("client", "list") == 0
    assert "Sam Lee" not in capsys.readouterr().out
    for command in (["export", "Sam Lee"], ["delete", "Sam Lee", "--yes"], ["history", "Sam Lee"]):
        assert ws(*command) == 2
        _one_line_error(capsys, "no client named 'Sam Lee'")
