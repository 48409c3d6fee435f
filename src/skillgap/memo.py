"""Memoise a function of one object by that object's identity, or a function of short texts by
their hash.

Taxonomies and vocabularies are unhashable or expensive to hash, yet the work derived from one
(a spaCy pipeline, roadmap calibration, cue tables) should be done once per object and process.
Lines and sentences recur across documents (headings, a company's boilerplate), yet they may be
personal data: their cache keeps only the hash of each text, never the text.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

K = TypeVar("K")
V = TypeVar("V")
P = ParamSpec("P")


def per_object(fn: Callable[[K], V], max_entries: int = 8) -> Callable[[K], V]:
    """``fn`` computed once per argument object (kept alive with its result; the cache empties
    when it holds ``max_entries``)."""
    cache: dict[int, tuple[K, V]] = {}

    @wraps(fn)
    def cached(key: K) -> V:
        hit = cache.get(id(key))
        if hit is None or hit[0] is not key:
            if len(cache) >= max_entries:
                cache.clear()
            hit = (key, fn(key))
            cache[id(key)] = hit
        return hit[1]

    return cached


def per_text(fn: Callable[P, V], max_entries: int = 50_000) -> Callable[P, V]:
    """``fn`` of texts (strings), computed once per arguments and process and kept under their
    64-bit hash, as spaCy keeps strings (a collision among 50,000 entries has odds near 1e-10);
    the cache empties when it holds ``max_entries``."""
    cache: dict[int, V] = {}

    @wraps(fn)
    def cached(*args: P.args, **kwargs: P.kwargs) -> V:
        key = hash((args, *kwargs.items()))
        try:
            return cache[key]
        except KeyError:
            if len(cache) >= max_entries:
                cache.clear()
            value = cache[key] = fn(*args, **kwargs)
            return value

    return cached
