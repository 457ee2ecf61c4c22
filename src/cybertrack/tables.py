"""The tables the stages build from packaged data (lexicons, date rules, place names, country forms, fitted weights),
each once per process, the first time an article needs it.

A table is a function memoised on its arguments: `table` registers one that takes none, `language_table` one built
per supported language. `build_tables` builds every table registered so far; `Resources.load` calls it, so that a
process pool builds them once before it forks its workers, which then share them instead of each building its own
copy on its first articles.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

from cybertrack.lang import LANGUAGES

T = TypeVar("T")

_BUILDS: list[Callable[[], object]] = []


def table(build: Callable[[], T]) -> Callable[[], T]:
    """``build``, memoised, and built by `build_tables`."""
    memoised = functools.cache(build)
    _BUILDS.append(memoised)
    return memoised


def language_table(build: Callable[[str], T]) -> Callable[[str], T]:
    """``build(language)``, memoised, and built by `build_tables` for every supported language."""
    memoised = functools.cache(build)
    _BUILDS.extend(functools.partial(memoised, language) for language in LANGUAGES)
    return memoised


def build_tables() -> None:
    """Build every registered table now (those of the modules imported so far: the pipeline imports all of its)."""
    for build in _BUILDS:
        build()
