"""The furniture cues of the language packs (``cybertrack/lang/<code>/furniture.toml``), compiled once.

Cues are kept as data, per kind and language, so that a new language or a new kind of page furniture is an edit
of the table, and a test can check that every kind speaks every language. A sentence is matched against all
languages at once: cleaning runs before the language is known, and a cue of one language almost never occurs in
another by chance.
"""

from __future__ import annotations

import re
import unicodedata

from cybertrack import tables
from cybertrack.lang import LANGUAGES, topic

__all__ = ["LANGUAGES", "fold", "table"]


def fold(text: str) -> str:
    """Lower case, no accents, straight quotes, single spaces: the form cues are written in."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.lower()
    text = text.replace("’", "'").replace("‘", "'")
    text = re.sub(r"[\s\u00a0]+", " ", text).strip()
    return text.strip(" \"'“”«»-–—•·|>")


@tables.table
def table() -> dict:
    return topic("furniture")


def _alternatives(by_language: dict[str, list[str]]) -> str:
    return "|".join(p for language in LANGUAGES for p in by_language.get(language, []))


def kinds(strength: str, template: str) -> list[tuple[str, re.Pattern[str]]]:
    """One pattern per kind of a strength ("exact", "lead", "anywhere"), its cues of every language filled into
    ``template``."""
    return [(kind, re.compile(template.format(_alternatives(by_language))))
            for kind, by_language in table()[strength].items()]


def kinds_apart(strength: str, template: str) -> list[tuple[str, list[re.Pattern[str]]]]:
    """Like ``kinds``, one pattern per cue: an unanchored search is much faster on several patterns that each
    open with a literal than on one alternation of them all."""
    return [(kind, [re.compile(template.format(p)) for language in LANGUAGES for p in by_language.get(language, [])])
            for kind, by_language in table()[strength].items()]


def cue(name: str, template: str) -> re.Pattern[str]:
    """The cues of every language of one structured table ("byline", "photo", ...) filled into ``template``."""
    return re.compile(template.format(_alternatives(table()[name])))


def exact(kind: str) -> str:
    """The cues of every language of one kind of whole-line furniture ("related"), as one alternation."""
    return _alternatives(table()["exact"][kind])


def names(name: str) -> str:
    """A language-independent name list ("agencies", "photo_libraries", "exchanges") as one alternation."""
    return "|".join(table()["names"][name])
