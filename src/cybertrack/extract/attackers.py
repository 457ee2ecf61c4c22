"""Who acts in an attack sentence: catalogued actors, ransomware gangs, state agencies, and attackers nobody catalogued.

Catalogued threat actors are found by name (see `knowledge/`), unless the sentence names them only for comparison
("tactics seen before with APT41"). Everyone else must be cast as the attacker by the sentence, with the same
role-cue method as for victims:
- a ransomware (or other malware) family is a tool ("infected with WannaCry") unless a group noun or a gang's act
  makes it its gang
  ("the LockBit gang", "Clop stole", "il gruppo ransomware Cl0p ha rivendicato");
- a state agency reports, investigates or is hacked as often as it attacks: it acts when attackers are put under it
  ("hackers working for the GRU", "GRU unit 26165") or it is blamed ("attributed to the MSS"), and then its state
  is the sponsor;
- any other name acts when a cue casts it: "hacked by X", "a group calling itself X", "X claimed responsibility",
  "X was charged", "the hacktivist group X".
A cue casts a name only across articles, determiners and quotes ("hacked by the X"); any other word between them
breaks the link, so "hackers penetrated Tesla's console" casts nobody. The cue words are data per language
(the language packs' `actors.toml`, with the attacker cues of their `roles.toml`).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from cybertrack.extract.agents import agent_before
from cybertrack.extract.facts import (
    CountryMention,
    SentenceFacts,
    active_auxiliaries,
    auxiliaries_before_object,
    bare_group_nouns,
    business_group,
    launches_an_attack,
)
from cybertrack.extract.gaps import words_between
from cybertrack.extract.names import NameChunk
from cybertrack.extract.person_names import honorifics
from cybertrack.extract.victims import in_apposition_to_a_victim, known_place, linking_words, name_key, plausible_name
from cybertrack.knowledge.base import Entry, knowledge_base
from cybertrack.knowledge.common_words import common_in_every_language
from cybertrack.knowledge.legal_forms import ends_in_legal_form
from cybertrack.knowledge.matcher import Match
from cybertrack.lang import LANGUAGES, pack, words
from cybertrack.tables import language_table, table

_APPOSITION = 6
_CREW_NOUN_WORDS = 4  # ", an Iranian state-backed hacking group": how far into an apposition its group noun may stand
# an apposition set off by two commas may say more of who the name is: "X, both from Kettleby but living in Brindle,"
_APPOSITION_BETWEEN_COMMAS = 10
_DESCRIBING_WORDS = 4  # "two Iranian men", "a 24-year-old Lithuanian man"
_COMPARISON_GAP = 6  # "similar to those used by APT41", "once used by a crew known as Lazarus"
_ATTRIBUTION_GAP = 8  # "attributed the intrusion into the network to the GRU"
_CONJUNCTIONS = {"and", "&", ",", "et", "und", "e", "y", "en"}
_ATTACKER_WORDS = ("crew_before", "crew_after", "attacker_noun", "attacker_before", "attacker_after")  # cue kinds
_NAME_OF = re.compile(
    r"\s+(?:of(?: the)?|de(?: la| los| las)?|du|des|del|della|degli|di|van(?: de| het)?|von(?: der)?)\s+")
_AGENT = re.compile(r"\b(?:by|par|door|von|da|por|according to|selon|volgens|laut|secondo|según)\b", re.IGNORECASE)
_ACRONYM_IN_BRACKETS = re.compile(r"\(\s*[A-Z][A-Z0-9&]{1,9}\s*\)")
_PUNCTUATION_ONLY = re.compile(r"^[\"'“”‘’«»„—–:\-()]+$")


@dataclass(frozen=True)
class Acting:
    """An actor a sentence casts as acting, and the state it stands for when it is a state agency."""

    name: str
    state: str | None = None


@table
def _gap_words() -> frozenset[str]:
    """The words that may stand between a cue and the name it casts (the actor cues themselves are matched with every
    other cue, in ``SentenceFacts.cues``)."""
    return frozenset(w.casefold() for phrase in words("actors", "gap_words") for w in phrase.split())


@table
def _lower_case_crew_nouns() -> frozenset[str]:
    return frozenset(p for p in words("actors", "crew_after") if p.islower())


def sentence_attackers(facts: SentenceFacts, agencies: list[Match] | None = None) -> list[Acting]:
    """Every actor the sentence casts as acting, in this order: catalogued actors, gangs, agencies, the others.
    ``agencies`` are the sentence's agency names, when the caller has found them already."""
    found = [Acting(str(e.key)) for m in facts.actors
             if not compared(facts, m) and not _its_malware(facts, m) and not _a_victim(facts, m) for e in m.values]
    found += [Acting(name) for name in acting_gangs(facts)]
    if agencies is None:
        agencies = sentence_agencies(facts)
    found += acting_agencies(facts, agencies)
    found += [Acting(name) for name in unknown_attackers(facts, agencies)]
    return list(dict.fromkeys(found))


