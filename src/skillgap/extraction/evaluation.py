"""Score extraction against labelled documents (the format of the dev set's ``labels.jsonl``,
and of ``labels-full.jsonl``, which labels every taxonomy id with levels, years and OOT skills).

Micro precision/recall/F1, per document: a predicted id is a true positive if labelled, ignored if
in ``ignore``, else a false positive; a labelled id not predicted is a miss; an id in ``negated``
must not be predicted (a violation, counted as a false positive too). Core labels are scored over
the core ids only; full labels over all ids, split into roadmap (core) ids and the others, per
source and kind, with the requirement level and the years of the postings' true positives.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from skillgap.documents import DocumentError, read_document
from skillgap.extraction.extract import extract
from skillgap.models import DocumentProfile
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

    def add(self, profile: DocumentProfile, row: dict, scored_ids: frozenset[str]) -> None:
        """Score one extracted document against its label row and count it."""
        evidence = {hit.id: hit.mentions[0].text for hit in profile.skills}
        score = score_document(profile.skill_ids, row, scored_ids, evidence)
        self.scores.append(score)
        self.by_group.setdefault(score.group, Totals()).add(score)
        self.overall.add(score)

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
        result.add(profile, row, scored_ids)
    return result


FULL_FIELDS = ("level", "years", "oot")


def is_full_labels(rows: list[dict]) -> bool:
    """Whether ``rows`` label every taxonomy id (``labels-full.jsonl``: levels, years, OOT)."""
    return any(key in row for row in rows for key in FULL_FIELDS)


def family(doc: str) -> str:
    """The set a document belongs to: its id without the trailing number (``rm-*`` are the
    Resume-Matcher samples)."""
    return "resume-matcher" if doc.startswith("rm-") else re.sub(r"-\d+$", "", doc)


@dataclass
class YearsTally:
    """Years stated per skill in postings, over true positives with labelled years."""

    gold: int = 0
    exact: int = 0
    missing: int = 0
    wrong: int = 0
    spurious: int = 0  # predicted years on a skill with none labelled

    @property
    def exact_rate(self) -> float | None:
        return self.exact / self.gold if self.gold else None


@dataclass
class FullResult:
    """Scores over all ids: totals by group ("all", "core", "other", "kind:job",
    "source:linkedin", ...), the level confusion (gold, predicted) of the postings' true
    positives, years, negation violations and the OOT counts per kind."""

    scores: list[DocScore] = field(default_factory=list)
    totals: dict[str, Totals] = field(default_factory=dict)
    levels: Counter[tuple[str, str]] = field(default_factory=Counter)
    years: YearsTally = field(default_factory=YearsTally)
    violations: list[tuple[str, str]] = field(default_factory=list)
    oot: dict[str, list[int]] = field(default_factory=dict)  # kind -> [oot, labels + oot]

    def group(self, name: str) -> Totals:
        return self.totals.setdefault(name, Totals())

    @property
    def level_accuracy(self) -> float | None:
        total = sum(self.levels.values())
        right = sum(n for (gold, pred), n in self.levels.items() if gold == pred)
        return right / total if total else None

    def oot_rate(self, kind: str) -> float | None:
        share, total = self.oot.get(kind, (0, 0))
        return share / total if total else None

    def worst(self, n: int) -> list[DocScore]:
        ranked = sorted(self.scores, key=lambda s: (-s.errors, s.doc))
        return [s for s in ranked[:n] if s.errors]


def _add(totals: Totals, tp: set[str], fp: set[str], fn: set[str]) -> None:
    totals.tp += len(tp)
    totals.fp += len(fp)
    totals.fn += len(fn)
    totals.docs += 1


def score_full_document(
    profile: DocumentProfile, row: dict, core: frozenset[str], result: FullResult
) -> None:
    """Add one document's figures over all ids to ``result``."""
    hits = {hit.id: hit for hit in profile.skills}
    predicted = set(hits)
    gold, ignore = set(row["labels"]), set(row.get("ignore", ()))
    negated = set(row.get("negated", ()))
    tp, fn, fp = predicted & gold, gold - predicted, predicted - gold - ignore
    doc, kind = str(row["doc"]), str(row.get("kind", profile.kind))
    for name, keep in (("core", core.__contains__), ("other", lambda i: i not in core)):
        subset = {i for i in tp if keep(i)}, {i for i in fp if keep(i)}, {i for i in fn if keep(i)}
        _add(result.group(name), *subset)
    for name in ("all", f"kind:{kind}", f"source:{family(doc)}"):
        _add(result.group(name), tp, fp, fn)
    violations = predicted & negated
    result.violations += [(doc, i) for i in sorted(violations)]
    result.group("all").negation_violations += len(violations)
    oot = len(row.get("oot", ()))
    counts = result.oot.setdefault(kind, [0, 0])
    counts[0] += oot
    counts[1] += len(gold) + oot
    if kind == "job":
        gold_levels, gold_years = row.get("level", {}), row.get("years", {})
        for i in tp:
            result.levels[gold_levels.get(i, "required"), hits[i].level or "none"] += 1
            if i in gold_years:
                result.years.gold += 1
                got = hits[i].years
                if got is None:
                    result.years.missing += 1
                elif float(got) == float(gold_years[i]):
                    result.years.exact += 1
                else:
                    result.years.wrong += 1
        result.years.spurious += sum(
            1 for i in predicted - ignore if i not in gold_years and hits[i].years is not None
        )
    evidence = {hit.id: hit.mentions[0].text for hit in profile.skills}
    result.scores.append(
        DocScore(doc, family(doc), frozenset(tp), frozenset(fp), frozenset(fn),
                 frozenset(violations), evidence)
    )  # fmt: skip


def evaluate_full(
    docs_dir: Path, rows: list[dict], *, taxonomy: Taxonomy | None = None
) -> FullResult:
    """Read every labelled document in ``docs_dir`` as ``skillgap extract`` does (kind detected,
    not taken from the labels) and score it over all ids."""
    taxonomy = taxonomy or default_taxonomy()
    core = core_ids()
    result = FullResult()
    for row in rows:
        path = docs_dir / f"{row['doc']}.txt"
        try:
            document = read_document(path)
        except (DocumentError, OSError) as exc:
            raise EvalError(f"{path}: cannot be read ({exc.__class__.__name__})") from None
        profile = extract(document, "auto", source=str(path), taxonomy=taxonomy)
        score_full_document(profile, row, core, result)
    return result
