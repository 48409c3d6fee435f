"""Helpers shared by the sub-commands: the common options and the error type."""

from __future__ import annotations

import argparse
from pathlib import Path

from skillgap.taxonomy import Taxonomy, TaxonomyError, default_taxonomy, load_taxonomy


class CliError(Exception):
    """A problem to report in one line with exit code 2."""


def add_taxonomy_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--taxonomy",
        metavar="PATH",
        help="your own YAML file or folder of skills, added to (or replacing) the built-in ones",
    )


def taxonomy_from_args(args: argparse.Namespace) -> Taxonomy:
    """The built-in taxonomy, with the user's ``--taxonomy`` laid over it."""
    try:
        if getattr(args, "taxonomy", None):
            return load_taxonomy(extra=Path(args.taxonomy))
        return default_taxonomy()
    except TaxonomyError as exc:
        raise CliError(str(exc)) from None


def add_ocr_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--ocr",
        action="store_true",
        help="read scanned PDF pages with OCR (needs the tesseract program installed)",
    )


def read_input(path: str, *, max_bytes: int | None = None, ocr: bool = False):
    """Read a resume or posting (``-`` for stdin) through the documents module.

    Returns a ``skillgap.documents.Document``; any failure becomes a one-line CliError.
    """
    import sys

    from skillgap.documents import DocumentError, Limits, read_document_isolated

    limits = Limits(max_bytes=max_bytes) if max_bytes else None
    try:
        if path == "-":
            return read_document_isolated(
                sys.stdin.buffer.read(), filename="-", limits=limits, ocr=ocr
            )
        return read_document_isolated(Path(path), limits=limits, ocr=ocr)
    except DocumentError as exc:
        raise CliError(f"{path}: {exc}") from None
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        raise CliError(f"{path}: cannot be read ({reason})") from None
