"""From one article's sentences to its incident frames: one frame per incident it reports.

Sentences that report an attack and name a victim open a frame for that victim, or join
the frame already open for it; a sentence that names no victim ("The attack began in
2019", "Belgium attributes it to APT31") belongs to the frame the text is talking about,
the one last named. One victim can suffer two incidents: a sentence with dates that
contradict the victim's open frame opens a second one. Frames known only by a generic
victim ("universities") and carrying nothing of their own are folded into their
neighbour rather than reported as incidents, and an article that never reports an
attack yields no frame at all, which is what keeps teasers and commentary out.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from itertools import pairwise
from typing import TYPE_CHECKING

from cybertrack.annotate.dates import Reference, later_than, months_apart
from cybertrack.annotate.reference_date import reference_date
from cybertrack.annotate.sentences import after_dateline, sentence_spans
from cybertrack.budget import UNLIMITED, Deadline
from cybertrack.embeddings import Embedder, OnceEach
from cybertrack.extract.agents import AGENT_BEFORE
from cybertrack.extract.article_names import article_names
from cybertrack.extract.article_victims import article_victims
from cybertrack.extract.attack_types import frame_types, implied_techniques
from cybertrack.extract.attackers import initials_only, nationalities_of_attackers, sentence_attackers
from cybertrack.extract.claims import ARTICLE_CLAIMANT, sentence_claims
from cybertrack.extract.claims.groups import named_groups
from cybertrack.extract.claims.wording import FUNCTION_WORDS, named_as_the_source
from cybertrack.extract.context_victims import context_victims
from cybertrack.extract.cues import cues
from cybertrack.extract.facts import CountryMention, SentenceFacts, names_a_gang, sentence_facts
from cybertrack.extract.incident_dates import (
    about_another_attack,
    background_sentences,
    counting_sentences,
    incident_dates,
)
from cybertrack.extract.institutions import state_body
from cybertrack.extract.introduced import introduced_names, named_by_its_noun
from cybertrack.extract.name_kinds import technologies
from cybertrack.extract.names import ACRONYM
from cybertrack.extract.person_names import full_names
from cybertrack.extract.realis import generic_sentences
from cybertrack.extract.researchers import employers_of_researchers
from cybertrack.extract.roles import enumerations, victims_in
from cybertrack.extract.victim_countries import ArticleCountries, where_others_are
from cybertrack.extract.victims import (
    BARE_ACRONYM,
    STATE_SECTOR,
    Candidate,
    attackers_hit,
    candidates,
    department,
    department_name,
    has_the_flaw,
    identifies,
    is_a_unit_or_a_code,
    is_channel,
    is_impersonated,
    is_instrument,
    is_technology,
    name_key,
    state_victims,
    titles_a_person,
    victim_of_another_attack,
)
from cybertrack.knowledge.base import knowledge_base
from cybertrack.knowledge.countries import country_forms
from cybertrack.knowledge.matcher import Match
from cybertrack.knowledge.vulnerabilities import NamedVulnerability, named_vulnerabilities
from cybertrack.lang import words
from cybertrack.model import Certainty, Claim, ClaimantKind, Evidence, Frame, Stance, Victim
from cybertrack.tables import table
from cybertrack.victim_identity import distinctive_words

if TYPE_CHECKING:  # the resources are handed in; importing them here would import this module again
    from cybertrack.resources import Resources

CONTEXT_SENTENCES = 3
ARTICLE_COUNTRY_MENTIONS = 2
# The longest stretch of text the extractors read as one sentence. Real sentences stay far below it (the longest of
# the 4,300 in the evaluation sets has 548 characters); a longer "sentence" is a table, a list or a crafted page
# without full stops. The extractors look around every name and cue of a sentence for the others, so a sentence
# costs more than its length: a longer one is read in pieces of at most this many characters, cut at spaces, each
# piece a sentence of its own with its own offsets.
MAX_SENTENCE_CHARS = 2000
_CLAUSE_BREAK = re.compile(
    r";|,?\s+(?:while|whereas|tandis que|alors que|mentre|während|terwijl|mientras que|mientras)\b", re.IGNORECASE)
_ACRONYM_AFTER = re.compile(rf"\s*\({ACRONYM}\)\s*$")
_INDEFINITE = re.compile(r"\b(?:a|an|un|une|een|ein|eine|einen|einem|una|uno)\s+$", re.IGNORECASE)
_WORD = re.compile(r"\w+")
_AGENT_WORDS = 5  # "targeted in March 2021 by the": the words from a target verb to the attacker it names
_ANAPHOR_WORDS = 2  # "l'amministrazione comunale", "the city council": the words of a sector noun that refers back
_RECALLED_MONTHS = 12  # how long before the article an attack told in passing lies (`_without_recalled`)
_RECALLED_SENTENCES = 2  # the most sentences that name the victim of an attack told in passing
_DESCRIPTION_WORDS = 4  # "la empresa madrileña de ciberseguridad Korvex Security": words from company noun to name
_TOLD_EARLIER_MONTHS = 3  # how long before the article the sentence after "not the first time" dates another attack


@dataclass
class _Draft:
    victims: dict[str, Victim] = field(default_factory=dict)
    surfaces: set[str] = field(default_factory=set)  # how the text names the victims, to spot later mentions
    spans: dict[int, list[tuple[int, int]]] = field(default_factory=dict)  # sentence index -> victim mentions
    generic: bool = True
    sentences: list[SentenceFacts] = field(default_factory=list)

    @property
    def attack_dates(self) -> set[str]:
        return {d.value for s in self.sentences if s.is_attack for d in s.dates}

    def add(self, facts: SentenceFacts) -> None:
        if not any(s.index == facts.index and s == facts for s in self.sentences):  # indices first: equality is slow
            self.sentences.append(facts)


def document_facts(text: str, language: str, published: str | Reference | None, resources: Resources,
                   deadline: Deadline = UNLIMITED) -> list[SentenceFacts]:
    kb, lexicon = resources.knowledge, resources.cues
    base = published if isinstance(published, Reference) else Reference.parse(published)
    spans = [piece for start, end in _lines(text)
             for span in sentence_spans(text, after_dateline(text, start, end), end) for piece in _pieces(text, *span)]
    found = []
    for i, (s, e) in enumerate(spans):
        deadline.check("extract")
        found.append(sentence_facts(i, text[s:e], s, language, base, kb, lexicon))
    if not any(facts.cues["attack"] for facts in found):
        _attacks_by_their_targets(found)
    return found


def _attacks_by_their_targets(found: list[SentenceFacts]) -> None:
    """An article with no word for an attack may still tell one by its target alone: "APT33 targeted aviation firms
    in Saudi Arabia", the way incident descriptions are written. There, a target verb (the packs' ``target_verbs``)
    with an attacker before it in its sentence (a known actor, "hackers", a nationality of attackers) is the attack.
    Where the article names the attack in other words, its "targeted" sentences are background or repetition. A
    passive names its attacker after the verb, as its agent ("Lindqvar Power was targeted in 2021 by RedEcho")."""
    for facts in found:
        attackers = [m.end for m in facts.actors + facts.cues["attacker_noun"]]
        attackers += [c.end for c in facts.countries if c.attacker_side]
        facts.cues["attack"] = [Match(verb.start, verb.end, verb.text, ("other",))
                                for verb in facts.cues["target_verbs"]
                                if any(end <= verb.start for end in attackers) or _agent_after(facts, verb)]


def _agent_after(facts: SentenceFacts, verb: Match) -> bool:
    """A name or an attacker's noun after the verb, in its clause, a few words on, right after the pack's agent word
    ("targeted in 2021 by RedEcho", "ciblé par le groupe Korvan")."""
    starts = [m.start for m in facts.actors + facts.cues["attacker_noun"]] + [c.start for c in facts.names]
    return any(verb.end < start and not _CLAUSE_BREAK.search(facts.text, verb.end, start)
               and len(facts.text[verb.end:start].split()) <= _AGENT_WORDS
               and AGENT_BEFORE.search(facts.text, verb.end, start) for start in starts)


def _pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The sentence ``text[start:end]`` in pieces of at most ``MAX_SENTENCE_CHARS``, each cut at its last space
    (a piece with no space is cut where it must), without the spaces between pieces."""
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        space = text.rfind(" ", start + 1, limit + 1)
        cut = space if space > start else limit
        yield start, cut
        start = cut
        while start < end and text[start] == " ":
            start += 1
    if end > start:
        yield start, end


def _lines(text: str) -> list[tuple[int, int]]:
    """Paragraph lines: a heading on its own line is never glued to the sentence after it."""
    lines, start = [], 0
    for line in text.split("\n"):
        lines.append((start, start + len(line)))
        start += len(line) + 1
    return lines


