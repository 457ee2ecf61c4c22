"""Schema migrations (`store.migrations`): a database made by an older release is upgraded in place, nothing lost,
on SQLite and on PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, text

from cybertrack.store import Database, migrations
from cybertrack.store.database import database_url
from tests.conftest import BACKENDS, SEEDS, Cli, fresh_database, require_shared


def _indexes(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        return {index["name"] for index in inspect(engine).get_indexes("claims")}
    finally:
        engine.dispose()


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_database_from_the_release_before_migrations_is_upgraded_in_place_with_nothing_lost(
        backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    require_shared()
    db = fresh_database(request, backend, tmp_path, "migrations_before")
    cli = Cli(db, tmp_path)
    assert cli("ingest", str(SEEDS), "-q").exit_code == 0
    before = cli.export()
    url = database_url(db)
    engine = create_engine(url)
    with engine.begin() as connection:  # as the release before migrations left it: no version, no stance index
        connection.execute(text("DROP TABLE alembic_version"))
        connection.execute(text("DROP INDEX ix_claims_stance"))
    engine.dispose()
    assert "ix_claims_stance" not in _indexes(url)
    upgraded = Database(db)  # opening it upgrades it
    with upgraded.reading() as connection:
        assert migrations.revision_of(connection) == migrations.HEAD
    assert "ix_claims_stance" in _indexes(upgraded.url)
    assert cli.export() == before


def test_a_new_database_is_made_at_the_head_revision(tmp_path: Path) -> None:
    database = Database(str(tmp_path / "new.db"))
    with database.reading() as connection:
        assert migrations.revision_of(connection) == migrations.HEAD
        # recorded as Alembic records it: Alembic reads the same revision
        assert MigrationContext.configure(connection).get_current_revision() == migrations.HEAD
    assert "ix_claims_stance" in _indexes(database.url)


def test_head_is_the_last_migration_in_the_versions_folder() -> None:
    assert ScriptDirectory(str(migrations.SCRIPTS)).get_current_head() == migrations.HEAD
