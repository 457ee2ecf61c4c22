"""Crafted long "sentences" cost time in proportion to their length, and every article has a time budget."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest

from cybertrack.budget import OverBudget
from cybertrack.extract.frames import MAX_SENTENCE_CHARS, extract
from cybertrack.model import Document, SourceItem
from cybertrack.pipeline import Pipeline
from cybertrack.runner import run_ingest
from cybertrack.store import Database, DocumentStore
from tests.conftest import RESOURCES

STORY = ("The regional water authority of Eastmoor said on Tuesday that attackers had encrypted its billing "
         "servers. The authority restored the systems from backups and informed the data protection office.")
# Victim cues and capitalised names without a full stop: every name sits between cues, and the extractors look from
# each name to each cue.
CUES_AND_NAMES = "hackers attacked Acme Widgets Corp and Beta Systems was hacked and the attack on Gamma Holdings "
# The same with attributions, speakers, departments, sectors, nationalities and dates: every extractor has work.
EVERYTHING = ("Russian hackers attributed the attack on the Ministry of Defence and hospitals to APT28 according to "
              "Acme Corp in May 2021 while the Belgian government said ")


def crafted(unit: str, characters: int) -> str:
    return "Ministry hit by cyberattack\n" + (unit * (characters // len(unit) + 1))[:characters] + ".\n"


@pytest.fixture(scope="module")
def unbudgeted() -> Pipeline:
    pipeline = Pipeline(article_budget=None)
    pipeline.load()
    return pipeline


def test_a_crafted_40_kb_sentence_is_extracted_in_seconds(unbudgeted: Pipeline) -> None:
    # The code before took 47 s on a quarter of this sentence (10 KB), a time growing with the cube of the length
    # (the issue measured 97 s on its own 40 KB sentence); the bound is generous for a busy machine.
    item = SourceItem("crafted", "text", text=crafted(CUES_AND_NAMES, 40_000), published="2024-05-01")
    started = time.perf_counter()
    document = unbudgeted.process(item)
    assert time.perf_counter() - started < 15
    victims = {v.name for frame in document.frames for v in frame.victims}
    # Every name was read: the cue rules cast all three, and the fitted role model keeps them from the probability
    # its training chose. In a 40 KB sentence with thousands of names each mention's probability sits near that
    # threshold (its features say "one of very many candidates, far into the sentence"), so which of the three the
    # model keeps moves with each refit; at least two of them show the extractors worked through the whole sentence.
    assert len(victims & {"Acme Widgets Corp", "Beta Systems", "Gamma Holdings"}) >= 2


def test_a_sentence_over_the_cap_is_read_in_pieces_whose_evidence_is_where_it_says() -> None:
    text = crafted(CUES_AND_NAMES, 3 * MAX_SENTENCE_CHARS)
    frames = extract("crafted", text, "en", "2024-05-01", RESOURCES).frames
    evidence = [e for frame in frames for e in frame.evidence]
    assert len({(e.start, e.end) for e in evidence}) >= 3
    for e in evidence:
        assert len(e.sentence) <= MAX_SENTENCE_CHARS
        assert text[e.start:e.end] == e.sentence


def test_a_megabyte_sentence_is_refused_within_its_budget() -> None:
    pipeline = Pipeline(article_budget=5)
    pipeline.load()
    item = SourceItem("crafted", "text", text=crafted(EVERYTHING, 1_000_000), published="2024-05-01")
    started = time.perf_counter()
    try:
        outcome: Document | OverBudget = pipeline.process(item)
    except OverBudget as e:
        outcome = e
    # checked between sentences of at most MAX_SENTENCE_CHARS, so the budget is overrun by a fraction of a second;
    # the margin is for a busy machine
    assert time.perf_counter() - started < 5 + 5
    assert isinstance(outcome, OverBudget)
    assert str(outcome) == "over the 5 s extraction budget at stage extract; skipped"


def _batch(path: Path) -> Path:
    rows = [{"id": "first", "text": STORY}, {"id": "crafted", "text": crafted(EVERYTHING, 1_000_000)},
            {"id": "last", "text": STORY.replace("Eastmoor", "Westmoor")}]
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def test_an_article_over_budget_in_a_worker_is_reported_and_the_batch_goes_on(cli, tmp_path: Path) -> None:
    result = cli("ingest", str(_batch(tmp_path / "batch.jsonl")), "--workers", "2", "--article-budget", "3", "-q")
    assert result.exit_code == 1, result.output
    assert "/crafted: over the 3 s extraction budget at stage extract; skipped" in result.output
    assert [Path(d["id"]).name for d in cli.export()["documents"]] == ["first", "last"]


def test_the_budget_holds_in_a_thread_as_in_the_web_server(tmp_path: Path) -> None:
    """Signals only reach the main thread: the budget must not need one."""
    store = DocumentStore(Database(str(tmp_path / "thread.db")))
    items = [SourceItem("first", "text", text=STORY),
             SourceItem("crafted", "text", text=crafted(EVERYTHING, 1_000_000))]
    summaries = []
    thread = threading.Thread(target=lambda: summaries.append(run_ingest(items, store, Pipeline(article_budget=3))))
    thread.start()
    thread.join(timeout=120)
    [summary] = summaries
    assert summary.ingested == ["first"]
    assert [(e.source_id, e.reason) for e in summary.failed] == [
        ("crafted", "over the 3 s extraction budget at stage extract; skipped")]
