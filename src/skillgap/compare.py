"""One resume against one job posting: which asked skills are held, partly held or missing.

``match_job`` is pure and cheap: the batch engine calls it once per (resume, posting) pair. For many
postings, turn the resume into a ``ResumeEvidence`` once with ``resume_evidence`` and pass that.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from skillgap.models import DocumentProfile, Mention, SkillHit
from skillgap.taxonomy import Taxonomy

MatchStatus = Literal["matched", "partial", "missing"]

LEVEL_WEIGHT = {"required": 3.0, "preferred": 1.0}
KIND_WEIGHT = {"hard": 1.0, "soft": 0.5}
SECTION_CREDIT = {"experience": 1.0, "projects": 1.0, "education": 0.85}
LISTED_CREDIT = 0.7
RELATED_CREDIT = 0.5
MIN_YEARS_FACTOR = 0.5

SCORE_FORMULA = (
    "score = 100 * sum(weight * credit) / sum(weight) over the skills the posting asks for. "
    "weight = level (required 3, preferred 1; no level counts as required) * kind (hard 1, soft 0.5). "
    "credit = evidence * years, the best of: the skill itself; a narrower skill that implies it "
    "(PyTorch for deep learning); a related skill at half credit (TensorFlow for PyTorch, shown as "
    "partial). evidence = 1 when the resume shows the skill in experience or projects, 0.85 in "
    "education, 0.7 when it is only listed. years = min(1, max(0.5, shown / asked)) when the posting "
    "asks for years and the resume states them, else 1. A posting with no recognised skills has no "
    "score."
)


@dataclass(frozen=True)
class ResumeEvidence:
    """A resume prepared for matching: what it holds directly and what that implies."""

    profile: DocumentProfile
    held: Mapping[str, SkillHit]
    implied_by: Mapping[str, tuple[str, ...]]
    related_to: Mapping[str, tuple[str, ...]]


@dataclass(frozen=True)
class SkillMatch:
    """One skill a posting asks for, and how the resume answers it."""

    id: str
    name: str
    phase: str
    kind: str
    level: str
    weight: float
    credit: float
    status: MatchStatus
    via: str | None
    years_asked: float | None
    years_shown: float | None
    job_mentions: tuple[Mention, ...]
    resume_mentions: tuple[Mention, ...]

    @property
    def required(self) -> bool:
        return self.level == "required"


@dataclass(frozen=True)
class JobMatch:
    """The resume against one posting: every asked skill and the 0-100 score."""

    source: str
    title: str | None
    score: float | None
    reason: str | None
    skills: tuple[SkillMatch, ...]

    def _with(self, status: MatchStatus, required: bool | None = None) -> tuple[SkillMatch, ...]:
        return tuple(
            s
            for s in self.skills
            if s.status == status and (required is None or s.required == required)
        )

    @property
    def matched(self) -> tuple[SkillMatch, ...]:
        return self._with("matched")

    @property
    def partial(self) -> tuple[SkillMatch, ...]:
        return self._with("partial")

    @property
    def missing_required(self) -> tuple[SkillMatch, ...]:
        return self._with("missing", required=True)

    @property
    def missing_preferred(self) -> tuple[SkillMatch, ...]:
        return self._with("missing", required=False)


def resume_evidence(resume: DocumentProfile | ResumeEvidence, taxonomy: Taxonomy) -> ResumeEvidence:
    """Index a resume's skills with the broader skills they imply and the related ones they help."""
    if isinstance(resume, ResumeEvidence):
        return resume
    held = {hit.id: hit for hit in resume.skills}
    implied: dict[str, list[str]] = {}
    related: dict[str, list[str]] = {}
    for skill_id in held:
        skill = taxonomy.get(skill_id)
        if skill is None:
            continue
        for other in skill.related:
            related.setdefault(other, []).append(skill_id)
        seen = {skill_id}
        parent = skill.parent
        while parent and parent not in seen:
            seen.add(parent)
            implied.setdefault(parent, []).append(skill_id)
            parent_skill = taxonomy.get(parent)
            parent = parent_skill.parent if parent_skill else None
    return ResumeEvidence(
        profile=resume,
        held=held,
        implied_by={k: tuple(sorted(v)) for k, v in implied.items()},
        related_to={k: tuple(sorted(v)) for k, v in related.items()},
    )


def evidence_credit(hit: SkillHit) -> float:
    """How strongly a resume shows a skill: used at work or in projects beats only listed."""
    return max((SECTION_CREDIT.get(m.section, LISTED_CREDIT) for m in hit.mentions), default=1.0)


def years_factor(asked: float | None, shown: float | None) -> float:
    """Credit kept when the resume shows fewer years than the posting asks (1 when unknown)."""
    if not asked or shown is None:
        return 1.0
    return min(1.0, max(MIN_YEARS_FACTOR, shown / asked))


def skill_weight(level: str | None, kind: str) -> float:
    """Weight of an asked skill in a posting's score."""
    return LEVEL_WEIGHT.get(level or "required", 3.0) * KIND_WEIGHT.get(kind, 1.0)


def _best_credit(
    asked: SkillHit, evidence: ResumeEvidence, taxonomy: Taxonomy
) -> tuple[float, MatchStatus, SkillHit | None]:
    """The best way the resume answers ``asked``: itself, a narrower skill, or a related one."""
    best: tuple[float, MatchStatus, SkillHit | None] = (0.0, "missing", None)
    full = [evidence.held[asked.id]] if asked.id in evidence.held else []
    full += [evidence.held[i] for i in evidence.implied_by.get(asked.id, ())]
    for hit in full:
        credit = evidence_credit(hit) * years_factor(asked.years, hit.years)
        if credit > best[0]:
            best = (credit, "matched", hit)
    if best[2] is not None:
        return best
    skill = taxonomy.get(asked.id)
    related = list(evidence.related_to.get(asked.id, ()))
    related += [i for i in (skill.related if skill else ()) if i in evidence.held]
    for other in sorted(set(related)):
        hit = evidence.held[other]
        credit = RELATED_CREDIT * evidence_credit(hit) * years_factor(asked.years, hit.years)
        if credit > best[0]:
            best = (credit, "partial", hit)
    return best


def match_job(
    resume: DocumentProfile | ResumeEvidence, job: DocumentProfile, taxonomy: Taxonomy
) -> JobMatch:
    """Compare a resume with one posting; see ``SCORE_FORMULA`` for the score.

    Skills are listed heaviest first (required before preferred), then by id.
    """
    evidence = resume_evidence(resume, taxonomy)
    matches = []
    for asked in job.skills:
        level = asked.level or "required"
        credit, status, via = _best_credit(asked, evidence, taxonomy)
        matches.append(
            SkillMatch(
                id=asked.id,
                name=asked.name,
                phase=asked.phase,
                kind=asked.kind,
                level=level,
                weight=skill_weight(level, asked.kind),
                credit=round(credit, 4),
                status=status,
                via=via.id if via is not None and via.id != asked.id else None,
                years_asked=asked.years,
                years_shown=via.years if via is not None else None,
                job_mentions=asked.mentions,
                resume_mentions=via.mentions if via is not None else (),
            )
        )
    matches.sort(key=lambda m: (-m.weight, m.id))
    total = sum(m.weight for m in matches)
    if total <= 0:
        return JobMatch(job.source, job.title, None, "no skills recognised in this posting", ())
    score = round(100 * sum(m.weight * m.credit for m in matches) / total, 1)
    return JobMatch(job.source, job.title, score, None, tuple(matches))
