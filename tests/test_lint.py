"""The style gate of CI: ruff lint and format checks over the whole repository, mypy over src."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
RUFF = shutil.which("ruff")


@pytest.mark.skipif(RUFF is None, reason="ruff is not installed (pip install -e '.[dev]')")
@pytest.mark.parametrize("args", [["check", "."], ["format", "--check", "."]])
def test_ruff_is_clean(args):
    result = subprocess.run([RUFF, *args], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


MYPY = shutil.which("mypy")


@pytest.mark.slow
@pytest.mark.skipif(MYPY is None, reason="mypy is not installed (pip install -e '.[dev]')")
def test_mypy_is_clean():
    result = subprocess.run([MYPY], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
