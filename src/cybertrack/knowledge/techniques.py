"""MITRE ATT&CK techniques from the MISP `mitre-attack-pattern` galaxy.

ATT&CK names ("Data Encrypted for Impact") rarely appear in news, so the extractor finds
techniques mostly through plain-language cue phrases (see the language packs, `lang/<code>/claims.toml`);
this module provides the ids and names those cues point to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cybertrack.knowledge.galaxies import load_galaxy

_TECHNIQUE_ID = re.compile(r"^T\d{4}(?:\.\d{3})?$")
_ID_SUFFIX = re.compile(r"\s+-\s+T\d{4}(?:\.\d{3})?$")
_ENTERPRISE_PHASE = "attack-"  # the galaxy's kill-chain phases: "attack-Windows:impact", "mobile-attack-Android:..."


@dataclass(frozen=True)
class Technique:
    id: str
    name: str
    enterprise: bool = True  # of the Enterprise matrix, not only of the Mobile or ICS one (their ids differ)

    @property
    def parent(self) -> str:
        return self.id.split(".")[0]


def load_techniques() -> dict[str, Technique]:
    techniques: dict[str, Technique] = {}
    for cluster in load_galaxy("mitre-attack-pattern"):
        external = cluster.meta.get("external_id")
        if isinstance(external, str) and _TECHNIQUE_ID.match(external):
            enterprise = any(str(phase).startswith(_ENTERPRISE_PHASE) for phase in cluster.meta.get("kill_chain") or ())
            techniques[external] = Technique(external, _ID_SUFFIX.sub("", cluster.value).strip(), enterprise)
    return techniques


def names_of_techniques(techniques: dict[str, Technique]) -> dict[str, Technique]:
    """The names that, written in a text, say which technique was used: each Enterprise technique's name of two words
    or more, when no other Enterprise technique bears it. "Data Encrypted for Impact" is T1486 (the Mobile matrix's
    T1471 bears it too, but news of an attack on an organisation speaks of the Enterprise one); one word ("Phishing")
    is left to the languages' cue phrases. Sub-techniques are left out: their names are only the part after their
    parent's ("Search Open Websites/Domains: Social Media" is "Social Media", T1593.001; "Multi-Factor
    Authentication" is T1556.006, modifying it), and alone they name the thing used or affected, which news names
    for other reasons ("post it on social media", "turn on multi-factor authentication"). The sub-techniques news
    does describe ("password spraying", "keylogger") are in the languages' cue phrases."""
    by_name: dict[str, list[Technique]] = {}
    for technique in techniques.values():
        if technique.enterprise and technique.id == technique.parent and len(technique.name.split()) >= 2:
            by_name.setdefault(technique.name.casefold(), []).append(technique)
    return {name: found[0] for name, found in by_name.items() if len(found) == 1}


def load_platforms() -> frozenset[str]:
    """The platforms ATT&CK's techniques run on ("Windows", "Linux", "macOS", "Android", "Office 365", "ESXi"):
    software that is attacked on its users' machines, never an organisation that was hit."""
    return frozenset(str(platform) for cluster in load_galaxy("mitre-attack-pattern")
                     for platform in cluster.meta.get("mitre_platforms") or ())


def load_technical_acronyms() -> frozenset[str]:
    """The acronyms inside ATT&CK's technique names and the ICS matrix's asset names ("Native API", "SMB/Windows Admin
    Shares", "SIM Card Swap", "Field Controller/RTU/PLC/IED"): what an attack runs through or on, never who it hit
    ("an API", "PLCs"). Tokens of other characters ("COR_PROFILER") are no acronyms."""
    names = [_ID_SUFFIX.sub("", cluster.value) for galaxy in ("mitre-attack-pattern", "mitre-ics-assets")
             for cluster in load_galaxy(galaxy)]
    return frozenset(token for name in names for token in re.split(r"[\s/]+", name)
                     if len(token) >= 2 and token.isalpha() and token.isupper())
