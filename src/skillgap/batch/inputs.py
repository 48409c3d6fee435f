"""Batch inputs: read the resume, posting and pair tables and turn their rows into documents.

A table is a CSV/TSV file (optionally compressed), a Parquet file, a folder of Parquet files (a
partitioned dataset) or a pandas DataFrame. Document tables need an ``id`` column and a ``text`` or
a ``path`` column (postings may add ``title``); pair tables need ``resume_id`` and ``job_id``.
Every column name can be overridden with ``ROLE.FIELD=NAME`` (``jobs.id=doc_id``) or
``FIELD=NAME`` for both document tables.

Problems with the table itself raise ``BatchInputError``; problems with one row become that
document's ``error`` and the rest of the batch carries on.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

import pandas as pd

from skillgap.models import DocKind

TableSource = str | Path | pd.DataFrame
Role = Literal["resumes", "jobs", "pairs"]

DOCUMENT_FIELDS = ("id", "text", "path", "title")
PAIR_FIELDS = ("resume_id", "job_id")
_ROLES: dict[str, tuple[str, ...]] = {
    "resumes": DOCUMENT_FIELDS,
    "jobs": DOCUMENT_FIELDS,
    "pairs": PAIR_FIELDS,
}
_CSV_SUFFIXES = {".csv": ",", ".tsv": "\t"}
_COMPRESSION_SUFFIXES = frozenset((".gz", ".bz2", ".xz", ".zip", ".zst"))
_PARQUET_SUFFIXES = frozenset((".parquet", ".pq"))
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")


class BatchInputError(ValueError):
    """An input table that cannot be used, with a one-line message naming the table."""


@dataclass(frozen=True)
class SourceDocument:
    """One resume or posting to analyse: its text or the path of its file, or why it cannot be.

    ``row`` is the 1-based data row it came from; ``id`` is empty when the row had none.
    """

    kind: DocKind
    id: str
    row: int
    text: str | None = None
    path: str | None = None
    title: str | None = None
    error: str | None = None

    @property
    def label(self) -> str:
        """How messages name the document: by id, or by row when it has no id."""
        return f"{self.kind} {self.id}" if self.id else f"{self.kind} at row {self.row}"


@dataclass(frozen=True)
class PairRequest:
    """One row of a pair table: the ids to compare, or why the row cannot be compared."""

    resume_id: str
    job_id: str
    error: str | None = None


def column_names(overrides: Mapping[str, str] | None) -> dict[str, dict[str, str]]:
    """The column to read for every role and field, with ``overrides`` applied.

    >>> column_names({"jobs.id": "doc_id", "text": "body"})["jobs"]
    {'id': 'doc_id', 'text': 'body', 'path': 'path', 'title': 'title'}
    """
    names = {role: {f: f for f in fields} for role, fields in _ROLES.items()}
    for key, column in (overrides or {}).items():
        role, _, field = key.rpartition(".")
        roles = [role] if role else ["resumes", "jobs"]
        if any(r not in _ROLES or field not in _ROLES[r] for r in roles):
            raise BatchInputError(f"unknown column setting {key!r} ({_column_help()})")
        if not str(column).strip():
            raise BatchInputError(f"column setting {key!r} has an empty column name")
        for r in roles:
            names[r][field] = str(column).strip()
    return names


def _column_help() -> str:
    fields = ", ".join(DOCUMENT_FIELDS)
    return f"use FIELD=NAME with FIELD one of {fields}, or resumes./jobs./pairs. before it"


def describe(source: TableSource, role: Role) -> str:
    """The name messages give a table: its path, or 'the <role> DataFrame'."""
    return f"the {role} DataFrame" if isinstance(source, pd.DataFrame) else str(source)


def read_table(source: TableSource, wanted: Mapping[str, str]) -> pd.DataFrame:
    """The rows of ``source`` with every cell as a string ('' when empty).

    Only the ``wanted`` columns that exist are kept; raises ``BatchInputError`` for a missing or
    unreadable file or an unknown file type.
    """
    frame = source if isinstance(source, pd.DataFrame) else _read_file(Path(source), wanted)
    frame = frame.rename(columns=lambda c: str(c).strip())
    keep = [c for c in dict.fromkeys(wanted.values()) if c in frame.columns]
    cells = frame[keep].astype(object)
    return cells.where(cells.notna(), "").map(_cell).reset_index(drop=True)


def _cell(value: object) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="surrogateescape")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _read_file(path: Path, wanted: Mapping[str, str]) -> pd.DataFrame:
    if not path.exists():
        raise BatchInputError(f"{path}: no such file")
    try:
        if path.is_dir() or path.suffix.lower() in _PARQUET_SUFFIXES:
            return _read_parquet(path, wanted)
        suffixes = [s.lower() for s in path.suffixes[-2:]]
        if suffixes and suffixes[-1] in _COMPRESSION_SUFFIXES:
            suffixes.pop()
        sep = _CSV_SUFFIXES.get(suffixes[-1]) if suffixes else None
        if sep is None:
            raise BatchInputError(
                f"{path}: unsupported file type (use .csv, .tsv, .parquet or a Parquet folder)"
            )
        return pd.read_csv(
            path,
            sep=sep,
            dtype=str,
            keep_default_na=False,
            encoding="utf-8-sig",
            encoding_errors="surrogateescape",
        )
    except BatchInputError:
        raise
    except pd.errors.EmptyDataError:
        raise BatchInputError(f"{path}: the file is empty") from None
    except (pd.errors.ParserError, ValueError) as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise BatchInputError(f"{path}: cannot be parsed ({reason})") from None
    except OSError as exc:
        raise BatchInputError(f"{path}: cannot be read ({exc.strerror or exc})") from None


def _read_parquet(path: Path, wanted: Mapping[str, str]) -> pd.DataFrame:
    import pyarrow.dataset as ds

    dataset = ds.dataset(path, format="parquet", partitioning="hive")
    columns = [c for c in dict.fromkeys(wanted.values()) if c in dataset.schema.names]
    if not columns:
        return pd.DataFrame(columns=dataset.schema.names)
    return dataset.to_table(columns=columns).to_pandas()


def _require(frame: pd.DataFrame, source: TableSource, role: Role, column: str, field: str) -> None:
    if column not in frame.columns:
        found = ", ".join(_found_columns(source, frame)) or "none"
        raise BatchInputError(
            f"{describe(source, role)}: no {column!r} column (columns found: {found}); "
            f"map yours with {role}.{field}=NAME"
        )


def _found_columns(source: TableSource, frame: pd.DataFrame) -> list[str]:
    """Every column of the source table, not only the ones read."""
    if isinstance(source, pd.DataFrame):
        return [str(c) for c in source.columns]
    path = Path(source)
    if path.is_dir() or path.suffix.lower() in _PARQUET_SUFFIXES:
        import pyarrow.dataset as ds

        return list(ds.dataset(path, format="parquet", partitioning="hive").schema.names)
    return _csv_header(path) or [str(c) for c in frame.columns]


def _csv_header(path: Path) -> list[str]:
    sep = "\t" if ".tsv" in [s.lower() for s in path.suffixes] else ","
    try:
        header = pd.read_csv(path, sep=sep, nrows=0, encoding="utf-8-sig")
    except (ValueError, OSError):
        return []
    return [str(c).strip() for c in header.columns]


def load_documents(
    source: TableSource, kind: DocKind, columns: Mapping[str, str]
) -> list[SourceDocument]:
    """One ``SourceDocument`` per distinct id of a resume or posting table, in table order.

    Rows repeating an id with the same content collapse into one document; an id used with
    different contents becomes an error. Relative paths are taken from the table's folder.
    """
    role: Role = "resumes" if kind == "resume" else "jobs"
    frame = read_table(source, columns)
    _require(frame, source, role, columns["id"], "id")
    if columns["text"] not in frame.columns and columns["path"] not in frame.columns:
        found = ", ".join(_found_columns(source, frame)) or "none"
        raise BatchInputError(
            f"{describe(source, role)}: no {columns['text']!r} or {columns['path']!r} column "
            f"(columns found: {found}); map yours with {role}.text=NAME or {role}.path=NAME"
        )
    if frame.empty:
        raise BatchInputError(f"{describe(source, role)}: the table has no rows")
    base = None if isinstance(source, pd.DataFrame) else Path(source).resolve().parent
    documents: list[SourceDocument] = []
    by_id: dict[str, int] = {}
    for row, record in enumerate(frame.to_dict("records"), start=1):
        document = _document(record, kind, row, columns, base)
        seen = by_id.get(document.id) if document.id else None
        if seen is None:
            if document.id:
                by_id[document.id] = len(documents)
            documents.append(document)
        elif _content(documents[seen]) != _content(document):
            first = documents[seen]
            documents[seen] = replace(
                first,
                error=f"id used by rows {first.row} and {row} with different contents",
            )
    return documents


def _content(document: SourceDocument) -> tuple[str | None, ...]:
    return document.text, document.path, document.title


def _document(
    record: Mapping[str, str],
    kind: DocKind,
    row: int,
    columns: Mapping[str, str],
    base: Path | None,
) -> SourceDocument:
    doc_id = record.get(columns["id"], "").strip()
    text = record.get(columns["text"], "")
    path = record.get(columns["path"], "").strip()
    title = record.get(columns["title"], "").strip() if kind == "job" else ""
    document = SourceDocument(kind, doc_id, row, title=title or None)
    if not doc_id:
        return replace(document, error="missing id")
    if text.strip():
        if _has_undecodable_bytes(text) or _has_undecodable_bytes(title):
            return replace(document, error="text is not valid UTF-8 (save the table as UTF-8)")
        return replace(document, text=text)
    if path:
        if _has_undecodable_bytes(path):
            return replace(document, error="path is not valid UTF-8")
        full = Path(path).expanduser()
        if base is not None and not full.is_absolute():
            full = base / full
        return replace(document, path=str(full))
    has_text, has_path = columns["text"] in record, columns["path"] in record
    empty = "no text or path" if has_text and has_path else "empty text" if has_text else "no path"
    return replace(document, error=empty)


def _has_undecodable_bytes(text: str) -> bool:
    """Whether reading the table as UTF-8 left escaped bytes (lone surrogates) in ``text``."""
    return _ESCAPED_BYTE.search(text) is not None


def load_pairs(source: TableSource, columns: Mapping[str, str]) -> list[PairRequest]:
    """The (resume id, job id) rows of a pair table, in table order."""
    frame = read_table(source, columns)
    for field in PAIR_FIELDS:
        _require(frame, source, "pairs", columns[field], field)
    if frame.empty:
        raise BatchInputError(f"{describe(source, 'pairs')}: the table has no rows")
    requests = []
    for row, record in enumerate(frame.to_dict("records"), start=1):
        resume_id = record[columns["resume_id"]].strip()
        job_id = record[columns["job_id"]].strip()
        missing = [f for f, v in (("resume_id", resume_id), ("job_id", job_id)) if not v]
        error = f"pair at row {row}: missing {' and '.join(missing)}" if missing else None
        requests.append(PairRequest(resume_id, job_id, error))
    return requests
