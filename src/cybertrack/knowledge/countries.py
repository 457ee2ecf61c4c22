"""Every way a country is written in en, fr, nl, de, it and es: names, adjectives and capital cities.

Where the data comes from:

* Country names come from maintained sources: the CLDR territory names shipped with babel (one name per
  language, e.g. "Belgique", "België", "Belgien") and pycountry's English names, common names and
  official names. Codes are limited to the ISO 3166-1 alpha-2 codes pycountry knows.
* English capital cities come from the MISP "country" galaxy shipped with pymispgalaxies, and count in every
  language (news in any language writes "Ottawa" or "Beijing"). Its JSON file is read directly: loading the
  galaxy through ``pymispgalaxies.Clusters`` parses every galaxy and costs about a second.
* English demonyms of the countries the table below gives no English adjective ("Mongolian", "Bangladeshi") come
  from the REST Countries data shipped with countryinfo, with their regular plural ("Mongolians", "Bangladeshis").
  A territory whose demonym is its sovereign's ("French" for Réunion, "Chinese" for Macau) gets none.
* ``data/country_forms.json`` holds what no maintained source offers: adjectives and demonyms with their
  inflections (chinois, chinoise, chinoises; chinesisch, chinesische, ...), capitals whose name differs
  from English (Pékin, Moskau, ...), seats of government used for the state ("Kremlin", "White House")
  and everyday short forms ("U.S.", "UK", "EE. UU.", "de VS").

Matching rules, carried by ``CountryForm.case_sensitive``:

* A form containing a capital letter matches only as written. Many names are also ordinary words when
  lower-case ("turkey", "china", "chad", "us", "guinea"), and German, Dutch and English write adjectives
  capitalised, so this costs little.
* A lower-case form (French, Italian, Spanish and German adjectives) matches in any case, so "Russes" and
  "Chinesische" at the start of a sentence are found; it must have at least four letters. The few that
  are also surnames or places when capitalised ("Russo", "Albanese", "Indiana") match only in lower case.
* A form written the same for two countries is dropped ("Congo", "Kingston"), and so are the forms in
  ``_EXCLUDED``, which are first names, other places or ordinary words more often than countries.
* For the same reason the table leaves out some real adjectives: Spanish "china" (English porcelain),
  Dutch "Frans" and "Albanese" (a first name, a surname), "Pools", "Fins", "Lets" (English words in
  title-case headlines), "Korean" in every language (North or South?) and "English", "anglais", "inglese",
  ... (mostly the language).
"""

from __future__ import annotations

import functools
import importlib.util
import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

import babel
import pycountry
from countryinfo import CountryInfo

from cybertrack.lang import LANGUAGES, pack
from cybertrack.tables import table

# Preference when one text is several kinds of form for one country ("Luxembourg", "Singapore").
_KINDS = ("name", "adjective", "capital")

# Two-letter forms kept. The Dutch "VS" is not one: it is also "versus" and "VS Code", so the table has "de VS".
_SHORT_FORMS = frozenset({"US", "UK"})

_EXCLUDED = frozenset(
    {
        # Names that are first names or ordinary words in a supported language.
        "Chad",  # first name (en)
        "Jordan",  # first name (en)
        "Congo",  # either Congo; babel names them "Congo - Kinshasa" and "Congo - Brazzaville"
        "Jersey",  # New Jersey, clothing (en)
        "Island",  # de name of Iceland, an English word ("Rhode Island", "Long Island")
        "Maurice",  # fr name of Mauritius, a first name
        "Salvador",  # fr name of El Salvador, a first name
        "Réunion",  # "réunion" (meeting) at the start of a French sentence
        # English capitals from the MISP galaxy that are more often people, other places or words.
        "Cayenne",
        "Diego Garcia",
        "Douglas",
        "George Town",
        "Georgetown",
        "Hamilton",
        "Jamestown",
        "Male",
        "Moroni",
        "Nassau",
        "Plymouth",
        "Saint-Denis",
        "Saint-Pierre",
        "San Jose",
        "San Juan",
        "Santiago",
        "Sofia",
        "Stanley",
        "The Valley",
        "Victoria",
        "West Island",
    }
)

