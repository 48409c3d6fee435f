"""The --links check against a local HTTP server: statuses, HEAD refused, nothing listening."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from skillgap.taxonomy import default_taxonomy
from skillgap.taxonomy.links import check_links, resource_urls


class _Handler(BaseHTTPRequestHandler):
    def _answer(self, head: bool) -> None:
        if self.path == "/no-head" and head:
            self.send_error(405)
            return
        status = {"/ok": 200, "/no-head": 200, "/moved": 301}.get(self.path, 404)
        self.send_response(status)
        if status == 301:
            self.send_header("Location", "/ok")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_HEAD(self) -> None:
        self._answer(head=True)

    def do_GET(self) -> None:
        self._answer(head=False)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_statuses_redirects_and_head_fallback(server):
    urls = [f"{server}/ok", f"{server}/missing", f"{server}/no-head", f"{server}/moved"]
    results = check_links([*urls, f"{server}/ok"], timeout=2)
    assert [r.url for r in results] == urls
    assert [(r.status, r.ok) for r in results] == [
        (200, True),
        (404, False),
        (200, True),
        (200, True),
    ]


def test_a_host_with_nothing_listening_reports_an_error_not_a_status():
    [result] = check_links([f"http://127.0.0.1:{_closed_port()}/"], timeout=2)
    assert result.status is None and not result.ok and result.error


def test_resource_urls_name_the_skills_that_link_to_them():
    owners = resource_urls(default_taxonomy())
    assert "pytorch" in owners["https://pytorch.org/tutorials/"]
    assert all(url.startswith("https://") for url in owners)
