"""``skillgap eval`` over full-taxonomy labels (levels, years, OOT), run in-process."""

from __future__ import annotations

import json

from skillgap.cli import main


def test_eval_over_full_labels_prints_all_roadmap_and_other_ids(tmp_path, capsys):
    (tmp_path / "jobs-1.txt").write_text(
        "Requirements:\n- 3+ years of Python\n- Kafka\n\nNice to have:\n- Docker\n"
    )
    row = {
        "doc": "jobs-1", "kind": "job", "labels": ["python", "kafka", "docker", "airflow"],
        "ignore": [], "negated": [], "level": {"docker": "preferred"}, "years": {"python": 3},
        "oot": ["Camunda"],
    }  # fmt: skip
    labels = tmp_path / "labels-full.jsonl"
    labels.write_text(json.dumps(row) + "\n")
    assert main(["eval", "--docs", str(tmp_path), "--labels", str(labels)]) == 0
    out = capsys.readouterr().out
    assert "| **all ids** | 1 | 1.000 | 0.750 | 0.857 | 3 | 0 | 1 | 0 |" in out
    assert (
        "| roadmap (core) ids | 1 | 1.000 | 0.667 | 0.800 | 2 | 0 | 1 | 0 |" in out
    )  # airflow missed
    assert "| other ids | 1 | 1.000 | 1.000 | 1.000 | 1 | 0 | 0 | 0 |" in out  # kafka
    assert "| source jobs |" in out and "| kind job |" in out
    assert "Level accuracy: 1.000 over 3" in out
    assert "Years: 1/1 exact" in out
    assert "OOT rate (oot / (labels + oot)): job 0.200" in out


def test_eval_with_a_missing_document_is_one_line_exit_2(tmp_path, capsys):
    labels = tmp_path / "labels-full.jsonl"
    labels.write_text(json.dumps({"doc": "nope-1", "labels": [], "oot": []}) + "\n")
    assert main(["eval", "--docs", str(tmp_path), "--labels", str(labels)]) == 2
    err = capsys.readouterr().err
    assert "nope-1.txt" in err and len(err.strip().splitlines()) == 1
