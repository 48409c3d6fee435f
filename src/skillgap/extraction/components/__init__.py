"""skillgap's spaCy components, one module each; importing this package registers them.

They run in this order (``skillgap.extraction.pipeline.PIPE_NAMES``):

1. ``skill_kind``: "resume" or "job" (``doc._.skillgap_kind``), unless set beforehand.
2. ``skill_sections``: maps characters to sections (``doc._.skillgap_sections``).
3. ``skill_matcher``: phrase matching of every spelling variant of every taxonomy form.
4. ``skill_fuzzy``: version suffixes, joined compounds, line-wrapped phrases and typos.
5. ``skill_context``: keeps ambiguous forms (``R``, ``Go``, ``Spark``) only where the context
   supports them.
6. ``skill_qualifiers``: section, negation, requirement level and years for each mention, and
   the final ``doc.spans["skills"]``.

The three taxonomy components (matcher, fuzzy, context) take the taxonomy at ``initialize``
and save it with the pipeline (:mod:`skillgap.extraction.components.base`). The Doc data they
share is described in :mod:`skillgap.extraction.doc_data`.
"""

from skillgap.extraction.components import context, fuzzy, kind, matcher, qualifiers, sections

__all__ = ["context", "fuzzy", "kind", "matcher", "qualifiers", "sections"]
