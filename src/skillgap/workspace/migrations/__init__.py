"""Alembic migrations of the workspace schema, run by ``skillgap.workspace.database.open_engine``."""
