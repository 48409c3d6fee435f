"""Progress of a batch run: a tqdm bar per stage, a caller's callback, or nothing.

``progress`` is ``False`` (quiet), ``True`` (tqdm bars on stderr with rate and ETA) or a callable
``callback(done, total)`` called as work finishes, counting documents and pairs together (what a
dashboard's progress bar needs).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

ProgressCallback = Callable[[int, int], Any]
ProgressArg = bool | ProgressCallback


class Progress:
    """Counts finished documents (stage "extract") and pairs (stage "compare")."""

    def __init__(self, progress: ProgressArg, documents: int, pairs: int) -> None:
        self._callback = progress if callable(progress) else None
        self._bars = progress is True
        self._total = documents + pairs
        self._done = 0
        self._bar: Any = None

    def stage(self, name: str, total: int, done: int = 0) -> None:
        """Start a stage of ``total`` units, ``done`` of them already finished earlier."""
        self._close_bar()
        if self._bars:
            from tqdm import tqdm

            unit = "doc" if name == "extract" else "pair"
            self._bar = tqdm(total=total, initial=done, desc=name, unit=unit)
        self._done += done
        self._notify()

    def advance(self, units: int) -> None:
        if self._bar is not None:
            self._bar.update(units)
        self._done += units
        self._notify()

    def _notify(self) -> None:
        if self._callback is not None:
            self._callback(min(self._done, self._total), self._total)

    def _close_bar(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def close(self) -> None:
        self._close_bar()
