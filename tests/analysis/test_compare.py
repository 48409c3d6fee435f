"""Per-posting matching and the score, on hand-made profiles and a small hand-made taxonomy."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from skillgap.analysis.compare import (
    SCORE_FORMULA,
    group_skill,
    match_job,
    resume_evidence,
    with_role_titles,
)
from skillgap.models import DocumentProfile, Mention, RequirementGroup, SkillHit
from skillgap.taxonomy import Skill, Taxonomy


def _skill(skill_id: str, phase: str = "python", kind: str = "hard", **extra) -> Skill:
    name = skill_id.replace("-", " ").title()
    return Skill(skill_id, name, phase, "tool", kind, 10.0, "test skill", **extra)


TAX = Taxonomy(
    {
        s.id: s
        for s in (
            _skill("python"),
            _skill("sql"),
            _skill("deep-learning", "deep-learning"),
            _skill("pytorch", "deep-learning", parent="deep-learning", related=("tensorflow",)),
            _skill("tensorflow", "deep-learning", parent="deep-learning"),
            _skill("docker", "deployment"),
            _skill("communication", "other", kind="soft"),
        )
    }
)


def hit(skill_id: str, section: str = "experience", level=None, years=None) -> SkillHit:
    skill = TAX[skill_id]
    mention = Mention(skill.name, 0, len(skill.name), section, "exact", level=level, years=years)
    return SkillHit(skill_id, skill.name, skill.phase, skill.kind, level, years, (mention,))


def resume(*hits: SkillHit) -> DocumentProfile:
    return DocumentProfile("resume.txt", "resume", "", hits)


def job(*asked: tuple[str, str] | tuple[str, str, float]) -> DocumentProfile:
    hits = tuple(
        hit(a[0], "requirements", level=a[1], years=a[2] if len(a) > 2 else None) for a in asked
    )
    return DocumentProfile("job.txt", "job", "", hits, title="ML engineer")


def test_every_asked_skill_shown_in_experience_scores_100():
    posting = job(("python", "required"), ("docker", "preferred"), ("communication", "required"))
    match = match_job(resume(hit("python"), hit("docker", "projects"), hit("communication")),
                      posting, TAX)  # fmt: skip
    assert match.score == 100.0
    assert [s.id for s in match.matched] == ["python", "docker"]
    assert [s.id for s in match.soft] == ["communication"]
    assert not match.missing_required and not match.missing_preferred and not match.partial


def test_a_skill_only_listed_counts_less_than_one_used_at_work():
    posting = job(("python", "required"))
    listed = match_job(resume(hit("python", "skills")), posting, TAX).score
    used = match_job(resume(hit("python", "experience")), posting, TAX).score
    studied = match_job(resume(hit("python", "education")), posting, TAX).score
    assert listed == 70.0 and studied == 85.0 and used == 100.0


def test_required_weighs_more_than_preferred_and_hard_more_than_soft():
    posting = job(("python", "required"), ("sql", "preferred"), ("communication", "required"))
    without_required = match_job(resume(hit("sql"), hit("communication")), posting, TAX).score
    without_preferred = match_job(resume(hit("python"), hit("communication")), posting, TAX).score
    without_soft = match_job(resume(hit("python"), hit("sql")), posting, TAX).score
    assert without_required < without_soft < without_preferred
    # weights: python 3, sql 1, communication 3 * 0.5
    assert without_required == pytest.approx(100 * 2.5 / 5.5, abs=0.1)


def test_years_short_of_the_ask_reduce_credit_only_when_both_are_known():
    posting = job(("python", "required", 4.0))
    assert match_job(resume(hit("python", years=2.0)), posting, TAX).score == 50.0
    assert match_job(resume(hit("python", years=1.0)), posting, TAX).score == 50.0
    assert match_job(resume(hit("python", years=3.0)), posting, TAX).score == 75.0
    assert match_job(resume(hit("python", years=6.0)), posting, TAX).score == 100.0
    assert match_job(resume(hit("python")), posting, TAX).score == 100.0
    skill = match_job(resume(hit("python", years=2.0)), posting, TAX).skills[0]
    assert (skill.years_asked, skill.years_shown) == (4.0, 2.0)


def test_a_related_skill_gives_partial_credit_shown_as_partial():
    match = match_job(resume(hit("tensorflow")), job(("pytorch", "required")), TAX)
    (skill,) = match.partial
    assert (skill.id, skill.status, skill.via, skill.credit) == (
        "pytorch",
        "partial",
        "tensorflow",
        0.5,
    )
    assert match.score == 50.0 and not match.missing_required
    # the relation is read from either side
    reverse = match_job(resume(hit("pytorch")), job(("tensorflow", "required")), TAX)
    assert reverse.partial[0].via == "pytorch"


def test_a_narrower_skill_fully_answers_the_broader_one():
    match = match_job(resume(hit("pytorch")), job(("deep-learning", "required")), TAX)
    (skill,) = match.matched
    assert skill.via == "pytorch" and skill.credit == 1.0 and match.score == 100.0
    assert skill.resume_mentions[0].text == "Pytorch"


def test_missing_skills_are_split_by_level_with_job_evidence():
    match = match_job(resume(), job(("python", "required"), ("docker", "preferred")), TAX)
    assert [s.id for s in match.missing_required] == ["python"]
    assert [s.id for s in match.missing_preferred] == ["docker"]
    assert match.missing_required[0].job_mentions[0].section == "requirements"
    assert match.score == 0.0


def test_a_posting_without_skills_has_no_score_and_a_reason():
    match = match_job(resume(hit("python")), job(), TAX)
    assert match.score is None and "no skills" in match.reason
    assert match.skills == ()


def test_a_skill_without_level_counts_as_required():
    posting = job(("python", None), ("sql", "preferred"))
    match = match_job(resume(hit("sql")), posting, TAX)
    assert [s.id for s in match.missing_required] == ["python"] and match.score == 25.0


def test_prepared_resume_gives_the_same_match_and_formula_is_stated():
    profile = resume(hit("python"), hit("tensorflow", "skills"))
    posting = job(("python", "required"), ("pytorch", "preferred"), ("deep-learning", "required"))
    assert match_job(resume_evidence(profile, TAX), posting, TAX) == match_job(
        profile, posting, TAX
    )
    assert "required 3" in SCORE_FORMULA and "experience or projects" in SCORE_FORMULA


SECTIONS = st.sampled_from(["skills", "experience", "projects", "education", "other"])
IDS = st.sampled_from(sorted(TAX.skills))
HITS = st.dictionaries(IDS, st.tuples(SECTIONS, st.none() | st.floats(0.5, 10)), max_size=7)
ASKS = st.dictionaries(
    IDS, st.tuples(st.sampled_from(["required", "preferred"]), st.none() | st.floats(1, 8)),
    max_size=7,
)  # fmt: skip


@given(held=HITS, extra=HITS, asked=ASKS)
def test_adding_skills_to_a_resume_never_lowers_the_score(held, extra, asked):
    posting = job(*((i, lv, y) if y else (i, lv) for i, (lv, y) in asked.items()))
    before = resume(*(hit(i, sec, years=y) for i, (sec, y) in held.items()))
    merged = {**extra, **held}
    after = resume(*(hit(i, sec, years=y) for i, (sec, y) in merged.items()))
    low, high = match_job(before, posting, TAX), match_job(after, posting, TAX)
    if not asked:
        assert low.score is None and high.score is None
        return
    assert 0 <= low.score <= high.score <= 100
    assert {s.id for s in high.missing_required} <= {s.id for s in low.missing_required}


def test_the_skill_itself_is_shown_even_when_a_related_one_earns_more():
    posting = job(("pytorch", "required", 4.0))
    weak = resume(hit("pytorch", "skills", years=1.0), hit("tensorflow"))
    (skill,) = match_job(weak, posting, TAX).skills
    assert skill.status == "matched" and skill.via is None and skill.credit == 0.5


GROUP_TAX = Taxonomy(
    {
        s.id: s
        for s in (
            _skill("python", "python"),
            _skill("golang", "other", related=("python",)),
            _skill("aws", "deployment", related=("gcp", "azure")),
            _skill("gcp", "deployment", related=("aws", "azure")),
            _skill("azure", "deployment", related=("aws", "gcp")),
            _skill("cloud-computing", "deployment", related=("aws", "gcp", "azure")),
            _skill("deep-learning", "deep-learning"),
            _skill("pytorch", "deep-learning", parent="deep-learning", related=("tensorflow",)),
            _skill("tensorflow", "deep-learning", parent="deep-learning"),
            _skill("docker", "deployment", related=("kubernetes",)),
            _skill("kubernetes", "deployment", related=("docker",)),
        )
    }
)


def ghit(skill_id: str, start: int = 0, section: str = "experience", level=None) -> SkillHit:
    skill = GROUP_TAX[skill_id]
    mention = Mention(skill.name, start, start + len(skill.name), section, "exact", level=level)
    return SkillHit(skill_id, skill.name, skill.phase, skill.kind, level, None, (mention,))


CLOUDS = ("aws", "gcp", "azure")


def cloud_posting(need: int = 1) -> DocumentProfile:
    text = "Requirements: Python; one of AWS, GCP or Azure"
    members = [ghit(i, text.lower().index(i), "requirements", "required") for i in CLOUDS]
    asked = (ghit("python", 14, "requirements", "required"), *members)
    group = RequirementGroup(("aws", "gcp", "azure"), need, "required", text[22:], 22, len(text))
    return DocumentProfile("job.txt", "job", text, asked, groups=(group,))


def test_a_satisfied_group_is_no_gap_and_one_line():
    match = match_job(
        DocumentProfile("r", "resume", "", (ghit("python"), ghit("gcp"))),
        cloud_posting(),
        GROUP_TAX,
    )
    assert match.score == 100.0 and not match.missing_required
    (line,) = [s for s in match.skills if s.group]
    assert line.status == "matched" and line.group.held == ("gcp",) and line.group.pick is None
    assert line.name == "one of Aws, Gcp or Azure"
    assert len(match.skills) == 2  # python and the group: members are not lines of their own


def test_an_unsatisfied_group_is_one_gap_with_the_cheapest_member_to_study():
    lean = DocumentProfile("r", "resume", "", (ghit("python"),))
    match = match_job(lean, cloud_posting(), GROUP_TAX)
    (gap,) = match.missing_required
    # no common parent, but cloud computing is related to every member: the group stands for it
    assert gap.id == "cloud-computing" and gap.group.members == ("aws", "gcp", "azure")
    assert gap.group.pick == "aws" and gap.plan_id == "aws"
    assert gap.job_mentions[0].text == "one of AWS, GCP or Azure"
    assert match.score == 50.0 and gap.lost == 50.0 and gap.earned == 0.0


def test_a_group_needing_two_is_not_met_by_one_member():
    resume_one = DocumentProfile("r", "resume", "", (ghit("python"), ghit("aws")))
    match = match_job(resume_one, cloud_posting(need=2), GROUP_TAX)
    (gap,) = match.missing_required
    assert gap.group.held == ("aws",) and gap.credit == 0.5 and gap.group.pick == "gcp"


def test_members_of_a_family_group_stand_for_their_parent():
    text = "PyTorch or TensorFlow"
    asked = (ghit("pytorch", 0, "requirements", "required"),
             ghit("tensorflow", 11, "requirements", "required"))  # fmt: skip
    group = RequirementGroup(("pytorch", "tensorflow"), 1, "required", text, 0, len(text))
    posting = DocumentProfile("j", "job", text, asked, groups=(group,))
    (gap,) = match_job(DocumentProfile("r", "resume", "", ()), posting, GROUP_TAX).skills
    assert gap.id == "deep-learning" and gap.status == "missing"


def test_a_member_named_again_with_its_group_is_no_line_of_its_own():
    text = "Duties: use PyTorch or TensorFlow. Requirements: PyTorch or TensorFlow."
    starts = [text.index("PyTorch"), text.rindex("PyTorch")]
    asked = tuple(
        SkillHit(i, i, "deep-learning", "hard", "required", None, tuple(
            Mention(i, s + off, s + off + 7, sec, "exact", level="required")
            for s, sec in zip(starts, ("responsibilities", "requirements"), strict=True)))
        for i, off in (("pytorch", 0), ("tensorflow", 11))
    )  # fmt: skip
    group = RequirementGroup(("pytorch", "tensorflow"), 1, "required", text[8:29], 8, 29,
                             repeats=((starts[1], starts[1] + 21),))  # fmt: skip
    posting = DocumentProfile("j", "job", text, asked, groups=(group,))
    match = match_job(DocumentProfile("r", "resume", "", (ghit("pytorch"),)), posting, GROUP_TAX)
    assert [(s.id, s.status) for s in match.skills] == [("deep-learning", "matched")]


def _stated_posting(*asked: tuple[str, str, str]) -> DocumentProfile:
    """A posting with a title line; ``asked`` are (id, section, level) at made-up offsets."""
    hits = tuple(
        SkillHit(i, i, "python", "hard", level, None,
                 (Mention(i, 100 + 10 * n, 105 + 10 * n, section, "exact", level=level),))
        for n, (i, section, level) in enumerate(asked)
    )  # fmt: skip
    return DocumentProfile("j", "job", "Engineer\n" + "x" * 200, hits, title="Engineer")


def test_qualifications_set_the_level_and_duties_alone_are_context():
    posting = _stated_posting(
        ("python", "requirements", "required"),
        ("docker", "responsibilities", "required"),
        ("golang", "other", "required"),
    )
    match = match_job(DocumentProfile("r", "resume", "", ()), posting, GROUP_TAX)
    levels = {s.id: s.level for s in match.skills}
    assert levels == {"python": "required"}  # docker (a duty), golang (the introduction): context
    # without a requirements section the duties are all the posting says: they stay required
    unstated = _stated_posting(("docker", "responsibilities", "required"))
    (line,) = match_job(DocumentProfile("r", "resume", "", ()), unstated, GROUP_TAX).skills
    assert line.level == "required"


def test_partial_credit_only_within_a_family():
    def status(held: str, asked: str) -> str:
        posting = DocumentProfile("j", "job", "", (ghit(asked, 0, "requirements", "required"),))
        profile = DocumentProfile("r", "resume", "", (ghit(held),))
        return match_job(profile, posting, GROUP_TAX).skills[0].status

    assert status("tensorflow", "pytorch") == "partial"  # siblings under deep learning
    assert status("docker", "kubernetes") == "missing"  # related, but not the same family
    assert status("python", "golang") == "missing"
    assert status("aws", "gcp") == "missing"


def test_earned_and_lost_points_add_up_to_the_score():
    posting = job(("python", "required"), ("sql", "preferred"), ("pytorch", "required"))
    match = match_job(resume(hit("python"), hit("tensorflow", "skills")), posting, TAX)
    assert sum(s.earned for s in match.skills) == pytest.approx(match.score, abs=0.05)
    assert sum(s.earned + s.lost for s in match.skills) == pytest.approx(100, abs=0.05)
    pytorch = next(s for s in match.skills if s.id == "pytorch")
    assert pytorch.lost > 0 and pytorch.earned > 0


def test_have_and_skip_correct_the_match():
    posting = job(("python", "required"), ("docker", "required"))
    plain = match_job(resume(hit("python")), posting, TAX)
    held = match_job(resume_evidence(resume(hit("python")), TAX, have=["docker"]), posting, TAX)
    skipped = match_job(resume(hit("python")), posting, TAX, skip=["docker"])
    assert plain.score == 50.0 and held.score == 100.0 and skipped.score == 100.0
    docker = next(s for s in held.skills if s.id == "docker")
    assert docker.status == "matched" and docker.corrected
    assert skipped.skipped == ("docker",) and [s.id for s in skipped.skills] == ["python"]


def test_years_from_projects_or_coursework_are_not_professional_years():
    posting = job(("python", "required", 4.0))
    project = match_job(resume(hit("python", "projects", years=4.0)), posting, TAX)
    work = match_job(resume(hit("python", "experience", years=4.0)), posting, TAX)
    assert project.skills[0].years_shown is None and work.skills[0].years_shown == 4.0


def test_role_titles_show_their_discipline():
    tax = Taxonomy(
        {
            "software-engineering": Skill(
                "software-engineering", "Software engineering", "other", "practice", "hard",
                10.0, "x", aliases=("software development",),
            ),
        }
    )  # fmt: skip
    text = (
        "Senior Software Engineer, Acme. Worked with software developers. "
        "Aspiring Software Developer"
    )
    profile = with_role_titles(DocumentProfile("r", "resume", text, ()), tax)
    (hit_,) = profile.skills
    assert hit_.id == "software-engineering"
    assert [m.text for m in hit_.mentions] == ["Software Engineer"]
    posting = DocumentProfile("j", "job", text, ())
    assert with_role_titles(posting, tax) is posting


def test_an_engineer_of_a_software_discipline_shows_software_engineering():
    def skill(skill_id: str, category: str, *aliases: str) -> Skill:
        return Skill(skill_id, skill_id, "other", category, "hard", 10.0, "x", aliases=aliases)

    tax = Taxonomy(
        {
            s.id: s
            for s in (
                skill("software-engineering", "practice", "software engineering"),
                skill("mlops", "practice", "ML engineering"),
                skill("networking", "infrastructure", "network engineering"),
            )
        }
    )
    shown = with_role_titles(DocumentProfile("r", "resume", "Machine Learning Engineer", ()), tax)
    assert [h.id for h in shown.skills] == ["mlops", "software-engineering"]
    network = with_role_titles(DocumentProfile("r", "resume", "Network Engineer", ()), tax)
    assert [h.id for h in network.skills] == ["networking"]


def test_a_group_does_not_stand_for_the_parent_of_one_member():
    tax = Taxonomy(
        {
            s.id: s
            for s in (
                _skill("sql", related=("nosql",)),
                _skill("nosql", related=("sql", "mongodb")),
                _skill("mongodb", parent="nosql", related=("nosql",)),
            )
        }
    )
    assert group_skill(("sql", "mongodb"), tax) is None
    assert group_skill(("aws", "gcp", "azure"), GROUP_TAX) == "cloud-computing"


def test_a_broad_practice_mostly_shown_is_partly_held():
    def skill(skill_id: str, category: str, related: tuple[str, ...] = ()) -> Skill:
        return Skill(skill_id, skill_id, "other", category, "hard", 10.0, "x", related=related)

    tax = Taxonomy(
        {
            s.id: s
            for s in (
                skill("full-stack", "practice", ("frontend", "backend")),
                skill("frontend", "practice"),
                skill("backend", "practice"),
                skill("cloud", "cloud", ("aws", "gcp")),
                skill("aws", "cloud"),
                skill("gcp", "cloud"),
            )
        }
    )

    def status(held: str, asked: str) -> str:
        mention = Mention(asked, 0, 3, "requirements", "exact", level="required")
        posting = DocumentProfile("j", "job", "", (SkillHit(asked, asked, "other", "hard",
                                  "required", None, (mention,)),))  # fmt: skip
        shown = Mention(held, 0, 3, "experience", "exact")
        profile = DocumentProfile("r", "resume", "", (SkillHit(held, held, "other", "hard",
                                  None, None, (shown,)),))  # fmt: skip
        return match_job(profile, posting, tax).skills[0].status

    assert status("frontend", "full-stack") == "partial"  # half of what the practice spans
    assert status("aws", "cloud") == "missing"  # not a practice: no umbrella credit


def test_seniority_weighs_as_its_own_line():
    asked = hit("python", "requirements", level="required")
    senior = DocumentProfile("j", "job", "", (asked,), title="Senior ML Engineer")
    plain = DocumentProfile("j", "job", "", (asked,), title="ML Engineer")
    junior = resume(hit("python", years=1.0))
    seasoned = resume(hit("python", years=6.0))
    low = match_job(junior, senior, TAX)
    assert (low.experience.level, low.experience.years_asked) == ("senior", 5.0)
    assert low.experience.factor == 0.7 and low.score == 70.0 and low.experience.lost == 30.0
    assert match_job(seasoned, senior, TAX).score == 100.0
    assert match_job(junior, plain, TAX).score == 100.0
    # years from a project are not professional years
    project = resume(hit("python", "projects", years=6.0))
    assert match_job(project, senior, TAX).experience.years_shown is None
