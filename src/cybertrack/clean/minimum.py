"""The least text that can be an article: below it, the input is junk, not news.

A news brief, the shortest article there is, runs to a sentence or two: dozens of words. Ten letters or digits and
three words are far below that, so no real article is refused, while what is refused ("x", "hello", "test 123",
"........", a stray heading) is never one. Words are counted so that scripts written without spaces (Chinese,
Japanese, Thai, ...) are not refused for it: each of their characters counts as a word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import islice

MIN_ARTICLE_CHARS = 10  # letters or digits
MIN_ARTICLE_WORDS = 3

_UNSPACED = "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_WORD = re.compile(rf"[{_UNSPACED}]|[^\W_{_UNSPACED}]+")


def too_short(text: str) -> str | None:
    """Why ``text`` is too short to be an article, or None when it is long enough. Reading stops as soon as the least
    an article needs is found: a real article is not counted to its end, only junk is."""
    if _at_least(MIN_ARTICLE_CHARS, filter(str.isalnum, text)) and _at_least(MIN_ARTICLE_WORDS, _WORD.finditer(text)):
        return None
    chars = sum(c.isalnum() for c in text)
    words = len(_WORD.findall(text))
    return (f"too short to be an article: {chars} of the {MIN_ARTICLE_CHARS} letters or digits and {words} of the "
            f"{MIN_ARTICLE_WORDS} words an article needs at least")


def _at_least(count: int, items: Iterable[object]) -> bool:
    return sum(1 for _ in islice(items, count)) == count
