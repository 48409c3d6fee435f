"""Out-of-taxonomy rate on the full-taxonomy dev labels, and how much of it the taxonomy now covers.

Each labelled document lists under ``oot`` the skills it states that had no taxonomy id when it was
labelled. The labelled rate is ``oot / (labels + oot)``. Each OOT phrase is then run through
``skillgap.extract`` on its own: a phrase that now yields a skill id the labels did not already
give that document counts as covered, and the rate is recomputed without it.

Usage: python benchmarks/bench_oot.py [--labels ../shared/eval/labels-full.jsonl] [--list]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from skillgap.extraction.extract import extract

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = ROOT.parent / "shared" / "eval" / "labels-full.jsonl"
    parser.add_argument("--labels", type=Path, default=default)
    parser.add_argument("--list", action="store_true", help="print each covered phrase")
    args = parser.parse_args()
    records = [json.loads(line) for line in args.labels.read_text(encoding="utf-8").splitlines()]
    labels = sum(len(r["labels"]) for r in records)
    phrases = [(r["doc"], set(r["labels"]), p) for r in records for p in r.get("oot", [])]
    covered: Counter[str] = Counter()
    for doc, known, phrase in phrases:
        found = sorted({hit.id for hit in extract(phrase).skills} - known)
        if found:
            covered[found[0]] += 1
            if args.list:
                print(f"{doc}: {phrase!r} -> {', '.join(found)}")
    total = labels + len(phrases)
    left = len(phrases) - sum(covered.values())
    print(f"labels {labels}, OOT phrases {len(phrases)}, now covered {sum(covered.values())}")
    print(f"OOT rate as labelled: {len(phrases) / total:.3f}")
    print(f"OOT rate with the current taxonomy: {left / total:.3f}")
    print("covered by id: " + ", ".join(f"{i} {n}" for i, n in covered.most_common()))


if __name__ == "__main__":
    main()
