"""Who makes a claim, as an analyst would file them: a person by name, with the role the sentence gives."""

from __future__ import annotations

import pytest

from cybertrack.budget import UNLIMITED
from cybertrack.extract.frames import claims_of, document_facts
from cybertrack.model import ClaimantKind
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


def test_a_role_without_a_name_is_the_claimant() -> None:
    claim = only_claim("The minister said Russia was behind the attack.", "en")
    assert (claim.claimant, claim.claimant_kind, claim.role) == ("minister", ClaimantKind.PERSON, "")


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
