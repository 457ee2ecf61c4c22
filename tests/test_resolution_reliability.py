"""Incidents stay whole through crashes and races: a resolution killed half-way is redone by the next run, parallel
ingests lose no article, two processes storing the same source both succeed, and a value the database refuses costs
only its own article."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

import cybertrack.resolution
from cybertrack.ingest import iter_items
from cybertrack.model import SourceItem
from cybertrack.pipeline import Pipeline
from cybertrack.resolution import resolve_stored
from cybertrack.runner import run_ingest
from cybertrack.store import Database, DocumentStore
from tests.conftest import CASIE, Cli, require_shared, served

# Invented places: each article reports a different attack on a different victim.
TOWNS = ["Marrowby", "Quillfield", "Dunhaven", "Ostermoor", "Kellbridge", "Ravensholt", "Tamsworth"]


def article(town: str) -> str:
    return (f"Ransomware attack hits {town} water authority\n\n"
            f"The {town} Water Authority was hit by a ransomware attack on Monday, the utility said. Hackers "
            f"encrypted the billing servers of the {town} Water Authority and demanded a ransom in bitcoin. "
            f"Customers of the {town} Water Authority were told that payment data may have been stolen, and staff "
            f"restored the servers from backups on Tuesday.\n")


def unresolved(db: Path) -> list[str]:
    """Canonical articles that report an incident (they have frames) yet belong to none."""
    with sqlite3.connect(db) as connection:
        return [row[0] for row in connection.execute(
            "select d.source_id from documents d where d.duplicate_of is null "
            "and exists (select 1 from frames f where f.document_id = d.id) "
            "and not exists (select 1 from incident_documents i where i.document_id = d.id)")]


def write_articles(folder: Path, towns: list[str]) -> Path:
    folder.mkdir(exist_ok=True)
    for town in towns:
        (folder / f"{town.lower()}.txt").write_text(article(town), encoding="utf-8")
    return folder


class SimulatedCrash(BaseException):
    """Stands for a kill during resolution: nothing after it runs, and its transaction is never committed."""


def test_a_run_that_died_while_resolving_is_mended_by_the_next_run(cli: Cli, tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    folder = write_articles(tmp_path / "in", TOWNS[:3])
    store = DocumentStore(Database(str(cli.db)))
    items = iter_items([str(folder)])  # what `cybertrack ingest FOLDER` reads

    def crash(*_args, **_kwargs):
        raise SimulatedCrash

    with monkeypatch.context() as patch:
        patch.setattr(cybertrack.resolution, "resolve_in", crash)
        with pytest.raises(SimulatedCrash):
            run_ingest(items, store)
    assert len(unresolved(cli.db)) == 3  # the documents were committed, their incidents never written
    assert not store.resolution_state().current
    assert "do not yet reflect every stored article" in cli("incidents").output

    result = cli("ingest", str(folder))
    assert result.exit_code == 0, result.output
    assert "already present 3" in result.output
    assert "incidents:" in result.output
    assert unresolved(cli.db) == []
    assert store.resolution_state().current
    assert "nothing to resolve" in cli("resolve", "--if-needed").output


def test_kill_9_during_resolution_loses_no_incident(tmp_path: Path) -> None:
    """A real ``kill -9``: the documents are all committed, the resolution holds no lock yet or waits for it (the
    test holds the write lock), and the process dies there. The next run, with nothing new to store, mends it."""
    require_shared()
    db = tmp_path / "casie.db"
    process = subprocess.Popen([sys.executable, "-m", "cybertrack.cli", "ingest", str(CASIE), "--db", str(db), "-q",
                                "--batch-size", "25"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    total = sum(1 for line in CASIE.open(encoding="utf-8") if line.strip())
    blocker = None
    try:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and process.poll() is None:
            if db.exists():
                with sqlite3.connect(db, timeout=30) as probe:
                    tables = {r[0] for r in probe.execute("select name from sqlite_master where type='table'")}
                    if "documents" in tables and probe.execute("select count(*) from documents").fetchone()[0] \
                            >= total:
                        break
            time.sleep(0.01)
        blocker = sqlite3.connect(db, timeout=30, isolation_level=None)
        blocker.execute("begin immediate")  # the resolution may compute, but cannot write its incidents
        assert process.poll() is None, "the ingest ended before the test could stop it in resolution"
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
        if blocker is not None:
            blocker.execute("rollback")
            blocker.close()
    assert len(unresolved(db)) > 100

    rerun = Cli(db)("ingest", str(CASIE), "-q")
    assert rerun.exit_code == 0, rerun.output
    assert f"already present {total}" in rerun.output
    assert unresolved(db) == []


def test_parallel_web_ingests_lose_no_article(tmp_path: Path) -> None:
    """Six pasted articles ingested at once through the API into a database of some 200 articles (so each
    resolution takes a while): each answers, and each ends in an incident."""
    from cybertrack.web.app import create_app

    require_shared()
    db = tmp_path / "web.db"
    assert Cli(db)("ingest", str(CASIE), "-q").exit_code == 0
    app = create_app(str(db), ingest_token="secret")
    headers = {"Authorization": "Bearer secret"}
    with served(app) as base:
        warm = httpx.post(f"{base}/api/ingest", json={"text": article(TOWNS[0])}, headers=headers, timeout=300)
        assert warm.status_code == 200, warm.text  # the models load once, before the race
        answers: dict[str, int] = {}

        def post(town: str) -> None:
            answers[town] = httpx.post(f"{base}/api/ingest", json={"text": article(town)}, headers=headers,
                                       timeout=300).status_code

        threads = [threading.Thread(target=post, args=(town,)) for town in TOWNS[1:]]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=300)
    assert answers == dict.fromkeys(TOWNS[1:], 200)
    with sqlite3.connect(db) as connection:
        stored = {row[0] for row in connection.execute("select title from documents")}
    assert {f"Ransomware attack hits {town} water authority" for town in TOWNS} <= stored
    assert unresolved(db) == []


def test_parallel_runs_in_one_process_resolve_every_article(tmp_path: Path) -> None:
    """The same race without HTTP: six threads, each its own store, one shared pipeline (as the server has)."""
    db = tmp_path / "threads.db"
    pipeline = Pipeline()
    pipeline.load()
    errors: list[str] = []

    def ingest(town: str) -> None:
        try:  # each thread opens the new database itself, as processes starting together do
            summary = run_ingest([SourceItem(source_id=town, origin="text", text=article(town))],
                                 DocumentStore(Database(str(db))), pipeline)
        except Exception as e:
            errors.append(f"{town}: {e}")
            return
        errors.extend([e.reason for e in summary.failed] + ([summary.fatal] if summary.fatal else []))

    threads = [threading.Thread(target=ingest, args=(town,)) for town in TOWNS[1:]]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert errors == []
    assert unresolved(db) == []


def test_a_resolution_overtaken_by_a_new_article_does_not_write_stale_incidents(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The lost update of concurrent rebuilds, made deterministic: while one resolution computes, another article is
    stored (and resolved). The first must not then overwrite the incidents with its older view."""
    db = tmp_path / "overtaken.db"
    pipeline = Pipeline()
    store = DocumentStore(Database(str(db)))
    run_ingest([SourceItem(source_id="first", origin="text", text=article(TOWNS[0]))], store, pipeline)
    real_resolve = cybertrack.resolution.resolve_in
    overtaken: list[bool] = []

    def resolve_while_another_article_arrives(connection, *, force, resources):
        incidents = real_resolve(connection, force=force, resources=resources)
        if not overtaken:
            overtaken.append(True)
            run_ingest([SourceItem(source_id="second", origin="text", text=article(TOWNS[1]))],
                       DocumentStore(Database(str(db))), pipeline)
        return incidents

    monkeypatch.setattr(cybertrack.resolution, "resolve_in", resolve_while_another_article_arrives)
    assert resolve_stored(store, force=True) == 2
    assert overtaken == [True]
    assert unresolved(db) == []


