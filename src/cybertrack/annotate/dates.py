"""Date mentions in news text, resolved to ISO prefixes ("2021", "2021-12", "2021-12-06").

Month and weekday names come from babel (CLDR); everything else is a compact table
of regex fragments per language, compiled once per language. dateparser is not used:
its ``search_dates`` is slow on whole articles, misses "December last year" and
spelled-out numbers ("two days ago", "vor zwei Tagen"), and reads German words such
as "mit" and "die" as weekday abbreviations.

Ambiguous words are only read as dates in context: English "May"/"March" and French
"mars" need a day, a year or a cue word ("in May", "since March", "en mars");
weekdays are matched by full name only; a bare year needs a cue ("in 2019",
"mid-2020", "the spring of 2019"). Anything relative ("last year", "Monday",
"two days ago", "4 May" without a year) needs a base date and is skipped without one.
The relative phrases of CLDR ("last week", "la semaine dernière", "vorige week") are
read besides the variants typed here. A base known to the month only ("2021-05", as
many publication dates are) gives what is counted in days from it ("Monday", "last
week") to the month only.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from babel import Locale
from babel.dates import get_day_names, get_month_names

from cybertrack.lang import LANGUAGES, pack
from cybertrack.tables import language_table

# A year-less date may lie this far after the base (news announces what is coming).
_AHEAD = timedelta(days=62)
_YEAR = r"(?:19|20)\d\d(?![-/.]?\d)"
_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"\w+")
_NEVER = r"(?!)"


@dataclass(frozen=True)
class Reference:
    """The day relative dates are read against, and how much of it is known: a publication date given to the month
    ("2021-05") is read as the middle of that month, so that "Monday" or "last week" fall in it, and what is counted
    from that day keeps the month only."""

    day: date
    precision: int = 10  # characters of the ISO date that are known: 10 (a day), 7 (a month), 4 (a year)
    guessed: bool = False  # inferred from the text's own dates, not given by the source: no day is counted from it

    @classmethod
    def parse(cls, value: str | None) -> Reference | None:
        """ "2021-05-20", "2021-05-20T10:00:00Z", "2021-05" or "2021"; None for anything else."""
        found = _ISO_PREFIX.match(value.strip()) if value else None
        if not found:
            return None
        year, month, day = found["y"], found["m"], found["d"]
        try:
            if day:
                return cls(date(int(year), int(month), int(day)))
            if month:
                return cls(date(int(year), int(month), 15), 7)
        except ValueError:
            return None
        return cls(date(int(year), 7, 1), 4)

    @property
    def iso(self) -> str:
        """The reference as precisely as it is known: "2021-05-20", "2021-05" or "2021"."""
        return self.day.isoformat()[:self.precision]

    def counted(self, day: date) -> str | None:
        """A day counted from the reference, at the precision the reference has; None from a guessed reference (a
        photo caption's date in an undated article put "last week" in the wrong season)."""
        return None if self.guessed else day.isoformat()[:self.precision]

    def months_before(self, months: int) -> str:
        year, month0 = divmod(self.day.year * 12 + self.day.month - 1 - months, 12)
        return f"{year:04d}-{month0 + 1:02d}"[:self.precision]


def later_than(value: str, bound: str) -> bool:
    """Later than ``bound`` at the precision both have: "2021-06" is later than "2021-05-20", "2021" is not."""
    common = min(len(value), len(bound))
    return value[:common] > bound[:common]


def months_apart(a: str, b: str) -> int:
    """Months between two ISO prefixes, each a span ("2019" is January to December): 0 when they overlap."""
    def span(value: str) -> tuple[int, int]:
        year = int(value[:4]) * 12
        return (year + int(value[5:7]) - 1,) * 2 if len(value) >= 7 else (year, year + 11)

    (start_a, end_a), (start_b, end_b) = span(a), span(b)
    return max(start_b - end_a, start_a - end_b, 0)


def earliest(values: list[str]) -> str | None:
    """The earliest date, refined by the finer ones it contains: "2019" and "2019-04" give "2019-04" (the same
    time, told more precisely), "2018" and "2019-04" give "2018"."""
    if not values:
        return None
    found = min(values)
    while finer := [v for v in values if v.startswith(found) and len(v) > len(found)]:
        found = min(finer)
    return found


_ISO_PREFIX = re.compile(r"^(?P<y>(?:19|20)\d\d)(?:-(?P<m>\d\d)(?:-(?P<d>\d\d))?)?(?:$|[T ])")


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    value: str  # ISO prefix at the precision the text gives: "2021", "2021-12", "2021-12-06"
    relative: bool  # True when resolved against the base date ("last year", "Monday", "4 May")


@dataclass(frozen=True)
class _Lang:
    """Date words of one language, read from its pack (``lang/<code>/dates.toml``). Entries are regex fragments;
    ``'`` also matches ``’``."""

    numbers: dict[str, int]
    units: dict[str, str]  # unit word -> "d", "w", "m" or "y"
    ago: str  # template with the groups {n} (number) and {u} (unit)
    month_cues: tuple[str, ...]  # "in", "since": left out of the mention
    year_cues: tuple[str, ...]
    mods: tuple[str, ...]  # "early", "mid": part of the mention, precision unchanged
    seasons: tuple[str, ...]
    last_pre: tuple[str, ...]  # "last Monday", "lo scorso dicembre"
    last_post: tuple[str, ...]  # "lundi dernier", "dicembre scorso"
    next_pre: tuple[str, ...]
    next_post: tuple[str, ...]
    of_last_year: tuple[str, ...]  # after a month: "December last year"
    of_this_year: tuple[str, ...]
    last_year: tuple[str, ...]
    this_year: tuple[str, ...]
    last_month: tuple[str, ...]
    this_month: tuple[str, ...]
    last_week: tuple[str, ...]
    this_week: tuple[str, ...]
    day_before: tuple[str, ...]
    yesterday: tuple[str, ...]
    today: tuple[str, ...]
    month_variants: dict[str, int]  # spellings babel lacks
    weekday_variants: dict[str, int]  # 0 is Monday
    month_abbrevs: dict[str, int]  # only next to a day or a year
    case_sensitive_names: bool  # capitalised month/weekday names only
    month_first: bool  # "May 26, 2021"
    not_before_weekday: tuple[str, ...]  # "Patch Tuesday" is no date
    not_after_relative: str  # lookbehind before relative phrases: "over the last year" is a span, not a date


def _language(code: str) -> _Lang:
    """A language's date words, from its pack (``lang/<code>/dates.toml``)."""
    return _Lang(**{name: tuple(value) if isinstance(value, list) else value
                    for name, value in pack(code, "dates").items()})


_LANGS: dict[str, _Lang] = {code: _language(code) for code in LANGUAGES}


@dataclass(frozen=True)
class _Vocab:
    lang: _Lang
    months: dict[str, int]  # lower-cased name -> 1..12
    abbrevs: frozenset[str]
    weekdays: dict[str, int]  # lower-cased name -> 0 (Monday)..6

    def month(self, name: str) -> int:
        return self.months[name.rstrip(".").lower()]

    def is_abbrev(self, name: str) -> bool:
        return name.rstrip(".").lower() in self.abbrevs


_Resolver = Callable[[re.Match[str], _Vocab, Reference | None], tuple[str, bool] | None]


@dataclass(frozen=True)
class _Rule:
    pattern: re.Pattern[str]
    resolve: _Resolver


def find_dates(text: str, language: str, base: date | Reference | None = None) -> list[DateMention]:
    """Date mentions in ``text``, sorted and non-overlapping; relative ones only when ``base`` is given."""
    if isinstance(base, datetime):
        base = base.date()
    if isinstance(base, date):
        base = Reference(base)
    code = language.lower()[:2]
    vocab, rules, names = _compiled(code if code in _LANGS else "en")
    if not _DIGIT.search(text) and names.isdisjoint(_WORD.findall(text.lower())):
        rules = tuple(rule for rule in rules if rule.resolve is _resolve_phrase)
    found: list[DateMention] = []
    for rule in rules:
        for match in rule.pattern.finditer(text):
            resolved = rule.resolve(match, vocab, base)
            if resolved:
                start, end = match.span("m")
                found.append(DateMention(start, end, text[start:end], *resolved))
    return _longest_first(found)


def days_without_year(text: str, language: str, base: Reference) -> list[str]:
    """The days ``text`` names by day and month alone ("14 april", "le 31 octobre dernier"), each in the year that
    puts it at or before ``base`` (or just after: `_yearless`). `find_dates` skips them when a text has no date to
    read them against; a report's incident may have one (`resolve`)."""
    code = language.lower()[:2]
    vocab, rules, _ = _compiled(code if code in _LANGS else "en")
    found = []
    for rule in rules:
        if rule.resolve is _resolve_day:
            found += [resolved[0] for match in rule.pattern.finditer(text)
                      if not match["y"] and (resolved := _resolve_day(match, vocab, base))]
    return found


def _longest_first(found: list[DateMention]) -> list[DateMention]:
    """Keep the longest of overlapping mentions (the earliest among equals), in text order."""
    starts: list[int] = []
    chosen: dict[int, DateMention] = {}
    for mention in sorted(found, key=lambda m: (m.start - m.end, m.start)):
        i = bisect.bisect_right(starts, mention.start)
        if (i and chosen[starts[i - 1]].end > mention.start) or (i < len(starts) and starts[i] < mention.end):
            continue
        starts.insert(i, mention.start)
        chosen[mention.start] = mention
    return [chosen[start] for start in starts]


# --- resolution -------------------------------------------------------------------------------------------------


def _day_value(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _yearless(base: date, month: int, day: int, past: bool) -> date | None:
    """The base year's date, or the previous year's when that lies after the base (beyond ``_AHEAD``)."""
    limit = base if past else base + _AHEAD
    for year in (base.year, base.year - 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate <= limit:
            return candidate
    return None


def _counted(base: Reference, day: date, precision: int = 10) -> tuple[str, bool] | None:
    value = base.counted(day)
    return (value[:precision], True) if value else None


def _resolve_iso(match: re.Match[str], vocab: _Vocab, base: Reference | None) -> tuple[str, bool] | None:
    value = _day_value(int(match["y"]), int(match["mo"]), int(match["d"]))
    return (value, False) if value else None


def _resolve_numeric(match: re.Match[str], vocab: _Vocab, base: Reference | None) -> tuple[str, bool] | None:
    """Day first ("26/05/2021"); month first only when day first is impossible ("05/26/2021")."""
    year, a, b = int(match["y"]), int(match["a"]), int(match["b"])
    value = _day_value(year, b, a) or _day_value(year, a, b)
    return (value, False) if value else None


def _resolve_day(match: re.Match[str], vocab: _Vocab, base: Reference | None) -> tuple[str, bool] | None:
    month, day = vocab.month(match["mon"]), int(match["d"])
    if match["np"] or match["ns"]:
        return None
    if match["y"]:
        value = _day_value(int(match["y"]), month, day)
        return (value, False) if value else None
    if base is None:
        return None
    if match["ly"] or match["ty"]:
        value = _day_value(base.day.year - bool(match["ly"]), month, day)
        return (value, True) if value else None
    resolved = _yearless(base.day, month, day, past=bool(match["lp"] or match["ls"]))
    return (resolved.isoformat(), True) if resolved else None


def _resolve_month(match: re.Match[str], vocab: _Vocab, base: Reference | None) -> tuple[str, bool] | None:
    month = vocab.month(match["mon"])
    if match["np"] or match["ns"]:
        return None
    if match["y"]:
        return f"{match['y']}-{month:02d}", False
    if base is None or vocab.is_abbrev(match["mon"]):
        return None
    today = base.day
    if match["ly"] or match["ty"]:
        year = today.year - bool(match["ly"])
    elif match["lp"] or match["ls"]:
        year = today.year if month < today.month else today.year - 1
    elif match["cue"] or match["mod"]:
        year = today.year if date(today.year, month, 1) <= today + _AHEAD else today.year - 1
    else:
        return None
    return f"{year:04d}-{month:02d}", True


def _resolve_year(match: re.Match[str], vocab: _Vocab, base: Reference | None) -> tuple[str, bool] | None:
    return (match["y"], False) if match["cue"] or match["mod"] else None


def _resolve_weekday(match: re.Match[str], vocab: _Vocab, base: Reference | None) -> tuple[str, bool] | None:
    """The most recent such day on or before the base; a week earlier for "last Tuesday" on a Tuesday."""
    if base is None or match["np"] or match["ns"]:
        return None
    back = (base.day.weekday() - vocab.weekdays[match["wd"].lower()]) % 7
    if back == 0 and (match["lp"] or match["ls"]):
        back = 7
    return _counted(base, base.day - timedelta(days=back))


def _resolve_phrase(match: re.Match[str], vocab: _Vocab, base: Reference | None) -> tuple[str, bool] | None:
    """A week is given as the month of its middle day: "last week" is the month of last week's Thursday."""
    if base is None:
        return None
    today = base.day
    if match["rly"] or match["rty"]:
        return str(today.year - bool(match["rly"])), True
    if match["rlm"] or match["rtm"]:
        return base.months_before(int(bool(match["rlm"]))), True
    if match["rlw"]:
        return _counted(base, today - timedelta(days=today.weekday() + 4), 7)
    if match["rtw"]:
        return _counted(base, today - timedelta(days=today.weekday() // 2), 7)
    back = 2 if match["rdb"] else 1 if match["ryd"] else 0
    return _counted(base, today - timedelta(days=back))


def _resolve_ago(match: re.Match[str], vocab: _Vocab, base: Reference | None) -> tuple[str, bool] | None:
    """Days and weeks give a day, months a month, years a year."""
    if base is None:
        return None
    word = match["n"].lower()
    count = int(word) if word.isdigit() else vocab.lang.numbers[word]
    unit = vocab.lang.units[match["u"].lower()]
    if unit == "y":
        return f"{base.day.year - count:04d}", True
    if unit == "m":
        return base.months_before(count), True
    return _counted(base, base.day - timedelta(days=count * (7 if unit == "w" else 1)))


# --- patterns ---------------------------------------------------------------------------------------------------


def _alt(fragments: tuple[str, ...] | list[str]) -> str:
    """Alternation of regex fragments, longest first; ``'`` also matches the typographic apostrophe."""
    if not fragments:
        return _NEVER
    return "(?:" + "|".join(sorted((f.replace("'", "['’]") for f in fragments), key=len, reverse=True)) + ")"


def _names(names: list[str], case_sensitive: bool) -> str:
    body = _alt([re.escape(n) for n in names])
    return f"(?-i:{body})" if case_sensitive else body


def _cldr_relative(code: str) -> dict[tuple[str, int], tuple[str, ...]]:
    """CLDR's relative phrases ("last week", "la semaine dernière", "vorige week") as regex fragments, by field
    ("year", "month", "week", "day") and offset (-1 is the last one)."""
    fields = Locale(code)._data["date_fields"]
    found: dict[tuple[str, int], tuple[str, ...]] = {}
    for name in ("year", "month", "week", "day"):
        for offset, phrase in fields[name]["relative"].items():
            if offset <= 0:
                words = phrase.replace("’", "'").split()
                found[(name, offset)] = (r"\s+".join(re.escape(w) for w in words),)
    return found


@language_table
def _compiled(code: str) -> tuple[_Vocab, tuple[_Rule, ...], frozenset[str]]:
    """The language's vocabulary, its rules, and the names (months, weekdays, units of time) of which every match of
    a rule other than the relative phrases holds one, unless it holds a digit: most sentences have neither, and
    checking that spares running those rules over them."""
    lang = _LANGS[code]
    months = {name.lower(): num for num, name in get_month_names("wide", locale=code).items()}
    months.update({name.lower(): num for name, num in lang.month_variants.items()})
    weekdays = {name.lower(): num for num, name in get_day_names("wide", locale=code).items()}
    weekdays.update({name.lower(): num for name, num in lang.weekday_variants.items()})
    abbrevs = {name.lower(): num for name, num in lang.month_abbrevs.items()}
    vocab = _Vocab(lang, months | abbrevs, frozenset(abbrevs), weekdays)

    def cased(names: dict[str, int]) -> list[str]:
        return [n.capitalize() if lang.case_sensitive_names else n for n in names]

    month_full = _names(cased(months), lang.case_sensitive_names)
    month_any = month_full
    if abbrevs:
        abbrev_alt = _alt([re.escape(n) + r"\.?" for n in cased(abbrevs)])
        month_any = f"(?:{month_full}|(?-i:{abbrev_alt}))"
    weekday = _names(cased(weekdays), lang.case_sensitive_names)
    guards = "".join(rf"(?<!{word}\s)" for word in lang.not_before_weekday)

    prefix = rf"(?:(?:(?P<lp>{_alt(lang.last_pre)})|(?P<np>{_alt(lang.next_pre)}))\s+)?"
    tail = (rf"(?:,?\s+(?:(?:of|de|del|van)\s+)?(?P<y>{_YEAR})|\s+(?P<ly>{_alt(lang.of_last_year)})"
            rf"|\s+(?P<ty>{_alt(lang.of_this_year)})|\s+(?P<ls>{_alt(lang.last_post)})"
            rf"|\s+(?P<ns>{_alt(lang.next_post)}))?")
    weekday_lead = rf"(?:{weekday},?\s+(?:(?:the|le|el|dem|den)\s+)?)?"
    ordinal = r"(?:st|nd|rd|th|er|re|°|º)?(?:\.\s*|\s+)"
    mod = rf"(?:(?P<mod>{_alt(lang.mods)})(?:\s+|-))?"
    numbers = _alt([re.escape(n) for n in lang.numbers] + [r"\d{1,3}"])
    relative = _cldr_relative(code)
    phrases = "|".join(
        f"(?P<{group}>{lang.not_after_relative}{_alt(fragments + relative.get(cldr, ()))})"
        for group, fragments, cldr in (
            ("rly", lang.last_year, ("year", -1)), ("rty", lang.this_year, ("year", 0)),
            ("rlm", lang.last_month, ("month", -1)), ("rtm", lang.this_month, ("month", 0)),
            ("rlw", lang.last_week, ("week", -1)), ("rtw", lang.this_week, ("week", 0)),
            ("rdb", lang.day_before, ("day", -2)), ("ryd", lang.yesterday, ("day", -1)),
            ("rtd", lang.today, ("day", 0))))

    sources: list[tuple[str, _Resolver]] = [
        (r"(?<![\w-])(?P<m>(?P<y>\d{4})-(?P<mo>\d\d)-(?P<d>\d\d))(?:T[\d:.]+(?:Z|[+-][\d:]+)?)?(?![-:]?\d)",
         _resolve_iso),
        (r"(?<![\w./:-])(?P<m>(?P<a>\d{1,2})(?P<s>[./-])(?P<b>\d{1,2})(?P=s)(?P<y>(?:19|20)\d\d))(?![./-]?\d)",
         _resolve_numeric),
        (rf"(?P<m>{weekday_lead}{prefix}(?P<d>\d{{1,2}}){ordinal}(?:(?:of|de)\s+)?(?P<mon>{month_any}){tail})",
         _resolve_day),
        (rf"(?:(?P<cue>{_alt(lang.month_cues)})\s+)?(?P<m>{prefix}{mod}(?P<mon>{month_any}){tail})", _resolve_month),
        (rf"(?:(?P<cue>{_alt(lang.year_cues)})\s+)?"
         rf"(?P<m>(?:(?P<mod>{_alt(lang.mods + lang.seasons)})(?:\s+|-))?(?P<y>{_YEAR}))", _resolve_year),
        (rf"(?P<m>{prefix}{guards}(?P<wd>{weekday})(?:\s+(?:(?P<ls>{_alt(lang.last_post)})"
         rf"|(?P<ns>{_alt(lang.next_post)})))?)", _resolve_weekday),
        (rf"(?P<m>{phrases})", _resolve_phrase),
        (rf"(?P<m>{lang.ago.format(n=f'(?P<n>{numbers})', u=f'(?P<u>{_alt(list(lang.units))})')})", _resolve_ago),
    ]
    if lang.month_first:
        sources.append((rf"(?P<m>{weekday_lead}{prefix}(?P<mon>{month_any})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?"
                        rf"(?![\d:]){tail})", _resolve_day))
    rules = tuple(_Rule(re.compile(rf"(?<!\w){source}(?!\w)", re.IGNORECASE), resolve) for source, resolve in sources)
    names = frozenset(word for name in [*months, *abbrevs, *weekdays, *lang.units] for word in _WORD.findall(name))
    return vocab, rules, names
