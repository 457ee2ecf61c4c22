"""A time budget for one article, checked between its stages and its sentences.

A crafted or broken page can make extraction slow; one such article must not hold up a
batch, a worker process or a web request. The budget is checked cooperatively, at points
the work passes anyway, never by a signal: signals reach only a process's main thread,
and the web server ingests in worker threads.
"""

from __future__ import annotations

import time

from cybertrack.ingest.errors import IngestError

DEFAULT_ARTICLE_BUDGET = 60.0  # seconds; real articles take well under one


class OverBudget(IngestError):
    """The article used up its time budget: it is reported and skipped, and the batch goes on."""


class Deadline:
    """When the article's budget runs out (``seconds=None``: never)."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self._ends = None if seconds is None else time.perf_counter() + seconds

    def check(self, stage: str) -> None:
        if self._ends is not None and time.perf_counter() > self._ends:
            raise OverBudget(f"over the {self.seconds:g} s extraction budget at stage {stage}; skipped")


UNLIMITED = Deadline(None)