def test_two_processes_storing_the_same_sources_at_once_both_succeed(tmp_path: Path) -> None:
    """Both walk the same 200 articles in step, one per transaction: each article is stored once, by one of them."""
    require_shared()
    db = tmp_path / "same.db"
    Database(str(db))  # the schema in place, so both processes start at once on the same tables
    command = [sys.executable, "-m", "cybertrack.cli", "ingest", str(CASIE), "--db", str(db), "-q",
               "--batch-size", "1", "--lock-timeout", "120"]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) for _ in range(2)]
    outputs = [run.communicate(timeout=600)[0] for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    total = sum(1 for line in CASIE.open(encoding="utf-8") if line.strip())
    with sqlite3.connect(db) as connection:
        assert connection.execute("select count(*) from documents").fetchone()[0] == total
    assert unresolved(db) == []


def test_a_value_the_database_refuses_costs_only_its_article(cli: Cli, tmp_path: Path) -> None:
    """A lone surrogate reaching the store (from any reader) is reported for its article; the batch is stored."""
    store = DocumentStore(Database(str(cli.db)))
    items = [SourceItem(source_id="good-1", origin="text", text=article(TOWNS[0])),
             SourceItem(source_id="bad-\udc80", origin="text", text=article(TOWNS[1])),
             SourceItem(source_id="good-2", origin="text", text=article(TOWNS[2]))]
    summary = run_ingest(items, store)
    assert summary.fatal is None
    assert summary.ingested == ["good-1", "good-2"]
    assert [e.source_id for e in summary.failed] == ["bad-\udc80"]
    assert "refused" in summary.failed[0].reason
    assert sorted(d["id"] for d in cli.export()["documents"]) == ["good-1", "good-2"]
    assert json.dumps(summary.failed[0].reason)  # the reason itself is printable
