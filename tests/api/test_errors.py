"""Every error answers with one line of RFC 9457 problem details: 400, 401, 404, 405, 413, 415,
422 and a catch-all 500 that logs nothing of the request."""

from __future__ import annotations

import logging

import pytest
from fastapi.testclient import TestClient
from tests.documents.builders import pdf_pages

from skillgap.api import Settings, create_app
from skillgap.api.routes import v1
from skillgap.api.security import KeyCheck
from skillgap.documents import Limits

from .conftest import API_KEY, POSTING, RESUME, assert_problem

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _analyze_form(client, resume: tuple, jobs: list[tuple] | None = None, **data):
    jobs = jobs or [("ad.txt", POSTING.encode())]
    files = [("resume", resume), *(("jobs", job) for job in jobs)]
    return client.post("/v1/analyze", files=files, data=data)


def test_unsupported_body_type_is_415(client) -> None:
    response = client.post("/v1/analyze", content=RESUME, headers={"content-type": "text/plain"})
    body = assert_problem(response, 415, "unsupported-media-type")
    assert "application/json" in body["detail"]


def test_an_image_upload_is_415_naming_the_file(client) -> None:
    body = assert_problem(_analyze_form(client, ("me.png", PNG)), 415, "unsupported-media-type")
    assert body["detail"].startswith("me.png: this is an image (PNG)")


def test_render_takes_json_only(client) -> None:
    response = client.post("/v1/render", files=[("report", ("r.json", b"{}"))])
    assert_problem(response, 415, "unsupported-media-type")


def test_a_file_over_the_size_cap_is_413() -> None:
    settings = Settings(limits=Limits(max_bytes=2000))
    with TestClient(create_app(settings)) as small:
        big = ("cv.txt", b"Python " * 400)
        body = assert_problem(_analyze_form(small, big), 413, "too-large")
        assert body["detail"] == "cv.txt: the file is larger than 1.95 KB, the limit"
        response = small.post(
            "/v1/analyze", json={"resume": {"text": "Python " * 400}, "jobs": [{"text": "Go"}]}
        )
        assert assert_problem(response, 413, "too-large")["detail"].startswith("resume: ")


def test_a_request_over_the_body_cap_is_413_before_parsing() -> None:
    with TestClient(create_app(Settings(max_request_bytes=1000))) as small:
        response = small.post(
            "/v1/analyze",
            content=b"{" + b" " * 2000 + b"}",
            headers={"content-type": "application/json"},
        )
        body = assert_problem(response, 413, "too-large")
        assert "1000 bytes" in body["detail"]


def test_too_many_jobs_is_413() -> None:
    with TestClient(create_app(Settings(max_jobs=2))) as small:
        jobs = [{"text": POSTING}] * 3
        response = small.post("/v1/analyze", json={"resume": {"text": RESUME}, "jobs": jobs})
        assert_problem(response, 413, "too-large")


def test_a_pdf_over_the_page_cap_is_422_with_the_readers_message() -> None:
    with TestClient(create_app(Settings(limits=Limits(max_pages=2)))) as small:
        pdf = pdf_pages([["Python"], ["SQL"], ["Docker"]])
        body = assert_problem(_analyze_form(small, ("cv.pdf", pdf)), 422, "unreadable-document")
        assert body["detail"].startswith("cv.pdf: the PDF has 3 pages (limit 2)")


@pytest.mark.parametrize(
    ("resume", "detail"),
    [
        (("cv.pdf", b"%PDF-1.7 garbage"), "cv.pdf: "),
        (("cv.txt", b"   \n"), "cv.txt: the file is empty"),
    ],
)
def test_unreadable_documents_are_422(client, resume: tuple, detail: str) -> None:
    body = assert_problem(_analyze_form(client, resume), 422, "unreadable-document")
    assert body["detail"].startswith(detail)


@pytest.mark.parametrize(
    ("body", "detail"),
    [
        ({"resume": {"text": RESUME}, "jobs": []}, "jobs: "),
        ({"resume": {"text": RESUME}}, "jobs: Field required"),
        ({"resume": {"text": RESUME}, "jobs": [{"text": "Go"}], "track": "space"}, "track: "),
        ({"resume": {"text": RESUME}, "jobs": [{"text": "Go"}], "hours_per_week": 0}, "hours"),
        ({"resume": {"text": RESUME}, "jobs": [{"text": "Go"}], "colour": "red"}, "colour: "),
        ({"resume": {"text": RESUME}, "jobs": [{"text": "Go"}], "have": ["warp-drive"]}, "have"),
        ({"resume": {"text": RESUME}, "jobs": [{"text": "Go"}], "taxonomy": "skills: 3"}, "taxo"),
    ],
)
def test_invalid_analyze_options_are_422(client, body: dict, detail: str) -> None:
    response = client.post("/v1/analyze", json=body)
    assert assert_problem(response, 422, "invalid-input")["detail"].startswith(detail)


