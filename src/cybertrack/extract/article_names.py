"""The names an article keeps coming back to, as language-neutral keys: what resolution compares across articles.

Two reports of one incident in different languages rarely share a sentence, and often not even the victim the
extractor found (one report casts "HSE" as the victim, another never says who was hit in a sentence with a cue). Yet
they name the same organisations and places, and names cross languages nearly unchanged: "Ferrari", "Storting",
"Kaseya". So each frame carries the named candidates of its whole article (not sector nouns: "the ministry" names
nothing), each with its share of the article's named mentions. A name the article repeats weighs more than one it
mentions in passing, which is what tells "an article about Ferrari" from "an article that compares with Ferrari".
"""

from __future__ import annotations

from collections import Counter

from cybertrack.extract.facts import SentenceFacts
from cybertrack.extract.victims import candidates

MOST_NAMES = 12  # the long tail of an article's names says nothing about which incident it reports


def article_names(facts: list[SentenceFacts]) -> dict[str, float]:
    """Each named candidate's key and its share of the article's named mentions, the most mentioned first."""
    counts = Counter(c.victim.key for sentence in facts for c in candidates(sentence) if not c.generic)
    total = sum(counts.values())
    return {key: round(count / total, 4) for key, count in counts.most_common(MOST_NAMES)}
