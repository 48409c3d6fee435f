"""Batch analysis: many resumes against many postings, from a laptop to a Dask cluster.

>>> from skillgap.batch import run_batch
>>> result = run_batch("resumes.csv", "jobs.csv", workers=2, output="results.csv")  # doctest: +SKIP
>>> result.pairs.sort_values("score", ascending=False).head()  # doctest: +SKIP

Modules: ``inputs`` (tables in), ``tasks`` (the work on one chunk), ``engine`` / ``dask_engine``
(where chunks run), ``checkpoint`` (resuming), ``progress``, ``tables`` (results), ``outputs``
(files out) and ``run`` (``run_batch``, tying them together).
"""

from __future__ import annotations

from skillgap.batch.checkpoint import CheckpointError
from skillgap.batch.engine import BatchError
from skillgap.batch.inputs import BatchInputError
from skillgap.batch.outputs import OutputError, OutputPaths
from skillgap.batch.run import BatchResult, BatchStats, run_batch

__all__ = [
    "BatchError",
    "BatchInputError",
    "BatchResult",
    "BatchStats",
    "CheckpointError",
    "OutputError",
    "OutputPaths",
    "run_batch",
]
