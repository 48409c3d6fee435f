"""The examples in the workspace docstrings are run, so they stay true."""

from __future__ import annotations

import doctest
import importlib

import pytest


@pytest.mark.parametrize(
    "module",
    [
        "skillgap.workspace",
        "skillgap.workspace.service",
        "skillgap.workspace.progress",
        "skillgap.workspace.stamp",
    ],
)
def test_docstring_examples(module: str) -> None:
    result = doctest.testmod(importlib.import_module(module))
    assert result.attempted > 0
    assert result.failed == 0
