"""Batch throughput: 2,000 postings x 10 resumes with 1 and 2 workers (local engine, and Dask).

Usage: python benchmarks/bench_batch.py [--postings ../shared/bench/postings.csv.gz] [--n 2000]
                                        [--workers 1 2] [--dask] [--runs 1]

Every run is end to end from the DataFrames to the three tables, start-up included: loading the
pipeline in this process for 1 worker, starting the pool (and a pipeline per worker) for 2.
docs/s is documents / extraction stage time, pairs/s is pairs / comparison stage time; the
speed-up compares whole-run wall times. Peak memory is each worker process's peak resident set
size (``ru_maxrss``); with 1 worker that is this benchmark's own process, data included.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import pandas as pd

from skillgap.batch import BatchResult, run_batch

ROOT = Path(__file__).resolve().parents[1]

RESUMES = {
    "data-scientist": """Summary
Data scientist moving into ML engineering.
Skills
Python, SQL, pandas, NumPy, scikit-learn, XGBoost, Tableau
Experience
- 4 years of Python building churn and pricing models; cross-validation, feature engineering
- A/B testing and hypothesis testing for the growth team
Education
MSc Statistics: probability, Bayesian methods, linear algebra
""",
    "backend-dev": """Skills
Java, Go, PostgreSQL, Redis, Docker, Kubernetes, AWS, Terraform
Experience
- 6 years building REST APIs and microservices in Java and Go
- CI/CD with GitHub Actions; monitoring with Prometheus and Grafana
Projects
- A FastAPI service in Python serving a small scikit-learn model
""",
    "cv-researcher": """Research
PhD in computer vision: object detection, image segmentation, CNNs, vision transformers.
Skills
Python, PyTorch, OpenCV, CUDA, NumPy, Linux
Experience
- Trained detection models on multi-GPU clusters with distributed training
- Published work on self-supervised learning
""",
    "nlp-engineer": """Experience
NLP engineer, 3 years: transformers, BERT fine-tuning, Hugging Face, spaCy, text classification,
named entity recognition, LLM prompt engineering and RAG with vector databases.
Skills
Python, PyTorch, FastAPI, Docker, Elasticsearch, SQL
""",
    "junior-python": """Education
BSc Computer Science (2024). Courses: data structures, algorithms, calculus, statistics.
Skills
Python, Git, Linux, SQL, HTML, JavaScript
Projects
- A Flask web app; a Kaggle notebook with pandas and matplotlib
""",
    "mlops": """Experience
MLOps engineer, 5 years: Kubeflow and Airflow pipelines, MLflow model registry, model monitoring,
Docker, Kubernetes, AWS SageMaker, Terraform, feature stores, A/B testing of models.
Skills
Python, Bash, Spark, Kafka, Prometheus
""",
    "analyst": """Skills
Excel, SQL, Power BI, Tableau, stakeholder management, communication
Experience
- Business analyst for 7 years: dashboards, reporting, requirements gathering
- Some Python scripting with pandas
""",
    "rl-student": """Projects
- Reinforcement learning agents (DQN, PPO) in OpenAI Gym with PyTorch
- Multi-armed bandits for recommendation
Skills
Python, NumPy, TensorFlow, JAX, probability, optimization
""",
    "data-engineer": """Experience
Data engineer, 4 years: Spark, Databricks, Airflow, dbt, Snowflake, Kafka, AWS Glue, ETL.
Skills
Python, Scala, SQL, Docker, Git; data modeling and data quality.
""",
    "recsys": """Experience
Built recommender systems: collaborative filtering, matrix factorization, learning to rank,
embeddings with TensorFlow; time-series forecasting of demand with LSTM and Prophet.
Skills
Python, SQL, BigQuery, GCP, Kubernetes
""",
}


def load_postings(path: Path, n: int) -> pd.DataFrame:
    postings = pd.read_csv(path).dropna(subset=["text"]).head(n)
    return postings.rename(columns={"doc_id": "id"})[["id", "title", "text"]]


def report(label: str, result: BatchResult, wall: float) -> None:
    stats = result.stats
    peaks = ", ".join(f"{mb:.0f}" for mb in stats.worker_peak_rss_mb.values())
    print(
        f"{label:<16} wall {wall:6.1f} s | {stats.documents / stats.extract_seconds:6.0f} docs/s"
        f" | {stats.pairs / stats.compare_seconds:7.0f} pairs/s"
        f" | {stats.pairs / wall:6.0f} pairs/s end to end"
        f" | peak MB per worker: {peaks}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--postings", type=Path, default=ROOT.parent / "shared/bench/postings.csv.gz"
    )
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--dask", action="store_true", help="also run the Dask engine")
    parser.add_argument("--runs", type=int, default=1, help="best of this many runs")
    args = parser.parse_args()
    if not args.postings.is_file():
        raise SystemExit(f"{args.postings}: not found (it lives in ../shared/bench)")
    jobs = load_postings(args.postings, args.n)
    resumes = pd.DataFrame({"id": list(RESUMES), "text": list(RESUMES.values())})
    print(f"{len(jobs)} postings x {len(resumes)} resumes = {len(jobs) * len(resumes)} pairs")

    walls: dict[str, float] = {}
    configs = [("local", w) for w in args.workers]
    configs += [("dask", w) for w in args.workers if args.dask]
    baseline = None
    for engine, workers in configs:
        best: tuple[float, BatchResult] | None = None
        for _ in range(args.runs):
            start = time.perf_counter()
            result = run_batch(resumes, jobs, workers=workers, engine=engine)
            wall = time.perf_counter() - start
            if best is None or wall < best[0]:
                best = (wall, result)
        label = f"{engine}, {workers} worker{'s' if workers > 1 else ''}"
        walls[label] = best[0]
        report(label, best[1], best[0])
        if baseline is None:
            baseline = best[1]
        else:
            for name in ("pairs", "skills", "summary"):
                pd.testing.assert_frame_equal(getattr(best[1], name), getattr(baseline, name))
    first, *others = walls.items()
    for label, wall in others:
        print(f"speed-up of {label} over {first[0]}: {first[1] / wall:.2f}x")


if __name__ == "__main__":
    main()
