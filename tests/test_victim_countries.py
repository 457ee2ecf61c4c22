"""A victim's country: from its own name, a city or region next to it (a maintained gazetteer), a nationality before
it or in an apposition, an enumeration of places, or another mention in the article. Sentences are invented."""

from __future__ import annotations

from dataclasses import replace

import pytest

from cybertrack.extract.cues import cues
from cybertrack.extract.facts import SentenceFacts, sentence_facts
from cybertrack.extract.frames import _with_context_country, document_facts, extract_frames
from cybertrack.extract.place_adjectives import place_adjectives
from cybertrack.extract.victim_countries import victim_countries
from cybertrack.extract.victims import Candidate
from cybertrack.knowledge.base import knowledge_base
from cybertrack.knowledge.places import places_in
from cybertrack.lang import LANGUAGES, topic
from cybertrack.model import Victim
from tests.conftest import RESOURCES


@pytest.fixture(scope="module")
def places() -> dict[str, str]:
    return knowledge_base().places


def facts_of(sentence: str, language: str) -> SentenceFacts:
    return sentence_facts(0, sentence, 0, language, None, knowledge_base(), cues())


def countries_of(sentence: str, victim: str, language: str, places: dict[str, str]) -> list[str]:
    facts = facts_of(sentence, language)
    start = facts.text.index(victim)
    return victim_countries(facts, start, start + len(victim), places)


@pytest.mark.parametrize(
    ("place", "code"),
    [
        ("Lyon", "FR"), ("Lione", "FR"), ("Mailand", "IT"), ("Potsdam", "DE"), ("Sevilla", "ES"),
        ("Zeist", "NL"), ("Toronto", "CA"), ("Andalucía", "ES"), ("Overijssel", "NL"), ("Sachsen-Anhalt", "DE"),
        ("Texas", "US"), ("Den Haag", "NL"),
    ],
)
def test_gazetteer_places_and_their_country(places: dict[str, str], place: str, code: str) -> None:
    assert places[place] == code


@pytest.mark.parametrize(
    "word", ["Reading", "Mobile", "Nice", "Split", "Lion", "Landes", "Bergen", "Brest", "Paris", "Belgium", "Banco",
             "Salud"])
def test_gazetteer_leaves_out_words_shared_names_and_countries(places: dict[str, str], word: str) -> None:
    """Ordinary words ("Landes" is a German noun, and the Dutch "Bergen" goes with the Norwegian one, a German word;
    "Banco" and "Salud", other names of a Colombian and a Cuban town, are Spanish words),
    names two countries' cities share ("Brest"), and country forms (capitals included; the country table answers for
    those) are not places here."""
    assert word not in places


def test_places_in_a_run_of_capitalised_words(places: dict[str, str]) -> None:
    text = "Die Stadtverwaltung Potsdam und das Ayuntamiento de Sevilla, dazu Den Haag."
    assert [(p.text, p.code) for p in places_in(text, places)] == [("Potsdam", "DE"), ("Sevilla", "ES"),
                                                                   ("Den Haag", "NL")]