def nationalities_of_attackers(facts: SentenceFacts) -> list[CountryMention]:
    """ "charged a Latvian man, Janis Brindlers", "an Estonian named Taavi Korvanen": the nationalities that describe a
    person the sentence casts as attacking, with nothing but the packs' ``person_descriptors`` and ``gap_words``
    between; they are where the attacker is from, never the country of whom the attack hit."""
    spans = [(m.start(), m.end()) for acting in sentence_attackers(facts)
             for m in re.finditer(re.escape(acting.name), facts.text)]
    describing = _person_descriptors() | _gap_words()
    return [country for country in facts.countries if country.form == "adjective"
            and any(country.end < start and _describes(facts.text[country.end:start], describing)
                    for start, _ in spans)]


def _describes(between: str, describing: frozenset[str]) -> bool:
    words_between_them = between.replace(",", " ").casefold().split()
    return 0 < len(words_between_them) <= 2 and all(word in describing for word in words_between_them)


def sentence_agencies(facts: SentenceFacts) -> list[Match]:
    """The state agencies the sentence names: by a name of their own ("the GRU", "the BSI"), or by what they are
    with their country ("China's Ministry of State Security", "the Norwegian Police Security Service")."""
    if not facts.text.strip():
        return []
    kb = knowledge_base()
    named = kb.find_agencies(facts.text)
    described = []
    for chunk in facts.names:
        if any(c.start == chunk.start and c.end < chunk.end for c in facts.countries) \
                and not any(chunk.start < m.end and m.start < chunk.end for m in named):
            agency = kb.agency_named(chunk.text)
            if agency:
                described.append(Match(chunk.start, chunk.end, chunk.text, (Entry("agency", agency),)))
    return sorted(named + described, key=lambda m: m.start)


def initials_only(sentences: list[SentenceFacts]) -> set[str]:
    """Actors an article names only by the initials of one of their names ("TSB" for The Shadow Brokers, all through an
    article about TSB the bank): initials name many things, so they name the actor only once the article has named it
    in full somewhere."""
    kb = knowledge_base()
    spelled: dict[str, bool] = {}
    for sentence in sentences:
        for match in sentence.actors:
            for entry in match.values:
                key = str(entry.key)
                actor = kb.actors.get(key)
                initials = actor is not None and _initials_of(match.text, actor.aliases | {actor.name})
                spelled[key] = spelled.get(key, False) or not initials
    return {key for key, in_full in spelled.items() if not in_full}


def _initials_of(text: str, names: set[str]) -> bool:
    return text.isalpha() and text.isupper() and any(
        len(parts := name.split()) == len(text) and "".join(w[0] for w in parts).upper() == text for name in names)


def compared(facts: SentenceFacts, actor: Match) -> bool:
    """ "tactics seen before with APT41", "similar to those used by Lazarus": named to compare, not as the actor."""
    for cue in facts.cues.get("comparison", []):
        if cue.end <= actor.start and words_between(facts.text, cue.end, actor.start, _COMPARISON_GAP) \
                <= _COMPARISON_GAP and not re.search(r"[.;,]", facts.text[cue.end:actor.start]):
            return True
    return False


