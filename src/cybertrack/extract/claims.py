"""Attribution claims: who says an attack was done by whom, or denies it, and how sure they are.

A claim needs a cue and a target. The cue sets the stance:

- "attributed to", "accusé", "steckt hinter": the claimant *attributes* the attack;
- "claimed responsibility", "rivendica", "bekannte sich": a group *claims responsibility* for its own attack;
- "denied", "smentisce": the accused *denies*; "no evidence", "ruled out": anyone else *disputes*;
- "too early to say whether", "non è chiaro": speculation, kept as *unconfirmed*, never asserted.

The target is a known actor, a group the sentence casts as acting, or a state named on the attacker's side ("Chinese
hackers", "accused China"): never the victim's country ("China hacked Ukraine"), a hacktivist's sympathy
("pro-Russian hacktivists") or a country inside a name ("Cuba ransomware"). Hedges set the certainty ("believed":
likely; "may": possible). The claimant is who speaks: "according to X", the subject before the cue, the speaker of
a reporting verb, or the speaker named in the next sentence ("..., said the minister"); never a pronoun. A claim
nobody in the text makes is the article's own, kept with the claimant "(article)".

All the words are data, per language, in ``lang/<code>/claims.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from cybertrack.extract.attackers import compared, sentence_attackers
from cybertrack.extract.facts import CountryMention, SentenceFacts
from cybertrack.extract.institutions import portfolios
from cybertrack.extract.names import NameChunk, stop_words
from cybertrack.extract.victims import english_adjective, name_key, plausible_name
from cybertrack.knowledge.base import knowledge_base
from cybertrack.knowledge.countries import country_name
from cybertrack.knowledge.matcher import Match
from cybertrack.lang import LANGUAGES, words
from cybertrack.model import Certainty, Claim, ClaimantKind, Evidence, Stance

ARTICLE_CLAIMANT = "(article)"
_PERCENT = re.compile(r"\b(\d{1,3})(?:[.,]\d+)?\s?%")
_ARTICLES = words("grammar", "articles")
_SUBJECT_WORDS = 6
_EMPLOYER_WORDS = 6  # "investigadores de la firma de ciberseguridad Sentinela Labs"
_VERB_GAP_WORDS = 2  # "the Kremlin has firmly denied": a subject this close before the cue is its subject
# what may stand between the parts of one listed name: commas, "and", and capitalised words ("Foreign Trade")
_CONJUNCTIONS = "|".join(rf"\b{re.escape(w)}\b" for w in sorted(words("grammar", "conjunctions")))
_LIST_GLUE = re.compile(rf"(?:\s*(?:,|&|{_CONJUNCTIONS}|\b[A-Z][\w-]*\b)\s*)*")
_SPEAKER_LINE_WORDS = 10
_ACCORDING_WORDS = 6  # "selon le Centre national de cybersécurité du Veldmark": how far its speaker's name may begin
_ACCORDING_CUE = re.compile(rf"\b(?:{'|'.join(map(re.escape, sorted(words('grammar', 'according_to'))))})\b",
                            re.IGNORECASE)
_CLAUSE_OPENING = re.compile(r"[:—–]\s")  # "Update: ...", "VALMONT (Reuters) — ..."
_SPEAKER_AFTER_CHARACTERS = 20  # "a déclaré mercredi le porte-parole": the speaker right after a reporting verb
_ACCORDING = re.compile(
    rf"\b(?:{'|'.join(map(re.escape, sorted(words('grammar', 'according_to'))))})\s*$", re.IGNORECASE)
_AGENT = re.compile(r"^\s*(?:by|par|door|von|da|dal|dalla|dai|por|del)\s+(?:the\s+|le\s+|la\s+|les\s+|l'|de\s+|het\s+|"
                    r"der\s+|die\s+|dem\s+|il\s+|lo\s+|gli\s+|el\s+|los\s+)?", re.IGNORECASE)
_RIGHT_CONNECTORS = words("grammar", "name_connectors")
_AGENT_END = re.compile(r"\b(?:by|par|door|von|da|dal|dalla|dai|dagli|por)$", re.IGNORECASE)  # "carried out by"
_PREPOSITIONS = words("grammar", "prepositions")
# "accused China", "accusó este jueves a Rusia": a country this close after the cue (in words other than function
# words) is the one blamed
_TARGET_AFTER_CUE_WORDS = 1
_APPOSITION_WORDS = 5  # "APT28, una unidad de la inteligencia militar rusa": the state an actor serves
_BLAME_GAP_WORDS = 4  # "the Medusa ransomware was behind it": a family this close to an attribution cue is blamed
_OF_SERVICE = re.compile(r"[-‑ ]of[-‑ ]service", re.IGNORECASE)  # "denial-of-service" denies nothing
_NATIONALITY_WORDS = 3  # "die russische Hackergruppe Nachtfalke": a nationality this close to a group is its own
_STATE_BACKED = re.compile(r"^[-‑ ]?(?:state|government|sponsored|backed|statal|staatlich|étatique)", re.IGNORECASE)
_PRO = re.compile(r"(?:^|[\s(])(?:pro|filo|anti)[-‑]?\s?$", re.IGNORECASE)  # "pro-Russian", "filorussi"


@dataclass(frozen=True)
class Speaker:
    start: int
    end: int
    name: str
    country: str | None
    kind: ClaimantKind = ClaimantKind.INSTITUTION
    state: bool = False  # the speaker is a country itself ("Belgium says")

    def mention(self, facts: SentenceFacts) -> str:
        return facts.text[self.start:self.end]


@dataclass(frozen=True)
class _Cue:
    """The words that set a claim's stance; ``reported`` when they are only a reporting verb ("said")."""

    stance: Stance
    match: Match
    reported: bool = False

    @property
    def names_the_culprit_first(self) -> bool:
        """ "Iran was behind", "LockBit est responsable": the cue's subject is the one blamed, not the one speaking."""
        return any(word.casefold() in _CULPRIT_WORDS for word in self.match.text.split())


