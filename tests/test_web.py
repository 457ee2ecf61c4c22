"""The web pages, the JSON API and TAXII 2.1, against a real database of the seed incidents."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from taxii2client.v21 import Server, as_pages

from cybertrack.web.app import create_app
from tests.conftest import SEEDS, Cli, hostile_id, require_shared, served


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory) -> Path:
    require_shared()
    db = tmp_path_factory.mktemp("web") / "seeds.db"
    assert Cli(db)("ingest", str(SEEDS)).exit_code == 0
    return db


@pytest.fixture(scope="module")
def client(seeds_db) -> TestClient:
    return TestClient(create_app(str(seeds_db)))


def test_incident_list_filters_by_victim_country(client):
    everything = client.get("/")
    assert everything.status_code == 200
    russian = client.get("/", params={"country": "RU"}).text
    assert russian.count('class="incident"') == 1
    assert "Russian" in russian and "Belnet" not in russian


def test_incident_page_links_each_claim_to_its_highlighted_sentence(client):
    incidents = client.get("/api/incidents", params={"country": "BE"}).json()["incidents"]
    incident = next(i for i in incidents if i["claims"])
    page = client.get(f"/incidents/{incident['id']}")
    assert page.status_code == 200 and 'id="claims"' in page.text
    claim = incident["claims"][0]
    document = client.get(f"/documents/{claim['document']}",
                          params={"highlight": f"{claim['offsets'][0]}-{claim['offsets'][1]}"})
    assert document.status_code == 200
    marked = document.text.split('<mark id="evidence" class="evidence">')[1].split("</mark>")[0]
    assert "".join(part.split(">")[-1] for part in marked.split("<")) in claim["evidence"]


def test_api_filters_pages_and_searches(client):
    chinese = client.get("/api/incidents", params={"state": "CN"}).json()
    assert chinese["total"] >= 5 and all("CN" in i["states"] for i in chinese["incidents"])
    apt31 = client.get("/api/incidents", params={"actor": "zirconium"}).json()  # an alias finds the actor
    assert apt31["total"] >= 1
    assert client.get("/api/incidents/no-such-id").status_code == 404
    assert any(a["name"] == "APT31" for a in client.get("/api/actors").json()["actors"])
    assert client.get("/api/search", params={"q": "Belnet"}).json()["incidents"]
    assert "/api/incidents" in client.get("/openapi.json").json()["paths"]


def test_text_from_articles_renders_inert(hostile_db):
    """An article carrying markup and a javascript: address must show as text, never run."""
    db = hostile_db
    client = TestClient(create_app(str(db)))
    incidents = client.get("/api/incidents").json()["incidents"]
    assert incidents, "the article should make an incident, so that its page is checked too"
    pages = [client.get(f"/documents/{hostile_id(db)}").text, client.get("/").text]
    pages += [client.get(f"/incidents/{i['id']}").text for i in incidents]
    for page in pages:
        assert "<script>alert" not in page and 'href="javascript:' not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(&#39;text&#39;)&lt;/script&gt;" in pages[0]


def test_taxii2_client_pages_through_exactly_the_stix_export(seeds_db, tmp_path):
    with served(create_app(str(seeds_db))) as base:
        collection = Server(f"{base}/taxii2/").api_roots[0].collections[0]
        assert collection.can_read and not collection.can_write
        seen = [o["id"] for page in as_pages(collection.get_objects, per_request=20) for o in page.get("objects", [])]
    stix = tmp_path / "bundle.json"
    assert Cli(seeds_db, tmp_path)("export", "--format", "stix", "--output", str(stix)).exit_code == 0
    expected = [o["id"] for o in json.loads(stix.read_text(encoding="utf-8"))["objects"]]
    assert len(seen) == len(set(seen)) and sorted(seen) == sorted(expected)


def test_ingesting_from_the_web_is_off_by_default(client):
    response = client.post("/api/ingest", json={"text": "Hackers hit the Veldmark Water Authority."})
    assert response.status_code == 403 and "--allow-ingest" in response.json()["detail"]


def test_pasted_text_is_ingested_with_the_token_only(tmp_path):
    client = TestClient(create_app(str(tmp_path / "web.db"), ingest_token="s3cret"))
    article = ("Ransomware attack hits Veldmark Water Authority\\n"
               "Hackers broke into the Veldmark Water Authority network on Monday and encrypted its billing servers "
               "with ransomware. The Veldmark Water Authority was hit by ransomware, the utility said, and customers' "
               "payment data may have been stolen.")
    body = {"text": article, "title": "Ransomware attack hits Veldmark Water Authority"}
    assert client.post("/api/ingest", json=body).status_code == 401
    assert client.post("/api/ingest", json=body, headers={"Authorization": "Bearer wrong"}).status_code == 401
    done = client.post("/api/ingest", json=body, headers={"Authorization": "Bearer s3cret"}).json()
    assert len(done["ingested"]) == 1 and done["incidents"] >= 1
    again = client.post("/ingest", data={"text": article, "token": "s3cret"})
    assert again.status_code == 200 and "already present" in again.text
    assert client.get("/api/incidents").json()["total"] >= 1


def test_taxii_objects_filter_by_added_after_and_page_with_next(client):
    from cybertrack.web.taxii import COLLECTION_ID, TAXII

    url = f"/taxii2/cybertrack/collections/{COLLECTION_ID}/objects/"
    everything = client.get(url, params={"limit": 1000})
    assert everything.headers["content-type"].startswith(TAXII)
    total = len(everything.json()["objects"])
    first = client.get(url, params={"limit": 10}).json()
    assert first["more"] and len(first["objects"]) == 10
    second = client.get(url, params={"limit": 10, "next": first["next"]}).json()
    assert not {o["id"] for o in first["objects"]} & {o["id"] for o in second["objects"]}
    assert client.get(url, params={"added_after": "2999-01-01T00:00:00Z"}).json()["objects"] == []
    assert len(client.get(url, params={"added_after": "1999-01-01T00:00:00Z", "limit": 1000}).json()["objects"]) \
        == total
    assert client.get("/taxii2/cybertrack/collections/no-such-collection/objects/").status_code == 404
