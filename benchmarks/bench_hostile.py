"""Hostile inputs through every entry point: time, peak memory and outcome of each run.

Every input class of the reliability trial is generated here (crafted PDFs, a Flate bomb, a DOCX
bomb, hostile HTML and text shapes, a gzip CSV bomb, a named pipe, hostile taxonomy overlays) and
run through the CLI (``python -m skillgap ...``), the library (a Python child calling
``read_document`` + ``analyze``, ``run_batch`` or ``load_taxonomy`` in-process) and, for a subset,
the dashboard (Streamlit's AppTest uploading the file as the resume; an HTML file as ``cv.txt``,
as the uploader takes PDF, DOCX, TXT and MD, and the type is told from the content). Each run is
a child process: its wall time, its peak resident memory (``ru_maxrss`` of the child and the
reader processes it reaped, from ``wait4``) and its outcome (``ok``, or the one-line error it
printed) are printed; a traceback or a run past ``--hang`` seconds is flagged. Floors: every run
under 30 s and 1 GB, no traceback, no hang. The first case, a normal resume, shows what start-up
alone costs (loading the pipeline; more on a loaded machine); for the dashboard, "input s" is the
time from the upload to the result, after the app has started.

Usage: nice python benchmarks/bench_hostile.py [--only NAME,...] [--modes cli,library,dashboard]
"""

from __future__ import annotations

import argparse
import gzip
import io
import os
import random
import re
import signal
import string
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from tests.documents.hostile import (  # noqa: E402  (the test builders are the one home)
    flate_bomb_pdf,
    lying_docx,
    many_operations_pdf,
    scattered_words_pdf,
    slow_pdf,
)

MB = 1024 * 1024
FLOOR_S = 30.0
FLOOR_MB = 1024.0
GOOD_JOB = "Requirements: Python, SQL and Docker.\n"
GOOD_RESUME = "Experience\nBuilt services in Python and SQL.\n"


@dataclass(frozen=True)
class Case:
    """One hostile input: ``make(folder)`` writes it and returns the path to hand over; ``entry``
    says which command reads it (a document, a batch table or a taxonomy overlay)."""

    name: str
    entry: str  # "document", "table", "row" or "overlay"
    make: Callable[[Path], Path]
    dashboard: bool = False


