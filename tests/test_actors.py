"""Who acts in an attack: ransomware gangs, hacktivists, state agencies with their state, people charged; and who
does not (groups named for comparison, malware named as a tool, reporters, victims). Every sentence is invented."""

from __future__ import annotations

import pytest

from cybertrack.extract.attackers import Acting, sentence_attackers
from cybertrack.extract.frames import document_facts, extract_frames
from cybertrack.extract.lexicons import LANGUAGES
from cybertrack.knowledge.base import knowledge_base
from cybertrack.lang import topic
from cybertrack.resolve import resolve
from tests.conftest import RESOURCES

PUBLISHED = "2024-03-05"


def acting(sentence: str, language: str) -> list[Acting]:
    return [a for facts in document_facts(sentence, language, PUBLISHED, RESOURCES) for a in sentence_attackers(facts)]


def names_acting(sentence: str, language: str) -> list[str]:
    return [a.name for a in acting(sentence, language)]


@pytest.mark.parametrize(("language", "sentence", "gang"), [
    ("en", "The LockBit ransomware gang claimed the attack on the Veldmark Port Authority.", "LockBit"),
    ("en", "LockBit claimed responsibility for the attack on the Veldmark Savings Bank.", "LockBit"),
    ("it", "Il gruppo ransomware Cl0p ha rivendicato l'attacco alla Regione Veldmark.", "Clop"),
    ("it", "RansomEXX ha rivendicato l'attacco informatico contro il Comune di Veldmark.", "RansomEXX"),
    ("de", "Zu dem Angriff auf die Stadtwerke Veldmark bekannte sich die BlackBasta-Gruppe.", "BlackBasta"),
    ("nl", "De hackers achter de Clop-ransomware dreigen de gegevens van de gemeente Veldmark te lekken.",
     "Clop"),
    ("fr", "Le gang de ransomware Cl0p a reconnu être responsable de l'intrusion chez Veldmark Énergie.", "Clop"),
    ("es", "El grupo conocido como Clop amenazó a varias empresas de Veldmark con publicar sus datos.", "Clop"),
])
def test_a_ransomware_gang_that_acts_is_an_actor_and_its_malware_stays_malware(language, sentence, gang):
    assert names_acting(sentence, language) == [gang]
    frames = extract_frames("doc", sentence, language, PUBLISHED, RESOURCES)
    if frames:  # where the sentence opens a frame, the family is its malware as well as its actor
        assert gang in frames[0].actors
        assert frames[0].malware


@pytest.mark.parametrize(("language", "sentence", "gang"), [
    ("en", "The Play ransomware group has claimed the attack on the Kettleby grocery chain Lutrex.", "Play"),
    ("en", "The Royal ransomware gang has claimed responsibility for the attack on the Norvale club.", "Royal"),
    ("es", "El grupo de ransomware Play ha reivindicado el ataque contra la cadena de supermercados Lutrex.", "Play"),
    ("nl", "De ransomwarebende Royal eist de aanval op voetbalclub Norvale op.", "Royal"),
])
def test_a_gang_that_claims_the_attack_is_its_actor_though_its_name_is_a_common_word(language, sentence, gang):
    frames = extract_frames("doc", sentence, language, PUBLISHED, RESOURCES)
    assert frames and all(gang in frame.actors for frame in frames)


@pytest.mark.parametrize(("language", "sentence", "gang"), [
    ("en", "The Conti ransomware group attacked the Kettleby grocery chain Lutrex.", ["Conti"]),
    ("en", "The Kettleby grocery chain Lutrex was attacked by the Hive ransomware gang.", ["Hive"]),
    ("it", "Il gruppo ransomware Conti ha attaccato la catena di supermercati Lutrex.", ["Conti"]),
    ("en", "A South American hacking group attacked the Kettleby grocery chain Lutrex.", []),
])
def test_a_catalogued_gang_named_by_a_common_word_acts_before_its_crew_noun(language, sentence, gang):
    """The catalogue's matcher leaves names that are common words alone ("Conti", "Hive"); before or after a noun
    for a crew they name the crew. Words before a crew noun that no catalogue lists name nobody."""
    assert names_acting(sentence, language) == gang


@pytest.mark.parametrize(("language", "sentence"), [
    ("de", "Die Ransomware-Gruppe Medusa hat die Stadtwerke Lutrecht auf ihrer Leak-Seite aufgeführt."),
    ("de", "Die Hackergruppe Medusa hat die Veldmark Bank angegriffen."),
    ("nl", "De ransomwaregroep Medusa heeft de Veldmark Bank aangevallen."),
])
def test_the_word_after_a_crew_noun_names_the_crew_though_the_language_knows_it(language, sentence):
    """German and Dutch taggers know "Medusa" as a common noun; after "Ransomware-Gruppe" or "ransomwaregroep" it
    is the crew's name all the same."""
    assert names_acting(sentence, language) == ["Medusa"]


@pytest.mark.parametrize(("language", "sentence", "victim"), [
    ("en", "The ransomware gang Korvix listed Veldmark Bank on its leak site on Monday.", "Veldmark Bank"),
    ("de", "Die Ransomware-Gruppe Korvix hat die Veldmark Bank auf ihrer Leak-Seite aufgeführt.", "Veldmark Bank"),
    ("de", "Die Ransomware-Bande Korvix listet die Veldmark Bank seit Montag auf ihrer Leak-Seite.", "Veldmark Bank"),
    ("fr", "Le groupe de rançongiciel Korvix a ajouté la banque Veldmark à son site de fuite lundi.",
     "banque Veldmark"),
    ("nl", "De ransomwaregroep Korvix heeft de Veldmark Bank maandag op haar leksite gezet.", "Veldmark Bank"),
])
def test_whom_a_gang_lists_on_its_leak_site_is_the_victim(language, sentence, victim):
    """The crew opening the sentence stands where a victim subject stands, and a cue casts it; once it is known as
    the attacker, it leaves no victim behind, and the article's other name is read for one."""
    frames = extract_frames("doc", sentence, language, PUBLISHED, RESOURCES)
    assert [v.name for frame in frames for v in frame.victims] == [victim]
    assert all("Korvix" in frame.actors for frame in frames)


