"""Gap decisions against a recruiter's judgements of (resume, posting) pairs.

    python benchmarks/eval_pairs.py [PAIRS.jsonl] [DOCS_DIR] [--verbose]

Defaults: ../shared/eval/pairs.jsonl and ../shared/eval/docs (see ../shared/eval/PAIRS.md). It
prints the figures of ``skillgap eval --pairs`` (:mod:`skillgap.analysis.pair_eval`), the same
as the dev set's ``score_pairs.py``, with the time the analyses took.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from skillgap.analysis.pair_eval import PairsError, evaluate_pairs, format_pairs, load_pairs


def main() -> int:
    here = Path(__file__).resolve().parents[1]
    shared = here.parent.parent / "shared" / "eval"
    if not shared.is_dir():
        shared = here.parent / "shared" / "eval"
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pairs", nargs="?", type=Path, default=shared / "pairs.jsonl")
    parser.add_argument("docs", nargs="?", type=Path, default=shared / "docs")
    parser.add_argument("--verbose", action="store_true", help="every pair's gaps")
    args = parser.parse_args()
    started = time.perf_counter()
    try:
        result = evaluate_pairs(load_pairs(args.pairs), args.docs)
    except PairsError as exc:
        print(f"eval_pairs: {exc} (the judged pairs live in ../shared/eval)", file=sys.stderr)
        return 2
    print(format_pairs(result, verbose=args.verbose))
    print(f"({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
