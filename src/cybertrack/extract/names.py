"""Proper-name chunks: the organisations, people and places a sentence names.

No NER model exists offline for Dutch, German, Italian or Spanish, so names are found
the way a reader skims for them in every supported language: runs of capitalised words
("British Airways", "Centre for Cyber Security Belgium"), joined across the little words
that sit inside names ("of", "de", "della", "van", "für"), with a capitalised stop word
at the start of a run dropped ("The", "Dopo", "Meanwhile"). Acronyms in parentheses
after a name are kept with it ("Centre for Cyber Security Belgium (CCB)").

German writes every noun with a capital, so there a capital says nothing: a part-of-speech
tagger (HanTa's German model, read in the sentence's context) tells proper nouns ("Potsdam",
"Rheinmetall") from common ones ("Frühjahr", "Daten", "IT-Systeme"). A German chunk without
a proper noun, an acronym or a number in it names nothing, and a common noun that owns the
name after it is not part of that name ("Computersystem der Stadt Witten": "Stadt Witten").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import pycountry
import stopwordsiso
from babel.dates import get_day_names, get_month_names
from HanTa import HanoverTagger

from cybertrack.knowledge.common_words import (
    COMMON_WORD_ZIPF,
    SENTENCE_START_ZIPF,
    english_rather_than,
    word_frequency,
)
from cybertrack.knowledge.countries import country_forms
from cybertrack.lang import LANGUAGES, alternation, pack, words
from cybertrack.tables import language_table, table

# an acronym as written in parentheses after a name: capitals ("VNR", "AT&T"), or capitals with a few small letters
# between them ("HbZ" for Havenbedrijf Zuiderhaven, "BaFin"); not a capitalised word ("(Reuters)")
ACRONYM = r"[A-Z](?:[A-Z0-9&]{1,9}|[a-z]{1,3}[A-Z][A-Za-z0-9]{0,3})"
_TOKEN = re.compile(rf"[\w][\w'’&.\-]*[\w]|[\w]|\({ACRONYM}\)|&")
_ELISION = r"(?:[lLdD]|dell|all|dall|nell|sull)['’]"
_ELIDED = re.compile(rf"^{_ELISION}(?=\w)")  # "l'Hôpital", "dell'Ospedale"
# opening a name chunk, these introduce a source rather than name one: "Selon l'Agence ...", "Laut Polizei ..."
_INTRODUCERS = {"according", "selon", "d'après", "volgens", "laut", "secondo", "según"}
# little words that may sit inside a name when a capitalised word follows them
_CONNECTORS = {
    "of", "the", "for", "and", "&", "de", "du", "des", "la", "le", "l'", "d'", "di", "del", "della", "dei",
    "degli", "delle", "dell'", "van", "der", "den", "het", "voor", "von", "für", "und", "y", "e",
}
_ARTICLE_CONNECTORS = {"the", "la", "le", "der", "den", "het"}  # the connectors that are articles
# the English bodies named for what they deal with, after "on": only after one of them does "on" stay in a name ("the
# attack hit Lutrex on Monday" names Lutrex and a day)
_HEADS_BEFORE_ON = frozenset({"commission", "committee", "council", "conference", "panel", "court"})
_MAX_TOKENS = 8
_INITIALS = re.compile(r"(?:[A-Z]\.)+[A-Z]")  # "A.P", "U.S": initials, whose last period the tokens leave out
_TITLE_WORD_LETTERS = 4  # title case leaves short words ("of", "in", "for") in lower case
_TITLE_WORDS = 4
# "and" joins two names far more often than it sits inside one: "Netflix and Larson Studios" are two. An ampersand
# between capitalised words is a firm's own ("Marks & Spencer", "Brindle & Halvorn"), and no coordinator
_COORDINATORS = {"and", "und", "e", "y", "et", "en"}
# the languages whose nouns are all capitalised: their tagger tells their proper nouns
_TAGGED_LANGUAGES = frozenset({"de"})
# HanTa's models, for the languages whose model is small enough to load in every process (its Dutch one takes 800 MB),
# and the tags of each model's tag set that mark a verb (STTS for German, CLAWS for English)
_TAGGER_MODELS = {"de": "morphmodel_ger.pgz", "en": "morphmodel_en.pgz"}
_VERB_TAGS = {"de": ("VV", "VA", "VM"), "en": ("VV",)}
_PROPER_TAGS = {"NE", "FM"}  # STTS: proper noun, foreign material
_ABBREVIATED_LEGAL_FORMS = frozenset({"inc", "ltd", "co", "corp"})  # written with a period: "Lutrex Inc."
# company forms written in mixed case ("Halvorn Maschinenbau GmbH", "Lutrex SpA"): like an acronym, a name's part
# whatever the tagger reads in the words before them
_MIXED_CASE_LEGAL_FORMS = frozenset({"gmbh", "mbh", "ggmbh", "kgaa", "spa", "srl", "sarl"})
_NAME_WORD_TAGS = ("NN", "NP", "AJ0")  # the English model's (C5) nouns, proper nouns and plain adjectives
_GENITIVE = {"der", "des"}
_KNOWN_WORD_SCORE = -20.0
_COMMON_NOUN_TAG = "NN"  # STTS (German); the English model tags nouns NN1 and NN2 (CLAWS)
_SHORTEST_NAME = 3  # letters: "IT" and "PC" are words, "SAP" and "BBC" names
_TAG_TOKEN = re.compile(r"\w[\w'’&.\-]*\w|\w|[^\w\s]")
_ANALYSES_KEPT = 50_000


@dataclass(frozen=True)
class NameChunk:
    start: int
    end: int
    text: str
    sentence_start: bool  # the chunk begins the sentence, so its capital letter proves little
    # characters of a leading common noun that describes the name after it ("Rüstungskonzern Rheinmetall",
    # "Softwareanbieter Kaseya"): the name itself is ``text[descriptor:]``
    descriptor: int = 0


# stopwords-iso's English list, gathered from web text, carries a company's name among its function words: opening a
# sentence ("Microsoft attributed the campaign to ..."), it was dropped from the name
_NOT_STOP_WORDS = frozenset({"microsoft"})


@language_table
def stop_words(language: str) -> frozenset[str]:
    words = set(stopwordsiso.stopwords("en"))
    if language in {"fr", "nl", "de", "it", "es"}:
        words |= stopwordsiso.stopwords(language)
    return frozenset(words - _NOT_STOP_WORDS)



def _is_capitalised(token: str) -> bool:
    """Capitalised, a number with letters in it ("3CX"), or a web address, which names its site in lower case too
    ("golem.de", "lutrecht-news.com")."""
    token = _ELIDED.sub("", token)
    return token[0].isupper() or (token[0].isdigit() and any(c.isalpha() for c in token)) or is_web_domain(token)


_DOMAIN = re.compile(r"(?:[a-z0-9][a-z0-9-]*\.)*[a-z0-9][a-z0-9-]{2,}\.([a-z]{2,4})")
_GENERIC_TOP_LEVEL_DOMAINS = frozenset({"com", "org", "net", "info", "news", "gov", "edu", "int", "eu"})


def is_web_domain(token: str) -> bool:
    """A site's address: a name of three characters or more, a dot and a top-level domain (a country's ISO code or a
    generic one). Abbreviations ("e.g.", "z.B.") have one letter before their dots."""
    found = "." in token and _DOMAIN.fullmatch(token)
    return bool(found) and (found.group(1) in _GENERIC_TOP_LEVEL_DOMAINS or found.group(1) in _country_domains())


@functools.cache
def _country_domains() -> frozenset[str]:
    return frozenset(country.alpha_2.lower() for country in pycountry.countries)


# what may stand before a sentence's first word: quotation marks of every language ("„" opens German and Dutch
# quotes), a bracket, dashes
OPENING_PUNCTUATION = " \"“”„‘’‚'«»‹›(-–—"


def _opens_sentence(sentence: str, position: int) -> bool:
    before = sentence[:position].rstrip(OPENING_PUNCTUATION)
    return before == "" or before.endswith((":", "\n"))


_ADJECTIVAL_COMPOUND = re.compile(r"\w[-‑][a-zà-ÿ]+$")


def adjectival_compound(token: str) -> bool:
    """A word joined by a hyphen to a lower-case one ("Russian-speaking", "China-linked", "Java-based"): an
    adjective, where a name's parts are all capitalised ("Rolls-Royce", "Saint-Étienne")."""
    return bool(_ADJECTIVAL_COMPOUND.search(token))