def _written(name: str, data: bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path

    return make


def _lazy(name: str, build: Callable[[], bytes]) -> Callable[[Path], Path]:
    return lambda folder: _written(name, build())(folder)


def _words(count: int, seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    letters = string.ascii_lowercase
    return ["".join(rng.choices(letters, k=rng.randint(2, 9))) for _ in range(count)]


def _one_line(size: int) -> bytes:
    return " ".join(_words(size // 5)).encode()[:size]


def _many_words(count: int) -> bytes:
    words = _words(count, seed=2)
    return "\n".join(" ".join(words[i : i + 12]) for i in range(0, count, 12)).encode()


def _unclosed_garbage(size: int) -> bytes:
    rng = random.Random(3)
    pieces = ["<div", "<p ", "<a href='", "<b>", "</", "<<", "&amp", "<!--", "<td", "Python", "x="]
    out: list[str] = ["<html><body>"]
    length = 0
    while length < size:
        piece = rng.choice(pieces) + " ".join(_words(2, seed=rng.randrange(50)))
        out.append(piece)
        length += len(piece)
    return "".join(out).encode()


def _docx_bomb() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("Python and SQL")
    buffer = io.BytesIO()
    document.save(buffer)
    return lying_docx(buffer.getvalue(), 300 * MB)


def _gzip_bomb(folder: Path) -> Path:
    path = folder / "resumes.csv.gz"
    line = b"r," + b"a" * (MB - 3) + b"\n"
    with gzip.open(path, "wb", compresslevel=6) as stream:
        stream.write(b"id,text\n")
        for _ in range(3 * 1024):  # 3 GB of text
            stream.write(line)
    return path


def _fifo(folder: Path) -> Path:
    path = folder / "cv.pdf"
    os.mkfifo(path)
    return path


def _fifo_row(folder: Path) -> Path:
    fifo = _fifo(folder)
    table = folder / "resumes.csv"
    table.write_text(f"id,path,text\nfifo,{fifo},\ngood,,{GOOD_RESUME.strip()}\n")
    return table


def _overlay(body: str) -> Callable[[Path], Path]:
    head = "skills:\n  - id: flax-nn\n    name: Flax\n    phase: deep-learning\n"
    head += "    category: frameworks\n    kind: hard\n    description: Flax.\n"
    return _written("overlay.yaml", (head + body).encode())


def _nested_overlay(folder: Path) -> Path:
    return _written("overlay.yaml", b"skills: " + b"[" * 20_000 + b"]" * 20_000 + b"\n")(folder)


CASES = [
    Case("baseline: a normal resume", "document", _written("cv.txt", GOOD_RESUME.encode()),
         dashboard=True),
    Case("pdf: 1M text-show operations", "document",
         _lazy("cv.pdf", lambda: many_operations_pdf(1_000_000)), dashboard=True),
    Case("pdf: 200k scattered words", "document",
         _lazy("cv.pdf", lambda: scattered_words_pdf(200_000))),
    Case("pdf: 40 pages x 90k scattered words", "document", _lazy("cv.pdf", slow_pdf),
         dashboard=True),
    Case("pdf: flate bomb (2 GB)", "document",
         _lazy("cv.pdf", lambda: flate_bomb_pdf(2048 * MB)), dashboard=True),
    Case("docx: part inflating to 300 MB", "document", _lazy("cv.docx", _docx_bomb),
         dashboard=True),
    Case("html: 500k list items", "document",
         _lazy("cv.html", lambda: b"<html><ul>" + b"<li>Python</li>" * 500_000 + b"</ul></html>"),
         dashboard=True),
    Case("html: unclosed garbage (5 MB)", "document",
         _lazy("cv.html", lambda: _unclosed_garbage(5 * 1000 * 1000))),
    Case("html: unclosed garbage (1 MB)", "document",
         _lazy("cv.html", lambda: _unclosed_garbage(1000 * 1000))),
    Case("text: 10 MB on one line", "document", _lazy("cv.txt", lambda: _one_line(10_000_000)),
         dashboard=True),
    Case("text: 800k random words", "document", _lazy("cv.txt", lambda: _many_words(800_000))),
    Case("text: 50 KB run of '<'", "document",
         _lazy("cv.txt", lambda: b"Skills: Python " + b"<" * 50_000 + b" SQL\n"), dashboard=True),
    Case("path: a named pipe", "document", _fifo),
    Case("table: gzip CSV bomb (3 GB)", "table", _gzip_bomb),
    Case("table: a named-pipe row", "table", _fifo_row),
    Case("overlay: nested 20,000 deep", "overlay", _nested_overlay),
    Case("overlay: 5,001-digit hours", "overlay", _overlay("    hours: " + "9" * 5001 + "\n")),
    Case("overlay: hours .nan", "overlay", _overlay("    hours: .nan\n")),
    Case("overlay: hours .inf", "overlay", _overlay("    hours: .inf\n")),
]  # fmt: skip

_LIBRARY = {
    "document": """
from skillgap import analyze, read_document, DocumentError
try:
    resume = read_document(sys.argv[1])
except DocumentError as exc:
    print(f"error: {exc}", file=sys.stderr); sys.exit(2)
analyze(resume, [read_document(sys.argv[2])])
""",
    "table": """
import pandas as pd
from skillgap.batch import run_batch, BatchInputError
try:
    result = run_batch(sys.argv[1], pd.read_csv(sys.argv[2]))
except BatchInputError as exc:
    print(f"error: {exc}", file=sys.stderr); sys.exit(2)
errors = [e for e in result.pairs.error if isinstance(e, str)]
if errors:
    print(f"row error: {errors[0]}", file=sys.stderr)
""",
    "overlay": """
from skillgap.taxonomy import load_taxonomy, TaxonomyError
try:
    load_taxonomy(sys.argv[1])
except TaxonomyError as exc:
    print(f"error: {exc}", file=sys.stderr); sys.exit(2)
""",
}

_DASHBOARD = """
import time
from pathlib import Path
from streamlit.testing.v1 import AppTest
at = AppTest.from_file(sys.argv[3], default_timeout=120)
at.run()
started = time.perf_counter()
at.text_area(key="jobs_text").set_value(Path(sys.argv[2]).read_text()).run()
source = Path(sys.argv[1])
name = source.name if source.suffix in (".pdf", ".docx", ".txt", ".md") else "cv.txt"
at.get("file_uploader")[0].upload(name, source.read_bytes()).run()
at.button(key="analyze").click().run()
print(f"input_s={time.perf_counter() - started:.1f}", file=sys.stderr)
if at.exception:
    print("Traceback (in the page): " + at.exception[0].value, file=sys.stderr); sys.exit(1)
shown = [e.value for e in at.error]
if shown:
    print("error: " + shown[0].replace(chr(10), " "), file=sys.stderr); sys.exit(2)
"""


def _command(case: Case, mode: str, target: Path, folder: Path) -> list[str] | None:
    python = [sys.executable]
    job = folder / "job.txt"
    resume = folder / "resume.txt"
    if mode == "cli":
        cli = [*python, "-m", "skillgap"]
        if case.entry == "document":
            return [*cli, "analyze", "--resume", str(target), "--job", str(job)]
        if case.entry == "table":
            out = folder / "out.csv"
            return [*cli, "batch", "--resumes", str(target), "--jobs", str(folder / "jobs.csv"),
                    "-o", str(out)]  # fmt: skip
        return [*cli, "analyze", "--resume", str(resume), "--job", str(job),
                "--taxonomy", str(target)]  # fmt: skip
    if mode == "library":
        other = folder / "jobs.csv" if case.entry == "table" else job
        return [*python, "-c", "import sys\n" + _LIBRARY[case.entry], str(target), str(other)]
    if mode == "dashboard" and case.dashboard:
        return [*python, "-c", "import sys\n" + _DASHBOARD, str(target), str(job),
                str(REPO / "app.py")]  # fmt: skip
    return None


@dataclass
class Outcome:
    seconds: float
    input_seconds: float | None  # the dashboard's time from upload to result (after start-up)
    peak_mb: float
    outcome: str
    traceback: bool
    hang: bool


def _run(command: list[str], hang_s: float) -> Outcome:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO / "src"), str(REPO)])}
    started = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        child = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=err, env=env, start_new_session=True
        )
        hang = False
        deadline = started + hang_s
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                hang = True
                os.killpg(child.pid, signal.SIGKILL)
                pid, status, usage = os.wait4(child.pid, 0)
                break
            time.sleep(0.05)
        child.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - started
        err.seek(0)
        text = err.read().decode("utf-8", "replace")
    timed = re.findall(r"^input_s=(\S+)$", text, re.MULTILINE)
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("input_s=")]
    message = lines[-1].strip() if lines else ""
    if hang:
        outcome = f"HANG (killed after {hang_s:g} s)"
    elif child.returncode == 0:
        outcome = "ok" + (f" ({message})" if message else "")
    else:
        outcome = message or f"exit {child.returncode}"
    input_seconds = float(timed[0]) if timed else None
    peak_mb = usage.ru_maxrss / 1024
    return Outcome(seconds, input_seconds, peak_mb, outcome, "Traceback" in text, hang)


