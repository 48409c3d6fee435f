"""``skillgap.batch.dask_engine``: on a 2-worker LocalCluster, the local engine's results."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pandas as pd
import pytest

from skillgap.batch import BatchError, dask_engine, run_batch
from skillgap.batch.dask_engine import DaskEngine, check_scheduler_address

RESUMES = pd.DataFrame(
    {
        "id": ["ana", "ben", "cy"],
        "text": [
            "Experience: PyTorch and Python for 4 years; Docker",
            "Skills: SQL, Excel, Tableau",
            "",
        ],
    }
)
JOBS = pd.DataFrame(
    {
        "id": [f"j{i}" for i in range(24)],
        "text": [
            f"Requirements: {a}, {b}. Nice to have: {c}"
            for a, b, c in [
                ("Python", "PyTorch", "Kafka"),
                ("SQL", "Airflow", "dbt"),
                ("Docker", "Kubernetes", "AWS"),
                ("statistics", "R", "Tableau"),
            ]
            * 6
        ],
    }
)


@pytest.mark.slow
def test_dask_on_two_worker_processes_equals_the_local_engine(tmp_path):
    local = run_batch(RESUMES, JOBS)
    on_dask = run_batch(RESUMES, JOBS, engine="dask", workers=2, output=tmp_path / "out.parquet")
    for name in ("pairs", "skills", "summary"):
        pd.testing.assert_frame_equal(getattr(on_dask, name), getattr(local, name))
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "out.parquet"), local.pairs)
    pids = {name.rsplit(":", 1)[1] for name in on_dask.stats.worker_peak_rss_mb}
    assert pids and str(os.getpid()) not in pids  # real worker processes did the work
    assert len(pids) <= 2


@pytest.mark.slow
def test_an_unreachable_scheduler_is_a_one_line_error(monkeypatch):
    monkeypatch.setattr(dask_engine, "CONNECT_TIMEOUT", "1s")
    with pytest.raises(
        BatchError, match=r"cannot reach the Dask scheduler at tcp://127\.0\.0\.1:9"
    ):
        DaskEngine(1, "tcp://127.0.0.1:9")


@pytest.mark.parametrize(
    "address",
    ["tcp://10.0.0.5:8786", "tls://sched.example.org:8786", "ucx://h:1", "inproc://10.0.0.5/1/2",
     "localhost:8786", "tcp://[::1]:8786"],
)  # fmt: skip
def test_scheduler_addresses_of_every_form_are_accepted(address):
    check_scheduler_address(address)


@pytest.mark.parametrize(
    "address", ["notaurl", "tcp://host", "http://h:8786", "tcp://h:99999", "h:port", ""]
)
def test_malformed_scheduler_addresses_are_refused_in_one_line(address):
    with pytest.raises(BatchError, match=r"is not a Dask scheduler address \(use tcp://host:port"):
        check_scheduler_address(address)


def test_a_client_that_cannot_start_is_a_one_line_error(monkeypatch):
    import distributed

    def refuse(*args, **kwargs):
        raise ValueError("bad address\nmore detail")

    monkeypatch.setattr(distributed, "Client", refuse)
    with pytest.raises(BatchError) as error:
        DaskEngine(1, "tcp://127.0.0.1:9")
    assert str(error.value) == "cannot reach the Dask scheduler at tcp://127.0.0.1:9 (bad address)"


def test_tls_without_certificates_fails_before_any_client(monkeypatch):
    import distributed

    monkeypatch.setattr(distributed, "Client", pytest.fail)
    with pytest.raises(BatchError, match="tls:// needs TLS certificates"):
        DaskEngine(1, "tls://127.0.0.1:9")


@pytest.mark.slow
def test_ctrl_c_on_a_dask_batch_prints_one_line_and_no_worker_traceback(tmp_path):
    # enough rows that the batch is still running when the first checkpoint shows (extraction
    # takes about a millisecond a resume)
    rows = [f"r{i},Experience: Python and SQL at company {i}. " * 3 for i in range(4000)]
    (tmp_path / "r.csv").write_text("id,text\n" + "\n".join(rows) + "\n", encoding="utf-8")
    JOBS.to_csv(tmp_path / "j.csv", index=False)
    command = [sys.executable, "-m", "skillgap", "batch", "--resumes", "r.csv", "--jobs", "j.csv",
               "-o", "out.csv", "--engine", "dask", "--workers", "2"]  # fmt: skip
    run = subprocess.Popen(
        command,
        cwd=tmp_path,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        start_new_session=True,  # its own process group, as a terminal gives a command
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    checkpoint = tmp_path / "out.csv.checkpoint"
    deadline = time.monotonic() + 240
    while not (checkpoint.is_dir() and any(checkpoint.glob("extract-*.json"))):
        assert run.poll() is None and time.monotonic() < deadline
        time.sleep(0.2)
    os.killpg(run.pid, signal.SIGINT)  # Ctrl-C reaches the whole group, workers included
    _, err = run.communicate(timeout=120)
    assert run.returncode == 130
    assert "Traceback" not in err.decode()
    assert err.decode().strip().splitlines()[-1] == "skillgap: interrupted"
