"""Web sources end to end: pages, feeds and HTTP failures, against a real local HTTP server.

The server runs on 127.0.0.1 in a background thread for the whole module and
serves invented articles and feeds; nothing else is ever contacted. Loopback is
refused by default (see tests/hostile/), so every fetch here opens it explicitly.
"""

from __future__ import annotations

import json
import sys
import threading
import time
from collections.abc import Callable, Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape

import pytest
from click.testing import CliRunner

from cybertrack import USER_AGENT
from cybertrack.cli import main
from cybertrack.ingest import SourceOptions, iter_items
from cybertrack.model import ItemError, SourceItem
from tests.hostile.servers import Handler

SLOW_SECONDS = 3.0
DRIP_SECONDS = 2.0

# --- invented pages ---------------------------------------------------------------------------

NAV = """<nav class="site-nav"><ul>
<li><a href="/">Front page</a></li><li><a href="/markets">Markets</a></li>
<li><a href="/weather">Weather</a></li><li><a href="/puzzles">Crosswords and puzzles</a></li>
<li><a href="/subscribe">Subscribe for 1 euro a week</a></li></ul></nav>"""

FOOTER = """<footer><p>Copyright 2031 The Quayside Courier. All rights reserved.</p>
<p><a href="/privacy">Privacy policy</a> | <a href="/cookies">Cookie settings</a> |
<a href="/newsletter">Sign up for the Quayside morning newsletter</a></p></footer>"""

NAV_FOOTER_MARKERS = ("Crosswords", "Subscribe for 1 euro", "All rights reserved", "Cookie settings",
                      "morning newsletter")


