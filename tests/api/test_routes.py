"""Every route's good path: JSON and multipart input, the report schema, the renderers."""

from __future__ import annotations

import threading

import docx
import jsonschema
import pytest
from tests.documents.builders import docx_bytes, pdf_pages

from skillgap.analysis.report import report_schema
from skillgap.api.routes import _MEDIA_TYPES
from skillgap.render import FORMATS
from skillgap.taxonomy import TRACKS, default_taxonomy

from .conftest import POSTING, RESUME


def _analyze_json(client, **options):
    body = {"resume": {"text": RESUME, "name": "cv.txt"}, "jobs": [{"text": POSTING}], **options}
    response = client.post("/v1/analyze", json=body)
    assert response.status_code == 200, response.text
    return response.json()


def test_healthz(client) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


def test_taxonomy_lists_the_servers_skills(client) -> None:
    body = client.get("/v1/taxonomy").json()
    assert [s["id"] for s in body["skills"]] == [s.id for s in default_taxonomy()]
    assert body["tracks"] == list(TRACKS)
    assert body["report_schema_version"] == report_schema()["properties"]["schema_version"]["const"]


def test_analyze_json_answers_a_schema_valid_report(client) -> None:
    report = _analyze_json(client)
    jsonschema.validate(report, report_schema())
    job = report["jobs"][0]
    assert job["source"] == "job-1"
    assert {"docker", "kubernetes", "pytorch"} <= {s["id"] for s in job["missing_required"]}
    assert "python" in {s["id"] for s in job["matched"]}
    assert report["resume"]["source"] == "cv.txt"


def test_analyze_options_reach_the_plan(client) -> None:
    slow = _analyze_json(client, hours_per_week=5, track="nlp")
    fast = _analyze_json(client, hours_per_week=40, track="nlp")
    assert slow["roadmap"]["hours_per_week"] == 5
    assert slow["roadmap"]["track"] == "nlp"
    assert fast["roadmap"]["total_months"] < slow["roadmap"]["total_months"]


def test_start_date_and_learned_reach_the_plan(client) -> None:
    plain = _analyze_json(client)
    assert "docker" in {s["id"] for s in plain["roadmap"]["skills"]}
    dated = _analyze_json(client, start_date="2027-01-04", learned=["docker"])
    assert "docker" not in {s["id"] for s in dated["roadmap"]["skills"]}
    assert dated["roadmap"]["months"][0] != plain["roadmap"]["months"][0]
    jsonschema.validate(dated, report_schema())


def test_every_render_format_has_a_media_type() -> None:
    assert set(_MEDIA_TYPES) == set(FORMATS)


def test_analyze_multipart_reads_pdf_docx_and_html(client) -> None:
    resume_pdf = pdf_pages([RESUME.splitlines()])
    document = docx.Document()
    for line in POSTING.splitlines():
        document.add_paragraph(line)
    html = b"<h1>ML Engineer</h1><h2>Requirements</h2><ul><li>Terraform</li><li>Python</li></ul>"
    response = client.post(
        "/v1/analyze",
        files=[
            ("resume", ("cv.pdf", resume_pdf, "application/pdf")),
            ("jobs", ("ad.docx", docx_bytes(document), "application/octet-stream")),
            ("jobs", ("ad.html", html, "text/html")),
        ],
        data={"hours_per_week": "10", "track": "cv"},
    )
    assert response.status_code == 200, response.text
    report = response.json()
    jsonschema.validate(report, report_schema())
    assert [j["source"] for j in report["jobs"]] == ["ad.docx", "ad.html"]
    assert "terraform" in {s["id"] for s in report["jobs"][1]["missing_required"]}
    assert "python" in {s["id"] for s in report["resume"]["skills"]}
    assert report["roadmap"]["hours_per_week"] == 10


def test_extract_json_and_markdown_upload(client) -> None:
    response = client.post(
        "/v1/extract",
        json={"documents": [{"text": POSTING}, {"text": RESUME}], "kind": "job"},
    )
    assert response.status_code == 200, response.text
    first, second = response.json()["documents"]
    assert first["kind"] == second["kind"] == "job"
    assert {s["id"]: s["level"] for s in first["skills"]}["kafka"] == "preferred"
    assert "text" not in first  # the document itself is not echoed back

    markdown = b"# Skills\n\n- PyTorch\n- Kubernetes\n"
    response = client.post(
        "/v1/extract", files=[("documents", ("cv.md", markdown))], data={"kind": "resume"}
    )
    (profile,) = response.json()["documents"]
    assert profile["source"] == "cv.md"
    assert {s["id"] for s in profile["skills"]} == {"pytorch", "kubernetes"}
    assert profile["skills"][0]["mentions"][0]["section"] == "skills"