def _prepare(folder: Path) -> None:
    (folder / "job.txt").write_text(GOOD_JOB)
    (folder / "resume.txt").write_text(GOOD_RESUME)
    (folder / "jobs.csv").write_text(f"id,text\nj1,{GOOD_JOB.strip()}\n")


def _make(index: int, folder: Path) -> Path:
    """Build case ``index`` in a child process, so this one stays small: a child's peak memory
    (``ru_maxrss``) starts from its parent's at the fork."""
    made = subprocess.run(
        [sys.executable, __file__, "--make", str(index), str(folder)],
        check=True,
        capture_output=True,
        text=True,
    )
    return Path(made.stdout.strip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--make", nargs=2, metavar=("CASE", "FOLDER"), help=argparse.SUPPRESS)
    parser.add_argument("--only", help="comma-separated case name prefixes")
    parser.add_argument("--modes", default="cli,library,dashboard")
    parser.add_argument("--hang", type=float, default=90.0, help="seconds before a run is a hang")
    args = parser.parse_args()
    if args.make:
        print(CASES[int(args.make[0])].make(Path(args.make[1])))
        return
    modes = args.modes.split(",")
    prefixes = args.only.split(",") if args.only else None
    cases = [c for c in CASES if prefixes is None or c.name.startswith(tuple(prefixes))]
    failures = 0
    print(f"{'input':34} {'entry':9} {'s':>6} {'input s':>7} {'peak MB':>8}  outcome")
    for case in cases:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            _prepare(folder)
            target = _make(CASES.index(case), folder)
            runs = [(m, c) for m in modes if (c := _command(case, m, target, folder)) is not None]
            results = [(mode, _run(command, args.hang)) for mode, command in runs]
        for mode, result in results:
            flags = []
            if result.traceback:
                flags.append("TRACEBACK")
            cost = result.seconds if result.input_seconds is None else result.input_seconds
            if cost > FLOOR_S:
                flags.append("SLOW")
            if result.peak_mb > FLOOR_MB:
                flags.append("MEMORY")
            failures += bool(flags or result.hang)
            line = result.outcome if len(result.outcome) <= 110 else result.outcome[:107] + "..."
            mark = f" [{', '.join(flags)}]" if flags else ""
            timed = "-" if result.input_seconds is None else f"{result.input_seconds:.1f}"
            print(
                f"{case.name[:34]:34} {mode:9} {result.seconds:6.1f} {timed:>7} "
                f"{result.peak_mb:8.0f}  {line}{mark}",
                flush=True,
            )
    print(f"\nruns over a floor (30 s, 1 GB, traceback, hang): {failures}")


if __name__ == "__main__":
    main()
