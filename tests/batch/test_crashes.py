"""A batch killed (SIGKILL) at each stage: every output set a reader sees comes from one run.

An older run's set is in place; a newer run is killed while extracting, comparing, writing its
tables, after its commit journal, between its moves and while removing its checkpoint. After each
kill the visible tables are the older set or the newer one (or, only between two moves, a set
the commit journal marks as unfinished); the next run on the output shows exactly one run's set,
leaves no temporary file, and its tables are byte-identical to an uninterrupted run's.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from skillgap.batch import run_batch
from skillgap.batch.outputs import OutputPaths, output_lock

pytestmark = pytest.mark.slow

JOBS = pd.DataFrame(
    {"id": ["j1", "j2"], "text": ["Requirements: Python, Docker.", "Must have: SQL, Airflow."]}
)
OLD = pd.DataFrame({"id": ["r1", "r2"], "text": ["Skills: Excel.", "Skills: Java."]})
NEW = pd.DataFrame(
    {
        "id": ["r1", "r2", "r3"],
        "text": ["Experience: Python and SQL.", "Skills: Docker, Airflow.", "Projects: FastAPI."],
    }
)
TABLES = ("results.csv", "results.skills.csv", "results.summary.csv")

# The child runs the newer batch and kills itself at the named point.
_CHILD = """
import os, signal, sys
import pandas as pd
import skillgap.batch.checkpoint as checkpoint
import skillgap.batch.outputs as outputs
from skillgap.batch import run_batch

stage, out = sys.argv[1], sys.argv[2]
calls = {}

def die_at(key, n):
    calls[key] = calls.get(key, 0) + 1
    if calls[key] == n:
        os.kill(os.getpid(), signal.SIGKILL)

save = checkpoint.Checkpoint.save
def saving(self, chunk_stage, result):
    save(self, chunk_stage, result)
    if chunk_stage == stage:
        die_at(stage, 2)
checkpoint.Checkpoint.save = saving

write_frame = outputs._write_frame
def writing(frame, target, suffix):
    write_frame(frame, target, suffix)
    if stage == "tables":
        die_at(stage, 2)
outputs._write_frame = writing

finish = outputs.finish_commit
def finishing(paths):
    if stage == "journal":
        die_at(stage, 2)  # the first call is the lock's, the second follows the journal
    finish(paths)
outputs.finish_commit = finishing

replace = os.replace
def moving(src, dst):
    if stage == "moves" and str(dst).endswith(".csv"):
        die_at(stage, 2)
    replace(src, dst)
outputs.os.replace = moving

remove = checkpoint.Checkpoint.remove
def removing(self):
    if stage == "cleanup":
        os.kill(os.getpid(), signal.SIGKILL)
    remove(self)
checkpoint.Checkpoint.remove = removing

resumes = pd.DataFrame(%r)
jobs = pd.DataFrame(%r)
run_batch(resumes, jobs, output=out)
""" % (NEW.to_dict("list"), JOBS.to_dict("list"))  # noqa: UP031


def _tables(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in TABLES if (folder / name).exists()}


@pytest.fixture(scope="module")
def sets(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """The older and the newer run's tables, each from an uninterrupted run."""
    found = []
    for name, resumes in (("old", OLD), ("new", NEW)):
        folder = tmp_path_factory.mktemp(name)
        run_batch(resumes, JOBS, output=folder / "results.csv")
        found.append(_tables(folder))
    old, new = found
    assert all(old[name] != new[name] for name in TABLES)
    return old, new


@pytest.mark.parametrize("stage", ["extract", "compare", "tables", "journal", "moves", "cleanup"])
def test_a_run_killed_at_any_stage_never_shows_a_mixed_set(
    tmp_path: Path, sets: tuple[dict[str, bytes], dict[str, bytes]], stage: str
) -> None:
    old, new = sets
    out = tmp_path / "results.csv"
    run_batch(OLD, JOBS, output=out)
    killed = subprocess.run(
        [sys.executable, "-c", _CHILD, stage, str(out)], check=False, timeout=300
    )
    assert killed.returncode == -9

    visible = _tables(tmp_path)
    journal = tmp_path / ".results.csv.commit"
    assert visible in (old, new) or journal.exists()
    if stage == "moves":
        assert journal.exists()  # the one window where a reader must check it

    with output_lock(OutputPaths.beside(out)):  # what the next run does first
        assert _tables(tmp_path) in (old, new)
        expected_now = new if stage in ("journal", "moves", "cleanup") else old
        assert _tables(tmp_path) == expected_now

    run_batch(NEW, JOBS, output=out)  # resumes from the checkpoint where there is one
    assert _tables(tmp_path) == new
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(TABLES)
