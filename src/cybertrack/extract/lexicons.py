"""The extractor's word lists, kept as data: one reviewable place per language.

`data/attack_lexicon.json` holds what signals an attack and its type, and what makes a
sentence hypothetical; `data/claim_lexicon.json` holds attribution, denial, hedging and
reporting words, the sector nouns of victims, and the plain-language phrases of ATT&CK
techniques. Adding a language means adding its lists, not code.
"""

from __future__ import annotations

import functools
import json
from importlib import resources

LANGUAGES = ("en", "fr", "nl", "de", "it", "es")
FILES = ("attack_lexicon.json", "claim_lexicon.json")


@functools.cache
def lexicons() -> dict[str, dict]:
    """Every section of every lexicon file: ``lexicons()["denial"]["fr"]`` is a list of phrases."""
    merged: dict[str, dict] = {}
    for name in FILES:
        merged.update(json.loads((resources.files("cybertrack.extract") / "data" / name).read_text("utf-8")))
    return merged
