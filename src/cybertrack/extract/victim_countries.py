"""The country of a victim, from what the sentence says around its name, whoever found the victim.

Read in order, the first that speaks wins:

1. a country or a place inside the name ("Belgian Ministry", "Stadtverwaltung Potsdam", "Ayuntamiento de Sevilla");
2. a country or place tied to the name by a word of the packs' ``places.toml`` ("hospitals in Lyon", "X, based in
   Toronto", "l'hôpital de Lyon"), or opening a bracket after it ("la commune de X (Maine-et-Loire)"); an
   enumeration after it gives one country per item ("targets in Austria, Estonia and Portugal");
3. a nationality or country just before the name, with at most a few common nouns between ("German arms company
   Rheinmetall", "a Canadian firm, X", "Brazil's energy sector");
4. a nationality in an apposition right after it ("X, a Canadian company, ..."), or a place the apposition seats it
   in ("X, a logistics firm headquartered in Norway").

Countries the sentence puts on the attacker's side ("Chinese hackers") never count. Places come from the gazetteer of
``knowledge.places`` (GeoNames cities, ISO 3166-2 regions), and from adjectives made from their names ("die
niedersächsische Gemeinde X": `place_adjectives`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from cybertrack.extract.coordination import opens_a_coordinated_clause
from cybertrack.extract.facts import SentenceFacts
from cybertrack.extract.place_adjectives import place_adjectives
from cybertrack.extract.victims import APPOSITION_OPENING
from cybertrack.knowledge.base import knowledge_base
from cybertrack.knowledge.places import places_in
from cybertrack.lang import LANGUAGES, alternation, pack, with_contractions, words
from cybertrack.tables import table

T = TypeVar("T")
MAX_WORDS_BEFORE = 3
MAX_APPOSITION_WORDS = 3
MAX_SEATED_APPOSITION_WORDS = 5  # "X, a logistics firm headquartered in Y": the words before the seat link
# Cues that say something happened (a verb of speech, attack, attribution): one between a nationality and a name
# parts them ("the French government said X", "Russia attacked X"); nouns ("company", "hospital") do not.
_CLAUSE_CUES = frozenset({"speech", "attribution", "denial", "attack", "victim_before", "victim_after", "hedge",
                          "hypothetical", "attacker_before", "attacker_after"})
_PUNCTUATION = re.compile(r"[.;:!?,()\[\]\"“”«»]")


@dataclass(frozen=True)
class _Located:
    start: int
    end: int
    code: str


@table
def _links() -> dict[str, re.Pattern[str]]:
    of, joined = (alternation(words("places", section)) for section in ("of", "and"))
    seat = alternation(phrase for language in LANGUAGES
                       for phrase in with_contractions(language, pack(language, "places")["seat"]))
    article = rf"(?:(?:{alternation(words('grammar', 'articles'))})\s+|[lL]['’])"  # "the Philippines", "l'Allemagne"
    return {
        # "in", ", based in", " de ", "'s" never; the gap between a victim and its place; or a bracket that opens on
        # its place ("La commune de X (Maine-et-Loire)", "el ayuntamiento de X (Toledo)")
        "after": re.compile(rf"^\s*(?:,\s*(?:{seat})|(?:{seat})|(?:{of})|\()\s*{article}?$", re.IGNORECASE),
        # "X, a logistics firm headquartered in ", "X, un opérateur basé à ": an apposition that seats the name
        "apposed": re.compile(rf"^\s*,\s*(?:[^\s.;:!?,()\[\]\"“”«»]+\s+){{1,{MAX_SEATED_APPOSITION_WORDS}}}"
                              rf"(?:{seat})\s*{article}?$", re.IGNORECASE),
        # "X, en Lombardie", "X in Bayern": the gap between a victim and a place that says where it is
        "located": re.compile(rf"^\s*(?:,?\s*(?:{seat}|{of})|\()\s*{article}?$", re.IGNORECASE),
        # the gap between two items of an enumeration: ", ", " and ", ", and ", ", en ", " et au ", ", de la "
        "and": re.compile(rf"^\s*(?:,\s*(?:(?:{joined})\s+)?|(?:{joined})\s+)(?:(?:{of})\s*)?{article}?$",
                          re.IGNORECASE),
    }


def victim_countries(facts: SentenceFacts, start: int, end: int, places: dict[str, str]) -> list[str]:
    """ISO codes of the victim named at ``facts.text[start:end]``: none, one, or one per item of an enumeration of
    places after it. ``places`` is the knowledge base's gazetteer (place name -> country)."""
    return _read(facts, start, end, _located(facts, places))


def where_others_are(facts: SentenceFacts, names: list[tuple[int, int]],
                     places: dict[str, str]) -> set[tuple[int, int]]:
    """Of the sentence's names (``names``, as spans), those that are only a place (a country or a gazetteer place)
    standing right after another of them, tied to it by a preposition of place: "la municipalité de Crémone, en
    Lombardie" names where the town hall is, not a second victim. The sentence's places are found once."""
    if len(names) < 2:
        return set()
    located = {(m.start, m.end) for m in _located(facts, places)}
    link = _links()["located"]
    return {(start, end) for start, end in names if (start, end) in located and any(
        other_end <= start and link.match(facts.text[other_end:start]) for _, other_end in names)}


