"""The extract, taxonomy and eval sub-commands, run in-process through ``main``."""

from __future__ import annotations

import json

from skillgap.cli import main


def test_extract_prints_one_json_line_per_input_in_order(tmp_path, capsys):
    first = tmp_path / "job.txt"
    first.write_text("Requirements: 3+ years of Python. Kafka is a plus.")
    second = tmp_path / "resume.txt"
    second.write_text("Skills\nDocker, SQL")
    assert main(["extract", str(first), str(second), "--kind", "job"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    one, two = (json.loads(line) for line in lines)
    assert one["source"] == str(first) and two["source"] == str(second)
    python = next(s for s in one["skills"] if s["id"] == "python")
    assert python["level"] == "required" and python["years"] == 3
    assert python["mentions"][0]["text"] == "Python"
    assert {s["id"] for s in two["skills"]} == {"docker", "sql"}


def test_bad_input_is_one_line_exit_2_and_good_ones_still_print(tmp_path, capsys):
    good = tmp_path / "ok.txt"
    good.write_text("Python")
    code = main(["extract", str(tmp_path / "missing.txt"), str(good)])
    out, err = capsys.readouterr()
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and "missing.txt" in err
    assert "Traceback" not in err
    assert json.loads(out)["skills"][0]["id"] == "python"


def test_stdin_and_table_format(monkeypatch, capsys):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Must know Docker.")))
    assert main(["extract", "-", "--format", "table"]) == 0
    out = capsys.readouterr().out
    assert "docker" in out and out.startswith("# -")


def test_taxonomy_commands(capsys):
    assert main(["taxonomy", "check"]) == 0
    assert "ok:" in capsys.readouterr().out
    assert main(["taxonomy", "show", "pytorch"]) == 0
    assert "phase: deep-learning" in capsys.readouterr().out
    assert main(["taxonomy", "show", "no-such-skill"]) == 2
    assert "no-such-skill" in capsys.readouterr().err


def test_broken_custom_taxonomy_is_a_one_line_error(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("skills:\n  - id: Bad Id\n")
    assert main(["taxonomy", "list", "--taxonomy", str(bad)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "bad.yaml" in err and "'id'" in err


def test_usage_errors_are_one_line(capsys):
    import pytest

    with pytest.raises(SystemExit) as exit_info:
        main(["extract", "--kind", "bad", "x.txt"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "--kind" in err
