from __future__ import annotations

import json

import pytest

from skillgap.extraction.evaluation import (
    core_ids,
    evaluate,
    evaluate_full,
    is_full_labels,
    read_labels,
    score_document,
)

CORE = frozenset({"python", "java", "sql", "r"})


def test_scoring_rule_counts_ignored_negated_and_non_core_ids():
    row = {"doc": "x-1", "labels": ["python", "sql"], "ignore": ["r"], "negated": ["java"]}
    score = score_document({"python", "r", "java", "kafka"}, row, CORE)
    assert score.true_positives == {"python"}
    assert score.false_positives == {"java"}  # r is ignored, kafka is not a core id
    assert score.misses == {"sql"}
    assert score.negation_violations == {"java"}
    assert score.group == "x"


def test_core_ids_are_the_79_roadmap_ids():
    ids = core_ids()
    assert len(ids) == 79
    assert {"python", "pytorch", "ml-system-design"} <= ids


def test_evaluate_on_a_small_labelled_set(tmp_path):
    (tmp_path / "a-1.txt").write_text("Requirements: Python and SQL. Java is not required.")
    (tmp_path / "b-1.txt").write_text("Requirements: PyTorch.")
    labels = tmp_path / "labels.jsonl"
    rows = [
        {"doc": "a-1", "kind": "job", "labels": ["python", "sql"], "negated": ["java"]},
        {"doc": "b-1", "kind": "job", "labels": ["pytorch", "docker"], "negated": []},
    ]
    labels.write_text("\n".join(json.dumps(r) for r in rows))
    result = evaluate(tmp_path, labels)
    assert result.overall.tp == 3 and result.overall.fp == 0 and result.overall.fn == 1
    assert result.overall.negation_violations == 0
    assert result.worst(5)[0].doc == "b-1"


@pytest.mark.slow
def test_document_kind_is_detected_on_the_dev_set(shared_dir):
    from skillgap.extraction.doc_kind import detect_kind

    rows = [json.loads(line) for line in (shared_dir / "eval/labels.jsonl").open()]
    right = sum(
        detect_kind((shared_dir / "eval/docs" / f"{r['doc']}.txt").read_text()) == r["kind"]
        for r in rows
    )
    assert right >= 0.95 * len(rows)


@pytest.mark.slow
def test_dev_set_meets_the_accuracy_floor(shared_dir):
    result = evaluate(shared_dir / "eval/docs", shared_dir / "eval/labels.jsonl")
    assert result.overall.precision >= 0.95
    assert result.overall.recall >= 0.90
    assert result.overall.negation_violations == 0


def test_an_empty_labels_file_is_an_error_not_a_perfect_score(tmp_path):
    from skillgap.extraction.evaluation import EvalError

    labels = tmp_path / "labels.jsonl"
    labels.write_text("\n")
    with pytest.raises(EvalError, match="no labelled documents"):
        evaluate(tmp_path, labels)


def _write_full_set(tmp_path):
    (tmp_path / "jobs-1.txt").write_text(
        "Requirements:\n- 3+ years of Python\n- SQL\n- Java is not required\n\n"
        "Nice to have:\n- Docker\n"
    )
    (tmp_path / "cv-1.txt").write_text(
        "Experience\nData Scientist, Acme (2019 - 2022)\n\nSkills\nPython, Pandas, Kafka\n"
    )
    rows = [
        {"doc": "jobs-1", "kind": "job", "labels": ["python", "sql", "docker", "kubernetes"],
         "ignore": [], "negated": ["java"], "level": {"docker": "preferred", "sql": "preferred"},
         "years": {"python": 3, "sql": 2}, "oot": ["Camunda"]},
        {"doc": "cv-1", "kind": "resume", "labels": ["python", "pandas", "data-science"],
         "ignore": ["kafka"], "negated": [], "oot": []},
    ]  # fmt: skip
    labels = tmp_path / "labels-full.jsonl"
    labels.write_text("\n".join(json.dumps(r) for r in rows))
    return labels


def test_full_labels_are_told_from_core_labels(tmp_path):
    assert is_full_labels(read_labels(_write_full_set(tmp_path)))
    assert not is_full_labels([{"doc": "a-1", "labels": ["python"], "ignore": []}])


def test_full_scoring_over_all_ids_with_levels_years_and_oot(tmp_path):
    result = evaluate_full(tmp_path, read_labels(_write_full_set(tmp_path)))
    every = result.group("all")
    assert (every.tp, every.fp, every.fn) == (6, 0, 1)  # kubernetes missed; kafka ignored
    assert result.group("core").tp + result.group("other").tp == 6
    assert "data-science" in next(s for s in result.scores if s.doc == "cv-1").true_positives
    assert result.group("kind:job").fn == 1 and result.group("kind:resume").fn == 0
    assert set(result.totals) >= {"source:jobs", "source:cv"}
    # sql is labelled preferred but asked for as required; docker is preferred on both sides
    assert result.levels[("preferred", "required")] == 1
    assert result.levels[("preferred", "preferred")] == 1
    assert result.level_accuracy == 2 / 3
    assert (result.years.gold, result.years.exact, result.years.missing) == (2, 1, 1)
    assert result.violations == []
    assert result.oot_rate("job") == 1 / 5 and result.oot_rate("resume") == 0.0


def test_a_predicted_negated_id_is_a_violation_and_a_false_positive(tmp_path):
    (tmp_path / "jobs-1.txt").write_text("Requirements: Python and Java.")
    labels = tmp_path / "labels-full.jsonl"
    row = {"doc": "jobs-1", "kind": "job", "labels": ["python"], "negated": ["java"], "oot": []}
    labels.write_text(json.dumps(row))
    result = evaluate_full(tmp_path, read_labels(labels))
    assert result.violations == [("jobs-1", "java")]
    assert result.group("all").fp == 1


@pytest.mark.slow
def test_full_figures_agree_with_the_dev_sets_own_scorer(shared_dir, tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    import skillgap

    docs, labels = shared_dir / "eval/docs", shared_dir / "eval/labels-full.jsonl"
    out = tmp_path / "figures.json"
    src = str(Path(skillgap.__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": src}
    command = [sys.executable, str(shared_dir / "eval/score_full.py"), str(docs), str(labels),
               "--skillgap", f"{sys.executable} -m skillgap", "--json", str(out)]  # fmt: skip
    subprocess.run(command, check=True, capture_output=True, env=env)
    theirs = json.loads(out.read_text())["text"]
    ours = evaluate_full(docs, read_labels(labels))
    for name, key in (("all", "micro"), ("core", "core"), ("other", "non_core")):
        mine = ours.group(name)
        assert (mine.tp, mine.fp, mine.fn) == tuple(theirs[key][k] for k in ("tp", "fp", "fn"))
    for source, row in theirs["per_source"].items():
        mine = ours.group(f"source:{source}")
        assert (mine.tp, mine.fp, mine.fn) == (row["tp"], row["fp"], row["fn"])
    assert round(ours.level_accuracy or 0, 3) == theirs["level"]["accuracy"]
    assert ours.years.exact == theirs["years"]["exact"]
    assert ours.years.spurious == theirs["years"]["spurious"]