@pytest.mark.parametrize(("language", "sentence", "gang"), [
    ("en", "The Kettleby Savings Bank was hit by LockBit last week.", "LockBit"),
    ("en", "Rhysida struck the Veldmark school district on Monday.", "Rhysida"),
    ("de", "Die Stadtwerke Lutrecht wurden letzte Woche von Akira getroffen.", "Akira"),
    ("nl", "De gemeente Lutrecht is vorige week getroffen door LockBit.", "LockBit"),
    ("fr", "La mairie de Lutrecht a été visée par LockBit la semaine dernière.", "LockBit"),
    ("it", "Il Comune di Veldmark è stato colpito da Akira la settimana scorsa.", "Akira"),
    ("es", "El ayuntamiento de Veldmark fue atacado por BlackCat la semana pasada.", "BlackCat"),
])
def test_a_gang_named_for_whoever_hit_the_victim_reports_its_ransomware_attack(language, sentence, gang):
    """No attack word, only a gang that hit somebody: its name tells the attack, of the ransomware kind, and the
    gang is its actor."""
    frames = extract_frames("doc", sentence, language, PUBLISHED, RESOURCES)
    assert len(frames) == 1 and gang in frames[0].actors and "ransomware" in frames[0].types
    assert frames[0].victims


@pytest.mark.parametrize(("language", "sentence"), [
    ("en", "The Kettleby hospital was attacked by Rhysida on Monday."),
    ("fr", "L'hôpital de Lutrecht a été attaqué par Rhysida lundi."),
    ("de", "Das Klinikum Lutrecht wurde am Montag von Rhysida angegriffen."),
    ("it", "L'ospedale di Lutrecht è stato attaccato da Rhysida lunedì."),
    ("es", "El hospital de Lutrecht fue atacado por Rhysida el lunes."),
    ("nl", "Het ziekenhuis van Lutrecht werd maandag aangevallen door Rhysida."),
])
def test_a_gang_by_whom_the_victim_was_attacked_is_its_actor(language, sentence):
    """The agent of any attack verb in the passive, not only of the verbs that say somebody was hit: German
    "angegriffen" and Dutch "aangevallen" are attack words of their packs, no victim cues."""
    [frame] = extract_frames("doc", sentence, language, PUBLISHED, RESOURCES)
    assert frame.actors == ["Rhysida"] and frame.victims


@pytest.mark.parametrize(("language", "sentence"), [
    ("en", "Rhysida attacked the systems of the Kettleby hospital on Monday."),
    ("fr", "Rhysida a attaqué les systèmes de l'hôpital de Lutrecht lundi."),
    ("it", "Rhysida ha attaccato i sistemi dell'ospedale di Lutrecht lunedì."),
    ("es", "Rhysida atacó los sistemas del hospital de Lutrecht el lunes."),
])
def test_a_gang_that_attacks_whatever_it_hit_is_its_actor(language, sentence):
    """A ransomware family's name is no firm's: as the subject of a verb of attack, it acts whatever object follows
    ("the systems of the hospital"), not only a name."""
    [frame] = extract_frames("doc", sentence, language, PUBLISHED, RESOURCES)
    assert frame.actors == ["Rhysida"] and frame.victims


@pytest.mark.parametrize(("language", "sentence"), [
    ("de", "Die Hackergruppe Korvan hat letzte Woche die Stadtwerke Lutrecht gehackt."),
    ("de", "Korvan hat die Stadtwerke Lutrecht gehackt."),
    ("nl", "De hackersgroep Korvan heeft vorige week de gemeente Lutrecht gehackt."),
    ("nl", "Korvan heeft de Norvale Bank gehackt."),
])
def test_a_perfect_names_its_crew_without_its_noun_and_its_object_as_the_victim(language, sentence):
    """German and Dutch put the object of a perfect before the participle that ends the clause, and German writes
    the crew's noun into its name ("Hackergruppe Korvan"): the crew is Korvan, the object is whom it hit."""
    frames = extract_frames("doc", sentence, language, PUBLISHED, RESOURCES)
    assert len(frames) == 1 and frames[0].actors == ["Korvan"]
    assert [v.name for v in frames[0].victims] and not any("Korvan" in v.name for v in frames[0].victims)


def test_a_gang_named_where_nobody_is_hit_reports_no_attack():
    assert extract_frames("doc", "Researchers at Kettleby Labs published a free decryptor for Rhysida.", "en",
                          PUBLISHED, RESOURCES) == []


@pytest.mark.parametrize(("language", "sentence"), [
    ("en", "The Veldmark hospital was infected with WannaCry ransomware last week."),
    ("en", "Files at the Veldmark Water Authority were encrypted by the Locky ransomware."),
    ("en", "The files of the Kettleby hospital were encrypted by the Rhysida ransomware on Monday."),
    ("it", "I computer del Comune di Veldmark sono stati cifrati dal ransomware LockBit."),
    ("de", "Die Stadtwerke Veldmark wurden mit der Schadsoftware WannaCry infiziert."),
])
def test_ransomware_named_only_as_the_tool_is_no_actor(language, sentence):
    assert names_acting(sentence, language) == []


@pytest.mark.parametrize(("language", "sentence"), [
    ("en", "The Kettleby clinic paid $40,000 to SamSam operators to get its files back."),
    ("en", "Police in Veldmark are hunting the hackers behind WannaCry after the outage at the Kettleby clinic."),
    ("de", "Hinter dem Angriff auf die Stadt Veldmark steckt die Locky-Gruppe."),
    ("fr", "Les opérateurs de Cerber ont chiffré les serveurs de la mairie de Veldmark."),
    ("it", "La banda di WannaCry ha cifrato i server del Comune di Veldmark."),
    ("nl", "De SamSam-bende versleutelde de servers van de gemeente Veldmark."),
    ("es", "La banda de Cerber cifró los servidores del ayuntamiento de Veldmark."),
])
def test_the_crew_behind_a_strain_sold_at_a_set_price_goes_unnamed(language, sentence):
    """The galaxy lists the sum these strains ask of every victim they infect: whoever runs one, even called its
    gang, goes unnamed, and the strain stays malware."""
    assert names_acting(sentence, language) == []


