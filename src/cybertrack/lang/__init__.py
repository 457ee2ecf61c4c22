"""Language packs: everything cybertrack knows about a language, as data, one folder per language.

``lang/<code>/`` holds one TOML file per topic (``attack.toml``, ``claims.toml``, ``roles.toml``,
``institutions.toml``, ``furniture.toml``, ...): the words and patterns of that language only. What no language
owns (a portfolio's English name and sector, media names, agency names) is in ``lang/<topic>.toml``.

The code reads a topic the way it was always organised, section first and language last
(``topic("claims")["denial"]["fr"]``): ``topic`` puts the packs back together under the shared part. So a seventh
language is a new folder, not new code, and ``tests/test_language_packs.py`` checks that every pack has every part
the others have.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterable
from importlib import resources
from importlib.resources.abc import Traversable

#: The order cues of several languages are tried in; languages not listed follow in alphabetical order.
_PREFERRED_ORDER = ("en", "fr", "nl", "de", "it", "es")


def _packs_root() -> Traversable:
    return resources.files("cybertrack.lang")


def _discover() -> tuple[str, ...]:
    codes = {entry.name for entry in _packs_root().iterdir() if entry.is_dir() and not entry.name.startswith("_")
             and any(item.name.endswith(".toml") for item in entry.iterdir())}
    return tuple([c for c in _PREFERRED_ORDER if c in codes] + sorted(codes - set(_PREFERRED_ORDER)))


#: Every language with a pack (ISO 639-1 codes).
LANGUAGES: tuple[str, ...] = _discover()


@functools.cache
def pack(language: str, topic: str) -> dict:
    """One language's part of a topic, as written in ``lang/<language>/<topic>.toml``."""
    entry = _packs_root() / language / f"{topic}.toml"
    if not entry.is_file():
        raise LookupError(f"the {language!r} language pack has no {topic}.toml")
    return tomllib.loads(entry.read_text("utf-8"))


def topics(language: str) -> tuple[str, ...]:
    """The topic files a language's pack has."""
    return tuple(sorted(item.name.removesuffix(".toml") for item in (_packs_root() / language).iterdir()
                        if item.name.endswith(".toml")))


def _place(tree: dict, language: str, target: dict) -> None:
    """Copy a pack's tree into ``target``, each leaf (or word table) under the language's code."""
    for key, value in tree.items():
        if isinstance(value, dict) and not _is_word_table(value):
            _place(value, language, target.setdefault(key, {}))
        else:
            target.setdefault(key, {})[language] = value


@functools.cache
def topic(name: str) -> dict:
    """A topic across all languages, section first and language last (``topic("claims")["denial"]["fr"]``).

    The packs are laid over the topic's language-independent part, ``lang/<topic>.toml`` when there is one. The
    result is cached and shared: callers must not change it.
    """
    shared = _packs_root() / f"{name}.toml"
    merged = tomllib.loads(shared.read_text("utf-8")) if shared.is_file() else {}
    for language in LANGUAGES:
        _place(pack(language, name), language, merged)
    return merged


def _is_word_table(value: object) -> bool:
    """A table of words and their values (``[numbers] deux = 2``): one part, whose words differ by language."""
    return isinstance(value, dict) and all(not isinstance(v, (dict, list)) for v in value.values())


def _leaf_paths(tree: dict, prefix: tuple[str, ...] = ()) -> set[tuple[str, ...]]:
    paths: set[tuple[str, ...]] = set()
    for key, value in tree.items():
        nested = isinstance(value, dict) and not _is_word_table(value)
        paths |= _leaf_paths(value, (*prefix, key)) if nested else {(*prefix, key)}
    return paths


def missing_parts(languages: tuple[str, ...] = LANGUAGES) -> list[str]:
    """What some pack has and another lacks, as readable lines (empty when every pack is whole).

    A part is a topic file and, inside it, every list or value a section holds: if the French pack has
    ``claims.toml`` with ``[sectors] energy = [...]``, every pack needs ``sectors.energy`` too. An empty list is
    allowed: it says the language has no such words (German puts no department word after a portfolio).
    """
    problems: list[str] = []
    every_topic = sorted({t for language in languages for t in topics(language)})
    for name in every_topic:
        present = [language for language in languages if name in topics(language)]
        problems += [f"{language}: no {name}.toml" for language in languages if language not in present]
        paths = {language: _leaf_paths(pack(language, name)) for language in present}
        every_path = set().union(*paths.values())
        for language in present:
            problems += [f"{language}: {name}.toml has no {'.'.join(p)}" for p in sorted(every_path - paths[language])]
    return problems


@functools.cache
def capitalises_nouns(language: str) -> bool:
    """Whether the language writes every noun with a capital (German, the grammar pack's ``capitalised_nouns``): there
    a capital tells no name from a common noun, where elsewhere a capitalised "Agence" or "Grupo" opens a name."""
    return bool(pack(language if language in LANGUAGES else "en", "grammar")["capitalised_nouns"])


@functools.cache
def words(topic_name: str, section: str) -> frozenset[str]:
    """One list of every pack, as one set: ``words("grammar", "prepositions")`` are the prepositions of every
    language, for matchers that read all languages at once."""
    return frozenset(w for language in LANGUAGES for w in pack(language, topic_name)[section])


def with_contractions(language: str, phrases: Iterable[str]) -> list[str]:
    """The phrases, and each one that ends with a preposition also with the forms that fuse that preposition with an
    article (the pack's ``grammar.contractions``): Italian writes "sponsorizzato dallo Stato" and "con sede nella
    provincia", so "sponsorizzato da" and "con sede in" must match there too, and a pack lists the bare phrase once
    instead of every fused form beside it."""
    fused: dict[str, list[str]] = {}
    for form, preposition in pack(language, "grammar")["contractions"].items():
        fused.setdefault(preposition, []).append(form)
    found = list(phrases)
    for phrase in list(found):
        head, _, last = phrase.rpartition(" ")
        found += [f"{head} {form}" for form in fused.get(last, []) if head]
    return list(dict.fromkeys(found))


@functools.cache
def word_pattern(topic_name: str, section: str) -> re.Pattern[str]:
    """Every pack's phrases of one section as whole words, in any case: ``word_pattern("grammar", "complementizers")``
    finds "that", "dass", "que" and "dat" wherever they stand."""
    return re.compile(rf"(?<!\w)(?:{alternation(words(topic_name, section))})(?!\w)", re.IGNORECASE)


def compound_pattern(endings: Iterable[str], shortest_head: int) -> re.Pattern[str]:
    """A word that ends in one of ``endings`` (its group ``ending``) after at least ``shortest_head`` letters (its group
    ``head``), as German and Dutch write one noun into another ("Aluminiumhersteller", "cybersecuritycentrum")."""
    return re.compile(rf"\b(?P<head>\w{{{shortest_head},}}?)(?P<ending>{alternation(endings)})\b", re.IGNORECASE)


def alternation(phrases: Iterable[str]) -> str:
    """Phrases as one regular-expression alternation, the longest first (so "based in" wins over "in") and any run of
    spaces where a phrase has one."""
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(set(phrases), key=len, reverse=True))
