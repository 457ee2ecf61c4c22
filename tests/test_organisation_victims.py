"""A victim told only by its trade and its country ("a Canadian firm", "Brazil's energy sector"), the way incident
descriptions often name it: a victim with that country when nothing else names the victim, never beside a name.
Sentences are invented."""

from __future__ import annotations

import pytest

from cybertrack.extract.frames import _Draft, _fold_generic, document_facts, extract_frames
from cybertrack.model import Frame, Victim
from cybertrack.resolve import resolve
from tests.conftest import RESOURCES

PUBLISHED = "2024-03-01"


def victims_of(text: str, language: str) -> list[Victim]:
    return [v for frame in extract_frames("doc", text, language, PUBLISHED, RESOURCES) for v in frame.victims]


@pytest.mark.parametrize(
    ("language", "sentence", "name", "country"),
    [
        ("en", "Hackers broke into the network of a Canadian firm that builds satellites.", "Canadian firm", "CA"),
        ("en", "A ransomware attack on a Norwegian aluminium producer halted two of its plants.",
         "Norwegian aluminium producer", "NO"),
        ("en", "Hackers attacked Brazil's energy sector last week.", "Brazil's energy sector", "BR"),
        # a place after a link word gives the country but is no part of the name
        ("en", "Ransomware hit several companies in the US last week.", "companies", "US"),
        ("de", "Hacker griffen ein kanadisches Unternehmen an und stahlen Baupläne.", "kanadisches Unternehmen", "CA"),
        # German and Dutch write the trade into the noun: the compound is the name
        ("de", "Ein Ransomware-Angriff auf einen norwegischen Aluminiumhersteller legte die Produktion lahm.",
         "norwegischen Aluminiumhersteller", "NO"),
        ("nl", "Een ransomware-aanval op een Noorse aluminiumproducent legde de productie stil.",
         "Noorse aluminiumproducent", "NO"),
        ("nl", "Hackers vielen een Canadees bedrijf aan en stalen bouwtekeningen.", "Canadees bedrijf", "CA"),
        ("fr", "Des pirates ont attaqué une entreprise canadienne qui construit des satellites.",
         "entreprise canadienne", "CA"),
        # the elided article is not part of the name
        ("it", "Un attacco ransomware ha colpito un'azienda canadese che costruisce satelliti.", "azienda canadese",
         "CA"),
        ("es", "Los piratas atacaron a un productor noruego de aluminio y paralizaron dos plantas.",
         "productor noruego", "NO"),
    ],
)
def test_an_organisation_told_by_its_country_is_the_victim(language: str, sentence: str, name: str,
                                                           country: str) -> None:
    victims = victims_of(sentence, language)
    assert [(v.name, v.country) for v in victims] == [(name, country)]
    assert victims[0].of_last_resort and victims[0].generic


@pytest.mark.parametrize(
    ("language", "sentence", "name"),
    [
        ("en", "Hackers attacked thousands of Turkish users with spyware.", "Turkish users"),
        ("fr", "Des pirates ont attaqué des milliers d'utilisateurs turcs avec un logiciel espion.",
         "utilisateurs turcs"),
        ("de", "Hacker griffen tausende türkische Nutzer mit Spähsoftware an.", "tausende türkische Nutzer"),
        ("it", "Gli hacker hanno attaccato migliaia di utenti turchi con uno spyware.", "utenti turchi"),
        ("es", "Los piratas atacaron a miles de usuarios turcos con un programa espía.", "usuarios turcos"),
        ("nl", "Hackers vielen duizenden Turkse gebruikers aan met spyware.", "duizenden Turkse gebruikers"),
    ],
)
def test_people_told_by_their_country_are_the_victim_of_last_resort(language: str, sentence: str,
                                                                    name: str) -> None:
    """People no sector noun names ("users", "citizens", "voters") are told the same way as an organisation."""
    victims = victims_of(sentence, language)
    assert [(v.name, v.country) for v in victims] == [(name, "TR")]
    assert victims[0].of_last_resort


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "Hackers attacked a firm that builds satellites and stole its designs."),
        ("fr", "Des pirates ont attaqué une entreprise qui construit des satellites."),
        # "reconfirm" ends in "firm", but only German and Dutch read the last part of a word
        ("en", "Hackers attacked the network, officials reconfirmed on Monday."),
    ],
)
def test_without_its_country_an_organisation_noun_names_no_victim(language: str, sentence: str) -> None:
    assert not any(v.of_last_resort for v in victims_of(sentence, language))


