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


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineErrorParser(
        prog="skillgap",
        description="Find the skills a resume lacks for machine-learning engineering jobs.",
    )
    parser.add_argument("--version", action="version", version=f"skillgap {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        importlib.import_module(f"skillgap.cli.{name}_cmd").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the exit code."""
    parser = build_parser()
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
