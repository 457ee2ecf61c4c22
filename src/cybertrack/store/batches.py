"""Long ``IN (...)`` lists, cut into pieces every database takes."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")

IN_LIST_SIZE = 500  # values per IN (...) list: well under SQLite's and PostgreSQL's limits on bound parameters


def in_batches(values: Sequence[T]) -> Iterator[Sequence[T]]:
    """``values`` in consecutive pieces of at most ``IN_LIST_SIZE``."""
    for start in range(0, len(values), IN_LIST_SIZE):
        yield values[start:start + IN_LIST_SIZE]
