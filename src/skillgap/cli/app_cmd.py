"""``skillgap app``: start the Streamlit dashboard on this computer."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from skillgap.cli.common import CliError, add_taxonomy_option, taxonomy_from_args
from skillgap.documents import Limits
from skillgap.ui import READ_TIMEOUT_ENV, TAXONOMY_ENV, read_timeout

# Privacy and robustness settings passed on every start, whatever the working directory.
STREAMLIT_FLAGS = (
    "--browser.gatherUsageStats=false",
    "--server.headless=true",
    "--client.showErrorDetails=none",
    "--client.toolbarMode=viewer",
    "--server.maxUploadSize=25",
)


def app_script() -> Path:
    """The dashboard script: ``app.py`` of a source checkout, else the one inside the package."""
    package = Path(__file__).resolve().parents[1]
    checkout_app = package.parents[1] / "app.py"
    if package.parent.name == "src" and checkout_app.is_file():
        return checkout_app
    return package / "ui" / "streamlit_app.py"


def _port(value: str) -> int:
    try:
        port = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {value!r}") from None
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError("must be from 1 to 65535")
    return port


def _seconds(value: str) -> float:
    try:
        return read_timeout(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "app",
        help="start the dashboard in your browser (Streamlit, offline, on this computer)",
        description="Start the skillgap dashboard. It listens on this computer only unless you "
        "give --address; open the URL it prints. Stop it with Ctrl-C.",
    )
    parser.add_argument("--port", type=_port, default=8501, help="port (default 8501)")
    parser.add_argument(
        "--address",
        default="localhost",
        help="address to listen on (default localhost; 0.0.0.0 shares it on your network)",
    )
    parser.add_argument(
        "--read-timeout",
        type=_seconds,
        metavar="SECONDS",
        help=f"time limit for reading one uploaded file (default {Limits().timeout_s:g}); "
        "a file that takes longer is stopped and the user told so",
    )
    add_taxonomy_option(parser)
    parser.set_defaults(func=run)


def command(args: argparse.Namespace) -> list[str]:
    """The ``streamlit run`` command line for ``args``."""
    return [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(app_script()),
        f"--server.port={args.port}",
        f"--server.address={args.address}",
        *STREAMLIT_FLAGS,
    ]


def run(args: argparse.Namespace) -> int:
    script = app_script()
    if not script.is_file():
        raise CliError(f"the dashboard script is missing ({script}); reinstall skillgap")
    if args.taxonomy:
        taxonomy_from_args(args)  # a broken file fails here, in one line, not in the browser
        os.environ[TAXONOMY_ENV] = str(Path(args.taxonomy).resolve())
    if args.read_timeout:
        os.environ[READ_TIMEOUT_ENV] = f"{args.read_timeout:g}"
    print(f"skillgap: dashboard at http://{args.address}:{args.port} (Ctrl-C to stop)", flush=True)
    argv = command(args)
    try:
        if os.name == "posix":
            os.execv(argv[0], argv)  # Streamlit takes this process over: signals reach it directly
        return subprocess.call(argv)
    except OSError as exc:
        raise CliError(f"cannot start Streamlit ({exc.strerror or exc})") from None
