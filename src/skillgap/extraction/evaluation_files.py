"""Extraction scored on the original PDF and DOCX files of labelled documents.

The rows of a labels file that name their original file (the ``file`` field of the dev set's
``labels-full.jsonl``) are read from a folder of files through skillgap's document reader, as
an upload would be, and scored like ``evaluation.evaluate`` scores texts. The same rows scored
from their ``.txt`` texts show what reading the files costs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from skillgap.documents import Document, DocumentError, read_document
from skillgap.extraction.evaluation import (
    EvalError,
    EvalResult,
    Totals,
    core_ids,
    read_labels,
    score_document,
)
from skillgap.extraction.extract import extract
from skillgap.taxonomy import Taxonomy, default_taxonomy


@dataclass(frozen=True)
class FilesResult:
    """The scores of the original files and of the same documents' text versions."""

    files: EvalResult
    texts: EvalResult


def labelled_files(rows: list[dict], files_dir: Path) -> list[tuple[dict, Path]]:
    """The rows that name an original file, each with its path in ``files_dir``."""
    found = []
    for row in rows:
        name = row.get("file")
        if not name:
            continue
        path = files_dir / Path(str(name)).name
        if not path.is_file():
            raise EvalError(f"{path}: not found (named by the labels of {row['doc']})")
        found.append((row, path))
    if not found:
        raise EvalError("no labelled document names an original file (the labels' 'file' field)")
    return found


def evaluate_files(
    files_dir: Path,
    docs_dir: Path,
    labels_path: Path,
    *,
    taxonomy: Taxonomy | None = None,
    scored_ids: frozenset[str] | None = None,
) -> FilesResult:
    """Score the labelled documents of ``files_dir`` read from their files, then from the
    ``<doc>.txt`` texts of ``docs_dir``; ``scored_ids`` defaults to the core ids."""
    taxonomy = taxonomy or default_taxonomy()
    scored_ids = scored_ids or core_ids()
    pairs = labelled_files(read_labels(labels_path), files_dir)

    def from_file(row: dict, path: Path) -> Document | str:
        try:
            return read_document(path)
        except DocumentError as exc:
            raise EvalError(f"{path}: {exc}") from None

    def from_text(row: dict, _: Path) -> Document | str:
        path = docs_dir / f"{row['doc']}.txt"
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise EvalError(f"{path}: cannot be read ({exc.__class__.__name__})") from None

    return FilesResult(
        files=_score(pairs, from_file, taxonomy, scored_ids),
        texts=_score(pairs, from_text, taxonomy, scored_ids),
    )


def _score(
    pairs: list[tuple[dict, Path]],
    read: Callable[[dict, Path], Document | str],
    taxonomy: Taxonomy,
    scored_ids: frozenset[str],
) -> EvalResult:
    result = EvalResult(scores=[])
    for row, path in pairs:
        kind = row.get("kind", "auto")
        profile = extract(
            read(row, path), kind if kind in ("resume", "job") else "auto", taxonomy=taxonomy
        )
        evidence = {hit.id: hit.mentions[0].text for hit in profile.skills}
        score = score_document(profile.skill_ids, row, scored_ids, evidence)
        result.scores.append(score)
        result.by_group.setdefault(score.group, Totals()).add(score)
        result.overall.add(score)
    return result
