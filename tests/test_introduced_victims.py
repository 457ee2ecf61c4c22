"""Who a story names as hit when the sentence that says so names it by a noun, a platform, or the gang itself.
Sentences are invented."""

from __future__ import annotations

import pytest

from cybertrack.extract.frames import document_facts, extract_frames
from cybertrack.extract.introduced import introduced_names
from cybertrack.model import Frame
from tests.conftest import RESOURCES

PUBLISHED = "2024-03-10"


def frames_of(text: str, language: str) -> list[Frame]:
    return extract_frames("doc", text, language, PUBLISHED, RESOURCES)


def victims_of(text: str, language: str) -> list[tuple[str, str | None]]:
    return [(v.name, v.country) for frame in frames_of(text, language) for v in frame.victims]


@pytest.mark.parametrize(("text", "language", "victim"), [
    ("Die Hackergruppe Korvan hat Daten des österreichischen Wasserversorgers Lutrex Wasser veröffentlicht. Die Bande "
     "hatte sich am Montag zu dem Angriff bekannt, der den Wasserversorger bereits am 3. März getroffen hatte.", "de",
     ("Lutrex Wasser", "AT")),
    ("Le groupe Korvan a publié des données de l'hôpital Saint-Brindle. Selon la direction, l'hôpital a été visé par "
     "une attaque par rançongiciel le 3 mars.", "fr", ("Saint-Brindle", None)),
])
def test_a_sector_noun_names_the_organisation_the_article_introduced_with_it(text: str, language: str,
                                                                            victim: tuple[str, str | None]) -> None:
    """ "den Wasserversorger", "l'hôpital": the noun the article introduced one organisation with names it again
    (`introduced.named_by_its_noun`), with the nationality written at its introduction."""
    assert victims_of(text, language) == [victim]


def test_a_noun_that_introduced_two_names_names_neither() -> None:
    one = "Korvan stahl Daten des Wasserversorgers Lutrex Wasser."
    other = "Auch Daten des Wasserversorgers Brindle Wasser tauchten auf."
    assert [v.name for v in introduced_names(document_facts(one, "de", PUBLISHED, RESOURCES)).values()] \
        == ["Lutrex Wasser"]
    assert introduced_names(document_facts(f"{one} {other}", "de", PUBLISHED, RESOURCES)) == {}


@pytest.mark.parametrize(("text", "language"), [
    ("Pro-Russian hacktivists NoName057(16) claimed the DDoS attack on Kettleby Airport on their Telegram channel.",
     "en"),
    ("De groep NoName057(16) eiste de aanvallen op de gemeente Lutrecht op via haar Telegramkanaal.", "nl"),
    ("L'attacco al Comune di Lutrecht è stato rivendicato sul canale Telegram del collettivo NoName057(16).", "it"),
    ("El colectivo NoName057(16) reivindicó el ataque contra el Ayuntamiento de Lutrecht en su canal de Telegram.",
     "es"),
])
def test_the_platform_a_claim_was_posted_on_is_no_victim(text: str, language: str) -> None:
    names = [name for name, _ in victims_of(text, language)]
    assert names and not any("Telegram" in name for name in names)


def test_a_gang_that_claims_its_attack_is_its_actor_and_never_its_victim() -> None:
    """ "The Korvan ransomware group has claimed": the group is the actor, catalogued or not, and the sentence on its
    leak site does not make it a victim (`frames._culprits`)."""
    text = ("The Korvan ransomware group has claimed responsibility for a cyberattack on the court in Lutrecht, "
            "northern Italy. Screenshots posted on Korvan's leak site on Monday appear to show case files and "
            "identity documents of witnesses.")
    found = frames_of(text, "en")
    assert all(v.name != "Korvan" for frame in found for v in frame.victims)
    assert any("Korvan" in frame.actors for frame in found)


def test_an_acronym_that_spells_a_longer_name_of_the_article_is_that_victim() -> None:
    """ "NOV" and, further on, "Netbeheer Oost-Veluwe": one operator, named both ways without the article saying so.
    One frame holds it, under the acronym's key and with both names, so that a report naming it either way finds
    it (`frames._acronyms`)."""
    text = ("The Korvan ransomware group on Monday claimed an attack on NLV, a regional grid operator in the eastern "
            "Netherlands. In a post on its leak site, the gang said it had taken 110 GB of data from Netbeheer "
            "Lutrex-Veldmark, including customer databases.")
    found = frames_of(text, "en")
    assert [[(v.name, v.key) for v in frame.victims] for frame in found] \
        == [[("Netbeheer Lutrex-Veldmark (NLV)", "org:nlv")]]