def name_chunks(sentence: str, language: str, offset: int = 0) -> list[NameChunk]:
    """Capitalised runs in ``sentence``; offsets are shifted by ``offset`` (the sentence's place in its text)."""
    stops = stop_words(language)
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(sentence)]
    headline = language not in _TAGGED_LANGUAGES and _title_case(tokens, stops)
    introductions = [(m.start(), m.end()) for m in _introduction().finditer(sentence)]  # "nach Angaben von"

    def capitalised(token: str) -> bool:
        return _is_capitalised(token) and not (headline and _common(token))

    chunks: list[NameChunk] = []
    i = 0
    while i < len(tokens):
        if not capitalised(tokens[i][2]):
            i += 1
            continue
        j = i + 1
        while j < len(tokens) and j - i < _MAX_TOKENS:
            between = sentence[tokens[j - 1][1]:tokens[j][0]]
            initials = between.strip() == "." and _INITIALS.fullmatch(tokens[j - 1][2]) \
                and tokens[j - 1][2] + "." not in _country_initials()
            if between.strip() not in {"", "-"} and not initials:
                break  # "A.P. Møller-Maersk", "J.P. Morgan": the period of a firm's initials goes on with the name
            token = tokens[j][2]
            if capitalised(token) or token.startswith("("):
                j += 1
            elif token.lower() in _CONNECTORS and j + 1 < len(tokens) and capitalised(tokens[j + 1][2]) \
                    and sentence[tokens[j][1]:tokens[j + 1][0]].strip() == "" \
                    and (token.lower() not in _COORDINATORS or _acronym_spans(tokens, i, j)):
                j += 2
            elif token == "on" and tokens[j - 1][2].casefold() in _HEADS_BEFORE_ON and j + 1 < len(tokens) \
                    and capitalised(tokens[j + 1][2]) and tokens[j + 1][2].lower() not in calendar_words():
                j += 2  # "Commission on Elections", "Council on Foreign Relations"; not "Council on Monday"
            elif _connector_and_article(tokens, j, sentence) and capitalised(tokens[j + 2][2]) \
                    and not (j == i + 1 and _opens_sentence(sentence, tokens[i][0])
                             and word_frequency(tokens[i][2]) >= SENTENCE_START_ZIPF):
                j += 3  # "Organisation for the Prohibition of Chemical Weapons"; not "Data of the Norvale Consulate"
            else:
                break
        run = tokens[i:j]
        opens_sentence = _opens_sentence(sentence, run[0][0])
        introduced = next((end for start, end in introductions if start <= run[0][0] < end), None)
        if introduced is not None:  # "nach Angaben von Heise": the name is "Heise"
            run = [token for token in run if token[0] >= introduced]
        while run and (run[0][2].startswith("(") or run[0][2].lower() in _INTRODUCERS
                       or (opens_sentence and (run[0][2].lower() in stops or _word_before_nationality(run)))
                       or _unit_after_a_number(tokens, run[0], sentence)):
            run = run[1:]
        if run and _ELIDED.match(run[0][2]):  # "l'Hôpital de Veldmark" is named "Hôpital de Veldmark"
            cut = _ELIDED.match(run[0][2]).end()
            run[0] = (run[0][0] + cut, run[0][1], run[0][2][cut:])
        while run and (run[-1][2].lower() in _CONNECTORS
                       or (run[-1][2].lower() in stops and len(run) > 1
                           and not _acronym_ends_name(sentence, run[-1], language)
                           and not _noun_ends_name(run[-1][2]))):
            run = run[:-1]
        while len(run) > 1 and adjectival_compound(run[0][2]):
            run = run[1:]  # "the Russian-speaking Conti gang", "Iran-backed Charming Kitten": an adjective before
        descriptor = 0
        if run and language in _TAGGED_LANGUAGES:
            proper = _proper_starts(sentence, language)
            run = _without_common_tail(_proper_part(run, proper), proper)
            descriptor = _descriptor(run, proper)
        if run and run[-1][2].endswith(("'s", "’s")):  # "Belgium’s foreign ministry": the name is "Belgium"
            run[-1] = (run[-1][0], run[-1][1] - 2, run[-1][2][:-2])
        if run:
            start, end = run[0][0], run[-1][1]
            if run[-1][2].casefold() in _ABBREVIATED_LEGAL_FORMS and sentence[end:end + 1] == ".":
                end += 1  # "Lutrex Inc., the maker of ...": the period is the name's, and ends no clause
            opens = _opens_sentence(sentence, start)
            chunks.append(NameChunk(offset + start, offset + end, sentence[start:end], opens, descriptor))
        i = max(j, i + 1)
    return chunks


