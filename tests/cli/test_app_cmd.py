"""``skillgap app``: the command line it builds and the script it finds."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from skillgap.cli import build_parser
from skillgap.cli.app_cmd import app_script, command

REPO = Path(__file__).resolve().parents[2]


def test_in_a_checkout_the_root_app_py_runs() -> None:
    assert app_script() == REPO / "app.py"


def test_the_packaged_script_exists_for_wheel_installs() -> None:
    packaged = REPO / "src" / "skillgap" / "ui" / "streamlit_app.py"
    assert packaged.is_file()
    assert "main()" in packaged.read_text(encoding="utf-8")


def test_command_runs_streamlit_privately_on_localhost() -> None:
    args = build_parser().parse_args(["app", "--port", "8600"])
    cmd = command(args)
    assert cmd[:4] == [sys.executable, "-m", "streamlit", "run"]
    assert "--server.port=8600" in cmd
    assert "--server.address=localhost" in cmd
    assert "--browser.gatherUsageStats=false" in cmd


@pytest.mark.parametrize("port", ["0", "70000", "http"])
def test_bad_port_is_a_usage_error(port: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        build_parser().parse_args(["app", "--port", port])
    assert info.value.code == 2
    assert "--port" in capsys.readouterr().err


def test_a_custom_taxonomy_is_checked_before_the_app_starts(tmp_path, capsys) -> None:
    from skillgap.cli import main

    bad = tmp_path / "bad.yaml"
    bad.write_text("skills: [{id: Not Kebab}]")
    assert main(["app", "--taxonomy", str(bad)]) == 2
    assert "bad.yaml" in capsys.readouterr().err


@pytest.mark.parametrize("seconds", ["0", "-1", "301", "soon"])
def test_a_bad_read_timeout_is_a_usage_error(seconds: str, capsys) -> None:
    with pytest.raises(SystemExit) as info:
        build_parser().parse_args(["app", "--read-timeout", seconds])
    assert info.value.code == 2
    assert "--read-timeout" in capsys.readouterr().err


def test_the_read_timeout_reaches_the_dashboard_through_its_environment(monkeypatch) -> None:
    from skillgap.cli import app_cmd
    from skillgap.ui import READ_TIMEOUT_ENV

    monkeypatch.delenv(READ_TIMEOUT_ENV, raising=False)

    class Started(Exception):
        pass

    def exec_streamlit(path: str, argv: list[str]) -> None:
        raise Started

    monkeypatch.setattr(app_cmd.os, "name", "posix")
    monkeypatch.setattr(app_cmd.os, "execv", exec_streamlit)
    args = build_parser().parse_args(["app", "--read-timeout", "8"])
    with pytest.raises(Started):
        app_cmd.run(args)
    assert app_cmd.os.environ[READ_TIMEOUT_ENV] == "8"
