"""``skillgap text``: prints what was read; bad files end with one line and exit code 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from skillgap.cli import main

from .builders import encrypt_pdf, pdf_pages


def test_prints_the_normalised_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "cv.pdf"
    path.write_bytes(pdf_pages([["Skills", "● Python and SQL"]]))
    assert main(["text", str(path)]) == 0
    out, err = capsys.readouterr()
    assert out == "Skills\n• Python and SQL\n"
    assert err == ""


def test_json_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "cv.md"
    path.write_text("## Skills\n- Python\n", encoding="utf-8")
    assert main(["text", "--json", str(path)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["format"] == "md"
    assert data["sections"][0]["heading"] == "Skills"


def test_warnings_go_to_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "cv.txt"
    path.write_text(
        "Wir suchen eine Entwicklerin mit Erfahrung in der Datenanalyse und mit Python, die "
        "gerne im Team arbeitet und Freude an neuen Aufgaben hat.",
        encoding="utf-8",
    )
    assert main(["text", str(path)]) == 0
    assert "warning: the text does not look like English" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("locked.pdf", encrypt_pdf(pdf_pages([["x"]]), "pw"), "this PDF is password-protected"),
        ("junk.pdf", bytes(range(256)) * 4, "binary data"),
        ("empty.docx", b"", "empty"),
        ("broken.docx", b"PK\x03\x04broken", "damaged or truncated"),
        ("huge.txt", b"a" * 2_000_000, "larger than"),
    ],
)
def test_bad_files_exit_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert main(["text", "--max-mb", "1", str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("skillgap: error: ") and message in err


def test_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["text", "/no/such/resume.pdf"]) == 2
    assert capsys.readouterr().err.count("\n") == 1