def acting_gangs(facts: SentenceFacts) -> list[str]:
    """Malware families the sentence casts as their gang: named with a group noun or doing what gangs do (the
    galaxies list one ransomware operation under several family names, "BlackBasta" and "Black Basta")."""
    kb = knowledge_base()
    found = []
    for match in facts.software:
        families = [str(e.key) for e in match.values if getattr(e, "kind", None) == "malware"]
        if not families:
            continue
        after = [c for c in facts.cues.get("crew_after", []) if not _part_of_a_name(c)]
        after += facts.cues.get("attacker_after", [])
        gang = kb.gang(families[0])
        if gang is not None and (_cast_from_before(facts, match, facts.cues.get("crew_before", []))
                                 or _cast_from_after(facts, match, after) or _attacks(facts, match)
                                 or ("ransomware" in gang.galaxies and (_agent_of_a_hit(facts, match)
                                                                        or _attacks_what_follows(facts, match, True)))):
            found.append(gang.name)
    return found


def _agent_of_a_hit(facts: SentenceFacts, match: Match) -> bool:
    """ "was hit by LockBit", "wurde von LockBit getroffen", "getroffen door Akira", "von Rhysida angegriffen": the
    family, by its bare name, is the agent of a passive in a sentence that says somebody was hit or attacked (a
    victim cue or an attack cue of the pack), so its gang did it. "encrypted by the LockBit ransomware" names the tool
    instead, and no gang. Asked only of the families the ransomware galaxy lists: a trojan's or a worm's name names
    no operation."""
    if not (facts.cues.get("victim_after") or facts.cues.get("victim_before") or facts.is_attack) \
            or _names_a_work(facts, match):
        return False
    return bool(agent_before(facts.language).search(facts.text[max(0, match.start - _AGENT_REACH):match.start]))


_AGENT_REACH = 20  # characters before a family where its agent word and article may stand



def _part_of_a_name(cue: Match) -> bool:
    """ "Phobos Group": a group noun its language writes in lower case, capitalised here, is part of a firm's name."""
    return cue.text[:1].isupper() and cue.text.casefold() in _lower_case_crew_nouns()


def acting_agencies(facts: SentenceFacts, agencies: list[Match]) -> list[Acting]:
    """State agencies put in charge of the attackers or blamed for the attack, with their state: in a sentence that
    reports an attack ("a plot orchestrated by the CIA" in a film's synopsis is none) and does not deny it."""
    if not agencies or not facts.is_attack or facts.has("denial"):
        return []
    kb = knowledge_base()
    found = []
    before = facts.cues.get("agency_link", []) + facts.cues.get("attacker_before", [])
    after = facts.cues.get("agency_after", []) + facts.cues.get("attacker_after", [])
    for match in agencies:
        if _cast_from_before(facts, match, before) or _cast_from_after(facts, match, after) \
                or _blamed(facts, match):
            for entry in match.values:
                agency = kb.agencies[str(entry.key)]  # type: ignore[attr-defined]
                found.append(Acting(agency.name, agency.country))
    return found


def _blamed(facts: SentenceFacts, match: Match) -> bool:
    """ "The UK attributed the attack to the GRU": an attribution cue before the agency, a few words away, with no
    other actor between them and no agent word ("attributed to APT28 by the PST": the PST attributes, it is not
    blamed)."""
    for cue in facts.cues.get("attribution", []):
        if cue.end > match.start or words_between(facts.text, cue.end, match.start, _ATTRIBUTION_GAP) \
                > _ATTRIBUTION_GAP:
            continue
        gap = facts.text[cue.end:match.start]
        if "." in gap or _AGENT.search(gap) or any(cue.end <= m.start < match.start for m in facts.actors):
            continue
        return True
    return False


