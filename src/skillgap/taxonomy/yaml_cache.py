"""Taxonomy YAML parsed once per content and kept as JSON in the user's cache folder.

Parsing the built-in taxonomy's YAML was most of loading it (about 0.1 s of every start). A file
whose bytes were parsed before is read from a JSON file named by their hash instead; data that
JSON cannot hold exactly (dates, number keys) is simply parsed each time.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

import yaml

from skillgap.taxonomy.schema import load_yaml
from skillgap.user_cache import cache_file, read_json, write_json

_FORMAT = 1
_PREFIX = "taxonomy-yaml-"
_KEEP_FILES = 100  # the built-in taxonomy alone has 25 files


def cached_yaml(content: bytes, source: str) -> Any:
    """``load_yaml(content, source)``, from the cache when the same bytes were parsed before."""
    digest = hashlib.sha256(f"{_FORMAT}\0{yaml.__version__}\0".encode())
    digest.update(content)
    path = cache_file(_PREFIX, digest.hexdigest())
    stored = read_json(path) if path else None
    if isinstance(stored, dict) and "data" in stored:
        return stored["data"]
    data = load_yaml(content, source)
    if path and _json_keeps(data):
        write_json(path, {"data": data}, _PREFIX, keep=_KEEP_FILES)
    return data


def _json_keeps(data: Any) -> bool:
    """Whether ``data`` comes back from JSON unchanged."""
    try:
        return bool(json.loads(json.dumps(data, ensure_ascii=False)) == data)
    except (TypeError, ValueError):
        return False
