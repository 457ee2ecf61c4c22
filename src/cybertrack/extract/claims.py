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

from cybertrack.extract.attackers import compared
from cybertrack.extract.facts import SentenceFacts
from cybertrack.extract.institutions import portfolios
from cybertrack.extract.names import stop_words
from cybertrack.extract.victims import english_adjective, name_key, plausible_name
from cybertrack.knowledge.countries import country_name
from cybertrack.lang import words
from cybertrack.model import Claim, Evidence

ARTICLE_CLAIMANT = "(article)"
_PERCENT = re.compile(r"\b\d{1,3}(?:[.,]\d+)?\s?%")
_ARTICLES = words("grammar", "articles")
_SUBJECT_WORDS = 6
# what may stand between the parts of one listed name: commas, "and", and capitalised words ("Foreign Trade")
_CONJUNCTIONS = "|".join(rf"\b{re.escape(w)}\b" for w in sorted(words("grammar", "conjunctions")))
_LIST_GLUE = re.compile(rf"(?:\s*(?:,|&|{_CONJUNCTIONS}|\b[A-Z][\w-]*\b)\s*)*")
_SPEAKER_LINE_WORDS = 10
_ACCORDING = re.compile(rf"\b(?:{'|'.join(map(re.escape, sorted(words('grammar', 'according_to'))))})\s*$",
                        re.IGNORECASE)
_RIGHT_CONNECTORS = words("grammar", "name_connectors")
_PREPOSITIONS = words("grammar", "prepositions")


@dataclass(frozen=True)
class Speaker:
    start: int
    end: int
    name: str
    country: str | None
    state: bool = False  # the speaker is a country itself ("Belgium says")


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
    taken += [(d.start, d.end) for d in facts.dates]
    for chunk in facts.names:
        inside = [c for c in facts.countries if chunk.start <= c.start and c.end <= chunk.end]
        if any(chunk.start < e and s < chunk.end for s, e in taken) or not plausible_name(facts, chunk):
            continue
        if any(c.start < chunk.end and chunk.start < c.end for c in facts.countries if c not in inside):
            continue  # "Gli Stati Uniti" read as "Uniti": the country's own name is better
        if len(inside) == 1 and (inside[0].start, inside[0].end) == (chunk.start, chunk.end):
            continue  # the country itself, below
        found.append(Speaker(chunk.start, chunk.end, chunk.text, inside[0].code if inside else None))
    for country in facts.countries:
        if country.form == "adjective" or country.attacker_side:
            continue
        if not any(s.start <= country.start and country.end <= s.end for s in found):
            found.append(Speaker(country.start, country.end, country_name(country.code, "en"), country.code, True))
    for noun in facts.cues.get("claimant_noun", []):
        if any(noun.start < s.end and s.start < noun.end for s in found):
            continue
        start, end = _expand_phrase(facts, noun.start, noun.end)
        inside = next((c.code for c in facts.countries if start <= c.start and c.end <= end), None)
        found.append(Speaker(start, end, facts.text[start:end], inside))
    speakers = [s for s in found if not _after_preposition(facts.text, s.start)]
    return sorted(speakers, key=lambda s: (s.start, s.start - s.end))  # at one place, the longest phrase first


def _after_preposition(text: str, start: int) -> bool:
    """ "in Albania", "to Parliament": a name inside a prepositional phrase is not the one speaking
    ("according to X" is the exception: X is)."""
    before = text[:start].split()
    return bool(before) and before[-1].lower() in _PREPOSITIONS and not _ACCORDING.search(text[:start])


def _expand_phrase(facts: SentenceFacts, start: int, end: int) -> tuple[int, int]:
    """Grow a role noun into its phrase ("foreign ministry spokesperson", "portavoce dell'ambasciata cinese")."""
    text = facts.text
    stops = stop_words("en") | stop_words("it") | stop_words("fr") | stop_words("de") | stop_words("es") \
        | stop_words("nl")
    nouns = [(m.start, m.end) for kind in ("claimant_noun", "sector") for m in facts.cues.get(kind, [])]
    words = list(re.finditer(r"[\w\-]+['’]?", text))
    for word in reversed([w for w in words if w.end() <= start][-3:]):
        lower = word.group().lower()
        if text[word.end():start].strip() or (lower in stops and (word.group().islower() or lower in _ARTICLES)):
            break  # a capitalised word is part of a name, unless it is an article opening the sentence
        start = word.start()
    after_connector = False
    for word in [w for w in words if w.start() >= end][:5]:
        if text[end:word.start()].strip():
            break
        lower = word.group().lower()
        is_country = any(c.start == word.start() for c in facts.countries)
        is_noun = any(s <= word.start() < e for s, e in nouns)
        if lower in _RIGHT_CONNECTORS or lower.endswith(("'", "’")):
            after_connector = True
        elif not (is_country or (after_connector and (word.group()[0].isupper() or is_noun))):
            break
        end = word.end()
    while text[start:end].split() and text[start:end].split()[-1].lower() in _RIGHT_CONNECTORS:
        end = start + text[start:end].rstrip().rfind(" ")
    return start, end