def _function_words() -> frozenset[str]:
    return frozenset().union(*(stop_words(language) for language in LANGUAGES))


_FUNCTION_WORDS = _function_words()


def _speakers(facts: SentenceFacts, targets: list[_Target]) -> list[Speaker]:
    """Everything in the sentence that could be speaking: departments, actors, names, states, role phrases."""
    found: list[Speaker] = []
    for institution in facts.institutions:
        country = next((c for c in facts.countries if abs(c.end - institution.start) <= 2
                        or 0 <= c.start - institution.end <= 4), None)
        portfolio = portfolios()[institution.portfolios[0]]
        adjective = english_adjective(country.code) if country else None
        name = f"{adjective + ' ' if adjective else ''}Ministry of {portfolio.name}"
        found.append(Speaker(institution.start, institution.end, name, country.code if country else None))
    for actor in facts.actors:
        found.append(Speaker(actor.start, actor.end, str(actor.values[0].key), None, ClaimantKind.GROUP))
    taken = [(s.start, s.end) for s in found] + [(d.start, d.end) for d in facts.dates]
    media = facts.cues.get("media", [])
    for chunk in facts.names:
        inside = [c for c in facts.countries if chunk.start <= c.start and c.end <= chunk.end]
        if any(chunk.start < e and s < chunk.end for s, e in taken) \
                or not (plausible_name(facts, chunk) or _opens_with_speaker(facts, chunk)):
            continue
        if chunk.text.casefold() in _FUNCTION_WORDS:
            continue  # "Il", "A": a capitalised function word opening the sentence speaks for nobody
        if any(c.start < chunk.end and chunk.start < c.end for c in facts.countries if c not in inside):
            continue  # "Gli Stati Uniti" read as "Uniti": the country's own name is better
        if len(inside) == 1 and (inside[0].start, inside[0].end) == (chunk.start, chunk.end):
            continue  # the country itself, below
        kind = _name_kind(facts, chunk, media, targets)
        served = next((t.name for t in targets if t.agency and t.state and chunk.start <= t.start < chunk.end), None)
        country = inside[0].code if inside else served  # "the AIVD" speaks for the Netherlands
        found.append(Speaker(chunk.start, chunk.end, chunk.text, country, kind))
    for country in facts.countries:
        if country.form == "adjective" or country.attacker_side:
            continue
        if not any(s.start <= country.start and country.end <= s.end for s in found):
            # a capital speaks for its state as written ("Moscow denied"); a country by its English name
            name = country.text if country.form == "capital" else country_name(country.code, "en")
            found.append(Speaker(country.start, country.end, name, country.code,
                                 ClaimantKind.STATE, True))
    for noun in facts.cues.get("claimant_noun", []):
        if any(noun.start < s.end and s.start < noun.end for s in found):
            continue
        start, end = _expand_phrase(facts, noun.start, noun.end)
        inside = next((c.code for c in facts.countries if start <= c.start and c.end <= end), None)
        found.append(Speaker(start, end, facts.text[start:end], inside, _noun_kind(noun)))
    speakers = [s for s in found if not _after_preposition(facts.text, s.start)]
    return sorted(speakers, key=lambda s: (s.start, s.start - s.end))  # at one place, the longest phrase first


def _name_kind(facts: SentenceFacts, chunk: NameChunk, media: list[Match], targets: list[_Target]) -> ClaimantKind:
    named = [t for t in targets if chunk.start <= t.start < chunk.end and not t.state]
    if named:
        return ClaimantKind.INSTITUTION if any(t.agency for t in named) else ClaimantKind.GROUP
    if any(chunk.start <= m.start and m.end <= chunk.end for m in media):
        return ClaimantKind.MEDIA
    if any(chunk.start <= p.start and p.end <= chunk.end for p in facts.producers):
        return ClaimantKind.VENDOR
    nouns = facts.cues.get("claimant_noun", [])
    if any(_noun_kind(n) is ClaimantKind.PERSON and (0 <= chunk.start - n.end <= 2 or 0 <= n.start - chunk.end <= 2)
           for n in nouns):
        return ClaimantKind.PERSON  # "Interior Minister Anna Reyes", "Anna Reyes, the minister"
    return ClaimantKind.ORGANISATION


def _opens_with_speaker(facts: SentenceFacts, chunk: NameChunk) -> bool:
    """ "Brightwater confirmed": one word opening the sentence, right before a reporting verb, names who speaks
    even when it is also a common word."""
    return chunk.sentence_start and chunk.text.casefold() not in _FUNCTION_WORDS and any(
        0 <= m.start - chunk.end <= 1 for m in facts.cues.get("speech", []))


