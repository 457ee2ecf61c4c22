"""Who was hit: victim names found in a sentence through the words around them.

A name becomes a victim only when the sentence gives it that role: after "an attack
on", "targeted", "prendendo di mira", "Angriff auf", or before "was hacked", "a subi",
"è stato colpito" (an apposition in between is skipped: "Samuel Cogolati, a Belgian
MP, was the subject of ..."). Four kinds of names are candidates: government
departments (with their portfolio), capitalised names, names under a lower-case head
noun ("la ville de Namur", "de gemeente Utrecht", "l'hôpital de Dax"), and generic
groups named by a sector noun ("Russian military research institutes"), which are
weaker evidence. Which candidates the sentence casts as victims is learned: see
`extract/roles.py`, which weighs the cues found here.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from dataclasses import dataclass, replace

from cybertrack.extract.agents import AGENT_BEFORE, ARTICLE_WORDS
from cybertrack.extract.cues import cues
from cybertrack.extract.facts import (
    CountryMention,
    SentenceFacts,
    auxiliaries,
    auxiliaries_before_object,
    bare_group_nouns,
    relative_pronoun,
    trades,
    verb_between,
)
from cybertrack.extract.gaps import words_between
from cybertrack.extract.incident_dates import CLAUSE_EDGE, background_markers
from cybertrack.extract.institutions import (
    is_national_service,
    national_service,
    portfolio_of,
    portfolios,
    state_body,
)
from cybertrack.extract.names import (
    ACRONYM,
    NameChunk,
    adjectival_compound,
    calendar_words,
    is_web_domain,
    link_words,
    lower_case_name_end,
    reads_as_verb,
    remit_name_end,
    stop_words,
    tagger,
)
from cybertrack.extract.place_adjectives import place_adjectives
from cybertrack.knowledge.base import knowledge_base
from cybertrack.knowledge.common_words import COMMON_WORD_ZIPF, SENTENCE_START_ZIPF, word_frequency
from cybertrack.knowledge.countries import country_forms, place_names
from cybertrack.knowledge.matcher import Match
from cybertrack.lang import LANGUAGES, alternation, capitalises_nouns, compound_pattern, pack, word_pattern, words
from cybertrack.model import ORGANISATION_NOUN_KIND, Victim
from cybertrack.tables import language_table, table

_SENTENCE_BREAK = re.compile(r"[.;:!?]")
_PUNCTUATION = re.compile(r"[.;:!?,]")
_WORD = re.compile(r"[\w'’\-]+")
_LETTERS = re.compile(r"\w+")  # a word without its elision ("n'a": "n", "a"), as stop lists write them
_LEGAL_SUFFIX = re.compile(r"\b(?:inc|ltd|llc|plc|corp|corporation|co|sa|ag|gmbh|nv|bv|spa|srl|sl)\.?$", re.IGNORECASE)
_POSSESSED = re.compile(
    r"['’]s\s+(?:[\w-]+\s+){0,3}?(?:systems?|networks?|servers?|computers?|websites?|site|database|data|"
    r"customers|users|employees|staff|patients|accounts|email|e-mail|records|files|IT)\b", re.IGNORECASE)
# a subject that reports or studies the attack rather than suffering it
REPORTING_VERB = re.compile(
    r"\s*(?:,[^,]{0,80},\s*)?(?:has\s+|have\s+|had\s+)?(?:said|says|found|discovered|detected|warned|observed|"
    r"reported|published|researchers?|analysts?|spotted|identified|uncovered|tracked|believes?|explained|noted|"
    r"announced|released|patched|fixed|described|describes)\b", re.IGNORECASE)
_REPORTING_REACH = 120  # characters after a subject to its reporting verb, past an apposition
STATE_SECTOR = "government"  # the sector of state bodies: parliament, government, presidency
_QUOTES = "\"'“”«» "
_LISTING_WORDS = 3  # ", en", " et au": what may stand between two listed countries
_POSSESSIVE = re.compile(r"['’]s?\b")
_DIGIT_GROUPS = re.compile(r"(?<=\d)[.,](?=\d)")  # "400.000 usuarios": a number's dot ends no sentence
_VERSION_AFTER = re.compile(r"\s+(\d+)\b")  # "Office 365", "Windows 10": the number after a name
_NUMBER_AFTER = re.compile(r"\s+(\d[\d.,]*)(?![\w-])")  # "USD 35.71", "Fortune 500", not "Route 66's"
_YEAR = re.compile(r"(?:19|20)\d\d")
_RANKS_FROM = 100  # "Fortune 100": the smallest whole number after a name read as a rank or an amount
_CODE = re.compile(r"[A-Z]{1,2}-?\d{1,4}")  # "W-2", "F35": a form's or a model's code
_ABBREVIATIONS = re.compile(r"\b(?:etc|e\.g|i\.e|inc|ltd|co|corp|dr|mr|mrs|ms|st|no)\.", re.IGNORECASE)
_ACRONYM = re.compile(rf"\(({ACRONYM})\)\s*$")
_DEFINITE = re.compile(r"(?:\b(?:the|le|la|les|il|lo|der|die|das|de|het|el)\s+|\b[lL]['’])$", re.IGNORECASE)
# between a lower-case head and the name it governs: "ville de", "city of the", "gemeente", "hôpital d'"
_LINK_WORDS = r"(?:of|the|de|du|des|la|le|di|del|della|dello|van|von|der|den|het|el)"
_HEAD_LINK = re.compile(rf"(?:\s+{_LINK_WORDS}){{0,2}}\s+|(?:\s+{_LINK_WORDS})?\s+[dl]['’]|\s+dell['’]|['’]",
                        re.IGNORECASE)
_NAME_LINK = re.compile(rf"^(?:{_LINK_WORDS}\s+)+|^[dl]['’]", re.IGNORECASE)
_MIN_SENTENCE_WORDS = 6
_MIN_NAME_CHARACTERS = 3
_MAX_GAP_WORDS = 4
# words between a victim cue and the name when they describe the victim by its trade ("hacked the Danish offshore wind
# farm operator X", "los servidores de la empresa noruega de transporte marítimo X")
_MAX_DESCRIPTOR_WORDS = 7
_MAX_WORDS_AFTER_TRADE = 4  # "empresa | noruega de transporte marítimo | X": a nationality, a field, link words
_PUNCTUATION_IN_DESCRIPTION = re.compile(r"[^\w\s'’-]")
# a comma and at most an article between a description and the name it describes: ", la", ", the", ", l'"
APPOSITION_OPENING = re.compile(rf"\s*,\s*(?:(?:{ARTICLE_WORDS})\s+|[dl]['’])?", re.IGNORECASE)
_APPOSITION_CLOSING = re.compile(r"\s*(?:[,.;:)]|$)")  # the name the apposition gives ends there
_PREPOSITIONS = frozenset(word.casefold() for word in words("grammar", "prepositions"))
_COMPLEMENTIZER = word_pattern("grammar", "complementizers")  # "that", "dat": what was said begins
_MAX_APPOSITION_WORDS = 25
BARE_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,5}")  # "PAP", "SAS", "RUAG", "AT&T"
_NOTICE_WORDS = 4  # "told all of its staff": the people an organisation tells stand a few words after the verb
_MAX_ADDRESSEE_WORDS = 5  # "zegt directeur Anna Reyes tegen": the speaker may stand between
_CONJUNCTIONS = frozenset(word.casefold() for word in words("grammar", "conjunctions"))
_CONJUNCTION_OPENINGS = tuple(f"{word} " for word in sorted(_CONJUNCTIONS))  # "and the ...", "et la ..."
_MAX_DESCRIBED_GAP = 30  # characters between a sector noun and the name it describes: a nationality
_PERSON_TITLE = word_pattern("roles", "person_nouns")  # "minister", "Sprecherin", as whole words
ELISION = ("'", "’")  # the mark of a word cut short before a vowel ("d'", "l'")
_MIN_COMPOUND_HEAD = 4  # letters of the sector noun a people word is compounded with ("politie", "Bank")


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    victim: Victim
    generic: bool  # named by a sector noun only ("universities"): weak evidence of a distinct incident


@functools.cache
def english_adjective(code: str) -> str | None:
    return next((f.text for f in country_forms() if f.code == code and f.kind == "adjective" and f.language == "en"),
                None)


def name_key(name: str) -> str:
    """Language- and punctuation-neutral form of an organisation's name. An acronym given in parentheses is the
    name's identity across languages: "Veldmark National Railways (VNR)" and "Veldmarker Staatsbahn (VNR)". A
    two-letter one is too short to be anyone's identity (and would read as a word like "IT"): the name is kept."""
    acronym = _ACRONYM.search(name)
    if acronym and len(acronym.group(1)) >= _MIN_NAME_CHARACTERS:
        return acronym.group(1).casefold()
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"^(?:the|le|la|les|l'|de|het|der|die|das|il|lo|gli|el|los|las)\s+", "", text)
    text = _LEGAL_SUFFIX.sub("", re.sub(r"[^\w\s]", " ", text).strip())
    return " ".join(text.split())


def adjacent_country(facts: SentenceFacts, start: int, end: int) -> CountryMention | None:
    """A nationality or country right before or after a name ("Belgian Ministry", "difesa belga", "of Belgium")."""
    text = facts.text
    for country in facts.countries:
        if country.attacker_side:
            continue
        if country.start >= start and country.end <= end:
            return country
        if country.end <= start and words_between(text, country.end, start, 1) <= 1 \
                and not _SENTENCE_BREAK.search(text, country.end, start) \
                and not _little_word_between(text[country.end:start], facts.language) \
                and not verb_between(facts, country.end, start):  # "Estonia disrupted banks"
            return country
        if country.start >= end and words_between(text, end, country.start, 2) <= 2 \
                and not _PUNCTUATION.search(text, end, country.start) \
                and _links_a_place(text[end:country.start], facts.language) \
                and not (country.form == "adjective" and text[end:country.start].strip()):
            return country  # not "the websites of Polish banks": a nationality after a link word is the next noun's
    return None


