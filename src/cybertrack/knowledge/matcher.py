r"""One compiled phrase matcher for every dictionary in the knowledge base.

Thousands of names (actors, malware, countries, vulnerabilities) are found in one
pass over the text with an Aho-Corasick automaton, instead of a regular expression
per name. The automaton runs over a case-folded copy of the text's normalised view (no
invisible characters, plain spaces, Latin look-alikes made Latin: `annotate/normalise`);
phrases that are also common words ("Turkey", "Chad", "Agent") are registered as
case-sensitive and checked against the view after the hit. Matches are placed in the
text as given: "AP\u200bT28" is found as APT28, spanning the invisible character.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import ahocorasick

from cybertrack.annotate.normalise import normalise


@dataclass(frozen=True)
class Match:
    """A phrase found in a text: where it is and every value registered for it."""

    start: int
    end: int
    text: str
    values: tuple[object, ...]


@dataclass(frozen=True)
class _Entry:
    phrase: str
    value: object
    case_sensitive: bool


# spaces, and the typographic apostrophe news sites print ("all’Iran", "l’attaque") for the one the packs write
_UNIFIED = str.maketrans({"\n": " ", "\t": " ", "\r": " ", "\xa0": " ", "’": "'"})


def fold(text: str) -> str:
    """Lower-case and unify spaces and apostrophes without changing the length, so offsets stay valid.

    ``str.casefold`` turns "ß" into "ss" and would shift every later offset; ``lower`` keeps the length
    for all but a few letters, which are left as they are.
    """
    text = text.translate(_UNIFIED)
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(low if len(low) == 1 else char for char, low in ((c, c.lower()) for c in text))


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


class PhraseMatcher:
    """Finds registered phrases at word boundaries; longest match wins, matches never overlap."""

    def __init__(self) -> None:
        self._entries: dict[str, list[_Entry]] = {}
        self._automaton: ahocorasick.Automaton | None = None

    def add(self, phrase: str, value: object, *, case_sensitive: bool = False) -> None:
        phrase = " ".join(phrase.split())
        if not phrase:
            return
        entries = self._entries.setdefault(fold(phrase), [])
        if not any(e.value == value and e.phrase == phrase and e.case_sensitive == case_sensitive for e in entries):
            entries.append(_Entry(phrase, value, case_sensitive))
        self._automaton = None

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, phrase: str) -> bool:
        return fold(" ".join(phrase.split())) in self._entries

    def _build(self) -> ahocorasick.Automaton:
        automaton = ahocorasick.Automaton()
        for key in self._entries:
            automaton.add_word(key, key)
        automaton.make_automaton()
        return automaton

    def find(self, text: str) -> list[Match]:
        return _longest_without_overlap(self._candidates(text))

    def find_grouped(self, text: str, group_of: Callable[[object], str]) -> dict[str, list[Match]]:
        """One pass for several dictionaries: matches per group, each group choosing its longest matches on its own
        (so "cyberattack on" as a victim cue does not hide "cyberattack" as an attack cue)."""
        groups: dict[str, list[Match]] = {}
        for match in self._candidates(text):
            by_group: dict[str, list[object]] = {}
            for value in match.values:
                by_group.setdefault(group_of(value), []).append(value)
            for group, values in by_group.items():
                groups.setdefault(group, []).append(Match(match.start, match.end, match.text, tuple(values)))
        return {group: _longest_without_overlap(found) for group, found in groups.items()}

    def _candidates(self, text: str) -> list[Match]:
        if self._automaton is None:
            if not self._entries:
                return []
            self._automaton = self._build()
        view = normalise(text)
        seen = view.text
        candidates: list[Match] = []
        for last, key in self._automaton.iter(fold(seen)):
            start, end = last - len(key) + 1, last + 1
            if start > 0 and _is_word_char(seen[start - 1]) and _is_word_char(seen[start]):
                continue
            if end < len(seen) and _is_word_char(seen[end]) and _is_word_char(seen[end - 1]):
                continue
            surface = seen[start:end]
            values = tuple(e.value for e in self._entries[key] if not e.case_sensitive or e.phrase == surface)
            if values:
                start, end = view.raw_span(start, end)
                candidates.append(Match(start, end, text[start:end], values))
        return candidates

    def values(self) -> list[object]:
        """Every registered value, once per phrase it is registered under."""
        return [e.value for entries in self._entries.values() for e in entries]

    def lookup(self, phrase: str) -> tuple[object, ...]:
        """Every value registered under a phrase, ignoring case (for `kb lookup`)."""
        return tuple(e.value for e in self._entries.get(fold(" ".join(phrase.split())), []))


def _longest_without_overlap(matches: list[Match]) -> list[Match]:
    chosen: list[Match] = []
    for match in sorted(matches, key=lambda m: (m.start - m.end, m.start)):
        if all(match.end <= c.start or c.end <= match.start for c in chosen):
            chosen.append(match)
    return sorted(chosen, key=lambda m: m.start)
