"""One resume against one job posting: which asked skills are held, partly held or missing.

``match_job`` is pure and cheap: the batch engine calls it once per (resume, posting) pair. For many
postings, turn the resume into a ``ResumeEvidence`` once with ``resume_evidence`` and pass that.

A posting's requirement groups ("PyTorch or TensorFlow", "one of AWS, GCP, Azure") are one line
each: satisfied by ``need`` of their members, and otherwise one gap whose ``group.pick`` is the
member cheapest to learn given the resume. Soft skills are matched and weighed like the others,
but reported apart: they are shown, not studied.
"""

from __future__ import annotations

import math
import re
import weakref
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal, NamedTuple

from skillgap.memo import per_object
from skillgap.models import LEVEL_RANK, DocumentProfile, Level, Mention, RequirementGroup, SkillHit
from skillgap.taxonomy import Taxonomy

MatchStatus = Literal["matched", "partial", "missing"]

LEVEL_WEIGHT = {"required": 3.0, "preferred": 1.0}
KIND_WEIGHT = {"hard": 1.0, "soft": 0.5}
SECTION_CREDIT = {"experience": 1.0, "projects": 1.0, "education": 0.85}
LISTED_CREDIT = 0.7
RELATED_CREDIT = 0.5
MIN_YEARS_FACTOR = 0.5
NON_PROFESSIONAL_SECTIONS = frozenset({"projects", "education"})
PARTIAL_EFFORT = 0.5
SENIORITY_YEARS = {
    "junior": 0.0, "entry": 0.0, "mid": 3.0, "intermediate": 3.0, "senior": 5.0, "sr": 5.0,
    "lead": 6.0, "staff": 8.0, "principal": 10.0,
}  # fmt: skip
MIN_EXPERIENCE_FACTOR = 0.7

SCORE_FORMULA = (
    "score = 100 * sum(weight * credit) / sum(weight) over the lines the posting asks for: each "
    "skill, and each group of alternatives ('one of AWS, GCP, Azure') as one line; when the "
    "posting has a requirements section, a skill named only among its duties or introduction "
    "is context, not a line. "
    "weight = level (required 3, preferred 1; no level counts as required) "
    "* kind (hard 1, soft 0.5; soft skills are listed apart, as skills to show, not to study). "
    "credit = evidence * years, the best of: the skill itself; a narrower skill that implies it "
    "(PyTorch for deep learning); a sibling of the same family that transfers (TensorFlow for "
    "PyTorch: related and with the same parent) at half credit, shown as partial; for a broad "
    "practice with no parent (full-stack development), the resume showing at least half of its "
    "related skills (front-end development) at half credit, also shown as partial. A group's "
    "credit is the mean of its best `need` members. evidence = 1 when the resume shows the skill "
    "in experience or projects, 0.85 in education, 0.7 when it is only listed, 1 when you said "
    "you have it. years = min(1, max(0.5, shown / asked)) when the posting asks for years of the "
    "skill and the resume's professional experience states them (years from projects or "
    "coursework do not count), else 1. Each line's 'earned' is its weight * credit share of the "
    "100 points and 'lost' the rest of its share. Seniority: a posting titled junior, mid, "
    "senior, lead, staff or principal asks 0, 3, 5, 6, 8 or 10 years; when the resume's dated "
    "professional entries show fewer (the most years shown for any skill), the score is "
    "multiplied by max(0.7, shown / asked), reported as its own line (experience). Skills "
    "you marked not relevant are left out. "
    "A posting with no recognised skills has no score."
)


@dataclass(frozen=True)
class Answer:
    """One way a resume answers a skill: the skill itself or a narrower one ("matched"), or a
    related one ("partial"), with its credit before the years factor; ``years`` are the hit's
    ``professional_years``."""

    hit: SkillHit
    credit: float
    status: MatchStatus
    years: float | None


