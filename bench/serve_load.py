"""A bounded load on `cybertrack serve`: latency per endpoint under concurrent clients, page weight, server memory.

    python bench/serve_load.py build --db big.db --corpus ../shared/corpus/casie-dev/articles.jsonl --articles 100000
    python bench/serve_load.py load --db big.db --clients 8 --requests 200

``build`` ingests the bench's ``stream:N`` articles (new articles mixed from the corpus's paragraphs, see
`cybertrack.bench`) into a database, once: at 100,000 articles it takes the better part of an hour. ``load`` starts
the server on 127.0.0.1 (a free port, one worker), and has ``--clients`` threads each send ``--requests`` requests
per endpoint, one after another, to: the list page, ``/api/incidents`` (plain, filtered by a facet, searched, a
later page), an incident page and a TAXII page of 100 objects. It prints p50 and p99 per endpoint, the list page's
size, and the server's resident memory before and after the load.
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from cybertrack.bench import load_articles, stream_items
from cybertrack.runner import run_ingest
from cybertrack.store import Database, DocumentStore


def build(db: str, corpus: Path, articles: int, workers: int) -> None:
    store = DocumentStore(Database(db))
    started = time.perf_counter()
    summary = run_ingest(stream_items(load_articles(corpus), articles), store, workers=workers)
    print(f"{summary.total} articles, {summary.incidents} incidents in {time.perf_counter() - started:.0f} s")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _start_server(db: str, port: int) -> subprocess.Popen:
    server = subprocess.Popen([sys.executable, "-m", "cybertrack.cli", "serve", "--db", db, "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/incidents", timeout=30).status_code == 200:
                return server
        except httpx.TransportError:
            time.sleep(0.5)
    server.kill()
    raise SystemExit("the server did not answer within two minutes")


def _endpoints(base: str) -> dict[str, list[str]]:
    """Each endpoint's URLs, the varying parts drawn from what the database holds."""
    first = httpx.get(f"{base}/api/incidents", timeout=60).json()
    ids = [i["id"] for i in first["incidents"]]
    countries = list(httpx.get(f"{base}/api/incidents", params={"sort": "reports"}, timeout=60).json()["incidents"])
    country = next((v["country"] for i in countries for v in i["victims"] if v.get("country")), "US")
    word = first["incidents"][0]["title"].split()[0] if ids else "attack"
    taxii = f"{base}/taxii2/cybertrack/collections/"
    collection = httpx.get(taxii, headers={"Accept": "application/taxii+json;version=2.1"}, timeout=60).json()
    objects = f"{taxii}{collection['collections'][0]['id']}/objects/?limit=100"
    return {
        "list page /": [f"{base}/"],
        "/api/incidents": [f"{base}/api/incidents"],
        "/api/incidents?country=": [f"{base}/api/incidents?country={country}"],
        "/api/incidents?q=": [f"{base}/api/incidents?q={word}"],
        "/api/incidents?page=": [f"{base}/api/incidents?page={p}" for p in (2, 10, 100)],
        "incident page": [f"{base}/incidents/{i}" for i in ids],
        "TAXII 100 objects": [objects],
    }


def load(db: str, clients: int, requests: int) -> None:
    port = _free_port()
    started = time.perf_counter()
    server = _start_server(db, port)
    print(f"server answering after {time.perf_counter() - started:.1f} s")
    base = f"http://127.0.0.1:{port}"
    try:
        endpoints = _endpoints(base)
        page = httpx.get(f"{base}/", timeout=60)
        print(f"list page: {len(page.content) / 1024:.0f} KB")
        before = _rss_mb(server.pid)
        print(f"{'endpoint':<28} {'p50 ms':>8} {'p99 ms':>8} {'requests':>9} {'errors':>7}")
        for name, urls in endpoints.items():
            timings, errors = _hammer(urls, clients, requests)
            timings.sort()
            p50 = statistics.median(timings) * 1000
            p99 = timings[min(len(timings) - 1, int(len(timings) * 0.99))] * 1000
            print(f"{name:<28} {p50:>8.0f} {p99:>8.0f} {len(timings):>9} {errors:>7}")
        print(f"server RSS: {before:.0f} MB before the load, {_rss_mb(server.pid):.0f} MB after")
    finally:
        server.terminate()
        server.wait(30)


def _hammer(urls: list[str], clients: int, requests: int) -> tuple[list[float], int]:
    accept = {"Accept": "application/taxii+json;version=2.1"}

    def client(seed: int) -> tuple[list[float], int]:
        rng, timings, errors = random.Random(seed), [], 0
        with httpx.Client(timeout=120, headers=accept) as http:
            for _ in range(requests):
                started = time.perf_counter()
                status = http.get(rng.choice(urls)).status_code
                timings.append(time.perf_counter() - started)
                errors += status != 200
        return timings, errors

    with ThreadPoolExecutor(clients) as pool:
        results = list(pool.map(client, range(clients)))
    return [t for timings, _ in results for t in timings], sum(errors for _, errors in results)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    made = commands.add_parser("build", help="ingest stream articles into a database")
    made.add_argument("--db", required=True)
    made.add_argument("--corpus", type=Path, required=True, help="a JSONL of articles to mix")
    made.add_argument("--articles", type=int, default=100_000)
    made.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    loaded = commands.add_parser("load", help="serve a database and measure it under load")
    loaded.add_argument("--db", required=True)
    loaded.add_argument("--clients", type=int, default=8)
    loaded.add_argument("--requests", type=int, default=100, help="per client and endpoint")
    options = parser.parse_args()
    if options.command == "build":
        build(options.db, options.corpus, options.articles, options.workers)
    else:
        load(options.db, options.clients, options.requests)


if __name__ == "__main__":
    main()
