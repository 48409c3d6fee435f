"""Reading order of plain text laid out in two columns.

Text kept with its layout from a two-column resume (``pdftotext -layout``, some resume sites'
plain-text export) holds a row of both columns on each line, so the right column cuts every
sentence of the left one ("the necessary com-   Goodie Nation" / "munication skills"). Here each
line becomes a row of words placed by character position, and the PDF reader's gutter search
(:func:`skillgap.documents.columns.gutter`) finds the two-column regions. When both columns hold
running text, a region is read left column first, then right; every other line stays as it is,
and so do tables and dates aligned beside one-column entries.
"""

from __future__ import annotations

import re
import textwrap

from skillgap.documents.columns import Row, Segment, gutter, regions

# A character of monospaced layout text counted as 5 points, about its width at resume font
# sizes: a gap of 3 spaces is then a gutter (columns.MIN_GUTTER), the 1 between words is not.
_CHAR_POINTS = 5.0
_LINE_POINTS = 12.0
_GAPPED_LINE_RE = re.compile(r"\S {3,}\S")
_MIN_GAPPED_LINES = 5  # fewer lines with a wide gap: no column layout worth the search
# Far more than a page of layout text holds (two pages run together included): beyond them the
# text is read as it stands, so the gutter search stays within some 0.1 s.
_MAX_PAGE_CHARS = 50_000
_MAX_TEXT_CHARS = 200_000  # pages after these many characters (no resume's) stay as they are
_MAX_LINE_CHARS = 250
_MAX_PAGE_WORDS = 3000
_WORD_RE = re.compile(r"\S+")
# Both columns of a page layout hold running text. A table ("Python      5 years", "Languages
# Python, SQL") or a column of dates and places beside one-column entries ("Aug 2022 - Present",
# "Fairfax, VA") has short cells on one side: splitting it would part an entry from its dates.
_MIN_TEXT_ROWS = 3  # rows per side with at least _MIN_ROW_WORDS words of letters
_MIN_ROW_WORDS = 3
_LETTER_WORD_RE = re.compile(r"[^\W\d_]{2,}")


def column_text(text: str) -> str:
    """``text`` with the two-column regions of each page (pages end at form feeds) read one
    column after the other; a text too long for a resume is searched only at its start.

    >>> rows = [f"left {i} of the main column text   right side {i} here" for i in range(6)]
    >>> print(column_text("\\n".join(rows)).split("\\n")[::6])
    ['left 0 of the main column text', '', 'right side 5 here']
    """
    pages, read = [], 0
    for page in text.split("\f"):
        read += len(page)
        pages.append(_page(page) if read <= _MAX_TEXT_CHARS else page)
    return "\f".join(pages)


def _page(page: str) -> str:
    if len(page) > _MAX_PAGE_CHARS:
        return page
    lines = page.split("\n")
    if max(map(len, lines)) > _MAX_LINE_CHARS:
        return page
    if sum(1 for line in lines if _GAPPED_LINE_RE.search(line)) < _MIN_GAPPED_LINES:
        return page
    if "\t" in page:
        lines = [line.expandtabs() for line in lines]
    rows = [_words(line, i) for i, line in enumerate(lines)]
    if sum(len(row) for row in rows) > _MAX_PAGE_WORDS:
        return page
    found = gutter(rows, 0.0, max(len(line) for line in lines) * _CHAR_POINTS)
    if found is None:
        return page
    split, flags = found
    cut = round(split / _CHAR_POINTS)  # no word lies within a character or so of the gutter
    split_lines = [line for line, flag in zip(lines, flags, strict=True) if flag]
    left, right = [line[:cut] for line in split_lines], [line[cut:] for line in split_lines]
    if not (_runs_text(left) and _runs_text(right)):
        return page
    out: list[str] = []
    for region, is_split in regions(lines, flags):
        if is_split:
            out.extend(_column([line[:cut] for line in region], region))
            out.append("")
            right_column = "\n".join(_column([line[cut:] for line in region], region))
            out.extend(textwrap.dedent(right_column).split("\n"))
        else:
            out.extend(region)
    return "\n".join(out)


def _runs_text(parts: list[str]) -> bool:
    """Whether one side of the two-column rows holds running text, not a table's short cells."""
    rows = sum(len(_LETTER_WORD_RE.findall(part)) >= _MIN_ROW_WORDS for part in parts)
    return rows >= _MIN_TEXT_ROWS


def _column(parts: list[str], lines: list[str]) -> list[str]:
    """One column's lines; a line blank only because its text stood in the other column goes."""
    return [
        p.rstrip() for p, line in zip(parts, lines, strict=True) if p.strip() or not line.strip()
    ]


def _words(line: str, index: int) -> Row:
    """The words of line ``index`` as segments: x from character positions, lines top down."""
    top = -index * _LINE_POINTS
    return [
        Segment(
            m.start() * _CHAR_POINTS, top - _LINE_POINTS, m.end() * _CHAR_POINTS, top, m.group()
        )
        for m in _WORD_RE.finditer(line)
    ]
