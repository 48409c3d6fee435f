"""The Alembic migrations: an empty database comes up to the schema the models describe."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from skillgap.workspace.database import _alembic_config, make_engine, open_engine
from skillgap.workspace.models import Base


def test_an_empty_database_is_migrated_to_the_models(db_url) -> None:
    engine = make_engine(db_url)
    assert inspect(engine).get_table_names() == []
    engine.dispose()
    engine = open_engine(db_url)
    tables = set(inspect(engine).get_table_names())
    assert set(Base.metadata.tables) | {"alembic_version"} == tables
    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    with engine.connect() as connection:
        context = MigrationContext.configure(connection)
        assert context.get_current_revision() == head
        # The migrations create exactly what the models declare: no drift either way.
        assert compare_metadata(context, Base.metadata) == []
    engine.dispose()


def test_opening_again_keeps_the_data_and_downgrade_undoes_it(db_url) -> None:
    from skillgap.workspace import Workspace

    Workspace.open(db_url, "ada").add_client("Sam Lee")
    again = Workspace.open(db_url, "ada")
    assert [row.client.display_name for row in again.clients()] == ["Sam Lee"]
    config = _alembic_config()
    with again.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
    assert inspect(again.engine).get_table_names() == ["alembic_version"]
    again.engine.dispose()
