"""Claims about one incident that disagree, found pair by pair."""

from __future__ import annotations

from cybertrack.conflicts import conflicts, same_party
from cybertrack.model import Certainty, Claim, ClaimantKind, ConflictKind, Evidence, Stance

STATES = {"APT29": "RU", "Sandworm": "RU", "APT31": "CN"}


def claim(claimant: str, stance: Stance, *targets: str, kind: ClaimantKind = ClaimantKind.INSTITUTION) -> Claim:
    sentence = f"{claimant} spoke."
    return Claim(claimant, stance, targets, Certainty.CONFIRMED, None, Evidence("a.txt", 0, len(sentence), sentence),
                 claimant_kind=kind)


def found(*claims: Claim) -> list[tuple[ConflictKind, str, str]]:
    return [(c.kind, c.claims[0].claimant, c.claims[1].claimant) for c in conflicts(list(claims), STATES.get)]


def test_an_actor_and_the_state_it_serves_agree():
    assert found(claim("NCSC", Stance.ATTRIBUTES, "APT29"), claim("Government", Stance.ATTRIBUTES, "RU")) == []


def test_different_attackers_disagree():
    assert found(claim("NCSC", Stance.ATTRIBUTES, "APT29"), claim("Vendor", Stance.ATTRIBUTES, "APT31")) == [
        (ConflictKind.DIFFERENT_ATTACKERS, "NCSC", "Vendor")]
    assert found(claim("LockBit", Stance.CLAIMS_RESPONSIBILITY, "LockBit", kind=ClaimantKind.GROUP),
                 claim("Police", Stance.ATTRIBUTES, "Black Basta")) == [
        (ConflictKind.DIFFERENT_ATTACKERS, "LockBit", "Police")]


def test_a_denial_and_a_dispute_meet_the_attribution_they_answer():
    accusation = claim("Government", Stance.ATTRIBUTES, "APT29")
    assert found(accusation, claim("Kremlin", Stance.DENIES, "RU")) == [(ConflictKind.DENIED, "Government", "Kremlin")]
    assert found(accusation, claim("Researchers", Stance.DISPUTES, "APT29")) == [
        (ConflictKind.DISPUTED, "Government", "Researchers")]
    assert found(accusation, claim("Beijing", Stance.DENIES, "CN")) == []  # denies what nobody claimed


def test_speculation_and_the_article_itself_clash_with_nothing():
    accusation = claim("Government", Stance.ATTRIBUTES, "APT29")
    assert found(accusation, claim("Agency", Stance.UNCONFIRMED, "APT31")) == []
    assert found(accusation, claim("(article)", Stance.ATTRIBUTES, "APT31", kind=ClaimantKind.ARTICLE)) == []


def test_one_party_named_by_its_acronym_in_another_language_is_one_party():
    """ "der Hohe Vertreter der NCSV" and "the National Cyber Security Veldmark": one party, whichever names the other
    by its initials; a claimant whose capitals spell something else, or a lone capital, is another party."""
    german = claim("Hohe Vertreter der NCSV", Stance.ATTRIBUTES, "RU")
    assert same_party(german, claim("National Cyber Security Veldmark", Stance.ATTRIBUTES, "RU"))
    assert same_party(claim("National Cyber Security Veldmark", Stance.ATTRIBUTES, "RU"), german)
    assert not same_party(german, claim("Korvan Health Service", Stance.ATTRIBUTES, "RU"))
    assert not same_party(german, claim("National Cyber Security Veldmark", Stance.DENIES, "RU"))


def test_one_party_named_with_fewer_of_its_words_is_one_party():
    """ "the intelligence agencies" and "the Veldmark intelligence agencies", "NCSV" and "National Cyber Security
    Veldmark (NCSV)": the shorter name is all inside the longer. A name that leaves a word out of the other, or a
    lone word in lower case, is another party."""
    agencies = claim("Veldmark intelligence agencies", Stance.ATTRIBUTES, "RU")
    assert same_party(claim("intelligence agencies", Stance.ATTRIBUTES, "RU"), agencies)
    assert same_party(agencies, claim("the intelligence agencies", Stance.ATTRIBUTES, "RU"))
    assert not same_party(claim("Korvan intelligence agencies", Stance.ATTRIBUTES, "RU"), agencies)
    assert not same_party(claim("police agencies", Stance.ATTRIBUTES, "RU"), agencies)
    centre = claim("National Cyber Security Veldmark (NCSV)", Stance.ATTRIBUTES, "APT31", "CN")
    assert same_party(claim("NCSV", Stance.ATTRIBUTES, "APT31"), centre)
    assert not same_party(claim("NCSC", Stance.ATTRIBUTES, "APT31"), centre)
    assert not same_party(claim("agencies", Stance.ATTRIBUTES, "RU"), agencies)
