"""Speed of ``skillgap.analyze`` (one resume, five postings, extraction included) and of the
pair-level pieces the batch engine reuses (``match_job``, ``build_roadmap``) and the renderers.

Usage: python benchmarks/bench_analyze.py [--postings ../shared/bench/postings.csv.gz] [--runs 50]
Without the postings file, five postings written here are used.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from skillgap.analysis.compare import match_job, resume_evidence
from skillgap.analysis.report import analyze
from skillgap.analysis.roadmap.planner import build_roadmap
from skillgap.extraction.extract import extract
from skillgap.render import render
from skillgap.taxonomy import default_taxonomy

ROOT = Path(__file__).resolve().parents[1]
RESUME = """Alex Example

Summary
Data scientist moving into machine-learning engineering.

Technical Skills
Python, SQL, pandas, NumPy, scikit-learn, TensorFlow, Git, Linux

Experience
Data Scientist, Acme Analytics (2021 - present)
- Built gradient boosting churn models; cross-validation and hyperparameter tuning.
- Deployed a Flask service on AWS; 3 years of Python and SQL.

Projects
- Image classifier: a CNN in TensorFlow trained on a flowers dataset.

Education
MSc Statistics: linear algebra, probability, hypothesis testing.
"""
POSTINGS = [
    "ML Engineer\n\nRequirements\n- 3+ years of Python\n- PyTorch, deep learning\n- Docker, "
    "Kubernetes, AWS\n\nNice to have\n- Kafka, Spark\n",
    "NLP Engineer\n\nWhat you'll need\n- Python, PyTorch\n- Transformers, fine-tuning large "
    "language models, Hugging Face\n- SQL\n\nBonus\n- MLflow\n",
    "Computer Vision Engineer\n\nRequirements\n- Python, C++\n- CNNs, object detection, "
    "OpenCV\n- Linear algebra and optimization\n",
    "MLOps Engineer\n\nRequirements\n- Python, Docker, CI/CD, Terraform\n- Model monitoring, "
    "ML pipelines, Airflow\n- GCP or AWS\n",
    "Data Scientist\n\nQualifications\n- Python, scikit-learn, XGBoost\n- Statistics, "
    "hypothesis testing, A/B testing\n- Communication skills\n",
]


def timed(fn: Callable[[], object], runs: int) -> list[float]:
    """Wall times in milliseconds of ``runs`` calls after one warm-up call."""
    fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return times


def summary(label: str, times: list[float]) -> None:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    print(f"{label:<44} median {statistics.median(times):8.3f} ms   p95 {p95:8.3f} ms")


def load_postings(path: Path | None) -> list[str]:
    if path is None or not path.is_file():
        return POSTINGS
    import pandas as pd

    frame = pd.read_csv(path, nrows=5)
    return frame["text"].astype(str).tolist()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--postings", type=Path, default=ROOT.parent / "shared/bench/postings.csv.gz"
    )
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    postings = load_postings(args.postings)
    words = sum(len(p.split()) for p in postings)
    source = "bench postings" if postings is not POSTINGS else "built-in postings"
    print(f"1 resume ({len(RESUME.split())} words) + {len(postings)} {source} ({words} words)")

    taxonomy = default_taxonomy()
    summary(
        "analyze (extraction included), warm", timed(lambda: analyze(RESUME, postings), args.runs)
    )
    resume = extract(RESUME, "resume")
    jobs = [extract(p, "job") for p in postings]
    summary("analyze (profiles already extracted)", timed(lambda: analyze(resume, jobs), args.runs))
    evidence = resume_evidence(resume, taxonomy)
    pairs = timed(lambda: [match_job(evidence, job, taxonomy) for job in jobs], args.runs * 20)
    per_pair = [t / len(jobs) for t in pairs]
    summary("match_job per pair (prepared resume)", per_pair)
    print(f"{'':<44} = {1000 / statistics.median(per_pair):,.0f} pairs/s")
    report = analyze(resume, jobs)
    gaps = {g.id: g.importance for g in report.market.gaps}
    summary("build_roadmap", timed(lambda: build_roadmap(gaps, evidence, taxonomy), args.runs))
    for fmt in ("json", "md", "html", "pdf"):
        summary(f"render {fmt}", timed(lambda fmt=fmt: render(report, fmt), max(5, args.runs // 5)))


if __name__ == "__main__":
    main()
