"""Sources: files, folders, URLs, RSS/Atom feeds, WARC and JSONL, turned into ``SourceItem``s."""

from cybertrack.ingest.errors import IngestError
from cybertrack.ingest.sources import SourceOptions, iter_items

__all__ = ["IngestError", "SourceOptions", "iter_items"]
