"""Who makes a claim: "according to X", the speaker of a reporting verb, the subject of the claim's own verb, the
employer of a role ("researchers at X"), or the speaker the sentence before named ("He added ..."); never a pronoun
or a function word."""

from __future__ import annotations

import re
from dataclasses import replace

from cybertrack.extract.agents import AGENT_BEFORE, AGENTS
from cybertrack.extract.attackers import sentence_agencies
from cybertrack.extract.claims.parts import Speaker, StanceCue, Target
from cybertrack.extract.claims.stance import is_state, stance_cue
from cybertrack.extract.claims.targets import before_complement
from cybertrack.extract.claims.wording import (
    ACCORDING_BEFORE,
    ACCORDING_CUE,
    AGENT_END,
    ARTICLES,
    AS_REPORTED_BEFORE,
    COMPLEMENTIZER,
    CONNECTORS,
    FUNCTION_WORDS,
    MEMBERSHIP,
    PREPOSITIONS,
    STAFF,
    close,
    content_words_between,
    role_compound_heads,
    verb_second,
)
from cybertrack.extract.facts import ADJECTIVES_AFTER_NOUNS, CountryMention, SentenceFacts, auxiliaries_before_object
from cybertrack.extract.institutions import portfolios
from cybertrack.extract.names import NameChunk, is_web_domain, lower_case_name_end, tagger
from cybertrack.extract.victims import english_adjective, plausible_name
from cybertrack.knowledge.base import knowledge_base
from cybertrack.knowledge.countries import country_forms, country_name
from cybertrack.knowledge.matcher import Match
from cybertrack.lang import capitalises_nouns, pack, word_pattern, words
from cybertrack.model import ClaimantKind, Stance
from cybertrack.tables import language_table, table

_GERMAN_GENITIVE_ARTICLES = frozenset({"des", "eines"})  # "nach Angaben des Bundesamtes": a genitive follows
_SUBJECT_WORDS = 6
_AGENT_AFTER_CUE_WORDS = 8  # "was attributed to the Russian group APT31 by the ministry": the agent past the culprit
_AGENT_BEFORE_CUE_WORDS = 4  # "wurde von der Polizei der Gruppe APT31 zugeschrieben": the culprit between
_HIT_OBJECT_WORDS = 4  # "perturbé lundi le réseau ferroviaire de Belcourt": how far a victim cue governs a name
_NEXT_WORD = re.compile(r"\s+(\w+)\s+")  # the word after a phrase, read where it stands
_POSSESSIVE_GAP = re.compile(r"(?:['’]s)?\s{0,2}")  # between a country and its ministry
_EMPLOYER_WORDS = 6  # "investigadores de la firma de ciberseguridad Sentinela Labs"
_VERB_GAP_WORDS = 2  # "the Kremlin has firmly denied": a subject this close before the cue is its subject
# what may stand between the parts of one listed name: commas, "and", and capitalised words ("Foreign Trade")
_CONJUNCTIONS = "|".join(rf"\b{re.escape(w)}\b" for w in sorted(words("grammar", "conjunctions")))
_CONJUNCTION_WORDS = frozenset(w.casefold() for w in words("grammar", "conjunctions"))
_LIST_GLUE = re.compile(rf"(?:\s*(?:,|&|{_CONJUNCTIONS}|\b[A-Z][\w-]*\b)\s*)*")
_SPEAKER_LINE_WORDS = 10
_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?»”\"]|$)")  # a speaker named last: "..., répond Téhéran."
_DESCRIPTION_WORDS = 8  # "según un informe publicado el miércoles por la empresa ...": lower-case words first
_ACCORDING_WORDS = 6  # "selon le Centre national de cybersécurité du Veldmark": how far its speaker's name may begin
_CLAUSE_OPENING = re.compile(r"[:—–]\s")  # "Update: ...", "VALMONT (Reuters) — ..."
# the word that opens what was said: "said on Tuesday that Russia ..." names no speaker after the verb
_APPOSITION = re.compile(r",[^,;:.()\"“”«»]{2,80},\s*")  # ", a spokeswoman for the ministry, "
_SPEAKER_AFTER_CHARACTERS = 20  # "a déclaré mercredi le porte-parole": the speaker right after a reporting verb
_QUOTED = re.compile(r"[„“\"«»]\s?([^„“”\"«»]{2,60}?)\s?[“”\"»«]")  # „X“, “X”, "X", « X », »X«
_TITLE_WORDS = 5  # "Le Courrier de Lutrecht", "Il Messaggero del Tirreno": a title's words at most
_AS_VERB_WORDS = 4  # "wie das Unternehmen am Dienstag mitteilte": a time between the speaker and its verb
_SPEAKER_AFTER_WORDS = 5  # "informó el viernes el diario El Heraldo": how far after its verb a speaker may be named
_BODY_NAME_CHARACTERS = 80  # "Bundesamts für Sicherheit in der Informationstechnik (BSI)": how far a body's name runs
_BODY_NAME_WORDS = 6  # its words after the first, before the acronym: a longer stretch holds a verb and another name
_BRACKETED_ACRONYM = re.compile(r"\(\s*([A-Z][A-Z0-9-]{1,9})\s*\)")  # "(BSI)", "(CERT-UA)"
_CONNECTOR_WORD = re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, CONNECTORS))})(?!\w)")  # "der", "of", "de"
_MODIFIER_CHARACTERS = 40  # "Dutch" in "the Dutch military intelligence service MIVD": how far before the name
_PERSON_NOUNS = frozenset(words("roles", "person_nouns"))
_STATE_OFFICE = word_pattern("roles", "state_offices")
_PUBLICATION = word_pattern("claims", "publications")  # "report", "Bericht", "informe": what speaks for its author
_SUBJECT_PRONOUNS = frozenset(words("grammar", "subject_pronouns"))
_EMPLOYERS = (ClaimantKind.ORGANISATION, ClaimantKind.VENDOR, ClaimantKind.MEDIA, ClaimantKind.INSTITUTION)
_SPEAKING_CUES = ("speech", "attribution", "denial")  # what a speaker opening the sentence does next


