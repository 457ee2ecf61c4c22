"""How a sentence claims: the cue that sets its stance, how sure it says it is, whether it only speculates, and
whether a denial is the accused's or somebody else's dispute."""

from __future__ import annotations

import itertools
import re

from cybertrack.extract.attackers import sentence_agencies
from cybertrack.extract.claims.parts import Speaker, StanceCue, Target
from cybertrack.extract.claims.wording import ACCORDING_CUE, COMPLEMENTIZER, MEMBERSHIP, close, referring_opening
from cybertrack.extract.coordination import opens_a_coordinated_clause
from cybertrack.extract.facts import SentenceFacts, auxiliaries
from cybertrack.extract.incident_dates import background_markers
from cybertrack.extract.institutions import heads_a_department, state_body
from cybertrack.knowledge.matcher import Match
from cybertrack.lang import LANGUAGES, alternation, pack, with_contractions
from cybertrack.model import Certainty, ClaimantKind, Stance
from cybertrack.tables import language_table

_PERCENT = re.compile(r"\b(\d{1,3})(?:[.,]\d+)?\s?%")
_OF_SERVICE = re.compile(r"[-‑ ]of[-‑ ]service", re.IGNORECASE)  # "denial-of-service" denies nothing
_EARLIER_ATTACK_WORDS = 3  # "an earlier attack, which was blamed on": a cue this close describes that attack
_EARLIER_ATTACK_SPAN_WORDS = 4  # "blamed on hackers working for Iran": the earlier attack's culprit, after its cue
_THIRD_PARTIES = (ClaimantKind.VENDOR, ClaimantKind.MEDIA, ClaimantKind.ARTICLE)  # never the accused
# who speaks for the state its nationality names ("the Russian embassy", "China's foreign minister"); a group or a
# firm named with a nationality ("the Turkish Crime Family") speaks for itself
_STATE_VOICES = (ClaimantKind.STATE, ClaimantKind.INSTITUTION, ClaimantKind.PERSON)
_BODY_WORDS = 3  # "members of the Estonian government": how far after the cue the body's noun may stand
_CLAUSE_PUNCTUATION = re.compile(r"[,;:.!?]")
_AUXILIARY_REACH = 24  # characters before a participle where its auxiliaries stand ("has been", "è stata")


def stance_cue(facts: SentenceFacts, earlier: list[tuple[int, int]] | None = None) -> StanceCue | None:
    """The cue that decides the stance, strongest first: a denial or dispute outweighs the attribution it answers
    ("denied being behind"), and a group's own claim outweighs the reporting verb around it. An attribution inside
    what the sentence tells of an earlier attack (``earlier``: `earlier_attack_spans`) is that attack's."""
    earlier = earlier_attack_spans(facts) if earlier is None else earlier
    for kind, stance in (("denial", Stance.DENIES), ("dispute", Stance.DISPUTES),
                         ("responsibility", Stance.CLAIMS_RESPONSIBILITY), ("attribution", Stance.ATTRIBUTES)):
        found = [m for m in facts.cues.get(kind, []) if not _OF_SERVICE.match(facts.text[m.end:])
                 and not _inside_speculation(facts, m)
                 and not (stance is Stance.ATTRIBUTES and any(start <= m.start < end for start, end in earlier))
                 and not _members_of_a_state_body(facts.text, m) and not _places_under_an_agency(facts, m)
                 and not _belongs_with_no_attackers(facts, m)]
        if found:
            passive = stance is Stance.ATTRIBUTES and _accused_in_the_passive(facts, found[0])
            return StanceCue(stance, found[0], passive=passive)
    reporting = [m for m in facts.cues.get("speech", []) if _reports_the_attack(facts, m)] if facts.is_attack else []
    if reporting:  # "Check Point said Chinese hackers attacked ..."
        return StanceCue(Stance.ATTRIBUTES, reporting[0], reported=True)
    according = ACCORDING_CUE.search(facts.text) if facts.is_attack else None
    if according:  # "Russian military hackers, according to the SBU, took down ..."
        return StanceCue(Stance.ATTRIBUTES, Match(according.start(), according.end(), according.group(), ()),
                         reported=True)
    return None


