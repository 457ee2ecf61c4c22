"""The lexicons of the language packs, compiled once into phrase matchers.

Every lexicon is matched in all supported languages at once: an article quotes
English names and terms whatever its own language, and a phrase from another
language almost never occurs by chance at word boundaries.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from cybertrack.extract.lexicons import LANGUAGES, lexicons
from cybertrack.knowledge.matcher import Match, PhraseMatcher
from cybertrack.lang import alternation, pack, topic, with_contractions, words

SPLIT = "…"  # in a lexicon phrase, the words a split verb puts between its parts ("wies … zurück")
_SPLIT_REACH = 120  # characters between the parts of a split verb, in one clause
# a character of the same clause: no sentence punctuation, save the point inside a number ("Daten von 40.000 Kunden")
_IN_CLAUSE = r"[^.;:!?]|(?<=\d)\.(?=\d)"
_LIST_REACH = 80  # characters from the participle that says who was hit to the word that opens their list
_LOOT_REACH = 80  # characters of loot between a theft verb and the word for whom it was taken from, in one phrase


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
            "scam": {"scam": lex["scams"]}, "impersonation": {"impersonation": lex["impersonation"]},
            "hypothetical": {"hypothetical": lex["hypothetical"]}, "attribution": {"attribution": lex["attribution"]},
            "denial": {"denial": lex["denial"]}, "speech": {"speech": lex["speech"]},
            # a hedge's group is how sure it makes a claim: "likely" ("believed", "probably") or "possible" ("may")
            "hedge": {"likely": lex["likely"], "possible": lex["possible"]},
            "responsibility": {"responsibility": lex["responsibility"]}, "dispute": {"dispute": lex["dispute"]},
            "speculation": {"speculation": lex["speculation"]}, "state_noun": {"state_noun": lex["state_nouns"]},
            "group_noun": {"group_noun": lex["group_nouns"]},
            "involvement": {"involvement": lex["involvement_nouns"]},
            "attacker_noun": {"attacker_noun": roles["attacker_nouns"]},
            "criminal_noun": {"criminal_noun": roles["criminal_nouns"]},  # victims._attacker_word
            "claimant_noun": {"claimant_noun": roles["claimant_nouns"]},
            "company_noun": {"company_noun": roles["company_nouns"]},  # "the company said": see frames._named_company
            "organisation_noun": {"organisation_noun": roles["organisation_nouns"]},  # victims._organisation_victims
            "people_noun": {"people_noun": roles["people_nouns"]},  # victims._organisation_victims
            "media": {"media": roles["media"]},
        }
        for kind in ("victim_after", "began", "discovered", "people_of", "attacker_before", "attacker_after",
                     "product_nouns", "place_heads", "launch_verbs", "target_verbs", "instrument_before",
                     "counterfeit_words"):
            sections[kind] = {kind: roles[kind]}
        # what a verb that tells an attack by its target ("disrupted", "sabotierte") names after it is that target
        sections["victim_before"] = {"victim_before": {
            language: list(dict.fromkeys(phrases + roles["target_verbs"].get(language, [])))
            for language, phrases in roles["victim_before"].items()}}
        for kind in ("crew_before", "crew_after", "agency_link", "agency_after", "comparison", "work_nouns"):
            sections[kind] = {kind: actors[kind]}
        self.kinds = tuple(sections)
        self._matcher = PhraseMatcher()
        self._split: dict[str, list[tuple[re.Pattern[str], Cue]]] = {}  # a split verb's first word -> its patterns
        for kind, groups in sections.items():
            for group, by_language in groups.items():
                phrases = by_language if isinstance(by_language, list) else [
                    p for language in LANGUAGES for p in with_contractions(language, by_language.get(language, []))]
                for phrase in phrases:
                    if SPLIT in phrase:
                        head = phrase.split(SPLIT)[0].strip().casefold()
                        self._split.setdefault(head, []).append((_split_pattern(phrase), Cue(kind, group)))
                        continue
                    # "DoS", "DDoS": written with inner capitals, they must be matched as written ("dos" is "two")
                    self._matcher.add(phrase, Cue(kind, group), case_sensitive=sum(c.isupper() for c in phrase) >= 2)
        self._split_heads = re.compile(rf"\b(?:{alternation(self._split)})\b", re.IGNORECASE) if self._split else None
        self._thefts: dict[str, list[re.Pattern[str]]] = {}  # a theft verb -> its patterns, one per preposition
        for language in LANGUAGES:
            for phrase in with_contractions(language, roles["taken_from"].get(language, [])):
                head = phrase.split(SPLIT)[0].strip().casefold()
                self._thefts.setdefault(head, []).append(
                    _theft_pattern(phrase, pack(language, "grammar")["conjunctions"]))
        self._theft_verbs = re.compile(rf"\b(?:{alternation(self._thefts)})\b", re.IGNORECASE)
        self._list_openers = _phrases_pattern(roles["list_openers"])
        self._hit_participles = _phrases_pattern(roles["hit_participles"])
        self._spread = PhraseMatcher()  # the victim phrases of a verb group, read again across its adverbs
        for phrase in (p for language in LANGUAGES for p in roles["victim_after"].get(language, [])):
            if len(phrase.split()) > 1 and SPLIT not in phrase:
                self._spread.add(phrase, Cue("victim_after", "victim_after"))

    def find_all(self, text: str) -> dict[str, list[Match]]:
        """Matches per kind (every kind present, possibly empty); a match's values are its groups."""
        found = self._matcher.find_grouped(text, lambda cue: cue.kind)  # type: ignore[attr-defined]
        matches = {kind: [Match(m.start, m.end, m.text, tuple(dict.fromkeys(c.group for c in m.values)))
                          for m in found.get(kind, [])] for kind in self.kinds}
        # most sentences hold no split verb's first word, and those that do hold one or two of them
        heads = {" ".join(m.group().split()).casefold() for m in self._split_heads.finditer(text)} \
            if self._split_heads else set()
        split = [(pattern, cue) for head in sorted(heads) for pattern, cue in self._split[head]]
        for pattern, cue in split:
            for m in pattern.finditer(text):
                matches[cue.kind].append(Match(m.start(), m.end(), m.group(), (cue.group,)))
        for kind in {cue.kind for _, cue in split}:
            matches[kind].sort(key=lambda m: (m.start, -m.end))
        matches["victim_after"] = self._across_adverbs(text, matches["victim_after"])
        matches["victim_before"] = self._with_thefts(text, matches["victim_before"])
        matches["victim_list"] = self._victim_lists(text, matches["victim_before"])
        return matches

    def _with_thefts(self, text: str, before: list[Match]) -> list[Match]:
        """``before`` (the victim phrases matched as written), and each theft told with its loot ("stole $41 million in
        cryptocurrency from", "ont dérobé 30 millions de dollars à"): the span from the verb to the preposition, so
        that whom it was taken from follows the cue as the victim follows "attack on". Among the spans one verb
        opens, the longest: "robó 20 millones de dólares a la plataforma de", not "robó 20 millones de dólares a". A
        span that meets a phrase already matched leaves it be: "stole data from" is a phrase of its own."""
        spans: dict[int, re.Match[str]] = {}
        verbs = {verb.group().casefold() for verb in self._theft_verbs.finditer(text)}  # most sentences hold none
        for pattern in (pattern for verb in sorted(verbs) for pattern in self._thefts[verb]):
            for m in pattern.finditer(text):
                if m.start() not in spans or m.end() > spans[m.start()].end():
                    spans[m.start()] = m
        found = [Match(m.start(), m.end(), m.group(), ("victim_before",)) for m in spans.values()
                 if all(m.end() <= f.start or f.end <= m.start() for f in before)]
        return sorted(before + found, key=lambda m: (m.start, -m.end)) if found else before

    def _victim_lists(self, text: str, before: list[Match]) -> list[Match]:
        """ "the firms affected by the breach include X", "les entreprises touchées, dont X", "betroffen sind unter
        anderem X": the word that opens a list in the clause of a participle saying who was hit (the packs'
        ``list_openers`` and ``hit_participles``) stands before the first of them, as "attack on" does. One that a
        victim phrase holds already ("victims include") is that phrase's."""
        found = []
        for opener in self._list_openers.finditer(text):
            reach = text[max(0, opener.start() - _LIST_REACH):opener.start()]
            clause = re.split(r"[.;:!?](?!\d)", reach)[-1]
            if self._hit_participles.search(clause) and \
                    not any(m.start < opener.end() and opener.start() < m.end for m in before):
                found.append(Match(opener.start(), opener.end(), opener.group(), ("victim_list",)))
        return found

    def _across_adverbs(self, text: str, found: list[Match]) -> list[Match]:
        """``found`` (the victim phrases matched as written), and those an adverb stands inside ("has also been
        hit", "wurde offenbar gehackt", "a déjà été piratée"): the phrase matched in the text without its adverbs."""
        adverbs = [m for m in _WORD_IN_TEXT.finditer(text) if _is_inserted_adverb(m.group(1))]
        if not adverbs:
            return found
        kept, origin, at = [], [], 0
        for adverb in adverbs:  # each adverb goes with the space before it
            kept.append(text[at:adverb.start()])
            origin += range(at, adverb.start())
            at = adverb.end()
        kept.append(text[at:])
        origin += range(at, len(text))
        spread = []
        for m in self._spread.find("".join(kept)):
            start, end = origin[m.start], origin[m.end - 1] + 1
            if end - start > m.end - m.start and all(end <= f.start or f.end <= start for f in found):
                spread.append(Match(start, end, text[start:end], ("victim_after",)))
        return sorted(found + spread, key=lambda m: (m.start, -m.end)) if spread else found


