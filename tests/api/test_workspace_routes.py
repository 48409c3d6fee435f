"""The workspace routes on SQLite and PostgreSQL: coaches sign in with their workspace password,
see only their own clients (another coach's client is a 404, like a missing one), and every
error is a problem answer."""

from __future__ import annotations

from pathlib import Path

import httpx2
import jsonschema
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from tests.workspace.conftest import db_url, postgres_url, sqlite_file  # noqa: F401 (fixtures)
from tests.workspace.reports import POSTINGS, RESUME_AFTER, RESUME_BEFORE, RESUME_MARKER

from skillgap.analysis.report import report_schema
from skillgap.api import Settings, create_app
from skillgap.workspace.config import WorkspaceConfig, load_config, save_config
from skillgap.workspace.database import DATABASE_URL_ENV, open_engine

from .conftest import API_KEY, assert_problem

ADA = httpx2.BasicAuth("ada", "ada's long password")
BOB = httpx2.BasicAuth("bob", "bob's long password")
SET = {"name": "ml jobs", "postings": [{"text": text, "name": name} for name, text in POSTINGS]}


@pytest.fixture
def config_path(tmp_path: Path, db_url: str, monkeypatch) -> Path:  # noqa: F811
    """A workspace with the coaches ada and bob on the test database."""
    monkeypatch.delenv(DATABASE_URL_ENV, raising=False)
    config = WorkspaceConfig(database_url=db_url)
    config.add_coach("ada", "ada's long password")
    config.add_coach("bob", "bob's long password")
    return save_config(config, tmp_path / "workspace.json")


def _client(settings: Settings) -> TestClient:
    return TestClient(create_app(settings), raise_server_exceptions=False)


@pytest.fixture
def api(config_path: Path):
    with _client(Settings(workspace_config=config_path)) as client:
        yield client


def _add(api: TestClient, name: str = "Sam Lee", auth=ADA, **fields) -> dict:
    response = api.post("/v1/clients", json={"display_name": name, **fields}, auth=auth)
    assert response.status_code == 201, response.text
    return response.json()


def _snapshot(api: TestClient, client_id: int, resume: str, auth=ADA, **fields) -> httpx2.Response:
    body = {"resume": {"text": resume, "name": "cv.txt"}, "posting_set": "ml jobs", **fields}
    return api.post(f"/v1/clients/{client_id}/snapshots", json=body, auth=auth)


def test_the_routes_answer_that_the_workspace_is_off_without_its_config(tmp_path) -> None:
    with _client(Settings(workspace_config=tmp_path / "none.json")) as api:
        assert_problem(api.get("/v1/clients", auth=ADA), 404, "workspace-off")
        assert_problem(api.get("/v1/clients"), 404, "workspace-off")
    with _client(Settings()) as api:
        assert_problem(api.get("/v1/cohort", auth=ADA), 404, "workspace-off")


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": httpx2.BasicAuth("ada", "wrong password")._auth_header},
        {"Authorization": httpx2.BasicAuth("eve", "ada's long password")._auth_header},
        {"Authorization": "Basic not-base64!"},
        {"Authorization": "Bearer ada's long password"},
    ],
    ids=["none", "wrong-password", "unknown-coach", "malformed", "not-basic"],
)
def test_a_coach_must_sign_in(api, headers) -> None:
    response = api.get("/v1/clients", headers=headers)
    assert_problem(response, 401, "not-signed-in")
    assert response.headers["www-authenticate"].startswith("Basic ")


def test_a_new_password_takes_effect_without_a_restart(api, config_path) -> None:
    assert api.get("/v1/clients", auth=ADA).status_code == 200
    config = load_config(config_path)
    assert config is not None
    config.add_coach("ada", "a brand new password")
    save_config(config, config_path)
    assert_problem(api.get("/v1/clients", auth=ADA), 401, "not-signed-in")
    assert api.get("/v1/clients", auth=("ada", "a brand new password")).status_code == 200


