"""When an incident began, was discovered and was disclosed, read from the sentences of its frame.

Only the sentences that report the attack (its trigger sentences) date it, and each of
their dates goes to the cue nearest to it: "began" and "discovered" words, the attack
words themselves, or a reporting verb ("said on Monday" tells when it was disclosed,
and bounds when it began). Dates after the article's own date are deadlines and
release dates, never the attack's. A date set beside another, older event ("like the
WannaCry attack in May 2017", "the biggest breach since 2013") is background: the
comparison markers are kept as data per language.

A frame that gives no date of its own is still bounded by its publication date: it
happened on or before it. When the article reports the attack in its first sentences,
the way news reports fresh events, the publication month is exported as an estimate
(``first_seen_estimated``). Measured on the training sets: the publication month is a
month of the attack in 52 of 94 CASIE-train articles that report it in their first
three sentences, against 2 of 11 that report it further down; it is the gold month for
5 of the 6 multilingual-train articles that have a publication date, no date of their
own and the attack in their lead.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from cybertrack.annotate.dates import DateMention, Reference, earliest, later_than
from cybertrack.extract.facts import SentenceFacts
from cybertrack.knowledge.matcher import Match

LEAD_SENTENCES = 3  # the headline and the first sentences: where news reports what just happened
_CUE_KINDS = ("began", "discovered", "attack", "speech", "attribution", "denial")
_SAID = frozenset({"speech", "attribution", "denial"})
_CLAUSE_EDGE = re.compile(r"[,;:()\[\]–—]|\s-\s")

# What sets a date beside another event: a comparison ("like", "wie bereits", "come già") just before it in its
# clause, or a superlative before "since" ("the biggest breach since 2013"). One pattern per language, matched on
# the clause up to the date.
_COMPARISON = {
    "en": r"\b(?:like|unlike|as\s+(?:in|with|did|was)|similar\s+to|compared\s+(?:to|with)|"
          r"(?:biggest|largest|worst|greatest|costliest|most|first|highest|longest)\b.*\bsince)\b",
    "fr": r"(?:\bcomme\s+(?:en|lors|déjà|dans|pour|avec)\b|\bà\s+l['’]instar\b|\bsemblable\s+à\b|"
          r"\bpar\s+rapport\s+à\b|\b(?:plus|pire|premi(?:er|ère))\b.*\bdepuis\b)",
    "de": r"\b(?:wie\s+(?:bereits|schon|zuvor|damals|einst|auch)|ähnlich\s+wie|im\s+Vergleich\s+zu|"
          r"(?:größte|schwerste|schlimmste|umfangreichste|erste)[nrs]?\b.*\bseit)\b",
    "it": r"\b(?:come\s+(?:già|nel|avvenuto|accaduto|successo)|similmente\s+a|rispetto\s+a|a\s+differenza\s+d|"
          r"(?:più|peggior[ei]|maggior[ei]|prim[oa])\b.*\bdal)",
    "es": r"\b(?:como\s+(?:ya|en|ocurrió|pasó|sucedió)|al\s+igual\s+que|similar\s+a|en\s+comparación\s+con|"
          r"a\s+diferencia\s+d|(?:más|mayor|peor|primer[oa]?)\b.*\bdesde)\b",
    "nl": r"\b(?:zoals\s+(?:in|al|eerder|ook|bij)|net\s+als|vergelijkbaar\s+met|in\s+vergelijking\s+met|"
          r"(?:grootste|ergste|zwaarste|eerste)\b.*\bsinds)\b",
}


@dataclass(frozen=True)
class IncidentDates:
    first_seen: str | None
    discovered: str | None
    disclosed: str | None
    first_seen_estimated: bool = False  # the publication month, for want of a date in the text


def incident_dates(sentences: list[SentenceFacts], language: str, reference: Reference | None,
                   published: str | None) -> IncidentDates:
    """The frame's dates: ``reference`` is the date its relative dates were read against (the publication date, or
    the one the text gives away), ``published`` the publication date as the source gave it, if at all."""
    began: list[str] = []
    discovered: list[str] = []
    attack: list[str] = []
    said: list[str] = []
    for sentence in sentences:
        attack_words = _attack_words(sentence)
        if not attack_words:
            continue
        for mention in sentence.dates:
            if (reference and later_than(mention.value, reference.iso)) \
                    or _beside_another_event(sentence.text, mention, language):
                continue
            kind = _nearest_cue(sentence, attack_words, mention)
            if kind == "began":
                began.append(mention.value)
            elif kind == "discovered":
                discovered.append(mention.value)
            else:
                attack.append(mention.value)
                if kind in _SAID:
                    said.append(mention.value)
    first_seen = earliest(began or attack)
    disclosed = earliest(said) or published
    publication = Reference.parse(published)
    if first_seen is None and publication and publication.precision >= 7 and _reported_as_news(sentences):
        return IncidentDates(publication.iso[:7], earliest(discovered), disclosed, True)
    return IncidentDates(first_seen, earliest(discovered), disclosed)


def _attack_words(sentence: SentenceFacts) -> list[Match]:
    """The words by which the sentence reports an attack ("hacked", "ransomware attack"). A threat actor's name is an
    attack cue too, but a sentence about the actor alone ("APT28 has been active since 2004") dates no attack."""
    if not sentence.is_attack:
        return []
    actors = [(m.start, m.end) for m in sentence.actors]
    return [c for c in sentence.cues["attack"] if not any(a <= c.start < b for a, b in actors)]


def _nearest_cue(sentence: SentenceFacts, attack_words: list[Match], mention: DateMention) -> str | None:
    """The kind of the cue closest to the date, by the characters between them."""
    best: tuple[int, str] | None = None
    for kind in _CUE_KINDS:
        for cue in attack_words if kind == "attack" else sentence.cues.get(kind, []):
            gap = _gap(cue, mention)
            if best is None or gap < best[0]:
                best = (gap, kind)
    return best[1] if best else None


def _gap(cue: Match, mention: DateMention) -> int:
    return max(cue.start - mention.end, mention.start - cue.end, 0)


def _beside_another_event(text: str, mention: DateMention, language: str) -> bool:
    clause_start = max((m.end() for m in _CLAUSE_EDGE.finditer(text, 0, mention.start)), default=0)
    return bool(_comparison(language).search(text[clause_start:mention.start]))


@functools.cache
def _comparison(language: str) -> re.Pattern[str]:
    return re.compile(_COMPARISON.get(language, _COMPARISON["en"]), re.IGNORECASE)


def _reported_as_news(sentences: list[SentenceFacts]) -> bool:
    """The attack is reported in the article's lead: its headline or first sentences."""
    return any(s.index < LEAD_SENTENCES and _attack_words(s) for s in sentences)