def possible_speakers(facts: SentenceFacts, targets: list[Target]) -> list[Speaker]:
    """Everything in the sentence that could be speaking: departments, actors, names, states, role phrases."""
    found: list[Speaker] = []
    accused = {t.start for t in targets if t.before_cue}  # "heeft het ministerie Rusland beschuldigd": not its own
    owners = []  # the countries the departments belong to ("Latvia's interior ministry"): no speakers of their own
    for institution in facts.institutions:
        country = next((c for c in facts.countries if c.start not in accused and (
            _POSSESSIVE_GAP.fullmatch(facts.text, c.end, institution.start)
            or (0 <= c.start - institution.end <= 4 and not re.search(r"[,;:]", facts.text[institution.end:c.start]))
            or (institution.start < c.start and c.end < institution.end))),
            None)  # "North Korea's foreign ministry", "le ministère russe des Affaires étrangères"
        owners += [country] if country else []
        portfolio = portfolios()[institution.portfolios[0]]
        adjective = english_adjective(country.code) if country else None
        name = f"{adjective + ' ' if adjective else ''}Ministry of {portfolio.name}"
        found.append(Speaker(institution.start, institution.end, name, country.code if country else None))
    for actor in facts.actors:
        found.append(Speaker(actor.start, actor.end, str(actor.values[0].key), None, ClaimantKind.GROUP))
    taken = [(s.start, s.end) for s in found] + [(d.start, d.end) for d in facts.dates]
    media = facts.cues.get("media", [])
    agency_states = _agency_states(facts)
    for chunk in facts.names:
        chunk = _short_of_a_name_inside(facts, chunk, taken)
        inside = [c for c in facts.countries if chunk.start <= c.start and c.end <= chunk.end]
        outlet = any(chunk.start <= m.start and m.end <= chunk.end for m in media)  # "the Guardian", a common word
        if any(chunk.start < e and s < chunk.end for s, e in taken) \
                or not (plausible_name(facts, chunk) or _opens_with_speaker(facts, chunk) or outlet
                        or is_web_domain(chunk.text)):  # a site cited as the source: "laut golem.de"
            continue
        if chunk.text.casefold() in FUNCTION_WORDS:
            continue  # "Il", "A": a capitalised function word opening the sentence speaks for nobody
        if chunk.sentence_start and any(n.start <= chunk.start and chunk.end < n.end
                                        for n in facts.cues.get("claimant_noun", [])):
            continue  # "Security researchers said": the capital opens the sentence, and the noun phrase speaks
        if any(c.start < chunk.end and chunk.start < c.end for c in facts.countries if c not in inside):
            continue  # "Gli Stati Uniti" read as "Uniti": the country's own name is better
        if len(inside) == 1 and (inside[0].start, inside[0].end) == (chunk.start, chunk.end):
            continue  # the country itself, below
        kind = _name_kind(facts, chunk, media, targets)
        served = next((t.name for t in targets if t.agency and t.state and chunk.start <= t.start < chunk.end), None)
        agency = served or agency_states.get((chunk.start, chunk.end))
        if agency and kind is ClaimantKind.ORGANISATION:
            kind = ClaimantKind.INSTITUTION  # a state's agency speaks for its state
        # "the AIVD" speaks for the Netherlands, and so does "the Dutch intelligence agency AIVD"
        country = inside[0].code if inside else agency or _country_before(facts, chunk.start)
        speaker = _person(facts, Speaker(chunk.start, chunk.end, chunk.text, country, kind))
        if speaker.kind is not ClaimantKind.PERSON and chunk.descriptor:
            # "der Geheimdienst SBU", "Rüstungskonzern Rheinmetall": the noun before the name says what it is
            speaker = replace(speaker, name=chunk.text[chunk.descriptor:])
        found.append(speaker)
    taken = [(s.start, s.end) for s in found]
    found += [title for title in _quoted_titles(facts, media)
              if not any(title.start < e and s < title.end for s, e in taken)]
    found += _outlets_by_their_article(facts, media, [(s.start, s.end) for s in found])
    for country in facts.countries:
        if country.form == "adjective" or country.attacker_side or country in owners:
            continue
        if not any(s.start <= country.start and country.end <= s.end for s in found):
            # a capital speaks for its state as written ("Moscow denied"); a country by its English name, one name
            # for one party in every language (the claim's mention keeps "Gli Stati Uniti" as written)
            name = country.text if country.form == "capital" else country_name(country.code, "en")
            found.append(Speaker(country.start, country.end, name, country.code,
                                 ClaimantKind.STATE, True))
    for noun in facts.cues.get("claimant_noun", []) + facts.cues.get("company_noun", []) + _sector_subject(facts):
        if any(noun.start < s.end and s.start < noun.end for s in found):
            continue
        start, end = _expand_phrase(facts, noun.start, noun.end)
        body = _body_named_through_lower_case(facts.text, noun.start, noun.end, facts.language) \
            if (start, end) == (noun.start, noun.end) and _a_body_s_first_word(facts, noun) else None
        if body is not None:
            found.append(body)
            continue
        inside = next((c.code for c in facts.countries if start <= c.start and c.end <= end), None)
        found.append(Speaker(start, end, facts.text[start:end], inside or _nationality_after(facts, end),
                             _noun_kind(noun)))
    speakers = [s for s in found if (_after_agent_word(facts, s.start) or not _after_preposition(facts, s.start))
                and not _hit(facts, s.start)]
    return sorted(speakers, key=lambda s: (s.start, s.start - s.end))  # at one place, the longest phrase first


def _short_of_a_name_inside(facts: SentenceFacts, chunk: NameChunk, taken: list[tuple[int, int]]) -> NameChunk:
    """ "vom BSI der Gruppe APT28 zugeschrieben": a genitive's connector joins the speaker to the actor after it in
    one capitalised run; the speaker is the run up to the last connector before the actor's place."""
    inner = min((start for start, end in taken if chunk.start < start < chunk.end), default=None)
    if inner is None:
        return chunk
    connectors = list(_CONNECTOR_WORD.finditer(facts.text, chunk.start, inner))
    head = facts.text[chunk.start:connectors[-1].start()].rstrip() if connectors else ""
    if not head[:1].isupper():
        return chunk  # no connector parts them: one name
    return replace(chunk, end=chunk.start + len(head), text=head, descriptor=min(chunk.descriptor, len(head)))


def _sector_subject(facts: SentenceFacts) -> list[Match]:
    """ "The port authority rejected the claim", "The hospital denied", "In a statement on Monday, the utility
    rejected that claim": the noun of a sector opening the sentence, or its main clause after an opening phrase,
    with its article at most, names the body that speaks (an attack's victim, most often, telling what was
    taken)."""
    sectors = facts.cues.get("sector", [])
    if not sectors:
        return []
    opening = facts.text[:sectors[0].start]
    before = opening[opening.rfind(",") + 1:].split()  # "L'hôpital": the article as written, apostrophe and all
    articles = _articles(facts.language)
    return sectors[:1] if len(before) <= 1 and all(word.casefold() in articles for word in before) else []


def _agency_states(facts: SentenceFacts) -> dict[tuple[int, int], str | None]:
    """Where the sentence names a state agency ("the AIVD", "BfV"), the state whose agency it is, by the agencies
    galaxy."""
    agencies = knowledge_base().agencies
    return {(match.start, match.end): agencies[str(match.values[0].key)].country for match in sentence_agencies(facts)}


def _outlets_by_their_article(facts: SentenceFacts, media: list[Match], taken: list[tuple[int, int]]) \
        -> list[Speaker]:
    """ "berichtet der Spiegel", "wie die Zeit meldet": an outlet the packs name with its article, whose other word is
    a common noun (German capitalises every noun, so no name chunk holds it); named without the article."""
    found = []
    for outlet in media:
        first, _, rest = outlet.text.partition(" ")
        if first.casefold() in ARTICLES and rest[:1].isupper() \
                and not any(outlet.start < end and start < outlet.end for start, end in taken):
            found.append(Speaker(outlet.start, outlet.end, rest, None, ClaimantKind.MEDIA))
    return found


def _quoted_titles(facts: SentenceFacts, media: list[Match]) -> list[Speaker]:
    """A title set in quotation marks after an article or a news noun: "berichtete die „Kellinger Allgemeine“", "le
    quotidien « Le Courrier de Lutrecht »". German capitalises every noun, so such a title is no name to the chunker,
    but the marks say it is one. Every word is capitalised, or a name's little word ("de", "del"); a quotation, with
    its verbs in lower case, is not a title."""
    found = []
    media = media + [m for m in facts.cues.get("sector", []) if str(m.values[0]) == "media"]  # "die Zeitung „X“"
    for quoted in _QUOTED.finditer(facts.text):
        title = quoted.group(1).split()
        before = facts.text[:quoted.start()].split()[-1:]
        introduced = bool(before) and (before[0].casefold() in ARTICLES
                                       or any(m.end == len(facts.text[:quoted.start()].rstrip()) for m in media))
        if introduced and len(title) <= _TITLE_WORDS and title[0][:1].isupper() \
                and all(w[:1].isupper() or w.casefold() in CONNECTORS | ARTICLES for w in title):
            found.append(Speaker(quoted.start(1), quoted.end(1), quoted.group(1), None, ClaimantKind.MEDIA))
    return found


def _after_agent_word(facts: SentenceFacts, start: int) -> bool:
    """ "by the ministry", "par la police", "dalla polizia", "door de politie": what a passive's agent word opens."""
    return bool(AGENT_BEFORE.search(facts.text, 0, start))


def _agent_of(facts: SentenceFacts, speaker: Speaker, cue: StanceCue, targets: list[Target]) -> bool:
    """The speaker is the agent of a passive attribution: "was attributed to APT31 by the ministry", "a été imputée à
    Sandworm par le ministère" (its agent word follows the culprit, a few words past the cue), "was attributed by the
    ministry to APT31" (its agent word follows the cue, the culprit after the agent), or, where the
    participle ends the clause (German, Dutch: `auxiliaries_before_object`), "werd door de politie toegeschreven aan
    APT31" (it precedes the cue). No comma parts
    them, and the agent is not one of those blamed ("a hackers del Gobierno ruso")."""
    if cue.reported or cue.stance is not Stance.ATTRIBUTES or not _after_agent_word(facts, speaker.start) \
            or speaker.kind is ClaimantKind.GROUP or any(speaker.start <= t.start < speaker.end for t in targets):
        return False
    text = facts.text
    if cue.match.end <= speaker.start:
        if not close(text, cue.match.end, speaker.start, _AGENT_AFTER_CUE_WORDS) \
                or "," in text[cue.match.end:speaker.start]:
            return False
        return any(cue.match.end <= t.start and t.end <= speaker.start for t in targets) \
            or _agent_before_culprit(text, speaker, cue, targets)
    return bool(auxiliaries_before_object(facts.language)) and speaker.end <= cue.match.start \
        and "," not in text[speaker.end:cue.match.start] \
        and content_words_between(text, speaker.end, cue.match.start) <= _AGENT_BEFORE_CUE_WORDS


