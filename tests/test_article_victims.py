"""The article-level victim model: when no sentence casts a named victim, the name the article keeps coming back to.

Every article here is invented (Lutrecht, Veldmark, Korvan Motors, ...); none comes from the evaluation corpus.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from cybertrack.extract.article_victims import entity_feature_names, entity_features, is_named
from cybertrack.extract.frames import _an_authority, document_facts, extract_frames
from cybertrack.extract.victims import candidates
from tests.conftest import RESOURCES, require_shared
from tests.fitted_models import assert_fitted_on_the_training_sets, assert_training_again_gives

ROOT = Path(__file__).resolve().parents[1]
WEIGHTS = ROOT / "src" / "cybertrack" / "extract" / "data" / "article_victims.json"
PUBLISHED = "2024-05-14"


def victim_names(text: str, language: str) -> set[str]:
    return {v.name for frame in extract_frames("doc", text, language, PUBLISHED, RESOURCES) for v in frame.victims}


# No sentence has a victim cue beside the name ("X was hacked", "an attack on X"): the name is the subject of
# the story only by how the article keeps coming back to it around the attack words.
@pytest.mark.parametrize(("text", "language"), [
    ("Nobody is safe from hackers, just ask Korvan Motors. Korvan Motors confirmed a ransomware attack this week. "
     "The ransomware attack encrypted files, Korvan Motors said, and it will not pay the ransom.", "en"),
    ("Niemand ist vor Hackern sicher, das weiß jetzt auch Korvan Motors. Korvan Motors bestätigte einen "
     "Ransomware-Angriff in dieser Woche. Der Angriff verschlüsselte Dateien, Lösegeld zahlt Korvan Motors nicht.",
     "de"),
    ("Nadie está a salvo de los hackers, que se lo pregunten a Korvan Motors. Korvan Motors confirmó un ataque de "
     "ransomware esta semana. El ataque cifró archivos y Korvan Motors no pagará el rescate.", "es"),
    ("Personne n'est à l'abri des pirates, demandez à Korvan Motors. Korvan Motors a confirmé une attaque par "
     "rançongiciel cette semaine. L'attaque a chiffré des fichiers et Korvan Motors ne paiera pas la rançon.", "fr"),
])
def test_the_name_an_attack_article_keeps_coming_back_to_is_its_victim(text: str, language: str) -> None:
    assert "Korvan Motors" in victim_names(text, language)


@pytest.mark.parametrize(("text", "language", "victim"), [
    ("Mehrere Websites der Gemeinde Tössberg waren am Montag nach einem DDoS-Angriff nicht erreichbar, wie das "
     "Bundesamt für Cybersicherheit (BACS) mitteilte.", "de", "Gemeinde Tössberg"),
    ("Las webs de la Diputación de Valcárdenas estuvieron caídas el lunes tras un ataque DDoS, según ha confirmado el "
     "Centro Criptológico Nacional (CCN).", "es", "Diputación de Valcárdenas"),
    # a clause that opens on its verb of speech, the speaker after it; a date inside the verb group of the victim's
    ("Het chipbedrijf Veldmark Systems is sinds december 2024 het doelwit geweest van een spionagecampagne, meldt de "
     "Militaire Inlichtingen- en Veiligheidsdienst (MIVD).", "nl", "Veldmark Systems"),
    ("La web de la Diputación de Valcárdenas estuvo caída el lunes tras un ataque DDoS, según ha confirmado este "
     "martes el Centro Criptológico Nacional.", "es", "Diputación de Valcárdenas"),
])
def test_the_body_a_clause_names_as_who_reports_is_no_victim(text: str, language: str, victim: str) -> None:
    """ "wie das BACS mitteilte", "según ha confirmado el CCN": no cue casts anyone, and the article-level model
    takes the reporting agency beside the town; the clause that opens on it says it reports."""
    assert victim_names(text, language) == {victim}


def test_a_cue_cast_victim_is_not_joined_by_every_other_name() -> None:
    """The sentences already name the victim: the article model adds nobody (a researcher named as often stays out)."""
    text = ("Hackers attacked the city of Lutrecht on Monday. The ransomware attack on Lutrecht shut down its "
            "website, Veldmark Security said. Veldmark Security found the malware. Veldmark Security published a "
            "report on the attack.")
    found = victim_names(text, "en")
    assert "Veldmark Security" not in found
    assert any("Lutrecht" in name for name in found)


@pytest.mark.parametrize(("text", "language", "authority"), [
    ("Het OM opende dinsdag een strafrechtelijk onderzoek naar oplichters. Volgens het Openbaar Ministerie (OM) gaat "
     "het om een grootschalige datadiefstal via een lek in Lutrex Transfer. Het Openbaar Ministerie onderzoekt de "
     "hack.", "nl", "Openbaar Ministerie (OM)"),
])
def test_the_authority_an_article_keeps_naming_is_who_reports_the_attack(text: str, language: str,
                                                                        authority: str) -> None:
    """The prosecution, named by the packs' noun for it and named throughout, investigates the attack; the
    article-level models do not take it for its victim."""
    assert authority not in victim_names(text, language)


@pytest.mark.parametrize(("text", "name", "authority"), [
    ("De Noorse regering beschuldigde Rusland van de aanval.", "Noorse regering", True),
    ("Het Openbaar Ministerie (OM) onderzoekt de hack.", "Openbaar Ministerie (OM)", True),
    ("De Noorse bank Kettleby werd gehackt.", "bank Kettleby", False),
])
def test_an_authority_is_named_by_the_noun_for_it_a_nationality_and_an_acronym_at_most(text: str, name: str,
                                                                                      authority: bool) -> None:
    facts = document_facts(text, "nl", PUBLISHED, RESOURCES)[0]
    found = {facts.text[c.start:c.end]: c for c in candidates(facts)}
    assert _an_authority(facts, found[name]) is authority


def test_an_authority_a_cue_casts_is_still_the_victim() -> None:
    assert "Openbaar Ministerie" in victim_names("Hackers hebben het Openbaar Ministerie platgelegd. Het Openbaar "
                                                 "Ministerie meldde de aanval.", "nl") | victim_names(
        "Het Openbaar Ministerie werd getroffen door een cyberaanval.", "nl")


def test_an_article_without_an_attack_has_no_victim() -> None:
    text = ("Korvan Motors presented its new car on Monday. Korvan Motors expects strong sales. "
            "Korvan Motors will open a new factory next year.")
    assert victim_names(text, "en") == set()


def test_name_features_gather_every_mention_of_a_name() -> None:
    rows = np.asarray([[1.0, 0.0], [0.0, 0.0], [0.0, 1.0]])
    keys, table = entity_features(rows, ["org:a", "org:b", "org:a"])
    assert keys == ["org:a", "org:b"]
    a, b = table
    assert list(a[:2]) == [1.0, 1.0] and list(a[2:4]) == [0.5, 0.5]  # max, then mean, over its two mentions
    assert a[-3] == pytest.approx(2 / 3) and a[-2] == 1.0  # share of the mentions, the most mentioned
    assert b[-3] == pytest.approx(1 / 3) and b[-2] == 0.0


def test_only_names_are_taken_on_the_article_s_say() -> None:
    assert is_named("org:korvan motors")
    assert not is_named("?/government:parliament") and not is_named("NO/government:parliament")


def shipped() -> dict:
    return json.loads(WEIGHTS.read_text("utf-8"))


def test_article_victim_model_was_fitted_on_the_training_sets_it_names() -> None:
    require_shared()
    model = shipped()
    assert_fitted_on_the_training_sets(model)
    assert model["threshold"] == model["cross_validation"]["threshold"]
    assert model["features"] == entity_feature_names()


def test_training_again_gives_the_shipped_article_victim_model(tmp_path: Path) -> None:
    """Same data, same folds: the same model, so the shipped file is what the script makes from the training sets."""
    require_shared()
    assert_training_again_gives(shipped(), "train_article_victims.py", (), ("cross_validation", "threshold"),
                                tmp_path / "article_victims.json")
