"""Coaches on the workspace routes: HTTP Basic credentials checked against the workspace config,
the same user names and Argon2 password hashes the dashboard's sign-in uses.

The config is read on every request, so a coach added, removed or given a new password with
``skillgap workspace init`` counts at once. Argon2 is slow on purpose, so the outcome of a check
is remembered per worker by a SHA-256 digest of the user name, the password and the stored hash
(never the password itself); a new password or a removed coach changes the digest.

>>> from skillgap.workspace.config import WorkspaceConfig
>>> config = WorkspaceConfig()
>>> config.add_coach("ada", "a long password")
>>> check = CoachCheck()
>>> check.accepts(config, "ada", "a long password"), check.accepts(config, "ada", "wrong")
(True, False)
"""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from skillgap.api.problems import Problem
from skillgap.workspace import Workspace
from skillgap.workspace.config import WorkspaceConfig, load_config
from skillgap.workspace.database import open_engine, resolve_url
from skillgap.workspace.errors import WorkspaceError

_MAX_REMEMBERED = 256


def database_problem(exc: SQLAlchemyError) -> Problem:
    """The 503 answer to a database failure: the driver's first line, no statement or values."""
    reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
    return Problem("workspace-unavailable", f"database error: {reason}")


def not_signed_in() -> Problem:
    """The 401 answer to missing or wrong coach credentials."""
    return Problem(
        "not-signed-in",
        "send a coach's workspace user name and password as HTTP Basic credentials",
        {"WWW-Authenticate": 'Basic realm="skillgap workspace", charset="UTF-8"'},
    )


class CoachCheck:
    """Tells whether a user name and password are a coach's, remembering recent outcomes."""

    def __init__(self) -> None:
        self._outcomes: dict[bytes, bool] = {}
        self._lock = threading.Lock()

    def accepts(self, config: WorkspaceConfig, username: str, password: str) -> bool:
        stored = config.coaches.get(username.strip(), "")
        digest = hashlib.sha256()
        for part in (username.strip(), password, stored):
            data = part.encode("utf-8", "surrogatepass")
            digest.update(len(data).to_bytes(8, "big") + data)
        key = digest.digest()
        with self._lock:
            known = self._outcomes.get(key)
        if known is not None:
            return known
        outcome = config.verify(username, password)
        with self._lock:
            if len(self._outcomes) >= _MAX_REMEMBERED:
                self._outcomes.clear()
            self._outcomes[key] = outcome
        return outcome


class Coaches:
    """The workspace of this server (config file, database) and each coach's view of it."""

    def __init__(self, config_path: Path | None) -> None:
        self.config_path = config_path
        self.check = CoachCheck()
        self._engine: Engine | None = None
        self._workspaces: dict[str, Workspace] = {}
        self._lock = threading.Lock()

    def config(self) -> WorkspaceConfig:
        """The workspace config; a 404 problem when the workspace is off."""
        try:
            config = load_config(self.config_path) if self.config_path else None
        except WorkspaceError as exc:
            raise Problem("workspace-unavailable", str(exc)) from None
        if config is None:
            raise Problem(
                "workspace-off",
                "the coach workspace is off on this server: run 'skillgap workspace init' there",
            )
        return config

    def workspace(self, username: str, password: str) -> Workspace:
        """The coach's workspace after checking their password (blocking: call it in a thread)."""
        config = self.config()
        if not self.check.accepts(config, username, password):
            raise not_signed_in()
        coach = username.strip()
        with self._lock:
            try:
                if self._engine is None:
                    self._engine = open_engine(resolve_url(configured=config.database_url))
                if coach not in self._workspaces:
                    self._workspaces[coach] = Workspace(self._engine, coach)
            except WorkspaceError as exc:
                raise Problem("workspace-unavailable", str(exc)) from None
            except SQLAlchemyError as exc:
                raise database_problem(exc) from None
            return self._workspaces[coach]

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
