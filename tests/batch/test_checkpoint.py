"""``skillgap.batch.checkpoint``: an interrupted run resumes without redoing finished chunks."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import pytest

import skillgap.batch.run as batch_run
from skillgap.batch import BatchError, CheckpointError, run_batch
from skillgap.batch.checkpoint import Checkpoint, checkpoint_dir, profile_from_dict
from skillgap.batch.tasks import ChunkResult, PairOutcome
from skillgap.extraction.extract import extract

RESUMES = pd.DataFrame(
    {
        "id": ["r1", "r2", "r3"],
        "text": [
            "Experience: PyTorch and Python, 3 years",
            "Skills: SQL, Excel",
            "Projects: Docker, FastAPI",
        ],
    }
)
JOBS = pd.DataFrame(
    {
        "id": ["j1", "j2", "j3", "j4"],
        "text": [
            "Requirements: Python, PyTorch. Nice to have: Kafka",
            "Requirements: SQL, Airflow",
            "Requirements: Docker, Kubernetes, AWS",
            "Must have: statistics, R",
        ],
    }
)


class Counter:
    """Wraps a chunk function, counting calls and optionally interrupting at call ``stop_at``."""

    def __init__(self, fn, stop_at: int | None = None) -> None:
        self.fn, self.stop_at, self.calls = fn, stop_at, 0

    def __call__(self, task):
        self.calls += 1
        if self.calls == self.stop_at:
            raise KeyboardInterrupt
        return self.fn(task)


def test_profiles_survive_the_round_trip_through_json():
    profile = extract("Requirements: 3+ years of Python; Java is not required.", kind="job")
    assert profile_from_dict(profile.to_dict()) == replace(profile, text="")


def test_an_interrupted_run_resumes_where_it_stopped(tmp_path, monkeypatch):
    out = tmp_path / "out.csv"
    expected = run_batch(RESUMES, JOBS)
    monkeypatch.setattr(batch_run, "compare_chunk", Counter(batch_run.compare_chunk, stop_at=4))
    with pytest.raises(KeyboardInterrupt):
        run_batch(RESUMES, JOBS, output=out)
    folder = checkpoint_dir(out)
    assert folder == tmp_path / "out.csv.checkpoint"
    documents = len(RESUMES) + len(JOBS)  # one per chunk at this size
    assert len(list(folder.glob("extract-*.json"))) == documents
    assert len(list(folder.glob("compare-*.json"))) == 3
    assert not out.exists()

    extract_calls = Counter(batch_run.extract_chunk)
    compare_calls = Counter(batch_run.compare_chunk.fn)
    monkeypatch.setattr(batch_run, "extract_chunk", extract_calls)
    monkeypatch.setattr(batch_run, "compare_chunk", compare_calls)
    resumed = run_batch(RESUMES, JOBS, output=out)
    assert extract_calls.calls == 0
    assert compare_calls.calls == 12 - 3  # 12 pairs, one per chunk at this size
    assert resumed.stats.resumed_chunks == documents + 3
    for name in ("pairs", "skills", "summary"):
        pd.testing.assert_frame_equal(getattr(resumed, name), getattr(expected, name))
    assert not folder.exists()
    assert pd.read_csv(out).score.tolist() == pytest.approx(
        expected.pairs.score.tolist(), nan_ok=True
    )


def test_changed_inputs_or_restart_start_over(tmp_path, monkeypatch):
    out = tmp_path / "out.parquet"
    monkeypatch.setattr(batch_run, "compare_chunk", Counter(batch_run.compare_chunk, stop_at=2))
    with pytest.raises(KeyboardInterrupt):
        run_batch(RESUMES, JOBS, output=out)
    extract_calls = Counter(batch_run.extract_chunk)
    monkeypatch.setattr(batch_run, "extract_chunk", extract_calls)
    monkeypatch.setattr(batch_run, "compare_chunk", Counter(batch_run.compare_chunk.fn, stop_at=2))
    changed = RESUMES.assign(text=RESUMES.text + " and Git")
    with pytest.raises(KeyboardInterrupt):
        run_batch(changed, JOBS, output=out)
    documents = len(RESUMES) + len(JOBS)
    assert extract_calls.calls == documents
    monkeypatch.setattr(batch_run, "compare_chunk", Counter(batch_run.compare_chunk.fn, stop_at=2))
    with pytest.raises(KeyboardInterrupt):
        run_batch(changed, JOBS, output=out, restart=True)
    assert extract_calls.calls == 2 * documents


def test_a_folder_that_is_not_a_checkpoint_is_left_alone(tmp_path):
    folder = tmp_path / "out.csv.checkpoint"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine")
    with pytest.raises(CheckpointError, match="not a skillgap checkpoint"):
        run_batch(RESUMES, JOBS, output=tmp_path / "out.csv")
    assert (folder / "notes.txt").read_text() == "mine"


def test_unreadable_chunk_files_are_simply_done_again(tmp_path):
    checkpoint = Checkpoint(tmp_path / "cp", "abc")
    outcome = PairOutcome(0, 50.0, ("docker",), (), 3, None)
    checkpoint.save("compare", ChunkResult(0, (outcome,), "host:1", 100.0))
    (tmp_path / "cp" / "compare-000001.json").write_text("{not json")
    loaded = Checkpoint(tmp_path / "cp", "abc").load("compare")
    assert list(loaded) == [0]
    assert loaded[0].items == (outcome,)
    assert Checkpoint(tmp_path / "cp", "other").load("compare") == {}


def test_a_run_that_fails_before_any_chunk_leaves_no_checkpoint(tmp_path, monkeypatch):
    def unreachable(*args):
        raise BatchError("cannot reach the Dask scheduler at tcp://h:8786 (timed out)")

    monkeypatch.setattr(batch_run, "make_engine", unreachable)
    with pytest.raises(BatchError):
        run_batch(RESUMES, JOBS, output=tmp_path / "out.csv")
    assert list(tmp_path.iterdir()) == []
