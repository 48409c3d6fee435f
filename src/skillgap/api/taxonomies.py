"""The taxonomy of a request: the server's own, or a YAML overlay sent with the request.

An overlay costs a new spaCy pipeline (about a second), so the last few are kept per worker,
keyed by the SHA-256 of their text; a client resending the same overlay pays once.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict

from skillgap.api.problems import Problem
from skillgap.extraction.pipeline import get_pipeline
from skillgap.taxonomy import Taxonomy, TaxonomyError
from skillgap.ui.custom_taxonomy import taxonomy_from_yaml

MAX_OVERLAYS = 4


class Taxonomies:
    """The base taxonomy and a small cache of overlays laid over it."""

    def __init__(self, base: Taxonomy) -> None:
        self.base = base
        self._overlays: OrderedDict[bytes, Taxonomy] = OrderedDict()
        self._lock = threading.Lock()

    def for_request(self, overlay_yaml: str | None) -> Taxonomy:
        """The base taxonomy, or the base with ``overlay_yaml``'s skills (a 422 problem if the
        YAML is not a valid taxonomy). Builds the overlay's pipeline: call it in a thread."""
        if not overlay_yaml:
            return self.base
        data = overlay_yaml.encode("utf-8")
        key = hashlib.sha256(data).digest()
        with self._lock:
            cached = self._overlays.get(key)
            if cached is not None:
                self._overlays.move_to_end(key)
                return cached
        try:
            taxonomy = taxonomy_from_yaml(data, "taxonomy", base=self.base)
        except TaxonomyError as exc:
            raise Problem("invalid-input", str(exc)) from None
        get_pipeline(taxonomy)
        with self._lock:
            self._overlays[key] = taxonomy
            while len(self._overlays) > MAX_OVERLAYS:
                self._overlays.popitem(last=False)
        return taxonomy