@pytest.mark.parametrize(
    ("language", "text", "victim"),
    [
        ("en", "Ransomware hit Norvale Logistics on Monday.\nThe Canadian firm said its deliveries were delayed "
               "after the attack on the company.", "Norvale"),
        ("de", "Hacker griffen den Konzern Brindle Stahl an.\nDas kanadische Unternehmen wurde Opfer eines "
               "Cyberangriffs, teilte Brindle Stahl mit.", "Brindle"),
    ],
)
def test_an_article_that_names_its_victim_keeps_only_the_name(language: str, text: str, victim: str) -> None:
    """"The Canadian firm" of a report on Norvale Logistics is Norvale Logistics again, not a second victim."""
    victims = victims_of(text, language)
    assert victims and not any(v.of_last_resort for v in victims)
    assert any(victim in v.name for v in victims)


def test_an_incident_whose_other_report_names_the_victim_keeps_only_the_name() -> None:
    """Across reports too: one report's "German companies" are the firms another report of the incident names."""
    named = Victim("Kettleby Chemie", "org:kettleby chemie", "DE")
    last_resort = Victim("deutsche Unternehmen", "DE/organisation:unternehmen", "DE", generic=True)
    frames = [Frame(document=document, victims=[victim], language=language, first_seen="2024-02-20",
                    vulnerabilities=["CVE-2024-0001"])
              for document, victim, language in (("a", named, "en"), ("b", last_resort, "de"))]
    incidents = resolve(frames, resources=RESOURCES)
    assert len(incidents) == 1, "the two reports should be one incident for this test to say anything"
    assert [v.name for v in incidents[0].victims] == ["Kettleby Chemie"]


def test_an_incident_known_only_by_its_trade_and_country_keeps_it() -> None:
    last_resort = Victim("Canadian firm", "CA/organisation:firm", "CA", generic=True)
    incident, = resolve([Frame(document="a", victims=[last_resort], language="en", first_seen="2024-02-20")],
                        resources=RESOURCES)
    assert incident.victims == [last_resort]


def test_a_victim_told_again_by_its_head_noun_is_no_incident_of_its_own() -> None:
    """ "de gemeente" after "de gemeente Lutrecht" is the municipality the article names, though its sentence has a
    date of its own: its frame folds into the named victim's story rather than making a second incident."""
    facts = document_facts("De gemeente Lutrecht is getroffen door een cyberaanval. Op 3 maart stalen de daders "
                           "gegevens van de gemeente.", "nl", "2024-03-05", RESOURCES)
    assert facts[1].dates  # what would make the generic frame distinctive
    named = _Draft(victims={"org:lutrecht": Victim("gemeente Lutrecht", "org:lutrecht", "NL", "government")},
                   generic=False, sentences=[facts[0]])
    told_again = _Draft(victims={"?/government:gemeente": Victim("gemeente", "?/government:gemeente", None,
                                                                 "government", generic=True)}, sentences=[facts[1]])
    folded, = _fold_generic([named, told_again])
    assert [s.index for s in folded.sentences] == [0, 1]


@pytest.mark.parametrize(("sentence", "name", "key"), [
    ("The Kettleby hospital was attacked by Rhysida on Monday.", "Kettleby hospital", "org:kettleby hospital"),
    # an administration, known by its place's name as "the city council of Lutrecht" is
    ("Hackers attacked the Lutrecht city council on Monday.", "Lutrecht city council", "org:lutrecht"),
    # a department no country was found for: the name's, not a second victim (and a second incident) beside it
    ("Hackers stole emails from the Korvan foreign ministry on Monday.", "Korvan foreign ministry",
     "org:korvan foreign ministry"),
])
def test_a_name_no_gazetteer_knows_before_its_sector_noun_is_one_victim(sentence: str, name: str, key: str) -> None:
    """ "The Kettleby hospital" was one hospital, not Kettleby and a hospital: the unknown name and the noun after it
    name one organisation. A known place before the noun stays the place ("the Bristol hospital")."""
    assert [(v.name, v.key) for v in victims_of(sentence, "en")] == [(name, key)]
    assert [(v.name, v.generic) for v in victims_of("The Bristol hospital was attacked on Monday.", "en")] == [
        ("Bristol hospital", True)]


