"""The workspace config file: Argon2 hashes, owner-only permissions, one-line errors."""

from __future__ import annotations

import stat

import pytest

from skillgap.workspace import WorkspaceError
from skillgap.workspace.config import WorkspaceConfig, load_config, save_config


def test_passwords_are_hashed_and_verified(tmp_path) -> None:
    config = WorkspaceConfig()
    config.add_coach("ada", "correct horse battery")
    path = save_config(config, tmp_path / "ws.json")
    text = path.read_text()
    assert "correct horse battery" not in text
    assert "$argon2id$" in text
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    loaded = load_config(path)
    assert loaded is not None
    assert loaded.verify("ada", "correct horse battery")
    assert not loaded.verify("ada", "correct horse batter")
    assert not loaded.verify("bob", "correct horse battery")


def test_short_passwords_and_empty_names_are_refused() -> None:
    with pytest.raises(WorkspaceError, match="at least 8"):
        WorkspaceConfig().add_coach("ada", "short")
    with pytest.raises(WorkspaceError, match="empty"):
        WorkspaceConfig().add_coach("  ", "long enough pass")


def test_no_file_means_the_workspace_is_off(tmp_path) -> None:
    assert load_config(tmp_path / "missing.json") is None


@pytest.mark.parametrize(
    "content", ["not json", '{"coaches": ["ada"]}', '{"database_url": 3}', "[]"]
)
def test_a_broken_file_is_one_line(tmp_path, content) -> None:
    path = tmp_path / "ws.json"
    path.write_text(content)
    with pytest.raises(WorkspaceError, match="not a workspace config file") as caught:
        load_config(path)
    assert "\n" not in str(caught.value)
