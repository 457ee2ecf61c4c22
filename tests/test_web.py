"""The web pages, the JSON API and TAXII 2.1, against a real database of the seed incidents."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine
from taxii2client.v21 import Server, as_pages

from cybertrack.web.app import create_app
from tests.conftest import BACKENDS, SEEDS, Cli, fresh_database, hostile_id, require_shared, served


@pytest.fixture(scope="module", params=BACKENDS)
def seeds_db(request, tmp_path_factory) -> str:
    """The seed articles ingested once into each kind of database; its path or URL."""
    require_shared()
    folder = tmp_path_factory.mktemp("web")
    db = fresh_database(request, request.param, folder, "web_seeds")
    assert Cli(db, folder)("ingest", str(SEEDS)).exit_code == 0
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
    listed = client.get("/api/incidents", params={"country": "BE"}).json()["incidents"]
    incident = next(full for i in listed if (full := client.get(f"/api/incidents/{i['id']}").json())["claims"])
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


TOKEN = {"Authorization": "Bearer s3cret"}
ATTACK_REPORT = ("Hackers broke into the Veldmark Water Authority network on Monday and encrypted its billing servers "
                 "with ransomware. The Veldmark Water Authority was hit by ransomware, the utility said.")


@pytest.fixture
def ingest_client(tmp_path) -> TestClient:
    return TestClient(create_app(str(tmp_path / "web.db"), ingest_token="s3cret"), raise_server_exceptions=False)


def test_web_ingest_never_reads_a_local_file_or_folder(ingest_client, tmp_path):
    """A token-holder must not make the server publish its own files: only http(s) URLs and pasted text."""
    folder = tmp_path / "private"
    folder.mkdir()
    (folder / "secret.txt").write_text(ATTACK_REPORT, encoding="utf-8")
    for source in ("/etc/passwd", str(folder), str(folder / "secret.txt"), "file:///etc/passwd",
                   "ftp://example.org/news.html", "private/secret.txt"):
        response = ingest_client.post("/api/ingest", json={"url": source}, headers=TOKEN)
        assert response.status_code == 422, (source, response.text)
        assert "http:// or https://" in response.json()["detail"]
        assert ingest_client.post("/ingest", data={"url": source, "token": "s3cret"}).status_code == 422
    assert ingest_client.get("/api/documents").json()["documents"] == []
    for stored in ("passwd", "secret.txt", "/etc/passwd"):
        assert ingest_client.get(f"/documents/{stored}").status_code == 404


def test_malformed_highlight_is_a_client_error(seeds_db):
    client = TestClient(create_app(str(seeds_db)), raise_server_exceptions=False)
    document = client.get("/api/documents").json()["documents"][0]["id"]
    assert client.get(f"/documents/{document}", params={"highlight": "0-20"}).status_code == 200
    assert client.get(f"/documents/{document}").status_code == 200
    for bad in ("²-5", "5-²", "x-1", "1-", "9" * 5000 + "-1", "20-10"):
        response = client.get(f"/documents/{document}", params={"highlight": bad})
        assert response.status_code == 422, (bad[:20], response.status_code)


def test_ingest_token_only_as_bearer_and_any_token_is_a_401_at_worst(ingest_client):
    """A blank text with a valid token is a 422 ("give a url or some text"); with a bad one, a 401."""
    blank = {"text": " "}

    def status(authorization: str | bytes) -> int:
        return ingest_client.post("/api/ingest", json=blank, headers={"Authorization": authorization}).status_code

    for refused in ("s3cret", "Bearer é".encode(), "Bearer \u00e9\u00e9".encode("latin-1"), "Basic s3cret",
                    "Token s3cret", "Bearer", "Bearer s3cret2"):
        assert status(refused) == 401, refused
    assert status("Bearer s3cret") == 422 and status("bearer s3cret") == 422  # the scheme's case does not matter
    refused = ingest_client.post("/api/ingest", json=blank, headers={"Authorization": "s3cret"})
    assert refused.headers["WWW-Authenticate"] == "Bearer"
    assert ingest_client.post("/ingest", data={"text": " ", "token": "é"}).status_code == 401
    assert ingest_client.post("/ingest", data={"text": " ", "token": "s3cret"}).status_code == 422


def _exhausted(database) -> None:
    """The database's real engine swapped for one with a single connection, which a request waits 0.2 s for."""
    database.engine = create_engine(database.url, pool_size=1, max_overflow=0, pool_timeout=0.2)


