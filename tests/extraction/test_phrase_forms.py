"""Skills stated as job titles and as verbs with their objects, not by name."""

from __future__ import annotations

import pytest

import skillgap


def _ids(text: str, kind: str = "resume") -> set[str]:
    return set(skillgap.extract(text, kind=kind).skill_ids)


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Senior Data Scientist, Acme (2019 - 2022)", "data-science"),
        ("Full Stack Java Developer", "full-stack-development"),
        ("Backend Engineer at Initech", "backend-development"),
        ("Tech Lead, payments platform", "leadership"),
    ],
)
def test_a_job_title_is_evidence_of_its_field(text: str, skill: str) -> None:
    assert skill in _ids(text)


def test_a_plural_title_names_a_team_not_the_role() -> None:
    assert "data-science" not in _ids("You will work with our data scientists.", "job")


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Collaborated with a team of engineers and designers.", "collaboration"),
        ("Partner with product managers on the roadmap.", "collaboration"),
        ("Led a team of 4 engineers.", "leadership"),
        ("Led a multi-team effort to migrate the platform.", "leadership"),
        ("I stay up-to-date with the research.", "learning-agility"),
        ("Coaching and training your team members.", "mentoring"),
        ("Presenting insights to the founders every week.", "presentation-skills"),
        ("You like solving complex problems.", "problem-solving"),
    ],
)
def test_a_verb_with_its_object_states_the_skill(text: str, skill: str) -> None:
    assert skill in _ids(text)


def test_a_phrase_does_not_run_into_the_next_sentence() -> None:
    assert "collaboration" not in _ids("We collaborate. Our team is in Berlin.", "job")


def test_phrase_mentions_quote_the_words_they_cover() -> None:
    text = "Collaborating with\nback-end developers daily"
    profile = skillgap.extract(text, kind="resume")
    hit = next(h for h in profile.skills if h.id == "collaboration")
    assert hit.mentions[0].text == "Collaborating with\nback-end developers"


def test_names_joined_by_slashes_in_one_token_each_count() -> None:
    assert {"csharp", "cpp"} <= _ids("Languages: C#/C++", "job")
    assert {"csharp", "dotnet"} <= _ids("Deep hands-on Java and/or C#/.NET", "job")


def test_a_slash_pair_with_a_part_that_is_no_skill_gives_nothing() -> None:
    assert "csharp" not in _ids("Skills: C#/whatever", "job")


def test_a_coordinated_pair_of_soft_skills_gives_both() -> None:
    assert {"analytical-skills", "problem-solving"} <= _ids(
        "Strong analytical and problem-solving skills", "job"
    )


@pytest.mark.parametrize(
    ("text", "skills"),
    [
        ("Supervised and unsupervised learning", {"supervised-learning", "unsupervised-learning"}),
        ("machine/deep learning", {"machine-learning", "deep-learning"}),
        (
            "supervised, unsupervised, and reinforcement learning",
            {"supervised-learning", "unsupervised-learning", "reinforcement-learning"},
        ),
        ("time and project management", {"time-management", "project-management"}),
    ],
)
def test_names_that_share_their_last_words_are_each_found(text: str, skills: set[str]) -> None:
    assert _ids(f"Requirements: {text}.", "job") >= skills


def test_a_shared_name_quotes_the_whole_coordination_as_evidence() -> None:
    profile = skillgap.extract("Requirements: supervised and unsupervised learning.", kind="job")
    [mention] = next(s for s in profile.skills if s.id == "supervised-learning").mentions
    assert mention.text == "supervised and unsupervised learning"


def test_a_list_item_is_not_a_modifier_of_the_next_item() -> None:
    assert "ci-cd" not in _ids("Requirements: model deployment, data pipelines.", "job")
    assert "ci-cd" in _ids("Requirements: deployment and data pipelines.", "job")
