"""An article that tells an attack only by its target ("APT33 targeted aviation firms in Norway"), the way incident
descriptions are written, still reports an attack; where the article names the attack in other words, its
"targeted" sentences stay what they were."""

from __future__ import annotations

import pytest

from cybertrack.extract.frames import extract_frames
from cybertrack.model import Frame
from tests.conftest import RESOURCES

PUBLISHED = "2024-03-01"


def frames_of(text: str, language: str) -> list[Frame]:
    return extract_frames("doc", text, language, PUBLISHED, RESOURCES)


def victim_countries(frames: list[Frame]) -> set[str | None]:
    return {victim.country for frame in frames for victim in frame.victims}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "APT33 targeted shipping firms in Norway last spring."),
        ("en", "Russian hackers disrupted the websites of Norwegian shipping firms."),
        ("fr", "Des pirates russes ont ciblé des entreprises de transport maritime en Norvège."),
        ("de", "Russische Hacker nahmen Reedereien in Norwegen ins Visier."),
        ("it", "Hacker russi hanno preso di mira le compagnie di navigazione in Norvegia."),
        ("es", "Hackers rusos tuvieron como objetivo a las navieras de Noruega."),
        ("nl", "Russische hackers richtten zich op rederijen in Noorwegen."),
    ],
)
def test_an_attacker_that_targets_a_victim_is_an_attack_where_nothing_else_names_one(language: str, text: str) -> None:
    assert "NO" in victim_countries(frames_of(text, language))


@pytest.mark.parametrize(
    ("language", "text", "victim"),
    [
        ("en", "Hackers sabotaged Kettleby Water last spring.", "Kettleby Water"),
        ("de", "Russische Hacker sabotierten die Stadtwerke Korvan im Frühjahr.", "Stadtwerke Korvan"),
        ("fr", "Des pirates russes ont perturbé la chaîne Lutrex TV pendant deux jours.", "Lutrex"),
        ("es", "Hackers rusos sabotearon la empresa Aguas de Korvan.", "Aguas de Korvan"),
        ("it", "Hacker russi hanno sabotato l'azienda Veldmark Energia.", "Veldmark Energia"),
        ("nl", "Russische hackers verstoorden de omroep Lutrex TV twee dagen lang.", "Lutrex"),
    ],
)
def test_what_a_target_verb_names_after_it_is_the_victim(language: str, text: str, victim: str) -> None:
    """A verb that tells an attack by its target takes that target as its object, as a victim cue does."""
    assert any(victim in v.name for frame in frames_of(text, language) for v in frame.victims)


def test_a_target_with_no_attacker_named_before_it_is_no_attack() -> None:
    assert not frames_of("The new regulation targeted shipping firms in Norway.", "en")


def test_where_the_article_names_the_attack_a_targeted_sentence_adds_nothing() -> None:
    text = ("Hackers attacked the Lutrecht port authority on Monday. "
            "Last year, the same hackers targeted shipping firms in Norway.")
    frames = frames_of(text, "en")
    assert frames and "NO" not in victim_countries(frames)
