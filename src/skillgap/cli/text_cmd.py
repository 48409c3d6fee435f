"""``skillgap text``: print the normalised text read from a document, to check what was read."""

from __future__ import annotations

import argparse
import json
import sys

from skillgap.cli.common import CliError, add_ocr_option, read_input
from skillgap.documents.limits import MB


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "text",
        help="print the text read from a resume or job posting",
        description="Print the normalised text of a PDF, DOCX, HTML, Markdown or text file "
        "('-' reads standard input), exactly as skill extraction sees it.",
    )
    parser.add_argument("path", metavar="PATH")
    parser.add_argument(
        "--json",
        action="store_true",
        help="print the text with its structure (sections, bullets, tables, links) as JSON",
    )
    parser.add_argument(
        "--max-mb", type=float, default=10.0, metavar="N", help="size limit in MB (default 10)"
    )
    add_ocr_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.max_mb <= 0:
        raise CliError("--max-mb must be positive")
    document = read_input(args.path, max_bytes=int(args.max_mb * MB), ocr=args.ocr)
    for warning in document.warnings:
        print(f"skillgap: warning: {warning}", file=sys.stderr)
    if args.json:
        print(json.dumps(document.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(document.text)
    return 0