@dataclass(frozen=True)
class ResumeEvidence:
    """A resume prepared for matching: for every skill it answers, the ways it does.

    ``have`` are the ids the user said they hold although the resume does not show them.
    """

    profile: DocumentProfile
    answers: Mapping[str, tuple[Answer, ...]]
    have: frozenset[str] = frozenset()

    def holds(self, skill_id: str) -> bool:
        """Whether the resume shows the skill itself or a narrower one."""
        return any(a.status == "matched" for a in self.answers.get(skill_id, ()))

    def partly_holds(self, skill_id: str) -> bool:
        """Whether the resume shows only a related skill."""
        return skill_id in self.answers and not self.holds(skill_id)

    def not_held(self, skill_id: str) -> tuple[Mention, ...]:
        """Where the resume says it does not hold the skill yet ("Currently learning: Docker",
        "I have not used Kafka")."""
        return next((n.mentions for n in self.profile.negated if n.id == skill_id), ())


@dataclass(frozen=True)
class GroupMatch:
    """A posting's group of alternatives, as answered by the resume.

    ``pick`` is the member to learn when the group is not satisfied: the cheapest given the
    resume (``costs``: study hours, halved for a member the resume partly holds).
    """

    members: tuple[str, ...]
    names: tuple[str, ...]
    need: int
    text: str
    held: tuple[str, ...]
    costs: tuple[float, ...]
    pick: str | None

    @property
    def satisfied(self) -> bool:
        return len(self.held) >= self.need


@dataclass(frozen=True)
class SkillMatch:
    """One line a posting asks for (a skill or a group of alternatives), and how the resume
    answers it; ``earned`` and ``lost`` are its points of the 0-100 score."""

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
    group: GroupMatch | None = None
    earned: float = 0.0
    lost: float = 0.0
    corrected: bool = False
    resume_not_held: tuple[Mention, ...] = ()  # the resume's own words that it lacks the skill

    @property
    def required(self) -> bool:
        return self.level == "required"

    @property
    def plan_id(self) -> str:
        """The skill to study for this line: the group's pick, else the skill itself."""
        return self.group.pick if self.group and self.group.pick else self.id


@dataclass(frozen=True)
class Experience:
    """The posting's seniority against the resume's professional years, and the factor it puts
    on the score (1 when either is unknown or the resume shows enough); ``lost`` in points."""

    level: str | None
    years_asked: float | None
    years_shown: float | None
    factor: float
    lost: float = 0.0


NO_EXPERIENCE_CHECK = Experience(None, None, None, 1.0)