def test_clients_are_added_listed_and_names_are_unique_per_coach(api) -> None:
    sam = _add(api, "Sam  Lee", contact="sam@example.org", consent_resume=True)
    assert sam["display_name"] == "Sam Lee" and sam["consent_resume"] is True
    assert_problem(
        api.post("/v1/clients", json={"display_name": "Sam Lee"}, auth=ADA), 409, "conflict"
    )
    _add(api, "Sam Lee", auth=BOB)  # another coach may use the same name
    rows = api.get("/v1/clients", auth=ADA).json()["clients"]
    assert [(r["id"], r["status"], r["analyses"]) for r in rows] == [(sam["id"], "not analyzed", 0)]
    one = api.get(f"/v1/clients/{sam['id']}", auth=ADA).json()
    assert one["contact"] == "sam@example.org"
    assert_problem(
        api.post("/v1/clients", json={"display_name": ""}, auth=ADA), 422, "invalid-input"
    )
    assert_problem(
        api.post(
            "/v1/clients", content=b"name=x", auth=ADA, headers={"Content-Type": "text/plain"}
        ),
        415,
        "unsupported-media-type",
    )


def test_snapshots_history_export_and_deletion(api, config_path, db_url) -> None:  # noqa: F811
    assert api.post("/v1/posting-sets", json=SET, auth=ADA).status_code == 201
    assert_problem(api.post("/v1/posting-sets", json=SET, auth=ADA), 409, "conflict")
    sets = api.get("/v1/posting-sets", auth=ADA).json()["posting_sets"]
    assert [(s["name"], s["postings"]) for s in sets] == [("ml jobs", ["ml.txt", "ds.txt"])]
    sam = _add(api, consent_resume=True)
    first = _snapshot(api, sam["id"], RESUME_BEFORE)
    assert first.status_code == 201, first.text
    report = first.json()["report"]
    jsonschema.validate(report, report_schema())
    assert report["meta"]["candidate"] == "Sam Lee"
    files = {"resume": ("cv.txt", RESUME_AFTER.encode())}
    second = api.post(
        f"/v1/clients/{sam['id']}/snapshots",
        files=files,
        data={"posting_set": "ml jobs", "learned": "kubernetes"},
        auth=ADA,
    )
    assert second.status_code == 201, second.text
    assert second.json()["learned"] == ["kubernetes"] and second.json()["resume_kept"]

    history = api.get(f"/v1/clients/{sam['id']}/history", auth=ADA).json()
    before, after = history["snapshots"]
    assert before["change"] is None and "report" not in before
    assert {"docker", "sql"} & {name.lower() for name in after["change"]["closed"]}
    assert after["score"] > before["score"]
    assert history["client"]["analyses"] == 2 and history["client"]["trend"] == "up"
    full = api.get(f"/v1/clients/{sam['id']}/snapshots/{after['id']}", auth=ADA).json()
    assert full["report"] == second.json()["report"]

    export = api.get(f"/v1/clients/{sam['id']}/export", auth=ADA).json()
    assert [s["resume_text"] for s in export["snapshots"]] == [RESUME_BEFORE, RESUME_AFTER]
    cohort = api.get("/v1/cohort", auth=ADA).json()
    assert cohort["posting_sets"] == ["ml jobs"] and "Sam Lee" in cohort["scores"]

    assert api.delete(f"/v1/clients/{sam['id']}", auth=ADA).status_code == 204
    assert_problem(api.get(f"/v1/clients/{sam['id']}", auth=ADA), 404, "not-found")
    engine = open_engine(db_url)
    try:
        with engine.connect() as connection:
            kept = connection.execute(text("SELECT resume_text FROM snapshots")).all()
        assert not any(RESUME_MARKER in (row[0] or "") for row in kept)
    finally:
        engine.dispose()


def test_no_resume_text_is_kept_without_consent(api) -> None:
    api.post("/v1/posting-sets", json=SET, auth=ADA)
    ann = _add(api, "Ann Bell")
    response = _snapshot(api, ann["id"], RESUME_BEFORE)
    assert response.status_code == 201 and response.json()["resume_kept"] is False
    export = api.get(f"/v1/clients/{ann['id']}/export", auth=ADA).json()
    assert export["snapshots"][0]["resume_text"] is None


