"""API keys: an Argon2 hash in the configuration, the key itself in a request header.

>>> check = KeyCheck(hash_key("correct horse battery staple"))
>>> check.accepts("correct horse battery staple"), check.accepts("wrong horse battery staple")
(True, False)
"""

from __future__ import annotations

import hashlib
import hmac

from argon2 import PasswordHasher, extract_parameters
from argon2.exceptions import InvalidHashError, VerificationError

_HASHER = PasswordHasher()
MIN_KEY_CHARS = 16
_MAX_REMEMBERED_REJECTS = 256


def hash_key(key: str) -> str:
    """The Argon2id hash of ``key`` to put in ``SKILLGAP_API_KEY_HASH``."""
    if len(key) < MIN_KEY_CHARS:
        raise ValueError(f"an API key needs at least {MIN_KEY_CHARS} characters")
    return _HASHER.hash(key)


def check_hash(key_hash: str) -> None:
    """Raise ValueError unless ``key_hash`` is an Argon2 hash (a typo would lock clients out)."""
    try:
        extract_parameters(key_hash)
    except InvalidHashError:
        raise ValueError(
            "the API key hash is not an Argon2 hash; make one with 'skillgap serve --hash-key'"
        ) from None


class KeyCheck:
    """Tells whether a presented key matches the configured hash.

    Argon2 is slow on purpose, so the outcome for a key is remembered for this process by the
    key's SHA-256 digest (never the key itself): the accepted one, and a bounded set of rejected
    ones, so a client retrying a wrong key costs no CPU.
    """

    def __init__(self, key_hash: str) -> None:
        check_hash(key_hash)
        self._hash = key_hash
        self._accepted: bytes | None = None
        self._rejected: set[bytes] = set()

    def known(self, key: str | None) -> bool | None:
        """The outcome for ``key`` when it costs no Argon2 (no key, or one seen before), else
        None: cheap enough for the event loop."""
        return self._known(_digest(key)) if key else False

    def _known(self, digest: bytes) -> bool | None:
        if self._accepted is not None and hmac.compare_digest(digest, self._accepted):
            return True
        return False if digest in self._rejected else None

    def accepts(self, key: str | None) -> bool:
        if not key:
            return False
        digest = _digest(key)
        known = self._known(digest)
        if known is not None:
            return known
        try:
            _HASHER.verify(self._hash, key)
        except (VerificationError, InvalidHashError):
            if len(self._rejected) >= _MAX_REMEMBERED_REJECTS:
                self._rejected.clear()
            self._rejected.add(digest)
            return False
        self._accepted = digest
        return True


def _digest(key: str) -> bytes:
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).digest()
