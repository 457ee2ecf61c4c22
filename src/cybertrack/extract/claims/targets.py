"""Whom a claim blames: catalogued actors, groups named with a group noun, ransomware families' gangs and agencies a
cue blames, and states on the attacker's side; never the victim's country, a group's nationality or a country inside
a name. A sentence that blames several actors for several victims is cut into clauses."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from cybertrack.extract.attackers import (
    acting_gangs,
    after_leading_noun,
    compared,
    sentence_agencies,
    sentence_attackers,
)
from cybertrack.extract.claims.parts import Speaker, StanceCue, Target
from cybertrack.extract.claims.wording import (
    AGENT_END,
    AGENT_OPENING,
    FUNCTION_WORDS,
    close,
    content_words_between,
    has_content_words,
)
from cybertrack.extract.facts import (
    CountryMention,
    SentenceFacts,
    auxiliaries,
    auxiliaries_before_object,
    modifiers_only,
    names_a_gang,
    victim_cue_before,
)
from cybertrack.extract.victims import name_key
from cybertrack.knowledge.base import knowledge_base
from cybertrack.knowledge.legal_forms import ends_in_legal_form
from cybertrack.knowledge.matcher import Match
from cybertrack.lang import LANGUAGES, alternation, pack, with_contractions
from cybertrack.model import Stance
from cybertrack.tables import language_table

# "accused China", "accusó este jueves a Rusia": a country this close after the cue (in words other than function
# words) is the one blamed
_TARGET_AFTER_CUE_WORDS = 1
_OBJECT_TO_PARTICIPLE_WORDS = 4  # "heeft Rusland in maart al van de aanval beschuldigd": a date, what for
_RECIPIENT_WORDS = 15  # "attributed the attack on the regional water board of Lutrecht ... to": how far past its verb
_OBJECT_WORDS = 2  # "breached the government agencies": an attack verb this close governs the state's bodies
_APPOSITION_WORDS = 5  # "APT28, una unidad de la inteligencia militar rusa": the state an actor serves
_BLAME_GAP_WORDS = 4  # "the Medusa ransomware was behind it": a family this close to an attribution cue is blamed
_CHARGE_WORDS = 2  # "für die Sabotage mit NotPetya": the content words between the complement's preposition and it
_COMPLEMENT_REACH = 80  # characters back from a name where its complement's preposition may stand
_BACKED_GROUP_WORDS = 3  # "Noord-Koreaanse staat gesteunde hackersgroep Lazarus": from a backed state to its group
_BACKING_REACH = 40  # characters before a nationality where "state-backed" may stand
_NATIONALITY_WORDS = 3  # "die russische Hackergruppe Nachtfalke": a nationality this close to a group is its own
# "the Chinese state-sponsored group", "nordkoreanische Staatshacker", "Noord-Koreaanse staatshackers"
_STATE_BACKED = re.compile(r"^[-‑ ]?(?:state|government|sponsored|backed|statal|staatlich|staats|étatique)",
                           re.IGNORECASE)
_PRO = re.compile(r"(?:^|[\s(])(?:pro|filo|anti)[-‑]?\s?$", re.IGNORECASE)  # "pro-Russian", "filorussi"
_SEATED = re.compile(r"[-‑](?:based|headquartered)\b", re.IGNORECASE)  # "a Singapore-based firm"


def blamed_actors(facts: SentenceFacts, cue: StanceCue) -> list[Target]:
    """The actors the sentence names as acting, where it names them: catalogued actors, gangs, the groups it names
    with a group noun, agencies (with the state they serve), the others it casts as attackers. Each place in the
    sentence names one actor ("the Black Basta group" is not also "BlackBasta"), and a country is a state, below."""
    found = [Target(m.start, m.end, str(e.key)) for m in facts.actors if not compared(facts, m) for e in m.values]
    found += _blamed_families(facts, cue)
    others = named_crews(facts)
    kb = knowledge_base()
    agencies = sentence_agencies(facts)
    for match in agencies:
        if not _blamed(facts, match, cue):
            continue
        for entry in match.values:  # "the Russian military intelligence service GRU": an agency a claim blames
            agency = kb.agencies[str(entry.key)]  # type: ignore[attr-defined]
            others.append(Target(match.start, match.end, agency.name, agency=True))
            if agency.country:
                found.append(Target(match.start, match.end, agency.country, agency=True))
    for acting in [] if cue.reported else sentence_attackers(facts, agencies):  # a reporting verb: known names only
        start = facts.text.find(acting.name)
        if start < 0:
            continue  # a gang the catalogue names after the family the sentence names: found above
        others.append(Target(start, start + len(acting.name), acting.name))
        if acting.state:
            found.append(Target(start, start + len(acting.name), acting.state))
    nouns = facts.cues.get("group_noun", [])
    for country in facts.countries:  # "the Cuba ransomware gang", "die Gruppe Cuba": a gang named like a country
        if names_a_gang(facts, country, country.form) and any(
                close(facts.text, country.end, n.start, 1) or close(facts.text, n.end, country.start, 0)
                for n in nouns):
            known = kb.actor(country.text)
            others.append(Target(country.start, country.end, known.name if known else country.text))
    countries = [(c.start, c.end) for c in facts.countries if not names_a_gang(facts, c, c.form)  # "China's MSS" aside
                 and not any(m.start <= c.start and c.end <= m.end for m in agencies)]
    for other in others:
        taken = [(t.start, t.end) for t in found if not t.state] + countries
        if not any(other.start < end and start < other.end for start, end in taken) \
                and name_key(other.name) not in {name_key(t.name) for t in found}:
            found.append(other)
    return found


def _blamed_families(facts: SentenceFacts, cue: StanceCue) -> list[Target]:
    """ "the Medusa ransomware was behind it", "carried out by the LockBit ransomware": a ransomware family a claim
    blames stands for the gang that runs it ("the WannaCry attack was attributed to ..." names the attack, not who
    did it). What a reporting verb reports blames the gang the sentence casts as acting ("the FBI said LockBit
    attacked the port": `attackers.acting_gangs`)."""
    kb = knowledge_base()
    found = []
    claims_itself = cue.stance is Stance.CLAIMS_RESPONSIBILITY  # "Black Basta put the firm on its leak site"
    acting = acting_gangs(facts) if cue.reported else []
    for match in facts.software:
        families = [str(e.key) for e in match.values if getattr(e, "kind", None) == "malware"]
        gang = kb.gang(families[0]) if families else None
        if gang is not None and "ransomware" in gang.galaxies \
                and (claims_itself or (gang.name in acting and not _its_own_word(facts, match, cue))
                     or _blamed(facts, match, cue, agent_only=True)):
            found.append(Target(match.start, match.end, gang.name))
    return found


def _its_own_word(facts: SentenceFacts, match: Match, cue: StanceCue) -> bool:
    """ "RansomEXX claimed to have penetrated ..., according to the site": the gang is the subject of the reporting
    verb (at most an auxiliary between), so the sentence reports what the gang says of itself, not whom a reporter
    blames."""
    gap = facts.text[match.end:cue.match.start]
    return match.end <= cue.match.start and not re.search(r"[,;:()]", gap) and len(gap.split()) <= 1


def _blamed(facts: SentenceFacts, match: Match, cue: StanceCue, agent_only: bool = False) -> bool:
    """Named as the one a cue of the claim blames (the claim's own cue or another of its kind later in the sentence:
    "LockBit was behind the first, while Black Basta was responsible for the second"): right after a cue that ends
    with its agent or object ("carried out by", "attributed to", "accused"; with ``agent_only``, only its agent:
    "files linked to Medusa" are the family's, not an attack it is blamed for), or right before one that names the
    culprit first ("... was behind"), or after a link to attackers ("run by")."""
    if cue.reported:
        return False
    kinds = {Stance.ATTRIBUTES: "attribution", Stance.CLAIMS_RESPONSIBILITY: "responsibility",
             Stance.DENIES: "denial", Stance.DISPUTES: "dispute"}
    cues = [cue, *(StanceCue(cue.stance, m) for m in facts.cues.get(kinds[cue.stance], []) if m != cue.match)]
    linked = any(content_words_between(facts.text, link.end, match.start) <= 1
                 for link in facts.cues.get("agency_link", []))
    return linked or any(_blamed_by(facts, match, one, agent_only) for one in cues)


def _blamed_by(facts: SentenceFacts, match: Match, cue: StanceCue, agent_only: bool) -> bool:
    text = facts.text
    after = content_words_between(text, cue.match.end, match.start) <= _TARGET_AFTER_CUE_WORDS + 1 \
        and (not agent_only or bool(AGENT_END.search(cue.match.text)))
    gap_end = before_complement(facts, match.end, cue.match.start) if cue.names_the_culprit_first \
        else cue.match.start
    before = (cue.names_the_culprit_first or cue.stance is not Stance.ATTRIBUTES) \
        and content_words_between(text, match.end, gap_end) <= 1 \
        and len(text[match.end:gap_end].split()) <= _BLAME_GAP_WORDS \
        and not (cue.names_the_culprit_first and _in_the_complement(facts, match.start))
    return after or before or _recipient_of(facts, cue, match.start)


def _in_the_complement(facts: SentenceFacts, start: int) -> bool:
    """ "Die Regierung von Veldmark hat Russland für die Sabotage mit NotPetya verantwortlich gemacht": what the
    complement of a clause-final culprit cue names (after its preposition, ``claims.toml``'s ``culprit_complements``)
    is what the culprit is blamed for, not the culprit."""
    complement = _complements(facts.language)
    openings = list(complement.finditer(facts.text, max(0, start - _COMPLEMENT_REACH), start)) if complement else []
    end = openings[-1].end() if openings else None
    return end is not None and not re.search(r"[.;:!?,]", facts.text[end:start]) \
        and content_words_between(facts.text, end, start) <= _CHARGE_WORDS


def _recipient_of(facts: SentenceFacts, cue: StanceCue, start: int) -> bool:
    """The name at ``start`` is what an attribution verb gives its object to, past the object ("attributed the attack
    on the Lutrecht water board to Russia", "ha attribuito l'attacco all'azienda idrica alla Russia"): right after one
    of the language's prepositions for it, with only function words between, in the cue's clause and with no comma on
    the way ("is linked to the Korvan crew, which has ties to Russia" gives Russia nothing)."""
    if cue.reported or cue.stance is not Stance.ATTRIBUTES:
        return False
    gap = facts.text[cue.match.end:start]
    if len(gap.split()) > _RECIPIENT_WORDS or re.search(r"[.;:,]", gap):
        return False
    return any(content_words_between(facts.text, cue.match.end + found.end(), start) == 0
               and not (recipient.right_after_object and _prepositions(facts.language).search(gap, 0, found.start()))
               for recipient in _recipients(facts.language) if recipient.verbs.search(cue.match.text)
               for found in recipient.prepositions.finditer(gap))


_AUXILIARY_WORDS = 2  # "aan Iran was toegeschreven": the auxiliaries between the culprit and a clause-final participle


def _recipient_before_participle(facts: SentenceFacts, cue: StanceCue, country: CountryMention) -> bool:
    """Where the participle ends the clause (German, Dutch: `auxiliaries_before_object`), the preposition that gives
    the culprit its attack comes before it: "die door de MIVD aan Iran was toegeschreven", "werd aan Rusland
    toegeschreven". The state right after that preposition, with at most an auxiliary before the cue, is blamed."""
    if cue.reported or cue.stance is not Stance.ATTRIBUTES or not auxiliaries_before_object(facts.language) \
            or country.end > cue.match.start:
        return False
    gap = facts.text[country.end:cue.match.start]
    if len(gap.split()) > _AUXILIARY_WORDS or re.search(r"[.;:,]", gap):
        return False
    preposition = _word_before(facts.text, country.start)
    return any(recipient.verbs.search(cue.match.text) and recipient.prepositions.fullmatch(preposition)
               for recipient in _recipients(facts.language))


@dataclass(frozen=True)
class _Recipient:
    """Attribution verbs that give their object to the culprit, by how they begin, and the prepositions they give
    it with (``claims.toml``: ``recipients``). With ``right_after_object``, no other preposition stands between the
    verb and that one: "blamed the attack on Russia" gives Russia the attack, but in "blamed Russia for the attack on
    Estonia" the verb's object is Russia itself, and Estonia was hit."""

    verbs: re.Pattern[str]
    prepositions: re.Pattern[str]
    right_after_object: bool


@language_table
def _recipients(language: str) -> list[_Recipient]:
    """The language's attribution verbs that give their object to the culprit, each with its prepositions."""
    claims = pack(language if language in LANGUAGES else "en", "claims")
    return [_Recipient(re.compile(rf"(?<!\w)(?:{alternation(entry['verbs'])})", re.IGNORECASE),
                       re.compile(rf"(?<!\w)(?:{alternation(entry['prepositions'])})(?:(?<=['’])|(?!\w))",
                                  re.IGNORECASE),
                       bool(entry.get("right_after_object", False)))
            for entry in claims["recipients"]]


@language_table
def _prepositions(language: str) -> re.Pattern[str]:
    """Any of the language's prepositions (``grammar.toml``), as a whole word."""
    found = pack(language if language in LANGUAGES else "en", "grammar")["prepositions"]
    return re.compile(rf"(?<!\w)(?:{alternation(found) or '(?!)'})(?!\w)", re.IGNORECASE)


@language_table
def _complements(language: str) -> re.Pattern[str] | None:
    """The prepositions that open a clause-final culprit cue's complement (``claims.toml``: German "für")."""
    found = pack(language if language in LANGUAGES else "en", "claims")["culprit_complements"]
    return re.compile(rf"(?<!\w)(?:{alternation(found)})(?!\w)", re.IGNORECASE) if found else None


def before_complement(facts: SentenceFacts, start: int, end: int) -> int:
    """Where the words between a culprit (ending at ``start``) and the cue that names it first (at ``end``) end: at
    the cue, or where the cue's own complement opens when the language puts it between them ("das russische Militär
    [für den Angriff] verantwortlich", "LockBit is [voor de aanval] verantwoordelijk")."""
    complement = _complements(facts.language)
    found = complement.search(facts.text, start, end) if complement and start < end else None
    return found.start() if found else end


def named_crews(facts: SentenceFacts) -> list[Target]:
    """ "the Conti ransomware gang", "la banda Black Basta": a name next to a group noun is a group's, catalogued or
    not (one word may stand between a name and the noun after it: "ransomware")."""
    nouns = [n for n in facts.cues.get("group_noun", []) if not capitalised_common_noun(n, facts.language)]
    kb = knowledge_base()
    found = []
    for chunk in (after_leading_noun(facts, chunk, nouns) for chunk in facts.names):
        if chunk.text.casefold() in FUNCTION_WORDS:
            continue  # a common word is a name here too: "the Conti gang"
        if ends_in_legal_form(chunk.text) and kb.actor(chunk.text) is None:
            continue  # "the logistics group Halvorn Logistik AG": a company's group
        # "Northvale Power au groupe Sandworm": a group noun after a function word names the next name, not this one
        if any((n.start > chunk.end and close(facts.text, chunk.end, n.start, 1)
                and not _has_function_words(facts.text[chunk.end:n.start])
                and not _stance_word_between(facts, chunk.end, n.start))
               or (n.end <= chunk.start and close(facts.text, n.end, chunk.start, 0)) for n in nouns):
            family = next((m for m in facts.software if m.start < chunk.end and chunk.start < m.end), None)
            if family is not None:  # "il gruppo Black Basta", where the names read only "Black": the family's name
                key = next((str(e.key) for e in family.values if getattr(e, "kind", None) == "malware"), family.text)
                if gang := kb.gang(key):
                    found.append(Target(family.start, family.end, gang.name))
                continue
            known = kb.actor(chunk.text)  # a group the catalogue knows by another name is named as it names it
            found.append(Target(chunk.start, chunk.end, known.name if known else chunk.text))
    return found


_STANCE_KINDS = ("attribution", "denial", "speech", "responsibility", "dispute")


def _stance_word_between(facts: SentenceFacts, start: int, end: int) -> bool:
    """ "Uber blames hacking group Lapsus$": the word between a name and a group noun is the claim's verb, so the
    name is who speaks, not the group's."""
    return any(start <= m.start and m.end <= end for kind in _STANCE_KINDS for m in facts.cues.get(kind, []))


def _has_function_words(text: str) -> bool:
    return any(word.casefold() in FUNCTION_WORDS for word in text.split())


def capitalised_common_noun(noun: Match, language: str) -> bool:
    """ "Kestrel Security Group": a group noun the language writes in lower case, capitalised, ends a firm's name
    (German capitalises every noun, so "Gruppe" and "Bande" are listed capitalised and stay group nouns)."""
    return noun.text[:1].isupper() and noun.text.casefold() in _lower_case_group_nouns(language)


@language_table
def _lower_case_group_nouns(language: str) -> frozenset[str]:
    return frozenset(n for n in pack(language, "claims")["group_nouns"] if n.islower())


def blamed_states(facts: SentenceFacts, cue: StanceCue, accused: list[str], actors: list[Target]) -> list[Target]:
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
        if _PRO.search(facts.text[max(0, country.start - 6):country.start]) \
                or names_a_gang(facts, country, country.form) or _SEATED.match(facts.text, country.end):
            continue  # "pro-Russian hacktivists", "the Cuba ransomware", "a Singapore-based firm": a sympathy, a
            # name or a seat, not a state
        if victim_cue_before(facts, country.start) and not _recipient_of(facts, cue, country.start):
            continue  # "accused of cyberattacks on Estonia": the state that was hit ("blamed the attack on Russia")
        # "denied any Russian involvement", "negó cualquier implicación rusa": whose part the denial rejects
        involved = any(cue.match.end <= n.start and (
            close(facts.text, country.end, n.start, 1) or close(facts.text, n.end, country.start, 1))
            for n in involvement)
        answered = cue.stance.rejects and (country.code in accused or involved)
        forms = {"name", "capital", "adjective"} if answered else {"name", "capital"}
        object_before = not cue.reported and country.form in forms and _object_before_participle(facts, country, cue)
        blamed = not cue.reported and country.form in forms and (
            involved or _words_after_cue(facts, cue, country.start) <= _TARGET_AFTER_CUE_WORDS
            or (cue.names_the_culprit_first and _subject_of(facts, country, cue))
            or _recipient_of(facts, cue, country.start) or _recipient_before_participle(facts, cue, country))
        # "attributed the attack to the Russian government": the state's body the attribution is given to
        blamed = blamed or any(_recipient_of(facts, cue, start) for start, _ in _state_phrases(facts, country))
        if _as_a_state(facts, country, links, culprit_cues) or blamed or object_before or _served(facts, country) \
                or _backs_a_named_group(facts, country, actors) \
                or (country.attacker_side and not _nationality_of_a_named_group(facts, country, actors)):
            found.append(Target(country.start, country.end, country.code, before_cue=object_before,
                                involvement=involved and cue.stance.rejects))
    return found


def _words_after_cue(facts: SentenceFacts, cue: StanceCue, start: int) -> float:
    """The content words between the cue and ``start``, a date among them counting as one ("acusó el 17 de marzo de
    2015 a Corea del Norte": as close as "acusó este jueves a Corea del Norte")."""
    text = facts.text
    for date in facts.dates:
        if cue.match.end <= date.start and date.end <= start:
            text = text[:date.start] + "x".ljust(date.end - date.start) + text[date.end:]  # one word, same length
    return content_words_between(text, cue.match.end, start)


# "heeft het ministerie van Defensie Rusland": the words from an auxiliary over its subject to the object
_SUBJECT_AFTER_AUXILIARY_WORDS = 6


def _object_before_participle(facts: SentenceFacts, country: CountryMention, cue: StanceCue) -> bool:
    """ "Die Regierung hat Russland beschuldigt", "De regering heeft Rusland in maart van de aanval beschuldigd":
    where the object of a perfect stands between its auxiliary and the participle at the clause's end (German, Dutch:
    the pack's ``auxiliaries_before_object``), the state right after the auxiliary, a few words before an attribution
    cue, is the one it accuses."""
    if cue.stance is not Stance.ATTRIBUTES or cue.match.start < country.end:
        return False
    auxiliaries = auxiliaries_before_object(facts.language)
    if not auxiliaries or content_words_between(facts.text, country.end, cue.match.start) \
            > _OBJECT_TO_PARTICIPLE_WORDS or "," in facts.text[country.end:cue.match.start]:
        return False
    nearest_the_participle = not any(country.end <= other.start < cue.match.start for other in facts.countries)
    if _word_before(facts.text, country.start) in auxiliaries or (
            nearest_the_participle and _auxiliary_shortly_before(facts.text, country.start, auxiliaries)):
        return True  # "hat Russland beschuldigt", "heeft het ministerie Rusland ... beschuldigd"
    # a subordinate clause puts the auxiliary at the participle ("nachdem X Russland beschuldigt hatte", "nadat X
    # Rusland had beschuldigd"): the state nearest the participle is its object, the one before it (X) the subject
    at_participle = {_word_before(facts.text, cue.match.start), _word_after(facts.text, cue.match.end)}
    return bool(at_participle & auxiliaries) and nearest_the_participle


def _auxiliary_shortly_before(text: str, start: int, auxiliaries: frozenset[str]) -> bool:
    """An auxiliary opens the few words before ``start`` in one clause: "Vorige week heeft het ministerie Rusland
    beschuldigd", where the subject a fronted phrase put after the auxiliary stands between it and the object."""
    words = re.findall(r"[\w'’]+|[,;:]", text[:start])[-_SUBJECT_AFTER_AUXILIARY_WORDS:]
    for word in reversed(words):
        if word in ",;:":
            return False
        if word.casefold() in auxiliaries:
            return True
    return False


def _word_before(text: str, start: int) -> str:
    found = _WORD_BEFORE.search(text, 0, start)
    return found.group(1).casefold() if found else ""


def _word_after(text: str, end: int) -> str:
    found = _WORD_AFTER.match(text, end)
    return found.group(1).casefold() if found else ""


_WORD_BEFORE = re.compile(r"(\w+)\s+$")  # the word right before a place in the text
_WORD_AFTER = re.compile(r"\s+(\w+)")  # the word right after a place in the text


def _served(facts: SentenceFacts, country: CountryMention) -> bool:
    """ "hackers working for Beijing", "pirates à la solde de Pékin", "hacker al servizio di Pechino": a state, by its
    name or capital, right after a link that puts attackers under it."""
    return country.form in {"name", "capital"} and any(
        close(facts.text, link.end, country.start, 1) and "," not in facts.text[link.end:country.start]
        for link in facts.cues.get("agency_link", []))


def _nationality_of_a_named_group(facts: SentenceFacts, country: CountryMention, actors: list[Target]) -> bool:
    """ "die russische Hackergruppe Nachtfalke", "les hacktivistes russes de NoName057(16)": the nationality of a
    group the sentence names is where the group is from, not a state behind it, unless the text says the state
    backs it ("the Chinese state-sponsored group APT31")."""
    if _STATE_BACKED.match(facts.text[country.end:country.end + 24]):
        return False
    return any(close(facts.text, country.end, actor.start, _NATIONALITY_WORDS)
               or close(facts.text, actor.end, country.start, _NATIONALITY_WORDS) for actor in actors)


def _backs_a_named_group(facts: SentenceFacts, country: CountryMention, actors: list[Target]) -> bool:
    """ "the state-backed North Korean group Lazarus", "de door de Noord-Koreaanse staat gesteunde groep Lazarus",
    "die vom russischen Staat unterstützte Gruppe": the phrase that names a group the claim blames says the state
    backs it, before its nationality (the pack's ``state_backed``) or after the state's name and noun
    (``backing_participles``). However far the claim's cue stands (an alias between, "ook bekend als APT38"), the
    state is the group's sponsor."""
    text = facts.text
    if not any(not actor.state and close(text, country.end, actor.start, _BACKED_GROUP_WORDS) for actor in actors):
        return False
    before, after = _backing_words(facts.language)
    if before is not None and before.search(text[max(0, country.start - _BACKING_REACH):country.start]):
        return True
    return after is not None and any(after.match(text, end) for _, end in _state_phrases(facts, country))


@language_table
def _backing_words(language: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    claims = pack(language if language in LANGUAGES else "en", "claims")
    before, after = claims["state_backed"], claims["backing_participles"]
    return (re.compile(rf"(?<!\w)(?:{alternation(before)})\s+$", re.IGNORECASE) if before else None,
            re.compile(rf"[-‑\s]+(?:{alternation(after)})(?!\w)", re.IGNORECASE) if after else None)


def _subject_of(facts: SentenceFacts, country: CountryMention, cue: StanceCue) -> bool:
    """ "Iran was behind", "North Korea is responsible", "Russland ist für den Angriff verantwortlich", "Iran was
    blamed": the country right before the cue (or its complement), with only function words between ("U.S. officials
    believe" has a noun between: the officials speak)."""
    end = before_complement(facts, country.end, cue.match.start)
    gap = _without_adverbs_or_cue_verbs(facts.language, facts.text[country.end:end], cue) if country.end <= end else ""
    if cue.passive:  # "North Korea has been accused of": the auxiliaries of the passive, and nothing else
        active, passive = auxiliaries(facts.language)
        either = active | passive
        gap = " ".join(word for word in gap.split() if word.casefold() not in either)
    return country.end <= end and content_words_between(gap, 0, len(gap)) == 0 and len(gap.split()) <= 1


def _without_adverbs_or_cue_verbs(language: str, text: str, cue: StanceCue) -> str:
    """``text`` without the adverbs the language marks by their ending ("North Korea was directly responsible"), and
    without the verb of an attribution phrase whose other part the cue matched ("Russland steckt hinter dem
    Angriff": "steckt hinter" is a phrase, and "hinter dem Angriff" matched)."""
    adverbs = _adverbs(language)
    text = adverbs.sub(" ", text) if adverbs else text
    first = cue.match.text.split()[0].casefold() if cue.match.text.split() else ""
    leading = _leading_words(language).get(first, frozenset())
    return " ".join(word for word in text.split() if word.casefold() not in leading)


@language_table
def _leading_words(language: str) -> dict[str, frozenset[str]]:
    """For each word, the words that come right before it in one of the language's attribution phrases."""
    found: dict[str, set[str]] = {}
    language = language if language in LANGUAGES else "en"
    for phrase in with_contractions(language, pack(language, "claims")["attribution"]):  # as the cues match
        words_of = [word.casefold() for word in phrase.split() if word != "…"]
        for before, after in itertools.pairwise(words_of):
            found.setdefault(after, set()).add(before)
    return {word: frozenset(before) for word, before in found.items()}


@language_table
def _adverbs(language: str) -> re.Pattern[str] | None:
    endings = pack(language if language in LANGUAGES else "en", "grammar")["adverb_endings"]
    return re.compile(rf"(?<!\w)\w{{3,}}(?:{alternation(endings)})(?!\w)", re.IGNORECASE) if endings else None


def _as_a_state(facts: SentenceFacts, country: CountryMention, links: list[Match | Target],
                before: list[Match]) -> bool:
    """ "the North Korean government", "il governo russo", "Russia's military intelligence", after a claim's cue or a
    link to the attackers ("working for"), or right before a cue that names the culprit first ("the Russian state was
    behind", in ``before``): the state itself stands behind the attack. Elsewhere it speaks ("El Gobierno de Chile
    acusó") or is the victim ("targeted the Russian military")."""
    text = facts.text
    for start, end in _state_phrases(facts, country):
        if _object_of_the_attack(facts, start):
            continue  # "hackers breached government agencies in Taiwan": the state's bodies were hit
        if any(close(text, link.end, start, _APPOSITION_WORDS) and "," not in text[link.end:start] for link in links) \
                or any(close(text, end, gap_end, 3) and "," not in text[end:gap_end]
                       for cue in before if (gap_end := before_complement(facts, end, cue.start)) >= end):
            return True
    return False


def _state_phrases(facts: SentenceFacts, country: CountryMention) -> list[tuple[int, int]]:
    """Where the country and a state noun beside it name the state's body ("the Russian government", "Russia's
    military intelligence", "the government of Russia", "il governo russo": after the noun, only function words
    before the country)."""
    text, found = facts.text, []
    for noun in facts.cues.get("state_noun", []):
        if not ((close(text, country.end, noun.start, 2)
                 and modifiers_only(text[country.end:noun.start], facts.language))
                or (close(text, noun.end, country.start, 2) and not re.search(r"[,;:]", text[noun.end:country.start])
                    and not has_content_words(text[noun.end:country.start]))):
            continue  # "the US also shared intelligence": the US is no intelligence service there, nor is Washington
            # in "to the Russian military, and Washington followed", nor India in "the government breached the
            # Indian grid operator"
        found.append((min(noun.start, country.start), max(noun.end, country.end)))
    return found


def _object_of_the_attack(facts: SentenceFacts, start: int) -> bool:
    """A phrase at ``start`` that an attack verb or noun governs ("breached government agencies", "an attack on the
    Russian government"): a few words after it, in its clause."""
    return any(close(facts.text, cue.end, start, _OBJECT_WORDS) for kind in ("victim_before", "attack")
               for cue in facts.cues.get(kind, []))


def self_claimant(facts: SentenceFacts, cue: Match, targets: list[Target]) -> Target | None:
    """The group claiming its own attack: named right after the cue as its agent ("claimed by LockBit",
    "revendiquée par Rhysida"), or else the first group named before the cue, as its subject."""
    groups = [t for t in targets if len(t.name) > 2]
    agent = AGENT_OPENING.match(facts.text[cue.end:])
    if agent:
        after = [t for t in groups if t.start >= cue.end and t.start - cue.end <= agent.end() + 2]
        if after:
            return after[0]
    before = [t for t in groups if t.start < cue.start]
    after = [t for t in groups if t.start >= cue.end and not re.search(r"[.;]", facts.text[cue.end:t.start])]
    return before[0] if before else (after[0] if after else None)  # "Auf ihrer Leak-Seite führt die Gruppe X ..."


def split_into_clauses(facts: SentenceFacts, targets: list[Target], speaker: Speaker | None,
             cue: StanceCue) -> list[tuple[list[Target], str]]:
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
    if not all(has_content_words(about) for _, about in (clauses if victim_first else clauses[:-1])):
        return [(targets, "")]
    return clauses


def _names_a_victim_here(facts: SentenceFacts, start: int, end: int) -> bool:
    """A name or a sector noun ("Rhodalis", "le ministère") between ``start`` and ``end``."""
    return any(start <= m.start and m.end <= end for m in [*facts.names, *facts.cues.get("sector", [])])
