"""Cleaning and extraction on a Ray cluster: `cybertrack ingest --engine ray [--address ray://HOST:10001]`.

A backfill of years of news is more than one machine's cores. Ray Data spreads the pipeline over a cluster: the items
become a dataset mapped, a few at a time, by a pool of actors, each holding one `Pipeline` whose models it loads once
(`map_batches` with a callable class). The driver (the `cybertrack ingest` process) reads the sources, and stores the
results through the same batched writes as the process pool (`runner.run_ingest`), into the shared database:
PostgreSQL when the workers are on other machines. The dataset keeps the order of the items, so a run gives the very
incidents the in-process pipeline gives.

The items reach Ray in windows of ``WINDOW`` (a dataset is made from a list, and a backfill's sources are read as a
stream): the driver holds one window at a time, and each window's actors load the models again, a few seconds
against the minutes a window takes.

Ray is optional (``pip install 'cybertrack[ray]'``) and imported only here; without an address, Ray starts on this
machine with ``workers`` CPUs.
"""

from __future__ import annotations

import itertools
import logging
import pickle
from collections import Counter
from collections.abc import Iterable, Iterator

from cybertrack.model import Document, ItemError, SourceItem
from cybertrack.pipeline import AttackGate, Pipeline, process_item

ITEMS_PER_BATCH = 8  # items an actor takes at once: a call's overhead is spread, and the work stays evenly dealt
WINDOW = 5_000  # items per dataset: at 20 articles/s an actor works minutes on its share, and loads its models once

Outcome = Document | ItemError


class RayUnavailable(RuntimeError):
    """Ray is not installed, or the cluster cannot be reached."""


def on_ray(items: Iterable[SourceItem | ItemError], pipeline: Pipeline, workers: int, address: str | None,
           seconds: Counter[str]) -> Iterator[Outcome]:
    """The outcome of every item, in their order, worked out by ``workers`` Ray actors that each hold a pipeline
    made like ``pipeline`` (its attack gate and article budget); each stage's time is added to ``seconds``."""
    ray = _ray()
    started_here = not ray.is_initialized()
    if started_here:
        try:
            ray.init(address=address, num_cpus=None if address else workers, include_dashboard=False,
                     log_to_driver=False, configure_logging=False)
        except (ConnectionError, RuntimeError, ValueError) as e:
            raise RayUnavailable(f"cannot reach the Ray cluster at {address or 'this machine'}: {e}") from None
    try:
        context = ray.data.DataContext.get_current()
        context.execution_options.preserve_order = True  # the incidents must not depend on which actor is faster
        context.enable_progress_bars = False  # `ingest` shows its own
        logging.getLogger("ray.data").setLevel(logging.WARNING)  # nor does it tell of each dataset it starts
        items = iter(items)
        while window := list(itertools.islice(items, WINDOW)):
            yield from _window(ray, window, pipeline, workers, seconds)
    finally:
        if started_here:
            ray.shutdown()


def _window(ray, window: list[SourceItem | ItemError], pipeline: Pipeline, workers: int,
            seconds: Counter[str]) -> Iterator[Outcome]:
    """The window's outcomes in its order; an item that failed before the pipeline (unreadable) keeps its place."""
    work = [item for item in window if isinstance(item, SourceItem)]
    done: Iterator[Outcome] = iter(())
    if work:
        dataset = ray.data.from_items([{"item": pickle.dumps(item)} for item in work]).map_batches(
            PipelineWorker, fn_constructor_args=(pipeline.attack_gate, pipeline.article_budget),
            batch_size=ITEMS_PER_BATCH, compute=ray.data.ActorPoolStrategy(size=min(workers, len(work))), num_cpus=1,
            batch_format="numpy")
        done = _unpacked(dataset.iter_rows(), seconds)
    for item in window:
        yield item if isinstance(item, ItemError) else next(done)


def _unpacked(rows: Iterable[dict], seconds: Counter[str]) -> Iterator[Outcome]:
    for row in rows:
        outcome, spent = pickle.loads(row["outcome"])
        seconds.update(spent)
        yield outcome


class PipelineWorker:
    """One pipeline on a Ray worker, its models loaded once, when the actor starts."""

    def __init__(self, attack_gate: AttackGate | None, article_budget: float | None):
        from threadpoolctl import threadpool_limits

        threadpool_limits(limits=1)  # the actors fill the cores already (see `runner._start_worker`)
        self.pipeline = Pipeline(None, attack_gate, article_budget)
        self.pipeline.load()

    def __call__(self, batch: dict) -> dict:
        """Each item's outcome and the time its stages took, pickled: a `Document` is no table column."""
        results = []
        for blob in batch["item"]:
            before = dict(self.pipeline.seconds)
            outcome = process_item(self.pipeline, pickle.loads(blob))
            spent = {k: v - before.get(k, 0.0) for k, v in self.pipeline.seconds.items()}
            results.append(pickle.dumps((outcome, spent)))
        return {"outcome": results}


def _ray():
    try:
        import ray
        import ray.data
    except ImportError:
        raise RayUnavailable("the Ray engine needs Ray Data: pip install 'cybertrack[ray]'") from None
    return ray