def _connector_and_article(tokens: list[tuple[int, int, str]], at: int, sentence: str) -> bool:
    """A connector and an article, in that order and apart from each other by a space only, at ``at``: "for the",
    "of the", "de la", "van het"; a name goes on past them to the capitalised word after."""
    if tokens[at][2].lower() not in _CONNECTORS - _COORDINATORS - _ARTICLE_CONNECTORS:
        return False
    return at + 2 < len(tokens) and tokens[at + 1][2].lower() in _ARTICLE_CONNECTORS \
        and not sentence[tokens[at][1]:tokens[at + 1][0]].strip() \
        and not sentence[tokens[at + 1][1]:tokens[at + 2][0]].strip()


@table
def calendar_words() -> frozenset[str]:
    """The names of the months and weekdays in every supported language, in lower case (CLDR's, through babel)."""
    found: set[str] = set()
    for language in LANGUAGES:
        found |= {w.lower() for w in get_month_names("wide", locale=language).values()}
        found |= {w.lower() for w in get_day_names("wide", locale=language).values()}
    return frozenset(found)


def _word_before_nationality(run: list[tuple[int, int, str]]) -> bool:
    """ "Suspected Chinese hackers", "Allegedly Russian", "Vermoedelijk Chinese hackers": a common word opening the
    sentence, capitalised only for that, before a nationality is no part of a name; the nationality is read alone
    (and says whose hackers they are)."""
    return len(run) > 1 and run[1][2] in _nationalities() and run[0][2] not in _nationalities() \
        and word_frequency(run[0][2]) >= SENTENCE_START_ZIPF


