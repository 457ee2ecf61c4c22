"""Bringing the stored incidents up to date with the stored articles.

Each resolution is one generation of `resolve.Resolver`: the frames stored since the last one join the stored
incidents, read from the resolver's memory in the database only as far as they reach (`resolution_memory`),
and only the incidents they started or changed are written. Ingesting one article into a database of thousands
reads and writes a handful of incidents. Resolving everything again (``force``: `cybertrack resolve`, a new release;
or because a resolved article was replaced by a new version of it) replays every generation in order from an empty
memory, which gives the incidents the generations gave one by one.

Resolution does not hold the write lock while it computes: it reads in one snapshot, and its incidents are stored
only if no document and no incident changed since (`DocumentStore.write_resolution`); else the work is redone. After
``OPTIMISTIC_ATTEMPTS`` tries it resolves holding the lock, so a busy database cannot starve it.
"""

from __future__ import annotations

import functools
import time
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import Connection

from cybertrack.model import Incident
from cybertrack.resolution_memory import StoredMemory, every_generation, has_memory, new_frames, write_memory
from cybertrack.resolve import ResolutionMemory, Resolver
from cybertrack.resources import Resources
from cybertrack.store import DocumentStore
from cybertrack.store.collection import refresh_collection
from cybertrack.store.documents import store_incidents
from cybertrack.store.resolution_state import read_state, replay_needed, seen_now

OPTIMISTIC_ATTEMPTS = 3


def resolve_stored(store: DocumentStore, *, force: bool = False, resources: Resources | None = None,
                   seconds: Counter[str] | None = None) -> int | None:
    """Resolve the frames stored since the last resolution (every frame again when ``force``), unless the incidents
    are current; returns how many incidents there are, or None when there was nothing to do. A resolution never
    writes incidents older than the documents, and one interrupted by a crash is redone by the next run
    (`store.resolution_state`). ``resources`` embed the frames stored without their vectors, if any. The time spent
    is added to ``seconds``: "publish" for the TAXII collection, "resolve" for the rest."""
    spent: Counter[str] = Counter()
    started = time.perf_counter()
    try:
        return _resolve_stored(store, force, resources, spent)
    finally:
        spent["resolve"] = time.perf_counter() - started - spent["publish"]
        if seconds is not None:
            seconds.update(spent)


def _resolve_stored(store: DocumentStore, force: bool, resources: Resources | None,
                    seconds: Counter[str]) -> int | None:
    for _ in range(OPTIMISTIC_ATTEMPTS):
        with store.reading() as connection:
            seen = seen_now(connection)
            if read_state(connection).current and not force:
                return None
            resolution = resolve_in(connection, force=force, resources=resources)
        written = store.write_resolution(seen, functools.partial(resolution.write, version=seen.frames_version,
                                                                 seconds=seconds))
        if written is not None:
            return written
        del resolution
    with store.transaction() as connection:
        version = read_state(connection).frames_version
        return resolve_in(connection, force=force, resources=resources).write(connection, version=version,
                                                                               seconds=seconds)


@dataclass
class Resolution:
    """What one resolution made: the incidents it started or changed, the ids of those joined into others, and
    the memory it leaves; ``whole``: these are every incident, in place of all stored."""

    incidents: list[Incident]
    gone: list[str]
    memory: ResolutionMemory
    whole: bool

    def write(self, connection: Connection, *, version: int, seconds: Counter[str]) -> int:
        """Store the incidents, the memory and the TAXII collection made from them (its time in ``seconds``, as
        "publish"), in the transaction of ``connection``; returns how many incidents there are."""
        write_memory(connection, self.memory, whole=self.whole)
        count = store_incidents(connection, self.incidents, self.gone, whole=self.whole, version=version)
        started = time.perf_counter()
        refresh_collection(connection)
        seconds["publish"] += time.perf_counter() - started
        return count


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
