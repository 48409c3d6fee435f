"""Batch outputs: the pairs table OUT and, beside it, OUT's skills and summary tables.

``results.csv`` gives ``results.csv``, ``results.skills.csv`` and ``results.summary.csv``; the same
with ``.parquet``. Each table is written to a temporary file in the same folder, and the three are
moved into place only once all are written: a reader never sees half a table. While a run works
on an output it holds ``OUT.lock`` (an operating-system lock, so it goes with its process however
that ends; the file names the PID): a second run on the same output is refused until the first
ends, and the run that takes the lock removes the temporary files a killed run left beside the
outputs. The three tables change together: the moves are listed in a commit journal
(``.OUT.commit``) first, and a run killed between them is completed by the next run on the output,
before anything else (while ``.OUT.commit`` exists, the set is not yet whole). In CSV, text cells a
spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return) get a leading ``'``.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import pandas as pd

from skillgap.tables import neutralize, temporary_beside, write_atomic

FORMATS = (".csv", ".parquet")


class OutputError(ValueError):
    """An output path that cannot be used or written, with a one-line message."""


@dataclass(frozen=True)
class OutputPaths:
    pairs: Path
    skills: Path
    summary: Path

    @classmethod
    def beside(cls, out: str | Path) -> OutputPaths:
        """The three files for ``out``, checked before any work starts.

        >>> OutputPaths.beside("results.csv").skills.as_posix()
        'results.skills.csv'
        """
        path = Path(out)
        suffix = path.suffix.lower()
        if suffix not in FORMATS:
            raise OutputError(f"{out}: the output must end in .csv or .parquet")
        if path.is_dir():
            raise OutputError(f"{out}: is a folder; give a file name")
        parent = path.parent
        if not parent.is_dir():
            raise OutputError(f"{out}: the folder {parent} does not exist")
        stem = path.name[: -len(path.suffix)]
        return cls(path, parent / f"{stem}.skills{suffix}", parent / f"{stem}.summary{suffix}")

    @property
    def all(self) -> tuple[Path, Path, Path]:
        return self.pairs, self.skills, self.summary


@contextlib.contextmanager
def output_lock(paths: OutputPaths) -> Iterator[None]:
    """Hold ``OUT.lock`` for the run, or raise ``OutputError`` naming the run that holds it.

    The lock is the operating system's (``flock``; on Windows a locked byte), so it goes with
    its process however that ends: a killed run's lock is free at once, and its leftovers are
    removed by the next run."""
    lock = paths.pairs.with_name(paths.pairs.name + ".lock")
    handle = _locked(lock, paths)
    try:
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()).encode())
        handle.flush()
        finish_commit(paths)  # a killed run's tables become visible together
        _remove_leftovers(paths)
        yield
    finally:
        with contextlib.suppress(OSError):
            os.unlink(lock)
        handle.close()  # after the unlink: a run waiting on this file then sees it is gone


def _locked(lock: Path, paths: OutputPaths) -> BinaryIO:
    """``lock`` opened and locked by this process (a file a finished run unlinked is retried)."""
    while True:
        try:
            handle = open(lock, "a+b")  # noqa: SIM115 (held for the run, closed by the caller)
        except OSError as exc:
            raise OutputError(
                f"{paths.pairs.parent}: cannot write here ({exc.strerror or exc})"
            ) from None
        if not _try_lock(handle):
            holder = _holder(lock)
            handle.close()
            who = f" (PID {holder})" if holder else ""
            raise OutputError(
                f"{paths.pairs}: another skillgap batch{who} is writing this output; "
                "wait for it to finish or choose another output"
            )
        try:
            same = os.path.samestat(os.fstat(handle.fileno()), os.stat(lock))
        except OSError:
            same = False
        if same:
            return handle
        handle.close()  # locked a file its run had just removed: take the new one


def _try_lock(handle: BinaryIO) -> bool:
    """Lock ``handle``'s file without waiting; False when another process holds it."""
    try:
        if sys.platform == "win32":
            import msvcrt

            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _holder(lock: Path) -> int | None:
    """The PID the holder of ``lock`` wrote in it, if readable."""
    try:
        return int(lock.read_text().strip() or 0) or None
    except (OSError, ValueError):
        return None


def _remove_leftovers(paths: OutputPaths) -> None:
    """Delete the hidden temporary files a killed run left beside the outputs."""
    for path in paths.all:
        for temp in path.parent.glob(f".{path.name}.*.tmp"):
            with contextlib.suppress(OSError):
                temp.unlink()


def write_table(frame: pd.DataFrame, path: Path) -> None:
    """Write one table as CSV (neutralised, UTF-8) or Parquet, by ``path``'s extension."""
    write_atomic(path, lambda temp: _write_frame(frame, temp, path.suffix.lower()))


def _write_frame(frame: pd.DataFrame, target: Path, suffix: str) -> None:
    if suffix == ".parquet":
        frame.to_parquet(target, index=False, engine="pyarrow")
        return
    safe = frame.copy()
    for column in safe.columns:
        if not pd.api.types.is_numeric_dtype(safe[column]):
            safe[column] = safe[column].map(neutralize)
    safe.to_csv(target, index=False, encoding="utf-8")


def write_outputs(
    pairs: pd.DataFrame, skills: pd.DataFrame, summary: pd.DataFrame, paths: OutputPaths
) -> None:
    """Write the three tables, all or none: each to a temporary file; then a commit journal
    naming them is written, the files are moved into place (the pairs table last) and the
    journal removed. A run killed between the moves leaves the journal, and the next run on the
    output completes the moves first (``finish_commit``)."""
    staged: list[tuple[Path, Path]] = []
    journal = _journal(paths)
    try:
        for frame, path in ((skills, paths.skills), (summary, paths.summary), (pairs, paths.pairs)):
            staged.append((temporary_beside(path), path))
            _write_frame(frame, staged[-1][0], path.suffix.lower())
        names = [[temp.name, path.name] for temp, path in staged]
        write_atomic(journal, lambda temp: temp.write_text(json.dumps(names), "utf-8"))
        finish_commit(paths)
    except (OSError, ValueError) as exc:  # a full disk, a text no file format can hold
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else _first_line(exc)
        raise OutputError(f"{paths.pairs.parent}: cannot write the outputs ({reason})") from None
    finally:
        if not journal.exists():  # else the commit is under way: the next run completes it
            for temp, _ in staged:
                with contextlib.suppress(OSError):  # already moved into place
                    os.unlink(temp)


def _journal(paths: OutputPaths) -> Path:
    return paths.pairs.with_name(f".{paths.pairs.name}.commit")


def finish_commit(paths: OutputPaths) -> None:
    """Complete the moves an interrupted ``write_outputs`` left (if any), then drop its journal."""
    journal = _journal(paths)
    try:
        names = json.loads(journal.read_text("utf-8"))
    except FileNotFoundError:
        return
    except (OSError, ValueError):
        names = []  # unreadable: written atomically, so never half a journal; nothing to do
    folder = paths.pairs.parent
    finals = {path.name for path in paths.all}
    for temp, final in names:
        if final in finals and Path(temp).name == temp and (folder / temp).exists():
            os.replace(folder / temp, folder / final)
    journal.unlink(missing_ok=True)


def _first_line(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
