"""Frames from many articles and languages → incidents.

A frame joins the incident that the same-incident model (`cybertrack.same_incident`) finds
most likely above its threshold, judged against the incident as a whole (the centroid of
its reports' embeddings, all its victims, CVEs, types and dates), so one weak member
never chains two incidents. The model weighs a shared victim key ("ministero degli
interni" meets "Interior Ministry"), alike victim names, CVEs, types, time and how alike
the reports read, in one language or across two. Whatever the model says, two frames are never one
incident when their dates contradict each other (or one begins after the other was
already disclosed), when the same kind of victim is in two countries, or when they come
from one article (the extractor already decided they are different incidents).
Candidates come from an index (victim keys, CVEs, actors; for reports in other
languages the victim's country, attack type and month, and rare words of its name),
a bounded number per key, never from comparing every pair. The result depends only on
the set of frames, so resolving again gives the same incidents.
"""

from __future__ import annotations

import hashlib
import heapq
import itertools
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np

from cybertrack.annotate.dates import Reference, earliest, later_than
from cybertrack.embeddings import EMBEDDING_SIZE, embed
from cybertrack.model import Claim, Frame, Incident, Victim
from cybertrack.same_incident import PairEvidence, model, name_words, probability

DATE_TOLERANCE_MONTHS = 1  # on multilingual-train, 0 split Sony Pictures' reports (2014-11-24, 2014-12-19) apart
# A report that does not date its incident is news: what it reports happened in the year before it was published.
# (An article about an attack years ago says when; on multilingual-train an undated 2023 report of Rheinmetall's
# ransomware otherwise joined the 2019 malware attack on it.)
NEWS_MONTHS = 12
# Incidents compared per block key, the most recently joined first: a victim in the news for years ("Microsoft")
# gathers thousands of incidents, and comparing each new report with all of them made resolution quadratic.
CANDIDATES_PER_KEY = 64
# The keys that let reports in different languages meet (the victim's country, the attack type and the month; a rare
# word of the victim's name) are broader than a victim's key: fewer of their incidents are compared.
NEIGHBOURS_PER_KEY = 16
TYPE_LABELS = {
    "espionage": "Cyber-espionage", "data-breach": "Data breach", "ransomware": "Ransomware attack",
    "phishing": "Phishing", "ddos": "DDoS attack", "defacement": "Defacement", "wiper": "Wiper attack",
    "supply-chain": "Supply-chain attack", "exploitation": "Exploitation", "other": "Cyberattack",
}


@dataclass
class _Cluster:
    """The frames of one incident so far, with what scoring asks of them kept up to date as frames join
    (scoring runs once per candidate pair: recollecting these from the frames each time made it quadratic)."""

    frames: list[Frame] = field(default_factory=list)
    documents: set[str] = field(default_factory=set)
    victims: list[Victim] = field(default_factory=list)
    cves: set[str] = field(default_factory=set)
    actors: set[str] = field(default_factory=set)
    types: set[str] = field(default_factory=set)
    languages: set[str | None] = field(default_factory=set)
    dates: set[str] = field(default_factory=set)  # the first_seen its reports give (not estimated)
    bound: str | None = None  # the earliest disclosure among its reports: it began on or before that
    times: set[str] = field(default_factory=set)  # each report's own date, else its disclosure: how far apart in time
    windows: list[tuple[int, int]] = field(default_factory=list)  # each report's time window (`_window`), if known
    vector_sum: np.ndarray | None = None
    vectors: list[np.ndarray] = field(default_factory=list)

    def add(self, frame: Frame, vector: np.ndarray) -> None:
        self.frames.append(frame)
        self.vectors.append(vector)
        self.documents.add(frame.document)
        self.victims += frame.victims
        self.cves |= set(frame.vulnerabilities)
        self.actors |= set(frame.actors)
        self.types |= _specific_types(frame)
        self.languages.add(frame.language)
        own = _own_date(frame)
        if own:
            self.dates.add(own)
        bound = _bound(frame)
        if bound and (self.bound is None or later_than(self.bound, bound)):
            self.bound = bound
        if time := _time(frame):
            self.times.add(time)
        if window := _window(frame):
            self.windows.append(window)
        self.vector_sum = vector.copy() if self.vector_sum is None else self.vector_sum + vector

    @property
    def centroid(self) -> np.ndarray:
        return self.vector_sum / (np.linalg.norm(self.vector_sum) or 1.0)


