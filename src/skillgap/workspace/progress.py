"""Progress between reports, as pure functions over report dicts and scores.

>>> before = {"meta": {"posting_set": "ml"}, "summary": {"score": 40.0},
...           "resume": {"skills": [{"id": "python", "name": "Python"}]},
...           "gaps": [{"id": "docker", "name": "Docker"}, {"id": "sql", "name": "SQL"}]}
>>> after = {"meta": {"posting_set": "ml"}, "summary": {"score": 55.5},
...          "resume": {"skills": [{"id": "python", "name": "Python"},
...                                {"id": "docker", "name": "Docker"}]},
...          "gaps": [{"id": "sql", "name": "SQL"}]}
>>> change = compare(before, after)
>>> change.score_change, change.gained, change.closed, change.warning
(15.5, ('Docker',), ('Docker',), None)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

Report = Mapping[str, Any]
READY_SCORE = 80.0
FLAT_POINTS = 1.0


@dataclass(frozen=True)
class Change:
    """What changed from one report to a later one."""

    score_change: float | None
    gained: tuple[str, ...]  # skills the later resume shows and the earlier one did not
    closed: tuple[str, ...]  # gaps of the earlier report that the later one no longer has
    opened: tuple[str, ...]  # gaps of the later report the earlier one did not have
    warning: str | None  # set when the two reports were made against different postings


def _posting_set(report: Report) -> str | None:
    return (report.get("meta") or {}).get("posting_set")


def _names(items: Sequence[Mapping[str, Any]]) -> dict[str, str]:
    return {item["id"]: item["name"] for item in items}


def compare(before: Report, after: Report) -> Change:
    """The change from ``before`` to ``after``.

    Scores and gaps are compared only within one posting set; across sets only the skills
    gained are, with a warning."""
    first, second = before["summary"]["score"], after["summary"]["score"]
    score_change = None if first is None or second is None else round(second - first, 1)
    had, has = _names(before["resume"]["skills"]), _names(after["resume"]["skills"])
    gained = tuple(name for skill_id, name in has.items() if skill_id not in had)
    warning = None
    if _posting_set(before) != _posting_set(after):
        warning = (
            f"these reports were made against different postings ({_posting_set(before)} and "
            f"{_posting_set(after)}): scores and gaps are not comparable"
        )
        return Change(None, gained, (), (), warning)
    old_gaps, new_gaps = _names(before["gaps"]), _names(after["gaps"])
    closed = tuple(name for gap, name in old_gaps.items() if gap not in new_gaps)
    opened = tuple(name for gap, name in new_gaps.items() if gap not in old_gaps)
    return Change(score_change, gained, closed, opened, None)


def trend(scores: Sequence[float | None]) -> str:
    """ "up", "down" or "flat" from the last two scores (oldest first); "new" with fewer."""
    known = [score for score in scores if score is not None]
    if len(known) < 2:
        return "new"
    delta = known[-1] - known[-2]
    if abs(delta) < FLAT_POINTS:
        return "flat"
    return "up" if delta > 0 else "down"


def status(latest: float | None, direction: str, analyses: int) -> str:
    """A coach's one-word reading of a client: not analyzed, ready, improving, slipping, working."""
    if analyses == 0:
        return "not analyzed"
    if latest is not None and latest >= READY_SCORE:
        return "ready"
    return {"up": "improving", "down": "slipping"}.get(direction, "working")
