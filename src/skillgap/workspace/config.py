"""The workspace config file made by ``skillgap workspace init``: the database and the coaches.

Its presence switches the workspace on: without it nothing is stored anywhere. Passwords are kept
only as Argon2id hashes (argon2-cffi); the file is readable by its owner only.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from skillgap.workspace.errors import WorkspaceError

CONFIG_ENV = "SKILLGAP_WORKSPACE_CONFIG"
MIN_PASSWORD_LENGTH = 8
_HASHER = PasswordHasher()
# Checked when the user name is unknown, so a wrong name takes as long as a wrong password.
_DUMMY_HASH = _HASHER.hash("not a password of anyone")


def default_config_path() -> Path:
    """``SKILLGAP_WORKSPACE_CONFIG``, else ``workspace.json`` in the user's config directory."""
    if os.environ.get(CONFIG_ENV):
        return Path(os.environ[CONFIG_ENV]).expanduser()
    from platformdirs import user_config_path

    return user_config_path("skillgap", appauthor=False) / "workspace.json"


@dataclass
class WorkspaceConfig:
    """The database URL (None: the default SQLite file) and each coach's password hash."""

    database_url: str | None = None
    coaches: dict[str, str] = field(default_factory=dict)

    def add_coach(self, username: str, password: str) -> None:
        """Add a coach, or set a new password for one."""
        username = username.strip()
        if not username:
            raise WorkspaceError("the coach's user name is empty")
        if len(password) < MIN_PASSWORD_LENGTH:
            raise WorkspaceError(f"the password needs at least {MIN_PASSWORD_LENGTH} characters")
        self.coaches[username] = _HASHER.hash(password)

    def verify(self, username: str, password: str) -> bool:
        """Whether ``password`` is the coach's (False for an unknown user name)."""
        stored = self.coaches.get(username.strip())
        try:
            return _HASHER.verify(stored or _DUMMY_HASH, password) and stored is not None
        except (VerificationError, InvalidHashError):
            return False


def load_config(path: Path | None = None) -> WorkspaceConfig | None:
    """The config at ``path`` (default: ``default_config_path()``); None when there is none."""
    path = path or default_config_path()
    if not path.is_file():
        return None
    try:
        raw = json.loads(path.read_text("utf-8"))
        coaches = raw.get("coaches", {})
        if not isinstance(coaches, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in coaches.items()
        ):
            raise ValueError("'coaches' must map user names to password hashes")
        url = raw.get("database_url")
        if url is not None and not isinstance(url, str):
            raise ValueError("'database_url' must be a string")
    except (OSError, ValueError, AttributeError) as exc:
        raise WorkspaceError(f"{path}: not a workspace config file ({exc})") from None
    return WorkspaceConfig(database_url=url, coaches=dict(coaches))


def save_config(config: WorkspaceConfig, path: Path | None = None) -> Path:
    """Write the config (owner-only permissions) and return its path."""
    path = path or default_config_path()
    payload = json.dumps({"database_url": config.database_url, "coaches": config.coaches}, indent=2)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(payload + "\n")
        path.chmod(0o600)
    except OSError as exc:
        raise WorkspaceError(f"{path}: cannot be written ({exc.strerror or exc})") from None
    return path