# Lower-case adjectives that are surnames or places when capitalised (Russo, Albanese, Indiana, Chino).
_LOWER_CASE_ONLY = frozenset({"albanese", "americana", "chino", "georgiana", "greco", "indiana", "russo", "tedesco"})

_RawForm = tuple[str, str, str, str]  # text, code, kind, language
_PARENTHESIS = re.compile(r"\s*\([^)]*\)")  # "Myanmar (Burma)", "Cocos (Keeling) Islands"
_MISP_COUNTRY_GALAXY = Path("data", "misp-galaxy", "clusters", "country.json")


@dataclass(frozen=True)
class CountryForm:
    """One way of writing a country: the text, its ISO 3166-1 alpha-2 code and how to match it."""

    text: str
    code: str
    kind: str  # "name" | "adjective" | "capital" (capital city or seat of government, e.g. "Kremlin")
    language: str
    case_sensitive: bool


def country_name(code: str, language: str = "en") -> str:
    """The CLDR name of a country in a language, e.g. ``country_name("BE", "nl") == "België"``; KeyError if unknown."""
    return _territories(language)[code.upper()]


def capital_of(code: str) -> str | None:
    """The English name of a country's capital, from the MISP country galaxy."""
    return _misp_capitals().get(code.upper())


@table
def country_forms() -> tuple[CountryForm, ...]:
    """Every surface form of every country in the supported languages, ready for a phrase matcher."""
    raw = [*_names(), *_adjectives(), *_capitals()]
    raw = [(variant, code, kind, language) for text, code, kind, language in raw for variant in _variants(text)]
    codes_by_text: dict[str, set[str]] = defaultdict(set)
    best_kind: dict[tuple[str, str], str] = {}
    for text, code, kind, _ in raw:
        codes_by_text[text.lower()].add(code)
        previous = best_kind.get((text, code), kind)
        best_kind[(text, code)] = min(previous, kind, key=_KINDS.index)
    forms: dict[tuple[str, str, str], CountryForm] = {}
    for text, code, _, language in raw:
        if len(codes_by_text[text.lower()]) == 1 and _acceptable(text):
            kind = best_kind[(text, code)]
            forms.setdefault((text, code, language), CountryForm(text, code, kind, language, _case_sensitive(text)))
    return tuple(forms.values())


def _names() -> list[_RawForm]:
    forms = [(name, code, "name", lang) for lang in LANGUAGES for code, name in _territories(lang).items()]
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            name = getattr(country, attribute, None)
            if name and "," not in name:
                forms.append((name, country.alpha_2, "name", "en"))
    forms += _from_table("names", "name")
    return forms + _genitives(forms)


def _genitives(names: list[_RawForm]) -> list[_RawForm]:
    """A one-word name with the ending its language gives it in the genitive (the pack's ``name_genitive``:
    German "Frankreichs", "Russlands", as in "im Westen Frankreichs", "Russlands Militärgeheimdienst"), where the
    name does not end in a sibilant that takes none ("Laos", "Belarus")."""
    found = []
    for text, code, _, language in names:
        ending = pack(language, "grammar")["name_genitive"] if language in LANGUAGES else ""
        if ending and " " not in text and "-" not in text and not text.endswith(("s", "ß", "x", "z")):
            found.append((text + ending, code, "name", language))
    return found


def _adjectives() -> list[_RawForm]:
    return _from_table("adjectives", "adjective") + _english_demonyms()


