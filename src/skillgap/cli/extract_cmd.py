"""``skillgap extract``: the skills each input states, as JSON lines or a table."""

from __future__ import annotations

import argparse
import json
import sys

from skillgap.cli.common import (
    CliError,
    add_ocr_option,
    add_taxonomy_option,
    read_input,
    taxonomy_from_args,
)
from skillgap.extraction.extract import extract
from skillgap.models import DocumentProfile


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "extract",
        help="list the skills a resume or job posting states, with evidence",
        description="Extract skills from resumes or job postings (PDF, DOCX, TXT, MD, HTML; "
        "'-' reads standard input).",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH")
    parser.add_argument("--kind", choices=("auto", "resume", "job"), default="auto")
    parser.add_argument("--format", choices=("jsonl", "table"), default="jsonl")
    add_taxonomy_option(parser)
    add_ocr_option(parser)
    parser.set_defaults(func=run)


def profile_json(profile: DocumentProfile) -> dict:
    """The JSON object printed for one input."""
    data = profile.to_dict()
    return {
        "source": data["source"],
        "kind": data["kind"],
        "title": data["title"],
        "skills": data["skills"],
        "negated": data["negated"],
        "warnings": data["warnings"],
    }


def format_table(profile: DocumentProfile) -> str:
    """A plain-text table: one row per skill with level, years and its first evidence."""
    lines = [f"# {profile.source} ({profile.kind}): {len(profile.skills)} skills"]
    for hit in profile.skills:
        first = hit.mentions[0]
        years = f"{hit.years:g}y" if hit.years is not None else ""
        lines.append(
            f"{hit.id:<28} {hit.level or '':<9} {years:<5} {first.section:<16} "
            f"{first.match:<6} {first.text!r}"
        )
    for neg in profile.negated:
        lines.append(
            f"{neg.id:<28} negated   {'':<5} {neg.mentions[0].section:<16} "
            f"{'':<6} {neg.mentions[0].text!r}"
        )
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    taxonomy = taxonomy_from_args(args)
    if args.paths.count("-") > 1:
        raise CliError("standard input ('-') can be read only once")
    failures = 0
    for path in args.paths:
        try:
            document = read_input(path, ocr=args.ocr)
        except CliError as exc:
            print(f"skillgap: error: {exc}", file=sys.stderr)
            failures += 1
            continue
        profile = extract(document, args.kind, source=path, taxonomy=taxonomy)
        if document.warnings:
            profile = DocumentProfile(**{**profile.__dict__, "warnings": tuple(document.warnings)})
        if args.format == "jsonl":
            print(json.dumps(profile_json(profile), ensure_ascii=False))
        else:
            print(format_table(profile))
        sys.stdout.flush()
    return 2 if failures else 0
