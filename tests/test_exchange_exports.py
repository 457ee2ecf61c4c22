"""STIX 2.1, MISP and CSV exports of the seed incidents: valid, complete and deterministic."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import stix2
from fastapi.testclient import TestClient
from pymisp import MISPEvent
from stix2validator import validate_string

from cybertrack.export.csv_export import write_csv
from cybertrack.export.misp_export import build_misp
from cybertrack.export.stix_export import build_stix, stix_objects
from cybertrack.web.app import create_app
from cybertrack.web.taxii import COLLECTION_ID
from tests.conftest import BACKENDS, HOSTILE_ARTICLE, SEEDS, Cli, fresh_database, require_shared


@pytest.fixture(scope="module", params=BACKENDS)
def seeds(request, tmp_path_factory) -> Cli:
    """The seed articles ingested once into each kind of database."""
    require_shared()
    folder = tmp_path_factory.mktemp("exports")
    cli = Cli(fresh_database(request, request.param, folder, "exchange_exports_seeds"), folder)
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


def test_stix_objects_are_written_as_the_stix2_library_writes_them(seeds):
    """The objects are written as JSON directly, being made again at every ingest: `stix2` reads each one and writes
    it back unchanged (same properties, values, order and timestamps)."""
    objects = stix_objects(seeds.export())
    assert {json.loads(text)["type"] for text in objects.values()} >= {"incident", "note", "report", "relationship"}
    for text in objects.values():
        assert stix2.parse(text, allow_custom=True).serialize() == text


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
    interior = next(row for row in rows if "interior" in row["title"].casefold())
    assert "APT31" in interior["actors"].split("; ") and interior["states"] == "CN"


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(seeds):
    """A title, victim or claimant taken from an article must never become a spreadsheet formula."""
    export = seeds.export()
    incident = next(i for i in export["incidents"] if i["claims"] and i["victims"])
    rows = []
    for start in FORMULA_STARTS:
        hostile = {**incident, "title": f"{start}HYPERLINK(\"http://evil.example\",\"x\")",
                   "victims": [{**incident["victims"][0], "name": f"{start}cmd|' /C calc'!A0"}],
                   "claims": [{**incident["claims"][0], "claimant": f"{start}1+1"}]}
        out = io.StringIO()
        write_csv({"documents": export["documents"], "incidents": [hostile]}, out)
        rows.append(next(csv.DictReader(io.StringIO(out.getvalue(), newline=""))))
    for start, row in zip(FORMULA_STARTS, rows, strict=True):
        assert row["title"] == f"'{start}HYPERLINK(\"http://evil.example\",\"x\")"
        assert row["victims"] == f"'{start}cmd|' /C calc'!A0"
        assert row["claims"].startswith(f"'{start}1+1 ")


def test_csv_from_a_hostile_jsonl_dump_has_no_cell_a_spreadsheet_would_run(tmp_path):
    """End to end: an id written as a formula (a document's id is its dump's path and the line's id, so the formula
    sits inside that cell; every cell is checked)."""
    source = tmp_path / "dump.jsonl"
    formula = "=HYPERLINK(\"http://evil.example\")"
    source.write_text(json.dumps({**HOSTILE_ARTICLE, "id": formula}) + "\n", encoding="utf-8")
    cli = Cli(tmp_path / "dump.db")
    assert cli("ingest", str(source)).exit_code == 0
    rows = list(csv.DictReader(_export(cli, "csv", "incidents.csv").splitlines()))
    assert rows and all(formula in row["documents"] for row in rows)
    assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for row in rows for cell in row.values())


def _urls(value) -> list[str]:
    """Every `url` field anywhere in a STIX object tree."""
    if isinstance(value, dict):
        return [u for k, v in value.items() for u in ([v] if k == "url" else _urls(v))]
    if isinstance(value, list):
        return [u for v in value for u in _urls(v)]
    return []


def _links(misp: dict) -> list[str]:
    """The values of every MISP link or url attribute."""
    return [a["value"] for event in misp["response"] for a in event["Attribute"] if a["type"] in {"link", "url"}]


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)",
                                 "data:text/html,<script>alert(1)</script>", "file:///etc/passwd",
                                 "vbscript:msgbox(1)", "http:alert(1)"])
def test_only_http_addresses_reach_stix_and_misp(hostile_db, tmp_path, url):
    export = Cli(hostile_db, tmp_path).export()
    assert export["documents"][0]["url"] is None  # ingest already drops it; the exports must hold on their own
    export["documents"][0]["url"] = url
    stix = build_stix(export)["objects"]
    report = next(o for o in stix if o["type"] == "report")
    assert report["external_references"] == [{"source_name": "article", "external_id": export["documents"][0]["id"]}]
    assert all(u.startswith("https://") for u in _urls(stix))
    assert build_misp(export)["response"] and _links(build_misp(export)) == []
    export["documents"][0]["url"] = "https://example.org/news/veldmark"  # while an http(s) address does get through
    assert _links(build_misp(export)) == ["https://example.org/news/veldmark"]


def test_a_javascript_address_never_reaches_the_exports_or_taxii(hostile_db, tmp_path):
    """The article's `javascript:` URL, end to end: STIX and MISP files and the TAXII collection."""
    cli = Cli(hostile_db, tmp_path)
    stix = json.loads(_export(cli, "stix", "bundle.json"))["objects"]
    misp = json.loads(_export(cli, "misp", "misp.json"))
    taxii = TestClient(create_app(str(hostile_db))).get(
        f"/taxii2/cybertrack/collections/{COLLECTION_ID}/objects/").json()["objects"]
    assert {o["id"] for o in taxii} == {o["id"] for o in stix}
    for objects in (stix, taxii):
        assert _urls(objects) and all(u.startswith("https://") for u in _urls(objects))
    assert misp["response"] and _links(misp) == []
