"""Batch inputs: read the resume, posting and pair tables and turn their rows into documents.

A table is a CSV/TSV file (optionally compressed), a Parquet file, a folder of Parquet files (a
partitioned dataset) or a pandas DataFrame. Document tables need an ``id`` column and a ``text`` or
a ``path`` column (postings may add ``title``); pair tables need ``resume_id`` and ``job_id``.
Every column name can be overridden with ``ROLE.FIELD=NAME`` (``jobs.id=doc_id``) or
``FIELD=NAME`` for both document tables. CSV files are read by ``skillgap.tables.read_csv``, the
one CSV reader the dashboard uses too.

Problems with the table itself raise ``BatchInputError``; problems with one row become that
document's ``error`` and the rest of the batch carries on.
"""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, Literal, TypeAlias

import pandas as pd

from skillgap.documents.errors import DocumentError
from skillgap.documents.limits import format_size
from skillgap.documents.reader import refuse_special
from skillgap.models import DocKind
from skillgap.tables import TableError, read_csv

TableSource: TypeAlias = str | Path | pd.DataFrame
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
_SURROGATE = re.compile("[\ud800-\udfff]")
MAX_TABLE_BYTES = 256 * 1024 * 1024  # what a table may hold (unpacked), so a run stays under 1 GB
_READ_STEP = 1024 * 1024


class BatchInputError(TableError):
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


def read_table(source: TableSource, wanted: Mapping[str, str]) -> tuple[pd.DataFrame, list[str]]:
    """The rows of ``source`` with every cell as a string ('' when empty), and all its columns.

    Only the ``wanted`` columns that exist are kept in the rows; raises ``BatchInputError`` for a
    missing or unreadable file or an unknown file type.
    """
    if isinstance(source, pd.DataFrame):
        frame, found = source, [str(c).strip() for c in source.columns]
    else:
        frame, found = _read_file(Path(source), wanted)
    frame = frame.rename(columns=lambda c: str(c).strip())
    keep = [c for c in dict.fromkeys(wanted.values()) if c in frame.columns]
    cells = frame[keep].astype(object)
    return cells.where(cells.notna(), "").map(_cell).reset_index(drop=True), found


def _cell(value: object) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="surrogateescape")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _read_file(path: Path, wanted: Mapping[str, str]) -> tuple[pd.DataFrame, list[str]]:
    if not path.exists():
        raise BatchInputError(f"{path}: no such file")
    try:
        if not path.is_dir():
            refuse_special(path.stat().st_mode)
    except DocumentError as exc:
        raise BatchInputError(f"{path}: {exc}") from None
    try:
        if path.is_dir() or path.suffix.lower() in _PARQUET_SUFFIXES:
            return _read_parquet(path, wanted)
        suffixes = [s.lower() for s in path.suffixes[-2:]]
        compression = suffixes.pop() if suffixes and suffixes[-1] in _COMPRESSION_SUFFIXES else None
        sep = _CSV_SUFFIXES.get(suffixes[-1]) if suffixes else None
        if sep is None:
            raise BatchInputError(
                f"{path}: unsupported file type (use .csv, .tsv, .parquet or a Parquet folder)"
            )
        frame = read_csv(_file_bytes(path, compression), str(path), default_sep=sep)
        return frame, list(frame.columns)
    except BatchInputError:
        raise
    except (ValueError, EOFError, lzma.LZMAError, zipfile.BadZipFile) as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise BatchInputError(f"{path}: cannot be parsed ({reason})") from None
    except OSError as exc:
        raise BatchInputError(f"{path}: cannot be read ({exc.strerror or exc})") from None


def _file_bytes(path: Path, compression: str | None) -> bytes:
    """The content of ``path``, decompressed by its suffix as a stream, at most
    ``MAX_TABLE_BYTES`` of it (a decompression bomb stops there)."""
    if compression is None:
        with path.open("rb") as stream:
            return _capped(stream, path)
    if compression == ".zip":
        with zipfile.ZipFile(path) as archive:
            members = [m for m in archive.infolist() if not m.is_dir()]
            if len(members) != 1:
                raise BatchInputError(f"{path}: the zip archive must hold exactly one table")
            with archive.open(members[0]) as stream:
                return _capped(stream, path)
    if compression == ".zst":
        try:
            import zstandard
        except ImportError:
            raise BatchInputError(
                f"{path}: reading .zst files needs the zstandard package (pip install zstandard)"
            ) from None
        with zstandard.open(path, "rb") as stream:
            return _capped(stream, path)
    with _open_compressed(path, compression) as stream:
        return _capped(stream, path)


def _open_compressed(path: Path, compression: str) -> io.BufferedIOBase:
    if compression == ".gz":
        return gzip.GzipFile(path, "rb")
    if compression == ".bz2":
        return bz2.BZ2File(path, "rb")
    return lzma.LZMAFile(path, "rb")


def _capped(stream: io.BufferedIOBase | IO[bytes], path: Path) -> bytes:
    """Everything ``stream`` yields, read a slice at a time, unless it exceeds the cap."""
    pieces = []
    total = 0
    while piece := stream.read(_READ_STEP):
        total += len(piece)
        if total > MAX_TABLE_BYTES:
            raise BatchInputError(
                f"{path}: holds more than {format_size(MAX_TABLE_BYTES)} unpacked (the limit); "
                "split the table, or it may be a decompression bomb"
            )
        pieces.append(piece)
    return b"".join(pieces)


