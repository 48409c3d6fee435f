"""``skillgap eval --files``: the labelled documents scored from their original files."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from tests.documents.builders import docx_bytes, letter_by_letter_pdf

from skillgap.cli import main


def all_row(table: str) -> list[str]:
    line = next(line for line in table.splitlines() if line.startswith("| **all**"))
    return [cell.strip() for cell in line.strip("|").split("|")]


@pytest.fixture
def labelled(tmp_path: Path) -> tuple[Path, Path, Path]:
    files, docs = tmp_path / "files", tmp_path / "docs"
    files.mkdir()
    docs.mkdir()
    resume = [
        "Jane Roe",
        "Skills",
        "Python, SQL and Docker",
        "Education",
        "BSc, University of Leeds",
    ]
    (files / "cv.pdf").write_bytes(letter_by_letter_pdf(resume, tracking=2.0))
    # the text version lacks Docker: the two runs are scored apart
    (docs / "gh-1.txt").write_text(
        "Jane Roe\nSkills\nPython, SQL\nEducation\nBSc, University of Leeds"
    )
    posting = docx.Document()
    posting.add_paragraph("Requirements: Kubernetes and AWS. You will run our clusters.")
    (files / "job.docx").write_bytes(docx_bytes(posting))
    (docs / "rm-2.txt").write_text("Requirements: Kubernetes and AWS. You will run our clusters.")
    (docs / "sk-3.txt").write_text("Requirements: Python.")
    rows = [
        {"doc": "gh-1", "kind": "resume", "file": "cv.pdf", "labels": ["python", "sql", "docker"]},
        {"doc": "rm-2", "kind": "job", "file": "job.docx", "labels": ["kubernetes", "aws"]},
        {"doc": "sk-3", "kind": "job", "labels": ["python"]},  # no original file: left out
    ]
    labels = tmp_path / "labels.jsonl"
    labels.write_text("\n".join(json.dumps(row) for row in rows))
    return files, docs, labels


def test_files_and_their_texts_are_scored_side_by_side(labelled, capsys) -> None:
    files, docs, labels = labelled
    args = ["eval", "--docs", str(docs), "--labels", str(labels), "--files", str(files)]
    assert main(args) == 0
    out = capsys.readouterr().out
    from_files, from_texts = out.split("The same documents from their texts")
    # columns: source, docs, precision, recall, F1, TP, FP, FN, negation violations
    assert all_row(from_files)[1] == "2" and all_row(from_files)[5:8] == ["5", "0", "0"]
    assert all_row(from_texts)[1] == "2" and all_row(from_texts)[5:8] == ["4", "0", "1"]


def test_a_file_the_labels_name_but_the_folder_lacks_is_one_line_exit_2(labelled, capsys) -> None:
    files, docs, labels = labelled
    (files / "job.docx").unlink()
    args = ["eval", "--docs", str(docs), "--labels", str(labels), "--files", str(files)]
    assert main(args) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "job.docx" in err and "rm-2" in err


def test_an_unreadable_file_is_one_line_exit_2(labelled, capsys) -> None:
    files, docs, labels = labelled
    (files / "cv.pdf").write_bytes(b"%PDF-1.4 truncated")
    args = ["eval", "--docs", str(docs), "--labels", str(labels), "--files", str(files)]
    assert main(args) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "cv.pdf" in err and "Traceback" not in err


def test_labels_naming_no_file_and_a_missing_folder_are_refused(labelled, capsys) -> None:
    files, docs, labels = labelled
    plain = labels.with_name("plain.jsonl")
    plain.write_text(json.dumps({"doc": "sk-3", "kind": "job", "labels": ["python"]}))
    args = ["eval", "--docs", str(docs), "--labels", str(plain), "--files", str(files)]
    assert main(args) == 2
    assert "'file' field" in capsys.readouterr().err
    args = ["eval", "--docs", str(docs), "--labels", str(labels), "--files", str(files / "nope")]
    assert main(args) == 2
    assert "not a folder" in capsys.readouterr().err
