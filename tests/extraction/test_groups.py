"""Requirement groups: which lists are alternatives, and how many members they need."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import skillgap
from skillgap.extraction.groups import Member, requirement_groups


def groups_of(text: str) -> list[tuple[tuple[str, ...], int]]:
    profile = skillgap.extract(text, kind="job")
    return [(g.skill_ids, g.need) for g in profile.groups]


def test_or_lists_are_groups_and_plain_lists_are_not() -> None:
    assert groups_of("Requirements: PyTorch or TensorFlow.") == [(("pytorch", "tensorflow"), 1)]
    assert groups_of("Requirements: experience with AWS, GCP or Azure.") == [
        (("aws", "gcp", "azure"), 1)
    ]
    assert groups_of("Requirements: Python and SQL.") == []
    assert groups_of("Requirements: Python, SQL, Docker.") == []


def test_trailing_words_and_counts_make_groups() -> None:
    assert groups_of("Requirements: Python, SQL or similar.") == [(("python", "sql"), 1)]
    text = "Must have: Programming Lang (Python, Node, Golang, or Java) (At least 2)"
    assert groups_of(text) == [(("python", "nodejs", "golang", "java"), 2)]
    assert groups_of("You know at least two of Python, Scala, Java and Go.") == [
        (("python", "scala", "java", "golang"), 2)
    ]


def test_every_intro_cue_makes_a_plain_list_a_group() -> None:
    ids = ("python", "scala", "golang")
    assert groups_of("Requirements: Python, Scala and Go.") == []
    cues = {
        "one of": 1, "any of": 1, "either": 1, "at least 2 of": 2, "2 of these:": 2,
        "one or more of the following:": 1, "any one of the below:": 1, "languages such as": 1,
        "two of them:": 2,
    }  # fmt: skip
    for cue, need in cues.items():
        assert groups_of(f"Requirements: {cue} Python, Scala and Go.") == [(ids, need)], cue


def test_examples_of_a_kind_are_alternatives() -> None:
    text = "Requirements: server-side languages such as Ruby, Java, and PHP."
    assert groups_of(text) == [(("ruby", "java", "php"), 1)]
    assert groups_of("Requirements: Docker, Kubernetes and Terraform.") == []


def test_a_slash_joins_alternatives_but_not_a_stack() -> None:
    assert groups_of("Requirements: Python/Go for tooling.") == [(("python", "golang"), 1)]
    assert groups_of("Requirements: JavaScript/Node.js services.") == []


def test_groups_are_in_the_profile_dict() -> None:
    out = skillgap.extract("Requirements: PyTorch or TensorFlow.", kind="job").to_dict()
    assert out["groups"][0]["skill_ids"] == ["pytorch", "tensorflow"]
    assert out["groups"][0]["text"] == "PyTorch or TensorFlow"


def test_a_group_takes_the_level_of_its_members() -> None:
    profile = skillgap.extract("Nice to have: Spark or Hadoop.", kind="job")
    assert [(g.skill_ids, g.level) for g in profile.groups] == [(("spark", "hadoop"), "preferred")]


words = st.sampled_from(["Python", "or", "and", ",", "/", "one of", "(at least 2)", "SQL", " "])


@given(st.lists(words, max_size=30), st.data())
def test_never_crashes_and_offsets_stay_in_range(parts: list[str], data: st.DataObject) -> None:
    text = " ".join(parts)
    members = []
    for i, part in enumerate(parts):
        if part in ("Python", "SQL"):
            start = len(" ".join(parts[:i])) + (1 if i else 0)
            level = data.draw(st.sampled_from(["required", "preferred", None]))
            members.append(Member(part.lower() + str(i % 3), start, start + len(part), level))
    for g in requirement_groups(text, members):
        assert 0 <= g.start < g.end <= len(text)
        assert g.text == text[g.start : g.end]
        assert len(set(g.skill_ids)) == len(g.skill_ids) >= 2
        assert 1 <= g.need <= len(g.skill_ids)


def test_a_member_may_carry_a_kind_word() -> None:
    text = "Requirements: 2+ years of Python, Machine Learning technologies or Deep Learning."
    assert groups_of(text) == [(("python", "machine-learning", "deep-learning"), 1)]


def test_a_repeated_list_is_one_group_that_knows_every_place() -> None:
    text = "Duties: build with PyTorch or TensorFlow.\nRequirements: PyTorch or TensorFlow."
    (group,) = skillgap.extract(text, kind="job").groups
    assert [text[s:e] for s, e in group.spans] == ["PyTorch or TensorFlow"] * 2


def test_a_skill_with_bracketed_examples_is_one_requirement() -> None:
    text = "Requirements: Python (including NumPy, pandas, and other packages)."
    assert groups_of(text) == [(("python", "numpy", "pandas"), 1)]
    # a bracket that only spells the skill out gives no examples
    text = "Requirements: large language models (LLM), LangChain and PyTorch."
    assert groups_of(text) == []
