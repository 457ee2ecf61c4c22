"""A frame's attack types: proposed by its attack sentences, borne out by a model fitted on the training sets only.

Every sentence is invented (the Veldmark Water Authority, the Stadtwerke Lutrecht, ...).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np
import pytest

from cybertrack.extract.attack_types import implied_techniques
from cybertrack.extract.frames import extract_frames
from tests.conftest import RESOURCES, SHARED, require_shared
from tests.fitted_models import MEASURING_SETS, assert_close, retrained
from tests.test_extractors import frames_of

ROOT = Path(__file__).resolve().parents[1]
WEIGHTS = ROOT / "src" / "cybertrack" / "extract" / "data" / "attack_types.json"
PUBLISHED = "2021-05-20"


def shipped() -> dict:
    return json.loads(WEIGHTS.read_text("utf-8"))


def types_of(text: str, language: str) -> list[str]:
    [frame] = extract_frames("doc", text, language, PUBLISHED, RESOURCES)
    return frame.types


ADVICE_AFTER_A_RANSOMWARE_REPORT = {
    "en": "Hackers hit the Veldmark Water Authority with ransomware on Monday and encrypted its billing servers. "
          "The ransomware also locked the authority's email. The authority refused to pay the ransom. Engineers "
          "restored the servers from backups after the ransomware attack. Customers should never give their credit "
          "card details to callers, the authority warned.",
    "de": "Die Stadtwerke Lutrecht wurden am Montag Opfer eines Ransomware-Angriffs, der ihre Server verschlüsselte. "
          "Die Ransomware legte auch die E-Mail der Stadtwerke lahm. Die Stadtwerke weigern sich, das Lösegeld zu "
          "zahlen. Techniker stellten die Server nach dem Ransomware-Angriff wieder her. Oft werden bei solchen "
          "Angriffen auch Daten gestohlen.",
}


@pytest.mark.parametrize("language", list(ADVICE_AFTER_A_RANSOMWARE_REPORT))
def test_a_type_named_only_in_closing_advice_is_not_the_incidents(language: str) -> None:
    """The report tells of ransomware; its last sentence speaks of card details or stolen data in general."""
    assert types_of(ADVICE_AFTER_A_RANSOMWARE_REPORT[language], language) == ["ransomware"]


AN_EARLIER_DDOS = {
    "en": "Hackers hit the Veldmark Water Authority with ransomware on Monday. It is not the first time the authority "
          "was hit: in 2019 a DDoS attack knocked its website offline.",
    "fr": "La Banque de Lutrecht a été victime d'une attaque par rançongiciel lundi. Ce n'est pas la première fois que "
          "la banque est visée : en 2019, une attaque DDoS avait paralysé son site.",
    "de": "Die Stadtwerke Lutrecht wurden am Montag Opfer eines Ransomware-Angriffs. Es ist nicht das erste Mal, dass "
          "die Stadtwerke getroffen werden: 2019 legte ein DDoS-Angriff ihre Website lahm.",
    "it": "Il Comune di Lutrecht è stato colpito da un ransomware lunedì. Non è la prima volta che il Comune viene "
          "colpito: nel 2019 un attacco DDoS aveva bloccato il suo sito.",
    "es": "El Ayuntamiento de Lutrecht sufrió un ataque de ransomware el lunes. No es la primera vez que el "
          "Ayuntamiento es atacado: en 2019 un ataque DDoS tumbó su web.",
    "nl": "Het Waterschap Veldmark werd maandag getroffen door een ransomware-aanval. Het is niet de eerste keer dat "
          "het waterschap wordt getroffen: in 2019 legde een ddos-aanval de website plat.",
}


@pytest.mark.parametrize("language", list(AN_EARLIER_DDOS))
def test_an_earlier_attack_the_report_recalls_does_not_type_the_incident(language: str) -> None:
    """The victim's DDoS of 2019 is told beside Monday's ransomware: it is the background's type, not the incident's."""
    assert types_of(AN_EARLIER_DDOS[language], language) == ["ransomware"]


STOLEN_DATA = {
    "en": "Hackers broke into Veldmark Bank's network on Monday and stole the personal data of 40,000 customers.",
    "fr": "Des pirates ont pénétré lundi dans le réseau de la Banque de Lutrecht et ont volé des données de 40 000 "
          "clients ; les données volées sont en vente.",
    "nl": "Het Waterschap Veldmark is maandag gehackt; de hackers hebben gegevens gestolen van 40.000 klanten.",
    "es": "Unos piratas entraron el lunes en la red del Ayuntamiento de Lutrecht y robaron datos de 40.000 vecinos; "
          "los datos robados están a la venta.",
}


@pytest.mark.parametrize("language", list(STOLEN_DATA))
def test_a_hack_in_which_data_was_taken_is_a_data_breach(language: str) -> None:
    assert "data-breach" in types_of(STOLEN_DATA[language], language)


ENCRYPTED = {
    "en": "Halvorn Logistik said its systems were encrypted on May 11.",
    "fr": "La société Halvorn a indiqué que ses systèmes ont été chiffrés le 11 mai.",
    "it": "L'azienda Halvorn ha detto che i suoi sistemi sono stati cifrati l'11 maggio.",
    "es": "La empresa Halvorn dijo que sus sistemas fueron cifrados el 11 de mayo.",
}


@pytest.mark.parametrize("language", list(ENCRYPTED))
def test_systems_told_encrypted_in_the_passive_tell_ransomware(language: str) -> None:
    """ "its systems were encrypted": what ransomware does, told of the victim's systems, with no word for the
    malware."""
    assert types_of(ENCRYPTED[language], language) == ["ransomware"]


NO_DATA_TAKEN = {
    "en": "A DDoS attack knocked the website of Kettleby Council offline on Monday. No data was stolen, the council "
          "said.",
    "de": "Ein DDoS-Angriff hat die Website der Gemeinde Kettleby am Montag lahmgelegt. Daten seien nicht abgeflossen, "
          "teilte die Gemeinde mit.",
    "it": "Un attacco DDoS ha bloccato lunedì il sito del comune di Kettleby. Non c'è stata alcuna violazione dei "
          "dati, ha detto il comune.",
    "es": "Un ataque DDoS dejó fuera de servicio el lunes la web del ayuntamiento de Kettleby. No se robaron datos, "
          "informó el ayuntamiento.",
    "nl": "Een DDoS-aanval heeft maandag de website van de gemeente Kettleby platgelegd. Er zijn geen gegevens "
          "buitgemaakt, aldus de gemeente.",
}


@pytest.mark.parametrize("language", list(NO_DATA_TAKEN))
def test_data_the_report_says_were_not_taken_make_no_breach(language: str) -> None:
    """The victim says no data were taken: the negation a few words before the theft words undoes them."""
    assert types_of(NO_DATA_TAKEN[language], language) == ["ddos"]


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Hackers hit Kettleby Bank with ransomware on Monday. The gang not only stole customer data, it also "
           "encrypted the bank's servers."),
    ("de", "Hacker haben die Kettleby Bank am Montag mit Ransomware angegriffen. Die Bande hat nicht nur Kundendaten "
           "gestohlen, sie hat auch die Server verschlüsselt."),
])
def test_not_only_denies_nothing(language: str, text: str) -> None:
    """ "not only stole", "nicht nur gestohlen" open with a negation and say the theft happened (each pack's
    ``negation_exceptions``)."""
    assert types_of(text, language) == ["ransomware", "data-breach"]


@pytest.mark.parametrize(("language", "text"), [
    ("en", "A DDoS attack knocked the Veldmark Water Authority's website offline on Monday."),
    ("it", "Un attacco DDoS ha messo fuori uso lunedì il sito del Comune di Lutrecht."),
    # Dutch writes the acronym in lower case in a compound
    ("nl", "De website van de gemeente Lutrecht was dinsdag urenlang onbereikbaar door een ddos-aanval."),
])
def test_types_the_model_does_not_judge_are_kept_as_proposed(language: str, text: str) -> None:
    """CASIE labels no DDoS: nothing to learn from, so the words decide."""
    assert "ddos" in types_of(text, language)


def test_a_group_that_phishes_reports_a_phishing_attack() -> None:
    """English uses the verb as well as the noun: "posed as journalists to phish academics" is a phishing attack."""
    text = "The Korvan group posed as journalists to phish academics at the University of Lutrecht last spring."
    assert "phishing" in types_of(text, "en")


IMPERSONATED = {
    "en": ("Hackers posing as the Lutrecht Revenue Office breached the email accounts of Norvale Council staff on "
           "Monday.", "Norvale Council staff", "Lutrecht Revenue Office"),
    "fr": ("Des pirates se faisant passer pour la Banque de Lutrèche ont piraté lundi les comptes de la mairie de "
           "Norvale.", "mairie de Norvale", "Banque de Lutrèche"),
    "de": ("Hacker, die sich als Stadtwerke Lutrecht ausgaben, haben am Montag die Stadtverwaltung Norvale "
           "angegriffen.", "Stadtverwaltung Norvale", "Stadtwerke Lutrecht"),
    "nl": ("Hackers die zich voordeden als de Bank van Lutrecht hebben maandag de gemeente Norvale aangevallen.",
           "gemeente Norvale", "Bank van Lutrecht"),
    "it": ("Hacker spacciandosi per la Banca di Lutrecht hanno attaccato lunedì il Comune di Norvale.",
           "Comune di Norvale", "Banca di Lutrecht"),
    "es": ("Unos piratas haciéndose pasar por el Banco de Lutrecht atacaron el lunes el Ayuntamiento de Norvale.",
           "Ayuntamiento de Norvale", "Banco de Lutrecht"),
}


@pytest.mark.parametrize("language", list(IMPERSONATED))
def test_whom_the_attackers_pose_as_tells_phishing_and_is_no_victim(language: str) -> None:
    """Posing as a trusted body is phishing, though no phishing word is written; the body posed as is not hit."""
    text, victim, posed_as = IMPERSONATED[language]
    frames = extract_frames("doc", text, language, PUBLISHED, RESOURCES)
    assert [v.name for f in frames for v in f.victims] == [victim]
    assert "phishing" in frames[0].types and posed_as not in {v.name for f in frames for v in f.victims}


def test_a_scam_in_the_report_tells_phishing() -> None:
    """ "Tricked into opening an email scam": the scam words are phishing's, in a report with no phishing word."""
    text = ("Hackers broke into the network of Norvale Council on Monday and stole residents' data. Staff were "
            "tricked into opening an email scam that looked like an invoice.")
    assert types_of(text, "en") == ["data-breach", "phishing"]


