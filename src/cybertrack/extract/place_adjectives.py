"""Adjectives made from a place's name, read as the place: "die niedersächsische Gemeinde Kornhausen", "de Drentse
gemeente Wolderveen", "il comune piemontese di Roccaverde", "la mairie lyonnaise de Varenne".

Local news seats a small town by its region this way, and the town itself is often too small for the gazetteer, so
the adjective is all that says which country the victim is in. Each pack lists how its adjectives end
(``places.place_adjective_endings``); what is left, folded, must begin the name of one gazetteer place
(`PlaceStems`), in a country where the language is spoken (CLDR): "technischen" names no place, and a Dutch "-se"
adjective never names a place in Mexico.
"""

from __future__ import annotations

import functools
import re

from babel.languages import get_official_languages

from cybertrack.knowledge.places import PlaceMention, PlaceStems, fold_accents
from cybertrack.lang import pack
from cybertrack.tables import language_table

SHORTEST_STEM = 4  # letters: "hess" in "hessische", "bern" in "bernische"
_WORD = re.compile(r"[^\W\d_][\w-]*")


@language_table
def _endings(language: str) -> tuple[str, ...]:
    return tuple(sorted(pack(language, "places")["place_adjective_endings"], key=len, reverse=True))


@functools.cache
def _spoken_in(code: str) -> frozenset[str]:
    """The official or de facto languages of a country (CLDR): "BE" -> {"nl", "fr", "de"}."""
    return frozenset(get_official_languages(code, de_facto=True))


def place_adjectives(text: str, language: str, stems: PlaceStems) -> list[PlaceMention]:
    """The words of ``text`` that are an adjective made from one place's name, each with that place's country."""
    endings = _endings(language)
    if not endings:
        return []
    found = []
    for word in _WORD.finditer(text):
        lowered = word.group().lower()  # the ending as written ("barcelonés"), the stem without its accents
        ending = next((e for e in endings if lowered.endswith(e) and len(lowered) - len(e) >= SHORTEST_STEM), None)
        if ending is None:
            continue
        codes = {code for code in stems.countries(fold_accents(lowered[:-len(ending)])) if language in _spoken_in(code)}
        if len(codes) == 1:
            found.append(PlaceMention(word.start(), word.end(), word.group(), codes.pop()))
    return found
