"""STIX 2.1, MISP and CSV exports of the seed incidents: valid, complete and deterministic."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from pymisp import MISPEvent
from stix2validator import validate_string

from tests.conftest import SEEDS, Cli, require_shared


@pytest.fixture(scope="module")
def seeds(tmp_path_factory) -> Cli:
    require_shared()
    cli = Cli(tmp_path_factory.mktemp("exports") / "seeds.db")
    assert cli("ingest", str(SEEDS)).exit_code == 0
    return cli


def _export(cli: Cli, fmt: str, name: str) -> str:
    out = Path(cli.workdir) / name
    result = cli("export", "--format", fmt, "--output", str(out))
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def test_stix_bundle_passes_the_validator_and_holds_every_kind_of_object(seeds):
    text = _export(seeds, "stix", "bundle.json")
    results = validate_string(text)
    assert results.is_valid, results.errors
    objects = json.loads(text)["objects"]
    kinds = {o["type"] for o in objects}
    assert {"incident", "intrusion-set", "identity", "location", "vulnerability", "attack-pattern", "report",
            "relationship", "note"} <= kinds
    apt31 = next(o for o in objects if o["type"] == "intrusion-set" and o["name"] == "APT31")
    assert "ZIRCONIUM" in apt31["aliases"]
    assert any(o["type"] == "vulnerability" and o["name"] == "CVE-2021-44228" for o in objects)
    assert any(o["type"] == "attack-pattern" and o["external_references"][0]["external_id"] == "T1566"
               for o in objects)
    relations = {o["relationship_type"] for o in objects if o["type"] == "relationship"}
    assert {"attributed-to", "targets", "located-at", "exploits", "uses"} <= relations
    denials = [o for o in objects if o["type"] == "note" and o["x_cybertrack_stance"] == "denies"]
    assert denials and all(o["content"] and o["authors"] for o in denials)
    assert len([o for o in objects if o["type"] == "report"]) == 5


def test_stix_ids_are_the_same_when_exported_twice(seeds):
    assert _export(seeds, "stix", "first.json") == _export(seeds, "stix", "second.json")


def test_misp_events_load_back_with_pymisp(seeds):
    events = []
    for item in json.loads(_export(seeds, "misp", "misp.json"))["response"]:
        event = MISPEvent()
        event.from_dict(**item)
        events.append(event)
    assert len(events) == len(seeds.export()["incidents"])
    tags = {tag.name for event in events for tag in event.tags}
    assert 'misp-galaxy:threat-actor="APT31"' in tags
    values = {(a.type, a.value) for event in events for a in event.attributes}
    assert ("vulnerability", "CVE-2021-44228") in values
    assert any(kind == "text" for kind, _ in values)  # the claims, with their evidence sentence


def test_csv_has_one_row_per_incident(seeds):
    rows = list(csv.DictReader(_export(seeds, "csv", "incidents.csv").splitlines()))
    incidents = seeds.export()["incidents"]
    assert [row["id"] for row in rows] == [i["id"] for i in incidents]
    interior = next(row for row in rows if "Interior" in row["title"])
    assert "APT31" in interior["actors"].split("; ") and interior["states"] == "CN"
