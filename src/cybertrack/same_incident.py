"""Do two reports tell the same incident? A model fitted on labelled pairs, read by the resolver.

What two reports share is weighed, not ruled: a victim (by its language-neutral key), a CVE, an actor, a malware
family, the victims' country, the kind of attack, dates a month apart, how far apart they came out, the names both
articles keep coming back to (see `extract.article_names`), and how alike their leads and sentences read
(multilingual embeddings). Reports of an outbreak (WannaCry, NotPetya) often name no victim alike across languages,
yet share the rest. A logistic regression over those, fitted by `scripts/train_same_incident.py` on the report pairs
across languages of multilingual-train (the only pairs the resolver asks it about), gives the probability that a
pair is one incident; `data/same_incident.json` holds its weights, the threshold chosen by cross-validation on those
pairs, and the sha256 of what they were fitted on.
The vectors are those of the report's sentences and of its article's lead (`report_vector`). The hard vetoes (two
countries for one victim, contradicting dates) stay in the resolver: no score outweighs them.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources

import numpy as np

from cybertrack.annotate.dates import months_apart
from cybertrack.blocking import block_keys
from cybertrack.embeddings import EMBEDDING_SIZE, SentenceEncoder
from cybertrack.extract.reporting import logistic
from cybertrack.knowledge.actors import alias_key
from cybertrack.model import Frame, Victim
from cybertrack.victim_identity import same_organisation

PAIR_FEATURES = ("same_victim", "other_victims", "victim_name_likeness", "same_cve", "same_actor", "other_actors",
                 "same_malware", "same_country", "same_type", "close_dates", "years_between_reports", "shared_names",
                 "names_weight", "sentence_similarity", "lead_similarity")
_FAR_YEARS = 3  # reports this many years apart are as far apart as any
_CLOSE_MONTHS = 1  # reports of one incident date it by the attack, its discovery or its claim, weeks apart
_NAMES_COUNTED = 3  # a third shared name adds little: an article names the victim, its country and its attacker
SENTENCES, LEAD = slice(0, EMBEDDING_SIZE), slice(EMBEDDING_SIZE, 2 * EMBEDDING_SIZE)


def report_vector(sentences: np.ndarray, lead: np.ndarray | None = None) -> np.ndarray:
    """What a report says, as one stored vector: the embedding of its own sentences, then that of its article's lead
    (its headline and opening). The sentences tell one article's frames apart; the lead tells best which incident an
    article reports. A report whose lead is unknown (stored before leads were kept) stands in its sentences for it."""
    if sentences.shape[0] == 2 * EMBEDDING_SIZE:
        return sentences
    return np.concatenate([sentences, sentences if lead is None else lead]).astype(np.float32)


def _frame_text(frame: Frame) -> str:
    return " ".join(e.sentence for e in frame.evidence[:4])


def frame_vectors(frames: list[Frame], encoder: SentenceEncoder, lead: np.ndarray | None = None) \
        -> list[np.ndarray | None]:
    """What one article's frames say, as `report_vector`s: the embedding of each frame's sentences and the article's
    ``lead`` vector (the embedding of its headline and opening, `extract.reporting.lead`), computed once,
    where the frames are made, and stored. The lead tells of the incident the article opens with, so only the frame
    that opens it gets it (`opens_article`); another stands in its own sentences for it.

    A frame without block keys (no victim, CVE, actor, name or month) is never a candidate for another, so it is
    compared with nothing and gets no vector (None): the embedding is the costliest step there is."""
    comparable = [i for i, f in enumerate(frames) if block_keys(f)]
    vectors: list[np.ndarray | None] = [None] * len(frames)
    for i, vector in zip(comparable, encoder.embed([_frame_text(frames[i]) for i in comparable]), strict=True):
        vectors[i] = report_vector(vector, lead if opens_article(frames[i], frames) else None)
    return vectors


def victims_match(a: Victim, b: Victim) -> bool:
    """Two reports' victims are one organisation: `same_victim_key`, or the same name in other words around it
    (`victim_identity.same_organisation`: "Verwaltung von Lutrecht", "Ayuntamiento de Lutrecht"). Enough to weigh two
    reports as one incident; an incident still lists both names, since "Lutrecht FC" would pass too."""
    return same_victim_key(a, b) or same_organisation(a, b)


def same_victim_key(a: Victim, b: Victim) -> bool:
    """The same key, or the same key where one report does not know the country ("?/ministry:interior")."""
    if a.key == b.key:
        return True
    if "/" not in a.key or "/" not in b.key:
        return False
    (country_a, what_a), (country_b, what_b) = a.key.split("/", 1), b.key.split("/", 1)
    return what_a == what_b and "?" in (country_a, country_b)


def opens_article(frame: Frame, siblings: list[Frame]) -> bool:
    """The frame is one its article opens with (its first sentence comes first among ``siblings``, the frames of its
    article): the one its lead speaks of, and so the one the model may judge by what the article as a whole says (its
    lead, its names). Two frames opening on one sentence both do."""
    def start(f: Frame) -> int:
        return f.evidence[0].start if f.evidence else 0

    return start(frame) == min(map(start, siblings))


def pair_features(a: Frame, vector_a: np.ndarray, b: Frame, vector_b: np.ndarray) -> list[float]:
    """What two reports share, in the order of ``PAIR_FEATURES``; the vectors are `report_vector`s. Two reports that
    each name who was hit, and name different victims, are told apart by ``other_victims``: a ministry and a railway
    attacked in one country are named beside the same places and officials, yet are two incidents. So are two that
    each name who attacked, and name different actors (``other_actors``): a gang's theft and a state group's, told
    alike ("stole millions", "demanded a ransom") in two languages."""
    shared = a.names.keys() & b.names.keys()
    same_victim = any(victims_match(v, w) for v in a.victims for w in b.victims)
    return [
        float(same_victim),
        float(bool(a.victims and b.victims) and not same_victim),
        max((name_likeness(v.name, w.name) for v in a.victims for w in b.victims), default=0.0),
        float(bool(set(a.vulnerabilities) & set(b.vulnerabilities))),
        float(bool(actor_keys(a) & actor_keys(b))),
        float(bool(a.actors and b.actors) and not actor_keys(a) & actor_keys(b)),
        float(bool(set(a.malware) & set(b.malware))),
        float(bool(victim_countries(a) & victim_countries(b))),
        float(bool(set(a.types) & set(b.types) - {"other"})),
        float(close_dates(a, b)),
        years_between_reports(a, b),
        min(len(shared), _NAMES_COUNTED) / _NAMES_COUNTED,
        sum(min(a.names[key], b.names[key]) for key in shared),
        float(vector_a[SENTENCES] @ vector_b[SENTENCES]),
        float(vector_a[LEAD] @ vector_b[LEAD]),
    ]


def actor_keys(frame: Frame) -> set[str]:
    """The report's actors, spelt alike ("Darkside" from the catalogue, "DarkSide" as another article writes it)."""
    return {alias_key(actor) for actor in frame.actors}


