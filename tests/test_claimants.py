"""Who makes a claim, as an analyst would file them: a person by name, with the role the sentence gives."""

from __future__ import annotations

import pytest

from cybertrack.budget import UNLIMITED
from cybertrack.extract.frames import claims_of, document_facts, extract_frames
from cybertrack.model import Certainty, ClaimantKind, Stance
from tests.conftest import RESOURCES


def only_claim(text: str, language: str):
    claims = claims_of("case", document_facts(text, language, None, RESOURCES), None, UNLIMITED)
    assert len(claims) == 1, claims
    return claims[0]


@pytest.mark.parametrize(("text", "language", "person", "role"), [
    ("Finance Minister Oskar Lind said North Korea was behind the theft.", "en", "Oskar Lind", "Finance Minister"),
    ("La ministre de l'Intérieur, Anne Morel, a accusé la Russie d'être derrière l'attaque.", "fr", "Anne Morel",
     "ministre de l'Intérieur"),
    ("El ministro del Interior, Javier Robles, atribuyó el ataque a APT28.", "es", "Javier Robles",
     "ministro del Interior"),
])
def test_a_person_is_named_apart_from_their_role(text: str, language: str, person: str, role: str) -> None:
    claim = only_claim(text, language)
    assert (claim.claimant, claim.claimant_kind, claim.role) == (person, ClaimantKind.PERSON, role)


@pytest.mark.parametrize(("text", "language", "person", "role"), [
    ("Kremlsprecher Juri Morosow wies die Vorwürfe zurück, Russland stecke hinter dem Angriff auf die Stadtwerke "
     "Lutrecht.", "de", "Juri Morosow", "Kremlsprecher"),
    ("Innenstaatssekretär Paul Berger machte Russland für den Angriff auf die Stadtwerke Lutrecht verantwortlich.",
     "de", "Paul Berger", "Innenstaatssekretär"),
    ("Der Microsoft-Sprecher Frank Shaw sagte, die Gruppe APT28 stecke hinter dem Angriff auf Kettleby Wasser.", "de",
     "Frank Shaw", "Microsoft-Sprecher"),
    ("Defensieminister Jan de Vries zei dat Rusland achter de aanval op het waterschap Lutrecht zat.", "nl",
     "Jan de Vries", "Defensieminister"),
    ("Kremlinwoordvoerder Joeri Morozov ontkende dat Rusland achter de aanval op het waterschap Lutrecht zat.", "nl",
     "Joeri Morozov", "Kremlinwoordvoerder"),
])
def test_a_role_written_as_one_word_with_its_place_is_the_persons_role(text: str, language: str, person: str,
                                                                      role: str) -> None:
    """German and Dutch write a role with whom it serves as one word ("Kremlsprecher", "defensieminister"): the
    person is named apart from it, as "Kremlin spokesman Juri Morosow" is in English."""
    claim = only_claim(text, language)
    assert (claim.claimant, claim.claimant_kind, claim.role) == (person, ClaimantKind.PERSON, role)


def test_a_role_without_a_name_is_the_claimant() -> None:
    claim = only_claim("The minister said Russia was behind the attack.", "en")
    assert (claim.claimant, claim.claimant_kind, claim.role) == ("minister", ClaimantKind.PERSON, "")


def test_the_victim_named_by_its_sector_noun_denies_what_the_gang_claims() -> None:
    """ "The hospital rejected the claim ...": the sector noun opening the sentence names who speaks, and its denial
    answers the gang the article named."""
    text = ("The LockBit gang claimed the ransomware attack on Kettleby Hospital. The hospital rejected the claim that "
            "patient data had been taken.")
    [frame] = extract_frames("case", text, "en", None, RESOURCES)
    denials = [c for c in frame.claims if c.stance is Stance.DENIES]
    assert [(c.claimant, c.attributed_to) for c in denials] == [("hospital", ("LockBit",))]


def test_a_pronoun_never_claims() -> None:
    claim = only_claim("Il a accusé la Russie d'être derrière l'attaque contre la mairie de Valmont.", "fr")
    assert claim.claimant.casefold() not in {"il", "elle"}


@pytest.mark.parametrize(("text", "language", "denier"), [
    ("The attack on the Korvan parliament was launched by Russian hackers, foreign minister Mira Tallis said in "
     "October, an accusation Moscow has denied.", "en", "Moscow"),
    ("Les soupçons de piratage iranien visant la mairie de Lutrecht sont absurdes, répond Téhéran.", "fr", "Téhéran"),
])
def test_the_denial_is_by_whom_the_sentence_names_at_it(text: str, language: str, denier: str) -> None:
    """A denial's speaker is the one named at the denial ("an accusation Moscow has denied") or in the reporting
    clause that closes the sentence ("répond Téhéran"), not the minister who spoke earlier in the sentence."""
    denials = [c for c in claims_of("case", document_facts(text, language, None, RESOURCES), None, UNLIMITED)
               if c.stance.value == "denies"]
    assert [c.claimant for c in denials] == [denier]


