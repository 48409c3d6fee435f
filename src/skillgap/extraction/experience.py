"""Years of experience a resume shows for a skill, from the dates of its experience entries.

An entry of the experience section starts on the line holding a date range ("2018 - 2021",
"Jan 2019 – Present", "03/2020 to 06/2022") and runs to the next such line. A skill named in
entries covering 2018-2021 and 2022-2024 has been used for five years; overlapping entries are
counted once.
"""

from __future__ import annotations

import re
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


_RANGE_RE = re.compile(
    _date(1) + r"\s*(?:-|–|—|to|until)\s*(?:" + _date(2) + r"|(?P<now>present|current|now|today))",
    re.IGNORECASE,
)


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
    for match in _RANGE_RE.finditer(text):
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
