"""Build the spaCy pipeline: a blank English tokenizer plus skillgap's own components.

No trained model is loaded: extraction is rules over the tokenizer, so nothing is downloaded and
the pipeline builds in well under a second (see README, "Why no trained spaCy model").
"""

from __future__ import annotations

import spacy
from spacy.language import Language

from skillgap.extraction import components  # noqa: F401  (registers the factories)
from skillgap.memo import per_object
from skillgap.taxonomy import Taxonomy, default_taxonomy

MAX_TEXT_CHARS = 20_000_000  # twice what the 10 MB document limit can yield
PIPE_NAMES = ("skill_sections", "skill_matcher", "skill_fuzzy", "skill_context", "skill_qualifiers")
_TAXONOMY_PIPES = ("skill_matcher", "skill_fuzzy", "skill_context")


def build_pipeline(taxonomy: Taxonomy | None = None) -> Language:
    """A new pipeline for ``taxonomy`` (the built-in one by default)."""
    taxonomy = taxonomy or default_taxonomy()
    nlp = spacy.blank("en")
    nlp.max_length = MAX_TEXT_CHARS  # no parser or tagger here, so long texts cost only time
    for name in PIPE_NAMES:
        nlp.add_pipe(name)
    for name in _TAXONOMY_PIPES:
        nlp.get_pipe(name).initialize(nlp=nlp, taxonomy=taxonomy)
    # Tokenizing thousands of pattern strings fills the tokenizer's cache with entries that make
    # later look-ups ~50% slower (measured); re-setting its rules empties the cache.
    nlp.tokenizer.rules = nlp.tokenizer.rules
    return nlp


def get_pipeline(taxonomy: Taxonomy | None = None) -> Language:
    """The pipeline for ``taxonomy``, built once per taxonomy object and process."""
    return _pipeline_of(taxonomy or default_taxonomy())


_pipeline_of = per_object(build_pipeline)
