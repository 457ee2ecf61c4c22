"""RSS and Atom feeds: their entries, and each entry's linked article."""

from __future__ import annotations

import io
import time
from collections.abc import Iterator
from dataclasses import dataclass

import feedparser

from cybertrack.ingest.errors import IngestError
from cybertrack.ingest.html import fragment_to_text
from cybertrack.ingest.reading import decode_text, sniff_binary
from cybertrack.ingest.web import Fetcher, is_url
from cybertrack.model import ItemError, SourceItem

FEED_CONTENT_TYPES = {"application/rss+xml", "application/atom+xml", "application/xml", "text/xml",
                      "application/rdf+xml", "application/feed+json"}


@dataclass(frozen=True)
class FeedEntry:
    link: str | None
    title: str | None
    published: str | None
    text: str


def looks_like_feed(body: bytes, content_type: str = "") -> bool:
    if content_type in FEED_CONTENT_TYPES:
        return True
    head = body[:1024].lstrip().lower()
    return (head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head or b"<rdf" in head)) or \
        head.startswith((b"<rss", b"<feed"))


def parse_feed(body: bytes) -> list[FeedEntry]:
    """The entries of a feed; a document that is not a feed is an error, not an empty feed."""
    kind = sniff_binary(body)
    if kind:
        raise IngestError(f"not an RSS/Atom feed: binary content ({kind})")
    parsed = feedparser.parse(io.BytesIO(body))  # bytes, never a path or URL for feedparser to open
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception") or "no RSS or Atom structure found"
        raise IngestError(f"not an RSS/Atom feed: {reason}")
    return [_entry(e) for e in parsed.entries]


def _entry(entry: feedparser.FeedParserDict) -> FeedEntry:
    contents = [c.get("value", "") for c in entry.get("content", [])]
    raw = max([*contents, entry.get("summary", "")], key=len)
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    link = entry.get("link")  # feedparser falls back to <guid>/<id>, which need not be a URL
    return FeedEntry(
        link=link if link and is_url(link) else None,
        title=entry.get("title"),
        published=time.strftime("%Y-%m-%d", stamp) if stamp else None,
        text=fragment_to_text(raw),
    )


def items_from_feed(feed_id: str, entries: list[FeedEntry], fetcher: Fetcher) -> Iterator[SourceItem | ItemError]:
    """Fetch each entry's article; fall back to the entry's own text and say so."""
    for n, entry in enumerate(entries, 1):
        source_id = entry.link or f"{feed_id}#{n}"
        failure = "the entry has no link"
        if entry.link:
            try:
                page = fetcher.fetch(entry.link)
                html = decode_text(page.body, html=True, encoding=page.charset)
                yield SourceItem(source_id=source_id, origin="feed", html=html, url=page.url, title=entry.title,
                                 published=entry.published)
                continue
            except IngestError as e:
                failure = f"its article could not be fetched ({e})"
        if entry.text.strip():
            yield SourceItem(source_id=source_id, origin="feed", text=entry.text, url=entry.link,
                             title=entry.title, published=entry.published,
                             note=f"{failure}; used the feed item's own text")
        else:
            yield ItemError(source_id, f"{failure}, and the feed item has no text of its own")
