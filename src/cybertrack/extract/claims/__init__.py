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

The steps, one module each: ``stance`` (the cue, certainty, speculation, denial or dispute), ``speakers`` (who
claims), ``targets`` (whom it blames), ``groups`` (the group a sentence speaks of without naming it: "the group"),
over the plain types in ``parts`` and the word lists in ``wording``.
"""

from __future__ import annotations

from dataclasses import replace

from cybertrack.extract.claims.groups import anaphoric_group, group_spoken_for, speaking_group
from cybertrack.extract.claims.parts import Speaker, StanceCue
from cybertrack.extract.claims.speakers import (
    find_claimant,
    listed_before,
    named_before,
    named_for_its_noun,
    named_in_next,
    organisation_of,
    possible_speakers,
    short_of,
    state_spoken_for,
    the_accused,
)
from cybertrack.extract.claims.stance import (
    certainty_of,
    earlier_attack_spans,
    rejected,
    speculative,
    stance_cue,
)
from cybertrack.extract.claims.targets import blamed_actors, blamed_states, self_claimant, split_into_clauses
from cybertrack.extract.claims.wording import ACCORDING_CUE, ACCORDING_OPENING, referring_opening
from cybertrack.extract.facts import SentenceFacts
from cybertrack.extract.incident_dates import background_markers
from cybertrack.extract.negation import negated, negated_before
from cybertrack.extract.victims import name_key
from cybertrack.model import ARTICLE_CLAIMANT, Claim, ClaimantKind, Evidence, Stance

__all__ = ["ARTICLE_CLAIMANT", "sentence_claims"]


def sentence_claims(facts: SentenceFacts, document: str, published: str | None,
                    next_facts: SentenceFacts | None, accused: list[str],
                    previous: SentenceFacts | None = None, groups: list[str] | None = None) -> list[Claim]:
    """The claims a sentence makes, if any. ``accused`` are the states the article accused before this sentence, or
    failing those its actors: a denial that names nobody ("the embassy rejected the accusations") answers them.
    ``previous`` is the sentence before, whose speaker a sentence that says "he" or only "added" speaks for;
    ``groups`` are the groups the article named before, one of which "the group" may stand for. A
    sentence that denies an accusation it also reports, in a clause of its own ("Iran denied any role, after the
    ministry accused Iranian hackers"), makes both claims, and so does one that tells a group's own claim beside
    someone's attribution ("Die Polizei macht die Gruppe 8Base verantwortlich, die sich dazu bekannt hatte")."""
    earlier = earlier_attack_spans(facts)
    cue = stance_cue(facts, earlier)
    if cue is None:
        return []
    claims = _claims(facts, cue, earlier, document, published, next_facts, accused, previous, groups or [])
    clause = _attribution_beside(facts, cue, earlier)
    if clause is not None:  # someone's attribution: what the denial answers, or what is said beside the group's claim
        claims += [claim for claim in sentence_claims(clause, document, published, None, accused)
                   if claim.claimant != ARTICLE_CLAIMANT]
    return claims


def _attribution_beside(facts: SentenceFacts, cue: StanceCue, earlier: list[tuple[int, int]]) \
        -> SentenceFacts | None:
    """The clause of an attribution beside the sentence's denial or a group's own claim, as facts of their own: an
    attribution cue parted from that cue by a comma, after it ("..., después de que el ministerio acusara a ...",
    "..., die door de MIVD aan Iran was toegeschreven") or before it ("The ministry blamed Iran, which Tehran denied",
    "The police blamed 8Base, which had claimed the attack"); none when the clause holds a cue of the first kind of its
    own."""
    if cue.stance.rejects:
        stronger = ("denial", "dispute")
    elif cue.stance is Stance.CLAIMS_RESPONSIBILITY:
        stronger = ("denial", "dispute", "responsibility")
    else:
        return None
    text, first = facts.text, cue.match
    for attribution in facts.cues.get("attribution", []):
        if any(start <= attribution.start < end for start, end in earlier):
            continue
        if attribution.start >= first.end and (comma := _last_break(text, first.end, attribution.start)) >= 0:
            span = (comma + 1, len(text))
        elif attribution.start >= first.end and (after := _after_word(facts, first.end, attribution.start)):
            span = (after, len(text))  # "The Kremlin denied any involvement after Estonia's government blamed ..."
        elif attribution.end <= first.start and (comma := _first_break(text, attribution.end, first.start)) >= 0:
            span = (0, comma)
        else:
            continue
        clause = facts.within([span])
        if not any(clause.cues.get(kind) for kind in stronger):
            return clause
    return None


def _after_word(facts: SentenceFacts, start: int, end: int) -> int:
    """Where the clause that a word for "after" opens between ``start`` and ``end`` begins (the packs' ``after``
    background markers: "after", "tras", "après"), or 0 when none stands there."""
    found = list(background_markers(facts.language, "after").finditer(facts.text, start, end))
    return found[-1].end() if found else 0


def _denied_by_the_accused(facts: SentenceFacts, cue: StanceCue, speakers: list[Speaker]) -> bool:
    """ "The company blamed the Royal group, which denied any involvement", "..., aunque este negó su participación":
    a denial in a clause after an attribution, opened after a comma by a word that refers back (the pack's
    ``referring_clause_openers``), is by the one accused, unless the clause names a speaker of its own ("..., which
    Tehran denied"). The attribution's speaker, named before, does not deny what they claimed."""
    if cue.stance is not Stance.DENIES:
        return False
    text, at = facts.text, cue.match.start
    comma = _last_break(text, 0, at)
    if comma < 0 or not any(a.end <= comma for a in facts.cues.get("attribution", [])):
        return False
    return bool(referring_opening(facts.language).match(text, comma + 1)) \
        and not any(comma < speaker.start < at for speaker in speakers)


def _last_break(text: str, start: int, end: int) -> int:
    """Where the last comma or semicolon between ``start`` and ``end`` stands (-1 if none): "The government blamed
    APT28 for the attack; Moscow rejected the accusation" parts its clauses as a comma does."""
    return max(text.rfind(",", start, end), text.rfind(";", start, end))


def _first_break(text: str, start: int, end: int) -> int:
    """Where the first comma or semicolon between ``start`` and ``end`` stands (-1 if none)."""
    found = [at for at in (text.find(",", start, end), text.find(";", start, end)) if at >= 0]
    return min(found, default=-1)


def _speaks(facts: SentenceFacts, speaker: Speaker) -> bool:
    """A verb of speech follows the speaker ("Cl0p confirmed it was responsible", "LockBit said"): "according to"
    before it is someone else's word about it."""
    return any(m.start >= speaker.end and not ACCORDING_CUE.fullmatch(m.text) for m in facts.cues.get("speech", []))


def _claims(facts: SentenceFacts, cue: StanceCue, earlier: list[tuple[int, int]], document: str,
            published: str | None, next_facts: SentenceFacts | None, accused: list[str],
            previous: SentenceFacts | None, groups: list[str]) -> list[Claim]:
    """The claims ``cue`` makes in the sentence (`sentence_claims`)."""
    actors = blamed_actors(facts, cue)
    targets = actors + blamed_states(facts, cue, accused, [a for a in actors if not a.state])
    targets = [t for t in targets if not any(start <= t.start < end for start, end in earlier)]
    stance = cue.stance
    if stance is Stance.ATTRIBUTES and targets and not speculative(facts, targets) \
            and all(negated_before(facts, t.start) for t in targets):
        stance = Stance.DISPUTES  # "dietro l'attacco non c'è il gruppo LockBit": who was not behind it
    # "had not yet been attributed to North Korea", "n'a pas encore été attribuée": an attribution nobody made
    not_made = stance is Stance.ATTRIBUTES and negated_before(facts, cue.match.start)
    speaker: Speaker | None
    organisation = ""
    co_speakers: list[Speaker] = []
    said_by = speaking_group(facts, cue, targets) if stance is Stance.ATTRIBUTES and not not_made else None
    if said_by is not None:  # "LockBit said it was behind the attack": the group's own claim
        stance, targets = Stance.CLAIMS_RESPONSIBILITY, [said_by]
    if stance is Stance.CLAIMS_RESPONSIBILITY:
        if negated(facts, cue.match):
            return []  # "no group has claimed the attack yet"
        named = self_claimant(facts, cue.match, targets)
        group = named or anaphoric_group(facts, cue.match, groups)
        if group is None:
            return []
        # the group as the sentence names it, the catalogue's name in the target ("Cl0p" claims, for "Clop"); by its
        # name where the sentence says only "the group"
        speaker = Speaker(group.start, group.end, facts.text[group.start:group.end] if named else group.name, None,
                          ClaimantKind.GROUP)
        targets = [group]
    else:
        speakers = possible_speakers(facts, targets)
        # the state a perfect accuses stands where a subject would: "hat Russland beschuldigt" (`Target.before_cue`)
        accused_here = [t for t in targets if t.before_cue]
        speakers = [kept for s in speakers if (kept := short_of(facts, s, accused_here))]
        speaker = None if _denied_by_the_accused(facts, cue, speakers) else \
            find_claimant(facts, speakers, cue, targets) or named_in_next(next_facts) or named_before(facts, previous)
        speaker = named_for_its_noun(facts, speaker, previous)
        co_speakers = listed_before(facts, speakers, speaker) if speaker is not None else []
        organisation = organisation_of(facts, speakers, speaker) if speaker is not None else ""
        if stance is Stance.DENIES and (group := group_spoken_for(facts, cue.match, speaker, targets, groups)):
            # "a LockBit spokesperson denied", "un portavoce del gruppo ha smentito": the group denies its own part
            speaker, accused = Speaker(group.start, group.end, group.name, None, ClaimantKind.GROUP), [group.name]
        if speaker is not None and speaker.kind is not ClaimantKind.GROUP:
            targets = [t for t in targets if not speaker.start <= t.start < speaker.end]  # "the BSI said": not blamed
        if cue.reported and (speaker is None or not targets):
            return []  # a reporting verb alone claims nothing unless a speaker reports a named attacker
    if stance.rejects:
        unconfirmed = speculative(facts, targets)  # "neither confirmed nor denied that X": read where X stands
        if speaker is None and stance is Stance.DENIES:
            speaker = the_accused(targets, accused, cue.match.start)
        stance, targets = rejected(targets, speaker, cue, accused, "data-breach" in facts.attack_types)
        clauses = [(targets, "")]
    else:
        exclude = {speaker.country} if speaker and speaker.country else set()
        targets = [t for t in targets if t.name not in exclude]
        clauses = split_into_clauses(facts, targets, speaker, cue)
        unconfirmed = speculative(facts, targets)
    if unconfirmed or not_made:
        stance = Stance.UNCONFIRMED
    if stance is Stance.ATTRIBUTES and speaker is not None and speaker.kind is ClaimantKind.GROUP \
            and not _speaks(facts, speaker):
        speaker = None  # "Volgens het centrum zat de Lazarus Group achter de aanval": blamed, not speaking
    claimant = ACCORDING_OPENING.sub("", speaker.name) if speaker else ARTICLE_CLAIMANT  # not "Selon l'entreprise"
    own = [t for t in targets if not t.state and speaker is not None and speaker.start <= t.start < speaker.end] \
        or [t for t in targets if not t.state and name_key(t.name) == name_key(claimant)]
    others = [t for t in targets if not t.state and own and name_key(t.name) != name_key(own[0].name)]
    if stance is Stance.ATTRIBUTES and speaker is not None and speaker.kind is ClaimantKind.GROUP and own \
            and not others:  # "Cl0p confirmed it was responsible"
        stance = Stance.CLAIMS_RESPONSIBILITY
        clauses = [(own[:1], "")]
        claimant = facts.text[own[0].start:own[0].end] or own[0].name
    elif others:  # "Akira said Rhysida was behind it": the group that speaks blames the other, not itself
        clauses = [([t for t in named if t not in own], about) for named, about in clauses]
    certainty, hedge = certainty_of(facts, cue.match, stance)
    date = facts.dates[0].value if facts.dates else published
    evidence = Evidence(document, facts.start, facts.end, facts.raw)
    mention = (speaker.mention(facts) or speaker.name) if speaker else ""
    kind = speaker.kind if speaker else ClaimantKind.ARTICLE
    speaks_for = state_spoken_for(facts, speaker) if speaker else None
    claims = []
    for clause_targets, about in clauses:
        names = tuple(dict.fromkeys(t.name for t in clause_targets))
        if not names or (stance is Stance.ATTRIBUTES and name_key(claimant) in map(name_key, names)):
            continue
        claims.append(Claim(claimant, stance, names, certainty, date, evidence, speaks_for, kind, mention,
                            cue.match.text, hedge, (about.strip(" ,.;"),) if about else (),
                            speaker.role if speaker else "", organisation))
    return claims + [replace(claim, claimant=ACCORDING_OPENING.sub("", other.name), speaks_for=state_spoken_for(
        facts, other), claimant_kind=other.kind, mention=other.mention(facts), role=other.role, organisation="")
        for other in co_speakers for claim in claims]
