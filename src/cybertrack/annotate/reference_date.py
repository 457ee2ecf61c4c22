"""When was an undated article written? Its weekdays tell, or its dateline.

Pages often lose their publication date (a pasted text, a stripped page), yet relative
dates ("last year", "Tuesday, May 4") need one. A weekday written next to a day and
month ("Tuesday, May 4") fixes the year up to a few candidates; the article's own
years bound the search, and the latest such date is taken as the article's reference
date. Without such a pair, the latest full date the text gives ("Halvorn, 14 May 2024")
stands in: news rarely dates anything after the day it is written.
"""

from __future__ import annotations

import re
from datetime import date

from babel.dates import get_day_names

from cybertrack.annotate.dates import find_dates
from cybertrack.tables import language_table

_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_LOOKAHEAD_YEARS = 3
_WEEKDAY_WINDOW = 20


@language_table
def _weekdays(language: str) -> dict[str, int]:
    """Weekday name (lower case) -> Monday=0 ... Sunday=6, in the language and in English."""
    names: dict[str, int] = {}
    for code in {language if language in {"en", "fr", "nl", "de", "it", "es"} else "en", "en"}:
        for babel_day, name in get_day_names("wide", locale=code).items():
            names[name.lower()] = babel_day
    return names


def _named_weekday(text: str, start: int, end: int, language: str) -> int | None:
    window = text[max(0, start - _WEEKDAY_WINDOW):end].lower()
    found = [(window.rfind(name), day) for name, day in _weekdays(language).items() if name in window]
    return max(found)[1] if found else None


def reference_date(text: str, language: str) -> date | None:
    """The latest weekday-checked date in the years the text suggests, else the latest full date it gives, else None."""
    years = [int(y) for y in _YEAR.findall(text)]
    if not years:
        return None
    for year in range(max(years), max(years) + _LOOKAHEAD_YEARS + 1):
        agreeing, disagreeing = [], 0
        for mention in find_dates(text, language, date(year, 12, 31)):
            if not mention.relative or len(mention.value) != 10 or not any(c.isdigit() for c in mention.text):
                continue  # a weekday alone ("on Tuesday") agrees with any year
            weekday = _named_weekday(text, mention.start, mention.end, language)
            if weekday is None:
                continue
            day = date.fromisoformat(mention.value)
            if day.weekday() == weekday:
                agreeing.append(day)
            else:
                disagreeing += 1
        if agreeing and not disagreeing:
            return max(agreeing)
    full_dates = [m.value for m in find_dates(text, language) if len(m.value) == 10]
    return date.fromisoformat(max(full_dates)) if full_dates else None
