"""The three result tables of a batch run, built from the per-document and per-pair results.

- pairs: ``resume_id, job_id, score, missing_required, missing_preferred, suggested_months,
  error``; the missing skills are ids joined by ``"; "``.
- skills (long): ``document_id, kind, skill_id, skill_name, level, years, sections, evidence``.
- summary (long, for charting): ``measure, key, name, count, total, share`` where ``measure`` is
  ``postings_asking`` / ``postings_requiring`` (demand per skill across postings),
  ``resumes_missing`` (resumes for which the skill is missing in at least one scored pair),
  ``pairs_missing_required`` / ``pairs_missing_preferred``, and ``errors`` (``key`` resumes, jobs
  or pairs: how many could not be read, extracted or scored).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from skillgap.batch.inputs import SourceDocument
from skillgap.batch.tasks import Extracted, PairOutcome
from skillgap.taxonomy import Taxonomy

LIST_SEPARATOR = "; "
PAIR_COLUMNS = (
    "resume_id", "job_id", "score", "missing_required", "missing_preferred",
    "suggested_months", "error",
)  # fmt: skip
SKILL_COLUMNS = (
    "document_id", "kind", "skill_id", "skill_name", "level", "years", "sections", "evidence",
)  # fmt: skip
SUMMARY_COLUMNS = ("measure", "key", "name", "count", "total", "share")


@dataclass(frozen=True)
class PlannedPair:
    """A pair to report: the ids shown, the documents' indices, or why it cannot be compared."""

    resume_id: str
    job_id: str
    resume: int | None
    job: int | None
    error: str | None = None


def pairs_table(
    planned: Sequence[PlannedPair], outcomes: Mapping[int, PairOutcome]
) -> pd.DataFrame:
    """One row per planned pair, in plan order."""
    rows = []
    for index, pair in enumerate(planned):
        outcome = outcomes[index]
        rows.append(
            (
                pair.resume_id,
                pair.job_id,
                outcome.score,
                LIST_SEPARATOR.join(outcome.missing_required),
                LIST_SEPARATOR.join(outcome.missing_preferred),
                outcome.suggested_months,
                outcome.error,
            )
        )
    frame = pd.DataFrame(rows, columns=list(PAIR_COLUMNS))
    frame["score"] = frame["score"].astype("float64")
    frame["suggested_months"] = frame["suggested_months"].astype("Int64")
    return frame


def skills_table(
    documents: Sequence[SourceDocument], extracted: Mapping[int, Extracted]
) -> pd.DataFrame:
    """One row per skill found in each extracted document, documents in run order."""
    rows = []
    for index in sorted(extracted):
        profile = extracted[index].profile
        if profile is None:
            continue
        for skill in profile.skills:
            evidence = dict.fromkeys(m.text for m in skill.mentions)
            rows.append(
                (
                    documents[index].id,
                    documents[index].kind,
                    skill.id,
                    skill.name,
                    skill.level,
                    skill.years,
                    LIST_SEPARATOR.join(sorted(skill.sections)),
                    LIST_SEPARATOR.join(evidence),
                )
            )
    frame = pd.DataFrame(rows, columns=list(SKILL_COLUMNS))
    frame["years"] = frame["years"].astype("float64")
    return frame


def summary_table(
    documents: Sequence[SourceDocument],
    extracted: Mapping[int, Extracted],
    planned: Sequence[PlannedPair],
    outcomes: Mapping[int, PairOutcome],
    taxonomy: Taxonomy,
) -> pd.DataFrame:
    """Demand per skill, gap frequency across resumes and error counts, as one long table."""
    read = {kind: [i for i in extracted if documents[i].kind == kind] for kind in ("resume", "job")}
    postings = [p for i in read["job"] if (p := extracted[i].profile) is not None]
    asking = Counter(s.id for p in postings for s in p.skills)
    requiring = Counter(s.id for p in postings for s in p.skills if s.level != "preferred")

    scored = [(planned[i], outcomes[i]) for i in sorted(outcomes) if outcomes[i].score is not None]
    missing_in: dict[str, set[int | None]] = defaultdict(set)
    for pair, outcome in scored:
        for skill_id in outcome.missing_required + outcome.missing_preferred:
            missing_in[skill_id].add(pair.resume)
    scored_resumes = len({pair.resume for pair, _ in scored})
    missing_required = Counter(s for _, o in scored for s in o.missing_required)
    missing_preferred = Counter(s for _, o in scored for s in o.missing_preferred)

    def name(skill_id: str) -> str:
        skill = taxonomy.get(skill_id)
        return skill.name if skill else skill_id

    rows: list[tuple] = []
    for measure, counts, total in (
        ("postings_asking", asking, len(postings)),
        ("postings_requiring", requiring, len(postings)),
        ("resumes_missing", Counter({k: len(v) for k, v in missing_in.items()}), scored_resumes),
        ("pairs_missing_required", missing_required, len(scored)),
        ("pairs_missing_preferred", missing_preferred, len(scored)),
    ):
        for key, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            rows.append((measure, key, name(key), count, total, _share(count, total)))
    for key, kind in (("resumes", "resume"), ("jobs", "job")):
        failed = sum(1 for i in read[kind] if extracted[i].error is not None)
        rows.append(("errors", key, key, failed, len(read[kind]), _share(failed, len(read[kind]))))
    failed_pairs = sum(1 for o in outcomes.values() if o.error is not None)
    rows.append(
        (
            "errors",
            "pairs",
            "pairs",
            failed_pairs,
            len(outcomes),
            _share(failed_pairs, len(outcomes)),
        )
    )
    frame = pd.DataFrame(rows, columns=list(SUMMARY_COLUMNS))
    frame["share"] = frame["share"].astype("float64")
    return frame


def _share(count: int, total: int) -> float | None:
    return round(count / total, 4) if total else None