def _little_word_between(gap: str, language: str) -> bool:
    """ "In Frankrijk werden ziekenhuizen", "In Britain several hospitals": a function word or an
    auxiliary between a country and the noun after it ends the phrase; "Belgian federal police" has a modifier
    there."""
    return any(word.casefold() in stop_words(language) for word in _WORD.findall(gap))


def _links_a_place(gap: str, language: str) -> bool:
    """Only the words that tie a place to what it holds stand between a noun and a country after it ("the
    parliament of Norway", "il parlamento della Norvegia", "de politie in Nederland"): in "des pirates ont visé le
    parlement depuis la Chine" China is where the intruders were, not whose parliament it was. An elided word
    ("l’", "dell’") stands for its full form."""
    links = _place_links(language)
    for word in re.findall(r"\w+['’]|\w+", gap):
        word = word.casefold()
        if word not in links and not (word[-1] in "'’" and {word[:-1] + "a", word[:-1] + "e"} & links):
            return False
    return True


@language_table
def _place_links(language: str) -> frozenset[str]:
    """The words that tie a place to what it holds: the pack's places ``of`` words and its articles."""
    return frozenset(w.casefold() for w in pack(language, "places")["of"] + pack(language, "grammar")["articles"])


def _institution_victims(facts: SentenceFacts) -> list[Candidate]:
    candidates = []
    for institution in facts.institutions:
        country = adjacent_country(facts, institution.start, institution.end)
        code = country.code if country else None
        start = min(institution.start, country.start) if country else institution.start
        end = max(institution.end, country.end) if country else institution.end
        # "the ministries of defence and the interior" names two departments: each is named by its portfolio
        written = facts.text[start:end] if len(institution.portfolios) == 1 else None
        candidates += [Candidate(start, end, department(key, code, written), generic=False)
                       for key in institution.portfolios]
    return candidates


def department(portfolio_key: str, code: str | None, written: str | None) -> Victim:
    """A government department as a victim, named as the article writes it ("Department of Health", "ministère
    de la Santé irlandais": states call their departments differently), or, where the words name several, by its
    portfolio in English (`department_name`); keyed by its portfolio and country, the same in every language."""
    portfolio = portfolios()[portfolio_key]
    return Victim(name=written or department_name(portfolio_key, code), key=f"{code or '?'}/ministry:{portfolio_key}",
                  country=code, sector=portfolio.sector)


def department_name(portfolio_key: str, code: str | None) -> str:
    """ "Belgian Ministry of Interior": a department named by its country and portfolio, in English."""
    adjective = english_adjective(code) if code else None
    return f"{adjective + ' ' if adjective else ''}Ministry of {portfolios()[portfolio_key].name}"


def _occupied(facts: SentenceFacts) -> list[tuple[int, int]]:
    spans = [(m.start, m.end) for m in facts.actors + facts.software + facts.producers]
    spans += [(i.start, i.end) for i in facts.institutions]
    spans += [(d.start, d.end) for d in facts.dates]
    return spans


def plausible_name(facts: SentenceFacts, chunk: NameChunk) -> bool:
    """Not a capitalised common word opening the sentence, a date word, "Java-based", "China-sponsored", or a web
    address written in lower case: news cites its sources so ("golem.de"; speakers take them), and writes a site it
    reports on, a victim or an attacker, as a name ("GameStop.com")."""
    tokens = chunk.text.split()
    if chunk.text.islower() and is_web_domain(chunk.text):
        return False
    if all(t.lower() in calendar_words() for t in tokens):
        return False
    if len(tokens) > 1 and chunk.text.isupper():
        return False  # a heading in capitals
    if len(tokens) == 1 and not chunk.text.isupper() and _DEFINITE.search(facts.text[:chunk.start]) \
            and word_frequency(tokens[0]) >= COMMON_WORD_ZIPF:
        return False  # "the Department's network", "l'État": a common noun standing for an institution
    if any(m.start <= chunk.start and chunk.end <= m.end and not _vendor_of_supply_chain_attack(kind, m)
           for kind in ("attack", "sector", "technique") for m in facts.cues.get(kind, [])):
        return False  # "Ransomware", "Phishing", "Hospitals" opening a sentence are words, not names
    if chunk.sentence_start and len(tokens) == 1 and word_frequency(tokens[0]) >= SENTENCE_START_ZIPF:
        return False
    if adjectival_compound(tokens[-1]):
        return False
    if _only_nationalities(facts, chunk):
        return False  # "Estlandse", "Amerikaanse het Amerikaanse": where something is from, not what it is
    if len(tokens) == 1 and place_adjectives(chunk.text, facts.language, knowledge_base().place_stems):
        return False  # "het Eindhovense chipbedrijf": the place the victim is in, as a nationality says its country
    return not any(c.attacker_side and chunk.start <= c.start < chunk.end for c in facts.countries)


def _vendor_of_supply_chain_attack(kind: str, cue: Match) -> bool:
    """ "SolarWinds", "Kaseya": a supply-chain attack is known by the vendor whose product carried it, and the name
    is the vendor's, its first victim, as well as a word for the kind of attack."""
    return kind == "attack" and "supply-chain" in cue.values and cue.text[:1].isupper()


def _only_nationalities(facts: SentenceFacts, chunk: NameChunk) -> bool:
    """Every word of the chunk is a nationality adjective or a little word between them: an adjective says where
    the victim is from ("het Amerikaanse bedrijf"), and the noun it qualifies, when there is one, is the victim."""
    adjectives = [c for c in facts.countries if c.form == "adjective" and chunk.start <= c.start < chunk.end]
    stops = stop_words(facts.language)
    return bool(adjectives) and all(
        word.group().lower() in stops
        or any(c.start <= chunk.start + word.start() and chunk.start + word.end() <= c.end for c in adjectives)
        for word in _WORD.finditer(chunk.text))


def _a_trade_described(language: str, name: str) -> bool:
    """ "Hamelner Energieversorger", "niederländischer Softwarehersteller": where every noun is capitalised, adjectives
    before an organisation noun (or a compound that ends in one, the packs' ``organisation_noun_endings``) describe
    the victim by its trade, and name nobody; `_organisation_victims` reads them where a country stands beside them."""
    if not capitalises_nouns(language):
        return False
    *modifiers, last = name.split()
    compound = _organisation_compound(language)
    if not modifiers or not (last in pack(language, "roles")["organisation_nouns"]
                             or (compound is not None and compound.fullmatch(last))):
        return False
    return all(tagger(language).analyze(word)[1].startswith("ADJ") for word in modifiers)


def _name_victims(facts: SentenceFacts, taken: list[Candidate]) -> list[Candidate]:
    occupied = _occupied(facts) + [(c.start, c.end) for c in taken]
    media = facts.cues.get("media", [])
    sectors = facts.cues.get("sector", [])
    candidates = []
    for chunk in facts.names:
        if any(chunk.start < e and s < chunk.end for s, e in occupied) or not plausible_name(facts, chunk) \
                or _a_trade_described(facts.language, chunk.text):
            continue
        if any(chunk.start <= m.start and m.end <= chunk.end for m in media):
            continue
        # a country may run past the chunk: "U.S." is the chunk "U.S" and its full stop
        countries = [c for c in facts.countries if c.start < chunk.end and chunk.start < c.end]
        covered = sum(min(c.end, chunk.end) - max(c.start, chunk.start) for c in countries)
        if _only_a_country(chunk, covered):
            continue  # handled as a state, not an organisation
        code = next((c.code for c in countries if not c.attacker_side), None)
        described = without_descriptor(chunk)
        key = name_key(_without_place_head(facts, chunk.start, described))
        if chunk.text.lower() in place_names():
            continue  # "Europe", "California": where it happened, not who
        if len(key) < _MIN_NAME_CHARACTERS:
            continue  # "IT", "PC": too short to tell an organisation from a word
        inner = [m for m in sectors if chunk.start <= m.start and m.end <= chunk.end]
        if covered + sum(m.end - m.start for m in inner) >= len(chunk.text.replace(" ", "")) - 1:
            continue  # "Belgian Government", "Belgian MP": a generic victim, found by its sector noun
        end = _people_of(facts, chunk.end)
        named = _acronym_without_descriptor(chunk.text, described)
        named_from = chunk.start + len(chunk.text) - len(named)
        # a sector noun inside the name, of any language, says what it is ("Université Rhône-Vercors" in a German
        # report is a university: "die Universität" then refers back to it, `frames._anaphor_of`)
        sector = next((str(m.values[0]) for m in inner), None)
        candidates.append(Candidate(chunk.start, end, Victim(facts.text[named_from:end], f"org:{key}", code, sector),
                                    False))
    return candidates


def state_victims(facts: SentenceFacts) -> list[Candidate]:
    """ "DDoS attacks on Estonia", "cyberaanvallen op Estland": a country a victim cue names as what was hit is its
    state, keyed as "the Estonian government" is. Only a country's name counts, and only where a cue casts it as a
    name's (`after_victim_cue`, `before_victim_cue`): a nationality says where someone is from, and a country on
    the attacker's side ("attacks from Russia"), one that owns what was hit ("Estonia's banks") or one that is part
    of a name ("the Bank of Estonia") is no victim. A state is too coarse a victim to join two reports or to open a
    frame of its own (every report of the war names Ukraine), so it is generic, and `frames` gives it only to an
    article that names no other victim."""
    eligible = []
    for country in facts.countries:
        if country.form != "name" or country.attacker_side or _POSSESSIVE.match(facts.text, country.end):
            continue
        if any(c.start <= country.start and country.end <= c.end and c.end - c.start > country.end - country.start
               for c in facts.names):
            continue  # "the Bank of Estonia": a name the country is only part of
        key = f"{country.code}/{STATE_SECTOR}:{state_body(STATE_SECTOR)}"
        victim = Victim(country.text, key, country.code, STATE_SECTOR, generic=True)
        eligible.append(Candidate(country.start, country.end, victim, generic=True))
    cast = [c for c in eligible if after_victim_cue(facts, c) or before_victim_cue(facts, c)]
    return [c for run in _listed_together(facts, eligible) if any(c in cast for c in run) for c in run]


