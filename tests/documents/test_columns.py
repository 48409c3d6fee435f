"""Reading order of two-column pages, on hand-made text segments."""

from __future__ import annotations

from skillgap.documents.columns import Segment, column_lines

PAGE = (0.0, 595.0)


def row(y: float, *pieces: tuple[float, float, str]) -> list[Segment]:
    return [Segment(left, y, right, y + 10, text) for left, right, text in pieces]


def two_columns(rows: int = 8) -> list[Segment]:
    segments = []
    for index in range(rows):
        y = 700 - 14 * index
        segments += row(y, (50, 240, f"left {index}"), (300, 540, f"right {index}"))
    return segments


def test_columns_are_read_one_after_the_other() -> None:
    lines = column_lines(two_columns(), *PAGE)
    assert lines == [f"left {i}" for i in range(8)] + [f"right {i}" for i in range(8)]


def test_full_width_lines_split_the_page_into_regions() -> None:
    header = row(760, (50, 540, "Jane Roe, Machine Learning Engineer"))
    footer = row(500, (50, 540, "References available on request"))
    lines = column_lines(header + two_columns() + footer, *PAGE)
    assert lines is not None
    assert lines[0] == "Jane Roe, Machine Learning Engineer"
    assert lines[1:9] == [f"left {i}" for i in range(8)]
    assert lines[9:17] == [f"right {i}" for i in range(8)]
    assert lines[-1] == "References available on request"


def test_single_column_page_keeps_the_pdf_order() -> None:
    segments = []
    for index in range(10):
        segments += row(700 - 14 * index, (50, 540, f"a full-width line {index}"))
    assert column_lines(segments, *PAGE) is None


def test_a_narrow_date_column_is_not_a_column() -> None:
    segments = []
    for index in range(8):
        segments += row(700 - 14 * index, (80, 138, "2019 – 2021"), (147, 520, f"Job {index}"))
    assert column_lines(segments, *PAGE) is None


def test_a_few_right_aligned_lines_are_not_a_column() -> None:
    segments = row(760, (50, 200, "Jane Roe"), (420, 540, "jane@example.org"))
    segments += row(740, (50, 220, "Data Scientist"), (440, 540, "+1 555 0100"))
    segments += row(700, (50, 540, "Summary of a long career in data science and statistics"))
    assert column_lines(segments, *PAGE) is None


def test_columns_with_different_line_spacing() -> None:
    segments = []
    for index in range(10):
        segments += row(700 - 14 * index, (50, 240, f"left {index}"))
        segments += row(703 - 11.5 * index, (300, 540, f"right {index}"))
    lines = column_lines(segments, *PAGE)
    assert lines == [f"left {i}" for i in range(10)] + [f"right {i}" for i in range(10)]


def test_segments_of_one_line_are_joined_left_to_right() -> None:
    segments = two_columns()
    segments += row(700 - 14 * 8, (120, 240, "tail"), (50, 110, "head"))
    lines = column_lines(segments, *PAGE)
    assert lines is not None
    assert "head tail" in lines


def test_empty_page() -> None:
    assert column_lines([], *PAGE) is None
