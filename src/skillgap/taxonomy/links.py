"""The optional network check of learning-resource URLs (``skillgap taxonomy check --links``).

The only part of skillgap that goes on the network, and only when a user asks for it: every URL is
requested once (HEAD, then GET when a server refuses HEAD) with a short timeout.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from skillgap.taxonomy.model import Taxonomy

USER_AGENT = "skillgap-link-check/1"
RETRY_WITH_GET = {403, 405, 501}


@dataclass(frozen=True)
class LinkResult:
    """The answer for one URL: an HTTP status, or the reason no status came back."""

    url: str
    status: int | None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status < 400


def _request(url: str, method: str, timeout: float) -> int:
    request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return exc.code


def check_link(url: str, timeout: float = 5.0) -> LinkResult:
    """Request ``url`` (HEAD, falling back to GET) and report its status or the failure."""
    try:
        status = _request(url, "HEAD", timeout)
        if status in RETRY_WITH_GET:
            status = _request(url, "GET", timeout)
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        return LinkResult(url, None, str(reason) or exc.__class__.__name__)
    return LinkResult(url, status)


def check_links(urls: Iterable[str], timeout: float = 5.0, workers: int = 8) -> list[LinkResult]:
    """Every URL checked (in parallel, each once), in the order given."""
    unique = list(dict.fromkeys(urls))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(lambda url: check_link(url, timeout), unique))


def resource_urls(taxonomy: Taxonomy) -> dict[str, list[str]]:
    """Each resource URL of the taxonomy with the ids of the skills that link to it."""
    owners: dict[str, list[str]] = {}
    for skill in taxonomy:
        for resource in skill.resources:
            owners.setdefault(resource.url, []).append(skill.id)
    return owners
