"""The lexicons of the language packs, compiled once into phrase matchers.

Every lexicon is matched in all supported languages at once: an article quotes
English names and terms whatever its own language, and a phrase from another
language almost never occurs by chance at word boundaries.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from cybertrack.extract.lexicons import LANGUAGES, lexicons
from cybertrack.knowledge.matcher import Match, PhraseMatcher
from cybertrack.lang import topic


@dataclass(frozen=True)
class Cue:
    """What a cue phrase signals: its kind ("attack", "denial", ...) and, for kinds with groups, which one
    ("ransomware", "T1566", "government")."""

    kind: str
    group: str


class Cues:
    """Every lexicon in one phrase matcher, searched once per sentence; matches come back per kind."""

    def __init__(self) -> None:
        lex, roles, actors = lexicons(), topic("roles"), topic("actors")
        sections: dict[str, dict] = {
            "attack": lex["attack_types"], "sector": lex["sectors"], "technique": lex["techniques"],
            "hypothetical": {"hypothetical": lex["hypothetical"]}, "attribution": {"attribution": lex["attribution"]},
            "denial": {"denial": lex["denial"]}, "speech": {"speech": lex["speech"]},
            # a hedge's group is how sure it makes a claim: "likely" ("believed", "probably") or "possible" ("may")
            "hedge": {"likely": lex["likely"], "possible": lex["possible"]},
            "responsibility": {"responsibility": lex["responsibility"]}, "dispute": {"dispute": lex["dispute"]},
            "speculation": {"speculation": lex["speculation"]}, "state_noun": {"state_noun": lex["state_nouns"]},
            "group_noun": {"group_noun": lex["group_nouns"]},
            "involvement": {"involvement": lex["involvement_nouns"]},
            "attacker_noun": {"attacker_noun": roles["attacker_nouns"]},
            "claimant_noun": {"claimant_noun": roles["claimant_nouns"]},
            "media": {"media": roles["media"]},
        }
        for kind in ("victim_before", "victim_after", "began", "discovered", "people_of", "attacker_before",
                     "attacker_after", "product_nouns", "place_heads"):
            sections[kind] = {kind: roles[kind]}
        for kind in ("crew_before", "crew_after", "agency_link", "agency_after", "comparison", "work_nouns"):
            sections[kind] = {kind: actors[kind]}
        self.kinds = tuple(sections)
        self._matcher = PhraseMatcher()
        for kind, groups in sections.items():
            for group, by_language in groups.items():
                phrases = by_language if isinstance(by_language, list) else [
                    p for language in LANGUAGES for p in by_language.get(language, [])]
                for phrase in phrases:
                    # "DoS", "DDoS": written with inner capitals, they must be matched as written ("dos" is "two")
                    self._matcher.add(phrase, Cue(kind, group), case_sensitive=sum(c.isupper() for c in phrase) >= 2)

    def find_all(self, text: str) -> dict[str, list[Match]]:
        """Matches per kind (every kind present, possibly empty); a match's values are its groups."""
        found = self._matcher.find_grouped(text, lambda cue: cue.kind)  # type: ignore[attr-defined]
        return {kind: [Match(m.start, m.end, m.text, tuple(dict.fromkeys(c.group for c in m.values)))
                       for m in found.get(kind, [])] for kind in self.kinds}


@functools.cache
def cues() -> Cues:
    return Cues()
