"""Score gap decisions against a recruiter's judgements of (resume, posting) pairs.

The pairs file has one JSON object a line (the format of the dev set's ``pairs.jsonl``):
``resume`` and ``posting`` name documents in a folder; ``hard_gaps_required`` and
``hard_gaps_preferred`` are the hard skills the posting asks for that the resume does not show;
``borderline`` ids are neither rewarded nor penalised; ``fit`` runs from 1 to 5 and
``months_to_ready`` is the study time (about 10 hours a week) that closes the required gaps.

For each pair ``analyze`` runs in this process and its report is scored the way the dev set's
``score_pairs.py`` scores ``skillgap analyze``: predicted required gaps are the hard skills
missing at level required, minus the pair's borderline ids (micro precision and recall, with
partial counted as not a gap and, in a second line, as a gap); the same at level preferred;
false required gaps per pair; the Spearman correlation of the posting score with ``fit``; and,
for pairs with fit >= 4, the plan's months against ``months_to_ready``.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from skillgap.analysis.report import analyze
from skillgap.documents import DocumentError, read_document
from skillgap.taxonomy import Taxonomy

HOURS_PER_WEEK = 10.0  # the pace months_to_ready assumes
READY_FIT = 4  # pairs at or above this fit have their plan compared with months_to_ready
DOC_SUFFIXES = ("", ".txt", ".md", ".pdf", ".docx")
VARIANTS = (
    ("req", "required gaps (partial = not a gap)"),
    ("req+partial", "required gaps (partial = gap)"),
    ("pref", "preferred gaps (partial = not a gap)"),
    ("pref+partial", "preferred gaps (partial = gap)"),
    ("any", "any-level gaps (missing only)"),
)


class PairsError(ValueError):
    """A pairs file or a document it names that cannot be read."""


@dataclass(frozen=True)
class Pair:
    """One judged (resume, posting) pair."""

    resume: str
    posting: str
    required: frozenset[str]
    preferred: frozenset[str]
    borderline: frozenset[str]
    fit: float
    months_to_ready: float


@dataclass(frozen=True)
class PairScore:
    """One pair's report against its judgement (gap sets with borderline ids removed)."""

    pair: Pair
    score: float | None
    months: float | None
    required: frozenset[str]
    required_partial: frozenset[str]
    preferred: frozenset[str]
    preferred_partial: frozenset[str]

    @property
    def false_required(self) -> frozenset[str]:
        return self.required - self.pair.required

    @property
    def missed_required(self) -> frozenset[str]:
        return self.pair.required - self.required


@dataclass(frozen=True)
class Counts:
    """True positives, false positives and misses."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else math.nan

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else math.nan

    @property
    def f1(self) -> float:
        if not self.tp:  # 0 when there was something to find and to say, else undefined
            return 0.0 if self.tp + self.fp and self.tp + self.fn else math.nan
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r)


def counts(predicted: frozenset[str], gold: frozenset[str]) -> Counts:
    """The counts of one predicted set against the judged one."""
    return Counts(len(predicted & gold), len(predicted - gold), len(gold - predicted))


@dataclass
class PairsResult:
    """Every pair's score, and the figures over all of them."""

    scores: list[PairScore] = field(default_factory=list)

    def variant(self, key: str) -> Counts:
        """Micro counts of one of ``VARIANTS``."""
        total = Counts()
        for s in self.scores:
            gold = s.pair.required
            predicted = {
                "req": s.required,
                "req+partial": s.required | s.required_partial,
                "pref": s.preferred,
                "pref+partial": s.preferred | s.preferred_partial,
                "any": s.required | s.preferred,
            }[key]
            if key.startswith("pref"):
                gold = s.pair.preferred
            elif key == "any":
                gold = s.pair.required | s.pair.preferred
            total += counts(predicted, gold)
        return total

    def false_per_pair(self, partial: bool = False) -> list[int]:
        return [
            len((s.required | (s.required_partial if partial else frozenset())) - s.pair.required)
            for s in self.scores
        ]

    @property
    def level_swaps(self) -> int:
        """Gaps found at the wrong level, required <-> preferred."""
        return sum(
            len((s.required & s.pair.preferred) | (s.preferred & s.pair.required))
            for s in self.scores
        )

    def spearman(self) -> float:
        rows = [(s.score, s.pair.fit) for s in self.scores if s.score is not None]
        return spearman([r[0] for r in rows], [r[1] for r in rows])


