"""Opening the database named by ``--db``: a file path or a SQLAlchemy URL."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import platformdirs
from sqlalchemy import Connection, Engine, create_engine, event, inspect
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from cybertrack.store.resolution_state import ensure_state, has_state
from cybertrack.store.schema import metadata

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
                complete = self._schema_complete(connection)
            if not complete:  # written only when missing, so a read-only database still opens for reading
                with self.writing() as connection:  # processes starting together on a new file take turns
                    metadata.create_all(connection)
                    ensure_state(connection)
            self._check_columns()
        except OperationalError as e:
            raise explain(e, self.url) from None

    @staticmethod
    def _schema_complete(connection: Connection) -> bool:
        present = set(inspect(connection).get_table_names())
        return all(table.name in present for table in metadata.sorted_tables) and has_state(connection)

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

    def _check_columns(self) -> None:
        """A database made by an older release lacks columns this one writes. Optional ones are added (every older
        row reads as empty there); a missing required one is reported, instead of failing mid-batch."""
        inspector = inspect(self.engine)
        for table in metadata.sorted_tables:
            present = {column["name"] for column in inspector.get_columns(table.name)}
            missing = [column for column in table.columns if column.name not in present]
            required = [column.name for column in missing if not column.nullable]
            if required:
                raise StoreError(
                    f"the database {self.url} was made by an older cybertrack (table {table.name} lacks "
                    f"{', '.join(required)}); ingest the articles again into a new database")
            if missing:
                self._add_columns(table.name, missing)

    def _add_columns(self, table: str, columns: list) -> None:
        preparer = self.engine.dialect.identifier_preparer
        with self.writing() as connection:
            for column in columns:
                kind = column.type.compile(dialect=self.engine.dialect)
                connection.exec_driver_sql(f"ALTER TABLE {preparer.quote(table)} ADD COLUMN "
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