@pytest.mark.parametrize(
    ("language", "sentence", "victim", "expected"),
    [
        ("de", "Die Stadtverwaltung Potsdam wurde Opfer eines Cyberangriffs.", "Stadtverwaltung Potsdam", ["DE"]),
        ("es", "Un ciberataque afectó al Ayuntamiento de Sevilla el lunes.", "Ayuntamiento de Sevilla", ["ES"]),
        ("en", "Ransomware hit hospitals in Lyon on Tuesday.", "hospitals", ["FR"]),
        ("it", "Un attacco ha colpito l'ospedale di Verona.", "ospedale", ["IT"]),
        ("nl", "Hackers troffen het ziekenhuis in Zeist met ransomware.", "ziekenhuis", ["NL"]),
        ("fr", "Les hôpitaux de Lyon ont été victimes d'une cyberattaque.", "hôpitaux", ["FR"]),
        ("en", "The attack on Norvale Logistics, based in Toronto, halted deliveries.", "Norvale Logistics", ["CA"]),
        ("de", "Hacker griffen die Firma Vexor aus Potsdam an.", "Vexor", ["DE"]),
        ("en", "Hackers attacked Brazil's energy sector last week.", "energy sector", ["BR"]),
        ("en", "A ransomware attack hit a Canadian firm on Monday.", "firm", ["CA"]),
        ("en", "Hackers breached German arms company Norvale last week.", "Norvale", ["DE"]),
        ("fr", "Des pirates ont visé la compagnie danoise de navigation Norvale.", "Norvale", ["DK"]),
        ("en", "Norvale Logistics, a Canadian company, was hit by ransomware.", "Norvale Logistics", ["CA"]),
        ("es", "Norvale, una empresa chilena, sufrió un ciberataque.", "Norvale", ["CL"]),
        ("en", "Norvale Logistics, a freight firm headquartered in Toronto, was hit by ransomware.",
         "Norvale Logistics", ["CA"]),
        ("fr", "Des pirates ont paralysé Norvale, un transporteur basé à Lyon.", "Norvale", ["FR"]),
        # "con sede in" fused with its article: "nel Veneto"
        ("it", "Un attacco ha colpito Lutrex Market, catena con sede nel Veneto.", "Lutrex Market", ["IT"]),
        # the region in brackets after the name, as French, Italian and German news give it
        ("fr", "La commune de Varenne-sur-Lisle (Maine-et-Loire) a été victime d'une cyberattaque.",
         "commune de Varenne-sur-Lisle", ["FR"]),
        ("it", "Il comune di Roccaverde (Cuneo) è stato colpito da un ransomware.", "comune di Roccaverde", ["IT"]),
        ("de", "Die Stadtverwaltung Kornhausen (Niedersachsen) wurde Opfer eines Cyberangriffs.",
         "Stadtverwaltung Kornhausen", ["DE"]),
        # the name as the apposition of the noun the nationality describes
        ("nl", "Twee Russische verdachten hackten de systemen van een Nederlands energiebedrijf, Oostmere Energie.",
         "Oostmere Energie", ["NL"]),
        ("en", "Two Russian suspects breached the systems of a Dutch energy company, Oostmere Energie.",
         "Oostmere Energie", ["NL"]),
        ("de", "Zwei Russen griffen einen niederländischen Energieversorger, die Oostmere Energie, an.",
         "Oostmere Energie", ["NL"]),
    ],
)
def test_country_from_the_words_around_the_victim(places: dict[str, str], language: str, sentence: str, victim: str,
                                                  expected: list[str]) -> None:
    assert countries_of(sentence, victim, language, places) == expected


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "The group targeted government agencies in Austria, Estonia and Portugal with phishing."),
        ("fr", "Le groupe a visé des agences gouvernementales en Autriche, en Estonie et au Portugal."),
        ("de", "Die Gruppe griff Regierungsbehörden in Österreich, Estland und Portugal an."),
        ("it", "Il gruppo ha colpito agenzie governative in Austria, Estonia e Portogallo."),
        ("es", "El grupo atacó agencias gubernamentales en Austria, Estonia y Portugal."),
        ("nl", "De groep viel overheidsdiensten in Oostenrijk, Estland en Portugal aan."),
    ],
)
def test_an_enumeration_of_places_gives_every_country(places: dict[str, str], language: str, sentence: str) -> None:
    facts = facts_of(sentence, language)
    # the victim is the noun phrase right before the first country
    first = min(c.start for c in facts.countries)
    victim_start = facts.text.rindex(" ", 0, first - 4) + 1
    assert victim_countries(facts, victim_start, first - 4, places) == ["AT", "EE", "PT"]