@pytest.mark.parametrize(("language", "sentence", "name"), [
    ("en", "Hackers attacked the systems of the Lutrecht water board on Monday.", "Lutrecht water board"),
    ("fr", "Des pirates ont attaqué lundi les systèmes de la régie des eaux de Lutrecht.",
     "régie des eaux de Lutrecht"),
    ("de", "Hacker haben am Montag die Systeme der Stadtwerke Lutrecht angegriffen.", "Stadtwerke Lutrecht"),
    ("it", "Lunedì alcuni hacker hanno attaccato i sistemi dell'azienda idrica di Lutrecht.",
     "azienda idrica di Lutrecht"),
    ("es", "Unos piratas atacaron el lunes los sistemas de la empresa de aguas de Lutrecht.",
     "empresa de aguas de Lutrecht"),
    ("nl", "Hackers hebben maandag de systemen van het waterschap Lutrecht aangevallen.", "waterschap Lutrecht"),
])
def test_a_water_utility_named_after_its_town_is_the_victim(language: str, sentence: str, name: str) -> None:
    """Water utilities are among the most attacked utilities and news names them by their town and trade; each
    language's noun for them is a sector noun of the energy and utilities sector, so the utility is the victim, not
    its town."""
    assert [v.name for v in victims_of(sentence, language)] == [name]


@pytest.mark.parametrize(("language", "text", "victim"), [
    # the object of a perfect whose participle a second verb follows, joined by a conjunction
    ("nl", "Hackers hebben maandag het Waterschap Veldmark gehackt en klantgegevens gestolen. Later werd de groep "
           "beschuldigd van een aanval op de Kettleby Bank.", "Waterschap Veldmark"),
    ("de", "Hacker haben am Montag die Stadtwerke Veldmark gehackt und Kundendaten gestohlen. Später wurde die Gruppe "
           "für einen Angriff auf die Kettleby Bank verantwortlich gemacht.", "Stadtwerke Veldmark"),
    # the verbs and places of spying and breaking in
    ("de", "Hacker haben monatelang E-Mail-Konten im Verteidigungsministerium ausgespäht.", "Verteidigungsministerium"),
    ("en", "Prosecutors accused the group of breaking into email accounts at Kettleby Shipping.", "Kettleby Shipping"),
])
def test_the_object_of_a_break_in_or_of_a_perfect_is_the_victim(language: str, text: str, victim: str) -> None:
    assert victim in [v.name for v in victims_of(text, language)]


@pytest.mark.parametrize(("language", "headline", "victim"), [
    ("en", "Ransomware hits Kettleby Bank", "Kettleby Bank"),
    ("fr", "Un rançongiciel frappe la mairie de Lutrèche", "mairie de Lutrèche"),
    ("it", "Il ransomware Cuba colpisce il comune di Korvan", "comune di Korvan"),
    ("es", "Un ransomware golpea al Ayuntamiento de Korvan", "Ayuntamiento de Korvan"),
    ("de", "Ransomware trifft die Stadtwerke Halvorn", "Stadtwerke Halvorn"),
    ("nl", "Ransomware treft de gemeente Oostmere", "gemeente Oostmere"),
])
def test_a_headline_in_the_present_names_its_victim(language: str, headline: str, victim: str) -> None:
    """A headline tells the attack in the present; the body may name the victim no more than by a noun."""
    body = {"en": "Hackers attacked the Brindle hospital too, Norvale Security said.",
            "fr": "Des pirates ont aussi attaqué l'hôpital de Brindle, selon Norvale Security.",
            "it": "Gli hacker hanno attaccato anche l'ospedale di Brindle, secondo Norvale Security.",
            "es": "Los piratas atacaron también el hospital de Brindle, según Norvale Security.",
            "de": "Die Hacker griffen laut Norvale Security auch das Krankenhaus Brindle an.",
            "nl": "De hackers vielen volgens Norvale Security ook het ziekenhuis Brindle aan."}[language]
    assert victim in [v.name for v in victims_of(f"{headline}\n{body}", language)]


@pytest.mark.parametrize(("language", "text"), [
    ("it", "Hacker hanno colpito il comune di Korvan. L'amministrazione comunale era stata colpita a ottobre."),
    ("fr", "Des pirates ont frappé la commune de Korvan. L'administration municipale a été paralysée."),
    ("en", "Hackers hit the Korvan municipality. The city council was paralysed for days."),
])
def test_a_sector_noun_with_its_adjective_refers_back_to_the_named_victim(language: str, text: str) -> None:
    assert [v.name for v in victims_of(text, language)] in (["comune di Korvan"], ["commune de Korvan"],
                                                             ["Korvan municipality"])


