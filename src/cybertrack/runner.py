"""The ingest run: items in, documents stored in batches, a summary out.

Kept apart from the command line so that tests, the benchmark and the web
server's ingest form drive exactly the same loop.
"""

from __future__ import annotations

import enum
import itertools
import multiprocessing
import os
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from threadpoolctl import threadpool_limits

from cybertrack.model import Document, IngestSummary, ItemError, SourceItem
from cybertrack.pipeline import Pipeline, process_item
from cybertrack.ray_engine import on_ray
from cybertrack.resolution import resolve_stored
from cybertrack.store import DocumentStore, StoreError

DEFAULT_BATCH_SIZE = 100
IN_FLIGHT_PER_WORKER = 8

Reporter = Callable[[str, str], None]


class Engine(enum.StrEnum):
    """Where cleaning and extraction run: forked worker processes on this machine, or a Ray cluster."""

    PROCESS = "process"
    RAY = "ray"


def _ignore(_source_id: str, _message: str) -> None:
    pass


Outcome = Document | ItemError

_worker_pipeline: Pipeline | None = None


def default_workers() -> int:
    """The cores this process may run on: a user who does not say gets the whole machine (workers fork from the
    parent after its models are loaded; a run of one article stays in this process, see `run_ingest`)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _start_worker(pipeline: Pipeline) -> None:
    """One pipeline per worker, and one BLAS thread: workers already fill the cores, and BLAS threads competing
    with them for the same cores make the embedding model many times slower.

    Where processes are forked, ``pipeline`` is the parent's, models already loaded: the workers start at once and
    share its memory instead of each loading its own copy."""
    global _worker_pipeline
    threadpool_limits(limits=1)
    _worker_pipeline = pipeline


def _work(item: SourceItem) -> tuple[Outcome, dict[str, float]]:
    """In a worker process: one item, and the time its stages took."""
    assert _worker_pipeline is not None
    before = dict(_worker_pipeline.seconds)
    outcome = process_item(_worker_pipeline, item)
    return outcome, {k: v - before.get(k, 0.0) for k, v in _worker_pipeline.seconds.items()}


def _in_parallel(items: Iterable[SourceItem | ItemError], workers: int, pipeline: Pipeline,
                 seconds: Counter[str]) -> Iterator[SourceItem | Outcome]:
    """Results in the order of the items, with at most a few items per worker in flight (memory stays flat)."""
    pending: deque[Future | ItemError] = deque()
    if "fork" in multiprocessing.get_all_start_methods():
        context, given = multiprocessing.get_context("fork"), pipeline
    else:  # spawned workers inherit nothing: each gets a fresh pipeline, same gate and budget, and loads its models
        context, given = multiprocessing.get_context(), Pipeline(None, pipeline.attack_gate, pipeline.article_budget)
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker, initargs=(given,)) as pool:
        for item in items:
            pending.append(item if isinstance(item, ItemError) else pool.submit(_work, item))
            while len(pending) > IN_FLIGHT_PER_WORKER * workers:
                yield _collect(pending.popleft(), seconds)
        while pending:
            yield _collect(pending.popleft(), seconds)


def _collect(entry: Future | ItemError, seconds: Counter[str]) -> Outcome:
    if isinstance(entry, ItemError):
        return entry
    outcome, spent = entry.result()
    seconds.update(spent)
    return outcome


def run_ingest(
    items: Iterable[SourceItem | ItemError],
    store: DocumentStore,
    pipeline: Pipeline | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    report: Reporter = _ignore,
    workers: int = 1,
    engine: Engine = Engine.PROCESS,
    address: str | None = None,
) -> IngestSummary:
    """Process and store every item; a bad item is reported and skipped, never fatal.

    Documents are written one transaction per batch. A database failure stops
    the run with ``summary.fatal`` set: the summary then counts what the
    committed batches stored, and nothing committed before is touched. Incidents
    are resolved at the end whenever they lag behind the stored documents,
    including after an earlier run that crashed before resolving.
    With ``Engine.RAY``, ``workers`` Ray actors clean and extract (on the cluster at ``address``, else on this
    machine); storing and resolving stay here.
    """
    pipeline = pipeline or Pipeline()
    summary = IngestSummary()
    items = iter(items)
    first = list(itertools.islice(items, 2))
    items = itertools.chain(first, items)
    # one article is read in this process, with no models loaded for nothing
    parallel = workers > 1 and len(first) > 1 and engine == Engine.PROCESS
    if parallel:
        summary.seconds["load"] += pipeline.load()  # before forking: the workers share what it loaded
    spent_before = pipeline.seconds.copy()  # a pipeline kept between runs (the web server's) has counted others
    pending: list[Document] = []
    if engine == Engine.RAY:
        outcomes: Iterable[SourceItem | Outcome] = on_ray(items, pipeline, workers, address, summary.seconds)
    elif parallel:
        outcomes = _in_parallel(items, workers, pipeline, summary.seconds)
    else:
        outcomes = items

    def flush() -> None:
        if not pending:
            return
        started = time.perf_counter()
        stored = zip(pending, store.add_batch(pending), strict=True)
        summary.seconds["store"] += time.perf_counter() - started
        for doc, outcome in stored:
            if outcome.status == "refused":
                summary.failed.append(ItemError(doc.source_id, outcome.reason or "refused by the database"))
                report(doc.source_id, f"error: {outcome.reason}")
                continue
            _record(summary, doc, outcome.status, outcome.duplicate_of)
            if doc.note:
                summary.notes.append((doc.source_id, doc.note))
                report(doc.source_id, f"note: {doc.note}")
        pending.clear()

    try:
        for item in outcomes:
            outcome = process_item(pipeline, item) if isinstance(item, SourceItem) else item
            if isinstance(outcome, ItemError):
                summary.failed.append(outcome)
                report(outcome.source_id, f"error: {outcome.reason}")
                continue
            pending.append(outcome)
            if len(pending) >= batch_size:
                flush()
        flush()
        # also when nothing new came in: a run that crashed before may have left work
        summary.incidents = resolve_stored(store, resources=pipeline.resources, seconds=summary.seconds)
    except StoreError as e:
        summary.fatal = f"{e} ({len(pending)} processed articles of the last batch were not stored)"
    summary.seconds.update(pipeline.seconds - spent_before)
    return summary


def _record(summary: IngestSummary, doc: Document, status: str, duplicate_of: str | None) -> None:
    if status == "duplicate":
        summary.duplicates.append((doc.source_id, duplicate_of or "?"))
    else:
        getattr(summary, status).append(doc.source_id)