def _unit_after_a_number(tokens: list[tuple[int, int, str]], token: tuple[int, int, str], sentence: str) -> bool:
    """ "300 GB Daten des Unternehmens Lutrex": a unit right after a number (the packs' ``units``) measures what
    follows, and opens no name."""
    if token[2] not in _units():
        return False
    before = [t for t in tokens if t[1] <= token[0]]
    return bool(before) and before[-1][2].replace(".", "").replace(",", "").isdigit() \
        and sentence[before[-1][1]:token[0]].strip() == ""


@table
def _units() -> frozenset[str]:
    return words("grammar", "units")


@functools.cache
def _introduction() -> re.Pattern[str]:
    """A phrase of the packs' ``according_to``, as a whole phrase: the capitalised words inside one ("nach Angaben
    von") are no part of the name after it."""
    return re.compile(rf"(?<!\w)(?:{alternation(words('grammar', 'according_to'))})(?!\w)", re.IGNORECASE)


def _title_case(tokens: list[tuple[int, int, str]], stops: frozenset[str]) -> bool:
    """A headline in title case ("Spy Agencies Say Hackers Stole Kettleby Records, Sought Military Details"): every
    word of ``_TITLE_WORD_LETTERS`` letters or more but the stop words is capitalised, and there are ``_TITLE_WORDS``
    of them. There a capital says no more than it does in German."""
    words = [token for _, _, token in tokens if len(token) >= _TITLE_WORD_LETTERS and token[0].isalpha()
             and token.casefold() not in stops]
    return len(words) >= _TITLE_WORDS and all(word[0].isupper() for word in words)


def _common(token: str) -> bool:
    """A common word of some supported language, not an acronym: in a title-case headline, no name ("Military",
    "Sought", "Ukraine-Related"); a rare one still is ("Kaseya", "Maersk")."""
    return not token.isupper() and word_frequency(token) >= COMMON_WORD_ZIPF