def _inside_speculation(facts: SentenceFacts, cue: Match) -> bool:
    """The cue is a word of a speculation phrase: "exclut" in "n'exclut pas", "ruled out" in "not ruled out"."""
    return any(s.start <= cue.start and cue.end <= s.end and (s.start, s.end) != (cue.start, cue.end)
               for s in facts.cues.get("speculation", []))


def _accused_in_the_passive(facts: SentenceFacts, cue: Match) -> bool:
    """A participle of accusing right after a passive auxiliary, with at most other auxiliaries between ("Russia was
    blamed", "North Korea has been accused", "Iran is to blame", "la Russia è stata accusata"): its subject is the one
    accused. An active perfect ("the ministry has accused Iran") has no passive auxiliary."""
    if not _accusing_participle(facts.language).fullmatch(cue.text):
        return False
    active, passive = auxiliaries(facts.language)
    either = active | passive
    before = re.findall(r"\w+", facts.text[max(0, cue.start - _AUXILIARY_REACH):cue.start].casefold())
    return any(word in passive for word in itertools.takewhile(either.__contains__, reversed(before)))


@language_table
def _accusing_participle(language: str) -> re.Pattern[str]:
    language = language if language in LANGUAGES else "en"
    participles = pack(language, "claims")["accused_in_the_passive"]
    return re.compile(alternation(with_contractions(language, participles)), re.IGNORECASE)


def _reports_the_attack(facts: SentenceFacts, speech: Match) -> bool:
    """Whether the verb of speech tells who says what the sentence reports: not when it stands in a clause that a
    comma and a conjunction join after the attack's ("Conti attacked the ministry, and the government declared an
    emergency"), unless that clause tells of the attack itself."""
    comma = max(facts.text.rfind(",", 0, speech.start), facts.text.rfind(";", 0, speech.start))
    if comma < 0 or not opens_a_coordinated_clause(facts.language, facts.text, comma):
        return True
    return any(cue.start > comma for cue in facts.cues.get("attack", []))


def _places_under_an_agency(facts: SentenceFacts, cue: Match) -> bool:
    """The cue is a link that places a group under the state agency named before it, in a relative clause ("APT28,
    die dem GRU zugeordnet wird": the packs' ``agency_after``): what the article says of the group, not a claim with
    the agency as its speaker."""
    links = [link for link in facts.cues.get("agency_after", []) if link.start <= cue.start < link.end]
    return bool(links) and any(agency.end <= link.start and not facts.text[agency.end:link.start].strip()
                               for agency in sentence_agencies(facts) for link in links)


def _belongs_with_no_attackers(facts: SentenceFacts, cue: Match) -> bool:
    """A cue of belonging (the packs' ``belonging``) whose clause names no attackers after it: "Dänemark gehört zu
    den wichtigsten Unterstützern der Ukraine" places a state among allies, where "Die Täter gehören zur Gruppe APT28"
    or "belong to the GRU" place the culprits in a group (a catalogued actor or family, an agency, a group noun)."""
    if cue.text.casefold() not in _belonging(facts.language):
        return False
    end = (found.start() if (found := _CLAUSE_PUNCTUATION.search(facts.text, cue.end)) else len(facts.text))
    named = [*facts.actors, *facts.software, *sentence_agencies(facts), *facts.cues.get("group_noun", [])]
    return not any(cue.end <= m.start < end for m in named)


@language_table
def _belonging(language: str) -> frozenset[str]:
    """The language's cues of belonging as the cues match them, contracted ("appartient aux")."""
    language = language if language in LANGUAGES else "en"
    return frozenset(phrase.casefold() for phrase in with_contractions(language, pack(language, "claims")["belonging"]))