def block_keys(frame: Frame) -> set[str]:
    """Index keys: a victim's key, its key with the country left open, each CVE, and each actor. Only these make a
    frame comparable at all (`frame_vectors`); the keys of `neighbour_keys` widen the search for a frame that has
    one."""
    keys = {f"cve:{cve}" for cve in frame.vulnerabilities} | {f"actor:{actor}" for actor in frame.actors}
    for victim in frame.victims:
        keys.add(f"victim:{victim.key}")
        if "/" in victim.key:
            keys.add(f"victim:?/{victim.key.split('/', 1)[1]}")
    return keys


def neighbour_keys(frame: Frame, months: tuple[int, ...] = (0,)) -> set[str]:
    """Keys on which reports of one victim in different languages meet even when its name and key differ ("HSE",
    "irischer Gesundheitsdienst"): the victim's country (or "?"), an attack type and a month (each of ``months``
    away from the frame's own); a rare word of the victim's name ("rheinmetall")."""
    keys = {f"word:{word}" for victim in frame.victims for word in name_words(victim.name)}
    month = _month(frame)
    if month and frame.victims:
        countries = {victim.country or "?" for victim in frame.victims}
        for shift, country, kind in itertools.product(months, countries, frame.types or ["other"]):
            keys.add(f"when:{country}:{kind}:{_shift_month(month, shift)}")
    return keys


def _month(frame: Frame) -> str | None:
    """The month the frame's incident is placed in: its own date, else its disclosure or publication month."""
    for date in (_own_date(frame), _bound(frame), frame.first_seen):
        if date and len(date) >= 7:
            return date[:7]
    return None


def _shift_month(month: str, shift: int) -> str:
    index = int(month[:4]) * 12 + int(month[5:7]) - 1 + shift
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _specific_types(frame: Frame) -> set[str]:
    return set(frame.types) - {"other"}


def _victims_match(a: Victim, b: Victim) -> bool:
    if a.key == b.key:
        return True
    if "/" not in a.key or "/" not in b.key:
        return False
    (country_a, what_a), (country_b, what_b) = a.key.split("/", 1), b.key.split("/", 1)
    return what_a == what_b and "?" in (country_a, country_b)


def _dates_compatible(a: set[str], b: set[str]) -> bool:
    """Some date of one lies within ``DATE_TOLERANCE_MONTHS`` of some date of the other: reports of one incident
    date it by the attack, its discovery or its claim, weeks apart ("2014-11-24" and "2014-12-19")."""
    if not a or not b:
        return True
    return any(_months_apart(x, y) <= DATE_TOLERANCE_MONTHS for x in a for y in b)


def _months_apart(a: str, b: str) -> int:
    """Months between two ISO prefixes, each a span ("2019" is January to December): 0 when they overlap."""
    (start_a, end_a), (start_b, end_b) = _span(a), _span(b)
    return max(start_b - end_a, start_a - end_b, 0)


def _span(value: str) -> tuple[int, int]:
    """The first and last month (as month numbers) an ISO prefix covers."""
    year = int(value[:4]) * 12
    return (year + int(value[5:7]) - 1,) * 2 if len(value) >= 7 else (year, year + 11)


def _own_date(frame: Frame) -> str | None:
    """The first_seen the frame's text gives; an estimate from the publication month is only a bound."""
    return None if frame.first_seen_estimated else frame.first_seen


def _bound(frame: Frame) -> str | None:
    """The day by which the frame's incident had begun: the day it was disclosed or published, as far as known."""
    reference = Reference.parse(frame.disclosed)
    return reference.iso if reference else None


def _dates_agree(frame: Frame, cluster: _Cluster) -> bool:
    """The dates of the frame and of the incident do not contradict each other, and neither begins (by more than the
    tolerance) after the other was disclosed: a report published in 2019 is not about an attack of 2023."""
    own, bound = _own_date(frame), _bound(frame)
    if own and not _dates_compatible({own}, cluster.dates):
        return False
    if own and cluster.bound and _begins_after(own, cluster.bound):
        return False
    return not (bound and cluster.dates and _begins_after(min(cluster.dates), bound))


def _begins_after(date: str, bound: str) -> bool:
    return later_than(date, bound) and _months_apart(date, bound) > DATE_TOLERANCE_MONTHS


def _countries_conflict(frame: Frame, cluster: _Cluster) -> bool:
    """The same kind of victim in two different countries ("BE/ministry:interior", "NL/ministry:interior"), even when
    a report that names no country sits between them."""
    def known(victims: list[Victim]) -> dict[str, set[str]]:
        found: dict[str, set[str]] = defaultdict(set)
        for victim in victims:
            if "/" in victim.key and not victim.key.startswith("?/"):
                country, what = victim.key.split("/", 1)
                found[what].add(country)
        return found

    mine, theirs = known(frame.victims), known(cluster.victims)
    return any(countries != theirs[what] for what, countries in mine.items() if what in theirs)