def _english_demonyms() -> list[_RawForm]:
    """countryinfo's demonyms for the countries the table has no English adjective for. The table's own forms
    stay as they are (they leave out "Korean" on purpose); a demonym the table gives another country is a
    territory borrowing its sovereign's and is skipped, or the shared form would be dropped for both."""
    typed, codes = _table(), _known_codes()
    taken = {text for entry in typed.values() for text in entry.get("adjectives", {}).get("en", [])}
    forms = []
    for country in CountryInfo.all().values():
        code, demonym = country.get("ISO", {}).get("alpha2"), country.get("demonym") or ""
        if code not in codes or "en" in typed.get(code, {}).get("adjectives", {}) or not _one_people(demonym):
            continue
        if demonym not in taken and demonym != country.get("name"):
            forms += [(text, code, "adjective", "en") for text in (demonym, *_english_plural(demonym))]
    return forms


def _one_people(demonym: str) -> bool:
    """False for a missing demonym and for those of two peoples ("Antiguan,Barbudan", "Kittian and Nevisian")."""
    return bool(demonym) and not any(separator in demonym for separator in (",", "/", " and "))


def _english_plural(demonym: str) -> tuple[str, ...]:
    """The regular plural of a demonym used as a noun: "Mongolians", "Kuwaitis"; "Sudanese" has none."""
    return (demonym + "s",) if demonym.endswith(("an", "i")) else ()


def _capitals() -> list[_RawForm]:
    codes = _known_codes()
    english = [
        (city, code, "capital", lang) for code, city in _misp_capitals().items() if code in codes for lang in LANGUAGES
    ]
    return english + _from_table("capitals", "capital") + _from_table("metonyms", "capital")


def _from_table(section: str, kind: str) -> list[_RawForm]:
    return [
        (text, code, kind, lang)
        for code, entry in _table().items()
        for lang, texts in entry.get(section, {}).items()
        for text in texts
    ]


def _variants(text: str) -> list[str]:
    """The text without parentheses or a leading "the", in both apostrophes when it has one ("Côte d’Ivoire")."""
    text = " ".join(_PARENTHESIS.sub("", text).split())
    text = text.removeprefix("the ")
    if "’" in text or "'" in text:
        return [text.replace("'", "’"), text.replace("’", "'")]
    return [text]


def _acceptable(text: str) -> bool:
    if text in _EXCLUDED:
        return False
    if len(text) < 3:
        return text in _SHORT_FORMS
    return _has_capital(text) or sum(char.isalpha() for char in text) >= 4


def _case_sensitive(text: str) -> bool:
    return _has_capital(text) or text in _LOWER_CASE_ONLY


def _has_capital(text: str) -> bool:
    return any(char.isupper() for char in text)


@functools.cache
def _territories(language: str) -> dict[str, str]:
    codes = _known_codes()
    territories = babel.Locale.parse(language).territories
    return {code: unicodedata.normalize("NFC", name) for code, name in territories.items() if code in codes}


@functools.cache
def _known_codes() -> frozenset[str]:
    return frozenset(country.alpha_2 for country in pycountry.countries)


@functools.cache
def _table() -> dict[str, dict[str, dict[str, list[str]]]]:
    return json.loads(files("cybertrack.knowledge").joinpath("data", "country_forms.json").read_text("utf-8"))


@table
def _misp_capitals() -> dict[str, str]:
    spec = importlib.util.find_spec("pymispgalaxies")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("pymispgalaxies is needed for capital cities")
    path = Path(next(iter(spec.submodule_search_locations))) / _MISP_COUNTRY_GALAXY
    galaxy = json.loads(path.read_text("utf-8"))
    capitals = {}
    for value in galaxy["values"]:
        meta = value.get("meta", {})
        code, capital = meta.get("ISO", ""), meta.get("Capital", "").strip()
        if code and capital:
            capitals[code] = capital
    return capitals


@table
def place_names() -> frozenset[str]:
    """Lower-cased names of world regions (CLDR, via babel, in the six languages) and of the states, provinces and
    regions inside countries (ISO 3166-2, via pycountry): places, never organisations."""
    names: set[str] = set()
    for language in LANGUAGES:
        names |= {name.lower() for code, name in babel.Locale.parse(language).territories.items() if code.isdigit()}
    names |= {subdivision.name.lower() for subdivision in pycountry.subdivisions}
    return frozenset(names)
