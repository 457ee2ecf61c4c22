"""The pairwise same-incident figures `make eval` prints, on an invented gold and export."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from tests.conftest import require_shared

ROOT = Path(__file__).resolve().parents[1]


def evaluate_module():
    spec = importlib.util.spec_from_file_location("evaluate", ROOT / "scripts" / "evaluate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["evaluate"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


GOLD = {
    "documents": {"a.txt": {"language": "en"}, "b.txt": {"language": "fr"}, "c.txt": {"language": "de"},
                  "d.txt": {"language": "en"}, "e.txt": {"language": "en"}},
    "incidents": [{"documents": ["a.txt", "b.txt", "c.txt"], "optional_documents": ["e.txt"]},
                  {"documents": ["d.txt"]}],
}


def test_pairs_count_gold_and_made_pairs_across_languages_apart() -> None:
    export = {"incidents": [{"documents": ["/corpus/a.txt", "/corpus/b.txt", "/corpus/d.txt"]},
                            {"documents": ["/corpus/c.txt"]}, {"documents": ["/corpus/e.txt"]}]}
    figures = evaluate_module().pairwise(export, GOLD)
    # gold pairs: a-b, a-c, b-c (all across languages); made: a-b (right), a-d and b-d (wrong, b-d across languages)
    assert (figures["pairs_gold"], figures["pairs_made"]) == (3, 3)
    assert figures["precision"] == pytest.approx(1 / 3) and figures["recall"] == pytest.approx(1 / 3)
    assert (figures["cross_pairs_gold"], figures["cross_pairs_made"]) == (3, 2)
    assert figures["cross_precision"] == pytest.approx(1 / 2) and figures["cross_recall"] == pytest.approx(1 / 3)
    # B-cubed: a and b find 1 of 2 partners and 1 of 2 made partners are right; c finds none; d has a wrong partner
    assert figures["bcubed_recall"] == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1 + 1) / 5)
    assert figures["bcubed_precision"] == pytest.approx((2 / 3 + 2 / 3 + 1 + 1 / 3 + 1) / 5)


def test_an_optional_document_counts_neither_way() -> None:
    """e.txt may or may not be grouped with a, b and c: neither choice is an error, nor does it count as found."""
    module = evaluate_module()
    apart = module.pairwise({"incidents": [{"documents": ["a.txt", "b.txt", "c.txt"]}, {"documents": ["d.txt"]},
                                           {"documents": ["e.txt"]}]}, GOLD)
    together = module.pairwise({"incidents": [{"documents": ["a.txt", "b.txt", "c.txt", "e.txt"]},
                                              {"documents": ["d.txt"]}]}, GOLD)
    for figures in (apart, together):
        assert (figures["precision"], figures["recall"], figures["pairs_made"]) == (1.0, 1.0, 3)
        assert figures["bcubed_precision"] == figures["bcubed_recall"] == 1.0


def test_an_item_an_ingest_could_not_read_is_repeated_on_stderr(tmp_path: Path, capsys) -> None:
    """An ingest exits 1 when some items fail and goes on with the rest; `make eval` must say which, since each one
    lowers the set's figures without a word otherwise. We run a real ingest of a folder with one file too short to be
    an article."""
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text("Hackers broke into the network of the Kettleby Water Board on Monday, the board said. "
                    "The attack disrupted billing for three days while engineers restored the servers.", "utf-8")
    bad.write_text("Hi.", "utf-8")
    evaluate_module().run([sys.executable, "-m", "cybertrack.cli", "ingest", str(tmp_path), "--db",
                           str(tmp_path / "x.db"), "-q"])
    warnings = [line for line in capsys.readouterr().err.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and "bad.txt" in warnings[0] and "too short" in warnings[0]


def test_a_command_that_crashes_stops_the_evaluation() -> None:
    """A crash exits 1, as an ingest with an unreadable item does; the evaluation must not score its empty export."""
    evaluate = evaluate_module()
    assert evaluate.run([sys.executable, "-c", "import sys; print('ok'); sys.exit(1)"]) == "ok\n"
    with pytest.raises(SystemExit, match="failed"):
        evaluate.run([sys.executable, "-c", "raise RuntimeError('broken resolver')"])


def test_a_claim_is_judged_in_the_language_the_gold_cites_it_from() -> None:
    """The gold cites the ministry's attribution from the French report; the export found it in the German one and
    again in the French one (``reported_in``). It counts in French, not as a false claim in German; a claim the gold
    has nowhere counts where it was found."""
    require_shared()
    evaluate = evaluate_module()
    claim = {"claimant": ["Veldmark Foreign Ministry"], "stance": "attributes", "attributed_to": ["APT28"],
             "document": "b.txt"}
    gold = {"documents": {"b.txt": {"language": "fr"}, "c.txt": {"language": "de"}},
            "incidents": [{"documents": ["b.txt", "c.txt"], "claims": [claim], "optional_documents": []}],
            "must_not_be_incidents": []}
    found = {"claimant": "Veldmark Foreign Ministry", "stance": "attributes", "attributed_to": ["APT28"],
             "document": "c.txt", "reported_in": ["b.txt"]}
    wrong = {"claimant": "Korvan Daily", "stance": "attributes", "attributed_to": ["APT29"], "document": "c.txt"}
    export = {"documents": [{"id": "b.txt"}, {"id": "c.txt"}],
              "incidents": [{"documents": ["b.txt", "c.txt"], "claims": [found, wrong]}]}

    def claims_in(language: str) -> list[dict]:
        part = evaluate.gold_for_language(gold, language)
        return [c for i in evaluate.export_for_language(export, gold, part)["incidents"] for c in i["claims"]]

    assert claims_in("fr") == [found]
    assert claims_in("de") == [wrong]
