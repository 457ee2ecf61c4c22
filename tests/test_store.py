"""Storage: idempotent re-ingest, near-duplicates linked, updates, and a database that cannot be written."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from cybertrack.store import Database, StoreError
from tests.conftest import CASIE, Cli, execute, require_shared, rows

ARTICLE = """Hackers hit the Northvale city council

The Northvale city council said on Monday that a ransomware group had encrypted the servers that run its
parking permits, payroll and library loans. Council staff switched to paper forms while the systems were
restored from backups, a process the council expects to take at least two weeks.

The council's chief information officer told reporters that the attackers had entered through a remote
desktop account of a maintenance contractor whose password had been reused on other sites. A ransom note
demanded payment in bitcoin within five days; the council said it would not pay.

The national cyber security centre is assisting with the investigation and has asked other municipalities
to check their remote access logs for sign-ins from the contractor's accounts since the start of the month.
"""


def test_reingesting_changes_nothing(store_cli: Cli, tmp_path: Path) -> None:
    cli = store_cli
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "northvale.txt").write_text(ARTICLE, encoding="utf-8")
    assert cli("ingest", str(tmp_path / "in"), "-q").exit_code == 0
    first = rows(cli.db, "select id, clean_text, ingested_at from documents")
    assert first
    result = cli("ingest", str(tmp_path / "in"), "-q")
    assert result.exit_code == 0
    assert "ingested 0, updated 0, already present 1," in result.output
    assert rows(cli.db, "select id, clean_text, ingested_at from documents") == first


def test_same_article_from_two_sources_is_linked_not_duplicated(store_cli: Cli, tmp_path: Path) -> None:
    cli = store_cli
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "wire.txt").write_text(ARTICLE, encoding="utf-8")
    reworded = ARTICLE.replace("on Monday", "on Monday morning").replace("Hackers hit", "Hackers strike")
    row = {"id": "portal-42", "url": "https://news.example/northvale", "text": reworded + "\nShare this article\n"}
    (folder / "portal.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    result = cli("ingest", str(folder), "-q")
    assert result.exit_code == 0, result.output
    assert "near-duplicates 1" in result.output
    wire, portal = str(folder / "wire.txt"), str(folder / "portal.jsonl" / "portal-42")
    assert f"near-duplicate: {wire} of {portal}" in result.output
    docs = cli.export()["documents"]
    assert [(d["id"], d["duplicate_of"]) for d in docs] == [(portal, None), (wire, portal)]


def test_distinct_articles_about_one_event_stay_apart(store_cli: Cli, tmp_path: Path) -> None:
    cli = store_cli
    other = ("Northvale council attack: residents wait for permits\n\nResidents of Northvale queued outside the "
             "town hall on Wednesday to renew parking permits by hand, two days after a ransomware attack took "
             "the council's online services down. Shop owners complained that the paper process took hours, and "
             "the opposition asked why the contractor's account had no second factor. The council said its "
             "insurer had sent incident responders and that no resident data appeared to have been copied.")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(other, encoding="utf-8")
    result = cli("ingest", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-q")
    assert "ingested 2," in result.output and "near-duplicates 0" in result.output


def test_changed_article_is_updated_in_place(store_cli: Cli, tmp_path: Path) -> None:
    cli = store_cli
    path = tmp_path / "story.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    cli("ingest", str(path), "-q")
    path.write_text(ARTICLE + "\nUpdate: the council restored payroll on Friday.\n", encoding="utf-8")
    result = cli("ingest", str(path), "-q")
    assert "updated 1" in result.output
    (doc,) = cli.export()["documents"]
    assert doc["text"].endswith("the council restored payroll on Friday.")


def test_read_only_database_is_a_clear_error_and_stays_intact(store_cli: Cli, tmp_path: Path) -> None:
    cli = store_cli
    (tmp_path / "one.txt").write_text(ARTICLE, encoding="utf-8")
    cli("ingest", str(tmp_path / "one.txt"), "-q")
    (tmp_path / "two.txt").write_text(ARTICLE.replace("Northvale", "Southport"), encoding="utf-8")
    if str(cli.db).startswith("postgresql"):  # every new session of the database is read-only
        name = str(cli.db).rsplit("/", 1)[1]
        execute(cli.db, f'ALTER DATABASE "{name}" SET default_transaction_read_only = on')
        read_only = cli
    else:
        read_only = Cli(f"sqlite:///file:{cli.db}?mode=ro&uri=true", workdir=tmp_path)
    result = read_only("ingest", str(tmp_path / "two.txt"), "-q")
    assert result.exit_code == 2
    assert "is read-only" in result.output
    assert [d["id"] for d in cli.export()["documents"]] == [str(tmp_path / "one.txt")]


def test_database_locked_by_another_writer(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(ARTICLE, encoding="utf-8")
    cli("ingest", str(tmp_path / "one.txt"), "-q")
    other_writer = sqlite3.connect(cli.db)
    other_writer.execute("BEGIN EXCLUSIVE")
    try:
        (tmp_path / "two.txt").write_text(ARTICLE.replace("Northvale", "Southport"), encoding="utf-8")
        result = cli("ingest", str(tmp_path / "two.txt"), "--lock-timeout", "0.3", "-q")
    finally:
        other_writer.rollback()
        other_writer.close()
    assert result.exit_code == 2
    assert "locked by another writer" in result.output
    assert [d["id"] for d in cli.export()["documents"]] == [str(tmp_path / "one.txt")]


def test_casie_articles_all_stored_once(store_cli: Cli) -> None:
    require_shared()
    cli = store_cli
    first = cli("ingest", str(CASIE), "-q")
    assert first.exit_code == 0, first.output
    docs = cli.export()["documents"]
    assert len(docs) == 203
    assert all(d["language"] == "en" and d["text"].strip() for d in docs)
    again = cli("ingest", str(CASIE), "-q")
    assert "ingested 0, updated 0, already present 203, near-duplicates 0, failed 0" in again.output
    assert len(cli.export()["documents"]) == 203


def test_a_database_from_an_older_release_is_refused_with_a_clear_message(tmp_path):
    """Without the columns this release writes, the store says so up front instead of failing mid-batch."""
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE documents (id INTEGER PRIMARY KEY, source_id VARCHAR(2048))")
    with pytest.raises(StoreError, match=r"older cybertrack.*documents lacks"):
        Database(str(path))


def test_a_database_without_the_claims_certainty_gains_the_column_and_keeps_its_rows(tmp_path):
    """Claims gained a certainty after the first releases: an older database opens, gets the column (empty in its
    rows), and every claim it stored stays."""
    path = tmp_path / "before-certainty.db"
    sample = Path(__file__).resolve().parents[1] / "samples" / "04_attributions-veldmark.fr.txt"
    assert Cli(path)("ingest", str(sample)).exit_code == 0
    with sqlite3.connect(path) as connection:
        stored = connection.execute("SELECT claimant, stance FROM claims ORDER BY id").fetchall()
        connection.execute("ALTER TABLE claims DROP COLUMN certainty")
    assert stored
    Database(str(path))
    with sqlite3.connect(path) as connection:
        assert "certainty" in {row[1] for row in connection.execute("PRAGMA table_info(claims)")}
        assert connection.execute("SELECT claimant, stance FROM claims ORDER BY id").fetchall() == stored