def _acronym_ends_name(sentence: str, token: tuple[int, int, str], language: str) -> bool:
    """A stop word written in capitals at the end of a name is an acronym that is part of it ("Südwestfalen IT",
    "Kettleby IT"), not the English "it"; unless a lower-case word follows where nouns are lower case: there it is a
    word describing that noun ("the Korvan-hosted IT systems")."""
    if not (len(token[2]) > 1 and token[2].isupper()):
        return False
    following = sentence[token[1]:].split(maxsplit=1)
    return language in _TAGGED_LANGUAGES or not (following and following[0][:1].islower())


def _noun_ends_name(word: str) -> bool:
    """A capitalised word of the stop list at the end of a name that, on its own, reads as an English noun or
    adjective is part of the name ("Federal Group", "Science Inc", "Aleph Research", "Chinese Consulate General"):
    stopwords-iso's English list, gathered from web text, holds such words beside "this", "we" and "while", which end
    no name (a run reaching into the next sentence where its full stop is missing: "... CEO Scam This scam").
    English words only: every language's stop list holds the English one, and only English has a tagger for them."""
    return word.lower() in stop_words("en") and _reading(word.lower(), "en")[0].startswith(_NAME_WORD_TAGS)


def _acronym_spans(tokens: list[tuple[int, int, str]], first: int, coordinator: int) -> bool:
    """Whether the coordinator at ``coordinator`` sits inside one name, as its acronym in parentheses shows: the
    initials of the capitalised words before the acronym end with its letters, and those words reach back over the
    coordinator ("Lutrecht Securities and Exchange Board (LSEB)", "Office of Water and Power Supply (WPS)")."""
    k = coordinator + 1
    while k < len(tokens) and k - first < 2 * _MAX_TOKENS and not tokens[k][2].startswith("("):
        if not (_is_capitalised(tokens[k][2]) or tokens[k][2].lower() in _CONNECTORS):
            return False
        k += 1
    if k == len(tokens) or not tokens[k][2].startswith("("):
        return False
    acronym = tokens[k][2][1:-1]
    words = [(index, token[0]) for index, (_, _, token) in enumerate(tokens[first:k], first) if _is_capitalised(token)]
    named = words[-len(acronym):]
    return len(named) == len(acronym) and "".join(initial for _, initial in named) == acronym \
        and named[0][0] < coordinator


class _Tagger(HanoverTagger.HanoverTagger):
    """HanTa's tagger, remembering the analysis of the words it met. A word's analysis (the tags its morphemes allow,
    with their probabilities) depends on the word alone, yet HanTa computes it afresh in every sentence and in every
    lookup of a word outside its lexicon: it was most of the time a German article took. Kept for the last
    ``_ANALYSES_KEPT`` words, so that a long run's memory stays flat."""

    def __init__(self, model: str) -> None:
        super().__init__(model)
        self._analyses = functools.lru_cache(maxsize=_ANALYSES_KEPT)(super().analyze_forward)

    def analyze_forward(self, word: str) -> list[tuple[int, float]]:
        return self._analyses(word)


TAGGED_LANGUAGES = frozenset(_TAGGER_MODELS)


@functools.cache
def tagger(language: str) -> HanoverTagger.HanoverTagger:
    """The language's tagger, loaded once per process (1 s for German) and only for an article in that language."""
    return _Tagger(_TAGGER_MODELS[language])