@dataclass(frozen=True)
class Dating:
    """What an article's frames are dated with: its language, the date its relative dates are read against, its
    publication date as the source gave it, the sentences that tell of an earlier attack, and those that count
    attacks ("En 2024, l'ANSSI a traité 144 incidents")."""

    language: str
    reference: Reference | None
    published: str | None
    background: set[int]
    counting: set[int] = field(default_factory=set)  # the sentences that count attacks: none dates this one


@dataclass(frozen=True)
class Extraction:
    """What one article yields: its incident frames, every CVE it names (in an incident or not), what each frame's
    types and dates are judged from (its sentences and victims), and how its dates are read."""

    frames: list[Frame]
    vulnerabilities: list[str]
    type_evidence: list[tuple[list[SentenceFacts], list[Victim]]]
    dating: Dating
    generic: frozenset[int] = frozenset()  # the attack sentences about attacks in general (`realis`), once judged


def extract(document: str, text: str, language: str, published: str | None, resources: Resources,
            deadline: Deadline = UNLIMITED, typed: bool = True) -> Extraction:
    """One pass over an article's sentences. Relative dates are read against its publication date or, when it has
    none, against the date its own weekdays or dateline give away (a guess: no day is counted from it).
    ``deadline`` is checked between sentences. With ``typed`` False the frames are left for `finish_frames`, which
    embeds sentences: wasted on an article the attack gate then drops."""
    reference = Reference.parse(published)
    if reference is None:
        inferred = reference_date(text, language)
        reference = Reference(inferred, guessed=True) if inferred else None
    facts = document_facts(text, language, reference, resources, deadline)
    claims = _indexed_claims(document, facts, published, deadline)
    background = background_sentences(facts, language)
    elsewhere = about_another_attack(facts, language)
    elsewhere |= _dated_after_a_marker(facts, background - elsewhere, reference)
    claims = [(index, claim) for index, claim in claims if index not in elsewhere]  # another attack's claims
    culprits = _culprits(facts, claims, background)
    drafts = _fold_generic([_without_culprits(draft, culprits)
                            for draft in _group(facts, deadline, _accused_states(claims), resources.encoder)])
    counting = counting_sentences(facts, language)
    drafts = [d for d in drafts if not _counts_only(d, counting)]
    drafts = _without_earlier_events(drafts, background)
    drafts = _without_recalled(drafts, reference)
    frames = [_frame(document, draft, language, published, deadline, background) for draft in drafts]
    _assign_claims(frames, drafts, claims)
    unspelled = initials_only(facts)
    names = article_names(facts) if frames else {}
    people = full_names([name for frame in frames for name in _named_actors(frame)], facts)
    for frame in frames:
        frame.names = dict(names)
        frame.claims = _unique_claims([_in_full(kept, people) for claim in frame.claims
                                       if (kept := _without(claim, unspelled))])
        frame.actors = list(dict.fromkeys(people.get(actor, actor) for actor in [*frame.actors, *_self_claimed(frame)]
                                          if actor not in unspelled))
    cves = [m.cves[0] for sentence in facts for m in sentence.vulnerabilities if m.cves]
    found = Extraction(frames, list(dict.fromkeys(cves)),
                       [(draft.sentences, frame.victims) for draft, frame in zip(drafts, frames, strict=True)],
                       Dating(language, reference, published, background, counting))
    return finish_frames(found, resources.encoder) if typed else found


def finish_frames(found: Extraction, encoder: Embedder) -> Extraction:
    """The frames of an article that reports an attack, typed and dated, without those that tell only of attacks in
    general (`_actual`)."""
    once = OnceEach(encoder)  # the type model reads sentences the realis model has read
    found = _actual(found, once)
    type_frames(found, once)
    date_frames(found)
    return found


def _actual(found: Extraction, encoder: Embedder) -> Extraction:
    """Without the frames whose every attack sentence tells of attacks in general, not of one that happened
    ("ransomware gangs encrypt their victims' files and demand payment": the realis model, `extract.realis`): an
    explainer or a round-up is no incident. The judgement is kept for dating, which sets such sentences aside.

    What dating needs is judged first, with each frame's first attack sentence (one embedding batch); only a frame
    all of whose judged sentences are generic has its other attack sentences judged too. On casie-dev, attack 0.817
    -> 0.826 and the score 0.632 -> 0.634 with the type model refitted (casie-train 0.661 -> 0.663); the
    multilingual sets and the seeds do not change."""
    attacks = [[s for s in sentences if s.is_attack] for sentences, _ in found.type_evidence]
    first = {s.index: s for sentences in attacks for s in sentences[:1]}
    first |= {s.index: s for sentences in attacks for s in sentences
              if s.dates and s.index not in found.dating.background}
    generic = generic_sentences([first[i] for i in sorted(first)], encoder)
    doubtful = [sentences for sentences in attacks if sentences and all(s.index in generic for s in sentences
                                                                        if s.index in first)]
    rest = {s.index: s for sentences in doubtful for s in sentences if s.index not in first}
    generic |= generic_sentences([rest[i] for i in sorted(rest)], encoder)
    kept = [i for i, sentences in enumerate(attacks) if not sentences or any(s.index not in generic for s in sentences)]
    return replace(found, frames=[found.frames[i] for i in kept],
                   type_evidence=[found.type_evidence[i] for i in kept], generic=frozenset(generic))


def type_frames(found: Extraction, encoder: Embedder) -> None:
    """Give each frame its attack types, read from its sentences but those that tell of an earlier attack ("Last year
    the firm was also hit by a separate phishing campaign"); one article's frames are judged together (one embedding
    batch)."""
    own = [(typing_sentences(sentences, found.dating.background), victims)
           for sentences, victims in found.type_evidence]
    for frame, types in zip(found.frames, frame_types(own, encoder), strict=True):
        frame.types = types
        frame.techniques = implied_techniques(types, frame.techniques)


def typing_sentences(sentences: list[SentenceFacts], background: set[int]) -> list[SentenceFacts]:
    """The sentences that type a frame: its own, without those that tell of an earlier attack (``background``), unless
    they are all it has."""
    return [s for s in sentences if s.index not in background] or sentences


def date_frames(found: Extraction) -> None:
    """Date each frame by its own sentences (`incident_dates`). Neither a sentence about an earlier attack, one
    that counts attacks, one about attacks in general ("this kind of ransomware, first seen in 2019":
    ``found.generic``, `_actual`), nor one about a blow to the attackers themselves (`victims.attackers_hit`: "LockBit
    was disrupted in February") dates it."""
    dating = found.dating
    set_aside = dating.background | dating.counting | found.generic
    attack = {sentence.index: sentence for sentences, _ in found.type_evidence for sentence in sentences
              if sentence.is_attack}  # a sentence two frames share is judged once
    set_aside |= {index for index, sentence in attack.items() if attackers_hit(sentence)}
    for frame, (sentences, _) in zip(found.frames, found.type_evidence, strict=True):
        dates = incident_dates(sentences, dating.language, dating.reference, dating.published, set_aside)
        frame.first_seen, frame.discovered, frame.disclosed = dates.first_seen, dates.discovered, dates.disclosed
        frame.first_seen_estimated = dates.first_seen_estimated


def extract_frames(document: str, text: str, language: str, published: str | None, resources: Resources) -> list[Frame]:
    return extract(document, text, language, published, resources).frames


def claims_of(document: str, facts: list[SentenceFacts], published: str | None, deadline: Deadline) -> list[Claim]:
    """Every claim an article's sentences make, once each, whichever frames they end up in."""
    return _unique_claims([claim for _, claim in _indexed_claims(document, facts, published, deadline)])


def _indexed_claims(document: str, facts: list[SentenceFacts], published: str | None,
                    deadline: Deadline) -> list[tuple[int, Claim]]:
    found: list[tuple[int, Claim]] = []
    states: list[str] = []
    actors: list[str] = []
    groups: list[str] = []  # the groups named so far, one of which a later "the group" may stand for
    for sentence in facts:
        deadline.check("extract")
        next_facts = facts[sentence.index + 1] if sentence.index + 1 < len(facts) else None
        previous = facts[sentence.index - 1] if sentence.index else None
        for claim in sentence_claims(sentence, document, published, next_facts, states or actors, previous, groups):
            claim = _company_named_before(claim, previous)
            found.append((sentence.index, claim))
            if claim.stance.asserts:
                states += [t for t in claim.attributed_to if len(t) == 2 and t not in states]
                actors += [t for t in claim.attributed_to if len(t) > 2 and t not in actors]
        groups += [group for group in named_groups(sentence) if group not in groups]
    return _home_state_bodies(found, facts)


