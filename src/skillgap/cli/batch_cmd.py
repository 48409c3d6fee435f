"""``skillgap batch``: many resumes against many postings from CSV or Parquet tables."""

from __future__ import annotations

import argparse
import sys

from skillgap.batch import (
    BatchError,
    BatchInputError,
    CheckpointError,
    OutputError,
    OutputPaths,
    run_batch,
)
from skillgap.batch.checkpoint import checkpoint_dir
from skillgap.cli.common import CliError, add_taxonomy_option, taxonomy_from_args


def _workers(value: str) -> int:
    try:
        workers = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if workers < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return workers


def _column(value: str) -> tuple[str, str]:
    field, sep, name = value.partition("=")
    if not sep or not field.strip() or not name.strip():
        raise argparse.ArgumentTypeError(f"expected FIELD=NAME, got {value!r}")
    return field.strip(), name.strip()


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "batch",
        help="compare many resumes with many postings from CSV or Parquet tables",
        description="Compare every resume with every posting (or the pairs you list) and write "
        "a pairs table OUT plus OUT.skills and OUT.summary beside it. Tables need an 'id' column "
        "and a 'text' or 'path' column (PDF, DOCX, TXT... files; relative to the table's folder).",
    )
    parser.add_argument("--resumes", required=True, metavar="TABLE", help="CSV or Parquet")
    parser.add_argument("--jobs", required=True, metavar="TABLE", help="CSV or Parquet")
    parser.add_argument(
        "--pairs",
        metavar="TABLE",
        help="resume_id,job_id rows to compare (default: every resume with every posting)",
    )
    parser.add_argument(
        "-o", "--output", required=True, metavar="OUT", help="OUT.csv or OUT.parquet"
    )
    parser.add_argument(
        "--workers", type=_workers, default=1, metavar="N", help="worker processes (default 1)"
    )
    parser.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="local processes (default) or a Dask cluster (local unless --scheduler)",
    )
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="a running Dask scheduler (tcp://host:8786) instead of a local cluster",
    )
    parser.add_argument(
        "--column",
        type=_column,
        action="append",
        default=[],
        metavar="[TABLE.]FIELD=NAME",
        help="read FIELD (id, text, path, title; resume_id, job_id for pairs) from column NAME, "
        "e.g. jobs.id=doc_id or text=body; repeat as needed",
    )
    parser.add_argument(
        "--restart",
        action="store_true",
        help="ignore the checkpoint of an interrupted run and start over",
    )
    add_taxonomy_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.scheduler and args.engine != "dask":
        raise CliError("--scheduler needs --engine dask")
    taxonomy = taxonomy_from_args(args)
    try:
        paths = OutputPaths.beside(args.output)
    except OutputError as exc:
        raise CliError(str(exc)) from None
    try:
        result = run_batch(
            args.resumes,
            args.jobs,
            args.pairs,
            workers=args.workers,
            engine=args.engine,
            scheduler=args.scheduler,
            taxonomy=taxonomy,
            progress=sys.stderr.isatty(),
            columns=dict(args.column),
            output=paths.pairs,
            restart=args.restart,
        )
    except (BatchInputError, OutputError, CheckpointError, BatchError) as exc:
        raise CliError(str(exc)) from None
    except KeyboardInterrupt:
        if checkpoint_dir(paths.pairs).is_dir():
            print(
                f"skillgap: finished chunks are kept in {checkpoint_dir(paths.pairs)}; "
                "run the same command again to resume",
                file=sys.stderr,
            )
        raise
    errors = int(result.pairs["error"].notna().sum())
    written = ", ".join(str(p) for p in result.outputs)
    print(f"{len(result.pairs)} pairs ({errors} without a score); wrote {written}", file=sys.stderr)
    return 0
