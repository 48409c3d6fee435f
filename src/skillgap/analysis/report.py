"""``analyze``: one resume against several postings, giving the full gap report.

>>> resume = "Experience: built PyTorch models in Python."
>>> report = analyze(resume, ["Requirements: Python, Docker."])
>>> report.to_dict()["jobs"][0]["missing_required"][0]["id"]
'docker'
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from importlib import resources
from typing import Any, Protocol

from skillgap.analysis import serialize
from skillgap.analysis.compare import (
    SCORE_FORMULA,
    JobMatch,
    PostingAsks,
    ResumeEvidence,
    match_job,
    with_role_titles,
)
from skillgap.analysis.compare import resume_evidence as prepare_resume
from skillgap.analysis.market import Market, analyze_market
from skillgap.analysis.roadmap.planner import Roadmap, build_roadmap
from skillgap.models import DocKind, DocumentProfile
from skillgap.taxonomy import Taxonomy, default_taxonomy

SCHEMA_VERSION = serialize.SCHEMA_VERSION


class HasText(Protocol):
    @property
    def text(self) -> str: ...


DocumentLike = str | HasText | DocumentProfile


@dataclass(frozen=True)
class GapReport:
    """Everything ``analyze`` found; ``to_dict`` gives the JSON report.

    ``skillgap.render.render(report, "json" | "md" | "html" | "pdf")`` prints it. ``have`` and
    ``skip`` are the user's corrections as (id, name); ``job_warnings[i]`` are the warnings of
    ``jobs[i]``.
    """

    resume: DocumentProfile
    jobs: tuple[DocumentProfile, ...]
    job_ids: tuple[str, ...]
    matches: tuple[JobMatch, ...]
    market: Market
    roadmap: Roadmap
    have: tuple[tuple[str, str], ...] = ()
    skip: tuple[tuple[str, str], ...] = ()
    resume_warnings: tuple[str, ...] = ()
    job_warnings: tuple[tuple[str, ...], ...] = field(default_factory=tuple)
    meta: Mapping[str, Any] | None = None  # who, when, versions, posting set (the workspace's)

    @property
    def score(self) -> float | None:
        """The mean score over the postings that have one."""
        scores = [m.score for m in self.matches if m.score is not None]
        return round(sum(scores) / len(scores), 1) if scores else None

    def to_dict(self) -> dict[str, Any]:
        """The JSON report (see ``schemas/report.schema.json``)."""
        job_warnings = self.job_warnings or tuple(() for _ in self.matches)
        stamp = {} if self.meta is None else {"meta": dict(self.meta)}
        quotes = serialize.Quotes(self.resume.text)  # for this report only: nothing is kept
        return stamp | {
            "schema_version": SCHEMA_VERSION,
            "score_formula": SCORE_FORMULA,
            "summary": self._summary(),
            "corrections": serialize.corrections_dict(self.have, self.skip),
            "resume": serialize.resume_dict(self.resume, self.resume_warnings, quotes),
            "jobs": [
                serialize.job_dict(job_id, match, job.text, quotes, warnings)
                for job_id, match, job, warnings in zip(
                    self.job_ids, self.matches, self.jobs, job_warnings, strict=True
                )
            ],
            **serialize.market_dicts(self.market),
            "roadmap": self.roadmap.to_dict(),
        }

    def _summary(self) -> dict[str, Any]:
        scored = [
            (m.score, job_id)
            for job_id, m in zip(self.job_ids, self.matches, strict=True)
            if m.score is not None
        ]
        best = max(scored, key=lambda pair: pair[0], default=None)
        return {
            "score": self.score,
            "jobs": len(self.matches),
            "scored_jobs": self.market.scored_jobs,
            "best_job": best[1] if best else None,
            "top_gaps": [g.name for g in self.market.gaps[:5]],
            "total_months": self.roadmap.total_months,
            "months_saved": self.roadmap.months_saved,
            "track": self.roadmap.track,
        }


def report_from_profiles(
    resume: DocumentProfile | ResumeEvidence,
    jobs: Sequence[DocumentProfile | PostingAsks],
    job_ids: Sequence[str],
    taxonomy: Taxonomy,
    *,
    hours_per_week: float | None = None,
    track: str | None = None,
    have: Collection[str] = (),
    skip: Collection[str] = (),
    learned: Collection[str] = (),
    start_date: date | None = None,
) -> GapReport:
    """From extracted profiles to the report: match every posting, rank the gaps over them and
    plan the learning; ``analyze`` and the batch workers both go through here."""
    evidence = prepare_resume(resume, taxonomy, have)
    matches = tuple(match_job(evidence, job, taxonomy, skip=skip) for job in jobs)
    market = analyze_market(matches, list(job_ids), taxonomy)
    roadmap = build_roadmap(
        plan_gaps(market),
        evidence,
        taxonomy,
        hours_per_week,
        track,
        asked={d.id: round(d.share + d.required_share, 4) for d in market.demand},
        market=market,
        learned=frozenset(learned),
        start_date=start_date,
    )
    return GapReport(
        evidence.profile,
        tuple(_posting(job) for job in jobs),
        tuple(job_ids),
        matches,
        market,
        roadmap,
        have=tuple((i, taxonomy[i].name) for i in sorted(evidence.have)),
        skip=tuple((i, taxonomy[i].name) for i in sorted(set(skip)) if i in taxonomy),
    )


def plan_gaps(market: Market) -> dict[str, float]:
    """The skills the plan should close, by importance: a group gap gives its picked member."""
    gaps: dict[str, float] = {}
    for gap in market.gaps:
        gaps[gap.plan_id] = max(gaps.get(gap.plan_id, 0.0), gap.importance)
    return gaps


def _posting(job: DocumentProfile | PostingAsks) -> DocumentProfile:
    return job.profile if isinstance(job, PostingAsks) else job


def _profile(
    document: DocumentLike, kind: DocKind, source: str, taxonomy: Taxonomy
) -> DocumentProfile:
    if isinstance(document, DocumentProfile):
        return document
    from skillgap.extraction.extract import extract

    if isinstance(document, str):
        return extract(document, kind, source=source, taxonomy=taxonomy)
    if not isinstance(getattr(document, "text", None), str):
        raise TypeError("documents must be texts, objects with a .text, or DocumentProfiles")
    profile = extract(
        document, kind, source=getattr(document, "source", None) or source, taxonomy=taxonomy
    )
    warnings = tuple(getattr(document, "warnings", ()))
    return replace(profile, warnings=profile.warnings + warnings) if warnings else profile


def analyze(
    resume: DocumentLike,
    jobs: Iterable[DocumentLike | PostingAsks],
    *,
    hours_per_week: float | None = None,
    track: str | None = None,
    taxonomy: Taxonomy | None = None,
    start_date: date | None = None,
    learned: Iterable[str] = (),
    have: Iterable[str] = (),
    skip: Iterable[str] = (),
) -> GapReport:
    """Compare a resume with one or more postings and plan the learning that closes the gaps.

    Documents are texts, objects with a ``.text`` (``skillgap.Document``) or extracted
    ``DocumentProfile``s; a posting may also come prepared (``compare.posting_asks``).
    ``track`` is "auto" (default: the postings' most asked specialization) or one of cv, nlp,
    rl, recsys, time-series. ``start_date`` dates the plan's months;
    ``learned`` (skill ids) are skills learned since the resume: the plan leaves them out.
    ``have`` are skill ids you hold although the resume does not show them, ``skip`` skill ids
    not relevant to you: both are corrections, listed in the report (an unknown id raises
    ``ValueError``).
    """
    if isinstance(jobs, str | bytes):
        raise ValueError("give the job postings as a list, even for one")
    jobs = list(jobs)
    if not jobs:
        raise ValueError("give at least one job posting")
    taxonomy = taxonomy or default_taxonomy()
    have, skip = _known_ids(have, taxonomy, "have"), _known_ids(skip, taxonomy, "skip")
    _known_ids(learned, taxonomy, "learned")
    resume_profile = with_role_titles(_profile(resume, "resume", "resume", taxonomy), taxonomy)
    job_ids = tuple(f"job-{i}" for i in range(1, len(jobs) + 1))
    job_profiles = tuple(
        job if isinstance(job, PostingAsks) else _profile(job, "job", job_id, taxonomy)
        for job, job_id in zip(jobs, job_ids, strict=True)
    )
    report = report_from_profiles(
        resume_profile,
        job_profiles,
        job_ids,
        taxonomy,
        hours_per_week=hours_per_week,
        track=track,
        have=have,
        skip=skip,
        learned=tuple(learned),
        start_date=start_date,
    )
    return replace(
        report,
        resume_warnings=kind_warnings(resume_profile, "resume"),
        job_warnings=tuple(kind_warnings(_posting(job), "job") for job in job_profiles),
    )


def _known_ids(ids: Iterable[str], taxonomy: Taxonomy, what: str) -> frozenset[str]:
    """The ids as a set; ``ValueError`` naming ``what`` and the first id the taxonomy lacks."""
    if isinstance(ids, str):
        raise ValueError(f"{what}: give skill ids as a list, even for one")
    known = frozenset(i.strip() for i in ids if i.strip())
    unknown = sorted(i for i in known if i not in taxonomy)
    if unknown:
        raise ValueError(f"{what}: unknown skill id: {unknown[0]} (see `skillgap taxonomy list`)")
    return known


_KIND_WORDS = {"resume": "a resume", "job": "a job posting"}


def kind_warnings(profile: DocumentProfile, expected: DocKind) -> tuple[str, ...]:
    """A one-line warning when a document given as one kind reads like the other (a posting
    uploaded as the resume); none when there is no text to tell from."""
    if not profile.text.strip():
        return ()
    from skillgap.extraction.doc_kind import detect_kind

    seen = profile.reads_as or detect_kind(profile.text)
    if seen == expected:
        return ()
    return (
        f"{profile.source} was given as {_KIND_WORDS[expected]} but reads like "
        f"{_KIND_WORDS[seen]}: check that the inputs are not swapped",
    )


@cache
def report_schema() -> dict[str, Any]:
    """The JSON Schema of ``GapReport.to_dict()``."""
    text = resources.files("skillgap").joinpath("schemas/report.schema.json").read_text("utf-8")
    return json.loads(text)
