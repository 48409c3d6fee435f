"""``analyze``: one resume against several postings, giving the full gap report.

>>> resume = "Experience: built PyTorch models in Python."
>>> report = analyze(resume, ["Requirements: Python, Docker."])
>>> report.to_dict()["jobs"][0]["missing_required"][0]["id"]
'docker'
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from importlib import resources
from typing import Any, Protocol

from skillgap.analysis.compare import (
    SCORE_FORMULA,
    JobMatch,
    SkillMatch,
    match_job,
    resume_evidence,
)
from skillgap.analysis.market import Market, analyze_market
from skillgap.analysis.roadmap.planner import Roadmap, build_roadmap
from skillgap.models import DocKind, DocumentProfile, Mention, quote
from skillgap.taxonomy import Taxonomy, default_taxonomy

SCHEMA_VERSION = "1.0"


class HasText(Protocol):
    text: str


DocumentLike = str | HasText | DocumentProfile


@dataclass(frozen=True)
class GapReport:
    """Everything ``analyze`` found; ``to_dict`` gives the JSON report.

    ``skillgap.render.render(report, "json" | "md" | "html" | "pdf")`` prints it.
    """

    resume: DocumentProfile
    jobs: tuple[DocumentProfile, ...]
    job_ids: tuple[str, ...]
    matches: tuple[JobMatch, ...]
    market: Market
    roadmap: Roadmap

    @property
    def score(self) -> float | None:
        """The mean score over the postings that have one."""
        scores = [m.score for m in self.matches if m.score is not None]
        return round(sum(scores) / len(scores), 1) if scores else None

    def to_dict(self) -> dict[str, Any]:
        """The JSON report (see ``schemas/report.schema.json``)."""
        return {
            "schema_version": SCHEMA_VERSION,
            "score_formula": SCORE_FORMULA,
            "summary": self._summary(),
            "resume": _resume_dict(self.resume),
            "jobs": [
                _job_dict(job_id, match, job.text, self.resume.text)
                for job_id, match, job in zip(self.job_ids, self.matches, self.jobs, strict=True)
            ],
            "demand": [
                {
                    "id": d.id,
                    "name": d.name,
                    "phase": d.phase,
                    "jobs": d.jobs,
                    "share": d.share,
                    "required_share": d.required_share,
                    "preferred_share": d.preferred_share,
                }
                for d in self.market.demand
            ],
            "gaps": [
                {
                    "id": g.id,
                    "name": g.name,
                    "importance": g.importance,
                    "demand": g.demand,
                    "phase": g.phase,
                    "track": g.track,
                    "kind": g.kind,
                    "status": g.status,
                    "via": g.via,
                    "required_in": g.required_in,
                    "jobs": list(g.jobs),
                }
                for g in self.market.gaps
            ],
            "strengths": [
                {
                    "id": s.id,
                    "name": s.name,
                    "demand": s.demand,
                    "sections": list(s.sections),
                    "jobs": list(s.jobs),
                }
                for s in self.market.strengths
            ],
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


def _mention_dict(m: Mention, text: str) -> dict[str, Any]:
    return {
        "text": m.text,
        "quote": quote(text, m.start, m.end) or m.text,
        "start": m.start,
        "end": m.end,
        "section": m.section,
        "match": m.match,
        "score": round(m.score, 1),
    }


def _resume_dict(resume: DocumentProfile) -> dict[str, Any]:
    return {
        "source": resume.source,
        "warnings": list(resume.warnings),
        "skills": [
            {
                "id": s.id,
                "name": s.name,
                "phase": s.phase,
                "kind": s.kind,
                "years": s.years,
                "sections": sorted(s.sections),
                "evidence": [_mention_dict(m, resume.text) for m in s.mentions],
            }
            for s in resume.skills
        ],
    }


def _skill_match_dict(s: SkillMatch, job_text: str, resume_text: str) -> dict[str, Any]:
    return {
        "id": s.id,
        "name": s.name,
        "phase": s.phase,
        "kind": s.kind,
        "level": s.level,
        "weight": s.weight,
        "credit": round(s.credit, 3),
        "via": s.via,
        "years_asked": s.years_asked,
        "years_shown": s.years_shown,
        "job_evidence": [_mention_dict(m, job_text) for m in s.job_mentions],
        "resume_evidence": [_mention_dict(m, resume_text) for m in s.resume_mentions],
    }


def _job_dict(job_id: str, match: JobMatch, job_text: str, resume_text: str) -> dict[str, Any]:
    texts = (job_text, resume_text)
    return {
        "id": job_id,
        "title": match.title,
        "source": match.source,
        "score": match.score,
        "score_reason": match.reason,
        "matched": [_skill_match_dict(s, *texts) for s in match.matched],
        "partial": [_skill_match_dict(s, *texts) for s in match.partial],
        "missing_required": [_skill_match_dict(s, *texts) for s in match.missing_required],
        "missing_preferred": [_skill_match_dict(s, *texts) for s in match.missing_preferred],
    }


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
    jobs: Iterable[DocumentLike],
    *,
    hours_per_week: float | None = None,
    track: str | None = None,
    taxonomy: Taxonomy | None = None,
    start_date: date | None = None,
    learned: Iterable[str] = (),
) -> GapReport:
    """Compare a resume with one or more postings and plan the learning that closes the gaps.

    Documents are texts, objects with a ``.text`` (``skillgap.Document``) or extracted
    ``DocumentProfile``s. ``track`` is "auto" (default: the postings' most asked specialization)
    or one of cv, nlp, rl, recsys, time-series. ``start_date`` dates the plan's months;
    ``learned`` (skill ids) are skills learned since the resume: the plan leaves them out.
    """
    if isinstance(jobs, str | bytes):
        raise ValueError("give the job postings as a list, even for one")
    jobs = list(jobs)
    if not jobs:
        raise ValueError("give at least one job posting")
    taxonomy = taxonomy or default_taxonomy()
    resume_profile = _profile(resume, "resume", "resume", taxonomy)
    job_ids = tuple(f"job-{i}" for i in range(1, len(jobs) + 1))
    job_profiles = tuple(
        _profile(job, "job", job_id, taxonomy) for job, job_id in zip(jobs, job_ids, strict=True)
    )
    evidence = resume_evidence(resume_profile, taxonomy)
    matches = tuple(match_job(evidence, job, taxonomy) for job in job_profiles)
    market = analyze_market(matches, job_ids, taxonomy)
    roadmap = build_roadmap(
        {g.id: g.importance for g in market.gaps},
        evidence,
        taxonomy,
        hours_per_week,
        track,
        asked={d.id: round(d.share + d.required_share, 4) for d in market.demand},
        market=market,
        learned=frozenset(learned),
        start_date=start_date,
    )
    return GapReport(resume_profile, job_profiles, job_ids, matches, market, roadmap)


@cache
def report_schema() -> dict[str, Any]:
    """The JSON Schema of ``GapReport.to_dict()``."""
    text = resources.files("skillgap").joinpath("schemas/report.schema.json").read_text("utf-8")
    return json.loads(text)
