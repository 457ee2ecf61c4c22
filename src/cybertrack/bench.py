"""`cybertrack bench`: end-to-end throughput, time per stage and peak memory, on real or generated input.

Inputs, from a JSONL corpus (one article a line, `id`/`title`/`text`):
- `text`: the articles as they are;
- `html`: each article wrapped in a realistic news page (navigation, teasers of other stories,
  newsletter box, footer), so that page extraction and cleaning do their real work;
- `stream:N`: N articles made by mixing the paragraphs of different articles, each one new (the
  near-duplicate check would otherwise skip repeats), to see how the cost grows with volume;
- `stream:N+K`: the same, then K more new articles ingested one at a time into the database of N, as a feed
  brings them: how long one article takes to resolve against what is stored (resolution is incremental).
Each run ingests into a fresh SQLite file with the same loop as `cybertrack ingest`. The models are loaded
once, before the runs, and that time is reported on its own: a service loads them once and then runs for days.
"""

from __future__ import annotations

import json
import random
import resource
import statistics
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from html import escape
from pathlib import Path

from cybertrack.model import SourceItem
from cybertrack.pipeline import Pipeline
from cybertrack.runner import Engine, run_ingest
from cybertrack.store import Database, DocumentStore

STAGES = ("html", "clean", "language", "extract", "classify", "embed", "signature", "store", "resolve", "publish")


@dataclass(frozen=True)
class LaterArticle:
    """One article ingested on its own into the database the run made: its whole ingest, and its resolution."""

    seconds: float
    resolve_seconds: float
    publish_seconds: float  # refreshing the TAXII collection from the incidents


@dataclass(frozen=True)
class BenchResult:
    label: str
    workers: int
    articles: int
    seconds: float
    stage_seconds: dict[str, float]
    peak_rss_mb: float
    incidents: int
    later: tuple[LaterArticle, ...] = ()


    @property
    def per_second(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0


def load_articles(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def text_items(articles: list[dict]) -> Iterator[SourceItem]:
    for a in articles:
        yield SourceItem(a["id"], "jsonl", text=a["text"], title=a.get("title"), published=a.get("published"))


def html_items(articles: list[dict]) -> Iterator[SourceItem]:
    for i, a in enumerate(articles):
        teasers = [articles[(i + k) % len(articles)].get("title") or "More news" for k in (1, 2, 3)]
        yield SourceItem(a["id"], "html", html=news_page(a.get("title") or "", a["text"], teasers),
                         published=a.get("published"))


def news_page(title: str, text: str, teasers: list[str]) -> str:
    """An article page as news sites serve it: the story among navigation, teasers and a footer."""
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in text.split("\n") if p.strip()) or f"<p>{escape(text)}</p>"
    links = "".join(f'<li><a href="/news/{k}">{escape(t)}</a></li>' for k, t in enumerate(teasers))
    return (f"<!doctype html><html><head><title>{escape(title)}</title></head><body>"
            "<nav><a href='/'>Home</a> <a href='/security'>Security</a> <a href='/about'>About</a></nav>"
            f"<main><article><h1>{escape(title)}</h1>{paragraphs}</article>"
            f"<aside><h2>Read also</h2><ul>{links}</ul></aside>"
            "<div class='newsletter'>Subscribe to our newsletter for the latest security news.</div></main>"
            "<footer>© News Site. All rights reserved. Privacy policy · Cookies · Contact</footer></body></html>")


def stream_items(articles: list[dict], count: int, seed: int = 0, prefix: str = "stream") -> Iterator[SourceItem]:
    """``count`` new articles, each the paragraphs (or sentences) of three random articles, shuffled."""
    rng = random.Random(seed)
    pieces = [[p for p in a["text"].replace(". ", ".\n").split("\n") if p.strip()] for a in articles]
    for n in range(count):
        chosen = rng.sample(range(len(articles)), 3)
        body = [p for i in chosen for p in rng.sample(pieces[i], min(4, len(pieces[i])))]
        rng.shuffle(body)
        yield SourceItem(f"{prefix}-{n}", "jsonl", text="\n".join(body), title=articles[chosen[0]].get("title"),
                         published=articles[chosen[0]].get("published"))


def items_for(spec: str, articles: list[dict]) -> Iterator[SourceItem] | None:
    """The items an input name stands for ("text", "html", "stream:10000"; of "stream:10000+20", the 10,000), or
    None if it names none."""
    kind, _, count = spec.partition("+")[0].partition(":")
    if kind == "text" and not count:
        return text_items(articles)
    if kind == "html" and not count:
        return html_items(articles)
    if kind == "stream" and count.isdigit():
        return stream_items(articles, int(count))
    return None


def later_items(spec: str, articles: list[dict]) -> list[SourceItem]:
    """The articles an input ingests one at a time after the others: the 20 of "stream:10000+20"."""
    extra = spec.partition("+")[2]
    return list(stream_items(articles, int(extra), seed=1, prefix="later")) if extra.isdigit() else []


def peak_rss_mb() -> float:
    """The largest resident size of this process or any worker it ran, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def run(label: str, items: Iterator[SourceItem], workers: int, pipeline: Pipeline,
        engine: Engine = Engine.PROCESS, later: list[SourceItem] | None = None) -> BenchResult:
    """Ingest ``items`` into a fresh temporary database with ``pipeline``, its models loaded before (worker processes
    fork from it), then each of ``later`` on its own, as `cybertrack ingest` of one article would. On Ray the time
    includes starting Ray on this machine and its actors loading their models: what a user of ``--engine ray`` waits
    for."""
    with tempfile.TemporaryDirectory() as folder:
        store = DocumentStore(Database(str(Path(folder) / "bench.db")))
        started = time.perf_counter()
        summary = run_ingest(items, store, pipeline, workers=workers, engine=engine)
        elapsed = time.perf_counter() - started
        incidents = summary.incidents or 0
        timed = []
        for item in later or []:
            started = time.perf_counter()
            one = run_ingest([item], store, pipeline)
            timed.append(LaterArticle(time.perf_counter() - started, one.seconds["resolve"], one.seconds["publish"]))
            incidents = one.incidents or incidents
        store.database.dispose()
    shown = label if engine == Engine.PROCESS else f"{label} ray"
    return BenchResult(shown, workers, summary.total, elapsed, dict(summary.seconds), peak_rss_mb(), incidents,
                       tuple(timed))


def describe(result: BenchResult) -> str:
    spent = sum(result.stage_seconds.get(s, 0.0) for s in STAGES) or 1.0
    shares = "  ".join(f"{s} {100 * result.stage_seconds.get(s, 0.0) / spent:4.1f}%" for s in STAGES
                       if result.stage_seconds.get(s))
    text = (f"{result.label:<12} workers {result.workers}  {result.articles:>6} articles  {result.seconds:8.1f} s  "
            f"{result.per_second:7.1f} articles/s  peak RSS {result.peak_rss_mb:6.0f} MB  "
            f"incidents {result.incidents}\n{'':<14}{shares}")
    if result.later:
        text += f"\n{'':<14}then {len(result.later)} articles one at a time into that database:"
        for name, values in (("resolution", [article.resolve_seconds for article in result.later]),
                             ("TAXII collection", [article.publish_seconds for article in result.later]),
                             ("whole ingest", [article.seconds for article in result.later])):
            text += f" {name} median {statistics.median(values):.3f} s, max {max(values):.3f} s;"
    return text