def _listed_together(facts: SentenceFacts, countries: list[Candidate]) -> list[list[Candidate]]:
    """The runs of countries listed together ("targets in Austria, Estonia and Portugal", "des cibles en Autriche,
    en Estonie et au Portugal"): nothing but commas, conjunctions, prepositions and articles between them. A cue that
    casts one of a run casts them all."""
    runs: list[list[Candidate]] = []
    for country in sorted(countries, key=lambda c: c.start):
        if runs and _only_listing_words(facts.text[runs[-1][-1].end:country.start], facts.language):
            runs[-1].append(country)
        else:
            runs.append([country])
    return runs


def _only_listing_words(gap: str, language: str) -> bool:
    tokens = gap.replace(",", " , ").split()
    listing = _listing_words(language)
    return bool(tokens) and len(tokens) <= _LISTING_WORDS and all(
        t == "," or t.casefold() in listing or t.casefold().rstrip("'’") in listing for t in tokens)


@language_table
def _listing_words(language: str) -> frozenset[str]:
    """The words that may stand between two listed countries: the language's conjunctions, prepositions, articles."""
    grammar = pack(language if language in LANGUAGES else "en", "grammar")
    return frozenset(w.casefold() for kind in ("conjunctions", "prepositions", "articles") for w in grammar[kind])


def _only_a_country(chunk: NameChunk, covered: int) -> bool:
    """The chunk is a country's name or nationality and nothing else (``covered``: how many of its characters the
    country mentions inside it take)."""
    return covered >= len(chunk.text.replace(" ", "")) - 1


def without_descriptor(chunk: NameChunk) -> str:
    """The name without the common noun describing it ("Rüstungskonzern Rheinmetall" is Rheinmetall in every
    language), unless what remains is a place: "Universität Mannheim" is a university, not the city."""
    name = chunk.text[chunk.descriptor:]
    return chunk.text if known_place(name) else name


def _acronym_without_descriptor(written: str, name: str) -> str:
    """ "Nachrichtenagentur PAP", "the airline SAS": an acronym is how an analyst and every other report name the
    organisation, and too short to be found inside the longer form. A name in words keeps its describing noun, which
    may be its own ("Stadtwerke Lutrecht", "ziekenhuis Sint-Anna")."""
    return name if BARE_ACRONYM.fullmatch(name) else written


def known_place(name: str) -> bool:
    """A region or state (`place_names`) or a city the knowledge base's gazetteer knows."""
    return name.lower() in place_names() or name in knowledge_base().places


def _without_place_head(facts: SentenceFacts, start: int, name: str) -> str:
    """ "City of Atlanta", "Stadt Witten": an administration is known by its place's name in every language. The head
    is taken off only where ``name`` still opens with it (`without_descriptor` may have taken it off already)."""
    head = next((m for m in facts.cues.get("place_heads", []) if m.start == start), None)
    rest = name[len(head.text):].strip() if head and name.startswith(head.text) else name
    rest = _NAME_LINK.sub("", rest)
    return rest if len(rest) >= _MIN_NAME_CHARACTERS else name


def _headed_victims(facts: SentenceFacts, taken: list[Candidate]) -> list[Candidate]:
    """A lower-case head noun that names an administration or an institution by the name after it: "la ville de
    Namur", "de gemeente Utrecht", "the city of Lutrecht", "l'hôpital de Dax". The place alone would be where it
    happened; with its head it is who was hit."""
    occupied = _occupied(facts) + [(c.start, c.end) for c in taken]
    chunks = sorted(facts.names, key=lambda chunk: chunk.start)
    starts = [chunk.start for chunk in chunks]
    found = []
    for kind in ("place_heads", "sector"):
        for head in facts.cues.get(kind, []):
            if head.text[:1].isupper() and not _opens_a_name(facts, head, chunks):
                continue  # a capitalised head is part of the name chunk itself ("City of Atlanta", "Stadt Witten")
            if kind == "sector" and portfolio_of(head.text):
                continue  # "la difesa di Veldmark": a department, named by its portfolio and country
            place = _place_before(facts, chunks, head) if kind == "place_heads" else None
            if place is not None:  # "the Lazio region", "Oslo municipality": the place's administration
                found.append(Candidate(place.start, head.end, Victim(facts.text[place.start:head.end],
                                                                     f"org:{name_key(place.text)}", None,
                                                                     STATE_SECTOR), False))
                occupied.append((place.start, head.end))
                continue
            following = bisect.bisect_left(starts, head.end)
            if following == len(chunks):
                continue
            chunk = chunks[following]
            if not _HEAD_LINK.fullmatch(_without_place_adjective(facts, facts.text[head.end:chunk.start])):
                continue
            if any(head.start < e and s < chunk.end for s, e in occupied):
                continue
            inside = [c for c in facts.countries if chunk.start <= c.start < chunk.end]
            if any(c.attacker_side for c in inside):
                continue
            if kind == "sector" and _only_a_country(chunk, sum(c.end - c.start for c in inside)):
                continue  # "les oléoducs des États-Unis": a sector of a country, found as such, not an organisation
            apposed = kind == "sector" and _in_apposition(facts, head, chunk)
            name = facts.text[head.start:chunk.end]
            name = _acronym_without_descriptor(name, chunk.text) if apposed else name
            key = name_key(chunk.text if kind == "place_heads" or apposed else name)
            sector = STATE_SECTOR if kind == "place_heads" else str(head.values[0])
            code = next((c.code for c in facts.countries if chunk.start <= c.start and c.end <= chunk.end), None)
            found.append(Candidate(head.start, chunk.end, Victim(name, f"org:{key}", code, sector), False))
            occupied.append((head.start, chunk.end))
    return found


def _bodies_named_in_lower_case(facts: SentenceFacts, taken: list[Candidate]) -> list[Candidate]:
    """ "l'Office fédéral de l'approvisionnement énergétique", "l'Agenzia per la cybersicurezza nazionale": a public
    body whose name opens with a capitalised noun (the packs' ``body_nouns``) and runs on in lower case
    (`lower_case_name_end`), as French, Italian, Spanish and Dutch write it, where the name chunks end at its first
    word; in German, on through the capitalised nouns of its remit ("des Bundesamts für Energieversorgung",
    `remit_name_end`), which the name chunks take for common nouns. Not at the sentence's start, where any word is
    capitalised, and only with words after the noun: "the Office" alone names nothing."""
    nouns = _body_nouns(facts.language)
    if nouns is None:
        return []
    found = []
    for noun in nouns.finditer(facts.text):
        if not re.search(r"\w\W+$", facts.text[:noun.start()]) \
                or any(c.start < noun.end() and noun.start() < c.end for c in taken) \
                or any(c.start <= noun.start() and noun.end() < c.end for c in facts.names):
            continue  # a name chunk that reads on past the noun ("Bundesamt für Energie (BFE)") names it already
        read = remit_name_end if capitalises_nouns(facts.language) else lower_case_name_end
        end = read(facts.text, noun.end(), facts.language)
        if end is None or end == noun.end():
            continue
        name = facts.text[noun.start():end]
        code = next((c.code for c in facts.countries if noun.start() <= c.start and c.end <= end
                     and not c.attacker_side), None)
        victim = Victim(name, f"org:{name_key(name)}", code, None)
        if spelt := _ACRONYM_NEXT.match(facts.text, end):  # "... extérieures (AERCE)": known by it in other reports
            end, victim = spelt.end(), Victim(f"{name} ({spelt[1]})", f"org:{name_key(spelt[1])}", code, None)
        found.append(Candidate(noun.start(), end, victim, False))
    return found


_ACRONYM_NEXT = re.compile(rf"\s*\(({ACRONYM})\)")


@language_table
def _body_nouns(language: str) -> re.Pattern[str] | None:
    """The pack's ``body_nouns`` as written, capitalised; none for a language that capitalises every word of a
    name."""
    nouns = pack(language, "roles")["body_nouns"]
    return re.compile(rf"(?<![\w-])(?:{alternation(nouns)})(?![\w-])") if nouns else None


def _opens_a_name(facts: SentenceFacts, head: Match, chunks: list[NameChunk]) -> bool:
    """A capitalised head, in a language that writes its nouns in lower case, whose own lower-case word ends the name
    chunk it opens: "l'Autorità portuale di Castelmare", "le Conseil départemental de la Lozère" name one institution
    through the words after them, as a lower-case head does. German writes every noun with a capital ("die Werke des
    Unternehmensbereichs Automotive": the plants of a division), and its heads are left to the name chunks
    (`capitalises_nouns`)."""
    return not capitalises_nouns(facts.language) \
        and not any(c.start <= head.start and head.end <= c.end for c in chunks)


def _without_place_adjective(facts: SentenceFacts, gap: str) -> str:
    """The words between a head and its name without an adjective made from a place right after the head ("il
    comune piemontese di Roccaverde", "la commune lyonnaise de X"): it says where the administration is."""
    first = re.match(r"\s*(\S+)", gap)
    if first and place_adjectives(first.group(1), facts.language, knowledge_base().place_stems):
        return gap[first.end():]
    return gap