def _home_state_bodies(found: list[tuple[int, Claim]], facts: list[SentenceFacts]) -> list[tuple[int, Claim]]:
    """A state body named without its country ("de regering", "la police") speaks for the country the article is
    about (`article_country`, never a state its claims accuse), as it is that country's victim: "the government"
    and "Norway" attributing the attack to Russia in an article about Norway are one party's claim. An embassy is no
    state body: it speaks for the state that sent it, which the article need not be about."""
    unplaced = [i for i, (_, claim) in enumerate(found)
                if claim.speaks_for is None and claim.claimant_kind is ClaimantKind.INSTITUTION
                and any(state_body(word) for word in _WORD.findall(claim.claimant))]
    home = _article_country(facts, _attacker_countries(facts) | _accused_states(found)) if unplaced else None
    if home is None:
        return found
    placed = list(found)
    for i in unplaced:
        index, claim = found[i]
        placed[i] = (index, replace(claim, speaks_for=home))
    return placed


def _assign_claims(frames: list[Frame], drafts: list[_Draft], claims: list[tuple[int, Claim]]) -> None:
    """An attribution belongs to the frames of its sentence, or, when its clause names a victim ("Sandworm for the
    railway"), to the frames of that victim; a denial answers the frames that most accuse what it denies (all of them
    when one statement accused two intrusions alike). Where the sentence is shared by frames with actors of their own,
    each frame holds the claim about its own actors."""
    own = _own_actors(frames, drafts)
    placed = {}
    for _, claim in claims:  # first the claims whose clause names their victim: they say whose actor is whose
        if claim.about and claim.stance.asserts:
            placed[id(claim)] = [f for f in frames if _names_a_victim(claim.about[0], f)]
            for frame in placed[id(claim)]:
                own[id(frame)] |= {t for t in claim.attributed_to if len(t) > 2}
    for index, claim in claims:
        holders = _holding(frames, drafts, index)
        if not holders and claim.stance is Stance.CLAIMS_RESPONSIBILITY:
            holders = _holding(frames, drafts, index - 1)  # "LockBit hit the bank. It has claimed responsibility."
        if claim.stance.rejects:
            accused = [f for f in frames if _accusations(f, claim)]
            most = max((_accusations(f, claim) for f in accused), default=0)
            holders = [f for f in accused if _accusations(f, claim) == most] or holders[:1]
        holders = placed.get(id(claim)) or holders
        for frame, part in _split_by_actor(claim, holders, own):
            frame.claims.append(_named_company(part, frame))


def _holding(frames: list[Frame], drafts: list[_Draft], index: int) -> list[Frame]:
    """The frames whose sentences include the one at ``index``."""
    return [f for f, d in zip(frames, drafts, strict=True) if any(s.index == index for s in d.sentences)]


def _named_company(claim: Claim, frame: Frame) -> Claim:
    """ "..., the company said": a report refers back to the organisation it is about by a bare noun (the packs'
    ``company_nouns``), and when the frame names one organisation hit, that is who speaks."""
    named = {v.name for v in frame.victims if v.key.startswith("org:") and not v.generic}
    if len(named) != 1 or not _a_company_noun_alone(claim.claimant):
        return claim
    return replace(claim, claimant=named.pop(), claimant_kind=ClaimantKind.ORGANISATION, speaks_for=None)


def _company_named_before(claim: Claim, previous: SentenceFacts | None) -> Claim:
    """ "La empresa madrileña de ciberseguridad Korvex Security ha publicado un análisis ... La firma ... atribuye la
    operación a APT29": a bare company noun that speaks refers back to the one company the sentence before named
    after such a noun (a few words of description between), which need not be the victim (`_named_company`)."""
    if previous is None or not _a_company_noun_alone(claim.claimant):
        return claim
    nouns = previous.cues.get("company_noun", [])
    named = [chunk.text for chunk in previous.names
             if any(noun.end <= chunk.start and len(previous.text[noun.end:chunk.start].split()) <= _DESCRIPTION_WORDS
                    for noun in nouns)]
    if len(set(named)) != 1:
        return claim
    return replace(claim, claimant=named[0], claimant_kind=ClaimantKind.ORGANISATION, speaks_for=None)


def _a_company_noun_alone(claimant: str) -> bool:
    """ "l'entreprise américaine", "Selon l'entreprise", "La firma": a company noun, without function words and
    nationalities."""
    said = [word for word in name_key(claimant).split()
            if len(word) > 1 and word not in FUNCTION_WORDS and word not in _nationalities()]
    return " ".join(said) in _company_nouns()


@table
def _company_nouns() -> frozenset[str]:
    return frozenset(name_key(noun) for noun in words("roles", "company_nouns"))


@table
def _nationalities() -> frozenset[str]:
    """Every one-word country adjective of every language, as keys ("americaine", "deutsche")."""
    return frozenset(key for form in country_forms() if form.kind == "adjective"
                     and " " not in (key := name_key(form.text)))


def _own_actors(frames: list[Frame], drafts: list[_Draft]) -> dict[int, set[str]]:
    """Per frame (by ``id``), the actors named in sentences no other frame shares."""
    shared = Counter(s.index for d in drafts for s in d.sentences)
    return {id(f): {key for s in d.sentences if shared[s.index] == 1 for key in _actor_keys(s)}
            for f, d in zip(frames, drafts, strict=True)}


def _split_by_actor(claim: Claim, holders: list[Frame], own: dict[int, set[str]]) -> list[tuple[Frame, Claim]]:
    """ "The government accuses APT29 and Sandworm", in an article whose frames are APT29's attack on the ministry and
    Sandworm's on the railway: each frame holds the claim about its own actor, and a frame whose own actors the claim
    does not name holds none of it. A claim about actors no frame has of its own stays whole, in every frame."""
    actors = [t for t in claim.attributed_to if len(t) > 2]
    if not claim.stance.asserts or not actors or len(holders) < 2:
        return [(frame, claim) for frame in holders]
    states = tuple(t for t in claim.attributed_to if len(t) == 2)
    mine = {id(frame): [t for t in actors if t in own.get(id(frame), set())] for frame in holders}
    if not any(mine.values()):
        return [(frame, claim) for frame in holders]
    return [(frame, claim if mine[id(frame)] == actors else replace(claim, attributed_to=(*mine[id(frame)], *states)))
            for frame in holders if mine[id(frame)]]


def _names_a_victim(clause: str, frame: Frame) -> bool:
    """ "for the attack on the ministry": the clause names one of the frame's victims, by name or by its sector."""
    sectors = {str(group) for m in cues().find_all(clause)["sector"] for group in m.values}
    said = set(name_key(clause).split())
    for victim in frame.victims:
        words = [w for w in name_key(victim.name).split() if len(w) >= 3]
        if victim.sector in sectors or (words and 2 * sum(w in said for w in words) >= len(words)):
            return True  # "the water board" names the Ardmore Water Board
    return False


def _compatible(dates_a: set[str], dates_b: set[str]) -> bool:
    if not dates_a or not dates_b:
        return True
    return any(a.startswith(b) or b.startswith(a) for a in dates_a for b in dates_b)


def _same_victim(a: Victim, b: Victim) -> bool:
    """Same key, or the same department with one country unknown, or a shorter form of the same name in one article
    ("Cogolati" after "Samuel Cogolati"), or the same distinctive words once a place's other names are read as its own
    ("Region Latium" and "Region Lazio" in one German article), or, of one sector, a victim named by its sector noun
    and its place whose words the other's name holds ("ospedale di Cremona" and "Azienda Ospedaliera Sant'Aurelio di
    Cremona" in one article)."""
    if a.key == b.key:
        return True
    if a.key.startswith("org:") and b.key.startswith("org:"):
        short, long = sorted((a.key[4:].split(), b.key[4:].split()), key=len)
        if len(" ".join(short)) >= 4 and set(short) <= set(long):
            return True
        words_a, words_b = distinctive_words(a.name), distinctive_words(b.name)
        return bool(words_a) and (words_a == words_b or (
            bool(words_b) and a.sector is not None and a.sector == b.sector
            and (words_a <= words_b or words_b <= words_a)))
    kind_a, kind_b = a.key.split("/", 1)[-1], b.key.split("/", 1)[-1]
    return kind_a == kind_b and "?" in (a.key.split("/")[0], b.key.split("/")[0]) and "/" in a.key and "/" in b.key


def reporting_nearby(facts: list[SentenceFacts], index: int) -> bool:
    """An attack is reported in this sentence or right next to it."""
    return any(f.is_attack for f in facts[max(0, index - 1):index + 2])