@pytest.mark.parametrize(("language", "text", "kind", "victim"), [
    ("de", "Unbekannte haben die Systeme der Stadtwerke Lutrecht verschlüsselt.", "ransomware", "Stadtwerke Lutrecht"),
    ("nl", "Criminelen hebben gegevens van de Norvale Bank gestolen.", "data-breach", "Norvale Bank"),
    ("nl", "Hackers hebben de systemen van de gemeente Lutrecht versleuteld.", "ransomware", "gemeente Lutrecht"),
])
def test_what_a_perfect_puts_between_its_auxiliary_and_participle_tells_the_attack(
        language: str, text: str, kind: str, victim: str) -> None:
    """German and Dutch put what was encrypted or taken between the auxiliary and the participle that ends the
    clause ("haben die Systeme ... verschlüsselt"): the split phrase still tells the attack and its kind."""
    frame, = frames_of(text, language)
    assert kind in frame.types and [v.name for v in frame.victims] == [victim]


@pytest.mark.parametrize(("language", "text", "victim"), [
    ("fr", "Des pirates ont volé mardi les données de 12 000 adhérents de la mutuelle Brindle.", "mutuelle Brindle"),
    ("it", "Alcuni criminali hanno sottratto martedì i dati di 12.000 clienti della banca Korvan.", "banca Korvan"),
    ("es", "Unos delincuentes robaron el martes los datos de 12.000 socios de la aseguradora Norvale.",
     "aseguradora Norvale"),
    ("de", "Kriminelle erbeuteten am Dienstag die Daten von 12.000 Kunden der Versicherung Palehook.",
     "Versicherung Palehook"),
    ("nl", "Criminelen stalen dinsdag de gegevens van 12.000 klanten van verzekeraar Veldmark.",
     "verzekeraar Veldmark"),
    # the point inside a number does not end the clause that holds both parts of the German perfect
    ("de", "Unbekannte haben die Daten von 12.000 Kunden der Versicherung Palehook gestohlen.",
     "Versicherung Palehook"),
])
def test_a_theft_told_with_words_between_the_verb_and_the_data_tells_a_breach(
        language: str, text: str, victim: str) -> None:
    """The past tense puts the day or an article between the verb and what was taken ("robaron el martes los
    datos"): the split phrase still tells the breach."""
    frame, = frames_of(text, language)
    assert "data-breach" in frame.types and [v.name for v in frame.victims] == [victim]