def unknown_attackers(facts: SentenceFacts, agencies: list[Match] | None = None) -> list[str]:
    """Names the sentence casts as attackers, other than catalogued actors, agencies, countries, places a suspect is
    from, security vendors and registered companies (`legal_forms`); a name coordinated with an attacker's
    ("Aleksey Belan and Karim Baratov") is one too."""
    taken = [(m.start, m.end) for m in facts.actors + facts.producers + facts.software + (agencies or [])]
    taken += [(d.start, d.end) for d in facts.dates]
    before = sorted(facts.cues.get("attacker_before", []) + [cue for cue in facts.cues.get("crew_before", [])
                                                             if not business_group(facts, cue)], key=lambda c: c.end)
    crew_nouns = [c for kind in ("crew_before", "attacker_before", "group_noun") for c in facts.cues.get(kind, [])]
    names = [chunk for chunk in [_without_crew_noun(facts, whole, crew_nouns) for whole in _whole_names(facts)]
             if not any(chunk.start < e and s < chunk.end for s, e in taken)
             and (plausible_name(facts, chunk) or _before_its_crew_noun(facts, chunk))
             and len(name_key(chunk.text)) >= 3 and chunk.text[0].isalpha() and not _only_a_country(facts, chunk)
             and not _names_an_attack(facts, chunk) and not _names_a_work(facts, chunk)
             and not _a_word_for_attackers(facts, chunk) and not _where_from(facts, chunk)
             and not (" " not in chunk.text and common_in_every_language(chunk.text))  # "le groupe Microsoft"
             and not ends_in_legal_form(chunk.text)]  # "German logistics group Halvorn Logistik AG": a company
    cast = [(_cast_from_before(facts, chunk, before) and not _people_of(facts, chunk))
            or ((_before_cue(facts, chunk) or _attacks(facts, chunk) or _described_as_a_crew(facts, chunk))
                and not _a_victim(facts, chunk))
            for chunk in names]
    for i in range(1, len(names)):  # "Aleksey Belan and Karim Baratov were charged", in both directions
        cast[i] = cast[i] or (cast[i - 1] and _coordinated(facts, names[i - 1], names[i]))
    for i in range(len(names) - 2, -1, -1):
        cast[i] = cast[i] or (cast[i + 1] and _coordinated(facts, names[i], names[i + 1]))
    return [chunk.text for chunk, is_cast in zip(names, cast, strict=True) if is_cast]


def _before_its_crew_noun(facts: SentenceFacts, chunk: NameChunk) -> bool:
    """ "the Conti ransomware group": a catalogued actor's name that is also a common word, which the catalogue's
    matcher leaves alone (`knowledge.common_words`), is the crew's all the same when a noun for a crew follows it (the
    packs' ``group_nouns``, but a bare "group", which a firm's name takes too)."""
    if knowledge_base().actor(chunk.text) is None:
        return False
    bare = bare_group_nouns(facts.language)
    return any(noun.start >= chunk.end and not facts.text[chunk.end:noun.start].strip(" -")
               and noun.text.casefold() not in bare for noun in facts.cues.get("group_noun", []))


def after_leading_noun(facts: SentenceFacts, chunk: NameChunk, nouns: list[Match]) -> NameChunk:
    """German writes the noun that says what a crew is capitalised, so a name chunk may begin with one ("Gruppe Cl0p",
    "Hackergruppe Korvan", "Ransomware-Gruppe Rhysida"): where one of ``nouns`` opens the chunk, the name is what
    follows it, and the noun stands right before it, as the cue that casts it."""
    for noun in nouns:
        if noun.start == chunk.start and noun.end < chunk.end:
            start = chunk.end - len(facts.text[noun.end:chunk.end].lstrip())
            if start < chunk.end:
                return replace(chunk, text=facts.text[start:chunk.end], start=start, descriptor=0)
    return chunk


def _without_crew_noun(facts: SentenceFacts, chunk: NameChunk, nouns: list[Match]) -> NameChunk:
    """The crew's name without the noun German writes into its chunk as the chunk's descriptor ("Hackergruppe
    Korvan"); a chunk the tagger reads as one name keeps its words."""
    described = chunk.start + chunk.descriptor
    return after_leading_noun(facts, chunk, [n for n in nouns if n.end <= described]) if chunk.descriptor else chunk


def _whole_names(facts: SentenceFacts) -> list[NameChunk]:
    """Name chunks, with a name that goes on after "of" joined to its end: "Guardians of Peace", "Guardianes de la
    Paz" (its first half alone is no actor's name); not across a country ("hackers of North Korea")."""
    names: list[NameChunk] = []
    for chunk in facts.names:
        previous = names[-1] if names else None
        if previous and _NAME_OF.fullmatch(facts.text[previous.end:chunk.start]) and not _only_a_country(facts, chunk):
            names[-1] = replace(previous, end=chunk.end, text=facts.text[previous.start:chunk.end])
        else:
            names.append(chunk)
    return names


def _names_an_attack(facts: SentenceFacts, chunk: NameChunk) -> bool:
    """ "the crooks behind the BEC attacks", "the Mongo Lock campaign": a name written before a noun for an attack
    (a word both lexicons hold: an attacker's noun and an attack word, or a campaign) names a kind of attack or a
    campaign, not the crew; "Nordic Hammer defaced" is still the crew."""
    attacks = {(cue.start, cue.end) for cue in facts.cues.get("attack", [])}
    return any(cue.start >= chunk.end and not facts.text[chunk.end:cue.start].strip(" -")
               and ((cue.start, cue.end) in attacks or "campaign" in cue.text.casefold())
               for cue in facts.cues.get("attacker_noun", []))


