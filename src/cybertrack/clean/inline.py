"""Furniture inside a story sentence: what a site or a wire glues to the text it carries.

* a wire's sign-off at the end of a paragraph: "… aux Communes. (ats/nxp)", "… en la nota. (EFE)";
* a stock ticker after a company name: "Facebook (NASDAQ:FB)";
* a photo credit or source behind a bar at the end of a caption: "… sus datos. | Fuente: Pexels - …";
* the signature under an embedded post, which runs into the next sentence when the page has no break:
  "— Jane Doe (@janedoe) August 1, 2021 The ministry said …";
* a page's date marker, a label and an ISO date, glued before the first sentence: "date 2023-05 The ministry said …".

Cutting these keeps the sentence and drops only the furniture, so the offsets of the rest are untouched.
"""

from __future__ import annotations

import re

from cybertrack.clean.boilerplate import boilerplate_reason
from cybertrack.clean.cues import cue, names

_SIGN_OFF = re.compile(rf"\s*\(\s*(?:[a-z]{{2,5}}(?:\s*/\s*[a-z]{{2,5}})+|(?i:{names('agencies')}))\s*\)\.?\s*$")
_TICKER = re.compile(rf"\s?\((?i:{names('exchanges')})\s?:\s?[A-Z0-9][A-Z0-9.\-]{{0,9}}\)")
_EMBED_SIGNATURE = re.compile(r"^[—–-]\s*[^()\n]{1,80}\(@\w{1,30}\)[^()]{0,30}?\b(?:19|20)\d\d\b")
_DATE_MARK = cue("date_label",
                 r"^\s*(?i:{})\s*:?\s*(?:19|20)\d\d-[01]\d(?:-[0-3]\d)?(?:[T ]\d\d:\d\d(?::\d\d)?Z?)?\s+(?=\S)")
_BAR = re.compile(r"\s+\|\s+")
_TRAILERS = {"caption", "source", "credit"}


def furniture_inside(sentence: str, ends_paragraph: bool) -> list[tuple[int, int, str]]:
    """(start, end, reason) of each piece of ``sentence`` to cut, in order; the rest of the sentence is story."""
    cuts = [(m.start(), m.end(), "ticker") for m in _TICKER.finditer(sentence)] if "(" in sentence else []
    signature = _EMBED_SIGNATURE.match(sentence) if "(@" in sentence else None
    if signature:
        cuts.append((0, signature.end(), "embed"))
    mark = _DATE_MARK.match(sentence) if sentence[:30].count("-") else None
    if mark:
        cuts.append((0, mark.end(), "dateline"))
    bars = list(_BAR.finditer(sentence)) if "|" in sentence else []
    if bars:
        tail = sentence[bars[-1].end():]
        if boilerplate_reason(tail) in _TRAILERS:
            cuts.append((bars[-1].start(), len(sentence), "caption"))
    if ends_paragraph and sentence.rstrip(" .").endswith(")"):
        sign_off = _SIGN_OFF.search(sentence)
        if sign_off and sign_off.start() > 0:
            cuts.append((sign_off.start(), len(sentence), "credit"))
    return _disjoint(cuts)


def _disjoint(cuts: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    chosen: list[tuple[int, int, str]] = []
    for cut in sorted(cuts):
        if chosen and cut[0] < chosen[-1][1]:
            continue
        chosen.append(cut)
    return chosen
