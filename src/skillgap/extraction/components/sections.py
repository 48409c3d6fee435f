"""``skill_sections``: maps every character of the text to a section."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from skillgap.extraction.doc_data import SECTIONS_KEY, doc_kind, doc_text
from skillgap.extraction.sections import HEADINGS_KEY, section_map


class SkillSections:
    """Sets ``doc._.skillgap_sections``, a :class:`skillgap.extraction.sections.SectionMap`."""

    def __call__(self, doc: Doc) -> Doc:
        headings = doc.user_data.get(HEADINGS_KEY)  # from the document's markup, if any
        doc.user_data[SECTIONS_KEY] = section_map(doc_text(doc), doc_kind(doc), headings)
        return doc


@Language.factory(
    "skill_sections", assigns=["doc._.skillgap_sections"], requires=["doc._.skillgap_kind"]
)
def make_skill_sections(nlp: Language, name: str) -> SkillSections:
    """The ``skill_sections`` component."""
    return SkillSections()
