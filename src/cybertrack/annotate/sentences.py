"""Sentence boundaries with character offsets, for every supported language.

blingfire is fast and language-agnostic; it splits after German ordinals
("am 5. Januar"), so such splits are mended here.
"""

from __future__ import annotations

import re

import blingfire

_ORDINAL_END = re.compile(r"(?:^|\s)\d{1,2}\.$")
_MONTH_START = re.compile(
    r"(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|"
    r"januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\b")


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of ``text[start:end]``, relative to ``text``."""
    end = len(text) if end is None else end
    chunk = text[start:end]
    if not chunk.strip():
        return []
    _, offsets = blingfire.text_to_sentences_and_offsets(chunk)
    spans: list[tuple[int, int]] = []
    for a, b in offsets:
        if spans and _ORDINAL_END.search(chunk[spans[-1][0]:spans[-1][1]]) and _MONTH_START.match(chunk[a:b]):
            spans[-1] = (spans[-1][0], b)
        else:
            spans.append((a, b))
    return [(start + a, start + b) for a, b in spans]
