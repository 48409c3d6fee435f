"""Dashboard tables: the skill-by-posting matrix, the coach summary and the safe CSV."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from skillgap.analysis.report import analyze
from skillgap.ui.tables import compare_reports, job_label, safe_csv, skill_matrix

RESUME = "Experience\nBuilt PyTorch models in Python.\nSkills: Docker"
JOBS = [
    "ML Engineer\nRequirements: Python, PyTorch, Kubernetes. Nice to have: Kafka.",
    "Data Scientist\nMust have: SQL and Python.",
]


@pytest.fixture(scope="module")
def report() -> dict:
    return analyze(RESUME, JOBS).to_dict()


def test_matrix_has_a_row_per_asked_skill_and_a_column_per_posting(report: dict) -> None:
    matrix = skill_matrix(report)
    assert list(matrix.columns) == ["1. ML Engineer", "2. Data Scientist"]
    assert matrix.loc["Python"].tolist() == ["✓ have", "✓ have"]
    assert matrix.loc["SQL"].tolist() == ["", "✗ missing (required)"]
    assert matrix.loc["Apache Kafka", "1. ML Engineer"] == "✗ missing (preferred)"
    gaps_first = [g["name"] for g in report["gaps"]]
    assert matrix.index.tolist()[: len(gaps_first)] == gaps_first


def test_job_label_shortens_long_titles() -> None:
    assert job_label({"title": "x" * 80, "source": "s"}, 2, width=10) == "3. xxxxxxxxx…"


def test_compare_reports_sorts_by_score(report: dict) -> None:
    weaker = analyze("Skills: Excel", JOBS).to_dict()
    frame = compare_reports({"weak": weaker, "strong": report})
    assert frame["Candidate"].tolist() == ["strong", "weak"]
    row = frame.iloc[0]
    assert row["Score"] == report["summary"]["score"]
    assert row["Months needed"] == report["summary"]["total_months"]
    assert row["Top gaps"] == ", ".join(report["summary"]["top_gaps"])


def test_compare_reports_of_nothing_is_an_empty_table() -> None:
    assert compare_reports({}).empty


def test_safe_csv_neutralises_formula_cells_and_headers() -> None:
    frame = pd.DataFrame({"=cmd": ["=HYPERLINK(1)", "+1", "-x", "@a", "\tb", "ok"], "n": range(6)})
    text = safe_csv(frame).decode("utf-8")
    back = pd.read_csv(io.StringIO(text), dtype=str)
    assert list(back.columns) == ["'=cmd", "n"]
    assert back["'=cmd"].tolist() == ["'=HYPERLINK(1)", "'+1", "'-x", "'@a", "'\tb", "ok"]
    assert back["n"].tolist() == [str(i) for i in range(6)]