@pytest.mark.parametrize(("text", "language", "state"), [
    ("Russland sei für den Angriff verantwortlich, erklärte die veldmarkische Außenministerin Mira Tallis.", "de",
     None),  # an invented nationality is no state's: the office alone places nobody
    ("Russland sei für den Angriff verantwortlich, erklärte die norwegische Außenministerin Mira Tallis.", "de", "NO"),
    ("La ministra noruega de Exteriores afirmó que Rusia es responsable del ataque.", "es", "NO"),
    ("Norway's foreign minister Mira Tallis said Russia was behind the attack.", "en", "NO"),
    ("Russian officials denied any involvement in the attack.", "en", "RU"),
    ("« La Russie est responsable de cette intrusion », a affirmé la ministre norvégienne des Affaires étrangères.",
     "fr", "NO"),
    ("Il ministro norvegese Jan Vos ha accusato la Russia dell'attacco.", "it", "NO"),
    ("De Noorse minister Jan Vos beschuldigde Rusland van de aanval.", "nl", "NO"),
    # a researcher or a firm's spokesperson speaks for no state, whatever their nationality
    ("Dutch researcher Jan Vos said Russia was behind the attack.", "en", None),
    # a state secretary holds a state office
    ("Russland sei für den Angriff verantwortlich, erklärte der norwegische Staatssekretär Jan Vos.", "de", "NO"),
    ("Norway's state secretary Mira Tallis said Russia was behind the attack.", "en", "NO"),
    ("Il sottosegretario norvegese Jan Vos ha accusato la Russia dell'attacco.", "it", "NO"),
    ("De Noorse staatssecretaris Jan Vos beschuldigde Rusland van de aanval.", "nl", "NO"),
    # a role written as one word with a seat of government: "the Kremlin's spokesman"
    ("Kremlsprecher Jan Vos wies die Vorwürfe zurück, Russland stecke hinter dem Angriff.", "de", "RU"),
    # a company's spokesman written as one word speaks for no state
    ("Russland sei für den Angriff verantwortlich, sagte Lutrex-Sprecher Jan Vos.", "de", None),
])
def test_a_holder_of_a_state_office_speaks_for_the_state(text: str, language: str, state: str | None) -> None:
    """What a minister or a state's officials claim, their state claims: the claim's party is the state, so that the
    same claim by the country and by its minister, in two reports, is one claim of the incident."""
    assert only_claim(text, language).speaks_for == state


@pytest.mark.parametrize(("text", "language", "state"), [
    # an article about Norway: Norway named twice as the victim's country, Russia accused
    ("Het Noorse parlement werd in augustus gehackt. De Noorse politie onderzoekt de aanval. "
     "Volgens de regering is Rusland verantwoordelijk voor de aanval.", "nl", "NO"),
    # an embassy speaks for the state that sent it, not for the country the article is about
    ("Het Noorse parlement werd in augustus gehackt. De Noorse politie onderzoekt de aanval. "
     "De ambassade wees elke betrokkenheid van Rusland bij de aanval af.", "nl", None),
])
def test_a_state_body_without_its_country_speaks_for_the_article_country(text: str, language: str,
                                                                        state: str | None) -> None:
    claims = claims_of("case", document_facts(text, language, None, RESOURCES), None, UNLIMITED)
    assert [claim.speaks_for for claim in claims] == [state]


@pytest.mark.parametrize(("text", "claimant"), [
    ("Microsoft attributed the intrusions at Kettleby Water to APT41.", "Microsoft"),
    ("Google blamed the phishing campaign against Norvale officials on APT28.", "Google"),
    ("Microsoft said APT41 was behind the intrusions at Kettleby Water.", "Microsoft"),
])
def test_a_vendor_whose_name_is_a_common_word_speaks_when_it_opens_the_sentence(text: str, claimant: str) -> None:
    """The largest vendors' names are among the most frequent words there are (and stopwords-iso lists one as a
    function word): opening the sentence before a verb that blames, they still name who speaks."""
    assert only_claim(text, "en").claimant == claimant


@pytest.mark.parametrize(("text", "language", "claimant"), [
    ("Security researchers said the Clop gang was responsible for the breach at Kettleby Freight.", "en",
     "Security researchers"),
    ("Microsoft said APT41 was behind the intrusions at Kettleby Water.", "en", "Microsoft"),
    # Italian plural articles ("i", "gli") are no part of who speaks
    ("I ricercatori credono che dietro il furto a Kettleby Bank ci sia il gruppo Lazarus.", "it", "ricercatori"),
    # nor is the negation French elides onto the verb ("n'ont trouvé")
    ("Les enquêteurs n'ont trouvé aucune preuve que la Russie soit impliquée dans l'attaque contre Kettleby Bank.",
     "fr", "enquêteurs"),
])
def test_a_claimant_noun_phrase_speaks_whole_and_alone(text: str, language: str, claimant: str) -> None:
    """ "Security researchers": the first word has its capital only because it opens the sentence; the noun phrase
    the packs list as a claimant is who speaks, not that word alone, and an article before it or an elided negation
    after it is no part of it. A name opening the sentence still speaks."""
    assert only_claim(text, language).claimant == claimant


