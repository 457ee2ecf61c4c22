"""Server-side request forgery: pages, redirects and feed links that point inside must not be fetched, stored
or served, unless intranet sources are opened with --allow-private-addresses.

Each test checks the hostile intranet server's own request log (nothing reached it) and the database (nothing
from it was stored), not just the error message.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from ipaddress import IPv4Address, IPv6Address, ip_address
from pathlib import Path
from urllib.parse import quote
from xml.sax.saxutils import escape

import httpx
import pytest
from fastapi.testclient import TestClient

import cybertrack
from cybertrack.ingest.egress import EgressPolicy, EgressRefused
from cybertrack.ingest.web import Fetcher
from cybertrack.web.app import create_app
from tests.hostile.conftest import STAND_IN_HOST
from tests.hostile.servers import PUBLIC_PARAGRAPHS, SECRET_MARKER, HostileServer

OPEN_HINT = "use --allow-private-addresses to reach intranet sources"


class PublicStandIn(EgressPolicy):
    """The default policy, except that 127.0.0.2 counts as a public web server: no public host is reachable from a
    test, and a redirect can only be refused at its second hop if the first one is allowed."""

    def refusal(self, address: IPv4Address | IPv6Address) -> str | None:
        return None if address == ip_address(STAND_IN_HOST) else super().refusal(address)


# IPv4 loopback as a URL can spell it (httpx rejects the octal 0177.0.0.1 as an invalid URL)
LOOPBACK_SPELLINGS = ["127.0.0.1", "0x7f000001", "2130706433", "127.1", "localhost", "::ffff:127.0.0.1"]


def loopback_spellings(server: HostileServer) -> list[str]:
    """The intranet server's secret under every spelling of IPv4 loopback."""
    return [server.url("/secret", host) for host in LOOPBACK_SPELLINGS]


def unreached(server: HostileServer, since: int) -> bool:
    with server.lock:
        return server.requests[since:] == []


def everything_stored(export: dict) -> str:
    return json.dumps(export, ensure_ascii=False)


# --- pages on internal addresses ----------------------------------------------------------------------------------

def test_internal_urls_in_every_spelling_are_refused_and_nothing_is_stored(cli, intranet):
    urls = loopback_spellings(intranet)
    before = len(intranet.requests)
    result = cli("ingest", "-q", *urls)

    assert result.exit_code == 1, result.output
    assert f"failed {len(urls)}" in result.output
    for url in urls:
        assert f"failed: {url}: refused: " in result.output
    assert f"failed: {urls[0]}: refused: 127.0.0.1 is a loopback address; {OPEN_HINT}" in result.output
    assert f"failed: {urls[1]}: refused: 0x7f000001 resolves to 127.0.0.1, a loopback address" in result.output
    assert unreached(intranet, before)
    assert cli.export()["documents"] == []


def test_ipv6_loopback_url_is_refused(cli, intranet6):
    url = intranet6.url("/secret")
    before = len(intranet6.requests)
    result = cli("ingest", "-q", url)

    assert result.exit_code == 1, result.output
    assert f"failed: {url}: refused: ::1 is a loopback address" in result.output
    assert unreached(intranet6, before)
    assert cli.export()["documents"] == []


def test_allow_private_addresses_reads_an_intranet_source(cli, intranet):
    url = intranet.url("/secret")
    result = cli("ingest", "-q", "--allow-private-addresses", url)

    assert result.exit_code == 0, result.output
    [document] = cli.export()["documents"]
    assert document["id"] == url
    assert SECRET_MARKER in document["text"]


# --- redirects from a public site ---------------------------------------------------------------------------------

@pytest.fixture
def stand_in_fetcher() -> Iterator[Fetcher]:
    with Fetcher(timeout=5, max_bytes=1_000_000, policy=PublicStandIn()) as fetcher:
        yield fetcher


def test_the_stand_in_public_site_and_its_redirects_are_reachable(stand_in, stand_in_fetcher):
    """The control for the refusals below: the open redirect does lead on when it stays public."""
    page = stand_in_fetcher.fetch(stand_in.url(f"/redirect?to={quote(stand_in.url('/page'))}"))

    assert page.url == stand_in.url("/page")
    assert PUBLIC_PARAGRAPHS[0].encode() in page.body


@pytest.mark.parametrize("host", [*LOOPBACK_SPELLINGS, "::1"])
def test_redirect_from_a_public_site_to_an_internal_address_is_refused(host, stand_in, stand_in_fetcher, request):
    intranet = request.getfixturevalue("intranet6" if host == "::1" else "intranet")
    before, hops = len(intranet.requests), len(stand_in.requests)
    target = intranet.url("/secret", host)
    with pytest.raises(EgressRefused, match=r"^refused: .* a loopback address"):
        stand_in_fetcher.fetch(stand_in.url(f"/redirect?to={quote(target)}"))

    assert len(stand_in.requests) == hops + 1, "the first, public hop was made"
    assert unreached(intranet, before)


def test_redirect_to_cloud_metadata_is_refused_even_with_the_option(stand_in):
    class OpenStandIn(PublicStandIn):
        def refusal(self, address: IPv4Address | IPv6Address) -> str | None:
            return EgressPolicy(allow_private_addresses=True).refusal(address)

    with Fetcher(timeout=5, max_bytes=1_000_000, policy=OpenStandIn()) as fetcher, \
            pytest.raises(EgressRefused, match=r"^refused: 169\.254\.169\.254 is a cloud metadata address$"):
        fetcher.fetch(stand_in.url(f"/redirect?to={quote('http://169.254.169.254/latest/meta-data/')}"))


# --- feeds linking inside -----------------------------------------------------------------------------------------