def load_pairs(path: Path) -> list[Pair]:
    """The judged pairs of a JSON-lines file."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise PairsError(f"{path}: cannot read ({exc.__class__.__name__})") from None
    pairs = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            pairs.append(
                Pair(
                    resume=str(row["resume"]),
                    posting=str(row["posting"]),
                    required=frozenset(row.get("hard_gaps_required", ())),
                    preferred=frozenset(row.get("hard_gaps_preferred", ())),
                    borderline=frozenset(row.get("borderline", ())),
                    fit=float(row["fit"]),
                    months_to_ready=float(row.get("months_to_ready", 0)),
                )
            )
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise PairsError(f"{path}:{number}: not a judged pair ({exc!r})") from None
    if not pairs:
        raise PairsError(f"{path}: no pairs")
    return pairs


def document_path(docs: Path, doc_id: str) -> Path:
    """The file of a document id in ``docs`` (with or without its suffix)."""
    for suffix in DOC_SUFFIXES:
        path = docs / f"{doc_id}{suffix}"
        if path.is_file():
            return path
    raise PairsError(f"no document {doc_id!r} in {docs}")


def _hard(entries: Iterable[Mapping[str, Any]], level: str | None = None) -> frozenset[str]:
    return frozenset(
        e["id"]
        for e in entries
        if e.get("kind", "hard") == "hard"
        and (level is None or (e.get("level") == "required") == (level == "required"))
    )


def score_report(pair: Pair, report: Mapping[str, Any]) -> PairScore:
    """One pair's JSON report (``GapReport.to_dict()``) against its judgement."""
    job = report["jobs"][0]
    partial = job.get("partial", [])
    roadmap = report.get("roadmap") or {}
    months = roadmap.get("total_months")
    border = pair.borderline
    return PairScore(
        pair=pair,
        score=None if job.get("score") is None else float(job["score"]),
        months=None if months is None else float(months),
        required=_hard(job.get("missing_required", [])) - border,
        required_partial=_hard(partial, "required") - border,
        preferred=_hard(job.get("missing_preferred", [])) - border,
        preferred_partial=_hard(partial, "preferred") - border,
    )


def evaluate_pairs(
    pairs: Sequence[Pair],
    docs: Path,
    *,
    taxonomy: Taxonomy | None = None,
    hours_per_week: float = HOURS_PER_WEEK,
    progress: Callable[[PairScore], None] | None = None,
) -> PairsResult:
    """Analyse every pair in this process and score its report."""
    if not docs.is_dir():
        raise PairsError(f"{docs}: not a folder")
    result = PairsResult()
    for pair in pairs:
        try:
            resume = read_document(document_path(docs, pair.resume))
            posting = read_document(document_path(docs, pair.posting))
        except DocumentError as exc:
            raise PairsError(str(exc)) from None
        report = analyze(resume, [posting], hours_per_week=hours_per_week, taxonomy=taxonomy)
        score = score_report(pair, report.to_dict())
        result.scores.append(score)
        if progress is not None:
            progress(score)
    return result


def _ranks(values: Sequence[float]) -> list[float]:
    order = sorted(range(len(values)), key=values.__getitem__)
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return ranks


def spearman(a: Sequence[float], b: Sequence[float]) -> float:
    """Spearman's rho with average ranks for ties (nan when either side is constant).

    >>> round(spearman([1, 2, 3], [10, 30, 20]), 3)
    0.5
    """
    if len(a) < 2:
        return math.nan
    ra, rb = _ranks(a), _ranks(b)
    ma, mb = sum(ra) / len(ra), sum(rb) / len(rb)
    cov = sum((x - ma) * (y - mb) for x, y in zip(ra, rb, strict=True))
    var_a = math.sqrt(sum((x - ma) ** 2 for x in ra))
    var_b = math.sqrt(sum((y - mb) ** 2 for y in rb))
    return cov / (var_a * var_b) if var_a and var_b else math.nan


def _fmt(value: float | None, digits: int = 2) -> str:
    return "n/a" if value is None or math.isnan(value) else f"{value:.{digits}f}"


def _top(counter: Counter[str], k: int) -> str:
    """Most common first, ties by id."""
    ranked = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:k]
    return ", ".join(f"{i} {n}" for i, n in ranked) or "none"


