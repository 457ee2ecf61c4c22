"""WARC archives: archived HTML responses become documents; other records are skipped."""

from __future__ import annotations

import gzip
from pathlib import Path

from cybertrack.ingest import iter_items
from cybertrack.model import ItemError, SourceItem

PAGE = """<html><head><title>Ransomware halts Lakeside hospital appointments</title></head><body>
<nav><a href="/">Home</a> | <a href="/tech">Tech</a></nav>
<article><h1>Ransomware halts Lakeside hospital appointments</h1>
<p>The Lakeside general hospital postponed all non-urgent appointments on Thursday after ransomware
encrypted the servers of its scheduling system, the hospital's director said.</p>
<p>Emergency care continued on paper. The director said the attackers had demanded a payment and that
the police and the national cyber security agency were investigating.</p></article>
<footer>Copyright 2024 Lakeside Courier. All rights reserved.</footer></body></html>"""


def record(kind: str, uri: str, payload: bytes, number: int = 0) -> bytes:
    headers = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n"
               f"WARC-Record-ID: <urn:uuid:{abs(hash((kind, uri, number))):032x}>\r\n"
               f"WARC-Date: 2024-05-02T10:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
               f"Content-Length: {len(payload)}\r\n\r\n")
    return headers.encode() + payload + b"\r\n\r\n"


def http_response(content_type: str, body: bytes) -> bytes:
    return (f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n").encode() + body


def test_html_responses_in_a_warc_become_items(tmp_path: Path) -> None:
    archive = tmp_path / "crawl.warc.gz"
    data = (record("response", "https://courier.example/lakeside", http_response("text/html; charset=utf-8",
                                                                                  PAGE.encode()))
            + record("response", "https://courier.example/logo.png", http_response("image/png", b"\x89PNG....")))
    archive.write_bytes(gzip.compress(data))
    items = list(iter_items([str(archive)]))
    assert [type(i) for i in items] == [SourceItem]
    assert items[0].url == "https://courier.example/lakeside"
    assert items[0].source_id.startswith(f"{archive}/urn:uuid:")
    assert "Lakeside general hospital" in items[0].html


def test_warc_without_html_is_reported(tmp_path: Path) -> None:
    archive = tmp_path / "empty.warc"
    archive.write_bytes(record("response", "https://x.example/a.png", http_response("image/png", b"\x89PNG")))
    (item,) = iter_items([str(archive)])
    assert isinstance(item, ItemError) and "no archived HTML responses" in item.reason


def test_warc_page_is_stored_cleaned(cli, tmp_path: Path) -> None:
    archive = tmp_path / "crawl.warc"
    archive.write_bytes(record("response", "https://courier.example/lakeside",
                               http_response("text/html", PAGE.encode())))
    result = cli("ingest", str(archive), "-q")
    assert result.exit_code == 0, result.output
    (doc,) = cli.export()["documents"]
    assert doc["title"] == "Ransomware halts Lakeside hospital appointments"
    assert "Emergency care continued on paper." in doc["text"]
    assert "All rights reserved" not in doc["text"] and "Home" not in doc["text"].split()


def test_corrupt_warc_is_reported_not_fatal(tmp_path: Path) -> None:
    (tmp_path / "broken.warc").write_bytes(b"this is not a WARC file at all")
    (tmp_path / "ok.txt").write_text("Ransomware halted the Lakeside hospital's scheduling servers on Thursday.",
                                     encoding="utf-8")
    items = list(iter_items([str(tmp_path)]))
    errors = [i for i in items if isinstance(i, ItemError)]
    assert [e.source_id for e in errors] == [str(tmp_path / "broken.warc")] and "cannot read" in errors[0].reason
    assert [i.source_id for i in items if isinstance(i, SourceItem)] == [str(tmp_path / "ok.txt")]


def test_two_captures_of_one_page_are_two_documents(cli, tmp_path: Path) -> None:
    """A crawl may capture a page twice, and two crawls the same page: each record is its own document."""
    uri = "https://courier.example/lakeside"
    first = tmp_path / "monday.warc"
    first.write_bytes(record("response", uri, http_response("text/html", PAGE.encode()))
                      + record("response", uri, http_response("text/html", PAGE.replace("Thursday", "Friday")
                                                               .encode()), number=1))
    second = tmp_path / "tuesday.warc"
    second.write_bytes(record("response", uri, http_response("text/html", PAGE.replace("Thursday", "Sunday")
                                                             .encode())))
    items = list(iter_items([str(first), str(second)]))
    assert [type(i) for i in items] == [SourceItem] * 3 and {i.url for i in items} == {uri}
    assert len({i.source_id for i in items}) == 3
    assert [i.source_id.rsplit("/", 1)[0] for i in items] == [str(first), str(first), str(second)]
    result = cli("ingest", str(first), str(second), "-q")
    assert "updated 0" in result.output and "failed 0" in result.output, result.output
    assert len(cli.export()["documents"]) == 3
