"""``extract``: from a text to the skills it states, with evidence for each."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Literal, Protocol

from spacy.language import Language
from spacy.tokens import Doc

from skillgap.documents.shape import tokenizable
from skillgap.extraction.doc_data import (
    KIND_KEY,
    MENTIONS_KEY,
    READS_AS_KEY,
    RECORDS_ONLY_KEY,
    SECTIONS_KEY,
    TEXT_KEY,
    doc_kind,
    doc_text,
)
from skillgap.extraction.experience import experience_entries, years_used
from skillgap.extraction.groups import Member, requirement_groups
from skillgap.extraction.pipeline import MAX_TEXT_CHARS, get_pipeline
from skillgap.extraction.sections import HEADINGS_KEY
from skillgap.headings import CONTEXT_SECTIONS
from skillgap.models import (
    LEVEL_RANK,
    DocKind,
    DocumentProfile,
    Mention,
    NegatedSkill,
    RequirementGroup,
    SkillHit,
)
from skillgap.taxonomy import Taxonomy, default_taxonomy

KindArg = Literal["auto", "resume", "job"]


class HasText(Protocol):
    """Anything with a ``.text``, such as a ``skillgap.Document``."""

    @property
    def text(self) -> str: ...


def _text_and_source(document: str | HasText, source: str | None) -> tuple[str, str]:
    if isinstance(document, str):
        return document, source or "-"
    return document.text, source or getattr(document, "source", None) or "-"


def _headings(document: str | HasText) -> list[tuple[int, str]] | None:
    """The (offset, heading) pairs a document reader recovered (``skillgap.Document.sections``)."""
    sections = getattr(document, "sections", None)
    return [(s.start, s.heading) for s in sections] if sections else None


def _check_length(text: str) -> None:
    if len(text) > MAX_TEXT_CHARS:
        raise ValueError(
            f"the text has {len(text):,} characters; skillgap reads at most {MAX_TEXT_CHARS:,}"
        )


def _check_kind(kind: KindArg) -> None:
    if kind not in ("auto", "resume", "job"):
        raise ValueError(f"kind must be 'auto', 'resume' or 'job', not {kind!r}")


def _title(text: str, kind: DocKind) -> str | None:
    """A posting's first non-empty line, if it is short enough to be its title."""
    if kind != "job":
        return None
    for line in text.splitlines():
        line = line.strip(" \t#*-:")
        if line:
            return line[:120] if len(line.split()) <= 12 else None
    return None


def _prepared_doc(
    nlp: Language, text: str, kind: KindArg, headings: list[tuple[int, str]] | None = None
) -> Doc:
    """The tokenized Doc with its original text, any given kind (``skill_kind`` detects the
    rest) and any headings from the document's markup set, ready for the components."""
    _check_length(text)
    _check_kind(kind)
    try:
        doc = nlp.make_doc(tokenizable(text))  # same offsets; no quadratic token shapes
    except UnicodeEncodeError:  # spaCy's string store holds UTF-8
        raise ValueError(
            "the text holds lone surrogates, which are not Unicode characters; "
            "decode it with errors='replace'"
        ) from None
    doc.user_data[RECORDS_ONLY_KEY] = True  # profile_from_doc reads the records, not Spans
    if headings:
        doc.user_data[HEADINGS_KEY] = headings
    doc.user_data[KIND_KEY] = None if kind == "auto" else kind
    doc.user_data[TEXT_KEY] = text
    return doc


def profile_from_doc(doc: Doc, source: str, taxonomy: Taxonomy) -> DocumentProfile:
    """Group the mention spans of a processed Doc into a DocumentProfile."""
    kind = doc_kind(doc)
    text = doc_text(doc)
    positive: dict[str, list[Mention]] = defaultdict(list)
    negative: dict[str, list[Mention]] = defaultdict(list)
    for record in doc.user_data.get(MENTIONS_KEY) or ():
        if kind == "job" and record.section in CONTEXT_SECTIONS:
            continue  # company, benefits, equal-opportunity and application text asks for nothing
        mention = Mention(
            text=text[record.start_char : record.end_char],
            start=record.start_char,
            end=record.end_char,
            section=record.section,
            match=record.match,
            score=record.score,
            level=record.level,
            years=record.years,
        )
        (negative if record.negated else positive)[record.skill_id].append(mention)
    entries = experience_entries(text, doc.user_data[SECTIONS_KEY]) if kind == "resume" else []
    skills = []
    for skill_id in sorted(positive):
        skill = taxonomy[skill_id]
        mentions = positive[skill_id]
        years = [m.years for m in mentions if m.years is not None]
        if entries:
            dated = years_used([m.start for m in mentions], entries)
            years += [dated] if dated else []
        level = max((m.level for m in mentions), key=LEVEL_RANK.__getitem__)
        if kind == "job" and level is None:
            level = "required"  # named only in the posting's stack tags
        skills.append(
            SkillHit(
                id=skill.id,
                name=skill.name,
                phase=skill.phase,
                kind=skill.kind,
                level=level,
                years=max(years) if years else None,
                mentions=tuple(mentions),
            )
        )
    negated = tuple(
        NegatedSkill(id=i, name=taxonomy[i].name, mentions=tuple(negative[i]))
        for i in sorted(negative)
        if i not in positive
    )
    groups: tuple[RequirementGroup, ...] = ()
    if kind == "job":
        members = [
            Member(skill.id, m.start, m.end, m.level) for skill in skills for m in skill.mentions
        ]
        groups = requirement_groups(text, members, lambda i: taxonomy[i].prerequisites)
    return DocumentProfile(
        source=source,
        kind=kind,
        text=text,
        skills=tuple(skills),
        negated=negated,
        title=_title(text, kind),
        groups=groups,
        reads_as=doc.user_data.get(READS_AS_KEY),
    )


def extract(
    document: str | HasText,
    kind: KindArg = "auto",
    *,
    source: str | None = None,
    taxonomy: Taxonomy | None = None,
) -> DocumentProfile:
    """Find the skills a resume or job posting states, with evidence for every one.

    ``document`` is a text or anything with a ``.text`` (such as a ``skillgap.Document``);
    ``kind="auto"`` tells a resume from a posting by its cues.

    >>> profile = extract("Requirements: 3+ years of Python. Java is not required.", kind="job")
    >>> [(s.id, s.level, s.years) for s in profile.skills]
    [('python', 'required', 3.0)]
    >>> [n.id for n in profile.negated]
    ['java']
    """
    taxonomy = taxonomy or default_taxonomy()
    text, src = _text_and_source(document, source)
    nlp = get_pipeline(taxonomy)
    doc = _prepared_doc(nlp, text, kind, _headings(document))
    for _, component in nlp.pipeline:  # what nlp(doc) does, without its per-call set-up
        doc = component(doc)
    return profile_from_doc(doc, src, taxonomy)


def extract_many(
    documents: Iterable[str | HasText],
    kind: KindArg = "auto",
    *,
    taxonomy: Taxonomy | None = None,
    batch_size: int = 64,
) -> Iterator[DocumentProfile]:
    """``extract`` over many documents with ``nlp.pipe`` batching, in input order."""
    taxonomy = taxonomy or default_taxonomy()
    nlp = get_pipeline(taxonomy)
    sources: list[str] = []

    def docs() -> Iterator[Doc]:
        for document in documents:
            text, src = _text_and_source(document, None)
            sources.append(src)
            yield _prepared_doc(nlp, text, kind, _headings(document))

    for i, doc in enumerate(nlp.pipe(docs(), batch_size=batch_size)):
        yield profile_from_doc(doc, sources[i], taxonomy)
