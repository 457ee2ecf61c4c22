"""What kind of attack a frame reports (ransomware, data breach, phishing ...), from the frame's own sentences.

Every attack sentence of the frame proposes the types its words name ("ransomware attack", "stole customer data":
a hack in which data was taken is a data breach), and a ransomware family the galaxy lists proposes ransomware. Many
proposals come from background and round-up sentences ("ransomware is on the rise", "phishing remains the most
common way in"), so for the types CASIE labels (ransomware, data breach, phishing) a logistic regression decides
which proposals the frame's incident bears out. Its features carry across languages: the multilingual embedding of
the first sentence that names the type (does it tell of an attack that happened, or explain how such attacks
work?), how many of the frame's attack sentences name the type and what share they are, whether the lead or a
sentence naming the frame's victim does, how far down it is first named, whether it is the frame's most named
type. It is fitted by
`scripts/train_attack_types.py` on casie-train and multilingual-train only; `data/attack_types.json` records what
it was fitted on and the cross-validated figures. Other types (ddos, wiper, espionage ...) have no labels to learn
from and are kept as proposed.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass
from importlib import resources

import numpy as np

from cybertrack.embeddings import EMBEDDING_SIZE, Embedder
from cybertrack.extract.facts import SentenceFacts
from cybertrack.extract.negation import negated_before
from cybertrack.extract.reporting import logistic
from cybertrack.knowledge.base import knowledge_base
from cybertrack.model import Victim
from cybertrack.tables import table

LEAD_SENTENCES = 3
# the ATT&CK technique each type of attack is: a supply-chain attack is a Supply Chain Compromise (T1195), ransomware
# encrypts data for impact (T1486), a DDoS is a network denial of service (T1498)
TECHNIQUE_OF_TYPE = {"supply-chain": "T1195", "phishing": "T1566", "ransomware": "T1486", "ddos": "T1498",
                     "defacement": "T1491", "wiper": "T1485"}
FEATURES = ("log_sentences", "share_of_attack_sentences", "in_lead", "beside_victim", "log_first_index",
            "most_named", "ransomware", "data-breach", "phishing")


def sentence_types(sentence: SentenceFacts) -> list[str]:
    """The types an attack sentence names, with ransomware for a family the ransomware galaxy lists, and phishing
    for a sentence that tells a scam (`tells_a_scam`). A type its sentence negates is none: "no data was stolen",
    "es sind keine Daten abgeflossen", "er zijn geen gegevens buitgemaakt" say the breach did not happen."""
    if not (sentence.is_attack or tells_a_scam(sentence)):
        return []
    found = [str(value) for cue in sentence.cues.get("attack", []) if not negated_before(sentence, cue.start)
             for value in cue.values]
    if any(_is_ransomware(e) for m in sentence.software for e in m.values):
        found.append("ransomware")  # "Ryuk hit the hospital"
    if tells_a_scam(sentence):
        found.append("phishing")
    return list(dict.fromkeys(found))


def tells_a_scam(sentence: SentenceFacts) -> bool:
    """ "After posing as the CEO, a scammer received the staff's tax forms": a scam or an impersonation tells of
    phishing without any attack word, as CASIE's annotators read it ("posing as", "tricked into" are the triggers of
    its phishing events). It makes a type, not an attack sentence: who was hit is still read from attack sentences."""
    return (sentence.has("scam") or sentence.has("impersonation")) and not sentence.has("hypothetical")


@dataclass(frozen=True)
class Proposal:
    """A type the frame's attack sentences name: the first sentence that names it, and the other features."""

    first_sentence: str
    features: list[float]  # the names in ``FEATURES``


def proposed_types(sentences: list[SentenceFacts], victims: list[Victim]) -> dict[str, Proposal]:
    """Each type the frame's attack sentences name, in the order they name them."""
    attack = [s for s in sentences if s.is_attack or tells_a_scam(s)]
    named = {s.index: sentence_types(s) for s in attack}
    counts = Counter(t for types in named.values() for t in types)
    surfaces = [v.name.lower() for v in victims if len(v.name) >= 3]
    most = max((v for t, v in counts.items() if t != "other"), default=0)
    found = {}
    for kind, count in counts.items():
        carrying = [s for s in attack if kind in named[s.index]]
        found[kind] = Proposal(carrying[0].text, [
            math.log1p(count),
            count / len(attack),
            float(any(s.index < LEAD_SENTENCES for s in carrying)),
            float(any(name in s.text.lower() for s in carrying for name in surfaces)),
            math.log1p(min(s.index for s in carrying)),
            float(kind != "other" and count == most),
            *(float(kind == t) for t in FEATURES[-3:]),
        ])
    return found


def proposal_vectors(proposals: list[Proposal], encoder: Embedder) -> np.ndarray:
    """What the model reads: each proposal's sentence embedding followed by its other features."""
    if not proposals:
        return np.zeros((0, EMBEDDING_SIZE + len(FEATURES)))
    sentences = encoder.embed([p.first_sentence for p in proposals]).astype(np.float64)
    return np.hstack([sentences, np.asarray([p.features for p in proposals], dtype=np.float64)])


def frame_types(frames: list[tuple[list[SentenceFacts], list[Victim]]], encoder: Embedder) -> list[list[str]]:
    """Each frame's types (given by its sentences and victims), in the order its sentences name them; "other" when
    no specific type holds. One article's frames are judged together: their sentences are embedded in one batch."""
    weights, bias, threshold, judged = _model()
    proposed = [{kind: p for kind, p in proposed_types(*frame).items() if kind != "other"} for frame in frames]
    asked = [(i, kind) for i, found in enumerate(proposed) for kind in found if kind in judged]
    vectors = proposal_vectors([proposed[i][kind] for i, kind in asked], encoder)
    probability = dict(zip(asked, logistic(vectors, weights, bias), strict=True))
    kept = [[kind for kind in found if probability.get((i, kind), 1.0) >= threshold]
            for i, found in enumerate(proposed)]
    return [types or ["other"] for types in kept]


@table
def _model() -> tuple[np.ndarray, float, float, frozenset[str]]:
    data = json.loads((resources.files("cybertrack.extract") / "data" / "attack_types.json").read_text("utf-8"))
    return (np.asarray(data["weights"], dtype=np.float64), float(data["bias"]), float(data["threshold"]),
            frozenset(data["types"]))


def _is_ransomware(entry: object) -> bool:
    family = knowledge_base().software.get(getattr(entry, "key", ""))
    return bool(family and family.ransomware)


def implied_techniques(types: list[str], techniques: list[str]) -> list[str]:
    """``techniques`` with the technique of each type the frame bears out that no named one (or a sub-technique of it)
    already gives: a frame typed a supply-chain attack used T1195 whether or not a sentence names it so."""
    found = list(techniques)
    for kind in types:
        technique = TECHNIQUE_OF_TYPE.get(kind)
        if technique and not any(t.split(".")[0] == technique for t in found):
            found.append(technique)
    return found
