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


PROFILE_ARTICLES = [
    ("en", "Danish police",
     "Danish intelligence services say that APT29 broke into the networks of the Danish police last autumn. "
     "It copied the phone numbers of several thousand officers. According to the services, APT29 has been "
     "at work since 2019 at least and has targeted armed forces, governments, defence companies and "
     "universities. Publishing how APT29 works should make life harder for APT29, their director added."),
    ("fr", "police",
     "Selon les services de renseignement danois, APT29 s'est introduit l'automne dernier dans les réseaux "
     "de la police danoise. Il a copié les numéros de téléphone de plusieurs milliers d'agents. Toujours "
     "selon les services, APT29 opère depuis 2019 au moins et a ciblé des forces armées, des gouvernements, "
     "des entreprises de défense et des universités. Publier la façon dont opère APT29 devrait gêner APT29, "
     "a ajouté leur directeur."),
    ("it", "polizia",
     "Secondo i servizi di intelligence danesi, APT29 si è introdotto lo scorso autunno nelle reti della "
     "polizia danese. Ha copiato i numeri di telefono di diverse migliaia di agenti. Sempre secondo i "
     "servizi, APT29 opera almeno dal 2019 e ha preso di mira forze armate, governi, aziende della difesa e "
     "università. Rendere noto come opera APT29 dovrebbe ostacolare APT29, ha aggiunto il loro direttore."),
]


@pytest.mark.parametrize(("language", "victim", "text"), PROFILE_ARTICLES)
def test_the_sectors_an_actor_targets_are_its_profile_not_another_incident(language: str, victim: str,
                                                                           text: str) -> None:
    """After the attack it reports, an article tells whom the group has targeted over the years ("armed forces,
    governments, defence companies and universities") and names the group again: the sectors are the group's target
    profile, not the victims of another incident, though later sentences name the group."""
    frames = extract_frames("doc", text, language, "2024-10-01", RESOURCES)
    assert [[v.name for v in frame.victims] for frame in frames] == [[victim]]
    assert frames[0].actors == ["APT29"]