def _targets(facts: SentenceFacts, cue_end: int, exclude: set[str]) -> list[str]:
    actors = [str(e.key) for m in facts.actors if not compared(facts, m) for e in m.values]
    states = [c.code for c in facts.countries if c.attacker_side and c.code not in exclude]
    states += [c.code for c in facts.countries
               if c.start >= cue_end and c.form in {"name", "capital"} and c.code not in exclude
               and len(facts.text[cue_end:c.start].split()) <= 4]
    return list(dict.fromkeys(actors + states))


def _claimant(facts: SentenceFacts, speakers: list[Speaker], cue_start: int) -> Speaker | None:
    """ "according to X", "X said" / "said X", or else the subject: the first speaker, early, before the cue."""
    for speaker in speakers:
        if _ACCORDING.search(facts.text[:speaker.start]):
            return speaker
    for speech in facts.cues.get("speech", []):
        before = [s for s in speakers if 0 <= speech.start - s.end <= 3]
        after = [s for s in speakers if 0 <= s.start - speech.end <= 12]
        if before:
            return _head_of_list(facts.text, speakers, before[-1])
        if after:
            return after[0]
    if speakers and speakers[0].end <= cue_start and len(facts.text[:speakers[0].start].split()) <= _SUBJECT_WORDS:
        return speakers[0]
    return None


def _head_of_list(text: str, speakers: list[Speaker], last: Speaker) -> Speaker:
    """ "the FPS Foreign Affairs, Foreign Trade and Development Cooperation wrote": a name listed in parts is
    named by its first part."""
    head = last
    for speaker in reversed([s for s in speakers if s.end <= last.start]):
        if not _LIST_GLUE.fullmatch(text[speaker.end:head.start]):
            break
        head = speaker
    return head


def _named_in_next(next_facts: SentenceFacts | None) -> Speaker | None:
    """ "..." — "Ha affermato il ministro degli Esteri.": a short sentence that only says who spoke."""
    if next_facts is None or not next_facts.has("speech") or len(next_facts.text.split()) > _SPEAKER_LINE_WORDS:
        return None
    if next_facts.is_attack or next_facts.has("attribution") or next_facts.has("denial"):
        return None
    later = _speakers(next_facts)
    return later[0] if later else None


def sentence_claims(facts: SentenceFacts, document: str, published: str | None,
                    next_facts: SentenceFacts | None, context_states: list[str]) -> list[Claim]:
    """The claim a sentence makes, if any. Without an attribution word, a speaker who reports an attack by a named
    actor or by a state's hackers ("Check Point said Chinese hackers ...") attributes it too."""
    denial = facts.cues.get("denial", [])
    attribution = facts.cues.get("attribution", [])
    reported = [] if denial or attribution or not facts.is_attack else facts.cues.get("speech", [])
    if not (denial or attribution or reported):
        return []
    cue = (denial or attribution or reported)[0]
    speakers = _speakers(facts)
    speaker = _claimant(facts, speakers, cue.start) or _named_in_next(next_facts)
    if reported and (speaker is None or not (facts.actors or any(c.attacker_side for c in facts.countries))):
        return []
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
    evidence = Evidence(document, facts.start, facts.end, facts.raw)
    claimant = speaker.name if speaker else ARTICLE_CLAIMANT
    if name_key(claimant) in {name_key(t) for t in targets}:
        return []
    speaks_for = speaker.country if speaker and (speaker.state or "Ministry of" in speaker.name) else None
    return [Claim(claimant, stance, tuple(targets), hedged, date, evidence, speaks_for)]