def _its_malware(facts: SentenceFacts, actor: Match) -> bool:
    """ "those behind Scarab ransomware": a catalogued actor whose name a malware family bears too, written before a
    noun for a work, names the malware (`_names_a_work`); "APT28 malware" is still APT28's."""
    return actor.text in knowledge_base().software and _names_a_work(facts, actor)


def _names_a_work(facts: SentenceFacts, chunk: Match | NameChunk) -> bool:
    """ "those behind Scarab ransomware", "the Kettleby malware": a name written right before a noun for a work (the
    packs' ``work_nouns``: malware, a tool, a report) names the work; who is behind it goes unnamed. "the Norvale
    ransomware gang" is still the crew: a noun for attackers follows the work's, or one crew cue holds both."""
    text = facts.text
    works = [cue for cue in facts.cues.get("work_nouns", [])
             if cue.start >= chunk.end and not text[chunk.end:cue.start].strip(" -\"'’”»")]
    if not works:
        return False
    crew_cues = {cue.start for cue in facts.cues.get("crew_after", [])}
    attacks = {(cue.start, cue.end) for cue in facts.cues.get("attack", [])}
    crews = [cue for cue in facts.cues.get("attacker_noun", []) if (cue.start, cue.end) not in attacks]
    return not any(work.start in crew_cues or any(crew.start >= work.end and not text[work.end:crew.start].strip()
                                                  for crew in crews) for work in works)


def _a_word_for_attackers(facts: SentenceFacts, chunk: NameChunk) -> bool:
    """ "Hacktivists defaced ...": a capitalised noun the packs hold for attackers names no one, at the start of a
    sentence or in a headline."""
    return any(cue.start == chunk.start and cue.end == chunk.end for kind in _ATTACKER_WORDS
               for cue in facts.cues.get(kind, []))


def _people_of(facts: SentenceFacts, chunk: NameChunk) -> bool:
    """ "records leaked by Lutrecht city employees": a name before a noun for its people (employees, customers)
    names whose people they are; the cue casts the people, not the name."""
    return any(cue.start >= chunk.end and not facts.text[chunk.end:cue.start].strip(" -")
               for cue in facts.cues.get("people_of", []))


def _a_victim(facts: SentenceFacts, chunk: Match | NameChunk) -> bool:
    """ "Zu dem Angriff auf X bekannte sich Y": a name the attack is on is not the one claiming it; nor is a
    catalogued crew ("an attack on Hacking Team"); nor one that names a victim described by its trade ("toen zij de
    systemen van een Nederlands energiebedrijf, Oostmere Energie, hackten")."""
    return _cast_from_before(facts, chunk, facts.cues.get("victim_before", [])) \
        or in_apposition_to_a_victim(facts, chunk.start, chunk.end)


def _where_from(facts: SentenceFacts, chunk: NameChunk) -> bool:
    """ "a man from Leeds", "un uomo di Torino": a place the gazetteer knows, after the word that ties a place to who
    is there, says where someone lives; a crew's name stands alone ("a hacker calling himself Brumaire")."""
    before = facts.text[:chunk.start].split()[-1:]
    return bool(before) and before[0].casefold() in _where_words(facts.language) and known_place(chunk.text)


@language_table
def _where_words(language: str) -> frozenset[str]:
    """The words that tie a place to who is there: the pack's places ``of`` ("from", "aus", "di")."""
    return frozenset(w.casefold() for w in pack(language, "places")["of"])


def _only_a_country(facts: SentenceFacts, chunk: NameChunk) -> bool:
    return any(c.start <= chunk.start and chunk.end <= c.end for c in facts.countries)