def test_every_party_listed_as_the_subject_makes_the_claim() -> None:
    """ "Veldmark, Norvale and the European Union blamed Russia": three governments made the attribution, each of
    them a claim an analyst files; a comma alone names one party twice ("the minister, Anne Morel, said")."""
    text = "On Tuesday, Veldmark, Norvale and the European Union blamed Russia for the attack on Kettleby Water."
    claims = claims_of("case", document_facts(text, "en", None, RESOURCES), None, UNLIMITED)
    assert sorted(claim.claimant for claim in claims) == ["European Union", "Norvale", "Veldmark"]
    assert {claim.attributed_to for claim in claims} == {("RU",)}


@pytest.mark.parametrize("text", [
    "On 10 May 2022, the Veldmark government blamed Russia for the attack on Kettleby Water.",
    "The Veldmark government blamed Russia for the attack on Kettleby Water on 3 May.",
])
def test_the_month_of_may_is_no_hedge(text: str) -> None:
    assert only_claim(text, "en").certainty is Certainty.CONFIRMED


def test_a_ministry_that_dismisses_the_report_denies() -> None:
    claim = only_claim("China's foreign ministry dismissed the report as groundless.", "en")
    assert (claim.stance, claim.attributed_to) == (Stance.DENIES, ("CN",))


@pytest.mark.parametrize(("text", "language"), [
    ("The Veldmark government attributed the attack to the Russian government.", "en"),
    ("The Veldmark government attributed the breach to Russian military intelligence.", "en"),
])
def test_the_state_body_an_attribution_is_given_to_is_blamed(text: str, language: str) -> None:
    """ "attributed X to the Russian government": the state is named by its adjective and body, as the one the
    attribution is given to, though the attack named just before it governs no victim there
    (`targets._state_phrases`)."""
    assert only_claim(text, language).attributed_to == ("RU",)


@pytest.mark.parametrize(("text", "language", "claimant", "stance", "blamed"), [
    ("Los atacantes publicaron un mensaje en el que el grupo Lapsus$ se atribuía el ataque contra Korvan.", "es",
     "Lapsus$", Stance.CLAIMS_RESPONSIBILITY, ("LAPSUS",)),
    ("Secondo Korvan Labs, l'operazione contro Norvale è riconducibile con ogni probabilità a OilRig.", "it",
     "Korvan Labs", Stance.ATTRIBUTES, ("OilRig",)),
])
def test_a_cue_in_another_tense_or_split_by_an_adverb_is_read(text: str, language: str, claimant: str,
                                                              stance: Stance, blamed: tuple[str, ...]) -> None:
    """The Spanish imperfect of a self-claim ("se atribuía"), and an Italian attribution an adverbial phrase splits
    ("riconducibile con ogni probabilità a")."""
    claim = only_claim(text, language)
    assert (claim.claimant, claim.stance, claim.attributed_to) == (claimant, stance, blamed)


def test_a_date_and_a_verb_before_a_role_are_not_the_claimants_name() -> None:
    """Dutch puts the verb before its subject after a fronted phrase ("In een verklaring van 18 juli schreef minister
    X dat ..."): the role's phrase does not grow back over the verb and the date (`speakers._expand_phrase`)."""
    claim = only_claim("In een verklaring van 4 maart 2022 schreef minister van Justitie Marit Vos dat de aanval op "
                       "het waterschap Lutrecht kon worden gelinkt aan door China gesteunde hackers.", "nl")
    assert "maart" not in claim.claimant and "schreef" not in claim.claimant
    assert "Marit Vos" in claim.claimant and claim.attributed_to == ("CN",)


def test_a_capital_that_follows_in_the_next_clause_is_not_blamed() -> None:
    """ "to the Russian military, and Washington followed": a state's body and the capital after the comma are not one
    phrase (`targets._state_phrases`), so Washington, which joined the claim, is not the culprit."""
    claim = only_claim("In March 2021, the Veldmark government attributed the attack on Kettleby to the Russian "
                       "military, and Washington followed a day later.", "en")
    assert claim.attributed_to == ("RU",)


