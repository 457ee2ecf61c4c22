"""The resolver's memory in the database: read only as far as a new generation reaches, written back as it changed.

Resolving a new article against ten thousand stored ones should not read ten thousand articles. The resolver
(`resolve.Resolver`) only ever asks for the incidents indexed under the new reports' keys and for those incidents'
reports, so `StoredMemory` answers exactly that from three tables (`resolution_clusters`, `resolution_members`,
`resolution_keys`) and records what the generation changed, which `write_memory` then stores. A frame replaced by a
new version of its article forgets its membership, and the next resolution replays every generation
(`store.resolution_state.forget_resolved_frames`).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from itertools import groupby

import numpy as np
from sqlalchemy import Connection, delete, func, insert, select, tuple_

from cybertrack.model import Frame, JoinedBy, Link
from cybertrack.resolve import Member, ResolutionMemory, _Cluster, report_vectors
from cybertrack.resources import Resources
from cybertrack.store.batches import in_batches
from cybertrack.store.incidents import frame_from_json
from cybertrack.store.resolution_state import replayed
from cybertrack.store.schema import (
    documents,
    frames,
    resolution_clusters,
    resolution_keys,
    resolution_members,
)


class StoredMemory(ResolutionMemory):
    """The resolution memory of a database, read through ``connection`` (one snapshot) as the resolver asks."""

    def __init__(self, connection: Connection, resources: Resources | None = None):
        generation = connection.execute(select(func.max(resolution_members.c.generation))).scalar() or 0
        ordinal = connection.execute(select(func.max(resolution_clusters.c.ordinal))).scalar()
        recency = connection.execute(select(func.max(resolution_keys.c.recency))).scalar()
        super().__init__(generation, 0 if ordinal is None else ordinal + 1, 0 if recency is None else recency + 1)
        self.connection = connection
        self.resources = resources

    def cluster(self, ordinal: int) -> _Cluster:
        if ordinal not in self.clusters:
            self.load({ordinal})
        return self.clusters[ordinal]

    def load(self, ordinals: set[int]) -> None:
        for batch in in_batches(sorted(ordinals - self.clusters.keys() - self.retired.keys())):
            self._read_clusters(list(batch))

    def _read_clusters(self, ordinals: list[int]) -> None:
        rows = self.connection.execute(
            select(resolution_clusters).where(resolution_clusters.c.ordinal.in_(ordinals))).all()
        for row in rows:
            self.clusters[row.ordinal] = _Cluster(incident_id=row.incident_id,
                                                  links=[link_from_json(link) for link in json.loads(row.links)])
        members = self.connection.execute(
            select(resolution_members, frames.c.payload, frames.c.vector)
            .join(frames, frames.c.id == resolution_members.c.frame_id)
            .where(resolution_members.c.ordinal.in_(ordinals))
            .order_by(resolution_members.c.ordinal, resolution_members.c.position)).all()
        found = [frame_from_json(row.payload) for row in members]
        vectors = report_vectors(found, [_stored_vector(row.vector) for row in members], self.resources)
        for row, frame, vector in zip(members, found, vectors, strict=True):
            self.clusters[row.ordinal].add(frame, vector, Member(row.frame_id, row.generation, bool(row.opens)))

    def _stored_entries(self, keys: list[str]) -> dict[str, dict[int, int]]:
        found: dict[str, dict[int, int]] = defaultdict(dict)
        for batch in in_batches(keys):
            for row in self.connection.execute(
                    select(resolution_keys.c.key, resolution_keys.c.ordinal, resolution_keys.c.recency)
                    .where(resolution_keys.c.key.in_(batch))
                    .order_by(resolution_keys.c.recency)):
                found[row.key][row.ordinal] = row.recency
        return found


def _stored_vector(stored: bytes | None) -> np.ndarray | None:
    return np.frombuffer(stored, dtype=np.float32) if stored else None


def link_from_json(data: dict) -> Link:
    return Link(**{**data, "joined": tuple(data["joined"]), "by": JoinedBy(data["by"]),
                   "victims": tuple(data["victims"]), "vulnerabilities": tuple(data["vulnerabilities"]),
                   "actors": tuple(data["actors"]), "names": tuple(data["names"])})


def _frame_rows(connection: Connection, *, resolved: bool):
    """The frames of canonical documents, by generation (those no resolution took in yet last), each generation's in
    the order of their documents: all of them, or (``resolved`` False) only those not taken in yet. Read row by row:
    holding every row's JSON text at once would double the memory."""
    generation = resolution_members.c.generation
    query = (select(frames.c.id, frames.c.payload, frames.c.vector, generation)
             .join(documents, documents.c.id == frames.c.document_id)
             .outerjoin(resolution_members, resolution_members.c.frame_id == frames.c.id)
             .where(documents.c.duplicate_of.is_(None))
             .order_by(generation.is_(None), generation, documents.c.source_id, frames.c.position))
    if not resolved:
        query = query.where(resolution_members.c.frame_id.is_(None))
    return connection.execute(query)


