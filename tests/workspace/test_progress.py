"""Progress between reports: skills gained, gaps closed, trends, the different-postings guard."""

from __future__ import annotations

from skillgap.workspace.progress import compare, status, trend
from skillgap.workspace.stamp import download_name, slug


def _report(posting_set, score, skills, gaps):
    return {
        "meta": {"posting_set": posting_set},
        "summary": {"score": score},
        "resume": {"skills": [{"id": s.lower(), "name": s} for s in skills]},
        "gaps": [{"id": g.lower(), "name": g} for g in gaps],
    }


def test_same_postings_compare_scores_and_gaps() -> None:
    before = _report("ml", 40.0, ["Python"], ["Docker", "SQL"])
    after = _report("ml", 52.0, ["Python", "Docker", "Git"], ["SQL", "Kafka"])
    change = compare(before, after)
    assert change.score_change == 12.0
    assert change.gained == ("Docker", "Git")
    assert change.closed == ("Docker",)
    assert change.opened == ("Kafka",)
    assert change.warning is None


def test_different_postings_say_so_and_compare_no_scores() -> None:
    change = compare(_report("ml", 40.0, [], ["SQL"]), _report("web", 90.0, ["SQL"], []))
    assert change.warning is not None and "different postings" in change.warning
    assert (change.score_change, change.closed, change.opened) == (None, (), ())
    assert change.gained == ("SQL",)


def test_trend_and_status() -> None:
    assert trend([]) == trend([50.0]) == trend([None, 50.0]) == "new"
    assert trend([40.0, 50.0]) == "up"
    assert trend([50.0, 40.0, 39.5]) == "flat"
    assert trend([50.0, 40.0]) == "down"
    assert status(None, "new", 0) == "not analyzed"
    assert status(85.0, "down", 3) == "ready"
    assert status(50.0, "up", 2) == "improving"
    assert status(50.0, "down", 2) == "slipping"
    assert status(50.0, "flat", 2) == "working"


def test_download_names_are_safe_and_distinct() -> None:
    stamped = {"meta": {"candidate": "../Ann  Bell/", "date": "2026-05-02T08:00:00Z"}}
    assert download_name(stamped, "html") == "skillgap-ann-bell-2026-05-02.html"
    assert download_name({"meta": {"candidate": None, "date": "2026-05-02T08:00:00Z"}}, "md") == (
        "skillgap-report-2026-05-02.md"
    )
    assert slug("Łukasz Żółć") == "ukasz-zoc"
    assert slug("李雷") == ""