def _agent_before_culprit(text: str, speaker: Speaker, cue: StanceCue, targets: list[Target]) -> bool:
    """ "attributed by the ministry to APT31": the agent right after the cue, the culprit a few words after it. A cue
    that ends in the agent word ("carried out by", "menée par") names the culprit itself there."""
    return content_words_between(text, cue.match.end, speaker.start) == 0 and not AGENT_END.search(cue.match.text) \
        and any(speaker.end <= t.start and close(text, speaker.end, t.start, _AGENT_AFTER_CUE_WORDS) for t in targets)


def _hit(facts: SentenceFacts, start: int) -> bool:
    """ "the attack on the water board De Lage Venen", "l'attaque contre l'opérateur Électricité de Valmont": a name
    a victim cue governs, a few words after it in its phrase, is what was hit, not who speaks of it."""
    return any(close(facts.text, cue.end, start, _HIT_OBJECT_WORDS) and "," not in facts.text[cue.end:start]
               for cue in facts.cues.get("victim_before", []))


def _nationality_after(facts: SentenceFacts, end: int) -> str | None:
    """ "l'agence de renseignement militaire russe", "l'ambasciata cinese": the nationality that follows a role
    phrase, with at most one lower-case word between, is the speaker's own (the languages that put adjectives after
    nouns)."""
    if facts.language not in ADJECTIVES_AFTER_NOUNS:
        return None
    cues = [(m.start, m.end) for matches in facts.cues.values() for m in matches]
    for country in facts.countries:
        gap = list(re.finditer(r"\S+", facts.text[end:country.start]))
        if country.form == "adjective" and country.start >= end and len(gap) <= 1 \
                and all(word.group().islower() and word.group().isalpha()
                        and not any(s <= end + word.start() < e for s, e in cues) for word in gap):
            return country.code
    return None


def _country_before(facts: SentenceFacts, start: int) -> str | None:
    """The country of a nationality that opens the phrase a name ends ("the Dutch intelligence agency AIVD", "the
    Veldmark data protection authority CNPD"): only role and sector nouns stand between them, so the nationality is
    the speaker's own, never the state the claim blames."""
    nouns = [(m.start, m.end) for kind in ("claimant_noun", "sector", "state_noun") for m in facts.cues.get(kind, [])]
    for country in facts.countries:
        if country.end > start or country.form != "adjective" or start - country.end > _MODIFIER_CHARACTERS:
            continue
        words = list(re.finditer(r"\S+", facts.text[country.end:start]))  # none: "l'agenzia olandese AIVD"
        if all(any(s <= country.end + w.start() and country.end + w.end() <= e for s, e in nouns) for w in words):
            return country.code
    return None


def _person(facts: SentenceFacts, speaker: Speaker) -> Speaker:
    """A person named with their role: "Finance Minister Oskar Lind" is Oskar Lind, whose role is "Finance Minister";
    "the minister, Anna Morel" is Anna Morel, the minister. Anyone else is left as named."""
    nouns = [n for n in facts.cues.get("claimant_noun", []) if _noun_kind(n) is ClaimantKind.PERSON]
    text = facts.text
    role_end = _compound_role_end(facts, speaker.start, speaker.end)
    if role_end is not None and text[role_end:speaker.end].strip()[:1].isupper():
        return replace(speaker, name=text[role_end:speaker.end].strip(), kind=ClaimantKind.PERSON,
                       role=text[speaker.start:role_end])
    for noun in nouns:
        if speaker.start <= noun.start and noun.end < speaker.end:  # the role opens the name
            name = text[noun.end:speaker.end].strip(" ,")
            if name[:1].isupper():
                return replace(speaker, name=name, kind=ClaimantKind.PERSON, role=text[speaker.start:noun.end])
        if 0 <= speaker.start - noun.end <= 2 and speaker.kind is ClaimantKind.PERSON:  # "the minister, Anna Morel"
            start, end = _expand_phrase(facts, noun.start, noun.end)
            return replace(speaker, role=text[start:end])
        nationality = _nationality_between(facts, noun.end, speaker.start)
        if nationality is not None and speaker.name[:1].isupper():  # "il ministro norvegese Jan Vos"
            return replace(speaker, kind=ClaimantKind.PERSON, role=text[noun.start:nationality.end],
                           country=speaker.country or nationality.code)
    return speaker


_COMPOUND_STEM = 3  # "Kremlsprecher": what stands before the role noun is a word of its own, not an inflection


def _compound_role_end(facts: SentenceFacts, start: int, end: int) -> int | None:
    """Where the role word that opens a phrase ends, when that word is a compound closed by a person noun and a name
    follows it: "Kremlsprecher Dmitri Peskow", "defensieminister Jan de Vries", "Microsoft-Sprecher Frank Shaw".
    German and Dutch write such roles as one word, which the packs' nouns, matched as whole words, do not find."""
    heads = role_compound_heads(facts.language)
    first = re.match(r"\S+", facts.text[start:end])
    if not heads or first is None or start + first.end() >= end:
        return None
    word = first.group().casefold()
    if any(word.endswith(head) and len(word) - len(head) >= _COMPOUND_STEM for head in heads):
        return start + first.end()
    return None


def _nationality_between(facts: SentenceFacts, start: int, end: int) -> CountryMention | None:
    """The nationality that alone stands between a role noun and the name after it, in the languages that put
    adjectives after nouns ("il ministro norvegese Jan Vos", "le ministre norvégien Jan Vos")."""
    if facts.language not in ADJECTIVES_AFTER_NOUNS:
        return None
    return next((c for c in facts.countries if c.form == "adjective" and not c.attacker_side
                 and start < c.start and c.end < end and not facts.text[start:c.start].strip()
                 and not facts.text[c.end:end].strip()), None)


def state_spoken_for(facts: SentenceFacts, speaker: Speaker) -> str | None:
    """The state whose claim this is: a state's own, its institutions', and those of a person holding one of its
    offices (the packs' ``state_offices``: "the Norwegian foreign minister", "Russian officials"), so that one state's
    claim repeated by several of its officials, in several reports, is one party's claim. A person's state is the
    nationality or country of their phrase, or the country whose possessive opens their role ("Norway's foreign
    minister Mira Tallis"). A researcher or a spokesperson of a firm speaks for no state."""
    if speaker.kind in (ClaimantKind.STATE, ClaimantKind.INSTITUTION):
        return speaker.country
    if speaker.kind not in (ClaimantKind.PERSON, ClaimantKind.ORGANISATION):
        return None
    seat = _seat_of_compound_role(facts.language, speaker.role)
    if seat is not None:
        return seat
    if not _STATE_OFFICE.search(speaker.role or facts.text[speaker.start:speaker.end]):
        return None
    return speaker.country or _possessive_before_role(facts, speaker)


def _seat_of_compound_role(language: str, role: str) -> str | None:
    """ "Kremlsprecher Dmitri Peskow": a role written as one word that opens with a state's seat of government (the
    country table's seats: "Kreml", "Élysée") is an office of that state, as "the Kremlin's spokesman" is. Only in the
    languages that write such compounds as one word (`role_compound_heads`)."""
    word = role.split()[0].casefold() if role.strip() else ""
    heads = role_compound_heads(language)
    stem = next((word[:-len(head)] for head in heads if word.endswith(head) and len(word) > len(head)), "")
    return _seats().get(stem.rstrip("-")) if stem else None


@table
def _seats() -> dict[str, str]:
    """Seats of government as one word, casefolded, with their state: "kreml" -> "RU"."""
    return {form.text.casefold(): form.code for form in country_forms()
            if form.kind == "capital" and " " not in form.text and "-" not in form.text}


def _possessive_before_role(facts: SentenceFacts, speaker: Speaker) -> str | None:
    if not speaker.role:
        return None
    opening = re.compile(rf"{_POSSESSIVE_GAP.pattern}{re.escape(speaker.role)}\s*,?\s*", re.IGNORECASE)
    return next((c.code for c in facts.countries
                 if not c.attacker_side and opening.fullmatch(facts.text, c.end, speaker.start)), None)


