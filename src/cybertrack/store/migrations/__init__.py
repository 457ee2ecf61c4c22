"""The schema's history, as Alembic migrations: a database made by an older release is upgraded in place.

Opening a database (`store.Database`) brings it to ``HEAD`` under the write lock, so processes starting together
take turns:
- an empty database gets today's tables at once and is stamped ``HEAD``;
- one made before migrations existed (no ``alembic_version`` table) first gains the optional columns it lacks, as
  such databases always did, is stamped ``0001`` (the schema of the last release without migrations), then upgraded;
- any other is upgraded from the revision it records.
Alembic is imported only to run migrations: opening an up-to-date database, or making a new one, never loads it.
A schema change is a new file in ``versions/`` (``alembic revision`` with this folder as its script location) and a
new ``HEAD``; a test checks that ``HEAD`` is the folder's head.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import (
    Column,
    Connection,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    delete,
    insert,
    inspect,
    text,
)

if TYPE_CHECKING:  # Alembic is imported only when a database needs a migration
    from alembic.config import Config

HEAD = "0003"
BASELINE = "0001"  # the schema of the releases before migrations
SCRIPTS = Path(__file__).resolve().parent
VERSION_TABLE = "alembic_version"


def revision_of(connection: Connection, tables: set[str] | None = None) -> str | None:
    """The revision the database records, or None when it records none (empty, or made before migrations).
    ``tables``: the database's table names, when the caller has them already."""
    if VERSION_TABLE not in (inspect(connection).get_table_names() if tables is None else tables):
        return None
    return connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()


# Alembic's own version table, as Alembic defines it: a new database records its revision without importing Alembic
# (its import leaves tens of thousands of objects in every process, which forked workers then carry and collect)
_VERSIONS = Table(VERSION_TABLE, MetaData(), Column("version_num", String(32), nullable=False),
                  PrimaryKeyConstraint("version_num", name=f"{VERSION_TABLE}_pkc"))


def stamp(connection: Connection, revision: str) -> None:
    """Record ``revision`` without running anything: the tables already are as it describes."""
    _VERSIONS.create(connection, checkfirst=True)
    connection.execute(delete(_VERSIONS))
    connection.execute(insert(_VERSIONS).values(version_num=revision))


def upgrade(connection: Connection) -> None:
    """Run every migration after the revision the database records, in this connection's transaction."""
    from alembic import command

    command.upgrade(_config(connection), "head")


def _config(connection: Connection) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(SCRIPTS))
    config.attributes["connection"] = connection
    return config
