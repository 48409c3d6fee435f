"""Extraction scored on the original PDF and DOCX files of labelled documents.

The rows of a labels file that name their original file (the ``file`` field of the dev set's
``labels-full.jsonl``) are read from a folder of files through skillgap's document reader, as
an upload would be, and scored by the rule of ``evaluation`` over every taxonomy id, the kind
detected as ``skillgap extract`` does. The same rows scored from their ``.txt`` texts show
what reading the files costs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from skillgap.documents import DocumentError, read_document
from skillgap.extraction.evaluation import (
    EvalError,
    EvalResult,
    read_labels,
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
    ``<doc>.txt`` texts of ``docs_dir``; ``scored_ids`` defaults to every taxonomy id."""
    taxonomy = taxonomy or default_taxonomy()
    scored_ids = scored_ids or frozenset(skill.id for skill in taxonomy)
    files = labelled_files(read_labels(labels_path), files_dir)
    texts = [(row, docs_dir / f"{row['doc']}.txt") for row, _ in files]
    return FilesResult(
        files=_score(files, taxonomy, scored_ids), texts=_score(texts, taxonomy, scored_ids)
    )


def _score(
    sources: list[tuple[dict, Path]], taxonomy: Taxonomy, scored_ids: frozenset[str]
) -> EvalResult:
    result = EvalResult(scores=[])
    for row, path in sources:
        try:
            document = read_document(path)
        except DocumentError as exc:
            raise EvalError(f"{path}: {exc}") from None
        result.add(extract(document, taxonomy=taxonomy), row, scored_ids)
    return result
