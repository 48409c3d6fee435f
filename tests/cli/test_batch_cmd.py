"""``skillgap batch``: the command line over ``run_batch``, with one-line errors."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from skillgap.cli import main


@pytest.fixture
def tables(tmp_path: Path) -> dict[str, str]:
    pd.DataFrame(
        {
            "candidate": ["ana", "ben"],
            "text": ["Experience: Python and PyTorch", "Skills: SQL, Excel"],
        }
    ).to_csv(tmp_path / "resumes.csv", index=False)
    pd.DataFrame(
        {"doc_id": ["ml", "bi"], "body": ["Requirements: Python, Docker", "Must have: SQL"]}
    ).to_parquet(tmp_path / "jobs.parquet", index=False)
    pd.DataFrame({"resume_id": ["ben"], "job_id": ["bi"]}).to_csv(
        tmp_path / "pairs.csv", index=False
    )
    return {name: str(tmp_path / name) for name in ("resumes.csv", "jobs.parquet", "pairs.csv")}


def batch(tables: dict[str, str], out: Path, *extra: str) -> int:
    return main(
        [
            "batch", "--resumes", tables["resumes.csv"], "--jobs", tables["jobs.parquet"],
            "-o", str(out), "--column", "resumes.id=candidate", "--column", "jobs.id=doc_id",
            "--column", "jobs.text=body", *extra,
        ]
    )  # fmt: skip


def test_batch_writes_the_three_tables(tables, tmp_path, capsys):
    out = tmp_path / "results.csv"
    assert batch(tables, out) == 0
    pairs = pd.read_csv(out)
    assert pairs[["resume_id", "job_id"]].values.tolist() == [
        ["ana", "ml"], ["ana", "bi"], ["ben", "ml"], ["ben", "bi"],
    ]  # fmt: skip
    assert (tmp_path / "results.skills.csv").is_file()
    assert (tmp_path / "results.summary.csv").is_file()
    assert not (tmp_path / "results.csv.checkpoint").exists()
    err = capsys.readouterr().err
    assert "4 pairs" in err and "results.summary.csv" in err


def test_batch_with_pairs_compares_only_those(tables, tmp_path):
    out = tmp_path / "results.parquet"
    assert batch(tables, out, "--pairs", tables["pairs.csv"]) == 0
    assert pd.read_parquet(out)[["resume_id", "job_id"]].values.tolist() == [["ben", "bi"]]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"resumes.csv": "nope.csv"}, "nope.csv: no such file"),
        ({"jobs.parquet": "jobs.xlsx"}, "unsupported file type"),
    ],
)
def test_bad_inputs_end_with_one_line(tables, tmp_path, capsys, change, message):
    for key, name in change.items():
        target = tmp_path / name
        if name.endswith(".xlsx"):
            target.write_bytes(b"PK\x03\x04")
        tables[key] = str(target)
    assert batch(tables, tmp_path / "out.csv") == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1


def test_a_missing_column_lists_the_columns_found(tables, tmp_path, capsys):
    code = main(
        ["batch", "--resumes", tables["resumes.csv"], "--jobs", tables["jobs.parquet"],
         "-o", str(tmp_path / "o.csv")]
    )  # fmt: skip
    assert code == 2
    err = capsys.readouterr().err.strip()
    assert err == (
        f"skillgap: error: {tables['resumes.csv']}: no 'id' column (columns found: candidate, "
        "text); rename yours with --column resumes.id=NAME "
        "(in Python: columns={'resumes.id': 'NAME'})"
    )


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--scheduler", "tcp://h:8786"], "--scheduler needs --engine dask"),
        (
            ["--engine", "dask", "--scheduler", "notaurl"],
            "'notaurl' is not a Dask scheduler address (use tcp://host:port,",
        ),
        (["--taxonomy", "missing.yaml"], "missing.yaml"),
    ],
)
def test_bad_options_end_with_one_line(tables, tmp_path, capsys, extra, message):
    assert batch(tables, tmp_path / "out.csv", *extra) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "out.csv.checkpoint").exists()


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_an_excel_csv_in_windows_1252_with_semicolons_is_read(tmp_path, capsys, suffix):
    (tmp_path / "r.csv").write_bytes("id;text\ncafé;Python\n".encode("cp1252"))
    (tmp_path / "j.csv").write_text("id,text\nj1,Requirements: Python\n", encoding="utf-8")
    out = tmp_path / f"out{suffix}"
    code = main(
        ["batch", "--resumes", str(tmp_path / "r.csv"), "--jobs", str(tmp_path / "j.csv"),
         "-o", str(out)]
    )  # fmt: skip
    assert code == 0, capsys.readouterr().err
    pairs = pd.read_csv(out) if suffix == ".csv" else pd.read_parquet(out)
    assert pairs[["resume_id", "job_id"]].values.tolist() == [["café", "j1"]]
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("out")) == sorted(
        [f"out{suffix}", f"out.skills{suffix}", f"out.summary{suffix}"]
    )


def test_a_bad_output_name_is_refused_before_any_work(tables, tmp_path, capsys):
    assert batch(tables, tmp_path / "out.xlsx") == 2
    assert "must end in .csv or .parquet" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [["--workers", "0"], ["--column", "oops"]])
def test_malformed_options_are_usage_errors(tables, tmp_path, argv):
    with pytest.raises(SystemExit) as exit_info:
        batch(tables, tmp_path / "out.csv", *argv)
    assert exit_info.value.code == 2
