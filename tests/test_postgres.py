"""PostgreSQL for teams: the same store, the same incidents and the same API as on SQLite, on a real server.

The server is started by the tests (`tests/postgres_server.py`); nothing here is mocked. Two `cybertrack ingest`
processes writing to one database at once lose nothing and store nothing twice: writers take turns through an
advisory lock, as SQLite's writers do through its file lock.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from fastapi.testclient import TestClient

from cybertrack.store.database import WRITE_LOCK
from cybertrack.web.app import create_app
from tests.conftest import CASIE, SEEDS, Cli, require_shared
from tests.postgres_server import new_database
from tests.test_store import ARTICLE


@pytest.fixture
def database(postgres_server_url: str, request: pytest.FixtureRequest) -> str:
    return new_database(postgres_server_url, re.sub(r"\W+", "_", request.node.name).lower()[:60])


def _plain(url: str) -> str:
    return url.replace("postgresql+psycopg", "postgresql")


def test_the_seeds_give_the_same_export_on_postgresql_as_on_sqlite(database: str, tmp_path: Path) -> None:
    require_shared()
    on_postgres, on_sqlite = Cli(database, tmp_path / "postgres"), Cli(tmp_path / "sqlite.db", tmp_path / "sqlite")
    for cli in (on_postgres, on_sqlite):
        cli.workdir.mkdir()
        result = cli("ingest", str(SEEDS), "-q")
        assert result.exit_code == 0, result.output
    postgres, sqlite = on_postgres.export(), on_sqlite.export()
    assert len(postgres["incidents"]) > 1  # the seeds tell several incidents, and both stores resolve them alike
    assert postgres == sqlite


def test_reingesting_changes_nothing_on_postgresql(database: str, tmp_path: Path) -> None:
    (tmp_path / "northvale.txt").write_text(ARTICLE, encoding="utf-8")
    cli = Cli(database, tmp_path)
    assert cli("ingest", str(tmp_path / "northvale.txt"), "-q").exit_code == 0
    first = cli.export()
    result = cli("ingest", str(tmp_path / "northvale.txt"), "-q")
    assert result.exit_code == 0
    assert "ingested 0, updated 0, already present 1," in result.output
    assert cli.export() == first


def test_near_duplicates_are_linked_on_postgresql(database: str, tmp_path: Path) -> None:
    (tmp_path / "wire.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "portal.txt").write_text(ARTICLE.replace("on Monday", "on Monday morning") + "\nShare this\n",
                                         encoding="utf-8")
    cli = Cli(database, tmp_path)
    result = cli("ingest", str(tmp_path / "wire.txt"), str(tmp_path / "portal.txt"), "-q")
    assert result.exit_code == 0, result.output
    assert "near-duplicates 1" in result.output


def test_the_api_answers_from_postgresql(database: str, tmp_path: Path) -> None:
    require_shared()
    assert Cli(database, tmp_path)("ingest", str(SEEDS), "-q").exit_code == 0
    client = TestClient(create_app(database))
    response = client.get("/api/incidents")
    assert response.status_code == 200
    incidents = response.json()["incidents"]
    # the espionage at the Belgian ministries, titled by the victim's name as the seed article writes it
    assert any(incident["title"].startswith("Cyber-espionage on")
               and ("BE", "government") in [(victim["country"], victim["sector"]) for victim in incident["victims"]]
               for incident in incidents)


def test_two_writers_at_once_lose_nothing_and_store_nothing_twice(database: str, tmp_path: Path) -> None:
    require_shared()
    lines = CASIE.read_text(encoding="utf-8").splitlines()[:15]
    parts = []
    for name, chunk in (("a", lines[:5]), ("b", lines[5:10]), ("c", lines[10:])):
        parts.append(tmp_path / f"{name}.jsonl")
        parts[-1].write_text("\n".join(chunk) + "\n", encoding="utf-8")
    # both writers ingest b.jsonl: its five articles are one source each, whichever writer stores them first
    writers = [subprocess.Popen([sys.executable, "-m", "cybertrack.cli", "ingest", *map(str, files), "--db", database,
                                 "--workers", "1", "-q"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
               for files in (parts[:2], parts[1:])]
    outputs = [writer.communicate(timeout=600)[0] for writer in writers]
    assert [writer.returncode for writer in writers] == [0, 0], outputs
    with psycopg.connect(_plain(database)) as connection:
        stored = [row[0] for row in connection.execute("select source_id from documents")]
    assert len(stored) == len(set(stored)) == 15, "an article was lost or stored twice"
    assert {source.rsplit("/", 1)[-1] for source in stored} == {json.loads(line)["id"] for line in lines}
    assert Cli(database, tmp_path).export()["incidents"]


def test_a_writer_holding_the_lock_is_waited_for_then_reported(database: str, tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(ARTICLE, encoding="utf-8")
    cli = Cli(database, tmp_path)
    assert cli("ingest", str(tmp_path / "one.txt"), "-q").exit_code == 0
    (tmp_path / "two.txt").write_text(ARTICLE.replace("Northvale", "Southport"), encoding="utf-8")
    with psycopg.connect(_plain(database)) as other_writer:
        other_writer.execute(f"select pg_advisory_xact_lock({WRITE_LOCK})")
        result = cli("ingest", str(tmp_path / "two.txt"), "--lock-timeout", "0.3", "-q")
    assert result.exit_code == 2
    assert "locked by another writer" in result.output
    assert [d["id"] for d in cli.export()["documents"]] == [str(tmp_path / "one.txt")]


def test_a_database_url_without_its_driver_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(ARTICLE, encoding="utf-8")
    result = Cli("postgresql+pg8000://analyst@127.0.0.1/incidents", tmp_path)("ingest", str(tmp_path / "one.txt"))
    assert result.exit_code == 2
    assert "No module named 'pg8000'" in result.output and "pip install 'cybertrack[postgres]'" in result.output
