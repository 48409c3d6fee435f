"""``run_batch``: many resumes against many postings, each document extracted once.

The run has two stages, each cut into chunks that any engine can run: extract every document the
pairs need (chunks of one kind, ``nlp.pipe`` batching), then compare the pairs (chunks grouped so
each ships few profiles). The chunking depends only on the inputs, so results are the same on
every engine and a checkpointed run can be resumed chunk by chunk.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import os
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, TypeVar

import pandas as pd

from skillgap.batch.checkpoint import Checkpoint, Stage, checkpoint_dir
from skillgap.batch.dask_engine import DaskEngine, check_scheduler_address
from skillgap.batch.engine import Engine, InlineEngine, ProcessEngine, start_method
from skillgap.batch.inputs import (
    PairRequest,
    SourceDocument,
    TableSource,
    column_names,
    load_documents,
    load_pairs,
)
from skillgap.batch.outputs import OutputPaths, output_lock, write_outputs
from skillgap.batch.progress import Progress, ProgressArg
from skillgap.batch.tables import PlannedPair, pairs_table, skills_table, summary_table
from skillgap.batch.tasks import (
    ChunkResult,
    CompareTask,
    DocumentItem,
    Extracted,
    ExtractTask,
    PairOutcome,
    TaxonomyRef,
    compare_chunk,
    extract_chunk,
)
from skillgap.extraction.pipeline import get_pipeline
from skillgap.taxonomy import Taxonomy, default_taxonomy

EngineName = Literal["local", "dask"]
T = TypeVar("T")
DOCUMENT_CHUNK_MAX = 64
PAIR_CHUNK_MAX = 1000
TARGET_CHUNKS = 16
PLAN_VERSION = 1


@dataclass(frozen=True)
class BatchStats:
    """How the run went: sizes, stage times and the peak memory of each worker (MB)."""

    documents: int
    pairs: int
    extract_seconds: float
    compare_seconds: float
    resumed_chunks: int
    worker_peak_rss_mb: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class BatchResult:
    """The pairs, skills and summary tables (see ``skillgap.batch.tables``) and run figures."""

    pairs: pd.DataFrame
    skills: pd.DataFrame
    summary: pd.DataFrame
    stats: BatchStats
    outputs: tuple[Path, ...] = ()


def run_batch(
    resumes: TableSource,
    jobs: TableSource,
    pairs: TableSource | None = None,
    *,
    workers: int = 1,
    engine: EngineName = "local",
    scheduler: str | None = None,
    taxonomy: Taxonomy | None = None,
    progress: ProgressArg = False,
    columns: Mapping[str, str] | None = None,
    output: str | Path | None = None,
    restart: bool = False,
) -> BatchResult:
    """Compare every resume with every posting (or the given ``pairs``) and summarise.

    Tables are CSV/Parquet paths or DataFrames with ``id`` and ``text`` or ``path`` columns
    (``columns={"jobs.id": "doc_id"}`` renames). ``progress`` is a bool (tqdm bars) or a
    ``callback(done, total)``. With ``output`` (``.csv`` or ``.parquet``) the three tables are
    written there, and an interrupted run resumes from ``<output>.checkpoint/`` unless
    ``restart``.

    >>> import pandas as pd
    >>> resumes = pd.DataFrame({"id": ["r1"], "text": ["Experience: Python and PyTorch."]})
    >>> jobs = pd.DataFrame({"id": ["j1"], "text": ["Requirements: Python, Docker."]})
    >>> run_batch(resumes, jobs).pairs[["resume_id", "job_id", "missing_required"]].values.tolist()
    [['r1', 'j1', 'docker']]
    """
    if workers < 1:
        raise ValueError("workers must be at least 1")
    if engine not in ("local", "dask"):
        raise ValueError(f"engine must be 'local' or 'dask', not {engine!r}")
    if scheduler and engine != "dask":
        raise ValueError("a scheduler address needs engine='dask'")
    if scheduler:
        check_scheduler_address(scheduler)
    taxonomy = taxonomy or default_taxonomy()
    paths = OutputPaths.beside(output) if output is not None else None
    with contextlib.ExitStack() as stack:
        if paths is not None:
            stack.enter_context(output_lock(paths))  # one run per output at a time
        names = column_names(columns)
        documents = [
            *load_documents(resumes, "resume", names["resumes"]),
            *load_documents(jobs, "job", names["jobs"]),
        ]
        requests = load_pairs(pairs, names["pairs"]) if pairs is not None else None
        planned = plan_pairs(documents, requests)
        run = _Run(documents, planned, TaxonomyRef.of(taxonomy))
        checkpoint = (
            Checkpoint(checkpoint_dir(paths.pairs), run.fingerprint(), restart=restart)
            if paths
            else None
        )
        try:
            extracted, outcomes, stats = run.execute(
                engine, workers, scheduler, progress, checkpoint
            )
        except BaseException:
            if checkpoint is not None:
                checkpoint.remove_if_unused()
            raise
        result = BatchResult(
            pairs=pairs_table(planned, outcomes),
            skills=skills_table(documents, extracted),
            summary=summary_table(documents, extracted, planned, outcomes, taxonomy),
            stats=stats,
        )
        if paths is None:
            return result
        write_outputs(result.pairs, result.skills, result.summary, paths)
        if checkpoint is not None:
            checkpoint.remove()
        return BatchResult(result.pairs, result.skills, result.summary, stats, paths.all)


def plan_pairs(
    documents: Sequence[SourceDocument], requests: Sequence[PairRequest] | None
) -> list[PlannedPair]:
    """Every resume x every posting (resume by resume), or the requested pairs in their order."""
    resumes = [i for i, d in enumerate(documents) if d.kind == "resume"]
    jobs = [i for i, d in enumerate(documents) if d.kind == "job"]
    if requests is None:
        return [PlannedPair(documents[r].id, documents[j].id, r, j) for r in resumes for j in jobs]
    by_id = {(d.kind, d.id): i for i, d in enumerate(documents) if d.id}
    planned = []
    for request in requests:
        resume = by_id.get(("resume", request.resume_id))
        job = by_id.get(("job", request.job_id))
        error = request.error
        if error is None and resume is None:
            error = f"unknown resume id {request.resume_id!r}"
        if error is None and job is None:
            error = f"unknown job id {request.job_id!r}"
        planned.append(PlannedPair(request.resume_id, request.job_id, resume, job, error))
    return planned


def chunk_size(count: int, cap: int) -> int:
    """Items per chunk: about ``TARGET_CHUNKS`` chunks, at most ``cap`` items each."""
    return max(1, min(cap, math.ceil(count / TARGET_CHUNKS)))


def _chunks(items: Sequence, size: int) -> Iterator[Sequence]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class _Run:
    """The plan of one run (its chunks) and their execution on an engine."""

    def __init__(
        self,
        documents: Sequence[SourceDocument],
        planned: Sequence[PlannedPair],
        taxonomy: TaxonomyRef,
    ) -> None:
        self.documents = documents
        self.planned = planned
        self.taxonomy = taxonomy
        referenced = {i for p in planned if p.error is None for i in (p.resume, p.job)}
        self.needed = sorted(
            i for i, d in enumerate(documents) if i in referenced or d.error is not None
        )
        readable = [i for i in self.needed if documents[i].error is None]
        size = chunk_size(len(readable), DOCUMENT_CHUNK_MAX)
        self.extract_chunks = [
            list(chunk)
            for kind in ("resume", "job")
            for chunk in _chunks([i for i in readable if documents[i].kind == kind], size)
        ]

    def fingerprint(self) -> str:
        """A hash of everything the results depend on, to know whether a checkpoint still fits."""
        digest = hashlib.sha256()
        header = {"plan": PLAN_VERSION, "taxonomy": self.taxonomy.fingerprint}
        digest.update(json.dumps(header).encode())
        for index in self.needed:
            d = self.documents[index]
            record = [index, d.kind, d.id, d.text, d.path, _file_stamp(d.path), d.title, d.error]
            digest.update(json.dumps(record).encode("utf-8", "surrogateescape"))
        for pair in self.planned:
            digest.update(json.dumps([pair.resume, pair.job, pair.error]).encode())
        return digest.hexdigest()

    def _extract_task(self, number: int, chunk: Sequence[int]) -> ExtractTask:
        docs = self.documents
        items = tuple(
            DocumentItem(i, docs[i].id, docs[i].text, docs[i].path, docs[i].title) for i in chunk
        )
        return ExtractTask(number, docs[chunk[0]].kind, items, self.taxonomy)

    def _compare_chunks(
        self, extracted: Mapping[int, Extracted]
    ) -> list[list[tuple[int, int, int]]]:
        """Comparable pairs, grouped by the more numerous kind so each chunk ships few profiles."""
        ok = [
            (n, p.resume, p.job)
            for n, p in enumerate(self.planned)
            if p.error is None
            and p.resume is not None
            and p.job is not None
            and extracted[p.resume].profile is not None
            and extracted[p.job].profile is not None
        ]
        by_job = len({j for _, _, j in ok}) >= len({r for _, r, _ in ok})
        ok.sort(key=lambda t: (t[2], t[1], t[0]) if by_job else (t[1], t[2], t[0]))
        return [list(c) for c in _chunks(ok, chunk_size(len(ok), PAIR_CHUNK_MAX))]

    def _failed_pair(self, number: int, extracted: Mapping[int, Extracted]) -> PairOutcome | None:
        """The outcome of a pair that cannot be compared, or None if it can."""
        pair = self.planned[number]
        error = pair.error
        if error is None:
            reasons = [
                f"{self.documents[i].label}: {extracted[i].error}"
                for i in (pair.resume, pair.job)
                if i is not None and extracted[i].profile is None
            ]
            error = "; ".join(reasons) or None
        return None if error is None else PairOutcome(number, None, (), (), None, error)

    def execute(
        self,
        engine_name: EngineName,
        workers: int,
        scheduler: str | None,
        progress_arg: ProgressArg,
        checkpoint: Checkpoint | None,
    ) -> tuple[dict[int, Extracted], dict[int, PairOutcome], BatchStats]:
        extracted = {
            i: Extracted(i, None, self.documents[i].error)
            for i in self.needed
            if self.documents[i].error is not None
        }
        readable = sum(len(c) for c in self.extract_chunks)
        if engine_name == "local" and workers > 1 and start_method() == "fork":
            # forked workers inherit a pipeline built here instead of each building their own
            get_pipeline(self.taxonomy.resolve())
        progress = Progress(progress_arg, readable, len(self.planned))
        runner = _StageRunner(engine_name, workers, scheduler, progress, checkpoint)
        try:
            started = time.perf_counter()
            for result in runner.run(
                "extract", extract_chunk, self.extract_chunks, self._extract_task
            ):
                extracted.update((item.index, item) for item in result.items)
            extract_seconds = time.perf_counter() - started

            started = time.perf_counter()
            failed = (self._failed_pair(n, extracted) for n in range(len(self.planned)))
            outcomes = {outcome.index: outcome for outcome in failed if outcome is not None}

            def compare_task(number: int, chunk: Sequence[tuple[int, int, int]]) -> CompareTask:
                profiles = {
                    i: profile
                    for _, r, j in chunk
                    for i in (r, j)
                    if (profile := extracted[i].profile) is not None
                }
                return CompareTask(number, tuple(chunk), profiles, self.taxonomy)

            chunks = self._compare_chunks(extracted)
            for result in runner.run(
                "compare", compare_chunk, chunks, compare_task, already=len(outcomes)
            ):
                outcomes.update((item.index, item) for item in result.items)
            compare_seconds = time.perf_counter() - started
        finally:
            runner.close()
            progress.close()
        stats = BatchStats(
            documents=len(self.needed),
            pairs=len(self.planned),
            extract_seconds=round(extract_seconds, 3),
            compare_seconds=round(compare_seconds, 3),
            resumed_chunks=runner.resumed,
            worker_peak_rss_mb=dict(sorted(runner.peaks.items())),
        )
        return extracted, outcomes, stats


class _StageRunner:
    """Runs a stage's chunk tasks: skips those a checkpoint holds, saves the others as they
    finish, counts progress, and starts the engine only when there is work for it."""

    def __init__(
        self,
        engine_name: EngineName,
        workers: int,
        scheduler: str | None,
        progress: Progress,
        checkpoint: Checkpoint | None,
    ) -> None:
        self._engine_args = (engine_name, workers, scheduler)
        self._engine: Engine | None = None
        self._progress = progress
        self._checkpoint = checkpoint
        self.resumed = 0
        self.peaks: dict[str, float] = {}

    def run(
        self,
        stage: Stage,
        fn: Callable[[T], ChunkResult],
        chunks: Sequence[Sequence],
        make_task: Callable[[int, Sequence], T],
        *,
        already: int = 0,
    ) -> Iterator[ChunkResult]:
        """Results of every chunk (resumed ones first, then as they finish); ``already`` units
        of the stage are settled without any chunk."""
        held = self._checkpoint.load(stage) if self._checkpoint else {}
        resumed = [held[n] for n in range(len(chunks)) if n in held]
        self.resumed += len(resumed)
        # The engine starts before any progress bar, so workers can fork from a lone thread.
        engine = self._engine_for_work() if len(resumed) < len(chunks) else None
        total = already + sum(len(c) for c in chunks)
        self._progress.stage(stage, total, already + sum(len(chunks[r.chunk]) for r in resumed))
        yield from resumed
        if engine is None:
            return
        todo = (make_task(n, c) for n, c in enumerate(chunks) if n not in held)
        for result in engine.imap_unordered(fn, todo):
            if self._checkpoint:
                self._checkpoint.save(stage, result)
            self.peaks[result.worker] = max(self.peaks.get(result.worker, 0.0), result.peak_rss_mb)
            self._progress.advance(len(result.items))
            yield result

    def _engine_for_work(self) -> Engine:
        if self._engine is None:
            self._engine = make_engine(*self._engine_args)
        return self._engine

    def close(self) -> None:
        if self._engine is not None:
            self._engine.close()


def make_engine(engine: EngineName, workers: int, scheduler: str | None) -> Engine:
    """The engine a run uses: Dask, a local process pool, or this process for one worker."""
    if engine == "dask":
        return DaskEngine(workers, scheduler)
    return InlineEngine() if workers == 1 else ProcessEngine(workers)


def _file_stamp(path: str | None) -> list[int] | None:
    """Size and modification time of a document file, so an edited file is extracted again."""
    if path is None:
        return None
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return [stat.st_size, stat.st_mtime_ns]