# what two reports may share that points to one incident rather than to one kind of story: a victim or a name like
# it, a CVE, an actor, a malware family, the names both articles keep coming back to
_ANCHORS = ("same_victim", "same_cve", "same_actor", "same_malware", "shared_names")
_LIKE_NAMES = 0.5  # "Regione Lazio" and "Region Latium" share this much of their trigrams; unrelated names little


def anchored(features: np.ndarray) -> np.ndarray:
    """Which pairs (rows of `pair_features`) share an anchor. Reports that share nothing but their wording are no
    incident: a wave of ransomware news reads alike whichever town or hospital each story is about. Of
    multilingual-train's pairs across languages, the model says yes to 3 of one incident that share no anchor (an
    Estonian report naming no victim, whose incident its others join) and to none of two; on 60 invented reports of
    20 ransomware, DDoS and espionage incidents, to 4 and 17. The model's threshold is chosen on every pair, as
    before: chosen on the anchored pairs alone it fell to 0.10, and joined more reports of different incidents."""
    columns = [PAIR_FEATURES.index(name) for name in _ANCHORS]
    return (features[:, columns] > 0).any(axis=1) \
        | (features[:, PAIR_FEATURES.index("victim_name_likeness")] >= _LIKE_NAMES)


def victim_countries(frame: Frame) -> set[str]:
    """The countries of the report's victims, and of the bodies its article keeps naming ("EE/ministry:foreign
    affairs"): an outbreak's reports that name no victim alike may still name its country's bodies."""
    keys = [victim.key for victim in frame.victims] + list(frame.names)
    return {victim.country for victim in frame.victims if victim.country} | {
        key.split("/", 1)[0] for key in keys if "/" in key and not key.startswith("?/")}


def close_dates(a: Frame, b: Frame) -> bool:
    """Both reports date the attack (by their text or, failing that, their publication month) within a month or so
    of each other. Undated reports are not close: the resolver's vetoes keep contradicting dates apart, this says
    only that the dates agree."""
    return bool(a.first_seen and b.first_seen) and months_apart(a.first_seen, b.first_seen) <= _CLOSE_MONTHS


def years_between_reports(a: Frame, b: Frame) -> float:
    """How far apart the two reports were published (or disclosed), in years, up to ``_FAR_YEARS``; 0 when either
    date is unknown. The news of one incident comes out within months; one victim attacked twice (a company hit in
    2019 and again in 2023) is told in reports years apart, even where neither dates the attack itself."""
    if not (a.disclosed and b.disclosed):
        return 0.0
    return min(months_apart(a.disclosed, b.disclosed) / 12, _FAR_YEARS) / _FAR_YEARS


def name_likeness(a: str, b: str) -> float:
    """How alike two names are spelt, 0 to 1 (Jaccard of their letter trigrams): a name crosses languages nearly
    unchanged or changed in its ending ("Regione Lazio", "Region Latium"), and an unrelated victim shares almost no
    trigram with it ("Microsoft Exchange", "Ministry of Defence")."""
    grams_a, grams_b = _trigrams(a), _trigrams(b)
    return len(grams_a & grams_b) / len(grams_a | grams_b) if grams_a and grams_b else 0.0


@functools.lru_cache(maxsize=65536)
def _trigrams(name: str) -> frozenset[str]:
    letters = " ".join("".join(ch if ch.isalnum() else " " for ch in name.casefold()).split())
    padded = f" {letters} "
    return frozenset(padded[i:i + 3] for i in range(len(padded) - 2)) if letters else frozenset()


@dataclass(frozen=True)
class SameIncidentModel:
    weights: np.ndarray
    bias: float
    threshold: float  # an incident takes a report when their pairs' mean probability reaches it

    def probability(self, features: np.ndarray) -> np.ndarray:
        return logistic(features, self.weights, self.bias)


@functools.cache
def same_incident_model() -> SameIncidentModel:
    data = json.loads((resources.files("cybertrack") / "data" / "same_incident.json").read_text("utf-8"))
    if data["features"] != list(PAIR_FEATURES):
        raise ValueError("data/same_incident.json was fitted on other features: run scripts/train_same_incident.py")
    return SameIncidentModel(np.asarray(data["weights"]), float(data["bias"]), float(data["threshold"]))
