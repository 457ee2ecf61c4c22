"""WARC archives: every archived HTML response becomes an item."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from fastwarc.warc import ArchiveIterator, WarcRecordType

from cybertrack.ingest.errors import IngestError
from cybertrack.ingest.reading import decode_text
from cybertrack.model import ItemError, SourceItem


def iter_warc(stream: BinaryIO, label: str, max_bytes: int) -> Iterator[SourceItem | ItemError]:
    found = 0
    for record in ArchiveIterator(stream, record_types=WarcRecordType.response, parse_http=True):
        uri = record.headers.get("WARC-Target-URI") or f"{label}#{record.record_id}"
        content_type = (record.http_headers.get("Content-Type") or "") if record.http_headers else ""
        if "html" not in content_type.lower():
            continue
        found += 1
        body = record.reader.read(max_bytes + 1)
        if len(body) > max_bytes:
            yield ItemError(uri, "archived page is over the size cap")
            continue
        try:
            yield SourceItem(source_id=uri, origin="warc", html=decode_text(body, html=True), url=uri)
        except IngestError as e:
            yield ItemError(uri, str(e))
    if not found:
        yield ItemError(label, "no archived HTML responses in the WARC file")
