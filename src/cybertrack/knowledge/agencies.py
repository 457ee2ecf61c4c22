"""State intelligence and security agencies, with their state, from the MISP `intelligence-agencies` galaxy.

An agency is a state organ: when an article casts one as the attacker ("hackers of the GRU", "the MSS was behind
the intrusion"), the actor is the agency and its state is the sponsor. The galaxy gives each agency's name, its
synonyms, the acronyms its description gives in parentheses ("Main Intelligence Directorate (GRU)") and its country.
A name or acronym that two agencies share ("SIS", "NIS") names neither: it is dropped, as for actors' aliases. So
is a name made only of everyday words ("Ministry of Defence", "Federal Security Service"): a description that any
state's department could bear, not the name of one agency. News names agencies by their acronyms and proper names,
and by such a description with their country ("the Norwegian Police Security Service"): the descriptions are kept
apart (`Actor.described_as`) for that.
"""

from __future__ import annotations

import re
from collections import Counter

from cybertrack.knowledge.actors import Actor, alias_key
from cybertrack.knowledge.common_words import COMMON_WORD_ZIPF, word_frequency
from cybertrack.knowledge.galaxies import Cluster, load_galaxy

AGENCY_GALAXY = "intelligence-agencies"
_QUALIFIER = re.compile(r"\s*\((?:[^()]*)\)\s*$")  # "Federal Security Service (Russia)"
_FOOTNOTE = re.compile(r"\[\d+\]")
_PARENTHESES = re.compile(r"\(([^()]+)\)")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{2,9}$")
_MIN_NAME = 3


def _descriptive(name: str) -> bool:
    """Only everyday words: "Ministry of Defence", "Central Intelligence Agency" (its acronym names it)."""
    words = re.findall(r"[^\W\d_]+", name)
    return len(words) > 1 and all(word_frequency(w) >= COMMON_WORD_ZIPF for w in words)


def _names_of(cluster: Cluster) -> set[str]:
    """The agency's name without its country qualifier, its synonyms, and the acronyms its description gives."""
    return {name for name in _all_names(cluster) if not _descriptive(name)}


def _descriptions_of(cluster: Cluster) -> set[str]:
    """The agency's names made of everyday words, with the English ones its description gives in parentheses
    ("Politiets sikkerhetstjeneste (PST) (Police Security Service)")."""
    parenthesised = {inside.strip() for inside in _PARENTHESES.findall(_FOOTNOTE.sub("", cluster.description))}
    return {name for name in _all_names(cluster) | parenthesised if _descriptive(name)}


def _all_names(cluster: Cluster) -> set[str]:
    value = _FOOTNOTE.sub("", cluster.value).strip()
    names = {value, _QUALIFIER.sub("", value).strip(), *cluster.synonyms}
    for inside in _PARENTHESES.findall(_FOOTNOTE.sub("", cluster.description)):
        names |= {part.strip() for part in re.split(r"[;,/]", inside) if _ACRONYM.match(part.strip())}
    return {name.strip() for name in names if len(name.strip()) >= _MIN_NAME}


def load_agencies() -> dict[str, Actor]:
    """Every agency with a country, by canonical name (the galaxy's own, without the country qualifier)."""
    clusters = [c for c in load_galaxy(AGENCY_GALAXY) if isinstance(c.meta.get("country"), str)
                and len(c.meta["country"]) == 2]
    shared = Counter(alias_key(n) for c in clusters for n in _names_of(c))
    found: dict[str, Actor] = {}
    for cluster in clusters:
        country = cluster.meta["country"]
        name = _QUALIFIER.sub("", _FOOTNOTE.sub("", cluster.value)).strip()
        acronyms = [n for n in _names_of(cluster) if _ACRONYM.match(n) and shared[alias_key(n)] == 1]
        if " " in name and len(acronyms) == 1:
            name = acronyms[0]  # news names "Main Intelligence Directorate (GRU)" the GRU
        if name in found:
            name = _FOOTNOTE.sub("", cluster.value).strip()
        found[name] = Actor(name=name, aliases=_names_of(cluster) | {name}, country=country,
                            galaxies={AGENCY_GALAXY}, description=cluster.description,
                            described_as=_descriptions_of(cluster))
    for agency in found.values():
        agency.aliases = {a for a in agency.aliases if shared[alias_key(a)] == 1}
    return {name: agency for name, agency in found.items() if agency.aliases}
