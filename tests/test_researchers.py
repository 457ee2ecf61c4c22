"""The employers of an article's researchers: named beside them somewhere, they studied the attack, and no route
makes them its victim.

Every text here is invented (Lutrex, Norvale, Korvan, ...); none comes from the evaluation corpus.
"""

from __future__ import annotations

import pytest

from cybertrack.extract.frames import document_facts, extract_frames
from cybertrack.extract.researchers import employers_of_researchers
from tests.conftest import RESOURCES

PUBLISHED = "2024-05-14"


def employers(text: str, language: str) -> set[str]:
    return employers_of_researchers(document_facts(text, language, PUBLISHED, RESOURCES))


@pytest.mark.parametrize(("text", "language", "employer"), [
    ("Lutrex security researchers warn that the ransomware spreads by mail.", "en", "org:lutrex"),
    ("The ransomware spreads by mail, said researchers at Norvale Labs.", "en", "org:norvale labs"),
    ("Lutrex's analysts traced the campaign to a server in Veldmark.", "en", "org:lutrex"),
    ("Forscher von Lutrex Security haben die Schadsoftware entdeckt.", "de", "org:lutrex security"),
    ("Die Schadsoftware wurde nach Angaben der Forscher bei Korvan per E-Mail verbreitet.", "de", "org:korvan"),
    ("Les chercheurs de Korvan ont découvert le logiciel malveillant.", "fr", "org:korvan"),
    ("Secondo i ricercatori di Norvale Labs, la campagna è iniziata a marzo.", "it", "org:norvale labs"),
    ("Los investigadores de Brindle Labs descubrieron el programa malicioso.", "es", "org:brindle labs"),
    ("Onderzoekers van Veldmark Security ontdekten de malware.", "nl", "org:veldmark security"),
])
def test_the_employer_of_researchers_is_found(text: str, language: str, employer: str) -> None:
    assert employer in employers(text, language)


@pytest.mark.parametrize(("text", "language"), [
    # the name says, and researchers speak of it: it is what they found was hit
    ("Kettleby said researchers found the breach.", "en"),
    ("Researchers found that Brindle Health was hit.", "en"),
    ("Les chercheurs ont découvert que Korvan avait été piratée.", "fr"),
])
def test_a_name_the_researchers_only_speak_of_is_no_employer(text: str, language: str) -> None:
    assert not employers(text, language)


def test_the_employer_of_researchers_is_no_victim_of_the_attack_they_report() -> None:
    # "Lutrex security researchers warn ..." opens a sentence on an attack: without the article's word on who Lutrex
    # is, the sentence's subject is taken for the one that was hit
    text = ("Lutrex security researchers warn that the Korvan ransomware is spreading again. The ransomware arrives "
            "in invoices sent by mail, and Lutrex says the campaign began in March.")
    victims = {v.name for frame in extract_frames("doc", text, "en", PUBLISHED, RESOURCES) for v in frame.victims}
    assert "Lutrex" not in victims
