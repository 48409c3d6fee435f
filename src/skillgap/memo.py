"""Memoise a function of one object by that object's identity.

Taxonomies and vocabularies are unhashable or expensive to hash, yet the work derived from one
(a spaCy pipeline, roadmap calibration, cue tables) should be done once per object and process.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")


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
