"""Attackers the knowledge base does not know: new groups, and people charged for an attack.

Catalogued actors are found by name (see `knowledge/`). Anyone else is an attacker only
when the sentence casts them as one: "hacked by X", "a group calling itself X", "X
claimed responsibility", "X was charged" — the same role-cue method as for victims.
"""

from __future__ import annotations

from cybertrack.extract.facts import SentenceFacts
from cybertrack.extract.victims import name_key, plausible_name

_MAX_GAP_WORDS = 3


def unknown_attackers(facts: SentenceFacts) -> list[str]:
    """Names the sentence casts as attackers, other than catalogued actors, countries and security vendors."""
    taken = [(m.start, m.end) for m in facts.actors + facts.producers + facts.software]
    taken += [(c.start, c.end) for c in facts.countries] + [(d.start, d.end) for d in facts.dates]
    found = []
    for chunk in facts.names:
        if any(chunk.start < e and s < chunk.end for s, e in taken) or not plausible_name(facts, chunk):
            continue
        if len(name_key(chunk.text)) < 3:
            continue
        before = any(cue.end <= chunk.start and len(facts.text[cue.end:chunk.start].split()) <= _MAX_GAP_WORDS
                     and "," not in facts.text[cue.end:chunk.start] for cue in facts.cues.get("attacker_before", []))
        after = any(cue.start >= chunk.end and len(facts.text[chunk.end:cue.start].split()) <= 1
                    for cue in facts.cues.get("attacker_after", []))
        if before or after:
            found.append(chunk.text)
    return found