_PERSON_NOUNS = frozenset(words("roles", "person_nouns"))
_LOWER_CASE_GROUP_NOUNS = frozenset(n for n in words("claims", "group_nouns") if n.islower())
_SUBJECT_PRONOUNS = frozenset(words("grammar", "subject_pronouns"))
_CULPRIT_WORDS = frozenset(w.casefold() for w in words("claims", "culprit_words"))
_THIRD_PARTIES = (ClaimantKind.VENDOR, ClaimantKind.MEDIA, ClaimantKind.ARTICLE)  # never the accused
_EMPLOYERS = (ClaimantKind.ORGANISATION, ClaimantKind.VENDOR, ClaimantKind.MEDIA, ClaimantKind.INSTITUTION)


def _noun_kind(noun: Match) -> ClaimantKind:
    return ClaimantKind.PERSON if noun.text.casefold() in _PERSON_NOUNS else ClaimantKind.INSTITUTION


def _after_preposition(text: str, start: int) -> bool:
    """ "in Albania", "to Parliament": a name inside a prepositional phrase is not the one speaking
    ("according to X" is the exception: X is)."""
    head = text[:start].rstrip()
    words_before = head.split()
    if not words_before:
        return False
    if words_before[-1].lower() in _PREPOSITIONS:  # "a Roma" ("a" is an English article too: prepositions first)
        return not _ACCORDING.search(head)
    if len(words_before) >= 2 and words_before[-1].lower() in _ARTICLES \
            and words_before[-2].lower() in _PREPOSITIONS:  # "auf die Wiener Privatbank"
        return not _ACCORDING.search(head[:len(head) - len(words_before[-1])].rstrip())
    return False


def _expand_phrase(facts: SentenceFacts, start: int, end: int) -> tuple[int, int]:
    """Grow a role noun into its phrase ("foreign ministry spokesperson", "portavoce dell'ambasciata cinese")."""
    text = facts.text
    nouns = [(m.start, m.end) for kind in ("claimant_noun", "sector") for m in facts.cues.get(kind, [])]
    tokens = list(re.finditer(r"[\w\-]+['’]?", text))
    for word in reversed([w for w in tokens if w.end() <= start][-3:]):
        lower = word.group().lower()
        if text[word.end():start].strip() or (lower in _FUNCTION_WORDS
                                              and (word.group().islower() or lower in _ARTICLES)):
            break  # a capitalised word is part of a name, unless it is an article opening the sentence
        start = word.start()
    after_connector = False
    for word in [w for w in tokens if w.start() >= end][:5]:
        if text[end:word.start()].strip():
            break
        lower = word.group().lower()
        is_country = any(c.start == word.start() for c in facts.countries)
        is_noun = any(s <= word.start() < e for s, e in nouns)
        if lower in _RIGHT_CONNECTORS or lower.endswith(("'", "’")):
            after_connector = True
        elif not (is_country or (after_connector and (word.group()[0].isupper() or is_noun))):
            break
        end = word.end()
    while text[start:end].split() and text[start:end].split()[-1].lower() in _RIGHT_CONNECTORS:
        end = start + text[start:end].rstrip().rfind(" ")
    return start, end


def _stance_cue(facts: SentenceFacts) -> _Cue | None:
    """The cue that decides the stance, strongest first: a denial or dispute outweighs the attribution it answers
    ("denied being behind"), and a group's own claim outweighs the reporting verb around it."""
    for kind, stance in (("denial", Stance.DENIES), ("dispute", Stance.DISPUTES),
                         ("responsibility", Stance.CLAIMS_RESPONSIBILITY), ("attribution", Stance.ATTRIBUTES)):
        found = [m for m in facts.cues.get(kind, []) if not _OF_SERVICE.match(facts.text[m.end:])]
        if found:
            return _Cue(stance, found[0])
    if facts.is_attack and facts.has("speech"):  # "Check Point said Chinese hackers attacked ..."
        return _Cue(Stance.ATTRIBUTES, facts.cues["speech"][0], reported=True)
    return None


@dataclass(frozen=True)
class _Target:
    """Who a claim names, and where the sentence names it."""

    start: int
    end: int
    name: str
    agency: bool = False  # a state's service ("GRU", "BSI"): the one blamed, or the one speaking

    @property
    def state(self) -> bool:
        return len(self.name) == 2


def _acting(facts: SentenceFacts, cue: _Cue) -> list[_Target]:
    """The actors the sentence names as acting, where it names them: catalogued actors, gangs, the groups it names
    with a group noun, agencies (with the state they serve), the others it casts as attackers. Each place in the
    sentence names one actor ("the Black Basta group" is not also "BlackBasta"), and a country is a state, below."""
    found = [_Target(m.start, m.end, str(e.key)) for m in facts.actors if not compared(facts, m) for e in m.values]
    found += _blamed_families(facts, cue)
    others = _named_crews(facts)
    kb = knowledge_base()
    for match in kb.find_agencies(facts.text) if facts.text.strip() else []:
        if not _blamed(facts, match, cue):
            continue
        for entry in match.values:  # "the Russian military intelligence service GRU": an agency a claim blames
            agency = kb.agencies[str(entry.key)]  # type: ignore[attr-defined]
            others.append(_Target(match.start, match.end, agency.name, agency=True))
            if agency.country:
                found.append(_Target(match.start, match.end, agency.country, agency=True))
    for acting in [] if cue.reported else sentence_attackers(facts):  # a reporting verb reports known names only
        start = facts.text.find(acting.name)
        if start < 0:
            continue  # a gang the catalogue names after the family the sentence names: found above
        others.append(_Target(start, start + len(acting.name), acting.name))
        if acting.state:
            found.append(_Target(start, start + len(acting.name), acting.state))
    nouns = facts.cues.get("group_noun", [])
    for country in facts.countries:  # "the Cuba ransomware gang", "die Gruppe Cuba": a gang named like a country
        if _names_something(facts, country) and any(
                _close(facts.text, country.end, n.start, 1) or _close(facts.text, n.end, country.start, 0)
                for n in nouns):
            known = kb.actor(country.text)
            others.append(_Target(country.start, country.end, known.name if known else country.text))
    countries = [(c.start, c.end) for c in facts.countries if not _names_something(facts, c)]
    for other in others:
        taken = [(t.start, t.end) for t in found if not t.state] + countries
        if not any(other.start < end and start < other.end for start, end in taken) \
                and name_key(other.name) not in {name_key(t.name) for t in found}:
            found.append(other)
    return found


