"""The coach workspace: clients, posting sets, saved analyses and progress, in a database.

It is off until ``skillgap workspace init`` writes its config file; nothing is stored before.

>>> from skillgap.workspace import Workspace
>>> ws = Workspace.open("sqlite://", coach="ada")  # any SQLAlchemy URL; migrated on open
>>> ws.add_client("Sam Lee", consent_resume=True).consent_resume
True

Names are imported on first use, so ``skillgap.workspace.stamp`` loads without the database.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS = {
    "WorkspaceError": "skillgap.workspace.errors",
    **{
        name: "skillgap.workspace.service"
        for name in (
            "ClientInfo",
            "ClientSummary",
            "Cohort",
            "NoteInfo",
            "PostingSetInfo",
            "SnapshotInfo",
            "Workspace",
        )
    },
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    """Import a public name on first use."""
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'skillgap.workspace' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value
