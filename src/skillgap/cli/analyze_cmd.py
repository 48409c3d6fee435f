"""``skillgap analyze``: a resume against job postings, as a JSON, Markdown, HTML or PDF report."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from skillgap.analysis.report import analyze
from skillgap.cli.common import (
    CliError,
    add_ocr_option,
    add_taxonomy_option,
    read_input,
    taxonomy_from_args,
)
from skillgap.render import FORMATS, render
from skillgap.taxonomy import TRACKS


def _hours(value: str) -> float:
    try:
        hours = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0 < hours <= 168:
        raise argparse.ArgumentTypeError("must be more than 0 and at most 168")
    return hours


def _start(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {value!r}") from None


def _ids(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "analyze",
        help="compare a resume with job postings: scores, ranked gaps and a learning plan",
        description="Compare a resume with one or more job postings (PDF, DOCX, TXT, MD, HTML) "
        "and write a gap report with a month-by-month learning plan.",
    )
    parser.add_argument("--resume", required=True, metavar="PATH", help="the resume ('-': stdin)")
    parser.add_argument(
        "--job",
        required=True,
        action="append",
        metavar="PATH",
        help="a job posting; repeat for several",
    )
    parser.add_argument(
        "--hours-per-week",
        type=_hours,
        metavar="H",
        help="study time per week (default: the pace at which a beginner needs 12 months)",
    )
    parser.add_argument(
        "--track",
        choices=("auto", *TRACKS),
        default="auto",
        help="specialization track (default auto: the one the postings ask for most)",
    )
    parser.add_argument(
        "--have",
        type=_ids,
        default=(),
        metavar="ID,...",
        help="skill ids you hold although the resume does not show them (a correction)",
    )
    parser.add_argument(
        "--skip",
        type=_ids,
        default=(),
        metavar="ID,...",
        help="skill ids not relevant to you: left out of the scores (a correction)",
    )
    parser.add_argument(
        "--start",
        type=_start,
        metavar="YYYY-MM-DD",
        help="the day the plan starts: dates every month (ics and checklist formats too)",
    )
    parser.add_argument(
        "--learned",
        type=_ids,
        default=[],
        metavar="ID,ID",
        help="skill ids learned since the resume was written; the plan leaves them out",
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="json",
        help="json, md, html, pdf (the report); ics, checklist (the plan as a calendar, a "
        "Markdown checklist)",
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    add_taxonomy_option(parser)
    add_ocr_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.format == "pdf" and not args.output and sys.stdout.isatty():
        raise CliError("a PDF is binary: give -o FILE or redirect the output")
    paths = [args.resume, *args.job]
    if paths.count("-") > 1:
        raise CliError("standard input ('-') can be read only once")
    taxonomy = taxonomy_from_args(args)
    for option, ids in (("--have", args.have), ("--skip", args.skip), ("--learned", args.learned)):
        unknown = [skill_id for skill_id in ids if skill_id not in taxonomy]
        if unknown:
            raise CliError(f"{option}: unknown skill id {unknown[0]!r}")
    resume = read_input(args.resume, ocr=args.ocr)
    jobs = [read_input(path, ocr=args.ocr) for path in args.job]
    report = analyze(
        resume,
        jobs,
        hours_per_week=args.hours_per_week,
        track=args.track,
        taxonomy=taxonomy,
        start_date=args.start,
        learned=args.learned,
        have=args.have,
        skip=args.skip,
    )
    for warning in report.resume_warnings + tuple(w for ws in report.job_warnings for w in ws):
        print(f"warning: {warning}", file=sys.stderr)
    output = render(report, args.format)
    if args.output:
        from skillgap.tables import write_atomic

        data = output if isinstance(output, bytes) else output.encode("utf-8")
        try:  # a temporary file renamed into place: a full disk leaves no truncated report
            write_atomic(Path(args.output), lambda temp: temp.write_bytes(data))
        except OSError as exc:
            raise CliError(f"{args.output}: cannot be written ({exc.strerror or exc})") from None
    elif isinstance(output, bytes):
        sys.stdout.buffer.write(output)
    else:
        sys.stdout.write(output)
    return 0
