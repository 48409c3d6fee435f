"""``skillgap analyze``: formats, output files, settings and one-line errors."""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from skillgap.analysis.report import report_schema
from skillgap.cli import main

RESUME = """Sam Rivera

Skills
Python, SQL, Git, TensorFlow

Experience
Data analyst, Northwind (2019-2024)
- Built churn models in Python with scikit-learn, 4 years
- Maintained SQL reporting pipelines
"""
JOB_A = """Machine Learning Engineer

Requirements
- 3+ years of Python
- PyTorch and deep learning
- Docker and Kubernetes

Nice to have
- Experience with Transformers for NLP
"""
JOB_B = """ML Engineer, Vision

What you'll need
- Python and SQL
- Convolutional neural networks, object detection
- AWS
"""


@pytest.fixture
def files(tmp_path: Path) -> dict[str, str]:
    paths = {}
    for name, text in {"resume.txt": RESUME, "a.txt": JOB_A, "b.md": JOB_B}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths[name] = str(tmp_path / name)
    return paths


_no_raise = contextlib.nullcontext


def run(*argv: str) -> int:
    return main(["analyze", *argv])


def test_json_report_on_stdout_validates_against_the_schema(files, capsys):
    code = run("--resume", files["resume.txt"], "--job", files["a.txt"], "--job", files["b.md"])
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    jsonschema.validate(data, report_schema())
    assert [job["id"] for job in data["jobs"]] == ["job-1", "job-2"]
    assert data["jobs"][0]["source"] == "a.txt"
    assert {g["id"] for g in data["gaps"]} >= {"docker", "kubernetes"}


@pytest.mark.parametrize("fmt, head", [("md", b"# Skills gap report"), ("html", b"<!doctype html>"),
                                       ("pdf", b"%PDF"), ("json", b"{"),
                                       ("ics", b"BEGIN:VCALENDAR"),
                                       ("checklist", b"# Learning plan checklist")])  # fmt: skip
def test_every_format_can_be_written_to_a_file(files, tmp_path, capsys, fmt, head):
    out = tmp_path / f"report.{fmt}"
    args = ["--resume", files["resume.txt"], "--job", files["a.txt"], "--format", fmt]
    assert run(*args, "-o", str(out)) == 0
    assert out.read_bytes().startswith(head)
    assert capsys.readouterr().out == ""


def test_settings_reach_the_roadmap(files, capsys):
    args = ["--resume", files["resume.txt"], "--job", files["a.txt"]]
    assert run(*args, "--hours-per-week", "20", "--track", "nlp") == 0
    roadmap = json.loads(capsys.readouterr().out)["roadmap"]
    assert roadmap["hours_per_week"] == 20 and roadmap["track"] == "nlp"


def test_start_date_and_learned_skills_reach_the_plan(files, capsys):
    args = ["--resume", files["resume.txt"], "--job", files["a.txt"], "--start", "2027-02-01"]
    assert run(*args) == 0
    before = json.loads(capsys.readouterr().out)["roadmap"]
    assert before["start_date"] == "2027-02-01" and before["months"][0]["start"] == "2027-02-01"
    assert run(*args, "--learned", "docker,pytorch") == 0
    after = json.loads(capsys.readouterr().out)["roadmap"]
    assert [s["id"] for s in after["learned"]] == ["docker", "pytorch"]
    kept = {s["id"] for s in after["skills"]}
    assert kept < {s["id"] for s in before["skills"]} and not kept & {"docker", "pytorch"}


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [("--start", "01/02/2027", "not a date"), ("--learned", "docker,nope", "unknown skill id")],
)
def test_bad_plan_options_give_one_line(files, capsys, option, value, message):
    args = ["--resume", files["resume.txt"], "--job", files["a.txt"], option, value]
    with pytest.raises(SystemExit) if option == "--start" else _no_raise():
        assert run(*args) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") <= 2 and "Traceback" not in err


def test_same_input_gives_byte_identical_json(files, capsys):
    args = ["--resume", files["resume.txt"], "--job", files["a.txt"], "--job", files["b.md"]]
    run(*args)
    first = capsys.readouterr().out
    run(*args)
    assert capsys.readouterr().out == first


def test_pdf_to_a_terminal_is_refused(files, capsys, monkeypatch):
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert run("--resume", files["resume.txt"], "--job", files["a.txt"], "--format", "pdf") == 2
    err = capsys.readouterr().err
    assert "-o FILE" in err and err.count("\n") == 1


def test_unreadable_input_is_a_one_line_error(files, tmp_path, capsys):
    assert run("--resume", str(tmp_path / "missing.pdf"), "--job", files["a.txt"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("skillgap: error:") and "missing.pdf" in err and "Traceback" not in err


def test_unwritable_output_is_a_one_line_error(files, tmp_path, capsys):
    target = tmp_path / "no-such-dir" / "r.json"
    assert run("--resume", files["resume.txt"], "--job", files["a.txt"], "-o", str(target)) == 2
    assert "cannot be written" in capsys.readouterr().err


@pytest.mark.parametrize("bad", [["--hours-per-week", "0"], ["--hours-per-week", "x"],
                                 ["--track", "robotics"], ["--format", "docx"]])  # fmt: skip
def test_bad_options_exit_2(files, capsys, bad):
    with pytest.raises(SystemExit) as exc:
        run("--resume", files["resume.txt"], "--job", files["a.txt"], *bad)
    assert exc.value.code == 2


def test_console_entry_point_runs(files):
    result = subprocess.run(
        [sys.executable, "-m", "skillgap", "analyze", "--resume", files["resume.txt"],
         "--job", files["a.txt"], "--format", "md"],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# Skills gap report")


def test_have_and_skip_are_corrections_in_the_report(files, capsys):
    args = ["--resume", files["resume.txt"], "--job", files["a.txt"]]
    assert run(*args) == 0
    before = json.loads(capsys.readouterr().out)
    assert run(*args, "--have", "docker", "--skip", "kubernetes") == 0
    after = json.loads(capsys.readouterr().out)
    jsonschema.validate(after, report_schema())
    assert after["corrections"]["have"] == [{"id": "docker", "name": "Docker"}]
    assert [c["id"] for c in after["corrections"]["skip"]] == ["kubernetes"]
    gaps = {g["id"] for g in after["gaps"]}
    assert {"docker", "kubernetes"} <= {g["id"] for g in before["gaps"]}
    assert not {"docker", "kubernetes"} & gaps
    assert after["jobs"][0]["score"] > before["jobs"][0]["score"]
    assert after["jobs"][0]["skipped"] == ["kubernetes"]


@pytest.mark.parametrize("option", ["--have", "--skip"])
def test_an_unknown_correction_id_is_a_one_line_error(files, capsys, option):
    args = ["--resume", files["resume.txt"], "--job", files["a.txt"], option, "docker,kubernets"]
    assert run(*args) == 2
    err = capsys.readouterr().err
    assert f"{option}: unknown skill id 'kubernets'" in err and err.count("\n") == 1


def test_a_posting_given_as_the_resume_is_warned_about(files, capsys):
    assert run("--resume", files["a.txt"], "--job", files["b.md"]) == 0
    captured = capsys.readouterr()
    warning = json.loads(captured.out)["resume"]["warnings"]
    assert any("reads like a job posting" in w for w in warning)
    assert "reads like a job posting" in captured.err
