"""One organisation named in other words: what the resolver weighs as the same victim across reports.

Every name here is invented (Lutrecht, Korvan, Veldmark); none comes from the evaluation corpus.
"""

from __future__ import annotations

import pytest

from cybertrack.blocking import rule_keys
from cybertrack.model import Frame, Victim
from cybertrack.same_incident import same_victim_key, victims_match
from cybertrack.victim_identity import distinctive_words, same_organisation


def org(name: str) -> Victim:
    return Victim(name, "org:" + name.lower())


@pytest.mark.parametrize(("name", "words"), [
    ("Ayuntamiento de Lutrecht", {"lutrecht"}),  # the institution word is a sector word of the Spanish pack
    ("Verwaltung von Lutrecht", {"lutrecht"}),
    ("Korvan Health Service (KHS)", {"korvan", "khs"}),  # "Health", "Service": common words
    ("Norwegian parliament", set()),  # a country and an institution: nothing names one body
    ("Korvan Motors users", {"korvan", "motors"}),  # "users" are the people of it, not its name
])
def test_the_words_that_name_an_organisation(name: str, words: set[str]) -> None:
    assert distinctive_words(name) == words


def test_one_organisation_named_around_the_same_name_is_one_victim() -> None:
    assert same_organisation(org("Ayuntamiento de Lutrecht"), org("Verwaltung von Lutrecht"))
    assert same_organisation(org("Korvan Health Service (KHS)"), org("KHS"))
    assert victims_match(org("Parlamento Veldstorting"), org("Veldstorting"))


def test_different_organisations_and_sector_nouns_are_not() -> None:
    assert not same_organisation(org("Ayuntamiento de Lutrecht"), org("Ayuntamiento de Korvan"))
    assert not same_organisation(org("Stadtwerke Lutrecht"), org("Banque de Lutrecht"))  # a city's utility, a bank
    assert same_organisation(org("Stadt Lutrecht"), org("gemeente Lutrecht"))  # the city, in two languages
    assert not same_organisation(org("Norwegian parliament"), org("Danish parliament"))
    generic = Victim("Lutrecht hospitals", "NL/healthcare:hospitals", "NL", "healthcare", generic=True)
    assert not same_organisation(generic, org("Lutrecht"))


@pytest.mark.parametrize(("one", "other"), [
    ("Region Latium", "Regione Lazio"),  # German and Italian names of one region (ISO 3166-2's translations)
    ("région du Latium", "Región del Lacio"),
    ("Ayuntamiento de Sevilla", "Seville city council"),  # a city's alternate names (GeoNames)
    ("Stadtverwaltung Keulen", "Stadt Köln"),
])
def test_a_place_named_in_another_language_is_the_same_place(one: str, other: str) -> None:
    assert distinctive_words(one) == distinctive_words(other)
    assert same_organisation(org(one), org(other))
    assert rule_keys(Frame(document="a", victims=[org(one)])) & rule_keys(Frame(document="b", victims=[org(other)]))


def test_places_in_other_languages_stay_apart() -> None:
    assert not same_organisation(org("Region Latium"), org("Regione Lombardia"))


def test_an_incident_lists_both_names_the_keys_differ() -> None:
    """Weighing two reports as one incident is not merging their names: "Lutrecht FC" would pass the word test."""
    assert victims_match(org("Lutrecht FC"), org("Ayuntamiento de Lutrecht"))
    assert not same_victim_key(org("Lutrecht FC"), org("Ayuntamiento de Lutrecht"))


def test_reports_naming_one_organisation_in_other_words_meet_in_the_index() -> None:
    spanish = Frame(document="es.txt", victims=[org("Ayuntamiento de Lutrecht")])
    german = Frame(document="de.txt", victims=[org("Verwaltung von Lutrecht")])
    assert "victim-word:lutrecht" in rule_keys(spanish) & rule_keys(german)


def test_an_incident_says_which_report_named_each_wording() -> None:
    """Two reports of one attack, naming the city's administration in their own words: one incident, and each name
    carries only the report that used it."""
    from cybertrack.model import Evidence
    from cybertrack.resolve import resolve

    def report(document: str, sentence: str, victim: Victim, language: str) -> Frame:
        return Frame(document=document, victims=[victim], language=language, first_seen="2024-03",
                     evidence=[Evidence(document, 0, len(sentence), sentence)])

    spanish = report("es.txt", "Un ataque de ransomware paralizó el Ayuntamiento de Lutrecht el lunes.",
                     org("Ayuntamiento de Lutrecht"), "es")
    german = report("de.txt", "Ein Ransomware-Angriff legte am Montag die Verwaltung von Lutrecht lahm.",
                    org("Verwaltung von Lutrecht"), "de")
    [incident] = resolve([spanish, german])
    assert incident.victim_reports == {"org:ayuntamiento de lutrecht": ["es.txt"],
                                       "org:verwaltung von lutrecht": ["de.txt"]}


def test_a_town_named_by_its_adjective_is_the_town() -> None:
    """German and Dutch name a town's utility or council by the town's adjective ("die Halvorner Stadtwerke", "de
    Oostmeerse gemeente"): one organisation with "Stadtwerke Halvorn", "gemeente Oostmeer"."""
    assert same_organisation(org("Stadtwerke Halvorn"), org("Halvorner Stadtwerke"))
    assert same_organisation(org("Oostmeerse gemeente"), org("gemeente Oostmeer"))
    assert not same_organisation(org("Stadtwerke Halvorn"), org("Halvorner Bank"))  # another trade
