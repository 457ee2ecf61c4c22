"""Bringing the stored incidents up to date with the stored articles.

Each resolution is one generation of `resolve.Resolver`: the frames stored since the last one join the stored
incidents, read from the resolver's memory in the database only as far as they reach (`store.resolution_memory`),
and only the incidents they started or changed are written. Ingesting one article into a database of thousands
reads and writes a handful of incidents. Resolving everything again (``force``: `cybertrack resolve`, a new release;
or because a resolved article was replaced by a new version of it) replays every generation in order from an empty
memory, which gives the incidents the generations gave one by one.

Resolution does not hold the write lock while it computes: it reads in one snapshot, and its incidents are stored
only if no document and no incident changed since (`DocumentStore.write_resolution`); else the work is redone. After
``OPTIMISTIC_ATTEMPTS`` tries it resolves holding the lock, so a busy database cannot starve it.
"""

from __future__ import annotations

from sqlalchemy import Connection

from cybertrack.resolve import Resolver
from cybertrack.resources import Resources
from cybertrack.store import DocumentStore
from cybertrack.store.documents import Resolution, seen_now, write_resolution
from cybertrack.store.resolution_memory import (
    StoredMemory,
    every_generation,
    has_memory,
    new_frames,
    replay_needed,
)
from cybertrack.store.resolution_state import read_state

OPTIMISTIC_ATTEMPTS = 3


def resolve_stored(store: DocumentStore, *, force: bool = False, resources: Resources | None = None) -> int | None:
    """Resolve the frames stored since the last resolution (every frame again when ``force``), unless the incidents
    are current; returns how many incidents there are, or None when there was nothing to do. A resolution never
    writes incidents older than the documents, and one interrupted by a crash is redone by the next run
    (`store.resolution_state`). ``resources`` embed the frames stored without their vectors, if any."""
    for _ in range(OPTIMISTIC_ATTEMPTS):
        with store.reading() as connection:
            seen = seen_now(connection)
            if read_state(connection).current and not force:
                return None
            resolution = resolve_in(connection, force=force, resources=resources)
        written = store.write_resolution(resolution, seen)
        if written is not None:
            return written
        del resolution
    with store.transaction() as connection:
        version = read_state(connection).frames_version
        return write_resolution(connection, resolve_in(connection, force=force, resources=resources), version)


def resolve_in(connection: Connection, *, force: bool, resources: Resources | None) -> Resolution:
    """What resolving the database ``connection`` reads makes: the next generation on the stored memory, or (when
    ``force``d, when a resolved frame was replaced, or when there is no memory yet) every generation again."""
    if force or replay_needed(connection) or not has_memory(connection):
        resolver = Resolver(resources=resources)
        for frames, vectors, refs in every_generation(connection):
            resolver.add(frames, vectors, refs)
        return Resolution(resolver.incidents(), [], resolver.memory, whole=True)
    memory = StoredMemory(connection, resources)
    resolver = Resolver(memory, resources)
    resolver.add(*new_frames(connection))
    gone = sorted(set(memory.retired.values()))
    return Resolution(resolver.incidents(memory.touched), gone, memory, whole=False)
