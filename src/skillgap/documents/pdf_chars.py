"""Words and lines of a PDF page rebuilt from the positions of its characters.

PDFium infers the spaces between words from the gaps between glyphs. Where a PDF positions
letters one by one with a little tracking (letter-spaced headings, some LaTeX and design-tool
output), every gap passes for a space and "Python" comes out as "P y t h o n". Here each line
keeps PDFium's order and line breaks, but where most letter gaps of a run are themselves wide,
a space is only put where a gap exceeds that tracking by half a word space. Runs of a line
drawn apart become separate segments, so ``columns`` can find a gutter between them.
"""

from __future__ import annotations

import ctypes
import itertools
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Literal, NamedTuple

import pypdfium2.raw as pdfium_c

from skillgap.documents.columns import Segment

Gap = Literal["space", "soft", "broken", "none"]

_TRACKED = 0.06  # ems: a run whose letter gaps are wider than this is letter-spaced
# ems: a typical word space. A fixed share rather than read from the font, whose subset often
# has no space glyph (LaTeX output never draws one).
_SPACE = 0.25
_AMBIGUOUS = 0.8  # letter gaps from this share of a word space on could be word spaces
_RUN_BREAK = 1.0  # ems: a wider gap separates two runs (table cells, columns)
_MIN_GAPS = 2  # fewer letter gaps than this cannot show tracking
_HYPHENS = "\x02\ufffe"  # PDFium's marks of a hyphen at a line end
_BLANK = (0.0, 0.0, 0.0, 0.0)


class Glyph(NamedTuple):
    """One drawn character: its index on the page, its text, its advance box in PDF points (y
    grows upwards), the size of its font, and what separates it from the glyph before on the
    line: a space character of the PDF, a space PDFium inferred ("soft"), a line break PDFium
    inferred though the glyphs sit side by side ("broken"), or nothing."""

    char_index: int
    text: str
    left: float
    bottom: float
    right: float
    top: float
    em: float
    gap: Gap
    upright: bool


def page_lines(textpage: Any) -> list[list[Segment]]:
    """The page's lines in PDFium's order, each as its runs: text segments with their boxes.

    A line is cut into runs where two glyphs of different text objects (PDF text-showing
    operations) lie more than ``_RUN_BREAK`` ems apart: table cells and columns are drawn
    apart, while a date pushed to the right margin within its line's object stays with it.
    """
    raw = textpage.raw

    def same_object(first: int, second: int) -> bool:
        objects = (pdfium_c.FPDFText_GetTextObject(raw, i) for i in (first, second))
        one, two = (ctypes.cast(o, ctypes.c_void_p).value for o in objects)
        return one is not None and one == two

    lines = _glyph_lines(_characters(textpage))
    return [[_segment(run) for run in _split_runs(line, same_object)] for line in lines]


def _glyph_lines(
    characters: Iterator[tuple[int, str, bool, tuple[float, float, float, float], float, bool]],
) -> list[list[Glyph]]:
    """The glyphs line by line in PDFium's order.

    A line break PDFium inferred between two glyphs that sit side by side on one baseline is
    taken as a space (it does so between letters drawn one by one); an upright glyph wholly
    below the one before starts a new line even where PDFium marked none.
    """
    lines: list[list[Glyph]] = []
    line: list[Glyph] = []
    gap: Gap = "none"
    pending: Literal["hard", "inferred"] | None = None  # a line break since the last glyph
    for index, text, generated, box, em, upright in characters:
        if text in "\r\n":
            pending = "inferred" if generated and pending != "hard" else "hard"
        elif text.isspace():
            gap = "soft" if generated and gap == "none" else "space"
        else:
            glyph = Glyph(index, "-" if text in _HYPHENS else text, *box, em, gap, upright)
            if line and pending == "inferred" and _side_by_side(line[-1], glyph):
                glyph = glyph._replace(gap="space" if gap == "space" else "broken")
            elif line and (pending is not None or (upright and glyph.top <= line[-1].bottom)):
                lines.append(line)
                line = []
            line.append(glyph)
            gap = "none"
            pending = "hard" if text in _HYPHENS else None  # a hyphen ends its line
    if line:
        lines.append(line)
    return lines


def _side_by_side(before: Glyph, glyph: Glyph) -> bool:
    """Whether ``glyph`` follows ``before`` on the same line, at most a run break away."""
    if not (before.upright and glyph.upright):
        return False
    overlap = min(before.top, glyph.top) - max(before.bottom, glyph.bottom)
    height = min(before.top - before.bottom, glyph.top - glyph.bottom)
    gap = glyph.left - before.right
    em = max(before.em, glyph.em)
    return overlap >= height / 2 and -_SPACE * em <= gap <= _RUN_BREAK * em


