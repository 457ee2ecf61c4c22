"""Everything one sentence says, found in one pass: names, dates, vulnerabilities and cue words.

The later steps (victims, claims, frames) only read these facts; none of them scans
the text again.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from datetime import date

from cybertrack.annotate.dates import DateMention, Reference, find_dates
from cybertrack.annotate.normalise import normalise
from cybertrack.extract.cues import Cues
from cybertrack.extract.institutions import Institution, find_institutions
from cybertrack.extract.names import NameChunk, name_chunks, stop_words
from cybertrack.knowledge.base import Entry, KnowledgeBase
from cybertrack.knowledge.matcher import Match
from cybertrack.knowledge.vulnerabilities import VulnerabilityMention, find_vulnerabilities
from cybertrack.lang import LANGUAGES, alternation, compound_pattern, pack, with_contractions, words
from cybertrack.tables import language_table, table

# "China-backed", "Kremlin-linked", "Chinese state-sponsored": the country before is the attacker's side
_SPONSORED = re.compile(r"^[-‑–]?\s*(?:state[-‑–\s]?)?"
                        r"(?:backed|linked|sponsored|affiliated|aligned|nexus|based hackers)\b", re.IGNORECASE)
# a word after a verb, in its clause: its object follows. German and Dutch end a clause with the participle or the
# particle, their object before it ("hat Estland gehackt", "nahmen Norwegen ins Visier"): that country was hit.
_OBJECT_AFTER = re.compile(r"\s+[^\W\d_]")
_WORD_BEFORE = re.compile(r"(\S+)\s+$")  # the word right before a position, and the space after it
_SHORTEST_COMPOUND_HEAD = 4  # letters before the noun a compound ends in ("Bundes-polizei", "cyber-dienst")


ADJECTIVES_AFTER_NOUNS = frozenset({"fr", "it", "es"})  # "pirates chinois", "hacker cinesi", "piratas rusos"
_MAX_NOUN_GAP = 30  # characters between a nationality and its attacker noun
_LAUNCH_REACH = 3  # words between a launch verb and the attack it launches ("launched a massive cyberattack")
_ANY_DAY = date(2000, 1, 1)  # only to ask whether a sentence has a relative date at all


@dataclass(frozen=True)
class CountryMention:
    start: int
    end: int
    text: str
    code: str
    form: str  # "name", "adjective" or "capital"
    attacker_side: bool  # "Chinese hackers", "China-sponsored", "by Beijing"
    acts: bool = False  # the state itself attacks: "Russia hacked", "the Russian military launched the attack"


@dataclass
class SentenceFacts:
    """What one sentence says. ``start`` and ``end`` place it in its document, and ``raw`` is the sentence as written
    there, for the evidence; ``text`` is the normalised view every extractor reads (no invisible characters, plain
    spaces: see `annotate/normalise`), and the offsets of everything found in it are the view's."""

    index: int
    start: int
    end: int
    text: str
    raw: str
    language: str = "en"  # the article's language: the function words of the sentence are that language's
    actors: list[Match] = field(default_factory=list)
    software: list[Match] = field(default_factory=list)
    producers: list[Match] = field(default_factory=list)  # security vendors and CERTs: reporters, never victims
    countries: list[CountryMention] = field(default_factory=list)
    technique_names: list[str] = field(default_factory=list)
    vulnerabilities: list[VulnerabilityMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    institutions: list[Institution] = field(default_factory=list)
    names: list[NameChunk] = field(default_factory=list)
    cues: dict[str, list[Match]] = field(default_factory=dict)
    dated: bool = False  # says when, even if the article's own date is unknown ("in December last year")

    def within(self, ranges: list[tuple[int, int]]) -> SentenceFacts:
        """The same sentence, keeping only what lies inside ``ranges`` (offsets in the sentence): one clause's facts."""
        def inside(item: object) -> bool:
            return any(a <= item.start < b for a, b in ranges)  # type: ignore[attr-defined]

        return replace(
            self,
            actors=[m for m in self.actors if inside(m)],
            software=[m for m in self.software if inside(m)],
            producers=[m for m in self.producers if inside(m)],
            countries=[c for c in self.countries if inside(c)],
            vulnerabilities=[v for v in self.vulnerabilities if inside(v)],
            dates=[d for d in self.dates if inside(d)],
            institutions=[i for i in self.institutions if inside(i)],
            names=[n for n in self.names if inside(n)],
            cues={kind: [m for m in found if inside(m)] for kind, found in self.cues.items()},
        )

    def has(self, kind: str) -> bool:
        return bool(self.cues.get(kind))

    @property
    def attack_types(self) -> list[str]:
        return list(dict.fromkeys(str(v) for m in self.cues.get("attack", []) for v in m.values))

    @property
    def is_attack(self) -> bool:
        return bool(self.cues.get("attack")) and not self.has("hypothetical")

    @property
    def techniques(self) -> list[str]:
        found = [str(v) for m in self.cues.get("technique", []) for v in m.values]
        return list(dict.fromkeys(found + self.technique_names))


def sentence_facts(
    index: int, text: str, start: int, language: str, base: date | Reference | None, kb: KnowledgeBase, cues: Cues
) -> SentenceFacts:
    """The facts of the sentence ``text``, which begins at ``start`` in its document. Offsets are those of the
    sentence's normalised view, ``facts.text``."""
    raw, text = text, normalise(text).text
    facts = SentenceFacts(index=index, start=start, end=start + len(raw), text=text, raw=raw, language=language)
    facts.cues = cues.find_all(text)
    facts.cues["attacker_noun"] = [noun for noun in facts.cues["attacker_noun"] if not _inside_a_trade(facts, noun)]
    facts.cues["claimant_noun"] = _with_compound_claimants(text, language, facts.cues["claimant_noun"])
    for match in kb.find(text):
        entries = [v for v in match.values if isinstance(v, Entry)]
        kinds = {e.kind for e in entries}
        if "actor" in kinds:
            facts.actors.append(Match(match.start, match.end, match.text,
                                      tuple(e for e in entries if e.kind == "actor")))
        elif kinds & {"malware", "tool"}:
            facts.software.append(match)
        elif "country" in kinds:
            entry = next(e for e in entries if e.kind == "country")
            acts = _acting(text, match, entry.form, facts)
            facts.countries.append(CountryMention(match.start, match.end, match.text, entry.key, entry.form,
                                                  acts or _attacker_side(text, match, entry.form, facts, language),
                                                  acts))
        elif "producer" in kinds:
            facts.producers.append(match)
        elif "technique" in kinds:
            facts.technique_names += [e.key for e in entries if e.kind == "technique"]
    if any(country.form == "adjective" for country in facts.countries):
        actors = facts.actors + _acting_agencies(text, facts, kb)
        facts.countries = [_before_an_actor(country, text, actors) for country in facts.countries]
    if striking := _named_attackers_striking(facts, kb):
        facts.cues["attack"] = sorted(facts.cues.get("attack", []) + striking, key=lambda m: (m.start, m.end))
    facts.vulnerabilities = find_vulnerabilities(text)
    every_date = find_dates(text, language, base or _ANY_DAY)
    facts.dates = every_date if base else [d for d in every_date if not d.relative]
    facts.dated = bool(every_date)
    facts.institutions = find_institutions(text)
    facts.names = name_chunks(text, language)
    return facts


def _with_compound_claimants(text: str, language: str, found: list[Match]) -> list[Match]:
    """``found`` (the claimant nouns matched as words), and the words a claimant noun closes in a language that writes
    its compounds as one ("die deutsche Cybersicherheitsbehörde", "het nationale cybersecuritycentrum": the pack's
    ``claimant_noun_endings``). Such a match spans the whole word: it is how the article names the speaker."""
    compound = _claimant_compound(language)
    if compound is None:
        return found
    more = [Match(word.start(), word.end(), word.group(), ("claimant_noun",)) for word in compound.finditer(text)
            if not any(m.start < word.end() and word.start() < m.end for m in found)]
    return sorted(found + more, key=lambda m: (m.start, -m.end)) if more else found


@language_table
def _claimant_compound(language: str) -> re.Pattern[str] | None:
    endings = pack(language, "roles")["claimant_noun_endings"]
    return compound_pattern(endings, _SHORTEST_COMPOUND_HEAD) if endings else None


def _acting_agencies(text: str, facts: SentenceFacts, kb: KnowledgeBase) -> list[Match]:
    """The state agencies named by their attacking part ("GRU officer", "FSB hackers"); read only where a cue of
    that part stands, since it takes a pass of the agencies' matcher."""
    after = facts.cues.get("agency_after", [])
    if not after:
        return []
    return [agency for agency in kb.find_agencies(text)  # "GRU officer", "GRU-Offizier"
            if any(cue.start >= agency.end and not text[agency.end:cue.start].strip(" -") for cue in after)]


def _before_an_actor(country: CountryMention, text: str, actors: list[Match]) -> CountryMention:
    """ "a Russian GRU officer", "the North Korean Lazarus Group": a nationality right before the name of a threat
    actor, or of a state agency named by its attacking part (the packs' ``agency_after``), is the actor's side, never
    the country of what the sentence says was hit ("the Russian FSB was hacked")."""
    if country.attacker_side or country.form != "adjective":
        return country
    if any(actor.start > country.end and not text[country.end:actor.start].strip(" -") for actor in actors):
        return replace(country, attacker_side=True)
    return country


def _named_attackers_striking(facts: SentenceFacts, kb: KnowledgeBase) -> list[Match]:
    """ "LockBit hit the Norvale Bank", "getroffen door LockBit", "visée par le groupe Akira": a ransomware family named
    where the sentence also says somebody was hit (a victim cue of the pack) tells a ransomware attack, though no
    attack word does; the family's name is then its attack cue. Not a threat actor's name: the sentences that tell
    what an espionage group hit before (its past victims, listed) would all become attacks."""
    if not (facts.cues.get("victim_before") or facts.cues.get("victim_after")):
        return []
    found = []
    for match in facts.software + facts.actors:  # a gang the catalogue lists as an actor too ("Akira")
        families = [kb.software.get(str(e.key)) for e in match.values if isinstance(e, Entry)]
        if any(family is not None and family.ransomware for family in families):
            found.append(Match(match.start, match.end, match.text, ("ransomware",)))
    taken = [(m.start, m.end) for m in facts.cues.get("attack", [])]
    return [m for m in found if not any(start < m.end and m.start < end for start, end in taken)]


def _attacker_side(text: str, country: Match, form: str, facts: SentenceFacts, language: str) -> bool:
    """A nationality next to "hackers", "groups", "state actor" ("hacker cinesi"), or a "China-backed" compound.
    Only the nearest noun on either side can be next to it (nouns never overlap, so they are in order both by start
    and by end). After the noun, a nationality qualifies only in the languages that put adjectives after nouns, and
    a country's name only through function words ("hackers from Russia"): in "hackers attacked Brazil" and "hackers
    hit Brazilian firms" Brazil is the target. Before the noun, a nationality qualifies only in the languages that put
    adjectives before nouns, and never across a verb the packs know: in "Norway accuses Russian hackers" Norway is the
    one who speaks."""
    if _SPONSORED.match(text[country.end:country.end + 20]) or _linked_to_the_attackers(text, country, facts):
        return True
    attacker_nouns = facts.cues["attacker_noun"]
    # the noun may follow the state's body ("Chinese state hackers"): "state" is a stop word, no modifier
    end = _state_subject_end(text, country, form, facts) or country.end
    if any(country.end <= noun.start < end for noun in attacker_nouns):
        end = country.end  # "Chinese military hackers": the state's noun opens the attackers' noun
    after = bisect.bisect_left(attacker_nouns, end, key=lambda noun: noun.start)
    # In the languages that put adjectives after nouns, a nationality before "de piratage" belongs to the noun before
    # it: "les soupçons canadiens de piratage iranien" are the Canadians' suspicions.
    before_noun = form != "adjective" or language not in ADJECTIVES_AFTER_NOUNS
    if before_noun and after < len(attacker_nouns) and _next_to(text, end, attacker_nouns[after].start, 2) \
            and modifiers_only(text[end:attacker_nouns[after].start], language) \
            and not verb_between(facts, end, attacker_nouns[after].start) \
            and not _trade_before(facts, end, attacker_nouns[after]):
        return True
    before = bisect.bisect_right(attacker_nouns, country.start, key=lambda noun: noun.end)
    # French, Italian, Spanish: "pirates chinois", "hacker cinesi"
    if not before or not _next_to(text, attacker_nouns[before - 1].end, country.start, 1):
        return False
    cue = victim_cue_before(facts, country.start)
    if cue and cue.start <= attacker_nouns[before - 1].start:
        return False  # "attacks on Estonia": the noun and its preposition are a victim cue, not "attacks from"
    if _described_business_group(facts, attacker_nouns[before - 1].end, country.start, attacker_nouns[before - 1]):
        return False  # "le groupe énergétique italien": a firm
    if form == "adjective":
        return language in ADJECTIVES_AFTER_NOUNS
    return all(w.lower() in stop_words(language) for w in text[attacker_nouns[before - 1].end:country.start].split())


def _linked_to_the_attackers(text: str, country: Match, facts: SentenceFacts) -> bool:
    """ "a group tied to Iran's Ministry of Intelligence", "attributed to China's Ministry of State Security", "on
    behalf of North Korea", "hacked by Russia": a state right after a link to the attackers (the packs'
    ``agency_link``, at most an article between) stands behind them. A link that tells an owner ("servers belonging
    to the Ukrainian ministry", "a bridge run by a Singapore firm": the packs' ``owner_links``) ties no attacker, nor
    one that stands where an attack's target does ("hacked the email accounts of members of the Finnish
    parliament")."""
    owners = _owner_links()
    return any(link.end <= country.start and _next_to(text, link.end, country.start, 1)
               and text[link.start:link.end].casefold() not in owners and victim_cue_before(facts, link.start) is None
               for link in facts.cues.get("agency_link", []))


@table
def _owner_links() -> frozenset[str]:
    # matched as the cues are, with a preposition fused to its article ("appartenant au ministère")
    return frozenset(link.casefold() for language in LANGUAGES
                     for link in with_contractions(language, pack(language, "actors")["owner_links"]))


def victim_cue_before(facts: SentenceFacts, start: int) -> Match | None:
    """The packs' victim cue that ends right before ``start`` ("attacks on Estonia", "Angriffe auf Estland",
    "cyberaanvallen op Estland", "hacked Estonia"): what stands at ``start`` is what was hit."""
    return next((cue for cue in facts.cues.get("victim_before", [])
                 if cue.end <= start and not facts.text[cue.end:start].strip()), None)


_VERB_CUES = ("attribution", "denial", "speech", "victim_before")
_TRADE_CUES = ("sector", "organisation_noun")


def trades(facts: SentenceFacts) -> list[Match]:
    """The sentence's sector and organisation nouns: the words that name a trade ("bank", "Betreiber", "azienda")."""
    return [cue for kind in _TRADE_CUES for cue in facts.cues.get(kind, [])]


def _is_group_noun(facts: SentenceFacts, noun: Match) -> bool:
    return any(g.start <= noun.start and noun.end <= g.end for g in facts.cues.get("group_noun", []))


def _trade_before(facts: SentenceFacts, start: int, noun: Match) -> bool:
    """A sector or organisation noun between ``start`` and a group noun: "an Irish hospital group", "a French media
    group" are firms of a trade, not groups of attackers ("Russian military hackers" are hackers all the same)."""
    return _is_group_noun(facts, noun) and (any(start <= cue.start and cue.end <= noun.start for cue in trades(facts))
                                            or _described_business_group(facts, start, noun.start, noun))


def business_group(facts: SentenceFacts, noun: Match) -> bool:
    """The group noun names a firm by the trade word right before it ("the energy group Halvorn", "German logistics
    group Halvorn Logistik AG"): `_trade_before` read from that word."""
    before = _WORD_BEFORE.search(facts.text, 0, noun.start)
    return before is not None and _trade_before(facts, before.start(1), noun)


def _described_business_group(facts: SentenceFacts, start: int, end: int, noun: Match) -> bool:
    """A bare "group" (the packs' ``bare_group_nouns``) with lower-case words between it and a nationality that no cue
    reads ("German logistics group", "le groupe énergétique italien"): a business group of that trade, whichever
    trade it is. A word of the pack's ``crew_modifiers`` ("a Russian criminal group") or a cue ("hacking group") makes
    a crew of it, and so does a capitalised one ("a Chinese APT group")."""
    gap = facts.text[start:end].split()
    bare, crews = _group_words(facts.language)
    if noun.text.casefold() not in bare or not gap or not all(word.isalpha() and word.islower() for word in gap) \
            or any(word in crews or word in stop_words(facts.language) for word in gap):
        return False
    return not any(start <= cue.start < end for kind, found in facts.cues.items() if kind not in _TRADE_CUES
                   for cue in found)


@language_table
def _group_words(language: str) -> tuple[frozenset[str], frozenset[str]]:
    """The pack's bare group nouns ("group", "Gruppe") and the words that make one a crew's ("criminal")."""
    return bare_group_nouns(language), frozenset(word.casefold() for word in pack(language, "actors")["crew_modifiers"])


@language_table
def bare_group_nouns(language: str) -> frozenset[str]:
    """The pack's bare group nouns, case-folded ("group", "grupo", "gruppe"): a crew's word that a firm's name takes
    too ("a Dutch food group", "Grupo Almadía")."""
    return frozenset(noun.casefold() for noun in pack(language, "actors")["bare_group_nouns"])


def _inside_a_trade(facts: SentenceFacts, noun: Match) -> bool:
    """An attacker noun that is part of a sector noun names no attacker: "un groupe hospitalier", "un gruppo
    ospedaliero" is a firm."""
    return any(cue.start <= noun.start and noun.end <= cue.end for cue in trades(facts))


def verb_between(facts: SentenceFacts, start: int, end: int) -> bool:
    """A verb of the packs' cues (accusing, denying, saying, attacking) stands between ``start`` and ``end``."""
    return any(start <= cue.start and cue.end <= end for kind in _VERB_CUES for cue in facts.cues.get(kind, []))


def modifiers_only(gap: str, language: str) -> bool:
    """Only words that can modify the noun stand between a nationality and it ("Russia's military hackers",
    "Iranian state-backed hacking groups"), no function word: in "the US also shared intelligence" the US is
    the subject of a verb, not the hackers' side."""
    stops = stop_words(language)
    return not any(word.casefold() in stops for word in re.findall(r"(?<![\w'’])\w[\w-]*", gap))


def _acting(text: str, country: Match, form: str, facts: SentenceFacts) -> bool:
    """A state as the subject of a verb that takes the victim as its object (the packs' ``victim_before``: "Russia
    hacked", "North Korea has attacked", "la Russie a piraté") or the attack itself (``launch_verbs``: "Russia
    launched the attack", "the Russian military carried out a cyberattack", "l'esercito russo ha sferrato un
    attacco"), with at most one of the packs' active auxiliaries between; a passive ("Ukraine was hit") has another
    word there. The state is named, or is a nationality with one of its bodies (the packs' ``state_nouns``: "the
    Russian military", "l'esercito russo"). The state that acts is the attacker's, not the victim's; one right after
    a victim cue is what was hit, and the verb after it is the attack's ("a cyberattack on Albania disrupted ...")."""
    subject_end = _state_subject_end(text, country, form, facts)
    if subject_end is None or victim_cue_before(facts, country.start) or names_a_gang(facts, country, form):
        return False
    verbs = [verb for verb in facts.cues["victim_before"] if _OBJECT_AFTER.match(text, verb.end)]
    return any(_right_after(text, subject_end, verb.start) for verb in verbs) \
        or launches_an_attack(facts, subject_end)


def names_a_gang(facts: SentenceFacts, country: Match, form: str) -> bool:
    """ "Cuba ransomware", "Cuba gang", "il ransomware Cuba", "Ransomware-Gruppe Cuba": a country's name right before
    or after an attack or attacker word, or after a group noun, names a gang or its malware ("Chinese hackers" is an
    adjective, and "China-backed" a compound). Not beside a verb whose object is the victim: "Russia hacked" names the
    state that acts, "hacked Cuba" the state hit."""
    if form != "name":
        return False
    verbs = {cue.start for cue in facts.cues.get("victim_before", [])}
    beside = [m for kind in ("attack", "attacker_noun") for m in facts.cues.get(kind, []) if m.start not in verbs]
    return any(0 < m.start - country.end <= 1 or 0 < country.start - m.end <= 1 for m in beside) \
        or any(0 <= country.start - m.end <= 1 for m in facts.cues.get("group_noun", []))


def launches_an_attack(facts: SentenceFacts, subject_end: int) -> bool:
    """The subject that ends at ``subject_end`` launches an attack: a launch verb right after it, with one of the
    packs' active auxiliaries between at most, and an attack word soon after the verb ("Russia launched the attack",
    "Marek Vlcek a lancé plusieurs attaques DDoS")."""
    return any(_right_after(facts.text, subject_end, verb.start) and _attack_follows(facts.text, verb, facts,
                                                                                     facts.language)
               for verb in facts.cues.get("launch_verbs", []))


def _state_subject_end(text: str, country: Match, form: str, facts: SentenceFacts) -> int | None:
    """Where the phrase naming a state ends: the state's name, or its nationality with one of its bodies right before
    or after it ("the Russian military", "l'esercito russo"); None for a nationality of anything else ("Russian
    hackers")."""
    if form != "adjective":
        return country.end
    for noun in facts.cues.get("state_noun", []):
        if noun.end <= country.start and not text[noun.end:country.start].strip():
            return country.end
        if country.end <= noun.start and not text[country.end:noun.start].strip():
            return noun.end
    return None


def _right_after(text: str, end: int, start: int) -> bool:
    """Nothing, or one of the packs' active auxiliaries, between ``end`` and ``start``."""
    if start < end:
        return False
    between = text[end:start].split()
    return not between or (len(between) == 1 and between[0].casefold() in active_auxiliaries())


def _attack_follows(text: str, verb: Match, facts: SentenceFacts, language: str) -> bool:
    """An attack word a few words after a launch verb, with no preposition between: "launched a massive cyberattack",
    "launched a wave of cyberattacks", not "launched an investigation into the attack"."""
    for attack in facts.cues.get("attack", []):
        if attack.start < verb.end:
            continue
        between = text[verb.end:attack.start].split()
        return len(between) <= _LAUNCH_REACH and not any(word.casefold() in _prepositions(language) for word in between)
    return False


@language_table
def _prepositions(language: str) -> frozenset[str]:
    """The language's prepositions (English's for a language without a pack), but for those that join two nouns into
    one name ("a wave OF cyberattacks", "une série DE cyberattaques")."""
    grammar = pack(language if language in LANGUAGES else "en", "grammar")
    return frozenset(word.casefold() for word in grammar["prepositions"]) \
        - {word.casefold() for word in grammar["name_connectors"]}


@table
def active_auxiliaries() -> frozenset[str]:
    return words("grammar", "active_auxiliaries")


@language_table
def auxiliaries(language: str) -> tuple[frozenset[str], frozenset[str]]:
    """The language's own active and passive auxiliaries (French "a" is no English word for "has")."""
    grammar = pack(language if language in LANGUAGES else "en", "grammar")
    active = frozenset(word.casefold() for word in grammar["active_auxiliaries"])
    return active, frozenset(word.casefold() for word in grammar["passive_auxiliaries"])


@language_table
def relative_pronoun(language: str) -> re.Pattern[str]:
    """The pack's words that open a relative clause, as whole words in any case."""
    pronouns = pack(language if language in LANGUAGES else "en", "grammar")["relative_pronouns"]
    return re.compile(rf"(?<!\w)(?:{alternation(pronouns)})(?!\w)", re.IGNORECASE)


@language_table
def auxiliaries_before_object(language: str) -> frozenset[str]:
    """The auxiliaries after which a perfect's object stands before its participle at the clause's end ("hat Russland
    beschuldigt", "heeft de Norvale Bank gehackt"): German and Dutch; none in the languages whose participle comes
    first."""
    return frozenset(w.casefold() for w in pack(language, "grammar")["auxiliaries_before_object"])


def _next_to(text: str, start: int, end: int, max_words: int) -> bool:
    if end - start > _MAX_NOUN_GAP:
        return False
    gap = text[start:end]
    return not re.search(r"[.;:!?,]", gap) and len(gap.split()) <= max_words
