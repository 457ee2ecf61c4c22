"""TAXII 2.1 polling against real databases: what a platform gets when it asks for what was added since its last poll,
how pages hold while an ingest adds objects, and how bad parameters are refused."""

from __future__ import annotations

import itertools
import json
import tempfile
from datetime import datetime
from pathlib import Path

import pytest
import stix2
from fastapi.testclient import TestClient
from httpx import Response
from taxii2client.v21 import Server, as_pages

from cybertrack.export.stix_export import StixBuilder
from cybertrack.web.app import create_app
from cybertrack.web.taxii import COLLECTION_ID, TAXII
from tests.conftest import BACKENDS, Cli, execute, fresh_database, rows, served

OBJECTS = f"/taxii2/cybertrack/collections/{COLLECTION_ID}/objects/"
MANIFEST = f"/taxii2/cybertrack/collections/{COLLECTION_ID}/manifest/"

def article(source_id: str, published: str | None, title: str, *sentences: str) -> dict:
    return {"id": source_id, "url": f"https://news.example/{source_id}", "published": published, "title": title,
            "text": " ".join(sentences)}


# Invented reports. The first two are recent; the later ones are old or undated, and one follows up the first.
VELDMARK = article(
    "veldmark", "2024-03-04", "Ransomware attack hits Veldmark Water Authority",
    "Hackers broke into the Veldmark Water Authority network on Monday and encrypted its billing servers with "
    "ransomware.", "The Veldmark Water Authority was hit by ransomware, the utility said, and customers' payment data "
    "may have been stolen.", "Staff restored the servers from backups on Tuesday.")
ORSK = article(
    "orsk", "2024-06-10", "Data breach at Orsk Regional Hospital",
    "The Orsk Regional Hospital disclosed a data breach on Friday after attackers stole patient records from its "
    "servers.", "Security researchers said the hackers exploited CVE-2023-4966 to break into the Orsk Regional "
    "Hospital network.", "The hospital said the stolen records include names and addresses of patients.")
TARNOW = article(
    "tarnow", "2012-02-20", "Tarnow City Council hit by cyberattack",
    "Hackers attacked the Tarnow City Council on Sunday and knocked its website offline with a distributed denial of "
    "service attack.", "The Tarnow City Council said the attack disrupted online services for residents for two days.",
    "Police are investigating the cyberattack on the council.")
BRENNA = article(
    "brenna", None, "Brenna Shipping Company breached",
    "The Brenna Shipping Company said hackers breached its email servers and stole the mailboxes of its executives.",
    "Attackers used stolen passwords to access the Brenna Shipping Company network, the firm said in a statement.",
    "The company has reset all passwords and informed the authorities.")
VELDMARK_FOLLOW_UP = article(
    "veldmark-follow-up", None, "Veldmark Water Authority restores billing after ransomware",
    "The Veldmark Water Authority said on Wednesday that its billing servers are running again after last week's "
    "ransomware attack.", "The ransomware attack on the Veldmark Water Authority encrypted billing servers and may "
    "have exposed customers' payment data, the utility said.", "Customers were asked to watch for fraudulent payment "
    "requests.")


@pytest.fixture(params=BACKENDS)
def db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A new database of each kind: every test that takes it runs on SQLite and on PostgreSQL."""
    return fresh_database(request, request.param, tmp_path, f"taxii_{next(_made)}")


_made = itertools.count()
_sources: dict[str, Path] = {}


def ingest(db: str, name: str, *articles: dict) -> None:
    """Ingest ``articles`` as the JSON Lines file ``name``, beside the database's other sources: a source's id is its
    path, and the first report's path names its incident."""
    folder = _sources.setdefault(str(db), Path(tempfile.mkdtemp(prefix="taxii-sources-")))
    source = folder / f"{name}.jsonl"
    source.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    result = Cli(db, folder)("ingest", str(source))
    assert result.exit_code == 0, result.output


