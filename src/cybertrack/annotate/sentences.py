"""Sentence boundaries with character offsets, for every supported language.

blingfire is fast and language-agnostic; it splits after German ordinals
("am 5. Januar"), so such splits are mended here. Its Python wrapper maps byte
offsets to character offsets one byte at a time, which cost more than the
splitting itself, so we call the library directly and map them with numpy.
"""

from __future__ import annotations

import ctypes
import re

import blingfire
import numpy as np

from cybertrack.lang import words
from cybertrack.tables import table

# A wire or local paper's dateline before its first sentence: "GREENFIELD —", "HONG KONG (Reuters) -",
# "CHESAPEAKE, Va. -", "(TNS) -- SPRING HILL, Tenn. —", "COPENHAGUE, Dinamarca (AP) —". The place is written in
# capitals (four letters at least, so that an acronym opening a sentence is no dateline), a region and an agency may
# follow it, and a dash ends it.
_DATELINE = re.compile(
    r"\s*(?:\([A-Z][\w.]{1,15}\)\s*(?:--|[—–-])\s*)?"  # a syndicate before the place: "(TNS) --"
    r"[A-Z][A-Z.'’-]*(?:\s[A-Z][A-Z.'’-]*){0,3}(?<=[A-Z.]{4})"  # the place, in capitals
    r"(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?"  # its region or country: ", Va.", ", Netherlands"
    r"\s*(?:\([^()\n]{1,30}\)\s*)?"  # the agency: "(Reuters)", "(AP)"
    r"(?:--|[—–-])\s+(?=\S)")
# A closing quotation mark set apart from what follows it (the French "… fin. »"); German's »Zitat« opens with a »
# glued to its first word, and so is not one.
_CLOSING_QUOTE = re.compile(r"[»”“’\"]+(?:\s+|$)")
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
    offsets = _sentence_offsets(chunk)
    spans: list[tuple[int, int]] = []
    for a, b in offsets:
        closing = _CLOSING_QUOTE.match(chunk, a, b)
        if spans and closing:  # "« … d'elles. » Le port …": the quote's closing mark ends the sentence before
            spans[-1] = (spans[-1][0], a + len(closing.group().rstrip()))
            a = closing.end()
            if a >= b:
                continue
        previous = chunk[spans[-1][0]:spans[-1][1]] if spans else ""
        if spans and ((_ORDINAL_END.search(previous) and _MONTH_START.match(chunk[a:b]))
                      or _honorific_end().search(previous)):
            spans[-1] = (spans[-1][0], b)
        else:
            spans.append((a, b))
    return [(start + a, start + b) for a, b in spans]


@table
def _honorific_end() -> re.Pattern[str]:
    """A courtesy title written with a dot ("dhr.", "dott."), on which blingfire ends a sentence before the name
    that follows it: the packs' ``grammar.honorifics``."""
    dotted = sorted((re.escape(w) for w in words("grammar", "honorifics") if w.endswith(".")), key=len, reverse=True)
    return re.compile(rf"(?:^|\s)(?:{'|'.join(dotted)})$", re.IGNORECASE)


def after_dateline(text: str, start: int, end: int) -> int:
    """Where the story of the line ``text[start:end]`` begins: after the dateline a wire or a local paper opens it
    with ("BALTIMORE — The hack that ..."), which belongs to no sentence: its capitals would be read as a name, the
    sentence's first, where the subject of the sentence stands."""
    found = _DATELINE.match(text, start, end)
    return found.end() if found else start


def _sentence_offsets(text: str) -> list[tuple[int, int]]:
    """blingfire's sentence (start, end) character offsets, as ``blingfire.text_to_sentences_and_offsets`` gives."""
    data = text.encode("utf-8")
    capacity = 2 * len(data)
    output = ctypes.create_string_buffer(capacity)
    starts, ends = (ctypes.c_int32 * capacity)(), (ctypes.c_int32 * capacity)()
    written = blingfire.blingfire.TextToSentencesWithOffsets(
        ctypes.c_char_p(data), ctypes.c_int(len(data)), ctypes.byref(output), ctypes.byref(starts),
        ctypes.byref(ends), ctypes.c_int(capacity))
    if written == -1 or written > capacity:
        return []
    count = output.value.count(b"\n") + 1
    begin = np.frombuffer(starts, dtype=np.int32, count=count).astype(np.int64)
    end = np.frombuffer(ends, dtype=np.int32, count=count).astype(np.int64) + 1  # blingfire's ends are inclusive
    if len(data) != len(text):  # not ASCII: the character each byte belongs to
        lead_bytes = (np.frombuffer(data, dtype=np.uint8) & 0xC0) != 0x80
        char_at = np.append(np.cumsum(lead_bytes) - 1, len(text))
        begin, end = char_at[begin], char_at[np.minimum(end, len(data))]
    return list(zip(begin.tolist(), end.tolist(), strict=True))
