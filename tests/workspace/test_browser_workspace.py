"""The coach flow in a real headless Chromium: sign in, add a client, two analyses; the client,
both snapshots and the score change survive a page reload and a server restart."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator

import pytest
from tests.ui.test_browser import (
    ARTIFACTS,
    CHROMIUM_ARGS,
    REPO,
    TIMEOUT_MS,
    _free_port,
    _settle,
    _wait_healthy,
    sync_api,
)
from tests.workspace.reports import POSTINGS, RESUME_AFTER, RESUME_BEFORE

from skillgap.analysis.report import analyze
from skillgap.workspace import Workspace
from skillgap.workspace.config import CONFIG_ENV, WorkspaceConfig, save_config
from skillgap.workspace.database import DATABASE_URL_ENV, sqlite_url

pytestmark = [pytest.mark.browser, pytest.mark.slow]
PASSWORD = "coach password"
ANALYSIS_TIMEOUT_MS = 180_000
LOADED_MACHINE_TIMEOUT_MS = 90_000  # a busy CI box can take longer than Playwright's 30 s


@pytest.fixture
def workspace_env(tmp_path) -> dict[str, str]:
    """A workspace config (coach ada) with one posting set, as the server's environment."""
    url = sqlite_url(tmp_path / "ws.sqlite3")
    config = WorkspaceConfig(database_url=url)
    config.add_coach("ada", PASSWORD)
    path = save_config(config, tmp_path / "ws.json")
    ws = Workspace.open(url, "ada")
    ws.add_posting_set("ml jobs", POSTINGS)
    ws.engine.dispose()
    env = {k: v for k, v in os.environ.items() if k != DATABASE_URL_ENV}
    return env | {CONFIG_ENV: str(path)}


class Server:
    """``streamlit run app.py`` on a free port, restartable."""

    def __init__(self, env: dict[str, str]) -> None:
        self.env, self.port = env, _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        command = [
            sys.executable, "-m", "streamlit", "run", "app.py",
            "--server.headless", "true", "--server.port", str(self.port),
            "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
        ]  # fmt: skip
        with (ARTIFACTS / "streamlit-workspace.log").open("ab") as log:
            self.process = subprocess.Popen(
                command, cwd=REPO, stdout=log, stderr=subprocess.STDOUT, env=self.env
            )
        _wait_healthy(self.url, self.process)

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()


@pytest.fixture
def server(workspace_env) -> Iterator[Server]:
    running = Server(workspace_env)
    running.start()
    yield running
    running.stop()


def _open_workspace(page, url: str) -> None:
    page.goto(f"{url}/workspace")
    page.get_by_label("User name").wait_for(timeout=TIMEOUT_MS)
    _settle(page)
    page.get_by_label("User name").fill("ada")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.locator(".st-key-workspace_client_pick, [data-testid='stExpander']").first.wait_for(
        timeout=TIMEOUT_MS
    )
    _settle(page)


def _add_client(page, name: str) -> None:
    """Add a client with the form; again if a rerun on a busy machine lost the typing (the
    client list, and its picker, appear once the client is saved)."""
    picker = page.locator(".st-key-workspace_client_pick input")
    for _ in range(3):
        page.get_by_label("Display name").fill(name)
        page.get_by_role("button", name="Add client").click()
        _settle(page)
        try:
            picker.wait_for(timeout=20_000)
            return
        except sync_api.TimeoutError:
            continue
    picker.wait_for(timeout=TIMEOUT_MS)


def _pick_client(page, name: str) -> None:
    page.locator(".st-key-workspace_client_pick input").click()
    page.keyboard.type(name)
    page.get_by_role("option", name=name).click()
    page.locator(".st-key-workspace_client").get_by_text(name).first.wait_for(timeout=TIMEOUT_MS)
    _settle(page)


def _analyze(page, resume: str) -> None:
    box = page.locator(".st-key-workspace_resume_text textarea")
    box.fill(resume)
    box.press("Control+Enter")
    _settle(page)
    page.locator(".st-key-workspace_analyze button").click(timeout=TIMEOUT_MS)


def _check_client(page, analyses: int, change: str) -> None:
    client = page.locator(".st-key-workspace_client")
    client.get_by_text(f"{analyses} analyses").wait_for(timeout=ANALYSIS_TIMEOUT_MS)
    change_box = page.locator(".st-key-workspace_change")
    change_box.get_by_text(change).first.wait_for(timeout=TIMEOUT_MS)


def test_the_coach_flow_survives_reload_and_restart(server: Server) -> None:
    texts = [text for _, text in POSTINGS]
    before, after = analyze(RESUME_BEFORE, texts).score, analyze(RESUME_AFTER, texts).score
    change = f"{after - before:+g}"
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS, headless=True
        )
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.set_default_timeout(LOADED_MACHINE_TIMEOUT_MS)
        _open_workspace(page, server.url)
        page.get_by_text("Add a client").click()
        _add_client(page, "Sam Lee")
        _pick_client(page, "Sam Lee")
        _analyze(page, RESUME_BEFORE)
        # The first analysis loads the spaCy pipeline in the server: allow for a busy machine.
        page.locator(".st-key-workspace_client").get_by_text("1 analyses").wait_for(
            timeout=ANALYSIS_TIMEOUT_MS
        )
        _settle(page)
        _analyze(page, RESUME_AFTER)
        _check_client(page, 2, change)
        page.screenshot(path=str(ARTIFACTS / "workspace-client.png"), full_page=True)

        page.reload()
        _open_workspace(page, server.url)
        _pick_client(page, "Sam Lee")
        _check_client(page, 2, change)

        server.stop()
        server.start()
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.set_default_timeout(LOADED_MACHINE_TIMEOUT_MS)
        _open_workspace(page, server.url)
        _pick_client(page, "Sam Lee")
        _check_client(page, 2, change)
        assert page.locator("[data-testid='stException']").count() == 0
        browser.close()