def _blamed_families(facts: SentenceFacts, cue: _Cue) -> list[_Target]:
    """ "the Medusa ransomware was behind it", "carried out by the LockBit ransomware": a ransomware family a claim
    blames stands for the gang that runs it ("the WannaCry attack was attributed to ..." names the attack, not who
    did it)."""
    kb = knowledge_base()
    found = []
    for match in facts.software:
        families = [str(e.key) for e in match.values if getattr(e, "kind", None) == "malware"]
        gang = kb.gang(families[0]) if families else None
        claims_itself = cue.stance is Stance.CLAIMS_RESPONSIBILITY  # "Black Basta put the firm on its leak site"
        if gang is not None and "ransomware" in gang.galaxies \
                and (claims_itself or _blamed(facts, match, cue, agent_only=True)):
            found.append(_Target(match.start, match.end, gang.name))
    return found


def _blamed(facts: SentenceFacts, match: Match, cue: _Cue, agent_only: bool = False) -> bool:
    """Named as the one a cue of the claim blames (the claim's own cue or another of its kind later in the sentence:
    "LockBit was behind the first, while Black Basta was responsible for the second"): right after a cue that ends
    with its agent or object ("carried out by", "attributed to", "accused"; with ``agent_only``, only its agent:
    "files linked to Medusa" are the family's, not an attack it is blamed for), or right before one that names the
    culprit first ("... was behind"), or after a link to attackers ("run by")."""
    if cue.reported:
        return False
    kinds = {Stance.ATTRIBUTES: "attribution", Stance.CLAIMS_RESPONSIBILITY: "responsibility",
             Stance.DENIES: "denial", Stance.DISPUTES: "dispute"}
    cues = [cue, *(_Cue(cue.stance, m) for m in facts.cues.get(kinds[cue.stance], []) if m != cue.match)]
    linked = any(_content_words_between(facts.text, link.end, match.start) <= 1
                 for link in facts.cues.get("agency_link", []))
    return linked or any(_blamed_by(facts.text, match, one, agent_only) for one in cues)


def _blamed_by(text: str, match: Match, cue: _Cue, agent_only: bool) -> bool:
    after = _content_words_between(text, cue.match.end, match.start) <= _TARGET_AFTER_CUE_WORDS + 1 \
        and (not agent_only or bool(_AGENT_END.search(cue.match.text)))
    before = (cue.names_the_culprit_first or cue.stance is not Stance.ATTRIBUTES) \
        and _content_words_between(text, match.end, cue.match.start) <= 1 \
        and len(text[match.end:cue.match.start].split()) <= _BLAME_GAP_WORDS
    return after or before


def _named_crews(facts: SentenceFacts) -> list[_Target]:
    """ "the Conti ransomware gang", "la banda Black Basta": a name next to a group noun is a group's, catalogued or
    not (one word may stand between a name and the noun after it: "ransomware")."""
    nouns = [n for n in facts.cues.get("group_noun", []) if not _capitalised_common_noun(n)]
    kb = knowledge_base()
    found = []
    for chunk in facts.names:
        if chunk.text.casefold() in _FUNCTION_WORDS:
            continue  # a common word is a name here too: "the Conti gang"
        # "Northvale Power au groupe Sandworm": a group noun after a function word names the next name, not this one
        if any((_close(facts.text, chunk.end, n.start, 1) and n.start > chunk.end
                and not _content_words_between(facts.text, chunk.end, n.start) < len(
                    facts.text[chunk.end:n.start].split()))
               or (_close(facts.text, n.end, chunk.start, 0) and n.end <= chunk.start) for n in nouns):
            family = next((m for m in facts.software if m.start < chunk.end and chunk.start < m.end), None)
            if family is not None:  # "il gruppo Black Basta", where the names read only "Black": the family's name
                key = next((str(e.key) for e in family.values if getattr(e, "kind", None) == "malware"), family.text)
                found.append(_Target(family.start, family.end, kb.gang(key).name))
                continue
            known = kb.actor(chunk.text)  # a group the catalogue knows by another name is named as it names it
            found.append(_Target(chunk.start, chunk.end, known.name if known else chunk.text))
    return found


def _capitalised_common_noun(noun: Match) -> bool:
    """ "Kestrel Security Group": a group noun its languages write in lower case, capitalised, ends a firm's name
    (German capitalises every noun, so "Gruppe" is listed capitalised and stays a group noun)."""
    return noun.text[:1].isupper() and noun.text.casefold() in _LOWER_CASE_GROUP_NOUNS


def _close(text: str, start: int, end: int, most: int) -> bool:
    """``start`` comes before ``end``, at most ``most`` words before, in one clause."""
    gap = text[start:end]
    return end >= start and len(gap.split()) <= most and not re.search(r"[.;:]", gap)


