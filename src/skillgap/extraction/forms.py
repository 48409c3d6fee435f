"""Surface forms of skill names: the spelling variants matched exactly, and compact keys.

A taxonomy alias such as ``scikit-learn`` is expanded into the spellings people write
(``scikit learn``, ``scikitlearn``); ``TensorFlow`` also yields ``tensor flow``. Everything that the
expansion cannot foresee (``Sci-Kit-Learn``, ``Tensorflow2``) is caught by comparing compact keys:
the lower-cased letters, digits and the symbols ``+`` and ``#`` only.
"""

from __future__ import annotations

import functools
import re

_CAMEL_RE = re.compile(r"(?<=[a-z])(?=[A-Z])")
_SEPARATORS_RE = re.compile(r"[\s\-_./]+")
_COMPACT_DROP_RE = re.compile(r"[^0-9a-z+#]+")
_VERSION_SUFFIX_RE = re.compile(r"(?<=[a-z+#]{3})v?\d+(?:\.\d+)*$")


def compact_key(text: str) -> str:
    """Lower-case ``text`` and drop everything but letters, digits, ``+`` and ``#``.

    >>> compact_key("Sci-Kit-Learn") == compact_key("scikit-learn")
    True
    """
    return _COMPACT_DROP_RE.sub("", text.lower())


def strip_version(key: str) -> str:
    """Remove a trailing version number from a compact key: ``tensorflow2`` -> ``tensorflow``."""
    return _VERSION_SUFFIX_RE.sub("", key)


def _plural_variants(form: str) -> set[str]:
    words = form.split(" ")
    last = words[-1]
    out: set[str] = set()
    if not last[-1:].isalpha():
        return out
    if last.endswith("s") and len(words) > 1 and len(last) > 3:
        out.add(" ".join([*words[:-1], last[:-1]]))
    elif not last.endswith("s"):
        out.add(" ".join([*words[:-1], last + "s"]))
        if last.endswith(("x", "ch", "sh")):
            out.add(" ".join([*words[:-1], last + "es"]))
    return out


@functools.lru_cache(maxsize=65_536)
def spelling_variants(form: str, *, plurals: bool = True) -> frozenset[str]:
    """Lower-case spellings of a case-insensitive form that should match it exactly (without
    plurals for a job title: "Data Scientist" is the role, "our data scientists" a team); kept
    per form, since the matcher and the fuzzy matcher both ask for most forms.

    >>> sorted(spelling_variants("TensorFlow"))[:4]
    ['tensor flow', 'tensor flows', 'tensor-flow', 'tensor-flows']
    """
    base = " ".join(form.split())
    split_camel = _CAMEL_RE.sub(" ", base)
    seeds = {base, split_camel}
    out: set[str] = set()
    for seed in seeds:
        lower = seed.lower()
        out.add(lower)
        if _SEPARATORS_RE.search(lower) and not lower.startswith("."):
            spaced = _SEPARATORS_RE.sub(" ", lower).strip()
            if spaced:
                out.add(spaced)
                if len(spaced.split()) <= 3:
                    out.add(spaced.replace(" ", ""))
            out.add(lower.replace("-", " "))
        words = lower.split()
        if 1 < len(words) <= 3 and all(w.isalpha() for w in words):
            out.add("-".join(words))  # "machine learning" also as "machine-learning"
    if plurals:
        for variant in list(out):
            out |= _plural_variants(variant)
    return frozenset(v for v in out if v)
