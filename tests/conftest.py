"""Shared fixtures: the repository root and the optional development set in ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The project's ../shared folder; tests using it skip on users' clones, which lack it."""
    if not (SHARED / "eval" / "labels.jsonl").is_file():
        pytest.skip("../shared (development set) is not available")
    return SHARED