@pytest.mark.parametrize(("text", "language"), [
    ("Researchers at Kettleby Labs said the Korvan group was behind the attack on Lutrecht's water board.", "en"),
    ("Investigators at Kettleby Labs said the breach at Norvale was the work of the Korvan group.", "en"),
    ("Según investigadores de la firma Kettleby Labs, el grupo Korvan estaría detrás del ataque contra Norvale.",
     "es"),
])
def test_researchers_speak_for_the_firm_they_work_at(text: str, language: str) -> None:
    """The staff of a firm named after them by a preposition speak for it (``claims.toml``: ``staff``), as the
    members of a body do."""
    claim = only_claim(text, language)
    assert (claim.claimant, claim.attributed_to) == ("Kettleby Labs", ("Korvan",))


def test_a_name_set_off_by_commas_before_the_cue_is_the_claimant() -> None:
    """ "The government's emergency response team, VelCERT, attributed": the name in the apposition names the phrase
    before it, and speaks."""
    claim = only_claim("The government's computer emergency response team, VelCERT, attributed the campaign against "
                       "Norvale to APT28.", "en")
    assert (claim.claimant, claim.attributed_to) == ("VelCERT", ("APT28",))


def test_a_date_between_the_accusation_and_the_accused_is_one_word() -> None:
    claim = only_claim("Lituania acusó el 3 de abril de 2021 a Rusia de estar detrás del ataque contra la red "
                       "eléctrica de Kettleby.", "es")
    assert claim.attributed_to == ("RU",)


def test_a_nationality_compound_is_no_part_of_the_gangs_name() -> None:
    """ "the Russian-speaking Korvan gang": the hyphenated adjective is not the start of the name
    (`names._adjective_compound`), so the gang is found and claims its attack."""
    claim = only_claim("The Russian-speaking Korvan gang claimed the attacks on its leak site and demanded a ransom.",
                       "en")
    assert (claim.claimant, claim.stance) == ("Korvan", Stance.CLAIMS_RESPONSIBILITY)


@pytest.mark.parametrize(("text", "language"), [
    ("The Korvan ransomware group on Monday claimed an attack on Norvale, a regional grid operator.", "en"),
    ("The hacktivist group Korvan has claimed a wave of DDoS attacks on the websites of Norvale.", "en"),
    ("Die Ransomware-Gruppe Korvan hatte sich am Montag zu dem Angriff auf Norvale bekannt.", "de"),
    ("De ransomwarebende Korvan heeft zich gemeld als dader van de aanval op de gemeente Norvale.", "nl"),
    ("El grupo Korvan ya había reivindicado el ataque contra Norvale en su portal de la red oscura.", "es"),
])
def test_a_group_claiming_an_attack_in_other_words_claims_it(text: str, language: str) -> None:
    claim = only_claim(text, language)
    assert (claim.claimant, claim.stance, claim.attributed_to) == ("Korvan", Stance.CLAIMS_RESPONSIBILITY,
                                                                   ("Korvan",))


@pytest.mark.parametrize(("text", "language"), [
    ("The Korvan group claimed to have stolen 300 GB of files from Norvale, a regional grid operator.", "en"),
    ("Le groupe Korvan affirme avoir dérobé 300 Go de fichiers au gestionnaire de réseau Norvale.", "fr"),
    ("Il gruppo Korvan sostiene di aver sottratto 300 GB di file al gestore di rete Norvale.", "it"),
    ("El grupo Korvan asegura haber robado 300 GB de archivos del operador de red Norvale.", "es"),
    ("Die Gruppe Korvan will 300 GB Daten des Netzbetreibers Norvale erbeutet haben.", "de"),
    ("De groep Korvan beweert 300 GB aan bestanden van netbeheerder Norvale te hebben gestolen.", "nl"),
])
def test_a_group_boasting_of_what_it_took_claims_the_attack(text: str, language: str) -> None:
    """A gang that says what it took says that it did it: its own claim, though no word of responsibility."""
    claim = only_claim(text, language)
    assert (claim.claimant, claim.stance, claim.attributed_to) == ("Korvan", Stance.CLAIMS_RESPONSIBILITY,
                                                                   ("Korvan",))


@pytest.mark.parametrize(("text", "language", "certainty"), [
    ("Korvan Security schreibt den Angriff auf die Stadtwerke Lutrecht mit mittlerer Wahrscheinlichkeit APT41 zu.",
     "de", Certainty.LIKELY),
    ("La firma Korvan Labs atribuye con un grado de confianza moderado el ataque contra Norvale al grupo Lazarus.",
     "es", Certainty.LIKELY),
    ("Volgens Korvan Security zit APT41 met gemiddelde zekerheid achter de aanval op de gemeente Lutrecht.", "nl",
     Certainty.LIKELY),
    ("Korvan Labs attribue avec un faible degré de confiance l'attaque contre la Banque de Lutrecht à APT41.", "fr",
     Certainty.POSSIBLE),
    ("Korvan Labs attribuisce con un grado di fiducia moderato l'attacco al Comune di Lutrecht al gruppo APT41.", "it",
     Certainty.LIKELY),
])
def test_how_sure_a_firm_says_it_is_is_the_claims_certainty(text: str, language: str, certainty: Certainty) -> None:
    """The confidence levels of threat-intelligence assessments ("with moderate confidence"), in every language."""
    assert only_claim(text, language).certainty == certainty


