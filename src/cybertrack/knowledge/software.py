"""Malware families and attacker tools from the MISP galaxies (Malpedia, ATT&CK, ransomware).

Each family keeps every galaxy's name for it; entries from different galaxies are merged
by exact name (after dropping a "- S0154" id or a trailing "Ransomware"), which the
galaxies themselves use consistently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from wordfreq import zipf_frequency

from cybertrack.knowledge.common_words import coined
from cybertrack.knowledge.galaxies import load_galaxy
from cybertrack.lang import LANGUAGES

SOFTWARE_GALAXIES = {"malpedia": "malware", "mitre-malware": "malware", "mitre-tool": "tool", "ransomware": "malware"}
RARE_WORD_ZIPF = 2.0  # once per hundred million words: compounds a dictionary knows are more common ("Bloodhound" 2.7)
_ID_SUFFIX = re.compile(r"\s+-\s+S\d{4}$")
_SUFFIXES = re.compile(r"\s+(?:-\s+S\d{4}|\(fake\)|ransomware)$", re.IGNORECASE)


@dataclass
class Software:
    name: str
    kind: str  # "malware" or "tool"
    aliases: set[str] = field(default_factory=set)
    ransomware: bool = False
    galaxies: set[str] = field(default_factory=set)
    # the ransomware galaxy lists the price it asks: a strain that asks each victim it infects for a set sum
    # ("WannaCry", "Locky"), not an operation that names its price to each firm it picks, so no gang's name
    fixed_ransom: bool = False


def _base_name(value: str) -> str:
    previous = None
    while previous != value:
        previous, value = value, _SUFFIXES.sub("", value).strip()
    return value


def as_news_writes_it(name: str) -> str:
    """The ransomware galaxy writes many families in lower case ("rhysida"); the news capitalises a name it coined.
    A word ("medusa", "orca") stays as the galaxy writes it: capitalised, it names a myth or a firm far more often,
    and the family is not matched so (`KnowledgeBase._add_software`)."""
    return name.capitalize() if name.isalpha() and name.islower() and coined(name) else name


def without_inner_capitals(name: str) -> str | None:
    """A one-word name with capitals inside it ("WannaCry", "LockBit", "NotPetya") as much of the news writes it,
    capitalised only at its start ("Wannacry", "Lockbit"); none where the name has no inner capital, or where that
    spelling is a word of one of the supported languages (``RARE_WORD_ZIPF`` or more: "Landslide" for "LandSlide",
    "Scarecrow", "Darkside"). A name the news coined and repeats stays below it ("Notpetya" 1.2, "Wannacry" 1.9).
    Reads wordfreq's full lists, as `coined` does: for building the knowledge base, which is cached."""
    if not name.isalpha() or name.isupper() or name[1:].islower():
        return None
    plain = name.capitalize()
    return plain if max(zipf_frequency(plain, language) for language in LANGUAGES) < RARE_WORD_ZIPF else None


def _short_name(value: str) -> str:
    """How news names the family: "Locky Ransomware" is "Locky"; but "Donald Trump Ransomware" keeps its suffix,
    since without it the name is somebody else's."""
    base = _base_name(value)
    return base if " " not in base else _ID_SUFFIX.sub("", value).strip()


def load_software() -> dict[str, Software]:
    families: dict[str, Software] = {}
    for galaxy, kind in SOFTWARE_GALAXIES.items():
        for cluster in load_galaxy(galaxy):
            name = _base_name(cluster.value)
            if not name:
                continue
            family = families.setdefault(name.casefold(), Software(name=as_news_writes_it(name), kind=kind))
            names = {cluster.value, *cluster.synonyms}
            family.aliases |= {_short_name(n) for n in names if n.strip()}
            family.ransomware = family.ransomware or galaxy == "ransomware"
            family.galaxies.add(galaxy)
            family.fixed_ransom = family.fixed_ransom or (
                galaxy == "ransomware" and bool(cluster.meta.get("price")))
    return {family.name: family for family in families.values()}
