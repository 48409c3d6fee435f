"""Reading CSV tables, shared by batch and the dashboard.

Encoding and separator are found by the reader, so a table saved by any spreadsheet reads as
written.
"""

from __future__ import annotations

import csv
import io

import pandas as pd

from skillgap.documents.charset import detect_encoding

_SEPARATORS = ",;\t|"


class TableError(ValueError):
    """A table that cannot be read at all; the message is one line naming the table."""


def read_csv(data: bytes, name: str, *, default_sep: str = ",") -> pd.DataFrame:
    """A CSV table's rows with every cell as a string; ``TableError`` when unusable.

    The encoding follows the one charset policy (``skillgap.documents.charset``: a BOM, UTF-16,
    UTF-8, else the detected legacy charset, Windows-1252 when the evidence is even). The
    separator is the comma, semicolon, tab or pipe that splits the header line, else
    ``default_sep``. Bytes the encoding cannot decode stay as lone surrogates, which
    the batch reports per row.

    >>> read_csv("id;text\\nr1;café\\n".encode("cp1252"), "r.csv").to_dict("records")
    [{'id': 'r1', 'text': 'café'}]
    """
    text = _decode(data)
    sep = _separator(text, default_sep)
    try:
        frame = pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False)
    except pd.errors.EmptyDataError:
        raise TableError(f"{name}: the file is empty") from None
    except (pd.errors.ParserError, ValueError) as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise TableError(f"{name}: cannot be parsed ({reason})") from None
    return frame.rename(columns=lambda c: str(c).strip())


def _decode(data: bytes) -> str:
    """The text of a table file (``skillgap.documents.charset``'s policy); bytes its encoding
    cannot decode become lone surrogates."""
    encoding, bom = detect_encoding(data) or ("utf-8", 0)
    return data[bom:].decode(encoding, errors="surrogateescape")


def _separator(text: str, default: str) -> str:
    """The separator the header line uses, among comma, semicolon, tab and pipe."""
    header = text.split("\n", 1)[0]
    try:
        return csv.Sniffer().sniff(header, delimiters=_SEPARATORS).delimiter
    except csv.Error:
        return default