def test_a_strain_sold_at_a_set_price_is_malware_and_no_gang():
    kb = knowledge_base()
    assert kb.actor("WannaCry") is None and kb.actor("Locky") is None
    assert "WannaCry" in kb.software and kb.software["WannaCry"].fixed_ransom
    assert kb.actor("LockBit").name == "LockBit" and not kb.software["LockBit"].fixed_ransom


@pytest.mark.parametrize(("language", "sentence"), [
    ("en", "The Korvan Data Liberators hacked the Norvale Credit Union on Monday."),
    ("fr", "Korvan Data Liberators a piraté la Banque Norvale lundi."),
    ("it", "Korvan Data Liberators ha attaccato la Banca Norvale lunedì."),
    ("es", "Korvan Data Liberators hackeó el Banco Norvale el lunes."),
    ("nl", "Korvan Data Liberators heeft de Norvale Bank gehackt."),
    ("de", "Die Korvan Data Liberators haben die Stadtwerke Norvale gehackt."),
])
def test_the_subject_of_an_attack_verb_is_its_attacker_and_not_its_victim(language, sentence):
    """Nobody catalogued the crew: the verb casts it, its object named right after it (or, in German and Dutch,
    between the auxiliary and the participle that ends the clause)."""
    assert names_acting(sentence, language) == ["Korvan Data Liberators"]
    victims = [v.name for f in extract_frames("doc", sentence, language, PUBLISHED, RESOURCES) for v in f.victims]
    assert "Korvan Data Liberators" not in victims


@pytest.mark.parametrize("sentence", [
    "Norvale Bank hacked in May, customer data stolen",
    "One of them gave Kettleby Post access to an email account the hackers used.",
    "Details of the breach became public only after Norvale Bank had struck a deal with Kettleby Telecom.",
])
def test_a_name_before_an_attack_word_without_a_named_object_is_no_attacker(sentence):
    """A headline's passive, a noun phrase ("access to"), a verb of the packs used of a deal: none casts an attacker."""
    assert names_acting(sentence, "en") == []


def test_the_initials_of_an_attacker_are_no_victim():
    """An article that shortens an attacker's name to its initials still means the attacker."""
    text = ("Hackers calling themselves the Korvan Data Liberators broke into the Norvale Credit Union and stole "
            "member records. Attacks on KDL servers have been reported before.")
    victims = [v.name for f in extract_frames("doc", text, "en", PUBLISHED, RESOURCES) for v in f.victims]
    assert "KDL" not in victims


@pytest.mark.parametrize(("language", "text", "victim"), [
    ("en", "The FBI said the Darkside ransomware was behind the attack on Kettleby Water. DarkSide is a seasoned band "
           "of criminals who have hacked into dozens of firms across Europe.", "Kettleby Water"),
    ("de", "Das FBI erklärte, die Ransomware Darkside stecke hinter dem Angriff auf Kettleby Wasser. DarkSide ist eine "
           "Bande von Kriminellen, die zahlreiche Unternehmen quer durch Europa gehackt hat.", "Kettleby Wasser"),
    ("fr", "Selon le FBI, le rançongiciel Darkside est derrière l'attaque contre Kettleby Eau. DarkSide est une bande "
           "aguerrie de criminels qui a piraté de nombreuses sociétés partout en Europe.", "Kettleby Eau"),
])
def test_the_gang_an_article_blames_is_none_of_its_victims(language, text, victim):
    """A sentence about the gang itself may read it as hit ("DarkSide is a band of criminals who have hacked into ..."),
    spelt otherwise than the catalogue; blamed in another sentence, it is the culprit, and no frame of its own."""
    frames = extract_frames("doc", text, language, PUBLISHED, RESOURCES)
    assert [[v.name for v in frame.victims] for frame in frames] == [[victim]]


def test_a_gang_is_exported_with_every_galaxy_spelling_of_its_name():
    """ "BlackBasta" (Malpedia) and "Black Basta" (ransomware galaxy) are one gang; its aliases list both."""
    gang = knowledge_base().actor("BlackBasta")
    assert gang is not None and {"BlackBasta", "Black Basta"} <= gang.aliases | {gang.name}


@pytest.mark.parametrize(("language", "sentence", "group"), [
    ("en", "The hacktivist group Nordic Hammer defaced the website of the Veldmark Railways.", "Nordic Hammer"),
    ("es", "El grupo hacktivista Martillo Nórdico atacó la web del Ayuntamiento de Veldmark.", "Martillo Nórdico"),
    ("fr", "Le collectif hacktiviste Marteau du Nord a piraté le site de la mairie de Veldmark.", "Marteau du Nord"),
    ("es", "El grupo “Guardianes de la Niebla” firmó el mensaje y reivindica el ciberataque contra Veldmark.",
     "Guardianes de la Niebla"),
])
def test_a_hacktivist_group_acting_is_an_actor_by_its_whole_name(language, sentence, group):
    assert names_acting(sentence, language) == [group]
    # "defaced" reports the attack, it names none
    for frame in extract_frames("doc", sentence, language, PUBLISHED, RESOURCES):
        assert group in frame.actors


@pytest.mark.parametrize(("language", "sentence", "agency", "state"), [
    ("en", "Hackers working for Russia's GRU broke into the Veldmark Ministry of Defence network.", "GRU", "RU"),
    ("en", "GRU unit 26165 hacked the email system of the Veldmark parliament.", "GRU", "RU"),
    ("fr", "Le Royaume-Uni a attribué l'attaque contre le ministère veldmarkois au MSS chinois.", "MSS", "CN"),
    ("de", "Der Cyberangriff auf das Parlament von Veldmark kam von Hackern im Auftrag des FSB.", "FSB", "RU"),
    # a numbered unit between the link and the agency links as an article does
    ("en", "Hackers from Unit 74455 of the GRU breached the network of the Veldmark grid operator.", "GRU", "RU"),
    ("es", "Hackers de la unidad 74455 del GRU vulneraron la red del operador eléctrico de Veldmark.", "GRU", "RU"),
])
def test_a_state_agency_acting_is_an_actor_with_its_state(language, sentence, agency, state):
    assert Acting(agency, state) in acting(sentence, language)


