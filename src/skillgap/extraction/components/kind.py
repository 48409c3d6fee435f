"""``skill_kind``: tells a resume from a job posting, unless the kind is given."""

from __future__ import annotations

from typing import get_args

from spacy.language import Language
from spacy.tokens import Doc

from skillgap.extraction.doc_data import KIND_KEY, READS_AS_KEY
from skillgap.extraction.doc_kind import KindCues
from skillgap.models import DocKind

KINDS: tuple[str, ...] = get_args(DocKind)


class SkillKind:
    """Sets ``doc._.skillgap_reads_as`` from the Doc's cues, and ``doc._.skillgap_kind`` to it
    when that is ``None``: a kind set before the pipeline runs wins."""

    def __init__(self, nlp: Language):
        self.cues = KindCues.for_vocab(nlp.vocab)

    def __call__(self, doc: Doc) -> Doc:
        data = doc.user_data
        kind = data.get(KIND_KEY)
        reads_as = data[READS_AS_KEY] = self.cues.kind_of(doc)
        if kind is None:
            data[KIND_KEY] = reads_as
        elif kind not in KINDS:
            raise ValueError(f"doc._.skillgap_kind must be 'resume', 'job' or None, not {kind!r}")
        return doc


@Language.factory("skill_kind", assigns=["doc._.skillgap_kind", "doc._.skillgap_reads_as"])
def make_skill_kind(nlp: Language, name: str) -> SkillKind:
    """The ``skill_kind`` component; put it first."""
    return SkillKind(nlp)