def _name_kind(facts: SentenceFacts, chunk: NameChunk, media: list[Match], targets: list[Target]) -> ClaimantKind:
    named = [t for t in targets if chunk.start <= t.start < chunk.end and not t.state]
    if named:
        return ClaimantKind.INSTITUTION if any(t.agency for t in named) else ClaimantKind.GROUP
    if any(chunk.start <= m.start and m.end <= chunk.end for m in media):
        return ClaimantKind.MEDIA
    if any(chunk.start <= p.start and p.end <= chunk.end for p in facts.producers):
        return ClaimantKind.VENDOR
    nouns = facts.cues.get("claimant_noun", [])
    if any(_noun_kind(n) is ClaimantKind.PERSON and (0 <= chunk.start - n.end <= 2 or 0 <= n.start - chunk.end <= 2
                                                     or (n.start, n.end) == (chunk.start, chunk.end))
           for n in nouns):
        return ClaimantKind.PERSON  # "Interior Minister Anna Reyes", "Anna Reyes, the minister", "Researchers at"
    return ClaimantKind.ORGANISATION


def _opens_with_speaker(facts: SentenceFacts, chunk: NameChunk) -> bool:
    """ "Brightwater confirmed", "Microsoft attributed the campaign to ...", "Google has denied": one word opening the
    sentence, right before a verb that reports, blames or denies, names who speaks even when it is also a common
    word (the names of the largest vendors are among the most frequent words there are)."""
    if not chunk.sentence_start or chunk.text.casefold() in FUNCTION_WORDS or any(
            m.start <= chunk.start and chunk.end <= m.end for kind in ("attacker_noun", "criminal_noun")
            for m in facts.cues.get(kind, [])):
        return False  # "Hackers die in opdracht van ... werken": who attacks, not who speaks
    if any(m.start <= chunk.start and chunk.end <= m.end for m in facts.cues.get("hedge", [])):
        return False  # "Suspected state-sponsored hackers": a hedge opening the sentence says how sure, not who
    return any(m.start >= chunk.end and len(facts.text[chunk.end:m.start].split()) <= 1  # "Microsoft has linked"
               for kind in _SPEAKING_CUES for m in facts.cues.get(kind, []))


def _noun_kind(noun: Match) -> ClaimantKind:
    return ClaimantKind.PERSON if noun.text.casefold() in _PERSON_NOUNS else ClaimantKind.INSTITUTION


def _after_preposition(facts: SentenceFacts, start: int) -> bool:
    """ "in Albania", "to Parliament": a name inside a prepositional phrase is not the one speaking
    ("according to X" is the exception: X is). "a" is a preposition in "a Roma", but an article in the sentence's
    own language opens its subject ("A senior police official said"). Nor is "of" after "members" one: the members of
    a body speak for it ("Members of the Chilean government said"), and so does its staff ("Researchers at Kettleby
    Labs said") and the author of a publication ("a report from Kettleby Labs", `_author_of`)."""
    head = facts.text[:start].rstrip()
    words_before = head.split()
    if not words_before:
        return False
    preposition_at = len(words_before) - (2 if words_before[-1].lower() in ARTICLES else 1)
    if preposition_at >= 1 and words_before[preposition_at].lower() in PREPOSITIONS \
            and (words_before[preposition_at - 1].casefold() in MEMBERSHIP | STAFF
                 or _PUBLICATION.fullmatch(words_before[preposition_at - 1])):
        return False
    if words_before[-1].lower() in PREPOSITIONS and not (  # "according to a source": "a" is an article here
            len(words_before) >= 2 and words_before[-1].casefold() in _articles(facts.language)
            and words_before[-2].lower() in PREPOSITIONS):
        if len(words_before) == 1 and words_before[0].casefold() in _articles(facts.language):
            return False
        return not ACCORDING_BEFORE.search(head)
    if len(words_before) >= 2 and words_before[-1].lower() in ARTICLES \
            and words_before[-2].lower() in PREPOSITIONS:  # "auf die Wiener Privatbank"
        return not ACCORDING_BEFORE.search(head[:len(head) - len(words_before[-1])].rstrip())
    return False


@language_table
def _articles(language: str) -> frozenset[str]:
    return frozenset(word.casefold() for word in pack(language, "grammar")["articles"])


def _expand_phrase(facts: SentenceFacts, start: int, end: int) -> tuple[int, int]:
    """Grow a role noun into its phrase ("foreign ministry spokesperson", "portavoce dell'ambasciata cinese")."""
    text = facts.text
    nouns = [(m.start, m.end) for kind in ("claimant_noun", "sector") for m in facts.cues.get(kind, [])]
    tokens = list(re.finditer(r"(?:\w\.){2,}|[\w\-]+['’]?", text))  # "U.S." is one word
    # "van 18 juli 2022 schreef minister ...": a verb or a date before the noun ends its phrase
    outside = [(m.start, m.end) for kind in _SPEAKING_CUES for m in facts.cues.get(kind, [])] \
        + [(d.start, d.end) for d in facts.dates]
    for word in reversed([w for w in tokens if w.end() <= start][-3:]):
        lower = word.group().lower()
        if text[word.end():start].strip() or any(s <= word.start() < e for s, e in outside) or (lower in FUNCTION_WORDS
                                              and (word.group().islower() or lower in ARTICLES)) \
                or (lower.endswith(("'", "’")) and len(lower) <= 3) or ACCORDING_BEFORE.search(text, 0, word.end()):
            break  # a capitalised word is part of a name, unless it is an article opening the sentence ("L'") or
            # the word that says whom the sentence follows ("Volgens ingewijden", "Secondo fonti")
        start = word.start()
    after_connector = False
    groups = [(m.start, m.end) for m in facts.actors + facts.cues.get("group_noun", [])]
    previous_connector = True  # the word right after the noun, or after a connector, may be a country
    for word in [w for w in tokens if w.start() >= end][:5]:
        if text[end:word.start()].strip() or any(s <= word.start() < e for s, e in groups):
            break  # "von der Polizei der Gruppe APT31": the phrase ends before the group it blames
        lower = word.group().lower()
        country = next((c for c in facts.countries if c.start == word.start()), None)
        is_noun = any(s <= word.start() < e for s, e in nouns)
        if lower in CONNECTORS or lower.endswith(("'", "’")):
            after_connector = previous_connector = True
        elif not ((previous_connector or _nationality_after_a_word(facts, country)) if country
                  else after_connector and (word.group()[0].isupper() or is_noun)):
            break  # "die Regierung von Veldmark Russland beschuldigt hatte": Russland is not of the name
        else:
            previous_connector = False
        end = word.end()
    # "ministère de", "enquêteurs n'" (the negation of "n'ont trouvé"): a connector or an elided word ends no phrase
    while text[start:end].split() and (text[start:end].split()[-1].lower() in CONNECTORS
                                       or text[start:end].rstrip().endswith(("'", "’"))):
        end = start + text[start:end].rstrip().rfind(" ")
    return start, _seat(facts, start, end)


def _nationality_after_a_word(facts: SentenceFacts, country: CountryMention) -> bool:
    """A nationality right after a word of the phrase qualifies that word, in the languages that put adjectives after
    nouns ("il portavoce dell'ambasciata cinese", "le porte-parole de l'ambassade russe"); a country's name there is
    another party ("die Regierung von Veldmark Russland")."""
    return country.form == "adjective" and facts.language in ADJECTIVES_AFTER_NOUNS


def _seat(facts: SentenceFacts, start: int, end: int) -> int:
    """ "l'ambassade de Chine en France", "l'ambasciata cinese a Roma": a phrase that names its country goes on to
    the place it sits in, after one preposition (the country it names stays the speaker's)."""
    if not any(start <= c.start and c.end <= end for c in facts.countries):
        return end
    preposition = _NEXT_WORD.match(facts.text, end)
    if preposition is None or preposition.group(1).casefold() not in PREPOSITIONS:
        return end
    place = next((c for c in facts.countries if c.start == preposition.end() and c.form != "adjective"), None)
    return place.end if place else end


def find_claimant(facts: SentenceFacts, speakers: list[Speaker], cue: StanceCue, targets: list[Target]) \
        -> Speaker | None:
    """ "according to X", "X said" / "said X", or else the subject: the first speaker, early, before the cue. The
    subject of the claim's own verb comes first when the reporting verb only follows it ("the embassy rejected the
    allegations, saying Beijing had nothing to do with it"). A role is the person named beside it ("la ministre de
    l'Intérieur, Anne Morel"), or the name it describes ("the security firm Kestrel Point"), or else whom it works for
    ("researchers at Kestrel Point")."""
    found = _speaker(facts, speakers, cue, targets)
    if found is None:
        return None
    found = _author_of(facts, speakers, found)
    found = _named_beside(facts, speakers, found) or _employer(facts, speakers, _named_by(facts, speakers, found))
    return replace(found, name=_nominative(facts, found))