@pytest.mark.parametrize(
    ("language", "sentence", "victim"),
    [
        ("en", "Chinese hackers broke into Norvale Logistics last year.", "Norvale Logistics"),
        ("en", "The French government said Norvale Logistics was hit by ransomware.", "Norvale Logistics"),
        ("en", "Norvale Logistics was hit by ransomware, and the attack spread to Austria.", "Norvale Logistics"),
        ("de", "Norvale wurde gehackt, wie die Polizei in Potsdam mitteilte.", "Norvale"),
        # after a name, the comma lists: "Danish" describes the first item only
        ("en", "The leak exposed Danish singers Kettleby, Norvale Brindle and others.", "Norvale Brindle"),
    ],
)
def test_no_country_from_the_attacker_or_from_words_that_do_not_tie_it(places: dict[str, str], language: str,
                                                                      sentence: str, victim: str) -> None:
    assert countries_of(sentence, victim, language, places) == []


@pytest.mark.parametrize(("sentence", "victim"), [
    ("Prosecutors charged a Latvian man, Janis Brindlers, over the ransomware attack on Kettleby Hospital.",
     "Kettleby Hospital"),
    ("Police arrested an Estonian named Taavi Korvanen, who carried out the hack of Norvale Bank.", "Norvale Bank"),
])
def test_the_nationality_of_the_person_charged_is_not_the_victim_s_country(sentence: str, victim: str) -> None:
    """ "a Latvian man, X": where the attacker is from says nothing of where the one he hit is."""
    frames = extract_frames("doc", sentence, "en", "2024-03-01", RESOURCES)
    assert [(v.name, v.country) for frame in frames for v in frame.victims] == [(victim, None)]


def test_enumerated_places_make_co_victims_of_a_generic_victim() -> None:
    text = "The group targeted hospitals in Austria, Estonia and Portugal with ransomware."
    facts = document_facts(text, "en", "2024-03-01", RESOURCES)
    start = facts[0].text.index("hospitals")
    generic = Candidate(start, start + len("hospitals"), Victim("hospitals", "?/health:hospitals", None, "health"),
                        generic=True)
    placed, others = _with_context_country(generic, facts, 0, set(), [])
    assert placed.victim.country == "AT" and placed.victim.key == "AT/health:hospitals"
    assert [(v.country, v.key) for v in others] == [("EE", "EE/health:hospitals"), ("PT", "PT/health:hospitals")]


def test_a_named_victim_takes_the_country_another_sentence_gives_it() -> None:
    text = "Norvale Logistics, based in Toronto, ships parcels.\nNorvale Logistics was hit by ransomware on Monday."
    facts = document_facts(text, "en", "2024-03-01", RESOURCES)
    start = facts[1].text.index("Norvale Logistics")
    named = Candidate(start, start + 17, Victim("Norvale Logistics", "org:norvale logistics"), generic=False)
    placed, others = _with_context_country(named, facts, 1, set(), [])
    assert placed.victim == replace(named.victim, country="CA") and others == []


def test_place_links_cover_every_language() -> None:
    table = topic("places")
    for section in ("seat", "of", "and", "where"):
        assert set(table[section]) == set(LANGUAGES), section
        assert all(table[section][language] for language in table[section]), section


