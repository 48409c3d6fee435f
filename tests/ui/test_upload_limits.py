"""The dashboard's per-file time limit, set by ``skillgap app --read-timeout``."""

from __future__ import annotations

import pytest

from skillgap.documents import Limits
from skillgap.ui import READ_TIMEOUT_ENV
from skillgap.ui.state import upload_limits


def test_without_a_setting_uploads_get_the_default_limits(monkeypatch) -> None:
    monkeypatch.delenv(READ_TIMEOUT_ENV, raising=False)
    assert upload_limits() == Limits()


def test_the_time_limit_setting_changes_only_the_time_limit(monkeypatch) -> None:
    monkeypatch.setenv(READ_TIMEOUT_ENV, "7.5")
    limits = upload_limits()
    assert limits.timeout_s == 7.5
    assert limits.max_bytes == Limits().max_bytes


@pytest.mark.parametrize("value", ["", "soon", "0", "-3", "inf", "nan", "301"])
def test_a_setting_the_command_line_would_refuse_keeps_the_default(monkeypatch, value) -> None:
    monkeypatch.setenv(READ_TIMEOUT_ENV, value)
    assert upload_limits() == Limits()