def _author_of(facts: SentenceFacts, speakers: list[Speaker], found: Speaker) -> Speaker:
    """ "according to a report by the security firm Kestrel Point", "laut einem Bericht der Sicherheitsfirma Kestrel
    Point", "según un informe de Kestrel Point": a publication (the packs' ``publications``) speaks for whoever wrote
    it, named right after it, past a preposition, the agent's word ("by", "von") or a genitive's article and lower-case
    words only. Without an author named so ("the report said"), the publication itself speaks."""
    publication = _PUBLICATION.match(found.name)
    if publication is None:
        return found
    end = found.start + publication.end()
    rest = re.search(r"\b[A-Z]", facts.text[end:found.end])  # "Bericht von Mandiant", read as one name
    inside = [replace(found, start=end + rest.start(), name=facts.text[end + rest.start():found.end])] if rest else []
    author = min((s for s in speakers + inside if s.start >= end), key=lambda s: (s.start, -s.end), default=None)
    if author is None:
        return found
    gap = facts.text[end:author.start].split()
    if not gap or len(gap) > _EMPLOYER_WORDS or re.search(r"[,;:.()]", " ".join(gap)) \
            or not all(word.islower() for word in gap) \
            or not (gap[0].casefold() in PREPOSITIONS or gap[0].casefold() in ARTICLES
                    or re.fullmatch(AGENTS, gap[0], re.IGNORECASE)):
        return found
    return _named_by(facts, speakers, author)


def _nominative(facts: SentenceFacts, speaker: Speaker) -> str:
    """German names a body after "des" or "eines" in the genitive ("nach Erkenntnissen des Verfassungsschutzes",
    "laut einer Sprecherin des Bundesamtes für Sicherheit"): the claimant is filed under the nominative, the tagger's
    lemma of its first noun; the claim's mention keeps the words as written."""
    before = facts.text[:speaker.start].split()[-1:]
    if facts.language != "de" or not before or before[0].casefold() not in _GERMAN_GENITIVE_ARTICLES:
        return speaker.name
    first, space, rest = speaker.name.partition(" ")
    lemma, tag = tagger("de").analyze(first)
    if tag == "NN" and first.startswith(lemma) and first[len(lemma):] in {"s", "es"}:
        return lemma + space + rest
    return speaker.name


def _named_beside(facts: SentenceFacts, speakers: list[Speaker], role: Speaker) -> Speaker | None:
    """ "la ministre de l'Intérieur, Anne Morel,": a person's role with their name set off by a comma after it."""
    if role.kind is not ClaimantKind.PERSON or role.role or facts.text[role.start:role.end][:1].isupper():
        return None  # not a role phrase ("Anna Reyes", "Interior Minister Anna Reyes" is a name with its role)
    for other in speakers:
        if other.start > role.end and re.fullmatch(r"\s*,\s*", facts.text[role.end:other.start]) \
                and other.kind in (ClaimantKind.PERSON, ClaimantKind.ORGANISATION) and other.name[:1].isupper():
            return replace(other, kind=ClaimantKind.PERSON, role=facts.text[role.start:role.end])
    return None


def _speaker(facts: SentenceFacts, speakers: list[Speaker], cue: StanceCue, targets: list[Target]) -> Speaker | None:
    for speaker in speakers:
        if ACCORDING_BEFORE.search(facts.text[:speaker.start]) or _agent_of(facts, speaker, cue, targets):
            return _subject_it_refers_to(facts, speakers, speaker, cue) or speaker
    for according in ACCORDING_CUE.finditer(facts.text):
        named = _according_to(facts, speakers, according.end())
        if named:
            return _subject_it_refers_to(facts, speakers, named, cue) or named
    # a group attributes no attack but its own; it may deny any
    people = speakers if cue.stance.rejects else [s for s in speakers if s.kind is not ClaimantKind.GROUP]
    subject = _before_auxiliary(facts, people, cue) or _subject(facts.text, people, cue.match.start) \
        or _subject_after_verb(facts, people, cue, targets)
    if subject and cue.names_the_culprit_first and _culprit_before(facts, subject, cue) \
            and not COMPLEMENTIZER.search(facts.text, subject.end, cue.match.start):
        # "the Conti gang was responsible": the subject is the one blamed; the one who says so comes first ("I
        # ricercatori credono che dietro ...": a subject whose verb opens a clause with "che" says so itself)
        earlier = [s for s in people if s.end <= subject.start]
        subject = _subject(facts.text, earlier, subject.start) if earlier else None
    speech = facts.cues.get("speech", [])
    if subject and cue.stance.rejects and close(facts.text, subject.end, cue.match.start, _VERB_GAP_WORDS) \
            and "," not in facts.text[subject.end:cue.match.start]:
        # "..., the minister said, an accusation Moscow has denied": the one named at the denial; "the embassy
        # dismissed the accusations and said Moscow does not ...": the denial's subject, not whom its words name
        return subject
    if subject and cue.stance.rejects and speech and speech[0].start > cue.match.end:
        inverted = _named_after(facts, people, speech[0].end)  # "... sont absurdes, répond Téhéran."
        return inverted if inverted and _CLAUSE_END.match(facts.text, inverted.end) else subject
    # "said North Korea was responsible": the name right before a cue that names the culprit first is the one blamed
    nearest = max((s for s in people if s.end <= cue.match.start), key=lambda s: s.end, default=None)
    if nearest and cue.names_the_culprit_first and "," not in facts.text[nearest.end:cue.match.start] \
            and content_words_between(facts.text, nearest.end, cue.match.start) <= 1:
        people = [s for s in people if s is not nearest]
    for verb in speech:
        before = [s for s in speakers if (0 <= verb.start - s.end <= 3 or _apposition(facts.text, s.end, verb.start)
                                          or _as_reported_by(facts.text, s, verb))
                  and (s.kind is not ClaimantKind.GROUP or cue.reported or s.end <= cue.match.start)
                  and not _blamed_in_its_description(s, cue, verb, targets)
                  and not _blamed_after_the_cue(facts, s, cue, targets)]
        # "Vyssen Security, the firm hired by Keldermans, said": a name inside the apposition describes the speaker
        before = [s for s in before if not any(o.end <= s.start and _apposition(facts.text, o.end, verb.start)
                                               and o.kind is not ClaimantKind.PERSON for o in before)]
        named_after = _named_after(facts, people, verb.end)
        nearest_before = max(before, key=lambda s: (s.end, s.end - s.start), default=None)  # "policía de Singapur"
        if nearest_before and not (named_after and "," in facts.text[nearest_before.end:verb.start]):
            return _head_of_list(facts.text, speakers, nearest_before)
        after = named_after or next((s for s in people if 0 <= s.start - verb.end <= _SPEAKER_AFTER_CHARACTERS
                                     and not COMPLEMENTIZER.search(facts.text[verb.end:s.start])), None)
        if after and not _blamed_after_the_cue(facts, after, cue, targets):
            return after
    return subject


def _subject_it_refers_to(facts: SentenceFacts, speakers: list[Speaker], speaker: Speaker, cue: StanceCue) \
        -> Speaker | None:
    """ "Kestrelpoint Labs atribuye el ataque a Umber Heron, un grupo que, según la compañía, trabaja para China": a
    bare noun for a body ("la compañía", "the company", "l'agence") after "according to", past the cue, refers back to
    the body the sentence names as the cue's subject, which speaks."""
    words = facts.text[speaker.start:speaker.end].split()
    nouns = [m for kind in ("claimant_noun", "company_noun") for m in facts.cues.get(kind, []) if m.end == speaker.end]
    if speaker.start < cue.match.end or len(words) != 1 or not nouns:
        return None
    named = [s for s in speakers if s.end <= cue.match.start and s.kind in _EMPLOYERS and s.name[:1].isupper()]
    return _subject(facts.text, named, cue.match.start)


def _culprit_before(facts: SentenceFacts, subject: Speaker, cue: StanceCue) -> bool:
    """The subject right before a cue that names the culprit first, one content word between at most ("the Conti
    gang was directly responsible"), or one word before the cue's complement where the language puts it first
    ("Russland wird [für den Angriff] verantwortlich gemacht")."""
    complement = before_complement(facts, subject.end, cue.match.start)
    return content_words_between(facts.text, subject.end, cue.match.start) <= 1 \
        or (complement < cue.match.start and len(facts.text[subject.end:complement].split()) <= 1)


def _blamed_in_its_description(speaker: Speaker, cue: StanceCue, verb: Match, targets: list[Target]) -> bool:
    """The cue stands between a group and its verb, in the clause that describes the group ("Clop, die hinter dem
    Angriff steckt, veröffentlichte ...", "le gang Clop, qui est derrière l'attaque, a publié"): the group is the
    one blamed there, and what it does next says nothing about who blames it. A body that blames somebody in its
    own description ("Microsoft, which attributed the attack to APT28, said") still speaks."""
    blamed = speaker.kind is ClaimantKind.GROUP or any(speaker.start <= t.start < speaker.end for t in targets)
    return blamed and speaker.end <= cue.match.start < verb.start


