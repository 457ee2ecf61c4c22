"""Unit tests of the extractors: institutions, name chunks, victims, claims and frames, in en fr nl de it es.

Every sentence here is invented (the Veldmark Water Authority, the Lutrecht city council, ...); none comes
from the evaluation corpus.
"""

from __future__ import annotations

import re

import pytest

from cybertrack.annotate.sentences import after_dateline, sentence_spans
from cybertrack.extract.claims import ARTICLE_CLAIMANT, sentence_claims
from cybertrack.extract.cues import cues
from cybertrack.extract.facts import SentenceFacts, sentence_facts
from cybertrack.extract.frames import document_facts, extract_frames
from cybertrack.extract.institutions import find_institutions, portfolio_of, state_body
from cybertrack.extract.names import lower_case_name_end, name_chunks
from cybertrack.extract.roles import cast_by_rules, victims_in
from cybertrack.extract.victims import candidates, name_key
from cybertrack.knowledge.base import knowledge_base
from cybertrack.model import Claim, Frame, Stance
from tests.conftest import RESOURCES, SEEDS, require_shared

PUBLISHED = "2022-07-19"


@pytest.fixture(scope="module", autouse=True)
def _warm_knowledge_base() -> None:
    """Build the knowledge base once for the module (it is cached after that)."""
    knowledge_base()


def facts_of(text: str, language: str = "en") -> SentenceFacts:
    return sentence_facts(0, text, 0, language, None, knowledge_base(), cues())


def victim_names(text: str, language: str = "en") -> list[str]:
    return [c.victim.name for c in victims_in(facts_of(text, language))]


def claims_of(text: str, language: str = "en", next_sentence: str | None = None,
              context_states: list[str] | None = None) -> list[Claim]:
    next_facts = facts_of(next_sentence, language) if next_sentence else None
    return sentence_claims(facts_of(text, language), "doc", PUBLISHED, next_facts, context_states or [])


def only_claim(text: str, language: str = "en", **kwargs) -> Claim:
    found = claims_of(text, language, **kwargs)
    assert len(found) == 1, found
    return found[0]


def frames_of(text: str, language: str) -> list[Frame]:
    return extract_frames("doc", text, language, PUBLISHED, RESOURCES)


# --------------------------------------------------------------------------------------------- institutions


@pytest.mark.parametrize(("text", "span", "portfolio"), [
    ("Hackers entered the Ministry of the Interior on Monday.", "Ministry of the Interior", "interior"),
    ("The Interior Ministry confirmed the outage.", "Interior Ministry", "interior"),
    ("The Department of Justice opened an inquiry.", "Department of Justice", "justice"),
    ("The Treasury Department issued a statement.", "Treasury Department", "finance"),
    ("Le ministère de l'Intérieur a confirmé la panne.", "ministère de l'Intérieur", "interior"),
    ("Le ministère de l’Intérieur a confirmé la panne.", "ministère de l’Intérieur", "interior"),
    ("Le ministère des Armées a confirmé la panne.", "ministère des Armées", "defence"),
    ("Le ministère des Affaires étrangères a réagi.", "ministère des Affaires étrangères", "foreign affairs"),
    ("Het ministerie van Defensie bevestigde de storing.", "ministerie van Defensie", "defence"),
    ("De FOD Binnenlandse Zaken bevestigde de storing.", "FOD Binnenlandse Zaken", "interior"),
    ("Het ministerie van Buitenlandse Zaken reageerde.", "ministerie van Buitenlandse Zaken", "foreign affairs"),
    ("Das Bundesministerium des Innern bestätigte die Störung.", "Bundesministerium des Innern", "interior"),
    ("Das Verteidigungsministerium bestätigte die Störung.", "Verteidigungsministerium", "defence"),
    ("Das Außenministerium äußerte sich nicht.", "Außenministerium", "foreign affairs"),
    ("Il ministero della difesa ha confermato il guasto.", "ministero della difesa", "defence"),
    ("Il ministero degli Interni ha confermato il guasto.", "ministero degli Interni", "interior"),
    ("Il ministero degli Esteri ha convocato l'ambasciatore.", "ministero degli Esteri", "foreign affairs"),
    ("El ministerio de Defensa confirmó la avería.", "ministerio de Defensa", "defence"),
    ("El Ministerio del Interior confirmó la avería.", "Ministerio del Interior", "interior"),
    ("El Ministerio de Asuntos Exteriores convocó al embajador.", "Ministerio de Asuntos Exteriores",
     "foreign affairs"),
])
def test_institution_portfolio(text: str, span: str, portfolio: str) -> None:
    found = find_institutions(text)
    assert [(i.text, i.portfolios) for i in found] == [(span, (portfolio,))]
    assert text[found[0].start:found[0].end] == span


@pytest.mark.parametrize(("text", "span"), [
    ("Hackers targeted the ministries of defence and the interior last year.",
     "ministries of defence and the interior"),
    ("Les ministères de la Défense et de l'Intérieur ont été visés.", "ministères de la Défense et de l'Intérieur"),
    ("De ministeries van Defensie en Binnenlandse Zaken werden getroffen.",
     "ministeries van Defensie en Binnenlandse Zaken"),
    ("Die Ministerien für Verteidigung und Inneres wurden angegriffen.", "Ministerien für Verteidigung und Inneres"),
    ("I ministeri della Difesa e dell'Interno sono stati colpiti.", "ministeri della Difesa e dell'Interno"),
    ("Los ministerios de Defensa y del Interior fueron atacados.", "ministerios de Defensa y del Interior"),
])
def test_institution_coordination_names_both_portfolios(text: str, span: str) -> None:
    found = find_institutions(text)
    assert [(i.text, i.portfolios) for i in found] == [(span, ("defence", "interior"))]


def test_two_institutions_in_a_row_are_two() -> None:
    found = find_institutions("Both the Ministry of Health and the Ministry of Education reported outages.")
    assert [(i.text, i.portfolios) for i in found] == [
        ("Ministry of Health", ("health",)), ("Ministry of Education", ("education",))]


@pytest.mark.parametrize("text", [
    "She bought a coat at the department store.",
    "The Ministry of Silly Walks was a sketch.",
    "The ministry said nothing more.",
])
def test_no_institution_without_a_portfolio(text: str) -> None:
    assert find_institutions(text) == []


@pytest.mark.parametrize(("word", "portfolio"), [
    ("Defence", "defence"), ("difesa", "defence"), ("Verteidigungsministerium", "defence"), ("Pentagon", "defence"),
    ("Innenministerium", "interior"), ("Binnenlandse  Zaken", "interior"), ("interni", "interior"),
    ("exteriores", "foreign affairs"), ("Affaires étrangères", "foreign affairs"), ("banana", None),
])
def test_portfolio_of_a_single_word(word: str, portfolio: str | None) -> None:
    assert portfolio_of(word) == portfolio


@pytest.mark.parametrize(("sentence", "language"), [
    ("Hackers attacked the Norwegian parliament last week.", "en"),
    ("Hackers broke into the parliament of Norway last week.", "en"),
    ("Hacker haben das Parlament von Norwegen letzte Woche angegriffen.", "de"),
    ("Hacker haben das norwegische Parlament letzte Woche angegriffen.", "de"),
    ("Des pirates ont attaqué le parlement de la Norvège la semaine dernière.", "fr"),
    ("Gli hacker hanno attaccato il parlamento norvegese la settimana scorsa.", "it"),
    ("Los piratas atacaron el parlamento noruego la semana pasada.", "es"),
    ("Hackers vielen vorige week het Noorse parlement aan.", "nl"),
])
def test_a_state_s_one_parliament_has_one_key_in_every_language(sentence: str, language: str) -> None:
    """A state has one parliament: named by the common noun of any language, with its country before or after it,
    it is one victim, keyed alike (the key resolution joins reports on)."""
    [victim] = [c.victim for f in document_facts(sentence, language, "2023-06-01", RESOURCES) for c in candidates(f)]
    assert (victim.key, victim.country, victim.generic) == ("NO/government:parliament", "NO", False)


@pytest.mark.parametrize(("sentence", "language"), [
    ("Hackers attacked the Norwegian health service last week.", "en"),
    ("Hacker haben den norwegischen Gesundheitsdienst letzte Woche angegriffen.", "de"),
    ("Der norwegische Gesundheitsdienst wurde letzte Woche angegriffen.", "de"),
    ("Des pirates ont attaqué le service de santé norvégien la semaine dernière.", "fr"),
    ("Gli hacker hanno attaccato il servizio sanitario norvegese la settimana scorsa.", "it"),
    ("Los piratas atacaron el servicio de salud noruego la semana pasada.", "es"),
    ("Hackers vielen vorige week de Noorse gezondheidsdienst aan.", "nl"),
])
def test_a_state_s_one_health_service_is_one_victim_in_every_language(sentence: str, language: str) -> None:
    """A state runs one health service for all: named by the common noun of any language with its country, it is one
    organisation, keyed alike, as a parliament is; "health services" in a country are many."""
    [victim] = [c.victim for f in document_facts(sentence, language, "2023-06-01", RESOURCES) for c in candidates(f)]
    assert (victim.key, victim.country, victim.generic) == ("NO/healthcare:health service", "NO", False)
    [many] = [c.victim for f in document_facts("Hackers attacked health services in Norway.", "en", "2023-06-01",
                                               RESOURCES) for c in candidates(f)]
    assert many.generic


@pytest.mark.parametrize(("text", "language"), [
    ("Des pirates ont mené une attaque contre le Parlement le mois dernier, selon les autorités du Danemark. Le "
     "Danemark a convoqué mardi un diplomate de Korvan après l'intrusion. Le ministre danois des Affaires étrangères "
     "a jugé l'attaque inacceptable.", "fr"),
    ("Hackers carried out an attack on the parliament last month, officials in Denmark said. Denmark summoned a "
     "Korvan diplomat on Tuesday over the intrusion. The Danish foreign minister called the attack unacceptable.",
     "en"),
])
def test_a_state_body_in_an_article_about_one_country_is_that_country_s(text: str, language: str) -> None:
    """ "le Parlement", in an article about Denmark, is Denmark's parliament: one organisation, so the article-level
    model is not asked for a victim (it took the summoned diplomat), and keyed by the article's country rather than
    by the country named last."""
    assert [[v.key for v in frame.victims] for frame in frames_of(text, language)] == [["DK/government:parliament"]]


@pytest.mark.parametrize(("sentence", "language"), [
    ("Hackers attacked the Dutch police last week.", "en"),
    ("Hacker haben die niederländische Polizei letzte Woche angegriffen.", "de"),
    ("Des pirates ont attaqué la police néerlandaise la semaine dernière.", "fr"),
    ("Gli hacker hanno attaccato la polizia olandese la settimana scorsa.", "it"),
    ("Los piratas atacaron la policía neerlandesa la semana pasada.", "es"),
    ("Hackers vielen vorige week de Nederlandse politie aan.", "nl"),
])
def test_a_state_s_police_has_one_key_in_every_language(sentence: str, language: str) -> None:
    """A state's police, named with its country, is one victim keyed alike in every language, as its parliament is:
    the reports of one attack on it join across languages."""
    [victim] = [c.victim for f in document_facts(sentence, language, "2023-06-01", RESOURCES) for c in candidates(f)]
    assert (victim.key, victim.country, victim.generic) == ("NL/government:police", "NL", False)


@pytest.mark.parametrize(("sentence", "language", "expected"), [
    ("In Britain several hospitals were hit by ransomware.", "en", ("hospitals", None)),
    ("In Frankrijk werden ziekenhuizen door ransomware getroffen.", "nl", ("ziekenhuizen", None)),
    ("Hackers hit the Belgian federal police last week.", "en", ("Belgian federal police", "BE")),
])
def test_a_country_before_a_sector_noun_is_its_own_only_across_modifiers(sentence: str, language: str,
                                                                        expected: tuple[str, str | None]) -> None:
    """A verb or a function word between a country and a sector noun ends the phrase: the country is where the
    sentence's scene is set, not a part of the victim's name."""
    [candidate] = candidates(facts_of(sentence, language))
    assert (candidate.victim.name, candidate.victim.country) == expected


@pytest.mark.parametrize(("sentence", "language"), [
    ("Des pirates ont visé le parlement depuis la Chine la semaine dernière.", "fr"),
    ("Un'intrusione è stata condotta contro il suo parlamento dalla Cina la settimana scorsa.", "it"),
    ("Una intrusión fue dirigida contra su parlamento desde China la semana pasada.", "es"),
])
def test_a_country_after_a_state_body_through_a_word_of_origin_is_not_its_country(sentence: str,
                                                                                   language: str) -> None:
    """Only the words that tie a place to what it holds ("le parlement de la Norvège") give a state body its country:
    an intrusion into a parliament "from China" says where the intruders were, not whose parliament it was."""
    [victim] = [c.victim for f in document_facts(sentence, language, "2023-06-01", RESOURCES) for c in candidates(f)]
    assert victim.country is None


@pytest.mark.parametrize(("word", "body"), [
    ("Parlament", "parliament"), ("parlement", "parliament"), ("Regierung", "government"), ("governo", "government"),
    ("parliaments", None), ("ministry", None),
])
def test_state_body_of_a_common_noun(word: str, body: str | None) -> None:
    assert state_body(word) == body


# --------------------------------------------------------------------------------------------- name chunks


def chunk_texts(text: str, language: str) -> list[str]:
    return [c.text for c in name_chunks(text, language)]


@pytest.mark.parametrize(("text", "language", "name"), [
    ("The Centre for Cyber Security of Veldmark (CCV) issued a warning.", "en",
     "Centre for Cyber Security of Veldmark (CCV)"),
    ("La Banque de Lutrecht a confirmé l'incident.", "fr", "Banque de Lutrecht"),
    ("Het Centrum voor Cybersecurity van Veldmark (CCV) bevestigde het incident.", "nl",
     "Centrum voor Cybersecurity van Veldmark (CCV)"),
    ("Das Landesamt für Wasserwirtschaft Veldmark bestätigte das.", "de", "Landesamt für Wasserwirtschaft Veldmark"),
    ("Il Comune di Lutrecht ha confermato l'incidente.", "it", "Comune di Lutrecht"),
    ("La Universidad de Lutrecht confirmó el incidente.", "es", "Universidad de Lutrecht"),
    # a connector and an article before the next capitalised word
    ("The Organisation for the Protection of Veldmark Waters confirmed it.", "en",
     "Organisation for the Protection of Veldmark Waters"),
    ("La Banque de la Lutrecht a confirmé l'incident.", "fr", "Banque de la Lutrecht"),
    # "on" after a body named for what it deals with
    ("The Veldmark Commission on Elections confirmed it.", "en", "Veldmark Commission on Elections"),
    # an acronym of capitals with small letters between them, in parentheses after the name
    ("Het Havenbedrijf Oostmere (HbO) werd getroffen door een cyberaanval.", "nl", "Havenbedrijf Oostmere (HbO)"),
    # an ampersand between capitalised words is the firm's own
    ("Brindle & Halvorn confirmed the breach.", "en", "Brindle & Halvorn"),
    ("Le distributeur Brindle & Halvorn a confirmé l'incident.", "fr", "Brindle & Halvorn"),
])
def test_multiword_name_with_connectors(text: str, language: str, name: str) -> None:
    assert chunk_texts(text, language)[0] == name


@pytest.mark.parametrize(("text", "language", "name"), [
    ("The Veldmark Water Authority said its billing system was offline.", "en", "Veldmark Water Authority"),
    ("Meanwhile, Lutrecht Hospital restored its systems.", "en", "Lutrecht Hospital"),
    ("Le Conseil de Lutrecht a confirmé l'incident.", "fr", "Conseil de Lutrecht"),
    ("Het Waterschap Veldmark werd gehackt.", "nl", "Waterschap Veldmark"),
    ("Die Stadtwerke Lutrecht wurden angegriffen.", "de", "Stadtwerke Lutrecht"),
    ("Il Comune di Lutrecht è stato colpito.", "it", "Comune di Lutrecht"),
    ("El Ayuntamiento de Lutrecht sufrió un ataque.", "es", "Ayuntamiento de Lutrecht"),
])
def test_leading_sentence_stopword_is_dropped(text: str, language: str, name: str) -> None:
    chunks = name_chunks(text, language)
    assert chunks[0].text == name
    assert text[chunks[0].start:chunks[0].end] == name
    assert not chunks[0].sentence_start  # the capital after "The" is evidence of a name