def _states(facts: SentenceFacts, cue: _Cue, accused: list[str], actors: list[_Target]) -> list[_Target]:
    """States named on the attacker's side ("Chinese hackers"); named as a state next to the cue, a link to the
    attackers or an attacker ("hackers working for the North Korean government", "APT28, a unit of Russian military
    intelligence"); named right after the cue ("accused China") or as its subject ("Iran was behind"). A denial or
    dispute names a state by its adjective too, with what it had no part in ("denied any Russian involvement"), or
    when the article accused that state before."""
    found = []
    links = [*([] if cue.reported else [cue.match]), *facts.cues.get("agency_link", []), *actors]
    culprit_cues = [cue.match] if cue.names_the_culprit_first else []
    involvement = facts.cues.get("involvement", []) if cue.stance.rejects else []
    for country in facts.countries:
        if _PRO.search(facts.text[max(0, country.start - 6):country.start]) or _names_something(facts, country):
            continue  # "pro-Russian hacktivists", "the Cuba ransomware": a sympathy or a name, not a state
        answered = cue.stance.rejects and (country.code in accused or any(
            _close(facts.text, country.end, n.start, 1) or _close(facts.text, n.end, country.start, 1)
            for n in involvement))
        forms = {"name", "capital", "adjective"} if answered else {"name", "capital"}
        blamed = not cue.reported and country.form in forms and (
            _content_words_between(facts.text, cue.match.end, country.start) <= _TARGET_AFTER_CUE_WORDS
            or (cue.names_the_culprit_first and _subject_of(facts.text, country, cue.match)))
        if _as_a_state(facts, country, links, culprit_cues) or blamed \
                or (country.attacker_side and not _nationality_of_a_named_group(facts, country, actors)):
            found.append(_Target(country.start, country.end, country.code))
    return found


def _nationality_of_a_named_group(facts: SentenceFacts, country: CountryMention, actors: list[_Target]) -> bool:
    """ "die russische Hackergruppe Nachtfalke", "les hacktivistes russes de NoName057(16)": the nationality of a
    group the sentence names is where the group is from, not a state behind it, unless the text says the state
    backs it ("the Chinese state-sponsored group APT31")."""
    if _STATE_BACKED.match(facts.text[country.end:country.end + 24]):
        return False
    return any(_close(facts.text, country.end, actor.start, _NATIONALITY_WORDS)
               or _close(facts.text, actor.end, country.start, _NATIONALITY_WORDS) for actor in actors)


def _content_words_between(text: str, start: int, end: int) -> float:
    """How many words other than function words stand between two places, in one clause (infinite otherwise):
    "accusó este jueves a Rusia" has one ("jueves")."""
    gap = text[start:end]
    if end < start or re.search(r"[.;:]", gap):
        return float("inf")
    return sum(1 for word in re.findall(r"\w+", gap) if word.casefold() not in _FUNCTION_WORDS)


def _subject_of(text: str, country: CountryMention, cue: Match) -> bool:
    """ "Iran was behind", "North Korea is responsible": the country right before the cue, with only function words
    between ("U.S. officials believe" has a noun between: the officials speak)."""
    return country.end <= cue.start and _content_words_between(text, country.end, cue.start) == 0 \
        and len(text[country.end:cue.start].split()) <= 1


def _as_a_state(facts: SentenceFacts, country: CountryMention, links: list[Match | _Target],
                before: list[Match]) -> bool:
    """ "the North Korean government", "il governo russo", "Russia's military intelligence", after a claim's cue or a
    link to the attackers ("working for"), or right before a cue that names the culprit first ("the Russian state was
    behind", in ``before``): the state itself stands behind the attack. Elsewhere it speaks ("El Gobierno de Chile
    acusó") or is the victim ("targeted the Russian military")."""
    text = facts.text
    for noun in facts.cues.get("state_noun", []):
        if not (_close(text, country.end, noun.start, 2) or _close(text, noun.end, country.start, 2)):
            continue
        start, end = min(noun.start, country.start), max(noun.end, country.end)
        if any(_close(text, link.end, start, _APPOSITION_WORDS) and "," not in text[link.end:start] for link in links) \
                or any(_close(text, end, cue.start, 3) and "," not in text[end:cue.start] for cue in before):
            return True
    return False


def _names_something(facts: SentenceFacts, country: CountryMention) -> bool:
    """ "Cuba ransomware", "Cuba gang": a country's name right before an attack or attacker word names a gang or its
    malware ("Chinese hackers" is an adjective, and "China-backed" a compound)."""
    if country.form != "name":
        return False
    after = [m for kind in ("attack", "attacker_noun") for m in facts.cues.get(kind, [])]
    return any(0 < m.start - country.end <= 1 for m in after) \
        or any(0 <= country.start - m.end <= 1 for m in facts.cues.get("group_noun", []))  # "Ransomware-Gruppe Cuba"


def _claimant(facts: SentenceFacts, speakers: list[Speaker], cue: _Cue) -> Speaker | None:
    """ "according to X", "X said" / "said X", or else the subject: the first speaker, early, before the cue. The
    subject of the claim's own verb comes first when the reporting verb only follows it ("the embassy rejected the
    allegations, saying Beijing had nothing to do with it"). A role is named by whom it works for ("researchers at
    Kestrel Point")."""
    found = _speaker(facts, speakers, cue)
    return _employer(facts, speakers, found) if found else None


