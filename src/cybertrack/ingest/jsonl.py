"""JSON Lines: one article a line, with ``id``, ``url``, ``title``, ``published`` and ``text`` or ``html``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import BinaryIO

from cybertrack.ingest.reading import human_size
from cybertrack.model import ItemError, SourceItem


def iter_jsonl(stream: BinaryIO, label: str, max_bytes: int) -> Iterator[SourceItem | ItemError]:
    """Stream the file line by line: a bad line is reported and the others still go in."""
    for lineno, raw in enumerate(stream, 1):
        if not raw.strip():
            continue
        where = f"{label}:{lineno}"
        if len(raw) > max_bytes:
            yield ItemError(where, f"line is {human_size(len(raw))}, over the {human_size(max_bytes)} cap")
            continue
        try:
            row = json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError) as e:
            yield ItemError(where, f"malformed JSON line: {e}")
            continue
        yield _item(row, where)


def _item(row: object, where: str) -> SourceItem | ItemError:
    if not isinstance(row, dict):
        return ItemError(where, "a JSONL line must be an object")
    text, html = row.get("text"), row.get("html")
    if not any(isinstance(v, str) and v.strip() for v in (text, html)):
        return ItemError(str(row.get("id") or where), "no 'text' or 'html' in the line")
    published = row.get("published")
    return SourceItem(
        source_id=str(row.get("id") or row.get("url") or where),
        origin="jsonl",
        text=text if isinstance(text, str) and text.strip() else None,
        html=None if isinstance(text, str) and text.strip() else html,
        url=row.get("url"),
        title=row.get("title"),
        published=str(published) if published else None,
        author=row.get("author"),
    )