def pair_evidence(frame: Frame, vector: np.ndarray, cluster: _Cluster) -> PairEvidence | None:
    """What the frame and the incident share, for the same-incident model; None when they cannot be one incident:
    the frame's article is already in it, the same kind of victim is in another country, or the dates disagree."""
    if frame.document in cluster.documents or _countries_conflict(frame, cluster) or not _dates_agree(frame, cluster):
        return None
    window = _window(frame)
    if window and not all(_meet(window, other) for other in cluster.windows):
        return None
    own, time = _own_date(frame), _time(frame)
    return PairEvidence(
        cosine=float(vector @ cluster.centroid),
        across_languages=_across_languages(frame, cluster),
        same_victim_key=any(_victims_match(v, w) for v in frame.victims for w in cluster.victims),
        names=(_free_names(frame.victims), _free_names(cluster.victims)),
        shared_cve=bool(set(frame.vulnerabilities) & cluster.cves),
        shared_type=bool(_specific_types(frame) & cluster.types),
        both_dated=bool(own and cluster.dates),
        months_apart=min((_months_apart(time[:7], t[:7]) for t in cluster.times), default=None) if time else None,
    )


def _window(frame: Frame) -> tuple[int, int] | None:
    """The months the frame's incident can lie in (as month numbers): those its own date spans, with the tolerance,
    else the ``NEWS_MONTHS`` up to its disclosure or publication; None when it gives no time at all."""
    own = _own_date(frame)
    if own:
        start, end = _span(own)
        return start - DATE_TOLERANCE_MONTHS, end + DATE_TOLERANCE_MONTHS
    bound = frame.disclosed or (frame.first_seen if frame.first_seen_estimated else None)
    if not bound:
        return None
    end = _span(bound)[1]
    return end - NEWS_MONTHS, end


def _meet(one: tuple[int, int], other: tuple[int, int]) -> bool:
    return one[0] <= other[1] and other[0] <= one[1]


def _across_languages(frame: Frame, cluster: _Cluster) -> bool:
    """The frame's language is none of the incident's. An unknown language (a frame stored before frames carried it)
    counts as another: the same story reads less alike across languages, and taking two unknowns for one language
    would split reports that resolved together before."""
    return frame.language is None or None in cluster.languages or frame.language not in cluster.languages


def _time(frame: Frame) -> str | None:
    """When the frame places its incident, as precisely as known: its own date, else its disclosure or publication
    (a day or a month), else the publication month it was estimated from."""
    return _own_date(frame) or frame.disclosed or frame.first_seen


def _institution(key: str) -> bool:
    """A key the victims extractor built for an institution of a known country ("BE/ministry:interior"), the same in
    every language, unlike a name's surface form ("org:rheinmetall") or a kind of victim anywhere ("?/hospital")."""
    return "/" in key and not key.startswith("?/")


def _free_names(victims: list[Victim]) -> tuple[str, ...]:
    """The names of the victims that no institution key identifies: for those, the key already says whether two are
    one ("Belgian Ministry of Interior" and "Belgian Ministry of Defence" share most of their words, not their key)."""
    return tuple(dict.fromkeys(v.name for v in victims if not _institution(v.key)))


def _score(frame: Frame, vector: np.ndarray, cluster: _Cluster) -> float:
    """The probability that the frame reports the incident, taken as a whole (its centroid, all its victims).

    The training sets hold no pair of reports sharing an institution's key, so the model cannot speak to one: such
    a pair is taken as one incident, as resolution always took it, when their times are no month apart (dates that
    contradict each other never get here); which of several such incidents a frame joins is still the model's
    ranking."""
    evidence = pair_evidence(frame, vector, cluster)
    if evidence is None:
        return 0.0
    likely = probability(evidence)
    same_institution = any(_victims_match(v, w) and _institution(v.key) and _institution(w.key)
                           for v in frame.victims for w in cluster.victims)
    if same_institution and not evidence.months_apart:
        threshold = model().threshold  # lifted onto [threshold, 1]: it merges, and the model still ranks the options
        return threshold + (1 - threshold) * likely
    return likely


def _frame_text(frame: Frame) -> str:
    return " ".join(e.sentence for e in frame.evidence[:4])


