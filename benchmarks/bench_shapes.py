"""Extraction cost by text shape: it must grow linearly with the length, whatever the shape.

Shapes: a run of ``<`` (the tokenizer's worst case before ``documents.shape``), one long line of
words, lines of random words, and unclosed-markup garbage; sizes from 1 KB up to ``--max``
(10 MB by default). Figures are CPU seconds (the machine may be shared) of ``skillgap.extract``
and microseconds per character; a linear cost shows as a flat µs/char column.

Usage: python benchmarks/bench_shapes.py [--max 10000000] [--shapes lt,line,words,markup]
"""

from __future__ import annotations

import argparse
import random
import string
import time
from collections.abc import Callable

from skillgap import extract

KB = 1000


def _words(rng: random.Random, count: int) -> list[str]:
    vocabulary = [
        "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(2, 9)))
        for _ in range(5000)
    ] + ["Python", "SQL,", "Docker."]
    return [rng.choice(vocabulary) for _ in range(count)]


def _line(rng: random.Random, size: int) -> str:
    return " ".join(_words(rng, size // 5))[:size]


def _lines(rng: random.Random, size: int) -> str:
    words = _words(rng, size // 5)
    return "\n".join(" ".join(words[i : i + 10]) for i in range(0, len(words), 10))[:size]


def _markup(rng: random.Random, size: int) -> str:
    return ("<div <b <i class=x <p>Python <<a href=" * (size // 38 + 1))[:size]


SHAPES: dict[str, Callable[[random.Random, int], str]] = {
    "lt": lambda rng, size: "<" * size,
    "line": _line,
    "words": _lines,
    "markup": _markup,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max", type=int, default=10_000 * KB, help="largest size (chars)")
    parser.add_argument("--shapes", default=",".join(SHAPES))
    args = parser.parse_args()
    extract("warm up: Python")
    sizes = [s for s in (KB, 10 * KB, 100 * KB, 1000 * KB, 10_000 * KB) if s <= args.max]
    print(f"{'shape':8} {'chars':>10} {'cpu s':>8} {'µs/char':>8}")
    for name in args.shapes.split(","):
        for size in sizes:
            text = SHAPES[name](random.Random(size), size)
            started = time.process_time()
            extract(text, kind="job")
            seconds = time.process_time() - started
            print(f"{name:8} {size:>10,} {seconds:>8.3f} {seconds / size * 1e6:>8.2f}", flush=True)


if __name__ == "__main__":
    main()
