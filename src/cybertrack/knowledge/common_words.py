"""Decide which names are too much like ordinary words to be matched.

Threat-actor and malware names include everyday words ("Equation", "Agent", "Will"). Two
defences, both general: word frequencies from `wordfreq` (a maintained corpus of many
languages) reject single-word names that are common in any supported language, and a
reviewed stop list (`data/stoplist.json`, one reason per entry) catches the rest.
"""

from __future__ import annotations

import functools
import json
import math
from importlib import resources

from wordfreq import cB_to_freq, freq_to_zipf, get_frequency_list, lossy_tokenize, zipf_frequency
from wordfreq.numbers import digit_freq, smash_numbers

from cybertrack.knowledge.cache import load_or_build
from cybertrack.lang import LANGUAGES as SUPPORTED_LANGUAGES
from cybertrack.tables import table

# Zipf 3.5 is roughly "once per 300,000 words": "equation" (4.0) and "agent" (4.8) are above it,
# names the news uses as names ("Lazarus" 3.3, "Hafnium" 1.9, "Turla" 1.1) are below.
COMMON_WORD_ZIPF = 3.5
# A sentence's first word is capitalised whatever it is, so there a word a little rarer already counts as common.
SENTENCE_START_ZIPF = COMMON_WORD_ZIPF - 0.5
GLOBAL_WORD_ZIPF = 4.0  # "Microsoft" 4.1 to 4.4, "Google" 4.8 to 5.0 in the six languages


@table
def stop_list() -> dict[str, str]:
    """Lower-cased name -> why it must never be matched."""
    entries = json.loads((resources.files("cybertrack.knowledge") / "data" / "stoplist.json").read_text("utf-8"))
    return {entry["name"].lower(): entry["reason"] for entry in entries}


# No decision reads a frequency below this (a sentence's first word is common from SENTENCE_START_ZIPF up), so
# only the tokens at or above it are kept: a fifth of wordfreq's lists, loaded in a tenth of the time.
FLOOR_ZIPF = 3.0
_FLOOR_CENTIBELS = round((9 - FLOOR_ZIPF) * 100)  # wordfreq ranks tokens by centibels below a frequency of 1


@functools.cache
def word_frequency(word: str) -> float:
    """How common ``word`` is in the supported language where it is commonest, on wordfreq's Zipf scale (3.0 is once
    per million words); below ``FLOOR_ZIPF`` it reads 0.0. The same figure as ``wordfreq.zipf_frequency`` above the
    floor (a test checks it), without its 1.3 s of loading every language's full list in every process."""
    return max(_zipf(word.lower(), language) for language in SUPPORTED_LANGUAGES)


@functools.cache
def common_in_every_language(word: str) -> bool:
    """A word every supported language uses often (Zipf ``GLOBAL_WORD_ZIPF`` or more in each): a global brand or an
    international word ("Microsoft", "Google", "Internet"), never a crew's name the catalogues do not know yet (a
    new crew's name is rare somewhere: "Lazarus" 2.5 in French, "Anonymous" 3.0 in French)."""
    return min(_zipf(word.lower(), language) for language in SUPPORTED_LANGUAGES) >= GLOBAL_WORD_ZIPF


@functools.cache
def english_rather_than(word: str, language: str) -> bool:
    """A common English word, commoner in English than in ``language``: "Cyber" (3.98 against German 3.65),
    "Security", "Labs" end many a firm's name in German news ("Ostfeld Cyber"), where a German noun before a name
    describes it instead ("Rüstungskonzern Rheinmetall")."""
    english = _zipf(word.lower(), "en")
    return english >= COMMON_WORD_ZIPF and english > _zipf(word.lower(), language)


def coined(word: str) -> bool:
    """No supported language has ``word`` in its word list at all: a made-up name ("rhysida"), never an everyday word
    however rare ("orca", "grep"). Reads wordfreq's full lists (over a second): for building the knowledge base,
    which is cached, not for reading articles."""
    return all(zipf_frequency(word, language) == 0 for language in SUPPORTED_LANGUAGES)


def _zipf(word: str, language: str) -> float:
    """wordfreq's own reckoning (tokens as it splits them, digits as its model of digit strings, 1/f = 1/f1 + 1/f2 +
    ... for several, three significant digits) over the common tokens alone: a token below the floor takes the whole
    word below it. It never loads wordfreq's full lists: in a worker, that took 1.3 s out of the articles' time."""
    tokens = lossy_tokenize(word, language)
    if not tokens:
        return 0.0
    table = _common_tokens()[language]
    one_over = 0.0
    for token in tokens:
        smashed = smash_numbers(token)  # digits count as 0s, then by wordfreq's model of digit strings
        centibels = table.get(smashed)
        if centibels is None:
            return 0.0
        frequency = cB_to_freq(-centibels)
        if smashed != token:
            frequency *= digit_freq(token)
        one_over += 1.0 / frequency
    frequency = 1.0 / one_over
    frequency = round(frequency, math.floor(-math.log10(frequency)) + 3)
    zipf = round(freq_to_zipf(frequency), 2)
    return zipf if zipf >= FLOOR_ZIPF else 0.0


@table
def _common_tokens() -> dict[str, dict[str, int]]:
    """Per supported language, its tokens at or above the floor and their rank in centibels, kept in the user's cache
    folder between runs (see `cache.py`)."""
    return load_or_build(_build_common_tokens, "common-words")


def _build_common_tokens() -> dict[str, dict[str, int]]:
    return {language: {token: centibels
                       for centibels, bucket in enumerate(get_frequency_list(language, "best")[:_FLOOR_CENTIBELS + 1])
                       for token in bucket}
            for language in SUPPORTED_LANGUAGES}


def rejection_reason(name: str) -> str | None:
    """Why a name may not be matched on its own, or None when it may."""
    reason = stop_list().get(name.lower())
    if reason:
        return reason
    if len(name) < 3:
        return "shorter than three characters"
    if " " not in name and not any(c.isdigit() for c in name) and word_frequency(name) >= COMMON_WORD_ZIPF:
        return f"common word (zipf {word_frequency(name):.1f})"
    return None
