"""Storing documents idempotently, and linking the same article reached through two sources."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TypeVar

from sqlalchemy import Connection, Select, and_, bindparam, delete, func, insert, or_, select, update
from sqlalchemy.exc import (
    InternalError,
    NotSupportedError,
    OperationalError,
    ProgrammingError,
    SQLAlchemyError,
    StatementError,
)

from cybertrack import neardup
from cybertrack.model import Document, Incident
from cybertrack.store.database import Database, explain
from cybertrack.store.incidents import all_incidents, replace_frames, replace_incidents, update_incidents
from cybertrack.store.resolution_state import (
    ResolutionState,
    Seen,
    forget_resolved_frames,
    frames_changed,
    mark_resolved,
    read_state,
    seen_now,
)
from cybertrack.store.schema import document_bands, documents, incidents

# Built once: SQLAlchemy spends more time building and keying a statement than SQLite spends running it.
_BY_SOURCE = select(documents.c.id, documents.c.content_hash).where(documents.c.source_id == bindparam("source_id"))
_CANONICAL = and_(documents.c.duplicate_of.is_(None), documents.c.id != bindparam("exclude"))
_SAME_TEXT = select(documents.c.id, documents.c.source_id).where(
    documents.c.content_hash == bindparam("content_hash"), _CANONICAL)
_SHARING_A_BAND = (
    select(documents.c.id, documents.c.source_id, documents.c.minhash).distinct()
    .join(document_bands, document_bands.c.document_id == documents.c.id)
    .where(_CANONICAL, or_(*(and_(document_bands.c.band == band, document_bands.c.bucket == bindparam(f"bucket{band}"))
                             for band in range(neardup.BANDS)))))

_INSERT = insert(documents)
_UPDATE = update(documents).where(documents.c.id == bindparam("existing_id"))
_FORGET_BANDS = delete(document_bands).where(document_bands.c.document_id == bindparam("existing_id"))
_INSERT_BANDS = insert(document_bands)
# what the database says of itself (locked, read-only, gone), not of one document's values: the batch fails
_DATABASE_FAILURES = (OperationalError, InternalError, ProgrammingError, NotSupportedError)
_TEXTS = {"raw_text", "clean_text", "offsets", "removed", "minhash"}

T = TypeVar("T")


@dataclass(frozen=True)
class Outcome:
    """What storing one document did: ``ingested``, ``updated``, ``present``, ``duplicate``, or ``refused`` when the
    database would not take one of its values (``reason`` says why; the rest of the batch is stored)."""

    status: str
    duplicate_of: str | None = None
    similarity: float | None = None
    reason: str | None = None


class DocumentStore:
    def __init__(self, database: Database):
        self.database = database

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One write transaction, holding the write lock: all of it is stored, or none of it (the database stays as
        it was)."""
        try:
            with self.database.writing() as connection:
                yield connection
        except SQLAlchemyError as e:
            raise explain(e, self.database.url) from None

    def add_batch(self, docs: list[Document]) -> list[Outcome]:
        """Store documents in one transaction, each in a savepoint: a document whose values the database refuses
        (a lone surrogate, a wrongly typed field) is reported as ``refused`` and the others are stored. A failure of
        the database itself (locked, full, read-only) still fails the whole batch, as ``StoreError``."""
        outcomes = []
        with self.transaction() as connection:
            for doc in docs:
                try:
                    with connection.begin_nested():
                        outcomes.append(self.add(connection, doc))
                except (StatementError, UnicodeError) as e:
                    if isinstance(e, _DATABASE_FAILURES):
                        raise
                    outcomes.append(Outcome("refused", reason=f"the database refused it: {_first_line(e)}"))
            if any(outcome.status not in ("present", "refused") for outcome in outcomes):
                frames_changed(connection)  # once per batch, in its transaction
        return outcomes

    def add(self, connection: Connection, doc: Document) -> Outcome:
        existing = connection.execute(_BY_SOURCE, {"source_id": doc.source_id}).first()
        if existing is not None and existing.content_hash == doc.content_hash:
            return Outcome("present")
        sig = neardup.from_bytes(doc.minhash) if doc.minhash is not None else None
        original = self._find_original(connection, doc, sig, exclude=existing.id if existing else None)
        values = self._row(doc, original)
        if existing is not None:
            forget_resolved_frames(connection, existing.id)
            connection.execute(_UPDATE, {**values, "existing_id": existing.id})
            connection.execute(_FORGET_BANDS, {"existing_id": existing.id})
            doc_id, status = existing.id, "updated"
        else:
            doc_id = connection.execute(_INSERT, values).inserted_primary_key[0]
            status = "ingested"
        replace_frames(connection, doc_id, () if original is not None else doc.frames, doc.frame_vectors)
        if original is not None:
            return Outcome("duplicate", duplicate_of=original[1], similarity=original[2])
        if sig is not None:
            connection.execute(_INSERT_BANDS,
                               [{"document_id": doc_id, "band": b, "bucket": k} for b, k in neardup.band_keys(sig)])
        return Outcome(status)

    def _find_original(self, connection: Connection, doc: Document, sig, exclude: int | None):
        """(id, source_id, similarity) of a stored article this one repeats, if any."""
        exclude = -1 if exclude is None else exclude
        same = connection.execute(_SAME_TEXT, {"content_hash": doc.content_hash, "exclude": exclude}).first()
        if same is not None:
            return same.id, same.source_id, 1.0
        if sig is None:
            return None
        buckets = {f"bucket{band}": bucket for band, bucket in neardup.band_keys(sig)}
        hits = connection.execute(_SHARING_A_BAND, {"exclude": exclude, **buckets}).all()
        scored = [(row.id, row.source_id, neardup.similarity(sig, neardup.from_bytes(row.minhash))) for row in hits]
        best = max(scored, key=lambda r: r[2], default=None)
        return best if best is not None and best[2] >= neardup.SAME_ARTICLE else None

    @staticmethod
    def _row(doc: Document, original) -> dict:
        return {
            "source_id": doc.source_id,
            "origin": doc.origin,
            "url": doc.url,
            "title": doc.title,
            "published": doc.published,
            "author": doc.author,
            "language": doc.language,
            "raw_text": doc.raw_text,
            "clean_text": doc.clean.text,
            "offsets": json.dumps(doc.clean.offsets.to_json()),
            "removed": json.dumps([[r.raw_start, r.raw_end, r.reason] for r in doc.clean.removed]),
            "content_hash": doc.content_hash,
            "minhash": doc.minhash,
            "duplicate_of": original[0] if original else None,
            "similarity": original[2] if original else None,
            "note": doc.note,
            "vulnerabilities": json.dumps(list(doc.vulnerabilities)),
            "ingested_at": datetime.now(UTC),
        }

    def resolution_state(self) -> ResolutionState:
        return self.read(read_state)

    def write_resolution(self, seen: Seen, write: Callable[[Connection], int]) -> int | None:
        """Run ``write`` (which stores a resolution made from the database as ``seen``) in a write transaction, unless
        a document or the incidents changed since (then None: the resolution would be older than they are)."""
        with self.transaction() as connection:
            if seen_now(connection) != seen:
                return None
            return write(connection)

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """One consistent snapshot for several reads; a database failure becomes a one-line `StoreError`."""
        try:
            with self.database.reading() as connection:
                yield connection
        except SQLAlchemyError as e:
            raise explain(e, self.database.url) from None

    def read(self, reader: Callable[[Connection], T]) -> T:
        """Run ``reader`` on a connection of its own; a database failure becomes a one-line `StoreError`."""
        try:
            with self.database.engine.connect() as connection:
                return reader(connection)
        except SQLAlchemyError as e:
            raise explain(e, self.database.url) from None

    def all_incidents(self) -> list[dict]:
        return self.read(all_incidents)

    def all_documents(self) -> list[dict]:
        return self.read(all_documents)