def _split_pattern(phrase: str) -> re.Pattern[str]:
    """ "macht … verantwortlich": the verb, matched where its particle or complement follows later in the clause
    (German and Dutch split their verbs: "macht Russland für den Angriff verantwortlich", "wees de beschuldigingen
    af"). The match is the verb alone, so what the claim names right after it still reads as its object."""
    head, tail = (part.strip() for part in phrase.split(SPLIT, 1))
    reach = rf"(?:{_IN_CLAUSE}){{1,{_SPLIT_REACH}}}?"
    return re.compile(rf"\b{re.escape(head)}\b(?={reach}\b{re.escape(tail)}\b)", re.IGNORECASE)


def _theft_pattern(phrase: str, conjunctions: list[str]) -> re.Pattern[str]:
    """ "stole … from": the verb, the loot (a few words of one phrase: no comma, save inside a number, and none of
    its language's ``conjunctions``, which join a second verb: "robaron datos y cifraron después los servidores
    de") and the preposition, the farthest one within reach: the loot may hold the preposition
    ("Kryptowährung im Wert von 30 Millionen Dollar von der Handelsplattform X"), and so may a source the sentence
    inserts ("stalen volgens onderzoekers van Fox-IT cryptovaluta van het handelsplatform X")."""
    head, tail = (part.strip() for part in phrase.split(SPLIT, 1))
    joined = rf"\b(?:{alternation(conjunctions)})\b"
    loot = rf"(?:(?!{joined})(?:[^.;:!?,]|(?<=\d)[.,](?=\d))){{1,{_LOOT_REACH}}}"
    return re.compile(rf"\b{re.escape(head)}\b{loot}\b{re.escape(tail)}\b", re.IGNORECASE)


def _phrases_pattern(by_language: dict[str, list[str]]) -> re.Pattern[str]:
    """Every language's phrases of one lexicon as one pattern of whole words, any case."""
    phrases = [p for language in LANGUAGES for p in by_language.get(language, [])]
    return re.compile(rf"(?<!\w)(?:{alternation(phrases)})(?!\w)", re.IGNORECASE)


_WORD_IN_TEXT = re.compile(r"\s(\w+)(?=\s)")  # a word with a space on each side, and its space before


@functools.cache
def _inserted_adverbs() -> tuple[frozenset[str], tuple[str, ...]]:
    """Every pack's short adverbs of a verb group, and its adverb endings ("ly", "ment")."""
    return words("grammar", "inserted_adverbs"), tuple(words("grammar", "adverb_endings"))


def _is_inserted_adverb(word: str) -> bool:
    """A lower-case adverb: one of the packs' ``inserted_adverbs`` ("also", "auch"), or a longer word with one of
    their ``adverb_endings`` ("reportedly", "récemment")."""
    listed, endings = _inserted_adverbs()
    return word.islower() and (word in listed or any(word.endswith(e) and len(word) > len(e) + 2 for e in endings))


@functools.cache
def cues() -> Cues:
    return Cues()
