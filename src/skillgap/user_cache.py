"""JSON files kept in the user's cache folder so that later processes start faster.

They hold data derived from the taxonomy only (pattern tokens, parsed YAML), never document
text. Each file is named by a hash of everything its content depends on, so a stale file is never
read; it is written atomically (a concurrent reader sees no file or a whole one), and beyond a few
files of one kind the oldest are removed. The folder is ``SKILLGAP_CACHE_DIR`` if set, else the
user's cache folder (``platformdirs.user_cache_path("skillgap")``). When it cannot be read or
written, callers simply compute the data again.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

CACHE_ENV = "SKILLGAP_CACHE_DIR"
KEEP_FILES = 8  # per kind of file (its name prefix) unless told: other taxonomies, spaCy versions


def cache_dir() -> Path:
    """The folder the files are kept in."""
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured).expanduser()
    from platformdirs import user_cache_path

    return user_cache_path("skillgap", appauthor=False)


def cache_file(prefix: str, *inputs: bytes | str | Path) -> Path | None:
    """The path of the file of kind ``prefix`` holding data derived from ``inputs``: settings and
    source data as bytes or text, and the code deriving it as module paths (their source is
    read). It is named by their hash, so changing any of them names another file. None without
    a cache folder."""
    digest = hashlib.sha256()
    for part in inputs:
        data = part.read_bytes() if isinstance(part, Path) else part
        data = data.encode("utf-8") if isinstance(data, str) else data
        digest.update(len(data).to_bytes(8, "little"))  # parts cannot run into each other
        digest.update(data)
    try:
        return cache_dir() / f"{prefix}{digest.hexdigest()[:32]}.json"
    except (OSError, RuntimeError, KeyError):  # no home folder for a cache
        return None


def read_json(path: Path) -> Any:
    """The data of a cache file; None when it is missing or damaged."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def all_strings(values: Iterable[object]) -> bool:
    """Whether every value read back is a string: checked in C (``map``), as cache files hold
    tens of thousands of them."""
    return all(map(str.__instancecheck__, values))


def write_json(path: Path, data: Any, prefix: str, keep: int = KEEP_FILES) -> None:
    """Write ``data`` to ``path`` atomically, then remove the oldest files of kind ``prefix``
    beyond ``keep``."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
    except OSError:
        return
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(data, out, ensure_ascii=False)
        os.replace(temporary, path)
        _prune(path.parent, prefix, keep)
    except OSError:
        Path(temporary).unlink(missing_ok=True)


def _prune(folder: Path, prefix: str, keep: int) -> None:
    files = sorted(folder.glob(prefix + "*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in files[keep:]:
        old.unlink(missing_ok=True)