@pytest.mark.parametrize(("text", "names"), [
    ("Die Behörde macht die Gruppe Korvan für den Angriff auf die Stadtwerke Lutrecht verantwortlich.",
     ["Gruppe Korvan", "Stadtwerke Lutrecht"]),
    ("Die Regierung macht Veldmark für den Vorfall verantwortlich.", ["Veldmark"]),
    # only common nouns before the little word: the body's name is all of it
    ("Das Landesamt für Wasserwirtschaft Veldmark bestätigte das.", ["Landesamt für Wasserwirtschaft Veldmark"]),
])
def test_a_german_name_ends_before_a_little_word_only_common_nouns_follow(text: str, names: list[str]) -> None:
    """German capitalises "Angriff" and "Vorfall" as it does names, and "für den" may sit inside a name: after a
    name, a "für" that only common nouns follow ends it."""
    assert chunk_texts(text, "de") == names


@pytest.mark.parametrize(("text", "language", "names"), [
    ("Die Gruppe behauptet, 300 GB Daten der Stadtwerke Lutrecht erbeutet zu haben.", "de", ["Stadtwerke Lutrecht"]),
    ("Le groupe a publié 2 To de données de la Banque de Lutrecht.", "fr", ["Banque de Lutrecht"]),
    ("The group posted 40 GB Lutrex Foods files.", "en", ["Lutrex Foods"]),
])
def test_a_unit_after_a_number_opens_no_name(text: str, language: str, names: list[str]) -> None:
    """ "300 GB Daten der Stadtwerke": the unit measures what follows, it names nothing."""
    assert chunk_texts(text, language) == names


@pytest.mark.parametrize(("text", "name"), [
    ("Die Ransomware-Gruppe Brindle behauptet, Daten erbeutet zu haben.", "Ransomware-Gruppe Brindle"),
    ("Die Hackergruppe Brindle behauptet, Daten erbeutet zu haben.", "Hackergruppe Brindle"),
])
def test_an_unknown_word_after_a_compound_noun_is_the_name_it_heads(text: str, name: str) -> None:
    """HanTa, guessing in context, may read the compound before an unknown word as an adjective; the compound read
    alone is a noun, and the unknown word after it the name that noun heads."""
    assert chunk_texts(text, "de") == [name]


@pytest.mark.parametrize(("text", "names"), [
    ("A wiper crippled A.P. Kettleby-Maersk in June.", ["A.P. Kettleby-Maersk", "June"]),
    ("Hackers breached the network of J.P. Lutrex last week.", ["Hackers", "J.P. Lutrex"]),
    ("The U.S. Army said the Norvale base was not hit.", ["U.S", "Army", "Norvale"]),
])
def test_a_firm_s_initials_stay_in_its_name_and_a_country_s_do_not(text: str, names: list[str]) -> None:
    """The tokens leave the last period of initials out, and a period ended the name there ("A.P"); a country
    written in initials is still read apart, as the country."""
    assert [c.text for c in name_chunks(text, "en")] == names


@pytest.mark.parametrize(("text", "language", "name"), [
    ("Hinter dem Angriff auf die Westmark IT steckt eine Hackergruppe.", "de", "Westmark IT"),
    ("Der Angriff auf die Kettleby IT legte 70 Kommunen lahm.", "de", "Kettleby IT"),
    ("The attack on Kettleby IT, a provider of the towns, took them offline.", "en", "Kettleby IT"),
])
def test_a_name_ending_in_a_short_acronym_keeps_it(text: str, language: str, name: str) -> None:
    """ "IT" in capitals is an acronym, not the English stop word "it"; and a two-letter acronym names nobody alone,
    so the German word before it is no common noun describing it but the first part of the name."""
    assert name in victim_names(text, language)


@pytest.mark.parametrize(("text", "language", "names"), [
    ("Lutrex Inc., the maker of a poll app, has suffered a data breach.", "en", ["Lutrex Inc."]),
    ("The casino operator Korvan Group warned its guests.", "en", ["Korvan Group"]),
    ("The flaw was found by Veldmark Research last month.", "en", ["Veldmark Research"]),
    ("Data of the Norvale Consulate General was sold on a forum.", "en", ["Data", "Norvale Consulate General"]),
    ("The phishing page mimicked Brindle This scam is old.", "en", ["Brindle"]),
])
def test_a_stop_word_ending_a_name_stays_when_it_is_a_noun(text: str, language: str, names: list[str]) -> None:
    """stopwords-iso's English list holds nouns and adjectives ("group", "research", "inc", "general"); ending a
    name, they are part of it. A function word ("This") that a missing full stop ran into the name is not."""
    assert chunk_texts(text, language) == names


@pytest.mark.parametrize(("text", "language", "names"), [
    ("Suspected Chinese hackers breached the Kettleby Water Board.", "en", ["Chinese", "Kettleby Water Board"]),
    ("Allegedly Russian hackers hit Lutrex Bank.", "en", ["Russian", "Lutrex Bank"]),
    ("Vermoedelijk Russische hackers vielen Lutrex Bank aan.", "nl", ["Russische", "Lutrex Bank"]),
    ("British Airways was hit by a breach.", "en", ["British Airways"]),
])
def test_a_common_word_opening_the_sentence_before_a_nationality_is_no_part_of_a_name(
        text: str, language: str, names: list[str]) -> None:
    """Capitalised only because it opens the sentence, a hedge before a nationality would hide the nationality in a
    name ("Suspected Chinese"), and with it whose hackers they are. A nationality opening a name keeps it."""
    assert chunk_texts(text, language) == names


def test_an_abbreviated_legal_form_keeps_its_period_so_an_apposition_after_it_is_read() -> None:
    """ "Lutrex Inc., the maker of ..., has suffered": the period is the name's, and the apposition leads to the cue."""
    assert victim_names("Lutrex Inc., the maker of a poll app, has suffered a data breach.") == ["Lutrex Inc."]


def test_an_acronym_before_a_lower_case_noun_describes_it() -> None:
    """ "the Korvan-hosted IT systems": where nouns are written in lower case, "IT" before one is a word about it."""
    assert "IT" not in " ".join(chunk_texts("Staff lost access to the Korvan-hosted IT systems for a week.", "en"))


def test_chunk_opening_the_sentence_is_marked() -> None:
    chunks = name_chunks("Veldmark Bank restored its systems.", "en")
    assert [(c.text, c.sentence_start) for c in chunks] == [("Veldmark Bank", True)]


@pytest.mark.parametrize(("text", "language"), [
    ("„Gebaseerd op wat we weten, is Korvan verantwoordelijk.”", "nl"),
    ("‚Gebaseerd op wat we weten, is Korvan verantwoordelijk.’", "nl"),
    ("‹ Basé sur nos informations, Korvan est responsable. ›", "fr"),
])
def test_a_word_after_an_opening_quote_of_any_language_opens_the_sentence(text: str, language: str) -> None:
    """German and Dutch open a quote with a low mark: the capital of the word after it proves nothing either."""
    assert name_chunks(text, language)[0].sentence_start


@pytest.mark.parametrize("text", [
    "Hackers breached Veldmark Bank’s payment network.",
    "Hackers breached Veldmark Bank's payment network.",
    "Veldmark Bank’s customers could not log in.",
])
def test_possessive_is_dropped(text: str) -> None:
    assert "Veldmark Bank" in chunk_texts(text, "en")
    assert not any("’s" in t or "'s" in t for t in chunk_texts(text, "en"))


def test_trailing_connector_before_a_lowercase_word_is_not_kept() -> None:
    assert chunk_texts("Hackers targeted the Veldmark Bank of commerce.", "en")[-1] == "Veldmark Bank"


@pytest.mark.parametrize(("text", "names"), [
    # the acronym's letters reach back over "and": one name
    ("Korvan Freight told the Lutrecht Securities and Exchange Board (LSEB) at once.",
     ["Korvan Freight", "Lutrecht Securities and Exchange Board (LSEB)"]),
    ("Criminals reached the Office of Water and Power Supply (WPS) last week.",
     ["Office of Water and Power Supply (WPS)"]),
    # without an acronym, or with one that names only the second, "and" joins two names
    ("Criminals hit Korvan Bank and Veldmark Insurance last week.", ["Korvan Bank", "Veldmark Insurance"]),
    ("Criminals hit Korvan Bank and Veldmark Insurance (VIN) last week.",
     ["Korvan Bank", "Veldmark Insurance (VIN)"]),
])
def test_and_inside_a_name_only_when_its_acronym_spans_it(text: str, names: list[str]) -> None:
    assert [name for name in chunk_texts(text, "en") if name != "Criminals"] == names


def test_a_name_with_a_two_letter_acronym_is_a_candidate() -> None:
    """The acronym is a name's identity only from three letters up; "(VL)" must not make "Veldmark Logistics" a
    two-letter word that is dropped as too short."""
    names = [c.victim.name for c in candidates(facts_of("Attackers hit Veldmark Logistics (VL) last week."))]
    assert names == ["Veldmark Logistics (VL)"]
    assert name_key("Veldmark Logistics (VL)") == "veldmark logistics vl"
    assert name_key("Veldmark National Railways (VNR)") == "vnr"


@pytest.mark.parametrize(("sentence", "language"), [
    ("La compañía automovilística italiana Brindle ha sufrido un ciberataque.", "es"),
    ("La casa automobilistica italiana Brindle ha subito un attacco informatico.", "it"),
    ("Le constructeur automobile italien Brindle a été victime d'une cyberattaque.", "fr"),
])
def test_a_sector_noun_describing_the_name_after_it_is_no_victim_of_its_own(sentence: str, language: str) -> None:
    """The carmaker is Brindle: the sector noun says what the name is, with a nationality between them at most."""
    found = [c for f in document_facts(sentence, language, "2023-06-01", RESOURCES) for c in candidates(f)]
    assert [c.victim.name for c in found if c.generic] == []
    assert [c.victim.name for c in found] == ["Brindle"]


@pytest.mark.parametrize(("headline", "language", "names"), [
    ("Spy Agencies Say Hackers Stole Police Records, Sought Details Of Military Deliveries", "en", []),
    ("Kettleby Water Pays Ransom After Hackers Lock Billing Servers", "en", ["Kettleby"]),
    ("Des Pirates Informatiques Attaquent Les Serveurs De Kettleby", "fr", ["Kettleby"]),
])
def test_in_a_title_case_headline_only_rare_words_are_names(headline: str, language: str, names: list[str]) -> None:
    """Title case capitalises every long word, so there a capital tells no more than in German: a common word
    ("Sought", "Military", "Water") is no name, a rare one ("Kettleby") still is, and so, wrongly, is a rare verb
    form ("Encrypt")."""
    assert chunk_texts(headline, language) == names


def test_a_sentence_keeps_its_capitalised_common_words_as_names() -> None:
    assert chunk_texts("Hackers hit Kettleby Water and the Veldmark Police Service last week.", "en") \
        == ["Hackers", "Kettleby Water", "Veldmark Police Service"]


def test_chunk_offsets_are_shifted() -> None:
    [chunk] = name_chunks("The Veldmark Water Authority said so.", "en", offset=100)
    assert (chunk.start, chunk.end, chunk.text) == (104, 128, "Veldmark Water Authority")


# --------------------------------------------------------------------------------------------- victims


@pytest.mark.parametrize(("text", "language", "victim"), [
    ("Hackers launched an attack on the Veldmark Water Authority last week.", "en", "Veldmark Water Authority"),
    ("Une cyberattaque contre la Banque de Lutrecht a paralysé les services.", "fr", "Banque de Lutrecht"),
    ("Een cyberaanval op het Waterschap Veldmark legde de systemen plat.", "nl", "Waterschap Veldmark"),
    ("Ein Cyberangriff auf die Stadtwerke Lutrecht legte die Systeme lahm.", "de", "Stadtwerke Lutrecht"),
    ("Un attacco informatico al Comune di Lutrecht ha bloccato i servizi.", "it", "Comune di Lutrecht"),
    ("Un ciberataque contra el Ayuntamiento de Lutrecht paralizó los servicios.", "es", "Ayuntamiento de Lutrecht"),
])
def test_victim_after_a_cue(text: str, language: str, victim: str) -> None:
    assert victim_names(text, language) == [victim]


@pytest.mark.parametrize(("text", "language", "victim"), [
    ("Veldmark Bank was hit by ransomware on Tuesday.", "en", "Veldmark Bank"),
    ("Veldmark Bank suffered a ransomware attack on Tuesday.", "en", "Veldmark Bank"),
    ("La Banque de Lutrecht a été piratée la semaine dernière.", "fr", "Banque de Lutrecht"),
    ("Het Waterschap Veldmark werd getroffen door ransomware.", "nl", "Waterschap Veldmark"),
    ("Die Stadtverwaltung Lutrecht wurde gehackt.", "de", "Stadtverwaltung Lutrecht"),
    ("Die Stadtwerke Lutrecht wurden Opfer eines Ransomware-Angriffs.", "de", "Stadtwerke Lutrecht"),
    ("Il Comune di Lutrecht è stato colpito da un ransomware.", "it", "Comune di Lutrecht"),
    ("El Ayuntamiento de Lutrecht sufrió un ataque de ransomware.", "es", "Ayuntamiento de Lutrecht"),
])
def test_victim_before_a_cue(text: str, language: str, victim: str) -> None:
    assert victim_names(text, language) == [victim]


@pytest.mark.parametrize(("text", "language", "victim"), [
    # with the acronym after it, by which other reports know it
    ("La cyberattaque a visé l'Office fédéral de l'approvisionnement énergétique (OFAE) en janvier.", "fr",
     "Office fédéral de l'approvisionnement énergétique (OFAE)"),
    ("Des pirates ont infiltré l'Agence lutrèchoise des relations culturelles extérieures (ALRCE) en mars.", "fr",
     "Agence lutrèchoise des relations culturelles extérieures (ALRCE)"),
    ("L'attacco ha colpito l'Ufficio federale dell'approvvigionamento energetico a gennaio.", "it",
     "Ufficio federale dell'approvvigionamento energetico"),
    ("Los piratas atacaron la Agencia tributaria regional durante el fin de semana.", "es",
     "Agencia tributaria regional"),
    ("Hackers vielen de Dienst justitiële inrichtingen aan.", "nl", "Dienst justitiële inrichtingen"),
    # German capitalises the nouns of the body's remit, which alone are common nouns
    ("Hacker griffen das Bundesamt für Energieversorgung an.", "de", "Bundesamt für Energieversorgung"),
    ("Hacker griffen das Landesamt für Umwelt und Geologie an.", "de", "Landesamt für Umwelt und Geologie"),
    # a name chunk that reads on past the noun already names the body, with its acronym
    ("Hacker griffen das Bundesamt für Energie (BFE) an.", "de", "Bundesamt für Energie (BFE)"),
])
def test_a_public_body_named_on_in_lower_case_is_one_victim(text: str, language: str, victim: str) -> None:
    """ "l'Office fédéral de l'approvisionnement énergétique": French, Italian, Spanish and Dutch write a body's name
    in lower case after its capitalised first noun, and the whole name is the victim, not its first word."""
    assert victim_names(text, language) == [victim]


@pytest.mark.parametrize(("text", "language", "name"), [
    ("l'Office fédéral de l'approvisionnement énergétique commencent à filtrer", "fr",
     "l'Office fédéral de l'approvisionnement énergétique"),
    ("l'Agence nationale de la sécurité des systèmes d'information a indiqué", "fr",
     "l'Agence nationale de la sécurité des systèmes d'information"),
    ("l'Ufficio federale dell'approvvigionamento energetico ha comunicato", "it",
     "l'Ufficio federale dell'approvvigionamento energetico"),
    ("la Agencia tributaria regional durante el fin de semana", "es", "la Agencia tributaria regional"),
    # more lower-case words than a noun and its adjective, when the acronym after them spells them
    ("l'Agence lutrèchoise des relations culturelles extérieures (ALRCE) a indiqué", "fr",
     "l'Agence lutrèchoise des relations culturelles extérieures"),
])
def test_a_body_s_lower_case_name_ends_before_the_verb_after_it(text: str, language: str, name: str) -> None:
    """A noun and its adjective at most stand between the little words of a body's name: the next lower-case word is
    the sentence's verb ("commencent"), not more of the name."""
    opening = re.search(r"[A-Z]\w+", text)
    assert text[:lower_case_name_end(text, opening.end(), language)] == name