def format_pairs(result: PairsResult, *, verbose: bool = False) -> str:
    """The figures of ``score_pairs.py``: gap P/R/F1 per variant, false required gaps per pair,
    the ids most often false or missed, score vs fit, and plan vs months_to_ready."""
    scores = result.scores
    lines = [
        f"{len(scores)} pairs analysed (hours/week {_fmt(HOURS_PER_WEEK, 1)})",
        "",
        "Gap decisions (micro over pairs; borderline ids excluded; hard skills only)",
        f"  {'':38} {'P':>5} {'R':>5} {'F1':>5}   {'TP':>4} {'FP':>4} {'FN':>4}",
    ]
    for key, label in VARIANTS:
        c = result.variant(key)
        lines.append(
            f"  {label:38} {_fmt(c.precision):>5} {_fmt(c.recall):>5} {_fmt(c.f1):>5}   "
            f"{c.tp:4d} {c.fp:4d} {c.fn:4d}"
        )
    lines += [f"  (gaps found at the wrong level, required<->preferred: {result.level_swaps})", ""]
    for partial, label in ((False, "partial = not a gap"), (True, "partial = gap")):
        per_pair = result.false_per_pair(partial)
        if per_pair:
            none = sum(1 for n in per_pair if n == 0)
            lines.append(
                f"False required gaps per pair ({label}): mean "
                f"{sum(per_pair) / len(per_pair):.2f}, max {max(per_pair)}, "
                f"pairs with none {none}/{len(per_pair)}"
            )
    ready = [s for s in scores if s.pair.fit >= READY_FIT]
    ready_false = [len(s.false_required) for s in ready]
    if ready_false:
        lines.append(
            f"  pairs with fit >= {READY_FIT}: mean {sum(ready_false) / len(ready_false):.2f}, "
            f"max {max(ready_false)}"
        )
    false_ids: Counter[str] = Counter(i for s in scores for i in s.false_required)
    false_pref: Counter[str] = Counter(i for s in scores for i in s.preferred - s.pair.preferred)
    missed: Counter[str] = Counter(i for s in scores for i in s.missed_required)
    lines += [
        "",
        f"Most often falsely reported as required gaps (pairs): {_top(false_ids, 12)}",
        f"Most often falsely reported as preferred gaps: {_top(false_pref, 8)}",
        f"Required gaps most often missed: {_top(missed, 10)}",
        "",
    ]
    rho = result.spearman()
    scored = [s for s in scores if s.score is not None]
    lines.append(f"Score vs fit: Spearman rho = {_fmt(rho, 3)} (n = {len(scored)})")
    by_fit: dict[int, list[float]] = {}
    for s in scored:
        by_fit.setdefault(int(s.pair.fit), []).append(s.score or 0.0)
    lines.append(
        "  mean score by fit: "
        + ", ".join(f"{f}: {sum(v) / len(v):.1f} (n={len(v)})" for f, v in sorted(by_fit.items()))
    )
    if ready:
        lines += ["", f"Learning plan vs months_to_ready, pairs with fit >= {READY_FIT}:"]
        diffs = []
        for s in ready:
            lines.append(
                f"  {s.pair.resume:34} {s.pair.posting:38} ready "
                f"{s.pair.months_to_ready:4.1f}  plan {_fmt(s.months, 1):>4}"
            )
            if s.months is not None:
                diffs.append(s.months - s.pair.months_to_ready)
        if diffs:
            lines.append(
                f"  plan minus ready: mean {sum(diffs) / len(diffs):+.1f} months, "
                f"mean |diff| {sum(abs(d) for d in diffs) / len(diffs):.1f}"
            )
    if verbose:
        lines += ["", "Per pair (FP = false required gap, FN = missed required gap)"]
        for s in scores:
            lines += [
                f"- {s.pair.resume} x {s.pair.posting}: score {_fmt(s.score, 1)}, "
                f"fit {s.pair.fit:g}, plan {_fmt(s.months, 1)}, ready {s.pair.months_to_ready:g}",
                f"    TP {sorted(s.required & s.pair.required)}",
                f"    FP {sorted(s.false_required)}",
                f"    FN {sorted(s.missed_required)}",
            ]
            if s.required_partial - s.required:
                lines.append(f"    partial (required) {sorted(s.required_partial - s.required)}")
            if s.preferred or s.pair.preferred:
                lines.append(
                    f"    preferred: TP {sorted(s.preferred & s.pair.preferred)} "
                    f"FP {sorted(s.preferred - s.pair.preferred)} "
                    f"FN {sorted(s.pair.preferred - s.preferred)}"
                )
    return "\n".join(lines)
