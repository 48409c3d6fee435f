"""The JSON report: every dict of ``GapReport.to_dict()`` is made here, one function per type
(the learning plan serializes itself: ``Roadmap.to_dict``).

The shape is fixed by ``schemas/report.schema.json``; ``report_schema()`` in ``report`` loads it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from skillgap.analysis.compare import GroupMatch, JobMatch, SkillMatch
from skillgap.analysis.market import Demand, Gap, GroupGap, Market, SoftSkill, Strength
from skillgap.models import DocumentProfile, Mention, quote

SCHEMA_VERSION = "1.1"


class Quotes:
    """The mentions of one document as dicts, with the line around each (``quote``); each line is
    cut once per report, as a resume's mentions recur in the lines of every posting."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._lines: dict[tuple[int, int], str] = {}

    def mention_dict(self, m: Mention) -> dict[str, Any]:
        line = self._lines.get((m.start, m.end))
        if line is None:
            line = self._lines[m.start, m.end] = quote(self.text, m.start, m.end)
        return {
            "text": m.text,
            "quote": line or m.text,
            "start": m.start,
            "end": m.end,
            "section": m.section,
            "match": m.match,
            "score": round(m.score, 1),
        }


def resume_dict(
    resume: DocumentProfile, warnings: Iterable[str] = (), quotes: Quotes | None = None
) -> dict[str, Any]:
    """The resume's part of the report (``quotes``: of the resume's text, when shared)."""
    quotes = quotes or Quotes(resume.text)
    return {
        "source": resume.source,
        "warnings": [*resume.warnings, *warnings],
        "skills": [
            {
                "id": s.id,
                "name": s.name,
                "phase": s.phase,
                "kind": s.kind,
                "years": s.years,
                "sections": sorted(s.sections),
                "evidence": [quotes.mention_dict(m) for m in s.mentions],
            }
            for s in resume.skills
        ],
    }


def group_match_dict(g: GroupMatch) -> dict[str, Any]:
    return {
        "members": list(g.members),
        "names": list(g.names),
        "need": g.need,
        "text": g.text,
        "held": list(g.held),
        "pick": g.pick,
    }


def skill_match_dict(s: SkillMatch, job: Quotes, resume: Quotes) -> dict[str, Any]:
    return {
        "id": s.id,
        "name": s.name,
        "phase": s.phase,
        "kind": s.kind,
        "level": s.level,
        "status": s.status,
        "weight": s.weight,
        "credit": round(s.credit, 3),
        "earned": s.earned,
        "lost": s.lost,
        "via": s.via,
        "years_asked": s.years_asked,
        "years_shown": s.years_shown,
        "corrected": s.corrected,
        "group": group_match_dict(s.group) if s.group else None,
        "job_evidence": [job.mention_dict(m) for m in s.job_mentions],
        "resume_evidence": [resume.mention_dict(m) for m in s.resume_mentions],
        "resume_not_held": [resume.mention_dict(m) for m in s.resume_not_held],
    }


def job_dict(
    job_id: str,
    match: JobMatch,
    job_text: str = "",
    resume: Quotes | None = None,
    warnings: Iterable[str] = (),
) -> dict[str, Any]:
    """One posting's part of the report; the posting's text and the resume's ``Quotes`` give
    the evidence its quotes."""
    texts = (Quotes(job_text), resume or Quotes(""))
    required = [s for s in match.skills if s.required and s.kind != "soft"]
    return {
        "id": job_id,
        "title": match.title,
        "source": match.source,
        "score": match.score,
        "score_reason": match.reason,
        "required_met": {
            "met": sum(1 for s in required if s.status == "matched"),
            "of": len(required),
        },
        "experience": {
            "level": match.experience.level,
            "years_asked": match.experience.years_asked,
            "years_shown": match.experience.years_shown,
            "factor": match.experience.factor,
            "lost": match.experience.lost,
        },
        "warnings": list(warnings),
        "matched": [skill_match_dict(s, *texts) for s in match.matched],
        "partial": [skill_match_dict(s, *texts) for s in match.partial],
        "missing_required": [skill_match_dict(s, *texts) for s in match.missing_required],
        "missing_preferred": [skill_match_dict(s, *texts) for s in match.missing_preferred],
        "soft_skills": [skill_match_dict(s, *texts) for s in match.soft],
        "skipped": list(match.skipped),
    }


def demand_dict(d: Demand) -> dict[str, Any]:
    return {
        "id": d.id,
        "name": d.name,
        "phase": d.phase,
        "jobs": d.jobs,
        "share": d.share,
        "required_share": d.required_share,
        "preferred_share": d.preferred_share,
    }


def group_gap_dict(g: GroupGap) -> dict[str, Any]:
    return {"members": list(g.members), "names": list(g.names), "need": g.need, "pick": g.pick}


def gap_dict(g: Gap) -> dict[str, Any]:
    return {
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
        "group": group_gap_dict(g.group) if g.group else None,
    }


def strength_dict(s: Strength) -> dict[str, Any]:
    return {
        "id": s.id,
        "name": s.name,
        "demand": s.demand,
        "sections": list(s.sections),
        "jobs": list(s.jobs),
    }


def soft_skill_dict(s: SoftSkill) -> dict[str, Any]:
    return {
        "id": s.id,
        "name": s.name,
        "demand": s.demand,
        "required_in": s.required_in,
        "jobs": list(s.jobs),
        "shown": s.shown,
        "sections": list(s.sections),
        "evidence": list(s.evidence),
        "advice": "show, don't study: give an example of it in your resume and interviews",
    }


def corrections_dict(
    have: Iterable[tuple[str, str]], skip: Iterable[tuple[str, str]]
) -> dict[str, Any]:
    """What the user corrected: skills they hold, and skills not relevant to them."""
    return {
        "have": [{"id": i, "name": name} for i, name in have],
        "skip": [{"id": i, "name": name} for i, name in skip],
    }


def market_dicts(market: Market) -> dict[str, Any]:
    """The report's cross-posting parts: demand, gaps, soft skills and strengths."""
    return {
        "demand": [demand_dict(d) for d in market.demand],
        "gaps": [gap_dict(g) for g in market.gaps],
        "soft_skills": [soft_skill_dict(s) for s in market.soft],
        "strengths": [strength_dict(s) for s in market.strengths],
    }