@pytest.mark.parametrize(("text", "language", "victim"), [
    ("Kettleby Hospital is slowly restoring services after a ransomware attack.", "en", "Kettleby Hospital"),
    ("Das Klinikum Lutrecht erholt sich noch von dem Cyberangriff.", "de", "Klinikum Lutrecht"),
    ("La Banque de Lutrecht se remet lentement de la cyberattaque.", "fr", "Banque de Lutrecht"),
    ("Il Comune di Lutrecht si sta riprendendo dall'attacco informatico.", "it", "Comune di Lutrecht"),
    ("El Ayuntamiento de Lutrecht se recupera del ciberataque.", "es", "Ayuntamiento de Lutrecht"),
    ("Het Waterschap Veldmark herstelt nog van de cyberaanval.", "nl", "Waterschap Veldmark"),
])
def test_who_recovers_from_an_attack_was_hit_by_it(text: str, language: str, victim: str) -> None:
    assert victim_names(text, language) == [victim]


@pytest.mark.parametrize(("text", "language", "victim"), [
    ("Akira posted Kettleby Water to its leak site on Monday.", "en", "Kettleby Water"),
    ("Kettleby Water has been named on the leak site of the Akira ransomware gang.", "en", "Kettleby Water"),
    ("Akira setzte die Stadtwerke Lutrecht am Montag auf ihre Leak-Seite.", "de", "Stadtwerke Lutrecht"),
    ("Die Stadtwerke Lutrecht tauchten am Montag auf der Leak-Seite von Akira auf.", "de", "Stadtwerke Lutrecht"),
    ("LockBit a ajouté la Banque de Lutrecht à son site de fuites.", "fr", "Banque de Lutrecht"),
    ("La Banque de Lutrecht figure depuis lundi sur le site de fuites de LockBit.", "fr", "Banque de Lutrecht"),
    ("Rhysida ha inserito il Comune di Lutrecht nel suo sito dei leak.", "it", "Comune di Lutrecht"),
    ("Il Comune di Lutrecht è comparso lunedì sul sito dei leak di Rhysida.", "it", "Comune di Lutrecht"),
    ("LockBit añadió al Ayuntamiento de Lutrecht a su sitio de filtraciones.", "es", "Ayuntamiento de Lutrecht"),
    ("El Ayuntamiento de Lutrecht aparece desde el lunes en el sitio de filtraciones de LockBit.", "es",
     "Ayuntamiento de Lutrecht"),
    ("Akira zette het Waterschap Veldmark maandag op zijn leksite.", "nl", "Waterschap Veldmark"),
    ("Het Waterschap Veldmark staat sinds maandag op de leksite van Akira.", "nl", "Waterschap Veldmark"),
])
def test_a_victim_listed_on_a_gang_s_leak_site(text: str, language: str, victim: str) -> None:
    """A ransomware gang names its victim by listing it on its leak site: "posted X to its leak site", "X has been
    named on the leak site", in every language, either side of the verb."""
    assert victim_names(text, language) == [victim]


@pytest.mark.parametrize(("text", "language"), [
    ("Jan Peeters, a Veldmark MP, was the target of a phishing attack.", "en"),
    ("Jan Peeters, a liberal MP who chairs the defence committee, was the target of a phishing attack.", "en"),
    ("Jan Peeters, député libéral, a été la cible d'une attaque de phishing.", "fr"),
    ("Jan Peeters, een liberaal parlementslid, was het doelwit van een phishingaanval.", "nl"),
    ("Jan Peeters, een Veldmarks parlementslid, was het doelwit van een phishingaanval.", "nl"),
    ("Jan Peeters, ein liberaler Abgeordneter, wurde Opfer eines Phishing-Angriffs.", "de"),
    ("Jan Peeters, deputato liberale, è stato vittima di un attacco di phishing.", "it"),
    ("Jan Peeters, diputado liberal, fue víctima de un ataque de phishing.", "es"),
])
def test_victim_before_an_apposition(text: str, language: str) -> None:
    assert victim_names(text, language) == ["Jan Peeters"]


def test_owner_of_the_attacked_systems_is_the_victim() -> None:
    text = "The Veldmark Water Authority's internal computer systems were encrypted by ransomware."
    assert victim_names(text) == ["Veldmark Water Authority"]


@pytest.mark.parametrize(("text", "language", "written"), [
    ("The Belgian Interior Ministry was hit by a cyberattack.", "en", "Belgian Interior Ministry"),
    ("Le ministère de l'Intérieur belge a été piraté.", "fr", "ministère de l'Intérieur belge"),
    ("Le ministère belge de l'Intérieur a été piraté.", "fr", "ministère belge de l'Intérieur"),
    ("Het Belgische ministerie van Binnenlandse Zaken werd gehackt.", "nl",
     "Belgische ministerie van Binnenlandse Zaken"),
    ("Das belgische Innenministerium wurde gehackt.", "de", "belgische Innenministerium"),
    ("Un attacco informatico ha colpito il ministero dell'interno belga.", "it", "ministero dell'interno belga"),
    ("El Ministerio del Interior belga fue hackeado.", "es", "Ministerio del Interior belga"),
])
def test_department_victim_key_is_language_neutral(text: str, language: str, written: str) -> None:
    """One key in every language; the name as the article writes it, for states call their departments differently
    ("Department of Health", "Ministry of Health")."""
    [candidate] = victims_in(facts_of(text, language))
    assert candidate.victim.key == "BE/ministry:interior"
    assert candidate.victim.name == written
    assert candidate.victim.country == "BE"
    assert candidate.victim.sector == "government"
    assert not candidate.generic


def test_a_department_keeps_the_name_its_state_gives_it_and_one_key() -> None:
    """Ireland has a Department of Health where Belgium has a ministry: the victim is named as written (the gold and
    the analyst know it so), and both reports key it alike."""
    english = frames_of("Hackers breached the Irish Department of Health with ransomware on Friday.", "en")
    french = frames_of("Des pirates ont paralysé le ministère de la Santé irlandais avec un rançongiciel lundi.", "fr")
    assert [(v.name, v.key) for frame in english for v in frame.victims] == [
        ("Irish Department of Health", "IE/ministry:health")]
    assert [(v.name, v.key) for frame in french for v in frame.victims] == [
        ("ministère de la Santé irlandais", "IE/ministry:health")]


def test_department_without_a_country_has_an_unknown_country_key() -> None:
    [candidate] = victims_in(facts_of("A cyberattack on the Interior Ministry disrupted passport services."))
    assert candidate.victim.key == "?/ministry:interior"


@pytest.mark.parametrize(("text", "language"), [
    ("Hackers targeted the Belgian ministries of defence and the interior.", "en"),
    ("Hackers targeted the ministries of defence and the interior of Belgium.", "en"),
    ("Des pirates ont visé les ministères belges de la Défense et de l'Intérieur.", "fr"),
])
def test_coordinated_departments_are_two_victims(text: str, language: str) -> None:
    """Two victims with two names: the words name both, so each is named by its portfolio."""
    found = victims_in(facts_of(text, language))
    assert [c.victim.key for c in found] == ["BE/ministry:defence", "BE/ministry:interior"]
    assert [c.victim.name for c in found] == ["Belgian Ministry of Defence", "Belgian Ministry of Interior"]


@pytest.mark.parametrize(("attack", "no_attack", "language", "victim"), [
    ("Veldmark Bank has made all its customers change passwords after a data breach.",
     "Veldmark Bank has made all its customers change passwords after a software upgrade.", "en", "Veldmark Bank"),
    ("La Banque de Lutrecht a obligé ses clients à changer leur mot de passe après une fuite de données.",
     "La Banque de Lutrecht a obligé ses clients à changer leur mot de passe après une mise à jour.", "fr",
     "Banque de Lutrecht"),
    ("De Veldmarkse Spaarbank dwong alle klanten hun wachtwoord te wijzigen na een datalek.",
     "De Veldmarkse Spaarbank dwong alle klanten hun wachtwoord te wijzigen na een software-update.", "nl",
     "Veldmarkse Spaarbank"),
    ("Die Sparkasse Lutrecht zwang alle Kunden nach einem Datenleck, ihre Passwörter zu ändern.",
     "Die Sparkasse Lutrecht zwang alle Kunden nach einem Software-Update, ihre Passwörter zu ändern.", "de",
     "Sparkasse Lutrecht"),
    ("La Banca di Veldmark ha costretto tutti i clienti a cambiare password dopo un attacco ransomware.",
     "La Banca di Veldmark ha costretto tutti i clienti a cambiare password dopo un aggiornamento.", "it",
     "Banca di Veldmark"),
    ("El Banco de Veldmark obligó a todos sus clientes a cambiar la contraseña tras un ataque de ransomware.",
     "El Banco de Veldmark obligó a todos sus clientes a cambiar la contraseña tras una actualización.", "es",
     "Banco de Veldmark"),
])
def test_subject_of_an_attack_sentence_only(attack: str, no_attack: str, language: str, victim: str) -> None:
    assert victim_names(attack, language) == [victim]
    assert victim_names(no_attack, language) == []


def test_hypothetical_attack_gives_no_victim() -> None:
    facts = facts_of("Veldmark Bank warned that attackers could exploit the flaw to steal data.")
    assert facts.cues["attack"] and not facts.is_attack
    assert victims_in(facts) == []


@pytest.mark.parametrize("text", [
    "Kaspersky detected a ransomware attack on Tuesday.",
    "Kaspersky said the ransomware encrypted files.",
    "Kaspersky was hit by ransomware.",
])
def test_security_vendor_is_not_a_victim(text: str) -> None:
    facts = facts_of(text)
    assert facts.is_attack and [p.text for p in facts.producers] == ["Kaspersky"]
    assert victims_in(facts) == []


@pytest.mark.parametrize(("text", "language", "victim"), [
    ("Kaspersky said the ransomware encrypted the servers of Veldmark Bank.", "en", "Veldmark Bank"),
    ("ESET researchers found that the malware targeted Veldmark Bank.", "en", "Veldmark Bank"),
    ("Selon Kaspersky, le rançongiciel a visé la Banque de Lutrecht.", "fr", "Banque de Lutrecht"),
    ("Volgens Kaspersky was de aanval gericht op het Waterschap Veldmark.", "nl", "Waterschap Veldmark"),
    ("Laut Kaspersky richtete sich der Angriff gegen die Stadtwerke Lutrecht.", "de", "Stadtwerke Lutrecht"),
    ("Secondo Kaspersky, il ransomware ha colpito il Comune di Lutrecht.", "it", "Comune di Lutrecht"),
    ("Según Kaspersky, el ransomware atacó al Ayuntamiento de Lutrecht.", "es", "Ayuntamiento de Lutrecht"),
])
def test_reporting_vendor_is_not_a_victim_beside_the_real_one(text: str, language: str, victim: str) -> None:
    assert victim_names(text, language) == [victim]


@pytest.mark.parametrize(("text", "language"), [
    ("Veldmark Bank published its annual report on Tuesday.", "en"),
    ("La Banque de Lutrecht a ouvert une nouvelle agence mardi.", "fr"),
])
def test_no_victim_without_an_attack(text: str, language: str) -> None:
    assert victim_names(text, language) == []


# --------------------------------------------------------------------------------------------- claims


def test_attribution_by_a_foreign_ministry() -> None:
    claim = only_claim("The Veldmark foreign ministry attributed the attack to APT31.")
    assert "Veldmark" in claim.claimant or "Foreign Affairs" in claim.claimant
    assert claim.stance == "attributes"
    assert claim.attributed_to == ("APT31",)
    assert not claim.hedged
    assert claim.date == PUBLISHED
    assert claim.evidence.document == "doc"
    assert claim.evidence.sentence == "The Veldmark foreign ministry attributed the attack to APT31."


def test_claimant_department_is_named_with_its_country() -> None:
    claim = only_claim("The Belgian foreign ministry attributed the attack to APT31.")
    assert claim.claimant == "Belgian Ministry of Foreign Affairs"
    assert claim.attributed_to == ("APT31",)


@pytest.mark.parametrize(("text", "language", "claimant"), [
    ("The Foreign Ministry attributed the attack to APT31.", "en", "Ministry of Foreign Affairs"),
    ("Le ministère des Affaires étrangères de Veldmark a attribué l'attaque à APT31.", "fr",
     "Ministry of Foreign Affairs"),
    ("Het ministerie van Buitenlandse Zaken van Veldmark schreef de aanval toe aan APT31.", "nl",
     "Ministry of Foreign Affairs"),
    ("Das Innenministerium von Veldmark schrieb den Angriff der Gruppe APT31 zu.", "de", "Ministry of Interior"),
    ("Das Bundesministerium des Innern schrieb den Angriff APT31 zu.", "de", "Ministry of Interior"),
    ("Il ministero degli Esteri di Veldmark ha attribuito l'attacco ad APT31.", "it", "Ministry of Foreign Affairs"),
    ("El Ministerio de Asuntos Exteriores de Veldmark atribuyó el ataque a APT31.", "es",
     "Ministry of Foreign Affairs"),
])
def test_attribution_to_an_actor_in_each_language(text: str, language: str, claimant: str) -> None:
    claim = only_claim(text, language)
    assert (claim.claimant, claim.stance, claim.attributed_to) == (claimant, "attributes", ("APT31",))
    assert not claim.hedged


@pytest.mark.parametrize(("text", "language", "claimant", "state"), [
    ("The Veldmark government said Chinese hackers broke into the network of the Veldmark Water Authority.", "en",
     "Veldmark government", "CN"),
    ("The Veldmark government blamed China-backed hackers for the intrusion.", "en", "Veldmark government", "CN"),
    ("Lutrecht police blamed Russian hackers for the attack.", "en", "Lutrecht police", "RU"),
    ("Veldmark accused China of the attack.", "en", "Veldmark", "CN"),
    ("Veldmark accused Beijing of the attack.", "en", "Veldmark", "CN"),
    ("Des pirates chinois seraient derrière l'attaque, a déclaré la police de Lutrecht.", "fr",
     "police de Lutrecht", "CN"),
    ("Volgens de Veldmarkse politie zitten Chinese hackers achter de aanval.", "nl", "Veldmarkse politie", "CN"),
    ("Die Polizei von Lutrecht erklärte, chinesische Hacker steckten hinter dem Angriff.", "de",
     "Polizei von Lutrecht", "CN"),
    ("Chinesische Hacker stecken hinter dem Angriff, sagte die Polizei von Lutrecht.", "de",
     "Polizei von Lutrecht", "CN"),
    ("Secondo la polizia di Lutrecht, dietro l'attacco ci sarebbero hacker cinesi.", "it",
     "polizia di Lutrecht", "CN"),
    ("Según la policía de Lutrecht, hackers chinos estarían detrás del ataque.", "es", "policía de Lutrecht", "CN"),
])
def test_state_on_the_attackers_side(text: str, language: str, claimant: str, state: str) -> None:
    claim = only_claim(text, language)
    assert (claim.claimant, claim.stance, claim.attributed_to) == (claimant, "attributes", (state,))


def test_attack_by_state_hackers_without_a_speaker_is_no_claim() -> None:
    assert claims_of("Chinese hackers broke into the network of the Veldmark Water Authority.") == []


@pytest.mark.parametrize(("text", "language", "state"), [
    ("Russian hackers are probably behind the attack.", "en", "RU"),
    ("Des pirates russes seraient derrière l'attaque.", "fr", "RU"),
    ("Russische hackers zitten vermoedelijk achter de aanval.", "nl", "RU"),
    ("Hinter dem Angriff stecken vermutlich russische Hacker.", "de", "RU"),
    ("Dietro l'attacco ci sarebbero hacker russi.", "it", "RU"),
])
def test_claim_nobody_makes_is_the_articles_own_and_hedged(text: str, language: str, state: str) -> None:
    claim = only_claim(text, language)
    assert (claim.claimant, claim.stance, claim.attributed_to, claim.hedged) == (
        ARTICLE_CLAIMANT, "attributes", (state,), True)


