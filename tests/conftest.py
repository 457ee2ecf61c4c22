"""Shared fixtures: where the real articles live, and a CLI runner bound to a fresh database."""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import create_engine, text

from cybertrack.cli import main
from cybertrack.resources import Resources
from cybertrack.store.database import database_url
from tests.postgres_server import new_database, postgres_server

# the knowledge-base cache of this test session, never the user's: a stale or foreign cache must not decide a test
os.environ["CYBERTRACK_CACHE_DIR"] = tempfile.mkdtemp(prefix="cybertrack-test-cache-")

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
CASIE = SHARED / "corpus" / "casie-dev" / "articles.jsonl"
SEEDS_GOLD = SHARED / "eval" / "seeds_gold.json"


# the stores the store, export and web tests run on: a SQLite file, and a database on a real PostgreSQL server
BACKENDS = ("sqlite", "postgresql")
# The models the tests read with, loaded the first time a test needs one: one copy for the whole session, as a
# process has one.
RESOURCES = Resources()


@pytest.fixture(scope="session")
def postgres_server_url() -> Iterator[str]:
    """One throwaway PostgreSQL server for the whole session, started the first time a test needs it."""
    with postgres_server() as url:
        yield url


def fresh_database(request: pytest.FixtureRequest, backend: str, folder: Path, name: str) -> str:
    """A new, empty database on ``backend``: a SQLite file in ``folder``, or a database named ``name`` on the
    session's PostgreSQL server."""
    if backend == "sqlite":
        return str(folder / f"{name}.db")
    return new_database(request.getfixturevalue("postgres_server_url"), name)


def require_shared() -> None:
    if not SEEDS.is_dir():
        pytest.fail(f"the real articles are expected beside the repository, in {SHARED}")


class Cli:
    """Runs ``cybertrack`` commands in-process against one database file."""

    def __init__(self, db: Path | str, workdir: Path | None = None):
        self.db = db
        self.workdir = workdir or Path(db).parent
        self.runner = CliRunner()

    def __call__(self, *args: str) -> Result:
        return self.runner.invoke(main, [*args[:1], "--db", str(self.db), *args[1:]], catch_exceptions=False)

    def export(self) -> dict:
        out = self.workdir / "export.json"
        result = self("export", "--output", str(out))
        assert result.exit_code == 0, result.output
        return json.loads(out.read_text(encoding="utf-8"))


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    return Cli(tmp_path / "cybertrack.db")


_databases_made = itertools.count()


@pytest.fixture(params=BACKENDS)
def store_cli(request: pytest.FixtureRequest, tmp_path: Path) -> Cli:
    """A `Cli` on a new database of each kind: the test runs on SQLite and on PostgreSQL."""
    name = f"store_{next(_databases_made)}"
    return Cli(fresh_database(request, request.param, tmp_path, name), tmp_path)


def execute(db: str | Path, sql: str) -> None:
    """Run a statement on the database at ``db`` (a SQLite path or a URL) and commit it."""
    engine = create_engine(database_url(str(db)))
    try:
        with engine.begin() as connection:
            connection.execute(text(sql))
    finally:
        engine.dispose()


def rows(db: str | Path, sql: str) -> list[tuple]:
    """What a query returns from the database at ``db`` (a SQLite path or a URL), read with SQLAlchemy."""
    engine = create_engine(database_url(str(db)))
    try:
        with engine.connect() as connection:
            return [tuple(row) for row in connection.execute(text(sql))]
    finally:
        engine.dispose()


@contextlib.contextmanager
def served(app) -> Iterator[str]:
    """Run an ASGI app on a free local port in a thread; yields its base URL."""
    import uvicorn

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        while not server.started:
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


HOSTILE_ARTICLE = {
    "id": "evil", "url": "javascript:alert(1)",
    "title": "Ransomware attack hits Veldmark Water Authority <img src=x onerror=alert(1)>",
    "text": "Hackers broke into the Veldmark Water Authority network on Monday and encrypted its billing servers "
            "with ransomware. The Veldmark Water Authority was hit by ransomware, the utility said, and customers' "
            "payment data may have been stolen. Staff restored the servers from backups on Tuesday.\n"
            "<script>alert('text')</script> <img src=x onerror=alert(3)> <a href=\"javascript:alert(2)\">more</a>",
}


def hostile_id(db: Path) -> str:
    """The id the hostile article is stored under, in ``hostile_db``: its JSONL file, then its line's id."""
    return f"{db.parent / 'evil.jsonl'}/{HOSTILE_ARTICLE['id']}"


@pytest.fixture
def hostile_db(tmp_path: Path) -> Path:
    """A database holding one invented attack report whose title, text and URL carry script."""
    source = tmp_path / "evil.jsonl"
    source.write_text(json.dumps(HOSTILE_ARTICLE) + "\n", encoding="utf-8")
    db = tmp_path / "evil.db"
    assert Cli(db)("ingest", str(source)).exit_code == 0
    return db
