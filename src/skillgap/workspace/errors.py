"""The one error type of the workspace: its message is one line for the user."""


class WorkspaceError(Exception):
    """A workspace problem (unknown client, unreachable database...) to show in one line."""
