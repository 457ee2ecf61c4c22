"""Incidents in the store, through the CLI: the real seed articles, and two invented reports of one attack."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from cybertrack.model import Certainty, Stance
from tests.conftest import BACKENDS, SEEDS, SEEDS_GOLD, SHARED, Cli, fresh_database, require_shared
from tests.conftest import rows as stored

SCORER = SHARED / "eval" / "score_seeds.py"

# Two invented reports, in English and French, of one invented attack (and an unrelated invented one).
LABOUR_EN = """Luxembourg's Ministry of Labour hit by cyberattack

The Ministry of Labour of Luxembourg was the victim of a cyberattack in March 2023, officials said on Tuesday.

Hackers stole the payroll files of some 4,000 civil servants after a clerk opened a phishing email.
"""
LABOUR_FR = """Le ministère du Travail luxembourgeois victime d'une cyberattaque

Le ministère du Travail du Luxembourg a été victime d'une cyberattaque en mars 2023, ont indiqué mardi des responsables.

Des pirates ont volé les fiches de paie de quelque 4 000 fonctionnaires après qu'un employé a ouvert un courriel \
d'hameçonnage.
"""
HEALTH_EN = """Ransomware attack hits Portuguese health ministry

Portugal's Ministry of Health was hit by a ransomware attack in November 2022, the ministry said on Friday. \
The attackers encrypted the servers of its appointment system, which stayed down for five days. \
A criminal gang demanded a ransom of two million euros in bitcoin. The ministry said it would not pay.
"""


@pytest.fixture(scope="module", params=BACKENDS)
def seeds(request, tmp_path_factory) -> tuple[Cli, dict, str]:
    """The seed articles ingested once into each kind of database: the CLI bound to it, the export, the ingest
    output."""
    require_shared()
    folder = tmp_path_factory.mktemp("seeds")
    cli = Cli(fresh_database(request, request.param, folder, "incidents_store_seeds"), folder)
    result = cli("ingest", str(SEEDS), "-q")
    assert result.exit_code == 0, result.output
    return cli, cli.export(), result.output


def test_ingest_resolves_the_seeds_into_incidents(seeds) -> None:
    _, export, output = seeds
    assert "ingested 5," in output
    found = re.search(r"incidents: (\d+) after resolving", output)
    assert found, output
    assert int(found[1]) == len(export["incidents"]) >= 3


def test_incidents_command_lists_victims_and_claims(seeds) -> None:
    cli, export, _ = seeds
    result = cli("incidents")
    assert result.exit_code == 0, result.output
    assert f"{len(export['incidents'])} incidents" in result.stderr
    for incident in export["incidents"]:
        assert incident["title"] in result.stdout
    assert "victims: " in result.stdout
    assert re.search(r"claim: .+ (attributes|denies) ", result.stdout)
    assert "Belgian" in result.stdout
    without = cli("incidents", "--no-claims")
    assert without.exit_code == 0
    assert "claim: " not in without.stdout
    assert "victims: " in without.stdout


def test_export_incidents_cite_their_documents(seeds) -> None:
    _, export, _ = seeds
    documents = {d["id"]: d for d in export["documents"]}
    assert set(documents) == {str(p.resolve()) for p in SEEDS.glob("*.txt")}
    ids = [i["id"] for i in export["incidents"]]
    assert len(ids) == len(set(ids))
    claims = 0
    for incident in export["incidents"]:
        assert incident["documents"] and set(incident["documents"]) <= set(documents)
        assert incident["victims"] or incident["vulnerabilities"]
        for claim in incident["claims"] + incident["assertions"]:
            claims += 1
            assert claim["claimant"]
            assert claim["stance"] in {stance.value for stance in Stance}
            assert claim["certainty"] in {certainty.value for certainty in Certainty}
            assert claim["attributed_to"] and all(t["name"] for t in claim["attributed_to"])
            for target in claim["attributed_to"]:  # a state by its ISO code; an actor with its aliases
                assert (target["kind"], "aliases" in target) in {("state", False), ("actor", True)}, target
                assert (target["kind"] == "state") == bool(re.fullmatch(r"[A-Z]{2}", target["name"])), target
            assert claim["document"] in incident["documents"]
            assert set(claim["reported_in"]) <= set(incident["documents"]) - {claim["document"]}
            text = documents[claim["document"]]["text"]
            assert claim["evidence"] and claim["evidence"] in text
            start, end = claim["offsets"]
            assert text[start:end] == claim["evidence"], (claim, text[start:end])
    assert claims >= 5
    assert any(c["stance"] == "denies" for i in export["incidents"] for c in i["claims"])


def test_states_of_exported_incidents_come_from_attributions(seeds) -> None:
    _, export, _ = seeds
    for incident in export["incidents"]:
        attributed = {t["name"] for c in incident["claims"] + incident["assertions"] if c["stance"] == "attributes"
                      for t in c["attributed_to"]}
        assert set(incident["states"]) <= attributed
        assert all(re.fullmatch(r"[A-Z]{2}", s) for s in incident["states"])


def test_reingesting_the_seeds_changes_nothing(seeds) -> None:
    cli, export, _ = seeds
    result = cli("ingest", str(SEEDS), "-q")
    assert result.exit_code == 0, result.output
    assert "ingested 0, updated 0, already present 5," in result.output
    again = cli.export()
    assert [i["id"] for i in again["incidents"]] == [i["id"] for i in export["incidents"]]
    assert again["incidents"] == export["incidents"]
    assert again["documents"] == export["documents"]


def test_seeds_scorer(seeds, tmp_path: Path) -> None:
    cli, _, _ = seeds
    out = tmp_path / "seeds-export.json"
    result = cli("export", "--format", "json", "--output", str(out))
    assert result.exit_code == 0, result.output
    scored = subprocess.run([sys.executable, str(SCORER), str(out), "--gold", str(SEEDS_GOLD)],
                            capture_output=True, text=True, timeout=60, check=False)
    assert scored.returncode == 0, scored.stdout + scored.stderr
    score = re.search(r"^seeds score: ([0-9.]+)$", scored.stdout, re.MULTILINE)
    assert score, scored.stdout
    assert float(score[1]) >= 0.85, scored.stdout
    assert re.search(r"\b0 made from page noise\b", scored.stdout), scored.stdout


def test_one_invented_attack_reported_in_english_and_french_is_one_incident(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "labour-en.txt").write_text(LABOUR_EN, encoding="utf-8")
    (articles / "travail-fr.txt").write_text(LABOUR_FR, encoding="utf-8")
    (articles / "health-en.txt").write_text(HEALTH_EN, encoding="utf-8")
    cli = Cli(tmp_path / "invented.db")
    result = cli("ingest", str(articles), "-q")
    assert result.exit_code == 0, result.output
    assert "ingested 3," in result.output
    export = cli.export()
    languages = {Path(d["id"]).name: d["language"] for d in export["documents"]}
    assert languages == {"labour-en.txt": "en", "travail-fr.txt": "fr", "health-en.txt": "en"}
    by_documents = {frozenset(Path(d).name for d in i["documents"]): i for i in export["incidents"]}
    assert set(by_documents) == {frozenset({"labour-en.txt", "travail-fr.txt"}), frozenset({"health-en.txt"})}
    labour = by_documents[frozenset({"labour-en.txt", "travail-fr.txt"})]
    assert [(v["key"], v["country"]) for v in labour["victims"]] == [("LU/ministry:labour", "LU")]
    assert labour["first_seen"] == "2023-03"
    health = by_documents[frozenset({"health-en.txt"})]
    assert "ransomware" in health["types"]
    listing = cli("incidents")
    assert listing.exit_code == 0
    labour_en, travail_fr = articles / "labour-en.txt", articles / "travail-fr.txt"
    assert f"reports: {labour_en}, {travail_fr}" in listing.stdout or \
        f"reports: {travail_fr}, {labour_en}" in listing.stdout


def test_claims_are_queryable_in_their_own_table(store_cli):
    """Who attributes what, with the evidence offsets, straight from SQL (the web and API filter on it)."""
    require_shared()
    cli = store_cli
    assert cli("ingest", str(SEEDS)).exit_code == 0
    rows = stored(
        cli.db, "SELECT c.claimant, c.stance, c.attributed_to, c.sentence_start, c.sentence_end, c.sentence, "
        "d.clean_text FROM claims c JOIN documents d ON d.id = c.document_id")
    assert rows
    assert any(stance == "denies" for _, stance, *_ in rows)
    assert any("CN" in json.loads(targets) for _, _, targets, *_ in rows)
    for _, _, _, start, end, sentence, text in rows:
        assert text[start:end] == sentence
