"""WARC archives: every archived HTML response becomes an item."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from fastwarc.warc import ArchiveIterator, WarcRecordType

from cybertrack.ingest.errors import IngestError
from cybertrack.ingest.reading import decode_text
from cybertrack.model import ItemError, SourceItem


def iter_warc(stream: BinaryIO, label: str, max_bytes: int) -> Iterator[SourceItem | ItemError]:
    """Each archived HTML page, as ``<file>/<record id>``, not its URL: a crawl may hold a page twice, and two crawls
    the same page. A record without an id (the WARC standard requires one) is named by its byte offset instead."""
    found = 0
    for record in ArchiveIterator(stream, record_types=WarcRecordType.response, parse_http=True):
        content_type = (record.http_headers.get("Content-Type") or "") if record.http_headers else ""
        if "html" not in content_type.lower():
            continue
        found += 1
        record_id = (record.record_id or "").strip("<>") or f"offset-{record.stream_pos}"
        source_id = f"{label}/{record_id}"
        uri = record.headers.get("WARC-Target-URI")
        page = f"archived page {uri}" if uri else "archived page"
        body = record.reader.read(max_bytes + 1)
        if len(body) > max_bytes:
            yield ItemError(source_id, f"{page} is over the size cap")
            continue
        try:
            yield SourceItem(source_id=source_id, origin="warc", html=decode_text(body, html=True), url=uri)
        except IngestError as e:
            yield ItemError(source_id, f"{page}: {e}")
    if not found:
        yield ItemError(label, "no archived HTML responses in the WARC file")
