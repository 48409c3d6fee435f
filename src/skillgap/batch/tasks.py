"""The work a batch worker does on one chunk: extract documents, or compare resume-posting pairs.

These functions run in worker processes (local pool or Dask), so they take and return plain,
picklable values. A worker keeps the taxonomy, and with it the spaCy pipeline, for its whole
life: both are built once per worker, not once per chunk.
"""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass, replace
from pathlib import Path

from skillgap.analysis.compare import (
    ResumeEvidence,
    resume_evidence,
    title_end,
    with_role_titles,
)
from skillgap.analysis.report import report_from_profiles
from skillgap.batch.reading import read_row_document
from skillgap.documents import DocumentError
from skillgap.extraction.extract import extract, extract_many
from skillgap.models import DocKind, DocumentProfile
from skillgap.taxonomy import Taxonomy, default_taxonomy

PIPE_BATCH_SIZE = 32
_taxonomies: dict[str, Taxonomy] = {}


@dataclass(frozen=True)
class TaxonomyRef:
    """The taxonomy a task needs: its fingerprint, and the taxonomy itself unless built-in."""

    fingerprint: str
    taxonomy: Taxonomy | None

    @classmethod
    def of(cls, taxonomy: Taxonomy) -> TaxonomyRef:
        fingerprint = taxonomy.fingerprint()
        builtin = fingerprint == default_taxonomy().fingerprint()
        return cls(fingerprint, None if builtin else taxonomy)

    def resolve(self) -> Taxonomy:
        """The worker's copy: the first one received with this fingerprint, kept for reuse."""
        taxonomy = _taxonomies.get(self.fingerprint)
        if taxonomy is None:
            taxonomy = self.taxonomy or default_taxonomy()
            _taxonomies[self.fingerprint] = taxonomy
        return taxonomy


@dataclass(frozen=True)
class DocumentItem:
    """A document to extract: ``index`` in the run, its id, and its text or file path."""

    index: int
    id: str
    text: str | None
    path: str | None
    title: str | None


@dataclass(frozen=True)
class ExtractTask:
    chunk: int
    kind: DocKind
    items: tuple[DocumentItem, ...]
    taxonomy: TaxonomyRef


@dataclass(frozen=True)
class Extracted:
    """The profile of one document (without its text), or why there is none."""

    index: int
    profile: DocumentProfile | None
    error: str | None


@dataclass(frozen=True)
class CompareTask:
    """Pairs ``(pair index, resume index, job index)`` with the profiles they need."""

    chunk: int
    pairs: tuple[tuple[int, int, int], ...]
    profiles: dict[int, DocumentProfile]
    taxonomy: TaxonomyRef


@dataclass(frozen=True)
class PairOutcome:
    """One row of the pairs table, by pair index; ``error`` says why there is no score."""

    index: int
    score: float | None
    missing_required: tuple[str, ...]
    missing_preferred: tuple[str, ...]
    suggested_months: int | None
    error: str | None


@dataclass(frozen=True)
class ChunkResult:
    """What a chunk produced, and which worker did it with how much memory at peak."""

    chunk: int
    items: tuple
    worker: str
    peak_rss_mb: float


def extract_chunk(task: ExtractTask) -> ChunkResult:
    """Read and extract every document of the chunk; one bad document does not stop the others."""
    taxonomy = task.taxonomy.resolve()
    texts: list[tuple[DocumentItem, str]] = []
    results: dict[int, Extracted] = {}
    for item in task.items:
        text, error = _document_text(item)
        if error is not None:
            results[item.index] = Extracted(item.index, None, error)
        else:
            texts.append((item, text))
    for item, profile, error in _extract_all(texts, task.kind, taxonomy):
        results[item.index] = Extracted(item.index, profile, error)
    items = tuple(results[item.index] for item in task.items)
    return ChunkResult(task.chunk, items, worker_name(), peak_rss_mb())


