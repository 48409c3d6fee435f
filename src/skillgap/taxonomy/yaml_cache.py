"""Taxonomy YAML parsed once per content and kept as JSON in the user's cache folder.

Parsing the built-in taxonomy's YAML was most of loading it (about 0.1 s of every start). A file
whose bytes were parsed before is read from a JSON file named by their hash instead; data that
JSON cannot hold exactly (dates, number keys) is simply parsed each time.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from skillgap.user_cache import cache_file, read_json, write_json

_FORMAT = 1
_PREFIX = "taxonomy-yaml-"
_KEEP_FILES = 100  # the built-in taxonomy alone has 25 files


def cached_yaml(content: bytes, source: str) -> Any:
    """``load_yaml(content, source)``, from the cache when the same bytes were parsed before."""
    path = cache_file(_PREFIX, str(_FORMAT), _parser_source(), content)
    stored = read_json(path) if path else None
    if isinstance(stored, dict) and "data" in stored:
        return stored["data"]
    from skillgap.taxonomy.yaml_parsing import load_yaml  # imports PyYAML: only on a miss

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


@cache
def _parser_source() -> Path | str:
    """PyYAML's package file, which states its version: found without importing it."""
    spec = find_spec("yaml")
    return Path(spec.origin) if spec and spec.origin else ""