def _blamed_after_the_cue(facts: SentenceFacts, speaker: Speaker, cue: StanceCue, targets: list[Target]) -> bool:
    """Words of speech inside an attribution, beside whom it blames ("Das Innenministerium machte in einer Erklärung
    China verantwortlich", "machte China in einer Erklärung verantwortlich", "the ministry blamed, in a statement,
    China for the attack"): the name next to them after the cue is the one blamed, and the claim's subject speaks.
    Not a name in a clause of its own ("..., the UK added"), and only in an attribution: a denial's target may name
    the speaker's state ("denied it, Russia's embassy said")."""
    if cue.stance is not Stance.ATTRIBUTES or cue.reported or speaker.start < cue.match.end \
            or not any(speaker.start <= t.start < speaker.end for t in targets):
        return False
    gap = facts.text[cue.match.end:speaker.start]
    for speech in facts.cues.get("speech", []):
        if cue.match.end <= speech.start and speech.end <= speaker.start:  # with the commas that set it off
            gap = re.sub(rf"[\s,]*{re.escape(speech.text)}[\s,]*", " ", gap)
    return not re.search(r"[,;:]", gap) and content_words_between(gap, 0, len(gap)) <= 1


def _as_reported_by(text: str, speaker: Speaker, verb: Match) -> bool:
    """ "..., wie das Unternehmen am Dienstag mitteilte", "zoals het bedrijf dinsdag meldde", "as the company said on
    Tuesday": the speaker right after the word that opens such a clause (the packs' ``as_reported``, articles
    between), with its speech verb a few words on in the same clause, where a time may stand between them."""
    opening = AS_REPORTED_BEFORE.search(text, 0, speaker.start)
    return opening is not None and speaker.end <= verb.start and close(text, speaker.end, verb.start, _AS_VERB_WORDS) \
        and "," not in text[speaker.end:verb.start]


def _apposition(text: str, end: int, verb_start: int) -> bool:
    """Only an apposition stands between a speaker and its verb: "Lena Brandt, a spokeswoman for the ministry,
    said", "Lena Brandt, portavoz del ministerio, dijo" (a phrase between two commas, with no clause in it)."""
    return bool(_APPOSITION.fullmatch(text[end:verb_start])) and not COMPLEMENTIZER.search(text[end:verb_start])


def _named_after(facts: SentenceFacts, people: list[Speaker], verb_end: int) -> Speaker | None:
    """The speaker named after the reporting verb, as every language may put it ("..., meldt De Gelderse Bode",
    "..., informó el viernes el diario El Heraldo", "a affirmé lundi le Service de sécurité d'Ukraine (SBU)"): only
    articles, a date, or a noun for who speaks (a role, a newspaper) stand between them; not "that" ("dijo que
    Ferrari": Ferrari is what was said). A name with lower-case words in it is read as after "according to", when it
    ends in a speaker (a capitalised word alone, "Tuesday", is none). Such a speaker outranks a name before the verb
    and a comma: that name ends what was reported."""
    allowed = [(d.start, d.end) for d in facts.dates]
    allowed += [(m.start, m.end) for kind in ("claimant_noun", "media") for m in facts.cues.get(kind, [])]
    allowed += [(m.start, m.end) for m in facts.cues.get("sector", []) if str(m.values[0]) == "media"]

    def only_allowed_before(start: int) -> bool:
        words_between = list(re.finditer(r"\S+", facts.text[verb_end:start]))
        return len(words_between) <= _SPEAKER_AFTER_WORDS and all(
            word.group().casefold() in ARTICLES or any(a <= verb_end + word.start() < b for a, b in allowed)
            for word in words_between)

    phrase = _according_to(facts, people, verb_end)
    found = [phrase] if phrase is not None and phrase.start >= verb_end and any(phrase.end == s.end for s in people) \
        and only_allowed_before(phrase.start) else []
    found += [s for s in people if s.start >= verb_end and only_allowed_before(s.start)]
    return min(found, key=lambda s: s.start, default=None)  # the whole phrase where both start at one word


_TITLE_AFTER_ARTICLE = re.compile(r"[A-Z]\w*\s+[A-Z][\w-]+")  # "Le Monde", "Der Spiegel", "El País"


def _according_to(facts: SentenceFacts, speakers: list[Speaker], start: int) -> Speaker | None:
    """ "Selon le Centre national de cybersécurité du Veldmark (NCCV)", "nach Angaben des Verfassungsschutzes": the
    phrase from the first capitalised word after "according to" to the end of the first speaker a few lower-case
    words on, in one clause; or that capitalised word alone, when no speaker follows it so."""
    clause = re.split(r"[,;:]", facts.text[start:], maxsplit=1)[0]  # "According to the ministry, Russia": one clause
    words_after = list(re.finditer(r"(?:\w+['’])?([\w-]+)", clause))  # "l'Agenzia": the noun
    opening_word = next((w for w in words_after[:3] if w.group(1)[:1].isupper()), None)
    if opening_word is None:
        return _described(facts, speakers, start)
    opening = start + opening_word.start(1)
    for speaker in speakers:
        gap = facts.text[opening:speaker.start].split()[1:]  # the words after the opening one
        if speaker.start >= opening and len(gap) <= _ACCORDING_WORDS and not re.search(r"[,;:.]", " ".join(gap)) \
                and all(word.islower() or word.casefold() in CONNECTORS for word in gap):
            if speaker.start == opening:
                return _named_by(facts, speakers, speaker)  # "nach Angaben der Sicherheitsfirma Corvid Security"
            if speaker.kind is ClaimantKind.GROUP:
                continue  # "Volgens de NOS zit de groep APT28 achter": the group the source blames ends no name
            return speaker if speaker.kind is ClaimantKind.STATE \
                else replace(speaker, start=opening, name=facts.text[opening:speaker.end])
    word = opening_word.group(1)
    if any(s.start == opening for s in speakers):
        return None
    if word.casefold() in FUNCTION_WORDS and not word.isupper():  # "NOS" is a broadcaster, not Spanish "nos"
        title = _TITLE_AFTER_ARTICLE.match(facts.text, opening)
        if title is None:
            return None
        word = title.group()  # "Selon Le Monde", "Volgens De Telegraaf": a title that opens with its article
        return Speaker(opening, opening + len(word), word, None, ClaimantKind.INSTITUTION)
    return _body_named_from(facts.text, opening, word)


def _body_named_from(text: str, opening: int, word: str) -> Speaker:
    """ "nach Einschätzung des Bundesamts für Sicherheit in der Informationstechnik (BSI)": a body no other reading
    found goes by the acronym in brackets its name ends with, a few words on in one clause (its genitive does not
    end it); without one, it is named from its first word on, through capitalised words and the little words that
    join them ("des Landesamts für Verfassungsschutz")."""
    end = start = opening + len(word)
    stretch = text[start:start + _BODY_NAME_CHARACTERS]
    if by_acronym := _by_its_acronym(text, opening, start):
        return by_acronym
    for token in re.finditer(r"\S+", stretch):
        at = start + token.start()
        bare = token.group().casefold()
        if token.group()[:1].isupper() and token.group()[-1:].isalnum():
            end = at + len(token.group())
        elif not (bare in CONNECTORS or bare in PREPOSITIONS or bare in ARTICLES):
            break
    if not any(part.casefold() in CONNECTORS for part in text[opening:end].split()[1:]):
        end = opening + len(word)  # "Frank Shaw": capitals alone may be a person's name, whom other readings find
    return Speaker(opening, end, text[opening:end], None, ClaimantKind.INSTITUTION)


def _by_its_acronym(text: str, opening: int, after: int) -> Speaker | None:
    """The body whose name opens at ``opening`` (its first word ends at ``after``), by the acronym in brackets its name
    ends with a few words on, in one clause ("des Bundesamts für Sicherheit in der Informationstechnik (BSI)")."""
    stretch = text[after:after + _BODY_NAME_CHARACTERS]
    acronym = _BRACKETED_ACRONYM.search(stretch)
    if acronym is None or re.search(r"[,;:.!?]", stretch[:acronym.start()]) \
            or len(stretch[:acronym.start()].split()) > _BODY_NAME_WORDS:
        return None
    return Speaker(opening, after + acronym.end(), acronym.group(1), None, ClaimantKind.INSTITUTION)