@pytest.mark.parametrize(("text", "language", "claimed"), [
    ("The Korvan gang claimed the attack on the town of Lutrecht and demanded a ransom that has not been paid.",
     "en", True),
    ("Le groupe Korvan a revendiqué l'attaque contre la commune de Lutrecht et réclame une rançon qui n'a pas été "
     "payée.", "fr", True),
    ("The Korvan gang has not claimed the attack on the town of Lutrecht.", "en", False),
    ("Le groupe Korvan n'a pas revendiqué l'attaque contre la commune de Lutrecht.", "fr", False),
])
def test_a_negation_far_after_the_claim_negates_something_else(text: str, language: str, claimed: bool) -> None:
    """ "... and demanded a ransom that has not been paid": the negation is the payment's, not the claim's."""
    claims = claims_of("case", document_facts(text, language, None, RESOURCES), None, UNLIMITED)
    assert any(c.stance == Stance.CLAIMS_RESPONSIBILITY for c in claims) == claimed


def test_the_subject_before_the_auxiliary_denies_whatever_its_object_names() -> None:
    """Dutch puts the object between the auxiliary and the participle: "Het Kremlin heeft beschuldigingen van
    Oekraïne verworpen" is the Kremlin's denial, though Ukraine stands right before the verb."""
    claim = only_claim("Het Kremlin heeft beschuldigingen van Oekraïne verworpen dat Russische hackers het regionale "
                       "bestuur van Lutrecht hebben bespioneerd.", "nl")
    assert (claim.claimant, claim.stance, claim.attributed_to) == ("Kremlin", Stance.DENIES, ("RU",))


@pytest.mark.parametrize(("text", "claimant", "blamed"), [
    ("Researchers at Kettleby Labs have linked the attack on Norvale to the Korvan group.", "Kettleby Labs",
     ("Korvan",)),
    ("Microsoft has linked the campaign against Norvale to APT28.", "Microsoft", ("APT28",)),
    ("Investigators traced the intrusion at Norvale to APT41.", "Investigators", ("APT41",)),
])
def test_an_attribution_verb_split_by_its_object_is_read(text: str, claimant: str, blamed: tuple[str, ...]) -> None:
    """ "linked the operation to X", "traced the intrusion to X" (``claims.toml``: "linked … to"), and a name opening
    the sentence speaks with an auxiliary before its verb ("Microsoft has linked")."""
    claim = only_claim(text, "en")
    assert (claim.claimant, claim.stance, claim.attributed_to) == (claimant, Stance.ATTRIBUTES, blamed)


@pytest.mark.parametrize(("text", "claimant"), [
    ("Der ukrainische Geheimdienst SBU hat Russland für den Angriff auf Korvan verantwortlich gemacht.", "SBU"),
    ("Die Cybersicherheitsbehörde BSI macht die Gruppe APT28 für den Angriff auf Lutrex verantwortlich.", "BSI"),
    ("Der Rüstungskonzern Lutrex bestätigte, dass die Gruppe Black Basta hinter dem Angriff steckt.", "Lutrex"),
])
def test_a_german_claimant_is_named_without_the_noun_that_says_what_it_is(text: str, claimant: str) -> None:
    """German capitalises the noun before a name ("der Geheimdienst SBU"), which English and French write in lower
    case and leave out of the name: the claimant is the name, as in every other language."""
    assert only_claim(text, "de").claimant == claimant


@pytest.mark.parametrize(("text", "language", "claimant"), [
    ("Selon l'Agence de cybersécurité de Korvan, l'attaque est l'œuvre du groupe LockBit.", "fr",
     "Agence de cybersécurité de Korvan"),
    ("L'Agence de cybersécurité de Korvan a attribué l'attaque au groupe LockBit.", "fr",
     "Agence de cybersécurité de Korvan"),
    ("La Agencia de ciberseguridad de Korvan atribuyó el ataque al grupo LockBit.", "es",
     "Agencia de ciberseguridad de Korvan"),
])
def test_an_institution_named_in_lower_case_up_to_its_place_speaks_by_its_whole_name(text: str, language: str,
                                                                                   claimant: str) -> None:
    """French and Spanish capitalise only the first word of a body's name: the place at its end is where the body
    serves, not who speaks."""
    assert only_claim(text, language).claimant == claimant