@pytest.mark.parametrize(("language", "text", "victim"), [
    ("de", "Bei einem Cyberangriff auf die Versicherung Palehook wurden Kundendaten gestohlen.",
     "Versicherung Palehook"),
    ("nl", "Bij een cyberaanval op verzekeraar Veldmark zijn klantgegevens gestolen.", "verzekeraar Veldmark"),
])
def test_in_an_attack_on_a_named_target_tells_that_attack(language: str, text: str, victim: str) -> None:
    """ "Bei einem Cyberangriff auf ...", "Bij een cyberaanval op ...": how German and Dutch news open the report of
    one attack, not words about attacks in general."""
    frame, = frames_of(text, language)
    assert [v.name for v in frame.victims] == [victim]


def test_the_attackers_standing_before_what_they_took_are_no_victim() -> None:
    """German puts the attackers right before what they took ("haben Hacker Daten gestohlen"): the two capitalised
    nouns are no name."""
    frame, = frames_of("Bei einem Angriff auf die Versicherung Palehook haben Hacker Daten gestohlen.", "de")
    assert [v.name for v in frame.victims] == ["Versicherung Palehook"]


@pytest.mark.parametrize(("language", "text", "kind"), [
    ("fr", "Le gouvernement a attribué mardi à la Corée du Nord le vol d'informations de l'entreprise Palehook.",
     "data-breach"),
    ("nl", "De regering schreef de diefstal van gegevens bij het bedrijf Palehook dinsdag toe aan Noord-Korea.",
     "data-breach"),
    ("de", "Hinter dem Cyberangriff auf die Palehook Systeme GmbH steckt eine chinesische Spionagegruppe.",
     "espionage"),
])
def test_a_theft_or_a_spying_group_named_by_a_noun_types_the_attack(language: str, text: str, kind: str) -> None:
    assert kind in types_of(text, language)


