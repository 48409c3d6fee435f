from __future__ import annotations

import json

import pytest

from skillgap.extraction.evaluation import core_ids, evaluate, score_document

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