def _speaker(facts: SentenceFacts, speakers: list[Speaker], cue: _Cue) -> Speaker | None:
    for speaker in speakers:
        if _ACCORDING.search(facts.text[:speaker.start]):
            return speaker
    for according in _ACCORDING_CUE.finditer(facts.text):
        named = _according_to(facts, speakers, according.end())
        if named:
            return named
    # a group attributes no attack but its own; it may deny any
    people = speakers if cue.stance.rejects else [s for s in speakers if s.kind is not ClaimantKind.GROUP]
    subject = _subject(facts.text, people, cue.match.start)
    if subject and cue.names_the_culprit_first and _content_words_between(facts.text, subject.end,
                                                                          cue.match.start) <= 1:
        # "the Conti gang was responsible": the subject is the one blamed; the one who says so comes first
        earlier = [s for s in people if s.end <= subject.start]
        subject = _subject(facts.text, earlier, subject.start) if earlier else None
    speech = facts.cues.get("speech", [])
    if subject and cue.stance.rejects and speech and speech[0].start > cue.match.end:
        return subject
    for verb in speech:
        before = [s for s in speakers if 0 <= verb.start - s.end <= 3  # a group after the cue is the one blamed
                  and (s.kind is not ClaimantKind.GROUP or cue.reported or s.end <= cue.match.start)]
        after = [s for s in people if 0 <= s.start - verb.end <= _SPEAKER_AFTER_CHARACTERS]
        if before:
            return _head_of_list(facts.text, speakers, before[-1])
        if after:
            return after[0]
    return subject


def _according_to(facts: SentenceFacts, speakers: list[Speaker], start: int) -> Speaker | None:
    """ "Selon le Centre national de cybersécurité du Veldmark (NCCV)", "nach Angaben des Verfassungsschutzes": the
    phrase from the first capitalised word after "according to" to the end of the first speaker a few lower-case
    words on, in one clause; or that capitalised word alone, when no speaker follows it so."""
    words_after = list(re.finditer(r"(?:\w+['’])?([\w-]+)", facts.text[start:]))  # "l'Agenzia": the noun
    opening_word = next((w for w in words_after[:3] if w.group(1)[:1].isupper()), None)
    if opening_word is None:
        return None
    opening = start + opening_word.start(1)
    for speaker in speakers:
        gap = facts.text[opening:speaker.start].split()[1:]  # the words after the opening one
        if speaker.start >= opening and len(gap) <= _ACCORDING_WORDS and not re.search(r"[,;:.]", " ".join(gap)) \
                and all(word.islower() or word.casefold() in _RIGHT_CONNECTORS for word in gap):
            return replace(speaker, start=opening, name=facts.text[opening:speaker.end]) if speaker.start > opening \
                and speaker.kind is not ClaimantKind.STATE else speaker
    word = opening_word.group(1)
    if word.casefold() in _FUNCTION_WORDS or any(s.start == opening for s in speakers):
        return None
    return Speaker(opening, opening + len(word), word, None, ClaimantKind.INSTITUTION)


def _subject(text: str, speakers: list[Speaker], cue_start: int) -> Speaker | None:
    """Who the cue's verb is about: the speaker right before it ("le gang LockBit a nié", "Die Bundesregierung
    macht"), or else the first speaker of the clause the cue is in, a few words into it ("Update: The Council of
    Veldmark ... is blaming" is the Council's, "VALMONT, Veldmark (AP) — The ministry accused" the
    ministry's)."""
    before = [s for s in speakers if s.end <= cue_start]
    nearest = max(before, key=lambda s: (s.end, s.end - s.start), default=None)  # the longest phrase ending there
    if nearest and len(text[nearest.end:cue_start].split()) <= _VERB_GAP_WORDS \
            and not re.search(r"[,;:]", text[nearest.end:cue_start]):
        return _head_of_list(text, before, _head_of_complement(text, before, nearest))
    opening = max((m.end() for m in _CLAUSE_OPENING.finditer(text, 0, cue_start)), default=0)
    for speaker in before:
        if opening <= speaker.start:
            return speaker if len(text[opening:speaker.start].split()) <= _SUBJECT_WORDS else None
    return None


def _head_of_complement(text: str, speakers: list[Speaker], speaker: Speaker) -> Speaker:
    """ "le ministère des Affaires étrangères de Veldmark", "the Ministry of Defence of Colombia": a name joined to the
    one before it by "de", "of", "van" completes it; the one before is who speaks."""
    for earlier in sorted((s for s in speakers if s.end <= speaker.start), key=lambda s: -s.end):
        gap = text[earlier.end:speaker.start].split()
        if gap and all(word.casefold() in _RIGHT_CONNECTORS or word.casefold() in _PREPOSITIONS for word in gap):
            return earlier  # "l'ambasciata cinese a Roma": the embassy in Rome speaks
        break
    return speaker


def _employer(facts: SentenceFacts, speakers: list[Speaker], speaker: Speaker) -> Speaker:
    """ "Researchers at Kestrel Point", "Sicherheitsforscher der Firma Corvid Security": the organisation a person's
    role phrase names right after it speaks for them."""
    if speaker.kind is not ClaimantKind.PERSON:
        return speaker
    for other in speakers:
        gap = facts.text[speaker.end:other.start].split()
        if other.start >= speaker.end and other.kind in _EMPLOYERS and 0 < len(gap) <= _EMPLOYER_WORDS \
                and not re.search(r"[,.;:]", " ".join(gap)) \
                and (gap[0].casefold() in _PREPOSITIONS or gap[0].casefold() in _ARTICLES):
            return other
    return speaker