def _enumerated(facts: SentenceFacts, found: list[Candidate], mentions: list[Candidate]) -> dict[tuple[int, int], int]:
    """Which enumeration of the sentence each of its victims (``found``, by span) stands in. The runs are read over
    all the sentence's candidates (``mentions``): an item that is no victim itself may stand between two that are
    ("la Banque Lirana, l'Autorité portuaire de Castelmare et la commune de Roccaverde"). A victim stands in the run
    of an item its span overlaps: "the Lithuanian railway operator" where the run reads "the Lithuanian railway"."""
    if len(found) < 2:
        return {}
    runs = enumerations(facts, mentions or found)
    standing_in: dict[tuple[int, int], int] = {}
    for victim in found:
        for i, run in enumerate(runs):
            if any(item.start < victim.end and victim.start < item.end for item in run):
                standing_in[(victim.start, victim.end)] = i
                break
    return standing_in


def _accused_states(claims: list[tuple[int, Claim]]) -> set[str]:
    """The states the article's claims say did it ("Noruega acusa a Rusia", "Russia is behind the intrusion")."""
    return {target for _, claim in claims if claim.stance.asserts for target in claim.attributed_to if len(target) == 2}


def _group(facts: list[SentenceFacts], deadline: Deadline, accused: set[str], encoder: Embedder) -> list[_Draft]:
    """Sentences naming a victim open or join that victim's frame; the others join the frame they talk about. A
    country on the attacker's side, or one a claim of the article accuses (``accused``), is never a victim's. An
    article that names no victim tells one story, whose victims are the states its cues name as hit
    (`victims.state_victims`: "DDoS attacks on Estonia"), if any."""
    attackers = _attacker_countries(facts) | accused
    drafts: list[_Draft] = []
    owner: dict[int, list[_Draft]] = {}
    acronyms = _acronyms(facts)
    countries = ArticleCountries(facts, knowledge_base().places)
    mentions = {f.index: found for f in facts if reporting_nearby(facts, f.index) and (found := candidates(f))}
    victims = _victims(facts, mentions, encoder)
    introduced = introduced_names(facts)
    for facts_ in facts:
        deadline.check("extract")
        found: list[Candidate] = victims.get(facts_.index, [])
        named_drafts: list[_Draft] = []
        clauses = _clauses(facts_.text) if found else []
        run_of = _enumerated(facts_, found, mentions.get(facts_.index, []))
        run_drafts: dict[int, _Draft] = {}  # an enumeration's frame in this sentence: its items are co-victims
        for candidate in found:
            run = run_of.get((candidate.start, candidate.end))
            candidate, co_victims = _with_context_country(candidate, facts, facts_.index, attackers, drafts,
                                                          countries)
            candidate = named_by_its_noun(candidate, facts_.text, introduced)  # "der Netzbetreiber": the one named
            known = acronyms.get(candidate.victim.key)
            if known:
                candidate = replace(candidate, victim=_with_acronym(candidate.victim, known))
            beside = [d for d in named_drafts if _same_clause(clauses, d.spans[facts_.index], candidate)] \
                if candidate.generic else []
            if beside:  # victims beside a named one: part of the same incident
                for draft in beside:
                    for victim in (candidate.victim, *co_victims):
                        draft.victims.setdefault(victim.key, victim)
                continue
            anaphor = _anaphor_of(drafts, candidate, facts_.text)
            if anaphor is not None:  # "the ministry" after "the Ministry of the Interior": the same victim again
                anaphor.add(facts_)
                owner.setdefault(facts_.index, [])
                if anaphor not in owner[facts_.index]:
                    owner[facts_.index].append(anaphor)
                continue
            draft = _open_draft_for(drafts, candidate.victim, facts_, _introduces_incident(facts_, candidate))
            if draft is None:
                draft = run_drafts.get(run) if run is not None else None
            if draft is None:
                draft = _Draft()
                drafts.append(draft)
            if run is not None:
                run_drafts.setdefault(run, draft)
            if not candidate.generic and not any(d is draft for d in named_drafts):
                named_drafts.append(draft)
            draft.spans.setdefault(facts_.index, []).append((candidate.start, candidate.end))
            for victim in (candidate.victim, *co_victims):
                if victim.key not in draft.victims or _names_more(victim, draft.victims[victim.key]):
                    draft.victims[victim.key] = victim
            draft.surfaces.add(facts_.text[candidate.start:candidate.end])
            draft.generic = draft.generic and candidate.generic
            draft.add(facts_)
            owner.setdefault(facts_.index, [])
            if draft not in owner[facts_.index]:
                owner[facts_.index].append(draft)
    others = [f for f in facts if f.index not in owner and _relevant(f)]
    _add_the_state_hit(drafts, facts, attackers)
    if not drafts:
        if any(s.is_attack for s in others):
            orphan = _Draft()
            orphan.sentences = others
            orphan.victims = {c.victim.key: c.victim for s in others for c in state_victims(s)}
            return [orphan]
        return []
    told = dict(owner)  # sentence index -> the drafts it went to, by a victim it names or by its place
    for sentence in others:
        deadline.check("extract")
        told[sentence.index] = _drafts_about(sentence, drafts, told)
        for draft in told[sentence.index]:
            draft.add(sentence)
    for draft in drafts:
        draft.sentences.sort(key=lambda s: s.index)
    _keep_to_own_clauses(drafts, owner)
    return drafts


def _victims(facts: list[SentenceFacts], mentions: dict[int, list[Candidate]],
             encoder: Embedder) -> dict[int, list[Candidate]]:
    """The victims each sentence near a reported attack names, by sentence index: those the sentence-level role model
    casts, or, when it casts no named one in the whole article, those the article-level model finds (a victim the
    article keeps coming back to without a cue beside it: "Nobody is safe from hackers: ask Ferrari"). A state's one
    parliament or government ("the Norwegian parliament") is as named as a name: one organisation, not a sector.
    Where none of these, nor a state named as hit, gives the article a victim, the model that reads the words around
    each name decides (`context_victims`). Names of a technology are none (`victims.is_technology`,
    `name_kinds.technologies`: "attacks on MongoDB"), nor a platform where a claim was posted
    (`victims.is_channel`: "on its Telegram channel"), nor whom a phishing message pretends to be
    (`victims.is_impersonated`: "posing as the tax office"), nor what or who hit (`victims.is_instrument`: "infected
    with Korvlock"), nor a ranking, a currency or a code (`victims.is_a_unit_or_a_code`: "Fortune 500 firms"), nor who
    attacks (`_acting_in`). ``mentions`` are the
    candidates of the sentences near a reported attack, by sentence index."""
    by_index = {f.index: f for f in facts}
    acting: dict[int, set[str]] = {}  # who each sentence casts as its attackers (`_acting_in`), read once

    def acting_in(index: int) -> set[str]:
        if index not in acting:
            acting[index] = _acting_in(by_index[index])
        return acting[index]

    researching = employers_of_researchers(facts)
    cast = _without_researching({index: victims for index, found in mentions.items()
                                 if (victims := victims_in(by_index[index], found))}, researching)
    cast = _without_acting(cast, by_index, acting_in)  # the crew a sentence opens on stands where its subject does
    country = article_country(facts)
    if not any(one_organisation(c, country) for victims in cast.values() for c in victims):
        judged = _without_researching(article_victims(facts, own_attack_mentions(facts, mentions)), researching)
        cast = _without_acting(_without_people(judged, by_index), by_index, acting_in) or cast
    cast = _organisations_as_last_resort(cast)
    if not any(cast.values()) and not any(state_victims(f) for f in facts):
        judged = context_victims(facts, own_attack_mentions(facts, mentions), encoder)
        cast = _without_people(_without_researching(judged, researching), by_index)
    places = knowledge_base().places
    for index, victims in cast.items():
        placed = where_others_are(by_index[index], [(c.start, c.end) for c in victims], places)
        cast[index] = [c for c in victims if (c.start, c.end) not in placed]
    named = [by_index[index].text[c.start:c.end] for index, victims in cast.items() for c in victims if not c.generic]
    products = technologies(named, encoder)
    return {index: kept for index, victims in cast.items()
            if (kept := [c for c in victims if not (is_technology(by_index[index], c) or is_channel(by_index[index], c)
                                                    or has_the_flaw(by_index[index], c)
                                                    or is_impersonated(by_index[index], c)
                                                    or is_instrument(by_index[index], c)
                                                    or is_a_unit_or_a_code(by_index[index], c))
                         and (c.generic or (by_index[index].text[c.start:c.end] not in products
                                            and not _cast_as_acting(by_index[index], c, acting_in(index))))])}


def _without_researching(cast: dict[int, list[Candidate]], keys: set[str]) -> dict[int, list[Candidate]]:
    """The victims cast, by the sentences or by the article-level models, without those of ``keys``: the employers of
    the article's researchers (`researchers.employers_of_researchers`), whom an article names as often as its
    victim."""
    return {index: kept for index, victims in cast.items()
            if (kept := [c for c in victims if c.victim.key not in keys])}


