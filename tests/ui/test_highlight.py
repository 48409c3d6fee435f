"""Evidence highlighting: user text is always escaped, marks land on the given spans."""

from __future__ import annotations

import html
import re

from hypothesis import given
from hypothesis import strategies as st

from skillgap.ui.highlight import excerpt, mark, md_escape

spans = st.lists(st.tuples(st.integers(-5, 60), st.integers(-5, 60)), max_size=6)


def unmarked(markup: str) -> str:
    return markup.replace("<mark>", "").replace("</mark>", "")


@given(text=st.text(max_size=60), spans=spans)
def test_mark_escapes_everything_and_keeps_the_text(text: str, spans) -> None:
    markup = mark(text, spans)
    assert "<" not in unmarked(markup) and ">" not in unmarked(markup)
    assert html.unescape(unmarked(markup)) == text


@given(text=st.text(max_size=200), spans=spans)
def test_excerpt_is_escaped_and_marks_are_balanced(text: str, spans) -> None:
    markup = excerpt(text, spans, radius=10)
    assert "<" not in unmarked(markup)
    assert markup.count("<mark>") == markup.count("</mark>")


def test_overlapping_spans_are_merged() -> None:
    assert mark("PyTorch Lightning", [(0, 7), (3, 17)]) == "<mark>PyTorch Lightning</mark>"


def test_excerpt_keeps_only_the_lines_with_evidence() -> None:
    text = "About us\nWe ship robots.\n- 3+ years of Docker\n- Kubernetes a plus\nBenefits"
    docker = text.index("Docker")
    kube = text.index("Kubernetes")
    assert excerpt(text, [(docker, docker + 6), (kube, kube + 10)]) == (
        "- 3+ years of <mark>Docker</mark> … - <mark>Kubernetes</mark> a plus"
    )


def test_long_lines_are_cut_around_the_mention() -> None:
    text = "x" * 300 + " Docker " + "y" * 300
    start = text.index("Docker")
    out = excerpt(text, [(start, start + 6)], radius=20)
    assert out.startswith("…") and out.endswith("…")
    assert len(unmarked(out)) < 60


def test_md_escape_makes_markdown_literal() -> None:
    assert md_escape("**bold** [x](javascript:1) $x$") == (
        r"\*\*bold\*\* \[x\]\(javascript\:1\) \$x\$"
    )
    assert re.sub(r"\\(.)", r"\1", md_escape("a_b#c")) == "a_b#c"
