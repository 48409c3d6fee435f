"""An uploaded taxonomy YAML laid over the built-in taxonomy, in memory (nothing written to disk)."""

from __future__ import annotations

import yaml

from skillgap.taxonomy import Skill, Taxonomy, TaxonomyError, default_taxonomy, parse_skill


def taxonomy_from_yaml(data: bytes, name: str) -> Taxonomy:
    """The built-in taxonomy with the skills of ``data`` (a taxonomy YAML file) added or replaced.

    Raises ``TaxonomyError`` with a one-line message naming ``name`` when the file is not valid.

    >>> yaml_text = b"skills: [{id: jax-flax, name: Flax, phase: deep-learning, category: x, "
    >>> yaml_text += b"kind: hard, hours: 10, description: JAX networks}]"
    >>> taxonomy_from_yaml(yaml_text, "mine.yaml")["jax-flax"].name
    'Flax'
    """
    base = default_taxonomy()
    skills: dict[str, Skill] = dict(base.skills)
    for skill in _parse(data, name):
        skills[skill.id] = skill
    return Taxonomy(skills=dict(sorted(skills.items())), sources=(*base.sources, name))


def _parse(data: bytes, name: str) -> list[Skill]:
    try:
        loaded = yaml.safe_load(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise TaxonomyError(f"{name}: is not UTF-8 text") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" line {mark.line + 1}" if mark else ""
        raise TaxonomyError(f"{name}:{line} is not valid YAML") from None
    if not isinstance(loaded, dict) or not isinstance(loaded.get("skills"), list):
        raise TaxonomyError(f"{name}: must be a mapping with a list under 'skills'")
    if not loaded["skills"]:
        raise TaxonomyError(f"{name}: the list under 'skills' is empty")
    return [parse_skill(raw, name, i) for i, raw in enumerate(loaded["skills"])]