def test_an_exhausted_connection_pool_answers_503_with_retry_after(seeds_db):
    app = create_app(str(seeds_db))
    database = app.state.store.database
    _exhausted(database)
    client = TestClient(app, raise_server_exceptions=False)
    from cybertrack.web.taxii import COLLECTION_ID

    paths = ("/api/incidents", "/", f"/taxii2/cybertrack/collections/{COLLECTION_ID}/objects/")
    with database.engine.connect():  # the pool's only connection, held by someone else
        for path in paths:
            response = client.get(path)
            assert response.status_code == 503, (path, response.status_code)
            assert int(response.headers["Retry-After"]) > 0
            assert str(seeds_db) not in response.text  # where the database lives is not the client's business
    assert all(client.get(path).status_code == 200 for path in paths)


def test_a_locked_database_at_ingest_answers_503_with_retry_after(tmp_path):
    db = tmp_path / "web.db"
    app = create_app(str(db), ingest_token="s3cret")
    database = app.state.store.database
    database.engine = create_engine(database.url, connect_args={"timeout": 0.2})  # a writer waits 0.2 s for the lock
    client = TestClient(app, raise_server_exceptions=False)
    writer = sqlite3.connect(db)
    try:
        writer.execute("BEGIN IMMEDIATE")  # another writer holds the lock
        response = client.post("/api/ingest", json={"text": ATTACK_REPORT}, headers=TOKEN)
    finally:
        writer.rollback()
        writer.close()
    assert response.status_code == 503 and int(response.headers["Retry-After"]) > 0
    assert client.post("/api/ingest", json={"text": ATTACK_REPORT}, headers=TOKEN).json()["ingested"]


def test_every_response_carries_the_security_headers(client):
    for path in ("/", "/api/incidents", "/static/style.css", "/taxii2/", "/docs", "/openapi.json", "/no-such-page",
                 "/api/incidents/no-such-id", "/api/search"):
        response = client.get(path)
        policy = dict(part.strip().split(" ", 1) for part in response.headers["Content-Security-Policy"].split(";"))
        assert policy["default-src"] == "'self'" and policy["script-src"] == "'self'", path
        assert policy["object-src"] == "'none'" and policy["frame-ancestors"] == "'none'", path
        assert policy["base-uri"] == "'none'" and policy["form-action"] == "'self'", path
        assert response.headers["X-Content-Type-Options"] == "nosniff", path
        assert response.headers["Referrer-Policy"] == "same-origin", path


def test_api_docs_are_served_from_this_server_only(client):
    page = client.get("/docs")
    assert page.status_code == 200
    scripts = re.findall(r"<script\b[^>]*>", page.text)
    assert scripts and all(" src=" in tag for tag in scripts)  # no inline script: the policy would block it
    links = re.findall(r'(?:src|href)="([^"]*)"', page.text)
    assert any(link.endswith("swagger-ui-bundle.js") for link in links)
    for link in links:
        assert urlsplit(link).hostname in {None, "testserver"}, link  # this server, as the client calls it
        assert client.get(link).status_code == 200, link
    assert client.get("/redoc").status_code == 404  # ReDoc would load from a CDN too


def test_documents_whose_ids_hold_url_characters_open_from_their_incident(tmp_path: Path) -> None:
    """Ids are full paths, URLs or 'dump.jsonl/line id': a '#', '?' or '%' in them must not cut the link short."""
    from tests.conftest import HOSTILE_ARTICLE

    source = tmp_path / "dump.jsonl"
    source.write_text(json.dumps({**HOSTILE_ARTICLE, "id": "story #2?x=1%"}) + "\n", encoding="utf-8")
    db = tmp_path / "odd.db"
    assert Cli(db)("ingest", str(source)).exit_code == 0
    client = TestClient(create_app(str(db)))
    incident = client.get("/api/incidents").json()["incidents"][0]
    page = client.get(f"/incidents/{incident['id']}").text
    links = re.findall(r'href="(/documents/[^"]+)"', page)
    assert links
    for link in links:
        opened = client.get(link.replace("&amp;", "&"))
        assert opened.status_code == 200, link
        assert "Veldmark Water Authority" in opened.text


def test_incident_page_says_why_its_reports_are_one_incident(client):
    listed = client.get("/api/incidents", params={"country": "BE"}).json()["incidents"]
    merged = client.get(f"/api/incidents/{next(i['id'] for i in listed if i['reports'] > 1)}").json()
    page = client.get(f"/incidents/{merged['id']}").text
    assert "Why these reports are one incident" in page
    section = page.split('id="links"')[1].split("</ol>")[0]
    assert section.count("<li>") == len(merged["links"]) == len(merged["documents"]) - 1
    assert " joined " in section and "sentences alike" in section
