"""Workspace fixtures: a SQLite file per test and, when a server is given, a PostgreSQL database.

PostgreSQL tests need ``SKILLGAP_TEST_POSTGRES_URL`` (``.ci/postgres.sh`` starts a server and
prints one); each test gets a database of its own, dropped afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from skillgap.workspace.database import sqlite_url

POSTGRES_ENV = "SKILLGAP_TEST_POSTGRES_URL"


def _postgres_server() -> str:
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        pytest.skip(f"no PostgreSQL server: set {POSTGRES_ENV} (see .ci/postgres.sh)")
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except OperationalError as exc:
        pytest.skip(f"the PostgreSQL server at {POSTGRES_ENV} is unreachable: {exc.orig}")
    finally:
        engine.dispose()
    return url


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database on the test server."""
    server = _postgres_server()
    name = f"skillgap_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def sqlite_file(tmp_path: Path) -> Path:
    return tmp_path / "workspace.sqlite3"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, sqlite_file: Path) -> str:
    """Each test that takes it runs on a SQLite file and on PostgreSQL."""
    if request.param == "sqlite":
        return sqlite_url(sqlite_file)
    return request.getfixturevalue("postgres_url")