@functools.lru_cache(maxsize=256)
def _proper_starts(sentence: str, language: str) -> frozenset[int]:
    """Where the tokens that may name something start in ``sentence``: those the tagger reads as proper nouns, in
    context or as words on their own ("Kaseya", a name in any sentence), what follows a place head ("Stadt
    Witten"), and capitalised adjectives of its lexicon inside the sentence, which only a name capitalises
    ("Deutsche Bahn", "Rotes Kreuz"; not "Cyberkriminelle", a noun made of an adjective), and what follows a crew
    noun ("Ransomware-Gruppe Medusa")."""
    tokens = list(_TAG_TOKEN.finditer(sentence))
    if not tokens:
        return frozenset()
    tags = tagger(language).tag_sent([t.group() for t in tokens], taglevel=0)  # no lemmas
    first = next((t.start() for t in tokens if t.group()[0].isalnum()), -1)
    heads = _place_heads(language)
    found = set()
    for i, (token, tag) in enumerate(zip(tokens, tags, strict=True)):
        word = token.group()
        following = tokens[i + 1].group() if i + 1 < len(tokens) else ""
        if not word[0].isupper():
            continue
        alone = _reading(word.rsplit("-", 1)[-1] or word, language)[0]  # "IT-Systeme" is read by its last part
        adjective = _reading(word.lower(), language)
        inside_name = tag.startswith("ADJ") and token.start() != first \
            and following[:1].isupper() and adjective[0].startswith("ADJ") and adjective[1] > _KNOWN_WORD_SCORE
        after_head = i > 0 and (tokens[i - 1].group() in heads or _names_a_crew(tokens[i - 1].group(), language))
        if tag in _PROPER_TAGS or alone in _PROPER_TAGS or inside_name or after_head \
                or (i > 0 and token.start() != first and _unknown_after_a_noun(tokens[i - 1].group(), tags[i - 1],
                                                                               word, language)):
            found.add(token.start())
    return frozenset(found)


def _unknown_after_a_noun(previous: str, previous_tag: str, word: str, language: str) -> bool:
    """ "das Klinikum Neuenrade", "die Stadtwerke Norvale": a capitalised word the tagger's lexicon does not know,
    right after a capitalised common noun, is the name the noun heads (a small town, a firm), though the tagger,
    guessing, reads it as one more noun. The noun is one on its own too, where the guess in context makes it an
    adjective ("die Ransomware-Gruppe Brindle behauptet": a compound read by its last part)."""
    noun = previous_tag == _COMMON_NOUN_TAG or _reading(previous.rsplit("-", 1)[-1], language)[0] == _COMMON_NOUN_TAG
    return noun and previous[:1].isupper() and _reading(word, language)[1] < _KNOWN_WORD_SCORE


@functools.lru_cache(maxsize=8192)
def _reading(word: str, language: str) -> tuple[str, float]:
    """The tagger's likeliest tag for a word on its own, with its log-probability: words of its lexicon score about
    -7 to -15, words it only guesses below ``_KNOWN_WORD_SCORE``."""
    readings = tagger(language).tag_word(word) if word else []
    return (readings[0][0], float(readings[0][1])) if readings else ("", float("-inf"))


def reads_as_verb(word: str, language: str) -> bool:
    """Whether a word on its own is likeliest a verb ("deliver", "include", "concerned"), where the language has a
    tagger; elsewhere nothing says so."""
    verb_tags = _VERB_TAGS.get(language)
    return bool(verb_tags) and _reading(word, language)[0].startswith(verb_tags)


def _names_a_crew(word: str, language: str) -> bool:
    """ "die Ransomware-Gruppe Medusa", "de hackersgroep Orca": what follows a one-word crew noun (the packs'
    ``crew_before``) is the crew's name, though the tagger knows the word."""
    return word.casefold() in _crew_heads(language)


@language_table
def _crew_heads(language: str) -> frozenset[str]:
    """The one-word crew nouns, without those that also stand for attackers in general ("Gruppe", "Hacktivisten"):
    "die Gruppe Ende November" names no crew."""
    roles = pack(language, "roles")
    general = {noun.casefold() for noun in roles["attacker_nouns"]}
    return frozenset(noun.casefold() for noun in pack(language, "actors")["crew_before"]
                     if " " not in noun and noun.casefold() not in general)


@language_table
def _place_heads(language: str) -> frozenset[str]:
    """The nouns that name an administration by the place after them ("Stadt", "Gemeinde"): the packs' roles.toml."""
    return frozenset(head for head in pack(language, "roles")["place_heads"] if " " not in head)


def _names_something(token: tuple[int, int, str], proper: frozenset[int]) -> bool:
    """A proper noun, a number, or an acronym; a compound is read by its last part, its head in German
    ("Südwestfalen-IT" an acronym, "IT-Systeme" systems)."""
    head = token[2].rsplit("-", 1)[-1].replace(".", "")
    return token[0] in proper or any(c.isdigit() for c in token[2]) or (len(head) > 1 and head.isupper()) \
        or head.casefold() in _MIXED_CASE_LEGAL_FORMS or token[2].startswith("(") or is_web_domain(token[2])


