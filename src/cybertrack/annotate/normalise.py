r"""The text as names are matched in it: no invisible characters, plain spaces, Latin look-alikes made Latin.

Pages carry characters a reader never sees, from a CMS or from someone hiding a name from
filters: zero-width spaces and joiners, word joiners, byte-order marks and soft hyphens inside
a word ("AP\u200bT28"), non-breaking and other Unicode spaces between words ("Fancy\u00a0Bear"),
and Cyrillic or Greek letters that look Latin ("\u0410PT28", its first letter Cyrillic). Each
hides the name from every matcher. ``normalise`` gives a view of the text without them, and a
map from the view's offsets back to the text; evidence keeps the text as it was written.

A look-alike letter is made Latin only inside a word that mixes it with Latin letters: a
Russian or Greek word is left as it is.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"  # soft hyphen, zero-width space/non-joiner/joiner, word joiner, BOM
_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_LOOK_ALIKES = {  # Cyrillic, then Greek letters -> the Latin letter they are drawn like
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T", "У": "Y",
    "Х": "X", "Ѕ": "S", "І": "I", "Ј": "J", "Ԛ": "Q", "Ԝ": "W", "а": "a", "е": "e", "о": "o", "р": "p", "с": "c",
    "у": "y", "х": "x", "ѕ": "s", "і": "i", "ј": "j", "һ": "h", "ԛ": "q", "ԝ": "w", "ӏ": "l",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O", "Ρ": "P",
    "Τ": "T", "Υ": "Y", "Χ": "X", "ο": "o", "ρ": "p", "ν": "v", "ι": "i", "κ": "k", "α": "a", "υ": "u", "χ": "x",
}
_PLAIN_SPACES = str.maketrans(dict.fromkeys(_SPACES, " "))
_LATIN = str.maketrans(_LOOK_ALIKES)
_ODD = re.compile(f"[{_INVISIBLE}{_SPACES}{''.join(_LOOK_ALIKES)}]")
_INVISIBLE_CHARACTER = re.compile(f"[{_INVISIBLE}]")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class NormalisedText:
    """``text`` as matched, ``raw`` as written; ``kept[i]`` is where the view's i-th character is in ``raw``
    (None when nothing was removed, and the offsets are the same)."""

    text: str
    raw: str
    kept: tuple[int, ...] | None = None

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Where ``text[start:end]`` is in ``raw``: from its first character to its last, and any invisible
        characters between them."""
        if self.kept is None:
            return start, end
        raw_start = self.kept[start] if start < len(self.kept) else len(self.raw)
        return raw_start, self.kept[end - 1] + 1 if end > start else raw_start


def normalise(raw: str) -> NormalisedText:
    if not _ODD.search(raw):
        return NormalisedText(raw, raw)  # nearly every text: nothing to do
    kept = None
    text = raw
    if _INVISIBLE_CHARACTER.search(raw):
        kept = tuple(i for i, c in enumerate(raw) if c not in _INVISIBLE)
        text = "".join(raw[i] for i in kept)
    return NormalisedText(_WORD.sub(_latin_if_mixed, text.translate(_PLAIN_SPACES)), raw, kept)


def _latin_if_mixed(word: re.Match[str]) -> str:
    text = word.group()
    if text.isascii() or not any(_is_latin(c) for c in text):
        return text
    return text.translate(_LATIN)


def _is_latin(char: str) -> bool:
    return (char.isascii() and char.isalpha()) or unicodedata.name(char, "").startswith("LATIN")
