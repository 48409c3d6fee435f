"""A bounded, per-worker memory of extracted job postings, so a posting sent with many resumes is
read, extracted and prepared for matching once.

Postings are public documents (a career platform sends the same few with every resume), so
keeping their profiles, prepared for matching (``PostingAsks``), is fine; resumes are personal
data and never go in here. The key is the SHA-256 of the taxonomy overlay, the posting's name and
its bytes: the same bytes under another name, or against another taxonomy, are extracted again.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict

from skillgap.analysis.compare import PostingAsks

MAX_POSTINGS = 512
MAX_TEXT_CHARS = 5_000_000  # the texts the remembered profiles hold, at most


class PostingMemory:
    """The last ``max_postings`` postings extracted, least recently used out."""

    def __init__(self, max_postings: int = MAX_POSTINGS, max_chars: int = MAX_TEXT_CHARS) -> None:
        self.max_postings = max_postings
        self.max_chars = max_chars
        self._postings: OrderedDict[bytes, PostingAsks] = OrderedDict()
        self._chars = 0
        self._lock = threading.Lock()
        self.hits = 0

    @staticmethod
    def key(taxonomy_yaml: str | None, name: str, data: bytes) -> bytes:
        digest = hashlib.sha256()
        for part in ((taxonomy_yaml or "").encode("utf-8", "surrogatepass"), name.encode(), data):
            digest.update(len(part).to_bytes(8, "big"))
            digest.update(part)
        return digest.digest()

    def get(self, key: bytes) -> PostingAsks | None:
        """The posting remembered under ``key``, if any."""
        with self._lock:
            found = self._postings.get(key)
            if found is not None:
                self._postings.move_to_end(key)
                self.hits += 1
            return found

    def put(self, key: bytes, posting: PostingAsks) -> None:
        """Remember ``posting``, dropping the least recently used beyond the caps."""
        if len(posting.profile.text) > self.max_chars:
            return
        with self._lock:
            if key in self._postings:
                return
            self._postings[key] = posting
            self._chars += len(posting.profile.text)
            while len(self._postings) > self.max_postings or self._chars > self.max_chars:
                _, dropped = self._postings.popitem(last=False)
                self._chars -= len(dropped.profile.text)

    def __len__(self) -> int:
        return len(self._postings)