@pytest.mark.parametrize(("text", "language", "claimant", "state"), [
    ("The Chinese embassy denied the accusations.", "en", "Chinese embassy", "CN"),
    ("The Chinese embassy in Veldmark denied the accusations.", "en", "Chinese embassy", "CN"),
    ("Moscow denied any involvement.", "en", "Moscow", "RU"),  # a capital speaks for its state as written
    ("The Kremlin denied any involvement.", "en", "Kremlin", "RU"),
    ("L'ambassade chinoise a démenti ces accusations.", "fr", "ambassade chinoise", "CN"),
    ("L'ambassade de Chine a démenti ces accusations.", "fr", "ambassade de Chine", "CN"),
    ("De Chinese ambassade ontkende de beschuldigingen.", "nl", "Chinese ambassade", "CN"),
    ("Die chinesische Botschaft wies die Vorwürfe zurück.", "de", "chinesische Botschaft", "CN"),
    ("L'ambasciata cinese ha respinto le accuse.", "it", "ambasciata cinese", "CN"),
    ("El portavoz chino negó las acusaciones.", "es", "portavoz chino", "CN"),
    ("La embajada rusa negó las acusaciones.", "es", "embajada rusa", "RU"),
    ("China negó las acusaciones.", "es", "China", "CN"),
])
def test_denial_in_each_language(text: str, language: str, claimant: str, state: str) -> None:
    claim = only_claim(text, language)
    assert claim.stance == "denies"
    assert claim.attributed_to == (state,)
    assert claimant in claim.claimant


@pytest.mark.parametrize(("text", "language", "mention", "claimant", "state"), [
    ("Die USA wiesen die Vorwürfe zurück.", "de", "USA", "United States", "US"),
    ("Gli Stati Uniti hanno respinto le accuse.", "it", "Stati Uniti", "United States", "US"),
    ("La Russie a démenti ces accusations.", "fr", "Russie", "Russia", "RU"),
    ("Rusland ontkende de beschuldigingen.", "nl", "Rusland", "Russia", "RU"),
])
def test_a_state_speaks_by_one_name_in_every_language_and_its_mention_as_written(
        text: str, language: str, mention: str, claimant: str, state: str) -> None:
    """One party, one claimant across languages, so an incident's claims by one state can be counted together;
    the words the sentence names it by stay in the claim's mention."""
    claim = only_claim(text, language)
    assert (claim.claimant, claim.attributed_to) == (claimant, (state,))
    assert mention in claim.mention


def test_denial_without_a_state_answers_the_states_accused_before() -> None:
    claim = only_claim("The embassy denied the accusations.", context_states=["CN"])
    assert (claim.claimant, claim.stance, claim.attributed_to) == ("embassy", "denies", ("CN",))
    assert claims_of("The embassy denied the accusations.") == []  # nobody accused: nothing to deny


@pytest.mark.parametrize(("text", "language"), [
    ("The attack was allegedly carried out by APT31.", "en"),
    ("Investigators believed the attack was carried out by APT31.", "en"),
    ("The Veldmark Cyber Agency is 99.9% sure that APT31 was behind the attack.", "en"),
    ("Selon la police de Lutrecht, APT31 serait derrière l'attaque.", "fr"),
    ("Volgens de politie werd de aanval waarschijnlijk uitgevoerd door APT31.", "nl"),
    ("Der Angriff wurde mutmaßlich von APT31 durchgeführt, sagte die Polizei.", "de"),
    ("Secondo la polizia, l'attacco sarebbe stato condotto da APT31.", "it"),
    ("Según la policía, el ataque fue presuntamente perpetrado por APT31.", "es"),
])
def test_hedged_attribution(text: str, language: str) -> None:
    claim = only_claim(text, language)
    assert (claim.stance, claim.attributed_to, claim.hedged) == ("attributes", ("APT31",), True)


@pytest.mark.parametrize(("text", "language"), [
    ("The attack was carried out by APT31.", "en"),
    ("Der Angriff wurde von APT31 durchgeführt, sagte die Polizei.", "de"),
    ("Secondo Jan Peeters, dietro l'attacco c'è APT31.", "it"),
])
def test_plain_attribution_is_not_hedged(text: str, language: str) -> None:
    assert not only_claim(text, language).hedged


@pytest.mark.parametrize(("text", "language", "claimant"), [
    ("According to the Veldmark Cyber Agency, APT31 was behind the attack.", "en", "Veldmark Cyber Agency"),
    ("According to the Lutrecht prosecutor, Russian hackers were behind the attack.", "en", "Lutrecht prosecutor"),
    ("Volgens Jan Peeters zit APT31 vermoedelijk achter de aanval.", "nl", "Jan Peeters"),
    ("Secondo Jan Peeters, dietro l'attacco c'è APT31.", "it", "Jan Peeters"),
    ("Secondo la polizia di Lutrecht, dietro l'attacco ci sarebbero hacker cinesi.", "it", "polizia di Lutrecht"),
    ("Según Jan Peeters, APT31 está detrás del ataque.", "es", "Jan Peeters"),
    ("Según la policía de Lutrecht, hackers chinos estarían detrás del ataque.", "es", "policía de Lutrecht"),
])
def test_according_to_names_the_claimant(text: str, language: str, claimant: str) -> None:
    assert only_claim(text, language).claimant == claimant


@pytest.mark.parametrize(("text", "language", "claimant"), [
    ("APT31 was behind the attack, the Veldmark Cyber Agency said.", "en", "Veldmark Cyber Agency"),
    ("The Veldmark Cyber Agency said APT31 was behind the attack.", "en", "Veldmark Cyber Agency"),
    ("L'attaque a été menée par APT31, a déclaré la police de Lutrecht.", "fr", "police de Lutrecht"),
])
def test_speaker_of_a_reporting_verb_is_the_claimant(text: str, language: str, claimant: str) -> None:
    assert only_claim(text, language).claimant == claimant


def test_speaker_named_in_the_next_sentence() -> None:
    text = "The attack was carried out by APT31."
    assert only_claim(text).claimant == ARTICLE_CLAIMANT
    claim = only_claim(text, next_sentence="The Veldmark Cyber Agency said so on Monday.")
    assert (claim.claimant, claim.attributed_to) == ("Veldmark Cyber Agency", ("APT31",))


def test_claim_date_is_the_sentences_own_date() -> None:
    claim = only_claim("On 3 March 2021, the Veldmark Cyber Agency attributed the attack to APT31.")
    assert claim.date == "2021-03-03"


def test_vendor_reporting_an_actor_attributes() -> None:
    claim = only_claim("Kaspersky said APT31 encrypted the files of Veldmark Bank.")
    assert (claim.claimant, claim.stance, claim.attributed_to) == ("Kaspersky", "attributes", ("APT31",))


@pytest.mark.parametrize("text", [
    "Veldmark Bank was hit by ransomware on Tuesday.",
    "Kaspersky said the ransomware encrypted files.",
])
def test_no_claim_without_an_attribution(text: str) -> None:
    assert claims_of(text) == []


# --------------------------------------------------------------------------------------------- frames


TWO_ATTACKS = {
    "en": ("Veldmark Bank was hit by ransomware on Monday. Customers could not withdraw cash for two days. "
           "In a separate incident, Lutrecht Hospital suffered a data breach on Wednesday. "
           "The hospital said it had informed the regulator.",
           "Veldmark Bank", "Lutrecht Hospital"),
    "fr": ("La Banque de Lutrecht a été victime d'une attaque par rançongiciel lundi. "
           "Les clients n'ont pas pu retirer d'argent pendant deux jours. "
           "Par ailleurs, une cyberattaque contre la Clinique Sainte-Odile de Veldmark "
           "a paralysé les urgences mercredi. "
           "La clinique a porté plainte.",
           "Banque de Lutrecht", "Clinique Sainte-Odile de Veldmark"),
    "nl": ("Het Waterschap Veldmark werd maandag getroffen door ransomware. "
           "Klanten konden twee dagen geen facturen betalen. "
           "Daarnaast was er woensdag een cyberaanval op het Ziekenhuis Lutrecht. "
           "Het ziekenhuis heeft aangifte gedaan.",
           "Waterschap Veldmark", "Ziekenhuis Lutrecht"),
    "de": ("Die Stadtwerke Lutrecht wurden am Montag Opfer eines Ransomware-Angriffs. "
           "Kunden konnten zwei Tage lang keine Rechnungen bezahlen. "
           "Außerdem legte ein Cyberangriff auf die Sparkasse Veldmark am Mittwoch das Onlinebanking lahm. "
           "Die Bank erstattete Anzeige.",
           "Stadtwerke Lutrecht", "Sparkasse Veldmark"),
    "it": ("Il Comune di Lutrecht è stato colpito da un ransomware lunedì. "
           "I cittadini non hanno potuto pagare le tasse per due giorni. "
           "Inoltre, un attacco informatico alla Banca di Veldmark ha bloccato i bancomat mercoledì. "
           "La banca ha sporto denuncia.",
           "Comune di Lutrecht", "Banca di Veldmark"),
    "es": ("El Ayuntamiento de Lutrecht sufrió un ataque de ransomware el lunes. "
           "Los vecinos no pudieron pagar impuestos en toda la semana. "
           "Además, un ciberataque contra el Banco de Veldmark paralizó los cajeros el miércoles. "
           "El banco presentó una denuncia.",
           "Ayuntamiento de Lutrecht", "Banco de Veldmark"),
}


@pytest.mark.parametrize("language", list(TWO_ATTACKS))
def test_two_attacks_on_two_victims_give_two_frames(language: str) -> None:
    text, first, second = TWO_ATTACKS[language]
    frames = frames_of(text, language)
    assert [[v.name for v in f.victims] for f in frames] == [[first], [second]]
    assert frames[0].types == ["ransomware"]
    assert all(second not in e.sentence for e in frames[0].evidence)
    assert all(first not in e.sentence for e in frames[1].evidence)
    assert frames[0].first_seen == "2022-07-18"  # "Monday" before a Tuesday publication
    assert frames[1].first_seen == "2022-07-13"  # "Wednesday": the one before
    assert all(f.disclosed == PUBLISHED and f.document == "doc" for f in frames)


ADVICE = {
    "en": "Administrators should patch CVE-2031-40123 in the Tarvex mail server as soon as possible. "
          "Attackers could exploit the flaw to deploy ransomware. The vendor released an update on Tuesday.",
    "fr": "Les administrateurs doivent corriger la faille CVE-2031-40123 du serveur de messagerie Tarvex au plus vite. "
          "Des attaquants pourraient exploiter la faille pour déployer un rançongiciel. "
          "L'éditeur a publié une mise à jour mardi.",
    "nl": "Beheerders moeten het lek CVE-2031-40123 in de Tarvex-mailserver zo snel mogelijk dichten. "
          "Het lek zou kunnen worden misbruikt om ransomware te installeren. "
          "De leverancier bracht dinsdag een update uit.",
    "de": "Administratoren sollten die Lücke CVE-2031-40123 im Tarvex-Mailserver so schnell wie möglich schließen. "
          "Angreifer könnten die Lücke ausnutzen, um Ransomware einzuschleusen. "
          "Der Hersteller veröffentlichte am Dienstag ein Update.",
    "it": "Gli amministratori dovrebbero correggere la falla CVE-2031-40123 del server di posta Tarvex "
          "il prima possibile. "
          "Gli aggressori potrebbero sfruttare la falla per installare un ransomware. "
          "Il produttore ha rilasciato un aggiornamento martedì.",
    "es": "Los administradores deberían corregir el fallo CVE-2031-40123 del servidor de correo Tarvex cuanto antes. "
          "Los atacantes podrían aprovechar el fallo para instalar un ransomware. "
          "El fabricante publicó una actualización el martes.",
}


@pytest.mark.parametrize("language", list(ADVICE))
def test_advice_and_patch_text_gives_no_frame(language: str) -> None:
    facts = document_facts(ADVICE[language], language, PUBLISHED, RESOURCES)
    assert any(f.cues["attack"] for f in facts)  # the attack words are there, only hypothetical
    assert any(f.vulnerabilities for f in facts)
    assert not any(f.is_attack for f in facts)
    assert frames_of(ADVICE[language], language) == []


BEGAN = {
    "en": ("A cyberattack on the Veldmark Water Authority disrupted billing systems. The attack began in March 2021. "
           "Officials restored the systems last week.", "Veldmark Water Authority"),
    "fr": ("Une cyberattaque contre la Banque de Lutrecht a paralysé les paiements. L'attaque a commencé en mars 2021.",
           "Banque de Lutrecht"),
    "nl": ("Een cyberaanval op het Waterschap Veldmark legde de facturatie plat. De aanval begon in maart 2021.",
           "Waterschap Veldmark"),
    "de": ("Ein Cyberangriff auf die Stadtwerke Lutrecht legte die Abrechnung lahm. Der Angriff begann im März 2021.",
           "Stadtwerke Lutrecht"),
    "it": ("Un attacco informatico al Comune di Lutrecht ha bloccato i pagamenti. "
           "L'attacco è iniziato nel marzo 2021.", "Comune di Lutrecht"),
    "es": ("Un ciberataque contra el Ayuntamiento de Lutrecht paralizó los pagos. El ataque comenzó en marzo de 2021.",
           "Ayuntamiento de Lutrecht"),
}


@pytest.mark.parametrize("language", list(BEGAN))
def test_later_sentence_without_victim_joins_the_frame_and_dates_it(language: str) -> None:
    text, victim = BEGAN[language]
    [frame] = frames_of(text, language)
    assert [v.name for v in frame.victims] == [victim]
    assert len(frame.evidence) == 2
    assert "2021" in frame.evidence[1].sentence
    assert text[frame.evidence[1].start:frame.evidence[1].end] == frame.evidence[1].sentence
    assert frame.first_seen == "2021-03"


def test_attribution_and_denial_join_the_frame() -> None:
    text = ("A cyberattack on the Veldmark Water Authority disrupted billing systems. "
            "The Veldmark government blamed Chinese hackers. The Chinese embassy denied the accusations.")
    [frame] = frames_of(text, "en")
    assert [v.name for v in frame.victims] == ["Veldmark Water Authority"]
    assert len(frame.evidence) == 3
    assert [(c.claimant, c.stance, c.attributed_to) for c in frame.claims] == [
        ("Veldmark government", "attributes", ("CN",)), ("Chinese embassy", "denies", ("CN",))]


def test_a_denial_answers_every_frame_the_statement_it_denies_accused() -> None:
    """The Italian seed report tells one government statement that accuses China of two intrusions, the interior
    ministry's and the defence ministry's, and then the embassy's denial of that statement. The denial names neither
    intrusion: it answers both, not whichever of them the article happened to tell at greater length."""
    require_shared()
    text = (SEEDS / "003_49114672ab743271.txt").read_text(encoding="utf-8")
    denied = {frame.victims[0].key: [(c.claimant, c.attributed_to) for c in frame.claims if c.stance is Stance.DENIES]
              for frame in frames_of(text, "it")}
    assert set(denied) == {"BE/ministry:interior", "BE/ministry:defence"}
    [(embassy, accused)] = denied["BE/ministry:interior"]
    assert denied["BE/ministry:defence"] == [(embassy, accused)] and accused == ("CN",) and "ambasciata" in embassy


def test_attribution_goes_to_the_frame_it_talks_about() -> None:
    text = ("Veldmark Bank was hit by ransomware on Monday. Lutrecht Hospital suffered a data breach on Wednesday. "
            "The Veldmark government blamed Chinese hackers for the breach at the hospital.")
    bank, hospital = frames_of(text, "en")
    assert [v.name for v in hospital.victims] == ["Lutrecht Hospital"]
    assert bank.claims == []
    assert [(c.claimant, c.attributed_to) for c in hospital.claims] == [("Veldmark government", ("CN",))]


def test_actor_named_in_the_article_is_in_the_frame() -> None:
    text = ("A cyberattack on the Veldmark Water Authority disrupted billing systems. "
            "The Veldmark government attributed the attack to APT31.")
    [frame] = frames_of(text, "en")
    assert frame.actors == ["APT31"]
    assert [(c.claimant, c.attributed_to) for c in frame.claims] == [("Veldmark government", ("APT31",))]


def test_a_conjunction_after_a_department_head_is_not_an_adjective():
    """ "dell'FPS e la difesa": "e" joins two victims; it must not be read as an adjective of the head "FPS"."""
    sentence = "Gli attacchi hanno colpito la giustizia dell’FPS e la difesa di Veldmark."
    found = find_institutions(sentence)
    assert (found[0].text, found[0].portfolios) == ("giustizia dell’FPS", ("justice",))
    keys = {c.victim.key.split("/", 1)[1] for c in victims_in(facts_of(sentence, "it"))}
    assert "ministry:justice" in keys