@pytest.mark.parametrize("sentence", [
    "Veldmark blamed China's Ministry of State Security for the hacking of its foreign ministry.",
    "Veldmark blamed the Chinese Ministry of State Security for the hacking of its foreign ministry.",
])
def test_an_agency_named_by_what_it_is_beside_its_country_is_an_actor(sentence):
    """ "China's Ministry of State Security": the galaxy's description of the MSS, made of everyday words, names it
    only beside its country; the claim blames the agency and its state."""
    assert Acting("MSS", "CN") in acting(sentence, "en")
    assert ("Veldmark", ("CN", "MSS")) in article_claims(sentence, "en")


def test_an_agency_acting_gives_the_incident_its_state():
    text = "Hackers working for Russia's GRU broke into the network of the Veldmark Ministry of Defence."
    incident, = resolve(extract_frames("doc", text, "en", PUBLISHED, RESOURCES))
    assert "GRU" in incident.actors
    assert "RU" in incident.states


def article_claims(text: str, language: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(c.claimant, c.attributed_to) for frame in extract_frames("doc", text, language, PUBLISHED, RESOURCES)
            for c in frame.claims]


@pytest.mark.parametrize(("language", "sentence", "state"), [
    ("en", "Russia launched a wave of cyberattacks against the Veldmark Ministry of Defence last week.", "RU"),
    ("en", "The Chinese military hacked the email servers of the Veldmark parliament.", "CN"),
    ("fr", "La Russie a lancé une série de cyberattaques contre le ministère de la Défense de Veldmark.", "RU"),
    ("it", "L'esercito russo ha sferrato un attacco informatico contro il ministero della Difesa di Veldmark.", "RU"),
    ("es", "Rusia lanzó un ciberataque contra el Ministerio de Defensa de Veldmark.", "RU"),
])
def test_a_state_attacking_in_the_article_s_own_words_is_the_article_s_attribution(language, sentence, state):
    assert article_claims(sentence, language) == [("(article)", (state,))]


@pytest.mark.parametrize(("language", "sentence"), [
    # a nationality of hackers is their affiliation, not the state's act
    ("en", "Russian hackers launched a wave of cyberattacks against the Veldmark Ministry of Defence."),
    # someone says it: the claim is the speaker's
    ("en", "The ministry said Russia launched a cyberattack against the Veldmark Ministry of Defence."),
    # a state that launches something else
    ("en", "Veldmark launched an investigation into the attack on its Ministry of Defence."),
])
def test_no_article_attribution_where_the_state_does_not_attack_in_the_article_s_words(language, sentence):
    assert not [claim for claim in article_claims(sentence, language) if claim[0] == "(article)"]


@pytest.mark.parametrize(("language", "sentence"), [
    ("en", "The NSA warned that hackers targeted the Veldmark Water Authority."),
    ("en", "According to GCHQ, the attack on the Veldmark Port Authority was serious."),
    ("es", "La novela cuenta un complot tramado por la CIA para derribar al gobierno de Veldmark."),
    ("en", "The attack on the Veldmark parliament was attributed to APT28 by the PST, Norway's security service."),
    ("en", "After the attack on the Veldmark parliament, the PST identified the hacker group as APT28."),
])
def test_an_agency_reporting_or_in_a_story_is_no_actor(language, sentence):
    assert [a for a in acting(sentence, language) if a.state] == []


@pytest.mark.parametrize(("language", "sentence", "people"), [
    ("en", "Jan Vos, 34, was charged with hacking the Veldmark Savings Bank.", ["Jan Vos"]),
    ("en", "Piet Kramer and Joris Hendriks are accused of using ransomware against the Veldmark city council.",
     ["Piet Kramer", "Joris Hendriks"]),
    ("it", "Marco Bellandi è stato arrestato per l'attacco informatico alla Regione Veldmark.", ["Marco Bellandi"]),
    # who they are, set off by commas, between the charge and the names
    ("en", "The Justice Department indicted two Veldmark men, Farid Korvani and Omid Halabi, for the ransomware attack "
     "on the city of Lutrecht.", ["Farid Korvani", "Omid Halabi"]),
    ("en", "Prosecutors charged a 24-year-old man, Marek Vlcek, with hacking the Lutrecht Savings Bank.",
     ["Marek Vlcek"]),
    ("fr", "La justice a inculpé deux hommes, Farid Korvani et Omid Halabi, pour l'attaque contre la ville de "
     "Lutrèche.", ["Farid Korvani", "Omid Halabi"]),
    # accused by name: "accused X of", in each language's word order
    ("en", "The Justice Department accused Mira Tallis of forging invoices in the phishing attack on Veldmark.",
     ["Mira Tallis"]),
    ("de", "Die Staatsanwaltschaft beschuldigt Mira Tallis, den Phishing-Angriff auf Veldmark organisiert zu haben.",
     ["Mira Tallis"]),
    ("fr", "Le parquet a accusé Mira Tallis d'avoir organisé l'attaque de phishing contre Veldmark.", ["Mira Tallis"]),
    ("it", "La procura ha accusato Mira Tallis di aver organizzato l'attacco di phishing contro Veldmark.",
     ["Mira Tallis"]),
    ("es", "La fiscalía acusó a Mira Tallis del ataque de phishing contra Veldmark.", ["Mira Tallis"]),
    ("nl", "Het OM beschuldigde Mira Tallis van de phishingaanval op Veldmark.", ["Mira Tallis"]),
    # arrested, in the perfect that puts the participle after the name, or said to have done it
    ("de", "Die Polizei hat Jonas Brenner festgenommen, der Daten der Veldmark Bank gestohlen haben soll.",
     ["Jonas Brenner"]),
    ("fr", "Hugo Lemaire a été interpellé mardi, soupçonné d'avoir dérobé des données de la Banque de Lutrecht.",
     ["Hugo Lemaire"]),
    ("it", "Luca Ferri e Paolo Neri avrebbero inviato migliaia di SMS di phishing ai clienti della Banca Korvan.",
     ["Luca Ferri", "Paolo Neri"]),
    ("es", "Pablo Ortega habría lanzado varios ataques DDoS contra la web de Tiendas Norvale.", ["Pablo Ortega"]),
    # the name itself set off by commas, after what the person is
    ("fr", "Le suspect, Hugo Lemaire, aurait dérobé des données de la Banque de Lutrecht.", ["Hugo Lemaire"]),
    ("en", "The suspect, Hugo Lemaire, allegedly stole customer records from Lutrecht Savings Bank.",
     ["Hugo Lemaire"]),
])
def test_a_person_charged_for_the_attack_is_an_actor(language, sentence, people):
    assert names_acting(sentence, language) == people


