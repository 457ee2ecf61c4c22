"""Turn the command line's SOURCE arguments into a lazy stream of items.

Folders are walked lazily and JSONL files streamed, so a folder of 10,000
files or a million-line dump costs about the same memory as one article.

A file's ``source_id`` is its absolute path, links resolved: the same file is
the same document from any working folder, and ``siteA/index.txt`` and
``siteB/index.txt`` are two documents, never one updating the other.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from cybertrack.ingest.egress import EgressPolicy
from cybertrack.ingest.errors import IngestError
from cybertrack.ingest.feeds import items_from_feed, looks_like_feed, parse_feed
from cybertrack.ingest.jsonl import iter_jsonl
from cybertrack.ingest.reading import DEFAULT_MAX_BYTES, decode_text, open_regular, read_capped
from cybertrack.ingest.warc import iter_warc
from cybertrack.ingest.web import Fetcher, is_url
from cybertrack.model import ItemError, SourceItem

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
WARC_SUFFIXES = {".warc", ".warc.gz"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES | WARC_SUFFIXES


@dataclass(frozen=True)
class SourceOptions:
    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float = 15.0  # seconds for each whole HTTP fetch, redirects included
    allow_private_addresses: bool = False  # fetch from loopback, private and link-local addresses too


def suffix_of(path: Path) -> str:
    name = path.name.lower()
    return ".warc.gz" if name.endswith(".warc.gz") else path.suffix.lower()


class _Session:
    """What a run shares between sources: the options and one HTTP client, made on first use."""

    def __init__(self, options: SourceOptions):
        self.options = options
        self._fetcher: Fetcher | None = None

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            policy = EgressPolicy(allow_private_addresses=self.options.allow_private_addresses)
            self._fetcher = Fetcher(self.options.timeout, self.options.max_bytes, policy)
        return self._fetcher

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.close()


def iter_items(sources: Iterable[str], options: SourceOptions = SourceOptions()) -> Iterator[SourceItem | ItemError]:
    """Every item of every source, in order; unusable ones as ``ItemError``."""
    session = _Session(options)
    try:
        for source in sources:
            if is_url(source):
                yield from _from_url(source, session.fetcher)
                continue
            path = Path(source)
            if path.is_dir():
                for file in _walk(path):
                    yield from _from_file(file, session)
            elif path.exists():  # a FIFO or a device too: _from_file says what it is, without opening it
                yield from _from_file(path, session)
            else:
                yield ItemError(source, "no such file, folder or URL")
    finally:
        session.close()


def _walk(root: Path) -> Iterator[Path]:
    """Files with a known suffix under ``root``, in a stable order, without listing the tree first.

    Whatever is not a folder comes out, FIFOs and devices included, so that ``_from_file`` reports them.
    """
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(folder, name)
            if not name.startswith(".") and suffix_of(path) in KNOWN_SUFFIXES:
                yield path


def _identity(path: Path) -> str:
    """A file's ``source_id``: its absolute path with links resolved (a link loop keeps the link's own path)."""
    try:
        return str(path.resolve())
    except (OSError, RuntimeError):
        return str(path.absolute())


def _from_file(path: Path, session: _Session) -> Iterator[SourceItem | ItemError]:
    options = session.options
    label = _identity(path)
    suffix = suffix_of(path)
    try:
        if suffix in JSONL_SUFFIXES | WARC_SUFFIXES:
            reader = iter_jsonl if suffix in JSONL_SUFFIXES else iter_warc
            with open_regular(path) as stream:
                yield from reader(stream, label, options.max_bytes)
            return
        data = read_capped(path, options.max_bytes)
        if suffix in FEED_SUFFIXES:
            yield from items_from_feed(label, parse_feed(data), session.fetcher)
        elif suffix in HTML_SUFFIXES:
            yield SourceItem(source_id=label, origin="file", html=decode_text(data, html=True))
        else:
            yield SourceItem(source_id=label, origin="file", text=decode_text(data))
    except IngestError as e:
        yield ItemError(label, str(e))
    except OSError as e:
        yield ItemError(label, f"cannot read: {e.strerror or e}")


def _from_url(url: str, fetcher: Fetcher) -> Iterator[SourceItem | ItemError]:
    try:
        page = fetcher.fetch(url)
        if looks_like_feed(page.body, page.content_type):
            yield from items_from_feed(url, parse_feed(page.body), fetcher)
        elif page.content_type in ("text/plain", "text/markdown"):
            yield SourceItem(source_id=url, origin="url", text=decode_text(page.body, encoding=page.charset),
                             url=page.url)
        elif page.content_type in ("", "text/html", "application/xhtml+xml"):
            yield SourceItem(source_id=url, origin="url", html=decode_text(page.body, html=True, encoding=page.charset),
                             url=page.url)
        else:
            raise IngestError(f"not a web page or feed (content type {page.content_type})")
    except IngestError as e:
        yield ItemError(url, str(e))
