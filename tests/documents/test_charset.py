"""The one charset policy: BOMs, UTF-16 without BOM, UTF-8, legacy charsets, binary."""

from __future__ import annotations

import pytest

from skillgap.documents.charset import detect_encoding
from skillgap.tables import read_csv


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Python".encode("utf-8-sig"), ("utf-8", 3)),
        ("Python".encode("utf-16"), ("utf-16-le", 2)),
        ("Skills: Python, SQL".encode("utf-16-le"), ("utf-16-le", 0)),
        ("Skills: Python, SQL".encode("utf-16-be"), ("utf-16-be", 0)),
        ("Développeur: café".encode(), ("utf-8", 0)),
        ("Développeur: café, naïve".encode("cp1252"), ("cp1252", 0)),
    ],
)
def test_encodings_are_found(data: bytes, expected: tuple[str, int]) -> None:
    assert detect_encoding(data) == expected


def test_binary_data_has_no_encoding() -> None:
    assert detect_encoding(bytes(range(256)) * 4) is None


def test_tables_and_documents_share_the_policy() -> None:
    table = "id,text\nr1,Développeur café\n".encode("utf-16-le")
    assert read_csv(table, "r.csv").to_dict("records") == [{"id": "r1", "text": "Développeur café"}]


def test_the_legacy_guess_looks_past_a_long_ascii_start() -> None:
    data = b"Python " * 20_000 + "café".encode("cp1252")
    assert detect_encoding(data) == ("cp1252", 0)
