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
    "weight = level (required 3, preferred 1; no level counts as required) "
    "* kind (hard 1, soft 0.5). "
    "credit = evidence * years, the best of: the skill itself; a narrower skill that implies it "
    "(PyTorch for deep learning); a related skill at half credit (TensorFlow for PyTorch, shown "
    "as partial). evidence = 1 when the resume shows the skill in experience or projects, 0.85 in "
    "education, 0.7 when it is only listed. years = min(1, max(0.5, shown / asked)) when the "
    "posting asks for years and the resume states them, else 1. A posting with no recognised "
    "skills has no score."
)


@dataclass(frozen=True)
class Answer:
    """One way a resume answers a skill: the skill itself or a narrower one ("matched"), or a
    related one ("partial"), with its credit before the years factor."""

    hit: SkillHit
    credit: float
    status: MatchStatus


@dataclass(frozen=True)
class ResumeEvidence:
    """A resume prepared for matching: for every skill it answers, the ways it does."""

    profile: DocumentProfile
    answers: Mapping[str, tuple[Answer, ...]]

    def holds(self, skill_id: str) -> bool:
        """Whether the resume shows the skill itself or a narrower one."""
        return any(a.status == "matched" for a in self.answers.get(skill_id, ()))

    def partly_holds(self, skill_id: str) -> bool:
        """Whether the resume shows only a related skill."""
        return skill_id in self.answers and not self.holds(skill_id)


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
    total_weight: float = 0.0

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


def evidence_credit(hit: SkillHit) -> float:
    """How strongly a resume shows a skill: used at work or in projects beats only listed."""
    return max((SECTION_CREDIT.get(m.section, LISTED_CREDIT) for m in hit.mentions), default=1.0)


def resume_evidence(resume: DocumentProfile | ResumeEvidence, taxonomy: Taxonomy) -> ResumeEvidence:
    """Index what a resume answers: its skills, the broader ones they imply, the related ones."""
    if isinstance(resume, ResumeEvidence):
        return resume
    full: dict[str, list[Answer]] = {}
    partial: dict[str, list[Answer]] = {}
    held = {hit.id: hit for hit in resume.skills}
    for hit in resume.skills:
        credit = evidence_credit(hit)
        full.setdefault(hit.id, []).append(Answer(hit, credit, "matched"))
        skill = taxonomy.get(hit.id)
        for other in skill.related if skill else ():
            partial.setdefault(other, []).append(Answer(hit, RELATED_CREDIT * credit, "partial"))
        seen = {hit.id}
        parent = skill.parent if skill else None
        while parent and parent not in seen:
            seen.add(parent)
            full.setdefault(parent, []).append(Answer(hit, credit, "matched"))
            parent_skill = taxonomy.get(parent)
            parent = parent_skill.parent if parent_skill else None
    for skill in taxonomy:
        for other in skill.related:
            if other in held:
                credit = RELATED_CREDIT * evidence_credit(held[other])
                partial.setdefault(skill.id, []).append(Answer(held[other], credit, "partial"))
    answers = {
        skill_id: tuple(full.get(skill_id, ())) + tuple(partial.get(skill_id, ()))
        for skill_id in sorted(full.keys() | partial.keys())
    }
    return ResumeEvidence(resume, answers)


def years_factor(asked: float | None, shown: float | None) -> float:
    """Credit kept when the resume shows fewer years than the posting asks (1 when unknown)."""
    if not asked or shown is None:
        return 1.0
    return min(1.0, max(MIN_YEARS_FACTOR, shown / asked))


def skill_weight(level: str | None, kind: str) -> float:
    """Weight of an asked skill in a posting's score."""
    return LEVEL_WEIGHT.get(level or "required", 3.0) * KIND_WEIGHT.get(kind, 1.0)


def _best_answer(asked: SkillHit, evidence: ResumeEvidence) -> tuple[float, Answer | None]:
    """The best credit for ``asked`` and the answer to show: the skill itself (or a narrower one)
    whenever the resume has it, else the best related one."""
    best: dict[str, tuple[float, Answer | None]] = {"matched": (0.0, None), "partial": (0.0, None)}
    for answer in evidence.answers.get(asked.id, ()):
        credit = answer.credit * years_factor(asked.years, answer.hit.years)
        if credit > best[answer.status][0]:
            best[answer.status] = (credit, answer)
    credit = max(best["matched"][0], best["partial"][0])
    return credit, best["matched"][1] or best["partial"][1]


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
        credit, answer = _best_answer(asked, evidence)
        via = answer.hit if answer else None
        matches.append(
            SkillMatch(
                id=asked.id,
                name=asked.name,
                phase=asked.phase,
                kind=asked.kind,
                level=level,
                weight=skill_weight(level, asked.kind),
                credit=round(credit, 4),
                status=answer.status if answer else "missing",
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
    return JobMatch(job.source, job.title, score, None, tuple(matches), total)