def test_another_coachs_client_is_not_found_like_a_missing_one(api) -> None:
    api.post("/v1/posting-sets", json=SET, auth=ADA)
    api.post("/v1/posting-sets", json=SET, auth=BOB)
    sam = _add(api)
    snapshot = _snapshot(api, sam["id"], RESUME_BEFORE).json()
    missing = sam["id"] + 1000
    routes = [
        ("GET", "{id}"),
        ("DELETE", "{id}"),
        ("GET", "{id}/history"),
        ("GET", "{id}/export"),
        ("GET", "{id}/snapshots/" + str(snapshot["id"])),
    ]
    for method, path in routes:
        for client_id in (sam["id"], missing):
            url = "/v1/clients/" + path.format(id=client_id)
            response = api.request(method, url, auth=BOB)
            body = assert_problem(response, 404, "not-found")
            assert "Sam" not in body["detail"]
    assert_problem(_snapshot(api, sam["id"], RESUME_AFTER, auth=BOB), 404, "not-found")
    assert api.get("/v1/clients", auth=BOB).json() == {"clients": []}
    assert api.get("/v1/cohort", auth=BOB).json()["scores"] == {}
    # ada still has everything bob tried to read, change or erase
    assert api.get(f"/v1/clients/{sam['id']}", auth=ADA).json()["analyses"] == 1


def test_snapshot_errors_are_problems(api) -> None:
    api.post("/v1/posting-sets", json=SET, auth=ADA)
    sam = _add(api)
    assert_problem(
        _snapshot(api, sam["id"], RESUME_BEFORE, posting_set="nope"), 422, "invalid-input"
    )
    assert_problem(
        _snapshot(api, sam["id"], RESUME_BEFORE, learned=["no-such-skill"]), 422, "invalid-input"
    )
    assert_problem(
        api.post(
            f"/v1/clients/{sam['id']}/snapshots",
            files={"resume": ("a.png", b"\x89PNG\r\n\x1a\n" + b"0" * 64)},
            data={"posting_set": "ml jobs"},
            auth=ADA,
        ),
        415,
        "unsupported-media-type",
    )
    assert api.get(f"/v1/clients/{sam['id']}", auth=ADA).json()["analyses"] == 0


def test_with_an_api_key_the_key_goes_in_x_api_key_beside_the_coach(config_path, key_hash) -> None:
    with _client(Settings(workspace_config=config_path, api_key_hash=key_hash)) as api:
        assert_problem(api.get("/v1/clients", auth=ADA), 401, "unauthorized")
        keyed = api.get("/v1/clients", auth=ADA, headers={"X-API-Key": API_KEY})
        assert keyed.status_code == 200, keyed.text
        assert_problem(api.get("/v1/clients", headers={"X-API-Key": API_KEY}), 401, "not-signed-in")


def test_the_openapi_document_describes_the_workspace_routes(api) -> None:
    document = api.get("/openapi.json").json()
    assert {"/v1/clients", "/v1/clients/{client_id}/snapshots", "/v1/cohort"} <= set(
        document["paths"]
    )
    assert "SnapshotRequest" in document["components"]["schemas"]
    assert any(
        s.get("scheme") == "basic" for s in document["components"]["securitySchemes"].values()
    )


def test_a_broken_config_or_an_unreachable_database_is_a_503(tmp_path, monkeypatch) -> None:
    monkeypatch.delenv(DATABASE_URL_ENV, raising=False)
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    with _client(Settings(workspace_config=broken)) as api:
        assert_problem(api.get("/v1/clients", auth=ADA), 503, "workspace-unavailable")
    config = WorkspaceConfig(database_url="postgresql://nobody@127.0.0.1:1/none")
    config.add_coach("ada", "ada's long password")
    path = save_config(config, tmp_path / "workspace.json")
    with _client(Settings(workspace_config=path)) as api:
        body = assert_problem(api.get("/v1/clients", auth=ADA), 503, "workspace-unavailable")
        assert "127.0.0.1" in body["detail"]
