"""Government departments in six languages: "Ministry of the Interior", "Interior Ministry",
"ministero della difesa", "FOD Binnenlandse Zaken", "Innenministerium".

A department is a frequent victim and claimant, and each language names it differently;
recognising the portfolio (interior, defence, foreign affairs, ...) lets the Italian
"ministero degli interni" and the English "Interior Ministry" become the same victim.
Coordinations name several at once: "the ministries of defence and the interior".
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from cybertrack.lang import LANGUAGES, alternation, topic, words
from cybertrack.tables import table


@dataclass(frozen=True)
class Institution:
    start: int
    end: int
    text: str
    portfolios: tuple[str, ...]


@dataclass(frozen=True)
class Portfolio:
    key: str
    name: str
    sector: str


@functools.cache
def _data() -> dict:
    return topic("institutions")


@table
def portfolios() -> dict[str, Portfolio]:
    return {key: Portfolio(key, value["name"], value["sector"]) for key, value in _data()["portfolios"].items()}


@dataclass(frozen=True)
class _Patterns:
    head_first: re.Pattern
    portfolio_first: re.Pattern
    compound: re.Pattern
    portfolio_word: re.Pattern
    portfolio_of: dict[str, str]  # lower-cased word or compound -> portfolio key
    triggers: tuple[str, ...]  # lower-cased words one of which every match contains: most sentences have none


@table
def _patterns() -> _Patterns:
    data = _data()
    heads = words("institutions", "heads")
    portfolio_words = {w.lower(): key for key, value in data["portfolios"].items() for language in LANGUAGES
             for w in value[language]}
    compounds = {c.lower(): key for key, value in data["portfolios"].items() for c in value["compounds"]}
    portfolio = f"(?:{alternation(portfolio_words)})"
    department_words = words("institutions", "department_words")
    connector = f"(?:{alternation(words('institutions', 'connectors'))})"
    conjunction = f"(?:,|&|{alternation(words('institutions', 'conjunctions'))})"
    connectors = rf"(?:\s*{connector}(?:\s+|(?<=['’])))*"
    return _Patterns(
        # an adjective may follow the head in French, Italian, Spanish: "ministère luxembourgeois du Travail"
        head_first=re.compile(
            rf"\b(?:{alternation(heads)})\b(?:\s+(?!{conjunction}\b)[a-zà-ÿ]+(?=\s+{connector}\b))?{connectors}\s*{portfolio}"
            rf"(?:\s*{conjunction}\s*{connectors}\s*{portfolio})*\b",
            re.IGNORECASE),
        portfolio_first=re.compile(
            rf"\b{portfolio}(?:\s*{conjunction}\s*{portfolio})*\s+(?:{connector}\s*)?"
            rf"(?:{alternation(department_words)})\b",
            re.IGNORECASE),
        compound=re.compile(rf"\b(?:{alternation(compounds)})\b", re.IGNORECASE),
        portfolio_word=re.compile(rf"(?<!\w)(?:{alternation([*portfolio_words, *compounds])})(?!\w)", re.IGNORECASE),
        portfolio_of={**portfolio_words, **compounds},
        triggers=tuple({phrase.lower().split()[0] for phrase in heads | set(department_words) | set(compounds)}),
    )


def _portfolios_in(text: str, patterns: _Patterns) -> tuple[str, ...]:
    found = (" ".join(m.group().lower().split()) for m in patterns.portfolio_word.finditer(text))
    keys = (patterns.portfolio_of.get(word) for word in found)
    return tuple(dict.fromkeys(k for k in keys if k))


def portfolio_of(word: str) -> str | None:
    """The portfolio a word names on its own ("Defence", "difesa", "Innenministerium"), if any."""
    return _patterns().portfolio_of.get(" ".join(word.lower().split()))


@table
def _state_bodies() -> dict[str, str]:
    return {w.casefold(): key for key, value in _data()["state_bodies"].items() for language in LANGUAGES
            for w in value[language]}


def state_body(word: str) -> str | None:
    """The body of which a state has one that a common noun names in any language ("Parlament", "parlement",
    "government"), if it names one: its key, the same in every language."""
    return _state_bodies().get(" ".join(word.casefold().split()))


@table
def _national_services() -> dict[str, str]:
    return {w.casefold(): key for key, value in _data()["national_services"].items() for language in LANGUAGES
            for w in value[language]}


def national_service(noun: str) -> str | None:
    """The service of which a state runs one for all its people that a common noun names in any language
    ("Gesundheitsdienst", "servizio sanitario"), if it names one: its key, the same in every language."""
    return _national_services().get(" ".join(noun.casefold().split()))


def is_national_service(key: str) -> bool:
    """Whether ``key`` is a national service's key, as `national_service` gives it."""
    return key in _national_services().values()


@table
def _heads() -> frozenset[str]:
    return frozenset(w.casefold() for w in words("institutions", "heads"))


def heads_a_department(word: str) -> bool:
    """Whether the word is what heads a state's department in some language ("ministry", "ministère", "Ministerium")."""
    return word.casefold() in _heads()


def find_institutions(text: str) -> list[Institution]:
    patterns = _patterns()
    lowered = text.lower()
    if not any(trigger in lowered for trigger in patterns.triggers):
        return []
    found: list[Institution] = []
    for pattern in (patterns.head_first, patterns.portfolio_first, patterns.compound):
        for match in pattern.finditer(text):
            if any(match.start() < f.end and f.start < match.end() for f in found):
                continue
            keys = _portfolios_in(match.group(), patterns)
            if keys:
                found.append(Institution(match.start(), match.end(), match.group(), keys))
    return sorted(found, key=lambda i: i.start)
