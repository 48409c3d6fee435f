"""The API's settings: limits, the API key hash and the taxonomy, read once per worker process.

``skillgap serve`` hands its options to the worker processes through environment variables, so a
worker built by uvicorn's app factory sees the same settings as the command line.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from skillgap.documents import Limits
from skillgap.documents.limits import MB
from skillgap.ui import TAXONOMY_ENV
from skillgap.workspace.config import CONFIG_ENV, default_config_path

API_KEY_HASH_ENV = "SKILLGAP_API_KEY_HASH"


@dataclass(frozen=True)
class Settings:
    """What one API worker needs to know.

    ``api_key_hash`` (an Argon2 hash from ``skillgap serve --hash-key``) turns the key check on for
    every ``/v1`` route; ``taxonomy_path`` is a YAML file or folder laid over the built-in skills.
    ``limits`` caps each document; ``max_request_bytes`` the whole request body.
    ``workspace_config`` is the coach workspace's config file: the workspace routes answer while
    it exists (None: they always answer that the workspace is off).
    """

    api_key_hash: str | None = None
    taxonomy_path: str | None = None
    limits: Limits = field(default_factory=Limits)
    max_request_bytes: int = 25 * MB
    max_jobs: int = 20
    max_taxonomy_bytes: int = 1 * MB
    workspace_config: Path | None = None

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Settings from ``SKILLGAP_API_KEY_HASH``, ``SKILLGAP_TAXONOMY`` and the workspace
        config (``SKILLGAP_WORKSPACE_CONFIG`` or its default place)."""
        env = os.environ if env is None else env
        config = env.get(CONFIG_ENV)
        return cls(
            api_key_hash=env.get(API_KEY_HASH_ENV) or None,
            taxonomy_path=env.get(TAXONOMY_ENV) or None,
            workspace_config=Path(config).expanduser() if config else default_config_path(),
        )
