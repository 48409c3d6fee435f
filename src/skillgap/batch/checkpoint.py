"""Resume an interrupted batch run: finished chunks are kept in a folder beside the output.

For ``-o results.csv`` the folder is ``results.csv.checkpoint/``. It holds ``manifest.json`` (a
fingerprint of the inputs, the taxonomy and the chunking) and one JSON file per finished chunk,
each written atomically. Running the same command again reloads those chunks and does only the
rest; if anything changed, the fingerprint differs and the run starts over. The folder is removed
once the outputs are written. Only extracted skills and scores are stored, never document text.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Literal

from skillgap.batch.tasks import ChunkResult, Extracted, PairOutcome
from skillgap.models import DocumentProfile, Mention, NegatedSkill, SkillHit
from skillgap.tables import write_atomic

Stage = Literal["extract", "compare"]
FORMAT_VERSION = 1
_MANIFEST = "manifest.json"


class CheckpointError(ValueError):
    """A checkpoint folder that cannot be used, with a one-line message."""


def checkpoint_dir(output: Path) -> Path:
    """The checkpoint folder beside ``output``."""
    return output.with_name(output.name + ".checkpoint")


class Checkpoint:
    """The finished chunks of one run, stored in ``directory``."""

    def __init__(self, directory: Path, fingerprint: str, *, restart: bool = False) -> None:
        self.directory = directory
        self.fingerprint = fingerprint
        if directory.exists() and not self._is_ours():
            raise CheckpointError(
                f"{directory}: exists but is not a skillgap checkpoint; move it away"
            )
        if directory.exists() and (restart or self._stored_fingerprint() != fingerprint):
            self._clear()
        directory.mkdir(exist_ok=True)
        manifest = {"version": FORMAT_VERSION, "fingerprint": fingerprint}
        write_atomic(
            directory / _MANIFEST, lambda temp: temp.write_text(json.dumps(manifest), "utf-8")
        )

    def _is_ours(self) -> bool:
        return self.directory.is_dir() and (
            (self.directory / _MANIFEST).is_file() or not any(self.directory.iterdir())
        )

    def _stored_fingerprint(self) -> str | None:
        try:
            manifest = json.loads((self.directory / _MANIFEST).read_text("utf-8"))
        except (OSError, ValueError):
            return None
        if manifest.get("version") != FORMAT_VERSION:
            return None
        return manifest.get("fingerprint")

    def _chunk_files(self) -> Iterator[Path]:
        yield from self.directory.glob("extract-*.json")
        yield from self.directory.glob("compare-*.json")

    def _clear(self) -> None:
        for path in self._chunk_files():
            path.unlink()

    def load(self, stage: Stage) -> dict[int, ChunkResult]:
        """The chunks of ``stage`` finished by earlier runs, by chunk number."""
        done = {}
        for path in sorted(self.directory.glob(f"{stage}-*.json")):
            try:
                raw = json.loads(path.read_text("utf-8"))
                items = tuple(_decode_item(stage, item) for item in raw["items"])
                done[raw["chunk"]] = ChunkResult(raw["chunk"], items, raw["worker"], 0.0)
            except (OSError, ValueError, KeyError, TypeError):
                continue  # unreadable: the chunk is simply done again
        return done

    def save(self, stage: Stage, result: ChunkResult) -> None:
        """Store a finished chunk."""
        payload = {
            "chunk": result.chunk,
            "worker": result.worker,
            "items": [_encode_item(item) for item in result.items],
        }
        path = self.directory / f"{stage}-{result.chunk:06d}.json"
        write_atomic(path, lambda temp: temp.write_text(json.dumps(payload), "utf-8"))

    def remove_if_unused(self) -> None:
        """Delete the checkpoint if no chunk was saved in it (the run failed before any work)."""
        if not any(self._chunk_files()):
            self.remove()

    def remove(self) -> None:
        """Delete the checkpoint once the outputs are safely written."""
        self._clear()
        (self.directory / _MANIFEST).unlink(missing_ok=True)
        with contextlib.suppress(OSError):  # the user put something else in it: leave it
            self.directory.rmdir()


def _encode_item(item: Extracted | PairOutcome) -> dict[str, Any]:
    if isinstance(item, PairOutcome):
        return {
            "index": item.index,
            "score": item.score,
            "missing_required": list(item.missing_required),
            "missing_preferred": list(item.missing_preferred),
            "suggested_months": item.suggested_months,
            "error": item.error,
        }
    return {
        "index": item.index,
        "profile": item.profile.to_dict() if item.profile else None,
        "error": item.error,
    }


def _decode_item(stage: Stage, raw: dict[str, Any]) -> Extracted | PairOutcome:
    if stage == "compare":
        return PairOutcome(
            raw["index"],
            raw["score"],
            tuple(raw["missing_required"]),
            tuple(raw["missing_preferred"]),
            raw["suggested_months"],
            raw["error"],
        )
    profile = raw["profile"]
    return Extracted(raw["index"], profile_from_dict(profile) if profile else None, raw["error"])


def _mentions(raw: Iterable[dict[str, Any]]) -> tuple[Mention, ...]:
    return tuple(Mention(**m) for m in raw)


def profile_from_dict(raw: dict[str, Any]) -> DocumentProfile:
    """The inverse of ``DocumentProfile.to_dict()`` (without the text)."""
    skills = tuple(
        SkillHit(
            id=s["id"],
            name=s["name"],
            phase=s["phase"],
            kind=s["kind"],
            level=s["level"],
            years=s["years"],
            mentions=_mentions(s["mentions"]),
        )
        for s in raw["skills"]
    )
    negated = tuple(
        NegatedSkill(id=n["id"], name=n["name"], mentions=_mentions(n["mentions"]))
        for n in raw["negated"]
    )
    return DocumentProfile(
        source=raw["source"],
        kind=raw["kind"],
        text=raw.get("text", ""),
        skills=skills,
        negated=negated,
        title=raw["title"],
        warnings=tuple(raw["warnings"]),
    )
