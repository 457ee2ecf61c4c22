"""Whether the sentence says something did not happen: a negation of its language in the clause of a cue.

"LockBit has not claimed the attack" makes no claim, and "no data was stolen" no data breach. The negations are each
pack's ``grammar.negations``; a clause ends at a comma, a semicolon, a colon or a bracket.
"""

from __future__ import annotations

import re

from cybertrack.extract.facts import SentenceFacts
from cybertrack.knowledge.matcher import Match
from cybertrack.lang import alternation, pack
from cybertrack.tables import language_table

_CLAUSE_MARKS = ",;:()"
_NEGATION_WORDS = 3  # "non c'è il gruppo": how far before a name its negation may stand


def negated(facts: SentenceFacts, match: Match) -> bool:
    """Whether a negation of the sentence's language stands in the clause of ``match``, outside it: "LockBit has not
    claimed the attack", "Akira hat noch keine Informationen veröffentlicht" say that the claim was not made. After
    the cue, only a few words on: "... and demanded a ransom that has not been paid" negates the payment."""
    text = facts.text
    ends = [at for at in (text.find(mark, match.end) for mark in _CLAUSE_MARKS) if at >= 0]
    return any(found.start() < match.start or (found.start() >= match.end
                                               and len(text[match.end:found.start()].split()) <= _NEGATION_WORDS)
               for found in _negations(facts, _clause_start(text, match.start), min(ends, default=len(text))))


def negated_before(facts: SentenceFacts, start: int) -> bool:
    """A negation of the sentence's language a few words before ``start``, in its clause: "dietro l'attacco non c'è il
    gruppo LockBit", "hinter dem Angriff steckt nicht die Gruppe Akira" say who was not behind it."""
    text = facts.text
    return any(len(text[found.end():start].split()) <= _NEGATION_WORDS
               for found in _negations(facts, _clause_start(text, start), start))


def _clause_start(text: str, at: int) -> int:
    """Where the clause that holds ``at`` begins: after the last comma, semicolon, colon or bracket before it."""
    return max(text.rfind(mark, 0, at) for mark in _CLAUSE_MARKS) + 1


def _negations(facts: SentenceFacts, start: int, end: int) -> list[re.Match[str]]:
    """The negations between ``start`` and ``end``, without those that open one of the pack's
    ``negation_exceptions``: "not only", "nicht nur", "not all" deny nothing."""
    negation, exceptions = _negation(facts.language), _exceptions(facts.language)
    return [found for found in negation.finditer(facts.text, start, end)
            if exceptions is None or not exceptions.match(facts.text, found.start())]


@language_table
def _exceptions(language: str) -> re.Pattern[str] | None:
    phrases = pack(language, "grammar")["negation_exceptions"]
    return re.compile(rf"(?:{alternation(phrases)})(?!\w)", re.IGNORECASE) if phrases else None


@language_table
def _negation(language: str) -> re.Pattern[str]:
    """The pack's negations as whole words; a contraction's ending ("n't") within its word."""
    def bounded(phrase: str) -> str:
        body = re.escape(phrase).replace(r"\ ", r"\s+")
        left = "" if phrase.startswith(("n't", "n’t")) or not phrase[0].isalnum() else r"(?<!\w)"
        return left + body + (r"(?!\w)" if phrase[-1].isalnum() else "")
    return re.compile("|".join(bounded(p) for p in pack(language, "grammar")["negations"]), re.IGNORECASE)
