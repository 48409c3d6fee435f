"""Batch throughput: 2,000 postings x 10 resumes with 1 and 2 workers (local engine, and Dask).

Usage: python benchmarks/bench_batch.py [--postings ../shared/bench/postings.csv.gz] [--n 2000]
                                        [--workers 1 2] [--dask] [--runs 3]

Every run is end to end from the DataFrames to the three tables. Start-up is included: starting
the pool (and a pipeline per worker) for 2 workers, loading the pipeline in this process for 1 (in
the first run only, since it stays loaded). The best of ``--runs`` interleaved runs is kept, as
the machine may be shared.

docs/s is documents / extraction stage time, pairs/s is pairs / comparison stage time; the
speed-up compares whole-run wall times. Peak memory is each worker process's peak resident set
size (``ru_maxrss``; on Linux, forked workers also count pages shared with this process); with 1
worker it is this benchmark's own process, data included.
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
    parser.add_argument("--runs", type=int, default=3, help="best of this many runs")
    args = parser.parse_args()
    if not args.postings.is_file():
        raise SystemExit(f"{args.postings}: not found (it lives in ../shared/bench)")
    jobs = load_postings(args.postings, args.n)
    resumes = pd.DataFrame({"id": list(RESUMES), "text": list(RESUMES.values())})
    print(f"{len(jobs)} postings x {len(resumes)} resumes = {len(jobs) * len(resumes)} pairs")

    configs = [("local", w) for w in args.workers]
    configs += [("dask", w) for w in args.workers if args.dask]
    best: dict[tuple[str, int], tuple[float, BatchResult]] = {}
    for _ in range(args.runs):  # interleaved, so that every configuration meets the same noise
        for config in configs:
            start = time.perf_counter()
            result = run_batch(resumes, jobs, workers=config[1], engine=config[0])
            wall = time.perf_counter() - start
            if config not in best or wall < best[config][0]:
                best[config] = (wall, result)
    baseline_wall, baseline = best[configs[0]]
    for engine, workers in configs:
        wall, result = best[(engine, workers)]
        report(f"{engine}, {workers} worker{'s' if workers > 1 else ''}", result, wall)
        for name in ("pairs", "skills", "summary"):
            pd.testing.assert_frame_equal(getattr(result, name), getattr(baseline, name))
    for engine, workers in configs[1:]:
        speedup = baseline_wall / best[(engine, workers)][0]
        print(
            f"speed-up of {engine} with {workers} over {configs[0][0]} with {configs[0][1]}: "
            f"{speedup:.2f}x"
        )


if __name__ == "__main__":
    main()
