"""The lexicons of `data/`, compiled once into phrase matchers.

Every lexicon is matched in all supported languages at once: an article quotes
English names and terms whatever its own language, and a phrase from another
language almost never occurs by chance at word boundaries.
"""

from __future__ import annotations

import functools
import json
from importlib import resources

from cybertrack.extract.lexicons import LANGUAGES, lexicons
from cybertrack.knowledge.matcher import Match, PhraseMatcher


@functools.cache
def _roles() -> dict:
    return json.loads((resources.files("cybertrack.extract") / "data" / "roles.json").read_text("utf-8"))


def _matcher(groups: dict[str, dict[str, list[str]] | list[str]]) -> PhraseMatcher:
    """A matcher whose values are the group names: {"ransomware": {"en": [...], ...}} finds "ransomware"."""
    matcher = PhraseMatcher()
    for value, by_language in groups.items():
        phrases = by_language if isinstance(by_language, list) else [
            p for language in LANGUAGES for p in by_language.get(language, [])]
        for phrase in phrases:
            # "DoS", "DDoS", "LockBit": written with inner capitals, they must be matched as written ("dos" is "two")
            matcher.add(phrase, value, case_sensitive=sum(c.isupper() for c in phrase) >= 2)
    return matcher


class Cues:
    """Phrase matchers for every lexicon; ``find(kind, text)`` returns the matches of one."""

    def __init__(self) -> None:
        lex = lexicons()
        roles = _roles()
        self._matchers: dict[str, PhraseMatcher] = {
            "attack": _matcher(lex["attack_types"]),
            "hypothetical": _matcher({"hypothetical": lex["hypothetical"]}),
            "attribution": _matcher({"attribution": lex["attribution"]}),
            "denial": _matcher({"denial": lex["denial"]}),
            "hedge": _matcher({"hedge": lex["hedges"]}),
            "speech": _matcher({"speech": lex["speech"]}),
            "sector": _matcher(lex["sectors"]),
            "technique": _matcher(lex["techniques"]),
            "victim_before": _matcher({"victim_before": roles["victim_before"]}),
            "victim_after": _matcher({"victim_after": roles["victim_after"]}),
            "attacker_noun": _matcher({"attacker_noun": roles["attacker_nouns"]}),
            "claimant_noun": _matcher({"claimant_noun": roles["claimant_nouns"]}),
            "media": _matcher({"media": roles["media"]}),
            "began": _matcher({"began": roles["began"]}),
            "people_of": _matcher({"people_of": roles["people_of"]}),
            "attacker_before": _matcher({"attacker_before": roles["attacker_before"]}),
            "attacker_after": _matcher({"attacker_after": roles["attacker_after"]}),
            "discovered": _matcher({"discovered": roles["discovered"]}),
        }

    def find(self, kind: str, text: str) -> list[Match]:
        return self._matchers[kind].find(text)


@functools.cache
def cues() -> Cues:
    return Cues()
