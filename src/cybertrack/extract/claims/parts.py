"""What the steps of claim finding hand each other: who may be speaking, who may be blamed, and the cue that sets a
claim's stance."""

from __future__ import annotations

from dataclasses import dataclass

from cybertrack.extract.facts import SentenceFacts
from cybertrack.knowledge.matcher import Match
from cybertrack.lang import words
from cybertrack.model import ClaimantKind, Stance

CULPRIT_WORDS = frozenset(w.casefold() for w in words("claims", "culprit_words"))


@dataclass(frozen=True)
class Speaker:
    """Who may be speaking, where the sentence names them, and the state they speak for, if any."""

    start: int
    end: int
    name: str
    country: str | None
    kind: ClaimantKind = ClaimantKind.INSTITUTION
    state: bool = False  # the speaker is a country itself ("Belgium says")
    role: str = ""  # a person's role as the sentence gives it ("Finance Minister")

    def mention(self, facts: SentenceFacts) -> str:
        return facts.text[self.start:self.end]


@dataclass(frozen=True)
class StanceCue:
    """The words that set a claim's stance; ``reported`` when they are only a reporting verb ("said"); ``passive``
    when they are a verb of accusing in the passive ("Russia was blamed for", "la Russie est accusée")."""

    stance: Stance
    match: Match
    reported: bool = False
    passive: bool = False

    @property
    def names_the_culprit_first(self) -> bool:
        """ "Iran was behind", "LockBit est responsable", "Iran was blamed": the cue's subject is the one blamed, not
        the one speaking."""
        return self.passive or any(word.casefold() in CULPRIT_WORDS for word in self.match.text.split())


@dataclass(frozen=True)
class Target:
    """Who a claim names, and where the sentence names it."""

    start: int
    end: int
    name: str
    agency: bool = False  # a state's service ("GRU", "BSI"): the one blamed, or the one speaking
    before_cue: bool = False  # the object before the cue's participle ("hat Russland beschuldigt"): never who speaks
    involvement: bool = False  # a state named with the part a denial rejects ("any Russian involvement")

    @property
    def state(self) -> bool:
        return len(self.name) == 2
