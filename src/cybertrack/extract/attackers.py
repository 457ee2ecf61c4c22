"""Attackers the knowledge base does not know: new groups, and people charged for an attack.

Catalogued actors are found by name (see `knowledge/`). Anyone else is an attacker only
when the sentence casts them as one: "hacked by X", "a group calling itself X", "X
claimed responsibility", "X was charged" — the same role-cue method as for victims.
"""

from __future__ import annotations

import bisect

from cybertrack.extract.facts import SentenceFacts
from cybertrack.extract.gaps import words_between
from cybertrack.extract.names import NameChunk
from cybertrack.extract.victims import name_key, plausible_name

_MAX_GAP_WORDS = 3
_APPOSITION = 6
_PLACE_WORDS = {"in", "at", "on", "near", "from", "to", "for", "with", "dans", "à", "en", "nel", "a", "im", "bei"}


def unknown_attackers(facts: SentenceFacts) -> list[str]:
    """Names the sentence casts as attackers, other than catalogued actors, countries and security vendors; a name
    coordinated with an attacker's ("Aleksey Belan and Karim Baratov") is one too."""
    taken = [(m.start, m.end) for m in facts.actors + facts.producers + facts.software]
    taken += [(d.start, d.end) for d in facts.dates]
    found: list[NameChunk] = []
    for chunk in facts.names:
        if any(chunk.start < e and s < chunk.end for s, e in taken) or not plausible_name(facts, chunk):
            continue
        if len(name_key(chunk.text)) < 3 or not chunk.text[0].isalpha() or _only_a_country(facts, chunk):
            continue  # "40GB", "Chinese"
        if _after_cue(facts, chunk) or _before_cue(facts, chunk) or (found and _coordinated(facts, found[-1], chunk)):
            found.append(chunk)
    return [chunk.text for chunk in found]


def _only_a_country(facts: SentenceFacts, chunk: NameChunk) -> bool:
    return any(c.start <= chunk.start and chunk.end <= c.end for c in facts.countries)


def _after_cue(facts: SentenceFacts, chunk: NameChunk) -> bool:
    """ "hacked by X", "a group calling itself “X”", "two criminal hackers — X and Y". Cues are read nearest first,
    and the reading stops where the gap is too long or broken for any farther cue."""
    cues = facts.cues.get("attacker_before", [])
    for cue in reversed(cues[:bisect.bisect_right(cues, chunk.start, key=lambda cue: cue.end)]):
        if words_between(facts.text, cue.end, chunk.start, _MAX_GAP_WORDS) > _MAX_GAP_WORDS:
            return False
        gap = facts.text[cue.end:chunk.start]
        if "," in gap or "." in gap:
            return False
        if not _PLACE_WORDS & set(gap.lower().split()):
            return True  # but not "arrested by police in Lutrecht"
    return False


def _before_cue(facts: SentenceFacts, chunk: NameChunk) -> bool:
    """ "X claimed responsibility", "Evaldas Rimasauskas, 48, was arrested". Cues are read nearest first, and the
    reading stops past the longest apposition."""
    cues = facts.cues.get("attacker_after", [])
    for cue in cues[bisect.bisect_left(cues, chunk.end, key=lambda cue: cue.start):]:
        words = words_between(facts.text, chunk.end, cue.start, _APPOSITION)
        if words > _APPOSITION:
            return False
        gap = facts.text[chunk.end:cue.start]
        if words <= 1 and "," not in gap:
            return True
        inner = gap.strip().strip(",").strip()
        if gap.lstrip().startswith(",") and gap.rstrip().endswith(",") and inner:
            return True
    return False


def _coordinated(facts: SentenceFacts, previous: NameChunk, chunk: NameChunk) -> bool:
    return facts.text[previous.end:chunk.start].strip() in {"and", "&", ",", "et", "und", "e", "y", "en"}
