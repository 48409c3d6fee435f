"""The examples in docstrings are run, so the documented behaviour stays true."""

from __future__ import annotations

import doctest
import importlib

import pytest


@pytest.mark.parametrize(
    "module",
    [
        "skillgap",
        "skillgap.extraction.extract",
        "skillgap.extraction.forms",
        "skillgap.taxonomy",
        "skillgap.documents",
        "skillgap.documents.model",
        "skillgap.analysis.report",
        "skillgap.batch",
        "skillgap.ui.custom_taxonomy",
    ],
)
def test_docstring_examples(module):
    result = doctest.testmod(importlib.import_module(module))
    assert result.attempted > 0
    assert result.failed == 0


def test_public_names_resolve():
    import skillgap

    for name in skillgap.__all__:
        assert getattr(skillgap, name) is not None
