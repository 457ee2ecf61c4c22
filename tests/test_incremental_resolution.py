"""Incremental resolution: articles ingested run after run join the stored incidents without every stored frame
being resolved again, and resolving everything again (a replay of the runs' generations) gives exactly the same
incidents, read side and resolution memory, on SQLite and on PostgreSQL. Real multilingual news from ../shared."""

from __future__ import annotations

import dataclasses
import json

import pytest

from cybertrack.ingest import iter_items
from cybertrack.model import SourceItem
from cybertrack.pipeline import Pipeline
from cybertrack.resolution import resolve_in, resolve_stored
from cybertrack.runner import run_ingest
from cybertrack.store import Database, DocumentStore
from cybertrack.store.resolution_state import replay_needed
from tests.conftest import RESOURCES, SHARED, Cli, require_shared, rows

MULTILINGUAL_DEV = SHARED / "corpus" / "multilingual-dev" / "articles.jsonl"
RUNS = 4
PER_RUN = 12
# What must not differ between incidents resolved run by run and the same resolved again from every frame.
READ_SIDE = (
    "select incident_id, facet, value from incident_facets order by 1, 2, 3",
    "select incident_id, body from incident_search order by 1",
    "select actor, victim, incidents from actor_victim_edges order by 1, 2",
    "select incident_id, claimant, stance, attributed_to, sentence_start from claims order by 1, 2, 3, 4, 5",
    "select i.incident_id, d.source_id from incident_documents i join documents d on d.id = i.document_id "
    "order by 1, 2",
    "select ordinal, incident_id, links from resolution_clusters order by 1",
    "select frame_id, ordinal, position, generation, opens from resolution_members order by 1",
    "select key, ordinal from resolution_keys order by 1, 2",
)


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(RESOURCES)


def news() -> list[SourceItem]:
    require_shared()
    items = [item for item in iter_items([str(MULTILINGUAL_DEV)]) if isinstance(item, SourceItem)]
    assert len(items) >= RUNS * PER_RUN
    return items[:RUNS * PER_RUN]


def ingest(cli: Cli, items: list[SourceItem], pipeline: Pipeline) -> None:
    summary = run_ingest(items, DocumentStore(Database(str(cli.db))), pipeline)
    assert summary.fatal is None and not summary.failed


def stored(cli: Cli) -> tuple[list[dict], list[list[tuple]]]:
    return cli.export()["incidents"], [rows(cli.db, sql) for sql in READ_SIDE]


def test_incidents_resolved_run_by_run_are_those_a_full_resolution_gives(store_cli: Cli, pipeline: Pipeline) -> None:
    items = news()
    runs = [items[n * PER_RUN:(n + 1) * PER_RUN] for n in range(RUNS)]
    for run in runs:
        ingest(store_cli, run, pipeline)
    incremental = stored(store_cli)
    generations = {row[0] for row in rows(store_cli.db, "select distinct generation from resolution_members")}
    assert generations == set(range(1, RUNS + 1))
    # later runs' reports joined incidents that earlier runs started: the memory was used, not only added to
    first_run = {item.source_id for item in runs[0]}
    assert any(set(incident["documents"]) & first_run and set(incident["documents"]) - first_run
               for incident in incremental[0])

    result = store_cli("resolve")
    assert result.exit_code == 0, result.output
    again = stored(store_cli)
    assert again[0] == incremental[0]
    for sql, before, after in zip(READ_SIDE, incremental[1], again[1], strict=True):
        assert before == after, sql


def test_a_new_run_reads_and_writes_only_the_incidents_it_reaches(cli: Cli, pipeline: Pipeline) -> None:
    items = news()
    ingest(cli, items[:-1], pipeline)
    before = {incident_id: payload for incident_id, payload in rows(cli.db, "select id, payload from incidents")}
    store = DocumentStore(Database(str(cli.db)))
    assert store.add_batch([pipeline.process(items[-1])])[0].status == "ingested"
    with store.reading() as connection:
        resolution = resolve_in(connection, force=False, resources=RESOURCES)
    assert not resolution.whole
    assert 0 < len(resolution.memory.clusters) < len(before) / 2  # it read the incidents its keys reach, no more
    assert resolution.incidents  # the new article's reports joined an incident or started one
    assert resolve_stored(store, resources=RESOURCES) == len(before) + len(resolution.incidents) \
        - sum(incident.id in before for incident in resolution.incidents) - len(resolution.gone)
    after = {incident_id: payload for incident_id, payload in rows(cli.db, "select id, payload from incidents")}
    changed = {incident.id for incident in resolution.incidents} | set(resolution.gone)
    assert {i: p for i, p in after.items() if i not in changed} == {i: p for i, p in before.items() if i not in changed}


def test_a_replaced_article_has_every_generation_replayed(cli: Cli, pipeline: Pipeline) -> None:
    """A new version of a resolved article (same source, other text) changes frames that incidents hold: the next
    resolution replays the generations, and gives what a forced full resolution gives."""
    items = news()[:2 * PER_RUN]
    ingest(cli, items[:PER_RUN], pipeline)
    ingest(cli, items[PER_RUN:], pipeline)
    store = DocumentStore(Database(str(cli.db)))
    first = items[0]
    shorter = dataclasses.replace(first, text=first.text[:len(first.text) * 2 // 3])
    ingest(cli, [shorter], pipeline)
    with store.reading() as connection:
        assert not replay_needed(connection)  # the replay ran at the end of that ingest, and cleared the flag
    replayed = stored(cli)
    assert cli("resolve").exit_code == 0
    assert stored(cli) == replayed
    documents = {d["id"]: d for d in cli.export()["documents"]}
    assert first.source_id in documents
    assert json.dumps(replayed[0])  # the incidents are whole, plain data


def test_replacing_an_article_asks_for_a_replay(cli: Cli, pipeline: Pipeline) -> None:
    items = news()[:3]
    ingest(cli, items, pipeline)
    store = DocumentStore(Database(str(cli.db)))
    changed = dataclasses.replace(items[0], text=items[0].text + "\n\nUpdate: the article was corrected.")
    assert store.add_batch([pipeline.process(changed)])[0].status == "updated"
    with store.reading() as connection:
        assert replay_needed(connection)
        assert resolve_in(connection, force=False, resources=RESOURCES).whole