def everything(client: TestClient) -> dict[str, dict]:
    response = client.get(OBJECTS, params={"limit": 1000})
    assert response.status_code == 200 and not response.json()["more"]
    return {o["id"]: o for o in response.json()["objects"]}


def manifest(client: TestClient) -> Response:
    return client.get(MANIFEST, params={"limit": "1000"})


def dates_added(response: Response) -> dict[str, str]:
    """Each object's date added, from the whole manifest, in the collection's order."""
    assert response.status_code == 200 and not response.json()["more"]
    return {record["id"]: record["date_added"] for record in response.json()["objects"]}


def moment(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def test_polling_after_the_last_date_added_returns_what_changed_however_old_the_articles(db, tmp_path):
    ingest(db, "first", VELDMARK, ORSK)
    client = TestClient(create_app(str(db)))
    before, manifest_before = everything(client), manifest(client)
    last_seen = client.get(OBJECTS, params={"limit": 1000}).headers["X-TAXII-Date-Added-Last"]

    ingest(db, "second", TARNOW, VELDMARK_FOLLOW_UP)  # a report from 2012, and an undated one joining an incident
    after = everything(client)
    news = {stix_id for stix_id, obj in after.items() if before.get(stix_id) != obj}
    assert any(i.startswith("incident--") and i not in before for i in news), "the 2012 attack is a new incident"
    assert any(i.startswith("incident--") and i in before for i in news), "the follow-up changes an incident"
    with served(create_app(str(db))) as base:  # the platform's side: a real TAXII client resuming from its last poll
        collection = Server(f"{base}/taxii2/").api_roots[0].collections[0]
        pages = as_pages(collection.get_objects, per_request=5, added_after=moment(last_seen))
        polled = [o["id"] for page in pages for o in page.get("objects", [])]
    assert sorted(polled) == sorted(news)

    old, new = dates_added(manifest_before), dates_added(manifest(client))
    assert list(new.values()) == sorted(new.values()), "the collection is in the order objects were added"
    assert all(moment(new[i]) > moment(last_seen) for i in news)
    assert {i: d for i, d in new.items() if i not in news} == {i: d for i, d in old.items() if i not in news}


def test_paging_with_next_while_an_ingest_adds_objects_returns_each_object_once(db, tmp_path):
    ingest(db, "first", VELDMARK, ORSK)
    client = TestClient(create_app(str(db)))
    pages = [client.get(OBJECTS, params={"limit": 5}).json()]
    ingest(db, "second", TARNOW, BRENNA)  # older and undated reports, added between two pages
    while pages[-1]["more"]:
        pages.append(client.get(OBJECTS, params={"limit": 5, "next": pages[-1]["next"]}).json())

    seen = [o["id"] for page in pages for o in page["objects"]]
    assert len(seen) == len(set(seen)) and set(seen) == set(everything(client))
    order = list(dates_added(manifest(client)))
    assert seen == order, "pages follow the order of the dates added"


def test_each_page_says_the_dates_added_of_its_first_and_last_object(db, tmp_path):
    ingest(db, "first", VELDMARK, ORSK)
    ingest(db, "second", TARNOW)
    client = TestClient(create_app(str(db)))
    added = dates_added(manifest(client))
    cursor: dict[str, str] = {}
    pages = 0
    while True:
        response = client.get(OBJECTS, params={"limit": "4", **cursor})
        ids = [o["id"] for o in response.json()["objects"]]
        assert response.headers["X-TAXII-Date-Added-First"] == added[ids[0]]
        assert response.headers["X-TAXII-Date-Added-Last"] == added[ids[-1]]
        listed = client.get(MANIFEST, params={"limit": "4", **cursor}).json()
        assert [record["id"] for record in listed["objects"]] == ids
        pages += 1
        if not response.json()["more"]:
            break
        cursor = {"next": response.json()["next"]}
    assert pages > 2
    assert client.get(OBJECTS, params={"added_after": max(added.values())}).json() == {"more": False, "objects": []}


def test_dates_added_move_forward_even_when_the_clock_went_back(db, tmp_path):
    ingest(db, "first", VELDMARK)
    ahead = "2999-01-01 00:00:00.000000"  # as if the clock had been far ahead when this object was added
    execute(db, f"UPDATE collection_objects SET date_added = '{ahead}' WHERE seq = (SELECT max(seq) FROM "
                "collection_objects)")
    ingest(db, "second", TARNOW)
    client = TestClient(create_app(str(db)))
    polled = client.get(OBJECTS, params={"added_after": "2999-01-01T00:00:00Z"}).json()["objects"]
    assert any(o["type"] == "incident" and "Tarnow" in o["name"] for o in polled)
    added = dates_added(manifest(client))
    assert list(added.values()) == sorted(added.values())


@pytest.fixture(scope="module")
def polled_client(tmp_path_factory) -> TestClient:
    db = tmp_path_factory.mktemp("taxii") / "bad.db"
    ingest(str(db), "first", VELDMARK, ORSK)
    return TestClient(create_app(str(db)), raise_server_exceptions=False)


@pytest.mark.parametrize("params", [
    {"added_after": "2020-01-01"}, {"added_after": "2020-01-01T00:00:00"}, {"added_after": "yesterday"},
    {"added_after": "0001-01-01T00:00:00+01:00"}, {"next": "²"}, {"next": "9" * 5000}, {"next": "garbage"},
    {"next": "1.2.3"}, {"next": "9" * 18 + ".1"}, {"limit": "abc"}, {"limit": "0"}, {"limit": "-3"}, {"limit": "²"},
], ids=lambda params: "&".join(f"{key}={value[:20]}" for key, value in params.items()))
def test_bad_parameters_get_a_taxii_error_not_a_crash(polled_client, params):
    response = polled_client.get(OBJECTS, params=params)
    assert response.status_code == 400 and response.headers["content-type"].startswith(TAXII)
    error = response.json()
    assert error["http_status"] == "400" and error["title"] and next(iter(params)) in error["description"]


def test_timestamps_with_an_offset_and_huge_limits_are_understood(polled_client):
    everything = polled_client.get(OBJECTS, params={"limit": "9" * 5000}).json()
    assert everything["objects"] and not everything["more"]
    assert polled_client.get(OBJECTS, params={"added_after": "2000-01-01T01:00:00+01:00"}).json() == everything
    assert polled_client.get(OBJECTS, params={"added_after": "2999-12-31t00:00:00.123456789z"}).json()["objects"] == []


def test_an_article_dated_in_free_text_is_ingested_and_served(db, tmp_path):
    """A JSON Lines source may write any date; the collection is refreshed at each ingest, so it must not stop it."""
    ingest(db, "first", {**TARNOW, "published": "February 20, 2012"}, {**ORSK, "published": "2024-02-30"})
    polled = TestClient(create_app(str(db))).get(OBJECTS, params={"limit": 1000}).json()["objects"]
    assert sum(o["type"] == "incident" for o in polled) == 2
    stix = tmp_path / "bundle.json"
    assert Cli(db, tmp_path)("export", "--format", "stix", "--output", str(stix)).exit_code == 0
    assert {o["id"] for o in json.loads(stix.read_text(encoding="utf-8"))["objects"]} == {o["id"] for o in polled}


def stored_objects(db: Path) -> dict[str, tuple[str, str]]:
    """Each object's payload and date added, as the collection table holds them."""
    stored = rows(db, "SELECT stix_id, payload, date_added FROM collection_objects")
    return {stix_id: (payload, date_added) for stix_id, payload, date_added in stored}


def test_a_new_article_makes_only_its_incident_and_leaves_the_others_as_they_were(db, tmp_path, monkeypatch):
    ingest(db, "first", VELDMARK, ORSK)
    before = stored_objects(db)
    made = []
    own = StixBuilder.own

    def spying(builder: StixBuilder, incident: dict) -> dict[str, str]:
        made.append(incident["title"])
        return own(builder, incident)

    monkeypatch.setattr(StixBuilder, "own", spying)
    ingest(db, "second", TARNOW)  # a separate attack: the two incidents stored before do not change
    after = stored_objects(db)

    assert len(made) == 1 and "Tarnow" in made[0], made
    assert {stix_id: after[stix_id] for stix_id in before} == before, "same payload (so same modified), same date"
    new = after.keys() - before.keys()
    assert any(json.loads(after[stix_id][0])["type"] == "incident" for stix_id in new)
    assert min(after[stix_id][1] for stix_id in new) > max(date for _, date in before.values())


def test_a_changed_incident_gets_a_new_modified_and_is_polled_again(db, tmp_path):
    ingest(db, "first", VELDMARK, ORSK)
    client = TestClient(create_app(str(db)))
    before = everything(client)
    last_seen = client.get(OBJECTS, params={"limit": 1000}).headers["X-TAXII-Date-Added-Last"]

    ingest(db, "second", VELDMARK_FOLLOW_UP)  # joins the Veldmark incident: it changes
    after = everything(client)
    changed = [o for stix_id, o in after.items() if stix_id in before and o != before[stix_id]]
    assert any(o["type"] == "incident" and "Veldmark" in o["name"] for o in changed)
    versions = {record["id"]: record["version"] for record in manifest(client).json()["objects"]}
    for obj in changed:
        assert moment(obj["modified"]) > moment(before[obj["id"]]["modified"])
        assert moment(obj["modified"]) > moment(last_seen), "newer than any version a platform could hold"
        assert obj["created"] == before[obj["id"]]["created"] and versions[obj["id"]] == obj["modified"]
    polled = client.get(OBJECTS, params={"added_after": last_seen, "limit": 1000}).json()["objects"]
    assert {o["id"]: o["modified"] for o in changed} == {o["id"]: o["modified"] for o in polled if o["id"] in before}
    for obj in after.values():  # the changed ones too, with their microseconds
        stix2.parse(obj, allow_custom=True)


def test_the_objects_of_a_vanished_incident_leave_the_collection(db, tmp_path):
    ingest(db, "first", VELDMARK, TARNOW)
    client = TestClient(create_app(str(db)))
    tarnow = next(o["id"] for o in everything(client).values() if o["type"] == "incident" and "Tarnow" in o["name"])

    # the same source, corrected into a story that reports no attack: its incident is gone
    ingest(db, "first", VELDMARK, article("tarnow", "2012-02-20", "Tarnow City Council opens a library",
                                          "The Tarnow City Council opened a new public library on Sunday.",
                                          "The library has a reading room for children and a small cafe."))
    left = everything(client)
    assert tarnow not in left and not [o["id"] for o in left.values() if tarnow in json.dumps(o)]
    assert any(o["type"] == "incident" and "Veldmark" in o["name"] for o in left.values())
    held = {row[0] for row in rows(db, "SELECT incident_id FROM collection_incidents")}
    assert len(held) == 1


def test_a_database_made_before_incident_fingerprints_keeps_its_collection_as_it_was(db, tmp_path):
    ingest(db, "first", VELDMARK, ORSK)
    execute(db, "DROP TABLE collection_incidents")
    before = stored_objects(db)

    result = Cli(db, tmp_path)("resolve")
    assert result.exit_code == 0, result.output
    assert stored_objects(db) == before, "the objects made again are the same: nothing is added again"
    assert rows(db, "SELECT count(*) FROM collection_incidents") == [(2,)]


def test_objects_missing_from_the_collection_are_made_again(db, tmp_path):
    """A collection emptied by hand (or restored from an older copy) is whole again at the next resolution, although
    no incident changed."""
    ingest(db, "first", VELDMARK, ORSK)
    before = {stix_id: json.loads(payload) for stix_id, (payload, _) in stored_objects(db).items()}
    execute(db, "DELETE FROM collection_objects WHERE payload LIKE '%\"type\": \"incident\"%'")
    assert Cli(db, tmp_path)("resolve").exit_code == 0
    assert {stix_id: json.loads(payload) for stix_id, (payload, _) in stored_objects(db).items()} == before
