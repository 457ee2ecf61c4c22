"""Opening the database named by ``--db``: a file path or a SQLAlchemy URL."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import platformdirs
from sqlalchemy import Column, Connection, Engine, Table, create_engine, event, inspect
from sqlalchemy.engine import Inspector
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from cybertrack.store import migrations
from cybertrack.store.resolution_state import ensure_state, has_state
from cybertrack.store.schema import metadata
from cybertrack.store.search import create_search_indexes

DEFAULT_LOCK_TIMEOUT = 10.0
WRITE_LOCK = 0x63797472  # the advisory lock cybertrack's writers take in turn on PostgreSQL ("cytr")


class StoreError(Exception):
    """The database cannot be used; the message says why in one line."""


def default_db_path() -> Path:
    return Path(platformdirs.user_data_dir("cybertrack")) / "cybertrack.db"


def database_url(db: str | None) -> str:
    if db and "://" in db:
        return db
    path = Path(db) if db else default_db_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path.resolve()}"


def explain(error: SQLAlchemyError, url: str) -> StoreError:
    """Turn a driver error into the sentence a user needs."""
    message = str(getattr(error, "orig", error)).strip()
    lowered = message.lower()
    if "readonly" in lowered or "read-only" in lowered or "read only" in lowered:
        return StoreError(f"the database {url} is read-only: {message}")
    if "locked" in lowered or "busy" in lowered or "lock timeout" in lowered:
        return StoreError(f"the database {url} is locked by another writer; try again when it has finished")
    if "unable to open" in lowered:
        return StoreError(f"cannot open the database {url}: {message}")
    return StoreError(f"database error on {url}: {message}")


class Database:
    """An engine with the settings cybertrack relies on, and the schema in place."""

    def __init__(self, db: str | None = None, lock_timeout: float = DEFAULT_LOCK_TIMEOUT):
        self.url = database_url(db)
        self.lock_timeout = lock_timeout
        try:
            self.engine: Engine = create_engine(self.url, future=True)
        except (ImportError, SQLAlchemyError) as e:  # no driver for the URL's database, or a URL it cannot read
            raise StoreError(f"cannot open the database {self.url}: {e} (for PostgreSQL: pip install "
                             "'cybertrack[postgres]', and a URL like postgresql+psycopg://user@host/db)") from None
        if self.engine.dialect.name == "sqlite":
            self._configure_sqlite(lock_timeout)
        try:
            with self.reading() as connection:
                ready = self._up_to_date(connection)
            if not ready:  # written only when needed, so an up-to-date read-only database still opens for reading
                with self.writing() as connection:  # processes starting together take turns; the first does the work
                    self._bring_up_to_date(connection)
        except OperationalError as e:
            raise explain(e, self.url) from None

    @staticmethod
    def _up_to_date(connection: Connection) -> bool:
        """Every table and column of today's schema is there, and the database records the last migration."""
        inspector = inspect(connection)
        present = set(inspector.get_table_names())
        if not all(table.name in present for table in metadata.sorted_tables) or not has_state(connection):
            return False
        if any(_missing_columns(inspector, table) for table in metadata.sorted_tables):
            return False
        return migrations.revision_of(connection, present) == migrations.HEAD

    def _bring_up_to_date(self, connection: Connection) -> None:
        """Today's tables for an empty database; for one an older release made, the tables and optional columns it
        lacks, then the migrations since the revision it records (see `store.migrations`)."""
        if self._up_to_date(connection):  # another process did it while this one waited for the lock
            return
        if "documents" not in inspect(connection).get_table_names():
            metadata.create_all(connection)
            create_search_indexes(connection)
            ensure_state(connection)
            migrations.stamp(connection, migrations.HEAD)
            return
        self._add_missing_columns(connection)
        metadata.create_all(connection)  # the tables added by releases since it was made
        ensure_state(connection)
        if migrations.revision_of(connection) is None:
            migrations.stamp(connection, migrations.BASELINE)
        migrations.upgrade(connection)

    @contextlib.contextmanager
    def writing(self) -> Iterator[Connection]:
        """A write transaction that holds the write lock from its first statement, so what it reads cannot change
        under it: two writers checking "is this source stored?" or reading the frames to resolve are serialised,
        instead of both acting on what they read before the other committed. Other writers wait up to the lock
        timeout; readers go on reading the last committed state."""
        with self.engine.connect() as connection:
            connection.execution_options(writer=True)
            with connection.begin():
                if self.engine.dialect.name == "postgresql":
                    self._take_write_lock(connection)
                yield connection

    def _take_write_lock(self, connection: Connection) -> None:
        """PostgreSQL lets writers run side by side; cybertrack's writers read what they then write (is this source
        stored? which frames to resolve?), so they take turns, as on SQLite: one transaction-scoped advisory lock,
        released at commit or rollback, waited for up to the lock timeout. Readers never take it."""
        connection.exec_driver_sql(f"SET LOCAL lock_timeout = '{int(self.lock_timeout * 1000)}ms'")
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")

    @contextlib.contextmanager
    def reading(self) -> Iterator[Connection]:
        """One consistent snapshot for several reads."""
        with self.engine.connect() as connection, connection.begin():
            yield connection

    def _add_missing_columns(self, connection: Connection) -> None:
        """A database made by a release before migrations lacks columns this one writes. Optional ones are added
        (every older row reads as empty there); a missing required one is reported, instead of failing mid-batch."""
        inspector = inspect(connection)
        preparer = self.engine.dialect.identifier_preparer
        for table in metadata.sorted_tables:
            missing = _missing_columns(inspector, table)
            required = [column.name for column in missing if not column.nullable]
            if required:
                raise StoreError(
                    f"the database {self.url} was made by an older cybertrack (table {table.name} lacks "
                    f"{', '.join(required)}); ingest the articles again into a new database")
            for column in missing:
                kind = column.type.compile(dialect=self.engine.dialect)
                connection.exec_driver_sql(f"ALTER TABLE {preparer.quote(table.name)} ADD COLUMN "
                                           f"{preparer.quote(column.name)} {kind}")

    def _configure_sqlite(self, lock_timeout: float) -> None:
        """Pragmas, and transactions begun by us rather than by the sqlite3 module: it would open them only at the
        first write, after the reads that decided what to write, and it cannot nest savepoints."""
        @event.listens_for(self.engine, "connect")
        def _pragmas(connection, _record) -> None:
            connection.isolation_level = None  # the sqlite3 module issues no BEGIN of its own
            cursor = connection.cursor()
            cursor.execute(f"PRAGMA busy_timeout = {int(lock_timeout * 1000)}")
            cursor.execute("PRAGMA foreign_keys = ON")
            with contextlib.suppress(Exception):  # a read-only database keeps its mode; writes report it
                cursor.execute("PRAGMA journal_mode = WAL")
            cursor.close()

        @event.listens_for(self.engine, "begin")
        def _begin(connection: Connection) -> None:
            immediate = connection.get_execution_options().get("writer", False)
            connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    def dispose(self) -> None:
        self.engine.dispose()


def _missing_columns(inspector: Inspector, table: Table) -> list[Column]:
    """The columns of ``table`` the database lacks; none when it lacks the whole table (it is created whole)."""
    if table.name not in inspector.get_table_names():
        return []
    present = {column["name"] for column in inspector.get_columns(table.name)}
    return [column for column in table.columns if column.name not in present]