def test_a_french_department_with_its_nationality_between_head_and_portfolio():
    found = find_institutions("Le ministère luxembourgeois du Travail a été la cible d'une cyberattaque.")
    assert [(i.text, i.portfolios) for i in found] == [("ministère luxembourgeois du Travail", ("labour",))]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Two criminal hackers — Jan Vos and Piet Kramer — broke into the Veldmark Bank network.",
     ["Jan Vos", "Piet Kramer"]),
    ("Evert Lindqvist, 41, was arrested by police in Lutrecht on Friday.", ["Evert Lindqvist"]),
    ("A group calling itself “Northern Hammer” claimed the attack on the port.", ["Northern Hammer"]),
    ("Le site a été piraté par Nordhamer, selon la police.", ["Nordhamer"]),
    ("Kaspersky said the attack on the Veldmark Bank was serious.", []),
])
def test_attackers_the_knowledge_base_does_not_know(sentence, expected):
    from cybertrack.extract.attackers import unknown_attackers

    language = "fr" if sentence.startswith("Le ") else "en"
    assert unknown_attackers(facts_of(sentence, language)) == expected


def test_dates_go_to_the_nearer_of_began_and_discovered():
    text = ("Hackers broke into the Veldmark Water Authority's network. "
            "It was in March 2021 that the staff discovered the intrusion, which had begun in the spring of 2019.")
    frames = extract_frames("doc", text, "en", PUBLISHED, RESOURCES)
    assert [(f.first_seen, f.discovered) for f in frames] == [("2019", "2021-03")]


@pytest.mark.parametrize(("text", "language", "name"), [
    ("Schweden macht Iran für einen Angriff auf das Parlament verantwortlich.", "de", "Parlament"),
    ("La Suède accuse l'Iran d'une attaque contre le parlement.", "fr", "parlement"),
    ("The group targeted research institutes across the region last spring.", "en", "research institutes"),
])
def test_a_sector_noun_s_modifiers_stop_at_the_cue_and_the_language_s_function_words(text, language, name) -> None:
    """The words before a sector noun are its modifiers ("military research institutes") only up to a function word
    of the sentence's own language or a cue: "für einen Angriff auf das Parlament" is no parliament's name, and
    with the cue outside the name, the cue casts it."""
    assert name in victim_names(text, language)


@pytest.mark.parametrize(("text", "language"), [
    ("The spies went after countries that provide military equipment to Veldmark.", "en"),
    ("Victims of the campaign include governments and universities.", "en"),
])
def test_a_sector_noun_s_modifiers_stop_at_a_verb(text: str, language: str) -> None:
    """ "countries that provide military equipment": a verb is no modifier of the sector noun after it (English and
    German have a tagger that says so)."""
    found = [c.victim.name for c in candidates(facts_of(text, language))]
    assert found and not any(name.split()[0] in {"provide", "include"} for name in found)


@pytest.mark.parametrize(("text", "language", "name"), [
    ("The Korvan police suffered a data breach last week.", "en", "Korvan police"),
    ("Het datalek bij de politie werd vorige week ontdekt.", "nl", "politie"),
    ("Der Cyberangriff auf die Polizei wurde am Montag bemerkt.", "de", "Polizei"),
    ("La police a été victime d'une cyberattaque la semaine dernière.", "fr", "police"),
    ("Un attacco informatico contro la polizia è stato scoperto lunedì.", "it", "polizia"),
    ("La policía sufrió un ciberataque la semana pasada.", "es", "policía"),
])
def test_the_police_is_a_public_body_an_attack_can_hit(text: str, language: str, name: str) -> None:
    """Police forces are among the public bodies most often breached, and every language names them by a common noun
    ("de politie", "die Polizei"): a sector noun of government, cast by the cues as any other victim."""
    assert name in victim_names(text, language)


@pytest.mark.parametrize(("text", "language"), [
    ("The hospital reported the ransomware attack to the police on Monday.", "en"),
    ("Police arrested two men suspected of hacking Korvan Bank.", "en"),
])
def test_the_police_investigating_an_attack_is_no_victim(text: str, language: str) -> None:
    assert not any("olice" in name for name in victim_names(text, language))


def test_a_victim_named_later_by_its_mixed_case_acronym_is_one_victim() -> None:
    """ "Havenbedrijf Oostmere (HbO)" and then "HbO" alone: one port authority, one frame; "(Reuters)" is no
    acronym of the name before it."""
    text = ("Het Havenbedrijf Oostmere (HbO) is getroffen door een cyberaanval. Uit voorzorg heeft HbO daarna alle "
            "verbindingen met internet verbroken, en hackers stalen gegevens van HbO.")
    assert [[v.name for v in f.victims] for f in extract_frames("doc", text, "nl", "2023-11-11", RESOURCES)] \
        == [["Havenbedrijf Oostmere (HbO)"]]
    assert chunk_texts("Kettleby Labs (Reuters) was hit by ransomware.", "en")[0] == "Kettleby Labs"


@pytest.mark.parametrize(("text", "name"), [
    ("Das Sicherheitsunternehmen Nordfeld Cyber meldete den Angriff.", "Nordfeld Cyber"),
    ("Laut Westberg Security war die Gruppe Sandworm verantwortlich.", "Westberg Security"),
    ("Der Rüstungskonzern Kordmetall meldete den Angriff.", "Kordmetall"),
])
def test_a_german_firm_named_with_an_english_word_keeps_its_first_word(text: str, name: str) -> None:
    """ "Nordfeld Cyber": an English word ends the firm's name, and the word before it is the name's, not a German
    noun describing it ("Rüstungskonzern Kordmetall")."""
    chunk = next(c for c in name_chunks(text, "de") if name in c.text)
    assert chunk.text[chunk.descriptor:] == name


@pytest.mark.parametrize(("text", "key"), [
    ("Der Rüstungskonzern Kordmetall wurde von Hackern angegriffen.", "org:kordmetall"),
    ("Ein Cyberangriff auf das Unternehmen Veldsoft legte tausende Firmen lahm.", "org:veldsoft"),
])
def test_a_german_name_is_keyed_without_the_common_noun_describing_it(text: str, key: str) -> None:
    """ "Rüstungskonzern Kordmetall" is Kordmetall, the key its reports in every other language give it."""
    assert key in [c.victim.key for c in victims_in(facts_of(text, "de"))]


@pytest.mark.parametrize(("text", "language", "key"), [
    ("De Zweedse supermarktketen Korvan werd getroffen door een cyberaanval.", "nl", "org:korvan"),
    ("Le constructeur Korvan a été victime d'une cyberattaque.", "fr", "org:korvan"),
    ("La cadena de supermercados Korvan sufrió un ciberataque.", "es", "org:korvan"),
    ("L'hôpital de Lutrecht a été victime d'une cyberattaque.", "fr", "org:hopital de lutrecht"),
])
def test_a_lower_case_noun_describing_a_name_is_no_part_of_its_key(text: str, language: str, key: str) -> None:
    """ "de supermarktketen Korvan" is Korvan, keyed as its reports in other languages key it; "l'hôpital de
    Lutrecht" is a hospital named after its town, linked to it by a little word, and keeps its head."""
    assert key in [c.victim.key for c in victims_in(facts_of(text, language))]


def test_a_describing_noun_stays_where_what_follows_is_a_place() -> None:
    """ "Universität Mannheim" is a university, not the city; "Verwaltung von Sevilla" links them by a little word."""
    text = "Die Universität Mannheim wurde von Hackern angegriffen."
    found = [c.victim.key for c in victims_in(facts_of(text, "de"))]
    assert found == ["org:universitat mannheim"]
    found = [c.victim.key for c in victims_in(facts_of("Die Verwaltung von Sevilla wurde gehackt.", "de"))]
    assert found == ["org:verwaltung von sevilla"]


@pytest.mark.parametrize(("story", "victim", "summary", "other_incident"), [
    # the sentence listing whom the group goes after (several sectors) is background on the reported attack's actor
    ("Hackers of the APT28 group encrypted the servers of Kettleby Shipping on Monday.", "Kettleby Shipping",
     "APT28 has also been seen in attacks that targeted hospitals, universities, banks and ministries.",
     "Separately, Sandworm targeted hospitals."),
    # what else the story's group goes after, with no actor but the story's
    ("Hackers of the Lapsus$ group breached the internal network of Kettleby Mobility, the company said.",
     "Kettleby Mobility", "Lapsus$ has breached several tech companies through their staff.",
     "Separately, Sandworm has breached several tech companies through their staff."),
])
def test_a_generic_victim_s_frame_with_only_the_story_s_actor_is_part_of_that_story(story: str, victim: str,
                                                                                    summary: str,
                                                                                    other_incident: str) -> None:
    """A generic victim's sentence that names only the reported attack's actor, or lists its targets, is no incident
    of its own; with an actor of its own it still is one."""
    frames = extract_frames("d", f"{story} {summary}", "en", "2024-05-01", RESOURCES)
    assert [[v.name for v in f.victims] for f in frames] == [[victim]]
    assert len(extract_frames("d", f"{story} {other_incident}", "en", "2024-05-01", RESOURCES)) == 2


def test_a_sector_of_a_country_is_no_organisation() -> None:
    """ "les oléoducs des États-Unis": a sector noun before a country's name alone is that country's sector."""
    text = "Plusieurs exploitants d'oléoducs des États-Unis ont été frappés par une cyberattaque."
    facts = facts_of(text, "fr")
    assert [(c.victim.country, c.generic) for c in candidates(facts)] == [("US", True)]


def test_a_frame_left_without_victims_is_part_of_the_story_that_has_them() -> None:
    """A sentence that reads the group as the one hit ("Korvan's leak site") opens a frame that loses its only victim
    to the article's culprits; with its date, it would stand as an empty incident beside the real one. Where another
    frame has victims, it is that frame's story."""
    text = ("The Rhysida ransomware group has claimed responsibility for a cyberattack on the court in Lutrecht. "
            "Screenshots posted on Rhysida's leak site on Monday appear to show case files. "
            "The Lutrecht District Court has been paralysed since June 10, when attackers encrypted its servers.")
    frames = extract_frames("d", text, "en", "2024-06-20", RESOURCES)
    assert len(frames) == 1
    assert "Lutrecht District Court" in [v.name for v in frames[0].victims]
    assert [(c.claimant, c.stance) for c in frames[0].claims] == [("Rhysida", Stance.CLAIMS_RESPONSIBILITY)]


@pytest.mark.parametrize(("text", "language", "victim"), [
    ("A ransomware attack hit Kettleby Shipping on Monday. In the past, the same group has also attacked Norvale "
     "Bank.", "en", "Kettleby Shipping"),
    ("Des pirates ont chiffré lundi les serveurs de l'armateur Kettleby. Par le passé, le même groupe avait déjà "
     "attaqué la banque Norvale.", "fr", "armateur Kettleby"),
    ("Hackers hebben maandag de servers van rederij Kettleby versleuteld. In het verleden viel dezelfde groep al de "
     "Norvale Bank aan.", "nl", "rederij Kettleby"),
])
def test_an_earlier_attack_the_article_recalls_is_no_incident(text: str, language: str, victim: str) -> None:
    """A victim named only in sentences that tell of an earlier attack (the packs' ``earlier_event`` markers: "in the
    past", "par le passé") is another event the article recalls, not one it reports."""
    frames = extract_frames("d", text, language, "2024-06-20", RESOURCES)
    assert [[v.name for v in f.victims] for f in frames] == [[victim]]


@pytest.mark.parametrize(("text", "language", "name"), [
    ("A hacktivist collective took down the websites of Kettleby Airport for several hours.", "en", "Kettleby Airport"),
    ("Unbekannte haben die Server der Stadtwerke Lutrecht gekapert.", "de", "Stadtwerke Lutrecht"),
    ("Des pirates ont détourné les comptes de la mairie de Lutrecht.", "fr", "mairie de Lutrecht"),
    ("Ignoti hanno dirottato i server del Comune di Lutrecht.", "it", "Comune di Lutrecht"),
    ("Los piratas tumbaron la web del Ayuntamiento de Lutrecht durante horas.", "es", "Ayuntamiento de Lutrecht"),
    ("Hackers hebben de website van de gemeente Lutrecht offline gehaald.", "nl", "gemeente Lutrecht"),
])
def test_an_intrusion_told_by_what_it_did_is_an_attack(text: str, language: str, name: str) -> None:
    """Descriptions of an operation often tell it by its effect, with no word for an attack: sites taken down,
    servers hijacked, accounts taken over. Those are attack cues in every language, so the frame and its victim are
    found."""
    assert facts_of(text, language).cues["attack"]
    assert name in [victim.name for frame in frames_of(text, language) for victim in frame.victims]


@pytest.mark.parametrize(("text", "language", "name"), [
    ("Hacker griffen die Universität Mannheim an.", "de", "Universität Mannheim"),
    ("Eine Hackergruppe legte das Klinikum Lutrecht für Tage lahm.", "de", "Klinikum Lutrecht"),
    ("Hackers vielen het ziekenhuis Sint-Anna aan.", "nl", "ziekenhuis Sint-Anna"),
    ("Een hack legde de gemeente Lutrecht dagenlang plat.", "nl", "gemeente Lutrecht"),
])
def test_a_split_attack_verb_casts_what_stands_between_its_parts(text: str, language: str, name: str) -> None:
    """German and Dutch split "angreifen", "lahmlegen", "aanvallen", "platleggen" around their object."""
    facts = facts_of(text, language)
    assert facts.cues["attack"]
    assert name in victim_names(text, language)


@pytest.mark.parametrize(("text", "language", "place"), [
    ("The club reported a breach of its ticket servers in Zeist on Monday.", "en", "Zeist"),
    ("De bond ontdekte de inbraak in zijn netwerk in Zeist.", "nl", "Zeist"),
    ("Les pirates ont chiffré les serveurs de son usine à Namur.", "fr", "Namur"),
])
def test_a_place_that_says_where_the_thing_hit_stands_is_no_victim(text: str, language: str, place: str) -> None:
    """The cue speaks of the network or the plant; the town after "in", "à" only says where it is."""
    facts = facts_of(text, language)
    assert place not in [facts.text[c.start:c.end] for c in victims_in(facts)]


@pytest.mark.parametrize(("text", "language", "place"), [
    ("Hackers attacked Zeist last week.", "en", "Zeist"),
    ("Hackers vielen vorige week Zeist aan.", "nl", "Zeist"),
])
def test_a_place_the_cue_names_itself_is_still_a_victim(text: str, language: str, place: str) -> None:
    facts = facts_of(text, language)
    assert place in [facts.text[c.start:c.end] for c in victims_in(facts)]


@pytest.mark.parametrize(("text", "language"), [
    ("De aanval op het Duitse het Duitse bedrijf trof duizenden klanten.", "nl"),
    ("The attack hit French and German firms across the region.", "en"),
])
def test_a_nationality_adjective_alone_names_no_victim(text: str, language: str) -> None:
    """ "Duitse", "French and German" say where the victims are from; they are no organisation's name."""
    assert not [c for c in victims_in(facts_of(text, language)) if c.victim.key.startswith("org:")]


def test_a_name_that_begins_with_a_nationality_is_still_a_name() -> None:
    assert "Norwegian Refugee Council" in victim_names("The Norwegian Refugee Council was hacked last week.")


def test_whom_a_speaker_tells_is_not_the_subject_of_what_it_tells() -> None:
    """ "told the broadcaster that they had been hacked": the clause after "that" has its own subject, so its cue is
    not the broadcaster's; "the utility that was hacked" has no other subject, and is the victim."""
    assert "broadcaster" not in victim_names("The Kettleby Party told the broadcaster that they had been hacked.")
    assert "utility" in victim_names("The utility that was hacked last week, Veldmark Water, restored its systems.")


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("Der Rüstungskonzern und Automobilzulieferer Korvan wurde Opfer eines Ransomware-Angriffs.", "de",
     ["org:korvan"]),
    ("Die Stadtverwaltung und Korvan wurden Opfer eines Ransomware-Angriffs.", "de",
     ["org:korvan", "?/government:stadtverwaltung"]),
])
def test_two_joined_descriptions_of_one_name_are_one_victim(text: str, language: str, expected: list[str]) -> None:
    """German writes a name's description capitalised, inside the name's chunk; the description joined to it by "und"
    describes the same name. A sector noun joined to a bare name is a second victim."""
    assert [c.victim.key for c in candidates(facts_of(text, language))] == expected