@pytest.mark.parametrize(("language", "sentence", "people"), [
    # the subject of a relative clause that tells the attack
    ("en", "Taavi Korvanen, who hacked Norvale Bank in March, lives in Kettleby.", ["Taavi Korvanen"]),
    ("en", "Police say Taavi Korvanen, who launched DDoS attacks against Norvale Bank, is 19.", ["Taavi Korvanen"]),
    ("fr", "Selon la police, Taavi Korvanen, qui a piraté la Banque Norvale en mars, a 19 ans.", ["Taavi Korvanen"]),
    ("it", "Secondo la polizia, Taavi Korvanen, che ha violato la Banca Norvale a marzo, ha 19 anni.",
     ["Taavi Korvanen"]),
    ("es", "Según la policía, Taavi Korvanen, que hackeó el Banco Norvale en marzo, tiene 19 años.",
     ["Taavi Korvanen"]),
    # who the second of two is, between "and" and the name; a long apposition before the charge
    ("en", "Marek Halvorsen and 44-year-old Ilse Halvorsen, both from Kettleby but living in Brindle, have been "
           "arrested for the breach of Veldmark Insurance.", ["Marek Halvorsen", "Ilse Halvorsen"]),
])
def test_a_person_described_at_length_or_in_a_relative_clause_is_an_actor(language, sentence, people):
    assert names_acting(sentence, language) == people


@pytest.mark.parametrize(("language", "sentence"), [
    ("en", "Norvale Bank, which was hacked in March, has filed a complaint."),
    ("fr", "La Banque Norvale, qui a été piratée en mars, a porté plainte."),
    ("it", "La Banca Norvale, che è stata violata a marzo, ha sporto denuncia."),
])
def test_the_subject_of_a_passive_relative_clause_is_no_actor(language, sentence):
    assert names_acting(sentence, language) == []


@pytest.mark.parametrize(("language", "sentence"), [
    ("en", "A seller using the handle of Korvan99 offers accounts stolen from Veldmark Games."),
    ("fr", "Un vendeur connu sous le pseudonyme Korvan99 propose les comptes volés lors du piratage de Veldmark."),
    ("it", "Un venditore con lo pseudonimo Korvan99 offre gli account rubati nell'attacco a Veldmark."),
    ("es", "Un vendedor bajo el alias Korvan99 ofrece las cuentas robadas en el ataque a Veldmark."),
    ("nl", "Een verkoper onder het pseudoniem Korvan99 biedt de gestolen accounts van de hack bij Veldmark aan."),
    ("de", "Ein Hacker namens Korvan99 hat Veldmark angegriffen."),
])
def test_a_seller_or_hacker_named_by_a_handle_is_an_actor(language, sentence):
    """Underground sellers and intruders are named by the handle they use, and that name is the actor's (in English
    after "the handle of", which the pack lists; the other languages' sentences read it already)."""
    assert names_acting(sentence, language) == ["Korvan99"]


@pytest.mark.parametrize(("language", "sentence", "person"), [
    ("en", "Marek Vlcek launched several DDoS attacks against the website of Norvale Stores.", "Marek Vlcek"),
    ("fr", "Hugo Lemaire a lancé plusieurs attaques DDoS contre le site des magasins Norvale.", "Hugo Lemaire"),
    ("it", "Marco Bellandi ha lanciato diversi attacchi DDoS contro il sito dei negozi Norvale.", "Marco Bellandi"),
    ("de", "Jonas Brenner startete mehrere DDoS-Angriffe gegen die Webseite der Norvale Bank.", "Jonas Brenner"),
    ("nl", "Thijs Vermeer lanceerde meerdere DDoS-aanvallen op de website van de Norvale Bank.", "Thijs Vermeer"),
])
def test_who_launches_the_attacks_is_the_actor_not_a_victim(language, sentence, person):
    """ "X launched attacks against Y": a launch verb's object is the attack, so its subject is who attacks, a person
    as a state ("Russia launched ...")."""
    assert names_acting(sentence, language) == [person]
    frames = extract_frames("doc", sentence, language, PUBLISHED, RESOURCES)
    assert person not in [v.name for frame in frames for v in frame.victims]


@pytest.mark.parametrize(("language", "sentence"), [
    ("en", "A 31-year-old man from Manchester has been charged over phishing texts sent to Brindle Bank customers."),
    ("it", "Un uomo di Torino è stato arrestato per l'attacco informatico alla Regione Veldmark."),
])
def test_the_town_a_suspect_is_from_is_no_actor(language, sentence):
    """ "a man from Manchester": the place the gazetteer knows says where the suspect lives; it is nobody's name."""
    assert names_acting(sentence, language) == []



@pytest.mark.parametrize(("language", "sentence", "people"), [
    ("en", "Mira Tallis and Jan Vos have allegedly used malware to spy on the Veldmark city council.",
     ["Mira Tallis", "Jan Vos"]),
    ("fr", "Mira Tallis aurait utilisé un logiciel malveillant pour espionner la mairie de Veldmark.", ["Mira Tallis"]),
    ("it", "Mira Tallis avrebbe utilizzato un malware per spiare il comune di Veldmark.", ["Mira Tallis"]),
    ("es", "Mira Tallis habría utilizado un malware para espiar al ayuntamiento de Veldmark.", ["Mira Tallis"]),
])
def test_a_person_who_allegedly_did_it_is_an_actor(language, sentence, people):
    """What a suspect allegedly did (English "allegedly", the conditional of French, Italian and Spanish) casts the
    suspect as the actor, as a charge does."""
    assert names_acting(sentence, language) == people