@pytest.mark.parametrize(("text", "language", "claimant", "state"), [
    ("Le ministère suédois des Affaires étrangères a accusé la Russie de l'attaque contre Kettleby Énergie.", "fr",
     "Swedish Ministry of Foreign Affairs", "SE"),
    ("El ministerio ruso de Asuntos Exteriores negó las acusaciones sobre el ataque contra el puerto de Lutrecht.",
     "es", "Russian Ministry of Foreign Affairs", "RU"),
])
def test_a_nationality_inside_the_claimants_phrase_is_the_state_it_speaks_for(text: str, language: str,
                                                                             claimant: str, state: str) -> None:
    """ "le ministère suédois des Affaires étrangères": the nationality between the head and the portfolio is the
    ministry's own."""
    claim = only_claim(text, language)
    assert (claim.claimant, claim.speaks_for) == (claimant, state)


@pytest.mark.parametrize(("text", "language", "mention"), [
    ("Il portavoce dell'ambasciata cinese ha negato le accuse sull'attacco contro il porto di Lutrecht.", "it",
     "portavoce dell'ambasciata cinese"),
    ("Le porte-parole de l'ambassade russe a rejeté les accusations sur l'attaque contre Kettleby Énergie.", "fr",
     "porte-parole de l'ambassade russe"),
])
def test_a_nationality_after_the_noun_of_a_role_phrase_is_part_of_it(text: str, language: str, mention: str) -> None:
    """The languages that put adjectives after nouns name the body a spokesperson speaks for with its nationality
    last: the phrase runs on to it."""
    assert only_claim(text, language).mention == mention


@pytest.mark.parametrize(("text", "language", "claimant"), [
    ("The attack on Kettleby Water was attributed by the Veldmark government to APT28.", "en", "Veldmark government"),
    ("L'attaque contre Kettleby Énergie a été attribuée par le gouvernement de Veldmark à APT28.", "fr",
     "gouvernement de Veldmark"),
    ("L'attacco contro il porto di Lutrecht è stato attribuito dal governo di Veldmark ad APT28.", "it",
     "governo di Veldmark"),
    ("El ataque contra el puerto de Lutrecht fue atribuido por el Gobierno de Veldmark a APT28.", "es",
     "Gobierno de Veldmark"),
])
def test_the_agent_of_a_passive_attribution_before_the_culprit_makes_the_claim(text: str, language: str,
                                                                               claimant: str) -> None:
    """ "attributed by the government to APT28": the agent word right after the cue, the culprit after the agent."""
    claim = only_claim(text, language)
    assert (claim.claimant, claim.stance, claim.attributed_to) == (claimant, Stance.ATTRIBUTES, ("APT28",))


@pytest.mark.parametrize(("text", "language", "claimant", "state"), [
    ("The AIVD attributed the attack on Kettleby Water to APT28.", "en", "AIVD", "NL"),
    ("Der BND macht Russland für den Angriff auf die Stadtwerke Lutrecht verantwortlich.", "de", "BND", "DE"),
])
def test_a_state_agency_speaks_for_its_state(text: str, language: str, claimant: str, state: str) -> None:
    """The agencies galaxy says whose agency the claimant is: its claim is its state's."""
    claim = only_claim(text, language)
    assert (claim.claimant, claim.claimant_kind, claim.speaks_for) == (claimant, ClaimantKind.INSTITUTION, state)


@pytest.mark.parametrize(("text", "language"), [
    ("\"Russia is directly responsible\", the Veldmark foreign minister Anna Reyes wrote.", "en"),
    ("« La Russie est directement responsable », a écrit la ministre Anna Reyes.", "fr"),
    ("\"La Russia è direttamente responsabile\", ha scritto la ministra Anna Reyes.", "it"),
    ("\"Rusia es directamente responsable\", ha escrito la ministra Anna Reyes.", "es"),
])
def test_a_culprit_directly_responsible_is_blamed(text: str, language: str) -> None:
    """ "directly responsible": the adverb between the copula and "responsible" leaves the attribution whole."""
    claim = only_claim(text, language)
    assert (claim.claimant, claim.stance, claim.attributed_to) == ("Anna Reyes", Stance.ATTRIBUTES, ("RU",))


def test_a_german_body_named_in_the_genitive_is_filed_under_its_nominative() -> None:
    """ "nach Erkenntnissen des Verfassungsschutzes": the claimant is the Verfassungsschutz; the mention keeps the
    words as written."""
    claim = only_claim("Nach Erkenntnissen des Verfassungsschutzes steckt die Gruppe APT28 hinter dem Angriff auf die "
                       "Stadtwerke Lutrecht.", "de")
    assert (claim.claimant, claim.mention) == ("Verfassungsschutz", "Verfassungsschutzes")


def frame_claims(text: str, language: str) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(c.claimant, c.stance.value, c.attributed_to)
            for frame in extract_frames("doc", text, language, "2024-05-14", RESOURCES) for c in frame.claims]


def claims_blaming(actor: str, text: str, language: str) -> list[tuple[str, str, tuple[str, ...]]]:
    """The claims of the text that name ``actor`` among those they blame."""
    return [claim for claim in frame_claims(text, language) if actor in claim[2]]


