"""The extractor's word lists, kept as data in the language packs (``cybertrack/lang/<code>/``).

``attack.toml`` holds what signals an attack and its type, and what makes a sentence hypothetical;
``claims.toml`` holds the words of claims (attribution, responsibility, denial, dispute, speculation, hedges that
make a claim likely or possible, reporting verbs), the sector nouns of victims, and the plain-language phrases of
ATT&CK techniques. Adding a language means adding its pack, not code.
"""

from __future__ import annotations

from cybertrack.lang import LANGUAGES, topic
from cybertrack.tables import table

__all__ = ["LANGUAGES", "lexicons"]


@table
def lexicons() -> dict[str, dict]:
    """Every section of the attack and claim lexicons: ``lexicons()["denial"]["fr"]`` is a list of phrases."""
    return {**topic("attack"), **topic("claims")}