@pytest.mark.parametrize(
    ("language", "sentence", "country", "attacker_side"),
    [
        ("en", "Hackers attacked Brazil's energy sector last week.", "Brazil", False),
        ("en", "Hackers hit Brazilian hospitals last week.", "Brazilian", False),
        ("de", "Hacker legten Estland tagelang lahm.", "Estland", False),
        ("en", "Hackers from Russia attacked the ministry.", "Russia", True),
        ("fr", "Des pirates chinois ont attaqué le ministère.", "chinois", True),
        ("it", "Alcuni hacker russi hanno colpito il porto.", "russi", True),
        ("en", "Chinese hackers attacked the ministry.", "Chinese", True),
        ("en", "Russia's military hackers attacked the Korvan grid.", "Russia", True),
        ("en", "Iranian state-backed hacking groups attacked the ministry.", "Iranian", True),
        ("en", "The US also shared intelligence on the hackers with Korvan.", "US", False),
        # a state that launches the attack itself, by its name or one of its bodies
        ("en", "Russia launched a cyberattack on the Korvan grid.", "Russia", True),
        ("en", "The Russian military carried out the attack on the Korvan grid.", "Russian", True),
        ("fr", "L'armée russe a lancé une cyberattaque contre le réseau de Korvan.", "russe", True),
        ("it", "L'esercito russo ha sferrato un attacco contro la rete di Korvan.", "russo", True),
        ("es", "El ejército ruso lanzó un ciberataque contra la red de Korvan.", "ruso", True),
        ("de", "Das russische Militär verübte einen Cyberangriff auf das Netz von Korvan.", "russische", True),
        ("nl", "Het Russische leger lanceerde een cyberaanval op het net van Korvan.", "Russische", True),
        ("en", "The US launched an investigation into the attack on the Korvan grid.", "US", False),
        ("en", "Russian hackers launched a cyberattack on the Korvan grid.", "Russian", True),
        # German and Dutch put the object before the participle or particle that ends the clause
        ("de", "Russland hat Estland gehackt.", "Estland", False),
        ("de", "Russische Hacker nahmen Reedereien in Norwegen ins Visier.", "Norwegen", False),
        ("nl", "Rusland heeft Estland gehackt.", "Estland", False),
        # a group of a trade is a firm, not a group of attackers
        ("en", "A ransomware attack crippled an Irish hospital group.", "Irish", False),
        ("fr", "Une attaque par rançongiciel a paralysé un groupe hospitalier irlandais.", "irlandais", False),
        ("it", "Un attacco ransomware ha paralizzato un gruppo ospedaliero irlandese.", "irlandese", False),
        ("es", "Un ataque de ransomware paralizó a un grupo hospitalario irlandés.", "irlandés", False),
        ("en", "A French media group was hacked on Monday.", "French", False),
        ("en", "Chinese state hacking groups attacked the ministry.", "Chinese", True),
        # a link to the attackers' state stands where the target of the attack does
        ("en", "Hackers compromised the email accounts of members of the Finnish Parliament.", "Finnish", False),
        ("en", "The hackers were members of the Russian GRU.", "Russian", True),
        # hacktivists are attackers in every language
        ("en", "Russian hacktivists disrupted the Korvan port website.", "Russian", True),
        ("fr", "Des hacktivistes russes ont paralysé le site du port de Korvan.", "russes", True),
        ("de", "Russische Hacktivisten legten die Website des Hafens von Korvan lahm.", "Russische", True),
        ("it", "Alcuni hacktivisti russi hanno colpito il porto di Korvan.", "russi", True),
        ("es", "Unos hacktivistas rusos paralizaron la web del puerto de Korvan.", "rusos", True),
        ("nl", "Russische hacktivisten legden de website van de haven van Korvan plat.", "Russische", True),
        # "state" right after a nationality qualifies attackers only with what it sponsors or who hacks for it
        ("en", "Chinese state hackers attacked the ministry.", "Chinese", True),
        ("en", "Chinese state-sponsored actors attacked the ministry.", "Chinese", True),
        # the state's body may open the attackers' noun itself
        ("en", "The service said that Chinese military hackers entered the Korvan ministry.", "Chinese", True),
        ("en", "The attack crippled the ministries of the Brazilian state and its banks.", "Brazilian", False),
        # a state right after a link to the attackers stands behind them; a link that tells an owner ties none
        ("en", "Mirefang, a crew officials have tied to Iran's Ministry of Intelligence, breached Korvan Telecom.",
         "Iran", True),
        ("en", "The breach of Kettleby Freight was attributed to China's Ministry of State Security.", "China", True),
        ("fr", "Le groupe Palehook, lié à la Russie, a piraté la mairie de Lutrecht.", "Russie", True),
        ("es", "Un grupo vinculado a Irán atacó la red del puerto de Saint-Aurel.", "Irán", True),
        # a crew placed under a state or one of its agencies
        ("en", "Mirefang, a crew subordinate to Iran's Ministry of Intelligence, breached Korvan Telecom.", "Iran",
         True),
        ("fr", "Le groupe Palehook, rattaché à la Russie, a piraté la mairie de Lutrecht.", "Russie", True),
        ("es", "Un grupo subordinado a Irán atacó la red del puerto de Saint-Aurel.", "Irán", True),
        ("it", "Il gruppo Palehook, subordinato alla Russia, ha colpito il comune di Lutrecht.", "Russia", True),
        ("nl", "De groep Palehook, ondergeschikt aan Rusland, hackte de gemeente Lutrecht.", "Rusland", True),
        ("en", "Hackers stole files from servers belonging to the Ukrainian defence ministry.", "Ukrainian", False),
        ("es", "Los piratas cifraron equipos pertenecientes a Chile durante la noche.", "Chile", False),
    ],
)
def test_a_country_after_an_attacker_noun_is_the_attackers_only_when_it_qualifies_it(
        language: str, sentence: str, country: str, attacker_side: bool) -> None:
    """ "pirates chinois", "hackers from Russia" and "tied to Iran's Ministry of Intelligence" name the attacker's side;
    in "Hackers attacked Brazil" Brazil is the target, and a country the text puts on the attacker's side gives no
    victim its country."""
    mention = next(c for c in facts_of(sentence, language).countries if c.text == country)
    assert mention.attacker_side is attacker_side


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Russia launched a cyberattack on the power grid in December."),
        ("it", "L'esercito russo ha sferrato un attacco informatico contro la rete elettrica a dicembre."),
    ],
)
def test_the_state_that_launches_the_attack_gives_its_victim_no_country(language: str, text: str) -> None:
    """The victim named without a country does not take that of the state that attacked it."""
    victims = [v for frame in extract_frames("doc", text, language, "2024-03-01", RESOURCES) for v in frame.victims]
    assert victims and all(v.country != "RU" for v in victims)


