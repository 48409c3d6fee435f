"""Report JSON files opened on the coach page."""

from __future__ import annotations

import json

import pytest

from skillgap.analysis.report import analyze
from skillgap.ui.report_files import ReportFileError, load_report


def test_a_report_round_trips() -> None:
    report = analyze("Skills: Python", ["Requirements: Python, Docker"]).to_dict()
    assert load_report(json.dumps(report).encode(), "r.json") == report


@pytest.mark.parametrize(
    ("data", "start"),
    [
        (b"\xff", "r.json: not a JSON file"),
        (b"{", "r.json: not a JSON file"),
        (b"[]", "r.json: not a skillgap report ($: [] is not of type 'object')"),
        (b'{"schema_version": "2.0"}', "r.json: not a skillgap report ("),
    ],
)
def test_other_files_are_refused_in_one_line(data: bytes, start: str) -> None:
    with pytest.raises(ReportFileError) as info:
        load_report(data, "r.json")
    assert str(info.value).startswith(start)
    assert "\n" not in str(info.value)
