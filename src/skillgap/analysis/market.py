"""Across postings: how often each skill is asked, the resume's gaps ranked, and its strengths.

A seeker targets a market rather than one ad, so a gap matters in proportion to the score it costs
across all the postings: ``importance`` is the number of score points (0-100) closing the gap would
add on average over the postings that have a score. A group of alternatives is one gap, and its
``group.pick`` the member to study: cheapest for the resume and most asked across the postings.
Soft skills are listed apart (``soft``): shown, not studied, so neither gaps nor strengths.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from skillgap.analysis.compare import GroupMatch, JobMatch, MatchStatus, SkillMatch, choose_member
from skillgap.taxonomy import Taxonomy


@dataclass(frozen=True)
class Demand:
    """How many of the scored postings ask for a skill, and at which level."""

    id: str
    name: str
    phase: str
    jobs: int
    required: int
    preferred: int
    share: float
    required_share: float
    preferred_share: float


@dataclass(frozen=True)
class GroupGap:
    """The alternatives of a gap that is a group, and the one member to study (``pick``)."""

    members: tuple[str, ...]
    names: tuple[str, ...]
    need: int
    pick: str | None


@dataclass(frozen=True)
class Gap:
    """A skill the postings ask for that the resume lacks (missing) or only approaches (partial)."""

    id: str
    name: str
    phase: str
    kind: str
    track: str | None
    status: MatchStatus
    via: str | None
    importance: float
    demand: float
    required_in: int
    jobs: tuple[str, ...]
    group: GroupGap | None = None

    @property
    def plan_id(self) -> str:
        """The skill to study to close the gap: the group's pick, else the skill itself."""
        return self.group.pick if self.group and self.group.pick else self.id


@dataclass(frozen=True)
class SoftSkill:
    """A soft skill the postings ask for: to show in the resume and interviews, not to study.
    ``sections`` and ``evidence`` say where the resume already shows it (empty when it does not).
    """

    id: str
    name: str
    demand: float
    required_in: int
    jobs: tuple[str, ...]
    shown: bool
    sections: tuple[str, ...]
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class Strength:
    """A skill the resume shows and the postings ask for."""

    id: str
    name: str
    demand: float
    sections: tuple[str, ...]
    jobs: tuple[str, ...]


@dataclass(frozen=True)
class Market:
    """Demand, ranked gaps and strengths over a set of postings."""

    scored_jobs: int
    demand: tuple[Demand, ...]
    gaps: tuple[Gap, ...]
    strengths: tuple[Strength, ...]
    soft: tuple[SoftSkill, ...] = ()


def analyze_market(
    matches: Sequence[JobMatch], job_ids: Sequence[str], taxonomy: Taxonomy
) -> Market:
    """Summarise per-posting matches (``job_ids[i]`` names ``matches[i]``) into a market view."""
    scored = [(jid, m) for jid, m in zip(job_ids, matches, strict=True) if m.score is not None]
    n = len(scored)
    if n == 0:
        return Market(0, (), (), ())
    asked: dict[str, list[tuple[str, JobMatch, SkillMatch]]] = {}
    member_jobs: dict[str, set[str]] = {}
    for jid, match in scored:
        for skill in match.skills:
            asked.setdefault(skill.id, []).append((jid, match, skill))
            for member in skill.group.members if skill.group else (skill.id,):
                member_jobs.setdefault(member, set()).add(jid)
    member_demand = {m: len(jobs) / n for m, jobs in member_jobs.items()}
    demand, gaps, strengths, soft = [], [], [], []
    for skill_id, uses in asked.items():
        first = uses[0][2]
        required = sum(1 for _, _, s in uses if s.required)
        share = round(len(uses) / n, 4)
        demand.append(
            Demand(
                id=skill_id,
                name=first.name,
                phase=first.phase,
                jobs=len(uses),
                required=required,
                preferred=len(uses) - required,
                share=share,
                required_share=round(required / n, 4),
                preferred_share=round((len(uses) - required) / n, 4),
            )
        )
        if first.kind == "soft":
            soft.append(_soft(skill_id, [(jid, s) for jid, _, s in uses], share))
            continue
        lacking = [(jid, s, m) for jid, m, s in uses if s.status != "matched"]
        if lacking:
            gaps.append(_gap(skill_id, lacking, share, n, taxonomy, member_demand))
        else:
            sections = {mention.section for _, _, s in uses for mention in s.resume_mentions}
            strengths.append(
                Strength(skill_id, first.name, share, tuple(sorted(sections)), _ids(uses))
            )
    demand.sort(key=lambda d: (-d.share, -d.required_share, d.id))
    gaps.sort(key=lambda g: (-g.importance, -g.demand, g.id))
    strengths.sort(key=lambda s: (-s.demand, s.id))
    soft.sort(key=lambda s: (s.shown, -s.demand, s.id))
    return Market(n, tuple(demand), tuple(gaps), tuple(strengths), tuple(soft))


def _ids(uses: list[tuple[str, JobMatch, SkillMatch]]) -> tuple[str, ...]:
    return tuple(jid for jid, _, _ in uses)


def _soft(skill_id: str, uses: list[tuple[str, SkillMatch]], share: float) -> SoftSkill:
    """A soft skill across the postings that ask it, with the resume's evidence for it."""
    mentions = [m for _, s in uses for m in s.resume_mentions]
    return SoftSkill(
        id=skill_id,
        name=uses[0][1].name,
        demand=share,
        required_in=sum(1 for _, s in uses if s.required),
        jobs=tuple(jid for jid, _ in uses),
        shown=any(s.status != "missing" for _, s in uses),
        sections=tuple(sorted({m.section for m in mentions})),
        evidence=tuple(dict.fromkeys(m.text for m in mentions)),
    )


def _group_gap(groups: list[GroupMatch], demand: dict[str, float]) -> GroupGap:
    """The members of a group gap over its postings, and the one to study."""
    costs: dict[str, float] = {}
    names: dict[str, str] = {}
    for group in groups:
        for member, name, cost in zip(group.members, group.names, group.costs, strict=True):
            costs[member] = min(cost, costs.get(member, cost))
            names[member] = name
    members = tuple(costs)
    pick = choose_member(members, [costs[m] for m in members], demand)
    need = max(g.need for g in groups)
    return GroupGap(members, tuple(names[m] for m in members), need, pick)


def _gap(
    skill_id: str,
    lacking: list,
    share: float,
    n: int,
    taxonomy: Taxonomy,
    member_demand: dict[str, float],
) -> Gap:
    """A gap from the postings where the resume does not fully answer the skill."""
    points = 0.0
    for _, skill_match, job in lacking:
        points += 100 * skill_match.weight * (1 - skill_match.credit) / job.total_weight
    first = lacking[0][1]
    groups = [s.group for _, s, _ in lacking if s.group is not None]
    if groups:
        first = next(s for _, s, _ in lacking if s.group is not None)
    partial = any(s.status == "partial" for _, s, _ in lacking)
    status: MatchStatus = "partial" if partial else "missing"
    skill = taxonomy.get(skill_id)
    return Gap(
        id=skill_id,
        name=first.name,
        phase=first.phase,
        kind=first.kind,
        track=skill.track if skill else None,
        status=status,
        via=next((s.via for _, s, _ in lacking if s.via), None),
        importance=round(points / n, 2),
        demand=share,
        required_in=sum(1 for _, s, _ in lacking if s.required),
        jobs=tuple(jid for jid, _, _ in lacking),
        group=_group_gap(groups, member_demand) if groups else None,
    )
