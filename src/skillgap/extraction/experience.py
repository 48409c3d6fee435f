"""Years of experience a resume shows for a skill, from the dates of its experience entries.

An entry of the experience section starts on the line holding a date range ("2018 - 2021",
"Jan 2019 – Present", "03/2020 to 06/2022") and runs to the next such line. A skill named in
entries covering 2018-2021 and 2022-2024 has been used for five years; overlapping entries are
counted once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from skillgap.extraction.sections import SectionMap

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"


def _date(n: int) -> str:
    return (
        rf"(?:(?P<name{n}>{_MONTH})\s+|(?P<num{n}>0?[1-9]|1[0-2])[/.-])?(?P<year{n}>(?:19|20)\d\d)"
    )


_SEPARATOR = r"\s*(?:-|–|—|to|until)"
_RANGE_RE = re.compile(
    _date(1) + _SEPARATOR + r"\s*(?:" + _date(2) + r"|(?P<now>present|current|now|today))",
    re.IGNORECASE,
)
# Every range holds its first year and separator; this plain expression finds them far faster
# than the full one scans a text, which is then tried only where a range can begin.
_YEAR_AND_SEPARATOR_RE = re.compile(r"(?:19|20)\d\d" + _SEPARATOR, re.IGNORECASE)


@dataclass(frozen=True)
class Entry:
    """One experience entry: its characters and the months it covers (as month numbers)."""

    start: int
    end: int
    first_month: int
    last_month: int


def _month_number(match: re.Match[str], n: int, default_month: int) -> int:
    year = int(match.group(f"year{n}"))
    name, num = match.group(f"name{n}"), match.group(f"num{n}")
    month = _MONTHS[name[:3].lower()] if name else int(num) if num else default_month
    return year * 12 + month - 1


def experience_entries(text: str, sections: SectionMap, today: date | None = None) -> list[Entry]:
    """The dated entries of the experience section, in text order."""
    today = today or date.today()
    now = today.year * 12 + today.month - 1
    ranges = []
    for match in date_ranges(text):
        if sections.at(match.start()) != "experience":
            continue
        first = _month_number(match, 1, default_month=1)
        if match.group("now"):
            last = now
        elif match.group("name2") or match.group("num2"):
            last = _month_number(match, 2, default_month=1)
        else:  # "2018 - 2021" reads as three years, "2021 - 2021" as one
            last = max(_month_number(match, 2, default_month=1) - 1, first + 11)
        if first <= last <= now + 1:
            ranges.append((text.rfind("\n", 0, match.start()) + 1, first, last))
    entries = []
    for i, (start, first, last) in enumerate(ranges):
        end = ranges[i + 1][0] if i + 1 < len(ranges) else _section_end(text, sections, start)
        entries.append(Entry(start, max(start, end), first, last))
    return entries


def date_ranges(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``_RANGE_RE.finditer(text)``, found from their first years: a range starts
    at its year or in the word or date before it ("Jan 2019", "03/2019")."""
    last_end = 0
    for anchor in _YEAR_AND_SEPARATOR_RE.finditer(text):
        year = anchor.start()
        if year < last_end:
            continue
        begin = _word_start(text, year)
        if begin == year:  # the year starts a word: a month name may stand one word before it
            begin = _word_start(text, _space_start(text, year))
        for start in range(max(begin, last_end), year + 1):
            match = _RANGE_RE.match(text, start)
            if match:
                last_end = match.end()
                yield match
                break


def _word_start(text: str, end: int) -> int:
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return start


def _space_start(text: str, end: int) -> int:
    start = end
    while start > 0 and text[start - 1].isspace():
        start -= 1
    return start


def _section_end(text: str, sections: SectionMap, offset: int) -> int:
    later = [s for s in sections.starts if s > offset]
    return min(later) if later else len(text)


def years_used(offsets: list[int], entries: list[Entry]) -> float | None:
    """Years covered by the entries holding any of ``offsets`` (overlaps counted once)."""
    spans = sorted(
        (e.first_month, e.last_month) for e in entries if any(e.start <= o < e.end for o in offsets)
    )
    if not spans:
        return None
    months, (low, high) = 0, spans[0]
    for first, last in spans[1:]:
        if first > high + 1:
            months += high - low + 1
            low, high = first, last
        else:
            high = max(high, last)
    months += high - low + 1
    return round(months / 12, 1)
