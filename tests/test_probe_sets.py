"""The evaluation sets of our own writing (``eval/``) hold together: their gold names only their own pages, and
every surface form the scorer looks for stands in one of the pages it is said of. A set whose gold drifts from its
pages would score the extraction wrongly without any error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

PROBES = Path(__file__).resolve().parents[1] / "eval"


def pages(probe: str) -> dict[str, dict]:
    lines = (PROBES / probe / "articles.jsonl").read_text("utf-8").splitlines()
    return {article["id"]: article for article in map(json.loads, lines)}


@pytest.mark.parametrize("probe", ["probe3", "probe5"])
def test_the_gold_names_only_its_own_pages_and_what_they_say(probe: str) -> None:
    articles = pages(probe)
    gold = json.loads((PROBES / probe / "gold.json").read_text("utf-8"))
    assert set(gold["documents"]) == set(articles)
    for document, expected in gold["documents"].items():
        assert expected["language"] == articles[document]["language"]
        assert all(line in articles[document]["text"] for line in expected["keep"]), document
    for incident in gold["incidents"]:
        told = " ".join(articles[d]["text"] for d in incident["documents"] + incident.get("optional_documents", []))
        for victim in incident["victims"]:
            assert any(name in told for name in victim["names"]), (incident["key"], victim["names"])