def _head_of_list(text: str, speakers: list[Speaker], last: Speaker) -> Speaker:
    """ "the FPS Foreign Affairs, Foreign Trade and Development Cooperation wrote": a name listed in parts is
    named by its first part."""
    head = last
    for speaker in reversed([s for s in speakers if s.end <= last.start]):
        if not _LIST_GLUE.fullmatch(text[speaker.end:head.start]):
            break
        head = speaker
    return head


def _named_in_next(next_facts: SentenceFacts | None) -> Speaker | None:
    """ "..." — "Ha affermato il ministro degli Esteri.": a short sentence that only says who spoke."""
    if next_facts is None or not next_facts.has("speech") or len(next_facts.text.split()) > _SPEAKER_LINE_WORDS:
        return None
    if next_facts.is_attack or _stance_cue(next_facts) is not None:
        return None
    later = _speakers(next_facts, [])
    return later[0] if later else None


def _self_claimant(facts: SentenceFacts, cue: Match, targets: list[_Target]) -> _Target | None:
    """The group claiming its own attack: named right after the cue as its agent ("claimed by LockBit",
    "revendiquée par Rhysida"), or else the first group named before the cue, as its subject."""
    groups = [t for t in targets if len(t.name) > 2]
    agent = _AGENT.match(facts.text[cue.end:])
    if agent:
        after = [t for t in groups if t.start >= cue.end and t.start - cue.end <= agent.end() + 2]
        if after:
            return after[0]
    before = [t for t in groups if t.start < cue.start]
    after = [t for t in groups if t.start >= cue.end and not re.search(r"[.;]", facts.text[cue.end:t.start])]
    return before[0] if before else (after[0] if after else None)  # "Auf ihrer Leak-Seite führt die Gruppe X ..."


def _certainty(facts: SentenceFacts) -> tuple[Certainty, str]:
    """How sure the sentence says it is, and the words that say so: "may" outweighs "believed"."""
    hedges = facts.cues.get("hedge", [])
    for level in (Certainty.POSSIBLE, Certainty.LIKELY):
        found = [m for m in hedges if level.value in m.values]
        if found:
            return level, found[0].text
    percent = _PERCENT.search(facts.text)
    if percent and int(percent.group(1)) < 100:
        return Certainty.LIKELY, percent.group(0)
    return Certainty.CONFIRMED, ""


def _speculative(facts: SentenceFacts, targets: list[_Target]) -> bool:
    """ "too early to say whether the group had any link to APT29": speculation that comes before what it names, in
    its clause, is the sentence's point (after it, "a claim that could not be verified" only weakens the claim; and
    "it remains unclear who did it, ..., a hacker allegedly sponsored by China" asserts the allegation after it)."""
    first = min((t.start for t in targets), default=len(facts.text))
    return any(m.start < first and not re.search(r"[,;:]", facts.text[m.end:first])
               for m in facts.cues.get("speculation", []))


def _clauses(facts: SentenceFacts, targets: list[_Target], speaker: Speaker | None,
             cue: _Cue) -> list[tuple[list[_Target], str]]:
    """The targets clause by clause, with the words each clause says about its victim. The victim comes after its
    actor ("APT28 for the health ministry and Sandworm for NordTV") or before it ("attribue l'intrusion au ministère
    à APT29 et le sabotage de la compagnie à Sandworm", "Rhodalis a été attaqué par LockBit et Pharmaline par Black
    Basta"): which, the words between the claim's opening (after its cue and claimant) and the first actor say. One
    clause, the whole sentence, when the sentence names one actor, or lists several together ("APT29 and
    Sandworm")."""
    spoken = (speaker.start, speaker.end) if speaker else (0, 0)
    actors = sorted({t.start: t for t in targets if not t.state and not t.agency
                     and not spoken[0] <= t.start < spoken[1]}.values(), key=lambda t: t.start)
    if len({t.name for t in actors}) < 2:
        return [(targets, "")]
    opening = max(spoken[1], cue.match.end if cue.match.end <= actors[0].start else 0)
    victim_first = _names_a_victim_here(facts, opening, actors[0].start)
    clauses = []
    for i, actor in enumerate(actors):  # the states and agencies an actor's clause names go with it
        end = actors[i + 1].start if i + 1 < len(actors) else len(facts.text)
        backers = [s for s in targets if (s.state or s.agency) and actor.start <= s.start < end]
        about = facts.text[(actors[i - 1].end if i else opening):actor.start] if victim_first \
            else facts.text[actor.end:end]
        clauses.append(([actor, *backers], about))
    if not all(_content_words(about) for _, about in (clauses if victim_first else clauses[:-1])):
        return [(targets, "")]
    return clauses


def _names_a_victim_here(facts: SentenceFacts, start: int, end: int) -> bool:
    """A name or a sector noun ("Rhodalis", "le ministère") between ``start`` and ``end``."""
    return any(start <= m.start and m.end <= end for m in [*facts.names, *facts.cues.get("sector", [])])


def _content_words(text: str) -> bool:
    return any(word.casefold() not in _FUNCTION_WORDS for word in re.findall(r"\w+", text))