def _without_acting(cast: dict[int, list[Candidate]], by_index: dict[int, SentenceFacts],
                    acting_in: Callable[[int], set[str]]) -> dict[int, list[Candidate]]:
    """The article-level victims without the names their sentences cast as attackers (``acting_in``, by sentence
    index): a crew the article keeps naming ("Korvan Kittens, an Iranian hacking group, targeted Israeli shipping
    companies") is no victim, and must not stand in for the sentences' own."""
    kept = {}
    for index, victims in cast.items():
        if found := [c for c in victims if c.generic or not _cast_as_acting(by_index[index], c, acting_in(index))]:
            kept[index] = found
    return kept


def _cast_as_acting(facts: SentenceFacts, candidate: Candidate, acting: set[str]) -> bool:
    """The candidate is one of the sentence's attackers, by the words it is written with or by its name without the
    noun that describes it ("Hackergruppe Korvan" is the crew Korvan)."""
    return name_key(facts.text[candidate.start:candidate.end]) in acting \
        or candidate.victim.key.removeprefix("org:") in acting


def _acting_in(facts: SentenceFacts) -> set[str]:
    """ "Korvan Data Liberators hacked the Norvale Credit Union": the `name_key`s of the names the sentence casts as
    its attackers (`attackers.sentence_attackers`), none of them whom it hit, though they stand where victims stand."""
    return {name_key(acting.name) for acting in sentence_attackers(facts)}


def _without_people(cast: dict[int, list[Candidate]], by_index: dict[int, SentenceFacts]) \
        -> dict[int, list[Candidate]]:
    """Without the people named by their office ("Foreign Minister Mira Tallis said ...") and the authorities named by
    their noun (`_an_authority`): the article-level models take a name no cue casts, and an official the article
    quotes is named often and near its attack words, but is who speaks for the victim, not the victim. A person
    whose own account was hit is cast by a cue ("the minister's mailbox was breached"), by the sentence-level model,
    and stays."""
    return {index: kept for index, victims in cast.items()
            if (kept := [c for c in victims if not titles_a_person(by_index[index], c)
                         and not _an_authority(by_index[index], c)
                         and not named_as_the_source(by_index[index], c.start, c.end)])}


def _an_authority(facts: SentenceFacts, candidate: Candidate) -> bool:
    """ "Het Openbaar Ministerie (OM) onderzoekt de hack", "De Britse regering beschuldigde ...": a name that is one of
    the packs' nouns for those who investigate and speak (``claimant_nouns``: the prosecution, the police, a
    government), a nationality before it and an acronym after it at most, is who reports or blames the attack; the
    article-level models take it for its victim because the article keeps naming it."""
    text = facts.text
    start = max((c.end for c in facts.countries if c.start == candidate.start and c.form == "adjective"),
                default=candidate.start)
    end = candidate.start + len(_ACRONYM_AFTER.sub("", text[candidate.start:candidate.end]))
    return any(cue.end == end and cue.start >= start and not text[start:cue.start].strip()
               for cue in facts.cues.get("claimant_noun", []))


def _organisations_as_last_resort(cast: dict[int, list[Candidate]]) -> dict[int, list[Candidate]]:
    """Victims named by an organisation noun and a country ("a Canadian firm") only when the article names no victim:
    where it does, they are that victim again ("the German company" of a report on Rheinmetall). A sector noun
    ("two plants") names none."""
    if all(c.victim.generic for victims in cast.values() for c in victims):
        return cast
    return {index: kept for index, victims in cast.items()
            if (kept := [c for c in victims if not c.victim.of_last_resort])}


def own_attack_mentions(facts: list[SentenceFacts], mentions: dict[int, list[Candidate]]) \
        -> dict[int, list[Candidate]]:
    """The mentions the article-level model judges: all but those of another attack's victims ("Dopo l'attacco a X,
    ..."), which no rule casts either; a name the article also mentions otherwise is judged on those mentions."""
    by_index = {f.index: f for f in facts}
    return {index: kept for index, found in mentions.items()
            if (kept := [c for c in found if not victim_of_another_attack(by_index[index], c)])}


def _keep_to_own_clauses(drafts: list[_Draft], owner: dict[int, list[_Draft]]) -> None:
    """ "APT29 broke into the Interior Ministry in 2022, while Sandworm hit the railway in April": a sentence that
    names the victims of two frames in different clauses gives each frame only its own clause's actors and dates."""
    for index, holders in owner.items():
        if len(holders) < 2:
            continue
        sentence = holders[0].sentences[[s.index for s in holders[0].sentences].index(index)]
        clauses = _clauses(sentence.text)
        own = {id(d): {c for c in clauses for a, b in d.spans.get(index, []) if c[0] <= a < c[1]} for d in holders}
        if len({frozenset(v) for v in own.values()}) < 2:
            continue  # all named in one clause: "the ministries of defence and the interior"
        for draft in holders:
            position = [s.index for s in draft.sentences].index(index)
            draft.sentences[position] = sentence.within(sorted(own[id(draft)]))


def _same_clause(clauses: list[tuple[int, int]], spans: list[tuple[int, int]], candidate: Candidate) -> bool:
    clause = next((c for c in clauses if c[0] <= candidate.start < c[1]), None)
    return any(clause and clause[0] <= a < clause[1] for a, _ in spans)


def _clauses(text: str) -> list[tuple[int, int]]:
    cuts = [0] + [m.start() for m in _CLAUSE_BREAK.finditer(text)] + [len(text)]
    return [(a, b) for a, b in pairwise(cuts) if b > a]


def _add_the_state_hit(drafts: list[_Draft], facts: list[SentenceFacts], attackers: set[str]) -> None:
    """ "Estonia was hit by DDoS attacks ... the websites of the parliament, the ministries and the banks": where the
    article names its victims only by sector nouns, the state its cues name as hit is the victim they belong to, and
    the one an analyst files. Not where any victim is named, or where the sector nouns say their own country ("US
    defence firms" were hit, not the United States)."""
    if not drafts or not all(d.generic for d in drafts):
        return
    if any(v.country for d in drafts for v in d.victims.values()):
        return
    states = {c.victim.key: c.victim for f in facts for c in state_victims(f) if c.victim.country not in attackers}
    if len(states) == 1:
        drafts[0].victims = {**states, **drafts[0].victims}


def _drafts_about(sentence: SentenceFacts, drafts: list[_Draft], told: dict[int, list[_Draft]]) -> list[_Draft]:
    """The frame whose victim the sentence names in passing, else the one the sentence before it went to (``told``:
    by the victim it named, in passing or not), else the next: "LockBit a revendiqué l'attaque qui paralyse ...
    Vienne-Clain. Sur son site vitrine, le groupe affirme ..." goes on about Vienne-Clain."""
    lowered = sentence.text.lower()
    for draft in drafts:
        if any(surface.lower() in lowered for surface in draft.surfaces if len(surface) >= 4):
            return [draft]
    before = [i for i in told if i < sentence.index]
    if before:
        return told[max(before)]
    return told[min(told)]


def _anaphor_of(drafts: list[_Draft], candidate: Candidate, text: str) -> _Draft | None:
    """A bare sector noun ("the ministry", "the hospital"), or one with the adjective that says what it is
    ("l'amministrazione comunale", "the city council"), refers back to the last victim of that sector, a department or
    a named one ("l'hôpital" after "le centre hospitalier de Varenne"). Not one its country or a number sets apart."""
    written = text[candidate.start:candidate.end]
    words = written.split()
    if not candidate.generic or len(words) > _ANAPHOR_WORDS or (len(words) > 1 and (
            candidate.victim.country or any(char.isdigit() for char in written))):
        return None
    sector = candidate.victim.sector
    same = [d for d in drafts if any(v.sector == sector and not v.key.startswith("?/" + str(sector))
                                     for v in d.victims.values()) and not d.generic]
    return same[-1] if same else None


def _acronyms(facts: list[SentenceFacts]) -> dict[str, str]:
    """ "Veldmark National Railways (VNR)" anywhere in the article makes "Veldmark National Railways" the victim known
    as "org:vnr", before or after: {"org:veldmark national railways": "org:vnr"}. So does an acronym the article
    writes alone that spells the initials of one of its longer names ("NOV" beside "Netbeheer Oost-Veluwe"): news
    names a victim both ways, without always saying that one is the other."""
    found = {}
    names = [chunk.text for sentence in facts for chunk in sentence.names]
    for name in names:
        long_form = _ACRONYM_AFTER.sub("", name)
        if long_form != name:
            found[f"org:{name_key(long_form)}"] = f"org:{name_key(name)}"
    # an acronym of two letters reads as a word ("IT") and spells too many names
    acronyms = {name for name in names if BARE_ACRONYM.fullmatch(name) and len(name) >= _SPELT_LETTERS}
    for name in names:
        spelt = _initials(name)
        if spelt in acronyms and spelt != name and f"org:{name_key(name)}" not in found:
            found[f"org:{name_key(name)}"] = f"org:{name_key(spelt)}"
    return found


