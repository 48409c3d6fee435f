"""The coach workspace: clients, posting sets, saved analyses and progress, in a database.

It is off until ``skillgap workspace init`` writes its config file; nothing is stored before.

>>> from skillgap.workspace import Workspace
>>> ws = Workspace.open("sqlite://", coach="ada")  # any SQLAlchemy URL; migrated on open
>>> ws.add_client("Sam Lee", consent_resume=True).consent_resume
True
"""

from skillgap.workspace.errors import WorkspaceError
from skillgap.workspace.service import (
    ClientInfo,
    ClientSummary,
    Cohort,
    NoteInfo,
    PostingSetInfo,
    SnapshotInfo,
    Workspace,
)

__all__ = [
    "ClientInfo",
    "ClientSummary",
    "Cohort",
    "NoteInfo",
    "PostingSetInfo",
    "SnapshotInfo",
    "Workspace",
    "WorkspaceError",
]
