"""Ingest throughput and peak memory on the real CASIE articles (and the seeds).

Usage: python bench/ingest_bench.py [JSONL ...]

Runs the same loop as ``cybertrack ingest`` into a fresh SQLite file, once with
the models cold (their loading counted) and once more on a second fresh
database with the models warm, and prints articles/s and peak RSS.
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

from cybertrack.ingest import iter_items
from cybertrack.pipeline import Pipeline
from cybertrack.runner import run_ingest
from cybertrack.store import Database, DocumentStore

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
DEFAULT_SOURCES = [SHARED / "casie-dev" / "articles.jsonl", SHARED / "seeds"]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_once(source: Path, pipeline: Pipeline, folder: Path, label: str) -> None:
    store = DocumentStore(Database(str(folder / f"{label}.db")))
    started = time.perf_counter()
    summary = run_ingest(iter_items([str(source)]), store, pipeline)
    elapsed = time.perf_counter() - started
    n = summary.total
    print(f"{source.name:<16} {label:<5} {n:>5} articles  {elapsed:6.2f} s  {n / elapsed:7.1f} articles/s  "
          f"peak RSS {peak_rss_mb():6.0f} MB  (ingested {len(summary.ingested)}, "
          f"near-duplicates {len(summary.duplicates)}, failed {len(summary.failed)})")
    store.database.dispose()


def main(argv: list[str]) -> int:
    sources = [Path(a) for a in argv] or [p for p in DEFAULT_SOURCES if p.exists()]
    if not sources:
        print("no corpus given and none found in ../shared/corpus", file=sys.stderr)
        return 2
    print(f"start: peak RSS {peak_rss_mb():.0f} MB")
    pipeline = Pipeline()
    with tempfile.TemporaryDirectory() as tmp:
        for source in sources:
            run_once(source, pipeline, Path(tmp), "cold")
            run_once(source, pipeline, Path(tmp), "warm")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