def _proper_part(run: list[tuple[int, int, str]], proper: frozenset[int]) -> list[tuple[int, int, str]]:
    """The run without the common nouns that own the name after them ("Hackerangriff Daten der Deutschen Bahn":
    "Deutschen Bahn"), or nothing when no token in it names anything ("Frühjahr", "IT-Systeme")."""
    while (owner := _owned_from(run, proper)) is not None:
        run = run[owner:]
    return run if any(_names_something(token, proper) for token in run) else []


def _without_common_tail(run: list[tuple[int, int, str]], proper: frozenset[int]) -> list[tuple[int, int, str]]:
    """The run up to the little word after which only common nouns follow, when a word before it names something:
    "macht die Gruppe Korvan für den Angriff verantwortlich" names "Korvan", not "Korvan für den Angriff". A name
    made of common nouns alone keeps its tail ("Bundesamt für Verfassungsschutz"): nothing before "für" names."""
    for i, token in enumerate(run[1:-1], 1):
        if token[2].lower() in _CONNECTORS and any(_names_something(t, proper) for t in run[:i]) \
                and not any(_names_something(t, proper) for t in run[i + 1:]):
            return run[:i]
    return run


def _descriptor(run: list[tuple[int, int, str]], proper: frozenset[int]) -> int:
    """How many characters of the run are common nouns describing the name right after them, in apposition
    ("Rüstungskonzern Rheinmetall", "Sportwagenhersteller Ferrari"): 0 when the run opens with its name, or when a
    little word links them ("Verwaltung von Sevilla" is the administration, not Seville)."""
    lead = 0  # "Schweizer Rüstungskonzern RUAG": a nationality before the describing noun describes the name too
    while lead < len(run) - 1 and run[lead][2] in _nationalities():
        lead += 1
    first = next((i for i, token in enumerate(run) if i >= lead and _names_something(token, proper)), 0)
    if first == len(run) - 1 and english_rather_than(run[first][2], "de"):
        first -= 1  # "Sicherheitsunternehmen Ostfeld Cyber": an English word ends a name, the word before starts it
    if first <= lead or any(token[2].lower() in _CONNECTORS for token in run[:first]):
        return 0  # "Deutsche Telekom": the nationality is the name's own
    if first == len(run) - 1 and (len(run[first][2]) < _SHORTEST_NAME
                                  or run[first][2].casefold() in _MIXED_CASE_LEGAL_FORMS):
        return 0  # "Südwestfalen IT", "Halvorn Maschinenbau GmbH": the words before it are the name's
    return run[first][0] - run[0][0]


@table
def _country_initials() -> frozenset[str]:
    """ "U.S.", "U.K.": a country written in initials stays a name of its own ("U.S. officials", "the U.S. Army" is the
    country's army, and the country is read apart)."""
    return frozenset(form.text for form in country_forms() if _INITIALS.fullmatch(form.text.rstrip(".")))


@table
def _nationalities() -> frozenset[str]:
    """Every language's adjectives of nationality, as written ("Schweizer", "polnische")."""
    return frozenset(form.text for form in country_forms() if form.kind == "adjective")


def _owned_from(run: list[tuple[int, int, str]], proper: frozenset[int]) -> int | None:
    """Where the name owned by the run's leading common nouns starts: after the first genitive article ("der",
    "des") that only common nouns precede."""
    if _names_something(run[0], proper):
        return None
    for i, token in enumerate(run[1:-1], 1):
        if _names_something(token, proper):
            return None
        if token[2].lower() in _GENITIVE:
            return i + 1
    return None


_BODY_NAME_CHARACTERS = 80  # "de l'approvisionnement économique du pays": how far a body's lower-case name runs
_BODY_NAME_RUN = 2  # lower-case words between its little words: a noun and its adjective ("approvisionnement
# énergétique")
_ELIDED_WORD = re.compile(rf"{_ELISION}(\w+)", re.IGNORECASE)