def _with_acronym(victim: Victim, key: str) -> Victim:
    """The victim under its acronym's key, its name written with the acronym when it spells it ("Netbeheer
    Oost-Veluwe (NOV)"): the name other reports give it, in words or by the acronym, is then found in it."""
    spelt = _initials(victim.name)
    named = f"{victim.name} ({spelt})" if key == f"org:{spelt.casefold()}" and spelt not in victim.name else victim.name
    return replace(victim, key=key, name=named)


def _names_more(victim: Victim, other: Victim) -> bool:
    """ "Netbeheer Oost-Veluwe (NOV)" says all that the acronym "NOV" does, and more."""
    return bool(BARE_ACRONYM.fullmatch(other.name)) and f"({other.name})" in victim.name


_SPELT_LETTERS = 3  # the fewest letters of an acronym that is read as spelling a longer name


def _initials(name: str) -> str:
    """The initials of a name's capitalised words and of each part of a hyphenated one ("Netbeheer Oost-Veluwe":
    NOV); the lower-case words that join them ("Office of Water") give none."""
    return "".join(part[0] for part in re.split(r"[\s\-]+", name) if part[:1].isupper())


def one_organisation(candidate: Candidate, country: str | None) -> bool:
    """Whether the candidate names one organisation: a name, or a state body with its country ("the Norwegian
    parliament"), or one whose country the article gives (``country``, `article_country`: "le Parlement" in an
    article about Norway is Norway's). A sector noun ("hospitals") names none."""
    victim = candidate.victim
    return not victim.generic or (victim.sector == STATE_SECTOR and victim.country is None and country is not None)


def article_country(facts: list[SentenceFacts]) -> str | None:
    """The country the article is about, never the attacker's (`_article_country`)."""
    return _article_country(facts, _attacker_countries(facts))


def _attacker_countries(facts: list[SentenceFacts]) -> set[str]:
    """Countries the article puts on the attacker's side somewhere ("Chinese hackers"), that name an attacker ("the
    records were stolen by a crew called the Syrian Cyber Legion") or that describe one ("a Latvian man, X"): never a
    victim's context."""
    return {c.code for f in facts for c in f.countries if c.attacker_side} \
        | {c.code for f in facts if any(_in_a_name(f, c) for c in f.countries) for c in _in_attackers_names(f)} \
        | {c.code for f in facts if any(c.form == "adjective" for c in f.countries)
           for c in nationalities_of_attackers(f)}


def _in_a_name(sentence: SentenceFacts, country: CountryMention) -> bool:
    """A nationality followed by a capitalised word ("the Turkish Crime Family"): it may be a word of a name. Only
    then are the sentence's attackers worth reading here."""
    after = sentence.text[country.end:country.end + 2]
    return country.form == "adjective" and after[:1] == " " and after[1:].isupper()


def _in_attackers_names(sentence: SentenceFacts) -> list[CountryMention]:
    """The nationalities that are words of the name of an attacker the sentence casts: the group's name, not the
    country of whom it hit."""
    spans = [(m.start(), m.end()) for acting in sentence_attackers(sentence) if " " in acting.name
             for m in re.finditer(re.escape(acting.name), sentence.text)]
    return [c for c in sentence.countries if any(start <= c.start and c.end <= end for start, end in spans)]


def _context_country(facts: list[SentenceFacts], index: int, attackers: set[str]) -> str | None:
    """The country the text is about at this point: the last one named, and not as the attacker's, in this sentence
    or the three before. A country a denying sentence names is the accused's ("the Chinese embassy denied any role in
    the attack on the parliament"), as for `_article_country`."""
    for sentence in reversed(facts[max(0, index - CONTEXT_SENTENCES):index + 1]):
        if sentence.has("denial"):
            continue
        for country in reversed(sentence.countries):
            if country.code not in attackers and country.form in {"name", "adjective"}:
                return country.code
    return None


def _with_context_country(
    candidate: Candidate, facts: list[SentenceFacts], index: int, attackers: set[str], drafts: list[_Draft],
    countries: ArticleCountries | None = None,
) -> tuple[Candidate, list[Victim]]:
    """The victim with its country, and the co-victims an enumeration of places adds ("government agencies in Austria,
    Estonia and Portugal": one victim per country). The country is what the sentence says around the name
    (``victim_countries``); else, for a department or generic victim, the country the article already gave the same
    victim, else (for a state body) the country the article is about, else the one it is talking about here."""
    victim = candidate.victim
    countries = countries or ArticleCountries(facts, knowledge_base().places)

    def accused() -> set[str]:
        return countries.memo("accused", lambda: _accused_countries(facts, attackers))

    def article() -> str | None:
        return countries.memo("article", lambda: _most_named_country(facts, accused()))

    if victim.country:  # "defence contractors in Israel and South Korea": the first country found with the name
        return candidate, _co_victims(victim, countries.of(index, candidate.start, candidate.end))
    codes = countries.of(index, candidate.start, candidate.end)
    if not codes and victim.key.startswith("org:"):
        codes = countries.named_elsewhere(facts[index].text[candidate.start:candidate.end])[:1]
        if not codes:
            code = article() or _sentence_country(facts[index], accused())
            codes = [code] if code else []
    if codes:
        placed = [_placed(victim, code) for code in codes]
        others = placed[1:] if not victim.key.startswith("org:") else []
        return replace(candidate, victim=placed[0]), others
    what = victim.key.split("/", 1)[-1]
    known = [v.country for d in drafts for v in d.victims.values() if v.country and v.key.endswith("/" + what)]
    if known:
        code = known[0]
    elif victim.sector == STATE_SECTOR and (about := article()):
        code = about  # "le Parlement", in an article about Norway: its parliament, whatever country was named last
    else:
        code = _context_country(facts, index, attackers)
    if code is None or victim.key.startswith("org:"):
        return candidate, []  # a named organisation keeps what its own sentence says: "in tutto il mondo" is no country
    return replace(candidate, victim=_placed(victim, code)), []


def _co_victims(victim: Victim, codes: list[str]) -> list[Victim]:
    """The same kind of victim in the other countries of the enumeration its own country is part of; none for a named
    organisation, which is one whatever the places after it."""
    if victim.key.startswith("org:") or victim.country not in codes:
        return []
    unplaced = replace(victim, key="?/" + victim.key.split("/", 1)[1], country=None)
    return [_placed(unplaced, code) for code in codes if code != victim.country]


def _article_country(facts: list[SentenceFacts], attackers: set[str]) -> str | None:
    """The country the article is about: named (as a country or nationality) at least ``ARTICLE_COUNTRY_MENTIONS``
    times and more often than any other. Never a country the article puts on the attacker's side, names in a
    sentence that denies ("North Korea denied any role"), or gives as the home of a named actor (the knowledge base's
    country of Lazarus Group): those are the accused. (A sentence that attributes names the accuser too: "the FBI",
    "les autorités américaines".)"""
    return _most_named_country(facts, _accused_countries(facts, attackers))


def _most_named_country(facts: list[SentenceFacts], accused: set[str]) -> str | None:
    """`_article_country`, the article's ``accused`` countries known."""
    counts = Counter(c.code for f in facts for c in f.countries
                     if c.code not in accused and c.form in {"name", "adjective"})
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < ARTICLE_COUNTRY_MENTIONS or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def _accused_countries(facts: list[SentenceFacts], attackers: set[str]) -> set[str]:
    """The countries the article accuses: ``attackers``, those a denying sentence names ("North Korea denied any
    role"), and the home of a named actor (the knowledge base's country of Lazarus Group)."""
    kb = knowledge_base()
    accused = set(attackers)
    accused |= {c.code for f in facts if f.has("denial") for c in f.countries}
    accused |= {actor.country for f in facts for m in f.actors for e in m.values
                if (actor := kb.actors.get(str(getattr(e, "key", "")))) and actor.country}
    return accused


def _sentence_country(sentence: SentenceFacts, accused: set[str]) -> str | None:
    """ "Au Sénégal, le groupe hospitalier Lutrex Santé a été frappé", "Kettleby Energía, que abastece a la provincia
    de Córdoba, en Argentina, fue víctima": the one country the victim's own sentence names (by name or nationality),
    when the article names none often enough to be about it. Short reports, and the incident descriptions of the
    attribution databases, name their victim's country once. A sentence that names two, or names only the accused
    one, or denies, says nothing of the victim's."""
    if sentence.has("denial"):
        return None
    codes = {c.code for c in sentence.countries if c.form in {"name", "adjective"} and not c.attacker_side
             and not names_a_gang(sentence, c, c.form)}
    return next(iter(codes)) if len(codes) == 1 and not codes & accused else None


