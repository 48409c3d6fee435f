"""Speed of the coach workspace: 200 clients x 3 snapshots, in SQLite and PostgreSQL.

Measures saving the snapshots, the client-list and cohort queries, and the whole workspace page
(signed in, client list tab plus cohort tab) rendered by Streamlit's AppTest. The target is under
1 s for the client list and the cohort view.

Usage: python benchmarks/bench_workspace.py [--clients 200] [--snapshots 3] [--runs 5]
       [--postgres URL]   (default: $SKILLGAP_TEST_POSTGRES_URL; see .ci/postgres.sh)
The snapshots hold real reports: six resumes analyzed against three postings, reused in turn.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from skillgap.analysis.report import GapReport, analyze
from skillgap.workspace import Workspace
from skillgap.workspace.config import CONFIG_ENV, WorkspaceConfig, save_config
from skillgap.workspace.database import DATABASE_URL_ENV, open_engine, sqlite_url

ROOT = Path(__file__).resolve().parents[1]
POSTINGS = [
    ("ml.txt", "ML Engineer\nRequirements: Python, PyTorch, Docker, Kubernetes, MLflow and SQL."),
    ("ds.txt", "Data Scientist\nMust have: SQL, pandas, statistics, scikit-learn."),
    ("mlops.txt", "MLOps Engineer\nRequirements: Python, Docker, Terraform, AWS, Airflow, CI/CD."),
]
SKILLS = ["Python", "SQL", "pandas", "Docker", "PyTorch", "Kubernetes", "AWS", "Airflow"]
START = datetime(2026, 1, 5, 9, 0)


def _reports() -> list[GapReport]:
    """Six real reports: resumes showing more and more of the skills."""
    texts = [body for _, body in POSTINGS]
    return [
        analyze(f"Experience\nBuilt systems with {', '.join(SKILLS[: 2 + i])}.", texts)
        for i in range(6)
    ]


def _seed(url: str, clients: int, snapshots: int, reports: list[GapReport]) -> float:
    ws = Workspace.open(url, "coach")
    ws.add_posting_set("ml jobs", POSTINGS)
    ws.add_posting_set("data jobs", POSTINGS[1:])
    started = time.perf_counter()
    for c in range(clients):
        name = f"Client {c:03d}"
        ws.add_client(name)
        for s in range(snapshots):
            ws.save_snapshot(
                name,
                "ml jobs" if c % 4 else "data jobs",
                reports[(c + s) % len(reports)],
                resume_text=None,
                when=START + timedelta(days=30 * s, minutes=c),
            )
    ws.engine.dispose()
    return time.perf_counter() - started


def _best(runs: int, work: Callable[[], object]) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times), statistics.median(times)


def _page_seconds(url: str, runs: int, folder: Path) -> tuple[float, float]:
    """The signed-in workspace page (client list and cohort tabs) rendered by AppTest."""
    from streamlit.testing.v1 import AppTest

    config = WorkspaceConfig(database_url=url)
    config.add_coach("coach", "bench password")
    os.environ[CONFIG_ENV] = str(save_config(config, folder / f"{uuid.uuid4().hex}.json"))
    os.environ.pop(DATABASE_URL_ENV, None)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()
    at.switch_page("src/skillgap/ui/app_pages/workspace.py").run()
    at.text_input(key="workspace_user").input("coach")
    at.text_input(key="workspace_password").input("bench password")
    at.button[0].click().run()
    assert not at.exception and at.selectbox(key="workspace_client_pick").options
    return _best(runs, at.run)


def _measure(label: str, url: str, args: argparse.Namespace, reports, folder: Path) -> None:
    seed = _seed(url, args.clients, args.snapshots, reports)
    engine = open_engine(url)
    ws = Workspace(engine, "coach")
    rows = ws.clients()
    cohort = ws.cohort()
    assert len(rows) == args.clients and len(cohort.scores) == args.clients
    listing = _best(args.runs, ws.clients)
    cohort_time = _best(args.runs, ws.cohort)
    engine.dispose()
    page = _page_seconds(url, args.runs, folder)
    total = args.clients * args.snapshots
    print(f"{label}: {args.clients} clients x {args.snapshots} snapshots")
    print(f"  save {total} snapshots        {seed:7.2f} s ({seed / total * 1000:.1f} ms each)")
    print(f"  client list query         {listing[0]:7.3f} s best, {listing[1]:.3f} s median")
    print(f"  cohort view query         {cohort_time[0]:7.3f} s best, {cohort_time[1]:.3f} s med.")
    print(f"  page render (list+cohort) {page[0]:7.3f} s best, {page[1]:.3f} s median")


def _postgres_database(server: str) -> tuple[str, Callable[[], None]]:
    name = f"skillgap_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return make_url(server).set(database=name).render_as_string(hide_password=False), drop


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--snapshots", type=int, default=3)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--postgres", default=os.environ.get("SKILLGAP_TEST_POSTGRES_URL"))
    args = parser.parse_args()
    reports = _reports()
    size = sum(len(str(r.to_dict())) for r in reports) / len(reports) / 1024
    print(f"report JSON: about {size:.0f} KB each")
    with tempfile.TemporaryDirectory() as folder:
        _measure("SQLite", sqlite_url(Path(folder) / "bench.sqlite3"), args, reports, Path(folder))
        if args.postgres:
            url, drop = _postgres_database(args.postgres)
            try:
                _measure("PostgreSQL", url, args, reports, Path(folder))
            finally:
                drop()
        else:
            print("PostgreSQL: skipped (give --postgres URL or set SKILLGAP_TEST_POSTGRES_URL)")


if __name__ == "__main__":
    main()