def _a_body_s_first_word(facts: SentenceFacts, noun: Match) -> bool:
    """ "l'Agence nationale de la sécurité ...", "l'Agenzia per la cybersicurezza nazionale": a one-word claimant noun
    capitalised after the sentence's first word, in a language that writes its nouns in lower case (not German:
    `capitalises_nouns`), opens a body's name that runs on in lower case."""
    return noun.text[:1].isupper() and " " not in noun.text and not capitalises_nouns(facts.language) \
        and bool(re.search(r"\w\W+$", facts.text[:noun.start]))


def _body_named_through_lower_case(text: str, start: int, end: int, language: str) -> Speaker | None:
    """The body whose name opens with the capitalised word at ``start``: the acronym in brackets a few words on ("...
    per la cybersicurezza nazionale (ACN)" -> ACN), or its words through the lower-case ones (`lower_case_name_end`);
    none where a capitalised name follows those, as the place the body serves ("l'Agence de cybersécurité de
    Korvan", which the phrase reader takes whole)."""
    if by_acronym := _by_its_acronym(text, start, end):
        return by_acronym
    name_end = lower_case_name_end(text, end, language)
    return None if name_end is None else Speaker(start, name_end, text[start:name_end], None,
                                                 ClaimantKind.INSTITUTION)


def _described(facts: SentenceFacts, speakers: list[Speaker], start: int) -> Speaker | None:
    """ "according to the security firm Kestrel Point", "selon les enquêteurs", "secondo gli inquirenti": after
    "according to", only lower-case words up to the speaker, in one clause; a role phrase there speaks for the name
    it describes, if it describes one."""
    for speaker in speakers:
        gap = facts.text[start:speaker.start]
        if speaker.start < start:
            continue
        if len(gap.split()) <= _DESCRIPTION_WORDS and not re.search(r"[,;:.()]", gap) \
                and all(word.islower() for word in re.findall(r"[\w-]+", gap)):
            return _named_by(facts, speakers, speaker)
        return None
    return None


def _named_by(facts: SentenceFacts, speakers: list[Speaker], role: Speaker) -> Speaker:
    """ "the security firm Kestrel Point", "la firma de ciberseguridad Sentinela Labs", "der Sicherheitsfirma Corvid
    Security": a role phrase that a name follows, right after it or after "of" and lower-case words, describes that
    name, and the name speaks. "volgens de politie is LockBit ...": a verb between, and the role speaks."""
    nouns = [noun for kind in ("claimant_noun", "company_noun") for noun in facts.cues.get(kind, [])
             if noun.end == role.end]
    if not nouns:
        return role  # a name, not a role phrase
    following = next((s for s in speakers if s.start >= role.end), None)
    if following is None or following.state or following.kind is ClaimantKind.GROUP \
            or not following.name[:1].isupper():
        return role  # "heeft de politie de hackersgroep APT28 verantwoordelijk gehouden": the group is the object
    gap = facts.text[role.end:following.start].split()
    if len(gap) > _EMPLOYER_WORDS or re.search(r"[,;:.()]", " ".join(gap)):
        return role
    if gap and not (gap[0].casefold() in CONNECTORS and all(word.islower() for word in gap)):
        return role
    firms = facts.cues.get("company_noun", [])
    if all(noun not in firms for noun in nouns) and _lower_case_middle(facts.text, role, gap):
        # a public body of the place it serves, named with it, where a firm's noun describes the name ("the security
        # firm Kestrel Point")
        return replace(role, end=following.end, name=facts.text[role.start:following.end])
    return following


def _subject(text: str, speakers: list[Speaker], cue_start: int) -> Speaker | None:
    """Who the cue's verb is about: the speaker right before it ("le gang LockBit a nié", "Die Bundesregierung
    macht"), or the name set off by commas right before it, which names the phrase before ("the government's response
    team, CERT-UA, attributed"), or else the first speaker of the clause the cue is in, a few words into it ("Update:
    The Council of Veldmark ... is blaming" is the Council's, "VALMONT, Veldmark (AP) — The ministry accused" the
    ministry's)."""
    before = [s for s in speakers if s.end <= cue_start]
    nearest = max(before, key=lambda s: (s.end, s.end - s.start), default=None)  # the longest phrase ending there
    if nearest and len(text[nearest.end:cue_start].split()) <= _VERB_GAP_WORDS \
            and not re.search(r"[,;:]", text[nearest.end:cue_start]):
        return _head_of_list(text, before, _head_of_complement(text, before, nearest))
    role = next((s for s in before if s.kind is ClaimantKind.PERSON and nearest
                 and re.fullmatch(r"\s*,\s*", text[s.end:nearest.start])), None)
    if nearest and role is None and nearest.name[:1].isupper() and text[:nearest.start].rstrip().endswith(",") \
            and re.fullmatch(r"\s*,\s*", text[nearest.end:cue_start]):
        return nearest  # "The government's emergency response team, CERT-UA, attributed": the name set off (a
        # person's role set off from their name is `_named_beside`'s)
    opening = max((m.end() for m in _CLAUSE_OPENING.finditer(text, 0, cue_start)), default=0)
    for speaker in before:
        if opening <= speaker.start:
            return speaker if len(text[opening:speaker.start].split()) <= _SUBJECT_WORDS else None
    return None


def _before_auxiliary(facts: SentenceFacts, speakers: list[Speaker], cue: StanceCue) -> Speaker | None:
    """Where the object of a perfect stands between its auxiliary and the participle at the clause's end (German,
    Dutch: `auxiliaries_before_object`), the speaker right before the auxiliary is the subject, whatever the object
    names: "Het Kremlin heeft beschuldigingen van Oekraïne verworpen" is the Kremlin's denial, not Ukraine's."""
    auxiliaries = auxiliaries_before_object(facts.language)
    if not auxiliaries:
        return None
    for speaker in speakers:
        auxiliary = _NEXT_WORD.match(facts.text, speaker.end)
        if speaker.end <= cue.match.start and auxiliary and auxiliary.group(1).casefold() in auxiliaries \
                and not re.search(r"[,;:]", facts.text[speaker.end:cue.match.start]):
            return speaker
    return None


def _subject_after_verb(facts: SentenceFacts, speakers: list[Speaker], cue: StanceCue, targets: list[Target]) \
        -> Speaker | None:
    """In a language that puts its verb second, the subject right after the cue's verb when nothing before it could
    be one: "Am Dienstag hat die Polizei die Gruppe X ... verantwortlich gemacht", "Gisteren beschuldigde de
    minister Rusland ...". Something must stand before the verb, in its clause. Only articles may stand between the
    verb and the subject; a name further on is an object, and so is a state the claim blames that the subject's phrase
    ran on to ("de minister Rusland")."""
    opening = max((m.end() for m in _CLAUSE_OPENING.finditer(facts.text, 0, cue.match.start)), default=0)
    fronted = facts.text[opening:cue.match.start].split()
    if not verb_second(facts.language) or not fronted or cue.match.text.split()[0].casefold() in PREPOSITIONS:
        return None  # the verb stands second only after a fronted phrase; "Im Auftrag der Regierung" is no verb
    for speaker in speakers:
        if speaker.start >= cue.match.end:
            if not all(word.casefold() in ARTICLES for word in facts.text[cue.match.end:speaker.start].split()):
                return None
            return short_of(facts, speaker, [t for t in targets if t.state and t.start > speaker.start])
    return None


def short_of(facts: SentenceFacts, speaker: Speaker, blamed: list[Target]) -> Speaker | None:
    """The speaker cut short of the first of ``blamed`` that its phrase ran on to ("die Regierung von Veldmark
    Russland beschuldigt hatte", "beschuldigde de minister Rusland"), losing that state as its country and any role
    read with it; none when the speaker is what is blamed."""
    inside = [t for t in blamed if speaker.start <= t.start < speaker.end]
    if not inside:
        return speaker
    end = len(facts.text[:min(t.start for t in inside)].rstrip())
    if end <= speaker.start:
        return None
    country = None if speaker.country in {t.name for t in inside} else speaker.country
    return replace(speaker, end=end, name=facts.text[speaker.start:end], country=country, role="")


def _head_of_complement(text: str, speakers: list[Speaker], speaker: Speaker) -> Speaker:
    """ "le ministère des Affaires étrangères de Veldmark", "the Ministry of Defence of Colombia": a name joined to the
    one before it by "de", "of", "van" completes it; the one before is who speaks."""
    for earlier in sorted((s for s in speakers if s.end <= speaker.start), key=lambda s: -s.end):
        gap = text[earlier.end:speaker.start].split()
        if gap and all(word.casefold() in CONNECTORS or word.casefold() in PREPOSITIONS for word in gap):
            return earlier  # "l'ambasciata cinese a Roma": the embassy in Rome speaks
        if _lower_case_middle(text, earlier, gap):
            return replace(earlier, end=speaker.end, name=text[earlier.start:speaker.end])
        break
    return speaker