def _characters(
    textpage: Any,
) -> Iterator[tuple[int, str, bool, tuple[float, float, float, float], float, bool]]:
    """Each character of the page: index, text, whether PDFium generated it, advance box, em,
    upright.

    The text comes in one call; a glyph's em and uprightness are asked of PDFium only when its
    box height differs from the glyph's before (they come with the font and its matrix).
    """
    raw = textpage.raw
    count = pdfium_c.FPDFText_CountChars(raw)
    text = textpage.get_text_range()
    if len(text) != count:  # characters beyond the Basic Multilingual Plane: one by one
        text = "".join(_code_point(pdfium_c.FPDFText_GetUnicode(raw, i)) for i in range(count))
    box = pdfium_c.FS_RECTF()
    height, em, upright = -1.0, 0.0, True
    for index, char in enumerate(text):
        if char == "\0":
            continue
        if char.isspace():
            yield index, char, bool(pdfium_c.FPDFText_IsGenerated(raw, index)), _BLANK, 0.0, True
            continue
        pdfium_c.FPDFText_GetLooseCharBox(raw, index, ctypes.byref(box))
        if box.top - box.bottom != height:
            height = box.top - box.bottom
            size = pdfium_c.FPDFText_GetFontSize(raw, index)
            em = size if height / 2 <= size <= height * 2 else height
            upright = abs(pdfium_c.FPDFText_GetCharAngle(raw, index)) < 0.01
        yield index, char, False, (box.left, box.bottom, box.right, box.top), em, upright


def _code_point(code: int) -> str:
    return "\ufffd" if 0xD800 <= code <= 0xDFFF or code > 0x10FFFF else chr(code)


def _split_runs(
    line: Sequence[Glyph], same_object: Callable[[int, int], bool]
) -> list[list[Glyph]]:
    """The line cut where the text jumps back, or where a gap between upright glyphs of
    different text objects is wider than ``_RUN_BREAK`` ems."""
    runs = [[line[0]]]
    for before, glyph in itertools.pairwise(line):
        if (
            before.upright
            and glyph.upright
            and (
                glyph.right <= before.left
                or (
                    glyph.left - before.right > _RUN_BREAK * max(before.em, glyph.em)
                    and not same_object(before.char_index, glyph.char_index)
                )
            )
        ):
            runs.append([glyph])
        else:
            runs[-1].append(glyph)
    return runs


def _segment(run: Sequence[Glyph]) -> Segment:
    return Segment(
        min(g.left for g in run),
        min(g.bottom for g in run),
        max(g.right for g in run),
        max(g.top for g in run),
        _run_text(run),
    )


def _run_text(run: Sequence[Glyph]) -> str:
    """The run's text with a space between words: PDFium's spaces, unless the run is
    letter-spaced (or PDFium saw a line break) between two glyphs; then a space only where
    the gap exceeds the tracking by half a word space."""
    tracking = _tracking(run)
    parts = [run[0].text]
    for before, glyph in itertools.pairwise(run):
        if glyph.gap == "space":
            spaced = True
        elif tracking is None and glyph.gap != "broken":
            spaced = glyph.gap == "soft"
        else:
            gap = glyph.left - before.right
            spaced = gap > (tracking or 0.0) + _SPACE / 2 * max(before.em, glyph.em)
        parts.append(f" {glyph.text}" if spaced else glyph.text)
    return "".join(parts)


def _tracking(run: Sequence[Glyph]) -> float | None:
    """The gap between the letters of a letter-spaced run, None if it is not one.

    Most gaps of a run lie inside words, so the lower quartile of the gaps is the tracking.
    Gaps about as wide as a word space are ambiguous ("A B C" or tracked "ABC") unless some
    gaps of the run are wider still.
    """
    gaps = sorted(b.left - a.right for a, b in itertools.pairwise(run) if b.gap != "space")
    if len(gaps) < _MIN_GAPS or not all(glyph.upright for glyph in run):
        return None
    tracking = gaps[len(gaps) // 4]
    em = sorted(glyph.em for glyph in run)[len(run) // 2]
    if tracking <= _TRACKED * em:
        return None
    if tracking < _AMBIGUOUS * _SPACE * em or gaps[-1] > tracking + _SPACE / 2 * em:
        return tracking
    return None
