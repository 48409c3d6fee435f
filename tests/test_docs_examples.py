"""The examples in docstrings are run, so the documented behaviour stays true.

Every module of the package is collected automatically: a new module's examples run without
anyone adding it to a list. Streamlit page scripts (``ui/app_pages``) are skipped: importing one
draws a page.
"""

from __future__ import annotations

import doctest
import importlib
import importlib.util
import pkgutil

import pytest

import skillgap

_PAGE_SCRIPTS = "skillgap.ui.app_pages."


def _modules_with_examples() -> list[str]:
    names = ["skillgap"]
    for info in pkgutil.walk_packages(skillgap.__path__, prefix="skillgap."):
        if info.name.startswith(_PAGE_SCRIPTS):
            continue
        spec = importlib.util.find_spec(info.name)
        origin = spec.origin if spec else None
        if origin and origin.endswith(".py"):
            with open(origin, encoding="utf-8") as source:
                if ">>>" in source.read():
                    names.append(info.name)
    return names


@pytest.mark.parametrize("module", _modules_with_examples())
def test_docstring_examples(module):
    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


def test_examples_are_collected_from_the_whole_package():
    collected = _modules_with_examples()
    assert "skillgap.extraction.forms" in collected
    assert "skillgap.documents.normalize" in collected
    assert not any(name.startswith(_PAGE_SCRIPTS) for name in collected)


def test_public_names_resolve():
    for name in skillgap.__all__:
        assert getattr(skillgap, name) is not None