@language_table
def link_words(language: str) -> frozenset[str]:
    """The language's little words that join a body's name ("de", "la", "per", "di"): its own, as "a" joins an
    Italian name but is the verb of a French sentence ("... d'information a indiqué")."""
    grammar = pack(language if language in LANGUAGES else "en", "grammar")
    return frozenset(w.casefold() for kind in ("name_connectors", "prepositions", "articles") for w in grammar[kind])


@language_table
def _conjunctions(language: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in pack(language if language in LANGUAGES else "en", "grammar")["conjunctions"])


def lower_case_name_end(text: str, end: int, language: str) -> int | None:
    """Where the name of a body that opens with a capitalised word ending at ``end`` ends, in a language that writes
    the rest of it in lower case: through its lower-case words and the little words joining them, up to punctuation or
    another function word ("l'Agence nationale de la sécurité des systèmes d'information a indiqué": through
    "information"; "l'Office fédéral de l'approvisionnement énergétique (OFAE)": through "énergétique"), two words at
    most between them, a noun and its adjective, so that a verb after the name ends it. None where a capitalised name
    follows those, as the place the body serves ("l'Agence de cybersécurité de Korvan"), which the name chunks read
    whole."""
    name_end, function, linked, run = end, stop_words(language), False, 0
    for token in re.finditer(r"\S+", text[end:end + _BODY_NAME_CHARACTERS]):
        word = token.group().rstrip(",;:.!?)»\"”")
        bare = word.casefold()
        elided = _ELIDED_WORD.fullmatch(bare)  # "l'approvisionnement", "dell'approvvigionamento": a new run
        if bare in link_words(language):
            linked, run = True, 0
            continue
        if linked and word[:1].isupper():
            return None
        if bare in calendar_words():
            break  # "a gennaio": a date after the name
        if run == _BODY_NAME_RUN and not elided:
            # "... énergétique commencent à filtrer": a verb after it, unless the acronym after the next words closes
            # the name ("des relations culturelles extérieures (AERCE)")
            return _closed_by_its_acronym(text, end + token.start()) or name_end
        if (elided and elided.group(1) not in function) or (word.islower() and bare not in function):
            name_end = end + token.start() + len(word)
            linked, run = False, 1 if elided else run + 1
        else:
            break
        if word != token.group():
            break  # punctuation after the word ends the name
    return name_end


def _closed_by_its_acronym(text: str, start: int) -> int | None:
    """The end of the lower-case words from ``start`` (``_BODY_NAME_RUN`` at most) that an acronym in brackets right
    after them spells the end of ("extérieures (AERCE)"): words of the name, though its run of them is long."""
    found = _WORDS_BEFORE_ACRONYM.match(text, start)
    if not found:
        return None
    initials = "".join(word[0] for word in found["words"].split()).upper()
    return start + len(found["words"].rstrip()) if found["acronym"].upper().endswith(initials) else None


_WORDS_BEFORE_ACRONYM = re.compile(
    rf"(?P<words>(?:[^\W\d_A-Z]\w*\s+){{1,{_BODY_NAME_RUN}}})\((?P<acronym>[A-Z]{{3,}})\)")


def remit_name_end(text: str, end: int, language: str) -> int | None:
    """Where the name of a body that opens with a capitalised noun ending at ``end`` ends, in a language that
    capitalises its nouns: through the little words and the capitalised nouns of its remit ("Bundesamt für
    Sicherheit in der Informationstechnik", "Bundesamts für Energieversorgung (BAEV)": through "Energieversorgung"),
    up to punctuation or a lower-case word of another kind. None where no little word follows the noun: "das Bundesamt
    teilte mit" names no remit."""
    name_end, linked = None, False
    for token in re.finditer(r"\S+", text[end:end + _BODY_NAME_CHARACTERS]):
        word = token.group().rstrip(",;:.!?)»\"”")
        if word.casefold() in link_words(language) or word.casefold() in _conjunctions(language):
            linked = True  # "für Umwelt und Geologie"
        elif linked and word[:1].isupper() and word[1:].islower():
            name_end, linked = end + token.start() + len(word), False
        else:
            break
        if word != token.group():
            break  # punctuation after the word ends the name
    return name_end
