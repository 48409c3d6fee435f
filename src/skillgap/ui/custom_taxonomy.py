"""An uploaded taxonomy YAML laid over the built-in taxonomy, in memory: nothing touches disk."""

from __future__ import annotations

from skillgap.taxonomy import (
    Taxonomy,
    TaxonomyError,
    default_taxonomy,
    overlay,
    parse_taxonomy_yaml,
)


def taxonomy_from_yaml(data: bytes, name: str, base: Taxonomy | None = None) -> Taxonomy:
    """``base`` (the built-in taxonomy by default) with the skills of ``data`` (a taxonomy YAML
    file) added or replaced.

    Raises ``TaxonomyError`` with a one-line message naming ``name`` when the file is not valid.

    >>> yaml_text = b"skills: [{id: jax-flax, name: Flax, phase: deep-learning, category: x, "
    >>> yaml_text += b"kind: hard, hours: 10, description: JAX networks}]"
    >>> taxonomy_from_yaml(yaml_text, "mine.yaml")["jax-flax"].name
    'Flax'
    """
    skills = parse_taxonomy_yaml(data, name)
    if not skills:
        raise TaxonomyError(f"{name}: the list under 'skills' is empty")
    return overlay(base or default_taxonomy(), skills, name)
