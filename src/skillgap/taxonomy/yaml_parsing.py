"""Parsing one taxonomy YAML document within bounds.

The document is scanned as a stream of YAML events before it is built into Python objects, so a
hostile file (nested 20,000 deep, a number of 5,000 digits, megabytes of text) is refused with a
one-line ``TaxonomyError`` before it can exhaust the stack or the memory. Only a taxonomy file
missing from the YAML cache (``skillgap.taxonomy.yaml_cache``) is parsed, so most processes never
import this module or PyYAML.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from skillgap.taxonomy.model import TaxonomyError
from skillgap.taxonomy.schema import MAX_FILE_BYTES

MAX_DEPTH = 20
MAX_SCALAR_CHARS = 2_000
MAX_NUMBER_CHARS = 30

_NUMBER_RE = re.compile(r"^[-+]?[0-9._]")
_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(content: str | bytes, source: str) -> Any:
    """The data of one YAML document, refused with one line when it is too big or too deep."""
    if len(content) > MAX_FILE_BYTES:
        raise TaxonomyError(f"{source}: is larger than {MAX_FILE_BYTES // 1_000_000} MB")
    try:
        text = content.decode("utf-8-sig") if isinstance(content, bytes) else content
        _check_shape(text, source)
        return yaml.load(text, Loader=_Loader)
    except UnicodeDecodeError:
        raise TaxonomyError(f"{source}: is not UTF-8 text") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        last_line = text.count("\n") + 1
        line = f" line {min(mark.line + 1, last_line)}" if mark else ""
        problem = getattr(exc, "problem", None)
        reason = f" ({problem})" if isinstance(problem, str) else ""
        raise TaxonomyError(f"{source}:{line} is not valid YAML{reason}") from None


def _check_shape(text: str, source: str) -> None:
    """Refuse nesting deeper than MAX_DEPTH and scalars too long to be data, from YAML events."""
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                line = event.start_mark.line + 1 if event.start_mark else 0
                raise TaxonomyError(f"{source}: line {line}: nested deeper than {MAX_DEPTH} levels")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
        elif isinstance(event, yaml.ScalarEvent):
            value = event.value
            too_long = len(value) > MAX_SCALAR_CHARS
            if event.style is None and _NUMBER_RE.match(value) and len(value) > MAX_NUMBER_CHARS:
                too_long = True
            if too_long:
                line = event.start_mark.line + 1 if event.start_mark else 0
                raise TaxonomyError(f"{source}: line {line}: a value of {len(value)} characters")