def _placed(victim: Victim, code: str) -> Victim:
    """The victim in a country: a department is keyed by it (and, when named by its portfolio, renamed for it: the
    name the article writes stays), a victim named by a sector noun keyed by it (a state body or a national
    service is then one organisation: `victims.identifies`), an organisation keeps its key (its name is its
    identity)."""
    if victim.key.startswith("?/ministry:"):
        portfolio = victim.key.split(":", 1)[1]
        named_by_portfolio = victim.name == department_name(portfolio, None)
        return department(portfolio, code, None if named_by_portfolio else victim.name)
    if victim.key.startswith("?/"):
        identified = identifies(victim.sector, victim.key.split(":", 1)[1], code)
        return replace(victim, key=f"{code}/{victim.key[2:]}", country=code, generic=not identified)
    return replace(victim, country=code)


def _relevant(facts: SentenceFacts) -> bool:
    """The sentence tells something of an attack: the attack itself, who is blamed or denies it, who claims it ("Un
    groupe se présentant comme Zerkalo Team a revendiqué l'opération"), an actor, a flaw or a technique."""
    return facts.is_attack or facts.has("attribution") or facts.has("denial") or facts.has("responsibility") \
        or bool(facts.actors) or bool(facts.vulnerabilities) or bool(facts.techniques)


def _open_draft_for(drafts: list[_Draft], victim: Victim, facts: SentenceFacts, introduces: bool) -> _Draft | None:
    """The victim's open frame, unless this sentence's dates contradict it or it introduces a dated new attack. An
    attack the headline alone has told is the one the body then introduces ("Le Danemark accuse Moscou d'avoir
    espionné son ministère de la Défense. ... après la découverte jeudi d'une intrusion dans la messagerie du
    ministère")."""
    sentence_dates = {d.value for d in facts.dates} if facts.is_attack else set()
    for draft in reversed(drafts):
        if any(_same_victim(victim, v) for v in draft.victims.values()):
            if introduces and not draft.attack_dates and set(draft.spans) != {0}:
                return None
            if _compatible(sentence_dates, draft.attack_dates):
                return draft
            return None
    return None


def _introduces_incident(facts: SentenceFacts, candidate: Candidate) -> bool:
    """ "Last winter, a cyberattack on the Kettleby water board ...": an indefinite attack, dated, is a new incident."""
    if not facts.dated or not facts.is_attack:
        return False
    for cue in facts.cues.get("victim_before", []):
        if cue.end <= candidate.start and _INDEFINITE.search(facts.text[max(0, cue.start - 8):cue.start]):
            return True
    return False


_PROFILE_SECTORS = 3  # "research institutes, universities, NGOs and defence firms": whom an actor targets


def _distinctive(draft: _Draft, story_casts: list[set[str]]) -> bool:
    """A generic victim's frame is an incident of its own when it has its own named actor, vulnerability or date;
    otherwise it is a summary of the article's main story ("an attack on a politician"). Its actors are not its own
    when they are all the actors of a story with a named victim ("Uber blames Lapsus$ ... the group has hit other
    tech companies"); one actor of a story that names two ("APT29 for the ministry, Sandworm for the railway") may be
    another incident's. A sentence that lists several sectors tells whom an actor goes after, its target profile, and
    is no incident of its own either; nor is a frame whose victims only such sentences name, whatever its other
    sentences say of its actor ("Korvan has targeted armed forces, governments and defence firms since 2019 ... the
    agencies exposed Korvan's tactics")."""
    if draft.spans and all(_a_profile(s) for s in draft.sentences if s.index in draft.spans):
        return False
    return any((((actors := _actor_keys(s)) and actors not in story_casts) or s.vulnerabilities or s.dates)
               and not _a_profile(s) for s in draft.sentences)


def _a_profile(sentence: SentenceFacts) -> bool:
    """The sentence lists several sectors: whom an actor goes after, not whom one attack hit. A sector named twice
    ("the Parliament ... members of Parliament") counts once."""
    return len({cue.text.casefold() for cue in sentence.cues.get("sector", [])}) >= _PROFILE_SECTORS


def _named_before(draft: _Draft, heads: set[str]) -> bool:
    """ "de gemeente" after "de gemeente Lutrecht", "the city" after "City of Lutrecht": a generic victim that is
    the head noun of a victim the article names is that victim told again (``heads``: the first word of each named
    victim), whatever its sentence adds."""
    return bool(draft.victims) and all(victim.name.casefold() in heads for victim in draft.victims.values())


def _actor_keys(sentence: SentenceFacts) -> set[str]:
    return {str(e.key) for m in sentence.actors for e in m.values}


def _fold_generic(drafts: list[_Draft]) -> list[_Draft]:
    """A frame known only by a generic victim, with nothing of its own, is part of its neighbour's story; in an
    article where every frame is such, of the story the article opens with. A frame with no victim at all (its only
    one was the article's culprit: "Rhysida's leak site") is part of a story that has victims, whatever it has of its
    own: on probe11, incidents 0.760 -> 0.776 and claims 0.562 -> 0.578. So is one whose generic victim is a named
    victim's head noun (`_named_before`)."""
    casts = [{key for s in d.sentences for key in _actor_keys(s)} for d in drafts if not d.generic]
    heads = {victim.name.split()[0].casefold() for d in drafts if not d.generic for victim in d.victims.values()
             if not victim.generic}
    strong = [d for d in drafts if not d.generic or (_distinctive(d, casts) and not _named_before(d, heads) and (
        d.victims or not any(o.victims for o in drafts)))] or drafts[:1]
    for draft in drafts:
        if draft in strong:
            continue
        nearest = _nearest(strong, draft.sentences[0].index)
        for sentence in draft.sentences:
            nearest.add(sentence)
    for draft in strong:
        draft.sentences.sort(key=lambda s: s.index)
    return strong


def _nearest(drafts: list[_Draft], index: int) -> _Draft:
    """The draft with a sentence nearest to the sentence at ``index``."""
    return min(drafts, key=lambda d: min(abs(s.index - index) for s in d.sentences))


def _without_earlier_events(drafts: list[_Draft], background: set[int]) -> list[_Draft]:
    """The drafts without those of earlier events (`_earlier_event`), unless every draft is one. A sentence such a
    draft gathered that is no background itself, right before or after one that names a kept draft's victim, tells
    of that draft's attack ("Santa Ginestra is restoring services after a ransomware attack. Italian media report that
    investigators suspect RansomHub", before "In October 2023, the same hospital was hit by Rhysida"): it goes to
    that draft."""
    kept = [draft for draft in drafts if not _earlier_event(draft, background)]
    if not kept:
        return drafts
    for dropped in (draft for draft in drafts if not any(draft is k for k in kept)):
        for sentence in dropped.sentences:
            beside = [k for k in kept if any(abs(sentence.index - named) <= 1 for named in k.spans)]
            if sentence.index not in background and beside:
                _nearest(beside, sentence.index).add(sentence)
    for draft in kept:
        draft.sentences.sort(key=lambda s: s.index)
    return kept


def _earlier_event(draft: _Draft, background: set[int]) -> bool:
    """Every sentence that names the draft's victims tells of an earlier attack ("Hackers hit Kettleby Bank, and not
    the first time: in 2019 ..."): an event the article recalls beside the one it reports, not an incident it
    reports."""
    return bool(draft.spans) and all(index in background for index in draft.spans)


def _without_recalled(drafts: list[_Draft], reference: Reference | None) -> list[_Draft]:
    """Without the attacks recalled in passing: a draft that names its victim in at most ``_RECALLED_SENTENCES``
    sentences, every attack date of which lies ``_RECALLED_MONTHS`` or more before the article's date, beside a draft
    that is not so old ("Il avait notamment été accusé d'avoir piraté le Bundestag en 2015" in a 2024 report on
    another intrusion). An article whose own story is old (a 2024 indictment over a 2019 breach) has no such other
    draft, and keeps all of them."""
    if reference is None or len(drafts) < 2:
        return drafts
    old = [_months_before(draft, reference) >= _RECALLED_MONTHS for draft in drafts]
    if all(old):
        return drafts
    return [draft for draft, recalled in zip(drafts, old, strict=True)
            if not recalled or len(draft.spans) > _RECALLED_SENTENCES]


