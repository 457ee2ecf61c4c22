"""The read side in SQL (`store.read_model`, `store.search`, `web.queries`), on SQLite and on PostgreSQL: what the
list page and the API answer from indexed queries is what the export holds.

The seed incidents are checked against the export itself, filtered in plain Python; invented incidents, written
straight through `replace_incidents`, check what a few real articles cannot: paging through hundreds, the caps on
facets and the graph, search by word prefix, accents and text that looks like query syntax.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Connection

from cybertrack.export.json_export import build_export
from cybertrack.model import Incident, Victim
from cybertrack.store import Database, DocumentStore
from cybertrack.store.incidents import replace_incidents
from cybertrack.store.read_model import LISTED_NAMES
from cybertrack.store.resolution_state import mark_resolved
from cybertrack.store.search import documents_matching
from cybertrack.web.queries import (
    FACET_VALUES,
    GRAPH_EDGES,
    PAGE_SIZE,
    IncidentFilter,
    facet_counts,
    find_incidents,
    graph,
    overview,
    timeline,
)
from tests.conftest import BACKENDS, SEEDS, Cli, fresh_database, require_shared


@pytest.fixture(scope="module", params=BACKENDS)
def seeds(request, tmp_path_factory) -> tuple[DocumentStore, dict]:
    """The seed articles ingested into each kind of database, and their export."""
    require_shared()
    folder = tmp_path_factory.mktemp("read_side")
    db = fresh_database(request, request.param, folder, "read_side_seeds")
    assert Cli(db, folder)("ingest", str(SEEDS), "-q").exit_code == 0
    store = DocumentStore(Database(db))
    return store, build_export(store)


def _everything(connection: Connection, chosen: IncidentFilter) -> list[dict]:
    first = find_incidents(connection, chosen)
    found = list(first.items)
    for page in range(2, first.pages + 1):
        found += find_incidents(connection, IncidentFilter(**{**chosen.__dict__, "page": page})).items
    assert len(found) == first.total
    return found


def test_every_facet_value_filters_to_exactly_the_incidents_the_export_gives_it(seeds) -> None:
    store, export = seeds
    incidents = export["incidents"]
    expected = {
        "country": lambda i, v: v in {victim["country"] for victim in i["victims"]},
        "actor": lambda i, v: v in {actor["name"] for actor in i["actors"]},
        "state": lambda i, v: v in i["states"],
        "type": lambda i, v: v in i["types"],
    }
    with store.reading() as connection:
        facets = facet_counts(connection)
        assert facets["country"] and facets["actor"] and facets["state"] and facets["type"]
        for facet, values in facets.items():
            for value, count in values.items():
                wanted = sorted(i["id"] for i in incidents if expected[facet](i, value))
                found = _everything(connection, IncidentFilter(**{facet: value}))
                assert sorted(i["id"] for i in found) == wanted
                assert count == len(wanted)
                for item in found:  # each a listing of the exported incident
                    exported = next(i for i in incidents if i["id"] == item["id"])
                    assert (item["title"], item["first_seen"], item["types"], item["states"]) == (
                        exported["title"], exported["first_seen"], exported["types"], exported["states"])
                    assert item["victims"] == [{k: v[k] for k in ("name", "country", "sector")}
                                               for v in exported["victims"][:LISTED_NAMES]]
                    assert item["claim_count"] == len(exported["claims"])


def test_an_alias_in_any_case_finds_its_actor(seeds) -> None:
    store, export = seeds
    named = [i for i in export["incidents"] for actor in i["actors"] if actor["aliases"]]
    assert named, "the seeds name an actor with aliases"
    actor = next(a for a in named[0]["actors"] if a["aliases"])
    with store.reading() as connection:
        by_alias = _everything(connection, IncidentFilter(actor=actor["aliases"][0].upper()))
    assert named[0]["id"] in {i["id"] for i in by_alias}


@pytest.mark.parametrize("sort", ["first_seen", "title", "reports"])
@pytest.mark.parametrize("descending", [True, False])
def test_sorting_and_dates_agree_with_the_export(seeds, sort: str, descending: bool) -> None:
    store, export = seeds
    copies = {d["id"] for d in export["documents"] if d["duplicate_of"]}
    reports = {i["id"]: len(set(i["documents"]) - copies) for i in export["incidents"]}
    key = {"first_seen": lambda i: i["first_seen"] or "", "title": lambda i: i["title"].casefold(),
           "reports": lambda i: reports[i["id"]]}[sort]
    with store.reading() as connection:
        found = _everything(connection, IncidentFilter(sort=sort, descending=descending))
        assert [key(i) for i in found] == sorted(map(key, export["incidents"]), reverse=descending)
        assert all(i["reports"] == reports[i["id"]] for i in found)
        dated = sorted(i["first_seen"] for i in export["incidents"] if i["first_seen"])
        middle = dated[len(dated) // 2]
        since = _everything(connection, IncidentFilter(since=middle))
        until = _everything(connection, IncidentFilter(until=middle[:4]))
    assert sorted(i["first_seen"] for i in since) == [d for d in dated if d >= middle]
    assert sorted(i["first_seen"] for i in until) == [d for d in dated if d[:4] <= middle[:4]]


def test_search_finds_incidents_and_articles_by_their_words(seeds) -> None:
    store, export = seeds
    incident = export["incidents"][0]
    victim = incident["victims"][0]["name"]
    word = max(victim.split(), key=len)
    with store.reading() as connection:
        found = _everything(connection, IncidentFilter(q=word[:4].lower()))  # a word's prefix, in any case
        assert incident["id"] in {i["id"] for i in found}
        for nothing in ("", "  ", "*", '"', "AND OR NOT", "(x", "x:*", "'; DROP TABLE incidents; --"):
            find_incidents(connection, IncidentFilter(q=nothing))  # read as words, never as query syntax
        document = next(d for d in export["documents"] if d["title"])
        title_word = max(document["title"].split(), key=len)
        assert document["id"] in documents_matching(connection, title_word, limit=100)
        assert documents_matching(connection, "zzqxv", limit=100) == []


def _invented(n: int) -> list[Incident]:
    """``n`` incidents of invented victims and actors: a crew in every tenth, a victim in every fortieth, a country
    in every seventh, and an actor of each incident's own."""
    countries = ["NL", "BE", "FR", "DE", "IT", "ES", "PT"]
    return [Incident(
        id=f"inc-{i:04d}", title=f"Angriff auf Veldmark Stadtwerke {i}", summary=f"Ransomware at Lutrecht unit {i}",
        frames=[], documents=[f"doc-{i}"], types=["ransomware"],
        victims=[Victim(name=f"Veldmark Stadtwerke {i % 40}", key=f"org:veldmark {i % 40}", country=countries[i % 7],
                        sector="energy")],
        actors=[f"Korvan Crew {i % 10}", f"Solo Actor {i}"], states=[], vulnerabilities=[], products=[], malware=[],
        techniques=[], claims=[], first_seen=f"20{10 + i % 12}-0{1 + i % 9}") for i in range(n)]