class ArticleCountries:
    """The countries around the victims of one article. Each sentence's countries and places are found once, and
    each name is looked for in the other sentences once: a crafted page naming thousands of victims stays linear."""

    def __init__(self, facts: list[SentenceFacts], places: dict[str, str]) -> None:
        self.facts, self.places = facts, places
        self._located: dict[int, list[_Located]] = {}
        self._elsewhere: dict[str, list[str]] = {}
        self._memo: dict[str, object] = {}

    def of(self, index: int, start: int, end: int) -> list[str]:
        """``victim_countries`` of the victim at ``start:end`` in sentence ``index``."""
        return _read(self.facts[index], start, end, self._located_in(index))

    def named_elsewhere(self, surface: str) -> list[str]:
        """ "German arms company Rheinmetall" in the headline, "Rheinmetall was hit" below: the country the article
        gives the same name where it first gives one (the first mention in each sentence is read)."""
        if surface not in self._elsewhere:
            found: list[str] = []
            for sentence in self.facts:
                at = sentence.text.find(surface)
                if at >= 0 and (found := self.of(sentence.index, at, at + len(surface))):
                    break
            self._elsewhere[surface] = found
        return self._elsewhere[surface]

    def memo(self, key: str, compute: Callable[[], T]) -> T:
        """An article-wide value (the country the article is about), computed once."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]  # type: ignore[return-value]

    def _located_in(self, index: int) -> list[_Located]:
        if index not in self._located:
            self._located[index] = _located(self.facts[index], self.places)
        return self._located[index]


def _read(facts: SentenceFacts, start: int, end: int, located: list[_Located]) -> list[str]:
    inside = [m for m in located if start <= m.start and m.end <= end]
    if inside:  # a name that ends in its country may go on listing others: "the ministries of Germany and Poland"
        following = _enumeration(facts.text, inside[-1], located)[1:] if inside[-1].end == end else []
        return list(dict.fromkeys([inside[0].code, *following]))
    after = _after(facts.text, end, located)
    if after:
        return after
    before = _before(facts, start, located)
    if before:
        return [before]
    apposition = _apposition(facts, end, located)
    return [apposition] if apposition else []


def _located(facts: SentenceFacts, places: dict[str, str]) -> list[_Located]:
    """Countries not on the attacker's side, and places that are not inside a country's name, in order."""
    countries = [_Located(c.start, c.end, c.code) for c in facts.countries if not c.attacker_side]
    attackers = [(c.start, c.end) for c in facts.countries if c.attacker_side]
    taken = [(c.start, c.end) for c in facts.countries]
    stems = knowledge_base().place_stems  # the gazetteer's names, for "die niedersächsische Gemeinde X"
    mentions = places_in(facts.text, places) + place_adjectives(facts.text, facts.language, stems)
    found = [_Located(p.start, p.end, p.code) for p in mentions if not any(a < p.end and p.start < b for a, b in taken)]
    found = [m for m in countries + found if not any(a <= m.start < b for a, b in attackers)]
    return sorted(found, key=lambda m: m.start)


def _after(text: str, end: int, located: list[_Located]) -> list[str]:
    """ "hospitals in Lyon", "X, based in Toronto", and every item of "in Austria, Estonia and Portugal"."""
    first = next((m for m in located if m.start >= end), None)
    if first is None or not _links()["after"].match(text[end:first.start]):
        return []
    return list(dict.fromkeys(_enumeration(text, first, located)))


def _enumeration(text: str, first: _Located, located: list[_Located]) -> list[str]:
    """The countries of an enumeration of places that begins with ``first``: "Austria, Estonia and Portugal"."""
    codes, previous = [first.code], first
    for following in (m for m in located if m.start >= first.end):
        if not _links()["and"].match(text[previous.end:following.start]):
            break
        codes.append(following.code)
        previous = following
    return codes


def _before(facts: SentenceFacts, start: int, located: list[_Located]) -> str | None:
    """ "German arms company Rheinmetall", "a Canadian firm", "Brazil's energy sector": the nearest country before
    the name, with at most ``MAX_WORDS_BEFORE`` words, no punctuation and no verb cue between ("the French government
    said X" is no French X)."""
    nearest = next((m for m in reversed(located) if m.end <= start), None)
    if nearest is None:
        return None
    gap = re.sub(r"^['’]s\b", " ", _without_apposition_comma(facts, nearest.end, start))
    if _PUNCTUATION.search(gap) or len(gap.split()) > MAX_WORDS_BEFORE:
        return None
    if any(nearest.end <= m.start and m.end <= start for kind, found in facts.cues.items()
           if kind in _CLAUSE_CUES for m in found):
        return None
    return nearest.code


def _without_apposition_comma(facts: SentenceFacts, start: int, end: int) -> str:
    """The words between a nationality and a name (``start``..``end``), without the comma that opens the name as an
    apposition of the noun they describe ("a Dutch energy company, Oostmere Energie", "einen niederländischen
    Energieversorger, die Oostmere Energie"): a comma after at least one word and no name, with at most an article
    after it. After a name, the comma lists ("Norvale, Brindle and Kettleby")."""
    gap = facts.text[start:end]
    comma = gap.rfind(",")
    if comma > 0 and gap[:comma].strip() and APPOSITION_OPENING.fullmatch(gap, comma) \
            and not any(start <= name.start < start + comma for name in facts.names):
        return gap[:comma]
    return gap


def _apposition(facts: SentenceFacts, end: int, located: list[_Located]) -> str | None:
    """ "X, a Canadian company, ...", "X, une entreprise canadienne": a nationality in the few words after a comma;
    "X, a logistics firm headquartered in Norway": a place the apposition seats it in. A conjunction after the comma
    opens a new clause instead ("the Ministry of Defence, but Moscow denied it")."""
    text = facts.text
    first = next((m for m in located if m.start >= end), None)
    if first is None or opens_a_coordinated_clause(facts.language, text, end):
        return None
    gap = text[end:first.start]
    if _links()["apposed"].match(gap):
        return first.code
    if not gap.lstrip().startswith(",") or _PUNCTUATION.search(gap.lstrip()[1:]):
        return None
    return first.code if len(gap.split()) - 1 <= MAX_APPOSITION_WORDS else None
