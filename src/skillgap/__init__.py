"""skillgap: find the skills a resume lacks for machine-learning engineering jobs.

>>> import skillgap
>>> profile = skillgap.extract("Must have: Python, PyTorch; Kafka is a plus.", kind="job")
>>> [(s.id, s.level) for s in profile.skills]
[('kafka', 'preferred'), ('python', 'required'), ('pytorch', 'required')]

The public entry points are imported lazily, so ``import skillgap`` stays fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "extract": "skillgap.extraction.extract",
    "extract_many": "skillgap.extraction.extract",
    "load_pipeline": "skillgap.extraction.pipeline",
    "DocumentProfile": "skillgap.models",
    "SkillHit": "skillgap.models",
    "Mention": "skillgap.models",
    "NegatedSkill": "skillgap.models",
    "load_taxonomy": "skillgap.taxonomy",
    "default_taxonomy": "skillgap.taxonomy",
    "Taxonomy": "skillgap.taxonomy",
    "TaxonomyError": "skillgap.taxonomy",
    "read_document": "skillgap.documents",
    "normalize_text": "skillgap.documents",
    "Document": "skillgap.documents",
    "DocumentError": "skillgap.documents",
    "analyze": "skillgap.analysis.report",
    "GapReport": "skillgap.analysis.report",
    "render": "skillgap.render",
    "run_batch": "skillgap.batch",
}

__all__ = [*sorted(_EXPORTS), "__version__"]

# ``skillgap.render`` is both a sub-package and a function: bind the function now, or importing
# ``skillgap.render.html`` first would leave the package where the function belongs.
from skillgap.render import render as render  # noqa: E402


def __getattr__(name: str) -> Any:
    """Import a public name on first use."""
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'skillgap' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