def _links(facts: SentenceFacts, start: int, end: int, linking: frozenset[str]) -> bool:
    """Only ``linking`` words, quotes, dashes, a possessive, a country or a numbered unit under what follows (the
    packs' ``unit_designations``) stand between ``start`` and ``end``: "hacked by the X", "hackers — X and Y",
    "hackers of Russia's GRU", "the GRU's unit 26165", "hackers from Unit 26165 of the GRU"."""
    gap = facts.text[start:end]
    if any(character.isdigit() for character in gap):  # a unit is numbered; most gaps hold no digit
        gap = _unit_designation(facts.language).sub(lambda unit: " " * len(unit.group()), gap)
    for word in re.finditer(r"\S+", gap):
        token = word.group().casefold().lstrip("-")
        at = start + word.start()
        if not (not token or _PUNCTUATION_ONLY.match(token) or token in linking or token in {"'s", "’s"}
                or any(c.start <= at < c.end for c in facts.countries)):
            return False
    return True


@language_table
def _unit_designation(language: str) -> re.Pattern[str]:
    """The pack's patterns of a numbered unit under what follows ("unit 26165 of"), as one pattern."""
    fragments = pack(language if language in LANGUAGES else "en", "actors")["unit_designations"]
    return re.compile(rf"(?<!\w)(?:{'|'.join(fragments)})(?!\w)", re.IGNORECASE)


def _cast_from_before(facts: SentenceFacts, name: Match | NameChunk, cues: list[Match]) -> bool:
    """A cue before the name casts it across nothing but linking words: "hacked by X", "the ransomware gang X"."""
    cues = sorted(cues, key=lambda cue: cue.end)
    for cue in reversed(cues[:bisect.bisect_right(cues, name.start, key=lambda cue: cue.end)]):
        if (_links(facts, cue.end, name.start, _gap_words()) or _described_person(facts, cue.end, name.start)) \
                and not _after_a_work(facts, cue):
            return True
        if words_between(facts.text, cue.end, name.start, _APPOSITION) > _APPOSITION:
            return False
    return False


def _described_person(facts: SentenceFacts, start: int, end: int) -> bool:
    """Between a cue and a name, who the person is, set off by a comma: "charged a Lithuanian man, X", "indicted two
    Iranian men, X and Y" (a few words ending in one of the packs' ``person_descriptors``)."""
    described, comma, rest = facts.text[start:end].rpartition(",")
    words_before = described.split()
    return bool(comma) and not rest.strip() and 0 < len(words_before) <= _DESCRIBING_WORDS \
        and words_before[-1].casefold() in _person_descriptors()


@table
def _person_descriptors() -> frozenset[str]:
    return frozenset(w.casefold() for w in words("actors", "person_descriptors"))


_BETWEEN_WORK_AND_NAME = " ,(\"'“”«»‘’"  # "malware (dubbed “EyePyramid”)": punctuation around the work's name


def _after_a_work(facts: SentenceFacts, cue: Match) -> bool:
    """ "reports published by Bleeping Computer", "the program, dubbed OSX/Dok": a cue right after a noun for a work
    names the work's author or the work itself, not an attacker."""
    return any(work.end <= cue.start and not facts.text[work.end:cue.start].strip(_BETWEEN_WORK_AND_NAME)
               for work in facts.cues.get("work_nouns", []))


def _cast_from_after(facts: SentenceFacts, name: Match | NameChunk, cues: list[Match]) -> bool:
    """A cue right after the name ("LockBit claimed", "die BlackBasta-Gruppe", "GRU unit 26165"), or after an
    apposition between commas ("Clop, a Russian-speaking gang, stole ..."), or after a person's name that is itself
    the apposition ("The suspect, Kevin Marchal, allegedly stole ..."); no word links them on this side ("PST named the
    hacker group" casts nobody)."""
    cues = sorted(cues, key=lambda cue: cue.start)
    for cue in cues[bisect.bisect_left(cues, name.end, key=lambda cue: cue.start):]:
        gap = facts.text[name.end:cue.start]
        if _links(facts, name.end, cue.start, frozenset()) and "," not in gap:
            return True
        if gap.strip() == "," and facts.text[:name.start].rstrip().endswith(",") and len(name.text.split()) > 1:
            return True  # a person's full name: a one-word apposition is what a thing is called ("the variant, X,")
        inner = gap.strip().strip(",").strip()
        if gap.lstrip().startswith(",") and gap.rstrip().endswith(",") and inner and "," not in inner \
                and words_between(facts.text, name.end, cue.start, _APPOSITION_BETWEEN_COMMAS) \
                <= _APPOSITION_BETWEEN_COMMAS:
            return True
        if words_between(facts.text, name.end, cue.start, _APPOSITION_BETWEEN_COMMAS) > _APPOSITION_BETWEEN_COMMAS:
            return False
    return False