def page(title: str, paragraphs: list[str], extra: str = "") -> str:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title></head>
<body>
<header><div class="logo">The Quayside Courier</div></header>
{NAV}
<main><article>
<h1>{title}</h1>
<p class="byline">By Ilse Marwood, security correspondent</p>
{body}
</article>
<aside class="related"><h3>Most read</h3><ul><li><a href="/x">Lottery numbers for Tuesday</a></li>
<li><a href="/y">Ten sandwiches ranked by our panel</a></li></ul></aside>
</main>
{extra}
{FOOTER}
</body></html>"""


PORT_TITLE = "Ransomware halts the cranes at the port of Valdermoor"
PORT_PARAGRAPHS = [
    "Container cranes at the port of Valdermoor stood still for most of Monday after a ransomware attack "
    "encrypted the terminal operating system that schedules every lift, the harbour authority said.",
    "A group calling itself GlassMoth claimed the intrusion on its leak site and demanded four million "
    "dollars in cryptocurrency, threatening to publish shipping manifests and staff passports.",
    "The authority said its engineers disconnected the terminal network from the wider harbour systems within "
    "an hour, and that ships already in the basin were moved by hand under the supervision of the pilots.",
    "Investigators believe the attackers entered through a remote maintenance account belonging to a crane "
    "supplier that had not been protected by a second factor, according to a person briefed on the inquiry.",
]

WATER_TITLE = "Brackenfield water utility finds intruders in its billing system"
WATER_PARAGRAPHS = [
    "The municipal water company of Brackenfield disclosed on Thursday that unknown intruders had spent "
    "three weeks inside the servers that produce its customer invoices.",
    "The company stressed that the pumps and the treatment plant run on a separate network and that the "
    "quality of drinking water was never at risk during the incident.",
    "Names, postal addresses and bank account numbers of about eighty thousand households may have been "
    "copied, and the utility has begun writing to every affected customer this week.",
    "The regional data protection office confirmed it had received a breach notification and opened a file, "
    "while the police cyber unit is examining a compromised web server used by the meter readers.",
]

CAMPUS_TITLE = "Phishing wave drains research grant accounts at Northmere Polytechnic"
CAMPUS_PARAGRAPHS = [
    "Northmere Polytechnic lost almost two hundred thousand euros of research money after a phishing "
    "campaign tricked finance staff into changing the bank details of a laboratory supplier.",
    "The forged emails imitated the supplier's invoicing department with unusual care and referred to real "
    "purchase orders, which suggests that a mailbox at the supplier had been taken over first.",
    "The polytechnic has frozen all changes of payment details until every request is confirmed by telephone, "
    "and it asked the national computer emergency team to help trace the transfers.",
]

GONE_DESCRIPTION = (
    "<p>Freight forwarder Tarrow and Pike confirmed that a criminal group copied customs declarations "
    "from a misconfigured storage bucket over the weekend.</p>"
    "<p>The firm says no payment card data was exposed and that it has reported the leak to the regulator.</p>"
)
GONE_PHRASE = "copied customs declarations from a misconfigured storage bucket"

ATOM_NO_LINK_CONTENT = (
    "Satellite ground station operator Orbelline reported that stolen engineer credentials were used to "
    "log in to its antenna scheduling portal. The company reset every password and said no satellite "
    "commands were sent during the intrusion."
)


LATIN1_PAGE = page("Cyberattaque contre la mairie de Vélizac", [
    "La mairie de Vélizac a été victime d'une cyberattaque qui a paralysé l'état civil pendant trois jours, "
    "a indiqué le maire lors d'une réunion publique.",
    "Les pirates ont chiffré les serveurs du service des élections et réclamé une rançon que la commune "
    "refuse de payer, selon la préfecture.",
    "Les données des habitants n'auraient pas été publiées, mais une plainte a été déposée auprès de la "
    "gendarmerie et l'agence nationale a dépêché une équipe sur place.",
]).replace('<meta charset="utf-8">', "")


def big_page(size: int) -> bytes:
    filler = "<p>" + "The attackers moved laterally through the shared drives of the contractor. " * 20 + "</p>\n"
    html = page("A very long incident timeline", [])
    body = html.replace("</article>", filler * (size // len(filler) + 1) + "</article>")
    return body.encode()


def rss_feed(base: str) -> str:
    def item(title: str, link: str, description: str) -> str:
        return (f"<item><title>{escape(title)}</title><link>{link}</link>"
                f"<pubDate>Mon, 03 Mar 2031 08:00:00 GMT</pubDate>"
                f"<description>{escape(description)}</description></item>")

    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Quayside Courier: security</title><link>{base}/</link>
<description>Security news</description>
{item(PORT_TITLE, f"{base}/articles/port.html", "Cranes stopped at Valdermoor. Teaser only.")}
{item(WATER_TITLE, f"{base}/articles/water.html", "Brackenfield utility breach. Teaser only.")}
{item("Tarrow and Pike confirms a customs data leak", f"{base}/articles/gone.html", GONE_DESCRIPTION)}
</channel></rss>
"""