def _dated_after_a_marker(facts: list[SentenceFacts], after_a_marker: set[int], reference: Reference | None) \
        -> set[int]:
    """Of the sentences right after a marker of an earlier attack (``after_a_marker``: background that is not
    `about_another_attack` itself), those that date that attack ``_TOLD_EARLIER_MONTHS`` or more before the article
    ("No es la primera vez que el Ayuntamiento aparece en los titulares. En junio de 2024, un ataque reivindicado por
    el grupo 8Base ..." in a January 2025 report): whoever claims there claims the earlier attack. Undated, or dated
    in the news's own weeks, such a sentence may tell the reported attack, and keeps its claims."""
    if reference is None:
        return set()
    return {sentence.index for sentence in facts if sentence.index in after_a_marker and sentence.dates
            and min(_months_from(d.value, reference) for d in sentence.dates) >= _TOLD_EARLIER_MONTHS}


def _months_from(value: str, reference: Reference) -> int:
    """How many whole months the date ``value`` lies before ``reference``, negative after it; a year alone spans its
    months, so that "2023" is never read as older than it may be."""
    gap = months_apart(value, reference.iso)
    return -gap if later_than(value, reference.iso) else gap


def _months_before(draft: _Draft, reference: Reference) -> int:
    """How many whole months the draft's latest date lies before ``reference``: of its attack sentences, or of those
    that name its victim ("De websites van de gemeenten ... waren dinsdag urenlang onbereikbaar", beside "De groep
    claimt sinds 2022 geregeld aanvallen"); none for an undated draft. A year alone counts as its December, so that
    "2023" is never read as older than it may be."""
    dates = draft.attack_dates | {d.value for s in draft.sentences if s.index in draft.spans for d in s.dates}
    return min((_months_from(value, reference) for value in dates), default=0)


def _counts_only(draft: _Draft, counting: set[int]) -> bool:
    """Every sentence that names the draft's victims, or for a draft that names none every sentence telling an attack,
    counts attacks ("a quarter of the attacks on manufacturers hit Korvan firms"): a threat report's figures, never an
    incident, even when the article has nothing else."""
    told = set(draft.spans) or {sentence.index for sentence in draft.sentences if sentence.is_attack}
    return bool(told) and told <= counting


def _self_claimed(frame: Frame) -> list[str]:
    """The groups that claim the frame's attack as their own ("The Play ransomware group has claimed the attack"): its
    actors, though no sentence casts them as acting (a gang named by a common word is an actor only where a cue casts
    it)."""
    return [target for claim in frame.claims if claim.stance is Stance.CLAIMS_RESPONSIBILITY
            for target in claim.attributed_to if len(target) > 2]


def _frame(document: str, draft: _Draft, language: str, published: str | None, deadline: Deadline,
           background: set[int]) -> Frame:
    """The frame of one draft, undated: `date_frames` dates it. Who acted in a sentence that tells of an earlier
    attack (``background``: "Bereits im vergangenen Oktober hatte die Gruppe X ...") is that attack's actor, not
    this one's."""
    frame = Frame(document=document, victims=list(draft.victims.values()), language=language)
    by_cve = _vulnerabilities_by_cve()
    for sentence in draft.sentences:
        deadline.check("extract")
        evidence = Evidence(document, sentence.start, sentence.end, sentence.raw)
        frame.evidence.append(evidence)
        for acting in [] if sentence.index in background else sentence_attackers(sentence):
            frame.actors.append(acting.name)
            if acting.state:  # a state agency acting: the article itself attributes the attack to its state
                frame.claims.append(_asserted((acting.name, acting.state), published, evidence))
        if sentence.index not in background and not _reported(sentence):
            # a state attacking in the article's own words ("Russia launched a cyberattack on ..."): the article says so
            frame.claims += [_asserted((state,), published, evidence)
                             for state in dict.fromkeys(c.code for c in sentence.countries if c.acts)]
        frame.malware += [str(e.key) for m in sentence.software for e in m.values]
        frame.techniques += sentence.techniques
        for mention in sentence.vulnerabilities:
            frame.vulnerabilities += list(mention.cves[:1])
            known = by_cve.get(mention.cves[0]) if mention.cves else None
            if known:
                frame.products.append(known.product)
    frame.actors = list(dict.fromkeys(frame.actors))
    frame.malware = list(dict.fromkeys(frame.malware))
    frame.techniques = list(dict.fromkeys(frame.techniques))
    frame.vulnerabilities = list(dict.fromkeys(frame.vulnerabilities))
    frame.products = list(dict.fromkeys(frame.products))
    return frame


def _culprits(facts: list[SentenceFacts], claims: list[tuple[int, Claim]], background: set[int]) -> set[str]:
    """The `name_key`s of every name and alias of the catalogued actors the article casts as attacking (outside its
    background) or blames, and of the groups that claim their own attack: none of them is a victim of its attacks.
    Another actor nobody catalogued is left out: read from one sentence ("Mekinac's attackers"), it may be the
    victim's name. The initials of an attacker's name of three capitalised words or more are the attacker too,
    catalogued or not ("TDO", "TCF" for the Turkish Crime Family); two ("FB") name too much else."""
    kb = knowledge_base()
    acting = [acting.name for sentence in facts if sentence.index not in background
              for acting in sentence_attackers(sentence)]
    actors = acting + [target for _, claim in claims if claim.stance.asserts
                       for target in claim.attributed_to if len(target) > 2]  # a state's code names no victim
    names: set[str] = set()
    for actor in actors:
        if known := kb.actor(actor):
            names |= {actor, *known.aliases}
    # a group that claims its own attack is a culprit, catalogued or not ("The Rhysida ransomware group has claimed")
    names |= {name for _, claim in claims if claim.stance is Stance.CLAIMS_RESPONSIBILITY
              for name in (claim.claimant, *claim.attributed_to)}
    names |= {short for name in names | set(acting) if len(short := _initials(name)) >= _SPELT_LETTERS}
    return {name_key(name) for name in names}


def _without_culprits(draft: _Draft, culprits: set[str]) -> _Draft:
    """The draft without the victims that are the article's culprits (`_culprits`): a gang is not hit by the attacks
    it makes, though a sentence may read so ("DarkSide, a crew that has hacked dozens of firms", "a statement on
    Clop's site"), and the sentence that blames it may be another frame's. A draft left with no victim is as weak as
    a generic one: it folds into its neighbour's story unless it has something of its own."""
    kept = {key: victim for key, victim in draft.victims.items() if name_key(victim.name) not in culprits}
    if len(kept) == len(draft.victims):
        return draft
    return replace(draft, victims=kept, generic=draft.generic or not kept)


def _asserted(culprits: tuple[str, ...], published: str | None, evidence: Evidence) -> Claim:
    """The article's own attribution, with nobody named as saying it."""
    return Claim(ARTICLE_CLAIMANT, Stance.ATTRIBUTES, culprits, Certainty.CONFIRMED, published, evidence,
                 claimant_kind=ClaimantKind.ARTICLE)


def _reported(sentence: SentenceFacts) -> bool:
    """Someone says it, doubts it or denies it: the sentence's claims are theirs, not the article's."""
    return any(sentence.has(kind) for kind in ("speech", "attribution", "denial", "dispute", "speculation", "hedge",
                                               "hypothetical"))


@table
def _vulnerabilities_by_cve() -> dict[str, NamedVulnerability]:
    return {cve: v for v in named_vulnerabilities() for cve in v.cves}


def _without(claim: Claim, actors: set[str]) -> Claim | None:
    """The claim without the actors an article never named ("TSB" for The Shadow Brokers in an article on the bank);
    None when they were all it named."""
    kept = tuple(t for t in claim.attributed_to if t not in actors)
    if len(kept) == len(claim.attributed_to):
        return claim
    return replace(claim, attributed_to=kept) if kept else None


def _named_actors(frame: Frame) -> list[str]:
    return [*frame.actors, *(target for claim in frame.claims for target in claim.attributed_to)]


def _in_full(claim: Claim, people: dict[str, str]) -> Claim:
    """The claim with its targets named as the article names them in full (`person_names.full_names`)."""
    named = tuple(dict.fromkeys(people.get(target, target) for target in claim.attributed_to))
    return claim if named == claim.attributed_to else replace(claim, attributed_to=named)


def _accusations(frame: Frame, denial: Claim) -> int:
    return sum(1 for c in frame.claims if c.stance.asserts and set(c.attributed_to) & set(denial.attributed_to))


def _unique_claims(claims: list[Claim]) -> list[Claim]:
    """One claim per claimant, stance and target; one denial per state in an article (its fullest wording)."""
    unique: dict[tuple, Claim] = {}
    for claim in claims:
        if claim.stance is Stance.DENIES:
            key: tuple = (claim.stance, claim.attributed_to)
            kept = unique.get(key)
            if kept is None or ((kept.claimant == ARTICLE_CLAIMANT or len(claim.claimant) > len(kept.claimant)) \
                    and claim.claimant != ARTICLE_CLAIMANT):
                unique[key] = claim
        else:
            unique.setdefault((claim.claimant, claim.stance, claim.attributed_to), claim)
    return list(unique.values())