def all_documents(connection: Connection) -> list[dict]:
    """Every stored document, oldest first, with ``duplicate_of`` as the source id of the story it repeats."""
    return list(iter_documents(connection))


def iter_documents(connection: Connection, texts: bool = True) -> Iterator[dict]:
    """`all_documents` one at a time, as the database hands them; without ``texts``, only what describes each (no
    texts, offsets or signature): what the STIX objects need, built again at every ingest."""
    for row in connection.execute(_described(texts).order_by(documents.c.id)).mappings():
        yield dict(row)


def documents_by_source(connection: Connection, source_ids: list[str], texts: bool = True) -> dict[str, dict]:
    """The documents of those source ids, as `iter_documents` gives them, by source id: what one page shows."""
    found = connection.execute(_described(texts).where(documents.c.source_id.in_(source_ids))).mappings()
    return {row["source_id"]: dict(row) for row in found}


def _described(texts: bool) -> Select:
    """Documents (without ``texts``, without their texts, offsets and signature), ``duplicate_of`` as the source id
    of the story a near-duplicate repeats."""
    original = documents.alias("original")
    columns = [c for c in documents.c if c.name != "duplicate_of" and (texts or c.name not in _TEXTS)]
    return (select(*columns, original.c.source_id.label("duplicate_of"))
            .outerjoin(original, documents.c.duplicate_of == original.c.id))


def near_duplicates_of(connection: Connection, source_ids: list[str]) -> dict[str, list[str]]:
    """The near-duplicate copies of those documents, oldest first, by the source id of the story they repeat."""
    original = documents.alias("original")
    found = connection.execute(
        select(original.c.source_id, documents.c.source_id.label("copy"))
        .join(original, documents.c.duplicate_of == original.c.id)
        .where(original.c.source_id.in_(source_ids)).order_by(documents.c.id))
    copies: dict[str, list[str]] = {}
    for row in found:
        copies.setdefault(row.source_id, []).append(row.copy)
    return copies


def store_incidents(connection: Connection, changed: list[Incident], gone: list[str], *, whole: bool,
                    version: int) -> int:
    """The incidents one resolution made (``whole``: every incident, in place of all stored; else those it started or
    changed, and the ids of those ``gone`` into others) and the version of the frames they reflect, in the transaction
    that also refreshes the TAXII collection from them (`collection.refresh_collection`): after a crash either all are
    there or none. Returns how many incidents there are."""
    if whole:
        replace_incidents(connection, changed)
    else:
        update_incidents(connection, changed, gone)
    mark_resolved(connection, version)
    return connection.execute(select(func.count()).select_from(incidents)).scalar_one()


def _first_line(error: Exception) -> str:
    return str(getattr(error, "orig", None) or error).strip().splitlines()[0]
