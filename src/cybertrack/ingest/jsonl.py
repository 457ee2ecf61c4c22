"""JSON Lines: one article a line, with ``id``, ``url``, ``title``, ``published``, ``author`` and ``text`` or ``html``.

Every line is checked on its own, so a bad line is reported with its number and the other lines still go in.

A line's ``source_id`` is ``<file>/<id>`` (like a member of an archive, so the last segment is the line's own id),
else its http(s) ``url``, else ``<file>:<line number>``: lines of two files never share an id.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from typing import BinaryIO

from cybertrack.ingest.errors import IngestError
from cybertrack.ingest.reading import human_size
from cybertrack.ingest.web import is_url
from cybertrack.model import ItemError, SourceItem

STRING_FIELDS = ("id", "url", "title", "published", "author", "text", "html")
SKIP_CHUNK = 64 * 1024  # how much of an over-long line is read at a time, to find its end
SHOWN_CHARS = 80  # of an id or url quoted in a message

# what SQLite or UTF-8 cannot store: a NUL, and a UTF-16 surrogate without its pair (json.loads accepts "\ud800")
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
_JSON_KINDS = {bool: "a boolean", int: "a number", float: "a number", list: "a list", dict: "an object"}


def iter_jsonl(stream: BinaryIO, label: str, max_bytes: int) -> Iterator[SourceItem | ItemError]:
    """Stream the file line by line: a bad line is reported and the others still go in.

    When two lines have the same id (or, without ids, the same url), the first is kept and each later one is
    reported. To know, the reader keeps a 16-byte digest and a line number per line with an id: about 120 bytes
    a line, 120 MB for a million-line file, small beside the articles' text.
    """
    first_line: dict[bytes, int] = {}
    for lineno, line, size in _capped_lines(stream, max_bytes):
        where = f"{label}:{lineno}"
        if line is None:
            yield ItemError(where, f"line is {human_size(size)}, over the {human_size(max_bytes)} cap "
                                   "(see --max-bytes)")
            continue
        if not line.strip():
            continue
        try:
            item, named_by = _item(_parse(line), label, where)
        except IngestError as e:
            yield ItemError(where, str(e))
            continue
        if named_by:
            first = first_line.setdefault(hashlib.blake2b(item.source_id.encode(), digest_size=16).digest(), lineno)
            if first != lineno:
                value = item.source_id.removeprefix(f"{label}/")
                yield ItemError(where, f"{named_by} {_shown(value)!r} is also on line {first}, which is kept")
                continue
        yield item


def _capped_lines(stream: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes | None, int]]:
    """(number, line, size) of each line; a line over ``max_bytes`` comes as None, with its size.

    No more than ``max_bytes + 1`` bytes of a line are ever held: the rest of a longer one is read past in chunks.
    """
    lineno = 0
    while line := stream.readline(max_bytes + 1):
        lineno += 1
        if line.endswith(b"\n") or len(line) <= max_bytes:
            yield lineno, line, len(line)
            continue
        size = len(line)
        while chunk := stream.readline(SKIP_CHUNK):
            size += len(chunk)
            if chunk.endswith(b"\n"):
                break
        yield lineno, None, size


def _parse(line: bytes) -> object:
    try:
        return json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise IngestError(f"malformed JSON line: {e}") from None
    except ValueError:  # int() refuses a number of more than 4300 digits
        raise IngestError("malformed JSON line: a number with too many digits") from None
    except RecursionError:
        raise IngestError("malformed JSON line: nested too deeply") from None


def _item(row: object, label: str, where: str) -> tuple[SourceItem, str | None]:
    """The line's article, and which field names it ("id", "url", or None when only its line number does)."""
    fields = _fields(row)
    text, html, url = fields["text"], fields["html"], fields["url"]
    if not any(v and v.strip() for v in (text, html)):
        raise IngestError("no 'text' or 'html' in the line")
    note = None
    if url and not is_url(url):
        note = f"its url {_shown(url)!r} is not an http(s) address and was dropped"
        url = None
    if fields["id"]:
        source_id, named_by = f"{label}/{fields['id']}", "id"
    elif url:
        source_id, named_by = url, "url"
    else:
        source_id, named_by = where, None
    with_text = bool(text and text.strip())
    return SourceItem(
        source_id=source_id,
        origin="jsonl",
        text=text if with_text else None,
        html=None if with_text else html,
        url=url,
        title=fields["title"],
        published=fields["published"],
        author=fields["author"],
        note=note,
    ), named_by


def _fields(row: object) -> dict[str, str | None]:
    """The known fields of a line, each a storable string or None (an empty string counts as absent).

    A number is accepted as an id (``"id": 42``); any other field of the wrong type is an error, never stored as
    its Python repr or passed on to fail the whole batch in the database.
    """
    if not isinstance(row, dict):
        raise IngestError("a JSONL line must be an object")
    fields: dict[str, str | None] = {}
    for name in STRING_FIELDS:
        value = row.get(name)
        if name == "id" and type(value) is int:
            value = str(value)
        if value is not None and not isinstance(value, str):
            expected = "a string or an integer" if name == "id" else "a string"
            raise IngestError(f"field {name!r} must be {expected}, not {_JSON_KINDS.get(type(value), 'that')}")
        if value and (bad := _UNSTORABLE.search(value)):
            what = "a NUL character" if bad.group() == "\x00" else f"a lone surrogate (U+{ord(bad.group()):04X})"
            raise IngestError(f"field {name!r} contains {what} at character {bad.start()}, which cannot be stored")
        fields[name] = value or None
    return fields


def _shown(value: str) -> str:
    return value if len(value) <= SHOWN_CHARS else value[:SHOWN_CHARS - 1] + "…"