def test_an_organisation_that_allegedly_ran_old_software_is_no_actor():
    assert names_acting("The Veldmark city council allegedly used outdated software before the ransomware attack.",
                        "en") == []


def test_a_global_brand_after_a_group_noun_is_no_crew():
    """French and Italian call a company's group "groupe", "gruppo", as they call a crew: a name every supported
    language uses often (wordfreq) is a brand, never a new crew the catalogues do not know."""
    assert names_acting("Les pirates ont visé les services de messagerie du groupe Microsoft à Veldmark.", "fr") == []
    assert names_acting("Il gruppo Korvan ha rivendicato l'attacco contro Veldmark.", "it") == ["Korvan"]


def test_a_state_accused_by_name_is_no_named_actor():
    """ "accused North Korea of": a state is accused by an attribution, which gives the incident its state; it is
    not a group acting."""
    assert names_acting("The United States accused North Korea of the ransomware attack on Veldmark Water.", "en") \
        == []


@pytest.mark.parametrize(("language", "sentence"), [
    ("en", "The attack on the Veldmark Savings Bank used tactics seen before with APT41."),
    ("en", "The backdoor is similar to those used by Lazarus Group in earlier campaigns against banks."),
    ("de", "Der Angriff auf die Stadtwerke Veldmark ähnelt Methoden, die ähnlich wie APT41 vorgehen."),
    ("en", "The intrusion at the Veldmark Savings Bank has similarities with Russian-linked APT28."),
])
def test_a_group_named_for_comparison_is_no_actor(language, sentence):
    assert names_acting(sentence, language) == []


def test_a_catalogued_group_acting_is_still_an_actor():
    assert names_acting("APT41 broke into the network of the Veldmark Savings Bank.", "en") == ["APT41"]


@pytest.mark.parametrize(("language", "sentence"), [
    ("en", "After hackers penetrated Veldmark's Kubernetes console, the data was exposed."),
    ("en", "Hackers are suspected of holding the Veldmark Police Department's computers to ransom."),
    ("en", "Jan Vos, the 22-year-old hacker who the FBI alleges was hired to break into Veldmark Mail, was calm."),
    ("en", "The attack was first spotted by Anna Smit, an ethical hacker who founded the Veldmark Foundation."),
])
def test_a_victim_a_platform_or_a_reporter_after_an_attacker_noun_is_no_actor(language, sentence):
    assert "FBI" not in names_acting(sentence, language)
    assert not {"Veldmark", "Veldmark Police Department", "Veldmark Foundation", "Anna Smit"} \
        & set(names_acting(sentence, language))


def test_a_name_for_a_kind_of_attack_is_no_crew():
    sentence = "In 2016 the crooks behind the Nightfall attacks went after payroll records at the Veldmark Bank."
    assert names_acting(sentence, "en") == []


@pytest.mark.parametrize(("language", "sentence"), [
    ("en", "Hacktivists defaced dozens of websites of the Veldmark Railways after the start of the war."),
    ("de", "Hacktivisten legten die Webseite der Stadt Kettleby für zwei Tage lahm."),
])
def test_a_capitalised_word_for_attackers_is_no_crew(language, sentence):
    assert names_acting(sentence, language) == []


def test_the_actor_cue_lexicon_covers_every_language():
    """Every kind has words in every language, except ``owner_links``: the links of ``agency_link`` that tell an
    owner, which a language has only where its ``agency_link`` holds one."""
    data = topic("actors")
    for kind, by_language in data.items():
        assert set(by_language) == set(LANGUAGES), kind
        if kind != "owner_links":
            assert all(by_language[language] for language in LANGUAGES), kind


def test_owner_links_are_links_of_the_agency_lexicon():
    data = topic("actors")
    for language in LANGUAGES:
        assert set(data["owner_links"][language]) <= set(data["agency_link"][language]), language


@pytest.mark.parametrize("sentence", [
    "These new attacks are described in reports from Ostrava Computer, Rimini Labs and Kestrel Talos.",
    "The new program, dubbed Marlpit/Dok by researchers, was spread by phishing emails to users in Veldmark.",
    "The research published by Kestrel Labs last week describes the intrusion at the Veldmark Savings Bank.",
])
def test_a_name_given_to_a_work_or_its_author_is_no_actor(sentence):
    """ "reports published by X", "the program, dubbed X": the cue names who wrote the report or what the program is
    called, not who attacked."""
    assert names_acting(sentence, "en") == []


@pytest.mark.parametrize("sentence", [
    "Those behind Marlpit ransomware now let each victim propose its own price.",
    "The hackers behind Kestrel malware stole payroll records from the Veldmark Savings Bank.",
    # a catalogued group that a ransomware family is named after too: here the family
    "Those behind Scarab ransomware now let each victim propose its own price.",
])
def test_a_name_written_before_a_noun_for_malware_names_the_malware(sentence):
    """ "those behind X ransomware": the name is the ransomware's; who is behind it goes unnamed."""
    assert names_acting(sentence, "en") == []


@pytest.mark.parametrize(("sentence", "actor"), [
    ("The Nordic Hammer ransomware gang stole payroll records from the Veldmark Savings Bank.", "Nordic Hammer"),
    ("APT28 malware was found on the servers of the Veldmark Savings Bank.", "APT28"),
])
def test_a_crew_named_with_its_malware_is_still_the_crew(sentence, actor):
    assert names_acting(sentence, "en") == [actor]


def test_a_claim_right_after_a_name_still_casts_it_beside_a_work_noun():
    sentence = "The data stolen from the Veldmark Savings Bank was published by Nordic Hammer on its leak site."
    assert names_acting(sentence, "en") == ["Nordic Hammer"]


