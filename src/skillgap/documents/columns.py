"""Reading order of a PDF page laid out in two columns.

Resume builders often draw both columns row by row, so the PDF's own text order interleaves them.
Here the page's text segments are grouped into rows, top to bottom. For each candidate gutter
position, runs of consecutive rows that leave a strip around it free form regions; a region whose
two sides both hold a real column of text is read left column first, then right. The position
covering the most text in such regions wins; every other row is read as it stands.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

Interval = tuple[float, float]
Row = list["Segment"]
T = TypeVar("T")

MIN_GUTTER = 12.0  # points; word gaps are 2-5 points, column gutters 15 and more
_ZONE = (0.2, 0.8)  # where a gutter may lie, as fractions of the page width
_STEP = 3.0  # points between candidate gutter positions
_MIN_ROWS_PER_SIDE = 5
_MIN_SIDE_EXTENT = 0.15  # each column spans at least this share of the page width
_MIN_SIDE_SHARE = 0.1  # and holds at least this share of the region's text
_PAD = 1.0


@dataclass(frozen=True)
class Segment:
    """A run of text on one line, with its box in PDF points (y grows upwards)."""

    left: float
    bottom: float
    right: float
    top: float
    text: str

    @property
    def core(self) -> Interval:
        """The middle half of the segment's height: rows are built from overlapping cores."""
        quarter = (self.top - self.bottom) / 4
        return self.bottom + quarter, self.top - quarter

    @property
    def center_x(self) -> float:
        return (self.left + self.right) / 2


def column_lines(segments: Sequence[Segment], left: float, right: float) -> list[str] | None:
    """The page's lines in reading order if it has a two-column region, else None.

    ``left`` and ``right`` are the page's horizontal bounds. None means "keep the PDF's own order".
    """
    rows = _group_rows(segments)
    found = gutter(rows, left, right)
    if found is None:
        return None
    split, flags = found
    lines: list[str] = []
    for region_rows, is_split in regions(rows, flags):
        members = [segment for row in region_rows for segment in row]
        if is_split:
            lines.extend(_lines([s for s in members if s.center_x < split]))
            lines.extend(_lines([s for s in members if s.center_x >= split]))
        else:
            lines.extend(_lines(members))
    return lines


def gutter(rows: list[Row], left: float, right: float) -> tuple[float, list[bool]] | None:
    """Where the gutter of the page's two-column regions lies and, for each row (top row
    first), whether it is in such a region; None if the page has none.

    The position whose regions hold the most text wins. A row may be empty (a blank line).
    """
    width = right - left
    if width <= 0 or not rows:
        return None
    best_x, best_score, best_flags = None, 0, []
    x = left + _ZONE[0] * width
    while x <= left + _ZONE[1] * width:
        flags = _two_column_rows(rows, x, width)
        score = sum(len(s.text) for row, flag in zip(rows, flags, strict=True) if flag for s in row)
        if score > best_score:
            best_x, best_score, best_flags = x, score, flags
        x += _STEP
    return None if best_x is None else (best_x, best_flags)


def _group_rows(segments: Sequence[Segment]) -> list[Row]:
    """Segments grouped into rows whose cores overlap, top row first."""
    rows: list[Row] = []
    row_bottom = 0.0
    for segment in sorted(segments, key=lambda s: -s.core[1]):
        core_bottom, core_top = segment.core
        if rows and core_top > row_bottom:
            rows[-1].append(segment)
            row_bottom = min(row_bottom, core_bottom)
        else:
            rows.append([segment])
            row_bottom = core_bottom
    return rows


def regions(rows: Sequence[T], flags: list[bool]) -> list[tuple[list[T], bool]]:
    """Consecutive rows (or lines) with the same flag of ``gutter``, as (rows, is_two_columns),
    top to bottom."""
    found: list[tuple[list[T], bool]] = []
    for row, flag in zip(rows, flags, strict=True):
        if found and found[-1][1] == flag:
            found[-1][0].append(row)
        else:
            found.append(([row], flag))
    return found


def _two_column_rows(rows: list[Row], x: float, width: float) -> list[bool]:
    """For each row, whether it lies in a two-column region split at ``x``."""
    half = MIN_GUTTER / 2
    free = [
        all(s.right + _PAD <= x - half or s.left - _PAD >= x + half for s in row) for row in rows
    ]
    flags = [False] * len(rows)
    start = 0
    while start < len(rows):
        if not free[start]:
            start += 1
            continue
        end = start
        while end < len(rows) and free[end]:
            end += 1
        if _is_two_columns(rows[start:end], x, width):
            flags[start:end] = [True] * (end - start)
        start = end
    return flags


def _is_two_columns(rows: list[Row], x: float, width: float) -> bool:
    """Whether both sides of ``x`` hold a real column of text in ``rows``."""
    if len(rows) < _MIN_ROWS_PER_SIDE:
        return False
    chars = []
    for is_left in (True, False):
        side = [[s for s in row if (s.center_x < x) == is_left] for row in rows]
        members = [s for row in side if row for s in row]
        if sum(1 for row in side if row) < _MIN_ROWS_PER_SIDE:
            return False
        if max(s.right for s in members) - min(s.left for s in members) < _MIN_SIDE_EXTENT * width:
            return False
        chars.append(sum(len(s.text.strip()) for s in members))
    return min(chars) >= _MIN_SIDE_SHARE * sum(chars) > 0


def _lines(segments: list[Segment]) -> list[str]:
    """Text lines of one column: rows top to bottom, segments of a row left to right."""
    lines = []
    for row in _group_rows(segments):
        parts = [" ".join(s.text.split()) for s in sorted(row, key=lambda s: s.left)]
        line = " ".join(part for part in parts if part)
        if line:
            lines.append(line)
    return lines
