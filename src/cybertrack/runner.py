"""The ingest run: items in, documents stored in batches, a summary out.

Kept apart from the command line so that tests, the benchmark and the web
server's ingest form drive exactly the same loop.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from cybertrack.ingest.errors import IngestError
from cybertrack.model import Document, IngestSummary, ItemError, SourceItem
from cybertrack.pipeline import Pipeline
from cybertrack.store import DocumentStore, StoreError

DEFAULT_BATCH_SIZE = 100

Reporter = Callable[[str, str], None]


def _ignore(_source_id: str, _message: str) -> None:
    pass


def run_ingest(
    items: Iterable[SourceItem | ItemError],
    store: DocumentStore,
    pipeline: Pipeline | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    report: Reporter = _ignore,
) -> IngestSummary:
    """Process and store every item; a bad item is reported and skipped, never fatal.

    Documents are written one transaction per batch. A database failure stops
    the run with ``summary.fatal`` set: the summary then counts what the
    committed batches stored, and nothing committed before is touched.
    """
    pipeline = pipeline or Pipeline()
    summary = IngestSummary()
    pending: list[Document] = []

    def flush() -> None:
        if not pending:
            return
        with store.transaction() as connection:
            outcomes = [(doc, store.add(connection, doc)) for doc in pending]
        for doc, outcome in outcomes:
            _record(summary, doc, outcome.status, outcome.duplicate_of)
            if doc.note:
                summary.notes.append((doc.source_id, doc.note))
                report(doc.source_id, f"note: {doc.note}")
        pending.clear()

    try:
        for item in items:
            if isinstance(item, ItemError):
                summary.failed.append(item)
                report(item.source_id, f"error: {item.reason}")
                continue
            try:
                pending.append(pipeline.process(item))
            except IngestError as e:
                summary.failed.append(ItemError(item.source_id, str(e)))
                report(item.source_id, f"error: {e}")
                continue
            except Exception as e:  # a bug on one odd page must not cost the batch
                reason = f"internal error ({e.__class__.__name__}: {e}); please report it"
                summary.failed.append(ItemError(item.source_id, reason))
                report(item.source_id, f"error: {reason}")
                continue
            if len(pending) >= batch_size:
                flush()
        flush()
        if summary.ingested or summary.updated or summary.duplicates:
            summary.incidents = store.rebuild_incidents()
    except StoreError as e:
        summary.fatal = f"{e} ({len(pending)} processed articles of the last batch were not stored)"
    return summary


def _record(summary: IngestSummary, doc: Document, status: str, duplicate_of: str | None) -> None:
    if status == "duplicate":
        summary.duplicates.append((doc.source_id, duplicate_of or "?"))
    else:
        getattr(summary, status).append(doc.source_id)
