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


@dataclass(frozen=True)
class Technique:
    id: str
    name: str

    @property
    def parent(self) -> str:
        return self.id.split(".")[0]


def load_techniques() -> dict[str, Technique]:
    techniques: dict[str, Technique] = {}
    for cluster in load_galaxy("mitre-attack-pattern"):
        external = cluster.meta.get("external_id")
        if isinstance(external, str) and _TECHNIQUE_ID.match(external):
            techniques[external] = Technique(external, _ID_SUFFIX.sub("", cluster.value).strip())
    return techniques


def load_platforms() -> frozenset[str]:
    """The platforms ATT&CK's techniques run on ("Windows", "Linux", "macOS", "Android", "Office 365", "ESXi"):
    software that is attacked on its users' machines, never an organisation that was hit."""
    return frozenset(str(platform) for cluster in load_galaxy("mitre-attack-pattern")
                     for platform in cluster.meta.get("mitre_platforms") or ())