def _lower_case_middle(text: str, head: Speaker, gap: list[str]) -> bool:
    """ "l'Agence de cybersécurité de Korvan", "la Agencia de ciberseguridad de Korvan": a capitalised institution's
    name goes on in lower case (French, Spanish and Italian write only its first word capitalised) to the place it
    serves; a role in lower case ("les chercheurs de Kestrel Labs") is not such a name."""
    return head.kind is ClaimantKind.INSTITUTION and text[head.start:head.end][:1].isupper() \
        and 1 < len(gap) <= _EMPLOYER_WORDS and gap[0].casefold() in CONNECTORS \
        and all(word.islower() and not re.search(r"[,;:.()]", word) for word in gap)


def organisation_of(facts: SentenceFacts, speakers: list[Speaker], speaker: Speaker) -> str:
    """The body a named person speaks for, named right after them or their role ("Paul Okafor, IT director at St
    Brendan's Hospital"), a preposition first."""
    if speaker.kind is not ClaimantKind.PERSON or speaker.end == 0:  # not a person, or named sentences before
        return ""
    for other in speakers:
        gap = facts.text[speaker.end:other.start].split()
        if other.start >= speaker.end and other.kind in _EMPLOYERS and 0 < len(gap) <= _EMPLOYER_WORDS \
                and not re.search(r"[.;:]", " ".join(gap)) and gap[-1].casefold() in PREPOSITIONS | ARTICLES:
            return other.name
    return ""


def _employer(facts: SentenceFacts, speakers: list[Speaker], speaker: Speaker) -> Speaker:
    """ "Researchers at Kestrel Point", "Sicherheitsforscher der Firma Corvid Security": the organisation a person's
    role phrase names right after it speaks for them."""
    if speaker.kind is not ClaimantKind.PERSON:
        return speaker
    for other in speakers:
        gap = facts.text[speaker.end:other.start].split()
        if other.start >= speaker.end and other.kind in _EMPLOYERS and 0 < len(gap) <= _EMPLOYER_WORDS \
                and not re.search(r"[,.;:]", " ".join(gap)) \
                and (gap[0].casefold() in PREPOSITIONS or gap[0].casefold() in ARTICLES):
            return _named_by(facts, speakers, other)  # "investigadores de la firma de ciberseguridad Sentinela Labs"
    return speaker


def listed_before(facts: SentenceFacts, speakers: list[Speaker], speaker: Speaker) -> list[Speaker]:
    """ "the European Union, the United Kingdom and the United States blamed Russia": the parties listed before the
    speaker, each a subject of the same verb, in the order written. Only commas, conjunctions and articles may stand
    between them, and a conjunction before the speaker closes the list: "the minister, Anne Morel, said" names one
    person twice ("Foreign Trade" in one listed name is `_head_of_list`'s)."""
    glue = _CONJUNCTION_WORDS | _articles(facts.language)
    listed: list[Speaker] = []
    head = speaker
    for other in reversed([s for s in speakers if s.end <= speaker.start]):
        gap = facts.text[other.end:head.start]
        words = gap.replace(",", " ").casefold().split()
        closed = any(word in _CONJUNCTION_WORDS for word in words)
        if not all(word in glue for word in words) or not (closed if head is speaker else "," in gap or closed):
            break
        listed.append(other)
        head = other
    return listed[::-1]


def _head_of_list(text: str, speakers: list[Speaker], last: Speaker) -> Speaker:
    """ "the FPS Foreign Affairs, Foreign Trade and Development Cooperation said": a name listed in parts is
    named by its first part."""
    head = last
    for speaker in reversed([s for s in speakers if s.end <= last.start]):
        if not _LIST_GLUE.fullmatch(text[speaker.end:head.start]):
            break
        head = speaker
    return head


def the_accused(targets: list[Target], accused: list[str], at: int) -> Speaker | None:
    """Who denies when the sentence does not name them ("The accusations were firmly denied", "el país asiático ha
    negado"): the one accused, if the denial or the article before it accuses exactly one, since a denial is the
    accused's own. ``at`` is where the denial stands; the speaker is named nowhere in the sentence."""
    named = list(dict.fromkeys(t.name for t in targets)) or accused
    if len(named) != 1:
        return None
    if is_state(named[0]):
        return Speaker(at, at, country_name(named[0], "en"), named[0], ClaimantKind.STATE, True)
    return Speaker(at, at, named[0], None, ClaimantKind.GROUP)


def named_in_next(next_facts: SentenceFacts | None) -> Speaker | None:
    """ "..." — "Ha affermato il ministro degli Esteri.": a short sentence that only says who spoke. The speaker
    stands in that sentence, not in the one it speaks for: it keeps its name and no place in the claim's sentence,
    where its offsets would cover words of their own (the "LockBit" of "The LockBit gang is behind ...")."""
    if next_facts is None or next_facts.is_attack or stance_cue(next_facts) is not None:
        return None
    # its first clause may say it before the sentence goes on: "A riportarlo è il Corriere di Korvan, che cita ..."
    comma = next_facts.text.find(",")
    clause_end = comma if comma >= 0 else len(next_facts.text)
    if len(next_facts.text[:clause_end].split()) > _SPEAKER_LINE_WORDS \
            or not any(m.start < clause_end for m in next_facts.cues.get("speech", [])):
        return None
    later = [s for s in possible_speakers(next_facts, []) if s.start < clause_end]
    if not later:
        return None
    return replace(later[0], name=later[0].name or next_facts.text[later[0].start:later[0].end], start=0, end=0)


def named_for_its_noun(facts: SentenceFacts, speaker: Speaker | None, previous: SentenceFacts | None) \
        -> Speaker | None:
    """ "..., teilte das Computer-Notfallteam CERT-UA mit. Die Behörde schreibt den Angriff Sandworm zu": a speaker
    told by a claimant noun alone ("die Behörde", "the agency", "l'agence", "de dienst") is the organisation the
    sentence before reported with a name of its own; else ``speaker`` stays as it is."""
    if speaker is None or previous is None or not _noun_alone(facts, speaker):
        return speaker
    found = _reported_in(previous)
    if found is None or found.kind in (ClaimantKind.GROUP, ClaimantKind.PERSON) \
            or _noun_alone(previous, found) or found.start == found.end:
        return speaker
    return _named_from(previous, found)


def _reported_in(previous: SentenceFacts) -> Speaker | None:
    """Whom the sentence reports as speaking, by its first verb of speech ("..., said Anna Reyes"): the voice the
    next sentence may go on in."""
    speech = previous.cues.get("speech", [])
    if not speech:
        return None
    return find_claimant(previous, possible_speakers(previous, []),
                         StanceCue(Stance.ATTRIBUTES, speech[0], reported=True), [])


def _named_from(previous: SentenceFacts, found: Speaker) -> Speaker:
    """A speaker of the sentence before, by name, with no place in the sentence that goes on in its voice."""
    return replace(found, name=found.name or previous.text[found.start:found.end], start=0, end=0)


def _noun_alone(facts: SentenceFacts, speaker: Speaker) -> bool:
    """The speaker's words are one of the packs' claimant nouns, after an article at most: "Die Behörde"."""
    words = facts.text[speaker.start:speaker.end].split()
    while words and words[0].casefold() in ARTICLES:
        words = words[1:]
    if words and words[0][:2].casefold() in ("l'", "l’"):
        words[0] = words[0][2:]
    return len(words) == 1 and any(m.start >= speaker.start and m.end == speaker.end
                                   for m in facts.cues.get("claimant_noun", []))


def named_before(facts: SentenceFacts, previous: SentenceFacts | None) -> Speaker | None:
    """ "Zij wijst China aan als dader", "Agregó que ...": a sentence that opens with a pronoun, or with its verb,
    speaks with the voice of the speaker the sentence before reported ("..., said Anna Reyes"). That sentence is
    read only then."""
    if previous is None:
        return None
    opening = facts.text.split()[:1]
    first = opening[0].strip("\"'“”«»„").casefold() if opening else ""
    if first not in _SUBJECT_PRONOUNS and not any(m.start == 0 for m in facts.cues.get("speech", [])):
        return None
    found = _reported_in(previous)
    if found is None or found.kind is ClaimantKind.GROUP:
        return None
    return _named_from(previous, found)