def _place_before(facts: SentenceFacts, chunks: list[NameChunk], head: Match) -> NameChunk | None:
    """The known place right before a lower-case place head ("the Lazio region", "Oslo municipality"), as English
    writes what "la regione Lazio" and "de gemeente Oslo" write the other way round; only a place the gazetteer
    knows, so that "the Korvan region" of a firm's sales is not an administration."""
    chunk = next((c for c in chunks if c.end <= head.start and not facts.text[c.end:head.start].strip()), None)
    if chunk is None or not known_place(chunk.text):
        return None
    return chunk


def _in_apposition(facts: SentenceFacts, head: Match, chunk: NameChunk) -> bool:
    """ "de supermarktketen Coop", "le constructeur Korvan": a sector noun right before a name only says what the name
    is, and the organisation is keyed by its name, as in every other language; "l'hôpital de Dax" is the hospital
    named after its town, and so is "het ziekenhuis Lyon" when what follows is a place."""
    return not facts.text[head.end:chunk.start].strip() and not known_place(chunk.text)


def _people_of(facts: SentenceFacts, end: int) -> int:
    """ "Netflix users", "BT customers": the people of an organisation are its victims too; keep them in the name.
    Only the first such cue after the name can follow it with nothing but spaces between."""
    found = facts.cues.get("people_of", [])
    following = bisect.bisect_left(found, end, key=lambda people: people.start)
    if following < len(found) and not facts.text[end:found[following].start].strip():
        return found[following].end
    return end


def _generic_victims(facts: SentenceFacts, taken: list[Candidate]) -> list[Candidate]:
    candidates = []
    for noun in facts.cues.get("sector", []) + _people_compounds(facts):
        if any(c.start <= noun.start and noun.end <= c.end for c in taken):
            continue
        start = _extend_left(facts, noun.start)
        country = adjacent_country(facts, start, noun.end)
        if country and country.end <= start:
            start = country.start
        text = facts.text[start:noun.end]
        code = country.code if country else None
        portfolio = portfolio_of(noun.text)
        if portfolio and code:  # "Belgian Defence", "la difesa belga": the department, named by its portfolio
            end = max(noun.end, country.end)
            start = min(start, country.start)
            candidates.append(Candidate(start, end, department(portfolio, code, facts.text[start:end]), generic=False))
            continue
        sector = str(noun.values[0])
        what = (state_body(noun.text) if sector == STATE_SECTOR else None) or national_service(noun.text) \
            or name_key(noun.text)
        one = identifies(sector, what, code)
        victim = Victim(text, f"{code or '?'}/{sector}:{what}", code, sector, generic=not one)
        candidates.append(Candidate(start, noun.end, victim, generic=True))
    return candidates


def _organisation_victims(facts: SentenceFacts, taken: list[Candidate]) -> list[Candidate]:
    """ "a Canadian firm", "Saudi Arabian petrochemical companies", "Brazil's energy sector", "un'azienda canadese": an
    organisation of any trade, told only by its country; and so are people no sector noun names (the packs'
    ``people_nouns``: "Turkish users", "utenti turchi"). Without the country it says nothing ("the company"), so only
    one with its country beside it is a candidate; and since most articles name their victim as well ("the German
    company" in a report on Rheinmetall), it is a victim of last resort (`Victim.of_last_resort`)."""
    found = []
    for noun in _organisation_nouns(facts):
        if any(c.start <= noun.start and noun.end <= c.end for c in taken):
            continue
        start = _extend_left(facts, noun.start)
        if facts.text[start:noun.start].endswith(("'", "’")):
            start = noun.start  # "un'azienda": the article is not part of the name
        country = adjacent_country(facts, start, noun.end)
        if country is None:
            continue
        start = min(start, country.start)
        # a nationality right after the noun is part of its name ("entreprise canadienne"), a place after a link
        # word is not ("companies in the US")
        end = country.end if noun.end <= country.start and not facts.text[noun.end:country.start].strip() \
            else noun.end
        key = f"{country.code}/{ORGANISATION_NOUN_KIND}:{name_key(noun.text)}"
        found.append(Candidate(start, end, Victim(facts.text[start:end], key, country.code, None, generic=True), True))
    return found


def _organisation_nouns(facts: SentenceFacts) -> list[Match]:
    """The sentence's organisation and people nouns, standing alone ("a Canadian firm") or, in a language that
    writes them into one word with their trade, ending a compound ("ein norwegischer Aluminiumhersteller"): the
    match spans the word, its text is the noun, which keys the victim."""
    found = [*facts.cues.get("organisation_noun", []), *facts.cues.get("people_noun", [])]
    if compound := _organisation_compound(facts.language):
        found += [Match(word.start(), word.end(), word.group("ending"), ("organisation_noun",))
                  for word in compound.finditer(facts.text)]
    return found


@language_table
def _organisation_compound(language: str) -> re.Pattern[str] | None:
    """A word that ends in one of the pack's ``organisation_noun_endings`` (`_compound`); none for a language that
    writes the trade apart (its list is empty)."""
    endings = pack(language, "roles")["organisation_noun_endings"]
    return compound_pattern(endings, _MIN_COMPOUND_HEAD) if endings else None


def _people_compounds(facts: SentenceFacts) -> list[Match]:
    """ "politiemedewerker", "parlementsmedewerkers", "Krankenhausmitarbeiter": German and Dutch write the people of
    an organisation (the packs' ``people_of``) into one word with the sector noun that names it, and the people hit
    say the organisation was ("het wachtwoord van een politiemedewerker werd buitgemaakt"). The match spans the
    word; its text is the sector noun, which keys the victim. A linking "s" may join them
    ("parlement-s-medewerkers")."""
    found = []
    for word in _people_compound(facts.language).finditer(facts.text):
        prefix = word.group("head")
        for stem in dict.fromkeys((prefix.removesuffix("s"), prefix)):
            sectors = [m for m in cues().find_all(stem)["sector"] if (m.start, m.end) == (0, len(stem))]
            if sectors:
                found.append(Match(word.start(), word.end(), stem, sectors[0].values))
                break
    return found


@language_table
def _people_compound(language: str) -> re.Pattern[str]:
    """A word that ends in one of the pack's people of an organisation, plural or (Dutch "medewerkers") singular,
    after at least ``_MIN_COMPOUND_HEAD`` letters: the head is the rest."""
    plural = {w.casefold() for w in pack(language, "roles")["people_of"]}
    return compound_pattern(plural | {w.removesuffix("s") for w in plural}, _MIN_COMPOUND_HEAD)


def identifies(sector: str | None, what: str, code: str | None) -> bool:
    """Whether a victim named by a sector noun (``what``: the noun's key) is one organisation. A state body is one per
    country ("the Belgian parliament" is one parliament), and so is a service a state runs for all ("the Irish health
    service": `institutions.national_service`), so each is once its country is known; before, "the government" is
    nobody in particular, and so is any other sector noun ("hospitals"): neither joins two reports into one incident
    (on CASIE-train, "governments" had joined a phishing round-up to a WannaCry story)."""
    return code is not None and (sector == STATE_SECTOR or is_national_service(what))


def _extend_left(facts: SentenceFacts, start: int) -> int:
    """Take in the modifiers before a sector noun: "military research and development institutes". A function word
    of the sentence's language ends them, and so does a cue ("an attack on the parliament" is not the name of a
    parliament) or a verb ("countries that provide military equipment": `reads_as_verb`)."""
    stops = stop_words(facts.language)
    cue_words = [(m.start, m.end) for kind, found in facts.cues.items() if kind != "sector" for m in found]
    words = list(_WORD.finditer(facts.text[:start]))
    position = start
    for word in reversed(words[-5:]):
        gap = facts.text[word.end():position]
        if gap.strip():
            break
        lower = word.group().lower()
        if (lower in stops and lower not in _CONJUNCTIONS) or lower in calendar_words():
            break  # "lunedì diversi siti web": the day the attack came is no modifier of what it hit
        if reads_as_verb(word.group(), facts.language):
            break
        if any(cue_start < word.end() and word.start() < cue_end for cue_start, cue_end in cue_words):
            break
        position = word.start()
    while facts.text[position:start].lower().startswith(_CONJUNCTION_OPENINGS):
        position += facts.text[position:].index(" ") + 1
    return position


def candidates(facts: SentenceFacts) -> list[Candidate]:
    institutions = _institution_victims(facts)
    named = institutions + _headed_victims(facts, institutions)
    named += _bodies_named_in_lower_case(facts, named)
    named += [c for c in _name_victims(facts, named) if not _attacker_word(facts, c)]
    generic = _generic_victims(facts, named)
    generic += _organisation_victims(facts, named + generic)
    generic = [c for c in generic if not _describes_name(facts, c, named)]
    named, generic = _named_with_their_noun(facts, named, generic)
    return [_as_state_body(facts, c) for c in named] + generic


def _named_with_their_noun(facts: SentenceFacts, named: list[Candidate], generic: list[Candidate]) \
        -> tuple[list[Candidate], list[Candidate]]:
    """ "the Kettleby hospital", "the Lutrecht city council": a one-word name no gazetteer knows, written right before
    a sector noun, names one organisation with it, most likely after its town, not a second victim beside a generic
    one. A longer name is an organisation's own ("Lutrex Foods factories": Lutrex Foods), and a known place before
    the noun is read as the place ("the Bristol hospital" is a hospital in Bristol)."""
    merged: list[Candidate] = []
    kept_generic = []
    for candidate in generic:
        nouns = [m for m in facts.cues.get("sector", []) if m.end == candidate.end]
        inner = _unknown_name_right_before(facts, named, nouns[0].start, candidate.start) if nouns else None
        if inner is None:
            kept_generic.append(candidate)
            continue
        name = facts.text[inner.start:candidate.end]
        administration = any(m.start == nouns[0].start and m.end == candidate.end
                             for m in facts.cues.get("place_heads", []))  # known by its place's name, as "the city of"
        key = inner.victim.key if administration else f"org:{name_key(name)}"
        sector = STATE_SECTOR if administration else candidate.victim.sector
        merged.append(Candidate(inner.start, candidate.end, Victim(name, key, candidate.victim.country, sector), False))
        named = [n for n in named if n is not inner]
    # "the Korvan foreign ministry": a department no country was found for, after such a name, is that name's
    for unplaced in [n for n in named if n.victim.key.startswith("?/ministry:")]:
        inner = _unknown_name_right_before(facts, named, unplaced.start, 0)
        if inner is None:
            continue
        name = facts.text[inner.start:unplaced.end]
        victim = Victim(name, f"org:{name_key(name)}", None, unplaced.victim.sector)
        merged.append(Candidate(inner.start, unplaced.end, victim, False))
        named = [n for n in named if n is not inner and n is not unplaced]
    return named + merged, kept_generic