@dataclass(frozen=True)
class JobMatch:
    """The resume against one posting: every asked line and the 0-100 score.

    ``skills`` holds hard and soft lines; the gap views (``missing_required``...) hold hard
    ones only, ``soft`` the soft ones. ``skipped`` are the ids the user marked not relevant.
    """

    source: str
    title: str | None
    score: float | None
    reason: str | None
    skills: tuple[SkillMatch, ...]
    total_weight: float = 0.0
    skipped: tuple[str, ...] = field(default_factory=tuple)
    experience: Experience = NO_EXPERIENCE_CHECK

    def _with(self, status: MatchStatus, required: bool | None = None) -> tuple[SkillMatch, ...]:
        return tuple(
            s
            for s in self.skills
            if s.kind != "soft"
            and s.status == status
            and (required is None or s.required == required)
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

    @property
    def soft(self) -> tuple[SkillMatch, ...]:
        return tuple(s for s in self.skills if s.kind == "soft")


def evidence_credit(hit: SkillHit) -> float:
    """How strongly a resume shows a skill: used at work or in projects beats only listed."""
    return max((SECTION_CREDIT.get(m.section, LISTED_CREDIT) for m in hit.mentions), default=1.0)


def professional_years(hit: SkillHit) -> float | None:
    """The years the resume shows for a skill, unless they come only from projects or
    coursework ("a four-year student project" is not four years of experience)."""
    if hit.years is None:
        return None
    stated = [m for m in hit.mentions if m.years is not None]
    work = [m.years for m in stated if m.section not in NON_PROFESSIONAL_SECTIONS and m.years]
    study = [m.years for m in stated if m.section in NON_PROFESSIONAL_SECTIONS and m.years]
    if study and hit.years in study and hit.years > max(work, default=0.0):
        return max(work) if work else None
    return hit.years


def transfers(a: str, b: str, taxonomy: Taxonomy) -> bool:
    """Whether knowing ``a`` earns partial credit for ``b``: related skills of the same family
    (one parent), like TensorFlow and PyTorch. Related skills of different families (Docker and
    Kubernetes, Python and Go, dbt and Snowflake) do not stand in for each other."""
    sa, sb = taxonomy.get(a), taxonomy.get(b)
    if sa is None or sb is None or a == b or sa.parent is None or sa.parent != sb.parent:
        return False
    return b in sa.related or a in sb.related


def _transfer_table(taxonomy: Taxonomy) -> dict[str, tuple[str, ...]]:
    links: dict[str, set[str]] = {}
    for skill in taxonomy:
        for other in skill.related:
            if transfers(skill.id, other, taxonomy):
                links.setdefault(skill.id, set()).add(other)
                links.setdefault(other, set()).add(skill.id)
    return {k: tuple(sorted(v)) for k, v in links.items()}


_transfer_links = per_object(_transfer_table)  # once per taxonomy object and process


ROLE_NOUNS = {
    "engineering": "engineer",
    "development": "developer",
    "science": "scientist",
    "analysis": "analyst",
    "analytics": "analyst",
}
# an engineer or developer of one of these kinds of skill builds software for a living
SOFTWARE_ROLE = "software-engineering"
SOFTWARE_ROLE_CATEGORIES = frozenset({"practice", "language", "devops", "data"})
SOFTWARE_ROLE_NOUNS = frozenset({"engineer", "developer"})
_ABBREVIATIONS = (("ml", "machine learning"), ("ai", "artificial intelligence"))
_NOT_HELD = re.compile(
    r"\b(?:aspiring|future|becoming|become|seeking|want to be)\W+(?:\w+\W+)?$", re.I
)


def _spellings(words: list[str]) -> set[str]:
    """A title and its spelling with abbreviations written out ("ML engineer", "machine
    learning engineer")."""
    title = " ".join(words)
    out = {title}
    for short, full in _ABBREVIATIONS:
        for known in list(out):
            out.add(re.sub(rf"\b{short}\b", full, known))
            out.add(re.sub(rf"\b{full}\b", short, known))
    return out


def _role_table(
    taxonomy: Taxonomy,
) -> tuple[re.Pattern[str] | None, dict[str, tuple[str, ...]]]:
    """One pattern for the role titles that show a discipline ("Data Scientist" shows data
    science; a "Machine Learning Engineer" also shows software engineering), and the skill ids
    of each title form."""
    by_form: dict[str, tuple[str, ...]] = {}
    software = SOFTWARE_ROLE if SOFTWARE_ROLE in taxonomy else None
    for skill in taxonomy:
        if skill.kind != "hard":
            continue
        for form in skill.forms:
            words = form.lower().replace("-", " ").split()
            if len(words) < 2 or words[-1] not in ROLE_NOUNS:
                continue
            noun = ROLE_NOUNS[words[-1]]
            ids: tuple[str, ...] = (skill.id,)
            if software and noun in SOFTWARE_ROLE_NOUNS and skill.id != software:
                ids += (software,) if skill.category in SOFTWARE_ROLE_CATEGORIES else ()
            for title in _spellings([*words[:-1], noun]):
                by_form.setdefault(title, ids)
    if not by_form:
        return None, by_form
    # longest first; branches by first letter, so each place is tried only against the titles
    # that can start there (the longest of those still wins)
    by_initial: dict[str, list[str]] = {}
    for form in sorted(by_form, key=len, reverse=True):
        by_initial.setdefault(form[0], []).append(r"[\s-]+".join(map(re.escape, form.split())))
    body = "|".join(f"(?={re.escape(c)})(?:{'|'.join(alts)})" for c, alts in by_initial.items())
    return re.compile(rf"\b(?:{body})\b(?![-\w])", re.IGNORECASE), by_form


_roles = per_object(_role_table)


def with_role_titles(profile: DocumentProfile, taxonomy: Taxonomy) -> DocumentProfile:
    """A resume with the disciplines its role titles show: a "Senior Software Engineer" does not
    lack software engineering, a "Data Scientist" does not lack data science. Added as skills
    shown in experience, with the title as evidence; skills already found stay as they are."""
    pattern, by_form = _roles(taxonomy)
    if pattern is None or profile.kind != "resume" or not profile.text:
        return profile
    found: dict[str, list[Mention]] = {}
    shown = profile.skill_ids
    for match in pattern.finditer(profile.text):
        if _NOT_HELD.search(profile.text[max(0, match.start() - 40) : match.start()]):
            continue
        key = " ".join(match.group(0).lower().replace("-", " ").split())
        for skill_id in by_form[key]:
            if skill_id in shown:
                continue
            mention = Mention(match.group(0), match.start(), match.end(), "experience", "alias")
            found.setdefault(skill_id, []).append(mention)
    if not found:
        return profile
    added = tuple(
        SkillHit(i, taxonomy[i].name, taxonomy[i].phase, "hard", None, None, tuple(m))
        for i, m in sorted(found.items())
    )
    skills = tuple(sorted((*profile.skills, *added), key=lambda h: h.id))
    return replace(profile, skills=skills)


def _declared(skill_id: str, taxonomy: Taxonomy) -> SkillHit:
    """A resume hit for a skill the user said they have."""
    skill = taxonomy[skill_id]
    return SkillHit(skill.id, skill.name, skill.phase, skill.kind, None, None, ())


UMBRELLA_CATEGORY = "practice"


def _umbrella_table(taxonomy: Taxonomy) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The broad practices (no parent, at least two related skills) and their related skills."""
    return tuple(
        (skill.id, skill.related)
        for skill in taxonomy
        if skill.category == UMBRELLA_CATEGORY and not skill.parent and len(skill.related) >= 2
    )


_umbrellas = per_object(_umbrella_table)


def _umbrella_answers(
    full: Mapping[str, Sequence[Answer]], taxonomy: Taxonomy
) -> list[tuple[str, Answer]]:
    """Partial answers for the broad practices the resume mostly shows: a practice with no
    parent, at least half of whose related skills the resume holds (full-stack development for
    a front-end developer, debugging for one who writes unit tests), at half the credit of the
    best of them."""
    out = []
    for umbrella, related in _umbrellas(taxonomy):
        if umbrella in full:
            continue
        held = [full[r][0] for r in related if r in full]
        if 2 * len(held) >= len(related):
            best = max(held, key=lambda a: a.credit)
            answer = Answer(best.hit, RELATED_CREDIT * best.credit, "partial", best.years)
            out.append((umbrella, answer))
    return out


def resume_evidence(
    resume: DocumentProfile | ResumeEvidence, taxonomy: Taxonomy, have: Collection[str] = ()
) -> ResumeEvidence:
    """Index what a resume answers: its skills, the broader ones they imply and the family
    siblings that transfer, and the broad practices it mostly shows (partly); ``have`` adds
    skills the user holds that the resume does not show."""
    if isinstance(resume, ResumeEvidence):
        if not set(have) - resume.have:
            return resume
        have = set(have) | resume.have
        resume = resume.profile
    declared = [_declared(i, taxonomy) for i in sorted(set(have)) if i in taxonomy]
    hits = [*resume.skills, *(h for h in declared if h.id not in resume.skill_ids)]
    links = _transfer_links(taxonomy)
    full: dict[str, list[Answer]] = {}
    partial: dict[str, list[Answer]] = {}
    for hit in hits:
        credit, years = evidence_credit(hit), professional_years(hit)
        matched = Answer(hit, credit, "matched", years)
        full.setdefault(hit.id, []).append(matched)
        if hit.id in links:
            related = Answer(hit, RELATED_CREDIT * credit, "partial", years)
            for other in links[hit.id]:
                partial.setdefault(other, []).append(related)
        seen = {hit.id}
        skill = taxonomy.get(hit.id)
        parent = skill.parent if skill else None
        while parent and parent not in seen:
            seen.add(parent)
            full.setdefault(parent, []).append(matched)
            parent_skill = taxonomy.get(parent)
            parent = parent_skill.parent if parent_skill else None
    for umbrella, answer in _umbrella_answers(full, taxonomy):
        partial.setdefault(umbrella, []).append(answer)
    answers = {
        skill_id: tuple(full.get(skill_id, ())) + tuple(partial.get(skill_id, ()))
        for skill_id in sorted(full.keys() | partial.keys())
    }
    return ResumeEvidence(resume, answers, frozenset(h.id for h in declared))


def years_factor(asked: float | None, shown: float | None) -> float:
    """Credit kept when the resume shows fewer years than the posting asks (1 when unknown)."""
    if not asked or shown is None:
        return 1.0
    return min(1.0, max(MIN_YEARS_FACTOR, shown / asked))


def skill_weight(level: str | None, kind: str) -> float:
    """Weight of an asked skill in a posting's score."""
    return LEVEL_WEIGHT.get(level or "required", 3.0) * KIND_WEIGHT.get(kind, 1.0)


def _best_answer(
    skill_id: str, years_asked: float | None, evidence: ResumeEvidence
) -> tuple[float, Answer | None]:
    """The best credit for a skill and the answer to show: the skill itself (or a narrower one)
    whenever the resume has it, else the best transferring sibling."""
    best: dict[str, tuple[float, Answer | None]] = {"matched": (0.0, None), "partial": (0.0, None)}
    for answer in evidence.answers.get(skill_id, ()):
        credit = answer.credit * years_factor(years_asked, answer.years)
        if credit > best[answer.status][0]:
            best[answer.status] = (credit, answer)
    credit = max(best["matched"][0], best["partial"][0])
    return credit, best["matched"][1] or best["partial"][1]


class _Answered(NamedTuple):
    """How the resume answers one asked skill: the credit a line shows (rounded), the status,
    the answer behind it, and whether that is a skill the user declared."""

    credit: float
    status: MatchStatus
    answer: Answer | None
    corrected: bool


def _answered(asked: SkillHit, evidence: ResumeEvidence) -> _Answered:
    credit, answer = _best_answer(asked.id, asked.years, evidence)
    if answer is None:
        return _Answered(round(credit, 4), "missing", None, False)
    declared = answer.hit.id in evidence.have and not answer.hit.mentions
    return _Answered(round(credit, 4), answer.status, answer, declared)


def _points(weight: float, credit: float, total: float) -> tuple[float, float]:
    """A line's points of the 0-100 score (``total``: the posting's sum of weights): earned and
    lost."""
    return round(100 * weight * credit / total, 2), round(100 * weight * (1 - credit) / total, 2)


def _line(asked: SkillHit, evidence: ResumeEvidence, weight: float, total: float) -> SkillMatch:
    """How the resume answers one asked skill, as a line of the posting's score (``weight``:
    the line's, ``skill_weight`` of its level and kind)."""
    level = asked.level or "required"
    found = _answered(asked, evidence)
    via = found.answer.hit if found.answer else None
    earned, lost = _points(weight, found.credit, total)
    return SkillMatch(
        id=asked.id,
        name=asked.name,
        phase=asked.phase,
        kind=asked.kind,
        level=level,
        weight=weight,
        credit=found.credit,
        status=found.status,
        via=via.id if via is not None and via.id != asked.id else None,
        years_asked=asked.years,
        years_shown=found.answer.years if found.answer else None,
        job_mentions=asked.mentions,
        resume_mentions=via.mentions if via is not None else (),
        earned=earned,
        lost=lost,
        corrected=found.corrected,
        resume_not_held=evidence.not_held(asked.id) if found.status != "matched" else (),
    )


def learning_cost(skill_id: str, evidence: ResumeEvidence, taxonomy: Taxonomy) -> float:
    """Study hours of a skill for this resume: its taxonomy hours, halved when the resume shows
    a skill that transfers to it (0 when held)."""
    if evidence.holds(skill_id):
        return 0.0
    skill = taxonomy.get(skill_id)
    hours = skill.hours if skill else math.inf
    return hours * (PARTIAL_EFFORT if evidence.partly_holds(skill_id) else 1.0)


def choose_member(
    members: Sequence[str], costs: Sequence[float], demand: Mapping[str, float] | None = None
) -> str | None:
    """The member of an unsatisfied group to learn: cheapest for the resume, with study hours
    divided by (1 + demand share across the postings), first listed on ties; None when every
    member is held."""
    demand = demand or {}
    open_ = [
        (c / (1.0 + demand.get(m, 0.0)), i, m)
        for i, (m, c) in enumerate(zip(members, costs, strict=True))
    ]
    open_ = [t for t in open_ if t[0] > 0]
    return min(open_)[2] if open_ else None


def group_skill(members: Sequence[str], taxonomy: Taxonomy) -> str | None:
    """The general skill a group stands for: the members' nearest common parent (deep learning
    for PyTorch or TensorFlow), else a skill related to every member that is no member's parent
    (cloud computing for AWS, GCP or Azure); None when there is none."""
    chains = []
    for member in members:
        chain, seen = [], {member}
        skill = taxonomy.get(member)
        parent = skill.parent if skill else None
        while parent and parent not in seen:
            seen.add(parent)
            chain.append(parent)
            parent_skill = taxonomy.get(parent)
            parent = parent_skill.parent if parent_skill else None
        chains.append(chain)
    common = [p for p in chains[0] if all(p in c for c in chains[1:])] if chains else []
    if common:
        return common[0]
    if len(members) < 2:
        return None
    ancestors = {p for chain in chains for p in chain}
    hubs = (
        hub
        for hub in _related_to(taxonomy).get(members[0], ())
        if hub not in members
        and hub not in ancestors  # NoSQL, MongoDB's parent, does not cover "MySQL or MongoDB"
        and all(m in taxonomy[hub].related for m in members)
    )
    return next(hubs, None)


def _related_table(taxonomy: Taxonomy) -> dict[str, tuple[str, ...]]:
    """Per skill id, the skills that list it as related, in taxonomy order."""
    table: dict[str, list[str]] = {}
    for skill in taxonomy:
        for other in dict.fromkeys(skill.related):
            table.setdefault(other, []).append(skill.id)
    return {k: tuple(v) for k, v in table.items()}


_related_to = per_object(_related_table)


def _names(names: Sequence[str]) -> str:
    return ", ".join(names[:-1]) + f" or {names[-1]}" if len(names) > 1 else names[0]


def group_name(group: GroupMatch) -> str:
    """How a group reads as one line: "one of AWS, GCP or Azure", "2 of Python, Go or Bash"."""
    count = "one" if group.need == 1 else str(group.need)
    return f"{count} of {_names(group.names)}"


class _GroupAnswer(NamedTuple):
    """How the resume answers a group of alternatives, before it becomes a line of the score:
    the line's id and weight, and what the line shows."""

    id: str
    group: RequirementGroup
    info: GroupMatch
    phase: str
    kind: str
    weight: float
    credit: float
    status: MatchStatus
    shown: tuple[_Answered, ...]


def _group_answer(
    group: RequirementGroup,
    asked: Mapping[str, SkillHit],
    evidence: ResumeEvidence,
    taxonomy: Taxonomy,
    taken: set[str],
) -> _GroupAnswer | None:
    """How the resume answers a group of alternatives (None when its members all have lines)."""
    members = tuple(m for m in group.skill_ids if m in taxonomy)
    need = max(1, min(group.need, len(members)))
    # a member the posting names only inside the group still counts
    found = [_answered(asked.get(m) or _declared(m, taxonomy), evidence) for m in members]
    held = tuple(m for m, one in zip(members, found, strict=True) if one.status == "matched")
    near = sum(1 for one in found if one.status != "missing")
    costs = tuple(learning_cost(m, evidence, taxonomy) for m in members)
    pick = None if len(held) >= need else choose_member(members, costs)
    info = GroupMatch(
        members, tuple(taxonomy[m].name for m in members), need, group.text, held, costs, pick
    )
    best = sorted(found, key=lambda one: -one.credit)[:need]
    credit = sum(one.credit for one in best) / need
    status: MatchStatus = "matched" if info.satisfied else "partial" if near >= need else "missing"
    stands_for = group_skill(members, taxonomy)
    candidates = (stands_for, *held, pick, *members)
    line_id = next((c for c in candidates if c and c not in taken), None)
    if line_id is None:  # every member is also asked on its own: the group adds no line
        return None
    head = taxonomy[stands_for or pick or (held + members)[0]]
    kind = "hard" if any(taxonomy[m].kind == "hard" for m in members) else "soft"
    shown = tuple(one for one in best if one.status != "missing")
    weight = skill_weight(group.level, kind)
    return _GroupAnswer(
        line_id, group, info, head.phase, kind, weight, round(credit, 4), status, shown
    )


def _group_line(answer: _GroupAnswer, total: float) -> SkillMatch:
    """A group of alternatives as one line of the posting's score."""
    group = answer.group
    mention = Mention(
        group.text, group.start, group.end, "requirements", "exact", level=group.level
    )
    earned, lost = _points(answer.weight, answer.credit, total)
    return SkillMatch(
        id=answer.id,
        name=group_name(answer.info),
        phase=answer.phase,
        kind=answer.kind,
        level=group.level,
        weight=answer.weight,
        credit=answer.credit,
        status=answer.status,
        via=None,
        years_asked=None,
        years_shown=None,
        job_mentions=(mention,),
        resume_mentions=tuple(
            m for one in answer.shown if one.answer for m in one.answer.hit.mentions
        ),
        group=answer.info,
        earned=earned,
        lost=lost,
        corrected=any(one.corrected for one in answer.shown),
    )


def seniority(title: str | None) -> tuple[str | None, float | None]:
    """The level a posting's title names ("Senior ML Engineer": senior) and the years it means."""
    for word in re.findall(r"[a-z]+", (title or "").lower()):
        if word in SENIORITY_YEARS:
            return word, SENIORITY_YEARS[word]
    return None, None


def career_years(evidence: ResumeEvidence) -> float | None:
    """The professional years the resume shows: the most for any skill of its dated entries."""
    years = [professional_years(h) for h in evidence.profile.skills]
    known = [y for y in years if y is not None]
    return max(known) if known else None


def experience_check(title: str | None, evidence: ResumeEvidence) -> Experience:
    """The posting's seniority against the resume's years, with the factor it puts on the score."""
    level, asked = seniority(title)
    shown = career_years(evidence)
    if not asked or shown is None:
        return Experience(level, asked, shown, 1.0)
    factor = round(min(1.0, max(MIN_EXPERIENCE_FACTOR, shown / asked)), 3)
    return Experience(level, asked, shown, factor)


QUALIFICATION_SECTIONS = frozenset({"requirements", "preferred"})


def title_end(text: str) -> int:
    """Where a posting's first non-empty line (its title) ends."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def _as_asked(
    hit: SkillHit, groups: Sequence[RequirementGroup], stated: bool, title_end: int
) -> SkillHit | None:
    """An asked skill as a line of its own, or None when the groups that list it answer it or
    the posting names it only as context of the role.

    Only the mentions outside groups make the line ("PyTorch or TensorFlow" does not make
    TensorFlow required on its own). When the posting ``stated`` its qualifications, they set
    the level: a skill named there keeps only those mentions (none outside a group: the group
    answers it); one named only in the title is required; one named only among the duties or
    in the introduction ("submitting to back-end services", "delivering high availability")
    is context of the role: no line, no gap.
    """
    spans = [span for g in groups if hit.id in g.skill_ids for span in g.spans]
    own = [m for m in hit.mentions if not any(s <= m.start and m.end <= e for s, e in spans)]
    level: Level | None = hit.level
    if stated and any(m.section in QUALIFICATION_SECTIONS for m in hit.mentions):
        own = [m for m in own if m.section in QUALIFICATION_SECTIONS]
        level = max((m.level for m in own), key=LEVEL_RANK.__getitem__, default=None)
    elif stated:
        if not any(m.start < title_end for m in own):
            return None
        level = "required"
    elif len(own) < len(hit.mentions):
        level = max((m.level for m in own), key=LEVEL_RANK.__getitem__, default=None)
    if not own:
        return None
    if level == hit.level and len(own) == len(hit.mentions):
        return hit
    return replace(hit, level=level or "required", mentions=tuple(own))


def _states_qualifications(job: DocumentProfile) -> bool:
    """Whether the posting has a requirements section that names skills."""
    return any(m.section == "requirements" for hit in job.skills for m in hit.mentions)


@dataclass(frozen=True)
class PostingAsks:
    """A posting prepared for matching, before any resume is seen: the skills it asks for on
    lines of their own and its groups of alternatives (members the taxonomy knows), nothing
    skipped. Postings are public documents: the API keeps this with each posting it remembers.
    """

    profile: DocumentProfile
    own: tuple[SkillHit, ...]
    groups: tuple[RequirementGroup, ...]
    asked: Mapping[str, SkillHit]
    taxonomy: weakref.ref[Taxonomy]  # the one it was prepared with


def posting_asks(job: DocumentProfile | PostingAsks, taxonomy: Taxonomy) -> PostingAsks:
    """``job`` prepared for matching with ``taxonomy`` (as it is, when it already was)."""
    if isinstance(job, PostingAsks):
        if job.taxonomy() is taxonomy:
            return job
        job = job.profile
    groups = tuple(g for g in (_known_members(g, (), taxonomy) for g in job.groups) if g.skill_ids)
    stated, title_stop = _states_qualifications(job), title_end(job.text)
    # skipping a skill later drops its line and its group memberships; the other lines stay
    own = (_as_asked(hit, groups, stated, title_stop) for hit in job.skills)
    asked = {hit.id: hit for hit in job.skills}
    return PostingAsks(
        job, tuple(hit for hit in own if hit is not None), groups, asked, weakref.ref(taxonomy)
    )


def match_job(
    resume: DocumentProfile | ResumeEvidence,
    job: DocumentProfile | PostingAsks,
    taxonomy: Taxonomy,
    *,
    skip: Collection[str] = (),
) -> JobMatch:
    """Compare a resume with one posting (for many resumes, prepare it once with
    ``posting_asks``); see ``SCORE_FORMULA`` for the score.

    ``skip`` are skill (or group line) ids the user marked not relevant: left out of the score.
    Lines are listed heaviest first (required before preferred), then by id.
    """
    evidence = resume_evidence(resume, taxonomy)
    asks = posting_asks(job, taxonomy)
    job = asks.profile
    skip = set(skip)
    groups: Sequence[RequirementGroup] = asks.groups
    if skip:
        groups = [_known_members(g, skip, taxonomy) for g in groups]
    own_hits = [hit for hit in asks.own if hit.id not in skip]
    taken = {hit.id for hit in own_hits}
    group_answers = []
    for group in groups:
        if not group.skill_ids:
            continue
        answer = _group_answer(group, asks.asked, evidence, taxonomy, taken)
        if answer is None or answer.id in skip:
            continue
        taken.add(answer.id)
        group_answers.append(answer)
    skipped = tuple(sorted(skip & ({h.id for h in job.skills} | taken)))
    weights = [skill_weight(hit.level or "required", hit.kind) for hit in own_hits]
    total = sum(weights + [answer.weight for answer in group_answers])
    if total <= 0:
        reason = "no skills recognised in this posting"
        return JobMatch(job.source, job.title, None, reason, (), 0.0, skipped)
    lines = [_line(hit, evidence, w, total) for hit, w in zip(own_hits, weights, strict=True)]
    lines += [_group_line(answer, total) for answer in group_answers]
    lines.sort(key=lambda m: (-m.weight, m.id))
    skill_score = 100 * sum(m.weight * m.credit for m in lines) / total
    seen = experience_check(job.title, evidence)
    lost = round(skill_score * (1 - seen.factor), 2)
    check = Experience(seen.level, seen.years_asked, seen.years_shown, seen.factor, lost)
    score = round(skill_score * check.factor, 1)
    return JobMatch(job.source, job.title, score, None, tuple(lines), total, skipped, check)


def _known_members(
    group: RequirementGroup, skip: Collection[str], taxonomy: Taxonomy
) -> RequirementGroup:
    """``group`` with only its members that the taxonomy knows and the user did not skip."""
    members = tuple(m for m in group.skill_ids if m not in skip and m in taxonomy)
    return group if members == group.skill_ids else replace(group, skill_ids=members)
