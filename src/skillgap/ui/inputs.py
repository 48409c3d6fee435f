"""The documents the job seeker gives: read texts, and postings split from one text box."""

from __future__ import annotations

import re
from dataclasses import dataclass

_SEPARATOR = re.compile(r"^[ \t]*-{3,}[ \t]*$", re.MULTILINE)


@dataclass(frozen=True)
class Input:
    """A resume or posting ready to analyze: its name, normalised text and reading warnings."""

    source: str
    text: str
    warnings: tuple[str, ...] = ()


def split_postings(text: str) -> list[str]:
    """Several postings pasted in one box, separated by lines holding only ``---``.

    >>> split_postings("ML Engineer\\nPython\\n---\\nData Scientist\\n  ---  \\n\\n")
    ['ML Engineer\\nPython', 'Data Scientist']
    """
    return [part.strip() for part in _SEPARATOR.split(text) if part.strip()]
