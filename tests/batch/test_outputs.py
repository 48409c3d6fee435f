"""``skillgap.batch.outputs``: file names, formula neutralising and atomic writes."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from skillgap.batch.outputs import OutputError, OutputPaths, write_outputs, write_table
from skillgap.tables import neutralize


def test_the_skills_and_summary_tables_sit_beside_the_output(tmp_path):
    paths = OutputPaths.beside(tmp_path / "run.v2.parquet")
    assert [p.name for p in paths.all] == [
        "run.v2.parquet",
        "run.v2.skills.parquet",
        "run.v2.summary.parquet",
    ]


@pytest.mark.parametrize(
    ("name", "message"),
    [("out.xlsx", "must end in .csv or .parquet"), ("missing/out.csv", "does not exist")],
)
def test_unusable_outputs_are_refused_before_any_work(tmp_path, name, message):
    with pytest.raises(OutputError, match=message):
        OutputPaths.beside(tmp_path / name)


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_cells_a_spreadsheet_would_run_get_a_quote(start):
    assert neutralize(f"{start}SUM(A1)") == f"'{start}SUM(A1)"


@given(st.text())
def test_neutralised_text_never_starts_a_formula(text):
    safe = neutralize(text)
    assert not safe.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert safe in (text, "'" + text)


def test_csv_output_is_neutralised_but_numbers_and_parquet_are_not(tmp_path):
    frame = pd.DataFrame({"id": ["=cmd|' /C calc'!A0", "ok"], "score": [-1.5, 2.0]})
    write_table(frame, tmp_path / "t.csv")
    back = pd.read_csv(tmp_path / "t.csv")
    assert back["id"].tolist() == ["'=cmd|' /C calc'!A0", "ok"]
    assert back["score"].tolist() == [-1.5, 2.0]
    write_table(frame, tmp_path / "t.parquet")
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "t.parquet"), frame)


def test_write_outputs_writes_all_three_tables(tmp_path):
    paths = OutputPaths.beside(tmp_path / "out.csv")
    tables = [pd.DataFrame({"x": [i]}) for i in range(3)]
    write_outputs(*tables, paths)
    assert [pd.read_csv(p)["x"].tolist() for p in paths.all] == [[0], [1], [2]]


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_a_failed_write_leaves_none_of_the_three_tables(tmp_path, suffix):
    paths = OutputPaths.beside(tmp_path / f"out{suffix}")
    good = pd.DataFrame({"x": ["ok"]})
    unwritable = pd.DataFrame({"x": ["caf\udce9"]})  # a lone surrogate: no file can hold it
    with pytest.raises(OutputError, match="cannot write the outputs"):
        write_outputs(unwritable, good, good, paths)
    assert list(tmp_path.iterdir()) == []