def _unknown_name_right_before(facts: SentenceFacts, named: list[Candidate], head: int, start: int) \
        -> Candidate | None:
    """The one-word organisation name (no gazetteer's place) that ends right before the noun at ``head`` and starts
    at ``start`` or after, if exactly one does."""
    inner = [n for n in named if start <= n.start and n.end <= head and n.victim.key.startswith("org:")
             and len(n.victim.name.split()) == 1 and not facts.text[n.end:head].strip()]
    return inner[0] if len(inner) == 1 else None


def _describes_name(facts: SentenceFacts, generic: Candidate, named: list[Candidate]) -> bool:
    """A sector noun right before a name, with at most a nationality between, says what the name is: "la compañía
    automovilística italiana Ferrari", "le constructeur italien Ferrari" are one victim, Ferrari. So does the first
    of two joined descriptions, when the name opens with the second: "der Rüstungskonzern und Automobilzulieferer
    Korvan" (the name's key leaves its description out); "die Stadtverwaltung und Korvan" are two victims."""
    for candidate in named:
        gap = facts.text[generic.end:candidate.start]
        if candidate.start < generic.end or len(gap) > _MAX_DESCRIBED_GAP:
            continue
        for country in facts.countries:
            if generic.end <= country.start and country.end <= candidate.start:
                gap = gap.replace(country.text, " ")
        if not gap.strip() or (gap.strip().casefold() in _CONJUNCTIONS and _opens_with_description(candidate)):
            return True
        if generic.victim.sector == STATE_SECTOR and _owner_link(gap, facts.language):
            return True
        if _people_of_the_name(facts, generic, gap):
            return True
    return False


def _people_of_the_name(facts: SentenceFacts, generic: Candidate, gap: str) -> bool:
    """ "datos de pacientes y empleados del Hospital San Aurelio", "données de patients et d'employés de l'hôpital de
    Kettleby": people of the name after them, whose data was its, with more of its people between; one victim."""
    people = [*facts.cues.get("people_noun", []), *facts.cues.get("people_of", [])]
    if not any(m.start <= generic.start and generic.end <= m.end for m in people):
        return False
    start = generic.end
    for noun in people:  # "... and employees of": the other people nouns go, with the words that join them
        if start <= noun.start and noun.end <= start + len(gap):
            gap = gap[:noun.start - start] + " " + gap[noun.end - start:]
    words_left = [w for w in re.findall(r"\w+['’]|\w+", gap) if w.casefold() not in _CONJUNCTIONS]
    return _owner_link(" ".join(words_left), facts.language)


def _owner_link(gap: str, language: str) -> bool:
    """Only a connector and articles stand between a state body's noun and the name after it: the name is whose body
    it is ("die Verwaltung der Stadt Lutrecht", "the administration of the city of Lutrecht"), one victim."""
    if _PUNCTUATION.search(gap):
        return False
    gap_words = {word.casefold() for word in re.findall(r"\w+['’]|\w+", gap)}
    connectors, articles = _owner_connectors(language)
    return bool(gap_words & connectors) and gap_words <= connectors | articles


@language_table
def _owner_connectors(language: str) -> tuple[frozenset[str], frozenset[str]]:
    """The pack's name connectors ("of", "der", "de"), and its articles."""
    grammar = pack(language, "grammar")
    return (frozenset(w.casefold() for w in grammar["name_connectors"]),
            frozenset(w.casefold() for w in grammar["articles"]))


def _opens_with_description(candidate: Candidate) -> bool:
    first = _WORD.match(candidate.victim.name)
    return first is not None and not candidate.victim.key.startswith(f"org:{name_key(first.group())}")


def _as_state_body(facts: SentenceFacts, candidate: Candidate) -> Candidate:
    """A state's one parliament or government named with its country ("Parlament von Norwegen", "le parlement de la
    Norvège"), keyed alike in every language, as a sector noun is keyed by `_generic_victims` ("the Norwegian
    parliament")."""
    inside = [c for c in facts.countries
              if candidate.start <= c.start and c.end <= candidate.end and not c.attacker_side]
    if not inside:
        return _as_named_state_body(facts, candidate)
    if len(inside) != 1:
        return candidate
    country = inside[0]
    rest = f"{facts.text[candidate.start:country.start]} {facts.text[country.end:candidate.end]}"
    body = state_body(" ".join(w for w in _WORD.findall(rest) if not _NAME_LINK.fullmatch(w + " ")))
    if body is None:
        return candidate
    victim = replace(candidate.victim, key=f"{country.code}/{STATE_SECTOR}:{body}", country=country.code,
                     sector=STATE_SECTOR, generic=False)
    return replace(candidate, victim=victim)


def _as_named_state_body(facts: SentenceFacts, candidate: Candidate) -> Candidate:
    """A state body's noun before the one word its state calls it ("el Parlamento Storting", "the Parliament
    Veldting"): the body, whose country the article gives (`frames`), so that it is one victim with "the Norwegian
    parliament" of other reports. The name stays as written. A place after the noun names a local body ("Polizei
    Lutrecht"), and a longer name an office of its own ("Government Accountability Office")."""
    if candidate.generic:
        return candidate
    words = facts.text[candidate.start:candidate.end].split()
    if len(words) != 2 or not words[1][:1].isupper() or known_place(words[1]):
        return candidate
    body = state_body(words[0])
    if body is None:
        return candidate
    victim = replace(candidate.victim, key=f"?/{STATE_SECTOR}:{body}", sector=STATE_SECTOR)
    return replace(candidate, victim=victim)


def is_technology(facts: SentenceFacts, candidate: Candidate) -> bool:
    """ "Windows", "Linux", "Windows Management Instrumentation", "Microsoft Exchange servers": a platform, a technique
    or a product with known flaws (`KnowledgeBase.technology`) is what was attacked on someone's machines, not who was
    hit. Only the whole name counts, or its singular: "Android users" are victims, and so is the "Linux Foundation".
    Judged after the role models, which weigh a candidate among all those of its sentence, as they were fitted to."""
    name = " ".join(facts.text[candidate.start:candidate.end].casefold().split())
    version = _VERSION_AFTER.match(facts.text, candidate.end)  # "Office 365", "Windows 10": a name stops at a number
    names = [name, f"{name} {version.group(1)}"] if version else [name]
    technology = knowledge_base().technology
    return not candidate.generic and any(n in technology or n.removesuffix("s") in technology for n in names)


def is_a_unit_or_a_code(facts: SentenceFacts, candidate: Candidate) -> bool:
    """ "USD 35.71", "the Fortune 500", "the W-2 forms": a name that an amount or a rank follows (a number with
    decimals, or of a hundred or more, but not a year, which may date the victim's own breach: "the Equifax 2017
    breach"; a small count is the sentence's own: "hit Kettleby Council 10 days ago") is a currency or a ranking; a
    capital letter joined to digits is a form's or a model's code. Neither is whom the attack hit."""
    if candidate.generic:
        return False
    number = _NUMBER_AFTER.match(facts.text, candidate.end)
    amount = number.group(1) if number else ""
    ranked = bool(amount) and not _YEAR.fullmatch(amount) and (not amount.isdigit() or int(amount) >= _RANKS_FROM)
    return ranked or bool(_CODE.fullmatch(facts.text[candidate.start:candidate.end]))


def is_instrument(facts: SentenceFacts, candidate: Candidate) -> bool:
    """ "infected with the Korvlock ransomware", "colpito da Korvan", "getroffen door Korvlock": a name right after a
    hit participle and its agent or instrument word (``roles.toml``: ``instrument_before``), an article between at
    most, is the malware or the crew that hit, not whom it hit; the catalogue knows only some of them. Unless the name
    owns what follows ("hit by Norvale's outage", "hit by the Norvale breach"), which a noun for a work does not tell
    ("the Korvlock ransomware": the packs' ``work_nouns``). Judged with `is_technology`."""
    if candidate.generic:
        return False
    text = facts.text
    before = [cue for cue in facts.cues.get("instrument_before", []) if cue.end <= candidate.start]
    articles = _owner_connectors(facts.language)[1]
    if not any(set(text[cue.end:candidate.start].casefold().split()) <= articles for cue in before):
        return False

    def right_after(kind: str) -> bool:
        return any(not text[candidate.end:cue.start].strip() for cue in facts.cues.get(kind, [])
                   if cue.start >= candidate.end)

    owns = text.startswith(("'s", "’s"), candidate.end) or (right_after("attack") and not right_after("work_nouns"))
    return not owns


def has_the_flaw(facts: SentenceFacts, candidate: Candidate) -> bool:
    """ "exploiting a vulnerability in Microsoft Outlook", "une vulnérabilité de Microsoft Outlook", "eine
    Schwachstelle in Microsoft Outlook", "le falle Ivanti", "the Ivanti flaws": the name right after a noun for a
    flaw (the packs' ``flaw_nouns``) and its little words, if any, or right before one, is the flawed product, not
    whom the attack hit. Judged with `is_technology`, after the role models."""
    if candidate.generic:
        return False
    before = facts.text[max(0, candidate.start - _FLAW_BEFORE):candidate.start]
    return bool(_flaw_before(facts.language).search(before) or _flaw_after(facts.language).match(facts.text,
                                                                                                 candidate.end))


