"""``skillgap.batch.engine``: in-process and process-pool engines give the same results."""

from __future__ import annotations

import os

import pandas as pd
import pytest

from skillgap.batch import run_batch
from skillgap.batch.engine import IN_FLIGHT_PER_WORKER, InlineEngine, ProcessEngine
from skillgap.batch.run import make_engine


def test_the_inline_engine_runs_tasks_in_order_here():
    engine = InlineEngine()
    assert list(engine.imap_unordered(len, ["a", "bb", "ccc"])) == [1, 2, 3]


def test_one_local_worker_needs_no_pool():
    assert isinstance(make_engine("local", 1, None), InlineEngine)


@pytest.mark.slow
def test_two_worker_processes_give_the_local_results():
    resumes = pd.DataFrame(
        {"id": ["a", "b"], "text": ["Experience: Python, PyTorch", "Skills: SQL, Docker"]}
    )
    jobs = pd.DataFrame(
        {
            "id": [f"j{i}" for i in range(20)],
            "text": [f"Requirements: Python, {s}" for s in ["SQL", "Docker", "Kafka", "AWS"] * 5],
        }
    )
    local = run_batch(resumes, jobs)
    pooled = run_batch(resumes, jobs, workers=2)
    for name in ("pairs", "skills", "summary"):
        pd.testing.assert_frame_equal(getattr(pooled, name), getattr(local, name))
    workers = {name.rsplit(":", 1)[1] for name in pooled.stats.worker_peak_rss_mb}
    assert workers and str(os.getpid()) not in workers


@pytest.mark.slow
def test_the_pool_keeps_only_a_few_tasks_in_flight():
    pulled = 0

    def tasks():
        nonlocal pulled
        for number in range(1, 51):
            pulled += 1
            yield -number

    engine = ProcessEngine(2)
    try:
        results = engine.imap_unordered(abs, tasks())
        first = next(results)
        assert pulled <= 2 * IN_FLIGHT_PER_WORKER
        assert sorted([first, *results]) == list(range(1, 51))
    finally:
        engine.close()
