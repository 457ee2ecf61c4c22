"""The command line: ``ingest``, ``resolve``, ``export``, ``documents``, ``incidents``, ``serve``, ``bench``,
``kb stats`` and ``kb lookup``.

Exit codes: 0 when everything went in, 1 when some items failed (the others
are stored), 2 when the database or the arguments cannot be used.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO, TypeVar

import click
from tqdm import tqdm

from cybertrack import __version__
from cybertrack.budget import DEFAULT_ARTICLE_BUDGET
from cybertrack.explain import explained
from cybertrack.export.json_export import build_export
from cybertrack.ingest import SourceOptions, iter_items
from cybertrack.ingest.reading import DEFAULT_MAX_BYTES
from cybertrack.model import IngestSummary
from cybertrack.pipeline import Pipeline
from cybertrack.ray_engine import RayUnavailable
from cybertrack.resolution import resolve_stored
from cybertrack.runner import DEFAULT_BATCH_SIZE, Engine, default_workers, run_ingest
from cybertrack.store import Database, DocumentStore, StoreError, default_db_path
from cybertrack.store.database import DEFAULT_LOCK_TIMEOUT

T = TypeVar("T")
# format -> (module, function); imported on use, since pymisp takes seconds to import
WRITERS = {"json": ("json_export", "write_json"), "stix": ("stix_export", "write_stix"),
           "misp": ("misp_export", "write_misp"), "csv": ("csv_export", "write_csv")}


def _writer(fmt: str) -> Callable[[dict, TextIO], None]:
    module, function = WRITERS[fmt]
    return getattr(importlib.import_module(f"cybertrack.export.{module}"), function)
EXIT_ITEMS_FAILED = 1
EXIT_UNUSABLE = 2

db_option = click.option(
    "--db", metavar="PATH|URL", default=None,
    help=f"Database file or SQLAlchemy URL. Default: {default_db_path()}",
)
lock_option = click.option(
    "--lock-timeout", type=float, default=DEFAULT_LOCK_TIMEOUT, show_default=True, metavar="SECONDS",
    help="How long to wait for another writer to release the database.",
)

private_addresses_option = click.option(
    "--allow-private-addresses", is_flag=True,
    help="Also fetch from loopback, private and link-local addresses (intranet sources). Off by default, so that "
         "a page, feed or redirect cannot make cybertrack read the services of its own network.",
)


def _open_store(db: str | None, lock_timeout: float = DEFAULT_LOCK_TIMEOUT) -> DocumentStore:
    try:
        return DocumentStore(Database(db, lock_timeout=lock_timeout))
    except StoreError as e:
        click.echo(f"error: {e}", err=True)
        sys.exit(EXIT_UNUSABLE)


def _read(db: str | None, reader: Callable[[DocumentStore], T]) -> T:
    """Run a read on the store; an unusable database ends the command with its one-line reason."""
    store = _open_store(db)
    try:
        return reader(store)
    except StoreError as e:
        click.echo(f"error: {e}", err=True)
        sys.exit(EXIT_UNUSABLE)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="cybertrack")
def main() -> None:
    """Turn news about cyberattacks into a clean, cited database of incidents."""


@main.command()
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE...")
@db_option
@click.option("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, show_default=True,
              help="Largest file, page or JSONL line accepted.")
@click.option("--timeout", type=float, default=15.0, show_default=True, metavar="SECONDS",
              help="Timeout of each HTTP fetch, all of it: connecting, headers, body and redirects.")
@private_addresses_option
@click.option("--batch-size", type=int, default=DEFAULT_BATCH_SIZE, show_default=True,
              help="Articles written per database transaction.")
@click.option("--workers", type=click.IntRange(min=1), default=default_workers, show_default="the number of cores",
              help="Parallel workers: processes, or Ray actors.")
@click.option("--engine", type=click.Choice([e.value for e in Engine]), default=Engine.PROCESS.value,
              show_default=True, help="Where cleaning and extraction run: worker processes here, or a Ray cluster.")
@click.option("--address", metavar="ray://HOST:10001",
              help="The Ray cluster to run on (--engine ray); without it Ray starts on this machine.")
@click.option("--article-budget", type=click.FloatRange(min=0, min_open=True), default=DEFAULT_ARTICLE_BUDGET,
              show_default=True, metavar="SECONDS",
              help="Time one article may take to clean and extract; an article over it is reported and skipped.")
@lock_option
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no per-item messages; only the summary.")
def ingest(sources: tuple[str, ...], db: str | None, max_bytes: int, timeout: float, batch_size: int,
           lock_timeout: float, quiet: bool, workers: int, engine: str, address: str | None,
           allow_private_addresses: bool, article_budget: float) -> None:
    """Read articles from SOURCEs and store them cleaned.

    A SOURCE is a file (.txt, .html, .jsonl, .rss/.atom/.xml feed, .warc),
    a folder (read recursively), or an http(s) URL of a page or a feed.
    Articles already stored are recognised and not stored again.
    """
    if address and engine != Engine.RAY:
        raise click.UsageError("--address is the Ray cluster's: give it with --engine ray")
    store = _open_store(db, lock_timeout)
    items = iter_items(sources, SourceOptions(max_bytes=max_bytes, timeout=timeout,
                                              allow_private_addresses=allow_private_addresses))
    with tqdm(items, desc="ingesting", unit=" items", disable=True if quiet else None,
              file=sys.stderr, dynamic_ncols=True) as progress:
        def report(source_id: str, message: str) -> None:
            if not quiet:
                progress.write(f"{source_id}: {message}", file=sys.stderr)

        try:
            summary = run_ingest(progress, store, Pipeline(article_budget=article_budget), batch_size=batch_size,
                                 report=report, workers=workers, engine=Engine(engine), address=address)
        except RayUnavailable as e:
            click.echo(f"error: {e}", err=True)
            sys.exit(EXIT_UNUSABLE)
    _print_summary(summary, store.database.url)
    if summary.fatal:
        click.echo(f"error: {summary.fatal}", err=True)
        sys.exit(EXIT_UNUSABLE)
    if summary.failed:
        sys.exit(EXIT_ITEMS_FAILED)


def _print_summary(summary: IngestSummary, url: str) -> None:
    click.echo(
        f"ingested {len(summary.ingested)}, updated {len(summary.updated)}, already present {len(summary.present)}, "
        f"near-duplicates {len(summary.duplicates)}, failed {len(summary.failed)}  ->  {url}"
    )
    for source_id, original in summary.duplicates:
        click.echo(f"  near-duplicate: {source_id} of {original}")
    for error in summary.failed:
        click.echo(f"  failed: {error.source_id}: {error.reason}")
    for source_id, note in summary.notes:
        click.echo(f"  note: {source_id}: {note}")
    if summary.incidents is not None:
        click.echo(f"incidents: {summary.incidents} after resolving all stored articles")


@main.command()
@db_option
@lock_option
@click.option("--if-needed", is_flag=True,
              help="Only when the incidents lag behind the stored articles (an interrupted ingest).")
def resolve(db: str | None, lock_timeout: float, if_needed: bool) -> None:
    """Resolve the stored articles into incidents again, from every stored frame.

    Ingest resolves by itself, the new articles only, against the stored incidents; it also mends the incidents after
    a run that was killed before resolving. This command is for repairs and for checking: it replays the resolution of
    every ingest in order, which gives the incidents the ingests gave; with --if-needed it only resolves what a killed
    run left unresolved, and does nothing when the incidents are current.
    """
    store = _open_store(db, lock_timeout)
    try:
        count = resolve_stored(store, force=not if_needed)
    except StoreError as e:
        click.echo(f"error: {e}", err=True)
        sys.exit(EXIT_UNUSABLE)
    if count is None:
        click.echo("the incidents are current: nothing to resolve")
    else:
        click.echo(f"incidents: {count} after resolving all stored articles  ->  {store.database.url}")


@main.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(sorted(WRITERS)), default="json", show_default=True,
              help="json: the full export; stix: a STIX 2.1 bundle; misp: MISP events; csv: one row per incident.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path), default="-",
              show_default=True, help="File to write ('-' for standard output).")
def export(db: str | None, fmt: str, output: Path) -> None:
    """Write the stored documents and incidents for other tools."""
    data = _read(db, build_export)
    write = _writer(fmt)
    if str(output) == "-":
        write(data, sys.stdout)
        return
    try:
        with output.open("w", encoding="utf-8", newline="" if fmt == "csv" else None) as out:
            write(data, out)
    except OSError as e:
        click.echo(f"error: cannot write {output}: {e.strerror}", err=True)
        sys.exit(EXIT_UNUSABLE)
    click.echo(f"wrote {len(data['documents'])} documents and {len(data['incidents'])} incidents to {output}",
               err=True)


@main.command()
@db_option
def documents(db: str | None) -> None:
    """List the stored documents: language, words kept, title."""
    rows = _read(db, DocumentStore.all_documents)
    for row in rows:
        kept = len(row["clean_text"].split())
        total = len(row["raw_text"].split())
        title = (row["title"] or row["clean_text"][:70]).replace("\n", " ")
        if row["duplicate_of"]:
            title = f"(near-duplicate of {row['duplicate_of']}) {title}"
        click.echo(f"{row['language']:<4} {kept:>6}/{total:<6} words  {tail(row['source_id'], 40):<40}  {title[:70]}")
    click.echo(f"{len(rows)} documents", err=True)


def tail(source_id: str, width: int) -> str:
    """A long id (an absolute path, a URL) cut at its head, not its tail: the file name and line id tell ids apart."""
    return source_id if len(source_id) <= width else "…" + source_id[-(width - 1):]


@main.command()
@db_option
@click.option("--claims/--no-claims", default=True, show_default=True, help="Show who attributes or denies what.")
@click.option("--explain", metavar="ID", default=None,
              help="Show only incident ID, and why each of its reports joined it.")
def incidents(db: str | None, claims: bool, explain: str | None) -> None:
    """List the incidents: first seen, types, victims, actors, states, and the reports behind them."""
    found, state = _read(db, lambda store: (store.all_incidents(), store.resolution_state()))
    if not state.current:
        click.echo("warning: the incidents do not yet reflect every stored article (an ingest was interrupted "
                   "before resolving); run `cybertrack resolve`", err=True)
    if explain is not None:
        found = [incident for incident in found if incident["id"] == explain]
        if not found:
            raise click.ClickException(f"no incident {explain!r}; `cybertrack incidents` lists their ids")
    for incident in found:
        click.echo(f"{incident['first_seen'] or '?':<10} {incident['title']}  [{', '.join(incident['types'])}]")
        facts = {
            "victims": ", ".join(f"{v['name']} ({v['country'] or '?'})" for v in incident["victims"]),
            "victim groups": ", ".join(v["name"] for v in incident.get("victim_groups", [])),
            "actors": ", ".join(incident["actors"]),
            "states": ", ".join(incident["states"]),
            "CVEs": ", ".join(incident["vulnerabilities"]),
            "techniques": ", ".join(incident["techniques"]),
            "reports": ", ".join(incident["documents"]),
        }
        for label, value in facts.items():
            if value:
                click.echo(f"           {label}: {value}")
        for claim in incident["claims"] if claims else []:
            hedge = f" ({claim['certainty']})" if claim["hedged"] else ""
            click.echo(f"           claim: {claim['claimant']} {claim['stance']} "
                       f"{', '.join(claim['attributed_to'])}{hedge}")
        if explain is not None:
            click.echo(f"           id: {incident['id']}")
            click.echo(f"           {incident['documents'][0]} opened it")
            for link in incident.get("links", []):
                click.echo(f"           {explained(link)}")
    click.echo(f"{len(found)} incidents", err=True)


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.option("--allow-ingest", is_flag=True, help="Accept articles from the page and POST /api/ingest, with a token.")
@click.option("--token", envvar="CYBERTRACK_TOKEN", default=None,
              help="The ingest token (default: $CYBERTRACK_TOKEN, else a random one printed at start).")
@private_addresses_option
def serve(db: str | None, host: str, port: int, allow_ingest: bool, token: str | None,
          allow_private_addresses: bool) -> None:
    """Serve the incidents: web pages, the JSON API (/api/, docs at /docs) and TAXII 2.1 (/taxii2/)."""
    import secrets

    import uvicorn

    from cybertrack.web.app import create_app

    if allow_ingest and not token:
        token = secrets.token_urlsafe(16)
        click.echo(f"ingest token: {token}", err=True)
    try:
        app = create_app(db, ingest_token=token if allow_ingest else None,
                         allow_private_addresses=allow_private_addresses)
    except StoreError as e:
        click.echo(f"error: {e}", err=True)
        sys.exit(EXIT_UNUSABLE)
    click.echo(f"cybertrack serving {app.state.store.database.url} at http://{host}:{port}/", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


@main.command()
@click.argument("corpus", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--inputs", default="text,html", show_default=True,
              help="Comma-separated: text, html (articles wrapped in news pages), stream:N (N new mixed articles), "
                   "stream:N+K (then K more, one ingest each: the time one article takes to resolve).")
@click.option("--workers", default="1,2", show_default=True, help="Comma-separated worker counts to compare.")
@click.option("--engine", type=click.Choice([e.value for e in Engine]), default=Engine.PROCESS.value,
              show_default=True, help="ray: each run on the process pool, then on Ray actors started here.")
def bench(corpus: Path, inputs: str, workers: str, engine: str) -> None:
    """Measure end-to-end throughput, time per stage and peak memory on CORPUS (a JSONL of articles).

    Every run ingests into a fresh temporary database. The models are loaded once first, and that time is shown
    apart; worker processes are forked with them loaded. With --engine ray, every run is made on the process pool
    and then on Ray, side by side. For a profile, run this under py-spy (see the README).
    """
    from cybertrack import bench as benchmark

    articles = benchmark.load_articles(corpus)
    pipeline = Pipeline()
    click.echo(f"loading the knowledge base and models (once per process): {pipeline.load():.1f} s")
    for spec in [s.strip() for s in inputs.split(",") if s.strip()]:
        if benchmark.items_for(spec, articles) is None:
            raise click.BadParameter(f"unknown input {spec!r}", param_hint="--inputs")
        for n in [int(w) for w in workers.split(",") if w.strip()]:
            for on in (Engine.PROCESS, Engine.RAY) if engine == Engine.RAY else (Engine.PROCESS,):
                label = f"{spec}, {n} worker{'s' if n > 1 else ''} ({on})"
                shown = tqdm(benchmark.items_for(spec, articles), unit=" articles", desc=label, leave=False,
                             file=sys.stderr, dynamic_ncols=True, disable=None)  # no bar off a terminal
                later = benchmark.later_items(spec, articles)
                click.echo(benchmark.describe(benchmark.run(spec, shown, n, pipeline, on, later)))


@main.group()
def kb() -> None:
    """Ask the knowledge base: what it holds, and what a name means."""


@kb.command("stats")
def kb_stats() -> None:
    """Count the actors, aliases, malware, techniques, countries and vulnerabilities known."""
    from cybertrack.knowledge.base import knowledge_base

    for label, count in knowledge_base().stats().items():
        click.echo(f"{label:<48} {count:>7}")


@kb.command("lookup")
@click.argument("name")
def kb_lookup(name: str) -> None:
    """Everything NAME can mean: an actor (with aliases and country), malware, a technique, a country, a CVE."""
    from cybertrack.knowledge.base import knowledge_base

    found = knowledge_base().lookup(name)
    if not found:
        click.echo(f"nothing known as {name!r}", err=True)
        sys.exit(EXIT_ITEMS_FAILED)
    for entry in found:
        click.echo(describe(entry))


def describe(entry: object) -> str:
    """One line per meaning, for ``kb lookup``."""
    from cybertrack.knowledge.actors import Actor
    from cybertrack.knowledge.software import Software
    from cybertrack.knowledge.techniques import Technique

    if isinstance(entry, Actor):
        return (f"actor {entry.name} (country per knowledge base: {entry.country or 'unknown'}; "
                f"galaxies: {', '.join(sorted(entry.galaxies))})\n  aliases: {', '.join(sorted(entry.aliases))}")
    if isinstance(entry, Software):
        return f"{entry.kind} {entry.name}\n  aliases: {', '.join(sorted(entry.aliases))}"
    if isinstance(entry, Technique):
        return f"technique {entry.id} {entry.name}"
    if isinstance(entry, dict) and "vulnerability" in entry:
        return f"vulnerability {entry['vulnerability']}: {', '.join(entry['cves'])} ({entry['reference']})"
    if isinstance(entry, dict):
        return f"country {entry['country']} ({entry['form']})"
    return str(entry)


if __name__ == "__main__":
    main()
