"""End to end in a real headless Chromium: the dashboard as a visitor uses it.

Uses Debian's /usr/bin/chromium through Playwright (no browser is ever downloaded). Screenshots
go to test-artifacts/; with SKILLGAP_UPDATE_SCREENSHOT=1 the desktop one also replaces
docs/screenshot.png (the top of the results), the README picture.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.documents.hostile import slow_pdf
from tests.ui.pdfs import encrypted, pdf_from_lines, two_page_resume

from skillgap.analysis.report import analyze
from skillgap.documents import read_document
from skillgap.ui import READ_TIMEOUT_ENV
from skillgap.ui.examples import EXAMPLE_POSTINGS

pytestmark = [pytest.mark.browser, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
POSTINGS = [
    "ML Engineer, Vision & Robotics\nRequirements: Python, PyTorch, Kubernetes and MLflow.\n"
    "Nice to have: AWS.",
    "Data Scientist\nMust have: SQL, pandas and statistics. Spark is a plus.",
]
EXAMPLE = "MLOps engineer"
TIMEOUT_MS = 30_000
READ_TIMEOUT_S = 8  # the dashboard's per-file limit here: well below the hostile file's 25 s

if not CHROMIUM.is_file():
    pytest.skip("Debian's chromium (/usr/bin/chromium) is not installed", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_healthy(url: str, server: subprocess.Popen, seconds: float = 40) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"streamlit exited with code {server.returncode}; see test-artifacts/")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.read() == b"ok":
                    return
        except OSError:
            time.sleep(0.3)
    pytest.fail("streamlit did not become healthy in time")


@pytest.fixture(scope="module")
def app_url() -> Iterator[str]:
    """The dashboard served by ``streamlit run app.py`` on a free local port."""
    ARTIFACTS.mkdir(exist_ok=True)
    port = _free_port()
    command = [
        sys.executable, "-m", "streamlit", "run", "app.py",
        "--server.headless", "true",
        "--server.port", str(port),
        "--server.address", "127.0.0.1",
        "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    with (ARTIFACTS / "streamlit.log").open("wb") as log:
        server = subprocess.Popen(
            command,
            cwd=REPO,
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, READ_TIMEOUT_ENV: str(READ_TIMEOUT_S)},
        )
        url = f"http://127.0.0.1:{port}"
        try:
            _wait_healthy(url, server)
            yield url
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()


def _settle(page) -> None:
    """Wait until Streamlit has finished the current script run."""
    page.wait_for_timeout(300)
    page.locator("[data-testid='stStatusWidget']").wait_for(state="hidden", timeout=TIMEOUT_MS)


def _upload(page, name: str, data: bytes) -> None:
    page.locator(".st-key-resume_file input[type=file]").set_input_files(
        {"name": name, "mimeType": "application/pdf", "buffer": data}
    )
    page.locator(".st-key-resume_file").get_by_text(name).wait_for(timeout=TIMEOUT_MS)
    _settle(page)


def _screenshot(page, name: str, width: int) -> Path:
    """A screenshot of the whole page at ``width`` (the app scrolls inside, so grow the view)."""
    page.set_viewport_size({"width": width, "height": 900})
    page.wait_for_timeout(800)
    height = page.evaluate(
        "() => Math.max(...[...document.querySelectorAll('section, div')].map(e => e.scrollHeight))"
    )
    page.set_viewport_size({"width": width, "height": min(max(height, 900), 16_000)})
    page.wait_for_timeout(800)
    path = ARTIFACTS / name
    page.screenshot(path=str(path))
    page.set_viewport_size({"width": 1280, "height": 900})
    return path


def _readme_screenshot(page) -> Path:
    """The top of the results at desktop width, for the README."""
    page.set_viewport_size({"width": 1280, "height": 1000})
    page.get_by_role("heading", name="Your results").evaluate(
        "e => e.scrollIntoView({block: 'start'})"
    )
    page.wait_for_timeout(800)
    path = ARTIFACTS / "dashboard-results.png"
    page.screenshot(path=str(path))
    page.set_viewport_size({"width": 1280, "height": 900})
    return path


def _expected_report(pdf: bytes) -> dict:
    jobs = [
        read_document(text.encode(), filename=f"pasted posting {i}")
        for i, text in enumerate(POSTINGS, start=1)
    ]
    jobs.append(EXAMPLE_POSTINGS[EXAMPLE])
    return analyze(read_document(pdf, filename="cv.pdf"), jobs).to_dict()


def test_upload_analyze_explore_download_then_a_locked_pdf(app_url: str, browser) -> None:
    resume_pdf = pdf_from_lines(two_page_resume())
    expected = _expected_report(resume_pdf)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.goto(app_url)
    page.locator(".st-key-analyze button").wait_for(timeout=TIMEOUT_MS)
    _settle(page)

    _upload(page, "cv.pdf", resume_pdf)
    jobs_box = page.locator(".st-key-jobs_text textarea")
    jobs_box.fill("\n---\n".join(POSTINGS))
    jobs_box.press("Control+Enter")
    _settle(page)
    page.locator(".st-key-examples input").click()
    page.keyboard.type(EXAMPLE)
    page.get_by_role("option", name=EXAMPLE).click()
    page.keyboard.press("Escape")
    _settle(page)

    started = time.perf_counter()
    page.locator(".st-key-analyze button").click()
    report = page.locator(".st-key-report")
    score_text = f"{expected['summary']['score']:g}/100"
    report.get_by_text(score_text, exact=True).wait_for(timeout=TIMEOUT_MS)
    seconds = time.perf_counter() - started
    print(f"\nfirst analysis (2-page PDF resume, 3 postings): {seconds:.2f} s from click to score")
    (ARTIFACTS / "timing.txt").write_text(f"first_analysis_seconds={seconds:.2f}\n")
    _settle(page)

    top_gap = expected["gaps"][0]["name"]
    assert report.locator("[data-testid='stExpander']").filter(has_text=top_gap).count() >= 1
    chart = page.locator(".st-key-roadmap_chart")
    chart.locator("canvas, svg").first.wait_for(timeout=TIMEOUT_MS)
    assert chart.bounding_box()["height"] > 50

    with page.expect_download(timeout=TIMEOUT_MS) as download_info:
        page.locator(".st-key-download_html button").click()
    download = download_info.value
    assert download.suggested_filename == "skillgap-report.html"
    html_report = Path(download.path()).read_text(encoding="utf-8")
    assert html_report.lstrip().lower().startswith("<!doctype html")
    assert score_text in html_report
    assert "Vision &amp; Robotics" in html_report and "Vision & Robotics" not in html_report

    _screenshot(page, "dashboard-desktop.png", 1280)
    _screenshot(page, "dashboard-phone.png", 390)
    results = _readme_screenshot(page)
    if os.environ.get("SKILLGAP_UPDATE_SCREENSHOT") == "1":
        shutil.copyfile(results, REPO / "docs" / "screenshot.png")

    _upload(page, "locked.pdf", encrypted(resume_pdf))
    alert = page.locator("[data-testid='stAlert']").filter(has_text="locked.pdf")
    alert.first.wait_for(timeout=TIMEOUT_MS)
    assert "password-protected" in alert.first.inner_text()
    assert page.locator("[data-testid='stException']").count() == 0
    _screenshot(page, "dashboard-locked-pdf.png", 1280)
    context.close()


def test_the_dashboard_requests_nothing_from_other_hosts(app_url: str, browser) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(app_url)
    page.locator(".st-key-analyze button").wait_for(timeout=TIMEOUT_MS)
    _settle(page)
    for path in ("coach", "batch"):
        page.goto(f"{app_url}/{path}")
        _settle(page)
    page.wait_for_timeout(1000)
    context.close()
    elsewhere = [u for u in requested if not u.startswith((app_url, "data:", "blob:"))]
    assert requested and elsewhere == []


def _resume_variant(skills: str) -> bytes:
    return pdf_from_lines(["Jane Doe", "Experience", "Built services.", f"Skills: {skills}"])


def _seconds_to_result(page, name: str, pdf: bytes) -> float:
    """From the upload of ``pdf`` as the resume to its score on screen."""
    posting = read_document(POSTINGS[0].encode(), filename="pasted posting 1")
    score = analyze(read_document(pdf, filename=name), [posting]).to_dict()["summary"]["score"]
    started = time.perf_counter()
    _upload(page, name, pdf)
    page.locator(".st-key-analyze button").click()
    page.locator(".st-key-report").get_by_text(f"{score:g}/100", exact=True).wait_for(
        timeout=TIMEOUT_MS
    )
    return time.perf_counter() - started


def test_a_hostile_pdf_in_one_session_does_not_hold_up_another(app_url: str, browser) -> None:
    hostile = slow_pdf()
    pages = []
    for _ in range(2):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.goto(app_url)
        page.locator(".st-key-analyze button").wait_for(timeout=4 * TIMEOUT_MS)  # a busy machine
        _settle(page)
        jobs_box = page.locator(".st-key-jobs_text textarea")
        jobs_box.fill(POSTINGS[0])
        jobs_box.press("Control+Enter")
        _settle(page)
        pages.append(page)
    good, bad = pages
    _seconds_to_result(good, "warm.pdf", _resume_variant("Python"))  # pipeline and reader warm
    # the best of two uploads on each side, so one scheduling hiccup on a busy 2-core machine
    # does not decide; a real hold-up (the hostile file has 8 s) slows both. Each upload's score
    # differs from the one on screen before it, so the wait cannot end on the last report.
    normal = min(
        _seconds_to_result(good, "cv1.pdf", _resume_variant("Python, PyTorch")),
        _seconds_to_result(good, "cv2.pdf", _resume_variant("Python, Kubernetes")),
    )

    bad.locator(".st-key-resume_file input[type=file]").set_input_files(
        {"name": "hostile.pdf", "mimeType": "application/pdf", "buffer": hostile}
    )
    bad.locator(".st-key-analyze button").click()
    bad.wait_for_timeout(1000)  # the hostile file is being read
    beside = min(
        _seconds_to_result(good, "cv3.pdf", _resume_variant("Python, PyTorch, Kubernetes")),
        _seconds_to_result(good, "cv4.pdf", _resume_variant("Python, Docker, Kubernetes")),
    )
    print(f"\ngood upload to result: {normal:.2f} s alone, {beside:.2f} s beside a hostile PDF")
    assert beside < normal + 1.0

    alert = bad.locator("[data-testid='stAlert']").filter(has_text="hostile.pdf")
    alert.first.wait_for(timeout=40_000)
    assert f"took longer than {READ_TIMEOUT_S} s and was stopped" in alert.first.inner_text()
    assert bad.locator("[data-testid='stException']").count() == 0
    for page in pages:
        page.context.close()
