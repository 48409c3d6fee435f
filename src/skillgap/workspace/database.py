"""Where the workspace lives and how it is opened: the URL, the engine, the migrations.

The URL comes from, in order: the ``--database-url`` option, ``SKILLGAP_DATABASE_URL``, the
``--workspace PATH`` option (a SQLite file), the workspace config file, and otherwise a SQLite file
in the user's data directory. Opening runs the Alembic migrations up to the newest schema.
"""

from __future__ import annotations

import os
import threading
from importlib import resources
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.pool import NullPool, StaticPool

from skillgap.workspace.errors import WorkspaceError

DATABASE_URL_ENV = "SKILLGAP_DATABASE_URL"
SQLITE_BUSY_SECONDS = 30
_MIGRATING = threading.Lock()


def default_database_path() -> Path:
    """The SQLite file used when nothing else is configured."""
    from platformdirs import user_data_path

    return user_data_path("skillgap", appauthor=False) / "workspace.sqlite3"


def sqlite_url(path: str | Path) -> str:
    """The SQLAlchemy URL of a SQLite file."""
    return f"sqlite:///{Path(path).expanduser().resolve()}"


def resolve_url(
    database_url: str | None = None,
    workspace: str | Path | None = None,
    configured: str | None = None,
) -> str:
    """The database URL by the precedence in the module docstring."""
    chosen = database_url or os.environ.get(DATABASE_URL_ENV)
    if chosen:
        return chosen
    if workspace:
        return sqlite_url(workspace)
    return configured or sqlite_url(default_database_path())


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA secure_delete=ON")  # deleted rows are overwritten, not left behind
    cursor.close()


def make_engine(url: str) -> Engine:
    """An engine for ``url``: SQLite with foreign keys, secure delete and a busy timeout."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise WorkspaceError(f"not a database URL: {url!r}") from None
    if parsed.get_backend_name() == "postgresql" and parsed.get_driver_name() in ("", "psycopg2"):
        parsed = parsed.set(drivername="postgresql+psycopg")  # psycopg 3 is the one installed
    try:
        if parsed.get_backend_name() == "sqlite":
            in_memory = parsed.database in (None, "", ":memory:")
            if not in_memory:
                Path(parsed.database or "").parent.mkdir(parents=True, exist_ok=True)
            engine = create_engine(
                parsed,
                connect_args={"timeout": SQLITE_BUSY_SECONDS, "check_same_thread": False},
                poolclass=StaticPool if in_memory else NullPool,
            )
            event.listen(engine, "connect", _sqlite_pragmas)
            return engine
        return create_engine(parsed, pool_pre_ping=True)
    except (ArgumentError, ImportError, OSError) as exc:
        raise WorkspaceError(
            f"cannot use the database {parsed.render_as_string()}: {exc}"
        ) from None


def _alembic_config() -> Config:
    config = Config()
    location = resources.files("skillgap.workspace").joinpath("migrations")
    config.set_main_option("script_location", str(location))
    return config


def upgrade(engine: Engine) -> None:
    """Migrate the database to the newest schema (creating it when empty).

    Alembic's context is module-global, so migrations in one process run one at a time.
    """
    config = _alembic_config()
    head = ScriptDirectory.from_config(config).get_current_head()
    with _MIGRATING, engine.begin() as connection:
        if MigrationContext.configure(connection).get_current_revision() == head:
            return
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def open_engine(url: str) -> Engine:
    """The engine of a workspace database, migrated to the newest schema.

    Raises ``WorkspaceError`` in one line when the database cannot be reached.
    """
    engine = make_engine(url)
    try:
        upgrade(engine)
    except SQLAlchemyError as exc:
        engine.dispose()
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        where = make_url(url).render_as_string(hide_password=True)
        raise WorkspaceError(f"cannot open the workspace database {where}: {reason}") from None
    return engine


def vacuum(engine: Engine) -> None:
    """Rewrite a SQLite file so nothing deleted survives in its free pages (no-op elsewhere)."""
    if engine.dialect.name != "sqlite":
        return
    with engine.connect() as connection:
        connection.execution_options(isolation_level="AUTOCOMMIT").execute(text("VACUUM"))
