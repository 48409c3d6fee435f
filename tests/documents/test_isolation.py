"""read_document_isolated: worker processes with a hard timeout and a memory cap."""

from __future__ import annotations

import os
import threading
import time

import pytest

from skillgap.documents import DocumentError, Limits, isolation, read_document_isolated
from skillgap.documents.isolation import warm_up

from .hostile import flate_bomb_pdf, text_pdf, time_limit

GOOD = text_pdf(["Skills", "Python, SQL"])


def test_a_document_reads_the_same_as_in_process() -> None:
    with time_limit(30):
        doc = read_document_isolated(GOOD, "cv.pdf")
    assert (doc.text, doc.format, doc.source) == ("Skills\nPython, SQL", "pdf", "cv.pdf")


def test_errors_come_back_as_one_line() -> None:
    with time_limit(30), pytest.raises(DocumentError, match="the file is empty"):
        read_document_isolated(b"   ", "cv.txt")


def test_a_slow_document_is_stopped_and_others_do_not_wait_for_it() -> None:
    warm_up()
    read_document_isolated(GOOD, "warm.pdf")
    slow_limits = Limits(timeout_s=1.0, max_html_elements=10**7)
    page = b"<html><ul>" + b"<li>Python</li>" * 400_000 + b"</ul></html>"  # 10+ s to parse
    errors: list[str] = []

    def slow() -> None:
        try:
            read_document_isolated(page, "slow.html", limits=slow_limits)
        except DocumentError as exc:
            errors.append(str(exc))

    with time_limit(30):
        thread = threading.Thread(target=slow)
        thread.start()
        time.sleep(0.1)
        started = time.perf_counter()
        assert read_document_isolated(GOOD, "good.pdf").text.startswith("Skills")
        good_seconds = time.perf_counter() - started
        thread.join()
    assert good_seconds < 5  # a fresh worker at worst, never the slow file's time
    assert errors == [
        "reading this document took longer than 1 s and was stopped; try a smaller or simpler file"
    ]


def test_a_document_needing_too_much_memory_is_stopped() -> None:
    limits = Limits(max_unzipped_bytes=4 * 1024**3, max_memory_bytes=300 * 1024**2)
    with time_limit(60), pytest.raises(DocumentError, match="more than 300 MB of memory"):
        read_document_isolated(flate_bomb_pdf(600 * 1024**2), "bomb.pdf", limits=limits)
    assert read_document_isolated(GOOD, "after.pdf").text.startswith("Skills")


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork here")
def test_a_forked_child_starts_its_own_workers_and_leaves_the_parents_alone() -> None:
    warm_up()
    (parents,) = isolation._POOL.idle
    pid = os.fork()
    if pid == 0:  # the child: none of the parent's workers, and its own read works
        try:
            ok = not isolation._POOL.idle and read_document_isolated(GOOD, "c.pdf").text
            os._exit(0 if ok else 1)
        except BaseException:
            os._exit(2)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert parents.process.poll() is None
    assert read_document_isolated(GOOD, "p.pdf").text.startswith("Skills")


def _wait_for_idle(count: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if len(isolation._POOL.idle) >= count:
            return True
        time.sleep(0.05)
    return False


def test_keep_warm_starts_a_spare_as_soon_as_the_ready_reader_is_taken() -> None:
    isolation._POOL.shutdown()
    isolation.keep_warm(1)
    try:
        with time_limit(90):
            assert _wait_for_idle(1, 40)
            (ready,) = isolation._POOL.idle
            assert read_document_isolated(GOOD, "cv.pdf").text.startswith("Skills")
            assert _wait_for_idle(2, 40)  # the reader used, back, and a spare started meanwhile
            assert ready in isolation._POOL.idle
    finally:
        isolation.keep_warm(0)
        isolation._POOL.shutdown()


def test_a_reader_started_for_a_short_lived_thread_outlives_it() -> None:
    isolation._POOL.shutdown()
    with time_limit(60):
        thread = threading.Thread(target=read_document_isolated, args=(GOOD, "t.pdf"))
        thread.start()
        thread.join()
        (worker,) = isolation._POOL.idle
        time.sleep(0.5)  # Linux's parent-death signal follows the thread that started a process
        assert worker.process.poll() is None
        assert read_document_isolated(GOOD, "after.pdf").text.startswith("Skills")
        assert isolation._POOL.idle == [worker]
