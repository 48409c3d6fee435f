"""The ``skillgap`` command line: one module per sub-command, each with ``register(subparsers)``.

Bad usage and unreadable input end with a one-line message on stderr and exit code 2, never a
traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import NoReturn

from skillgap import __version__
from skillgap.cli.common import CliError

COMMANDS = ("extract", "taxonomy", "eval", "analyze", "text", "app", "batch", "serve", "workspace")


class OneLineErrorParser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line on stderr (exit code 2)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser of every sub-command, or of ``command`` alone: each sub-command's module imports
    what it runs with (the API, batch engines, the database), so a run loads only its own."""
    parser = OneLineErrorParser(
        prog="skillgap",
        description="Find the skills a resume lacks for machine-learning engineering jobs.",
    )
    parser.add_argument("--version", action="version", version=f"skillgap {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in (command,) if command in COMMANDS else COMMANDS:
        importlib.import_module(f"skillgap.cli.{name}_cmd").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the exit code."""
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(next((a for a in argv if not a.startswith("-")), None))
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except CliError as exc:
        print(f"skillgap: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("skillgap: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