@pytest.mark.parametrize(("text", "language", "claimant", "actor"), [
    ("La société Lutrex a subi une cyberattaque lundi. L'agence de cybersécurité a ensuite indiqué que les indices "
     "techniques pointaient vers le groupe Conti.", "fr", "agence", "Conti"),
    ("El ayuntamiento de Lutrera sufrió un ciberataque. La policía informó después que el responsable fue el grupo "
     "Hive.", "es", "policía", "Hive"),
    ("Die Stadtwerke Lutrecht wurden Opfer eines Cyberangriffs. Das Innenministerium führt den Angriff auf die "
     "Gruppe Conti zurück.", "de", "Ministry of Interior", "Conti"),
])
def test_where_the_evidence_points_is_an_attribution(text: str, language: str, claimant: str, actor: str) -> None:
    """ "les indices pointaient vers X", "el responsable fue X", "führt den Angriff auf X zurück": each pack's
    attribution words for where the traces lead and who was responsible."""
    assert claims_blaming(actor, text, language) == [(claimant, "attributes", (actor,))]


def test_a_group_said_to_be_behind_an_attack_does_not_claim_it_itself() -> None:
    """ "Volgens het onderzoek zat de Lazarus Group achter de aanval": "according to" is someone else's word about the
    group; with no speaker found, the article attributes, and the group claims nothing."""
    text = ("De gemeente Veldmark is getroffen door een cyberaanval. Volgens het nieuwe onderzoek zat de Lazarus Group "
            "achter de aanval.")
    assert frame_claims(text, "nl") == [("(article)", "attributes", ("Lazarus Group",))]


@pytest.mark.parametrize(("text", "language", "claimant", "actor"), [
    ("Die Stadtwerke Lutrecht wurden Opfer eines Cyberangriffs. Die Cybersicherheitsbehörde führt den Angriff auf "
     "die Gruppe Conti zurück.", "de", "Cybersicherheitsbehörde", "Conti"),
    ("Die Stadtwerke Lutrecht wurden Opfer eines Cyberangriffs. Die Bundespolizei macht die Gruppe Korvan für den "
     "Angriff verantwortlich.", "de", "Bundespolizei", "Korvan"),
    ("De gemeente Veldmark is getroffen door een cyberaanval. De cyberveiligheidsdienst liet weten dat de Lazarus "
     "Group achter de inbraak zit.", "nl", "cyberveiligheidsdienst", "Lazarus Group"),
])
def test_an_institution_named_by_a_compound_speaks(text: str, language: str, claimant: str, actor: str) -> None:
    """German and Dutch write a body's field into its noun ("Cybersicherheitsbehörde", "cyberveiligheidsdienst"):
    the word ends in a claimant noun of the pack (``claimant_noun_endings``), and the body it names speaks."""
    assert claims_blaming(actor, text, language) == [(claimant, "attributes", (actor,))]


@pytest.mark.parametrize(("text", "language"), [
    ("Kettleby Foods was hit by ransomware. The company blamed the Korvan group, which denied any involvement.", "en"),
    ("Kettleby Foods was hit by ransomware. The company believes the Korvan group is probably behind it, although "
     "the gang denied any involvement.", "en"),
    ("Kettleby Foods a été victime d'un rançongiciel. L'entreprise pense que le groupe Korvan est derrière l'attaque, "
     "bien que celui-ci ait nié toute implication.", "fr"),
    ("Kettleby Foods wurde Opfer eines Ransomware-Angriffs. Das Unternehmen vermutet die Gruppe Korvan hinter dem "
     "Angriff, obwohl diese jede Beteiligung bestritt.", "de"),
    ("Kettleby Foods è stata colpita da un ransomware. L'azienda ritiene che dietro l'attacco ci sia il gruppo Korvan, "
     "anche se questo ha negato ogni coinvolgimento.", "it"),
    ("Kettleby Foods sufrió un ataque de ransomware. La compañía cree que se trata del grupo Korvan, aunque este negó "
     "su participación.", "es"),
    ("Kettleby Foods is getroffen door ransomware. Het bedrijf denkt dat de groep Korvan achter de aanval zit, hoewel "
     "die elke betrokkenheid ontkende.", "nl"),
])
def test_a_denial_in_a_clause_about_the_accused_is_the_accused_s(text: str, language: str) -> None:
    """ "..., which denied any involvement", "..., aunque este negó su participación": the clause refers back to the
    group the company blames, and the denial is the group's; the company still blames it. ("se trata del grupo X" is
    the Spanish pack's way of saying whom the attack was by.)"""
    found = {(claimant, stance) for claimant, stance, targets in frame_claims(text, language) if targets == ("Korvan",)}
    assert found == {("Kettleby Foods", "attributes"), ("Korvan", "denies")}


