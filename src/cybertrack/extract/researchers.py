"""The organisations an article introduces as the employers of the researchers who study its attack.

A security vendor is named in an attack report as often as the victim, and near the same attack words ("Lutrex
researchers warn that the ransomware ..."): the subject of an attack sentence reads as what was hit, and the
article-level models, which take the names an article keeps coming back to when no cue casts one, take it for the
victim too. How the article introduces it says otherwise: somewhere it is the employer of researchers or analysts,
written right before them ("Lutrex security researchers", "Lutrex's analysts") or after them and a preposition
("researchers at Lutrex", "Forscher von Lutrex", "ricercatori di Lutrex"). The researcher nouns are each language
pack's ``claims.staff``.
"""

from __future__ import annotations

import re

from cybertrack.extract.facts import SentenceFacts
from cybertrack.extract.names import NameChunk, stop_words
from cybertrack.extract.victims import name_key, without_descriptor
from cybertrack.lang import alternation, pack, words
from cybertrack.tables import language_table, table

_DESCRIBING_WORDS = 2  # "Lutrex threat intelligence researchers": the describing words between a name and them
_LINKING_WORDS = 2  # "researchers at the Lutrex", "chercheurs de la Lutrex": a preposition and an article
_REACH = 60  # characters before a name where its researchers may stand


@table
def _staff() -> str:
    """The packs' researcher nouns, with an inflection's ending or two ("Forschern", "analisti")."""
    return rf"(?:{alternation(words('claims', 'staff'))})\w{{0,2}}"


@table
def _staff_after() -> re.Pattern[str]:
    """Researchers after a name and its possessive, the words between in the group ``between``."""
    return re.compile(rf"(?:['’]s?)?(?P<between>(?:\s+[\w-]+){{0,{_DESCRIBING_WORDS}}}?)\s+(?:{_staff()})\b",
                      re.IGNORECASE)


@table
def _staff_before() -> re.Pattern[str]:
    """Researchers ending right before a name, the words between in the group ``between``."""
    return re.compile(rf"\b(?:{_staff()})(?P<between>(?:\s+[\w'’]+){{1,{_LINKING_WORDS}}})\s+$", re.IGNORECASE)


@table
def _staff_opening() -> re.Pattern[str]:
    """Researchers opening a name, and the words that link them to what follows, in the group ``between``."""
    return re.compile(rf"(?:{_staff()})(?P<between>(?:\s+[\w'’]+){{1,{_LINKING_WORDS}}}?)\s+", re.IGNORECASE)


@language_table
def _linking(language: str) -> frozenset[str]:
    """What links researchers to their employer: a preposition ("at", "bei"), a connector ("of", "von", "di") and
    an article."""
    grammar = pack(language, "grammar")
    return frozenset(w.casefold() for section in ("prepositions", "name_connectors", "articles")
                     for w in grammar[section])


def _describes_them(sentence: SentenceFacts, start: int, between: str) -> bool:
    """The words between a name and its researchers describe the researchers ("security", "threat intelligence"):
    lower-case words of content, not a verb of speech ("Lutrex said researchers ...") nor a function word."""
    own = stop_words(sentence.language)
    end = start + len(between)
    return all(word.islower() and word.casefold() not in own for word in between.split()) \
        and not any(start <= m.start < end for m in sentence.cues.get("speech", []))


def _links(sentence: SentenceFacts, between: str) -> bool:
    return all(word.casefold() in _linking(sentence.language) for word in between.split())


def _employer(sentence: SentenceFacts, chunk: NameChunk) -> str | None:
    """The name of the chunk if it employs researchers: written before them, or after them. German and Dutch
    capitalise the researchers, so they may open the chunk itself ("Forscher von Lutrex Security")."""
    text = sentence.text
    name = without_descriptor(chunk) if chunk.descriptor else chunk.text
    inside = _staff_opening().match(name)
    if inside and _links(sentence, inside.group("between")):
        return name[inside.end():]
    after = _staff_after().match(text, chunk.end)
    if after and _describes_them(sentence, after.start("between"), after.group("between")):
        return name
    before = _staff_before().search(text[max(0, chunk.start - _REACH):chunk.start])
    return name if before and _links(sentence, before.group("between")) else None


def employers_of_researchers(sentences: list[SentenceFacts]) -> set[str]:
    """The victim keys ("org:lutrex") of the names any sentence of the article writes beside its researchers."""
    return {f"org:{name_key(name)}" for sentence in sentences for chunk in sentence.names
            if (name := _employer(sentence, chunk))}