def _members_of_a_state_body(text: str, cue: Match) -> bool:
    """A membership cue before a state's own body or a department ("Miembros del Gobierno de Estonia han afirmado",
    "members of the ministry said"): the cue opens its speaker's name, since such bodies speak and do not attack; the
    members of a group or a state's service are still its culprits ("members of the GRU")."""
    if not any(word.casefold() in MEMBERSHIP for word in cue.text.split()):
        return False
    following = re.findall(r"\w+", text[cue.end:])[:_BODY_WORDS]
    return any(state_body(word) or heads_a_department(word) for word in following)


def earlier_attack_spans(facts: SentenceFacts) -> list[tuple[int, int]]:
    """Where the sentence tells of an earlier attack and whom it was blamed on: from the words that name it (the
    packs' ``background.toml: earlier_attack``) through the attribution cue right after them to the end of that
    cue's clause, at most ``_EARLIER_ATTACK_SPAN_WORDS`` words on ("an earlier attack, which was blamed on Iran,").
    The cue and whoever is named there are that attack's, not the one the sentence reports."""
    text, cues = facts.text, facts.cues.get("attribution", [])
    spans = []
    for found in background_markers(facts.language, "earlier_attack").finditer(text) if cues else ():
        cue = next((c for c in cues if c.start >= found.end()
                    and close(text, found.end(), c.start, _EARLIER_ATTACK_WORDS)), None)
        if cue is None:
            continue
        words = list(itertools.islice(re.finditer(r"\S+", text[cue.end:]), _EARLIER_ATTACK_SPAN_WORDS))
        end = cue.end + (words[-1].end() if words else 0)
        mark = re.search(r"[,;:()]", text[cue.end:end])
        spans.append((found.start(), cue.end + mark.start() if mark else end))
    return spans


def certainty_of(facts: SentenceFacts, cue: Match, stance: Stance) -> tuple[Certainty, str]:
    """How sure the sentence says the claim of ``cue`` (and ``stance``) is, and the words that say so: "may"
    outweighs "believed". A hedge inside a date is none: "on 10 May 2022" names the month, as does "3 May" in an
    article that gives no year to date it. Nor is one in another clause than the cue's (`_in_its_clause`)."""
    hedges = [m for m in facts.cues.get("hedge", [])
              if not any(d.start <= m.start < d.end for d in facts.dates) and not _the_month(facts.text, m)
              and _in_its_clause(facts, cue, m, stance)]
    for level in (Certainty.POSSIBLE, Certainty.LIKELY):
        found = [m for m in hedges if level.value in m.values]
        if found:
            return level, found[0].text
    percent = _PERCENT.search(facts.text)
    if percent and int(percent.group(1)) < 100:
        return Certainty.LIKELY, percent.group(0)
    return Certainty.CONFIRMED, ""


def _in_its_clause(facts: SentenceFacts, cue: Match, hedge: Match, stance: Stance) -> bool:
    """Whether the hedge qualifies the claim its cue makes. Not when it stands in a clause about someone named before
    (opened after a comma by one of the pack's ``referring_clause_openers``) that does not hold the cue: "... tied
    to Korvan, though the two are probably separate crews". A group's own word (a denial, a claim of
    responsibility) is qualified only in its clause and predicate: "steckt vermutlich Akira dahinter, obwohl die
    Gruppe eine Beteiligung bestritten hat" hedges the attribution, not the denial; nor does "bekannte sich zu dem
    Angriff und veröffentlichte angeblich erbeutete Daten" hedge the claim. An attribution is hedged from its
    sentence's main clause even when its cue stands in such a clause ("Fancy Bear, which has been linked ... to a
    Russian agency, was believed to be behind the attack"); a conjunction there joins names as often as
    predicates ("the two groups, Shamoon and Greenbug, may have been active")."""
    cue_clause, hedge_clause = _referring_clause(facts, cue.start), _referring_clause(facts, hedge.start)
    if hedge_clause is not None and hedge_clause != cue_clause:
        return False
    if stance not in (Stance.DENIES, Stance.CLAIMS_RESPONSIBILITY):
        return True
    return cue_clause == hedge_clause and not (
        hedge.start >= cue.end and _conjunction(facts.language).search(facts.text, cue.end, hedge.start))


