"""Attribution claims, sentence by sentence, in every language: the cases in ``tests/claim_sentences/<lang>.toml``.

Each case is a short news text we wrote (never corpus text) with the exact claims an analyst would code from it:
claimant, stance, what is attributed, certainty, and for clause-split attributions the victim each claim is about.
Speculation ("too early to say whether") must give no asserted claim; it may be kept as ``unconfirmed``.

A claimant matches when one of the case's forms is its name or the words the sentence names it by (an institution's
name is normalised to English: "ministère néerlandais des Affaires étrangères" is the Dutch Ministry of Foreign
Affairs). Actors match through the knowledge base's aliases ("Cl0p" is "Clop").

Cases the extractor does not get right yet carry ``known_failure = "why"`` and run as strict expected failures: they
are counted apart, never as passes, and one that starts passing fails until the mark is removed.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from cybertrack.budget import UNLIMITED
from cybertrack.extract.frames import claims_of, document_facts, extract
from cybertrack.extract.names import stop_words
from cybertrack.extract.victims import name_key
from cybertrack.knowledge.base import knowledge_base
from cybertrack.lang import LANGUAGES
from cybertrack.model import Claim, Stance
from tests.conftest import RESOURCES

CASES = Path(__file__).parent / "claim_sentences"


def stop_words_of_every_language() -> set[str]:
    return set().union(*(stop_words(language) for language in LANGUAGES))

PUBLISHED = "2024-03-01"


def _cases() -> list:
    params = []
    for path in sorted(CASES.glob("*.toml")):
        for number, case in enumerate(tomllib.loads(path.read_text("utf-8"))["case"], 1):
            marks = [pytest.mark.xfail(strict=True, reason=case["known_failure"])] if "known_failure" in case else []
            params.append(pytest.param(path.stem, case, id=f"{path.stem}-{number}-{case['kind']}", marks=marks))
    return params


def _names(name: str) -> set[str]:
    """An actor's every name, as keys; a country code is itself."""
    actor = knowledge_base().actor(name)
    return {name_key(name)} | ({name_key(n) for n in actor.aliases | {actor.name}} if actor else set())


def _same_targets(got: tuple[str, ...], wanted: list[str]) -> bool:
    return len(got) == len(wanted) and all(any(_names(g) & _names(w) for g in got) for w in wanted)


def _named(claim: Claim, forms: list[str]) -> bool:
    def alike(a: str, b: str) -> bool:
        a, b = name_key(a), name_key(b)
        return bool(a) and (a == b or (len(b) >= 5 and b in a) or (len(a) >= 5 and a in b))

    return any(alike(claim.claimant, form) or alike(claim.mention, form) for form in forms) \
        or (claim.claimant == "(article)" and "(article)" in forms)


def _matches(claim: Claim, wanted: dict) -> bool:
    return claim.stance == wanted["stance"] and claim.certainty == wanted["certainty"] \
        and _same_targets(claim.attributed_to, wanted["attributed_to"]) and _named(claim, wanted["claimant"])


def _same_victim(written: str, extracted: str) -> bool:
    """ "health ministry" and "Ministry of Health", "Ardmore Water Board" and "Ardmore Water Board": the words of one
    name are among the other's (function words aside)."""
    def words(name: str) -> set[str]:
        return set(name_key(name).split()) - stop_words_of_every_language()

    a, b = words(written), words(extracted)
    return bool(a and b) and (a <= b or b <= a)


def _describe(claims: list[Claim]) -> list[tuple]:
    return [(c.claimant, c.stance.value, c.attributed_to, c.certainty.value) for c in claims]


@pytest.mark.parametrize(("language", "case"), _cases())
def test_claims_of_a_sentence(language: str, case: dict) -> None:
    facts = document_facts(case["text"], language, PUBLISHED, RESOURCES)
    found = [c for c in claims_of("case", facts, PUBLISHED, UNLIMITED) if c.stance is not Stance.UNCONFIRMED]
    wanted = case.get("claims", [])
    unmatched = list(found)
    for claim in wanted:
        match = next((c for c in unmatched if _matches(c, claim)), None)
        assert match is not None, f"missing {claim} among {_describe(found)}"
        unmatched.remove(match)
    assert not unmatched, f"unexpected {_describe(unmatched)}"
    placed = [claim for claim in wanted if "victim" in claim]
    if placed:
        frames = extract("case", case["text"], language, PUBLISHED, RESOURCES).frames
        for claim in placed:
            holders = [f for f in frames if any(_matches(c, claim) for c in f.claims)]
            victims = [v.name for f in holders for v in f.victims]
            assert any(_same_victim(claim["victim"], v) for v in victims), \
                f"{claim['attributed_to']} should be held by the frame of {claim['victim']}, not by {victims}"


def test_every_language_has_its_cases() -> None:
    """At least 25 cases per language, covering every stance, certainty, speculation and clause-split targets."""
    for path in sorted(CASES.glob("*.toml")):
        cases = tomllib.loads(path.read_text("utf-8"))["case"]
        claims = [c for case in cases for c in case.get("claims", [])]
        assert len(cases) >= 25, path.name
        assert {c["stance"] for c in claims} >= {"attributes", "claims-responsibility", "denies", "disputes"}
        assert {c["certainty"] for c in claims} == {"confirmed", "likely", "possible"}
        assert {case["kind"] for case in cases} >= {"speculation", "clause-split", "victim-country", "negation"}
