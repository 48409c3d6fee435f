"""The skill taxonomy: YAML data validated at load, user overlays, and consistency checks.

The package is split by job: ``model`` (the types), ``phrases`` (the verb-and-object patterns skills
may list), ``schema`` (one YAML document, bounded and
validated), ``loading`` (files and folders, the built-in taxonomy), ``overlays`` (a user's skills
laid over a taxonomy), ``checks`` (consistency over the whole taxonomy) and ``links`` (the optional
network check of resource URLs). The public names are re-exported here.
"""

from __future__ import annotations

from skillgap.taxonomy.checks import check_taxonomy
from skillgap.taxonomy.loading import default_taxonomy, default_taxonomy_dir, load_taxonomy
from skillgap.taxonomy.model import (
    KINDS,
    PHASES,
    RESOURCE_TYPES,
    TRACKS,
    ContextRule,
    Resource,
    Skill,
    Taxonomy,
    TaxonomyError,
    normalize_form,
)
from skillgap.taxonomy.overlays import overlay
from skillgap.taxonomy.schema import parse_skill, parse_taxonomy_yaml

__all__ = [
    "KINDS",
    "PHASES",
    "RESOURCE_TYPES",
    "TRACKS",
    "ContextRule",
    "Resource",
    "Skill",
    "Taxonomy",
    "TaxonomyError",
    "check_taxonomy",
    "default_taxonomy",
    "default_taxonomy_dir",
    "load_taxonomy",
    "normalize_form",
    "overlay",
    "parse_skill",
    "parse_taxonomy_yaml",
]