@pytest.mark.parametrize(("text", "language"), [
    ("The ransomware attack on Veldmark Water is the worst since the attack on Kettleby Bank in 2019.", "en"),
    ("Like the attack on Kettleby Bank, the ransomware attack on Veldmark Water encrypted every server.", "en"),
    ("Der Angriff auf Veldmark ist der schwerste seit dem Angriff auf die Kettleby Bank.", "de"),
    ("Bei Veldmark wurde ähnliche Ransomware wie bei dem Angriff auf die Kettleby Bank verwendet.", "de"),
    ("Comme lors de l'attaque contre la Kettleby Bank, les pirates ont chiffré les serveurs de Veldmark.", "fr"),
    ("L'attacco contro Veldmark è il più grave dall'attacco contro la Kettleby Bank.", "it"),
    ("Net als bij de aanval op de Kettleby Bank legden de hackers de servers van Veldmark plat.", "nl"),
    ("El ataque contra Veldmark es el peor desde el ataque contra el Kettleby Bank.", "es"),
])
def test_whom_an_attack_set_beside_the_reported_one_hit_is_not_its_victim(text: str, language: str) -> None:
    """A comparison before "the attack on X" in its clause puts that earlier attack beside the reported one."""
    assert "Kettleby Bank" not in victim_names(text, language)


@pytest.mark.parametrize(("text", "language"), [
    ("Comme lors de l'attaque contre la Kettleby Bank, les pirates ont chiffré les serveurs de Veldmark.", "fr"),
    ("Net als bij de aanval op de Kettleby Bank legden de hackers de servers van Veldmark plat.", "nl"),
    ("Dopo l'attacco informatico a Kettleby Bank, gli hacker hanno condotto un attacco ransomware contro la sanità di "
     "Veldmark.", "it"),
])
def test_the_article_level_model_never_takes_another_attack_s_victim(text: str, language: str) -> None:
    """Where no sentence casts a named victim, the article-level model judges the names the article mentions; a
    mention of another attack's victim is not one it reads."""
    assert not [v for frame in frames_of(text, language) for v in frame.victims if v.name == "Kettleby Bank"]


def test_examples_after_like_are_still_victims() -> None:
    assert victim_names("Hospitals like Brindle Health were hit by the ransomware attack last week.") \
        == ["Brindle Health"]


@pytest.mark.parametrize(("text", "language", "officer"), [
    ("Brindle Health Chief Mira Tallis called the ransomware attack on the hospital serious.", "en",
     "Brindle Health Chief Mira Tallis"),
    ("Brindle-Geschäftsführer Mira Tallis hat den Cyberangriff auf das Krankenhaus als schwerwiegend beschrieben.",
     "de", "Brindle-Geschäftsführer Mira Tallis"),
    ("Directeur Mira Tallis noemde de cyberaanval op het ziekenhuis ernstig.", "nl", "Directeur Mira Tallis"),
])
def test_an_officer_who_opens_a_sentence_on_the_attack_is_not_its_subject_victim(text: str, language: str,
                                                                                  officer: str) -> None:
    """A name with an office in it (the packs' person nouns) that opens an attack sentence speaks of the attack; the
    organisation hit is cast by its own cue."""
    names = victim_names(text, language)
    assert officer not in names and len(names) == 1


@pytest.mark.parametrize(("text", "language"), [
    ("After the attack on Kettleby Bank, hackers launched a ransomware attack on Veldmark Water.", "en"),
    ("Dopo l'attacco informatico a Kettleby Bank, gli hacker hanno condotto un attacco ransomware contro Veldmark.",
     "it"),
    ("Après l'attaque contre la Kettleby Bank, des pirates ont lancé une attaque contre Veldmark.", "fr"),
    ("Tras el ataque contra el Kettleby Bank, los piratas lanzaron un ataque contra Veldmark.", "es"),
])
def test_an_attack_a_sentence_opens_after_is_an_earlier_one(text: str, language: str) -> None:
    """ "After the attack on X, <another attack>": X was hit by the earlier attack, not by the one reported."""
    assert victim_names(text, language) == ["Veldmark Water" if language == "en" else "Veldmark"]


def test_after_the_attack_the_same_attack_keeps_its_victim() -> None:
    assert victim_names("After the attack on Kettleby Bank, the bank said the attack had cost millions.") \
        == ["Kettleby Bank"]


def test_a_country_named_in_a_denial_is_not_the_victim_s() -> None:
    """The embassy that denies speaks for the accused: its country is not where the parliament is."""
    text = "The Chinese embassy denied any role in the cyberattack on the parliament."
    [frame] = extract_frames("d", text, "en", "2024-05-01", RESOURCES)
    assert [(v.name, v.country) for v in frame.victims] == [("parliament", None)]


@pytest.mark.parametrize(("text", "language"), [
    ("Hackers launched DDoS attacks on Estonia for three weeks.", "en"),
    ("Des pirates ont lancé des attaques DDoS contre l'Estonie pendant trois semaines.", "fr"),
    ("Hacker haben drei Wochen lang DDoS-Angriffe auf Estland verübt.", "de"),
    ("Hackers voerden drie weken lang ddos-aanvallen op Estland uit.", "nl"),
    ("Gli hacker hanno lanciato attacchi DDoS contro l'Estonia per tre settimane.", "it"),
    ("Los hackers lanzaron ataques DDoS contra Estonia durante tres semanas.", "es"),
])
def test_a_country_an_attack_cue_names_as_hit_is_the_victim_of_an_article_naming_no_other(
        text: str, language: str) -> None:
    """The state is the victim, keyed as "the Estonian government" is, and too coarse a one to join two reports."""
    [frame] = frames_of(text, language)
    assert [(v.key, v.country, v.sector, v.generic) for v in frame.victims] == [
        ("EE/government:government", "EE", "government", True)]


@pytest.mark.parametrize(("text", "victim"), [
    ("Hackers launched DDoS attacks from Russia for three weeks.", None),  # where the attacks came from
    ("DDoS attacks on Estonia's banks lasted three weeks.", "EE/finance:banks"),  # the country owns what was hit
    ("Hackers launched DDoS attacks on the Bank of Estonia for three weeks.", "org:bank of estonia"),  # a name
    # an article that names another victim: the state named beside it in passing is no victim of its own
    ("Hackers hit the Lutrecht water board in a ransomware attack, weeks after DDoS attacks on Estonia.",
     "org:lutrecht water board"),
])
def test_a_country_is_no_state_victim_where_it_attacks_owns_or_is_named_or_beside_another_victim(
        text: str, victim: str | None) -> None:
    assert [v.key for frame in frames_of(text, "en") for v in frame.victims] == ([victim] if victim else [])


def test_a_country_a_claim_accuses_is_never_the_victim_s() -> None:
    """The article names Russia more than any other country, but as the accused of its claims: the assembly it says
    was hacked is not placed in Russia (before, the article's most named country became the victim's)."""
    text = ("Estonia accuses Russia of hacking the Korvan Assembly. Russia is behind this activity, the foreign "
            "minister said. Russian diplomats were summoned on Monday. The Korvan Assembly was attacked on 24 May in "
            "what it called a concerted cyber attack, and e-mail accounts of members were breached.")
    victims = [v for frame in extract_frames("doc", text, "en", "2024-06-01", RESOURCES) for v in frame.victims]
    assert [v.name for v in victims] == ["Korvan Assembly"]
    assert victims[0].country != "RU"


def test_names_in_one_enumeration_with_a_victim_are_victims_too() -> None:
    """"Attacked X and the logistics firm Y": the cue casts the name next to it, and the enumeration the other."""
    text = "Hackers attacked the Ardmore Water Board and the logistics firm Calder Freight on Monday."
    victims = {v.name for frame in extract_frames("doc", text, "en", "2024-05-01", RESOURCES) for v in frame.victims}
    assert {"Ardmore Water Board", "Calder Freight"} <= victims


@pytest.mark.parametrize(("language", "sentence", "kept", "never"), [
    ("en", "A new ransomware strain has hit Windows and Linux in recent weeks, encrypting files.", set(),
     {"Windows", "Linux"}),
    ("fr", "Le rançongiciel a frappé Windows et Linux ces dernières semaines.", set(), {"Windows", "Linux"}),
    ("en", "Hackers targeted Windows Management Instrumentation in the attack on the Korvan water board.", set(),
     {"Windows Management Instrumentation"}),
    ("en", "The malware attacked Android users in Veldmark last month.", {"Android users"}, set()),
    ("en", "Groups were linked to attacks on critical ProxyLogon bugs from early March, stealing data.", set(),
     {"ProxyLogon"}),
    ("en", "The Brindle gang targeted the PrintNightmare flaw in attacks on the Norvale council.", {"Norvale council"},
     {"PrintNightmare"}),
])
def test_platforms_and_techniques_are_never_victims_but_their_users_are(language, sentence, kept, never):
    """ATT&CK's platforms and technique names, and the names of known flaws, are what was attacked, not who: they
    neither become victims nor key an incident that unrelated articles then join."""
    names = {v.name for frame in extract_frames("doc", sentence, language, PUBLISHED, RESOURCES) for v in frame.victims}
    assert kept <= names and not names & never


@pytest.mark.parametrize(("line", "story"), [
    ("ASHBURY — Brindle Health paid a ransom to the hackers.", "Brindle Health paid"),
    ("PORT KESTREL, Va. - Ransomware locked the servers of Oakridge High School", "Ransomware locked"),
    ("VELDMARK CITY (Reuters) - Korvan Airways said on Wednesday", "Korvan Airways said"),
    ("(TNS) -- LUTRECHT, Tenn. — Officials in the town restored their e-mail on Friday.", "Officials in"),
    ("LUTRECHT (ANP) – Veldmark heeft de afgelopen weken last gehad van aanvallen.", "Veldmark heeft"),
])
def test_a_dateline_belongs_to_no_sentence(line, story):
    """A wire's dateline is no part of the story's first sentence: its capitals would be read as the sentence's
    first name, where its subject stands."""
    assert line[after_dateline(line, 0, len(line)):].startswith(story)


@pytest.mark.parametrize("line", ["NHS - the health service was hit.", "Korvan Airways - the carrier said",
                                  "The attack — a ransomware strike — hit Lutrecht."])
def test_a_sentence_opening_with_a_name_or_an_acronym_has_no_dateline(line):
    assert after_dateline(line, 0, len(line)) == 0


@pytest.mark.parametrize("text", [
    "ASHBURY — Brindle Health has told all of its staff to change their passwords after a ransomware attack.",
    "ASHBURY — Brindle Health has forced all of its staff to change their passwords after a ransomware attack.",
])
def test_a_dateline_does_not_hide_the_victim_that_opens_the_story(text: str) -> None:
    names = {v.name for frame in extract_frames("doc", text, "en", PUBLISHED, RESOURCES) for v in frame.victims}
    assert names == {"Brindle Health"}


@pytest.mark.parametrize(("text", "cast"), [
    ("Brindle Health has told all of its staff to change their passwords after a ransomware attack.", True),
    ("Brindle Health told customers that a ransomware attack had disrupted its systems.", True),
    ("Kettleby Security told reporters that the ransomware attack had disrupted hospitals.", False),
])
def test_an_organisation_telling_its_own_people_of_an_attack_is_its_subject(text: str, cast: bool) -> None:
    """The subject of an attack sentence is its victim unless it reports on someone else ("Kettleby Security told
    reporters"); telling its own staff or customers is the victim's own notice."""
    from cybertrack.extract.roles import cast_by_rules
    from cybertrack.extract.victims import candidates

    facts = facts_of(text)
    found = candidates(facts)
    assert dict(zip([c.victim.name for c in found], cast_by_rules(facts, found), strict=True))[found[0].victim.name] \
        is cast


@pytest.mark.parametrize(("language", "text", "victim"), [
    ("en", "Hackers breached the systems of Brindle Health on Sunday. The company said the Lapsus$ group was behind "
           "the attack.", "Brindle Health"),
    ("de", "Hacker haben die Systeme der Stadtwerke Lutrecht verschlüsselt. Das Unternehmen erklärte, die Gruppe "
           "LockBit stecke hinter dem Angriff.", "Stadtwerke Lutrecht"),
    ("fr", "Des pirates ont paralysé les serveurs de Korvan Logistique. L'entreprise a indiqué que le groupe LockBit "
           "était derrière l'attaque.", "Korvan Logistique"),
    ("nl", "Hackers hebben de systemen van Veldmark Transport platgelegd. Het bedrijf meldt dat de groep LockBit "
           "achter de aanval zit.", "Veldmark Transport"),
    ("fr", "Des pirates ont paralysé les serveurs de Korvan Logistique. Selon la société canadienne, le groupe LockBit "
           "serait derrière ce sabotage.", "Korvan Logistique"),
])
def test_the_company_that_speaks_is_the_organisation_the_report_is_about(language, text, victim):
    """ "..., the company said": the bare noun refers back to the one organisation the frame names as hit."""
    [frame] = extract_frames("doc", text, language, PUBLISHED, RESOURCES)
    assert [v.name for v in frame.victims] == [victim]
    assert [(c.claimant, c.attributed_to) for c in frame.claims] == [(victim, ("LockBit",) if language != "en"
                                                                      else ("LAPSUS",))]


@pytest.mark.parametrize(("language", "text", "victim"), [
    ("it", "Gli hacker hanno attaccato l'Autorità portuale di Castelmare.", "Autorità portuale di Castelmare"),
    ("fr", "Le Conseil départemental de la Lozère a été victime d'une cyberattaque.",
     "Conseil départemental de la Lozère"),
    ("fr", "Des pirates ont attaqué le Centre hospitalier de Varenne.", "Centre hospitalier de Varenne"),
])
def test_a_capitalised_head_with_a_lower_case_word_names_the_institution_through_the_name_after_it(
        language, text, victim):
    """ "l'Autorità portuale di Castelmare": the lower-case adjective ends the name chunk "Autorità", yet the head
    names one institution through the place after it, as "la ville de Namur" does; not the place alone, nor a
    nameless port authority beside it."""
    [frame] = extract_frames("doc", text, language, PUBLISHED, RESOURCES)
    assert [v.name for v in frame.victims] == [victim]


@pytest.mark.parametrize(("language", "text"), [
    ("de", "Am Montag waren die Portale der Stadt Brindle und der Norvale Bank nach einem DDoS-Angriff nicht "
           "erreichbar."),
    ("en", "On Monday, the portals of Brindle airport and Norvale Bank were knocked offline by a DDoS attack."),
    ("fr", "Lundi, les portails de la ville de Brindle et de la banque Norvale ont été mis hors ligne par des attaques "
           "DDoS."),
    ("es", "El lunes quedaron fuera de servicio los portales del ayuntamiento de Brindle y del banco Norvale tras un "
           "ataque DDoS."),
    ("nl", "Maandag waren de portalen van de gemeente Brindle en van Norvale Bank onbereikbaar door een DDoS-aanval."),
])
def test_whose_portals_were_knocked_offline_are_the_victims(language: str, text: str) -> None:
    """ "the portals of X and Y", "die Portale der Stadt X und der Y": the owners of the portals are hit, every one
    the list names."""
    [frame] = extract_frames("doc", text, language, PUBLISHED, RESOURCES)
    names = [v.name for v in frame.victims]
    assert any("Brindle" in name for name in names) and any("Norvale" in name for name in names), names


@pytest.mark.parametrize(("language", "text", "victim", "actors"), [
    ("es", "Los piratas del grupo Korvan atacaron al Grupo Almadía el martes.", "Grupo Almadía", ["Korvan"]),
    ("it", "Un attacco ransomware del gruppo Korvan ha colpito il Gruppo Veldmark.", "Gruppo Veldmark", ["Korvan"]),
    ("fr", "Le Groupe Lutrex a été victime d'une cyberattaque du groupe Korvan.", "Groupe Lutrex", ["Korvan"]),
])
def test_a_firm_named_with_a_capitalised_group_noun_is_a_victim_and_a_crew_s_group_noun_stays_lower_case(
        language, text, victim, actors):
    """ "Grupo Almadía", "Gruppo Veldmark": languages that write "grupo" in lower case capitalise it only in a firm's
    name, so the name is no attacker word; "el grupo Korvan" is the crew."""
    [frame] = extract_frames("doc", text, language, PUBLISHED, RESOURCES)
    assert [v.name for v in frame.victims] == [victim]
    assert frame.actors == actors


