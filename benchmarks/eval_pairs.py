"""Gap decisions against a recruiter's judgements of (resume, posting) pairs.

    python benchmarks/eval_pairs.py [PAIRS.jsonl] [DOCS_DIR] [--verbose]

Defaults: ../shared/eval/pairs.jsonl and ../shared/eval/docs (see ../shared/eval/PAIRS.md). For
each pair it runs ``skillgap.analyze`` in this process and scores the JSON report the way
``score_pairs.py`` does: required hard gaps (missing at level required, minus the pair's
borderline ids) against ``hard_gaps_required`` (micro precision and recall, partial counted as
not a gap), false required gaps per pair, and the Spearman correlation of the posting score with
the recruiter's ``fit``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

import skillgap
from skillgap.analysis.report import analyze

HOURS_PER_WEEK = 10.0


def _ranks(values: list[float]) -> list[float]:
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


def spearman(a: list[float], b: list[float]) -> float:
    """Spearman's rho with average ranks for ties."""
    ra, rb = _ranks(a), _ranks(b)
    n = len(a)
    ma, mb = sum(ra) / n, sum(rb) / n
    cov = sum((x - ma) * (y - mb) for x, y in zip(ra, rb, strict=True))
    var_a = sum((x - ma) ** 2 for x in ra) ** 0.5
    var_b = sum((y - mb) ** 2 for y in rb) ** 0.5
    return cov / (var_a * var_b) if var_a and var_b else float("nan")


def _doc(docs: Path, doc_id: str) -> Path:
    for suffix in ("", ".txt", ".md", ".pdf", ".docx"):
        path = docs / f"{doc_id}{suffix}"
        if path.is_file():
            return path
    raise FileNotFoundError(f"no document {doc_id!r} in {docs}")


def _hard(entries: list[dict]) -> set[str]:
    return {e["id"] for e in entries if e["kind"] == "hard"}


def main() -> int:
    here = Path(__file__).resolve().parents[1]
    shared = here.parent.parent / "shared" / "eval"
    if not shared.is_dir():
        shared = here.parent / "shared" / "eval"
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pairs", nargs="?", type=Path, default=shared / "pairs.jsonl")
    parser.add_argument("docs", nargs="?", type=Path, default=shared / "docs")
    parser.add_argument("--verbose", action="store_true", help="false and missed gaps per pair")
    args = parser.parse_args()
    if not args.pairs.is_file():
        print(f"{args.pairs}: no such file (the labelled pairs live in ../shared/eval)")
        return 2
    pairs = [json.loads(line) for line in args.pairs.read_text().splitlines() if line.strip()]
    tp = fp = fn = 0
    false_per_pair: list[int] = []
    false_ids: Counter[str] = Counter()
    missed_ids: Counter[str] = Counter()
    scores, fits = [], []
    started = time.perf_counter()
    for pair in pairs:
        resume = skillgap.read_document(_doc(args.docs, pair["resume"]))
        posting = skillgap.read_document(_doc(args.docs, pair["posting"]))
        report = analyze(resume, [posting], hours_per_week=HOURS_PER_WEEK).to_dict()
        job = report["jobs"][0]
        border = set(pair.get("borderline", []))
        gold = set(pair.get("hard_gaps_required", []))
        predicted = _hard(job["missing_required"]) - border
        tp += len(predicted & gold)
        fp += len(predicted - gold)
        fn += len(gold - predicted)
        false_per_pair.append(len(predicted - gold))
        false_ids.update(predicted - gold)
        missed_ids.update(gold - predicted)
        if job["score"] is not None:
            scores.append(float(job["score"]))
            fits.append(float(pair["fit"]))
        if args.verbose:
            print(
                f"- {pair['resume']} x {pair['posting']}: score {job['score']}, fit {pair['fit']}"
                f"\n    FP {sorted(predicted - gold)}\n    FN {sorted(gold - predicted)}"
            )
    precision = tp / (tp + fp) if tp + fp else float("nan")
    recall = tp / (tp + fn) if tp + fn else float("nan")
    mean_false = sum(false_per_pair) / len(false_per_pair)
    print(f"pairs: {len(pairs)} ({time.perf_counter() - started:.1f} s)")
    print(
        f"required gaps: precision {precision:.2f}, recall {recall:.2f} (TP {tp} FP {fp} FN {fn})"
    )
    print(f"false required gaps per pair: mean {mean_false:.2f}, max {max(false_per_pair)}")
    print(f"score vs fit: Spearman {spearman(scores, fits):.3f} (n = {len(scores)})")
    print("most often false: " + ", ".join(f"{i} {n}" for i, n in false_ids.most_common(10)))
    print("most often missed: " + ", ".join(f"{i} {n}" for i, n in missed_ids.most_common(10)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