def _read_parquet(path: Path, wanted: Mapping[str, str]) -> tuple[pd.DataFrame, list[str]]:
    import pyarrow.dataset as ds

    dataset = ds.dataset(path, format="parquet", partitioning="hive")
    found = list(dataset.schema.names)
    columns = [c for c in dict.fromkeys(wanted.values()) if c in found]
    if not columns:
        return pd.DataFrame(columns=found), found
    unpacked = sum(
        group.column(i).total_uncompressed_size
        for fragment in dataset.get_fragments()
        for group in (
            fragment.metadata.row_group(g) for g in range(fragment.metadata.num_row_groups)
        )
        for i in range(group.num_columns)
        if group.column(i).path_in_schema in columns
    )
    if unpacked > MAX_TABLE_BYTES:
        raise BatchInputError(
            f"{path}: its columns unpack to {format_size(unpacked)} "
            f"(limit {format_size(MAX_TABLE_BYTES)})"
        )
    return dataset.to_table(columns=columns).to_pandas(), found


def _require(
    frame: pd.DataFrame,
    found: list[str],
    source: TableSource,
    role: Role,
    columns: Mapping[str, str],
    *fields: str,
) -> None:
    """Raise unless the column read for one of ``fields`` exists, saying how to map another."""
    if any(columns[field] in frame.columns for field in fields):
        return
    wanted = " or ".join(repr(columns[field]) for field in fields)
    options = " or ".join(f"{role}.{field}=NAME" for field in fields)
    raise BatchInputError(
        f"{describe(source, role)}: no {wanted} column (columns found: "
        f"{', '.join(found) or 'none'}); rename yours with --column {options} "
        f"(in Python: columns={{'{role}.{fields[0]}': 'NAME'}})"
    )


def load_documents(
    source: TableSource, kind: DocKind, columns: Mapping[str, str]
) -> list[SourceDocument]:
    """One ``SourceDocument`` per distinct id of a resume or posting table, in table order.

    Rows repeating an id with the same content collapse into one document; an id used with
    different contents becomes an error. Relative paths are taken from the table's folder.
    """
    role: Role = "resumes" if kind == "resume" else "jobs"
    frame, found = read_table(source, columns)
    _require(frame, found, source, role, columns, "id")
    _require(frame, found, source, role, columns, "text", "path")
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
    raw_id = record.get(columns["id"], "").strip()
    raw_title = record.get(columns["title"], "").strip() if kind == "job" else ""
    text = record.get(columns["text"], "")
    path = record.get(columns["path"], "").strip()
    doc_id = _printable(raw_id)
    document = SourceDocument(kind, doc_id, row, title=_printable(raw_title) or None)
    if not doc_id:
        return replace(document, error="missing id")
    unreadable = [f for f, v in (("id", raw_id), ("title", raw_title)) if _undecodable(v)]
    if unreadable:
        return replace(document, error=_not_text(" and ".join(unreadable)))
    if text.strip():
        if _undecodable(text):
            return replace(document, error=_not_text("text"))
        return replace(document, text=text)
    if path:
        if _undecodable(path):
            return replace(document, error=_not_text("path"))
        full = Path(path).expanduser()
        if base is not None and not full.is_absolute():
            full = base / full
        return replace(document, path=str(full))
    has_text, has_path = columns["text"] in record, columns["path"] in record
    empty = "no text or path" if has_text and has_path else "empty text" if has_text else "no path"
    return replace(document, error=empty)


def _not_text(what: str) -> str:
    return f"{what} holds bytes that are not text in the table's encoding (save the table as UTF-8)"


def _undecodable(text: str) -> bool:
    """Whether ``text`` holds bytes no encoding explained (lone surrogates), which no output
    file could store."""
    return _SURROGATE.search(text) is not None


def _printable(text: str) -> str:
    """``text`` with every undecodable byte shown as an escape (``caf\\xe9``), safe to write."""
    return _SURROGATE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"


def load_pairs(source: TableSource, columns: Mapping[str, str]) -> list[PairRequest]:
    """The (resume id, job id) rows of a pair table, in table order."""
    frame, found = read_table(source, columns)
    for field in PAIR_FIELDS:
        _require(frame, found, source, "pairs", columns, field)
    if frame.empty:
        raise BatchInputError(f"{describe(source, 'pairs')}: the table has no rows")
    requests = []
    for row, record in enumerate(frame.to_dict("records"), start=1):
        ids = {field: record[columns[field]].strip() for field in PAIR_FIELDS}
        missing = [field for field, value in ids.items() if not value]
        unreadable = [field for field, value in ids.items() if _undecodable(value)]
        error = None
        if missing:
            error = f"pair at row {row}: missing {' and '.join(missing)}"
        elif unreadable:
            error = f"pair at row {row}: {_not_text(' and '.join(unreadable))}"
        requests.append(PairRequest(_printable(ids["resume_id"]), _printable(ids["job_id"]), error))
    return requests
