"""Scoring gap decisions against judged pairs: on a tiny pairs file written here, and on the
dev set's pairs when ../shared is present."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest

from skillgap.analysis.pair_eval import (
    Pair,
    PairsError,
    evaluate_pairs,
    format_pairs,
    load_pairs,
    score_report,
    spearman,
)

POSTING = (
    "Backend Engineer\n\nRequirements:\n- Python and Docker\n- Kubernetes\n\nNice to have: Kafka\n"
)
STRONG = "Experience\nBackend engineer at Acme: built services in Python, shipped with Docker.\n"
WEAK = "Experience\nBarista at Cafe: made coffee.\n"


def _pairs_file(tmp_path: Path) -> tuple[Path, Path]:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "job.txt").write_text(POSTING)
    (docs / "strong.txt").write_text(STRONG)
    (docs / "weak.txt").write_text(WEAK)
    rows = [
        {"resume": "strong", "posting": "job", "hard_gaps_required": ["kubernetes"],
         "hard_gaps_preferred": ["kafka"], "borderline": [], "fit": 4, "months_to_ready": 0.5},
        {"resume": "weak", "posting": "job",
         "hard_gaps_required": ["python", "kubernetes", "backend-development"],
         "hard_gaps_preferred": ["kafka"], "borderline": ["docker"], "fit": 1,
         "months_to_ready": 3},
    ]  # fmt: skip
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    return pairs, docs


def test_a_tiny_pairs_file_is_scored_against_its_judgements(tmp_path: Path) -> None:
    pairs, docs = _pairs_file(tmp_path)
    result = evaluate_pairs(load_pairs(pairs), docs)
    strong, weak = result.scores
    assert strong.required == {"kubernetes"} and strong.preferred == {"kafka"}
    # the title asks for backend development; docker is borderline for the weak pair: neither
    # rewarded nor penalised
    assert weak.required == {"python", "kubernetes", "backend-development"}
    req = result.variant("req")
    assert (req.tp, req.fp, req.fn) == (4, 0, 0) and req.precision == 1.0
    assert result.false_per_pair() == [0, 0]
    assert strong.score is not None and weak.score is not None and strong.score > weak.score
    assert result.spearman() == pytest.approx(1.0)
    text = format_pairs(result, verbose=True)
    assert re.search(r"required gaps \(partial = not a gap\) +1\.00 +1\.00 +1\.00 +4 +0 +0\n", text)
    assert "Spearman rho = 1.000 (n = 2)" in text
    assert "- strong x job:" in text and "FN []" in text


def test_false_and_missed_gaps_are_counted_per_pair() -> None:
    pair = Pair("r", "j", frozenset({"sql", "go"}), frozenset(), frozenset({"rust"}), 3.0, 1.0)
    report = {
        "jobs": [
            {
                "score": 40.0,
                "missing_required": [
                    {"id": "sql", "kind": "hard"},
                    {"id": "java", "kind": "hard"},
                    {"id": "rust", "kind": "hard"},
                    {"id": "communication", "kind": "soft"},
                ],
                "missing_preferred": [],
                "partial": [{"id": "go", "kind": "hard", "level": "required"}],
            }
        ],
        "roadmap": {"total_months": 2},
    }
    score = score_report(pair, report)
    assert score.false_required == {"java"} and score.missed_required == {"go"}
    assert score.required_partial == {"go"} and score.months == 2.0


def test_spearman_uses_average_ranks_for_ties() -> None:
    assert spearman([1, 2, 3, 4], [1, 2, 3, 4]) == pytest.approx(1.0)
    assert spearman([1, 1, 2], [1, 2, 3]) == pytest.approx(math.sqrt(3) / 2)
    assert math.isnan(spearman([1, 1], [1, 2]))


def test_bad_pairs_files_are_one_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"resume": "a"}\n')
    with pytest.raises(PairsError, match=r"bad.jsonl:1: not a judged pair"):
        load_pairs(bad)
    with pytest.raises(PairsError, match="cannot read"):
        load_pairs(tmp_path / "missing.jsonl")
    pairs, docs = _pairs_file(tmp_path)
    (docs / "weak.txt").unlink()
    with pytest.raises(PairsError, match="no document 'weak'"):
        evaluate_pairs(load_pairs(pairs), docs)


@pytest.mark.slow
def test_the_dev_pairs_meet_the_recall_and_ranking_floors(shared_dir: Path) -> None:
    result = evaluate_pairs(
        load_pairs(shared_dir / "eval" / "pairs.jsonl"), shared_dir / "eval" / "docs"
    )
    req = result.variant("req")
    assert req.recall >= 0.85 and result.spearman() >= 0.85
    ready = [len(s.false_required) for s in result.scores if s.pair.fit >= 4]
    assert max(ready) <= 1