def test_taxonomy_overlay_adds_a_skill_for_one_request(client) -> None:
    overlay = (
        "skills:\n- {id: acme-flow, name: AcmeFlow, phase: deployment, category: internal, "
        "kind: hard, hours: 8, description: The in-house pipeline tool}\n"
    )
    posting = "Requirements: AcmeFlow and Python"
    with_overlay = client.post(
        "/v1/extract", json={"documents": [{"text": posting}], "taxonomy": overlay}
    ).json()
    without = client.post("/v1/extract", json={"documents": [{"text": posting}]}).json()
    assert "acme-flow" in {s["id"] for s in with_overlay["documents"][0]["skills"]}
    assert "acme-flow" not in {s["id"] for s in without["documents"][0]["skills"]}

    form = client.post(
        "/v1/extract",
        files=[("documents", ("ad.txt", posting.encode()))],
        data={"taxonomy": overlay},
    ).json()
    assert "acme-flow" in {s["id"] for s in form["documents"][0]["skills"]}


@pytest.mark.parametrize(
    ("fmt", "media", "start"),
    [
        ("html", "text/html", b"<!DOCTYPE html"),
        ("md", "text/markdown", b"# "),
        ("pdf", "application/pdf", b"%PDF-"),
        ("json", "application/json", b"{"),
        ("ics", "text/calendar", b"BEGIN:VCALENDAR"),
        ("checklist", "text/markdown", b"#"),
    ],
)
def test_render_each_format(client, fmt: str, media: str, start: bytes) -> None:
    report = _analyze_json(client)
    response = client.post("/v1/render", json={"report": report, "format": fmt})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith(media)
    assert response.content.lstrip().upper().startswith(start.upper())
    if fmt in ("html", "md"):
        assert "Docker" in response.text


def test_openapi_documents_every_route_and_the_report(client) -> None:
    document = client.get("/openapi.json").json()
    assert {"/healthz", "/v1/extract", "/v1/analyze", "/v1/render", "/v1/taxonomy"} <= set(
        document["paths"]
    )
    analyze = document["paths"]["/v1/analyze"]["post"]
    assert {"application/json", "multipart/form-data"} == set(analyze["requestBody"]["content"])
    assert {"200", "413", "415", "422"} <= set(analyze["responses"])
    schemas = document["components"]["schemas"]
    assert {"GapReport", "Problem", "AnalyzeRequest", "ExtractRequest", "RenderRequest"} <= set(
        schemas
    )
    refs = [part for part in str(document).split("'") if part.startswith("#/")]
    for ref in refs:  # every reference resolves inside the document
        node = document
        for key in ref[2:].split("/"):
            node = node[key]
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert "/openapi.json" in docs.text


def test_healthz_answers_while_an_analysis_runs(client, monkeypatch) -> None:
    service = client.app.state.service
    analyze = service.analyze
    started, released = threading.Event(), threading.Event()
    outcome: dict[str, bool] = {}

    def held_analyze(*args, **kwargs):  # an analysis that lasts until the test lets it go
        started.set()
        outcome["released by the test"] = released.wait(timeout=20)
        return analyze(*args, **kwargs)

    monkeypatch.setattr(service, "analyze", held_analyze)
    statuses: list[int] = []

    def post() -> None:
        body = {"resume": {"text": RESUME}, "jobs": [{"text": POSTING}]}
        statuses.append(client.post("/v1/analyze", json=body).status_code)

    worker = threading.Thread(target=post)
    worker.start()
    try:
        assert started.wait(timeout=20), "the analysis did not start"
        assert client.get("/healthz").status_code == 200
    finally:
        released.set()
        worker.join(timeout=60)
    # /healthz answered while the analysis held its thread, not after the hold timed out
    assert outcome == {"released by the test": True}
    assert statuses == [200]


def test_corrections_reach_analyze(client) -> None:
    body = {"resume": {"text": RESUME}, "jobs": [{"text": POSTING}], "have": ["docker"]}
    response = client.post("/v1/analyze", json=body)
    assert response.status_code == 200
    assert "docker" not in {g["id"] for g in response.json()["gaps"]}


def test_an_unknown_correction_id_is_one_line_422(client) -> None:
    body = {"resume": {"text": RESUME}, "jobs": [{"text": POSTING}], "skip": ["no-such-skill"]}
    response = client.post("/v1/analyze", json=body)
    assert response.status_code == 422
    assert "no-such-skill" in response.json()["detail"]
    assert "\n" not in response.json()["detail"]
