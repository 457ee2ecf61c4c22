"""Cleaning and extraction on a Ray cluster: `cybertrack ingest --engine ray [--address ray://HOST:10001]`.

A backfill of years of news is more than one machine's cores. Ray spreads the pipeline over a cluster: a pool of
actors, each holding one `Pipeline` whose models it loads once, takes the items in small batches. The driver (the
`cybertrack ingest` process) reads the sources, and stores the results through the same batched writes as the
process pool (`runner.run_ingest`), into the shared database: PostgreSQL when the workers are on other machines.
Results come back in the order of the items, with a bounded number of batches in flight, so memory stays flat and a
run gives the very incidents the in-process pipeline gives.

Ray is optional (``pip install 'cybertrack[ray]'``) and imported only here; without an address, Ray starts on this
machine with ``workers`` CPUs.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Iterator

from cybertrack.model import Document, ItemError, SourceItem
from cybertrack.pipeline import AttackGate, Pipeline, process_item

ITEMS_PER_TASK = 8  # items an actor takes at once: a call's overhead is spread, an actor's queue stays short
TASKS_IN_FLIGHT_PER_ACTOR = 2  # while one batch is worked on, the next is on its way

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
        actor = ray.remote(num_cpus=1)(PipelineActor)
        actors = [actor.remote(pipeline.attack_gate, pipeline.article_budget) for _ in range(workers)]
        yield from _ordered(ray, actors, items, seconds)
    finally:
        if started_here:
            ray.shutdown()


def _ordered(ray, actors: list, items: Iterable[SourceItem | ItemError], seconds: Counter[str]) -> Iterator[Outcome]:
    """Batches dealt round-robin to the actors, collected in the order they were dealt."""
    in_flight: list[tuple[list[ItemError | int], object]] = []
    turn = itertools.cycle(actors)
    items = iter(items)
    while batch := list(itertools.islice(items, ITEMS_PER_TASK)):
        work = [item for item in batch if isinstance(item, SourceItem)]
        # an item that failed before the pipeline (unreadable) keeps its place; the rest are numbered
        places = [item if isinstance(item, ItemError) else i for i, item in enumerate(batch)]
        in_flight.append((places, next(turn).process.remote(work) if work else None))
        if len(in_flight) >= TASKS_IN_FLIGHT_PER_ACTOR * len(actors):
            yield from _collect(ray, in_flight.pop(0), seconds)
    while in_flight:
        yield from _collect(ray, in_flight.pop(0), seconds)


def _collect(ray, entry: tuple[list[ItemError | int], object], seconds: Counter[str]) -> Iterator[Outcome]:
    places, future = entry
    done = iter(ray.get(future) if future is not None else [])
    for place in places:
        if isinstance(place, ItemError):
            yield place
            continue
        outcome, spent = next(done)
        seconds.update(spent)
        yield outcome


class PipelineActor:
    """One pipeline on a Ray worker, its models loaded once, when the actor starts."""

    def __init__(self, attack_gate: AttackGate | None, article_budget: float | None):
        from threadpoolctl import threadpool_limits

        threadpool_limits(limits=1)  # the actors fill the cores already (see `runner._start_worker`)
        self.pipeline = Pipeline(None, attack_gate, article_budget)
        self.pipeline.load()

    def process(self, items: list[SourceItem]) -> list[tuple[Outcome, dict[str, float]]]:
        """Each item's outcome, and the time its stages took."""
        results = []
        for item in items:
            before = dict(self.pipeline.seconds)
            outcome = process_item(self.pipeline, item)
            results.append((outcome, {k: v - before.get(k, 0.0) for k, v in self.pipeline.seconds.items()}))
        return results


def _ray():
    try:
        import ray
    except ImportError:
        raise RayUnavailable("the Ray engine needs Ray: pip install 'cybertrack[ray]'") from None
    return ray
