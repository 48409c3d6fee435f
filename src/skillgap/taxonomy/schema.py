"""The schema of one taxonomy document's parsed data: every skill and its fields.

Every failure is a ``TaxonomyError`` whose one-line message names the file, the skill and the
field. Parsing the YAML itself, within bounds, is ``skillgap.taxonomy.yaml_parsing``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from skillgap.taxonomy.model import (
    KINDS,
    PHASES,
    RESOURCE_TYPES,
    TRACKS,
    ContextRule,
    Resource,
    Skill,
    TaxonomyError,
)
from skillgap.taxonomy.phrases import PhraseError, parse_phrase

MAX_FILE_BYTES = 1_000_000
MAX_HOURS = 1_000.0
MAX_RESOURCES = 3
OUTCOME_PREFIX = "You're ready when you can "
MAX_OUTCOME_CHARS = 200

_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
LEARNING_FIELDS = frozenset({"resources", "outcome"})
_FIELDS = {
    "id", "name", "phase", "category", "kind", "aliases", "case_sensitive", "context", "parent",
    "related", "prerequisites", "hours", "description", "track", "fuzzy", "phrases", "titles",
    *LEARNING_FIELDS,
}  # fmt: skip
_CONTEXT_FIELDS = {"forms", "any_of", "window", "in_skill_list", "not_before", "not_after"}
_RESOURCE_FIELDS = {"title", "url", "type"}


def _str_list(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str) or not isinstance(value, list):
        raise TaxonomyError(f"{where}: must be a list of strings")
    if not all(isinstance(v, str) and v.strip() for v in value):
        raise TaxonomyError(f"{where}: must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


def _lower_list(value: Any, where: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in _str_list(value, where))


def _parse_phrases(skill_id: str, value: Any, where: str) -> tuple[str, ...]:
    phrases = _lower_list(value, where)
    for phrase in phrases:
        try:
            parse_phrase(skill_id, phrase)
        except PhraseError as exc:
            raise TaxonomyError(f"{where}: {exc}") from None
    return phrases


def _parse_context(raw: Any, where: str) -> ContextRule:
    if not isinstance(raw, dict):
        raise TaxonomyError(f"{where}: must be a mapping")
    unknown = set(raw) - _CONTEXT_FIELDS
    if unknown:
        raise TaxonomyError(f"{where}: unknown field {_shown(unknown)}")
    window = raw.get("window", 8)
    if not isinstance(window, int) or isinstance(window, bool) or not 1 <= window <= 50:
        raise TaxonomyError(f"{where}.window: must be a whole number from 1 to 50")
    in_list = raw.get("in_skill_list", True)
    if not isinstance(in_list, bool):
        raise TaxonomyError(f"{where}.in_skill_list: must be true or false")
    return ContextRule(
        forms=_str_list(raw.get("forms"), f"{where}.forms"),
        any_of=_lower_list(raw.get("any_of"), f"{where}.any_of"),
        window=window,
        in_skill_list=in_list,
        not_before=_lower_list(raw.get("not_before"), f"{where}.not_before"),
        not_after=_lower_list(raw.get("not_after"), f"{where}.not_after"),
    )


def _one_line(value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip() or "\n" in value.strip():
        return None
    return value.strip()


def _parse_resource(raw: Any, where: str) -> Resource:
    if not isinstance(raw, dict):
        raise TaxonomyError(f"{where}: must be a mapping with title, url and type")
    unknown = set(raw) - _RESOURCE_FIELDS
    if unknown:
        raise TaxonomyError(f"{where}: unknown field {_shown(unknown)}")
    title = _one_line(raw.get("title"))
    if title is None:
        raise TaxonomyError(f"{where}.title: is required and must be one line of text")
    url = _one_line(raw.get("url")) or ""
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname or url.split() != [url]:  # no spaces
        raise TaxonomyError(f"{where}.url: must be an https:// address (got {url[:80]!r})")
    kind = raw.get("type")
    if kind not in RESOURCE_TYPES:
        raise TaxonomyError(f"{where}.type: must be one of {', '.join(RESOURCE_TYPES)}")
    return Resource(title=title, url=url, type=kind)


def _parse_resources(raw: Any, where: str) -> tuple[Resource, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list) or not 1 <= len(raw) <= MAX_RESOURCES:
        raise TaxonomyError(f"{where}: must be a list of 1 to {MAX_RESOURCES} resources")
    resources = tuple(_parse_resource(r, f"{where} #{i + 1}") for i, r in enumerate(raw))
    if len({r.url for r in resources}) < len(resources):
        raise TaxonomyError(f"{where}: lists the same url twice")
    return resources


def _parse_outcome(raw: Any, where: str) -> str | None:
    if raw is None:
        return None
    outcome = _one_line(raw)
    if (
        outcome is None
        or not outcome.startswith(OUTCOME_PREFIX)
        or not outcome.endswith(".")
        or len(outcome) > MAX_OUTCOME_CHARS
    ):
        raise TaxonomyError(
            f"{where}: must be one sentence of at most {MAX_OUTCOME_CHARS} characters, "
            f'"{OUTCOME_PREFIX}..." ending with a full stop'
        )
    return outcome


def _parse_hours(raw: Any, where: str) -> float:
    valid = isinstance(raw, int | float) and not isinstance(raw, bool)
    if not valid or not math.isfinite(raw) or not 0 < raw <= MAX_HOURS:
        raise TaxonomyError(f"{where}: must be a number of hours above 0 and at most {MAX_HOURS:g}")
    return float(raw)


def parse_skill(raw: Any, source: str, index: int) -> Skill:
    """Validate one YAML mapping and turn it into a Skill."""
    if not isinstance(raw, dict):
        raise TaxonomyError(f"{source}: skill #{index + 1}: must be a mapping")
    skill_id = raw.get("id")
    if not isinstance(skill_id, str) or not _ID_RE.match(skill_id):
        shown = repr(skill_id)[:60]
        raise TaxonomyError(
            f"{source}: skill #{index + 1}: field 'id' must be kebab-case (got {shown})"
        )
    where = f"{source}: skill '{skill_id}'"
    unknown = set(raw) - _FIELDS
    if unknown:
        raise TaxonomyError(f"{where}: unknown field {_shown(unknown)}")

    def text_field(name: str) -> str:
        value = raw.get(name)
        if not isinstance(value, str) or not value.strip():
            raise TaxonomyError(f"{where}: field '{name}' is required and must be text")
        return value.strip()

    def choice(name: str, options: Iterable[str]) -> str:
        value = text_field(name)
        if value not in options:
            raise TaxonomyError(f"{where}: field '{name}' must be one of {', '.join(options)}")
        return value

    phase = choice("phase", PHASES)
    track = raw.get("track")
    if phase == "specialization":
        if track not in TRACKS:
            raise TaxonomyError(
                f"{where}: field 'track' must be one of {', '.join(TRACKS)} for specialization"
            )
    elif track is not None:
        raise TaxonomyError(f"{where}: field 'track' is only for specialization skills")
    parent = raw.get("parent")
    if parent is not None and not isinstance(parent, str):
        raise TaxonomyError(f"{where}: field 'parent' must be a skill id")
    fuzzy = raw.get("fuzzy", True)
    if not isinstance(fuzzy, bool):
        raise TaxonomyError(f"{where}: field 'fuzzy' must be true or false")
    context = raw.get("context")
    return Skill(
        id=skill_id,
        name=text_field("name"),
        phase=phase,
        category=text_field("category"),
        kind=choice("kind", KINDS),
        hours=_parse_hours(raw.get("hours"), f"{where}: field 'hours'"),
        description=text_field("description"),
        aliases=_str_list(raw.get("aliases"), f"{where}: field 'aliases'"),
        case_sensitive=_str_list(raw.get("case_sensitive"), f"{where}: field 'case_sensitive'"),
        context=None if context is None else _parse_context(context, f"{where}: field 'context'"),
        parent=parent,
        related=_str_list(raw.get("related"), f"{where}: field 'related'"),
        prerequisites=_str_list(raw.get("prerequisites"), f"{where}: field 'prerequisites'"),
        track=track,
        fuzzy=fuzzy,
        phrases=_parse_phrases(skill_id, raw.get("phrases"), f"{where}: field 'phrases'"),
        titles=_str_list(raw.get("titles"), f"{where}: field 'titles'"),
        resources=_parse_resources(raw.get("resources"), f"{where}: field 'resources'"),
        outcome=_parse_outcome(raw.get("outcome"), f"{where}: field 'outcome'"),
        source=source,
    )


def parse_learning(raw: Any, where: str) -> tuple[tuple[Resource, ...], str | None]:
    """The resources and outcome of one entry of a learning file (``resources``, ``outcome``)."""
    if not isinstance(raw, dict):
        raise TaxonomyError(f"{where}: must be a mapping with resources and outcome")
    unknown = set(raw) - LEARNING_FIELDS
    if unknown:
        raise TaxonomyError(f"{where}: unknown field {_shown(unknown)}")
    return (
        _parse_resources(raw.get("resources"), f"{where}: field 'resources'"),
        _parse_outcome(raw.get("outcome"), f"{where}: field 'outcome'"),
    )


def skill_entries(data: Any, source: str) -> list[Any]:
    """The unvalidated entries under ``skills`` of one parsed taxonomy YAML document."""
    if not isinstance(data, dict) or not isinstance(data.get("skills"), list):
        raise TaxonomyError(f"{source}: must be a mapping with a list under 'skills'")
    return data["skills"]


def parse_taxonomy_yaml(content: str | bytes, source: str) -> list[Skill]:
    """The skills of one taxonomy YAML document; errors name ``source``, skill and field.

    >>> [s.id for s in parse_taxonomy_yaml("skills: [{id: flax, name: Flax, phase: other, "
    ...     "category: library, kind: hard, hours: 8, description: JAX networks.}]", "mine.yaml")]
    ['flax']
    """
    from skillgap.taxonomy.yaml_parsing import load_yaml  # PyYAML, imported when first needed

    entries = skill_entries(load_yaml(content, source), source)
    return [parse_skill(raw, source, i) for i, raw in enumerate(entries)]


def _shown(unknown: Iterable[object]) -> str:
    """The first unknown field name, quoted on one line and cut short (names come from users)."""
    return repr(min(str(name) for name in unknown)[:60])