@pytest.mark.parametrize(("text", "language", "group"), [
    ("La società Valtresa Energia è stata colpita da un ransomware. Clop ha pubblicato il nome della società sul suo "
     "sito, rivendicando il furto dei dati.", "it", "Clop"),
    ("Gli attacchi DDoS contro il comune di Roccaverde sono stati rivendicati su Telegram dal collettivo "
     "NoName057(16).", "it", "NoName057(16)"),
    ("Les attaques DDoS contre la commune de Varenne ont été revendiquées par le collectif NoName057(16).", "fr",
     "NoName057(16)"),
    ("Los ataques DDoS contra el ayuntamiento de Villarreña fueron reivindicados por el colectivo NoName057(16).", "es",
     "NoName057(16)"),
])
def test_a_claim_told_in_the_gerund_or_the_plural_passive_is_the_group_s(text: str, language: str, group: str) -> None:
    """ "rivendicando il furto", "sono stati rivendicati dal collettivo", "ont été revendiquées par": the packs' words
    of responsibility in the gerund and the plural participle."""
    assert (group, "claims-responsibility", (group,)) in frame_claims(text, language)


@pytest.mark.parametrize(("text", "claimant"), [
    ("Nach Einschätzung des Bundesamts für Sicherheit in der Informationstechnik (BSI) steckt die Gruppe Korvan hinter "
     "dem Angriff auf die Stadtwerke Veldmark.", "BSI"),
    ("Nach Informationen des Landesamts für Verfassungsschutz geht der Angriff auf die Stadtwerke Veldmark auf die "
     "Gruppe Korvan zurück.", "Landesamt für Verfassungsschutz"),
])
def test_a_body_named_after_according_to_keeps_its_whole_name(text: str, claimant: str) -> None:
    """A German body's name runs on past its genitive head ("des Bundesamts für ..."), and the acronym in brackets
    that ends it is what it goes by; the head alone ("Bundesamt") named no one in particular."""
    claim = only_claim(text, "de")
    assert (claim.claimant, claim.attributed_to) == (claimant, ("Korvan",))


@pytest.mark.parametrize(("text", "claimant"), [
    ("Das Bundesamt für Verfassungsschutz macht die Gruppe APT28 für den Angriff auf die Stadtwerke Kettleby "
     "verantwortlich.", "Bundesamt für Verfassungsschutz"),
    ("Das Landesamt für Verfassungsschutz erklärte, die Gruppe APT28 stecke hinter dem Angriff auf die Stadtwerke "
     "Kettleby.", "Landesamt für Verfassungsschutz"),
])
def test_a_german_federal_office_speaks_under_its_whole_name(text: str, claimant: str) -> None:
    """German names its federal and regional offices by what they are for ("Bundesamt für ..."); as the subject, the
    whole name speaks, not the article."""
    assert only_claim(text, "de").claimant == claimant


@pytest.mark.parametrize(("text", "language"), [
    ("In August 2022, the Korvlock gang attacked the systems of the Veldmark Finance Ministry, and the government "
     "declared a state of emergency.", "en"),
    ("En agosto de 2022, el grupo Korvlock atacó los sistemas del Ministerio de Hacienda de Veldmark, y el gobierno "
     "declaró el estado de emergencia.", "es"),
])
def test_a_verb_of_speech_in_a_coordinated_clause_reports_nothing_before_it(text: str, language: str) -> None:
    """The government that declared an emergency after the attack said nothing of who attacked: a comma and a
    conjunction open a new clause, whose verb of speech does not report the attack told before it."""
    assert claims_of("case", document_facts(text, language, None, RESOURCES), None, UNLIMITED) == []


@pytest.mark.parametrize(("text", "language"), [
    ("LockBit attacked the systems of the Kettleby port, the FBI said.", "en"),
    ("The FBI said LockBit attacked the systems of the Kettleby port.", "en"),
    ("Selon le FBI, LockBit a attaqué les systèmes du port de Kettleby.", "fr"),
])
def test_whom_a_report_says_attacked_is_blamed_by_the_reporter(text: str, language: str) -> None:
    """ "the FBI said LockBit attacked ...": the gang a reporting verb's clause casts as attacking is whom the
    reporter blames."""
    claim = only_claim(text, language)
    assert (claim.claimant, claim.stance, claim.attributed_to) == ("FBI", Stance.ATTRIBUTES, ("LockBit",))


def test_a_gang_that_speaks_of_itself_is_blamed_by_no_reporter() -> None:
    """ "RansomEXX claimed to have penetrated ..., according to the site": what the gang says of itself, the site only
    reports; the site blames nobody."""
    text = ("In 2022 the group known as RansomEXX claimed to have penetrated the network of the Kettleby firm, "
            "according to the site Veldmark News.")
    claims = claims_of("case", document_facts(text, "en", None, RESOURCES), None, UNLIMITED)
    assert all(claim.claimant != "Veldmark News" for claim in claims)