_FLAW_BEFORE = 40  # "vulnérabilité de la messagerie": where the flaw's noun before the name stands


@language_table
def _flaw_before(language: str) -> re.Pattern[str]:
    """A flaw's noun, then its preposition and article if any, ending right before a name."""
    links = alternation(link_words(language))
    return re.compile(rf"\b(?:{_flaw_nouns(language)})\s+(?:(?:{links})\s+|[dl]['’]){{0,2}}$", re.IGNORECASE)


@language_table
def _flaw_after(language: str) -> re.Pattern[str]:
    """A flaw's noun right after a name: "the Ivanti flaws"."""
    return re.compile(rf"\s+(?:{_flaw_nouns(language)})\b", re.IGNORECASE)


def _flaw_nouns(language: str) -> str:
    return alternation(pack(language if language in LANGUAGES else "en", "vulnerabilities")["flaw_nouns"])


def is_channel(facts: SentenceFacts, candidate: Candidate) -> bool:
    """ "on their Telegram channel", "auf ihrem Telegram-Kanal", "via zijn Telegramkanaal", "sul canale Telegram": a
    platform named with a channel noun (``roles.toml``: ``channel_nouns``) is where a message was posted, not who was
    hit. Judged with `is_technology`, after the role models."""
    if candidate.generic:
        return False
    text = facts.text
    compound, after, before = _channel_patterns(facts.language)
    return bool(compound.search(text, candidate.start, candidate.end) or after.match(text, candidate.end)
                or before.search(text[max(0, candidate.start - _CHANNEL_BEFORE):candidate.start]))


_CHANNEL_BEFORE = 16  # "canal de Telegram", "chaîne Telegram": where a channel noun before the name stands


