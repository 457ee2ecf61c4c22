"""Decide which names are too much like ordinary words to be matched.

Threat-actor and malware names include everyday words ("Equation", "Agent", "Will"). Two
defences, both general: word frequencies from `wordfreq` (a maintained corpus of many
languages) reject single-word names that are common in any supported language, and a
reviewed stop list (`data/stoplist.json`, one reason per entry) catches the rest.
"""

from __future__ import annotations

import functools
import json
from importlib import resources

from wordfreq import zipf_frequency

from cybertrack.lang import LANGUAGES as SUPPORTED_LANGUAGES

# Zipf 3.5 is roughly "once per 300,000 words": "equation" (4.0) and "agent" (4.8) are above it,
# names the news uses as names ("Lazarus" 3.3, "Hafnium" 1.9, "Turla" 1.1) are below.
COMMON_WORD_ZIPF = 3.5


@functools.cache
def stop_list() -> dict[str, str]:
    """Lower-cased name -> why it must never be matched."""
    entries = json.loads((resources.files("cybertrack.knowledge") / "data" / "stoplist.json").read_text("utf-8"))
    return {entry["name"].lower(): entry["reason"] for entry in entries}


@functools.cache
def word_frequency(word: str) -> float:
    return max(zipf_frequency(word.lower(), language) for language in SUPPORTED_LANGUAGES)


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