def _described_as_a_crew(facts: SentenceFacts, chunk: NameChunk) -> bool:
    """ "Korvan Kittens, an Iranian hacking group, targeted ...", "... a Umber Heron, un grupo de ciberespionaje que
    ...": an apposition set off by a comma whose first words hold a group noun of attackers says what the name is, a
    crew's. A bare "group" may be a firm's ("a Dutch food group": the packs' ``bare_group_nouns``), unless a word of
    attacks or attackers stands beside it in the apposition."""
    if not facts.text.startswith(",", chunk.end):
        return False
    edge = re.compile(r"[,;.:]").search(facts.text, chunk.end + 1)
    end = edge.start() if edge else len(facts.text)
    of_attacks = any(chunk.end < cue.start and cue.end <= end for kind in ("attack", "attacker_noun")
                     for cue in facts.cues.get(kind, []))  # "un grupo de ciberespionaje", "a cyber-espionage group"
    return words_between(facts.text, chunk.end, end, _APPOSITION) <= _APPOSITION \
        and any(chunk.end < noun.start and noun.end <= end
                and words_between(facts.text, chunk.end, noun.start, _CREW_NOUN_WORDS) < _CREW_NOUN_WORDS
                and (of_attacks or noun.text.casefold() not in bare_group_nouns(facts.language))
                for noun in facts.cues.get("group_noun", []))


def _before_cue(facts: SentenceFacts, chunk: NameChunk) -> bool:
    """ "X claimed responsibility", "Evaldas Rimasauskas, 48, was arrested"."""
    return _cast_from_after(facts, chunk, facts.cues.get("attacker_after", []))


def _attacks(facts: SentenceFacts, chunk: Match | NameChunk) -> bool:
    """The name is the subject of an attack verb whose object is a name (`_attacks_what_follows`,
    `_attacks_the_object_before`), or of a verb whose object is the attack ("Marek Vlcek launched DDoS attacks")."""
    return _attacks_what_follows(facts, chunk) or _attacks_the_object_before(facts, chunk) \
        or launches_an_attack(facts, _after_a_relative_pronoun(facts, chunk.end))


def _attacks_what_follows(facts: SentenceFacts, chunk: Match | NameChunk, any_object: bool = False) -> bool:
    """ "Korvan Data Liberators hacked the Norvale Credit Union", "Korvan a piraté la mairie de Lutrecht": the subject
    of a verb whose object is the victim (the packs' ``victim_before``, but for the phrases that end in a
    preposition: "gave Motherboard access to ..."), with at most an active auxiliary and an acronym in brackets
    between, and a name right after the verb, an article before it at most: "Norvale Bank hacked by ..." is a passive
    a headline shortens, "Yahoo had struck a deal" no attack. A ransomware family's name is no firm's, so for one
    (``any_object``) any object will do: "LockBit attacked the systems of the port"."""
    text = facts.text
    subject_end = _after_a_relative_pronoun(facts, _after_its_group_noun(facts, chunk))
    for verb in facts.cues.get("victim_before", []):
        if verb.start < subject_end:
            continue
        between = _ACRONYM_IN_BRACKETS.sub("", text[subject_end:verb.start]).split()
        if len(between) > 1 or (between and between[0].casefold() not in active_auxiliaries()):
            return False
        following = text[verb.end:].split(maxsplit=2)
        if following and following[0].casefold() in _articles():
            following = following[1:]
        return verb.text.split()[-1].casefold() not in linking_words() and bool(following) \
            and (any_object or following[0][:1].isupper())
    return False


def _after_its_group_noun(facts: SentenceFacts, chunk: Match | NameChunk) -> int:
    """Where the subject "the Korvan group" ends: after the noun for a group written right after the name; a bare
    "group" may be a firm's ("the Halvorn group"), yet one that hacked a name is a crew."""
    nouns = facts.cues.get("group_noun", []) + facts.cues.get("crew_after", [])
    text = facts.text
    right_after = (noun.end for noun in nouns if noun.start >= chunk.end and not text[chunk.end:noun.start].strip())
    return next(right_after, chunk.end)


