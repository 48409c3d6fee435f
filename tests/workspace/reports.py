"""Small postings and two resumes of one client, before and after learning Docker and SQL."""

from __future__ import annotations

POSTINGS = [
    ("ml.txt", "ML Engineer\nRequirements: Python, PyTorch, Docker, Kubernetes and SQL."),
    ("ds.txt", "Data Scientist\nMust have: SQL, pandas and statistics. Spark is a plus."),
]
OTHER_POSTINGS = [("web.txt", "Backend Engineer\nRequirements: Java, Kafka and PostgreSQL.")]
# A marker that appears nowhere else, to look for in the database file after deletion.
RESUME_MARKER = "Zyxwvutsrqp"
RESUME_BEFORE = f"{RESUME_MARKER} Experience\nBuilt models in Python and PyTorch."
RESUME_AFTER = (
    f"{RESUME_MARKER} Experience\nBuilt models in Python and PyTorch, shipped with Docker; SQL."
)
