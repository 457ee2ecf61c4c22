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
from cybertrack.store.search import documents_matching
from cybertrack.web.queries import IncidentFilter, facet_counts, find_incidents
from tests.conftest import BACKENDS, SEEDS, Cli, fresh_database, require_shared

_READ_SIDE = ("DROP TABLE incident_facets", "DROP TABLE incident_search", "DROP TABLE actor_victim_edges",
              "DROP INDEX ix_incidents_reports", "DROP INDEX ix_incidents_sort_title",
              "ALTER TABLE incidents DROP COLUMN reports", "ALTER TABLE incidents DROP COLUMN sort_title")
_BEFORE_MIGRATIONS = {
    "sqlite": ("DROP TABLE alembic_version", "DROP INDEX ix_claims_stance", "DROP TRIGGER document_fts_insert",
               "DROP TRIGGER document_fts_delete", "DROP TRIGGER document_fts_update", "DROP TABLE document_fts",
               "DROP TABLE incident_fts", *_READ_SIDE),
    "postgresql": ("DROP TABLE alembic_version", "DROP INDEX ix_claims_stance", "DROP INDEX ix_documents_words",
                   *_READ_SIDE),
}


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
    with engine.begin() as connection:  # as the release before migrations left it: no version, no stance index,
        for statement in _BEFORE_MIGRATIONS[engine.dialect.name]:  # no read side
            connection.execute(text(statement))
    engine.dispose()
    assert "ix_claims_stance" not in _indexes(url)
    upgraded = Database(db)  # opening it upgrades it
    with upgraded.reading() as connection:
        assert migrations.revision_of(connection) == migrations.HEAD
        # the read side is made from the stored incidents: the list, its facets and search answer as on a new one
        listed = find_incidents(connection, IncidentFilter())
        assert listed.total == len(before["incidents"]) and listed.items
        assert facet_counts(connection)["country"]
        title_word = max(before["incidents"][0]["title"].split(), key=len)
        assert find_incidents(connection, IncidentFilter(q=title_word)).total >= 1
        document = next(d for d in before["documents"] if d["title"])
        assert document["id"] in documents_matching(connection, max(document["title"].split(), key=len), 100)
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
