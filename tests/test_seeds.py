"""The five real seed articles: every sentence of the story kept, all page noise gone, languages right."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from tests.conftest import RESOURCES, SEEDS, SEEDS_GOLD, require_shared

GOLD = json.loads(SEEDS_GOLD.read_text(encoding="utf-8"))["documents"] if SEEDS_GOLD.exists() else {}


def norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"\s+", " ", re.sub(r"[^\w' ]+", " ", text.replace("’", "'"))).strip()


@pytest.fixture(scope="module")
def seeds_export(tmp_path_factory) -> dict:
    from tests.conftest import Cli

    require_shared()
    cli = Cli(tmp_path_factory.mktemp("seeds") / "seeds.db")
    result = cli("ingest", str(SEEDS), "-q")
    assert result.exit_code == 0, result.output
    assert "ingested 5," in result.output
    return {Path(d["id"]).name: d for d in cli.export()["documents"]}  # the scorers key documents so too


@pytest.mark.parametrize("name", sorted(GOLD) or ["gold file missing"])
def test_seed_cleaning(seeds_export: dict, name: str) -> None:
    gold = GOLD[name]
    doc = seeds_export[name]
    text = norm(doc["text"])
    for phrase in gold["keep"]:
        assert norm(phrase) in text, f"lost story text: {phrase!r}"
    for phrase in gold["drop"]:
        assert norm(phrase) not in text, f"kept page noise: {phrase!r}"
    for pair in gold.get("near_duplicate_sentences", []):
        assert sum(norm(s)[:80] in text for s in pair) == 1, "a near-repeated sentence must be kept exactly once"
    assert doc["language"] == gold["language"]


def test_every_raw_sentence_is_kept_or_has_a_reason(tmp_path) -> None:
    """Cleaning accounts for all text: what is not in the clean text is listed as removed, with a reason."""
    from cybertrack.clean import clean

    require_shared()
    for path in sorted(SEEDS.glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        result = clean(raw, None, RESOURCES.encoder)
        covered = sorted([(s.raw_start, s.raw_start + s.length) for s in result.offsets.spans]
                         + [(r.raw_start, r.raw_end) for r in result.removed])
        leftover = []
        last = 0
        for a, b in covered:
            leftover.append(raw[last:a])
            last = max(last, b)
        leftover.append(raw[last:])
        assert not "".join(leftover).strip(), f"{path.name}: text neither kept nor removed"
        assert all(r.reason for r in result.removed)
