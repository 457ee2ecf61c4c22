"""Victims named by a sector noun alone ("hospitals") are kinds of victims, listed apart from the victims an incident
names (invented articles and victims)."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from cybertrack.extract.frames import extract_frames
from cybertrack.model import Evidence, Frame, Victim
from cybertrack.resolve import resolve
from cybertrack.web.app import create_app
from tests.conftest import RESOURCES, Cli

BARE_SECTOR_NOUN = {
    "en": ("A ransomware attack encrypted the servers of hospitals on Monday, the police said.", "hospitals"),
    "de": ("Eine Ransomware-Attacke hat am Montag die Server der Krankenhäuser verschlüsselt, teilte die Polizei mit.",
           "Krankenhäuser"),
    "fr": ("Une attaque par rançongiciel a chiffré lundi les serveurs des hôpitaux, selon la police.", "hôpitaux"),
}


@pytest.mark.parametrize("language", sorted(BARE_SECTOR_NOUN))
def test_a_sector_noun_alone_is_a_group_of_victims_not_a_victim(language: str) -> None:
    text, noun = BARE_SECTOR_NOUN[language]
    [incident] = resolve(extract_frames("a.txt", text, language, "2024-05-06", RESOURCES))
    assert incident.victims == []
    assert [group.name for group in incident.victim_groups] == [noun]
    assert noun in incident.title
    assert incident.victim_reports[incident.victim_groups[0].key] == ["a.txt"]


def test_a_sector_noun_that_says_where_stays_a_victim() -> None:
    text = "Hackers stole the patient records of Japanese hospitals in March, the police said."
    [incident] = resolve(extract_frames("a.txt", text, "en", "2024-05-06", RESOURCES))
    assert [victim.name for victim in incident.victims] == ["Japanese hospitals"]
    assert incident.victim_groups == []


def test_beside_a_named_victim_the_group_is_kept_apart() -> None:
    sentence = "Ransomware hit the Kettleby Clinic and hospitals across the region."
    clinic = Victim("Kettleby Clinic", "org:kettleby clinic", None, "healthcare")
    hospitals = Victim("hospitals", "?/healthcare:hospitals", None, "healthcare", generic=True)
    frame = Frame(document="a.txt", victims=[clinic, hospitals], evidence=[Evidence("a.txt", 0, len(sentence),
                                                                                        sentence)])
    [incident] = resolve([frame])
    assert incident.victims == [clinic]
    assert incident.victim_groups == [hospitals]
    assert incident.title.endswith("Kettleby Clinic")


def test_the_exports_list_groups_apart_from_victims(tmp_path) -> None:
    article = tmp_path / "brindle.txt"
    article.write_text("Ransomware strikes hospitals\n\n" + BARE_SECTOR_NOUN["en"][0] + " The attackers demanded a "
                       "ransom in bitcoin, and the systems stayed offline for days.\n", encoding="utf-8")
    cli = Cli(tmp_path / "groups.db")
    assert cli("ingest", str(article)).exit_code == 0
    [incident] = cli.export()["incidents"]
    assert incident["victims"] == []
    [group] = incident["victim_groups"]
    assert (group["name"], group["sector"], group["generic"]) == ("hospitals", "healthcare", True)
    assert group["reports"] == incident["documents"]
    bundle = tmp_path / "bundle.json"
    assert cli("export", "--format", "stix", "--output", str(bundle)).exit_code == 0
    objects = json.loads(bundle.read_text(encoding="utf-8"))["objects"]
    [identity] = [o for o in objects if o["type"] == "identity" and o["name"] == "hospitals"]
    assert identity["identity_class"] == "class"
    assert any(o["type"] == "relationship" and o["relationship_type"] == "targets" and o["target_ref"] ==
               identity["id"] for o in objects)
    table = tmp_path / "incidents.csv"
    assert cli("export", "--format", "csv", "--output", str(table)).exit_code == 0
    assert "hospitals" in table.read_text(encoding="utf-8").splitlines()[1]
    page = TestClient(create_app(str(cli.db))).get(f"/incidents/{incident['id']}")
    assert "named only by their sector: hospitals (healthcare)" in page.text