def _document_text(item: DocumentItem) -> tuple[str, str | None]:
    """The text to extract (title first when given), or an error message."""
    if item.text is not None:
        text = item.text
    else:
        name = Path(item.path or "").name
        try:
            text = read_row_document(Path(item.path or "")).text
        except DocumentError as exc:
            return "", f"{name}: {exc}"
        except OSError as exc:
            return "", f"{name}: cannot be read ({exc.strerror or type(exc).__name__})"
        if not text.strip():
            return "", f"{name}: no text found"
    if item.title and not text.lstrip().startswith(item.title):
        text = f"{item.title}\n\n{text}"
    return text, None


Outcome = tuple[DocumentItem, DocumentProfile | None, str | None]


def _extract_all(
    texts: list[tuple[DocumentItem, str]], kind: DocKind, taxonomy: Taxonomy
) -> list[Outcome]:
    """Extract with ``nlp.pipe`` batching; if the batch fails, one by one to isolate the culprit."""
    try:
        batch = (text for _, text in texts)
        profiles = list(extract_many(batch, kind, taxonomy=taxonomy, batch_size=PIPE_BATCH_SIZE))
    except Exception:  # a document broke the batch
        return [_extract_one(item, text, kind, taxonomy) for item, text in texts]
    return [
        (item, _lean(p, item.id, taxonomy), None)
        for (item, _), p in zip(texts, profiles, strict=True)
    ]


def _extract_one(item: DocumentItem, text: str, kind: DocKind, taxonomy: Taxonomy) -> Outcome:
    try:
        return item, _lean(extract(text, kind, taxonomy=taxonomy), item.id, taxonomy), None
    except Exception as exc:  # reported as the document's error
        return item, None, f"extraction failed ({type(exc).__name__})"


def _lean(profile: DocumentProfile, doc_id: str, taxonomy: Taxonomy) -> DocumentProfile:
    """The profile named by its id, without the text (a resume's is personal; neither is needed
    downstream) except a posting's first line, the title the comparison reads; a resume keeps the
    disciplines its role titles show, read before the text goes."""
    if profile.kind == "job":
        return replace(profile, text=profile.text[: title_end(profile.text)], source=doc_id)
    return replace(with_role_titles(profile, taxonomy), text="", source=doc_id)


def compare_chunk(task: CompareTask) -> ChunkResult:
    """Score each pair and size the learning plan that closes its gaps."""
    taxonomy = task.taxonomy.resolve()
    evidence: dict[int, ResumeEvidence] = {}
    outcomes = []
    for index, resume, job in task.pairs:
        if resume not in evidence:
            evidence[resume] = resume_evidence(task.profiles[resume], taxonomy)
        outcomes.append(compare_pair(index, evidence[resume], task.profiles[job], taxonomy))
    return ChunkResult(task.chunk, tuple(outcomes), worker_name(), peak_rss_mb())


def compare_pair(
    index: int, evidence: ResumeEvidence, job: DocumentProfile, taxonomy: Taxonomy
) -> PairOutcome:
    """Score, missing skills and the months of the plan, as ``skillgap analyze`` gives for one
    posting (a group of alternatives counts once, by its line id)."""
    report = report_from_profiles(evidence, [job], [job.source], taxonomy)
    (match,) = report.matches
    if match.score is None:
        return PairOutcome(index, None, (), (), None, match.reason)
    return PairOutcome(
        index,
        match.score,
        tuple(s.id for s in match.missing_required),
        tuple(s.id for s in match.missing_preferred),
        report.roadmap.total_months,
        None,
    )


def worker_name() -> str:
    """Host and process id of the worker running the current task."""
    return f"{socket.gethostname()}:{os.getpid()}"


def peak_rss_mb() -> float:
    """The peak resident memory of this process so far, in MB."""
    try:
        import resource
    except ImportError:  # Windows
        import psutil

        return round(psutil.Process().memory_info().peak_wset / 2**20, 1)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    scale = 1 if os.uname().sysname == "Darwin" else 1024  # bytes on macOS, KiB on Linux
    return round(peak * scale / 2**20, 1)
