"""Is the victim one report names the organisation another names? Read from the words of their names.

Victim keys are built from each report's own wording, so one organisation comes out under several keys across
languages and outlets: "Ayuntamiento de Lutrecht" and "Verwaltung von Lutrecht", "Parlamento Veldstorting" and
"Veldstorting", "Korvan Health Service (KHS)" and "KHS". What stays the same is the word that names it: the proper
noun, not the institution word around it ("Ayuntamiento", "Verwaltung", "Parlament" are sector or place words in the
language packs), not the people of it ("Korvan users"), not the country ("Irish", "norwegische"), not a common word
("Health", "Service", "Chief"). A place's name is read as the place's own in every language ("Region Latium" and
"Regione Lazio" both say "lazio": `knowledge.places`). Two named victims are one organisation when the distinctive
words of one are all among those of the other.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from cybertrack.extract.cues import cues
from cybertrack.extract.names import stop_words
from cybertrack.knowledge.base import knowledge_base
from cybertrack.knowledge.common_words import word_frequency
from cybertrack.lang import LANGUAGES
from cybertrack.model import Victim
from cybertrack.tables import table

# A word at least this frequent in one of the supported languages is a common word, not a name ("Health" 5.4,
# "Service" 5.3, "Paul" 5.0); city and company names stay below it ("Sevilla" 4.7, "Atlanta" 4.4, "Uber" 4.1).
COMMON_NAME_WORD_ZIPF = 5.0
# The lexicons of words that say what a victim is, not which one: sectors and institutions, place heads ("city",
# "gemeente"), products, media, claimants, states, groups, and the people of an organisation ("users", "klanten").
_KIND_WORDS = ("sector", "place_heads", "product_nouns", "media", "claimant_noun", "state_noun", "group_noun",
               "people_of")
_WORD = re.compile(r"\w+")


def same_organisation(a: Victim, b: Victim) -> bool:
    """Both are named organisations (not sector nouns), the distinctive words of one are all words of the other, and
    their names do not say they are of different sectors: "Stadtwerke Lutrecht" (energy) and "Banque de Lutrecht"
    (finance) share only their city's name."""
    if a.generic or b.generic:
        return False
    read_a, read_b = read_name(a.name), read_name(b.name)
    words_a, words_b = read_a.distinctive, read_b.distinctive
    if not (words_a and words_b and (_among(words_a, words_b) or _among(words_b, words_a))):
        return False
    return not (read_a.sectors and read_b.sectors) or bool(read_a.sectors & read_b.sectors)


# the endings German and Dutch make a town's adjective with: "die Halvorner Stadtwerke" are "Stadtwerke Halvorn",
# "de Oostmeerse gemeente" is "gemeente Oostmeer"
_TOWN_ADJECTIVE_ENDINGS = ("er", "se")


def _among(words: frozenset[str], others: frozenset[str]) -> bool:
    """Every word of ``words`` is one of ``others``, or the adjective of one of them made from a town's name."""
    return all(word in others or any(word.removesuffix(ending) in others or word + ending in others
                                     for ending in _TOWN_ADJECTIVE_ENDINGS) for word in words)


@dataclass(frozen=True)
class NameWords:
    """What the words of a victim's name say: those that name its organisation, case-folded, and the sectors the
    others put it in (a place head, "Stadt" or "gemeente", is government)."""

    distinctive: frozenset[str]
    sectors: frozenset[str]


def distinctive_words(name: str) -> frozenset[str]:
    """The words of ``name`` that name its organisation: "Korvan Health Service (KHS)" gives {"korvan", "khs"};
    "Norwegian parliament" nothing."""
    return read_name(name).distinctive


@functools.lru_cache(maxsize=65536)
def read_name(name: str) -> NameWords:
    """The name's words read once against the lexicons: neither institution, sector, people, country nor common
    words are distinctive."""
    found = cues().find_all(name)
    covered = [(m.start, m.end) for kind in _KIND_WORDS for m in found[kind]]
    kb = knowledge_base()
    covered += [(m.start, m.end) for m in kb.find(name)
                if any(getattr(value, "kind", "") == "country" for value in m.values)]
    words = set()
    for word in _WORD.finditer(name):
        text = word.group()
        if any(start <= word.start() < end for start, end in covered) or text.casefold() in _stop_words():
            continue
        place = text in kb.places  # a city's name is frequent where it is spoken because it is its name: "Köln"
        if len(text) >= 3 and not text.isdigit() and (place or word_frequency(text) < COMMON_NAME_WORD_ZIPF):
            words.add(kb.place_own_names.get(text.casefold(), text.casefold()))  # "Latium" is "Lazio" everywhere
    sectors = {group for m in found["sector"] for group in m.values}
    if found["place_heads"]:
        sectors.add("government")
    return NameWords(frozenset(words), frozenset(sectors))


@table
def _stop_words() -> frozenset[str]:
    return frozenset(word for language in LANGUAGES for word in stop_words(language))
