"""Alembic migrations of the workspace schema, run by ``database.open_engine`` at every open."""