@pytest.mark.parametrize(("language", "text", "victim"), [
    ("fr", "Le centre hospitalier de Varenne a été victime mardi d'une attaque informatique. Selon l'ANSSI, les "
           "serveurs de l'hôpital ont été chiffrés par un rançongiciel. L'hôpital avait déjà subi une panne "
           "informatique majeure en 2021.", "centre hospitalier de Varenne"),
    ("es", "El Hospital Universitario de Valbruna sufrió el martes un ciberataque. Según el CCN-CERT, los servidores "
           "del hospital fueron cifrados por un ransomware. El hospital ya había sufrido una avería informática grave "
           "en 2021.", "Hospital Universitario de Valbruna"),
    ("de", "Das Klinikum Lutrecht wurde am Dienstag Opfer eines Cyberangriffs. Laut BSI wurden die Server des "
           "Krankenhauses von einer Ransomware verschlüsselt. Das Krankenhaus hatte bereits 2021 einen schweren "
           "IT-Ausfall erlitten.", "Klinikum Lutrecht"),
])
def test_a_bare_sector_noun_after_a_named_victim_of_that_sector_is_that_victim(language, text, victim):
    """ "l'hôpital" after "le centre hospitalier de Varenne": the same victim again, named by a lower-case head or
    not, so what its sentences tell (the ransomware, an old outage) is told of it, not of a second, nameless victim
    with a date of its own."""
    [frame] = extract_frames("doc", text, language, PUBLISHED, RESOURCES)
    assert [v.name for v in frame.victims] == [victim]
    assert "ransomware" in frame.types


@pytest.mark.parametrize(("language", "text", "vendor"), [
    ("en", "Hackers breached Kaseya and pushed ransomware to the customers of its software.", "Kaseya"),
    ("es", "Las autoridades de Veldmark investigan el ciberataque a SolarWinds, que afectó a miles de clientes.",
     "SolarWinds"),
    ("fr", "Le piratage de SolarWinds a touché des milliers de clients de l'éditeur.", "SolarWinds"),
])
def test_the_vendor_a_supply_chain_attack_is_named_after_is_its_victim(language, text, vendor):
    """ "SolarWinds", "Kaseya" are words for a kind of attack (a supply-chain attack is known by its vendor) and the
    name of the vendor it hit first: the name stays a victim."""
    names = {v.name for frame in extract_frames("doc", text, language, PUBLISHED, RESOURCES) for v in frame.victims}
    assert vendor in names


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("Ein Ransomware-Angriff legte die Verwaltung der Stadt Lutrecht lahm.", "de", ["org:lutrecht"]),
    ("Ransomware crippled the administration of the city of Lutrecht.", "en", ["org:lutrecht"]),
    ("Un rançongiciel a paralysé l'administration de la ville de Lutrecht.", "fr", ["org:lutrecht"]),
    # a place word between them ("in") says where the body is, not whose it is: the body stays
    ("Die Polizei in Lutrecht wurde angegriffen.", "de", ["org:lutrecht", "?/government:police"]),
])
def test_a_state_body_of_a_named_owner_is_the_owner(text: str, language: str, expected: list[str]) -> None:
    """ "The administration of the city of X" is one victim, the city: a government noun tied to the name after it by
    a connector of the language names that name's own body, as a noun right before it does."""
    assert [c.victim.key for c in candidates(facts_of(text, language))] == expected


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("Der Gesundheitsdienst wurde Opfer eines Ransomware-Angriffs.", "de", "Gesundheitsdienst"),
    ("Le service de santé a été victime d'un rançongiciel.", "fr", "service de santé"),
    ("Il sistema sanitario è stato colpito da un ransomware.", "it", "sistema sanitario"),
    ("De gezondheidsdienst werd het slachtoffer van ransomware.", "nl", "gezondheidsdienst"),
    ("Los servicios de salud fueron atacados.", "es", "servicios de salud"),
])
def test_every_language_names_a_health_service(text: str, language: str, expected: str) -> None:
    """The English pack's "health service" and "health system" have their words in every pack: a state's health
    service hit by ransomware is a healthcare victim whatever the language of the report."""
    facts = facts_of(text, language)
    assert [(facts.text[c.start:c.end], c.victim.sector) for c in candidates(facts)] == [(expected, "healthcare")]


@pytest.mark.parametrize(("text", "language"), [
    ("Die Stadt Lutrecht wurde Opfer eines Ransomware-Angriffs.", "de"),
    ("The City of Lutrecht was hit by ransomware.", "en"),
])
def test_an_administration_is_keyed_by_its_place_name_whole(text: str, language: str) -> None:
    """ "Stadt Lutrecht" is keyed by "lutrecht": its head is taken off once (it had been cut twice, keying an unknown
    town by the tail of its name, "cht")."""
    assert [c.victim.key for c in candidates(facts_of(text, language))] == ["org:lutrecht"]


@pytest.mark.parametrize(("text", "language", "key"), [
    ("Noruega denunció el ataque. El Parlamento Veldting fue atacado el lunes, dijo el gobierno de Noruega.", "es",
     "NO/government:parliament"),
    ("Norway condemned the attack. The Parliament Veldting was hacked on Monday, the government of Norway said.",
     "en", "NO/government:parliament"),
    # a longer name is an office of its own
    ("Norway condemned the attack. The Government Accountability Office was hacked on Monday, the government of "
     "Norway said.", "en", "org:government accountability office"),
])
def test_a_state_body_called_by_its_own_name_is_the_state_body(text: str, language: str, key: str) -> None:
    """ "el Parlamento Storting": a state body's noun before the one word its state calls it is that state's body
    (the article's country), one victim with "the Norwegian parliament" of the other reports."""
    assert key in {v.key for frame in frames_of(text, language) for v in frame.victims}


@pytest.mark.parametrize(("text", "language", "key"), [
    ("Het wachtwoord van een politiemedewerker werd buitgemaakt.", "nl", "?/government:police"),
    ("Aanvallers kregen toegang tot de e-mail van Noorse parlementsmedewerkers.", "nl", "NO/government:parliament"),
    ("Die Daten der Krankenhausmitarbeiter wurden gestohlen.", "de", "?/healthcare:krankenhaus"),
])
def test_people_compounded_with_their_organisation_name_it(text: str, language: str, key: str) -> None:
    """German and Dutch write the people of an organisation into one word with the noun that names it: the
    organisation is the victim, keyed as its noun alone would be (a linking "s" may join them)."""
    assert key in [c.victim.key for c in candidates(facts_of(text, language))]


def test_a_people_word_alone_is_no_compound() -> None:
    assert candidates(facts_of("Die Mitarbeiter wurden per E-Mail informiert.", "de")) == []


@pytest.mark.parametrize(("text", "key"), [
    ("Ransomware crippled the booking systems of the Lazio region on Sunday.", "org:lazio"),
    ("Hackers attacked the Kent county council on Monday.", "org:kent"),
])
def test_a_place_before_its_head_is_its_administration(text: str, key: str) -> None:
    """English writes "the Lazio region" where Italian writes "la regione Lazio": a known place right before a place
    head is that place's administration, keyed by the place's name as the other order is."""
    assert key in [c.victim.key for c in candidates(facts_of(text, "en"))]


def test_a_name_the_gazetteer_does_not_know_before_a_region_is_no_administration() -> None:
    assert [c.victim.key for c in candidates(facts_of("Ransomware hit the Korvan region of the firm.", "en"))] \
        == ["org:korvan"]


@pytest.mark.parametrize(("text", "language"), [
    ("Die Angreifer verschafften sich Zugang zum Netzwerk der Stadtverwaltung.", "de"),
    ("Les pirates ont eu accès aux serveurs de la mairie.", "fr"),
    ("Gli hacker hanno avuto accesso ai server del comune.", "it"),
    ("Los atacantes obtuvieron acceso a los servidores del ayuntamiento.", "es"),
    ("De aanvallers kregen toegang tot de servers van de gemeente.", "nl"),
])
def test_gaining_access_reports_an_attack_in_every_language(text: str, language: str) -> None:
    """ "gained access" reports an intrusion in the English pack; every pack says it in its own words."""
    assert facts_of(text, language).is_attack


@pytest.mark.parametrize(("text", "expected"), [
    ("Tegen persbureau Korvan zegt de club dat er ook adressen van oud-spelers zijn buitgemaakt.", []),
    ("Tegen de gemeente Lutrecht werd vorige week een aanval uitgevoerd.", ["gemeente Lutrecht"]),
])
def test_whom_a_speaker_tells_before_the_verb_is_no_victim(text: str, expected: list[str]) -> None:
    """Dutch "tegen" also introduces whom a speaker tells, before the reporting verb when it opens the sentence;
    "tegen" before an attack stays the attack's target."""
    assert victim_names(text, "nl") == expected


def test_hackers_who_hit_a_name_attack_it() -> None:
    """ "Hackers hit Kettleby Bank": the active verb after a word for attackers reports the attack, as "hit by
    hackers" does."""
    frames = extract_frames("doc", "Hackers have hit Kettleby Bank.", "en", PUBLISHED, RESOURCES)
    assert [v.name for f in frames for v in f.victims] == ["Kettleby Bank"]


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Hackers hit the Lutrecht water board on Monday. They used the same ransomware as in the attack on "
     "Kettleby Pipeline last week. That attack was carried out by the Darkside gang, the police said."),
    ("de", "Hacker haben die Stadtwerke Lutrecht angegriffen. Die Täter nutzten dieselbe Schadsoftware wie beim "
     "Angriff auf die Kettleby Pipeline. Dieser Angriff war nach Angaben der Polizei von der Gruppe Darkside "
     "ausgeführt worden."),
    ("fr", "Des pirates ont attaqué lundi la mairie de Lutrèche. Ils ont utilisé un rançongiciel semblable, "
     "comme lors de l'attaque contre l'oléoduc Kettleby. Cette attaque avait été menée par le groupe "
     "Darkside, selon la police."),
    ("nl", "Hackers hebben maandag de gemeente Lutrecht aangevallen. Ze gebruikten dezelfde ransomware zoals bij "
     "de aanval op de Kettleby-pijpleiding. Die aanval werd volgens de politie uitgevoerd door de groep "
     "Darkside."),
    ("it", "Gli hacker hanno attaccato lunedì il Comune di Lutrecht. Hanno usato lo stesso ransomware come già "
     "nell'attacco all'oleodotto Kettleby. Quell'attacco era stato condotto dal gruppo Darkside, secondo "
     "la polizia."),
    ("es", "Unos piratas atacaron el lunes el Ayuntamiento de Lutrecht. Usaron el mismo ransomware, como en el "
     "ataque al oleoducto Kettleby. Ese ataque fue llevado a cabo por el grupo Darkside, según la policía."),
])
def test_who_did_the_attack_a_report_compares_its_own_with_did_not_do_this_one(language: str, text: str) -> None:
    """ "The same ransomware as in the attack on X. That attack was carried out by Darkside": the sentence that
    refers back to the compared attack (the packs' ``that_attack``) tells of that attack; its culprit and whoever
    blames it are not the reported attack's."""
    [frame] = extract_frames("d", text, language, "2021-05-20", RESOURCES)
    assert frame.actors == [] and frame.claims == []


def test_a_claim_about_an_earlier_attack_is_not_the_reported_ones() -> None:
    """An attribution in a sentence that tells of an earlier attack (the packs' ``earlier_event`` markers) blames
    that attack's culprit, not the reported one's."""
    for earlier in ("In the past, the government blamed Russia for an attack on the board.",
                    "The board had previously been hacked by APT28, the government said."):
        [frame] = extract_frames("d", f"Hackers hit the Lutrecht water board on Monday. {earlier}", "en",
                                 "2021-05-20", RESOURCES)
        assert frame.claims == [] and frame.actors == []


@pytest.mark.parametrize(("text", "sentences"), [
    ("« Elles visent surtout à faire parler d’elles. » Le port a porté plainte.",
     ["« Elles visent surtout à faire parler d’elles. »", "Le port a porté plainte."]),
    ("« C’est un coup dur. »", ["« C’est un coup dur. »"]),
    # German's » opens a quote, glued to its first word: it stays with the sentence it opens
    ("Er sagte: »Wir zahlen nicht.« Dann ging er.", ["Er sagte: »Wir zahlen nicht.«", "Dann ging er."]),
])
def test_a_closing_quotation_mark_ends_the_sentence_it_closes(text, sentences):
    """The French close a quote with " »" after the full stop; the splitter put the mark at the start of the next
    sentence, and the cleaner dropped it as an empty one when it stood last."""
    assert [text[a:b] for a, b in sentence_spans(text)] == sentences


@pytest.mark.parametrize(("text", "language", "victim"), [
    ("El Ayuntamiento de Kettleby fue objeto de una campaña de ciberespionaje que se prolongó durante al menos tres "
     "semanas, según ha explicado este martes la Policía Nacional.", "es", "Ayuntamiento de Kettleby"),
    ("La mairie de Kettleby a fait l'objet d'une campagne d'espionnage qui a duré au moins trois semaines, a indiqué "
     "mardi la gendarmerie nationale.", "fr", "mairie de Kettleby"),
    ("Il Comune di Kettleby è stato oggetto di una campagna di spionaggio durata almeno tre settimane, ha spiegato "
     "martedì la Polizia Postale.", "it", "Comune di Kettleby"),
    ("Het bedrijf Kettleby Foods is sinds maart 2024 het doelwit geweest van een spionagecampagne, meldt de Algemene "
     "Inlichtingen- en Veiligheidsdienst.", "nl", "Kettleby Foods"),
])
def test_the_thing_an_attack_was_made_on_is_its_victim(text: str, language: str, victim: str) -> None:
    """ "fue objeto de", "a fait l'objet d'", "è stato oggetto di", "het doelwit geweest": a cue casts the subject,
    a date inside the verb group at most between, and no one else (the agency that says so speaks)."""
    [facts] = document_facts(text, language, "2024-05-20", RESOURCES)
    found = candidates(facts)
    assert [c.victim.name for c, cast in zip(found, cast_by_rules(facts, found), strict=True) if cast] == [victim]
    assert [v.name for f in extract_frames("d", text, language, "2024-05-20", RESOURCES) for v in f.victims] == [victim]


@pytest.mark.parametrize(("language", "text", "victims"), [
    ("de", "Eine Welle von DDoS-Angriffen traf am Dienstag Websites in Kettleby; zu den Zielen gehörten die Norvale "
           "Sparkasse und die Stadtwerke Veldmark.", {"Norvale Sparkasse", "Stadtwerke Veldmark"}),
    ("fr", "Une vague d'attaques DDoS a frappé mardi des sites de Kettleby ; parmi les cibles figurent la Banque "
           "Norvale et la mairie de Veldmark.", {"Banque Norvale", "mairie de Veldmark"}),
    ("it", "Ondata di attacchi DDoS contro siti di Kettleby martedì: tra i bersagli la Banca Norvale e il comune di "
           "Veldmark.", {"Banca Norvale", "comune di Veldmark"}),
    ("es", "Una ola de ataques DDoS afectó el martes a webs de Kettleby; entre los objetivos figuran el Banco "
           "Norvale y el Ayuntamiento de Veldmark.", {"Banco Norvale", "Ayuntamiento de Veldmark"}),
    ("nl", "Een golf van DDoS-aanvallen trof dinsdag websites in Kettleby; onder de doelwitten waren de Norvale Bank "
           "en de gemeente Veldmark.", {"Norvale Bank", "gemeente Veldmark"}),
])
def test_the_targets_a_sentence_lists_are_victims(language: str, text: str, victims: set[str]) -> None:
    """ "among the targets were X and Y" lists who was hit, as "among the victims" does."""
    found = {v.name for f in extract_frames("d", text, language, "2024-05-20", RESOURCES) for v in f.victims}
    assert victims <= found


