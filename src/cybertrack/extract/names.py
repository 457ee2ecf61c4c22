"""Proper-name chunks: the organisations, people and places a sentence names.

No NER model exists offline for Dutch, German, Italian or Spanish, so names are found
the way a reader skims for them in every supported language: runs of capitalised words
("British Airways", "Centre for Cyber Security Belgium"), joined across the little words
that sit inside names ("of", "de", "della", "van", "für"), with a capitalised stop word
at the start of a run dropped ("The", "Dopo", "Meanwhile"). Acronyms in parentheses
after a name are kept with it ("Centre for Cyber Security Belgium (CCB)").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import stopwordsiso

_TOKEN = re.compile(r"[\w][\w'’&.\-]*[\w]|[\w]|\([A-Z]{2,10}\)|&")
_ELIDED = re.compile(r"^(?:[lLdD]|dell|all|dall|nell|sull)['’](?=\w)")  # "l'Hôpital", "dell'Ospedale"
# opening a name chunk, these introduce a source rather than name one: "Selon l'Agence ...", "Laut Polizei ..."
_INTRODUCERS = {"according", "selon", "d'après", "volgens", "laut", "secondo", "según"}
# little words that may sit inside a name when a capitalised word follows them
_CONNECTORS = {
    "of", "the", "for", "and", "&", "de", "du", "des", "la", "le", "l'", "d'", "di", "del", "della", "dei",
    "degli", "delle", "dell'", "van", "der", "den", "het", "voor", "von", "für", "und", "y", "e",
}
_MAX_TOKENS = 8
# "and" joins two names far more often than it sits inside one: "Netflix and Larson Studios" are two
_COORDINATORS = {"and", "&", "und", "e", "y", "et", "en"}


@dataclass(frozen=True)
class NameChunk:
    start: int
    end: int
    text: str
    sentence_start: bool  # the chunk begins the sentence, so its capital letter proves little


@functools.cache
def stop_words(language: str) -> frozenset[str]:
    words = set(stopwordsiso.stopwords("en"))
    if language in {"fr", "nl", "de", "it", "es"}:
        words |= stopwordsiso.stopwords(language)
    return frozenset(words)


def _is_capitalised(token: str) -> bool:
    token = _ELIDED.sub("", token)
    return token[0].isupper() or (token[0].isdigit() and any(c.isalpha() for c in token))


def _opens_sentence(sentence: str, position: int) -> bool:
    before = sentence[:position].rstrip(" \"“”‘’'«»(-–—")
    return before == "" or before.endswith((":", "\n"))


def name_chunks(sentence: str, language: str, offset: int = 0) -> list[NameChunk]:
    """Capitalised runs in ``sentence``; offsets are shifted by ``offset`` (the sentence's place in its text)."""
    stops = stop_words(language)
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(sentence)]
    chunks: list[NameChunk] = []
    i = 0
    while i < len(tokens):
        if not _is_capitalised(tokens[i][2]):
            i += 1
            continue
        j = i + 1
        while j < len(tokens) and j - i < _MAX_TOKENS:
            between = sentence[tokens[j - 1][1]:tokens[j][0]]
            if between.strip() not in {"", "-"}:
                break
            token = tokens[j][2]
            if _is_capitalised(token) or token.startswith("("):
                j += 1
            elif token.lower() in _CONNECTORS and token.lower() not in _COORDINATORS and j + 1 < len(tokens) \
                    and _is_capitalised(tokens[j + 1][2]) and sentence[tokens[j][1]:tokens[j + 1][0]].strip() == "":
                j += 2
            else:
                break
        run = tokens[i:j]
        opens_sentence = _opens_sentence(sentence, run[0][0])
        while run and (run[0][2].startswith("(") or run[0][2].lower() in _INTRODUCERS
                       or (opens_sentence and run[0][2].lower() in stops)):
            run = run[1:]
        if run and _ELIDED.match(run[0][2]):  # "l'Hôpital de Veldmark" is named "Hôpital de Veldmark"
            cut = _ELIDED.match(run[0][2]).end()
            run[0] = (run[0][0] + cut, run[0][1], run[0][2][cut:])
        while run and (run[-1][2].lower() in _CONNECTORS or (run[-1][2].lower() in stops and len(run) > 1)):
            run = run[:-1]
        if run and run[-1][2].endswith(("'s", "’s")):  # "Belgium’s foreign ministry": the name is "Belgium"
            run[-1] = (run[-1][0], run[-1][1] - 2, run[-1][2][:-2])
        if run:
            start, end = run[0][0], run[-1][1]
            opens = _opens_sentence(sentence, start)
            chunks.append(NameChunk(offset + start, offset + end, sentence[start:end], opens))
        i = max(j, i + 1)
    return chunks