@pytest.mark.parametrize(("language", "text"), [
    ("de", "Der Ransomware-Angriff auf die Université de Lutrèche hat Folgen. Die Angreifer hatten in der Nacht vom "
           "16. auf den 17. Februar Server der Universität verschlüsselt. Inzwischen hat sich die Gruppe LockBit zu "
           "der Tat bekannt."),
    ("nl", "De Universität Kettleby is getroffen door een ransomware-aanval. De hackers versleutelden dinsdag de "
           "servers van de universiteit."),
    ("en", "The Ospedale di Lutrecht was hit by a ransomware attack. The attackers encrypted the hospital's servers "
           "on Tuesday."),
])
def test_a_sector_noun_refers_back_to_a_name_in_another_language_that_holds_one(language: str, text: str) -> None:
    """A foreign name keeps its language's noun ("Université", "Ospedale"): it still says what the victim is, and
    the report's own word for it ("die Universität") is that victim told again, not a victim of its own."""
    assert len(victims_of(text, language)) == 1


def test_a_victim_named_by_its_sector_and_place_is_the_full_name_of_that_sector_and_place() -> None:
    """ "l'ospedale di Lutrecht" in the headline, "l'Azienda Ospedaliera San Martino di Lutrecht" in the body, dated
    apart by a day: one hospital, one incident."""
    text = ("Il gruppo LockBit rivendica l'attacco all'ospedale di Lutrecht. La cybergang LockBit ha rivendicato "
            "l'attacco ransomware che nella notte tra l'8 e il 9 febbraio ha paralizzato l'Azienda Ospedaliera San "
            "Martino di Lutrecht.")
    assert len(extract_frames("doc", text, "it", PUBLISHED, RESOURCES)) == 1


@pytest.mark.parametrize(
    ("language", "sentence", "names"),
    [
        ("en", "Pro-Veldmark hacktivists knocked the websites of Polish banks offline with DDoS attacks.",
         ["Polish banks"]),
        ("nl", "Hackers legden de websites van Poolse banken plat met DDoS-aanvallen.", ["Poolse banken"]),
    ],
)
def test_a_nationality_after_a_link_word_is_the_next_noun_s(language: str, sentence: str, names: list[str]) -> None:
    """ "the websites of Polish banks": the banks are Polish and were hit; their websites are no Polish victim of
    their own."""
    assert [v.name for v in victims_of(sentence, language)] == names


@pytest.mark.parametrize(
    ("language", "sentence", "countries"),
    [
        ("en", "The hacktivist group NoName057(16) launched DDoS attacks against the websites of Polish banks and the "
               "Lithuanian railway operator in October.", ["LT", "PL"]),
        ("en", "Hackers of the NoName057(16) group flooded Latvian ministries and the Estonian port operator with "
               "traffic on Monday.", ["EE", "LV"]),
    ],
)
def test_co_victims_of_one_enumeration_are_one_incident(language: str, sentence: str, countries: list[str]) -> None:
    """Two victims told by their trade and country, listed in one attack's sentence, are hit by that one attack: one
    frame with both, though the run the enumeration reads names the second shorter ("the Lithuanian railway")."""
    frames = extract_frames("doc", sentence, language, PUBLISHED, RESOURCES)
    assert [sorted(v.country for v in frame.victims) for frame in frames] == [countries]


@pytest.mark.parametrize("headline", [
    "Akira reklamiert Angriff auf Hamelner Energieversorger",
    "Ransomware-Angriff auf niedersächsischen Wasserversorger",
])
def test_a_german_trade_described_by_adjectives_names_nobody(headline: str) -> None:
    """ "Hamelner Energieversorger": where every noun is capitalised, an adjective and an organisation noun describe
    the victim the article names, and open no incident of their own."""
    text = (f"{headline}\nDie Ransomware-Gruppe Akira hat den Cyberangriff auf die Stadtwerke Lutrecht für sich "
            "beansprucht. Die Stadtwerke waren am 15. Januar angegriffen worden.")
    frames = extract_frames("doc", text, "de", PUBLISHED, RESOURCES)
    assert [[v.name for v in frame.victims] for frame in frames] == [["Stadtwerke Lutrecht"]]


@pytest.mark.parametrize(("language", "text"), [
    ("fr", "Le site internet de la commune de Lutrèche a été défiguré samedi. Les visiteurs découvraient un message de "
           "soutien à Korvan. Un groupe se présentant comme Zerkalo Team a revendiqué l'opération sur Telegram."),
    ("en", "The website of the Lutrecht town council was defaced on Saturday. Visitors found a message of support for "
           "Korvan. A group calling itself Zerkalo Team claimed responsibility on Telegram."),
])
def test_a_group_s_own_claim_stays_with_the_attack_it_follows(language: str, text: str) -> None:
    """A group's own claim that names no attack word ("a revendiqué l'opération") tells of the attack before it, past
    a sentence that tells nothing of it: the claim and its group stay with that attack."""
    [frame] = extract_frames("doc", text, language, PUBLISHED, RESOURCES)
    assert frame.actors == ["Zerkalo Team"]
