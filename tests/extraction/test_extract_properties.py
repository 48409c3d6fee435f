"""Properties of extraction on any text a user may paste."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from skillgap import extract

WORDS = st.sampled_from(
    [
        "Python", "R", "Go", "go", "Java", "JavaScript", "not", "no experience with", "except",
        "required", "nice to have", "5+ years", "Skills", "\n", "Requirements:", ",", "/", "-",
        "Pytorh", "C++", "CI/CD", "Sci-Kit-Learn", "spark", "Spark", "•", "é", "\u200b", "ﬁ",
    ]
)  # fmt: skip
TEXTS = st.one_of(
    st.text(max_size=400),
    st.lists(WORDS, max_size=60).map(" ".join),
)


@settings(max_examples=200, deadline=None)
@given(TEXTS, st.sampled_from(["auto", "resume", "job"]))
def test_any_text_gives_consistent_evidence(text, kind):
    profile = extract(text, kind=kind)
    assert profile.kind in ("resume", "job")
    for hit in profile.skills:
        assert hit.mentions
        for mention in hit.mentions:
            assert text[mention.start : mention.end] == mention.text
            assert (mention.level is None) == (profile.kind == "resume")
    assert not profile.skill_ids & {n.id for n in profile.negated}


@settings(max_examples=100, deadline=None)
@given(st.lists(WORDS, max_size=40).map(" ".join))
def test_extraction_is_deterministic(text):
    assert extract(text, kind="job") == extract(text, kind="job")