def _after_a_relative_pronoun(facts: SentenceFacts, subject_end: int) -> int:
    """ "Taavi Korvanen, who hacked the bank", "Korvanen, qui a piraté la banque": where a comma and a relative pronoun
    that stands for the subject (the packs' ``subject_relative_pronouns``) follow it, its clause's verb comes after
    them. A verb-final clause ("Korvanen, der die Bank gehackt hatte") puts the object first, and casts nobody."""
    comma = _COMMA.match(facts.text, subject_end)
    if comma is None:
        return subject_end
    opening = list(_WORD.finditer(facts.text, comma.end(), comma.end() + _RELATIVE_REACH))[:2]
    for last in reversed(opening):  # "il quale" before "il"
        if " ".join(facts.text[comma.end():last.end()].casefold().split()) in subject_relative_pronouns(facts.language):
            return last.end()
    return subject_end


_COMMA = re.compile(r"\s*,\s*")
_WORD = re.compile(r"\w+")
_RELATIVE_REACH = 30  # characters after the comma in which a relative pronoun of two words ends


@language_table
def subject_relative_pronouns(language: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in pack(language, "grammar")["subject_relative_pronouns"])


def _attacks_the_object_before(facts: SentenceFacts, chunk: Match | NameChunk) -> bool:
    """ "Korvan heeft de Norvale Bank gehackt", "Korvan hat die Stadtwerke Norvale gehackt": German and Dutch put the
    object of a perfect between its auxiliary (the packs' ``auxiliaries_before_object``) and the participle that ends
    the clause; the object is a name, an article and the noun it is named after before it at most ("de gemeente
    Veldmark"). Where the clause opens on something else, the subject follows the auxiliary: "Laut
    Staatsanwaltschaft hat Herr Brindlers die Stadtwerke Norvale gehackt"."""
    auxiliaries = auxiliaries_before_object(facts.language)
    after = re.match(r"\s*(\S+)", facts.text[chunk.end:])
    if auxiliaries and after is not None and after.group(1).casefold() in auxiliaries:
        object_start = chunk.end + after.end()
    elif auxiliaries and _after_an_auxiliary(facts.text[:chunk.start], auxiliaries):
        object_start = chunk.end
    else:
        return False
    verb = next((cue for cue in facts.cues.get("victim_before", []) if cue.start >= object_start), None)
    if verb is None or verb.text.split()[-1].casefold() in linking_words() \
            or not _closes_its_clause(facts.text[verb.end:]):
        return False
    named = facts.text[object_start:verb.start].split()
    if named and named[0].casefold() in _articles():
        named = named[1:]
    heads = {cue.text.casefold() for kind in ("sector", "place_heads") for cue in facts.cues.get(kind, [])
             if object_start <= cue.start < verb.start}
    return bool(named) and named[-1][:1].isupper() \
        and all(word[:1].isupper() or word.casefold() in heads for word in named)


def _closes_its_clause(after: str) -> bool:
    """What follows a participle ends its clause: punctuation, the text's end, or a conjunction that opens the next
    ("... gehackt en gegevens gestolen")."""
    following = after.split(maxsplit=1)
    return not following or following[0][:1] in ".,;:!?" or following[0].casefold() in _CONJUNCTIONS


def _after_an_auxiliary(before: str, auxiliaries: frozenset[str]) -> bool:
    """The words before a name end on an auxiliary, a courtesy title between at most ("heeft dhr. Brindlers")."""
    last = before.split()[-2:]
    if last and last[-1].casefold() in honorifics():
        last = last[:-1]
    return bool(last) and last[-1].casefold() in auxiliaries


@table
def _articles() -> frozenset[str]:
    return frozenset(word.casefold() for word in words("grammar", "articles"))


def _coordinated(facts: SentenceFacts, previous: NameChunk, chunk: NameChunk) -> bool:
    """Only a conjunction stands between the two names, and after it at most a few lower-case words or numbers that
    say who the second one is ("X and 44-year-old Y", "X et son frère Y"); a comma alone parts a list's items."""
    conjunction, *describing = facts.text[previous.end:chunk.start].split() or [""]
    return conjunction in _CONJUNCTIONS and (not describing or (
        conjunction != "," and len(describing) <= _DESCRIBING_WORDS
        and all(word[:1].islower() or word[:1].isdigit() for word in describing)))
