"""Shared fixtures: the repository root and the optional development set in ../shared."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from skillgap.user_cache import CACHE_ENV

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def pytest_configure(config: pytest.Config) -> None:
    """Tests (and the servers and CLIs they start) keep skillgap's cache in a folder of their own,
    never in the user's."""
    if CACHE_ENV not in os.environ:
        os.environ[CACHE_ENV] = tempfile.mkdtemp(prefix="skillgap-test-cache-")
        config.add_cleanup(lambda: shutil.rmtree(os.environ.pop(CACHE_ENV), ignore_errors=True))


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder of this test's own (``SKILLGAP_CACHE_DIR``)."""
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    return tmp_path


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The project's ../shared folder; tests using it skip on users' clones, which lack it."""
    if not (SHARED / "eval" / "labels.jsonl").is_file():
        pytest.skip("../shared (development set) is not available")
    return SHARED
