"""Score extraction against labelled documents (the format of the dev set's ``labels.jsonl``).

Micro precision/recall/F1 over the core ids, per document: a predicted id is a true positive if
labelled, ignored if in ``ignore``, else a false positive; a labelled id not predicted is a miss; an
id in ``negated`` must not be predicted (a violation, counted as a false positive too).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from skillgap.extraction.extract import extract
from skillgap.taxonomy import Taxonomy, default_taxonomy, default_taxonomy_dir


class EvalError(ValueError):
    """Labels or documents that cannot be read."""


@dataclass(frozen=True)
class DocScore:
    doc: str
    group: str
    true_positives: frozenset[str]
    false_positives: frozenset[str]
    misses: frozenset[str]
    negation_violations: frozenset[str]
    evidence: dict[str, str] = field(default_factory=dict)

    @property
    def errors(self) -> int:
        return len(self.false_positives) + len(self.misses)


@dataclass
class Totals:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    docs: int = 0
    negation_violations: int = 0

    def add(self, score: DocScore) -> None:
        self.tp += len(score.true_positives)
        self.fp += len(score.false_positives)
        self.fn += len(score.misses)
        self.docs += 1
        self.negation_violations += len(score.negation_violations)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class EvalResult:
    scores: list[DocScore]
    by_group: dict[str, Totals] = field(default_factory=dict)
    overall: Totals = field(default_factory=Totals)

    def worst(self, n: int) -> list[DocScore]:
        ranked = sorted(self.scores, key=lambda s: (-s.errors, s.doc))
        return [s for s in ranked[:n] if s.errors]


def core_ids() -> frozenset[str]:
    """The ids the roadmap requires, kept beside the taxonomy data."""
    path = default_taxonomy_dir() / "core_ids.txt"
    return frozenset(line.strip() for line in path.read_text().splitlines() if line.strip())


def read_labels(path: Path) -> list[dict]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalError(f"{path}: cannot be read ({exc.__class__.__name__})") from None
    rows = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError:
            raise EvalError(f"{path}:{number}: not a JSON object") from None
        if not isinstance(row, dict) or "doc" not in row or "labels" not in row:
            raise EvalError(f"{path}:{number}: needs at least 'doc' and 'labels'")
        rows.append(row)
    if not rows:
        raise EvalError(f"{path}: no labelled documents")
    return rows


def score_document(
    predicted: Iterable[str],
    row: dict,
    scored_ids: frozenset[str],
    evidence: dict[str, str] | None = None,
) -> DocScore:
    """Compare predicted ids with one labelled row, over ``scored_ids`` only."""
    labels = set(row["labels"]) & scored_ids
    ignore = set(row.get("ignore", ()))
    negated = set(row.get("negated", ()))
    predicted_set = set(predicted) & scored_ids
    doc = str(row["doc"])
    return DocScore(
        doc=doc,
        group=doc.split("-")[0],
        true_positives=frozenset(predicted_set & labels),
        false_positives=frozenset(predicted_set - labels - (ignore - negated)),
        misses=frozenset(labels - predicted_set),
        negation_violations=frozenset(predicted_set & negated),
        evidence=evidence or {},
    )


def evaluate(docs_dir: Path, labels_path: Path, *, taxonomy: Taxonomy | None = None) -> EvalResult:
    """Extract every labelled document in ``docs_dir`` and score it."""
    taxonomy = taxonomy or default_taxonomy()
    scored_ids = core_ids()
    result = EvalResult(scores=[])
    for row in read_labels(labels_path):
        path = docs_dir / f"{row['doc']}.txt"
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise EvalError(f"{path}: cannot be read ({exc.__class__.__name__})") from None
        kind = row.get("kind", "auto")
        profile = extract(text, kind if kind in ("resume", "job") else "auto", taxonomy=taxonomy)
        evidence = {hit.id: hit.mentions[0].text for hit in profile.skills}
        score = score_document(profile.skill_ids, row, scored_ids, evidence)
        result.scores.append(score)
        result.by_group.setdefault(score.group, Totals()).add(score)
        result.overall.add(score)
    return result
