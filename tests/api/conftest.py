"""Clients for the API tests: one app per module, with and without an API key."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from skillgap.api import Settings, create_app
from skillgap.api.security import hash_key

API_KEY = "test-key-0123456789abcdef"
RESUME = (
    "Alex Example\n\nTechnical Skills\nPython, SQL, pandas, scikit-learn, Git\n\n"
    "Experience\nData Scientist, Acme (2021 - present)\n- Built churn models in Python.\n"
)
POSTING = (
    "Senior ML Engineer\n\nRequirements\n- 3+ years of Python\n- PyTorch, Docker, Kubernetes\n"
    "\nNice to have\n- Kafka\n"
)


@pytest.fixture(scope="session")
def key_hash() -> str:
    return hash_key(API_KEY)


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    """The API as ``skillgap serve`` runs it on localhost: no key configured."""
    with TestClient(create_app(Settings()), raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def keyed_client(key_hash: str) -> Iterator[TestClient]:
    """The API with an API key configured, as off localhost."""
    app = create_app(Settings(api_key_hash=key_hash))
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


def assert_problem(response, status: int, slug: str) -> dict:
    """Check an RFC 9457 problem answer and return its body."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert set(body) == {"type", "title", "status", "detail"}
    assert body["type"] == f"urn:skillgap:problem:{slug}"
    assert body["status"] == status
    assert body["detail"] and "\n" not in body["detail"]
    assert "Traceback" not in response.text
    return body