def test_a_named_victim_with_no_country_of_its_own_takes_the_one_the_article_is_about() -> None:
    text = ("Le groupe Norvale a été victime d'un rançongiciel.\nLes autorités françaises enquêtent.\n"
            "L'attaque est la plus grave contre une entreprise française cette année.")
    facts = document_facts(text, "fr", "2024-03-01", RESOURCES)
    named = Candidate(3, 15, Victim("groupe Norvale", "org:groupe norvale"), generic=False)
    placed, _ = _with_context_country(named, facts, 0, set(), [])
    assert placed.victim.country == "FR"


def test_the_accused_state_is_not_the_country_the_article_is_about() -> None:
    text = ("Norvale Pictures was hit by a destructive attack.\nThe United States blamed North Korea for the attack.\n"
            "North Korea denied any involvement in the attack.\nNorth Korea called the accusation a fabrication.")
    facts = document_facts(text, "en", "2024-03-01", RESOURCES)
    named = Candidate(0, 15, Victim("Norvale Pictures", "org:norvale pictures"), generic=False)
    placed, _ = _with_context_country(named, facts, 0, set(), [])
    assert placed.victim.country != "KP"


@pytest.mark.parametrize(
    ("language", "text", "country"),
    [
        ("fr", "Au Sénégal, le groupe hospitalier Lutrex Santé a été frappé par un rançongiciel en mars.", "SN"),
        ("es", "Kettleby Energía, que abastece a la provincia de Córdoba, en Argentina, fue víctima de un ataque "
               "informático.", "AR"),
        ("en", "Brindle Logistics, a shipping firm, was hit by ransomware, Danish police said on Monday.", "DK"),
    ],
)
def test_a_named_victim_takes_the_one_country_its_own_sentence_names(language: str, text: str, country: str) -> None:
    """A short report names its victim's country once, not beside the name."""
    victims = [v for frame in extract_frames("doc", text, language, "2024-03-01", RESOURCES) for v in frame.victims]
    assert [v.country for v in victims] == [country]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # two countries: the sentence does not say which is the victim's
        ("en", "Brindle Logistics was hit by ransomware, Danish and Swedish police said on Monday."),
        # the one country named is the accused's
        ("en", "Russian hackers breached the logistics firm Brindle Logistics on Monday."),
        ("fr", "Des pirates russes ont attaqué l'entreprise Brindle Logistique lundi."),
    ],
)
def test_a_sentence_that_names_no_single_innocent_country_places_no_victim(language: str, text: str) -> None:
    victims = [v for frame in extract_frames("doc", text, language, "2024-03-01", RESOURCES) for v in frame.victims]
    assert victims and all(v.country is None for v in victims)


