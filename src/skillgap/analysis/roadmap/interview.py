"""Interview preparation for the target roles: the roadmap's advice and what the postings ask."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from skillgap.analysis.roadmap.curriculum import curriculum
from skillgap.taxonomy import Skill, Taxonomy


@dataclass(frozen=True)
class InterviewTopic:
    topic: str
    detail: str


def interview_topics(
    asked: Mapping[str, float], taxonomy: Taxonomy, track: str, projects: Sequence[str]
) -> tuple[InterviewTopic, ...]:
    """The topics to prepare; ``projects`` names the plan's main portfolio projects."""
    words = curriculum().interview

    def top(skills: Iterable[Skill], n: int) -> list[str]:
        ranked = sorted(skills, key=lambda s: (-asked[s.id], s.id))
        return [s.name for s in ranked[:n]]

    known = [taxonomy[i] for i in asked if i in taxonomy]
    hard = [s for s in known if s.kind == "hard"]
    foundations = top((s for s in hard if s.phase in ("math", "ml-foundations")), 4)
    most_asked = top(hard, 6)
    track_skills = top((s for s in hard if s.track == track), 4)
    soft = top((s for s in known if s.kind == "soft"), 4)
    coding = words["coding"] + (f"; {words['coding_sql']}" if "sql" in asked else "")
    system = curriculum().system_design[track]
    listed = " and ".join(projects[:2]) + (" projects" if len(projects) > 1 else " project")
    topics = [
        InterviewTopic("Coding", coding),
        InterviewTopic(
            "ML knowledge",
            words["ml_knowledge"] + (f"; expect {', '.join(foundations)}" if foundations else ""),
        ),
        InterviewTopic("ML system design", words["system_design"].format(system=system)),
        InterviewTopic("Project deep-dive", words["deep_dive"].format(projects=listed)),
        InterviewTopic(
            curriculum().track_label(track),
            words["track"] + (f": {', '.join(track_skills)}" if track_skills else ""),
        ),
    ]
    if most_asked:
        topics.append(InterviewTopic("What the postings ask most", ", ".join(most_asked)))
    if soft:
        topics.append(
            InterviewTopic("Behavioural", words["behavioural"].format(skills=", ".join(soft)))
        )
    return tuple(topics)
