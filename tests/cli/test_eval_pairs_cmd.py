"""``skillgap eval --pairs``: the gap figures of judged pairs, through ``main``."""

from __future__ import annotations

import json
import re

from skillgap.cli import main


def test_eval_pairs_prints_the_gap_figures(tmp_path, capsys):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "job.txt").write_text("Data Engineer\n\nRequirements:\n- Python\n- Airflow\n")
    (docs / "cv.txt").write_text("Experience\nData engineer at Acme: Python pipelines.\n")
    row = {"resume": "cv", "posting": "job", "hard_gaps_required": ["airflow"], "fit": 4,
           "hard_gaps_preferred": [], "borderline": [], "months_to_ready": 0.5}  # fmt: skip
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text(json.dumps(row) + "\n")
    assert main(["eval", "--pairs", str(pairs), "--docs", str(docs), "--verbose"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"required gaps \(partial = not a gap\) +1\.00 +1\.00 +1\.00 +1 +0 +0\n", out)
    assert "pairs with fit >= 4: mean 0.00, max 0" in out
    assert "- cv x job:" in out


def test_eval_without_labels_or_pairs_is_one_line_exit_2(tmp_path, capsys):
    assert main(["eval", "--docs", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "--pairs" in err
    missing = tmp_path / "none.jsonl"
    assert main(["eval", "--pairs", str(missing), "--docs", str(tmp_path)]) == 2
    assert "none.jsonl" in capsys.readouterr().err