def test_a_name_whose_people_leaked_the_details_is_no_actor():
    """ "details leaked by Veldmark City employees": the employees leaked them; the city is their employer (and here
    the victim)."""
    sentence = "Details leaked by Veldmark City employees during the ransomware attack showed the ransom note."
    assert names_acting(sentence, "en") == []


def test_a_group_named_as_having_used_the_code_before_is_no_actor():
    sentence = "Analysts said this loader was once used by a hacker crew known as the Lazarus Group."
    assert names_acting(sentence, "en") == []


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Customers of TSB were hit by phishing texts after the outage. TSB said the hackers stole their passwords."),
    ("en", "Kestrel Fraud said TSB customers were hit by a phishing attack after the outage. Hackers stole passwords "
           "from TSB customers."),
    ("fr", "Les clients de TSB ont été visés par une attaque d'hameçonnage. Des pirates ont volé leurs identifiants "
           "chez TSB."),
    ("de", "Kunden der TSB wurden Opfer eines Phishing-Angriffs. Hacker haben bei der TSB Passwörter gestohlen."),
])
def test_initials_alone_do_not_name_an_actor(language, text):
    """ "TSB" is also The Shadow Brokers' initials: an article that never names the group in full is not about it."""
    frames = extract_frames("doc", text, language, PUBLISHED, RESOURCES)
    assert all("The Shadow Brokers" not in frame.actors for frame in frames)
    assert all("The Shadow Brokers" not in claim.attributed_to for frame in frames for claim in frame.claims)


def test_initials_name_the_actor_once_the_article_has_named_it_in_full():
    text = ("The Shadow Brokers leaked hacking tools stolen from the Veldmark Defence Agency. "
            "TSB said the hack of the Veldmark Defence Agency gave them the exploits.")
    frames = extract_frames("doc", text, "en", PUBLISHED, RESOURCES)
    assert any("The Shadow Brokers" in frame.actors for frame in frames)


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Kestrel Labs said the malware used against the Veldmark Savings Bank was similar to those used by APT41."),
    ("en", "Kestrel Labs said the hackers who attacked the Veldmark Savings Bank reused a loader previously used "
           "by a hacker crew known as the Lazarus Group."),
])
def test_a_group_named_for_comparison_is_attributed_nothing(language, text):
    frames = extract_frames("doc", text, language, PUBLISHED, RESOURCES)
    assert not {"APT41", "Lazarus Group"} & {t for frame in frames for claim in frame.claims
                                             for t in claim.attributed_to}


@pytest.mark.parametrize(("language", "text", "actor"), [
    ("en", "The gang calls themselves the \"Korvan Crime Family\" and demands a ransom from the city.",
     "Korvan Crime Family"),
    ("en", "An intruder who goes by the handle \"Vexlar77\" wiped open databases and left ransom notes.", "Vexlar77"),
    ("fr", "Un pirate se faisant appeler « Brumaire » a dérobé les données de la mairie de Lutrecht.", "Brumaire"),
    ("es", "Un grupo que se hace llamar «Marea Negra» atacó los servidores del ayuntamiento de Lutrecht.",
     "Marea Negra"),
])
def test_the_name_a_crew_gives_itself_is_an_attacker(language, text, actor):
    """ "calls itself X", "goes by the handle X": the name or handle an attacker goes by, in every language."""
    facts = document_facts(text, language, "2024-03-01", RESOURCES)
    assert actor in [acting.name for sentence in facts for acting in sentence_attackers(sentence)]


@pytest.mark.parametrize(("language", "sentence"), [
    ("en", "Hackers breached Hacking Team, the Italian spyware vendor, and leaked its source code."),
    ("en", "The attack on Hacking Team exposed the company's customers."),
    ("de", "Bei dem Angriff auf Hacking Team wurden interne Dokumente gestohlen."),
])
def test_a_catalogued_crew_the_attack_is_on_is_no_actor(language: str, sentence: str) -> None:
    """A name the actor catalogue holds, written where the victim stands ("breached X", "the attack on X"), was hit."""
    assert "Hacking Team" not in names_acting(sentence, language)


@pytest.mark.parametrize("sentence", [
    'Two brothers allegedly used custom malware (dubbed "Korvanlock") to spy on Veldmark officials.',
    "Two brothers allegedly used custom malware, dubbed “Korvanlock”, to spy on Veldmark officials.",
])
def test_the_name_of_a_work_in_brackets_or_quotes_is_no_actor(sentence: str) -> None:
    assert "Korvanlock" not in names_acting(sentence, "en")


@pytest.mark.parametrize(("language", "sentence", "victim", "country"), [
    ("en", "German logistics group Halvorn Logistik AG has been hit by a ransomware attack, the company said.",
     "Halvorn Logistik AG", "DE"),
    ("en", "German energy group Halvorn has been hit by a ransomware attack.", "Halvorn", "DE"),
    ("fr", "Le groupe énergétique italien Valtresa Energia a été victime d'une attaque par rançongiciel.",
     "Valtresa Energia", "IT"),
    ("es", "El grupo farmacéutico mexicano Almadía Farma sufrió un ataque de ransomware.", "Almadía Farma", "MX"),
])
def test_a_business_group_of_a_trade_is_the_victim_of_its_country(language: str, sentence: str, victim: str,
                                                                   country: str) -> None:
    """A nationality and a trade before a bare "group" describe a firm ("German logistics group"), not a crew of
    attackers: the firm is hit, in that country, and nobody acts."""
    frames = extract_frames("doc", sentence, language, PUBLISHED, RESOURCES)
    assert [(v.name, v.country) for f in frames for v in f.victims] == [(victim, country)]
    assert not [a for f in frames for a in f.actors]