@pytest.mark.parametrize("text", [
    "Volgens het OM heeft dhr. Brindlers de gemeente Kettleby gehackt.",
    "Secondo la procura, il dott. Ostrova ha violato i sistemi del Comune di Kettleby.",
])
def test_a_courtesy_title_with_a_dot_ends_no_sentence(text):
    """blingfire ended the sentence after "dhr." and "dott.", which cut the person from the rest of his sentence."""
    assert [text[a:b] for a, b in sentence_spans(text)] == [text]


@pytest.mark.parametrize(("text", "language", "victim"), [
    ("For months the group spied on the Kettleby Water Board.", "en", "Kettleby Water Board"),
    ("Le groupe a espionné la régie des eaux de Kettleby.", "fr", "régie des eaux de Kettleby"),
    ("Il gruppo ha spiato il Comune di Kettleby per mesi.", "it", "Comune di Kettleby"),
    ("Die Gruppe hat monatelang die Stadtwerke Kettleby ausspioniert.", "de", "Stadtwerke Kettleby"),
    ("De groep heeft het waterschap Kettleby bespioneerd.", "nl", "waterschap Kettleby"),
    ("El grupo espió a la empresa Aguas de Kettleby durante meses.", "es", "Aguas de Kettleby"),
    ("El grupo espió al Ayuntamiento de Kettleby durante meses.", "es", "Ayuntamiento de Kettleby"),
    ("El grupo espió a la diputación provincial de Kettleby durante meses.", "es", "diputación provincial de Kettleby"),
    ("The group attacked the Korvan electricity grid last winter.", "en", "Korvan electricity grid"),
    # what was taken, and whom it was taken from
    ("Hackers stole emails from the Kettleby Water Board.", "en", "Kettleby Water Board"),
    # the passive of a disruption
    ("The power grid of Moldova was disrupted by a cyberattack.", "en", "power grid"),
    # a sector noun with its country, as the object of a German or Dutch perfect
    ("Russische Hacker haben das ukrainische Stromnetz lahmgelegt.", "de", "ukrainische Stromnetz"),
    ("Russische hackers hebben het Oekraïense elektriciteitsnet platgelegd.", "nl", "Oekraïense elektriciteitsnet"),
    # sector and people nouns descriptions of incidents use
    ("Chinese hackers gained access to the networks of the Philippine coast guard.", "en", "Philippine coast guard"),
    ("The group targeted Indian defense personnel with Android malware.", "en", "Indian defense personnel"),
    ("The group targeted Israeli water facilities.", "en", "Israeli water facilities"),
    ("A Belarusian group targeted Ukrainian officials with phishing emails.", "en", "Ukrainian officials"),
    ("Hackers targeted Taiwan's presidential office.", "en", "Taiwan's presidential office"),
    # whom a phishing message was sent to
    ("Gamaredon sent malicious documents to Ukrainian government agencies.", "en", "Ukrainian government agencies"),
    ("The group sent spear-phishing emails to the Kettleby Water Board.", "en", "Kettleby Water Board"),
])
def test_who_was_spied_on_hit_or_robbed_is_a_victim(text: str, language: str, victim: str) -> None:
    assert victim in victim_names(text, language)


@pytest.mark.parametrize(("text", "language", "victim", "country"), [
    # a head noun after the sector word, then the place: "government entities in Myanmar"
    ("The group targeted government entities in Myanmar.", "en", "government entities", "MM"),
    ("Des pirates ont visé des entités gouvernementales en Ukraine.", "fr", "entités gouvernementales", "UA"),
    ("Los piratas atacaron organismos gubernamentales en Chile.", "es", "organismos gubernamentales", "CL"),
    # "U.S." is the chunk "U.S" and its full stop: the country of the governments, not an organisation of its own
    ("The group compromised the networks of six U.S. state governments.", "en", "U.S. state governments", "US"),
    # the accounts of the victim
    ("The group hacked the social media accounts of Polish politicians.", "en", "Polish politicians", "PL"),
])
def test_the_victims_of_incident_descriptions_with_their_country(text: str, language: str, victim: str,
                                                                 country: str) -> None:
    found = [(c.victim.name, c.victim.country) for c in victims_in(facts_of(text, language))]
    assert (victim, country) in found
    assert all(name not in {"U.S", "U.S."} for name, _ in found)


@pytest.mark.parametrize(("text", "language", "victims"), [
    # the country after a victim cue is what was hit, not the subject of the verb after it
    ("A cyberattack on Albania disrupted government services for days.", "en", [("government", "AL")]),
    ("The attack on Estonia disrupted banks.", "en", [("banks", "EE")]),
    # the object of a German or Dutch perfect, with where it is between it and the participle
    ("Chinesische Hacker haben Behörden in Taiwan angegriffen.", "de", [("Behörden", "TW")]),
    ("Russische hackers hebben ziekenhuizen in Polen aangevallen.", "nl", [("ziekenhuizen", "PL")]),
    ("Il ministero della Difesa del Messico è stato violato da un gruppo di hacker.", "it",
     [("ministero della Difesa del Messico", "MX")]),
    # a nationality right before an actor's name is the actor's: the Bundestag is no Russian victim
    ("German prosecutors charged a Russian GRU officer over the hack of the Bundestag.", "en", [("Bundestag", "DE")]),
    # organisations told only by where they are ("targets in Austria, Estonia and Portugal")
    ("The group attacked targets in Austria, Estonia and Portugal.", "en",
     [("targets", "AT"), ("targets", "EE"), ("targets", "PT")]),
    ("A North Korean group targeted entities in South Korea and Japan.", "en",
     [("entities", "KR"), ("entities", "JP")]),
    ("Le groupe a visé des entités en Ukraine.", "fr", [("entités", "UA")]),
])
def test_the_hit_country_is_the_victims_and_never_the_attackers(text: str, language: str,
                                                                victims: list[tuple[str, str]]) -> None:
    [frame] = extract_frames("doc", text, language, PUBLISHED, RESOURCES)
    assert [(v.name, v.country) for v in frame.victims] == victims
    assert not [claim for claim in frame.claims if set(claim.attributed_to) & {country for _, country in victims}]


@pytest.mark.parametrize(("text", "victims", "actors"), [
    # an apposition that ends on a group noun of attackers says the name is a crew's, and its targets stay victims
    ("Korvan Kittens, an Iranian hacking group, targeted Israeli shipping companies.",
     ["Israeli shipping companies"], ["Korvan Kittens"]),
    # a bare "group" may be a firm's
    ("Lutrex Foods, a Dutch food group, was hit by ransomware.", ["Lutrex Foods"], []),
    # encrypting a victim's machines is a ransomware attack
    ("The Brindle Spider gang encrypted the servers of the Veldmark Port Authority.",
     ["Veldmark Port Authority"], ["Brindle Spider"]),
])
def test_a_crew_described_in_an_apposition_acts_and_its_targets_are_victims(text: str, victims: list[str],
                                                                            actors: list[str]) -> None:
    [frame] = extract_frames("doc", text, "en", PUBLISHED, RESOURCES)
    assert [v.name for v in frame.victims] == victims
    assert frame.actors == actors


@pytest.mark.parametrize(("text", "language"), [
    ("German prosecutors charged a Russian GRU officer over the hack of the Bundestag.", "en"),
    ("Die Bundesanwaltschaft hat einen russischen GRU-Offizier wegen des Hackerangriffs auf den Bundestag angeklagt.",
     "de"),
    ("Het Duitse OM heeft een Russische GRU-officier aangeklaagd voor de hack van de Bondsdag.", "nl"),
])
def test_an_agency_officer_acts_for_his_state_and_his_nationality_is_not_the_victims(text: str, language: str) -> None:
    """ "a Russian GRU officer", "einen russischen GRU-Offizier": the agency named by its attacking part acts, and the
    nationality before it is its side, never the country of the parliament it hacked."""
    [frame] = extract_frames("doc", text, language, PUBLISHED, RESOURCES)
    assert frame.actors == ["GRU"]
    assert [v.country for v in frame.victims if v.country == "RU"] == []



@pytest.mark.parametrize(("text", "language", "victim"), [
    ("Korvan activists hacked the Russian FSB and leaked its internal documents in March.", "en", "Russian FSB"),
    ("Des militants de Korvan ont piraté le FSB russe et divulgué ses documents internes en mars.", "fr",
     "FSB"),
])
def test_an_agency_that_was_hacked_is_a_victim_of_its_state(text: str, language: str, victim: str) -> None:
    """The attacking part of an agency comes after it ("FSB hackers"): an attack verb before it ("hacked the Russian
    FSB") makes it the object, so the nationality before it is the victim's country, not the attacker's side."""
    [frame] = extract_frames("doc", text, language, PUBLISHED, RESOURCES)
    assert [(v.name, v.country) for v in frame.victims] == [(victim, "RU")]


@pytest.mark.parametrize(("text", "victim", "country"), [
    ("State-sponsored hackers deployed destructive malware against Ukrainian government agencies in January.",
     "Ukrainian government agencies", "UA"),
    ("Pro-Iranian hackers took the Albanian government's online services offline in July.", "Albanian government",
     "AL"),
    ("A hacking group targeted South Korean cryptocurrency exchanges in 2017.",
     "South Korean cryptocurrency exchanges", "KR"),
])
def test_how_incident_descriptions_tell_the_target(text: str, victim: str, country: str | None) -> None:
    """The way databases of incidents describe them: what the malware was turned against, what was taken offline
    (its name between the verb and "offline"), and the exchanges of a country."""
    [frame] = extract_frames("doc", text, "en", PUBLISHED, RESOURCES)
    assert [(v.name, v.country) for v in frame.victims] == [(victim, country)]


@pytest.mark.parametrize(("text", "language", "victim", "country"), [
    ("Nordkoreanische Hacker haben 2016 rund 81 Millionen Dollar von der Zentralbank von Lutrecht gestohlen.", "de",
     "Zentralbank von Lutrecht", None),
    ("Hacker filorussi hanno colpito i siti del Ministero della Difesa italiano nel maggio.", "it",
     "Ministero della Difesa italiano", "IT"),
    ("Chinese hackers zijn in 2023 binnengedrongen bij het Nederlandse ministerie van Defensie.", "nl",
     "Nederlandse ministerie van Defensie", "NL"),
])
def test_what_hackers_stole_or_hit_is_an_attack_in_every_language(text: str, language: str, victim: str,
                                                                   country: str | None) -> None:
    """The English pack reads "hackers hit" and a bare "stole" as an attack; the other packs read hackers who steal
    or hit, with the verb later in the clause, so ("Hacker haben ... gestohlen", "hacker ... hanno colpito"), and
    whom Dutch hackers broke in at ("binnengedrongen bij")."""
    [frame] = extract_frames("doc", text, language, PUBLISHED, RESOURCES)
    assert [(v.name, v.country) for v in frame.victims] == [(victim, country)]


@pytest.mark.parametrize(("text", "language", "victim", "country"), [
    ("Officials said pro-Russian hackers were behind a series of attacks on Polish websites.", "en",
     "Polish websites", "PL"),
    ("Prorussische Hacker haben am Montag deutsche Webseiten mit DDoS-Angriffen lahmgelegt.", "de",
     "deutsche Webseiten", "DE"),
    ("Des hackers prorusses ont mené des attaques DDoS contre des sites internet italiens lundi.", "fr",
     "sites internet italiens", "IT"),
    ("Hacker filorussi hanno attaccato lunedì diversi siti web italiani con attacchi DDoS.", "it",
     "diversi siti web italiani", "IT"),
    ("Hackers prorrusos atacaron el lunes varios sitios web españoles con ataques DDoS.", "es",
     "sitios web españoles", "ES"),
    ("Pro-Russische hackers hebben maandag Nederlandse websites platgelegd met DDoS-aanvallen.", "nl",
     "Nederlandse websites", "NL"),
])
def test_a_country_s_websites_are_a_victim_in_every_language(text: str, language: str, victim: str,
                                                             country: str) -> None:
    """A campaign against a country's websites hits that country. German and Dutch put the means between the object
    and the participle, or Dutch after it ("mit DDoS-Angriffen lahmgelegt", "platgelegd met DDoS-aanvallen"); the
    weekday before the noun is no modifier of it ("lunedì diversi siti web")."""
    [frame] = extract_frames("doc", text, language, PUBLISHED, RESOURCES)
    assert [(v.name, v.country) for v in frame.victims] == [(victim, country)]


def test_on_and_a_day_is_no_part_of_a_name() -> None:
    """Only after a body named for what it deals with does "on" stay in a name, and never before a weekday."""
    assert chunk_texts("The attack hit the Lutrex Council on Monday.", "en") == ["Lutrex Council", "Monday"]
    assert chunk_texts("The attack hit Lutrex on Monday.", "en") == ["Lutrex", "Monday"]


@pytest.mark.parametrize(("text", "language", "name"), [
    ("Die Gruppe Gamaredon steckt hinter dem Angriff auf die Halvorn Maschinenbau GmbH im März.", "de",
     "Halvorn Maschinenbau GmbH"),
    ("Il gruppo LockBit ha attaccato la Lutrex Sistemi SpA a marzo.", "it", "Lutrex Sistemi SpA"),
])
def test_a_company_form_in_mixed_case_makes_the_words_before_it_a_name(text: str, language: str, name: str) -> None:
    """ "GmbH", "SpA": a company's legal form names it as an acronym would, though the tagger reads the words before
    it as common nouns; they are the name, not a description of "GmbH"."""
    [frame] = extract_frames("doc", text, language, PUBLISHED, RESOURCES)
    assert [v.name for v in frame.victims] == [name]


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Hospital staff in Veldmark took part in drills on ransomware attacks."),
    ("fr", "Les hôpitaux de Veldmark organisent des simulations d'attaques par rançongiciel."),
    ("de", "Die Kliniken in Veldmark organisieren Simulationen von Ransomware-Angriffen."),
    ("it", "A Trento tre giorni tra ransomware e simulazioni di attacchi informatici."),
    ("es", "Los hospitales de Veldmark organizan simulaciones de ataques de ransomware."),
    ("nl", "De ziekenhuizen in Veldmark houden simulaties van ransomware-aanvallen."),
])
def test_simulations_and_drills_of_attacks_report_none(language: str, text: str) -> None:
    [facts] = document_facts(text, language, PUBLISHED, RESOURCES)
    assert facts.cues["attack"] and not facts.is_attack


@pytest.mark.parametrize(("text", "language", "claimant"), [
    ("The firm told reporters it saw no evidence that client data had been stolen.", "en", "firm"),
    ("„Es gibt keine Hinweise darauf, dass Kundendaten abgeflossen sind“, erklärte eine Sprecherin der Stadtwerke "
     "Lutrecht.", "de", "Stadtwerke Lutrecht"),
])
def test_a_victim_s_doubt_about_stolen_data_disputes_the_gang_s_claim(text: str, language: str,
                                                                       claimant: str) -> None:
    """ "no evidence that client data had been stolen", after a gang claimed the theft: the dispute answers the
    claim of the group the article accused, though it names nobody; a doubt that tells no theft still names whom it
    disputes ("no evidence that Russia was behind it")."""
    [claim] = claims_of(text, language, context_states=["Akira"])
    assert claimant in claim.claimant and (claim.stance, claim.attributed_to) == (Stance.DISPUTES, ("Akira",))
    assert claims_of("The company said it had found no evidence that the attackers got in through a VPN.", "en",
                     context_states=["Akira"]) == []


@pytest.mark.parametrize(("text", "language"), [
    ("Les pirates ont envoyé des courriels d'hameçonnage ciblés exploitant une vulnérabilité de Microsoft Outlook.",
     "fr"),
    ("Die Hacker verschickten gezielte Phishing-Mails und nutzten eine Schwachstelle in Microsoft Outlook aus.", "de"),
    ("Los piratas enviaron correos de phishing dirigidos aprovechando una vulnerabilidad de Microsoft Outlook.", "es"),
    # the name set right after the flaw's noun, or before it
    ("Gli hacker sono entrati nei server sfruttando le falle Lutrex Gateway.", "it"),
    ("The hackers broke into the servers by exploiting the Lutrex Gateway flaws.", "en"),
])
def test_the_product_a_flaw_is_in_is_no_victim(text: str, language: str) -> None:
    """ "une vulnérabilité de Microsoft Outlook", "le falle Lutrex Gateway", "the Lutrex Gateway flaws": the name
    beside a flaw's noun is the flawed product."""
    assert not any(frame.victims for frame in extract_frames("doc", text, language, PUBLISHED, RESOURCES))
