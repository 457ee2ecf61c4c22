"""Lines that are a page's date stamp, and list items that end in one.

A page prints its date, its update time or today's date on a line of their own ("Monday, February 23, 2026",
"Oslo | July 14, 2022 7:12:31 AM IST", "Aktualisiert am 3. März 2023, 10:15 Uhr"), and dates the headlines it
lists under a story ("- Headline of another story - 21 januari 2026"). Such a line has a full date (or a clock
time) and, besides it, at most a place or agency name and the words that announce a date. Dates are read by
``annotate.dates`` in each supported language, so month and weekday names come from CLDR.
"""

from __future__ import annotations

import re

from cybertrack.annotate.dates import DateMention, find_dates
from cybertrack.clean.cues import LANGUAGES, fold, table

MAX_WORDS = 12
MAX_NAME_WORDS = 3
DATED_ITEM_MAX_WORDS = 25

_TIME = re.compile(r"\b\d{1,2}[:.h]\d{2}(?:[:.]\d{2})?(?:\s*(?:[ap]\.?m\.?|uhr|h))?\b", re.IGNORECASE)
_ZONE = re.compile(r"\b(?:gmt|utc|cet|cest|mez|mesz|et|est|edt|ct|cdt|pt|pst|pdt|ist|bst|wib)\b", re.IGNORECASE)
# Every word of the dateline cues ("mis", "a", "jour"): what may stand beside the date.
_CUE_WORDS = {w for patterns in table()["dateline"].values() for p in patterns for w in re.findall(r"[a-z]+", p)}
_SEPARATORS = re.compile(r"[\W_]+")
_ITEM_END = re.compile(r"[-–—|·•]\s*$")
# Cheap test before reading dates: a dash or bar, then at most a date's worth of text ending in a year.
_DATED_END = re.compile(r"[-–—|·•][^-–—|·•]{0,30}\b(?:19|20)\d\d\W{0,2}$")


def _full_dates(line: str) -> list[DateMention]:
    """Day-precise dates with a year, in whichever language reads the most of them."""
    best: list[DateMention] = []
    for language in LANGUAGES:
        found = [m for m in find_dates(line, language) if len(m.value) == 10]
        if sum(m.end - m.start for m in found) > sum(m.end - m.start for m in best):
            best = found
    return best


def _cut(text: str, spans: list[tuple[int, int]]) -> str:
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + " " + text[end:]
    return text


def is_dateline(line: str) -> bool:
    """Whether the line is nothing but a date stamp."""
    if len(line.split()) > MAX_WORDS or line.rstrip().endswith(".") or not any(c.isdigit() for c in line):
        return False
    dates = _full_dates(line)
    times = list(_TIME.finditer(line))
    if not dates and not times:
        return False
    rest = _cut(line, [(m.start, m.end) for m in dates] + [m.span() for m in times])
    rest = _ZONE.sub(" ", rest)
    words = [w for w in _SEPARATORS.sub(" ", rest).split() if fold(w) not in _CUE_WORDS]
    return len(words) <= MAX_NAME_WORDS and all(w[0].isupper() for w in words)


def is_dated_item(line: str) -> bool:
    """A listed headline that ends in its date after a dash or bar: "- Headline - 21 januari 2026"."""
    if len(line.split()) > DATED_ITEM_MAX_WORDS or not _DATED_END.search(line):
        return False
    dates = _full_dates(line)
    if not dates or line[dates[-1].end:].strip(" )"):
        return False
    before = line[:dates[-1].start]
    return bool(_ITEM_END.search(before)) and "." not in before.rstrip(" -–—|·•")[-1:]
