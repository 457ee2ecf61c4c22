"""The TAXII collection: the STIX objects of the export, each with the time it entered the collection.

Platforms poll with ``added_after`` the last date added they saw, so an object's date added is when the collection
gained it in its present form, never a date from an article: a report of an attack published years ago, or undated,
is still news to them. The collection is refreshed at the end of every incidents rebuild, in its transaction, so the
two never disagree: new objects are added, changed ones are added again (their date added moves to now), vanished
ones are removed, unchanged ones keep their date. Dates added only move forward, even when the clock goes back, and
each added object gets its own, a microsecond after the previous one, so a client resuming after the last date added
it saw gets every later object once, whether it pages with ``next`` or with ``added_after``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection, bindparam, delete, func, insert, select, tuple_, update

from cybertrack.store.schema import collection_objects as objects

TICK = timedelta(microseconds=1)
# Objects that tie others together come after them, so a client adding objects in order has what they refer to.
CONNECTING = ("relationship", "note", "report")

_UPDATE = update(objects).where(objects.c.stix_id == bindparam("changed_id"))
_FORGET = delete(objects).where(objects.c.stix_id == bindparam("gone_id"))


@dataclass(frozen=True)
class Position:
    """An object's place in the collection's order: by date added, then by ``seq``."""

    date_added: datetime
    seq: int


@dataclass(frozen=True)
class Entry:
    stix_id: str
    payload: str
    position: Position


@dataclass(frozen=True)
class Page:
    entries: list[Entry]
    more: bool


def refresh_collection(connection: Connection) -> int:
    """Bring the collection in line with the incidents ``connection`` sees; returns how many objects were added or
    changed (what the next poll returns)."""
    # Imported here: the export reads the store, and stix2 takes a while to import, needed only when incidents change.
    from cybertrack.export.json_export import stream_export
    from cybertrack.export.stix_export import stix_objects

    payloads = stix_objects(stream_export(connection, texts=False))
    hashes = {stix_id: hashlib.sha256(payload.encode()).hexdigest() for stix_id, payload in payloads.items()}
    stored = dict(connection.execute(select(objects.c.stix_id, objects.c.content_hash)).all())
    start = _next_date_added(connection)  # before the removals: a removed object may hold the latest date
    gone = sorted(stored.keys() - payloads.keys())
    if gone:
        connection.execute(_FORGET, [{"gone_id": stix_id} for stix_id in gone])
    added = sorted((stix_id for stix_id in payloads if stored.get(stix_id) != hashes[stix_id]),
                   key=lambda stix_id: (stix_id.split("--")[0] in CONNECTING, stix_id))
    new, changed = [], []
    for n, stix_id in enumerate(added):
        version = {"content_hash": hashes[stix_id], "payload": payloads[stix_id], "date_added": start + n * TICK}
        if stix_id in stored:
            changed.append({**version, "changed_id": stix_id})
        else:
            new.append({**version, "stix_id": stix_id})
    if new:
        connection.execute(insert(objects), new)
    if changed:
        connection.execute(_UPDATE, changed)
    return len(added)


def _next_date_added(connection: Connection) -> datetime:
    """Now, or a microsecond after the latest date added if the clock has gone back (or not moved on) since."""
    latest = connection.execute(select(func.max(objects.c.date_added))).scalar()
    now = datetime.now(UTC)
    return now if latest is None else max(now, as_utc(latest) + TICK)


def read_page(connection: Connection, limit: int, added_after: datetime | None = None,
              resume_after: Position | None = None) -> Page:
    """Up to ``limit`` objects in the collection's order, added after ``added_after`` and placed after
    ``resume_after`` (where the previous page ended); both conditions run on the date-added index."""
    query = (select(objects.c.stix_id, objects.c.payload, objects.c.date_added, objects.c.seq)
             .order_by(objects.c.date_added, objects.c.seq).limit(limit + 1))
    if added_after is not None:
        query = query.where(objects.c.date_added > added_after.astimezone(UTC))
    if resume_after is not None:
        query = query.where(tuple_(objects.c.date_added, objects.c.seq)
                            > tuple_(resume_after.date_added.astimezone(UTC), resume_after.seq))
    rows = connection.execute(query).all()
    entries = [Entry(row.stix_id, row.payload, Position(as_utc(row.date_added), row.seq)) for row in rows[:limit]]
    return Page(entries, more=len(rows) > limit)


def as_utc(value: datetime) -> datetime:
    """A stored date added as an aware UTC time (SQLite hands back the naive UTC time it was given)."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