def frame_vectors(frames: list[Frame]) -> list[np.ndarray | None]:
    """What the frames say, as multilingual embeddings: computed once, where the frames are made, and stored.

    A frame without block keys (no victim, CVE or actor) is never a candidate for another, so it is compared with
    nothing and gets no vector (None): a quarter of all frames, and the embedding is the costliest step there is."""
    comparable = [i for i, f in enumerate(frames) if block_keys(f)]
    vectors: list[np.ndarray | None] = [None] * len(frames)
    for i, vector in zip(comparable, embed([_frame_text(frames[i]) for i in comparable]), strict=True):
        vectors[i] = vector
    return vectors


def resolve(frames: list[Frame], vectors: list[np.ndarray | None] | None = None) -> list[Incident]:
    """Group frames into incidents; the result does not depend on the order the frames come in. ``vectors`` are the
    frames' embeddings where known (missing ones are computed)."""
    if not frames:
        return []
    known = vectors or [None] * len(frames)
    order = sorted(range(len(frames)), key=lambda i: (frames[i].document, frames[i].evidence[0].start
                                                      if frames[i].evidence else 0,
                                                      sorted(v.key for v in frames[i].victims)))
    frames, known = [frames[i] for i in order], [known[i] for i in order]
    rank = {id(frame): n for n, frame in enumerate(frames)}
    missing = [i for i, v in enumerate(known) if v is None]
    for i, vector in zip(missing, frame_vectors([frames[i] for i in missing]), strict=True):
        known[i] = np.zeros(EMBEDDING_SIZE, dtype=np.float32) if vector is None else vector
    vectors = np.asarray(known, dtype=np.float32)
    clusters: list[_Cluster] = []
    index: dict[str, dict[int, None]] = defaultdict(dict)  # key -> its clusters, the most recently joined last

    def join(c: int, i: int) -> None:
        clusters[c].add(frames[i], vectors[i])
        for key in _index_keys(frames[i]):
            index[key].pop(c, None)
            index[key][c] = None

    by_document: dict[str, list[int]] = defaultdict(list)
    for i, frame in enumerate(frames):
        by_document[frame.document].append(i)
    for positions in by_document.values():
        pairs = []
        for i in positions:
            pairs += [(_score(frames[i], vectors[i], clusters[c]), i, c) for c in _candidates(frames[i], index)]
        taken_frames: set[int] = set()
        taken_clusters: set[int] = set()
        threshold = model().threshold
        for score, i, c in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
            if score < threshold or i in taken_frames or c in taken_clusters:
                continue
            taken_frames.add(i)
            taken_clusters.add(c)
            join(c, i)
        for i in positions:
            if i not in taken_frames:
                clusters.append(_Cluster())
                join(len(clusters) - 1, i)
    incidents = [_incident(cluster) for cluster in _merge_alike(clusters, rank)]
    seen: dict[str, int] = {}
    for incident in incidents:  # two frames can open on one sentence (one per victim)
        seen[incident.id] = seen.get(incident.id, 0) + 1
        if seen[incident.id] > 1:
            incident.id = f"{incident.id}-{seen[incident.id]}"
    return incidents


def _merge_alike(clusters: list[_Cluster], rank: dict[int, int]) -> list[_Cluster]:
    """Average link: two incidents become one when each one's frames are, on average, likely part of the other and
    no article is in both. Articles join one at a time, so two reports of one incident that read less alike than a
    third can each open an incident first (Royal Mail's four reports on multilingual-train came out as two pairs).
    Candidates come from the incidents' index keys, a bounded number per key; ``rank`` keeps each incident's frames
    in resolution order, so its identity does not depend on which merged into which."""
    alive: dict[int, _Cluster] = dict(enumerate(clusters))
    keys = {n: set().union(*map(_index_keys, c.frames)) for n, c in alive.items()}
    index: dict[str, list[int]] = defaultdict(list)
    for n in alive:
        for key in keys[n]:
            index[key].append(n)
    threshold = model().threshold

    def links(n: int) -> list[tuple[float, int, int]]:
        """Its likely merges; two single reports were already weighed against each other as the second joined."""
        near = {m for key in keys[n] for m in index[key][-CANDIDATES_PER_KEY:]
                if m != n and m in alive and len(alive[n].frames) + len(alive[m].frames) > 2}
        return [(-link, min(n, m), max(n, m)) for m in sorted(near)
                if (link := _average_link(alive[n], alive[m])) >= threshold]

    heap = [entry for n in alive for entry in links(n)]
    heapq.heapify(heap)
    while heap:
        _, n, m = heapq.heappop(heap)
        if n not in alive or m not in alive:
            continue
        merged = _Cluster()
        for frame, vector in sorted(zip(alive[n].frames + alive[m].frames, alive[n].vectors + alive[m].vectors,
                                        strict=True), key=lambda pair: rank[id(pair[0])]):
            merged.add(frame, vector)
        del alive[m]
        alive[n], keys[n] = merged, keys[n] | keys[m]
        for key in keys[m]:
            index[key].append(n)
        for entry in links(n):
            heapq.heappush(heap, entry)
    return [alive[n] for n in sorted(alive)]