Generation = tuple[list[Frame], list[np.ndarray | None], list[int]]


def new_frames(connection: Connection) -> Generation:
    """The frames no resolution took in yet, with their stored vectors and rows: the next generation."""
    return _generation(_frame_rows(connection, resolved=False))


def every_generation(connection: Connection) -> Iterator[Generation]:
    """Every frame, by the generation that took it in, in order; those not taken in yet make the last one."""
    for _, rows in groupby(_frame_rows(connection, resolved=True), key=lambda row: row.generation):
        yield _generation(rows)


def _generation(rows: Iterable) -> Generation:
    frames_found, vectors, refs = [], [], []
    for row in rows:
        frames_found.append(frame_from_json(row.payload))
        vectors.append(_stored_vector(row.vector))
        refs.append(row.id)
    return frames_found, vectors, refs


def has_memory(connection: Connection) -> bool:
    return connection.execute(select(resolution_clusters.c.ordinal).limit(1)).first() is not None


def write_memory(connection: Connection, memory: ResolutionMemory, *, whole: bool) -> None:
    """Store what ``memory`` changed (``whole``: store it instead of everything stored)."""
    if whole:
        for table in (resolution_clusters, resolution_members, resolution_keys):
            connection.execute(delete(table))
        replayed(connection)
    changed = sorted(memory.touched)
    gone = [] if whole else sorted(memory.touched | memory.retired.keys())
    for batch in in_batches(gone):
        connection.execute(delete(resolution_clusters).where(resolution_clusters.c.ordinal.in_(batch)))
        connection.execute(delete(resolution_members).where(resolution_members.c.ordinal.in_(batch)))
    clusters = [{"ordinal": c, "incident_id": memory.cluster(c).incident_id,
                 "links": json.dumps([asdict(link) for link in memory.cluster(c).links], ensure_ascii=False)}
                for c in changed]
    members = [{"frame_id": member.ref, "ordinal": c, "position": position, "generation": member.generation,
                "opens": member.opens}
               for c in changed for position, member in enumerate(memory.cluster(c).members)]
    if any(row["frame_id"] is None for row in members):
        raise ValueError("a frame resolved in memory only cannot be stored in the resolution memory")
    entries = sorted(memory.entries_changed.items())
    pairs = [] if whole else [key for key, _ in entries]
    for batch in in_batches(pairs):
        connection.execute(delete(resolution_keys).where(
            tuple_(resolution_keys.c.key, resolution_keys.c.ordinal).in_(batch)))
    keys = [{"key": key, "ordinal": ordinal, "recency": recency}
            for (key, ordinal), recency in entries if recency is not None]
    for table, rows in ((resolution_clusters, clusters), (resolution_members, members), (resolution_keys, keys)):
        if rows:
            connection.execute(insert(table), rows)