FEED_TEXTS = {
    "loopback": "Regional grid operator Ostmark Netz said a phishing campaign targeted its control room staff, "
                "and that no systems were compromised before the emails were quarantined.",
    "hex": "The city of Larchfield restored its parking payment terminals after a malware infection that forced "
           "the council to offer free parking for two days.",
    "metadata": "Shipping insurer Calloway Mutual reported that attackers stole the credentials of a claims "
                "handler and downloaded policy documents of several hundred clients.",
}


def hostile_feed(intranet: HostileServer) -> tuple[str, dict[str, str]]:
    """An RSS feed whose item links point at the intranet server and the cloud metadata service."""
    links = {"loopback": intranet.url("/secret"), "hex": intranet.url("/secret", "0x7f000001"),
             "metadata": "http://169.254.169.254/latest/meta-data/iam/security-credentials/"}
    items = "".join(f"<item><title>{name}</title><link>{escape(links[name])}</link>"
                    f"<description>{escape(FEED_TEXTS[name])}</description></item>" for name in links)
    feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Hostile</title>{items}</channel></rss>'
    return feed, links


def test_feed_links_to_internal_addresses_fall_back_to_the_feed_text(cli, intranet, tmp_path):
    feed, links = hostile_feed(intranet)
    (tmp_path / "hostile.rss").write_text(feed, encoding="utf-8")
    before = len(intranet.requests)
    result = cli("ingest", "-q", str(tmp_path / "hostile.rss"))

    assert result.exit_code == 0, result.output
    assert f"note: {links['loopback']}: its article could not be fetched (refused: 127.0.0.1 is a loopback " \
           f"address; {OPEN_HINT}); used the feed item's own text" in result.output
    assert f"note: {links['metadata']}: its article could not be fetched (refused: 169.254.169.254 is a cloud " \
           "metadata address)" in result.output
    assert unreached(intranet, before)
    export = cli.export()
    documents = {d["id"]: d for d in export["documents"]}
    assert set(documents) == set(links.values())
    for name, link in links.items():
        assert documents[link]["text"] == FEED_TEXTS[name]
    assert SECRET_MARKER not in everything_stored(export)


def test_feed_links_to_the_intranet_are_read_with_the_option_but_metadata_never(cli, intranet, tmp_path):
    feed, links = hostile_feed(intranet)
    (tmp_path / "hostile.rss").write_text(feed, encoding="utf-8")
    result = cli("ingest", "-q", "--allow-private-addresses", "--timeout", "3", str(tmp_path / "hostile.rss"))

    assert result.exit_code == 0, result.output
    documents = {d["id"]: d for d in cli.export()["documents"]}
    assert SECRET_MARKER in documents[links["loopback"]]["text"]
    assert documents[links["metadata"]]["text"] == FEED_TEXTS["metadata"]
    assert "169.254.169.254 is a cloud metadata address" in result.output


# --- the web server's ingest --------------------------------------------------------------------------------------

def ingest_url(client: TestClient, url: str) -> dict:
    response = client.post("/api/ingest", json={"url": url}, headers={"Authorization": "Bearer s3cret"})
    assert response.status_code == 200, response.text
    return response.json()


def test_server_ingest_refuses_internal_urls_and_serves_nothing(tmp_path, intranet):
    client = TestClient(create_app(str(tmp_path / "web.db"), ingest_token="s3cret"))
    before = len(intranet.requests)
    urls = loopback_spellings(intranet)
    failed = [f for url in urls for f in ingest_url(client, url)["failed"]]

    assert [f["source"] for f in failed] == urls
    assert all(f["reason"].startswith("refused: ") and "loopback" in f["reason"] for f in failed)
    assert unreached(intranet, before)
    assert client.get("/api/documents").json() == {"documents": []}
    assert client.get("/api/search", params={"q": SECRET_MARKER}).json()["documents"] == []


def test_server_ingest_reads_intranet_sources_with_the_option(tmp_path, intranet):
    client = TestClient(create_app(str(tmp_path / "web.db"), ingest_token="s3cret", allow_private_addresses=True))
    url = intranet.url("/secret")
    done = ingest_url(client, url)

    assert done["failed"] == [] and done["ingested"] == [url]
    assert client.get("/api/search", params={"q": SECRET_MARKER}).json()["documents"] == [url]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.parametrize("option", [[], ["--allow-private-addresses"]])
def test_cybertrack_serve_refuses_intranet_sources_unless_told(tmp_path, intranet, option):
    """`cybertrack serve` itself, in its own process: the option reaches the app and the default is to refuse."""
    port = free_port()
    code_under_test = str(Path(cybertrack.__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": code_under_test, "CYBERTRACK_TOKEN": "s3cret"}
    command = [sys.executable, "-m", "cybertrack.cli", "serve", "--db", str(tmp_path / "served.db"),
               "--port", str(port), "--allow-ingest", *option]
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                httpx.get(f"{base}/api/documents", timeout=1)
                break
            except httpx.TransportError:
                assert server.poll() is None, server.stderr.read().decode()
                time.sleep(0.1)
        url = intranet.url("/secret", "0x7f000001")
        done = httpx.post(f"{base}/api/ingest", json={"url": url}, headers={"Authorization": "Bearer s3cret"},
                          timeout=60).json()
        served = httpx.get(f"{base}/api/search", params={"q": SECRET_MARKER}, timeout=10).json()["documents"]
    finally:
        server.terminate()
        server.wait(timeout=10)
    if option:
        assert done["ingested"] == [url] and served == [url]
    else:
        [failure] = done["failed"]
        assert failure["reason"] == f"refused: 0x7f000001 resolves to 127.0.0.1, a loopback address; {OPEN_HINT}"
        assert done["ingested"] == [] and served == []


