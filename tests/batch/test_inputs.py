"""``skillgap.batch.inputs``: tables in every format, column mapping, and row-level problems."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from skillgap.batch.inputs import (
    BatchInputError,
    column_names,
    load_documents,
    load_pairs,
)
from skillgap.tables import read_csv

COLUMNS = column_names(None)


def test_column_overrides_apply_to_one_table_or_both():
    names = column_names({"jobs.id": "doc_id", "text": "body", "pairs.job_id": "posting"})
    assert names["jobs"] == {"id": "doc_id", "text": "body", "path": "path", "title": "title"}
    assert names["resumes"]["id"] == "id" and names["resumes"]["text"] == "body"
    assert names["pairs"] == {"resume_id": "resume_id", "job_id": "posting"}


@pytest.mark.parametrize("key", ["resumes.colour", "pairs.text", "cv.id", "resume_id"])
def test_unknown_column_settings_are_refused(key):
    with pytest.raises(BatchInputError, match="unknown column setting"):
        column_names({key: "x"})


def test_csv_tsv_compressed_and_parquet_tables_read_alike(tmp_path):
    frame = pd.DataFrame({"id": [1, 2], "text": ["Python", "SQL"], "extra": ["a", "b"]})
    frame.to_csv(tmp_path / "a.csv", index=False)
    frame.to_csv(tmp_path / "a.tsv", sep="\t", index=False)
    frame.to_csv(tmp_path / "a.csv.gz", index=False)
    frame.to_parquet(tmp_path / "a.parquet", index=False)
    (tmp_path / "parts").mkdir()
    frame.iloc[:1].to_parquet(tmp_path / "parts" / "part-0.parquet", index=False)
    frame.iloc[1:].to_parquet(tmp_path / "parts" / "part-1.parquet", index=False)
    for name in ("a.csv", "a.tsv", "a.csv.gz", "a.parquet", "parts"):
        documents = load_documents(tmp_path / name, "resume", COLUMNS["resumes"])
        assert [(d.id, d.text) for d in documents] == [("1", "Python"), ("2", "SQL")], name
    from_frame = load_documents(frame, "resume", COLUMNS["resumes"])
    assert [(d.id, d.text) for d in from_frame] == [("1", "Python"), ("2", "SQL")]


def test_a_missing_column_lists_the_columns_found(tmp_path):
    path = tmp_path / "jobs.csv"
    pd.DataFrame({"doc_id": ["a"], "body": ["x"]}).to_csv(path, index=False)
    with pytest.raises(BatchInputError) as error:
        load_documents(path, "job", COLUMNS["jobs"])
    assert "no 'id' column (columns found: doc_id, body)" in str(error.value)
    assert "rename yours with --column jobs.id=NAME" in str(error.value)
    assert "(in Python: columns={'jobs.id': 'NAME'})" in str(error.value)
    names = column_names({"jobs.id": "doc_id"})
    with pytest.raises(BatchInputError, match="no 'text' or 'path' column"):
        load_documents(path, "job", names["jobs"])


def test_missing_file_unknown_extension_and_empty_tables_are_errors(tmp_path):
    with pytest.raises(BatchInputError, match="no such file"):
        load_documents(tmp_path / "nope.csv", "resume", COLUMNS["resumes"])
    (tmp_path / "r.xlsx").write_bytes(b"PK")
    with pytest.raises(BatchInputError, match="unsupported file type"):
        load_documents(tmp_path / "r.xlsx", "resume", COLUMNS["resumes"])
    (tmp_path / "empty.csv").write_text("")
    with pytest.raises(BatchInputError, match="empty"):
        load_documents(tmp_path / "empty.csv", "resume", COLUMNS["resumes"])
    (tmp_path / "header.csv").write_text("id,text\n")
    with pytest.raises(BatchInputError, match="no rows"):
        load_documents(tmp_path / "header.csv", "resume", COLUMNS["resumes"])


def test_bad_rows_become_document_errors_and_duplicates_collapse(tmp_path):
    frame = pd.DataFrame(
        {
            "id": ["a", "", "b", "a", "c", "c", " d "],
            "text": ["Python", "SQL", "   ", "Python", "Go", "Rust", "Docker"],
        }
    )
    documents = load_documents(frame, "resume", COLUMNS["resumes"])
    assert [(d.id, d.row, d.error) for d in documents] == [
        ("a", 1, None),
        ("", 2, "missing id"),
        ("b", 3, "empty text"),
        ("c", 5, "id used by rows 5 and 6 with different contents"),
        ("d", 7, None),
    ]
    assert documents[1].label == "resume at row 2"
    assert documents[0].label == "resume a"


def test_a_windows_1252_csv_gives_proper_text(tmp_path):
    path = tmp_path / "r.csv"
    path.write_bytes(
        "id,title,text\ncafé,Crème,Python and SQL\nok,,Ingénieur Python\n".encode("cp1252")
    )
    documents = load_documents(path, "job", COLUMNS["jobs"])
    assert [(d.id, d.title, d.text, d.error) for d in documents] == [
        ("café", "Crème", "Python and SQL", None),
        ("ok", None, "Ingénieur Python", None),
    ]


@pytest.mark.parametrize(
    "encoded",
    [
        "id,text\nr1,Café\n".encode("utf-8-sig"),
        "id,text\nr1,Café\n".encode("utf-16"),
        "id,text\nr1,Café\n".encode("cp1252"),
    ],
    ids=["utf-8-bom", "utf-16-bom", "cp1252"],
)
def test_usual_encodings_are_decoded(encoded):
    assert read_csv(encoded, "r.csv").to_dict("records") == [{"id": "r1", "text": "Café"}]


def test_undecodable_bytes_are_row_errors_with_printable_ids():
    frame = pd.DataFrame(
        {
            "id": [b"caf\xe9", b"ok", b"t", b"x"],
            "title": [b"", b"", b"Cr\xe8me", b""],
            "text": [b"Python", b"SQL", b"Go", b"caf\xe9 au lait"],
        }
    )
    documents = load_documents(frame, "job", COLUMNS["jobs"])
    assert [(d.id, d.title, d.error) for d in documents] == [
        ("caf\\xe9", None, "id holds bytes that are not text in the table's encoding "
         "(save the table as UTF-8)"),
        ("ok", None, None),
        ("t", "Cr\\xe8me", "title holds bytes that are not text in the table's encoding "
         "(save the table as UTF-8)"),
        ("x", None, "text holds bytes that are not text in the table's encoding "
         "(save the table as UTF-8)"),
    ]  # fmt: skip
    for document in documents:
        document.id.encode("utf-8")  # every id can be written out


def test_undecodable_pair_ids_are_row_errors():
    frame = pd.DataFrame({"resume_id": [b"r\xe9"], "job_id": [b"j1"]})
    (request,) = load_pairs(frame, COLUMNS["pairs"])
    assert request.resume_id == "r\\xe9"
    assert request.error == (
        "pair at row 1: resume_id holds bytes that are not text in the table's encoding "
        "(save the table as UTF-8)"
    )


@pytest.mark.parametrize("sep", [",", ";", "\t", "|"])
def test_the_separator_is_found_from_the_header_line(tmp_path, sep):
    path = tmp_path / "r.csv"
    path.write_text(f'id{sep}text\nr1{sep}"Python, SQL; Docker | Go"\n', encoding="utf-8")
    (document,) = load_documents(path, "resume", COLUMNS["resumes"])
    assert (document.id, document.text) == ("r1", "Python, SQL; Docker | Go")


def test_a_one_column_header_keeps_the_separator_of_the_suffix(tmp_path):
    (tmp_path / "p.tsv").write_text("id\nr1\n")
    assert read_csv(b"id\nr1\n", "p.csv").columns.tolist() == ["id"]
    with pytest.raises(BatchInputError, match="no 'text' or 'path' column"):
        load_documents(tmp_path / "p.tsv", "resume", COLUMNS["resumes"])


def test_zip_and_bz2_tables_are_read(tmp_path):
    frame = pd.DataFrame({"id": ["a"], "text": ["Python"]})
    frame.to_csv(tmp_path / "a.csv.zip", index=False)
    frame.to_csv(tmp_path / "a.csv.bz2", index=False)
    for name in ("a.csv.zip", "a.csv.bz2"):
        (document,) = load_documents(tmp_path / name, "resume", COLUMNS["resumes"])
        assert (document.id, document.text) == ("a", "Python"), name
    (tmp_path / "bad.csv.gz").write_bytes(b"not gzip")
    with pytest.raises(BatchInputError, match=r"bad\.csv\.gz: cannot be read"):
        load_documents(tmp_path / "bad.csv.gz", "resume", COLUMNS["resumes"])


def test_paths_are_relative_to_the_table_and_text_wins_over_path(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    path = folder / "r.csv"
    pd.DataFrame(
        {"id": ["a", "b", "c"], "text": ["", "Python", ""], "path": ["cv/a.pdf", "b.txt", ""]}
    ).to_csv(path, index=False)
    a, b, c = load_documents(path, "resume", COLUMNS["resumes"])
    assert Path(a.path) == folder / "cv" / "a.pdf" and a.text is None
    assert b.text == "Python" and b.path is None
    assert c.error == "no text or path"


def test_titles_are_kept_for_postings_only():
    frame = pd.DataFrame({"id": ["x"], "text": ["Python"], "title": ["NLP Engineer"]})
    assert load_documents(frame, "job", COLUMNS["jobs"])[0].title == "NLP Engineer"
    assert load_documents(frame, "resume", COLUMNS["resumes"])[0].title is None


def test_pair_tables_report_missing_ids_per_row():
    frame = pd.DataFrame({"resume_id": ["r1", "", "r2"], "job_id": ["j1", "j2", ""]})
    requests = load_pairs(frame, COLUMNS["pairs"])
    assert [(p.resume_id, p.job_id, p.error) for p in requests] == [
        ("r1", "j1", None),
        ("", "j2", "pair at row 2: missing resume_id"),
        ("r2", "", "pair at row 3: missing job_id"),
    ]
    with pytest.raises(BatchInputError, match="no 'job_id' column"):
        load_pairs(pd.DataFrame({"resume_id": ["r1"]}), COLUMNS["pairs"])


@given(st.lists(st.text(max_size=30), min_size=1, max_size=8))
def test_any_cells_give_documents_or_row_errors_never_a_crash(texts):
    frame = pd.DataFrame({"id": [f"d{i}" for i in range(len(texts))], "text": texts})
    documents = load_documents(frame, "resume", COLUMNS["resumes"])
    assert len(documents) == len(texts)
    for document, text in zip(documents, texts, strict=True):
        assert (document.error is None) == bool(text.strip())