@pytest.mark.parametrize(
    ("language", "sentence", "countries"),
    [
        # the sector noun found its country right after it: the rest of the enumeration still counts
        ("en", "The group breached defence contractors in Israel and South Korea with fake job offers.", ["IL", "KR"]),
        # the country ends the victim's own name, and the enumeration goes on past it
        ("en", "Hackers breached the foreign ministries of Germany, Poland and Slovakia.", ["DE", "PL", "SK"]),
        # articles before a country's name do not end the enumeration
        ("en", "The group breached government agencies in Taiwan and the Philippines.", ["PH", "TW"]),
        ("fr", "Des pirates ont piraté les ministères des Affaires étrangères de l'Allemagne, de la Pologne et de la "
               "Slovaquie.", ["DE", "PL", "SK"]),
    ],
)
def test_every_country_of_an_enumeration_gets_its_victim(language: str, sentence: str, countries: list[str]) -> None:
    [frame] = extract_frames("doc", sentence, language, "2024-03-01", RESOURCES)
    assert sorted(v.country for v in frame.victims) == sorted(countries)



@pytest.mark.parametrize(("language", "text", "victim"), [
    ("en", "The records of Kettleby Clinic were stolen by a crew called the Syrian Cyber Legion.", "Kettleby Clinic"),
    ("en", "Hackers from a group called the Turkish Crime Family breached the servers of Kettleby Bank.",
     "Kettleby Bank"),
])
def test_a_nationality_in_the_attackers_name_is_not_the_victims_country(language: str, text: str,
                                                                        victim: str) -> None:
    """ "The Turkish Crime Family": a nationality inside the name of a group the sentence casts as the attacker is
    the group's name, not the country of whom it hit."""
    victims = [v for frame in extract_frames("doc", text, language, "2017-03-24", RESOURCES) for v in frame.victims]
    assert [(v.name, v.country) for v in victims] == [(victim, None)]


@pytest.mark.parametrize(("language", "sentence", "victim", "country"), [
    ("de", "Hacker haben die niedersächsische Gemeinde Kornhausen angegriffen.", "Gemeinde Kornhausen", "DE"),
    ("de", "Die Angreifer trafen die oberösterreichische Firma Veldmark Bau.", "Veldmark Bau", "AT"),
    ("nl", "Hackers hebben de Drentse gemeente Wolderveen aangevallen.", "gemeente Wolderveen", "NL"),
    ("nl", "Criminelen vielen het Antwerpse bedrijf Veldmark aan.", "Veldmark", "BE"),
    ("it", "Un attacco ha colpito l'azienda piemontese Veldmark.", "Veldmark", "IT"),
    ("es", "Un ciberataque ha afectado a la empresa barcelonesa Veldmark.", "Veldmark", "ES"),
    ("fr", "Une cyberattaque a visé la mairie lyonnaise de Kettleby.", "Kettleby", "FR"),
])
def test_an_adjective_made_from_a_place_seats_the_victim(places: dict[str, str], language: str, sentence: str,
                                                          victim: str, country: str) -> None:
    """Local news seats a small town by its region's adjective, and the town is too small for the gazetteer."""
    assert countries_of(sentence, victim, language, places) == [country]


@pytest.mark.parametrize(("language", "text"), [
    ("de", "Die technischen und seelischen Folgen"),  # no place begins "techn" or "seel" and ends so
    ("nl", "Westerse bedrijven"),  # "Wester-lo" runs on with more than a place's ending
    ("fr", "une réponse courtoise"),
    ("it", "come richiese la polizia"),
    ("es", "la clase burguesa"),
])
def test_a_word_that_only_ends_like_such_an_adjective_names_no_place(language: str, text: str) -> None:
    assert place_adjectives(text, language, knowledge_base().place_stems) == []