@pytest.mark.parametrize(("language", "sentence"), [
    ("en", "Russian cybercriminal group Korvan hit the Halvorn hospital."),
    ("en", "A Chinese hacking group hit the Halvorn hospital."),
    ("fr", "Un groupe criminel russe a attaqué l'hôpital de Halvorn."),
    ("de", "Eine russische kriminelle Gruppe griff das Krankenhaus Halvorn an."),
])
def test_a_nationality_before_a_crew_s_group_is_the_attackers(language: str, sentence: str) -> None:
    """A word of crime or attack before the bare "group" (the packs' ``crew_modifiers``, or a cue) makes it a crew,
    and its nationality the attackers' side."""
    facts = document_facts(sentence, language, PUBLISHED, RESOURCES)[0]
    assert [c.attacker_side for c in facts.countries] == [True]


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Janis Brindlers, a 41-year-old Latvian, was arrested on Monday. Prosecutors say Mr Brindlers hacked the "
           "Norvale Credit Union and stole the data of 20,000 customers."),
    ("fr", "Janis Brindlers, un Letton de 41 ans, a été arrêté lundi. Selon le parquet, M. Brindlers a piraté la "
           "mairie de Lutrecht et volé les données de 20 000 habitants."),
    ("de", "Janis Brindlers, ein 41-jähriger Lette, wurde am Montag festgenommen. Laut Staatsanwaltschaft hat Herr "
           "Brindlers die Stadtwerke Norvale gehackt und Daten von 20.000 Kunden gestohlen."),
    ("it", "Janis Brindlers, un lettone di 41 anni, è stato arrestato lunedì. Secondo la procura, il sig. Brindlers ha "
           "violato i sistemi del Comune di Veldmark e rubato i dati di 20.000 cittadini."),
    ("es", "Janis Brindlers, un letón de 41 años, fue detenido el lunes. Según la fiscalía, el Sr. Brindlers hackeó "
           "los sistemas del Ayuntamiento de Veldmark y robó los datos de 20.000 vecinos."),
    ("nl", "Janis Brindlers, een 41-jarige Let, werd maandag gearresteerd. Volgens het OM heeft dhr. Brindlers de "
           "gemeente Veldmark gehackt en gegevens van 20.000 inwoners gestolen."),
])
def test_a_person_named_by_title_and_surname_is_the_actor_the_article_names_in_full(language: str, text: str) -> None:
    """News introduces a suspect in full and calls him "Mr Brindlers" after; the later sentence casts him."""
    [frame] = extract_frames("doc", text, language, PUBLISHED, RESOURCES)
    assert frame.actors == ["Janis Brindlers"]


@pytest.mark.parametrize(("language", "text", "actor"), [
    ("de", "Laut Staatsanwaltschaft hat Herr Brindlers die Stadtwerke Norvale gehackt.", "Brindlers"),
    ("de", "Nach Angaben der Polizei hat Korvan die Stadtwerke Norvale gehackt.", "Korvan"),
    ("nl", "Volgens de politie heeft Korvan de gemeente Veldmark gehackt en gegevens gestolen.", "Korvan"),
    # a bare word is no surname of a longer name the article uses for something else
    ("en", "The Korvan group hacked the Norvale Credit Union. Operation Korvan was named by researchers.", "Korvan"),
])
def test_the_subject_after_the_auxiliary_or_before_its_group_noun_attacks(language: str, text: str, actor: str):
    """German and Dutch put the subject after the auxiliary when the clause opens on something else; English may
    write a crew's name before "group". A person named only by title and surname keeps the surname alone."""
    frames = extract_frames("doc", text, language, PUBLISHED, RESOURCES)
    assert [f.actors for f in frames if f.victims] == [[actor]]


@pytest.mark.parametrize(("language", "sentence"), [
    ("en", "Lindqvar Power, a grid operator, was targeted in 2021 by the hacking group Korvan Spider."),
    ("fr", "La société Lindqvar Power a été ciblée en 2021 par le groupe Korvan."),
    ("it", "La società Lindqvar Power è stata presa di mira nel 2021 dal gruppo Korvan."),
])
def test_a_target_verb_in_the_passive_tells_the_attack_of_its_agent(language, sentence):
    """ "was targeted in 2021 by Korvan Spider": as in the active ("Korvan Spider targeted ..."), a description tells
    the attack by its target alone; the passive names the attacker after the verb, as its agent."""
    [frame] = extract_frames("doc", sentence, language, PUBLISHED, RESOURCES)
    assert "Lindqvar Power" in [victim.name for victim in frame.victims] and frame.actors


def test_a_target_verb_without_an_attacker_tells_no_attack():
    assert extract_frames("doc", "The ministry was targeted by the new law in 2021.", "en", PUBLISHED, RESOURCES) == []


def test_a_name_whose_apposition_is_no_crew_is_no_actor_though_a_crew_noun_follows():
    """ "Lindqvar Power, a grid operator, was hacked by the hacking group Korvan Spider": the apposition ends on no
    noun for a crew; the one after the closing comma describes the agent, not the name before it."""
    [frame] = extract_frames("doc", "Lindqvar Power, a grid operator, was hacked in 2021 by the hacking group Korvan "
                             "Spider.", "en", PUBLISHED, RESOURCES)
    assert frame.actors == ["Korvan Spider"] and [v.name for v in frame.victims] == ["Lindqvar Power"]


@pytest.mark.parametrize(("text", "language"), [
    ("Die Gruppe Korvan, die dem GRU zugerechnet wird, griff 2023 das Netz der Stadtwerke Brindle an.", "de"),
    ("De groep Korvan, die aan de GRU wordt toegeschreven, viel in 2023 het netwerk van de gemeente Brindle aan.",
     "nl"),
])
def test_a_group_placed_under_an_agency_in_a_relative_clause_acts_for_its_state(text: str, language: str) -> None:
    """ "die dem GRU zugerechnet wird", "die aan de GRU wordt toegeschreven": the verb that ends the relative clause
    places the group under the agency named before it; the agency and its state are on the attackers' side, and the
    agency is no speaker of a claim."""
    [frame] = extract_frames("doc", text, language, "2024-01-01", RESOURCES)
    assert {"Korvan", "GRU"} <= set(frame.actors)
    assert any("RU" in claim.attributed_to and claim.stance.asserts for claim in frame.claims)
    assert all(claim.claimant != "GRU" for claim in frame.claims)