def _write(store: DocumentStore, incidents: list[Incident]) -> None:
    """Store ``incidents`` as a resolution does: the incidents and their read side, and a new incidents version."""
    with store.transaction() as connection:
        replace_incidents(connection, incidents)
        mark_resolved(connection, 0)


@pytest.mark.parametrize("backend", BACKENDS)
def test_hundreds_of_incidents_page_and_the_list_stays_readable(
        backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    store = DocumentStore(Database(fresh_database(request, backend, tmp_path, "read_side_many")))
    invented = _invented(260)
    _write(store, invented)
    with store.reading() as connection:
        first = find_incidents(connection, IncidentFilter())
        assert (first.total, first.pages, len(first.items)) == (260, -(-260 // PAGE_SIZE), PAGE_SIZE)
        seen = _everything(connection, IncidentFilter())
        assert sorted(i["id"] for i in seen) == sorted(i.id for i in invented)
        beyond = find_incidents(connection, IncidentFilter(page=999))
        assert beyond.page == first.pages and beyond.items  # a page past the end is the last one
        facets = facet_counts(connection)
        assert len(facets["actor"]) == FACET_VALUES  # 270 actors, the most active listed
        assert list(facets["actor"].items())[:10] == sorted((f"Korvan Crew {k}", 26) for k in range(10))
        assert facets["country"]["NL"] == len([i for i in range(260) if i % 7 == 0])
        edges = graph(connection)
        assert len(edges) == GRAPH_EDGES  # of 300 edges, the strongest: each crew's victims, then some solo actors'
        assert {(e["actor"], e["victim"]) for e in edges if e["incidents"] > 1} == {
            (f"Korvan Crew {v % 10}", f"Veldmark Stadtwerke {v}") for v in range(40)}
        assert sum(year["count"] for year in timeline(connection)) == 260
        crew = _everything(connection, IncidentFilter(actor="korvan crew 3", country="BE"))
        assert {i["id"] for i in crew} == {f"inc-{i:04d}" for i in range(260) if i % 10 == 3 and i % 7 == 1}
        assert [i["id"] for i in _everything(connection, IncidentFilter(q="stadtwerke 117"))] == ["inc-0117"]
    _write(store, invented[:3])  # the read side is replaced with the incidents, never added to
    with store.reading() as connection:
        assert find_incidents(connection, IncidentFilter()).total == 3
        assert sum(facet_counts(connection)["country"].values()) == 3
        assert find_incidents(connection, IncidentFilter(q="stadtwerke 117")).total == 0


@pytest.mark.parametrize("backend", BACKENDS)
def test_the_overview_is_kept_until_the_incidents_are_written_again(
        backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    store = DocumentStore(Database(fresh_database(request, backend, tmp_path, "read_side_overview")))
    invented = _invented(12)
    _write(store, invented[:5])
    with store.reading() as connection:
        first = overview(connection)
        assert overview(connection, first) is first  # nothing written since: the same object, no query run
        assert sum(first.facets["country"].values()) == 5
    _write(store, invented)
    with store.reading() as connection:
        again = overview(connection, first)
    assert again is not first and again.incidents_version > first.incidents_version
    assert sum(again.facets["country"].values()) == 12 and sum(y["count"] for y in again.timeline) == 12


def test_an_incident_of_many_reports_pages_what_a_person_reads(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from cybertrack.web.app import REPORTS_SHOWN, create_app

    db = str(tmp_path / "many_reports.db")
    store = DocumentStore(Database(db))
    [big] = _invented(1)
    big.documents = [f"report-{n:03d}" for n in range(REPORTS_SHOWN + 30)]
    _write(store, [big])
    client = TestClient(create_app(db))
    page = client.get(f"/incidents/{big.id}").text
    reports = page.split("<h2>Reports</h2>")[1].split("</ul>")[0]
    assert reports.count("<li>") == REPORTS_SHOWN and "report-099" in reports and "report-100" not in reports
    assert "and 30 more reports" in page
    assert len(client.get(f"/api/incidents/{big.id}").json()["documents"]) == REPORTS_SHOWN + 30
    assert client.get("/api/incidents").json()["incidents"][0]["reports"] == REPORTS_SHOWN + 30