def test_the_type_model_was_fitted_on_the_training_sets_it_names() -> None:
    require_shared()
    model = shipped()
    names = [record["file"] for record in model["fitted_on"]]
    assert names == ["corpus/casie-train/articles.jsonl", "eval/casie_train_gold.jsonl",
                     "corpus/multilingual-train/articles.jsonl", "eval/multilingual_train_gold.json"]
    for record in model["fitted_on"]:
        assert not any(name in record["file"] for name in MEASURING_SETS)
        assert hashlib.sha256((SHARED / record["file"]).read_bytes()).hexdigest() == record["sha256"]
    assert model["threshold"] == model["cross_validation"]["threshold"]
    assert model["types"] == ["ransomware", "data-breach", "phishing"]


def test_training_again_gives_the_shipped_type_model(tmp_path: Path) -> None:
    """Same data, same code: the same model. After a change to frames or victims the script must be run again."""
    require_shared()
    fresh, model = retrained("train_attack_types.py", tmp_path / "attack_types.json"), shipped()
    assert fresh["fitted_on"] == model["fitted_on"]
    for key in ("proposals", "cross_validation", "threshold"):
        assert_close(fresh[key], model[key], key)
    np.testing.assert_allclose(fresh["weights"], model["weights"], atol=1e-3)


def test_a_frame_uses_the_technique_its_type_is() -> None:
    """A supply-chain attack is ATT&CK's Supply Chain Compromise: the frame's techniques agree with its types, though
    no sentence names the technique in the packs' words ("a third-party vendor breach" names the type only)."""
    [frame] = frames_of("A third-party vendor breach at Kettleby Systems exposed the records of its customers.", "en")
    assert frame.types == ["supply-chain"]
    assert frame.techniques == ["T1195"]


def test_a_named_sub_technique_is_not_repeated_by_its_parent() -> None:
    assert implied_techniques(["phishing", "ransomware"], ["T1566.001"]) == ["T1566.001", "T1486"]