def _average_link(one: _Cluster, other: _Cluster) -> float:
    """How likely the two incidents are one: the mean probability of each frame of either as part of the other."""
    if one.documents & other.documents:
        return 0.0
    scores = [_score(f, v, other) for f, v in zip(one.frames, one.vectors, strict=True)]
    scores += [_score(f, v, one) for f, v in zip(other.frames, other.vectors, strict=True)]
    return sum(scores) / len(scores)


def _index_keys(frame: Frame) -> set[str]:
    """The keys a frame's incident is found under: none for a frame that can meet no other (see `block_keys`)."""
    identity = block_keys(frame)
    return identity | neighbour_keys(frame) if identity else identity


def _candidates(frame: Frame, index: dict[str, dict[int, None]]) -> set[int]:
    """The incidents a frame is compared with: the most recently joined of each of its keys, a bounded number, so
    resolution stays linear in the number of frames. A frame with no victim, CVE or actor is compared with none."""
    if not block_keys(frame):
        return set()
    found = {c for key in block_keys(frame) for c in itertools.islice(reversed(index.get(key, {})), CANDIDATES_PER_KEY)}
    return found | {c for key in neighbour_keys(frame, (-1, 0, 1))
                    for c in itertools.islice(reversed(index.get(key, {})), NEIGHBOURS_PER_KEY)}


def _unique(values) -> list:
    return list(dict.fromkeys(v for v in values if v))


def _merge_victims(frames: list[Frame]) -> list[Victim]:
    merged: list[Victim] = []
    for victim in (v for f in frames for v in f.victims):
        same = next((i for i, m in enumerate(merged) if _victims_match(m, victim)), None)
        if same is None:
            merged.append(victim)
        elif merged[same].country is None and victim.country:
            merged[same] = victim
    return merged


def _incident(cluster: _Cluster) -> Incident:
    frames = cluster.frames
    first = frames[0]
    opening = first.evidence[0].start if first.evidence else 0
    identity = f"{first.document}#{opening}#{sorted(v.key for v in first.victims)}"
    claims = _one_per_party([c for f in frames for c in f.claims])
    victims = _merge_victims(frames)
    types = _unique(t for f in frames for t in f.types)
    if len(types) > 1 and "other" in types:
        types.remove("other")
    label = TYPE_LABELS.get(types[0], "Cyberattack") if types else "Cyberattack"
    own = [date for date in map(_own_date, frames) if date]
    estimates = [f.first_seen for f in frames if f.first_seen and f.first_seen_estimated]
    title = f"{label} on {', '.join(v.name for v in victims[:3])}" if victims else _summary(frames)[:120]
    return Incident(
        id="inc-" + hashlib.sha1(identity.encode()).hexdigest()[:12],
        title=title,
        summary=_summary(frames),
        frames=frames,
        documents=_unique(f.document for f in frames),
        types=types,
        victims=victims,
        actors=_unique(a for f in frames for a in f.actors),
        states=_unique(t for c in claims if c.stance == "attributes" for t in c.attributed_to if len(t) == 2),
        vulnerabilities=_unique(v for f in frames for v in f.vulnerabilities),
        products=_unique(p for f in frames for p in f.products),
        malware=_unique(m for f in frames for m in f.malware),
        techniques=_unique(t for f in frames for t in f.techniques),
        claims=claims,
        first_seen=earliest(own) or min(estimates, default=None),
        discovered=earliest([f.discovered for f in frames if f.discovered]),
        disclosed=min((f.disclosed for f in frames if f.disclosed), default=None),
        first_seen_estimated=not own and bool(estimates),
    )


def _one_per_party(claims: list[Claim]) -> list[Claim]:
    """The same party making the same claim in several reports is one claim (its first wording kept): "Belgium" and
    "the Belgian Ministry of Foreign Affairs" attributing the attack to China are the Belgian government's claim."""
    kept: dict[tuple, Claim] = {}
    for claim in claims:
        party = claim.speaks_for or claim.claimant.casefold()
        kept.setdefault((party, claim.stance, frozenset(claim.attributed_to)), claim)
    return list(kept.values())


def _summary(frames: list[Frame]) -> str:
    return frames[0].evidence[0].sentence if frames[0].evidence else ""
