"""Worker processes give the same incidents as one process; the benchmark's inputs are well formed."""

from __future__ import annotations

from pathlib import Path

import pytest

from cybertrack.bench import describe, html_items, items_for, later_items, news_page, run, stream_items
from cybertrack.budget import OverBudget
from cybertrack.model import ItemError, SourceItem
from cybertrack.pipeline import Pipeline
from cybertrack.runner import run_ingest
from cybertrack.store import Database, DocumentStore
from tests.conftest import RESOURCES

ARTICLES = [
    {"id": f"a{i}", "title": f"Ransomware attack hits Veldmark Water Authority {i}",
     "text": f"Hackers broke into the Veldmark Water Authority {i} network on Monday and encrypted its billing "
             f"servers with ransomware.\nThe Veldmark Water Authority {i} was hit by ransomware, the utility said, "
             "and customers' payment data may have been stolen.\nStaff restored the servers from backups."}
    for i in range(4)
]


def _incidents(tmp_path: Path, name: str, workers: int) -> list[tuple]:
    store = DocumentStore(Database(str(tmp_path / f"{name}.db")))
    items = [SourceItem(a["id"], "jsonl", text=a["text"], title=a["title"]) for a in ARTICLES]
    items.append(ItemError("broken.jsonl:3", "not JSON"))  # errors from reading pass through the pool
    summary = run_ingest(iter(items), store, workers=workers)
    assert [e.source_id for e in summary.failed] == ["broken.jsonl:3"]
    assert summary.seconds["extract"] > 0 and summary.seconds["store"] > 0
    return sorted((i["id"], tuple(i["documents"])) for i in store.all_incidents())


def test_two_workers_store_the_same_incidents_as_one_process(tmp_path):
    assert _incidents(tmp_path, "one", 1) == _incidents(tmp_path, "two", 2)


def test_news_pages_hold_the_story_among_page_furniture():
    page = news_page("Title <b>", "First paragraph.\nSecond paragraph.", ["Other story"])
    assert "<p>First paragraph.</p>" in page and "Title &lt;b&gt;" in page and "Read also" in page
    items = list(html_items(ARTICLES))
    assert len(items) == 4 and all(i.html for i in items)


def test_a_stream_is_made_of_new_articles():
    stream = list(stream_items(ARTICLES, 10))
    assert len(stream) == 10 and len({s.source_id for s in stream}) == 10
    assert items_for("stream:3", ARTICLES) is not None and items_for("nonsense", ARTICLES) is None


def test_articles_ingested_one_at_a_time_after_a_stream_are_new_and_each_resolved_on_its_own():
    assert later_items("stream:6", ARTICLES) == []
    later = later_items("stream:6+3", ARTICLES)
    assert len(later) == 3 and not {s.source_id for s in later} & {s.source_id for s in stream_items(ARTICLES, 6)}
    result = run("stream:6+3", items_for("stream:6+3", ARTICLES), 1, Pipeline(RESOURCES), later=later)
    assert result.articles == 6 and len(result.later) == 3
    assert all(article.seconds >= article.resolve_seconds > 0 for article in result.later)
    assert "then 3 articles one at a time into that database: resolution median" in describe(result)


def test_a_bench_run_reports_throughput_and_memory():
    result = run("text", items_for("text", ARTICLES), workers=1, pipeline=Pipeline(RESOURCES))
    assert result.articles == 4 and result.per_second > 0 and result.peak_rss_mb > 50


def test_workers_use_the_pipeline_they_are_given(tmp_path):
    """A pipeline's attack gate (evaluation passes cross-validated predictions) holds in the worker processes too."""
    store = DocumentStore(Database(str(tmp_path / "gated.db")))
    items = [SourceItem(a["id"], "jsonl", text=a["text"], title=a["title"]) for a in ARTICLES]
    summary = run_ingest(iter(items), store, Pipeline(attack_gate=lambda title, text: False), workers=2)
    assert len(summary.ingested) + len(summary.duplicates) == 4 and not summary.incidents
    assert summary.seconds["extract"] > 0


def test_the_bench_command_prints_load_time_throughput_stages_and_memory(tmp_path):
    import json

    from click.testing import CliRunner

    from cybertrack.cli import main

    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    result = CliRunner().invoke(main, ["bench", str(corpus), "--inputs", "text,stream:6", "--workers", "1,2"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("loading the knowledge base and models (once per process):")
    runs = [line for line in lines if "articles/s" in line]
    assert [line.split()[:3] for line in runs] == [["text", "workers", "1"], ["text", "workers", "2"],
                                                    ["stream:6", "workers", "1"], ["stream:6", "workers", "2"]]
    assert all("peak RSS" in line for line in runs) and "extract" in result.output and "store" in result.output
    wrong = CliRunner().invoke(main, ["bench", str(corpus), "--inputs", "pdf"])
    assert wrong.exit_code == 2 and "unknown input 'pdf'" in wrong.output


def test_ingest_uses_every_core_unless_told(tmp_path):
    """The default is the cores this process may run on; a user may still ask for one process, never for none."""
    import json
    import os

    from click.testing import CliRunner

    from cybertrack.cli import main
    from cybertrack.runner import default_workers

    assert default_workers() == len(os.sched_getaffinity(0))
    assert "the number of cores" in CliRunner().invoke(main, ["ingest", "--help"]).output
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    database = str(tmp_path / "default.db")
    result = CliRunner().invoke(main, ["ingest", str(corpus), "--db", database, "-q"])
    assert result.exit_code == 0, result.output
    assert len(DocumentStore(Database(database)).all_incidents()) == len(_incidents(tmp_path, "one", 1))
    refused = CliRunner().invoke(main, ["ingest", str(corpus), "--db", database, "--workers", "0"])
    assert refused.exit_code == 2 and "0 is not in the range" in refused.output


def test_one_article_is_read_in_this_process_without_loading_everything(tmp_path):
    """A one-article run loads only what its article needs, in this process; a longer one loads every model and
    forks."""
    item = SourceItem(ARTICLES[0]["id"], "jsonl", text=ARTICLES[0]["text"], title=ARTICLES[0]["title"])
    alone = Pipeline()
    summary = run_ingest(iter([item]), DocumentStore(Database(str(tmp_path / "one.db"))), alone, workers=2)
    assert summary.ingested == ["a0"] and summary.seconds["load"] == 0.0 and not alone.preloaded
    several = Pipeline()
    items = [SourceItem(a["id"], "jsonl", text=a["text"], title=a["title"]) for a in ARTICLES[:2]]
    summary = run_ingest(iter(items), DocumentStore(Database(str(tmp_path / "two.db"))), several, workers=2)
    assert summary.ingested == ["a0", "a1"] and several.preloaded


def test_an_article_over_budget_before_the_models_are_loaded_is_tried_again_after_loading():
    """The budget is for the article's work, not for loading models: a cold pipeline loads them all and tries again; an
    article over the budget the second time is refused."""
    item = SourceItem(ARTICLES[0]["id"], "jsonl", text=ARTICLES[0]["text"], title=ARTICLES[0]["title"])
    cold = Pipeline(article_budget=1e-9)
    with pytest.raises(OverBudget):
        cold.process(item)
    assert cold.preloaded  # it loaded every model before the second try
    assert Pipeline(article_budget=60).process(item).frames
