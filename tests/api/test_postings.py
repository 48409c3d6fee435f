"""Posted text read without the worker process, and the memory of postings: reused, bounded,
never holding a resume."""

from __future__ import annotations

import dataclasses

import pytest

from skillgap.analysis.compare import posting_asks
from skillgap.api import reading
from skillgap.api.postings import PostingMemory
from skillgap.extraction.extract import extract
from skillgap.taxonomy import default_taxonomy

from .conftest import POSTING, RESUME

OTHER_POSTING = "ML Platform Engineer\n\nRequirements\n- Go, Terraform, AWS\n- MLflow\n"


@pytest.fixture
def isolated_reads(monkeypatch) -> list[str]:
    """The names of the documents read in a worker process during the test."""
    names: list[str] = []
    real = reading.read_document_isolated

    def counting(data, name, **kwargs):
        names.append(name)
        return real(data, name, **kwargs)

    monkeypatch.setattr(reading, "read_document_isolated", counting)
    return names


def _analyze(client, resume: str, *jobs: tuple[str, str]):
    body = {
        "resume": {"text": resume, "name": "cv.txt"},
        "jobs": [{"text": text, "name": name} for name, text in jobs],
    }
    response = client.post("/v1/analyze", json=body)
    assert response.status_code == 200, response.text
    return response.json()


def test_posted_plain_text_is_read_in_process_and_html_in_a_worker(client, isolated_reads) -> None:
    _analyze(client, RESUME, ("plain.txt", POSTING))
    assert isolated_reads == []
    page = "<html><body><h2>Requirements</h2><ul><li>PyTorch</li></ul></body></html>"
    report = _analyze(client, RESUME, ("page.txt", page))
    assert isolated_reads == ["page.txt"]
    assert "pytorch" in {s["id"] for s in report["jobs"][0]["missing_required"]}


def test_uploaded_files_are_still_read_in_a_worker(client, isolated_reads) -> None:
    files = [("resume", ("cv.txt", RESUME.encode())), ("jobs", ("ad.txt", POSTING.encode()))]
    assert client.post("/v1/analyze", files=files).status_code == 200
    assert sorted(isolated_reads) == ["ad.txt", "cv.txt"]


def test_a_posting_sent_again_comes_from_memory_with_the_same_report(client) -> None:
    memory = client.app.state.service.postings
    unique = POSTING + "\nLocation: Utrecht\n"
    first = _analyze(client, RESUME, ("ad.txt", unique))
    hits = memory.hits
    again = _analyze(client, RESUME, ("ad.txt", unique))
    assert memory.hits == hits + 1
    assert again == first
    renamed = _analyze(client, RESUME, ("other-name.txt", unique))
    assert memory.hits == hits + 1  # another name is another source in the report
    assert renamed["jobs"][0]["source"] == "other-name.txt"


def test_no_resume_text_is_remembered(client) -> None:
    memory = client.app.state.service.postings
    marker = "Zebulon Quartermain"
    resume = RESUME.replace("Alex Example", marker)
    _analyze(client, resume, ("ad.txt", POSTING), ("swapped.txt", resume))
    texts = [posting.profile.text for posting in memory._postings.values()]
    assert texts and not any(marker in text for text in texts)


def test_the_memory_drops_the_least_recently_used_within_its_caps() -> None:
    memory = PostingMemory(max_postings=2, max_chars=10_000)
    taxonomy = default_taxonomy()
    profiles = {
        name: posting_asks(extract(text, "job", source=name), taxonomy)
        for name, text in [("a", POSTING), ("b", OTHER_POSTING), ("c", POSTING + "\nRemote\n")]
    }
    keys = {
        name: PostingMemory.key(None, name, p.profile.text.encode()) for name, p in profiles.items()
    }
    memory.put(keys["a"], profiles["a"])
    memory.put(keys["b"], profiles["b"])
    assert memory.get(keys["a"]) is profiles["a"]  # a is now the most recently used
    memory.put(keys["c"], profiles["c"])
    assert memory.get(keys["b"]) is None
    assert len(memory) == 2
    big = dataclasses.replace(
        profiles["a"], profile=dataclasses.replace(profiles["a"].profile, text="x" * 10_001)
    )
    memory.put(b"big", big)
    assert memory.get(b"big") is None


def test_the_key_tells_taxonomies_names_and_bytes_apart() -> None:
    key = PostingMemory.key
    assert key(None, "a", b"text") == key("", "a", b"text")
    assert (
        len(
            {
                key(None, "a", b"text"),
                key("x: 1", "a", b"text"),
                key(None, "b", b"text"),
                key(None, "a", b"other"),
                key(None, "at", b"ext"),
            }
        )
        == 5
    )