def atom_feed(base: str, second_id: str = "") -> str:
    """Two entries: one linking to an article on the server, one with no link (and no id unless given)."""
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Campus and space security digest</title><id>urn:uuid:5b1e0d36-digest</id>
<updated>2031-04-02T09:00:00Z</updated>
<entry><title>{CAMPUS_TITLE}</title><id>urn:uuid:campus-1</id>
<link rel="alternate" href="{base}/articles/campus.html"/>
<updated>2031-04-01T10:00:00Z</updated><summary>Grant money lost to forged invoices.</summary></entry>
<entry><title>Orbelline resets passwords after portal intrusion</title>{second_id}
<updated>2031-04-02T09:00:00Z</updated><content type="text">{ATOM_NO_LINK_CONTENT}</content></entry>
</feed>
"""


# --- the server -------------------------------------------------------------------------------

ARTICLES = {
    "/articles/port.html": page(PORT_TITLE, PORT_PARAGRAPHS),
    "/articles/water.html": page(WATER_TITLE, WATER_PARAGRAPHS),
    "/articles/campus.html": page(CAMPUS_TITLE, CAMPUS_PARAGRAPHS),
}


class _Server(ThreadingHTTPServer):
    daemon_threads = True  # a handler still sleeping must never hold up the test run
    block_on_close = False

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.log: list[tuple[str, dict[str, str]]] = []
        self.lock = threading.Lock()
        self.stopping = threading.Event()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def handle_error(self, request, client_address) -> None:
        # The client gives up on the slow and oversized answers: a broken pipe here is expected.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


class _Handler(Handler):
    server: _Server  # type: ignore[assignment]  # the routes and the log of this file's server

    def do_GET(self) -> None:
        with self.server.lock:
            self.server.log.append((self.path, dict(self.headers.items())))
        parts = urlsplit(self.path)
        path, base = parts.path, self.server.base
        if path in ARTICLES:
            self.send(200, ARTICLES[path].encode(), "text/html; charset=utf-8")
        elif path == "/feeds/security.rss":
            self.send(200, rss_feed(base).encode(), "application/rss+xml; charset=utf-8")
        elif path == "/feeds/garbage.rss":
            self.send(200, b"these are plain words and no markup at all\nsecond line of nothing\n",
                      "application/rss+xml")
        elif path == "/feeds/echo":  # a "feed" whose body is whatever the query says
            self.send(200, parse_qs(parts.query)["body"][0].encode(), "application/rss+xml")
        elif path == "/loop":
            self.redirect("/loop")
        elif path == "/ping":
            self.redirect(f"{base}/pong")
        elif path == "/pong":
            self.redirect(f"{base}/ping")
        elif path == "/moved":
            self.redirect("/articles/water.html")
        elif path == "/slow":
            self.server.stopping.wait(SLOW_SECONDS)
            self.send(200, ARTICLES["/articles/port.html"].encode(), "text/html")
        elif path == "/latin1.html":  # the charset is only in the HTTP header, as many older sites do
            self.send(200, LATIN1_PAGE.encode("iso-8859-1"), "text/html; charset=iso-8859-1")
        elif path == "/drip":  # every byte arrives in time, the whole page does not
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            body = ARTICLES["/articles/water.html"].encode()
            deadline = time.monotonic() + DRIP_SECONDS
            for i in range(len(body)):
                if time.monotonic() > deadline or self.server.stopping.wait(0.1):
                    break
                self.wfile.write(body[i:i + 1])
                self.wfile.flush()
        elif path == "/big":
            self.send(200, big_page(50_000), "text/html")
        elif path == "/big-streamed":  # no Content-Length: the size is only known while reading
            body = big_page(50_000)
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for start in range(0, len(body), 4096):
                self.wfile.write(body[start:start + 4096])
        else:
            self.send(404, b"<html><body><h1>Not found</h1></body></html>", "text/html")


@pytest.fixture(scope="module")
def server() -> Iterator[_Server]:
    srv = _Server()
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield srv
    finally:
        srv.stopping.set()
        srv.shutdown()
        srv.server_close()
        thread.join(timeout=2)


@pytest.fixture
def base(server: _Server) -> str:
    return server.base


# --- helpers ----------------------------------------------------------------------------------

def collect(sources: list[str], **options: float) -> list[SourceItem | ItemError]:
    return list(iter_items(sources, SourceOptions(allow_private_addresses=True, **options)))


def errors_of(results: list[SourceItem | ItemError]) -> list[ItemError]:
    return [r for r in results if isinstance(r, ItemError)]


@pytest.fixture
def cli(tmp_path: Path) -> Callable[..., tuple[object, dict]]:
    """Run ``cybertrack ingest -q`` on a fresh database, then export it; return the result and the export."""
    db = tmp_path / "cybertrack.sqlite"
    runner = CliRunner()

    def run(*args: str) -> tuple[object, dict]:
        result = runner.invoke(main, ["ingest", "--db", str(db), "-q", "--allow-private-addresses", *args])
        assert result.exception is None or isinstance(result.exception, SystemExit), result.output
        out = tmp_path / "export.json"
        exported = runner.invoke(main, ["export", "--db", str(db), "-o", str(out)])
        assert exported.exit_code == 0, exported.output
        return result, json.loads(out.read_text(encoding="utf-8"))

    return run


def by_id(export: dict) -> dict[str, dict]:
    return {doc["id"]: doc for doc in export["documents"]}


# --- 1. one HTML page -------------------------------------------------------------------------

def test_html_page_is_fetched_and_its_article_extracted(base, cli):
    url = f"{base}/articles/port.html"
    result, export = cli(url)

    assert result.exit_code == 0, result.output
    assert "ingested 1," in result.output and "failed 0" in result.output
    [doc] = export["documents"]
    assert doc["id"] == url
    assert doc["url"] == url
    assert doc["title"] == PORT_TITLE
    assert doc["language"] == "en"
    for paragraph in PORT_PARAGRAPHS:
        assert paragraph in doc["text"]
    for marker in (*NAV_FOOTER_MARKERS, "Lottery numbers", "Front page"):
        assert marker not in doc["text"]


def test_redirected_page_keeps_the_requested_url_as_id_and_records_the_final_url(base):
    [item] = collect([f"{base}/moved"])

    assert isinstance(item, SourceItem), item
    assert item.source_id == f"{base}/moved"
    assert item.url == f"{base}/articles/water.html"
    assert item.origin == "url"
    assert WATER_PARAGRAPHS[0] in item.html


# --- 2. HTTP errors ---------------------------------------------------------------------------

def test_404_is_one_error_and_the_other_sources_still_go_in(base):
    good, missing, other = f"{base}/articles/port.html", f"{base}/nowhere.html", f"{base}/articles/water.html"
    results = collect([good, missing, other])

    assert [r.source_id for r in results] == [good, missing, other]
    [error] = errors_of(results)
    assert error.source_id == missing
    assert "404" in error.reason


def test_cli_404_exits_1_and_stores_the_rest(base, cli):
    good, missing, other = f"{base}/articles/port.html", f"{base}/nowhere.html", f"{base}/articles/water.html"
    result, export = cli(good, missing, other)

    assert result.exit_code == 1, result.output
    assert "ingested 2," in result.output and "failed 1" in result.output
    assert f"failed: {missing}: HTTP 404" in result.output
    assert set(by_id(export)) == {good, other}


def test_charset_from_the_http_header_is_honoured(base):
    [item] = collect([f"{base}/latin1.html"])

    assert isinstance(item, SourceItem), item
    assert "La mairie de Vélizac a été victime" in item.html


# --- 3. redirect loops ------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/loop", "/ping"])
def test_redirect_loop_is_an_error(base, server, path):
    started = len(server.log)
    [error] = collect([f"{base}{path}"])

    assert isinstance(error, ItemError), error
    assert error.source_id == f"{base}{path}"
    assert "redirects" in error.reason
    hops = len(server.log) - started
    assert 2 <= hops <= 10  # the client gave up after a few hops instead of looping forever


# --- 4. timeouts ------------------------------------------------------------------------------

def test_slow_page_times_out_quickly(base):
    started = time.monotonic()
    [error] = collect([f"{base}/slow"], timeout=0.5)
    elapsed = time.monotonic() - started

    assert isinstance(error, ItemError), error
    assert "timed out" in error.reason
    assert "0.5s" in error.reason
    assert elapsed < SLOW_SECONDS - 1, f"took {elapsed:.1f}s: the timeout was not applied"


def test_cli_timeout_option_is_applied(base, cli):
    started = time.monotonic()
    result, export = cli("--timeout", "0.5", f"{base}/slow", f"{base}/articles/water.html")
    elapsed = time.monotonic() - started

    assert result.exit_code == 1, result.output
    assert f"failed: {base}/slow: timed out" in result.output
    assert set(by_id(export)) == {f"{base}/articles/water.html"}
    assert elapsed < SLOW_SECONDS + 5  # the pipeline may warm up, but the slow page is not waited for


def test_page_trickling_in_byte_by_byte_times_out(base):
    started = time.monotonic()
    [result] = collect([f"{base}/drip"], timeout=0.5)
    elapsed = time.monotonic() - started

    assert isinstance(result, ItemError), f"fetched in {elapsed:.1f}s despite timeout=0.5"
    assert "timed out" in result.reason
    assert elapsed < 1.5


# --- 5. size cap ------------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/big", "/big-streamed"])
def test_page_over_the_cap_is_refused(base, path):
    [error] = collect([f"{base}{path}"], max_bytes=10_000)

    assert isinstance(error, ItemError), error
    assert error.source_id == f"{base}{path}"
    assert "cap" in error.reason


@pytest.mark.parametrize("path", ["/big", "/big-streamed"])
def test_page_under_a_larger_cap_is_accepted(base, path):
    [item] = collect([f"{base}{path}"], max_bytes=200_000)

    assert isinstance(item, SourceItem), item
    assert len(item.html.encode()) > 50_000


def test_cli_max_bytes_option_is_applied(base, cli):
    result, export = cli("--max-bytes", "10000", f"{base}/big")

    assert result.exit_code == 1, result.output
    assert f"failed: {base}/big: page is" in result.output and "cap" in result.output
    assert export["documents"] == []


# --- 6. RSS feed over HTTP --------------------------------------------------------------------

def test_rss_feed_items_are_fetched_with_fallback_to_the_item_text(base):
    results = collect([f"{base}/feeds/security.rss"])

    assert not errors_of(results), errors_of(results)
    port, water, gone = results
    assert [r.source_id for r in results] == [f"{base}/articles/port.html", f"{base}/articles/water.html",
                                              f"{base}/articles/gone.html"]
    assert all(r.origin == "feed" for r in results)
    assert port.title == PORT_TITLE and port.published == "2031-03-03"
    assert PORT_PARAGRAPHS[1] in port.html and port.note is None
    assert WATER_PARAGRAPHS[2] in water.html and water.note is None
    assert gone.html is None
    assert GONE_PHRASE in gone.text
    assert "404" in gone.note
    assert "used the feed item's own text" in gone.note


def test_cli_rss_feed_stores_the_linked_articles_and_the_fallback(base, cli):
    result, export = cli(f"{base}/feeds/security.rss")

    assert result.exit_code == 0, result.output
    docs = by_id(export)
    port, water, gone = (f"{base}/articles/{name}.html" for name in ("port", "water", "gone"))
    assert set(docs) == {port, water, gone}
    assert PORT_PARAGRAPHS[2] in docs[port]["text"] and "Teaser only" not in docs[port]["text"]
    assert WATER_PARAGRAPHS[3] in docs[water]["text"]
    for doc in (docs[port], docs[water]):
        assert not any(marker in doc["text"] for marker in NAV_FOOTER_MARKERS)
    assert GONE_PHRASE in docs[gone]["text"]
    assert docs[gone]["title"] == "Tarrow and Pike confirms a customs data leak"
    assert f"note: {gone}: its article could not be fetched (HTTP 404" in result.output
    assert "used the feed item's own text" in result.output


# --- 7. local Atom file linking to the server -------------------------------------------------

@pytest.mark.parametrize("suffix", [".atom", ".xml"])
def test_local_atom_file_fetches_its_linked_articles(base, tmp_path, suffix):
    feed = tmp_path / f"digest{suffix}"
    feed.write_text(atom_feed(base), encoding="utf-8")
    results = collect([str(feed)])

    assert not errors_of(results), errors_of(results)
    campus, orbelline = results
    assert campus.source_id == f"{base}/articles/campus.html"
    assert campus.title == CAMPUS_TITLE
    assert campus.published == "2031-04-01"
    assert CAMPUS_PARAGRAPHS[1] in campus.html
    assert campus.note is None
    # The second entry has no link: its own content is used, under a made-up id, and the user is told.
    assert orbelline.source_id == f"{feed}#2"
    assert orbelline.text == ATOM_NO_LINK_CONTENT
    assert "no link" in orbelline.note


def test_cli_local_atom_file(base, tmp_path, cli):
    feed = tmp_path / "digest.atom"
    feed.write_text(atom_feed(base), encoding="utf-8")
    result, export = cli(str(feed))

    assert result.exit_code == 0, result.output
    docs = by_id(export)
    assert set(docs) == {f"{base}/articles/campus.html", f"{feed}#2"}
    campus = docs[f"{base}/articles/campus.html"]
    assert CAMPUS_PARAGRAPHS[2] in campus["text"]
    assert not any(marker in campus["text"] for marker in NAV_FOOTER_MARKERS)


def test_entry_whose_only_id_is_not_a_url_counts_as_having_no_link(base, tmp_path):
    feed = tmp_path / "digest.atom"
    feed.write_text(atom_feed(base, second_id="<id>urn:uuid:0c7e4f6a-orbelline</id>"), encoding="utf-8")
    _, orbelline = collect([str(feed)])

    assert isinstance(orbelline, SourceItem), orbelline
    assert orbelline.text == ATOM_NO_LINK_CONTENT
    assert "cannot fetch" not in orbelline.note
    assert "no link" in orbelline.note


# --- 8. documents that claim to be feeds but are not ------------------------------------------

def test_feed_url_that_is_not_xml_is_an_error(base):
    url = f"{base}/feeds/garbage.rss"
    [error] = collect([url])

    assert isinstance(error, ItemError), error
    assert error.source_id == url
    assert "not an RSS/Atom feed" in error.reason


def test_local_rss_file_that_is_not_xml_is_an_error(tmp_path):
    feed = tmp_path / "broken.rss"
    feed.write_text("Weekly security roundup\nNothing to see here, just a text file named .rss\n")
    [error] = collect([str(feed)])

    assert isinstance(error, ItemError), error
    assert error.source_id == str(feed)
    assert "not an RSS/Atom feed" in error.reason


def test_cli_feed_errors_exit_1(base, tmp_path, cli):
    feed = tmp_path / "broken.rss"
    feed.write_text("no angle brackets in this one\n")
    result, export = cli(f"{base}/feeds/garbage.rss", str(feed), f"{base}/articles/campus.html")

    assert result.exit_code == 1, result.output
    assert result.output.count("not an RSS/Atom feed") == 2
    assert set(by_id(export)) == {f"{base}/articles/campus.html"}


def test_feed_body_naming_a_local_file_does_not_read_that_file(base, tmp_path):
    local = tmp_path / "private.atom"
    local.write_text(atom_feed(base), encoding="utf-8")
    url = f"{base}/feeds/echo?body={local}"
    results = collect([url])

    assert not any(isinstance(r, SourceItem) for r in results), "a remote response made us read a local file"
    [error] = results
    assert "not an RSS/Atom feed" in error.reason


# --- 9. user agent ----------------------------------------------------------------------------

def test_requests_carry_the_cybertrack_user_agent(base, server):
    with server.lock:
        first = len(server.log)
    collect([f"{base}/articles/port.html?probe=ua", f"{base}/feeds/security.rss?probe=ua"])
    with server.lock:
        seen = server.log[first:]

    # The page, the feed, then the feed's three linked articles, all from the same client.
    assert [path for path, _ in seen] == ["/articles/port.html?probe=ua", "/feeds/security.rss?probe=ua",
                                          "/articles/port.html", "/articles/water.html", "/articles/gone.html"]
    for _, headers in seen:
        agent = headers.get("User-Agent", "")
        assert agent.startswith("cybertrack/")
        assert agent == USER_AGENT
        assert "text/html" in headers.get("Accept", "")
