"""The TAXII collection: the STIX objects of the export, each with the time it entered the collection.

Platforms poll with ``added_after`` the last date added they saw, so an object's date added is when the collection
gained it in its present form, never a date from an article: a report of an attack published years ago, or undated,
is still news to them. The collection is refreshed at the end of every incidents rebuild, in its transaction, so the
two never disagree: new objects are added, changed ones are added again (their date added moves to now, and so does
their ``modified``, the version platforms keep the latest of), vanished ones are removed, unchanged ones keep their
date. Dates added only move forward, even when the clock goes back, and each added object gets its own, a
microsecond after the previous one, so a client resuming after the last date added it saw gets every later object
once, whether it pages with ``next`` or with ``added_after``.

A refresh makes again only the objects of incidents whose fingerprint changed (see `StixBuilder`), and the few that
incidents share; an object's ``content_hash`` is that of its JSON as the export makes it, so one made again the same
keeps its date added and its version.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection, bindparam, delete, func, insert, select, tuple_, update

from cybertrack.export.stix_export import StixBuilder, stix_time
from cybertrack.store.schema import collection_incidents as held
from cybertrack.store.schema import collection_objects as objects

TICK = timedelta(microseconds=1)
# Objects that tie others together come after them, so a client adding objects in order has what they refer to.
CONNECTING = ("relationship", "note", "report")

_UPDATE = update(objects).where(objects.c.stix_id == bindparam("changed_id"))
_FORGET = delete(objects).where(objects.c.stix_id == bindparam("gone_id"))
_FORGET_INCIDENT = delete(held).where(held.c.incident_id == bindparam("gone_id"))


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
    from cybertrack.export.json_export import stream_export  # imported here: the export reads the store

    export = stream_export(connection, texts=False)
    builder = StixBuilder(export["documents"])
    stored = dict(connection.execute(select(objects.c.stix_id, objects.c.content_hash)).all())
    before = {row.incident_id: row for row in connection.execute(select(held))}
    made: dict[str, str] = {}
    kept: set[str] = set()  # the objects of incidents unchanged since the last refresh, left as they are
    remade = []
    for incident in export["incidents"]:
        fingerprint = builder.share(incident)
        previous = before.pop(incident["id"], None)
        if previous is not None and previous.fingerprint == fingerprint:
            held_ids = set(json.loads(previous.objects))
            if stored.keys() >= held_ids:  # all still there (any missing, they are made again)
                kept |= held_ids
                continue
        own = builder.own(incident)
        made.update(own)
        remade.append({"incident_id": incident["id"], "fingerprint": fingerprint, "objects": json.dumps(sorted(own))})
    made.update(builder.shared)
    made.update(builder.reports())
    forgotten = [*before, *(row["incident_id"] for row in remade)]  # vanished incidents, and the remade ones
    if forgotten:
        connection.execute(_FORGET_INCIDENT, [{"gone_id": incident_id} for incident_id in forgotten])
    if remade:
        connection.execute(insert(held), remade)
    return _store(connection, made, kept, stored)


def _store(connection: Connection, made: dict[str, str], kept: set[str], stored: dict[str, str]) -> int:
    """Add the objects of ``made`` that are new or changed from the ``stored`` hashes, and remove those neither made
    nor ``kept``."""
    hashes = {stix_id: hashlib.sha256(payload.encode()).hexdigest() for stix_id, payload in made.items()}
    start = _next_date_added(connection)  # before the removals: a removed object may hold the latest date
    gone = sorted(stored.keys() - made.keys() - kept)
    if gone:
        connection.execute(_FORGET, [{"gone_id": stix_id} for stix_id in gone])
    added = sorted((stix_id for stix_id in made if stored.get(stix_id) != hashes[stix_id]),
                   key=lambda stix_id: (stix_id.split("--")[0] in CONNECTING, stix_id))
    new, changed = [], []
    for n, stix_id in enumerate(added):
        date_added = start + n * TICK
        version = {"content_hash": hashes[stix_id], "date_added": date_added}
        if stix_id in stored:
            changed.append({**version, "payload": _revised(made[stix_id], date_added), "changed_id": stix_id})
        else:
            new.append({**version, "payload": made[stix_id], "stix_id": stix_id})
    if new:
        connection.execute(insert(objects), new)
    if changed:
        connection.execute(_UPDATE, changed)
    return len(added)


def _revised(payload: str, date_added: datetime) -> str:
    """A changed object as served: its ``modified`` is the moment the change entered the collection (unless its
    own is later), so it is newer than any version a platform holds, and the platform takes it."""
    changed = json.loads(payload)
    modified = datetime.fromisoformat(changed["modified"])
    changed["modified"] = stix_time(max(modified, date_added))
    return json.dumps(changed)


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
