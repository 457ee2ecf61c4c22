"""Whether the stored incidents reflect every stored frame, kept in the database itself.

Documents are committed batch by batch and the incidents are resolved after them, in another transaction. A crash
(``kill -9``, a power cut) between the two used to leave articles in no incident, and a re-run, finding every article
"already present", never mended it. Two counters make the gap visible: each document write moves
``frames_version`` on, and each resolution records the version it read as ``resolved_version``.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from cybertrack.store.schema import documents, frames, resolution_members, resolution_state

_ROW = resolution_state.c.id == 1
_READ = select(resolution_state.c.frames_version, resolution_state.c.resolved_version).where(_ROW)
_BUMP = update(resolution_state).where(_ROW).values(frames_version=resolution_state.c.frames_version + 1)


@dataclass(frozen=True)
class ResolutionState:
    frames_version: int
    resolved_version: int

    @property
    def current(self) -> bool:
        """The incidents were resolved from the frames as they are now."""
        return self.resolved_version >= self.frames_version


def has_state(connection: Connection) -> bool:
    return connection.execute(_READ).first() is not None


def ensure_state(connection: Connection) -> None:
    """Create the state row once. A database made before the row existed may hold articles never resolved (a crash
    then looked like success), so one with documents starts out pending: its next run resolves again."""
    if has_state(connection):
        return
    has_documents = connection.execute(select(func.count()).select_from(documents)).scalar_one() > 0
    try:
        with connection.begin_nested():
            connection.execute(insert(resolution_state).values(id=1, frames_version=int(has_documents),
                                                                resolved_version=0))
    except IntegrityError:  # another process created it first
        pass


def read_state(connection: Connection) -> ResolutionState:
    row = connection.execute(_READ).one()
    return ResolutionState(row.frames_version, row.resolved_version)


def frames_changed(connection: Connection) -> None:
    """Record, in the transaction that changed them, that the frames moved on."""
    connection.execute(_BUMP)


def mark_resolved(connection: Connection, version: int) -> None:
    """Record, in the transaction that wrote the incidents, the version of the frames they were made from; the
    incidents' own version moves on (they may differ even from the same frames: another release's resolver)."""
    connection.execute(update(resolution_state).where(_ROW).values(
        resolved_version=version,
        incidents_version=func.coalesce(resolution_state.c.incidents_version, 0) + 1))


def incidents_version(connection: Connection) -> int:
    """How many times the incidents were written: what was computed from them holds while it stays the same."""
    return connection.execute(select(resolution_state.c.incidents_version).where(_ROW)).scalar() or 0


def replay_needed(connection: Connection) -> bool:
    """A frame that a resolution took in was replaced or went since: its incidents must be made again, through
    every generation (see `resolution`)."""
    return bool(connection.execute(select(resolution_state.c.replay).where(_ROW)).scalar())


def replayed(connection: Connection) -> None:
    connection.execute(update(resolution_state).where(_ROW).values(replay=False))


def forget_resolved_frames(connection: Connection, document_id: int) -> None:
    """The document's frames are about to be replaced: forget which incidents they are in, and if they were in any,
    have the next resolution replay every generation."""
    forgotten = connection.execute(delete(resolution_members).where(resolution_members.c.frame_id.in_(
        select(frames.c.id).where(frames.c.document_id == document_id).scalar_subquery()))).rowcount
    if forgotten:
        connection.execute(update(resolution_state).where(_ROW).values(replay=True))


@dataclass(frozen=True)
class Seen:
    """What a resolution read the database as: the version of its frames and of its incidents."""

    frames_version: int
    incidents_version: int


def seen_now(connection: Connection) -> Seen:
    return Seen(read_state(connection).frames_version, incidents_version(connection))
