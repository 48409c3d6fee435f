"""Cells that are safe to open in a spreadsheet."""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralize(value: object) -> object:
    """``value`` with a leading ``'`` if it is text a spreadsheet would execute.

    >>> neutralize("=HYPERLINK(1)"), neutralize("-1"), neutralize(-1), neutralize("python")
    ("'=HYPERLINK(1)", "'-1", -1, 'python')
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