def _referring_clause(facts: SentenceFacts, position: int) -> int | None:
    """Where the clause about someone named before that holds ``position`` opens (its comma), if it stands in one:
    the clause runs from the comma before its opener to the next comma."""
    text = facts.text
    comma = max(text.rfind(",", 0, position), text.rfind(";", 0, position))
    return comma if comma >= 0 and referring_opening(facts.language).match(text, comma + 1) else None


@language_table
def _conjunction(language: str) -> re.Pattern[str]:
    """A conjunction between two words ("claimed it and probably stole")."""
    conjunctions = pack(language if language in LANGUAGES else "en", "grammar")["conjunctions"]
    return re.compile(rf"\s(?:{alternation(conjunctions)})\s", re.IGNORECASE)


def _the_month(text: str, hedge: Match) -> bool:
    """English writes the modal "may" and the month alike: capitalised beside a number, it is the month."""
    beside_a_number = re.search(r"\d\s+$", text[:hedge.start]) or re.match(r"\s+\d", text[hedge.end:])
    return hedge.text == "May" and bool(beside_a_number)


def speculative(facts: SentenceFacts, targets: list[Target]) -> bool:
    """ "too early to say whether the group had any link to APT29": speculation that comes before what it names, in
    its clause or in the clause its complementizer opens ("hat nicht bestätigt, dass Rhysida verantwortlich ist"), is
    the sentence's point (after it, "a claim that could not be verified" only weakens the claim; and "it remains
    unclear who did it, ..., a hacker allegedly sponsored by China" asserts the allegation after it)."""
    first = min((t.start for t in targets), default=len(facts.text))
    return any(m.start < first and not re.search(r"[,;:]", _past_its_object_clause(facts.text[m.end:first]))
               for m in facts.cues.get("speculation", []))


def _past_its_object_clause(gap: str) -> str:
    """``gap`` after the comma that German, Dutch and others set before a complementizer (", dass", ", dat")."""
    comma = re.match(r"\s*,\s*", gap)
    return gap[comma.end():] if comma and COMPLEMENTIZER.match(gap, comma.end()) else gap


def rejected(targets: list[Target], speaker: Speaker | None, cue: StanceCue,
              accused: list[str], of_a_theft: bool = False) -> tuple[Stance, list[Target]]:
    """What a denial or dispute rejects, and which it is. A state's denial rejects its own state's part ("the Kremlin
    denied any involvement"; "China's embassy rejected Belgium's claims" names the accuser, not the accused), unless
    it names the state whose part it rejects ("the French ministry denied any Russian involvement"); one
    that names nobody rejects what the article accused before (``accused``). A denial is the accused's unless the
    speaker is known to be someone else (another state, a vendor, a newspaper); a dispute ("no evidence") is somebody
    else's unless the accused says it. ``of_a_theft``: the sentence tells a theft of data, which a dispute that names
    nobody answers, as the accused's claim of it ("saw no evidence that client data had been stolen", after a
    gang listed the victim on its leak site)."""
    named = list(dict.fromkeys(t.name for t in targets))
    if speaker is not None and speaker.country and speaker.kind in _STATE_VOICES and cue.stance is Stance.DENIES \
            and not any(t.involvement for t in targets):  # "the French ministry denied any Russian involvement"
        named = [speaker.country] + [name for name in named if not is_state(name)]
    if cue.stance is Stance.DENIES or of_a_theft:  # "no evidence that Kettleby ran it" disputes nothing it does not
        named = named or accused  # name; "no evidence that customer data was taken" answers who claimed the theft
    if speaker is None:
        is_accused = False
    elif cue.stance is Stance.DENIES:
        is_accused = speaker.country in named if speaker.country else speaker.kind not in _THIRD_PARTIES
    else:
        is_accused = speaker.country in named or speaker.name in named or speaker.kind is ClaimantKind.GROUP
    stance = Stance.DENIES if is_accused else Stance.DISPUTES
    return stance, [Target(0, 0, name) for name in named]


def is_state(name: str) -> bool:
    return len(name) == 2
