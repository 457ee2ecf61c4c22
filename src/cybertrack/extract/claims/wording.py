"""The wording every step of claim finding reads: function words, prepositions, name connectors, "according to",
and how far apart two places in a sentence are, in words."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from cybertrack.extract.agents import AGENTS, ARTICLE_WORDS
from cybertrack.extract.names import stop_words
from cybertrack.lang import LANGUAGES, alternation, pack, word_pattern, words
from cybertrack.tables import language_table

if TYPE_CHECKING:
    from cybertrack.extract.facts import SentenceFacts

ARTICLES = words("grammar", "articles")
CONNECTORS = words("grammar", "name_connectors")
PREPOSITIONS = words("grammar", "prepositions")
_ACCORDING = "|".join(map(re.escape, sorted(words("grammar", "according_to"))))
ACCORDING_BEFORE = re.compile(rf"\b(?:{_ACCORDING})\s*$", re.IGNORECASE)  # "... according to" right before a name
ACCORDING_CUE = re.compile(rf"\b(?:{_ACCORDING})\b", re.IGNORECASE)  # "according to", "selon", "laut" anywhere
ACCORDING_OPENING = re.compile(rf"^(?:{_ACCORDING})\s+", re.IGNORECASE)  # "Selon l'entreprise": not the name
MEMBERSHIP = frozenset(w.casefold() for w in words("claims", "membership"))  # "members", "Mitglieder", "leden"
STAFF = frozenset(w.casefold() for w in words("claims", "staff"))  # "researchers", "Forscher", "chercheurs"
COMPLEMENTIZER = word_pattern("grammar", "complementizers")  # "that", "dass", "dat", "que", "che": what was said begins
# the word that introduces a passive's agent (`agents`), with the article that may follow it
AGENT_OPENING = re.compile(rf"^\s*(?:{AGENTS})\s+(?:(?:{ARTICLE_WORDS})\s+|l')?", re.IGNORECASE)  # "by the ..."
AGENT_END = re.compile(rf"\b(?:{AGENTS})$", re.IGNORECASE)  # "carried out by"
AS_REPORTED = frozenset(word.casefold() for word in words("grammar", "as_reported"))  # "as", "wie", "zoals"
_AS_REPORTED = "|".join(map(re.escape, sorted(AS_REPORTED)))
# "wie das", "as the", "zoals het": the opening of a clause naming who reported, right before its speaker
AS_REPORTED_BEFORE = re.compile(rf"(?:^|[,(–—]\s*)(?:{_AS_REPORTED})\s+(?:(?:{ARTICLE_WORDS})\s+|l['’])?$",
                                re.IGNORECASE)
_SOURCE_OPENING_WORDS = 6  # "según ha confirmado este lunes el": the words of a clause opening on who reports


def named_as_the_source(facts: SentenceFacts, start: int, end: int) -> bool:
    """ "..., wie das Bundesamt für Cybersicherheit (BACS) mitteilte", "según ha confirmado el Centro Criptológico
    Nacional", "according to the NCSC", "..., meldt de MIVD": the name at ``start``..``end`` is one its clause opens
    on as the one who reports (the packs' ``according_to``, ``as_reported`` with a verb of speech after the name, or
    a verb of speech). It tells of the attack: the article-level models take it for the victim when the victim's own
    name is weak, and a security firm cited so is no sign that the sentence tells of its research rather than of an
    attack (`roles`)."""
    text = facts.text
    opening = max(text.rfind(mark, 0, start) for mark in ",;:(") + 1
    words_before = text[opening:start].split()
    if not words_before or len(words_before) > _SOURCE_OPENING_WORDS \
            or any(word[:1].isupper() for word in words_before[1:]):
        return False
    said_after = any(end <= m.start for m in facts.cues.get("speech", []))
    first_word = opening + len(text[opening:]) - len(text[opening:].lstrip())
    said_first = any(m.start == first_word and m.end <= start for m in facts.cues.get("speech", []))
    return bool(ACCORDING_CUE.match(" ".join(words_before))) or (words_before[0].casefold() in AS_REPORTED
                                                                 and said_after) or said_first


@language_table
def role_compound_heads(language: str) -> tuple[str, ...]:
    """The person nouns that may close a longer word in a language that writes its compounds as one ("Kremlsprecher",
    "defensieminister": the pack's ``role_compounds``), casefolded; none elsewhere."""
    if not pack(language, "grammar")["role_compounds"]:
        return ()
    return tuple(sorted({w.casefold() for w in pack(language, "roles")["person_nouns"] if " " not in w}))


@language_table
def verb_second(language: str) -> bool:
    """Whether the language puts its finite verb second, so that a sentence opening with a time or a place has its
    subject after the verb ("Am Dienstag hat die Polizei ...", "Dinsdag heeft de politie ..."): German, Dutch."""
    return bool(pack(language, "grammar")["verb_second"])


def _function_words() -> frozenset[str]:
    return frozenset().union(*(stop_words(language) for language in LANGUAGES))


FUNCTION_WORDS = _function_words()


def close(text: str, start: int, end: int, most: int) -> bool:
    """``start`` comes before ``end``, at most ``most`` words before, in one clause."""
    gap = text[start:end]
    return end >= start and len(gap.split()) <= most and not re.search(r"[.;:]", gap)


def content_words_between(text: str, start: int, end: int) -> float:
    """How many words other than function words stand between two places, in one clause (infinite otherwise):
    "accusó este jueves a Rusia" has one ("jueves")."""
    gap = text[start:end]
    if end < start or re.search(r"[.;:]", gap):
        return float("inf")
    return sum(1 for word in re.findall(r"\w+", gap) if word.casefold() not in FUNCTION_WORDS)


def has_content_words(text: str) -> bool:
    return any(word.casefold() not in FUNCTION_WORDS for word in re.findall(r"\w+", text))


@language_table
def referring_opening(language: str) -> re.Pattern[str]:
    """The word after a comma that opens a clause about someone named before it (the pack's
    ``referring_clause_openers``: "..., which denied it", "..., obwohl die Gruppe ... bestritten hat")."""
    openers = pack(language if language in LANGUAGES else "en", "grammar")["referring_clause_openers"]
    return re.compile(rf"\s*(?:{alternation(openers)})(?!\w)", re.IGNORECASE)
