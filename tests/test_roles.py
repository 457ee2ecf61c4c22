"""Victims in every language: lower-case heads, German common nouns, and the learned role model.

Every sentence here is invented (Lutrecht, Veldmark, ...); none comes from the evaluation corpus. The behaviour
tests go through `extract_frames`, the extraction's public entry, so they read the same on any version of it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cybertrack.extract.frames import extract_frames
from cybertrack.extract.names import name_chunks
from cybertrack.extract.roles import FEATURE_GROUPS, cast_by_rules, enumerations
from cybertrack.extract.victims import candidates, state_victims, titles_a_person
from tests.conftest import RESOURCES, require_shared
from tests.fitted_models import assert_fitted_on_the_training_sets, assert_training_again_gives
from tests.test_extractors import facts_of, frames_of

ROOT = Path(__file__).resolve().parents[1]
WEIGHTS = ROOT / "src" / "cybertrack" / "extract" / "data" / "role_model.json"
PUBLISHED = "2023-03-14"


def victims(text: str, language: str) -> list[str]:
    return [v.name for frame in extract_frames("doc", text, language, PUBLISHED, RESOURCES) for v in frame.victims]


def cast_by_a_rule(sentence: str, language: str) -> list[str]:
    """The candidates of one sentence a cue rule casts as victims, before any model judges them."""
    facts = facts_of(sentence, language)
    found = candidates(facts)
    return [facts.text[c.start:c.end] for c, rule in zip(found, cast_by_rules(facts, found), strict=True) if rule]


@pytest.mark.parametrize(("text", "language", "victim"), [
    ("Des pirates informatiques ont paralysé les serveurs de la ville de Lutrèche lundi.", "fr", "ville de Lutrèche"),
    ("De gemeente Veldhoven werd maandag getroffen door een cyberaanval met ransomware.", "nl", "gemeente Veldhoven"),
    ("Hackers hit the city of Lutrecht with ransomware on Monday.", "en", "city of Lutrecht"),
    ("Un attacco ransomware ha colpito i server del comune di Veldmarco.", "it", "comune di Veldmarco"),
    ("Un ciberataque paralizó los servidores del ayuntamiento de Villaverde.", "es", "ayuntamiento de Villaverde"),
])
def test_a_victim_named_under_a_lower_case_head_is_found(text: str, language: str, victim: str) -> None:
    assert victims(text, language) == [victim]


@pytest.mark.parametrize(("text", "victim"), [
    ("Unknown attackers wiped the computers at a Norwegian oil company.", "Norwegian oil company"),
    ("Hackers broke into the servers at Veldmark Bank last week.", "Veldmark Bank"),
])
def test_the_machines_at_an_organisation_name_it_as_the_victim(text: str, victim: str) -> None:
    """ "computers at", "servers at", as "systems of" and "servers of"."""
    assert victims(text, "en") == [victim]


@pytest.mark.parametrize(("text", "language"), [
    ("La empresa Brindle Foods ha sido blanco de un ciberataque con ransomware.", "es"),
    ("La société Brindle Foods est la cible d'une cyberattaque par rançongiciel.", "fr"),
    ("La società Brindle Foods è stata bersaglio di un attacco ransomware.", "it"),
])
def test_the_target_of_an_attack_is_its_victim(text: str, language: str) -> None:
    """ "ha sido blanco de", "est la cible de", "è stata bersaglio di": the target noun after a victim, in the tenses
    each pack has for "was the target of"."""
    assert victims(text, language) == ["Brindle Foods"]


def test_the_target_of_a_campaign_is_its_victim_with_its_countries() -> None:
    """ "a campaign against X", as the other packs read X after their bare "gegen", "contre", "contro", "tegen": the
    target of an incident description, where it is hit in each country the sentence places it."""
    text = "Iranian hackers ran a spear-phishing campaign against aerospace companies in Saudi Arabia and Qatar."
    assert sorted((v.name, v.country) for f in frames_of(text, "en") for v in f.victims) == [
        ("aerospace companies", "QA"), ("aerospace companies", "SA")]


@pytest.mark.parametrize("text", [
    "Vorige week is Letland slachtoffer geworden van een ddos-aanval vanuit het buitenland.",
    "De afgelopen dagen is Letland het slachtoffer geweest van een reeks ddos-aanvallen.",
])
def test_a_state_hit_after_a_fronted_time_is_the_victim_in_dutch(text: str) -> None:
    """A Dutch sentence that opens with a time puts the auxiliary before the victim ("Vorige week is Letland
    slachtoffer geworden"): the words after the state are the rest of the verb, which still casts it as hit. A state
    is a victim only where such a cue casts it so (`victims.state_victims`)."""
    assert victims(text, "nl") == ["Letland"]


@pytest.mark.parametrize(("text", "language", "states"), [
    ("Die Hacker griffen Ziele in Österreich, Estland und Portugal an.", "de", ["Österreich", "Estland", "Portugal"]),
    ("Les pirates ont visé des cibles en Autriche, en Estonie et au Portugal.", "fr",
     ["Autriche", "Estonie", "Portugal"]),
    ("De hackers vielen doelwitten aan in Oostenrijk, Estland en Portugal.", "nl",
     ["Oostenrijk", "Estland", "Portugal"]),
])
def test_states_listed_with_one_that_was_hit_were_hit_too(text: str, language: str, states: list[str]) -> None:
    """The cue casts the first of the list; commas, conjunctions and the prepositions each country takes ("en
    Estonie et au Portugal") join the others to it (`victims.state_victims`)."""
    assert [c.victim.name for c in state_victims(facts_of(text, language))] == states


def test_the_place_under_a_head_is_the_victim_in_every_language() -> None:
    """ "la ville de Lutrèche" and "the city of Lutrèche" are one victim: its key is the place's name."""
    keys = {v.key for text, language in [
        ("Des pirates informatiques ont paralysé les serveurs de la ville de Lutrèche lundi.", "fr"),
        ("Hackers hit the city of Lutrèche with ransomware on Monday.", "en"),
    ] for frame in extract_frames("doc", text, language, PUBLISHED, RESOURCES) for v in frame.victims}
    assert keys == {"org:lutreche"}


@pytest.mark.parametrize(("sentence", "names"), [
    ("Im Frühjahr haben Cyberkriminelle Daten der Deutschen Bahn gestohlen, wie aus Presseberichten hervorgeht.",
     ["Deutschen Bahn"]),
    ("Die Angreifer verschlüsselten IT-Systeme und Infrastrukturen der Veldmark Werke.", ["Veldmark Werke"]),
    ("Die Angreifer nutzten eine Lücke bei Kaseya, um Daten der Stadtwerke Lutrecht zu stehlen.",
     ["Kaseya", "Stadtwerke Lutrecht"]),
    ("Laut den Verantwortlichen ist die Demokratie selbst das Ziel, sagte Rheinmetall.", ["Rheinmetall"]),
])
def test_german_common_nouns_are_not_names(sentence: str, names: list[str]) -> None:
    assert [chunk.text for chunk in name_chunks(sentence, "de")] == names


@pytest.mark.parametrize(("text", "victim_names"), [
    ("Ein Cyberangriff auf Infrastrukturen und die Stadtwerke Lutrecht legte im Frühjahr die IT-Systeme lahm.",
     ["Stadtwerke Lutrecht"]),
    ("Im Frühjahr wurden Daten gestohlen von Cyberkriminellen, die auch die Stadtwerke Lutrecht angriffen.",
     ["Stadtwerke Lutrecht"]),
    ("Der Angriff auf Daten und Demokratie traf vor allem die Stadtwerke Lutrecht.", ["Stadtwerke Lutrecht"]),
])
def test_a_german_common_noun_is_not_a_victim(text: str, victim_names: list[str]) -> None:
    assert victims(text, "de") == victim_names


@pytest.mark.parametrize(("text", "victim"), [
    ("Hacker haben das Klinikum Neuenrade angegriffen.", "Klinikum Neuenrade"),
    ("Ein Cyberangriff hat die Stadtwerke Norvale lahmgelegt.", "Stadtwerke Norvale"),
    ("Die Hochschule Korvanstedt ist Opfer eines Hackerangriffs geworden.", "Hochschule Korvanstedt"),
])
def test_a_german_institution_keeps_the_name_its_noun_heads(text: str, victim: str) -> None:
    """A small town or a firm the tagger's lexicon does not know, right after the capitalised noun that heads it, is
    the name: the victim is the institution, not its kind ("Klinikum" alone)."""
    assert [v.name for f in frames_of(text, "de") for v in f.victims] == [victim]


def test_the_owner_of_an_attacked_system_is_the_victim_in_german() -> None:
    """ "das Computersystem der Stadt X": the common noun owns the name; the city is the victim."""
    text = "Ein Hackerangriff hat das Computersystem der Stadt Lutrecht am Dienstag lahmgelegt."
    assert victims(text, "de") == ["Stadt Lutrecht"]


@pytest.mark.parametrize(("text", "language", "found"), [
    ("The ransomware attack on Veldmark Bank was discovered by researcher Jan Vermeulen.", "en", ["Veldmark Bank"]),
    ("The attackers targeted the Windows operating system at Veldmark Bank.", "en", []),
    ("Le chercheur Jean Dumont a découvert que la cyberattaque contre la Banque de Lutrèche a touché ses serveurs.",
     "fr", ["Banque de Lutrèche"]),
    # "ont visé" tells an attack where nothing else does (frames._attacks_by_their_targets); the model keeps the
    # product a French noun names before it just above its threshold (0.213 for 0.21), and not the bank that owns it
    pytest.param("Des pirates ont visé le logiciel Lutrex de la Banque de Lutrèche.", "fr", ["Banque de Lutrèche"],
                 marks=pytest.mark.xfail(strict=True, reason="a product after its French noun passes the role model")),
    # a product with known flaws is the machines that were attacked, named in the singular or the plural
    ("Hackers breached the Microsoft Exchange servers of Veldmark Bank last week.", "en", ["Veldmark Bank"]),
    ("Unbekannte Angreifer haben MOVEit Transfer bei der Veldmark Bank angegriffen.", "de", ["Veldmark Bank"]),
])
def test_researchers_and_products_are_not_victims(text: str, language: str, found: list[str]) -> None:
    assert victims(text, language) == found


@pytest.mark.parametrize(("text", "language", "found"), [
    ("Hackers exploited a flaw in a file-transfer tool in May. Among the first victims was Brindle Payroll, a provider "
     "in Kettleby.", "en", ["Brindle Payroll"]),
    ("A wiper disabled thousands of modems in March. Among those affected was Norvale Wind, a turbine maker.", "en",
     ["Norvale Wind"]),
    ("Une campagne d'hameçonnage a visé des entreprises en mars. Parmi les victimes figure la société Korvan Énergie.",
     "fr", ["Korvan Énergie"]),
    ("Una campaña de ransomware golpeó a varias empresas en marzo. Entre las víctimas figura la empresa Korvan "
     "Energía.", "es", ["Korvan Energía"]),
    ("Eine Ransomware-Welle traf im März zahlreiche Firmen. Zu den Opfern gehörte die Korvan Energie AG.", "de",
     ["Korvan Energie AG"]),
    ("Een golf van ransomware-aanvallen trof in maart tal van bedrijven. Onder de slachtoffers waren Korvan Energie "
     "en Brindle Bouw.", "nl", ["Korvan Energie", "Brindle Bouw"]),
])
def test_a_victim_listed_among_the_victims_is_one(text: str, language: str, found: list[str]) -> None:
    """Descriptions of a campaign name who was hit by listing them ("among the victims was X"), with no attack word
    beside the name: the packs' victim cues read that listing in every language."""
    assert victims(text, language) == found


def test_a_name_inside_the_apposition_of_the_victim_only_describes_it() -> None:
    """The cue after an apposition casts the name it describes; a place or institute named inside that description
    says what or where the victim is (`roles._describes_the_other`)."""
    text = ("Il Politecnico Korvan, il noto istituto di ricerca di Norvale, in Veldmark, è stato colpito da un attacco "
            "ransomware.")
    assert victims(text, "it") == ["Politecnico Korvan"]


def test_the_state_hit_is_the_victim_of_the_sectors_it_names() -> None:
    """A campaign on a country told by its sectors ("the parliament, the ministries and the banks") is filed under the
    state the article says was hit; "US defence firms" name their own country, and the state is not added there."""
    text = ("Latvia was hit by a wave of denial-of-service attacks in April. For weeks the websites of the parliament, "
            "the ministries and the banks were flooded with traffic.")
    assert victims(text, "en") == ["Latvia", "parliament", "ministries", "banks"]


def test_an_italian_victim_cue_reads_an_elided_preposition() -> None:
    """ "ai danni dell'Agenzia", "i sistemi dell'Azienda": before a vowel Italian elides the article of "della", and
    the cue must still reach the name, or the province the agency sits in is taken for the victim."""
    text = "Il gruppo ha rivendicato l'attacco ai danni dell'Agenzia Korvan, che ha sede nella provincia di Norvale."
    assert victims(text, "it") == ["Agenzia Korvan"]


@pytest.mark.parametrize(("text", "language", "found"), [
    ("Der bundeseigene Schweizer Rüstungskonzern KRV ist monatelang von Hackern ausspioniert worden.", "de",
     ["KRV"]),
    ("Die staatliche polnische Nachrichtenagentur KRV ist Ziel eines Hackerangriffs geworden.", "de", ["KRV"]),
    ("De Scandinavische luchtvaartmaatschappij NVA is dinsdag getroffen door een cyberaanval.", "nl", ["NVA"]),
    ("The airline NVA was hit by a cyberattack on Tuesday.", "en", ["NVA"]),
    ("La compagnie aérienne NVA a été victime d'une cyberattaque mardi.", "fr", ["NVA"]),
    ("La compagnia aerea NVA è stata colpita da un attacco informatico martedì.", "it", ["NVA"]),
    ("La aerolínea NVA sufrió un ciberataque el martes.", "es", ["NVA"]),
    # a nationality that opens the name is the name's own, and a name in words keeps its describing noun
    ("Die Deutsche Telekom ist am Montag von Hackern angegriffen worden.", "de", ["Deutsche Telekom"]),
    ("The airline Norvair was hit by a cyberattack on Tuesday.", "en", ["airline Norvair"]),
])
def test_a_victim_is_named_without_the_noun_that_describes_it(text: str, language: str, found: list[str]) -> None:
    """An analyst's record and the other reports name the airline "NVA", not "the airline NVA": before an acronym, a
    sector noun or a German describing noun in apposition, with any nationality before it, is left out of the name
    as it is of the key."""
    assert victims(text, language) == found


@pytest.mark.parametrize(("text", "language", "found"), [
    ("Hospitals of the Kettleby Health Board postponed surgery after a ransomware attack on Monday. Health Minister "
     "Jan Vos said the government would not pay a ransom.", "en", ["Kettleby Health Board"]),
    ("Am Montag wurden zahlreiche Server der Kreisverwaltung Norvale durch Schadsoftware verschlüsselt. Landrat Jan "
     "Vos stellte klar, dass der Kreis kein Lösegeld zahlen werde.", "de", ["Kreisverwaltung Norvale"]),
    ("De gemeente Norvale is maandag getroffen door een ransomware-aanval. Burgemeester Jan Vos zei dat de gemeente "
     "geen losgeld betaalt.", "nl", ["gemeente Norvale"]),
])
def test_the_official_who_speaks_for_the_victim_is_not_one(text: str, language: str, found: list[str]) -> None:
    """A minister, mayor or district head named by office speaks for whoever was hit; the article-level models take
    names no cue casts, and must not take them (`frames._without_people`), nor may an attack sentence's subject be
    one (the packs' person nouns)."""
    assert victims(text, language) == found


@pytest.mark.parametrize(("text", "found"), [
    ("Fraudsters are gaining access to Kettleby Mail accounts by stealing passwords with fake login pages.",
     ["Kettleby Mail"]),
    ("Fraudster phishing attacks are stealing the passwords of Kettleby Mail customers.", ["Kettleby Mail customers"]),
])
def test_a_criminal_noun_opening_a_sentence_is_no_victim(text: str, found: list[str]) -> None:
    """Capitalised at the head of a sentence, "Fraudsters" reads like a name, and the subject of an attack is
    usually its victim's: the packs' criminal nouns, like their attacker nouns, name the other side."""
    assert victims(text, "en") == found


@pytest.mark.parametrize(("text", "found"), [
    ("Na de ransomware-aanval op de gemeente Lutrecht zegt de burgemeester tegen persbureau Korvan dat er niet wordt "
     "betaald.", ["gemeente Lutrecht"]),
    ("De politie zegt dat de aanval tegen de gemeente Lutrecht maandag begon.", ["gemeente Lutrecht"]),
])
def test_the_one_a_speaker_tells_is_not_a_victim(text: str, found: list[str]) -> None:
    """Dutch "tegen" is "against" after an attack and "to" after a reporting verb: "zegt ... tegen persbureau Korvan"
    names whom the mayor tells, not a second victim."""
    assert victims(text, "nl") == found


@pytest.mark.parametrize(("text", "language"), [
    ("Foreign Minister Mira Tallis said the Veldmark parliament had been hit by a cyberattack.", "en"),
    ("Le ministre Jean Dumont a confirmé la cyberattaque contre le parlement de Veldmark.", "fr"),
])
def test_a_person_named_with_a_title_who_speaks_is_not_the_victim(text: str, language: str) -> None:
    """The role model reads a title inside the name ("Foreign Minister Mira Tallis": the packs' person nouns), and the
    minister who tells of the attack is not whom it hit."""
    found = victims(text, language)
    assert any("parl" in name for name in found), found
    assert not any("Tallis" in name or "Dumont" in name for name in found), found


@pytest.mark.parametrize(("text", "language", "outlet"), [
    ("Laut der Nachrichtenagentur Korvan Press wurde das Krankenhaus angegriffen.", "de", "Nachrichtenagentur"),
    ("Volgens het persbureau Korvan Press werd het ziekenhuis aangevallen.", "nl", "persbureau"),
])
def test_the_role_model_reads_a_news_outlet_as_one(text: str, language: str, outlet: str) -> None:
    """A news agency is far more often the source of a report than its victim: the role model reads the packs' media
    nouns inside a candidate, and has learnt from the training sets to weigh them against it."""
    from cybertrack.extract.roles import feature_names, features

    facts = facts_of(text, language)
    found = candidates(facts)
    rows = features(facts, found)
    column = feature_names().index("kind:news_outlet")
    read = {c.victim.name: bool(row[column]) for c, row in zip(found, rows, strict=True)}
    assert any(outlet in name and is_outlet for name, is_outlet in read.items()), read
    assert not any(is_outlet for name, is_outlet in read.items() if outlet not in name), read
    weights = json.loads(WEIGHTS.read_text("utf-8"))
    assert dict(zip(weights["features"], weights["weights"], strict=True))["kind:news_outlet"] < 0


def frames_victims(text: str, language: str) -> list[list[str]]:
    return [[v.name for v in frame.victims] for frame in extract_frames("doc", text, language, PUBLISHED, RESOURCES)]


ENUMERATIONS = [
    ("Onder meer Korvan, Brindle, netbeheerder Veldmark en parkbeheerder Lutrecht zijn slachtoffer van de aanval.",
     "nl", 4),
    ("Korvan, Brindle, der Netzbetreiber Veldmark und der Parkbetreiber Lutrecht sind Opfer des Angriffs.", "de", 4),
    ("Korvan, Brindle y la eléctrica Veldmark se vieron afectados por el ciberataque.", "es", 3),
    ("Korvan, Brindle et l'opérateur Veldmark ont été touchés par la cyberattaque.", "fr", 3),
    ("Korvan, Brindle e l'operatore Veldmark sono stati attaccati dagli hacker.", "it", 3),
]


@pytest.mark.parametrize(
    ("text", "language", "victim"),
    [
        ("Un ataque de ransomware paralizó los sistemas del Ayuntamiento de Lutrecht el lunes.", "es",
         "Ayuntamiento de Lutrecht"),
        ("Un attacco ransomware ha bloccato i sistemi del Comune di Lutrecht lunedì.", "it", "Comune di Lutrecht"),
        ("Une attaque par rançongiciel a bloqué les serveurs de la mairie de Lutrecht lundi.", "fr",
         "mairie de Lutrecht"),
        ("Een ransomware-aanval legde maandag de servers van de gemeente Lutrecht plat.", "nl", "gemeente Lutrecht"),
        ("A ransomware attack locked the computers of Kettleby Council on Monday.", "en", "Kettleby Council"),
    ],
)
def test_the_owner_of_the_machines_an_attack_hit_is_cast(text: str, language: str, victim: str) -> None:
    """ "los sistemas del Ayuntamiento", "i sistemi del Comune", "les serveurs de la mairie": the machines' owner is
    cast by the cue rules, with the article the preposition takes in each language."""
    facts = facts_of(text, language)
    found = candidates(facts)
    cast = dict(zip([facts.text[c.start:c.end] for c in found], cast_by_rules(facts, found), strict=True))
    assert cast[victim]


@pytest.mark.parametrize(("text", "language", "items"), ENUMERATIONS)
def test_the_verb_after_an_enumeration_casts_every_item(text: str, language: str, items: int) -> None:
    """ "X, Y, grid operator Z and park operator W are victims of the attack": the rule that casts the item next to
    the verb casts them all, described ("netbeheerder Veldmark") or not, in every person and tense of the verb."""
    facts = facts_of(text, language)
    found = candidates(facts)
    assert len(found) == items
    assert all(cast_by_rules(facts, found))


@pytest.mark.parametrize(("text", "language", "items"), ENUMERATIONS)
def test_the_victims_of_one_enumeration_share_one_frame(text: str, language: str, items: int) -> None:
    """One attack hit them all: the items the role model keeps are co-victims of one frame, not one frame each."""
    [frame_victims] = frames_victims(text, language)
    assert len(frame_victims) >= 2


def test_an_apposition_is_not_an_item_of_an_enumeration() -> None:
    """A comma and describing words with no conjunction to close a list say who the name is ("Jan Peeters, a
    Veldmark MP"), not who else was hit."""
    facts = facts_of("Hackers breached the mailbox of Mira Tallis, spokeswoman Korvan, last week.", "en")
    found = candidates(facts)
    assert len(found) >= 2
    assert enumerations(facts, found) == []


def test_a_list_closed_by_a_conjunction_is_one_enumeration() -> None:
    facts = facts_of("Hackers breached Korvan, grid operator Veldmark and park operator Lutrecht last week.", "en")
    found = candidates(facts)
    [run] = enumerations(facts, found)
    assert [facts.text[c.start:c.end].split()[-1] for c in run] == ["Korvan", "Veldmark", "Lutrecht"]


@pytest.mark.parametrize(("text", "language"), [
    ("The stolen files came from Lutrex Foods with 40,739 records, Norvale Bank with 35,292 and Kettleby Power "
     "with 33,412.", "en"),
    ("The hackers hit Lutrex Foods (which said it had restored its systems), Norvale Bank and Kettleby Power.", "en"),
    ("Betroffen waren Lutrex Foods mit 4.000 Datensätzen, Norvale Bank mit 2.100 und Kettleby Power.", "de"),
    ("Les pirates ont frappé Lutrex Foods avec 4 000 fichiers, Norvale Bank avec 2 100 et Kettleby Power.", "fr"),
    ("The hackers hit Lutrex Foods in Norway, Norvale Bank and Kettleby Power.", "en"),
    ("Les pirates ont frappé Lutrex Foods en Belgique, Norvale Bank et Kettleby Power.", "fr"),
    ("Gli hacker hanno colpito Lutrex Foods in Austria, Norvale Bank e Kettleby Power.", "it"),
])
def test_what_the_text_says_of_one_item_does_not_end_the_enumeration(text: str, language: str) -> None:
    """A count after a preposition ("with 40,739 records"), a parenthesis, or the place of an item ("in Norway")
    says something of it alone; the list goes on past it."""
    facts = facts_of(text, language)
    [run] = enumerations(facts, candidates(facts))
    assert [facts.text[c.start:c.end] for c in run] == ["Lutrex Foods", "Norvale Bank", "Kettleby Power"]


def shipped() -> dict:
    return json.loads(WEIGHTS.read_text("utf-8"))


def test_role_model_was_fitted_on_the_training_sets_it_names() -> None:
    require_shared()
    model = shipped()
    assert_fitted_on_the_training_sets(model)
    assert model["thresholds"] == model["cross_validation"]["thresholds"]
    assert "cross-validated" in model["thresholds_chosen_by"]


def test_training_again_gives_the_shipped_role_model(tmp_path: Path) -> None:
    """Same data, same folds: the same model, so the shipped file is what the script makes from the training sets."""
    require_shared()
    model = shipped()
    options = (("--veto-only",) if model["veto_only"] else ()) + tuple(
        option for group in FEATURE_GROUPS if group not in model["groups"] for option in ("--without", group))
    assert_training_again_gives(model, "train_role_model.py", options, ("cross_validation", "thresholds"),
                                tmp_path / "role_model.json")


def test_a_place_named_two_ways_in_one_article_is_one_victim() -> None:
    """German news writes Lazio both as "Latium" and as "Lazio": the two names of one region in one article are one
    victim and one frame, not two incidents."""
    text = ("Ein Cyberangriff auf die Region Latium hat am Sonntag die Buchung von Impfterminen lahmgelegt. "
            "Die Angreifer haben die Server der Region Lazio mit Ransomware verschlüsselt.")
    frames = frames_of(text, "de")
    assert len(frames) == 1, [[v.name for v in f.victims] for f in frames]


@pytest.mark.parametrize(("text", "language"), [
    ("Hackers encrypted the servers of several hospitals around Kettleby. The same gang also attacked the networks of "
     "two universities, officials said.", "en"),
    ("Des pirates ont chiffré les serveurs de plusieurs hôpitaux de la région. Le même groupe a aussi attaqué les "
     "réseaux de deux universités, selon les autorités.", "fr"),
])
def test_an_article_that_names_no_victim_tells_one_story(text: str, language: str) -> None:
    """Every frame known only by a generic victim ("hospitals", "universities"), none with a name, date or actor of its
    own: the article tells one story, told in the frame it opens with, not one incident per sector noun."""
    assert len(frames_of(text, language)) == 1


@pytest.mark.parametrize(("text", "language", "found"), [
    ("Sono online i dati rubati a Lutrex Market, catena di supermercati con sede nella provincia di Brescia.", "it",
     ["Lutrex Market"]),
    ("Les pirates publient des documents dérobés à la mairie de Lutrecourt, victime d'un rançongiciel.", "fr",
     ["mairie de Lutrecourt"]),
])
def test_data_stolen_from_a_victim_names_it_after_the_participle(text: str, language: str, found: list[str]) -> None:
    """ "i dati rubati a X", "des documents dérobés à X": the participle after the data casts who it was taken from."""
    assert victims(text, language) == found


@pytest.mark.parametrize(("text", "language", "found"), [
    ("Les pirates publient des documents dérobés à la municipalité de Lutrecourt, en Lombardie, victime d'un "
     "rançongiciel.", "fr", ["municipalité de Lutrecourt"]),
    ("Ein Angriff legte die Stadtwerke Lutrecht in Bayern lahm.", "de", ["Stadtwerke Lutrecht"]),
])
def test_a_place_after_the_victim_says_where_it_is(text: str, language: str, found: list[str]) -> None:
    """ "la mairie de Lutrecourt, en Lombardie": the region tied to the victim by a preposition of place is where the
    victim is, not a second victim (`victim_countries.where_others_are`)."""
    assert victims(text, language) == found


@pytest.mark.parametrize(("text", "language", "found"), [
    ("Kettleby Freight said on Tuesday it had been hacked over the weekend.", "en", ["Kettleby Freight"]),
    ("Le ministère veldmarkois de la Défense a confirmé lundi avoir été visé par une cyberattaque.", "fr",
     ["ministère veldmarkois de la Défense"]),
    ("Energía del Lutro, la distribuidora eléctrica que abastece a unos 400.000 usuarios de la provincia de Santa Fe, "
     "confirmó que fue víctima de un ataque informático.", "es", ["Energía del Lutro"]),
    ("La empresa Lutrex confirmó haber sido víctima de un ciberataque el lunes.", "es", ["Lutrex"]),
])
def test_a_name_that_says_it_was_hit_is_the_victim(text: str, language: str, found: list[str]) -> None:
    """ "X said on Tuesday it had been hacked", "X a confirmé lundi avoir été visé": between the name (and its
    apposition, numbers and all) and the cue stand only its own speech verb, a date and function words."""
    assert victims(text, language) == found


@pytest.mark.parametrize(("text", "language", "name"), [
    ("La société Lutrex Énergie a découvert qu'elle avait été piratée.", "fr", "Lutrex Énergie"),
    ("La empresa Lutrex descubrió que había sido atacada por piratas.", "es", "Lutrex"),
    ("Kettleby Freight has discovered that it had been hacked.", "en", "Kettleby Freight"),
])
def test_a_verb_of_discovery_speaks_for_the_name_as_a_speech_verb_does(text: str, language: str, name: str) -> None:
    """ "X a découvert qu'elle avait été piratée": the name reports what it found, its auxiliary and all; the sentence's
    own cue rule casts it (not only the article-level models that take a lone report's only name)."""
    facts = facts_of(text, language)
    found = candidates(facts)
    assert dict(zip([facts.text[c.start:c.end] for c in found], cast_by_rules(facts, found), strict=True))[name]


def test_a_name_that_says_another_was_hit_is_not_the_victim() -> None:
    assert victims("Kettleby Freight said on Tuesday its supplier Brindle had been hit by ransomware.", "en") \
        == ["Brindle"]
    assert "Lutrex Énergie" not in victims("La société Lutrex Énergie a découvert que la banque Norvale était victime "
                                           "d'une cyberattaque.", "fr")


@pytest.mark.parametrize(("text", "language", "found"), [
    ("La banda de ransomware Korvan publicó datos de pacientes y empleados del Hospital San Brindle de Palehook.",
     "es",
     ["Hospital San Brindle de Palehook"]),
    ("Le groupe de rançongiciel Korvan a publié des données de patients et d'employés de l'hôpital de Palehook.",
     "fr",
     ["hôpital de Palehook"]),
])
def test_the_people_of_a_named_victim_are_that_victim(text: str, language: str, found: list[str]) -> None:
    """ "data of patients and employees of the hospital": whose data it was is the hospital, one victim."""
    assert victims(text, language) == found


@pytest.mark.parametrize(("text", "language", "found"), [
    ("Several of the largest Veldmark telecommunications providers, including Lutrex, Brindle Telecom and Norvale "
     "Networks, were breached by hackers linked to the Chinese government, the Kettleby Times reported.", "en",
     ["Lutrex", "Brindle Telecom", "Norvale Networks"]),
    # any list one of whose items is hit: the model reads each name's own neighbourhood, and the cue is the first's
    ("A DDoS attack took down the websites of the city of Kettleby, Palehook airport and the ferry company Brindle.",
     "en", ["city of Kettleby", "Palehook airport", "Brindle"]),
    ("Une attaque DDoS a rendu inaccessibles les sites de la ville de Kettleby, de l'aéroport de Palehook et de la "
     "société Brindle.", "fr", ["ville de Kettleby", "aéroport de Palehook", "Brindle"]),
    ("Eine DDoS-Attacke legte die Webseiten der Stadt Kettleby, des Flughafens Palehook und der Firma Brindle lahm.",
     "de", ["Stadt Kettleby", "Flughafens Palehook", "Firma Brindle"]),
    # the list's preposition said again before each item, with a longer descriptor after it
    ("The attack took down the websites of the town of Kettleby, of Palehook airport and of the regional ferry "
     "operator Brindle.", "en", ["town of Kettleby", "Palehook airport", "Brindle"]),
    ("L'attaque a rendu inaccessibles les sites de la ville de Kettleby, de l'aéroport de Palehook et de la compagnie "
     "de ferries Brindle.", "fr", ["ville de Kettleby", "aéroport de Palehook", "Brindle"]),
    ("Un ataque DDoS tumbó las webs del ayuntamiento de Kettleby, del aeropuerto de Palehook y de la compañía "
     "de transportes Brindle.", "es", ["ayuntamiento de Kettleby", "aeropuerto de Palehook", "Brindle"]),
])
def test_the_named_items_of_a_list_are_hit_together(text: str, language: str, found: list[str]) -> None:
    """ "including A, B and C", "the websites of A, B and C": the list names victims hit together; the model that
    vetoes a name alone does not part one item from the rest (`roles._members_listed`)."""
    assert victims(text, language) == found


@pytest.mark.parametrize(("text", "language", "found"), [
    ("Un attacco DDoS ha reso irraggiungibile per ore il sito di Lutrabus.", "it", ["Lutrabus"]),
    ("Un ataque DDoS dejó sin servicio durante horas las webs de Lutrabús y Korvanshop.", "es",
     ["Lutrabús", "Korvanshop"]),
])
def test_the_owner_of_a_website_taken_down_is_the_victim(text: str, language: str, found: list[str]) -> None:
    """ "il sito di X", "las webs de X": a site an attack takes down is its owner's, in the short and plural forms
    news use as much as "sito web di" and "sitio web de"."""
    assert victims(text, language) == found


@pytest.mark.parametrize(("text", "language", "found"), [
    ("The government blamed Veldmark on Tuesday for the theft of data from Norvatec Aerospace.", "en",
     ["Norvatec Aerospace"]),
    ("El Gobierno atribuyó el martes a Veldmark el robo de información de la empresa aeroespacial Norvatec.", "es",
     ["Norvatec"]),
    ("Il governo ha attribuito martedì a Veldmark il furto di dati di Norvatec Aerospazio.", "it",
     ["Norvatec Aerospazio"]),
])
def test_a_theft_told_by_its_noun_names_whom_it_was_taken_from(text: str, language: str, found: list[str]) -> None:
    """ "the theft of data from X", "el robo de información de X": the noun tells the attack and the name after it
    the victim, as the verb does ("stole data from X")."""
    assert victims(text, language) == found


@pytest.mark.parametrize(("text", "language", "victim"), [
    ("Kettleby Transit has also been hit by the ransomware attack, the operator said.", "en", "Kettleby Transit"),
    ("Norvale Savings Bank was reportedly breached in a ransomware attack last week.", "en", "Norvale Savings Bank"),
    ("Die Stadtwerke Lutrecht wurden offenbar gehackt, teilte die Stadt am Montag mit.", "de", "Stadtwerke Lutrecht"),
    ("Lors de la cyberattaque, la mairie de Lutrecourt a déjà été piratée.", "fr", "mairie de Lutrecourt"),
    ("Nell'attacco informatico il comune di Norvale è stato anche colpito.", "it", "comune di Norvale"),
    ("En el ciberataque, el ayuntamiento de Lutrera fue también atacado.", "es", "ayuntamiento de Lutrera"),
    ("De gemeente Veldmark is ook gehackt, meldt de provincie op maandag.", "nl", "gemeente Veldmark"),
])
def test_an_adverb_inside_the_verb_group_keeps_its_victim_cue(text: str, language: str, victim: str) -> None:
    """ "has also been hit", "wurden offenbar gehackt", "a déjà été piratée": the packs' victim phrases are read
    across the adverbs a verb group takes (each pack's ``inserted_adverbs`` and ``adverb_endings``), and the rule
    of the cue after a name casts it."""
    facts = facts_of(text, language)
    assert len(facts.cues["victim_after"][0].text.split()) >= 3
    found = candidates(facts)
    cast = dict(zip([facts.text[c.start:c.end] for c in found], cast_by_rules(facts, found), strict=True))
    assert cast[victim]
    assert victim in victims(text, language)


def test_a_negation_inside_the_verb_group_is_no_adverb() -> None:
    facts = facts_of("Norvale Savings Bank was not hacked, the bank said.", "en")
    assert not facts.cues["victim_after"]


@pytest.mark.parametrize(("text", "cue"), [
    ("The Kettleby Party has been the victim of a phishing campaign aimed at its staff, its leaders said.",
     "has been the victim of"),
    ("A Norvale hospital and a hotel became targets of a ransomware attack on Monday.", "became targets of"),
    ("Several Veldmark councils have been victims of phishing this spring.", "have been victims of"),
])
def test_a_victim_noun_after_the_name_is_a_victim_cue(text: str, cue: str) -> None:
    """ "has been the victim of", "became targets of": the target and victim nouns after a name, in the tenses
    the pack has for "was the victim of", cast the name before them."""
    facts = facts_of(text, "en")
    assert [m.text for m in facts.cues["victim_after"]] == [cue]
    found = candidates(facts)
    assert found
    assert cast_by_rules(facts, found)[0]


@pytest.mark.parametrize(("text", "language"), [
    ("Les attaques DDoS ont visé la Banque Lirana, l'Autorité portuaire de Castelmare et la commune de Roccaverde.",
     "fr"),
    ("Gli attacchi DDoS hanno colpito la Banca Lirana, l'Autorità portuale di Castelmare e il comune di Roccaverde.",
     "it"),
])
def test_an_item_named_with_its_place_does_not_end_the_enumeration(text: str, language: str) -> None:
    """ "l'Autorité portuaire de Castelmare": a sector noun and the place it is of make one item, and the list goes
    on past it; the first and the last item are co-victims of one frame."""
    facts = facts_of(text, language)
    runs = [[facts.text[c.start:c.end] for c in run] for run in enumerations(facts, candidates(facts))]
    assert len(runs) == 1 and runs[0][0].endswith("Lirana") and runs[0][-1].endswith("Roccaverde")
    [frame_victims] = frames_victims(text, language)
    assert any(name.endswith("Lirana") for name in frame_victims)
    assert any(name.endswith("Roccaverde") for name in frame_victims)


@pytest.mark.parametrize(("text", "language"), [
    ("Der DDoS-Angriff traf die Gemeinde Tössberg und die Kantonalbank Felsach.", "de"),
    ("De DDoS-aanval trof de gemeente Heerbeek en de Kantonnale Bank Felsach.", "nl"),
])
def test_what_the_attack_hit_is_cast(text: str, language: str) -> None:
    """ "Der Angriff traf X und Y", "De aanval trof X en Y": the verb of hitting (the packs' ``target_verbs``) casts its
    objects, every item of the list."""
    [frame_victims] = frames_victims(text, language)
    assert len(frame_victims) == 2


def test_the_victims_a_fronted_participle_lists_are_cast_without_who_reports_them() -> None:
    """ "Betroffen waren unter anderem A, B und C, wie das BACS mitteilte": German puts the participle first and its
    subjects after, every one of them hit; the clause after the list names who reports, no further item."""
    text = ("Mehrere Websites sind am Dienstag durch DDoS-Angriffe lahmgelegt worden. Betroffen waren unter anderem "
            "die Gemeinde Tössberg, die Kantonalbank Felsach und der Regionalflughafen Altwil, wie das Bundesamt für "
            "Cybersicherheit (BACS) mitteilte.")
    assert sorted(name for names in frames_victims(text, "de") for name in names) == [
        "Gemeinde Tössberg", "Kantonalbank Felsach", "Regionalflughafen Altwil"]


@pytest.mark.parametrize(("text", "language", "listed"), [
    ("Ransomware hit a payroll provider in March. Other firms affected by the breach include Norvale Bank, "
     "Kettleby Insurance and Zorivka Freight.", "en", ["Norvale Bank", "Kettleby Insurance", "Zorivka Freight"]),
    ("Ein Ransomware-Angriff legte im März einen Lohnabrechner lahm. Zu den betroffenen Kunden gehören die "
     "Norvale Bank, die Kettleby Versicherung und die Zorivka Spedition.", "de",
     ["Norvale Bank", "Kettleby Versicherung", "Zorivka Spedition"]),
    ("Un rançongiciel a paralysé un prestataire de paie en mars. Plusieurs clients ont été touchés, dont la "
     "Banque Norvale, l'assureur Kettleby et le transporteur Zorivka.", "fr",
     ["Banque Norvale", "assureur Kettleby", "transporteur Zorivka"]),
    ("Un ransomware ha paralizzato a marzo un fornitore di buste paga. Sono stati colpiti diversi clienti, tra cui "
     "la Banca Norvale, l'assicurazione Kettleby e la Zorivka Logistica.", "it",
     ["Banca Norvale", "assicurazione Kettleby", "Zorivka Logistica"]),
    ("Un ransomware paralizó en marzo a un proveedor de nóminas. Varios clientes resultaron afectados, entre ellos "
     "el Banco Norvale, la aseguradora Kettleby y la transportista Zorivka.", "es",
     ["Banco Norvale", "aseguradora Kettleby", "transportista Zorivka"]),
    ("Ransomware legde in maart een salarisverwerker plat. Meerdere klanten zijn getroffen, waaronder de Norvale "
     "Bank, verzekeraar Kettleby en vervoerder Zorivka.", "nl",
     ["Norvale Bank", "verzekeraar Kettleby", "vervoerder Zorivka"]),
])
def test_a_list_of_who_was_hit_names_each_victim(text: str, language: str, listed: list[str]) -> None:
    """ "firms affected by the breach include", "zu den betroffenen Kunden gehören", "touchés, dont", "colpiti, tra
    cui", "afectados, entre ellos", "getroffen, waaronder": the word that opens the list, in the clause of a
    participle saying who was hit, stands before the first victim as "an attack on" does, and the rest of the list
    goes with it."""
    assert set(listed) <= set(victims(text, language))


@pytest.mark.parametrize(("text", "language"), [
    ("A ransomware attack hit Veldmark Bank on Monday. The bank's partners include Norvale Insurance and Kettleby "
     "Freight.", "en"),
    ("Ein Ransomware-Angriff traf am Montag die Veldmark Bank. Zu den Partnern der Bank gehören die Norvale "
     "Versicherung und die Kettleby Spedition.", "de"),
])
def test_a_list_without_a_word_of_being_hit_names_no_victim(text: str, language: str) -> None:
    """The opener alone says nothing of an attack: the bank's partners are not hit."""
    assert victims(text, language) == ["Veldmark Bank"]


@pytest.mark.parametrize(("text", "language"), [
    ("Professor Jan Brindle said the clinic was offline.", "en"),
    ("Professorin Jana Brindle sagte, die Klinik sei offline.", "de"),
    ("Professeur Jan Brindle, de la clinique, a déclaré que celle-ci était hors ligne.", "fr"),
    ("Professore Jan Brindle, della clinica, ha detto che questa era offline.", "it"),
    ("Profesor Jan Brindle, de la clínica, dijo que esta estaba fuera de línea.", "es"),
    ("Hoogleraar Jan Brindle zei dat de kliniek offline was.", "nl"),
])
def test_a_professor_is_a_person(text: str, language: str) -> None:
    """An academic quoted on an attack is named by a title, as an official is: a person, never a victim
    organisation. (Written first, the title is inside the name's chunk in every language.)"""
    facts = facts_of(text, language)
    named = [c for c in candidates(facts) if "Brindle" in facts.text[c.start:c.end]]
    assert named and all(titles_a_person(facts, c) for c in named)


def test_a_list_led_by_a_fused_preposition_names_each_item() -> None:
    """ "i portali dell'aeroporto di X, della società Y e della banca Z": "dell'" is "di" fused with its article, so
    "della" said again opens the next item, as "de la" does in French."""
    text = ("Un attacco DDoS ha messo offline i portali dell'aeroporto di Montevalle, della società di trasporti "
            "Ferlutra e della banca Credinova.")
    assert victims(text, "it") == ["aeroporto di Montevalle", "Ferlutra", "banca Credinova"]


@pytest.mark.parametrize(("text", "language", "victim"), [
    ("La chaîne de pharmacies Farmaveld a notifié à la CNIL une fuite de données touchant 30 000 clients.", "fr",
     "Farmaveld"),
    ("La catena di farmacie Farmaveld ha notificato al Garante una violazione dei dati di 30.000 clienti.", "it",
     "Farmaveld"),
    ("La aseguradora Mirasel ha notificado a la AEPD una brecha de seguridad que afecta a 30.000 clientes.", "es",
     "Mirasel"),
])
def test_who_notifies_the_regulator_of_a_breach_is_its_victim(text: str, language: str, victim: str) -> None:
    """ "a notifié à la CNIL", "ha notificato al Garante", "ha notificado a la AEPD", as "has notified": a cue casts
    the organisation that reports its own breach to the data protection authority, not the authority; the sentence
    names its victim by itself, without the article-level models."""
    cast = cast_by_a_rule(text, language)
    assert any(victim in name for name in cast)
    assert not any(authority in name for name in cast for authority in ("CNIL", "Garante", "AEPD"))


@pytest.mark.parametrize(("text", "language", "victim"), [
    ("La catena di farmacie Farmaveld ha notificato al Garante una violazione che ha esposto i dati di 30.000 "
     "clienti. L'accesso non autorizzato al database del sito di e-commerce è iniziato a fine gennaio.", "it",
     "farmacie Farmaveld"),
    ("La chaîne de pharmacies Farmaveld a notifié à la CNIL une fuite de données touchant 30 000 clients. L'accès "
     "non autorisé à la base de données du site de e-commerce a commencé fin janvier.", "fr", "pharmacies Farmaveld"),
])
def test_a_site_named_by_its_kind_is_nobody_s(text: str, language: str, victim: str) -> None:
    """ "il sito di e-commerce", "le site de e-commerce": a sector noun after a bare "di" or "de" says what kind of
    site it is; the report has one victim, the chain that notified its breach, in one frame."""
    frames = extract_frames("doc", text, language, PUBLISHED, RESOURCES)
    assert [[v.name for v in frame.victims] for frame in frames] == [[victim]]


def test_a_bare_of_names_the_owner_in_english() -> None:
    """English puts the owner after a bare "of" ("a hack of hospital payroll servers")."""
    assert "hospital" in cast_by_a_rule("Hackers are blamed for a hack of hospital payroll servers in Veldmark.",
                                        "en")


@pytest.mark.parametrize(("text", "language", "cast"), [
    ("Korvix has been active since 2021 and has attacked more than 300 organisations.", "en", []),
    ("Korvix is sinds 2021 actief en heeft meer dan 300 organisaties aangevallen.", "nl", []),
    ("Veldmark Bank has been attacked by ransomware twice this year.", "en", ["Veldmark Bank"]),
    ("Het Waterschap Veldmark werd maandag getroffen door een ransomware-aanval.", "nl", ["Waterschap Veldmark"]),
])
def test_the_subject_of_an_active_attack_verb_attacks(text: str, language: str, cast: list[str]) -> None:
    """A sentence's subject is its victim when the attack befalls it; with an active verb of attacking after it
    ("has attacked", "heeft ... aangevallen") it is the attacker, whatever the article says of it elsewhere."""
    assert cast_by_a_rule(text, language) == cast


@pytest.mark.parametrize(("text", "language", "victim"), [
    ("APT28 hacked the mailboxes of the Veldmark ministry on Monday. In 2019 the agency had warned of phishing "
     "against European ministries.", "en", "Veldmark ministry"),
    ("APT28 ha violato lunedì le caselle di posta del ministero di Veldmark. Nel 2019 l'agenzia aveva già segnalato "
     "campagne di phishing contro ministeri europei.", "it", "ministero di Veldmark"),
    ("APT28 hackeó el lunes los buzones del ministerio de Veldmark. En 2019 la agencia ya había alertado de campañas "
     "de phishing contra ministerios europeos.", "es", "ministerio de Veldmark"),
])
def test_whose_mailboxes_were_hit_is_the_victim(text: str, language: str, victim: str) -> None:
    """ "the mailboxes of", "le caselle di posta del", "los buzones del": the victim's mail, as its systems and
    accounts, names it, though the attack verb stands words before."""
    assert victims(text, language) == [victim]



@pytest.mark.parametrize(("text", "language", "victim"), [
    ("Kettleby Dental paid a $40,000 ransom to regain access to its files.", "en", "Kettleby Dental"),
    ("Kettleby Dental agreed to pay the $40,000 ransom in bitcoin.", "en", "Kettleby Dental"),
    ("La clinique Norvale a payé aux pirates une rançon de 40 000 euros.", "fr", "clinique Norvale"),
    ("L'ospedale di Kettleby ha pagato ai criminali un riscatto di 40.000 euro.", "it", "ospedale di Kettleby"),
    ("El hospital Norvale pagó a los piratas un rescate de 40.000 euros.", "es", "hospital Norvale"),
    ("Die Norvale Klinik zahlte den Erpressern ein Lösegeld von 40.000 Euro.", "de", "Norvale Klinik"),
    ("Het ziekenhuis Norvale betaalde de hackers 40.000 euro losgeld.", "nl", "ziekenhuis Norvale"),
])
def test_who_paid_a_ransom_of_some_amount_is_cast(text: str, language: str, victim: str) -> None:
    """ "paid a $40,000 ransom": the amount and whom it was paid to stand between the verb and the ransom, which
    the split cue ("paid … ransom") reads across."""
    assert victim in cast_by_a_rule(text, language)


@pytest.mark.parametrize(("text", "language", "victims"), [
    ("The servers of Norvale Bank were infected with the Korvlock ransomware last week.", "en", ["Norvale Bank"]),
    ("Customers hit by the Norvale Bank breach were told to change their passwords.", "en", ["Norvale Bank"]),
    ("Les serveurs de la banque Norvale ont été infectés par Korvlock la semaine dernière.", "fr", ["banque Norvale"]),
    ("I server della Banca Norvale sono stati infettati da Korvlock la settimana scorsa.", "it", ["Banca Norvale"]),
])
def test_what_infected_the_victim_is_no_victim(text: str, language: str, victims: list[str]) -> None:
    """ "infected with the Korvlock ransomware": the name after a hit participle and its instrument word is the
    malware, unless it owns what follows ("hit by the Norvale Bank breach")."""
    assert [name for frame_victims in frames_victims(text, language) for name in frame_victims] == victims


@pytest.mark.parametrize(("text", "language"), [
    ("Phishing emails sent to Brindle University staff linked to a fake Norvale Bank login page.", "en"),
    ("Brindle University staff were targeted in the Norvale Bank scam, which stole their passwords.", "en"),
])
def test_whom_a_lure_pretends_to_be_is_no_victim(text: str, language: str) -> None:
    """ "a fake Norvale Bank login page", "the Norvale Bank scam": the brand a lure copies is not whom it hits."""
    victims = [name for frame_victims in frames_victims(text, language) for name in frame_victims]
    assert "Norvale Bank" not in victims and victims


@pytest.mark.parametrize(("text", "language", "speaker"), [
    ("Hackers attacked the systems of Kettleby Hospital, and the government declared a state of emergency.", "en",
     "government"),
    ("Des pirates ont attaqué les systèmes de l'hôpital de Kettleby, et le gouvernement a déclaré l'état d'urgence.",
     "fr", "gouvernement"),
    ("Piratas informáticos atacaron los sistemas del Hospital Kettleby, y el gobierno declaró el estado de emergencia.",
     "es", "gobierno"),
])
def test_the_subject_of_a_new_clause_that_speaks_is_no_item_of_the_list(text: str, language: str,
                                                                         speaker: str) -> None:
    """ "..., and the government declared": after a comma and a conjunction, a name right before a verb of speech
    opens a new clause; it is not hit with the hospital."""
    facts = facts_of(text, language)
    assert enumerations(facts, candidates(facts)) == []
    assert all(speaker not in victims for victims in frames_victims(text, language))


@pytest.mark.parametrize(("text", "language", "victims"), [
    ("Hackers breached Kettleby Bank and Fortune 500 firms in March.", "en", ["Kettleby Bank"]),
    ("The breach hit Norvale Bank, Brindle Mutual and Fortune 500 members.", "en", ["Norvale Bank", "Brindle Mutual"]),
    ("Hackers targeted Kettleby Hospital and W-2 records of its staff.", "en", ["Kettleby Hospital"]),
    ("The Equifax 2017 breach exposed the data of millions.", "en", ["Equifax"]),
    ("Hackers breached Kettleby Council 10 days ago.", "en", ["Kettleby Council"]),
])
def test_a_ranking_a_currency_or_a_form_code_is_no_victim(text: str, language: str, victims: list[str]) -> None:
    """ "Fortune 500", "USD 35.71", "W-2": a name a number follows, or a letter joined to digits, is a ranking, a
    currency or a form's code; a year after a name still dates its own breach, and a small count is the sentence's.
    """
    assert [name for frame_victims in frames_victims(text, language) for name in frame_victims] == victims


@pytest.mark.parametrize(("text", "language", "victim"), [
    ("Le groupe Korvan a compromis le réseau de la mairie de Kettleby en mars.", "fr", "mairie de Kettleby"),
    ("Il gruppo Korvan ha compromesso la rete del comune di Kettleby a marzo.", "it", "comune di Kettleby"),
    ("El grupo Korvan comprometió la red del ayuntamiento de Kettleby en marzo.", "es", "ayuntamiento de Kettleby"),
    ("Die Gruppe Korvan kompromittierte im März das Netzwerk der Stadtverwaltung Kettleby.", "de",
     "Stadtverwaltung Kettleby"),
    ("De groep Korvan compromitteerde in maart het netwerk van de gemeente Kettleby.", "nl", "gemeente Kettleby"),
])
def test_an_active_verb_of_compromise_tells_the_attack_and_its_victim(text: str, language: str, victim: str) -> None:
    """ "a compromis le réseau de la mairie": every pack reads the active verb of a compromise as English reads
    "compromised", an attack whose object names the victim."""
    assert frames_victims(text, language) == [[victim]]


@pytest.mark.parametrize(("text", "language", "victim"), [
    ("Hackers stole $12 million in bitcoin from Halvorn Exchange last spring.", "en", "Halvorn Exchange"),
    ("Des pirates ont dérobé 8 millions d'euros en cryptomonnaies à Norvale Finance.", "fr", "Norvale Finance"),
    ("Los piratas robaron 8 millones de euros en criptomonedas a Norvale Finanzas.", "es", "Norvale Finanzas"),
    ("Gli hacker hanno rubato 8 milioni di euro in criptovalute alla Norvale Finanza.", "it", "Norvale Finanza"),
    ("Die Angreifer stahlen Kryptowährung im Wert von 8 Millionen Euro von der Norvale AG.", "de", "Norvale AG"),
    ("De aanvallers stalen volgens de politie 8 miljoen euro aan cryptovaluta van Norvale Financiën.", "nl",
     "Norvale Financiën"),
])
def test_whom_a_theft_took_from_is_its_victim_whatever_the_loot(text: str, language: str, victim: str) -> None:
    """ "stole $12 million in bitcoin from X": the loot between the verb of theft and its preposition is no gap
    between a cue and its victim; the span from the verb to the preposition is the cue, the farthest preposition
    within reach (the loot may hold one: "im Wert von"; so may a source: "volgens ... van"). The rule casts it: a
    one-sentence text's only name is its victim whatever the rules say, so the frames alone would not tell."""
    assert victim in cast_by_a_rule(text, language)
    assert [victim] in frames_victims(text, language)


@pytest.mark.parametrize(("text", "language", "victim"), [
    ("The hackers breached the Danish offshore wind farm operator Veldmark Vind last week.", "en", "Veldmark Vind"),
    ("Los atacantes cifraron los servidores de la empresa noruega de transporte marítimo Veldmark.", "es", "Veldmark"),
    ("The hackers breached a Danish wind farm operator, Veldmark Vind, last week.", "en", "Veldmark Vind"),
    ("Gli hacker hanno colpito un'azienda energetica norvegese, la Veldmark Energia.", "it", "Veldmark Energia"),
    ("Les pirates ont visé une entreprise de transport norvégienne, Veldmark Shipping, en mai.", "fr",
     "Veldmark Shipping"),
])
def test_a_victim_described_by_its_trade_is_named_after_the_description(text: str, language: str,
                                                                       victim: str) -> None:
    """ "the Danish offshore wind farm operator Veldmark Vind", "un'azienda di trasporti norvegese, la Veldmark
    Shipping": words that describe the victim by its trade may run longer than a cue's usual gap, and may end in an
    apposition that gives its name; the description is then no victim of its own."""
    assert victim in cast_by_a_rule(text, language)
    assert frames_victims(text, language) == [[victim]]


@pytest.mark.parametrize(("text", "language", "not_a_victim"), [
    ("The hackers attacked the company, Kettleby said on Monday.", "en", "Kettleby"),
    ("Lutrex has been tied to attacks on firms such as Halvorn, Brindle and Norvale this year.", "en", None),
])
def test_a_comma_after_a_trade_opens_no_apposition_for_a_speaker_or_a_list(text: str, language: str,
                                                                          not_a_victim: str | None) -> None:
    """The name after a description and a comma is its apposition only where it closes there and no name stands
    before the comma: "the company, Kettleby said" names a speaker; a list is read as a list."""
    victims = [name for frame_victims in frames_victims(text, language) for name in frame_victims]
    assert not_a_victim not in victims


@pytest.mark.parametrize(("text", "language", "victim"), [
    ("Volgens de politie waren twee verdachten actief toen zij de systemen van een Belgisch havenbedrijf, Halvorn "
     "Logistiek, hackten.", "nl", "Halvorn Logistiek"),
    ("The police said two suspects, who hacked the servers of a Belgian port operator, Halvorn Logistics, were "
     "arrested.", "en", "Halvorn Logistics"),
])
def test_a_victim_named_in_apposition_before_a_clause_final_verb_is_no_attacker(text: str, language: str,
                                                                              victim: str) -> None:
    """ "de systemen van een Belgisch havenbedrijf, Halvorn Logistiek, hackten": Dutch puts the verb at the end of
    the clause, after its object; the name in apposition to the victim the cue describes is whom it hit, not a crew
    the verb follows."""
    frames = frames_of(text, language)
    assert all(victim not in frame.actors for frame in frames)
    assert any(victim in [v.name for v in frame.victims] for frame in frames)


@pytest.mark.parametrize(("text", "language", "not_a_victim"), [
    ("Hackers attacked the systems of the firm that serves Kettleby Clinic.", "en", "Kettleby Clinic"),
    ("Des pirates ont attaqué les systèmes de la société qui dessert Kettleby.", "fr", "Kettleby"),
    ("Gli hacker hanno attaccato i sistemi della società che serve Kettleby.", "it", "Kettleby"),
    ("Los piratas atacaron los sistemas de la empresa que sirve Kettleby.", "es", "Kettleby"),
    ("Hackers hebben de systemen van het bedrijf dat Kettleby bedient aangevallen.", "nl", "Kettleby"),
])
def test_a_name_in_a_relative_clause_after_a_cue_is_not_whom_the_cue_speaks_of(text: str, language: str,
                                                                             not_a_victim: str) -> None:
    """ "the systems of the firm that serves Kettleby Clinic": the name stands in a clause about what the firm does
    (each pack's ``relative_pronouns``), so the cue "systems of" does not cast it; the firm was hit, not its
    client."""
    assert not_a_victim not in cast_by_a_rule(text, language)


@pytest.mark.parametrize(("text", "language", "victim"), [
    ("Hackers stole customer data from the Chilean shipping firm Andelvar, according to ESET.", "en", "Andelvar"),
    ("Secondo gli esperti di ESET, gli hacker hanno preso di mira un'azienda della difesa polacca, la Korvan Systems.",
     "it", "Korvan Systems"),
    ("Des pirates ont dérobé des données à l'armateur chilien Andelvar, selon ESET.", "fr", "Andelvar"),
    ("Los piratas robaron datos a la naviera chilena Andelvar, según ESET.", "es", "Andelvar"),
])
def test_a_security_firm_cited_as_the_source_leaves_the_victim_a_victim(text: str, language: str,
                                                                        victim: str) -> None:
    """ "according to ESET", "secondo gli esperti di ESET": a security firm the sentence cites as its source is no
    sign that the sentence tells of the firm's research, as one that found or analysed something is; the role model
    reads only the latter (``sentence:producer``)."""
    assert frames_victims(text, language) == [[victim]]
