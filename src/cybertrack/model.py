"""The plain data types that flow between pipeline stages.

Stages exchange these dataclasses and nothing else, so that each stage can be
tested on its own and run in another process (they all pickle).
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum


@dataclass(frozen=True)
class SourceItem:
    """One article as a source delivered it, before any cleaning.

    Exactly one of ``text`` and ``html`` is set. ``note`` records anything the
    user should know about how the item was obtained (for example that a feed
    item's own summary was used because its link could not be fetched).
    """

    source_id: str
    origin: str
    text: str | None = None
    html: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    author: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class ItemError:
    """An item that could not be read; the batch goes on without it."""

    source_id: str
    reason: str


@dataclass(frozen=True)
class Span:
    """A run of clean text copied verbatim from the raw text."""

    clean_start: int
    raw_start: int
    length: int


@dataclass(frozen=True)
class OffsetMap:
    """Maps offsets in the clean text back to the raw text.

    Later stages cite evidence by offsets into the clean text; the map lets a
    citation point at the very characters of the original article.
    """

    spans: tuple[Span, ...] = ()

    def to_raw(self, clean_offset: int) -> int:
        """Raw offset of the character at ``clean_offset`` (or just past the end)."""
        if not self.spans:
            return clean_offset
        i = max(bisect.bisect_right(self.spans, clean_offset, key=lambda s: s.clean_start) - 1, 0)
        span = self.spans[i]
        return span.raw_start + min(clean_offset - span.clean_start, span.length)

    def to_json(self) -> list[list[int]]:
        return [[s.clean_start, s.raw_start, s.length] for s in self.spans]

    @classmethod
    def from_json(cls, rows: list[list[int]]) -> OffsetMap:
        return cls(tuple(Span(*row) for row in rows))


@dataclass(frozen=True)
class Removal:
    """A piece of raw text that cleaning dropped, and why."""

    raw_start: int
    raw_end: int
    reason: str


@dataclass(frozen=True)
class CleanText:
    text: str
    offsets: OffsetMap
    removed: tuple[Removal, ...] = ()


@dataclass(frozen=True)
class Evidence:
    """The sentence a fact comes from: which document, and where in its clean text."""

    document: str
    start: int
    end: int
    sentence: str


ORGANISATION_NOUN_KIND = "organisation"  # in the key of a victim named by an organisation noun: "CA/organisation:firm"


@dataclass(frozen=True)
class Victim:
    """Who was hit. ``key`` is language-neutral, so the Italian and the English report of one
    victim compare equal ("BE/ministry:interior" for "ministero degli interni" and "Interior Ministry")."""

    name: str
    key: str
    country: str | None = None
    sector: str | None = None
    generic: bool = False  # named by a sector noun only ("banks", "the hospitals"): a kind of victim, not one

    @property
    def of_last_resort(self) -> bool:
        """Named by an organisation noun and its country alone ("a Canadian firm", key "CA/organisation:firm"): kept
        only where nothing else names the victim, which it would then most likely be again ("the German company" of
        a report on Rheinmetall)."""
        return self.key.partition("/")[2].startswith(f"{ORGANISATION_NOUN_KIND}:")


class Stance(StrEnum):
    """What a claim says of the attackers it names."""

    ATTRIBUTES = "attributes"  # they did it
    CLAIMS_RESPONSIBILITY = "claims-responsibility"  # a group says it did it itself
    DENIES = "denies"  # the accused says it did not
    DISPUTES = "disputes"  # someone else says the attribution does not hold ("no evidence", "ruled out")
    UNCONFIRMED = "unconfirmed"  # speculation ("too early to say whether"), kept with its evidence, never asserted

    @property
    def asserts(self) -> bool:
        """Names who did it, rather than who did not, or nobody yet."""
        return self in (Stance.ATTRIBUTES, Stance.CLAIMS_RESPONSIBILITY)

    @property
    def rejects(self) -> bool:
        return self in (Stance.DENIES, Stance.DISPUTES)


class Certainty(StrEnum):
    """How sure the claimant says it is, from the hedge that says so ("believed", "may")."""

    CONFIRMED = "confirmed"
    LIKELY = "likely"  # "believed", "probably", "with high confidence", "99.9 %"
    POSSIBLE = "possible"  # "may", "could", "suspected", "allegedly"


# the claimant of what an article asserts with nobody named as saying it: exported as an assertion, not a claim
ARTICLE_CLAIMANT = "(article)"


class ClaimantKind(StrEnum):
    """What kind of party makes a claim."""

    STATE = "state"  # a country speaking as such ("Belgium", "the Kremlin" is an institution)
    INSTITUTION = "institution"  # a government, ministry, agency, police, prosecutor, embassy
    PERSON = "person"  # somebody named or described by role ("the minister", "a spokesperson")
    VENDOR = "vendor"  # a security vendor or CERT
    ORGANISATION = "organisation"  # any other body named: the victim firm, a university, a party
    MEDIA = "media"  # a news outlet
    GROUP = "group"  # the attackers themselves
    ARTICLE = "article"  # nobody named: the article asserts it


@dataclass(frozen=True)
class Claim:
    """Somebody says who did it (or denies it). Attribution is a claim, never a fact."""

    claimant: str
    stance: Stance
    attributed_to: tuple[str, ...]  # actor names and ISO country codes
    certainty: Certainty
    date: str | None
    evidence: Evidence
    speaks_for: str | None = None  # the state whose government makes the claim (a country, its ministries)
    claimant_kind: ClaimantKind = ClaimantKind.INSTITUTION
    mention: str = ""  # the claimant as the sentence writes it ("le ministère néerlandais des Affaires étrangères")
    cue: str = ""  # the words that set the stance ("attributed", "denied", "claimed responsibility")
    certainty_cue: str = ""  # the words that set the certainty ("believed"), empty when confirmed
    about: tuple[str, ...] = ()  # the victims its own clause names, when the sentence names several
    role: str = ""  # a person claimant's role ("Finance Minister"), where the sentence gives it
    organisation: str = ""  # the body a person claimant speaks for ("St Brendan's Hospital"), where given
    reported_in: tuple[str, ...] = ()  # the other reports (documents) of the incident that carry the same claim

    @property
    def hedged(self) -> bool:
        return self.certainty is not Certainty.CONFIRMED


class ConflictKind(StrEnum):
    """How two claims about one incident disagree."""

    DIFFERENT_ATTACKERS = "different-attackers"  # they name attackers that cannot both be right
    DENIED = "denied"  # an attribution, and the accused's denial
    DISPUTED = "disputed"  # an attribution, and somebody else's dispute of it


@dataclass(frozen=True)
class Conflict:
    """Two claims about one incident that disagree: what an analyst has to weigh before trusting either."""

    kind: ConflictKind
    claims: tuple[Claim, Claim]


@dataclass
class Frame:
    """One incident as one article reports it, every field backed by the sentences in ``evidence``."""

    document: str
    victims: list[Victim] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    types: list[str] = field(default_factory=list)
    vulnerabilities: list[str] = field(default_factory=list)
    products: list[str] = field(default_factory=list)
    techniques: list[str] = field(default_factory=list)
    malware: list[str] = field(default_factory=list)
    first_seen: str | None = None
    discovered: str | None = None
    disclosed: str | None = None
    claims: list[Claim] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    first_seen_estimated: bool = False  # no date in the text: first_seen is the month the article was published
    names: dict[str, float] = field(default_factory=dict)  # the article's names (keys) and their share of its mentions
    language: str | None = None  # the article's language (None in frames stored before it was kept)


class JoinedBy(StrEnum):
    """What made a report join an incident (see `resolve`)."""

    RULES = "rules"  # a shared victim or CVE, or one catalogued actor and a story that reads alike
    MODEL = "same-incident model"  # reports in other languages, judged by what they share (`same_incident`)


@dataclass(frozen=True)
class Link:
    """Why a report joined its incident, kept so that an analyst can check it: what it shared with the incident's
    reports at the moment it joined them."""

    document: str  # the report that joined
    joined: tuple[str, ...]  # the incident's first reports (at most `resolve.LINK_REPORTS`: links stay small)
    by: JoinedBy
    similarity: float  # how alike its sentences read to theirs (cosine, -1 to 1)
    victims: tuple[str, ...] = ()  # the victims (keys) it shares with them
    vulnerabilities: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    names: tuple[str, ...] = ()  # the names both articles keep coming back to
    probability: float | None = None  # the same-incident model's mean over the reports, when it decided
    incident_reports: int = 0  # how many reports the incident had when it joined (0: stored before this was kept)


@dataclass
class Incident:
    """One attack as all the articles that report it tell it, merged from their frames."""

    id: str
    title: str
    summary: str
    frames: list[Frame]
    documents: list[str]
    types: list[str]
    victims: list[Victim]
    actors: list[str]
    states: list[str]
    vulnerabilities: list[str]
    products: list[str]
    malware: list[str]
    techniques: list[str]
    claims: list[Claim]
    first_seen: str | None = None
    discovered: str | None = None
    disclosed: str | None = None
    first_seen_estimated: bool = False  # none of its reports dates it: first_seen is the earliest publication month
    links: list[Link] = field(default_factory=list)  # why each report after the first joined it
    conflicts: list[Conflict] = field(default_factory=list)  # claims that disagree
    victim_reports: dict[str, list[str]] = field(default_factory=dict)  # victim key -> the reports that name it
    # kinds of victims the reports name by their sector noun alone ("hospitals", "die Krankenhäuser"): no one victim
    victim_groups: list[Victim] = field(default_factory=list)
    actor_reports: dict[str, list[str]] = field(default_factory=dict)  # actor -> the reports that name it


@dataclass(frozen=True)
class Document:
    """An article after extraction, cleaning and language detection."""

    source_id: str
    origin: str
    raw_text: str
    clean: CleanText
    language: str
    content_hash: str
    url: str | None = None
    title: str | None = None
    published: str | None = None
    author: str | None = None
    note: str | None = None
    frames: tuple[Frame, ...] = ()
    vulnerabilities: tuple[str, ...] = ()  # every CVE the article names, in an incident or not
    frame_vectors: tuple = ()  # per frame, its report vector (same_incident.report_vector) or None if never compared
    minhash: bytes | None = None  # near-duplicate signature (see cybertrack.neardup), None for texts too short to judge


@dataclass
class IngestSummary:
    """What one ``ingest`` run did, item by item."""

    ingested: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    present: list[str] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    failed: list[ItemError] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)
    fatal: str | None = None
    incidents: int | None = None  # how many incidents the store holds after the run, when it resolved again
    seconds: Counter[str] = field(default_factory=Counter)  # time per stage (summed over worker processes)

    @property
    def total(self) -> int:
        return (len(self.ingested) + len(self.updated) + len(self.present)
                + len(self.duplicates) + len(self.failed))
