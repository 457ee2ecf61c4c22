"""Bringing the stored incidents up to date with the stored articles: read the frames, resolve, store.

Resolution takes seconds on a large database, so it does not hold the write lock meanwhile: the frames are read in a
snapshot, resolved, and the incidents are stored only if no document changed since (`DocumentStore.write_incidents`);
else the work is redone. After ``OPTIMISTIC_ATTEMPTS`` tries it resolves holding the lock, so a busy database cannot
starve it. The store keeps the data; the grouping itself is `resolve.resolve`.
"""

from __future__ import annotations

from cybertrack.resolve import resolve
from cybertrack.resources import Resources
from cybertrack.store import DocumentStore

OPTIMISTIC_ATTEMPTS = 3


def resolve_stored(store: DocumentStore, *, force: bool = False, resources: Resources | None = None) -> int | None:
    """Resolve every stored frame into incidents again, unless they are current (or ``force``); returns how many
    incidents there are, or None when there was nothing to do. A resolution never writes incidents older than the
    documents, and one interrupted by a crash is redone by the next run (`store.resolution_state`). ``resources``
    embed the frames stored without their vectors, if any (see `resolve.resolve`)."""
    for _ in range(OPTIMISTIC_ATTEMPTS):
        snapshot = store.frames_to_resolve(force=force)
        if snapshot is None:
            return None
        resolved = resolve(snapshot.frames, snapshot.vectors, resources)
        version = snapshot.version
        del snapshot  # the frames are not needed while the incidents are written
        written = store.write_incidents(resolved, version)
        if written is not None:
            return written
        del resolved
    with store.frames_under_lock() as (snapshot, write):
        return write(resolve(snapshot.frames, snapshot.vectors, resources))
