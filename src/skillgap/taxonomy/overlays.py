"""User overlays: a user's own skills laid over a taxonomy, adding new ids and replacing known ones.

Overlay files come from users (``--taxonomy FILE`` on the CLI, an upload in the dashboard), so they
are read with the caps of :mod:`skillgap.taxonomy.schema` and :mod:`skillgap.taxonomy.loading`.
"""

from __future__ import annotations

from collections.abc import Iterable

from skillgap.taxonomy.model import Skill, Taxonomy


def overlay(base: Taxonomy, skills: Iterable[Skill], source: str) -> Taxonomy:
    """``base`` with ``skills`` added, replacing those with the same id.

    >>> from skillgap.taxonomy import default_taxonomy
    >>> mine = Skill("widget", "Widget", "other", "tool", "hard", 3.0, "An in-house tool.")
    >>> tax = overlay(default_taxonomy(), [mine], "mine.yaml")
    >>> len(tax) - len(default_taxonomy()), tax.sources[-1]
    (1, 'mine.yaml')
    """
    merged = dict(base.skills)
    merged.update((skill.id, skill) for skill in skills)
    return Taxonomy(skills=dict(sorted(merged.items())), sources=(*base.sources, source))