@pytest.mark.parametrize(("language", "text", "victim", "country"), [
    ("nl", "Het Eindhovense chipbedrijf Veldmark Systems werd vorige week gehackt.", "Veldmark Systems", "NL"),
    ("nl", "De Groningse gemeente Veldmark is getroffen door een ransomware-aanval.", "gemeente Veldmark", "NL"),
])
def test_an_adjective_made_from_a_place_is_no_name_of_its_own(language: str, text: str, victim: str,
                                                              country: str) -> None:
    """Dutch capitalises such adjectives, so they stood as names of their own beside the victim."""
    [frame] = extract_frames("doc", text, language, "2024-05-20", RESOURCES)
    assert [(v.name, v.country) for v in frame.victims] == [(victim, country)]


@pytest.mark.parametrize(("language", "text", "victim", "country"), [
    ("it", "Un attacco ransomware ha colpito il comune piemontese di Roccaverde.", "comune piemontese di Roccaverde",
     "IT"),
    ("fr", "Une cyberattaque a visé la commune lyonnaise de Kettleby.", "commune lyonnaise de Kettleby", "FR"),
    ("es", "Un ciberataque ha paralizado el ayuntamiento barcelonés de Kettleby.",
     "ayuntamiento barcelonés de Kettleby", "ES"),
])
def test_an_administration_is_named_with_the_adjective_of_its_region_between(language: str, text: str, victim: str,
                                                                             country: str) -> None:
    """Romance languages put the region's adjective between the head and the town: "il comune piemontese di X"."""
    [frame] = extract_frames("doc", text, language, "2024-05-20", RESOURCES)
    assert [(v.name, v.country) for v in frame.victims] == [(victim, country)]


@pytest.mark.parametrize(("language", "text"), [
    ("fr", "Des assaillants russes ont piraté les serveurs de la mairie de Lutrecht."),
    ("it", "Gli attaccanti russi hanno violato i server del Comune di Lutrecht."),
])
def test_the_attackers_nationality_is_not_the_country_of_the_town_they_hit(language: str, text: str) -> None:
    """ "des assaillants russes": a word for attackers makes the nationality theirs; without it the article's one
    country went to the town."""
    [frame] = extract_frames("doc", text, language, "2024-05-20", RESOURCES)
    assert [v.country for v in frame.victims] == [None]


@pytest.mark.parametrize(("sentence", "victim", "language"), [
    ("The Veldmark government blamed Russia for the attack on the Ministry of Defence, but Moscow denied it.",
     "Ministry of Defence", "en"),
    ("El Gobierno de Veldmark atribuyó a Rusia el ataque contra el Ministerio de Defensa, aunque Moscú lo negó.",
     "Ministerio de Defensa", "es"),
    ("Le gouvernement de Veldmark accuse la Russie de l'attaque contre le ministère de la Défense, mais Moscou a "
     "démenti.", "ministère de la Défense", "fr"),
])
def test_a_place_after_a_comma_and_a_conjunction_is_no_apposition(places: dict[str, str], sentence: str,
                                                                   victim: str, language: str) -> None:
    """ "the Ministry of Defence, but Moscow denied it": the comma and the conjunction open a new clause, so the
    capital after them is the denier, not the ministry's seat."""
    assert "RU" not in countries_of(sentence, victim, language, places)


@pytest.mark.parametrize(("language", "text"), [
    ("en", "The Cuba ransomware hits Korvan town hall."),
    ("it", "Il ransomware Cuba ha colpito il comune di Korvan."),
    ("es", "El ransomware Cuba golpea al Ayuntamiento de Korvan."),
])
def test_a_gang_named_after_a_country_gives_the_victim_no_country(language: str, text: str) -> None:
    frames = extract_frames("doc", text, language, "2024-05-14", RESOURCES)
    assert [[v.country for v in frame.victims] for frame in frames] == [[None]]


def test_a_gang_named_after_a_country_after_its_malware_noun_is_no_state_that_acts() -> None:
    """ "Il ransomware Cuba ha colpito": the name after the malware noun is the gang's, not Cuba hitting anyone."""
    [frame] = extract_frames("doc", "Il ransomware Cuba ha colpito il comune di Korvan.", "it", "2024-05-14",
                             RESOURCES)
    assert not any("CU" in claim.attributed_to for claim in frame.claims)