@language_table
def _channel_patterns(language: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The language's channel nouns: ending a name as a compound ("Telegramkanaal", "Telegram-Kanal"), right after
    it ("Telegram channel"), or before it after a preposition and at most one more word, with at most a short word
    between noun and name ("en su canal de Telegram", "sul canale Telegram"). Without the preposition the noun may
    describe a broadcaster, which may be hit ("la chaîne Kettleby TV")."""
    nouns = alternation(pack(language if language in LANGUAGES else "en", "roles")["channel_nouns"])
    prepositions = alternation(pack(language if language in LANGUAGES else "en", "grammar")["prepositions"])
    return (re.compile(rf"\w-?(?:{nouns})(?!\w)", re.IGNORECASE),
            re.compile(rf"[ -](?:{nouns})(?!\w)", re.IGNORECASE),
            re.compile(rf"(?<!\w)(?:{prepositions})\s+(?:\w+\s+)?(?:{nouns})\s+(?:\w{{1,3}}\s+)?$", re.IGNORECASE))


def is_impersonated(facts: SentenceFacts, candidate: Candidate) -> bool:
    """ "Scammers posing as the Lutrecht tax office", "se faisant passer pour la banque", "a fake Lutrecht Bank
    website", "the Lutrecht Bank scam": the name right after an impersonation cue (``attack.toml``: ``impersonation``)
    or a word for a counterfeit (``roles.toml``: ``counterfeit_words``), or right before a word for a scam, is whom a
    phishing message pretends to be, not whom it hits. At most an article or a short word ("from") stands between.
    Judged with `is_technology`, after the role models."""
    if candidate.generic:
        return False
    text = facts.text
    return any(m.end <= candidate.start and _only_function_words(text[m.end:candidate.start], facts.language)
               for kind in ("impersonation", "counterfeit_words") for m in facts.cues.get(kind, [])) \
        or any(m.start >= candidate.end and not text[candidate.end:m.start].strip(" -")
               for m in facts.cues.get("scam", []))


def _only_function_words(gap: str, language: str, most: int = 2) -> bool:
    """Nothing but up to ``most`` of the language's function words ("the", "la", "von der") stands in ``gap``."""
    words = _WORD.findall(gap)
    return not _PUNCTUATION.search(gap) and len(words) <= most \
        and all(word.casefold() in stop_words(language) for word in words)


def _attacker_word(facts: SentenceFacts, candidate: Candidate) -> bool:
    """A capitalised word that only says who attacks ("Cybercriminals stole ...", "Hackers ...", "Fraudsters ..."):
    the language's attacker and criminal nouns name the other side, never a victim. So does one that opens a run of
    capitalised words: in German, the attackers stand right before what they took ("haben Hacker Daten gestohlen").
    A firm's name that opens with its group noun does not (`_opens_a_firm_name`)."""
    return any(m.start <= candidate.start < m.end and not _opens_a_firm_name(facts, m)
               for kind in ("attacker_noun", "criminal_noun") for m in facts.cues.get(kind, []))


def _opens_a_firm_name(facts: SentenceFacts, noun: Match) -> bool:
    """ "atacaron al Grupo Almadía", "Gruppo Veldmark", "le Groupe Lutrex": a bare group noun (the packs'
    ``bare_group_nouns``), capitalised inside the sentence in a language that writes its nouns in lower case, opens a
    firm's name; a crew's stays lower case ("el grupo Korvan"). German capitalises every "Gruppe" and tells nothing
    so (`capitalises_nouns`)."""
    written = noun.text
    return written[:1].isupper() and written.casefold() in bare_group_nouns(facts.language) \
        and not capitalises_nouns(facts.language) and bool(facts.text[:noun.start].strip(_QUOTES + "([–—-"))


def possessor_of_systems(facts: SentenceFacts, candidate: Candidate) -> bool:
    """ "The Water Authority's internal computer system ... was hit": the owner of what was attacked."""
    return not candidate.generic and bool(_POSSESSED.match(facts.text[candidate.end:candidate.end + 60]))


def attack_subject(facts: SentenceFacts, candidate: Candidate, first: Candidate | None) -> bool:
    """The subject of a sentence reporting an attack is its victim ("Eurostar has forced all customers to reset
    passwords after a breach"), unless it is reporting it ("Symantec said") or other names come first (``first`` is
    the sentence's first candidate)."""
    if candidate.generic or not facts.is_attack or facts.actors or any(c.attacker_side for c in facts.countries) \
            or titles_a_person(facts, candidate):
        return False  # an officer opening a sentence on the attack speaks of it ("Veldmark Chief Mira Tallis said")
    reports = [m for m in facts.cues.get("speech", []) if not _tells_its_people(facts, m)]
    if any(facts.has(kind) for kind in ("attribution", "denial")) or reports or not _full_sentence(facts.text):
        return False
    if any(not (candidate.start <= c.start < candidate.end) for c in facts.countries):
        return False  # another country in the sentence may well be the attacker's: leave it to explicit cues
    if first is not candidate:
        return False
    opening = facts.text[:candidate.start]
    clause = opening.rsplit(",", 1)[-1] if opening.count(",") == 1 and len(opening.split()) <= 6 else opening
    if len(clause.split()) > 1:
        return False
    following = facts.text[candidate.end:candidate.end + _REPORTING_REACH]
    if any(0 <= m.start - candidate.end <= 25 for m in facts.cues.get("attacker_after", [])):
        return False  # "The group claimed responsibility ..."
    return not REPORTING_VERB.match(following) and not _does_the_attacking(facts, candidate)


def _does_the_attacking(facts: SentenceFacts, candidate: Candidate) -> bool:
    """ "Korvix hacked the Lutrecht council", "Korvix has attacked more than 300 organisations", "Korvix heeft ...
    aangevallen": a verb whose object is the victim (the packs' ``victim_before``), in the subject's own clause and
    active (right after the subject, or after an active auxiliary and no passive one: "has been paralysed", "werd
    maandag getroffen" are passives), makes the subject the one who attacks."""
    passive = facts.cues.get("victim_after", [])
    active_words, passive_words = auxiliaries(facts.language)
    for verb in facts.cues.get("victim_before", []):
        if verb.start < candidate.end or _PUNCTUATION.search(facts.text, candidate.end, verb.start) \
                or verb.text.split()[-1].casefold() in linking_words():
            continue  # "lost access to its files" is no verb of attacking
        if any(p.start <= verb.start and verb.end <= p.end for p in passive) \
                or _COMPLEMENTIZER.search(facts.text, candidate.end, verb.start):
            return False  # "has been attacked"; "told customers that an attack had disrupted": another clause's
        between = [word.casefold() for word in facts.text[candidate.end:verb.start].split()]
        active = [n for n, word in enumerate(between) if word in active_words]
        if between and not active:
            return False
        return not any(word in passive_words for word in between[active[-1] + 1 if active else 0:])
    return False


@table
def linking_words() -> frozenset[str]:
    """Prepositions and the words that join a name to its head, in every language ("access to", "systèmes de"): a
    victim phrase that ends in one is no verb."""
    return frozenset(word.casefold() for kind in ("prepositions", "name_connectors") for word in words("grammar", kind))


def titles_a_person(facts: SentenceFacts, candidate: Candidate) -> bool:
    """The candidate holds one of the packs' person nouns ("Veldmark Health Chief Mira Tallis", "Minister Jan Vos",
    "Sprecherin"): it names somebody by an office."""
    return bool(_PERSON_TITLE.search(facts.text, candidate.start, candidate.end))


def _tells_its_people(facts: SentenceFacts, speech: Match) -> bool:
    """ "Brindle Health has told all of its staff to change their passwords": a speech verb its own people follow
    (the packs' ``people_of`` nouns, a few words on) is an organisation's notice to them, not a report about
    someone else ("Symantec said")."""
    return any(speech.end <= m.start and not _PUNCTUATION.search(facts.text, speech.end, m.start)
               and words_between(facts.text, speech.end, m.start, _NOTICE_WORDS) <= _NOTICE_WORDS
               for m in facts.cues.get("people_of", []))


def _full_sentence(text: str) -> bool:
    """A sentence with a verb and a full stop, not a heading ("PREVIOUS ATTACK") or a caption."""
    return len(text.split()) >= _MIN_SENTENCE_WORDS and text.rstrip().endswith((".", "!", "?", "”", '"', "»"))


def after_victim_cue(facts: SentenceFacts, candidate: Candidate) -> bool:
    """A cue a few words before the name ("an attack on the X"), of the reported attack (`victim_of_another_attack`
    is the other case)."""
    cue = _cue_before(facts, candidate)
    return cue is not None and not _another_attack(facts, cue) and not _where_the_target_stands(facts, cue, candidate) \
        and not _kind_of_the_thing(facts, cue, candidate)


def _kind_of_the_thing(facts: SentenceFacts, cue: Match, candidate: Candidate) -> bool:
    """ "il database del sito di e-commerce", "le site de commerce en ligne": a sector noun right after the bare
    preposition that ends the cue, with no article, says what kind of site or system it is, not whose it is ("il
    sito del comune", "le site de la mairie", "il sito di Lutrabus" name the owner). Only in the languages that
    write it so (the grammar packs' ``kind_after_bare_of``): "a hack of hospital payroll servers" names the owner."""
    if not candidate.generic or facts.text[cue.end:candidate.start].strip() \
            or not pack(facts.language, "grammar")["kind_after_bare_of"]:
        return False
    last = cue.text.split()[-1].casefold()
    return last in _bare_connectors(facts.language)


@language_table
def _bare_connectors(language: str) -> frozenset[str]:
    """The pack's words that tie a name to the noun before it ("of", "di", "de"), without those fused with or being
    an article ("del", "des", "la")."""
    grammar = pack(language, "grammar")
    fused = {word.casefold() for word in grammar["contractions"]} | {word.casefold() for word in grammar["articles"]}
    whole = [w.casefold() for w in grammar["name_connectors"] if w.casefold() not in fused and not w.endswith(ELISION)]
    # an elided form stays when it is one of those cut short ("d'" for "de"), not an article's ("l'", "dell'")
    return frozenset(whole) | frozenset(w.casefold() for w in grammar["name_connectors"]
                                        if w.endswith(ELISION) and any(c.startswith(w[:-1]) for c in whole))


def _where_the_target_stands(facts: SentenceFacts, cue: Match, candidate: Candidate) -> bool:
    """ "a breach of its ticket servers in Zeist", "un attacco ai server di un ospedale a Cremona": a place after a
    preposition of place (the packs' ``where``), past a word of its own after the cue, says where the thing the cue
    speaks of stands (its network, a hospital); that thing was hit, not the town. "an attack on Zeist" is untouched,
    and so is "the attack in Zeist": no word of its own stands between."""
    if facts.text[candidate.start:candidate.end] not in knowledge_base().places:
        return False
    gap = facts.text[cue.end:candidate.start]
    where = _place_preposition(facts.language).search(gap)
    if where is None:
        return False
    own = stop_words(facts.language)
    return any(word.casefold() not in own for word in _LETTERS.findall(gap, 0, where.start()))


@language_table
def _place_preposition(language: str) -> re.Pattern[str]:
    """A preposition of place, and perhaps an article, that ends the gap before a name."""
    where = alternation(pack(language, "places")["where"])
    articles = alternation(pack(language, "grammar")["articles"])
    return re.compile(rf"(?:^|\s)(?:{where})\s+(?:(?:{articles})\s+)?$", re.IGNORECASE)


def victim_of_another_attack(facts: SentenceFacts, candidate: Candidate) -> bool:
    """The name is the victim of an attack the sentence sets beside or before the reported one ("the worst since the
    attack on X", "After the attack on X, hackers hit Y"): no victim of this one, by any rule or model."""
    cue = _cue_before(facts, candidate)
    return cue is not None and _another_attack(facts, cue)


def _cue_before(facts: SentenceFacts, candidate: Candidate) -> Match | None:
    """The victim cue a few words before the name, if it speaks of the name. Only the nearest cue before it can
    qualify: the gap from a farther one holds every word, comma and break of the nearer one's, and more. Cues never
    overlap, so their ends are in order and the nearest is found by bisection. The word that opens a list of who
    was hit ("the firms affected include X") is such a cue too. A name in a relative clause after the cue ("the
    systems of the company that books appointments for Norvale Clinic") is what the clause tells of, not whom the
    cue speaks of."""
    cue = _nearest_cue_before(facts, candidate.start)
    if cue is None:
        return None
    start, end = candidate.start, candidate.end
    gap = facts.text[cue.end:start]
    gap_words = words_between(facts.text, cue.end, start, _MAX_DESCRIPTOR_WORDS)
    if gap_words > _MAX_DESCRIPTOR_WORDS or _addressee(facts, cue) or _SENTENCE_BREAK.search(gap) \
            or AGENT_BEFORE.search(gap) or relative_pronoun(facts.language).search(gap):
        return None  # "targeted in 2021 by Korvan": the name after the agent word is who hit
    if gap_words > _MAX_GAP_WORDS or "," in gap:  # only a description of the name's trade spans more
        described = not candidate.generic and _trade_between(facts, cue, start)
        if not described or ("," in gap and not _named_after_its_trade(facts, cue, start, end)):
            return None
    return cue


def _nearest_cue_before(facts: SentenceFacts, start: int) -> Match | None:
    cues = facts.cues.get("victim_before", [])
    if facts.cues.get("victim_list"):
        cues = sorted(cues + facts.cues["victim_list"], key=lambda cue: cue.end)
    nearest = bisect.bisect_right(cues, start, key=lambda cue: cue.end)
    return cues[nearest - 1] if nearest else None


def in_apposition_to_a_victim(facts: SentenceFacts, start: int, end: int) -> bool:
    """The name at ``start``..``end`` is the apposition of a victim described by its trade after a victim cue: "de
    systemen van een Nederlands energiebedrijf, Oostmere Energie, hackten" (whom the verb at the clause's end hit,
    not who hit)."""
    cue = _nearest_cue_before(facts, start)
    return cue is not None and _trade_between(facts, cue, start) and _named_after_its_trade(facts, cue, start, end)


def _a_name_between(facts: SentenceFacts, start: int, end: int) -> bool:
    """A name chunk stands between ``start`` and ``end`` that is not a country's adjective ("Danish", "Nederlands",
    which describe rather than name)."""
    return any(start <= name.start and name.end <= end
               and not any(c.start <= name.start and name.end <= c.end for c in facts.countries)
               for name in facts.names)


def _named_after_its_trade(facts: SentenceFacts, cue: Match, start: int, end: int) -> bool:
    """ "preso di mira un'azienda della difesa polacca, la Korvan Systems": the one comma in the gap opens an
    apposition that names the organisation the words before it describe by its trade. The name closes it (a comma,
    the sentence's end): "attacked the company, Kettleby said" names a speaker. A name before the comma makes it a
    list ("attacks on tech giant ABB, the Kettleby Association"), which `_members_listed` reads."""
    comma = facts.text.rfind(",", cue.end, start)
    return facts.text.count(",", cue.end, start) == 1 \
        and not _a_name_between(facts, cue.end, comma) \
        and bool(APPOSITION_OPENING.fullmatch(facts.text, comma, start)) \
        and bool(_APPOSITION_CLOSING.match(facts.text, end))


def _trade_between(facts: SentenceFacts, cue: Match, start: int) -> bool:
    """The words between the cue and a name describe whom it names, by its trade and country, and may run longer than
    the gap a cue otherwise spans: an organisation noun or a sector stands among them, at most
    ``_MAX_WORDS_AFTER_TRADE`` words before the name ("la empresa chilena de defensa X"), and no other name, no
    conjunction and no punctuation but a hyphen does. "attacks on Veldmark Bank was discovered by researcher X",
    "colpito la giustizia dell'FPS e la difesa di X" and "systems at Ukrainian utilities – systems like X's laptop"
    hold more than a description; a sector noun described at length ("companies in the worlds of diversified media")
    is no name (`_cue_before` asks this of named candidates only)."""
    gap = facts.text[cue.end:start]
    description = gap.partition(",")[0]  # an apposition's comma is `_named_after_its_trade`'s to read
    if _PUNCTUATION_IN_DESCRIPTION.search(description) \
            or any(word.casefold() in _CONJUNCTIONS for word in gap.split()) \
            or _a_name_between(facts, cue.end, start):
        return False
    nouns = [(noun.start, noun.end) for noun in trades(facts)]
    if compound := _organisation_compound(facts.language):  # "einen norwegischen Energieversorger, die X"
        nouns += [word.span() for word in compound.finditer(facts.text, cue.end, start)]
    return any(cue.end <= noun_start and noun_end <= start
               and words_between(facts.text, noun_end, start, _MAX_WORDS_AFTER_TRADE) <= _MAX_WORDS_AFTER_TRADE
               for noun_start, noun_end in nouns)


def _another_attack(facts: SentenceFacts, cue: Match) -> bool:
    return _another_attack_compared(facts, cue) or _after_an_earlier_attack(facts, cue)


def _another_attack_compared(facts: SentenceFacts, cue: Match) -> bool:
    """ "the worst since the attack on Kettleby Bank", "Like the attack on Kettleby Bank, ...", "comme lors de
    l'attaque contre ...": a comparison (the packs' background markers, as they set an earlier event's date apart)
    in the cue's clause, before it, puts the attack the cue speaks of beside the reported one; whom it hit is not a
    victim of this one. "Hospitals like Brindle Health were hit" has no cue after the comparison and is untouched."""
    clause_start = max((m.end() for m in CLAUSE_EDGE.finditer(facts.text, 0, cue.start)), default=0)
    return bool(background_markers(facts.language, "comparison").search(facts.text, clause_start, cue.start)
                or background_markers(facts.language, "earlier_attack").search(facts.text, clause_start, cue.end))


def _after_an_earlier_attack(facts: SentenceFacts, cue: Match) -> bool:
    """ "Dopo l'attacco a Kettleby Bank, ... gli hacker hanno condotto un attacco contro Veldmark": a sentence that
    opens with "after" and an attack, and past that clause speaks of an attack again, not as "the attack" (the same
    one), reports the later attack; whom the first one hit is not its victim. "After the attack on Kettleby Bank, the
    bank restored its systems" keeps Kettleby Bank."""
    opening = background_markers(facts.language, "after").match(facts.text.lstrip(_QUOTES))
    if opening is None or CLAUSE_EDGE.search(facts.text, 0, cue.start):
        return False
    edge = CLAUSE_EDGE.search(facts.text, cue.end)
    return edge is not None and any(m.start >= edge.end() and not _DEFINITE.search(facts.text, 0, m.start)
                                    for m in facts.cues.get("attack", []))


def _new_subject(gap: str) -> bool:
    """ "told the broadcaster that they had fallen victim": a word after "that" is the subject of the clause it opens,
    so the cue is not the name's; "the firm that was hacked" has none."""
    found = _COMPLEMENTIZER.search(gap)
    return found is not None and bool(gap[found.end():].strip())


def _addressee(facts: SentenceFacts, cue: Match) -> bool:
    """ "zegt directeur Anna Reyes tegen persbureau Korvan": a preposition the language also uses for the one a speaker
    tells (Dutch "tegen") introduces that listener, not a victim, after a reporting verb in its clause with no "that"
    and no attack word between; or, opening the clause, before the verb ("Tegen persbureau Korvan zegt de bond
    ...")."""
    if cue.text.casefold() not in _PREPOSITIONS:
        return False
    attack = [m.start for m in facts.cues.get("attack", [])]
    before = facts.text[:cue.start].rstrip()
    opens_clause = not before or bool(_PUNCTUATION.search(before[-1]))
    for verb in facts.cues.get("speech", []):
        if verb.end <= cue.start:  # "zegt ... tegen X"
            start, end = verb.end, cue.start
        elif opens_clause and cue.end <= verb.start:  # "Tegen X zegt ..."
            start, end = cue.end, verb.start
        else:
            continue
        gap = facts.text[start:end]
        if len(gap.split()) <= _MAX_ADDRESSEE_WORDS and not _PUNCTUATION.search(gap) \
                and not _COMPLEMENTIZER.search(gap) and not any(start <= at < end for at in attack):
            return True
    return False


def attackers_hit(facts: SentenceFacts) -> bool:
    """The sentence tells of a blow to attackers themselves: a catalogued group or ransomware family stands where the
    one hit does ("LockBit was disrupted in February by an international police operation", "LockBit, ..., era stata
    colpita a febbraio dall'operazione Cronos"). Its attack words and dates are the attackers' story, not an attack
    of theirs."""
    return any(before_victim_cue(facts, Candidate(m.start, m.end, Victim(facts.text[m.start:m.end], ""), False))
               for m in [*facts.actors, *facts.software])


def before_victim_cue(facts: SentenceFacts, candidate: Candidate) -> bool:
    """A cue right after the name ("X was hacked"), or after an apposition ("X, a Belgian MP, was ..."). Cues are read
    nearest first and the reading stops where no farther cue could qualify: past a sentence break, or past the
    longest apposition. In German and Dutch, the object of a perfect stands right before the participle that ends
    the clause (`_object_of_a_perfect`)."""
    if _object_of_a_perfect(facts, candidate):
        return True
    cues = facts.cues.get("victim_after", [])
    for cue in cues[bisect.bisect_left(cues, candidate.end, key=lambda cue: cue.start):]:
        words = words_between(facts.text, candidate.end, cue.start, _MAX_APPOSITION_WORDS)
        if words > _MAX_APPOSITION_WORDS:
            return False
        gap = facts.text[candidate.end:cue.start]
        if _SENTENCE_BREAK.search(_DIGIT_GROUPS.sub(" ", _ABBREVIATIONS.sub(" ", gap))):
            return False
        if words - _dated_words(facts, candidate.end, cue.start) <= 2 and "," not in gap and not _new_subject(gap):
            return True
        inner = gap.strip().strip(",").strip()
        if gap.lstrip().startswith(",") and gap.rstrip().endswith(",") and inner:
            return True
        if _says_it_was_hit(facts, candidate.end, cue.start):
            return True
    return False


def _dated_words(facts: SentenceFacts, start: int, end: int) -> int:
    """The words of dates between ``start`` and ``end``: German and Dutch put the time inside the verb group ("X is
    sinds december 2024 het doelwit geweest"), and it says nothing of whom the verb is about."""
    return sum(len(facts.text[max(d.start, start):min(d.end, end)].split())
               for d in facts.dates if d.start < end and start < d.end)


def _object_of_a_perfect(facts: SentenceFacts, candidate: Candidate) -> bool:
    """ "Korvan hat letzte Woche die Stadtwerke Lutrecht gehackt", "Korvan heeft de gemeente Lutrecht gehackt": a
    victim verb's participle right after a name ends the clause, and one of the packs' ``auxiliaries_before_object``
    opens it a few words before the name: the name is what was hit. A sector noun there is what the sentence is about
    in general ("Systeme der Verwaltung") unless its country makes it one ("das ukrainische Stromnetz lahmgelegt")."""
    auxiliaries = auxiliaries_before_object(facts.language)
    if not auxiliaries or (candidate.generic and candidate.victim.country is None):
        return False
    verb = next((cue for cue in facts.cues.get("victim_before", []) if cue.start >= candidate.end), None)
    if verb is None or not _only_its_place_between(facts, candidate.end, verb.start) \
            or not _ends_the_clause(facts, verb.end):
        return False
    before = re.split(r"[,;:]", facts.text[:candidate.start])[-1].split()[-_PERFECT_OBJECT_WORDS:]
    return any(word.casefold() in auxiliaries for word in before)


def _only_its_place_between(facts: SentenceFacts, end: int, verb_start: int) -> bool:
    """Nothing stands between the name and the participle, or only where it is: "Behörden in Taiwan angegriffen"."""
    if not facts.text[end:verb_start].strip() or _only_the_means_between(facts, end, verb_start):
        return True
    country = next((c for c in facts.countries if end <= c.start and c.end <= verb_start
                    and not facts.text[c.end:verb_start].strip()), None)
    return country is not None and _links_a_place(facts.text[end:country.start], facts.language)


def _ends_the_clause(facts: SentenceFacts, at: int) -> bool:
    """Only punctuation, the sentence's end or a conjunction that opens the next clause follows ("gehackt en
    klantgegevens gestolen"), or the means the verb was done with before it ("platgelegd met DDoS-aanvallen.": Dutch
    may put it after the participle)."""
    following = facts.text[at:].split(maxsplit=1)
    if re.match(r"\s*(?:[.,;:!?]|$)", facts.text[at:]) or (following and following[0].casefold() in _CONJUNCTIONS):
        return True
    clause_end = _PUNCTUATION.search(facts.text, at)
    return _only_the_means_between(facts, at, clause_end.start() if clause_end else len(facts.text))


def _only_the_means_between(facts: SentenceFacts, end: int, verb_start: int) -> bool:
    """ "die Webseiten mit DDoS-Angriffen lahmgelegt", "de websites met DDoS-aanvallen platgelegd": what the attack
    was made with, a short phrase after a preposition of the means (the packs' ``instruments_before_participle``)."""
    gap = facts.text[end:verb_start].split()
    return 2 <= len(gap) <= _MEANS_WORDS and gap[0].casefold() in _means(facts.language) \
        and not _PUNCTUATION.search(" ".join(gap))


@language_table
def _means(language: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in pack(language, "grammar")["instruments_before_participle"])


_MEANS_WORDS = 4  # "mit massiven DDoS-Angriffen": the preposition and a short noun phrase
_PERFECT_OBJECT_WORDS = 6  # "hat letzte Woche die Stadtwerke": from the auxiliary to the object's name


def _says_it_was_hit(facts: SentenceFacts, end: int, cue_start: int) -> bool:
    """ "Norvale said on Tuesday it had been hacked", "La Caisse ... a confirmé, mardi 8 avril, avoir été la cible",
    "Lutrex, la distribuidora, confirmó que fue víctima", "Kettleby a découvert mardi qu'elle avait été piratée":
    between the name (and its apposition) and the cue stand only the name's own verb of speech or discovery (the
    packs' ``discovered``), dates and function words. The name reports that it was hit; "Norvale said its
    supplier was hacked" has a word of its own there and is no such report."""
    speech = sorted((m for kind in ("speech", "discovered") for m in facts.cues.get(kind, [])
                     if end <= m.start and m.end <= cue_start), key=lambda m: m.start)
    if not speech:
        return False
    said = speech[0].start
    before = facts.text[end:said]
    own = stop_words(facts.language)
    apposition = before.lstrip().startswith(",") and before.rstrip().endswith(",") and before.strip(" ,")
    if not apposition and not all(word.casefold() in own for word in _LETTERS.findall(before)):
        return False  # the verb is the name's own, right after it (or its auxiliary: "a découvert") or its apposition
    spoken = [(m.start, m.end) for m in speech] + [(d.start, d.end) for d in facts.dates]  # the verbs and dates
    return all(word.group().casefold() in own
               or any(start <= word.start() and word.end() <= stop for start, stop in spoken)
               for word in _LETTERS.finditer(facts.text, said, cue_start))