def _rejected(targets: list[_Target], speaker: Speaker | None, cue: _Cue,
              accused: list[str]) -> tuple[Stance, list[_Target]]:
    """What a denial or dispute rejects, and which it is. A state's denial rejects its own state's part ("the Kremlin
    denied any involvement"; "China's embassy rejected Belgium's claims" names the accuser, not the accused); one
    that names nobody rejects what the article accused before (``accused``). A denial is the accused's unless the
    speaker is known to be someone else (another state, a vendor, a newspaper); a dispute ("no evidence") is somebody
    else's unless the accused says it."""
    named = list(dict.fromkeys(t.name for t in targets))
    if speaker is not None and speaker.country and cue.stance is Stance.DENIES:
        named = [speaker.country] + [name for name in named if not _is_state(name)]
    if cue.stance is Stance.DENIES:  # "no evidence that data was taken" disputes nothing it does not name
        named = named or accused
    if speaker is None:
        is_accused = False
    elif cue.stance is Stance.DENIES:
        is_accused = speaker.country in named if speaker.country else speaker.kind not in _THIRD_PARTIES
    else:
        is_accused = speaker.country in named or speaker.name in named or speaker.kind is ClaimantKind.GROUP
    stance = Stance.DENIES if is_accused else Stance.DISPUTES
    return stance, [_Target(0, 0, name) for name in named]


def _is_state(name: str) -> bool:
    return len(name) == 2


def reported_speaker(facts: SentenceFacts) -> Speaker | None:
    """Who a sentence reports as speaking ("..., said Anna Reyes"), for a next sentence that refers back to them."""
    speech = facts.cues.get("speech", [])
    if not speech:
        return None
    found = _claimant(facts, _speakers(facts, []), _Cue(Stance.ATTRIBUTES, speech[0], reported=True))
    return found if found is not None and found.kind is not ClaimantKind.GROUP else None


def _named_before(facts: SentenceFacts, previous: Speaker | None) -> Speaker | None:
    """ "Zij wijst China aan als dader", "Agregó que ...": a sentence that opens with a pronoun, or
    with its verb, speaks with the voice of the speaker the sentence before named."""
    if previous is None:
        return None
    opening = facts.text.split()[:1]
    first = opening[0].strip("\"'“”«»„").casefold() if opening else ""
    if first in _SUBJECT_PRONOUNS or any(m.start == 0 for m in facts.cues.get("speech", [])):
        return replace(previous, start=0, end=0)
    return None


def sentence_claims(facts: SentenceFacts, document: str, published: str | None,
                    next_facts: SentenceFacts | None, accused: list[str],
                    previous: Speaker | None = None) -> list[Claim]:
    """The claims a sentence makes, if any. ``accused`` are the states the article accused before this sentence, or
    failing those its actors: a denial that names nobody ("the embassy rejected the accusations") answers them.
    ``previous`` is who the sentence before reported as speaking, for a sentence that says "he" or only "added"."""
    cue = _stance_cue(facts)
    if cue is None:
        return []
    actors = _acting(facts, cue)
    targets = actors + _states(facts, cue, accused, [a for a in actors if not a.state])
    stance = cue.stance
    speaker: Speaker | None
    if stance is Stance.CLAIMS_RESPONSIBILITY:
        group = _self_claimant(facts, cue.match, targets)
        if group is None:
            return []
        # the group as the sentence names it, the catalogue's name in the target ("Cl0p" claims, for "Clop")
        speaker = Speaker(group.start, group.end, facts.text[group.start:group.end], None, ClaimantKind.GROUP)
        targets = [group]
    else:
        speaker = _claimant(facts, _speakers(facts, targets), cue) or _named_in_next(next_facts) \
            or _named_before(facts, previous)
        if speaker is not None and speaker.kind is not ClaimantKind.GROUP:
            targets = [t for t in targets if not speaker.start <= t.start < speaker.end]  # "the BSI said": not blamed
        if cue.reported and (speaker is None or not targets):
            return []  # a reporting verb alone claims nothing unless a speaker reports a named attacker
    if stance.rejects:
        stance, targets = _rejected(targets, speaker, cue, accused)
        clauses = [(targets, "")]
    else:
        exclude = {speaker.country} if speaker and speaker.country else set()
        targets = [t for t in targets if t.name not in exclude]
        clauses = _clauses(facts, targets, speaker, cue)
    if _speculative(facts, targets):
        stance = Stance.UNCONFIRMED
    claimant = speaker.name if speaker else ARTICLE_CLAIMANT
    own = [t for t in targets if not t.state and speaker is not None and speaker.start <= t.start < speaker.end] \
        or [t for t in targets if not t.state and name_key(t.name) == name_key(claimant)]
    if stance is Stance.ATTRIBUTES and speaker is not None and speaker.kind is ClaimantKind.GROUP and own:
        stance = Stance.CLAIMS_RESPONSIBILITY  # "Cl0p confirmed it was responsible"
        clauses = [(own[:1], "")]
        claimant = facts.text[own[0].start:own[0].end] or own[0].name
    certainty, hedge = _certainty(facts)
    date = facts.dates[0].value if facts.dates else published
    evidence = Evidence(document, facts.start, facts.end, facts.raw)
    mention = (speaker.mention(facts) or speaker.name) if speaker else ""
    kind = speaker.kind if speaker else ClaimantKind.ARTICLE
    speaks_for = speaker.country if speaker and speaker.kind in (ClaimantKind.STATE, ClaimantKind.INSTITUTION) \
        else None
    claims = []
    for clause_targets, about in clauses:
        names = tuple(dict.fromkeys(t.name for t in clause_targets))
        if not names or (stance is Stance.ATTRIBUTES and name_key(claimant) in map(name_key, names)):
            continue
        claims.append(Claim(claimant, stance, names, certainty, date, evidence, speaks_for, kind, mention,
                            cue.match.text, hedge, (about.strip(" ,.;"),) if about else ()))
    return claims
