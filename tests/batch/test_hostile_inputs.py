"""Hostile batch inputs and shared outputs: bombs, pipes, locks and leftovers, each one line."""

from __future__ import annotations

import errno
import gzip
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import skillgap.batch.inputs as inputs
import skillgap.batch.reading as reading
from skillgap.batch import BatchInputError, OutputError, run_batch
from skillgap.batch.outputs import OutputPaths, output_lock
from skillgap.documents import Limits

JOBS = pd.DataFrame({"id": ["j1"], "text": ["Requirements: Python, Docker."]})
RESUMES = pd.DataFrame({"id": ["r1"], "text": ["Experience: Python and PyTorch."]})


def test_a_gzip_bomb_stops_at_the_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(inputs, "MAX_TABLE_BYTES", 1024 * 1024)
    bomb = tmp_path / "resumes.csv.gz"
    with gzip.open(bomb, "wb") as stream:
        stream.write(b"id,text\n")
        for _ in range(64):
            stream.write(b"r," + b"a" * (1024 * 1024) + b"\n")
    assert bomb.stat().st_size < 1024 * 1024
    with pytest.raises(BatchInputError, match="more than 1 MB unpacked"):
        run_batch(bomb, JOBS)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_table_or_row_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "resumes.csv"
    os.mkfifo(fifo)
    with pytest.raises(BatchInputError, match="named pipe"):
        run_batch(fifo, JOBS)
    rows = pd.DataFrame({"id": ["r1", "r2"], "path": [str(fifo), ""], "text": ["", "Python"]})
    pairs = run_batch(rows, JOBS).pairs
    assert "named pipe" in pairs.loc[pairs.resume_id == "r1", "error"].item()
    assert pd.isna(pairs.loc[pairs.resume_id == "r2", "error"].item())


def test_a_slow_row_file_is_stopped_in_its_worker_and_the_others_are_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reading, "LIMITS", Limits(timeout_s=5.0, max_html_elements=10**7))
    (tmp_path / "slow.html").write_bytes(
        b"<html><ul>" + b"<li>Python</li>" * 400_000 + b"</ul></html>"  # 10+ s to parse
    )
    (tmp_path / "good.txt").write_text("Experience: Python and Docker", encoding="utf-8")
    rows = pd.DataFrame({"id": ["slow", "good"], "path": ["slow.html", "good.txt"]})
    rows.to_csv(tmp_path / "resumes.csv", index=False)
    pairs = run_batch(tmp_path / "resumes.csv", JOBS).pairs.set_index("resume_id")
    assert "slow.html: reading this document took longer than 5 s" in pairs.loc["slow", "error"]
    assert pd.isna(pairs.loc["good", "error"]) and pairs.loc["good", "score"] == 100


_HOLD_LOCK = """
import sys, time
from skillgap.batch.outputs import OutputPaths, output_lock
with output_lock(OutputPaths.beside(sys.argv[1])):
    print("held", flush=True)
    time.sleep(120)
"""


def test_a_second_run_on_a_held_output_is_refused_and_a_killed_holder_frees_it(
    tmp_path: Path,
) -> None:
    out = tmp_path / "results.csv"
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD_LOCK, str(out)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        with pytest.raises(OutputError, match=f"another skillgap batch \\(PID {holder.pid}\\)"):
            run_batch(RESUMES, JOBS, output=out)
        assert not out.exists()
        assert (tmp_path / "results.csv.lock").exists()  # the other run's lock is left alone
    finally:
        holder.kill()  # SIGKILL: no clean-up runs, the system frees the lock
        holder.wait()
    assert run_batch(RESUMES, JOBS, output=out).outputs[0] == out


def test_a_dead_runs_lock_and_temporary_files_are_cleaned(tmp_path: Path) -> None:
    out = tmp_path / "results.csv"
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    (tmp_path / "results.csv.lock").write_text(str(dead.pid))
    leftover = tmp_path / ".results.skills.csv.abc123.tmp"
    leftover.write_text("half a table")
    result = run_batch(RESUMES, JOBS, output=out)
    assert [p.name for p in result.outputs] == [
        "results.csv", "results.skills.csv", "results.summary.csv"
    ]  # fmt: skip
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "results.csv", "results.skills.csv", "results.summary.csv"
    ]  # fmt: skip


def test_the_lock_is_released_after_a_failure(tmp_path: Path) -> None:
    paths = OutputPaths.beside(tmp_path / "results.csv")
    with pytest.raises(RuntimeError), output_lock(paths):
        assert (tmp_path / "results.csv.lock").read_text() == str(os.getpid())
        with pytest.raises(OutputError, match=f"PID {os.getpid()}"), output_lock(paths):
            pass  # a second holder, even in this process, is refused
        raise RuntimeError("boom")
    assert not (tmp_path / "results.csv.lock").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder_gives_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(OutputError, match="cannot write here"):
            run_batch(RESUMES, JOBS, output=folder / "results.csv")
    finally:
        folder.chmod(0o700)


def test_a_full_disk_gives_one_line_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(self: pd.DataFrame, path: object, **kwargs: object) -> None:
        Path(str(path)).write_text("partial")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(pd.DataFrame, "to_csv", full)
    with pytest.raises(OutputError, match="No space left on device"):
        run_batch(RESUMES, JOBS, output=tmp_path / "results.csv")
    # only the checkpoint stays, so the next run just writes the tables
    assert [p.name for p in tmp_path.iterdir()] == ["results.csv.checkpoint"]


_KILLED_BETWEEN_MOVES = """
import os, signal, sys
import pandas as pd
import skillgap.batch.outputs as outputs
from skillgap.batch import run_batch
moves = []
real = os.replace
def replace(src, dst):
    if str(dst).endswith(".csv") and ".commit" not in str(src):
        moves.append(dst)
        if len(moves) == 2:
            os.kill(os.getpid(), signal.SIGKILL)
    real(src, dst)
outputs.os.replace = replace
resumes = pd.DataFrame({"id": ["r1"], "text": ["Experience: Python, SQL and Docker."]})
jobs = pd.DataFrame({"id": ["j1"], "text": ["Requirements: Python, Docker."]})
run_batch(resumes, jobs, output=sys.argv[1])
"""


def test_a_run_killed_between_its_moves_is_completed_by_the_next(tmp_path: Path) -> None:
    out = tmp_path / "results.csv"
    run_batch(RESUMES, JOBS, output=out)  # an older set
    killed = subprocess.run([sys.executable, "-c", _KILLED_BETWEEN_MOVES, str(out)], check=False)
    assert killed.returncode == -9
    assert (tmp_path / ".results.csv.commit").exists()
    newer = run_batch(
        pd.DataFrame({"id": ["r1"], "text": ["Experience: Python, SQL and Docker."]}), JOBS
    )
    with output_lock(OutputPaths.beside(out)):  # what the next run does first
        pass
    skills = pd.read_csv(tmp_path / "results.skills.csv")
    assert sorted(skills.skill_id) == sorted(newer.skills.skill_id)  # the killed run's set
    assert pd.read_csv(out).score.tolist() == newer.pairs.score.tolist()
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "results.csv", "results.csv.checkpoint", "results.skills.csv", "results.summary.csv"
    ]  # fmt: skip
