"""``skillgap eval``: precision, recall and F1 of extraction against labelled documents, or of
gap decisions against judged (resume, posting) pairs (``--pairs``)."""

from __future__ import annotations

import argparse
from pathlib import Path

from skillgap.analysis.pair_eval import PairsError, evaluate_pairs, format_pairs, load_pairs
from skillgap.cli.common import CliError, add_taxonomy_option, taxonomy_from_args
from skillgap.extraction.evaluation import (
    DocScore,
    EvalError,
    EvalResult,
    FullResult,
    Totals,
    evaluate,
    evaluate_full,
    is_full_labels,
    read_labels,
)
from skillgap.extraction.evaluation_files import evaluate_files
from skillgap.taxonomy import Taxonomy


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("eval", help="score extraction against labelled documents")
    parser.add_argument("--docs", required=True, type=Path, help="folder of <doc>.txt files")
    parser.add_argument(
        "--labels",
        type=Path,
        help="labels.jsonl (core ids) or labels-full.jsonl (all ids, with levels and years)",
    )
    parser.add_argument(
        "--pairs", type=Path, help="judged (resume, posting) pairs (pairs.jsonl): score gaps"
    )
    parser.add_argument("--verbose", action="store_true", help="with --pairs: every pair's gaps")
    parser.add_argument("--worst", type=int, default=5, help="how many worst documents to list")
    parser.add_argument(
        "--files",
        type=Path,
        metavar="DIR",
        help="score the original PDF/DOCX files the labels name (their 'file' field), read from "
        "DIR, beside the same documents from their texts",
    )
    add_taxonomy_option(parser)
    parser.set_defaults(func=run)


def _row(name: str, totals: Totals) -> str:
    return (
        f"| {name} | {totals.docs} | {totals.precision:.3f} | {totals.recall:.3f} | "
        f"{totals.f1:.3f} | {totals.tp} | {totals.fp} | {totals.fn} | "
        f"{totals.negation_violations} |"
    )


def _worst_lines(scores: list[DocScore]) -> list[str]:
    if not scores:
        return []
    lines = ["", "Worst documents:"]
    for score in scores:
        fps = ", ".join(
            f"{i} ({score.evidence.get(i, '?')!r})" for i in sorted(score.false_positives)
        )
        misses = ", ".join(sorted(score.misses)) or "-"
        lines.append(f"- {score.doc}: false positives: {fps or '-'}; misses: {misses}")
    return lines


def _rate(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def format_full_result(result: FullResult, worst: int) -> str:
    """Over all ids: a Markdown table (all, roadmap and other ids, per kind, per source), then
    level accuracy, years, negation violations and the OOT rate."""
    lines = [
        "| scope | docs | precision | recall | F1 | TP | FP | FN | negation violations |",
        "|---|---|---|---|---|---|---|---|---|",
        _row("**all ids**", result.group("all")),
        _row("roadmap (core) ids", result.group("core")),
        _row("other ids", result.group("other")),
    ]
    for prefix, label in (("kind:", "kind"), ("source:", "source")):
        for name in sorted(k for k in result.totals if k.startswith(prefix)):
            lines.append(_row(f"{label} {name.removeprefix(prefix)}", result.totals[name]))
    confusion = ", ".join(f"{g}->{p} {n}" for (g, p), n in sorted(result.levels.items()))
    years = result.years
    oot = ", ".join(f"{kind} {_rate(result.oot_rate(kind))}" for kind in sorted(result.oot))
    lines += [
        "",
        f"Level accuracy: {_rate(result.level_accuracy)} over {sum(result.levels.values())} "
        f"true-positive posting skills (gold->predicted: {confusion or '-'})",
        f"Years: {years.exact}/{years.gold} exact ({_rate(years.exact_rate)}; missing "
        f"{years.missing}, wrong {years.wrong}); spurious {years.spurious}",
        f"Negated ids predicted: {len(result.violations)}"
        + "".join(f" {doc}:{i}" for doc, i in result.violations[:10]),
        f"OOT rate (oot / (labels + oot)): {oot or '-'}",
    ]
    return "\n".join(lines + _worst_lines(result.worst(worst)))


def format_result(result: EvalResult, worst: int) -> str:
    """A Markdown table per source plus the worst documents with their errors."""
    lines = [
        "| source | docs | precision | recall | F1 | TP | FP | FN | negation violations |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    lines += [_row(name, totals) for name, totals in sorted(result.by_group.items())]
    lines.append(_row("**all**", result.overall))
    return "\n".join(lines + _worst_lines(result.worst(worst)))


def run(args: argparse.Namespace) -> int:
    taxonomy = taxonomy_from_args(args)
    if not args.docs.is_dir():
        raise CliError(f"{args.docs}: not a folder")
    if args.pairs is not None:
        return run_pairs(args.pairs, args.docs, taxonomy, verbose=args.verbose)
    if args.labels is None:
        raise CliError("give --labels (extraction) or --pairs (gap decisions)")
    if args.files is not None:
        return _run_files(args, taxonomy)
    try:
        rows = read_labels(args.labels)
        if is_full_labels(rows):
            print(format_full_result(evaluate_full(args.docs, rows, taxonomy=taxonomy), args.worst))
        else:
            print(format_result(evaluate(args.docs, args.labels, taxonomy=taxonomy), args.worst))
    except EvalError as exc:
        raise CliError(str(exc)) from None
    return 0


def _run_files(args: argparse.Namespace, taxonomy: Taxonomy) -> int:
    if not args.files.is_dir():
        raise CliError(f"{args.files}: not a folder")
    try:
        result = evaluate_files(args.files, args.docs, args.labels, taxonomy=taxonomy)
    except EvalError as exc:
        raise CliError(str(exc)) from None
    print("Original files, read by skillgap's reader:\n")
    print(format_result(result.files, args.worst))
    print("\nThe same documents from their texts:\n")
    print(format_result(result.texts, args.worst))
    return 0


def run_pairs(pairs: Path, docs: Path, taxonomy: Taxonomy, *, verbose: bool) -> int:
    """``skillgap eval --pairs``: the gap figures of the judged pairs."""
    try:
        result = evaluate_pairs(load_pairs(pairs), docs, taxonomy=taxonomy)
    except PairsError as exc:
        raise CliError(str(exc)) from None
    print(format_pairs(result, verbose=verbose))
    return 0
