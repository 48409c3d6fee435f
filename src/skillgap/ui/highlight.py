"""Evidence in context: the lines of a posting that mention a skill, with the mentions marked.

All user text is escaped with ``html.escape`` before the ``<mark>`` tags are added.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

Span = tuple[int, int]
ELLIPSIS = " … "


def _clean_spans(spans: Iterable[Span], length: int) -> list[Span]:
    """Spans clamped to the text, empty ones dropped, sorted and merged where they overlap."""
    merged: list[Span] = []
    for start, end in sorted((max(0, s), min(length, e)) for s, e in spans):
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def mark(text: str, spans: Iterable[Span]) -> str:
    """``text`` as HTML with every span wrapped in ``<mark>``.

    >>> mark("<b>PyTorch</b> & Docker", [(3, 10), (17, 23)])
    '&lt;b&gt;<mark>PyTorch</mark>&lt;/b&gt; &amp; <mark>Docker</mark>'
    """
    out: list[str] = []
    position = 0
    for start, end in _clean_spans(spans, len(text)):
        out.append(html.escape(text[position:start]))
        out.append(f"<mark>{html.escape(text[start:end])}</mark>")
        position = end
    out.append(html.escape(text[position:]))
    return "".join(out)


def _window(text: str, start: int, end: int, radius: int) -> Span:
    """The line holding ``text[start:end]``, cut to ``radius`` characters either side."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    return max(line_start, start - radius), min(line_end, end + radius)


def excerpt(text: str, spans: Iterable[Span], radius: int = 90) -> str:
    """HTML of the lines around ``spans`` (each cut to ``radius`` characters), spans marked.

    >>> excerpt("Intro\\nMust know Docker well.\\nOther", [(16, 22)])
    'Must know <mark>Docker</mark> well.'
    """
    spans = _clean_spans(spans, len(text))
    windows = _clean_spans((_window(text, s, e, radius) for s, e in spans), len(text))
    parts = []
    for w_start, w_end in windows:
        inside = [(s - w_start, e - w_start) for s, e in spans if w_start <= s < w_end]
        snippet = text[w_start:w_end]
        stripped = snippet.lstrip()
        offset = len(snippet) - len(stripped)
        inside = [(s - offset, e - offset) for s, e in inside]
        prefix = "…" if w_start > 0 and text[w_start - 1] != "\n" else ""
        suffix = "…" if w_end < len(text) and text[w_end] != "\n" else ""
        parts.append(prefix + mark(stripped.rstrip(), inside) + suffix)
    return ELLIPSIS.join(parts)


_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def md_escape(text: str) -> str:
    """User text made literal for Streamlit Markdown (labels, captions): specials get a backslash.

    >>> md_escape("[click](x) *now* $5")
    '\\\\[click\\\\]\\\\(x\\\\) \\\\*now\\\\* \\\\$5'
    """
    return _MARKDOWN_SPECIALS.sub(r"\\\1", text)
