"""``skillgap.tables``: the CSV reader and spreadsheet-safe cells shared by batch and the UI."""

from __future__ import annotations

import pytest

from skillgap.batch.inputs import BatchInputError
from skillgap.tables import TableError, neutralize, read_csv, write_atomic


def test_a_semicolon_table_in_a_legacy_charset_reads_as_written():
    frame = read_csv("id;text\nr1;Müller café\n".encode("cp1252"), "r.csv")
    assert frame.to_dict("records") == [{"id": "r1", "text": "Müller café"}]


def test_an_empty_table_is_one_line_naming_it():
    with pytest.raises(TableError, match=r"^jobs\.csv: the file is empty$"):
        read_csv(b"", "jobs.csv")


def test_batch_errors_are_table_errors_so_callers_catch_one_type():
    assert issubclass(BatchInputError, TableError)


def test_formula_cells_are_neutralised_and_numbers_kept():
    assert neutralize("@SUM(A1)") == "'@SUM(A1)"
    assert neutralize(3) == 3


def test_a_failed_write_leaves_the_old_file(tmp_path):
    target = tmp_path / "report.json"
    target.write_text("old")

    def fail(temp):
        temp.write_text("half")
        raise OSError("disk full")

    with pytest.raises(OSError):
        write_atomic(target, fail)
    assert target.read_text() == "old"
    assert list(tmp_path.iterdir()) == [target]
