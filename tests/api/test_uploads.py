"""The in-memory multipart parser and the capped body reader."""

from __future__ import annotations

import httpx2
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skillgap.api.problems import Problem
from skillgap.api.uploads import MAX_PARTS, parse_form


def _encode(files: list[tuple[str, tuple[str, bytes]]], data: dict[str, str]) -> tuple[bytes, str]:
    request = httpx2.Request("POST", "http://test/", files=files, data=data)
    return request.read(), request.headers["content-type"]


@settings(max_examples=40, deadline=None)
@given(
    contents=st.lists(st.binary(max_size=2000), min_size=1, max_size=4),
    field=st.text(max_size=50),
)
def test_files_and_fields_round_trip_byte_for_byte(contents: list[bytes], field: str) -> None:
    files = [("jobs", (f"ad{i}.txt", data)) for i, data in enumerate(contents)]
    body, content_type = _encode(files, {"track": field})
    parts = parse_form(body, content_type, max_file_bytes=10_000)
    by_name = {(p.name, p.filename): bytes(p.data) for p in parts}
    for i, data in enumerate(contents):
        assert by_name[("jobs", f"ad{i}.txt")] == data
    assert by_name[("track", None)].decode("utf-8") == field


def test_a_file_over_the_cap_stops_the_parse() -> None:
    body, content_type = _encode([("resume", ("cv.pdf", b"x" * 101))], {})
    with pytest.raises(Problem) as info:
        parse_form(body, content_type, max_file_bytes=100)
    assert info.value.status == 413
    assert info.value.detail.startswith("cv.pdf: the file is larger than 100 bytes")


def test_too_many_parts_is_413() -> None:
    fields = {f"f{i}": "x" for i in range(MAX_PARTS)}
    body, content_type = _encode([("resume", ("cv.txt", b"Python"))], fields)
    with pytest.raises(Problem) as info:
        parse_form(body, content_type, max_file_bytes=100)
    assert info.value.status == 413


def test_a_truncated_body_is_400() -> None:
    body, content_type = _encode([("resume", ("cv.txt", b"Python"))], {})
    with pytest.raises(Problem) as info:
        parse_form(body[:-10], content_type, max_file_bytes=100)
    assert info.value.status == 400