def test_invalid_form_fields_are_422(client) -> None:
    response = _analyze_form(client, ("cv.txt", RESUME.encode()), hours_per_week="lots")
    assert assert_problem(response, 422, "invalid-input")["detail"].startswith("hours_per_week")
    response = client.post("/v1/analyze", files=[("jobs", ("ad.txt", POSTING.encode()))])
    assert assert_problem(response, 422, "invalid-input")["detail"].startswith("resume: ")
    response = client.post("/v1/extract", data={"kind": "job"})
    # no file at all: httpx sends a urlencoded form, which is not a type the API takes
    assert_problem(response, 415, "unsupported-media-type")


def test_render_rejects_a_report_that_breaks_the_schema(client) -> None:
    response = client.post("/v1/render", json={"report": {"summary": {}}, "format": "html"})
    assert assert_problem(response, 422, "invalid-input")["detail"].startswith("report ")
    response = client.post("/v1/render", json={"report": {}, "format": "docx"})
    assert assert_problem(response, 422, "invalid-input")["detail"].startswith("format: ")


def test_malformed_bodies_are_400(client) -> None:
    response = client.post(
        "/v1/analyze", content=b'{"resume": ', headers={"content-type": "application/json"}
    )
    body = assert_problem(response, 400, "bad-request")
    assert body["detail"] == "the body is not valid JSON (line 1, column 12)"
    response = client.post(
        "/v1/analyze",
        content=b"--xyz\r\nContent-Disposition: form-data; name=resume\r\n\r\nPython",
        headers={"content-type": "multipart/form-data; boundary=xyz"},
    )
    assert_problem(response, 400, "bad-request")
    response = client.post(
        "/v1/analyze", content=b"--xyz--", headers={"content-type": "multipart/form-data"}
    )
    assert assert_problem(response, 400, "bad-request")["detail"] == (
        "the multipart body has no boundary"
    )


def test_unknown_routes_and_methods(client) -> None:
    assert (
        "GET /v2/analyze" in assert_problem(client.get("/v2/analyze"), 404, "not-found")["detail"]
    )
    assert_problem(client.get("/v1/analyze"), 405, "method-not-allowed")


def test_v1_routes_need_the_key_when_one_is_configured(keyed_client) -> None:
    assert keyed_client.get("/healthz").status_code == 200  # health stays open
    for method, path in [("get", "/v1/taxonomy"), ("post", "/v1/analyze")]:
        response = getattr(keyed_client, method)(path)
        assert_problem(response, 401, "unauthorized")
        assert response.headers["www-authenticate"] == "Bearer"
    wrong = keyed_client.get("/v1/taxonomy", headers={"X-API-Key": "not-the-key-at-all"})
    assert_problem(wrong, 401, "unauthorized")
    by_header = keyed_client.get("/v1/taxonomy", headers={"X-API-Key": API_KEY})
    by_bearer = keyed_client.get("/v1/taxonomy", headers={"Authorization": f"Bearer {API_KEY}"})
    assert by_header.status_code == by_bearer.status_code == 200
    analyzed = keyed_client.post(
        "/v1/analyze",
        json={"resume": {"text": RESUME}, "jobs": [{"text": POSTING}]},
        headers={"X-API-Key": API_KEY},
    )
    assert analyzed.status_code == 200


def test_a_key_seen_before_is_answered_without_argon2(key_hash: str) -> None:
    check = KeyCheck(key_hash)
    assert check.known(None) is False and check.known(API_KEY) is None  # not seen: Argon2 decides
    assert check.accepts(API_KEY) and not check.accepts("not-the-key-at-all")
    assert check.known(API_KEY) is True and check.known("not-the-key-at-all") is False


def test_an_unexpected_failure_is_a_500_that_logs_no_content(
    caplog: pytest.LogCaptureFixture,
) -> None:
    secret = "Jane Doe, 12 Secret Street"

    def explode() -> None:
        raise RuntimeError(f"failed on {secret}")

    app = create_app(Settings())
    app.add_api_route("/v1/explode", explode, methods=["POST"], dependencies=v1.dependencies)
    with (
        TestClient(app, raise_server_exceptions=False) as test_client,
        caplog.at_level(logging.DEBUG),
    ):
        response = test_client.post("/v1/explode", json={"resume": secret})
    body = assert_problem(response, 500, "internal-error")
    assert secret not in response.text
    assert "RuntimeError" in caplog.text and "/v1/explode" in caplog.text
    assert secret not in caplog.text
    assert body["title"] == "Internal error"
