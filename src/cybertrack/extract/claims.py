"""Attribution claims: who says an attack was done by whom, or denies it, and how sure they are.

A claim needs a cue ("attributed to", "accusé", "negando") and a target (a known actor,
or a state named on the attacker's side: "Chinese hackers", "accused China"). The
claimant is who speaks: "according to X", the subject before the cue, the speaker of
a reporting verb, or the speaker named in the next sentence ("..., said the minister").
A claim nobody in the text makes is the article's own and is kept with the claimant
"(article)": its state still counts as claimed, and hedged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cybertrack.extract.facts import SentenceFacts
from cybertrack.extract.institutions import portfolios
from cybertrack.extract.names import stop_words
from cybertrack.extract.victims import english_adjective, name_key
from cybertrack.knowledge.countries import country_name
from cybertrack.model import Claim, Evidence

ARTICLE_CLAIMANT = "(article)"
_PERCENT = re.compile(r"\b\d{1,3}(?:[.,]\d+)?\s?%")
_ACCORDING = re.compile(r"\b(?:according to|selon|d'après|volgens|laut|secondo|según)\s*$", re.IGNORECASE)
_RIGHT_CONNECTORS = {"of", "the", "de", "du", "des", "la", "le", "di", "del", "della", "dell", "dell'", "dell’",
                     "degli", "van", "der", "von", "in", "en", "for", "für", "voor", "de la"}


@dataclass(frozen=True)
class Speaker:
    start: int
    end: int
    name: str
    country: str | None


def _speakers(facts: SentenceFacts) -> list[Speaker]:
    """Everything in the sentence that could be speaking: departments, names, states, role phrases."""
    found: list[Speaker] = []
    for institution in facts.institutions:
        country = next((c for c in facts.countries if abs(c.end - institution.start) <= 2
                        or 0 <= c.start - institution.end <= 4), None)
        portfolio = portfolios()[institution.portfolios[0]]
        adjective = english_adjective(country.code) if country else None
        name = f"{adjective + ' ' if adjective else ''}Ministry of {portfolio.name}"
        found.append(Speaker(institution.start, institution.end, name, country.code if country else None))
    taken = [(s.start, s.end) for s in found] + [(a.start, a.end) for a in facts.actors]
    for chunk in facts.names:
        if any(chunk.start < e and s < chunk.end for s, e in taken):
            continue
        country = next((c for c in facts.countries if c.start == chunk.start and c.end == chunk.end), None)
        if country and country.form == "adjective":
            continue
        name = country_name(country.code, "en") if country else chunk.text
        inside = next((c.code for c in facts.countries if chunk.start <= c.start and c.end <= chunk.end), None)
        found.append(Speaker(chunk.start, chunk.end, name, country.code if country else inside))
    for noun in facts.cues.get("claimant_noun", []):
        if any(noun.start < s.end and s.start < noun.end for s in found):
            continue
        start, end = _expand_phrase(facts.text, noun.start, noun.end)
        inside = next((c.code for c in facts.countries if start <= c.start and c.end <= end), None)
        found.append(Speaker(start, end, facts.text[start:end], inside))
    return sorted(found, key=lambda s: s.start)


def _expand_phrase(text: str, start: int, end: int) -> tuple[int, int]:
    """Grow a role noun into its phrase ("Chinese foreign ministry spokesperson", "portavoce dell'ambasciata cinese")."""
    stops = stop_words("en") | stop_words("it") | stop_words("fr")
    words = list(re.finditer(r"[\w'’\-]+", text))
    left = [w for w in words if w.end() <= start]
    for word in reversed(left[-3:]):
        if text[word.end():start].strip() or word.group().lower() in stops:
            break
        start = word.start()
    right = [w for w in words if w.start() >= end]
    taken = 0
    for word in right[:5]:
        if text[end:word.start()].strip():
            break
        lower = word.group().lower()
        if lower in _RIGHT_CONNECTORS or lower.endswith(("'", "’")) or (taken and lower not in stops):
            end = word.end()
            taken += 1
            continue
        break
    while text[start:end].split() and text[start:end].split()[-1].lower() in _RIGHT_CONNECTORS:
        end = start + text[start:end].rstrip().rfind(" ")
    return start, end


def _targets(facts: SentenceFacts, cue_end: int, exclude: set[str]) -> list[str]:
    actors = [str(e.key) for m in facts.actors for e in m.values]
    states = [c.code for c in facts.countries if c.attacker_side and c.code not in exclude]
    states += [c.code for c in facts.countries
               if c.start >= cue_end and c.form in {"name", "capital"} and c.code not in exclude
               and len(facts.text[cue_end:c.start].split()) <= 4]
    return list(dict.fromkeys(actors + states))


def _claimant(facts: SentenceFacts, speakers: list[Speaker], cue_start: int, cue_end: int) -> Speaker | None:
    for speaker in speakers:
        if _ACCORDING.search(facts.text[:speaker.start]):
            return speaker
    for speech in facts.cues.get("speech", []):
        after = [s for s in speakers if 0 <= s.start - speech.end <= 12]
        before = [s for s in speakers if 0 <= speech.start - s.end <= 3]
        if after:
            return after[0]
        if before:
            return before[-1]
    subject = [s for s in speakers if s.end <= cue_start]
    return subject[0] if subject else None


def sentence_claims(facts: SentenceFacts, document: str, published: str | None,
                    next_facts: SentenceFacts | None, context_states: list[str]) -> list[Claim]:
    denial = facts.cues.get("denial", [])
    attribution = facts.cues.get("attribution", [])
    if not denial and not attribution:
        return []
    cue = (denial or attribution)[0]
    speakers = _speakers(facts)
    speaker = _claimant(facts, speakers, cue.start, cue.end)
    if speaker is None and next_facts is not None and next_facts.has("speech") and not next_facts.is_attack:
        later = _speakers(next_facts)
        speaker = later[0] if later else None
    exclude = {speaker.country} if speaker and speaker.country and not denial else set()
    targets = _targets(facts, cue.end, exclude)
    if denial:
        stance = "denies"
        own = [speaker.country] if speaker and speaker.country else []
        targets = list(dict.fromkeys(own + [t for t in targets if len(t) == 2] or context_states))
    else:
        stance = "attributes"
    if not targets:
        return []
    hedged = facts.has("hedge") or bool(_PERCENT.search(facts.text))
    date = facts.dates[0].value if facts.dates else published
    evidence = Evidence(document, facts.start, facts.end, facts.text)
    claimant = speaker.name if speaker else ARTICLE_CLAIMANT
    if name_key(claimant) in {name_key(t) for t in targets}:
        return []
    return [Claim(claimant, stance, tuple(targets), hedged, date, evidence)]
