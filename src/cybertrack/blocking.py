"""Which reports are compared at all: the index keys of a frame.

Resolution never compares every pair of reports. It indexes each report under keys (its victims, CVEs, actors, the
names its article keeps coming back to, its month) and compares a report only with the incidents sharing a key; the
rules or the same-incident model then decide. A report without keys is compared with nothing, so it needs no
embedding either (`same_incident.frame_vectors`).
"""

from __future__ import annotations

from cybertrack.model import Frame, Victim
from cybertrack.victim_identity import distinctive_words


def rule_keys(frame: Frame) -> set[str]:
    """The keys the rules join on: a victim's key, its key with the country left open, the distinctive words of its
    name (so that "Verwaltung von Lutrecht" meets "Ayuntamiento de Lutrecht": `victim_identity`), each CVE and each
    actor."""
    keys = {f"cve:{cve}" for cve in frame.vulnerabilities} | {f"actor:{actor}" for actor in frame.actors}
    for victim in identified(frame.victims):
        keys.add(f"victim:{victim.key}")
        if "/" in victim.key:
            keys.add(f"victim:?/{victim.key.split('/', 1)[1]}")
        else:
            keys |= {f"victim-word:{word}" for word in distinctive_words(victim.name)}
    return keys


def model_keys(frame: Frame) -> set[str]:
    """The keys that bring reports in two languages together for the same-incident model: the names the article
    keeps coming back to, the malware it names (an outbreak's reports may name no victim alike), and the month the
    frame dates the attack to and the one after (so that reports of adjacent months meet). The month is what finds
    reports that name their victim differently ("Regione Lazio", "Region Latium")."""
    keys = {f"name:{name}" for name in frame.names} | {f"malware:{name}" for name in frame.malware}
    if frame.first_seen and len(frame.first_seen) >= 7:
        year, month = int(frame.first_seen[:4]), int(frame.first_seen[5:7])
        keys |= {f"month:{year:04d}-{month:02d}", f"month:{year + month // 12:04d}-{month % 12 + 1:02d}"}
    return keys


def block_keys(frame: Frame) -> set[str]:
    """Every index key of the frame (candidates only: the rules or the same-incident model decide)."""
    return rule_keys(frame) | model_keys(frame)


def identified(victims: list[Victim]) -> list[Victim]:
    """The victims that identify one organisation: not those named by a sector noun only. "Banks in the UAE" in two
    articles are rarely the same banks, and "hospitals" nearly never the same hospitals."""
    return [victim for victim in victims if not victim.generic]
