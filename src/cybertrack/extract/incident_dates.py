"""When an incident began, was discovered and was disclosed, read from the sentences of its frame.

Only the sentences that report the attack (its trigger sentences) date it, and each of
their dates goes to the cue nearest to it: "began" and "discovered" words, the attack
words themselves, or a reporting verb ("said on Monday" tells when it was disclosed,
and bounds when it began). Dates after the article's own date are deadlines and
release dates, never the attack's. A date set beside another, older event ("like the
WannaCry attack in May 2017", "the biggest breach since 2013") is background, and so
is every date of a sentence that tells of an earlier attack ("It is not the first time
the bank was hit", "en aquella ocasión"), or of the sentence after it when that one
gives none ("... was hit. In 2019 hackers had ..."): the markers are kept as data per
language (``lang/<code>/background.toml``). On CASIE-train they change three frames'
first_seen, each from an earlier attack's year to the reported attack's day; "had
already" is no marker: it also tells the reported attack ("by May 12 it had already
seen 45,000 attacks").

A date long before the publication date is not background by itself: an old breach
found late is news too. On CASIE-train, dropping the dates of lead-reported attacks
more than 12 (18, 24) months before publication dated 46 (48, 48) frames by one of
their gold attack dates, against 53 without the rule. Nor is a date in a sentence that
lays the attack at someone's door ("accused", "linked to") set aside: 27 of 29 such
CASIE-train dates are not the attack's, yet setting them aside dated no frame better
there and took WannaCry's May 2017 from a multilingual-train report.

A frame that gives no date of its own is still bounded by its publication date: it
happened on or before it. When the article reports the attack in its first sentences,
the way news reports fresh events, the publication month is exported as an estimate
(``first_seen_estimated``). Measured on the training sets: the publication month is a
month of the attack in 52 of 94 CASIE-train articles that report it in their first
three sentences, against 2 of 11 that report it further down; it is the gold month for
5 of the 6 multilingual-train articles that have a publication date, no date of their
own and the attack in their lead.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass

from cybertrack.annotate.dates import DateMention, Reference, earliest, later_than
from cybertrack.extract.facts import SentenceFacts, relative_pronoun
from cybertrack.knowledge.matcher import Match
from cybertrack.lang import LANGUAGES, pack

LEAD_SENTENCES = 3  # the headline and the first sentences: where news reports what just happened
_CUE_KINDS = ("began", "discovered", "attack", "speech", "attribution", "denial")
_SAID = frozenset({"speech", "attribution", "denial"})
CLAUSE_EDGE = re.compile(r"[,;:()\[\]–—]|\s-\s")
_HISTORY_WORDS = 2  # "seit 2021 weltweit aktiv": words between a date and the story it dates
_OPENING_QUOTES = "\"'“«„ "

@dataclass(frozen=True)
class IncidentDates:
    first_seen: str | None
    discovered: str | None
    disclosed: str | None
    first_seen_estimated: bool = False  # the publication month, for want of a date in the text


def incident_dates(sentences: list[SentenceFacts], language: str, reference: Reference | None,
                   published: str | None, background: set[int]) -> IncidentDates:
    """The frame's dates: ``reference`` is the date its relative dates were read against (the publication date, or
    the one the text gives away), ``published`` the publication date as the source gave it, if at all;
    ``background`` the indexes of the article's sentences whose dates are not the attack's: those that tell of an
    earlier attack (``background_sentences``) or of attacks in general (`extract.realis`)."""
    began: list[str] = []
    discovered: list[str] = []
    attack: list[str] = []
    said: list[str] = []
    for sentence in sentences:
        attack_words = _attack_words(sentence)
        if not attack_words or sentence.index in background:
            continue
        for mention in sentence.dates:
            if (reference and later_than(mention.value, reference.iso)) \
                    or _beside_another_event(sentence.text, mention, language) \
                    or _date_of_the_fix(sentence, mention, attack_words) \
                    or _describes_someone(sentence, mention, attack_words):
                continue
            kind, cue = _nearest_cue(sentence, attack_words, mention)
            if kind in _SAID and cue is not None and _another_date_nearer(sentence, cue, mention):
                kind = "attack"  # "ran between January and April, police said on Friday": Friday is when it was said
            if kind == "began":
                began.append(mention.value)
            elif kind == "discovered":
                discovered.append(mention.value)
            else:
                attack.append(mention.value)
                if kind in _SAID:
                    said.append(mention.value)
    began, attack = (_without_older_years(dates, said, began + attack) for dates in (began, attack))
    first_seen = earliest(began or attack)
    found = earliest(discovered)
    if found and (first_seen is None or later_than(first_seen, found)):
        first_seen = found  # an attack began no later than it was found ("discovered on 3 March, disclosed today")
    # a disclosure never comes before the attack: a reporting verb's date before it tells of another story
    # ("vorig jaar werden ruim 40 bedrijven getroffen, meldde het NCSC" in a report of this June's attack)
    disclosed = earliest([d for d in said if first_seen is None or not later_than(first_seen, d)]) or published
    publication = Reference.parse(published)
    if first_seen is None and publication and publication.precision >= 7 and _reported_as_news(sentences):
        return IncidentDates(publication.iso[:7], found, disclosed, True)
    return IncidentDates(first_seen, found, disclosed)


def _without_older_years(dates: list[str], said: list[str], dated: list[str]) -> list[str]:
    """The ``dates`` of one kind without a bare year older than every month or day the attack itself is dated to, by
    any of its words (``dated``: its start's and the attack's own): "since 2014" or "in 2015" beside "on 12 January
    2017" tells of the background (the group's start, an earlier breach, the flaw the intruders "got in through, as
    they have since 2023"), not of the attack the sentences date to the day. The day something was said (``said``)
    sets no such floor: "broke in in 2015, the company said this week" is an old breach disclosed now. On
    casie-train, of the 127 articles' first frames dated by their text whose gold marks when the attack happened, 89
    get a month or year of it against 84 without this (dated by a bare year: 8 right and 11 wrong before, 7 and 3
    after); multilingual-train does not change."""
    precise = [d for d in dated if len(d) >= 7 and d not in said]
    if not precise:
        return dates
    first_year = min(precise)[:4]
    return [d for d in dates if len(d) >= 7 or d >= first_year]


def _attack_words(sentence: SentenceFacts) -> list[Match]:
    """The words by which the sentence reports an attack ("hacked", "ransomware attack"). A threat actor's name is an
    attack cue too, but a sentence about the actor alone ("APT28 has been active since 2004") dates no attack; nor
    does an attack word that names the attackers ("ransomware-hackers", "ransomware hackers": "in 2020 ransomware
    hackers were paid $18 billion" is a statistic). On casie-train the first frames dated as their gold attack
    events stay 65 with this rule; it keeps such statistics from dating (and splitting) a report."""
    if not sentence.is_attack:
        return []
    actors = [(m.start, m.end) for m in sentence.actors]
    attack = sentence.cues["attack"]
    people = [n for n in sentence.cues.get("attacker_noun", [])  # "gangs", "hackers"; not "attacks"
              if not any(a.start < n.end and n.start < a.end for a in attack)]
    return [c for c in attack if not any(a <= c.start < b for a, b in actors)
            and not any(0 <= n.start - c.end <= 1 for n in people)]


def _nearest_cue(sentence: SentenceFacts, attack_words: list[Match],
                 mention: DateMention) -> tuple[str | None, Match | None]:
    """The kind of the cue closest to the date, by the characters between them, and that cue."""
    best: tuple[int, str, Match] | None = None
    for kind in _CUE_KINDS:
        for cue in attack_words if kind == "attack" else sentence.cues.get(kind, []):
            gap = _gap(cue, mention)
            if best is None or gap < best[0]:
                best = (gap, kind, cue)
    return (best[1], best[2]) if best else (None, None)


def _another_date_nearer(sentence: SentenceFacts, cue: Match, mention: DateMention) -> bool:
    """A statement has one date: the one nearest its verb. The others its sentence gives are the attack's."""
    return any(other is not mention and _gap(cue, other) < _gap(cue, mention) for other in sentence.dates)


def _gap(cue: Match, mention: DateMention) -> int:
    return max(cue.start - mention.end, mention.start - cue.end, 0)


def _beside_another_event(text: str, mention: DateMention, language: str) -> bool:
    """A marker before the date in its clause sets it beside the attack ("like WannaCry in 2017") or dates the
    attackers' own story ("Royal, which emerged in September 2022"): either way, not the attack's date."""
    clause_start, _ = _clause(text, mention)
    return any(background_markers(language, kind).search(text[clause_start:mention.start])
               for kind in ("comparison", "actor_history")) or _history_told_after(text, mention, language)


def _describes_someone(sentence: SentenceFacts, mention: DateMention, attack_words: list[Match]) -> bool:
    """ "Brackley & Vane, que el año pasado abrió sus primeras tiendas en España, sigue sin poder vender": the date
    stands in a relative clause set off by a comma that holds no word of the attack, its start, discovery or telling,
    and describes no attack ("the breach, which took place in September"): it tells of whom it is about."""
    text = sentence.text
    start, end = _clause(text, mention)
    comma = start - 1
    if comma < 0 or text[comma] != "," or not relative_pronoun(sentence.language).match(text[start:].lstrip()):
        return False
    cues = [*attack_words, *(cue for kind in _CUE_KINDS if kind != "attack" for cue in sentence.cues.get(kind, []))]
    described = any(cue.end <= comma and not text[cue.end:comma].strip() for cue in attack_words)
    return not described and not any(start <= cue.start < end for cue in cues)


def _date_of_the_fix(sentence: SentenceFacts, mention: DateMention, attack_words: list[Match]) -> bool:
    """ "a flaw for which an update has been available since October 2022", "waarvoor al sinds oktober 2022 een update
    beschikbaar was": a word of the flaw's fix (the packs' ``fix``) in the date's clause, with no date nearer it and
    no word of the attack nearer the date ("broke in in March through a flaw patched in 2020" keeps March)."""
    text = sentence.text
    nearest_attack = min((_gap(cue, mention) for cue in attack_words), default=len(text))
    for found in background_markers(sentence.language, "fix").finditer(text, *_clause(text, mention)):
        fix = Match(found.start(), found.end(), found.group(), ())
        if _gap(fix, mention) < nearest_attack and all(_gap(fix, mention) <= _gap(fix, other)
                                                        for other in sentence.dates):
            return True
    return False


def _clause(text: str, mention: DateMention) -> tuple[int, int]:
    """Where the clause the date stands in begins and ends, between ``CLAUSE_EDGE``s."""
    start = max((m.end() for m in CLAUSE_EDGE.finditer(text, 0, mention.start)), default=0)
    edge = CLAUSE_EDGE.search(text, mention.end)
    return start, edge.start() if edge else len(text)


def _history_told_after(text: str, mention: DateMention, language: str) -> bool:
    """ "Medusa ist seit 2021 aktiv": where the verb comes last, the attackers' own story is told a word or two after
    its date, at the end of the clause (the packs' ``actor_history_after``)."""
    if not pack(language if language in LANGUAGES else "en", "background")["actor_history_after"]:
        return False
    edge = CLAUSE_EDGE.search(text, mention.end)
    after = text[mention.end:edge.start() if edge else len(text)]
    story = background_markers(language, "actor_history_after").pattern
    return bool(re.match(rf"\s+(?:\w+\s+){{0,{_HISTORY_WORDS}}}?{story}", after, re.IGNORECASE))


def background_sentences(sentences: list[SentenceFacts], language: str) -> set[int]:
    """The indexes of an article's sentences that tell of an earlier attack: those with a marker, and the sentence
    right after a marker that gives no date itself ("Hackers hit Kettleby Bank, and not the first time. In 2019
    ..."). Read over the whole article, since the marker's sentence may belong to no frame."""
    background: set[int] = set()
    for sentence in _marked(sentences, language):
        background.add(sentence.index)
        if not sentence.dates:
            background.add(sentence.index + 1)
    return background | _back_to_the_compared_attack(sentences, language) | counting_sentences(sentences, language)


def about_another_attack(sentences: list[SentenceFacts], language: str) -> set[int]:
    """The indexes of the sentences that themselves say they tell of another attack: a marker of an earlier one, or a
    reference back to the attack the sentence before compares with. Narrower than `background_sentences`, which also
    takes the sentence after a marker: a claim there may well be about the reported attack."""
    return {s.index for s in _marked(sentences, language)} | _back_to_the_compared_attack(sentences, language) \
        | counting_sentences(sentences, language)


def counting_sentences(sentences: list[SentenceFacts], language: str) -> set[int]:
    """The sentences that count attacks ("a quarter of the attacks on manufacturers hit Italian firms", the packs'
    ``statistics``): a threat report's figures, no attack of its own. Only the sentence itself: the next may well
    report one."""
    counted = background_markers(language, "statistics")
    return {sentence.index for sentence in sentences if counted.search(sentence.text)}


def _marked(sentences: list[SentenceFacts], language: str) -> list[SentenceFacts]:
    earlier = background_markers(language, "earlier_event")
    return [sentence for sentence in sentences if earlier.search(sentence.text)]


def _back_to_the_compared_attack(sentences: list[SentenceFacts], language: str) -> set[int]:
    """The sentences that open by referring back to an attack the sentence before set beside the reported one ("...
    the same ransomware as in the attack on Kettleby Pipeline. That attack was carried out by X"): they tell of that
    other attack, and whoever they say did it did that one."""
    comparison, that_attack = background_markers(language, "comparison"), background_markers(language, "that_attack")
    found = set()
    for before, sentence in itertools.pairwise(sentences):
        marker = comparison.search(before.text)
        if marker and sentence.index == before.index + 1 and that_attack.match(sentence.text.lstrip(_OPENING_QUOTES)) \
                and any(cue.start >= marker.end() for cue in before.cues.get("attack", [])):
            found.add(sentence.index)
    return found


@functools.cache
def background_markers(language: str, kind: str) -> re.Pattern[str]:
    """One of a language's background markers (``lang/<code>/background.toml``) as one pattern; English for a
    language without a pack."""
    fragments = pack(language if language in LANGUAGES else "en", "background")[kind]
    return re.compile(r"\b(?:" + "|".join(fragments) + r")(?!\w)", re.IGNORECASE)


def _reported_as_news(sentences: list[SentenceFacts]) -> bool:
    """The attack is reported in the article's lead: its headline or first sentences."""
    return any(s.index < LEAD_SENTENCES and _attack_words(s) for s in sentences)

