"""The organisation an article introduces with a sector noun, which the same noun names again later.

News introduces a victim once with what it is ("des niederländischen Netzbetreibers Netbeheer Oost-Veluwe", "the
grid operator Kettleby Power", "l'hôpital Saint-Roch") and then calls it by that noun alone ("der Netzbetreiber",
"the operator", "l'hôpital"), often in the very sentence that says it was hit. Read alone, that sentence has only a
sector noun with no country, too coarse to be the incident's victim or to join its other reports. Here the noun
points back to the one name it introduced in the article, with the nationality written beside it.
"""

from __future__ import annotations

import re

from cybertrack.extract.facts import SentenceFacts
from cybertrack.extract.victims import Candidate, adjacent_country, name_key, plausible_name, without_descriptor
from cybertrack.knowledge.common_words import COMMON_WORD_ZIPF, word_frequency
from cybertrack.knowledge.countries import place_names
from cybertrack.model import Victim

_INFLECTIONS = re.compile(r"(?:es|en|s|n|e)$")  # "Netzbetreibers", "Krankenhauses", "hôpitaux" aside: a rough stem
_MIN_STEM = 4


def _stem(noun: str) -> str:
    """The noun's last word without its inflection: "grid operator" and "the operator", "Netzbetreibers" and "den
    Netzbetreiber" meet."""
    words = name_key(noun).split()
    if not words:
        return ""
    stem = _INFLECTIONS.sub("", words[-1])
    return stem if len(stem) >= _MIN_STEM else words[-1]


def introduced_names(facts: list[SentenceFacts]) -> dict[str, Victim]:
    """Each sector noun's stem, with the organisation it introduces by name in the article: the name written right
    after it ("the grid operator Kettleby Power"), or the name a capitalised describing noun opens ("des
    niederländischen Netzbetreibers Netbeheer Oost-Veluwe", `names.NameChunk.descriptor`). A noun that introduces
    two different names is left out: "the hospital" then says no more than it says alone."""
    found: dict[str, set[Victim]] = {}
    for sentence in facts:
        actors = [(a.start, a.end) for a in sentence.actors]
        nouns = {c.start: (c.start, c.start + c.descriptor) for c in sentence.names if c.descriptor}
        for noun in sentence.cues.get("sector", []):
            chunk = next((c for c in sentence.names if sentence.text[noun.end:c.start] == " "), None)
            if chunk is not None:
                nouns[chunk.start] = (noun.start, noun.end)
        for chunk in sentence.names:
            if chunk.start not in nouns or not plausible_name(sentence, chunk) \
                    or any(chunk.start < e and s < chunk.end for s, e in actors):
                continue
            start, end = nouns[chunk.start]
            name = without_descriptor(chunk) if chunk.descriptor else chunk.text
            if (name == chunk.text and chunk.descriptor) or name.lower() in place_names() \
                    or all(word_frequency(word) >= COMMON_WORD_ZIPF for word in name.split()):
                continue  # a place follows the noun ("Universität Mannheim" is the university), or common words
                # do ("an airline Security Advisory": a document)
            country = adjacent_country(sentence, start, end)
            victim = Victim(name, f"org:{name_key(name)}", country.code if country else None, None)
            found.setdefault(_stem(sentence.text[start:end]), set()).add(victim)
    return {stem: next(iter(victims)) for stem, victims in found.items() if len({v.key for v in victims}) == 1}


def named_by_its_noun(candidate: Candidate, text: str, introduced: dict[str, Victim]) -> Candidate:
    """The candidate as the organisation its bare sector noun refers back to ("der Netzbetreiber", "the operator"),
    when the article introduced exactly one with that noun and in no other country; else the candidate as it was."""
    if not candidate.generic or len(text[candidate.start:candidate.end].split()) > 1:
        return candidate
    victim = introduced.get(_stem(text[candidate.start:candidate.end]))
    if victim is None or (candidate.victim.country and victim.country
                          and candidate.victim.country != victim.country):
        return candidate
    country = victim.country or candidate.victim.country
    return Candidate(candidate.start, candidate.end,
                     Victim(victim.name, victim.key, country, candidate.victim.sector), False)
