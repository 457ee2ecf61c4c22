"""Claims about one incident that disagree: different attackers named, or an attribution met by a denial or dispute.

Analysts weigh attributions against each other; a database that lists claims side by side without saying where they
clash leaves that to be noticed. Two claims name *different attackers* when no attacker, and no state behind one,
is common to both: "APT29" and "Russia" agree (the knowledge base says whom APT29 serves), "LockBit" and "Black Basta"
do not. Speculation (``unconfirmed``) asserts nothing and clashes with nothing.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from cybertrack.extract.claims.wording import FUNCTION_WORDS
from cybertrack.lang import words
from cybertrack.model import Claim, ClaimantKind, Conflict, ConflictKind, Stance

_SHARED_NAME_WORDS = 2
# words many parties' names share, in every language: function words, role and institution nouns, state nouns
_GENERIC_WORDS = FUNCTION_WORDS | {
    w.casefold() for w in words("roles", "claimant_nouns") | words("claims", "state_nouns")}

#: The state an actor works for, if known ("APT29" -> "RU"); states themselves are two-letter codes.
StateOf = Callable[[str], str | None]
#: The one party a claimant's name names, if known ("the Norwegian Police Security Service" -> "PST").
PartyOf = Callable[[str], str | None]


def sides(claim: Claim, state_of: StateOf) -> frozenset[str]:
    """Everyone a claim names as the attacker, with the states behind the actors it names."""
    named = set(claim.attributed_to)
    named |= {state for target in claim.attributed_to if len(target) > 2 and (state := state_of(target))}
    return frozenset(named)


def same_party(first: Claim, second: Claim, party_of: PartyOf | None = None) -> bool:
    """One party's one claim worded twice: the same stance about the same attackers (or some of them), by claimants
    named alike ("the Veldmark cyber security centre" and "National Cyber Security Centre of Veldmark" share three
    words), or one named by the other's acronym ("der Hohe Vertreter der EU" and "the European Union", "NCSV" and
    "National Cyber Security Veldmark"), or by fewer of its words (`_told_shorter`), or both naming the one party
    ``party_of`` knows them by ("PST" and "the Norwegian Police Security Service")."""
    targets = set(first.attributed_to), set(second.attributed_to)
    if first.stance is not second.stance or not (targets[0] <= targets[1] or targets[1] <= targets[0]):
        return False
    if party_of is not None and (party := party_of(first.claimant)) is not None \
            and party == party_of(second.claimant):
        return True
    shared = _content_words(first.claimant) & _content_words(second.claimant)
    return len(shared) >= _SHARED_NAME_WORDS or any(
        _acronym_of(name, other) or _told_shorter(name, other)
        for name, other in ((first.claimant, second.claimant), (second.claimant, first.claimant)))


def _acronym_of(name: str, other: str) -> bool:
    """``name`` holds, as a word in capitals, the initials of ``other``'s capitalised words (two or more of them)."""
    initials = "".join(word[0] for word in re.findall(r"\w+", other) if word[0].isupper())
    return len(initials) >= 2 and initials in re.findall(r"\b[A-Z]{2,}\b", name)


def _told_shorter(name: str, other: str) -> bool:
    """``name`` is ``other`` named with fewer words: every word of it (two or more, function words aside) stands in
    ``other`` ("intelligence agencies" and "the Veldmark intelligence agencies"), or it is the acronym ``other``
    carries ("NCSV" and "National Cyber Security Veldmark (NCSV)"). Role and institution nouns count here, unlike
    in the words two names share: the whole of the shorter name must be found in the longer."""
    own = {w for w in re.findall(r"\w+", name.casefold()) if w not in FUNCTION_WORDS}
    if len(own) >= 2:
        return own <= set(re.findall(r"\w+", other.casefold()))
    return bool(re.fullmatch(r"[A-Z]{2,}", name)) and name in re.findall(r"\b[A-Z]{2,}\b", other)


def _content_words(name: str) -> set[str]:
    return {w for w in re.findall(r"\w{3,}", name.casefold()) if w not in _GENERIC_WORDS}


def conflicts(claims: list[Claim], state_of: StateOf) -> list[Conflict]:
    """Every pair of ``claims`` that disagrees, once, in the order the claims come. What an article asserts with
    nobody named as saying it is not a party's claim, and clashes with nothing."""
    found = []
    parties = [c for c in claims if c.claimant_kind is not ClaimantKind.ARTICLE]
    for first, second in itertools.combinations(parties, 2):
        kind = _disagreement(first, second, state_of)
        if kind is not None:
            found.append(Conflict(kind, (first, second)))
    return found


def _disagreement(first: Claim, second: Claim, state_of: StateOf) -> ConflictKind | None:
    shared = bool(sides(first, state_of) & sides(second, state_of))
    if first.stance.asserts and second.stance.asserts:
        return None if shared else ConflictKind.DIFFERENT_ATTACKERS
    rejection = next((c for c in (first, second) if c.stance.rejects), None)
    assertion = next((c for c in (first, second) if c.stance.asserts), None)
    if rejection is None or assertion is None or not shared:
        return None
    return ConflictKind.DENIED if rejection.stance is Stance.DENIES else ConflictKind.DISPUTED
